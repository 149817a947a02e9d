"""What incremental fusion reads from the store and what it writes back.

Reads: stored mentions that could be the same event as a given one (by type family, date window
and region, through the indexes on ``event_mentions``), and the current event of each mention.
Writes: the change log (``changes``) and the aliases of event ids that a merge took over.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventdesk.fuse import FAMILIES_TYPES, UNDATED_LOOKBACK, Item, date_tolerance
from eventdesk.fuse._block import UNDATED_PEERS
from eventdesk.model import EventMention
from eventdesk.store._codec import decode_mention, to_json
from eventdesk.store._review import follow

__all__ = ["StoredMention", "Change", "neighbour_ids", "lookup_key", "mentions_by_id", "events_of", "members_of",
           "log_changes", "load_changes", "resolve_alias"]


@dataclass(frozen=True)
class StoredMention:
    """A stored mention with what fusion needs about its article."""

    id: str
    order: str
    mention: EventMention
    published: dt.date | None
    evidence: str


@dataclass(frozen=True)
class Change:
    """One entry of the fusion change log."""

    seq: int
    at: dt.datetime
    run_id: int | None
    kind: str
    event_id: str
    detail: dict


# Only the stretch of the cleaned text that holds the mention's sentences is read, not the article.
_LO = "coalesce((SELECT min(json_extract(j.value, '$[1]')) FROM json_each(m.sentences) j), 0)"
_HI = "coalesce((SELECT max(json_extract(j.value, '$[2]')) FROM json_each(m.sentences) j), 0)"
_SELECT = (
    f"SELECT m.*, a.content_hash AS _hash, a.published AS _published, {_LO} AS _lo,"
    f" substr(a.cleaned_text, 1 + {_LO}, {_HI} - {_LO}) AS _text"
    " FROM event_mentions m JOIN articles a ON a.id = m.article_id"
)


def _stored(row: sqlite3.Row) -> StoredMention:
    mention = decode_mention(row)
    text, lo = row["_text"], row["_lo"]
    evidence = " ".join(text[s.start - lo : s.end - lo] for s in mention.sentences)
    published = None if row["_published"] is None else dt.date.fromisoformat(row["_published"])
    return StoredMention(row["id"], f"{row['_hash']}#{row['seq']:04d}", mention, published, evidence)


def mentions_by_id(conn: sqlite3.Connection, ids: Sequence[str]) -> list[StoredMention]:
    """The stored mentions with these ids (unknown ids left out), in the order asked."""
    found: dict[str, StoredMention] = {}
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in conn.execute(f"{_SELECT} WHERE m.id IN ({marks})", chunk):
            found[row["id"]] = _stored(row)
    return [found[mid] for mid in ids if mid in found]


def neighbour_ids(conn: sqlite3.Connection, item: Item) -> list[str]:
    """Ids of the stored mentions blocking would pair with ``item``: a superset, filtered later by
    ``fuse.compare``. Same type family; dates within the widest tolerance (or, for an undated
    item, in the look-back window before its publication); the same country or an unknown one.
    Undated mentions are bounded as ``BlockIndex`` bounds them (``_undated_ids``)."""
    return [mid for mid in _neighbours(conn, item) if mid != item.id]


def lookup_key(item: Item) -> tuple:
    """What ``neighbour_ids`` reads of ``item`` besides its id: items with the same key have the same
    neighbours (but themselves), so one fusion pass may look them up once (the mentions of one
    article in one place mostly share it)."""
    types = FAMILIES_TYPES.get(item.family, (item.event_type,))
    return (types, item.country, item.admin1, item.day, item.precision if item.day is not None else 0,
            item.published if item.day is None else None, item.article)


def _neighbours(conn: sqlite3.Connection, item: Item) -> list[str]:
    types = FAMILIES_TYPES.get(item.family, (item.event_type,))
    marks = ", ".join("?" for _ in types)
    where = [f"m.event_type IN ({marks})"]
    params: list[object] = [*types]
    if item.country:
        where.append("(m.country IS NULL OR m.country = ?)")
        params.append(item.country)
        if item.admin1:
            where.append("(m.admin1 IS NULL OR m.admin1 = '' OR m.admin1 = ?)")
            params.append(item.admin1)
    if item.day is not None:
        # each side's precision widens the window: |gap| <= tolerance(max(precision, other's))
        windows = []
        for precision in (1, 2, 3):
            days = date_tolerance(max(item.precision, precision))
            windows.append("(m.time_precision = ? AND m.event_date BETWEEN ? AND ?)")
            params += [precision, _iso_day(item.day - days), _iso_day(item.day + days)]
        where.append(f"({' OR '.join(windows)})")
    elif not item.country:
        return []
    elif item.published is not None:
        low, high = _iso_day(item.published - UNDATED_LOOKBACK), _iso_day(item.published)
        where.append("m.event_date BETWEEN ? AND ?")
        params += [low, high]
    else:
        where.append("m.event_date IS NOT NULL")
    sql = f"SELECT m.id FROM event_mentions m WHERE {' AND '.join(where)} ORDER BY m.id"
    found = [row[0] for row in conn.execute(sql, params)]
    return found + _undated_ids(conn, item, types) if item.country else found


def _undated_ids(conn: sqlite3.Connection, item: Item, types: Sequence[str]) -> list[str]:
    """The undated mentions of other articles in ``item``'s region that ``BlockIndex`` pairs with it:
    published within the look-back window of each other (a dated item: its day up to
    ``UNDATED_LOOKBACK`` days before their publication), or without a publication date; nearest
    publication first, then by content key; at most ``UNDATED_PEERS``."""
    marks = ", ".join("?" for _ in types)
    where = [f"m.event_type IN ({marks})", "m.event_date IS NULL", "m.article_id <> ?", "m.country = ?",
             "m.geo_precision IS NOT NULL"]  # a placed region: a country alone (no precision) is not one
    params: list[object] = [*types, item.article, item.country]
    if item.admin1:
        where.append("(m.admin1 IS NULL OR m.admin1 = '' OR m.admin1 = ?)")
        params.append(item.admin1)
    if item.day is not None:  # its day in their window: published on it or up to the look-back later
        where.append("(a.published IS NULL OR a.published BETWEEN ? AND ?)")
        params += [_iso_day(item.day), _iso_day(item.day + UNDATED_LOOKBACK)]
        order = "a.published IS NULL, a.published"
    elif item.published is not None:  # the windows before the two publications overlap
        where.append("(a.published IS NULL OR a.published BETWEEN ? AND ?)")
        params += [_iso_day(item.published - UNDATED_LOOKBACK), _iso_day(item.published + UNDATED_LOOKBACK)]
        order = "a.published IS NULL, abs(julianday(a.published) - julianday(?)), a.published"
        params.append(_iso_day(item.published))
    else:  # the others without a date first, then the latest published
        order = "a.published IS NOT NULL, a.published DESC"
    sql = (f"SELECT m.id FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE {' AND '.join(where)}"
           f" ORDER BY {order}, a.content_hash, m.seq LIMIT ?")
    return [row[0] for row in conn.execute(sql, [*params, UNDATED_PEERS])]


def events_of(conn: sqlite3.Connection, mention_ids: Iterable[str]) -> dict[str, str]:
    """The current event of each mention that has one."""
    out: dict[str, str] = {}
    for mid in mention_ids:
        row = conn.execute("SELECT event_id FROM event_sources WHERE mention_id = ?", (mid,)).fetchone()
        if row is not None:
            out[mid] = row[0]
    return out


def members_of(conn: sqlite3.Connection, event_ids: Iterable[str]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for eid in event_ids:
        rows = conn.execute("SELECT mention_id FROM event_sources WHERE event_id = ?", (eid,))
        out[eid] = frozenset(r[0] for r in rows)
    return out


def log_changes(conn: sqlite3.Connection, changes: Iterable[tuple[str, str, dict]], run_id: int | None,
                now: dt.datetime) -> None:
    """Append ``(kind, event_id, detail)`` entries; ids a merge took over become aliases."""
    for kind, event_id, detail in changes:
        conn.execute(
            "INSERT INTO changes (at, run_id, kind, event_id, detail) VALUES (?, ?, ?, ?, ?)",
            (now.isoformat(), run_id, kind, event_id, to_json(detail)),
        )
        successor = detail.get("into")
        if kind == "retired" and successor:
            conn.execute(
                "INSERT INTO event_aliases (old_id, event_id, at) VALUES (?, ?, ?)"
                " ON CONFLICT (old_id) DO UPDATE SET event_id = excluded.event_id, at = excluded.at",
                (event_id, successor, now.isoformat()),
            )
            conn.execute("UPDATE event_aliases SET event_id = ? WHERE event_id = ?", (successor, event_id))
            follow(conn, event_id, successor)
        if kind == "created":  # an id that comes back is no longer an alias
            conn.execute("DELETE FROM event_aliases WHERE old_id = ?", (event_id,))


def load_changes(conn: sqlite3.Connection, since: dt.datetime | None, run_id: int | None) -> list[Change]:
    where, params = [], []
    if since is not None:
        where.append("at >= ?")
        params.append(since.isoformat())
    if run_id is not None:
        where.append("run_id = ?")
        params.append(run_id)
    sql = "SELECT * FROM changes" + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY seq"
    return [
        Change(r["seq"], dt.datetime.fromisoformat(r["at"]), r["run_id"], r["kind"], r["event_id"],
               json.loads(r["detail"]))
        for r in conn.execute(sql, params)
    ]


def resolve_alias(conn: sqlite3.Connection, event_id: str) -> str | None:
    row = conn.execute("SELECT event_id FROM event_aliases WHERE old_id = ?", (event_id,)).fetchone()
    return None if row is None else row[0]


def _iso_day(ordinal: int) -> str:
    """The ISO day of an ordinal, held inside the calendar: a window that reaches past year 1 or
    9999 is cut there instead of raising (the pipeline stores no such date; an old store might)."""
    return dt.date.fromordinal(min(max(ordinal, 1), dt.date.max.toordinal())).isoformat()
