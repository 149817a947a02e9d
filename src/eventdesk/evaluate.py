"""Scoring against ACLED- and GED-style gold data (procedure of ../shared/eval/README.md).

ACLED: each distinct ``notes`` text is one article (id = the first row's ``event_id_cnty``, no
publication date: the note states it). The events extracted from it are matched one-to-one with
the gold rows sharing that note (best agreement first); a gold row left without a match counts as
wrong on every field. GED: each distinct headline is one article published on ``source_date``;
date inside [date_start, date_end], deaths inside [low, high], the dyad in either order,
coordinates within 50 km.

``by`` breaks every figure down by a gold column: ``"country"`` gives one group per country,
``"country=Kenya"`` two groups, ``Kenya`` and ``other`` (the rows without that value).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventdesk.errors import EvalError
from eventdesk.gazetteer._geo import km
from eventdesk.ingest import content_hash
from eventdesk.model import Article, ArticleResult, EventMention, Skipped

__all__ = ["FieldScore", "EvalReport", "Grouping", "evaluate_acled", "evaluate_ged", "normalise_actor", "km"]

ACLED_FIELDS = (
    "event_type", "sub_event_type", "event_date", "country", "admin1", "coords_50km", "fatalities",
    "actor1", "actor2",
)
GED_FIELDS = ("date_in_range", "deaths_in_range", "dyad", "coords_50km")
_YEARS = re.compile(r"\s*\((\d{4})?-(\d{4})?\)")


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class Grouping:
    """How to break the figures down: by the value of a gold ``column``, or, with ``value``, into the
    rows that have it and the ``other`` rows ("country=Kenya")."""

    column: str
    value: str | None = None

    @classmethod
    def parse(cls, spec: str) -> Grouping:
        column, _, value = spec.partition("=")
        if not column.strip():
            raise EvalError(f"--by {spec!r}: expected COLUMN or COLUMN=VALUE")
        return cls(column.strip(), value.strip() or None)

    def key(self, row: dict[str, str]) -> str:
        got = row.get(self.column, "")
        if self.value is None:
            return got or "(empty)"
        return self.value if got.lower() == self.value.lower() else "other"


@dataclass
class EvalReport:
    kind: str
    rows: int
    articles: int
    matched: int
    fields: dict[str, FieldScore]
    extra: dict[str, FieldScore] = field(default_factory=dict)
    errors_path: str = ""
    skipped: list[Skipped] = field(default_factory=list)
    by: str = ""
    groups: dict[str, dict[str, FieldScore]] = field(default_factory=dict)

    def add(self, group: str | None, checks: dict[str, bool]) -> None:
        """Count one gold row's field checks, overall and in its group."""
        tallies = [self.fields] + ([self.groups.setdefault(group, {f: FieldScore() for f in self.fields})]
                                   if group is not None else [])
        for scores in tallies:
            for f, ok in checks.items():
                scores[f].total += 1
                scores[f].correct += ok

    def as_dict(self) -> dict:
        out = {
            "kind": self.kind,
            "rows": self.rows,
            "articles": self.articles,
            "rows_with_event": self.matched,
            "accuracy": {k: round(v.accuracy, 4) for k, v in self.fields.items()},
            "extra": {k: {"accuracy": round(v.accuracy, 4), "rows": v.total} for k, v in self.extra.items()},
            "errors_file": self.errors_path,
        }
        if self.by:
            ordered = sorted(self.groups.items(), key=lambda kv: (-_rows(kv[1]), kv[0]))
            out["by"] = self.by
            out["groups"] = {g: {"rows": _rows(sc), "accuracy": {k: round(v.accuracy, 4) for k, v in sc.items()}}
                             for g, sc in ordered}
        return out


def _rows(scores: dict[str, FieldScore]) -> int:
    return next(iter(scores.values())).total if scores else 0


def normalise_actor(name: str | None) -> str:
    """ACLED names without the regime years ("Police Forces of Kenya (2013-)" -> "police forces of kenya")."""
    if not name:
        return ""
    return _YEARS.sub("", name).strip().lower()


Runner = Callable[[Sequence[Article]], Iterable[ArticleResult | Skipped]]


def _read(path: str | Path, required: set[str]) -> list[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise EvalError(f"{path}: cannot read gold file: {exc}") from exc
    if not rows:
        raise EvalError(f"{path}: no rows")
    missing = required - set(rows[0])
    if missing:
        raise EvalError(f"{path}: missing columns {sorted(missing)}")
    return rows


def _article(aid: str, text: str, published: dt.date | None, origin: str) -> Article:
    return Article(id=aid, raw=text, kind="text", origin=origin, content_hash=content_hash(text),
                   published=published)


# ----------------------------------------------------------------------------------------- ACLED
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
        "country": bool(place) and place.country.lower() == g["country"].lower(),
        "admin1": bool(place) and _fold(place.admin1) == _fold(g["admin1"]),
        "coords_50km": coords,
        "fatalities": e.fatalities.best == int(g["fatalities"] or 0),
        "actor1": normalise_actor(e.actor1.name if e.actor1 else "") == normalise_actor(g["actor1"]),
        "actor2": normalise_actor(e.actor2.name if e.actor2 else "") == normalise_actor(g["actor2"]),
    }


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", s)


