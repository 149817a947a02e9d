"""CPU seconds of each per-article step over the 1,500 MUC-4 bench reports (the reports of
``same_results.py``), one process, services loaded before the clock starts, the C allocator set as
the bench's eventdesk side sets it: where a speed change should go, and what it did. Two lines give
the spaCy part of a step apart (the parse step's ``nlp.pipe``, the NER the places step runs on demand);
they are inside their step's figure, not added to the total. A step's time is the CPU time (``time.process_time``) of its batches, so
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


def _timed(fn, key: str, spent: Counter[str]):
    def run(*args, **kwargs):
        clock = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[key] += time.process_time() - clock
    return run


def stage_times(limit: int | None = None) -> dict[str, float]:
    from eventdesk import app
    from eventdesk.document import ArticleDoc
    from eventdesk.pipeline import Pipeline
    from eventdesk.settings import Settings

    from eventdesk._allocator import keep_freed_memory

    arts = articles(limit)
    keep_freed_memory()  # as `eventdesk extract` and the bench's eventdesk side do (cli._batch_process)
    services = app.load_services(Settings(progress=False))
    pipeline = Pipeline(services)
    spent: Counter[str] = Counter()
    # inside two steps, the spaCy part apart: the parse step's nlp.pipe (the rest of it is the cue test
    # that picks the sentences) and the statistical NER the places step runs on demand
    nlp = services.nlp
    for method, key in (("parse", "parse: spaCy nlp.pipe"), ("entities", "places: spaCy NER")):
        setattr(nlp, method, _timed(getattr(nlp, method), key, spent))
    start = time.process_time()
    for i in range(0, len(arts), pipeline.batch_size):
        docs = [ArticleDoc(a) for a in arts[i:i + pipeline.batch_size]]
        for stage in pipeline.stages:
            clock = time.process_time()
            docs = stage.run_batch(docs, services)
            spent[stage.name] += time.process_time() - clock
    steps = [stage.name for stage in pipeline.stages]
    order = [key for step in steps for key in (step, *(k for k in spent if k.startswith(f"{step}: ")))]
    return {**{name: round(spent[name], 2) for name in order if name in spent},
            "total": round(time.process_time() - start, 2), "reports": len(arts)}


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
