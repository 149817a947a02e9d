"""Tally the actor1/actor2 errors of an ACLED evaluation into kinds, per mechanism.

Usage: python tools/actor_error_kinds.py ERRORS_CSV [--gold ../shared/eval/acled_dev.csv] [--except-country Kenya]

ERRORS_CSV is what ``eventdesk eval acled GOLD --errors ERRORS_CSV`` writes. Only the rows outside
``--except-country`` are tallied (the held-out check's kind of rows). A field's kind, first that fits:

- ``no event``: no extracted event matched the row (a recall error, not an actor error);
- ``role order``: the predicted actor is the row's other actor (the sides are swapped; a battle whose
  two sides are both swapped is no error, the evaluation taking a battle's sides in either order);
- ``side left blank`` / ``extra side``: the event has no actor where the row has one, or the reverse;
- ``country convention``: the row follows a country team's convention no rule states (Brazil's
  "Unidentified Gang and/or Police Militia" for unknown perpetrators);
- ``state force naming``: both are state forces of one country, named otherwise (unit, faction, police
  or military, the regime's faction: Yemen's Supreme Political Council);
- ``state force country``: both are state forces, of different countries;
- ``generic country``: both are one generic actor (Protesters, Rioters, Civilians, Unidentified ...)
  with another or no country;
- ``missing KB entry``: the row names a group the dictionary and knowledge base do not know, and
  eventdesk wrote something else; ``KB entry not found``: the group is known, but not read here;
- ``named for generic``: eventdesk names a group or force where the row has a generic actor;
- ``wrong type``: both generic, of different kinds (Civilians / Rioters, Unidentified Armed Group /
  Unidentified Gang), or a state force against a generic actor;
- ``other``.

The years in brackets are ignored, as the evaluation ignores them.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventdesk.evaluate._scores import normalise_actor  # noqa: E402

KINDS = ("no event", "role order", "side left blank", "extra side", "country convention", "state force naming",
         "state force country", "generic country", "missing KB entry", "KB entry not found", "named for generic",
         "wrong type", "other")
_STATE = re.compile(r"^(military forces|police forces|government) of (?:the )?([^()]+?)(?:\s*\(|$)", re.I)
_GENERIC = re.compile(r"^(protesters|rioters|civilians|unidentified[a-z/ ]*?(?:group|gang|militia))(?:\s*\((.*)\))?$", re.I)
_CONVENTIONS = frozenset({"unidentified gang and/or police militia"})


def _state(name: str) -> tuple[str, str] | None:
    m = _STATE.match(name)
    return (m.group(1).lower(), m.group(2).strip().lower()) if m else None


def _generic(name: str) -> tuple[str, str] | None:
    m = _GENERIC.match(name.strip())
    return (m.group(1).lower(), (m.group(2) or "").lower()) if m else None


def kind(gold: str, predicted: str, gold_other: str, predicted_other: str, known: frozenset[str]) -> str:
    """The kind of one actor error (see the module's docstring); ``known`` holds the normalised
    names of the dictionary and knowledge base."""
    g, p = normalise_actor(gold), normalise_actor(predicted)
    if predicted == "(no event)":
        return "no event"
    if p and p == normalise_actor(gold_other) and g == normalise_actor(predicted_other):
        return "role order"
    if not p:
        return "side left blank"
    if not g:
        return "extra side"
    if g in _CONVENTIONS:
        return "country convention"
    gs, ps, gg, pg = _state(gold), _state(predicted), _generic(gold), _generic(predicted)
    if gs and ps:
        return "state force naming" if gs[1] == ps[1] else "state force country"
    if gg and pg:
        return "generic country" if gg[0] == pg[0] else "wrong type"
    if not gs and not gg:  # the row names a group
        return "KB entry not found" if g in known else "missing KB entry"
    if gg and not pg:
        return "named for generic" if not ps else "wrong type"
    if gs and pg:
        return "wrong type"
    return "other"


def known_names() -> frozenset[str]:
    from eventdesk.extract.actors._dictionary import ActorDictionary

    names = set()
    for e in ActorDictionary.load().entries:
        names.add(normalise_actor(e.name.replace(" ({country})", "")))
    return frozenset(names)


def tally(errors: Path, gold_path: Path, except_country: str) -> tuple[Counter, Counter]:
    gold = {r["event_id_cnty"]: r for r in csv.DictReader(gold_path.open(encoding="utf-8"))}
    predicted: dict[tuple[str, str], str] = {}
    for r in csv.DictReader(errors.open(encoding="utf-8")):
        if r["field"] in ("actor1", "actor2"):
            predicted[(r["event_id_cnty"], r["field"])] = r["predicted"]
    known = known_names()
    kinds: Counter = Counter()
    examples: Counter = Counter()
    for (row_id, field), p in predicted.items():
        row = gold[row_id]
        if row["country"] == except_country:
            continue
        other = "actor2" if field == "actor1" else "actor1"
        k = kind(row[field], p, row[other], predicted.get((row_id, other), row[other]), known)
        kinds[(field, k)] += 1
        examples[(k, row[field], p)] += 1
    return kinds, examples


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("errors", type=Path)
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "acled_dev.csv")
    ap.add_argument("--except-country", default="Kenya")
    ap.add_argument("--examples", type=int, default=3, help="most frequent (gold, predicted) pairs per kind")
    args = ap.parse_args()
    kinds, examples = tally(args.errors, args.gold, args.except_country)
    print(f"{'kind':22} {'actor1':>7} {'actor2':>7}")
    for k in KINDS:
        print(f"{k:22} {kinds[('actor1', k)]:7} {kinds[('actor2', k)]:7}")
        for (kk, g, p), n in sorted(((e, n) for e, n in examples.items() if e[0] == k), key=lambda x: -x[1])[:args.examples]:
            print(f"    {n:4}  {g!r} <- {p!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
