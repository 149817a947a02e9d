"""Check that a speed change changes no output: the ``repr`` of every article result of the 1,500
MUC-4 bench reports (dev, tst1, tst2, fed as the evaluation feeds them), one line per report,
written to a file that a run on other code can be compared with (``cmp``/``diff``).

    python bench/same_results.py --out /tmp/results-before.txt            # on the old code
    python bench/same_results.py --out /tmp/results-after.txt             # on the new code
    cmp /tmp/results-before.txt /tmp/results-after.txt

``--profile FILE`` also writes a cProfile of the processing (services loaded before it starts, so
the parse, the NER and every rule count, and nothing is cached between runs); ``--limit N`` reads
only the first N reports.
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUC = ROOT.parent / "shared" / "eval" / "muc4"


def articles(limit: int | None = None) -> list:
    sys.path.insert(0, str(ROOT / "src"))
    from eventdesk.evaluate._muc_data import read_reports
    from eventdesk.model import Article
    from eventdesk.ingest import content_hash

    out = []
    for name in ("dev", "tst1", "tst2"):
        for r in read_reports(MUC / name):
            if r.text.strip():
                out.append(Article(id=r.id, raw=r.text, kind="text", origin=r.origin,
                                   content_hash=content_hash(r.text), published=r.published, outlet="FBIS"))
    return out[:limit] if limit else out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True, help="where to write one repr per report")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--profile", help="write a cProfile of the processing here")
    a = ap.parse_args()
    arts = articles(a.limit)
    from eventdesk import app
    from eventdesk.settings import Settings

    services = app.load_services(Settings(progress=False))
    prof = cProfile.Profile() if a.profile else None
    cpu = time.process_time()
    if prof:
        prof.enable()
    results = app.process(arts, services)
    if prof:
        prof.disable()
        prof.dump_stats(a.profile)
    cpu = time.process_time() - cpu
    with open(a.out, "w", encoding="utf-8") as fh:
        for r in results:
            fh.write(repr(r).replace("\n", "\\n") + "\n")
    print(f"{len(results)} results, {cpu:.1f} CPU s, written to {a.out}")


if __name__ == "__main__":
    main()
