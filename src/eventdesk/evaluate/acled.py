"""Scoring against ACLED rows (procedure of ../shared/eval/README.md).

Each distinct ``notes`` text is one article (id = the first row's ``event_id_cnty``, no publication
date: the note states it). The events extracted from it are matched one-to-one with the gold rows
sharing that note (best agreement first); a gold row left without a match counts as wrong on every
field.

**The adapter strips coders' conventions from the notes before the pipeline sees them**
(``strip_coder_notes``): "Fatalities coded as 10", "split between 2 events", "(coded as Kiunga with
GP2)", "coordinates for Narok used", ", coded at Am Taffah,". They exist only in ACLED's notes, never
in news, and they state the answer (the toll, the actor, the place coded), so a pipeline that read
them would be reading the key. The figures are therefore for what the note's *report* says; where
the gold value rests only on the stripped convention ("Fatalities coded as 0 (VoJ reported 4)"), no
reading of the report can match it, and the row counts as wrong.

A battle's two sides are scored in either order (CODEBOOK.md: ACLED gives a battle's actor1 to
"either side"); ``actor1_in_row_order`` and ``actor2_in_row_order`` keep the row's order for every type.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

from eventdesk.evaluate._scores import (
    EvalReport,
    FieldScore,
    Grouping,
    Runner,
    article,
    fold,
    km,
    match,
    normalise_actor,
    read_gold,
)
from eventdesk.gazetteer import admin1_index
from eventdesk.model import ArticleResult, EventMention, Skipped

__all__ = ["ACLED_FIELDS", "evaluate_acled", "strip_coder_notes"]

ACLED_FIELDS = (
    "event_type", "sub_event_type", "event_date", "country", "admin1", "admin1_alias", "coords_50km", "fatalities",
    "actor1", "actor2",
)


def _acled_checks(g: dict[str, str], e: EventMention | None) -> dict[str, bool]:
    if e is None:
        return {f: False for f in ACLED_FIELDS}
    place = e.place
    coords = False
    if place is not None and g["latitude"] and g["longitude"]:
        coords = km(place.latitude, place.longitude, float(g["latitude"]), float(g["longitude"])) <= 50
    return {
        "event_type": e.event_type == g["event_type"],
        "sub_event_type": e.sub_event_type == g["sub_event_type"],
        "event_date": bool(e.date) and e.date.date.isoformat() == g["event_date"],
        # the event's country: its place's, or the one read without a place (EventMention.country)
        "country": (e.country_name or "").lower() == g["country"].lower(),
        "admin1": bool(place) and fold(place.admin1) == fold(g["admin1"]),
        # the same division under another spelling ("Idlib" / "Idleb"): data/admin1.csv's aliases
        "admin1_alias": bool(place) and (fold(place.admin1) == fold(g["admin1"]) or
                                         admin1_index().same(g["country"], place.admin1, g["admin1"])),
        "coords_50km": coords,
        "fatalities": e.fatalities.best == int(g["fatalities"] or 0),
        **_actor_checks(g, e),
    }


def _actor_checks(g: dict[str, str], e: EventMention, in_row_order: bool = False) -> dict[str, bool]:
    """actor1 and actor2. A battle's two sides are right in either order: ACLED fixes which side is
    actor1 only where one side did something to the other (CODEBOOK.md section 2, "Which actor is
    actor1": a battle's actor1 is "either side", 2-1 in 382 dev rows and 1-2 in 200), so a battle
    whose two sides are the row's, swapped, has both right. ``in_row_order`` scores the row's order
    for every event type (the extra ``actor1_in_row_order`` / ``actor2_in_row_order`` figures)."""
    ours = [normalise_actor(a.name if a else "") for a in (e.actor1, e.actor2)]
    theirs = [normalise_actor(g["actor1"]), normalise_actor(g["actor2"])]
    checks = {"actor1": ours[0] == theirs[0], "actor2": ours[1] == theirs[1]}
    if not in_row_order and g["event_type"] == "Battles" and ours == theirs[::-1]:
        checks = {"actor1": True, "actor2": True}
    return checks


def _pairing_checks(g: dict[str, str], e: EventMention | None) -> dict[str, bool]:
    """The checks that pair a gold row with an event of its note: ``_acled_checks`` with the country
    read from the event's place only. An ACLED row always has a place, so a country-only event
    (``EventMention.country``) is scored on its country but never pulls a row away from an event
    of the same note that has a place."""
    checks = _acled_checks(g, e)
    if e is not None and e.place is None:
        checks["country"] = False
    return checks


_CODER_WORDS = r"(?:coded|coordinates?\b|\bGP ?\d|geo-?prec|\bprec ?\d|split (?:up )?(?:between|across|over|among)|spread (?:across|between|over)|split across)"
_CODER_PAREN = re.compile(r"\s*[\(\[][^()\[\]]*" + _CODER_WORDS + r"[^()\[\]]*[\)\]]", re.IGNORECASE)
# a full stop inside a number or a word ("12.7mm", "U.N.") does not end the sentence
_SENTENCE = re.compile(r"(?:[^.!?]|[.!?](?=[^\s.!?]))*(?:[.!?]+(?:\s+|$)|$)")
_CODER_SENTENCE = re.compile(
    r"\b(?:fatalit\w*|deaths?|events?)\b[^.]*\b(?:coded|split|spread|divided)\b"
    r"|\bcoded\b|\bcoordinates\b|\bACLED\b|geo-?prec",
    re.IGNORECASE)
_CODER_CLAUSE = re.compile(r",\s*(?:\w+\s+)?coded\s+(?:as|at|to|in|on)\b[^,.;]*(?=[,.;]|$)", re.IGNORECASE)


def strip_coder_notes(note: str) -> str:
    """The note without the coders' conventions (see the module's docstring): parentheses that
    mention coding or coordinates, inline ", coded as X" clauses, then whole sentences about how
    the row was coded. What is left is the report the coder summarised."""
    text = _CODER_PAREN.sub("", note)
    text = _CODER_CLAUSE.sub("", text)
    kept = [s for s in _SENTENCE.findall(text) if s.strip() and not _CODER_SENTENCE.search(s)]
    return "".join(kept).strip()


_DATED_NOTE = re.compile(
    r"\b\d{1,2}(st|nd|rd|th)? (january|february|march|april|may|june|july|august|september|october|november|"
    r"december) \d{4}\b|\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december) \d{1,2}(st|nd|rd|th)?,? \d{4}\b",
    re.IGNORECASE,
)


_YEAR = re.compile(r"\b(19|20)\d\d\b")


def evaluate_acled(path: str | Path, run: Runner, errors_path: str | Path, limit: int | None = None,
                   by: Grouping | None = None) -> EvalReport:
    rows = read_gold(path, {"event_id_cnty", "notes", "event_type", "sub_event_type", "event_date", "country",
                        "admin1", "latitude", "longitude", "fatalities", "actor1", "actor2"} | _needs(by))
    by_note: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_note[r["notes"]].append(r)
    notes = list(by_note.items())
    if limit:
        notes = notes[:limit]
    articles = [article(g[0]["event_id_cnty"], strip_coder_notes(note), None, f"{path}:{g[0]['event_id_cnty']}")
                for note, g in notes]
    results = {r.clean.id: r for r in run(articles) if isinstance(r, ArticleResult)}
    skipped = []
    extra = {"event_date_when_note_has_full_date": FieldScore(), "event_date_when_note_states_a_year": FieldScore(),
             "fatalities_when_note_has_no_coder_convention": FieldScore(),
             "event_type_when_event_found": FieldScore(), "actor1_in_row_order": FieldScore(),
             "actor2_in_row_order": FieldScore()}
    report = EvalReport("acled", sum(len(g) for _, g in notes), len(notes), 0,
                        {f: FieldScore() for f in ACLED_FIELDS}, extra, str(errors_path), skipped, _label(by))
    with open(errors_path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["event_id_cnty", "field", "gold", "predicted", "notes"])
        for (note, gold), art in zip(notes, articles):
            res = results.get(art.id)
            if res is None:
                skipped.append(Skipped(art.origin, "not processed"))
            events = list(res.events) if res else []
            for g, e in match(gold, events, _pairing_checks):
                checks = _acled_checks(g, e)
                report.matched += e is not None
                report.add(by.key(g) if by else None, checks)
                for f, ok in checks.items():
                    if not ok:
                        w.writerow([g["event_id_cnty"], f, _gold_value(g, f), _pred_value(e, f), note])
                for name, applies, f in (
                    ("event_date_when_note_has_full_date", _DATED_NOTE.search(note), "event_date"),
                    # no publication date comes with a note: without a year in it, no date can be right
                    ("event_date_when_note_states_a_year", _YEAR.search(note), "event_date"),
                    ("event_type_when_event_found", e is not None, "event_type"),
                    # the toll a coder states only in a convention ("Fatalities coded as 0 (VoJ reported
                    # 4)") is stripped with it: these are the rows whose toll the report itself gives
                    ("fatalities_when_note_has_no_coder_convention", strip_coder_notes(note) == note.strip(),
                     "fatalities"),
                ):
                    if applies:
                        extra[name].total += 1
                        extra[name].correct += checks[f]
                ordered = _actor_checks(g, e, in_row_order=True) if e is not None else {"actor1": False, "actor2": False}
                for f in ("actor1", "actor2"):  # a battle's sides in the row's order too
                    extra[f"{f}_in_row_order"].total += 1
                    extra[f"{f}_in_row_order"].correct += ordered[f]
    return report


def _needs(by: Grouping | None) -> set[str]:
    return {by.column} if by else set()


def _label(by: Grouping | None) -> str:
    if by is None:
        return ""
    return f"{by.column}={by.value}" if by.value else by.column


def _gold_value(g: dict[str, str], f: str) -> str:
    if f == "coords_50km":
        return f"{g['latitude']},{g['longitude']} ({g.get('location', '')})"
    return g.get(f.split("_")[0] if f == "admin1_alias" else f, "")


def _pred_value(e: EventMention | None, f: str) -> str:
    if e is None:
        return "(no event)"
    if f in ("event_type", "sub_event_type"):
        return getattr(e, f)
    if f == "event_date":
        return e.date.date.isoformat() if e.date else ""
    if f == "country":
        return e.country_name or ""
    if f in ("admin1", "admin1_alias"):
        return getattr(e.place, f.split("_")[0]) if e.place else ""
    if f == "coords_50km":
        return f"{e.place.latitude},{e.place.longitude} ({e.place.location})" if e.place else ""
    if f == "fatalities":
        return str(e.fatalities.best)
    actor = getattr(e, f)
    return actor.name if actor else ""


