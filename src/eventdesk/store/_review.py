"""Analysts' review: reviewed field values, merge/split decisions and the audit trail.

A reviewed value is stored apart from what fusion computes and laid over it every time the event
is written, so re-running the pipeline never overwrites a correction. A merge or split is stored
as must / cannot links between mentions, which fusion obeys. Every action leaves an audit entry
(who, when, what, before, after, why) that is never changed.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from eventdesk.errors import ReviewError
from eventdesk.store._codec import to_json

__all__ = ["Review", "REVIEWABLE", "check_fields", "apply_reviewed", "reviewed_names", "save_fields",
           "save_links", "links_among", "audit", "load_reviews", "follow"]

_INTS = {"time_precision", "geo_precision", "fatalities", "fatalities_low", "fatalities_high"}
_FLOATS = {"latitude", "longitude"}
_TEXTS = {"event_type", "sub_event_type", "event_date", "actor1", "actor2", "country", "admin1", "admin2",
          "location", "notes"}
_LISTS = {"assoc_actor_1", "assoc_actor_2"}
_EXPECTED = {**{n: "a whole number" for n in _INTS}, **{n: "a number" for n in _FLOATS},
             "event_date": "a date as YYYY-MM-DD"}
REVIEWABLE: tuple[str, ...] = tuple(sorted(_INTS | _FLOATS | _TEXTS | _LISTS))
"""Fields an analyst can correct (export column names)."""


@dataclass(frozen=True)
class Review:
    """One audit entry."""

    seq: int
    at: dt.datetime
    reviewer: str
    action: str  # confirm | correct | merge | split
    event_id: str
    field: str | None
    before: Any
    after: Any
    why: str


def check_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validated, normalised values; ``ReviewError`` names the first bad one."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in REVIEWABLE:
            raise ReviewError(f"field {name!r} cannot be reviewed; choose from {', '.join(REVIEWABLE)}")
        try:
            if value is None:
                out[name] = None
            elif name in _INTS:
                out[name] = int(value)
            elif name in _FLOATS:
                out[name] = float(value)
            elif name in _LISTS:
                names = value if isinstance(value, list) else [v.strip() for v in str(value).split(";")]
                out[name] = [str(n) for n in names if str(n).strip()]
            elif name == "event_date":
                out[name] = dt.date.fromisoformat(str(value)).isoformat()
            else:
                out[name] = str(value)
        except (TypeError, ValueError):
            raise ReviewError(f"field {name!r}: {value!r} is not {_EXPECTED.get(name, 'a valid value')}") from None
    if out.get("time_precision") not in (None, 1, 2, 3) or out.get("geo_precision") not in (None, 1, 2, 3):
        raise ReviewError("time_precision and geo_precision are 1, 2 or 3")
    return out


def apply_reviewed(conn: sqlite3.Connection, event_id: str, columns: dict[str, Any]) -> None:
    """Lay the event's reviewed values over ``columns`` (the encoded event row), in place. A
    reviewed value has no source sentence, so its span is cleared and its provenance says so."""
    for name, value in _reviewed(conn, event_id).items():
        if name == "confirmed":
            continue
        if name in _LISTS:
            columns[name] = to_json([{"name": n, "inter": 0, "key": "review", "span": None} for n in value])
            continue
        columns[name] = value
        prefix = {"event_date": "date", "time_precision": "date", "actor1": "actor1", "actor2": "actor2",
                  "fatalities": "fatalities", "fatalities_low": "fatalities", "fatalities_high": "fatalities"}.get(
            name, "place" if name in ("country", "admin1", "admin2", "location", "latitude", "longitude",
                                      "geo_precision") else "")
        if prefix:
            columns.update({f"{prefix}_article": None, f"{prefix}_start": None, f"{prefix}_end": None})
        if prefix == "date":
            columns["date_how"] = "reviewed"
        elif prefix == "fatalities":
            columns["fatalities_how"] = "reviewed"
        elif prefix == "place":
            columns["place_source"] = "review"
            if name == "country":  # on an event with no place it is the event's country (EventCountry)
                columns.update({"country_how": "reviewed", "country_article": None, "country_start": None,
                                "country_end": None})
        elif prefix in ("actor1", "actor2"):
            columns[f"{prefix}_key"] = "review"
            if columns.get(f"{prefix}_inter") is None:
                columns[f"{prefix}_inter"] = 0


def _reviewed(conn: sqlite3.Connection, event_id: str) -> dict[str, Any]:
    rows = conn.execute("SELECT field, value FROM reviewed_fields WHERE event_id = ? ORDER BY field", (event_id,))
    return {r[0]: json.loads(r[1]) for r in rows}


def reviewed_names(conn: sqlite3.Connection, event_id: str) -> tuple[str, ...]:
    return tuple(_reviewed(conn, event_id))


def save_fields(conn: sqlite3.Connection, event_id: str, fields: dict[str, Any], reviewer: str,
                now: dt.datetime) -> None:
    conn.executemany(
        "INSERT INTO reviewed_fields (event_id, field, value, reviewer, at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (event_id, field) DO UPDATE SET value = excluded.value, reviewer = excluded.reviewer,"
        " at = excluded.at",
        [(event_id, name, to_json(value), reviewer, now.isoformat()) for name, value in fields.items()],
    )


def save_links(conn: sqlite3.Connection, pairs: Iterable[tuple[str, str]], kind: str, reviewer: str,
               now: dt.datetime) -> None:
    rows = [(min(a, b), max(a, b), kind, reviewer, now.isoformat()) for a, b in pairs if a != b]
    conn.executemany(
        "INSERT INTO review_links (mention_a, mention_b, kind, reviewer, at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (mention_a, mention_b) DO UPDATE SET kind = excluded.kind, reviewer = excluded.reviewer,"
        " at = excluded.at",
        rows,
    )


def links_among(conn: sqlite3.Connection, mention_ids: Iterable[str]) -> dict[tuple[str, str], str]:
    """Review links touching any of ``mention_ids``: ``{(a, b): "must" | "cannot"}`` with a < b."""
    out: dict[tuple[str, str], str] = {}
    for mid in sorted(set(mention_ids)):
        for a, b, kind in conn.execute(
            "SELECT mention_a, mention_b, kind FROM review_links WHERE mention_a = ? OR mention_b = ?", (mid, mid)
        ):
            out[(a, b)] = kind
    return out


def audit(conn: sqlite3.Connection, reviewer: str, action: str, event_id: str, why: str, now: dt.datetime,
          *, field: str | None = None, before: Any = None, after: Any = None) -> None:
    conn.execute(
        "INSERT INTO reviews (at, reviewer, action, event_id, field, before, after, why)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (now.isoformat(), reviewer, action, event_id, field, to_json(before), to_json(after), why),
    )


def load_reviews(conn: sqlite3.Connection, event_id: str | None) -> list[Review]:
    sql, params = "SELECT * FROM reviews", []
    if event_id is not None:
        sql += " WHERE event_id = ?"
        params.append(event_id)
    return [
        Review(r["seq"], dt.datetime.fromisoformat(r["at"]), r["reviewer"], r["action"], r["event_id"], r["field"],
               json.loads(r["before"]) if r["before"] else None, json.loads(r["after"]) if r["after"] else None,
               r["why"])
        for r in conn.execute(sql + " ORDER BY seq", params)
    ]


def follow(conn: sqlite3.Connection, old_id: str, new_id: str) -> None:
    """Reviewed values move with an event whose id a re-fusion retired into ``new_id``."""
    conn.execute("UPDATE OR IGNORE reviewed_fields SET event_id = ? WHERE event_id = ?", (new_id, old_id))
    conn.execute("DELETE FROM reviewed_fields WHERE event_id = ?", (old_id,))