def _match(gold: list[dict[str, str]], events: list[EventMention], checks) -> list[tuple[dict, EventMention | None]]:
    """Greedy one-to-one matching by the number of agreeing fields."""
    pairs = sorted(
        ((sum(checks(g, e).values()), gi, ei) for gi, g in enumerate(gold) for ei, e in enumerate(events)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_g: set[int] = set()
    used_e: set[int] = set()
    out: dict[int, EventMention | None] = {}
    for _, gi, ei in pairs:
        if gi in used_g or ei in used_e:
            continue
        used_g.add(gi)
        used_e.add(ei)
        out[gi] = events[ei]
    return [(g, out.get(gi)) for gi, g in enumerate(gold)]


_DATED_NOTE = re.compile(
    r"\b\d{1,2}(st|nd|rd|th)? (january|february|march|april|may|june|july|august|september|october|november|"
    r"december) \d{4}\b|\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december) \d{1,2}(st|nd|rd|th)?,? \d{4}\b",
    re.IGNORECASE,
)


_YEAR = re.compile(r"\b(19|20)\d\d\b")


def evaluate_acled(path: str | Path, run: Runner, errors_path: str | Path, limit: int | None = None,
                   by: Grouping | None = None) -> EvalReport:
    rows = _read(path, {"event_id_cnty", "notes", "event_type", "sub_event_type", "event_date", "country",
                        "admin1", "latitude", "longitude", "fatalities", "actor1", "actor2"} | _needs(by))
    by_note: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_note[r["notes"]].append(r)
    notes = list(by_note.items())
    if limit:
        notes = notes[:limit]
    articles = [_article(g[0]["event_id_cnty"], note, None, f"{path}:{g[0]['event_id_cnty']}") for note, g in notes]
    results = {r.clean.id: r for r in run(articles) if isinstance(r, ArticleResult)}
    skipped = []
    extra = {"event_date_when_note_has_full_date": FieldScore(), "event_date_when_note_states_a_year": FieldScore(),
             "event_type_when_event_found": FieldScore()}
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
            for g, e in _match(gold, events, _acled_checks):
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
                ):
                    if applies:
                        extra[name].total += 1
                        extra[name].correct += checks[f]
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
    return g.get(f, "")


def _pred_value(e: EventMention | None, f: str) -> str:
    if e is None:
        return "(no event)"
    if f in ("event_type", "sub_event_type"):
        return getattr(e, f)
    if f == "event_date":
        return e.date.date.isoformat() if e.date else ""
    if f in ("country", "admin1"):
        return getattr(e.place, f) if e.place else ""
    if f == "coords_50km":
        return f"{e.place.latitude},{e.place.longitude} ({e.place.location})" if e.place else ""
    if f == "fatalities":
        return str(e.fatalities.best)
    actor = getattr(e, f)
    return actor.name if actor else ""


# ------------------------------------------------------------------------------------------- GED
_GED_ALIASES = {"is": "islamic state"}


def _ged_side(name: str) -> str:
    """One side's name as both datasets can agree on it: GED's "Government of Iraq" is ACLED's
    "Military Forces of Iraq", GED's "IS" the "Islamic State", and a group is its acronym when
    ACLED writes "PKK: Kurdistan Workers Party" and GED "PKK"."""
    n = normalise_actor(name)
    n = _GED_ALIASES.get(n, n)
    n = re.sub(r"^government of ", "military forces of ", n)
    n = re.sub(r" \(.*\)$", "", n)
    return n.split(":", 1)[0].strip()


def _ged_checks(g: dict[str, str], e: EventMention | None) -> dict[str, bool]:
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
        "dyad": gold_dyad == ours,
        "coords_50km": coords,
    }


def evaluate_ged(path: str | Path, run: Runner, errors_path: str | Path, limit: int | None = None,
                 by: Grouping | None = None) -> EvalReport:
    rows = _read(path, {"source_headline", "source_date", "date_start", "date_end", "side_a", "side_b",
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
        _article(f"ged-{g[0]['id']}", head, dt.date.fromisoformat(date), f"{path}:{g[0]['id']}")
        for (head, date), g in heads
    ]
    results = {r.clean.id: r for r in run(articles) if isinstance(r, ArticleResult)}
    report = EvalReport("ged", sum(len(g) for _, g in heads), len(heads), 0, {f: FieldScore() for f in GED_FIELDS},
                        {}, str(errors_path), by=_label(by))
    with open(errors_path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "field", "gold", "predicted", "headline"])
        for ((head, _), gold), art in zip(heads, articles):
            res = results.get(art.id)
            events = list(res.events) if res else []
            for g, e in _match(gold, events, _ged_checks):
                checks = _ged_checks(g, e)
                report.matched += e is not None
                report.add(by.key(g) if by else None, checks)
                for f, ok in checks.items():
                    if not ok:
                        w.writerow([g["id"], f, _ged_gold(g, f), _ged_pred(e, f), head])
    return report


def _ged_gold(g: dict[str, str], f: str) -> str:
    return {
        "date_in_range": f"{g['date_start']}..{g['date_end']}",
        "deaths_in_range": f"{g['low']}..{g['high']}",
        "dyad": f"{g['side_a']} / {g['side_b']}",
        "coords_50km": f"{g['latitude']},{g['longitude']}",
    }[f]


def _ged_pred(e: EventMention | None, f: str) -> str:
    if e is None:
        return "(no event)"
    if f == "date_in_range":
        return e.date.date.isoformat() if e.date else ""
    if f == "deaths_in_range":
        return str(e.fatalities.best)
    if f == "dyad":
        return f"{e.actor1.name if e.actor1 else ''} / {e.actor2.name if e.actor2 else ''}"
    return f"{e.place.latitude},{e.place.longitude}" if e.place else ""
