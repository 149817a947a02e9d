"""Scoring against UCDP GED rows: each distinct headline is one article published on ``source_date``;
date inside [date_start, date_end], deaths inside [low, high], the dyad in either order, coordinates
within 50 km.

``dyad`` compares names as written, with one reading of GED's: "Government of Iraq" is the whole state side
(UCDP's government side: army, police and the other security services), so eventdesk's "Military Forces of
Iraq", "Police Forces of Iraq" and a unit of either ("Military Forces of Iraq (2014-) Peshmerga") all meet it;
``dyad_kb`` first maps each GED side through the actor knowledge base (``data/actors_kb.csv``, whose
UCDP names and aliases are GED's), so "Taleban", "IS" or "Government of Afghanistan" meet the names
eventdesk gives. The extra ``headline_names_the_group`` says, of the rows whose GED side is a named
non-state group, how many have a headline that names that group at all: GED's coders attribute from
the whole story, so a headline-only reader cannot name the others."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

from eventdesk.evaluate._scores import (
    EvalReport,
    FieldScore,
    Grouping,
    Runner,
    article,
    km,
    match,
    normalise_actor,
    read_gold,
)
from eventdesk.evaluate.acled import _label, _needs
from eventdesk.model import ArticleResult, EventMention

__all__ = ["GED_FIELDS", "evaluate_ged"]

GED_FIELDS = ("date_in_range", "deaths_in_range", "dyad", "dyad_kb", "coords_50km")


_GED_ALIASES = {"is": "islamic state"}


_STATE = re.compile(r"^(?:government|military forces|police forces) of ")


def _ged_side(name: str) -> str:
    """One side's name as both datasets can agree on it: GED's "Government of Iraq" is the state's
    side, which ACLED splits into "Military Forces of Iraq" and "Police Forces of Iraq" (both read
    "government of iraq" here; a unit stays after it), GED's "IS" the "Islamic State", and a group is
    its acronym when ACLED writes "PKK: Kurdistan Workers Party" and GED "PKK"."""
    n = normalise_actor(name)
    n = _GED_ALIASES.get(n, n)
    n = _STATE.sub("government of ", n)
    n = re.sub(r" \(.*\)$", "", n)
    return " ".join(n.split(":", 1)[0].split())


def _on_side(ours: str, gold: set[str]) -> str:
    """Our side under GED's name when it is a unit of a state GED names as a whole ("government of
    iraq peshmerga" is on the side of "government of iraq"); else as it is."""
    for g in gold:
        if g.startswith("government of ") and ours.startswith(g + " "):
            return g
    return ours


def _same_dyad(gold: set[str], ours: set[str]) -> bool:
    return gold == {_on_side(o, gold) for o in ours}


def _kb_side(name: str, country: str, dictionary) -> str:
    """A GED side under the knowledge base's name, normalised as ``_ged_side`` does."""
    if dictionary is not None and not name.lower().startswith("government of"):
        entry = dictionary.lookup(name, country) or dictionary.lookup(name, None)
        if entry is not None:
            return _ged_side(re.sub(r" \(.*\)$", "", entry.name))
    return _ged_side(name)


def _named_group(name: str) -> bool:
    low = name.lower()
    return not (low.startswith("government of") or low.startswith("civilians") or not low)


def _ged_checks(g: dict[str, str], e: EventMention | None, dictionary=None) -> dict[str, bool]:
    if e is None:
        return {f: False for f in GED_FIELDS}
    start, end = dt.date.fromisoformat(g["date_start"]), dt.date.fromisoformat(g["date_end"])
    gold_dyad = {_ged_side(g["side_a"]), _ged_side(g["side_b"])}
    ours = {_ged_side(e.actor1.name) if e.actor1 else "", _ged_side(e.actor2.name) if e.actor2 else ""}
    coords = bool(e.place) and bool(g["latitude"]) and km(
        e.place.latitude, e.place.longitude, float(g["latitude"]), float(g["longitude"])) <= 50
    low, high = int(g["low"] or 0), int(g["high"] or 0)
    return {
        "date_in_range": bool(e.date) and start <= e.date.date <= end,
        "deaths_in_range": low <= e.fatalities.best <= high,
        "dyad": _same_dyad(gold_dyad, ours),
        "dyad_kb": _same_dyad({_kb_side(g["side_a"], g.get("country", ""), dictionary),
                               _kb_side(g["side_b"], g.get("country", ""), dictionary)}, ours),
        "coords_50km": coords,
    }


