"""Read-only queries behind the HTTP API: filter, sort, page, count and group events in SQL.

Every value a caller gives is bound as a parameter; the only SQL text that varies is picked from
the fixed tables below (``SORTS``, ``STATS_BY``) or built from column names written here. Only ids
come back from the filtered query, so a caller loads just the page of events it shows.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field

from eventdesk.errors import ConfigError

__all__ = ["EventQuery", "Facets", "SORTS", "STATS_BY", "StatRow", "admin1_clause", "count", "event_ids", "facets",
           "stats", "totals"]

# The evidence sentences of event ``e``: each mention's sentence spans cut from the cleaned text.
_EVIDENCE_HAS = (
    "EXISTS (SELECT 1 FROM event_sources es JOIN event_mentions m ON m.id = es.mention_id"
    " JOIN json_each(m.sentences) s JOIN articles a ON a.id = json_extract(s.value, '$[0]')"
    " WHERE es.event_id = e.event_id AND instr(lower(substr(a.cleaned_text, json_extract(s.value, '$[1]') + 1,"
    " json_extract(s.value, '$[2]') - json_extract(s.value, '$[1]'))), lower(?)) > 0)"
)
_ASSOC_HAS = (
    "EXISTS (SELECT 1 FROM json_each(e.{column}) j WHERE instr(lower(json_extract(j.value, '$.name')), lower(?)) > 0)"
)

SORTS: Mapping[str, str] = {
    "event_date": "e.event_date IS NULL, e.event_date",
    "-event_date": "e.event_date IS NULL, e.event_date DESC",
    "fatalities": "e.fatalities",
    "-fatalities": "e.fatalities DESC",
    "source_count": "e.source_count",
    "-source_count": "e.source_count DESC",
}
"""Sort keys the API accepts -> ORDER BY terms (ties always broken by ``event_id``; undated last).
``source_count`` (articles) and ``independent_sources`` are columns kept by the store's triggers
(migration 0007), and each sort has an index, so a page costs the same on any store size."""

STATS_BY: Mapping[str, str] = {
    "day": "coalesce(e.event_date, '')",  # the event date itself (the web page bins days as the span needs)
    "week": "coalesce(date(e.event_date, 'weekday 0', '-6 days'), '')",  # the Monday of the ISO week
    "event_type": "e.event_type",
    "admin1": "coalesce(e.admin1, '')",
    "country": "coalesce(e.country, '')",
}
"""Grouping keys for ``stats`` -> SQL expression ("" where the value is unknown)."""


@dataclass(frozen=True)
class EventQuery:
    """Which events the API asks for; ``None`` (or ``False``) means "any".

    ``since``/``until`` bound ``event_date`` (inclusive); ``country``, ``event_type`` and
    ``sub_event_type`` match exactly, ``admin1`` under any known spelling (`admin1_clause`); ``actor`` is a case-insensitive substring of actor1, actor2 or an associated actor;
    ``q`` a case-insensitive substring of the notes or an evidence sentence; ``bbox`` is
    ``(min_lon, min_lat, max_lon, max_lat)`` (``min_lon > max_lon`` crosses the antimeridian);
    ``disputed`` keeps events with disputed fields; ``min_sources`` counts independent sources.
    Incomplete events (no date or no place) are left out unless ``include_incomplete``, as in exports.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    disputed: bool = False
    min_sources: int | None = None
    include_incomplete: bool = False

    def __post_init__(self) -> None:
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= 90 and -90 <= max_lat <= 90):
                raise ConfigError("bbox: longitudes must lie in [-180, 180] and latitudes in [-90, 90]")
            if min_lat > max_lat:
                raise ConfigError("bbox: min_lat is above max_lat")
        if self.min_sources is not None and self.min_sources < 0:
            raise ConfigError("min_sources must not be negative")

    def where(self) -> tuple[str, list[object]]:
        """SQL condition on ``events e`` and its parameters."""
        clauses: list[str] = []
        params: list[object] = []
        for column in ("country", "event_type", "sub_event_type"):
            value = getattr(self, column)
            if value is not None:
                clauses.append(f"e.{column} = ?")
                params.append(value)
        if self.admin1 is not None:
            clauses.append(admin1_clause("e.admin1", self.admin1, self.country, params))
        if self.since is not None:
            clauses.append("e.event_date >= ?")
            params.append(self.since.isoformat())
        if self.until is not None:
            clauses.append("e.event_date <= ?")
            params.append(self.until.isoformat())
        if self.actor:
            clauses += _narrowed("actors", self.actor, params)
            clauses.append(
                "(instr(lower(coalesce(e.actor1, '')), lower(?)) > 0"
                " OR instr(lower(coalesce(e.actor2, '')), lower(?)) > 0"
                f" OR {_ASSOC_HAS.format(column='assoc_actor_1')} OR {_ASSOC_HAS.format(column='assoc_actor_2')})"
            )
            params += [self.actor] * 4
        if self.q:
            clauses += _narrowed("text", self.q, params)
            clauses.append(f"(instr(lower(e.notes), lower(?)) > 0 OR {_EVIDENCE_HAS})")
            params += [self.q, self.q]
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            lon = "e.longitude BETWEEN ? AND ?" if min_lon <= max_lon else "(e.longitude >= ? OR e.longitude <= ?)"
            clauses.append(f"e.latitude BETWEEN ? AND ? AND {lon}")
            params += [min_lat, max_lat, min_lon, max_lon]
        if self.disputed:
            clauses.append("json_array_length(e.disputed) > 0")
        if self.min_sources is not None:
            clauses.append("e.independent_sources >= ?")
            params.append(self.min_sources)
        if not self.include_incomplete:
            # a place is a precision (a country-only event has a country and none: dataset.complete)
            clauses.append("e.event_date IS NOT NULL AND e.geo_precision IS NOT NULL")
        return (" AND ".join(clauses) or "1"), params


