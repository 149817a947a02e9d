"""Scoring against the PLOVER gold-standard records (``../shared/eval/plover_gsr.json``, CC BY-SA 4.0):
news-style sentences, each coded by the Open Event Data Alliance with its main event's PLOVER category,
its source and target actors and, for violence, the dead.

Each record's ``text`` is one article published on the record's ``date``. PLOVER's categories are
not ACLED's, so only what the two schemes agree on is scored, by category family:

* **violent** (ASSAULT, FIGHT): ``violent_found``, an extracted event of a violent type (Violence
  against civilians, Explosions/Remote violence, Battles); ``deaths``, on records that give the dead,
  an extracted violent event with exactly that toll.
* **not violent** (AGREE, CONSULT, SUPPORT, COOPERATE, AID, CONCEDE, RETREAT, DEMAND, DISAPPROVE, REJECT,
  THREATEN, INVESTIGATE, SANCTION, MOBILIZE): ``no_violent_event``, no violent event extracted: statements,
  threats, demands and talks are not political violence (CODEBOOK section 5). A sentence coded for its
  main event can still tell violence beside it ("... in Serbia, where 24 people were killed in riots last
  March"): such records count against this figure even when an event of that other act is right, so read it
  as an upper bound on false violence, with the errors file.
* **protest** (PROTEST): ``protest_found``, an extracted Protests or Riots event. PLOVER's PROTEST also
  holds petitions and boycotts that ACLED does not code.

COERCE (arrests, seizures, expulsions: some ACLED events, some not) and DOCUMENT are read but not
scored. ``--by event`` breaks the figures down by PLOVER category."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from eventdesk.errors import EvalError
from eventdesk.evaluate._scores import EvalReport, FieldScore, Grouping, Runner, article
from eventdesk.model import ArticleResult, EventMention

__all__ = ["PLOVER_FIELDS", "evaluate_plover", "plover_checks"]

PLOVER_FIELDS = ("violent_found", "deaths", "no_violent_event", "protest_found")
VIOLENT = frozenset({"ASSAULT", "FIGHT"})
NOT_VIOLENT = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "DEMAND",
                         "DISAPPROVE", "REJECT", "THREATEN", "INVESTIGATE", "SANCTION", "MOBILIZE"})
_VIOLENT_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence", "Battles"})
_PROTEST_TYPES = frozenset({"Protests", "Riots"})


def read_plover(path: str | Path) -> list[dict]:
    """The records of a PLOVER gold file that carry a sentence (the file's documentation record has none)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"{path}: cannot read PLOVER records: {exc}") from exc
    if not isinstance(data, list):
        raise EvalError(f"{path}: expected a JSON list of PLOVER records")
    records = [r for r in data if isinstance(r, dict) and r.get("text") and r.get("event") and r.get("id")]
    if not records:
        raise EvalError(f"{path}: no PLOVER records with a text")
    return records


def _dead(record: dict) -> int | None:
    value = str(record.get("dead", "")).strip()
    return int(value) if value.isdigit() else None


def plover_checks(record: dict, events: list[EventMention]) -> dict[str, bool]:
    """The fields one record scores (see the module docstring), from the events extracted from its text."""
    category = record["event"]
    violent = [e for e in events if e.event_type in _VIOLENT_TYPES]
    if category in VIOLENT:
        checks = {"violent_found": bool(violent)}
        dead = _dead(record)
        if dead is not None:
            checks["deaths"] = any(e.fatalities.best == dead for e in violent)
        return checks
    if category in NOT_VIOLENT:
        return {"no_violent_event": not violent}
    if category == "PROTEST":
        return {"protest_found": any(e.event_type in _PROTEST_TYPES for e in events)}
    return {}


def _published(record: dict) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(record.get("date", "")))
    except ValueError:
        return None


def evaluate_plover(path: str | Path, run: Runner, errors_path: str | Path, limit: int | None = None,
                    by: Grouping | None = None) -> EvalReport:
    records = read_plover(path)
    if limit:
        records = records[:limit]
    articles = [article(f"plover-{r['id']}", r["text"], _published(r), f"{path}:{r['id']}") for r in records]
    results = {r.clean.id: r for r in run(articles) if isinstance(r, ArticleResult)}
    report = EvalReport("plover", len(records), len(records), 0, {f: FieldScore() for f in PLOVER_FIELDS},
                        errors_path=str(errors_path), by=by.column if by else "")
    with open(errors_path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "field", "gold", "predicted", "text"])
        for record, art in zip(records, articles):
            res = results.get(art.id)
            events = list(res.events) if res else []
            checks = plover_checks(record, events)
            if not checks:
                continue
            report.matched += bool(events)
            report.add(by.key({k: str(v) for k, v in record.items()}) if by else None, checks)
            predicted = " || ".join(f"{e.event_type} ({e.fatalities.best})" for e in events) or "(no event)"
            for f, ok in checks.items():
                if not ok:
                    gold = f"{record['event']}" + (f", {record['dead']} dead" if f == "deaths" else "")
                    w.writerow([record["id"], f, gold, predicted, record["text"]])
    # fields no record scored (a subset run) are left out rather than shown as 0%
    report.fields = {f: s for f, s in report.fields.items() if s.total}
    return report
