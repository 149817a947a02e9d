"""Read routes: events (filtered, sorted, paged), one event, one article, statistics, filter
values and the fusion change log. Each is one library call and a conversion to JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

import orjson

from fastapi import APIRouter, Depends, Path, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response

from eventdesk import queries as lib
from eventdesk.app import changes
from eventdesk.api._filters import SQL_INT_MAX, By, Limit, Offset, Sort, event_query
from eventdesk.api._models import ArticleOut, ChangeList, ErrorBody, EventDetailOut, EventList, Meta, Stats
from eventdesk.api._state import ApiState, api_state
from eventdesk.export import event_record, evidence_spans
from eventdesk.store import Store

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["read"])

State = Annotated[ApiState, Depends(api_state)]
Filters = Annotated[lib.EventQuery, Depends(event_query)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "no such id"}}


def _json(body: dict[str, Any]) -> Response:
    """JSON the route's ``response_model`` documents, sent as it is: the bodies are built here in
    the model's shape (``tests/test_api_hardening.py`` checks each against its model), and a second
    validation and serialisation by pydantic cost more than building them (a page of 1,000 rows
    spent more time there than in the store)."""
    return _bytes(_dumps(body))


def _dumps(body: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON (orjson: several times faster than ``json`` on event rows)."""
    return orjson.dumps(body)


def _bytes(body: bytes) -> Response:
    return Response(body, media_type="application/json")


CACHED_BYTES = 256 * 1024
"""Answers up to this size are kept as the bytes sent (in the API's cache, while the store is unchanged)."""


def _answer(state: ApiState, key: tuple, build: Callable[[Store], dict[str, Any]]) -> Response:
    """The JSON answer of ``build(store)``; kept as bytes in the cache while the store is unchanged
    (a repeated request costs a lookup). ``build`` reads through ``store``, in one snapshot."""
    store = state.readers.get()
    if state.cache is None:
        return _json(build(store))
    with store.snapshot():
        version = store.version()
        kept = state.cache.get_many(version, [key]).get(key)
        if kept is not None:
            return _bytes(kept)  # type: ignore[arg-type]
        body = _dumps(build(store))
    if len(body) <= min(CACHED_BYTES, state.settings.api_cache_mb * 1_000_000):
        state.cache.put_many(version, {key: body})
    return _bytes(body)


@router.get("/events", response_model=EventList, summary="Events matching the filters, one page")
def list_events(state: State, query: Filters, sort: Sort = "-event_date", limit: Limit = 100,
                offset: Offset = 0) -> Response:
    def build(store: Store) -> dict[str, Any]:
        page = lib.find_rows(state.settings, query, sort=sort, limit=limit, offset=offset, store=store,
                             cache=state.cache)
        return {"total": page.total, "limit": page.limit, "offset": page.offset, "events": list(page.rows)}

    return _answer(state, ("events.json", query, sort, limit, offset), build)


@router.get("/events/{event_id}", response_model=EventDetailOut, responses=NOT_FOUND,
            summary="One event with its evidence, claims ledger and source articles")
def get_event(state: State, event_id: Annotated[str, Path(description="an event id (or a retired alias)")]
              ) -> Response:
    return _answer(state, ("event.json", event_id), lambda store: _event_body(state, event_id, store))


def _event_body(state: ApiState, event_id: str, store: Store) -> dict[str, Any]:
    detail = lib.event_detail(state.settings, event_id, store=store)
    event = detail.event
    evidence = [{"article_id": s.article_id, "start": s.start, "end": s.end, "text": text}
                for s, text in zip(evidence_spans(event), event.evidence, strict=False)]
    articles = {
        aid: {"title": a.title, "outlet": a.outlet, "url": a.url, "headline": a.headline,
              "published": None if a.publication.date is None else a.publication.date.isoformat()}
        for aid, a in detail.articles.items()
    }
    return {"event": event_record(event), "evidence": evidence, "articles": articles,
            "resolved_from": detail.resolved_from}


@router.get("/articles/{article_id:path}", response_model=ArticleOut, responses=NOT_FOUND,
            summary="An article's cleaned text with the spans of every event that cites it")
def get_article(state: State, article_id: str) -> Response:
    return _answer(state, ("article.json", article_id), lambda store: _article_body(state, article_id, store))


def _article_body(state: ApiState, article_id: str, store: Store) -> dict[str, Any]:
    detail = lib.article_detail(state.settings, article_id, store=store)
    a = detail.article
    return {
        "id": a.id, "original_id": a.original_id, "title": a.title, "headline": a.headline, "outlet": a.outlet,
        "published": None if a.publication.date is None else a.publication.date.isoformat(),
        "url": a.url, "language": a.language, "text": a.text,
        "spans": [dataclasses.asdict(s) for s in detail.spans],
        "dropped": [{"text": d.text, "reason": d.reason} for d in a.dropped],
        "rejections": [{"start": r.span.start, "end": r.span.end, "reason": r.reason} for r in a.rejections],
    }


@router.get("/stats", response_model=Stats, summary="Events, deaths and events per type, grouped")
def get_stats(state: State, query: Filters, by: By = "week") -> Response:
    def build(store: Store) -> dict[str, Any]:
        rows = lib.event_stats(state.settings, query, by, store=store, cache=state.cache)
        return {"by": by, "rows": [dataclasses.asdict(r) for r in rows]}

    return _answer(state, ("stats.json", query, by), build)


@router.get("/meta", response_model=Meta, summary="Versions, counts and the values the filter menus offer")
def get_meta(state: State) -> Response:
    return _answer(state, ("meta.json",), lambda store: _meta_body(state, store))


def _meta_body(state: ApiState, store: Store) -> dict[str, Any]:
    o = lib.overview(state.settings, store=store, cache=state.cache)
    f = o.facets
    return {
        "versions": o.versions, "counts": o.totals, "countries": list(f.countries),
        "admin1": {k: list(v) for k, v in f.admin1.items()}, "event_types": list(f.event_types),
        "sub_event_types": {k: list(v) for k, v in f.sub_event_types.items()},
        "dates": {"first": f.first_date, "last": f.last_date},
        "write_enabled": state.settings.write_token is not None,
    }


@router.get("/changes", response_model=ChangeList, summary="The fusion change log, oldest first")
def get_changes(
    state: State,
    since: Annotated[str | None, Query(description="only changes at or after this ISO date or datetime (UTC)")] = None,
    run: Annotated[int | None, Query(ge=0, le=SQL_INT_MAX, description="only changes made by this run")] = None,
) -> dict[str, Any]:
    if since:
        try:
            dt.datetime.fromisoformat(since)
        except ValueError as exc:
            raise RequestValidationError([{"loc": ("query", "since"), "msg": "expected an ISO date or datetime",
                                           "type": "value_error"}]) from exc
    found = changes(state.settings, since=since or None, run_id=run)
    return {"changes": [{**dataclasses.asdict(c), "at": c.at.isoformat()} for c in found]}
