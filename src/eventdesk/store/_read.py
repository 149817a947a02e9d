"""Reads for the HTTP API at scale: read-only connections, and export rows of many events at once.

A reader connection is opened with ``mode=ro`` (it cannot write, and opening it never creates or
migrates a file), a memory map and a larger page cache; the schema must already be current (the
server migrates once when it starts). Event rows are rebuilt in a fixed number of queries per page
(events, their mentions' articles and sentence spans, the articles, the reviewed fields), not a
few queries per event, and only what an export row holds is decoded.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from eventdesk.errors import StoreError
from eventdesk.export import event_row, evidence_spans
from eventdesk.model import Event, EventMention, Source, Span
from eventdesk.store import _events, _query
from eventdesk.store._codec import decode_mention
from eventdesk.store._migrate import known_migrations

__all__ = ["FastReads", "connect_reader", "event_rows", "store_version"]

CHUNK = 500
"""Ids per ``IN (...)`` list."""
MMAP_BYTES = 1 << 30
CACHE_KIB = 32 * 1024
"""Each reader connection maps up to 1 GiB of the store and keeps 32 MiB of pages: measured under the
bench's mix, a page costs 14-16 ms of CPU so, 17-20 ms with a 256 MiB map and 24-28 ms with none. The
mapped pages are the operating system's file cache, shared by every connection, but RSS counts them
once per connection (about 6 GB for 8 threads on a 1 GB store, while the memory in use stays ~0.6 GB)."""


def connect_reader(path: str | Path) -> tuple[sqlite3.Connection, int]:
    """A read-only connection to an existing, migrated store and its schema version; ``StoreError``
    otherwise."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"cannot open store {path}: no such file")
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        applied = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    newest = known_migrations()[-1].version
    if applied != newest:
        conn.close()
        action = "open it read-write once (eventdesk serve does)" if applied < newest else "upgrade eventdesk"
        raise StoreError(f"store {path} has schema version {applied}, this eventdesk reads {newest}: {action}")
    return conn, newest


class FastReads:
    """``Store`` methods for reads at scale (``Store`` provides ``_reading`` and ``_snapshot``)."""

    _reading: Any
    _snapshot: Any

    def analyze(self) -> None:
        """Refresh the statistics SQLite's planner chooses indexes by (it reads every index once: about
        a second for 100,000 events). Sampled statistics mislead it into reading the whole table."""
        with self._reading("analyze the store") as conn:
            conn.execute("ANALYZE")

    @contextmanager
    def snapshot(self) -> Iterator[FastReads]:
        """Reads inside this block all see one state of the store, even while another process writes."""
        with self._snapshot("read a snapshot"):
            yield self

    def version(self) -> int:
        """A number that every change to events, articles, aliases or reviewed values raises: answers
        computed from the store stay true while it stays the same (caches key on it)."""
        with self._reading("read the store version") as conn:
            return store_version(conn)

    def event_ids(self, query: _query.EventQuery, *, sort: str = "-event_date", limit: int | None = 100,
                  offset: int = 0) -> list[str]:
        """Ids of the page ``[offset, offset + limit)`` of the events matching ``query`` in ``sort`` order."""
        with self._reading("query event ids") as conn:
            return _query.event_ids(conn, query, sort, limit, offset)

    def event_rows(self, ids: list[str]) -> list[dict]:
        """``export.event_row`` of each of these events (unknown ids left out), read in a few queries
        for the whole list rather than several per event."""
        with self._snapshot("read event rows") as conn:
            return event_rows(conn, ids)

    def count_events(self, query: _query.EventQuery) -> int:
        with self._reading("count events") as conn:
            return _query.count(conn, query)

    def iter_rows(self, query: _query.EventQuery, *, sort: str = "event_date", batch: int = 500
                  ) -> Iterator[dict]:
        """Every matching event as an export row, in ``sort`` order, read ``batch`` events at a time
        inside one snapshot (memory stays bounded however many match)."""
        with self._snapshot("read event rows") as conn:
            ids = _query.event_ids(conn, query, sort, None)
            for start in range(0, len(ids), batch):
                yield from event_rows(conn, ids[start : start + batch])

    def iter_events(self, query: _query.EventQuery, *, sort: str = "event_date") -> Iterator[Event]:
        """``iter_rows`` as whole events (with mentions, claims and links), one at a time."""
        with self._snapshot("read events") as conn:
            for eid in _query.event_ids(conn, query, sort, None):
                yield _events.load_event(conn, eid)