def admin1_clause(column: str, admin1: str, country: str | None, params: list[object]) -> str:
    """``column`` holds ``admin1`` under any of its known spellings (``data/admin1.csv``: "Idlib"
    finds the events written "Idleb"), of the division in ``country`` when given, else of every
    division so named; a name the table does not know matches as written. Adds the parameters."""
    from eventdesk.gazetteer._admin1 import admin1_index

    names = admin1_index().spellings(admin1, country) or (admin1,)
    params.extend(names)
    return f"{column} IN ({', '.join('?' * len(names))})"


SEARCHED = 3
"""Substrings at least this long are first looked up in ``event_search`` (a trigram index)."""


def _narrowed(column: str, value: str, params: list[object]) -> list[str]:
    """The events whose ``event_search`` column may hold ``value``: the trigram index finds every
    event whose text holds it in any case, a superset of the exact, case-insensitive test that follows
    it, which then decides. Shorter values have no trigram: the exact test alone runs."""
    if len(value) < SEARCHED:
        return []
    params.append('"' + value.replace('"', '""') + '"')
    return [f"e.rowid IN (SELECT rowid FROM event_search WHERE {column} MATCH ?)"]


@dataclass(frozen=True)
class StatRow:
    """One group of ``stats``: its key, how many events, their deaths, and events per type."""

    key: str
    events: int
    fatalities: int
    by_type: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Facets:
    """The distinct values the filter menus offer, each sorted."""

    countries: tuple[str, ...]
    admin1: dict[str, tuple[str, ...]]  # country -> its provinces
    event_types: tuple[str, ...]
    sub_event_types: dict[str, tuple[str, ...]]  # event type -> its sub-event types
    first_date: str | None
    last_date: str | None


def count(conn: sqlite3.Connection, query: EventQuery) -> int:
    condition, params = query.where()
    return int(conn.execute(f"SELECT count(*) FROM events e WHERE {condition}", params).fetchone()[0])


