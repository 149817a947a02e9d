"""Fused events: upsert with their mention links, and rebuild ``Event`` objects on read."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace

from eventdesk.errors import NotFound, StoreError
from eventdesk.export import evidence_spans
from eventdesk.model import Event, EventMention, Source
from eventdesk.store._articles import cleaned_text, rebase
from eventdesk.store._query import admin1_clause
from eventdesk.store._review import apply_reviewed, reviewed_names
from eventdesk.store._codec import (
    MENTION_COLUMNS,
    decode_mention,
    encode_mention,
    fingerprint,
    links_json,
    links_of_json,
    to_json,
)


@dataclass(frozen=True)
class EventFilter:
    """Which events to read; every ``None`` means "any". Dates compare against ``event_date``."""

    event_type: str | None = None
    sub_event_type: str | None = None
    country: str | None = None
    admin1: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article_id: str | None = None
    limit: int | None = None

    def where(self) -> tuple[str, list[object]]:
        """SQL condition and parameters (column names are fixed here, values always bound)."""
        clauses: list[str] = []
        params: list[object] = []
        for column in ("event_type", "sub_event_type", "country"):
            value = getattr(self, column)
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.admin1 is not None:  # any known spelling of the province ("Idlib" finds "Idleb")
            clauses.append(admin1_clause("admin1", self.admin1, self.country, params))
        if self.since is not None:
            clauses.append("event_date >= ?")
            params.append(self.since.isoformat())
        if self.until is not None:
            clauses.append("event_date <= ?")
            params.append(self.until.isoformat())
        if self.article_id is not None:  # from the article's mentions (indexed), not a test of every event
            clauses.append(
                "event_id IN (SELECT es.event_id FROM event_mentions m JOIN event_sources es ON es.mention_id = m.id"
                " WHERE m.article_id = ?)"
            )
            params.append(self.article_id)
        return (" AND ".join(clauses) or "1"), params


def upsert_events(conn: sqlite3.Connection, events: Iterable[Event], now: dt.datetime) -> list[tuple[str, dict]]:
    """Insert or update each event (the caller holds the transaction).

    An event whose fields, links and disputes are unchanged is left alone, so re-running fusion
    on the same input keeps ``updated_at`` and changes nothing. Returns, for each existing event
    whose summary fields changed, its id and ``{field: [before, after]}``.
    """
    updated: list[tuple[str, dict]] = []
    for event in events:
        mention_ids = _mention_ids(conn, event)
        columns = encode_mention(event.fields)
        columns["disputed"] = to_json(list(event.disputed))
        columns["links"] = links_json(event.links)
        apply_reviewed(conn, event.event_id, columns)
        print_ = fingerprint({**columns, "mentions": mention_ids})
        existing = conn.execute("SELECT * FROM events WHERE event_id = ?", (event.event_id,)).fetchone()
        if existing is not None and existing["fingerprint"] == print_:
            continue
        if existing is not None:
            diff = {k: [existing[k], columns[k]] for k in _SUMMARY if existing[k] != columns[k]}
            if diff:
                updated.append((event.event_id, diff))
        row = {"event_id": event.event_id, "fingerprint": print_, **columns,
               "created_at": now.isoformat(), "updated_at": now.isoformat()}
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        updates = ", ".join(f"{name} = excluded.{name}" for name in row if name not in ("event_id", "created_at"))
        conn.execute(
            f"INSERT INTO events ({names}) VALUES ({marks}) ON CONFLICT (event_id) DO UPDATE SET {updates}",
            tuple(row.values()),
        )
        conn.execute("DELETE FROM event_sources WHERE event_id = ?", (event.event_id,))
        conn.executemany(
            "INSERT INTO event_sources (event_id, seq, mention_id) VALUES (?, ?, ?)",
            [(event.event_id, seq, mid) for seq, mid in enumerate(mention_ids)],
        )
    return updated


_SUMMARY = (
    "event_type", "sub_event_type", "event_date", "time_precision", "actor1", "actor2", "country", "admin1",
    "location", "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "disputed",
)


def rewrite_reviewed(conn: sqlite3.Connection, event_id: str, now: dt.datetime) -> None:
    """Lay the event's reviewed values over its stored row now (as every later upsert will)."""
    row = conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
    if row is None:
        raise NotFound(f"no event with id {event_id!r} in the store")
    columns = {name: row[name] for name in (*MENTION_COLUMNS, "disputed", "links")}
    apply_reviewed(conn, event_id, columns)
    mention_ids = [r[0] for r in conn.execute(
        "SELECT mention_id FROM event_sources WHERE event_id = ? ORDER BY seq", (event_id,))]
    columns["fingerprint"] = fingerprint({**columns, "mentions": mention_ids})
    columns["updated_at"] = now.isoformat()
    sets = ", ".join(f"{name} = ?" for name in columns)
    conn.execute(f"UPDATE events SET {sets} WHERE event_id = ?", (*columns.values(), event_id))