def store_version(conn: sqlite3.Connection) -> int:
    """The number every change to events, articles, aliases or reviewed values raises (migration 0007)."""
    return int(conn.execute("SELECT version FROM store_version").fetchone()[0])


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def event_rows(conn: sqlite3.Connection, ids: Sequence[str]) -> list[dict]:
    """``export.event_row`` of each of these events, in the order given (unknown ids left out).

    The same values as ``event_row(store.event(id))``: the row needs the fused fields, the sources
    (each article once, in mention order), the evidence sentences and the reviewed field names, so
    only those are read, in a handful of queries for the whole list.
    """
    rows: dict[str, sqlite3.Row] = {}
    spans: dict[str, list[tuple[str, list]]] = {}
    reviewed: dict[str, list[str]] = {}
    for chunk in _chunks(ids):
        marks = _marks(chunk)
        rows.update((r["event_id"], r) for r in conn.execute(f"SELECT * FROM events WHERE event_id IN ({marks})",
                                                             chunk))
        for r in conn.execute(
            "SELECT es.event_id, m.article_id, m.sentences FROM event_sources es JOIN event_mentions m"
            f" ON m.id = es.mention_id WHERE es.event_id IN ({marks}) ORDER BY es.event_id, es.seq", chunk
        ):
            spans.setdefault(r[0], []).append((r[1], json.loads(r[2])))
        for r in conn.execute(f"SELECT event_id, field FROM reviewed_fields WHERE event_id IN ({marks})"
                              " ORDER BY event_id, field", chunk):
            reviewed.setdefault(r[0], []).append(r[1])
    events = []
    for eid in ids:
        if eid not in rows:
            continue
        row = dict(zip(rows[eid].keys(), rows[eid]))
        row["claims"] = "[]"  # a row shows no claim, and decoding them is the largest part of decoding a row
        mentions = tuple(EventMention(aid, "", "", tuple(Span(*s) for s in sentences), None, None, None)
                         for aid, sentences in spans.get(eid, ()))
        events.append(Event(eid, decode_mention(row), mentions, (), disputed=tuple(json.loads(row["disputed"])),
                            reviewed=tuple(reviewed.get(eid, ()))))
    needed = sorted({m.article_id for e in events for m in e.mentions}
                    | {s.article_id for e in events for s in evidence_spans(e)})
    articles = _articles(conn, needed)
    out = []
    for event in events:
        sources = tuple(_article(articles, aid)[0] for aid in dict.fromkeys(m.article_id for m in event.mentions))
        evidence = tuple(span.text(_article(articles, span.article_id)[1]) for span in evidence_spans(event))
        out.append(event_row(Event(event.event_id, event.fields, event.mentions, sources, evidence,
                                   event.disputed, reviewed=event.reviewed)))
    return out


def _articles(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, tuple[Source, str]]:
    found: dict[str, tuple[Source, str]] = {}
    for chunk in _chunks(ids):
        for r in conn.execute("SELECT id, outlet, url, published, copy_group, cleaned_text FROM articles"
                              f" WHERE id IN ({_marks(chunk)})", chunk):
            published = None if r["published"] is None else dt.date.fromisoformat(r["published"])
            found[r["id"]] = (Source(r["id"], r["outlet"] or "", r["url"], published, r["copy_group"] or ""),
                              r["cleaned_text"])
    return found


def _article(articles: dict[str, tuple[Source, str]], article_id: str) -> tuple[Source, str]:
    if article_id not in articles:
        raise StoreError(f"event cites article {article_id!r}, which is not in the store")
    return articles[article_id]
