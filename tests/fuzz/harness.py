"""Runs hostile inputs through the real reader, pipeline and store (``eventdesk.app.extract`` on
files, as ``eventdesk extract`` does) and records what a run must never do:

* **crash**: an exception escapes the run (a traceback for the user instead of a skipped input);
* **hang**: the run takes longer than a generous wall-clock limit per input (``signal.alarm``:
  the harness runs in the main thread);
* **lose a good article**: a good article given in the same run is not stored;
* **break the store**: a later clean run on the same store fails, or the store holds a date or a
  toll out of range.

Also counted, as findings that are not failures: inputs skipped by a limit (by setting), and
articles skipped by the pipeline's catch-all ("internal error in <stage>", a bug to fix).
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import time
import traceback
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hostile import DAYS, PLACES, Case, event_sentence

from eventdesk.app import export_events, extract
from eventdesk.ingest import content_hash
from eventdesk.model import EARLIEST_DATE, LATEST_DATE
from eventdesk.store import Store


class Hang(BaseException):
    """The wall-clock limit of a run passed (raised by the alarm, in the main thread)."""


@dataclass
class Tally:
    inputs: int = 0
    runs: int = 0
    crashes: list[tuple[Case, str]] = field(default_factory=list)
    hangs: list[tuple[Case, float]] = field(default_factory=list)
    good_lost: list[tuple[list[Case], str]] = field(default_factory=list)
    internal_errors: list[tuple[str, str]] = field(default_factory=list)
    limits: Counter = field(default_factory=Counter)
    skipped: int = 0
    stored: int = 0
    slowest: tuple[float, str] = (0.0, "")
    kinds: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)  # why inputs were skipped (numbers and quotes blurred)

    @property
    def failures(self) -> int:
        return len(self.crashes) + len(self.hangs) + len(self.good_lost)

    def as_dict(self) -> dict:
        return {
            "inputs": self.inputs, "runs": self.runs, "by_kind": dict(self.kinds),
            "crashes": len(self.crashes), "hangs": len(self.hangs), "good_articles_lost": len(self.good_lost),
            "internal_errors": len(self.internal_errors), "skipped": self.skipped, "stored": self.stored,
            "limits_reached": dict(self.limits), "slowest_run_s": round(self.slowest[0], 2),
            "slowest_run": self.slowest[1],
            "crash_examples": [{"case": repr(c), "traceback": t[-2000:]} for c, t in self.crashes[:10]],
            "hang_examples": [{"case": repr(c), "seconds": round(s, 1)} for c, s in self.hangs[:10]],
            "internal_error_examples": [{"origin": o, "reason": r} for o, r in self.internal_errors[:10]],
            "skip_reasons": dict(self.reasons.most_common(60)),
        }


def _alarm(signum, frame):
    raise Hang


def write_cases(cases: Iterable[Case], folder: Path) -> list[Path]:
    """Each case in a folder of its own (a manifest's ``path`` entries resolve there)."""
    paths = []
    for i, case in enumerate(cases):
        sub = folder / f"case{i}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / case.name).write_bytes(case.data)
        paths.append(sub / case.name)
    return paths


def run_cases(cases: list[Case], settings, services, folder: Path, tally: Tally, *,
              seconds_per_input: float = 120.0, attribute: bool = True) -> None:
    """One ``extract`` run over ``cases`` plus one good article, with every check above. When the
    run crashes or hangs and holds several cases, each is run again alone to name the culprit."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = write_cases(cases, folder)
    tag = uuid.uuid4()
    good_text = f"{event_sentence(PLACES[tag.int % len(PLACES)], DAYS[tag.int % 7])} Run {tag.hex[:12]}."
    good = folder / f"good-{tag.hex[:12]}.txt"
    good.write_text(good_text, encoding="utf-8")
    limit = seconds_per_input * max(1, len(cases))
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    error = ""
    report = None
    try:
        report = extract([str(p) for p in paths] + [str(good)], settings, services=services)
    except Hang:
        error = "hang"
    except BaseException:  # noqa: BLE001 - a crash is what the fuzz looks for
        error = traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    took = time.perf_counter() - start
    if os.environ.get("EVENTDESK_FUZZ_TRACE"):
        print(f"{took:7.2f} s  {error[:60]!r}  {[repr(c) for c in cases]}"[:400], file=sys.stderr, flush=True)
    if error and attribute and len(cases) > 1:
        for i, case in enumerate(cases):
            run_cases([case], settings, services, folder / f"alone{i}", tally,
                      seconds_per_input=seconds_per_input, attribute=False)
        return
    tally.runs += 1
    tally.inputs += len(cases)
    tally.kinds.update(c.kind for c in cases)
    if took > tally.slowest[0]:
        tally.slowest = (took, ", ".join(repr(c) for c in cases)[:500])
    if error == "hang":
        tally.hangs.extend((c, took) for c in cases)
        return
    if error:
        tally.crashes.extend((c, error) for c in cases)
        return
    s = report.summary
    tally.skipped += len(s.skipped)
    tally.reasons.update(_blur(k.reason) for k in s.skipped)
    tally.stored += s.articles_new
    tally.limits.update(dict(s.limits))
    tally.internal_errors.extend((k.origin, k.reason) for k in s.skipped
                                 if "internal error" in k.reason or k.reason.startswith("not stored"))
    with Store.open(settings.db) as store:
        if store.stored_id(content_hash(good_text)) is None:
            reasons = [f"{k.origin}: {k.reason}" for k in s.skipped if k.origin == str(good)]
            tally.good_lost.append((cases, "; ".join(reasons) or "not stored, no reason"))


def _blur(reason: str) -> str:
    """A skip reason without its particulars, so that reasons of one kind count together."""
    reason = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", reason)
    return re.sub(r"\d[\d,.]*", "#", reason)[:90]


def check_store(settings) -> list[str]:
    """What is wrong with the store: a stored date or toll out of range (empty when nothing)."""
    problems = []
    with Store.open(settings.db) as store:
        for e in store.events():
            if e.fields.date is not None and not EARLIEST_DATE <= e.fields.date.date <= LATEST_DATE:
                problems.append(f"event {e.event_id}: date {e.fields.date.date}")
            if not 0 <= e.fields.fatalities.best <= settings.max_fatalities:
                problems.append(f"event {e.event_id}: toll {e.fields.fatalities.best}")
    return problems


def clean_run(settings, services, folder: Path) -> dict:
    """A run of ordinary articles on the store the hostile runs used, then an export: both must
    work, store every article and find their events."""
    folder.mkdir(parents=True, exist_ok=True)
    tag = uuid.uuid4().hex[:8]
    manifest = folder / "clean.jsonl"
    records = [
        {"id": f"clean-{tag}-1", "published": "2021-03-02", "outlet": "Wire",
         "text": "Gunmen killed five people in the village of Tarmiyah, north of Baghdad, on Monday, police said."},
        {"id": f"clean-{tag}-2", "published": "2021-03-03", "outlet": "Daily",
         "text": "Protesters blocked the main road in Nairobi on Tuesday to demand lower fuel prices."},
        {"id": f"clean-{tag}-3", "published": "2021-03-04", "outlet": "Post",
         "text": "Al Shabaab militants attacked a police post in Mandera on Wednesday, killing two officers."},
    ]
    manifest.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = extract([str(manifest)], settings, services=services)
    exported, _ = export_events(settings, str(folder / "events.csv"))
    return {"articles_new": report.summary.articles_new, "skipped": len(report.summary.skipped),
            "events": report.summary.events, "exported": exported, "expected_new": len(records)}