def event_ids(conn: sqlite3.Connection, query: EventQuery, sort: str, limit: int | None, offset: int = 0) -> list[str]:
    """Ids of the matching events in ``sort`` order (then by id), one page when ``limit`` is given."""
    if sort not in SORTS:
        raise ConfigError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
    if offset < 0 or (limit is not None and limit < 0):
        raise ConfigError("limit and offset must not be negative")
    condition, params = query.where()
    order = SORTS[sort]
    if not query.include_incomplete:  # undated events are filtered out: the index serves the order
        order = order.replace("e.event_date IS NULL, ", "")
    sql = f"SELECT e.event_id FROM events e WHERE {condition} ORDER BY {order}, e.event_id"
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
    return [row[0] for row in conn.execute(sql, params)]


def stats(conn: sqlite3.Connection, query: EventQuery, by: str) -> list[StatRow]:
    """Events and deaths per ``by`` key (day and week rows in date order, the others most events first)."""
    if by not in STATS_BY:
        raise ConfigError(f"unknown grouping {by!r}; choose one of {', '.join(STATS_BY)}")
    condition, params = query.where()
    # weeks are grouped by day in SQL and folded into weeks here: a date function on every row costs
    # more than the whole query
    group = "coalesce(e.event_date, '')" if by == "week" else STATS_BY[by]
    sql = (
        f"SELECT {group} AS key, e.event_type AS type, count(*) AS n, coalesce(sum(e.fatalities), 0) AS deaths"
        f" FROM events e WHERE {condition} GROUP BY key, type ORDER BY key, type"
    )
    types: dict[str, dict[str, int]] = {}
    deaths: dict[str, int] = {}
    for row in conn.execute(sql, params):
        key = _monday(row["key"]) if by == "week" else str(row["key"])
        counts = types.setdefault(key, {})
        counts[row["type"]] = counts.get(row["type"], 0) + int(row["n"])
        deaths[key] = deaths.get(key, 0) + int(row["deaths"])
    rows = [StatRow(key, sum(by_type.values()), deaths[key], dict(sorted(by_type.items())))
            for key, by_type in types.items()]
    if by not in ("day", "week"):
        rows.sort(key=lambda r: (-r.events, r.key))
    return rows


def _monday(day: str) -> str:
    """The Monday of the ISO week of an ISO date (``STATS_BY["week"]``); "" stays ""."""
    if not day:
        return ""
    date = dt.date.fromisoformat(day)
    return (date - dt.timedelta(days=date.weekday())).isoformat()


def facets(conn: sqlite3.Connection) -> Facets:
    admin1: dict[str, list[str]] = {}
    for row in conn.execute(
        "SELECT DISTINCT country, admin1 FROM events WHERE country IS NOT NULL ORDER BY country, admin1"
    ):
        names = admin1.setdefault(row["country"], [])
        if row["admin1"]:
            names.append(row["admin1"])
    subs: dict[str, list[str]] = {}
    rows = conn.execute("SELECT DISTINCT event_type, sub_event_type FROM events ORDER BY event_type, sub_event_type")
    for row in rows:
        subs.setdefault(row["event_type"], []).append(row["sub_event_type"])
    first, last = conn.execute("SELECT min(event_date), max(event_date) FROM events").fetchone()
    return Facets(
        countries=tuple(admin1),
        admin1={country: tuple(names) for country, names in admin1.items()},
        event_types=tuple(subs),
        sub_event_types={kind: tuple(names) for kind, names in subs.items()},
        first_date=first,
        last_date=last,
    )


def totals(conn: sqlite3.Connection) -> dict[str, int]:
    """How many events (all, and those an export would hold back as incomplete) and articles."""
    events, incomplete = conn.execute(
        "SELECT count(*), coalesce(sum(event_date IS NULL OR geo_precision IS NULL), 0) FROM events"
    ).fetchone()
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    return {"events": int(events), "incomplete_events": int(incomplete), "articles": int(articles)}