def delete_events(conn: sqlite3.Connection, event_ids: Iterable[str]) -> None:
    for eid in event_ids:
        conn.execute("DELETE FROM events WHERE event_id = ?", (eid,))


def _mention_ids(conn: sqlite3.Connection, event: Event) -> list[str]:
    """The stored row of each of ``event.mentions``, found by content fingerprint.

    Identical mentions in one article are told apart by taking each row once. A mention that
    still names an article's original id after the article was renamed (see ``add_result``) is
    looked up under the renamed id too.
    """
    taken: set[str] = set()
    ids: list[str] = []
    for mention in event.mentions:
        found = _find_mention(conn, mention, taken)
        if found is None:
            raise StoreError(
                f"event {event.event_id!r}: a {mention.event_type!r} mention of article "
                f"{mention.article_id!r} is not in the store; add the article result first"
            )
        taken.add(found)
        ids.append(found)
    return ids


def _find_mention(conn: sqlite3.Connection, mention: EventMention, taken: set[str]) -> str | None:
    candidates = [mention] + [
        rebase(mention, mention.article_id, row[0])
        for row in conn.execute(
            "SELECT id FROM articles WHERE original_id = ? AND id <> original_id ORDER BY id", (mention.article_id,)
        )
    ]
    for candidate in candidates:
        key = fingerprint(encode_mention(candidate))
        for (mid,) in conn.execute("SELECT id FROM event_mentions WHERE fingerprint = ? ORDER BY seq", (key,)):
            if mid not in taken:
                return str(mid)
    return None


def load_events(conn: sqlite3.Connection, where: EventFilter) -> list[Event]:
    """Events in export order (event_date, undated last, then event_id)."""
    condition, params = where.where()
    sql = f"SELECT * FROM events WHERE {condition} ORDER BY event_date IS NULL, event_date, event_id"
    if where.limit is not None:
        sql += " LIMIT ?"
        params.append(where.limit)
    texts: dict[str, str] = {}
    return [_event(conn, row, texts) for row in conn.execute(sql, params).fetchall()]


def load_event(conn: sqlite3.Connection, event_id: str) -> Event:
    row = conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
    if row is None:
        raise NotFound(f"no event with id {event_id!r} in the store")
    return _event(conn, row, {})


def _event(conn: sqlite3.Connection, row: sqlite3.Row, texts: dict[str, str]) -> Event:
    """Rebuild one ``Event``; ``texts`` caches cleaned texts across the events of one read."""
    mentions = tuple(
        decode_mention(m)
        for m in conn.execute(
            "SELECT m.* FROM event_sources es JOIN event_mentions m ON m.id = es.mention_id"
            " WHERE es.event_id = ? ORDER BY es.seq",
            (row["event_id"],),
        )
    )
    event = Event(
        event_id=row["event_id"],
        fields=decode_mention(row),
        mentions=mentions,
        sources=_sources(conn, mentions),
        disputed=tuple(json.loads(row["disputed"])),
        links=links_of_json(row["links"]),
        reviewed=reviewed_names(conn, row["event_id"]),
    )
    evidence = []
    for span in evidence_spans(event):
        if span.article_id not in texts:
            texts[span.article_id] = cleaned_text(conn, span.article_id)
        evidence.append(span.text(texts[span.article_id]))
    quotes = []
    for claim in event.claims:
        if claim.span.article_id not in texts:
            texts[claim.span.article_id] = cleaned_text(conn, claim.span.article_id)
        quotes.append(claim.span.text(texts[claim.span.article_id]))
    return replace(event, evidence=tuple(evidence), claim_text=tuple(quotes))


def _sources(conn: sqlite3.Connection, mentions: tuple[EventMention, ...]) -> tuple[Source, ...]:
    """One citation per article, in the order its first mention appears."""
    sources: list[Source] = []
    for article_id in dict.fromkeys(m.article_id for m in mentions):
        row = conn.execute(
            "SELECT outlet, url, published, copy_group FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        published = None if row["published"] is None else dt.date.fromisoformat(row["published"])
        sources.append(Source(article_id, row["outlet"] or "", row["url"], published, row["copy_group"] or ""))
    return tuple(sources)
