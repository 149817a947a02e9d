"""Fusing many undated reports of one province: the cost of each run, in CPU time and pairs scored.

The case of issue 18: one article of about 100 KB repeating an undated violent sentence ("Gunmen
killed 5 people in the village of Tarmiyah on Monday, police said.", no publication date, so "on
Monday" cannot be resolved) gives about 1,300 undated mentions of one province; then a second such
article, then single undated reports from the same province, each run into the same store through
``eventdesk.app.extract`` as ``eventdesk extract`` does.

For each run it reports the CPU time of the whole run and of fusion alone (``fuse_new`` and
``fuse_pending``), how many pairs fusion scored (calls of ``compare``) and how many stored mention
ids the store's neighbour lookup returned. CPU time, not wall time: other programs on this shared
machine do not count; their load is reported too (1-minute load average before and after).

    python bench/bench_undated.py --out out/bench_undated.json [--kb 100] [--later 3]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path


def _paragraph(kb: int, deaths: int) -> str:
    sentence = f"Gunmen killed {deaths} people in the village of Tarmiyah on Monday, police said."
    return " ".join([sentence] * max(1, kb * 1000 // (len(sentence) + 1)))


def _instrument(counts: dict[str, int], spent: dict[str, float]) -> None:
    """Count ``compare`` calls and neighbour ids, and time fusion, in this process."""
    import eventdesk.app as app
    import eventdesk.fuse._cluster as clustering
    import eventdesk.store._fusion as store_fusion

    real_compare = clustering.compare

    def counted(*args, **kwargs):
        counts["scored"] += 1
        return real_compare(*args, **kwargs)

    clustering.compare = counted
    app.compare = counted
    real_ids = store_fusion._neighbours  # the lookups made in SQL (a pass looks up alike items once)

    def ids(conn, item):
        found = real_ids(conn, item)
        counts["neighbour_lookups"] += 1
        counts["neighbour_ids"] += len(found)
        return found

    store_fusion._neighbours = ids
    for name in ("fuse_new", "fuse_pending"):
        real = getattr(app, name)

        def timed(*args, _real=real, **kwargs):
            t0 = time.process_time()
            try:
                return _real(*args, **kwargs)
            finally:
                spent["fusion"] += time.process_time() - t0

        setattr(app, name, timed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=int, default=100, help="size of each of the two long articles")
    parser.add_argument("--later", type=int, default=3, help="single undated reports after them")
    parser.add_argument("--out", default="out/bench_undated.json")
    args = parser.parse_args()

    from eventdesk.app import extract
    from eventdesk.app import load_services
    from eventdesk.settings import Settings
    from eventdesk.store import Store

    counts = {"scored": 0, "neighbour_lookups": 0, "neighbour_ids": 0}
    spent = {"fusion": 0.0}
    _instrument(counts, spent)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "u.db"), progress=False)
        services = load_services(settings)
        texts = [("long-1", _paragraph(args.kb, 5)), ("long-2", _paragraph(args.kb, 6))]
        texts += [(f"later-{n}", f"Gunmen killed {7 + n} people in the village of Tarmiyah on Monday, police said.")
                  for n in range(args.later)]
        load_before = os.getloadavg()[0]
        for name, text in texts:
            manifest = Path(tmp) / f"{name}.jsonl"
            manifest.write_text(json.dumps({"id": name, "text": text}) + "\n")
            for key in counts:
                counts[key] = 0
            spent["fusion"] = 0.0
            t0 = time.process_time()
            report = extract([str(manifest)], settings, services=services)
            cpu = time.process_time() - t0
            with Store.open(settings.db) as store:
                mentions = store.mention_count()
            runs.append({"article": name, "chars": len(text), "cpu_s": round(cpu, 2),
                         "fusion_cpu_s": round(spent["fusion"], 2), "pairs_scored": counts["scored"],
                         "neighbour_lookups": counts["neighbour_lookups"], "neighbour_ids": counts["neighbour_ids"],
                         "mentions_in_store": mentions, "events_in_store": report.events_total})
            print(json.dumps(runs[-1]), flush=True)
        load_after = os.getloadavg()[0]
    out = {"kb": args.kb, "runs": runs, "load_1min_before": load_before, "load_1min_after": load_after,
           "cpus": os.cpu_count()}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
