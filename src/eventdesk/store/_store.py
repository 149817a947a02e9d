"""The ``Store``: one SQLite file holding articles, mentions, fused events and runs."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from eventdesk.errors import StoreError
from eventdesk.export import event_row
from eventdesk.model import Article, ArticleResult, Event, EventMention, Skipped, Source
from eventdesk.store import _acled, _articles, _events, _fusion, _inputs, _replace, _review, _runs
from eventdesk.store import _query, _read
from eventdesk.store._migrate import migrate
from eventdesk.store._types import Replaced, RunRecord, RunSummary, StoredArticle

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Store(_read.FastReads):
    """Event store on SQLite. Create with ``Store.open(path)``; use as a context manager to close it.

    Every write is one transaction: an article and everything its stages produced land together
    or not at all. The reads the HTTP API makes under load (pages of export rows, a version to key
    caches on) come from ``_read.FastReads``. Reads return the model's frozen types, rebuilt exactly as they were written.
    A ``Store`` belongs to the thread that opened it (sqlite3's default); open one per thread.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, schema_version: int, clock: Clock) -> None:
        """Wrap an open, migrated connection; no I/O here (``open`` does that)."""
        self._conn = conn
        self.path = path
        self.schema_version = schema_version
        self._clock = clock

    @classmethod
    def open(cls, path: str | Path, *, clock: Clock | None = None, create: bool = True) -> Store:
        """Open (creating if needed) and migrate the store at ``path``; ``":memory:"`` works too.

        ``clock`` supplies timestamps (``added_at``, run times); tests pass a fixed one.
        ``create=False`` is for readers: a missing file is then a ``StoreError`` rather than a
        new empty store. Raises ``StoreError`` when the file cannot be opened, is not a store, or
        has a newer schema than this code knows.
        """
        path = Path(path)
        clock = clock or utc_now
        if not create and str(path) != ":memory:" and not path.is_file():
            raise StoreError(f"no event store at {path} (check --db, or create one with eventdesk extract)")
        try:
            conn = sqlite3.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
            version = migrate(conn, clock())
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        except StoreError:
            conn.close()
            raise
        return cls(conn, path, version, clock)

    @classmethod
    def open_reader(cls, path: str | Path) -> Store:
        """A read-only ``Store`` on an existing store whose schema is current (nothing is created or
        migrated: open it once with ``open`` for that). Its connection may move between threads as
        long as one thread uses it at a time (a pool hands it out); any write raises ``StoreError``."""
        conn, version = _read.connect_reader(path)
        return cls(conn, Path(path), version, utc_now)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self, action: str) -> Iterator[sqlite3.Connection]:
        """One write transaction; any failure rolls back and surfaces as ``StoreError``.

        ``BEGIN IMMEDIATE`` takes the write lock up front so two writers wait (busy_timeout)
        instead of failing halfway through.
        """
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{action}: {exc}") from exc
        try:
            yield self._conn
        except (sqlite3.Error, OverflowError, UnicodeEncodeError) as exc:
            # OverflowError: an integer past SQLite's 64 bits; UnicodeEncodeError: a lone surrogate
            self._conn.execute("ROLLBACK")
            raise StoreError(f"{action}: {exc}") from exc
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @contextmanager
    def _reading(self, action: str) -> Iterator[sqlite3.Connection]:
        try:
            yield self._conn
        except sqlite3.Error as exc:
            raise StoreError(f"{action}: {exc}") from exc

    # -- articles ---------------------------------------------------------------------------

    def add_result(self, result: ArticleResult, *, pipeline_version: str) -> bool:
        """Store one article and everything its stages produced; ``False`` if already stored.

        Identity is the ``content_hash``: the same article twice is stored once, so re-running on
        the same input changes nothing. When a *different* article arrives under an id that is
        already taken, it is stored under the derived id ``<id>~<first 12 hex of its hash>`` with
        every span rewritten to match; the collision is logged as a warning, the original id is
        kept (``StoredArticle.original_id``), and ``stored_id(content_hash)`` tells the caller
        which id it got. The return value stays a plain ``bool`` so callers can count new articles.
        """
        _articles.check_result(result)
        with self._transaction(f"store article {result.clean.article.id!r}") as conn:
            return self._insert(conn, result, pipeline_version) is not None

    def _insert(self, conn: sqlite3.Connection, result: ArticleResult, pipeline_version: str) -> str | None:
        """Insert one checked result (the caller holds the transaction); the id it is stored
        under, or ``None`` when its content is already stored."""
        article = result.clean.article
        if _articles.stored_id_for_hash(conn, article.content_hash) is not None:
            return None
        stored_id = _articles.free_id(conn, article.id, article.content_hash)
        if stored_id != article.id:
            logging.getLogger(__name__).warning(
                "article id %r is already taken by different content; storing %s as %r",
                article.id, article.origin, stored_id,
            )
            result = _articles.rebase(result, article.id, stored_id)
        _articles.insert_result(conn, result, original_id=article.id, pipeline_version=pipeline_version,
                                now=self._clock())
        return stored_id

    def has_hash(self, content_hash: str) -> bool:
        return self.stored_id(content_hash) is not None

    def stored_id(self, content_hash: str) -> str | None:
        """The id the article with this content is stored under (``None`` if not stored)."""
        with self._reading("look up content hash") as conn:
            return _articles.stored_id_for_hash(conn, content_hash)

    def article(self, article_id: str) -> StoredArticle:
        """The stored article; ``NotFound`` if there is none with that id."""
        with self._reading(f"read article {article_id!r}") as conn:
            return _articles.load_article(conn, article_id)

    def sources(self, article_ids: Iterable[str]) -> dict[str, Source]:
        """How each of these articles is cited in an event (``Source``); ``NotFound`` for an unknown id."""
        with self._reading("read article sources") as conn:
            return _articles.load_sources(conn, list(article_ids))

    def mentions(self, article_id: str | None = None) -> list[EventMention]:
        """Event mentions of one article (or all), each exactly as it was added."""
        with self._reading("read mentions") as conn:
            return _articles.load_mentions(conn, article_id)

    def mention_ids(self, article_id: str | None = None) -> list[str]:
        """Ids of the mentions ``mentions(article_id)`` returns, in the same order."""
        with self._reading("read mention ids") as conn:
            if article_id is None:
                rows = conn.execute("SELECT id FROM event_mentions ORDER BY article_id, seq")
            else:
                rows = conn.execute("SELECT id FROM event_mentions WHERE article_id = ? ORDER BY seq", (article_id,))
            return [row[0] for row in rows]

    def mention_count(self) -> int:
        """How many event mentions the store holds."""
        with self._reading("count mentions") as conn:
            return int(conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0])

    # -- events -----------------------------------------------------------------------------

    def put_events(self, events: Iterable[Event]) -> None:
        """Insert or update fused events (keyed by ``event_id``) with links to their mentions.

        Each mention must already be stored (via ``add_result``); it is found by content, so
        the ``EventMention`` objects fusion worked on can be passed as they are. All events go
        in one transaction: a missing mention leaves the store unchanged.
        """
        with self._transaction("store events") as conn:
            _events.upsert_events(conn, events, self._clock())

    def apply_fusion(self, events: Iterable[Event], changes: list[tuple[str, str, dict]], *,
                     run_id: int | None = None, reason: str | None = None, fused: Iterable[str] = ()) -> None:
        """Write one fusion pass in one transaction: the new and changed events, the removal of
        retired ones, and every change (with the fields that changed) in the change log, each with
        ``reason`` when given. The ``fused`` mentions no longer wait in ``pending_fusion``."""
        retired = [eid for kind, eid, _ in changes if kind == "retired"]
        events = list(events)
        with self._transaction("store fused events") as conn:
            now = self._clock()
            _events.delete_events(conn, retired)
            updated = _events.upsert_events(conn, events, now)
            log = list(changes) + [("updated", eid, {"fields": fields}) for eid, fields in updated]
            if reason:
                log = [(kind, eid, {**detail, "reason": reason}) for kind, eid, detail in log]
            _fusion.log_changes(conn, log, run_id, now)
            # an id that names an event again (a split gave a merged-away id back) is no alias any more,
            # whatever the change log calls its return ("created", or "merged" from the split event)
            conn.executemany("DELETE FROM event_aliases WHERE old_id = ?", [(e.event_id,) for e in events])
            conn.executemany("DELETE FROM pending_fusion WHERE mention_id = ?", [(m,) for m in fused])

    def neighbour_ids(self, item: Any, memo: dict | None = None) -> list[str]:
        """Ids of the stored mentions that could be the same event as ``item`` (a ``fuse.Item``).
        ``memo``: a dict the caller keeps for one pass over an unchanged store; items that the lookup
        cannot tell apart (``_fusion.lookup_key``) are then looked up once."""
        if memo is None:
            with self._reading("find fusion candidates") as conn:
                return _fusion.neighbour_ids(conn, item)
        key = _fusion.lookup_key(item)
        found = memo.get(key)
        if found is None:
            with self._reading("find fusion candidates") as conn:
                found = memo[key] = _fusion._neighbours(conn, item)
        return [mid for mid in found if mid != item.id]

    def stored_mentions(self, ids: Iterable[str]) -> list[_fusion.StoredMention]:
        with self._reading("read mentions for fusion") as conn:
            return _fusion.mentions_by_id(conn, list(ids))

    def events_of(self, mention_ids: Iterable[str]) -> dict[str, str]:
        """The event each of these mentions currently belongs to (mentions without one left out)."""
        with self._reading("read events of mentions") as conn:
            return _fusion.events_of(conn, mention_ids)

    def members_of(self, event_ids: Iterable[str]) -> dict[str, frozenset[str]]:
        with self._reading("read event members") as conn:
            return _fusion.members_of(conn, event_ids)

    def changes(self, *, since: dt.datetime | None = None, run_id: int | None = None) -> list[_fusion.Change]:
        """The fusion change log, oldest first."""
        with self._reading("read change log") as conn:
            return _fusion.load_changes(conn, since, run_id)

    def resolve(self, event_id: str) -> str:
        """The current id of an event: itself, or the event a merge folded it into."""
        with self._reading(f"resolve event id {event_id!r}") as conn:
            return _fusion.resolve_alias(conn, event_id) or event_id

    def events(
        self,
        *,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        country: str | None = None,
        admin1: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Stored events matching every given filter, ordered by (event_date, event_id).

        ``sources`` and ``evidence`` are rebuilt from the stored articles: one source per
        article in mention order, evidence = the text of ``export.evidence_spans(event)``.
        """
        where = _events.EventFilter(event_type, sub_event_type, country, admin1, since, until, article_id, limit)
        with self._reading("read events") as conn:
            return _events.load_events(conn, where)

    def event(self, event_id: str) -> Event:
        """One stored event; ``NotFound`` if there is none with that id."""
        with self._reading(f"read event {event_id!r}") as conn:
            return _events.load_event(conn, _fusion.resolve_alias(conn, event_id) or event_id)

    # -- review ------------------------------------------------------------------------------

    def review_fields(self, event_id: str, fields: dict[str, Any], *, reviewer: str, why: str) -> Event:
        """Store reviewed values for fields of one event (kept over every later re-fusion), with one
        audit entry per field (before, after, who, why); returns the event as it now reads."""
        checked = _review.check_fields(fields)
        before = event_row(self.event(event_id))
        with self._transaction(f"review event {event_id!r}") as conn:
            now = self._clock()
            _review.save_fields(conn, event_id, checked, reviewer, now)
            for name, value in checked.items():
                _review.audit(conn, reviewer, "correct", event_id, why, now, field=name, before=before[name],
                              after=value)
            _events.rewrite_reviewed(conn, event_id, now)
        return self.event(event_id)

    def confirm(self, event_id: str, *, reviewer: str, why: str) -> Event:
        self.event(event_id)  # NotFound for an unknown id
        with self._transaction(f"confirm event {event_id!r}") as conn:
            now = self._clock()
            _review.save_fields(conn, event_id, {"confirmed": True}, reviewer, now)
            _review.audit(conn, reviewer, "confirm", event_id, why, now)
        return self.event(event_id)

    def link_mentions(self, pairs: Iterable[tuple[str, str]], kind: str, *, reviewer: str, why: str,
                      event_id: str, action: str | None, detail: dict[str, Any] | None = None) -> None:
        """Record that mention pairs are ("must") or are not ("cannot") the same event; ``action``
        (merge / split) is written to the audit trail when given."""
        with self._transaction(f"record review links for {event_id!r}") as conn:
            now = self._clock()
            _review.save_links(conn, pairs, kind, reviewer, now)
            if action:
                _review.audit(conn, reviewer, action, event_id, why, now, after=detail)

    def review_links(self, mention_ids: Iterable[str]) -> dict[tuple[str, str], str]:
        """Analysts' must / cannot links touching these mentions."""
        with self._reading("read review links") as conn:
            return _review.links_among(conn, mention_ids)

    def reviews(self, event_id: str | None = None) -> list[_review.Review]:
        with self._reading("read review trail") as conn:
            return _review.load_reviews(conn, event_id)

    # -- runs -------------------------------------------------------------------------------

    def start_run(self, settings: dict[str, Any], *, pipeline_version: str = "") -> int:
        """Record that a run started with these settings; returns the run id for ``finish_run``."""
        with self._transaction("start run") as conn:
            return _runs.insert_run(conn, settings, pipeline_version, self._clock())

    def finish_run(self, run_id: int, summary: RunSummary) -> None:
        """Record what a run did, including every input it skipped and why."""
        with self._transaction(f"finish run {run_id}") as conn:
            _runs.complete_run(conn, run_id, summary, self._clock())

    def runs(self) -> list[RunRecord]:
        with self._reading("read runs") as conn:
            return _runs.load_runs(conn)

    def skipped(self, run_id: int | None = None) -> list[Skipped]:
        """Inputs skipped by one run (or all runs), in the order they were met."""
        with self._reading("read skipped inputs") as conn:
            return _runs.load_skipped(conn, run_id)

    # -- queries for the API ---------------------------------------------------------------

    @contextmanager
    def _snapshot(self, action: str) -> Iterator[sqlite3.Connection]:
        """Several reads that see one state of the store (one read transaction; inside another
        snapshot, that one)."""
        with self._reading(action) as conn:
            if conn.in_transaction:
                yield conn
                return
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")

    def query_events(self, query: _query.EventQuery, *, sort: str = "-event_date", limit: int | None = 100,
                     offset: int = 0) -> tuple[int, list[Event]]:
        """How many events match ``query`` and the page ``[offset, offset + limit)`` of them in
        ``sort`` order (see ``_query.SORTS``); only the events of the page are loaded."""
        with self._snapshot("query events") as conn:
            total = _query.count(conn, query)
            ids = _query.event_ids(conn, query, sort, limit, offset)
            return total, [_events.load_event(conn, eid) for eid in ids]

    def event_stats(self, query: _query.EventQuery, by: str) -> list[_query.StatRow]:
        """Events, deaths and events per type of the matching events, grouped ``by`` a key."""
        with self._reading("count events") as conn:
            return _query.stats(conn, query, by)

    def facets(self) -> _query.Facets:
        """The distinct countries, provinces, event and sub-event types of the stored events."""
        with self._reading("read filter values") as conn:
            return _query.facets(conn)

    def totals(self) -> dict[str, int]:
        with self._reading("count events and articles") as conn:
            return _query.totals(conn)

    # -- ACLED profile ---------------------------------------------------------------------

    def acled_numbers(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """The ``event_id_cnty`` number of each ``(event_id, iso3)``: the one it was given, else the
        next free number of that country (in the order given). A number is never given twice."""
        with self._transaction("assign ACLED event ids") as conn:
            return _acled.assign_numbers(conn, pairs, self._clock())

    def updated_at(self, event_ids: Iterable[str]) -> dict[str, dt.datetime]:
        """When each of these events last changed (ACLED's ``timestamp``)."""
        with self._reading("read event update times") as conn:
            return _acled.updated_at(conn, event_ids)

    # -- engines ---------------------------------------------------------------------------

    def add_results(self, results: list[ArticleResult], *, pipeline_version: str) -> list[str | None]:
        """``add_result`` for many articles in one transaction (a partition of a large run commits
        once, not once per article); same rules, in the given order. Returns the id each article
        is stored under, ``None`` for one that was already stored."""
        for result in results:
            _articles.check_result(result)
        with self._transaction(f"store {len(results)} articles") as conn:
            return [self._insert(conn, result, pipeline_version) for result in results]

    def add_results_isolated(self, results: list[ArticleResult], *, pipeline_version: str
                             ) -> list[tuple[str | None, str]]:
        """``add_results``, but one bad article never costs the others: when the batch's
        transaction fails, each article is stored in its own, and the one that fails again gets its
        reason. ``(stored id, "")``, ``(None, "")`` for one already stored, ``(None, reason)``."""
        if not results:
            return []
        try:
            return [(stored_id, "") for stored_id in self.add_results(results, pipeline_version=pipeline_version)]
        except StoreError:
            pass
        out: list[tuple[str | None, str]] = []
        for result in results:
            try:
                added = self.add_result(result, pipeline_version=pipeline_version)
            except StoreError as exc:
                out.append((None, f"not stored: {exc}"))
                continue
            out.append((self.stored_id(result.clean.article.content_hash) if added else None, ""))
        return out

    _UNFUSED = "NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.mention_id = m.id)"
    _GROUP = "coalesce(m.country, ''), coalesce(substr(m.event_date, 1, 7), '')"

    def unfused_groups(self) -> list[tuple[str, str]]:
        """The ``(country, month)`` of the stored mentions that no event holds yet (``""`` when
        unknown; month ``YYYY-MM`` of the event date), sorted. Right after storing, those are the
        new mentions; a run killed between storing and fusing leaves others."""
        with self._reading("read unfused mention groups") as conn:
            rows = conn.execute(f"SELECT DISTINCT {self._GROUP} FROM event_mentions m WHERE {self._UNFUSED}"
                                " ORDER BY 1, 2")
            return [(r[0], r[1]) for r in rows]

    def unfused_mentions(self, group: tuple[str, str] | None = None) -> list[str]:
        """Ids of the stored mentions no event holds yet (of one ``unfused_groups`` group, or all)."""
        where, params = self._UNFUSED, ()
        if group is not None:
            where += f" AND ({self._GROUP}) = (?, ?)"
            params = group
        with self._reading("read unfused mentions") as conn:
            rows = conn.execute(f"SELECT m.id FROM event_mentions m WHERE {where} ORDER BY m.article_id, m.seq",
                                params)
            return [r[0] for r in rows]

    # -- re-extraction -----------------------------------------------------------------------

    def version_of(self, content_hash: str) -> str | None:
        """The pipeline version that produced the results of the article with this content
        (``None`` when it is not stored)."""
        with self._reading("look up pipeline version") as conn:
            row = conn.execute("SELECT pipeline_version FROM articles WHERE content_hash = ?",
                               (content_hash,)).fetchone()
            return None if row is None else row[0]

    def replace_results(self, results: list[ArticleResult], *, pipeline_version: str,
                        run_id: int | None = None) -> list[Replaced | None]:
        """Replace the stored results of these articles (found by content) with the given ones of
        ``pipeline_version``, in one transaction (see ``_replace``); ``None`` for an article that is
        not stored or already comes from that version. Fusion follows (``pending_groups``)."""
        for result in results:
            _articles.check_result(result)
        with self._transaction(f"replace {len(results)} articles") as conn:
            now = self._clock()
            return [_replace.replace_result(conn, r, pipeline_version=pipeline_version, now=now, run_id=run_id)
                    for r in results]

    def stale_articles(self, pipeline_version: str, *, after: str = "", limit: int = 200
                       ) -> list[tuple[str, str, Article | Skipped]]:
        """A page of the stored articles from another pipeline version: ``(id, content hash, Article as
        read)``, a ``Skipped`` in its place when the store lacks the raw text; pass the last id as
        ``after`` for the next page."""
        with self._reading("read articles to re-extract") as conn:
            return _inputs.stale_articles(conn, pipeline_version, after=after, limit=limit)

    def count_stale(self, pipeline_version: str) -> tuple[int, int]:
        """Stored articles from another pipeline version, and how many of them lack their raw text."""
        with self._reading("count articles of other pipeline versions") as conn:
            return _inputs.count_stale(conn, pipeline_version)

    def pending_groups(self) -> list[tuple[str, str, str]]:
        """``(reason, country, month)`` of the mentions a re-extraction left for fusion, sorted."""
        with self._reading("read mentions pending fusion") as conn:
            rows = conn.execute(f"SELECT DISTINCT p.reason, {self._GROUP} FROM pending_fusion p"
                                " JOIN event_mentions m ON m.id = p.mention_id ORDER BY 1, 2, 3")
            return [(r[0], r[1], r[2]) for r in rows]

    def pending_mentions(self, group: tuple[str, str, str]) -> list[str]:
        """Ids of the mentions of one ``pending_groups`` group still waiting for fusion."""
        with self._reading("read mentions pending fusion") as conn:
            rows = conn.execute(f"SELECT m.id FROM pending_fusion p JOIN event_mentions m ON m.id = p.mention_id"
                                f" WHERE (p.reason, {self._GROUP}) = (?, ?, ?) ORDER BY m.article_id, m.seq", group)
            return [r[0] for r in rows]
