"""CPU seconds of each per-article step over the 1,500 MUC-4 bench reports (the reports of
``same_results.py``), one process, services loaded before the clock starts: where a speed change
should go, and what it did. A step's time is the CPU time (``time.process_time``) of its batches, so
other programs on the machine disturb it less than a wall clock (they still do: on a busy machine
every figure rises; compare runs made one after the other, or alternate old and new code).

    python bench/stage_times.py                 # all 1,500 reports
    python bench/stage_times.py --limit 300 --json out/stage_times.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from same_results import articles  # noqa: E402


def stage_times(limit: int | None = None) -> dict[str, float]:
    from eventdesk import app
    from eventdesk.document import ArticleDoc
    from eventdesk.pipeline import Pipeline
    from eventdesk.settings import Settings

    arts = articles(limit)
    services = app.load_services(Settings(progress=False))
    pipeline = Pipeline(services)
    spent: Counter[str] = Counter()
    start = time.process_time()
    for i in range(0, len(arts), pipeline.batch_size):
        docs = [ArticleDoc(a) for a in arts[i:i + pipeline.batch_size]]
        for stage in pipeline.stages:
            clock = time.process_time()
            docs = stage.run_batch(docs, services)
            spent[stage.name] += time.process_time() - clock
    return {**{name: round(s, 2) for name, s in spent.items()}, "total": round(time.process_time() - start, 2),
            "reports": len(arts)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, help="read only the first N reports")
    ap.add_argument("--json", help="also write the figures here")
    a = ap.parse_args()
    load = float(Path("/proc/loadavg").read_text().split()[0])
    times = stage_times(a.limit)
    times["loadavg_before"] = load
    for name, s in times.items():
        print(f"{name:16s} {s}")
    if a.json:
        Path(a.json).parent.mkdir(parents=True, exist_ok=True)
        Path(a.json).write_text(json.dumps(times, indent=2))


if __name__ == "__main__":
    main()
