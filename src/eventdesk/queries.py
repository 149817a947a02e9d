"""Reading the store for the HTTP API and the page: pages of events, one event with its evidence,
one article with the spans that cite it, counts for charts, downloads, and ingest of posted
articles. ``eventdesk.api`` is a thin shell over these functions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from eventdesk.app import ExtractReport, extract
from eventdesk.ingest import read_inputs
from eventdesk.model import Article, Event, EventMention, Skipped, Span
from eventdesk.readcache import ReadCache
from eventdesk.services import Services
from eventdesk.settings import Settings
from eventdesk.store import Store, StoredArticle
from eventdesk.store._query import EventQuery, Facets, StatRow

__all__ = ["EventQuery", "EventPage", "RowPage", "EventDetail", "ArticleDetail", "ArticleSpan", "IngestReport",
           "Overview", "find_events", "find_rows", "event_detail", "article_detail", "article_spans", "event_stats",
           "overview", "export_query", "export_rows", "ingest_records", "MAX_PAGE"]

MAX_PAGE = 1000
"""The most events one page of ``find_events`` holds."""


@dataclass(frozen=True)
class EventPage:
    """One page of the events that match a query, and how many match in all."""

    total: int
    limit: int
    offset: int
    events: tuple[Event, ...]


@dataclass(frozen=True)
class RowPage:
    """``EventPage`` with each event as its export row (``export.event_row``)."""

    total: int
    limit: int
    offset: int
    rows: tuple[dict, ...]


@dataclass(frozen=True)
class EventDetail:
    """An event with its source articles; ``resolved_from`` is the id asked for when a merge made
    it an alias of ``event.event_id`` (else ``None``)."""

    event: Event
    articles: dict[str, StoredArticle]
    resolved_from: str | None = None


@dataclass(frozen=True, order=True)
class ArticleSpan:
    """Where in an article's cleaned text an event's value was read: ``field`` is ``evidence`` (a
    sentence the event rests on), a column name (``event_date``, ``actor1``, ``location``, ...),
    ``claim:<field>`` (the sentence a claim is made in) or ``speaker:<field>`` (who makes it)."""

    start: int
    end: int
    event_id: str
    field: str


@dataclass(frozen=True)
class ArticleDetail:
    article: StoredArticle
    spans: tuple[ArticleSpan, ...]


@dataclass(frozen=True)
class IngestReport:
    """What ``ingest_records`` did: the run's report (skipped records named ``articles[i]``), the
    stored ids of the records' articles (new or already stored) and the events they are part of."""

    report: ExtractReport
    article_ids: tuple[str, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Overview:
    """Versions, counts and the distinct values of the filterable columns."""

    versions: dict[str, str]
    totals: dict[str, int]
    facets: Facets


@contextmanager
def _opened(settings: Settings, store: Store | None) -> Iterator[Store]:
    """``store`` when the caller holds one open (the API's per-thread readers), else the store at
    ``settings.db``, opened for this call."""
    if store is not None:
        yield store
        return
    with Store.open(settings.db) as opened:
        yield opened


def _cached(store: Store, cache: ReadCache | None, key: tuple, compute):
    """``compute()``, or its answer kept in ``cache`` for this state of the store."""
    if cache is None:
        return compute()
    with store.snapshot():
        return cache.get(store.version(), key, compute)


def _check_page(limit: int) -> None:
    from eventdesk.errors import ConfigError

    if not 1 <= limit <= MAX_PAGE:
        raise ConfigError(f"limit must be between 1 and {MAX_PAGE}")


def find_events(settings: Settings, query: EventQuery, *, sort: str = "-event_date", limit: int = 100,
                offset: int = 0, store: Store | None = None) -> EventPage:
    """The page ``[offset, offset + limit)`` of the events matching ``query`` in ``sort`` order
    (one of ``store._query.SORTS``; ties by event id). Filtering, counting and paging run in SQL."""
    _check_page(limit)
    with _opened(settings, store) as s:
        total, events = s.query_events(query, sort=sort, limit=limit, offset=offset)
    return EventPage(total, limit, offset, tuple(events))


def find_rows(settings: Settings, query: EventQuery, *, sort: str = "-event_date", limit: int = 100,
              offset: int = 0, store: Store | None = None, cache: ReadCache | None = None) -> RowPage:
    """``find_events`` as export rows, which is what a listing shows: read in a few queries per
    page, whatever its size. With a ``cache``, the count of matches, the page's ids and each row are
    kept while the store is unchanged (every caller gets its own copy of a row)."""
    _check_page(limit)
    with _opened(settings, store) as s, s.snapshot():
        total = _cached(s, cache, ("count", query), lambda: s.count_events(query))
        ids = _cached(s, cache, ("ids", query, sort, limit, offset),
                      lambda: s.event_ids(query, sort=sort, limit=limit, offset=offset))
        if cache is None:
            rows = s.event_rows(ids)
        else:  # rows are kept one by one: pages of other sizes, sorts and filters share them
            version = s.version()
            kept = cache.get_many(version, [("row", i) for i in ids])
            missing = [i for i in ids if ("row", i) not in kept]
            fresh = {("row", r["event_id"]): r for r in s.event_rows(missing)}
            cache.put_many(version, fresh)
            kept.update(fresh)
            rows = [dict(kept[("row", i)]) for i in ids if ("row", i) in kept]
    return RowPage(total, limit, offset, tuple(rows))


def event_detail(settings: Settings, event_id: str, *, store: Store | None = None) -> EventDetail:
    """One event (an id a merge retired resolves to its successor) and its source articles."""
    with _opened(settings, store) as s, s.snapshot():
        current = s.resolve(event_id)
        event = s.event(current)
        articles = {src.article_id: s.article(src.article_id) for src in event.sources}
    return EventDetail(event, articles, event_id if current != event_id else None)


def article_detail(settings: Settings, article_id: str, *, store: Store | None = None) -> ArticleDetail:
    """A stored article and every span of every event that cites it."""
    with _opened(settings, store) as s, s.snapshot():
        article = s.article(article_id)
        events = s.events(article_id=article.id)
    return ArticleDetail(article, article_spans(events, article.id))


def article_spans(events: Iterable[Event], article_id: str) -> tuple[ArticleSpan, ...]:
    """The spans into ``article_id`` of these events' fused fields and mentions, once each, sorted."""
    found: set[ArticleSpan] = set()
    for event in events:
        for mention in (event.fields, *event.mentions):
            for name, span in _mention_spans(mention):
                if span is not None and span.article_id == article_id:
                    found.add(ArticleSpan(span.start, span.end, event.event_id, name))
    return tuple(sorted(found))


def _mention_spans(m: EventMention) -> Iterator[tuple[str, Span | None]]:
    yield from (("evidence", span) for span in m.sentences)
    yield "event_type", m.type_evidence
    yield "event_date", None if m.date is None else m.date.span
    yield "location", None if m.place is None else m.place.span
    yield "fatalities", m.fatalities.span
    yield "actor1", None if m.actor1 is None else m.actor1.span
    yield "actor2", None if m.actor2 is None else m.actor2.span
    yield from (("assoc_actor_1", a.span) for a in m.assoc_actor_1)
    yield from (("assoc_actor_2", a.span) for a in m.assoc_actor_2)
    for claim in m.claims:
        yield f"claim:{claim.field}", claim.span
        yield f"speaker:{claim.field}", claim.speaker_span


def event_stats(settings: Settings, query: EventQuery, by: str, *, store: Store | None = None,
                cache: ReadCache | None = None) -> list[StatRow]:
    """Events, deaths and events per type of the matching events per day, week (the ISO week's Monday),
    event type, province or country (``store._query.STATS_BY``), counted in SQL; kept in ``cache``
    while the store is unchanged."""
    with _opened(settings, store) as s:
        return list(_cached(s, cache, ("stats", by, query), lambda: s.event_stats(query, by)))


def overview(settings: Settings, *, store: Store | None = None, cache: ReadCache | None = None) -> Overview:
    """Versions, counts and filter values; kept in ``cache`` while the store is unchanged."""
    from eventdesk.versions import versions

    with _opened(settings, store) as s:
        return _cached(s, cache, ("overview",), lambda: Overview(versions(), s.totals(), s.facets()))


def export_rows(settings: Settings, query: EventQuery, *, records: bool = False) -> Iterator[dict]:
    """Every event matching ``query`` as an export row (``records``: as ``export.event_record``, with
    spans and ledger), in export order, read a batch at a time from one snapshot of the store: for
    streaming a download of any size with bounded memory. The store is opened now (read-only, its
    own connection: an error comes before anything is sent) and closed when the iteration ends."""
    from eventdesk.export import event_record

    store = Store.open_reader(settings.db)

    def rows() -> Iterator[dict]:
        try:
            if records:
                yield from (event_record(e) for e in store.iter_events(query, sort="event_date"))
            else:
                yield from store.iter_rows(query, sort="event_date")
        finally:
            store.close()

    return rows()


def export_query(settings: Settings, query: EventQuery, path: str | Path, fmt: str | None = None, *,
                 profile: str = "eventdesk") -> int:
    """Write every event matching ``query`` (no paging) to ``path``; returns how many were written.
    The same selection as ``eventdesk export`` (``dataset.export_selection``)."""
    from eventdesk.dataset import export_selection

    return export_selection(settings, path, fmt, query=query, profile=profile, count_held=False).written


def ingest_records(records: Sequence[object], settings: Settings, services: Services, *,
                   allow_paths: bool = False) -> IngestReport:
    """Run the pipeline and fusion on manifest records given as values: each is what one line of a
    JSONL manifest holds (``id``, one of ``text``/``html``, optional ``published``, ``outlet``,
    ``url``, ``title``, ``language``) and is read by the same parser, so a bad record is skipped
    with the reason the CLI gives, named ``articles[i]``. ``path`` records are refused
    (``ConfigError``) unless ``allow_paths``: a caller over the network gets no file access.
    """
    import io
    import json
    from dataclasses import replace

    from eventdesk.errors import ConfigError
    from eventdesk.ingest import STDIN_NAME

    if not records:
        raise ConfigError("no articles given")
    for i, record in enumerate(records):
        if not allow_paths and isinstance(record, dict) and record.get("path") is not None:
            raise ConfigError(f"articles[{i}]: 'path' is not accepted here (no file access); send 'text' or 'html'")
    try:
        manifest = "".join(json.dumps(record, allow_nan=False) + "\n" for record in records)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"articles: a record is not plain JSON: {exc}") from exc
    read = [a for a in read_inputs([STDIN_NAME], stdin=io.StringIO(manifest)) if isinstance(a, Article)]
    # a request runs here, on its own articles (re-extracting the store is `eventdesk extract --reprocess`)
    quiet = replace(settings, progress=False, write_token=None, engine="local", reprocess=False)
    report = extract([STDIN_NAME], quiet, stdin=io.StringIO(manifest), services=services)
    skipped = tuple(Skipped(_record_origin(s.origin), s.reason) for s in report.summary.skipped)
    report = replace(report, summary=replace(report.summary, skipped=skipped))
    with Store.open(settings.db) as store:
        ids = tuple(dict.fromkeys(sid for a in read if (sid := store.stored_id(a.content_hash)) is not None))
        events = {e.event_id: e for aid in ids for e in store.events(article_id=aid)}
    ordered = sorted(events.values(), key=lambda e: (e.fields.date is None, e.fields.date.date.isoformat()
                                                      if e.fields.date else "", e.event_id))
    return IngestReport(report, ids, tuple(ordered))


def _record_origin(origin: str) -> str:
    """``<stdin>:N`` (line N of the manifest built from the records) -> ``articles[N-1]``."""
    from eventdesk.ingest import STDIN_ORIGIN

    head, _, line = origin.rpartition(":")
    return f"articles[{int(line) - 1}]" if head == STDIN_ORIGIN and line.isdigit() else origin