def evaluate_ged(path: str | Path, run: Runner, errors_path: str | Path, limit: int | None = None,
                 by: Grouping | None = None) -> EvalReport:
    rows = read_gold(path, {"source_headline", "source_date", "date_start", "date_end", "side_a", "side_b",
                        "low", "best", "high", "latitude", "longitude"} | _needs(by))
    by_head: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        head = r["source_headline"].split(";")[0].strip()
        date = r["source_date"].split(";")[0].strip()
        by_head[(head, date)].append(r)
    heads = list(by_head.items())
    if limit:
        heads = heads[:limit]
    articles = [
        article(f"ged-{g[0]['id']}", head, dt.date.fromisoformat(date), f"{path}:{g[0]['id']}")
        for (head, date), g in heads
    ]
    results = {r.clean.id: r for r in run(articles) if isinstance(r, ArticleResult)}
    from eventdesk.extract.actors.find import ActorDictionary

    dictionary = ActorDictionary.load()
    checks_of = lambda g, e: _ged_checks(g, e, dictionary)  # noqa: E731
    named = FieldScore()
    report = EvalReport("ged", sum(len(g) for _, g in heads), len(heads), 0, {f: FieldScore() for f in GED_FIELDS},
                        {"headline_names_the_group": named}, str(errors_path), by=_label(by))
    with open(errors_path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "field", "gold", "predicted", "headline"])
        for ((head, _), gold), art in zip(heads, articles):
            res = results.get(art.id)
            events = list(res.events) if res else []
            for g in gold:
                for side in (g["side_a"], g["side_b"]):
                    if _named_group(side):
                        named.total += 1
                        named.correct += _headline_names(head, side, g.get("country", ""), dictionary)
            for g, e in match(gold, events, checks_of):
                checks = checks_of(g, e)
                report.matched += e is not None
                report.add(by.key(g) if by else None, checks)
                for f, ok in checks.items():
                    if not ok:
                        w.writerow([g["id"], f, _ged_gold(g, f), _ged_pred(e, f), head])
    return report


def _headline_names(head: str, side: str, country: str, dictionary) -> bool:
    """Whether the headline names the GED side (any alias of its knowledge-base entry, or its name)."""
    want = _kb_side(side, country, dictionary)
    for _, _, surface in dictionary.matches(head):
        entry = dictionary.lookup(surface, country) or dictionary.lookup(surface, None)
        if entry is not None and _ged_side(re.sub(r" \(.*\)$", "", entry.name)) == want:
            return True
    return _ged_side(side) in normalise_actor(head)


def _ged_gold(g: dict[str, str], f: str) -> str:
    return {
        "date_in_range": f"{g['date_start']}..{g['date_end']}",
        "deaths_in_range": f"{g['low']}..{g['high']}",
        "dyad": f"{g['side_a']} / {g['side_b']}",
        "dyad_kb": f"{g['side_a']} / {g['side_b']}",
        "coords_50km": f"{g['latitude']},{g['longitude']}",
    }[f]


def _ged_pred(e: EventMention | None, f: str) -> str:
    if e is None:
        return "(no event)"
    if f == "date_in_range":
        return e.date.date.isoformat() if e.date else ""
    if f == "deaths_in_range":
        return str(e.fatalities.best)
    if f in ("dyad", "dyad_kb"):
        return f"{e.actor1.name if e.actor1 else ''} / {e.actor2.name if e.actor2 else ''}"
    return f"{e.place.latitude},{e.place.longitude}" if e.place else ""
