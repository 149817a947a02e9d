"""The event filters every listing, statistic and download takes, as typed query parameters."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Literal

from fastapi import Query
from fastapi.exceptions import RequestValidationError

from eventdesk.queries import MAX_PAGE, EventQuery
from eventdesk.errors import ConfigError

__all__ = ["By", "Limit", "Offset", "SQL_INT_MAX", "Sort", "event_query"]

SQL_INT_MAX = 2**63 - 1
"""The largest integer SQLite stores: a larger parameter is a 422, never an overflow in the store."""

Sort = Annotated[
    Literal["event_date", "-event_date", "fatalities", "-fatalities", "source_count", "-source_count"],
    Query(description="order of the events ('-' = descending); ties by event_id, undated events last"),
]
By = Annotated[
    Literal["day", "week", "event_type", "admin1", "country"],
    Query(description="group by event date, ISO week (key = its Monday), event type, province or country"),
]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"events per page (at most {MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, le=SQL_INT_MAX, description="events to skip")]


def _text(value: str | None) -> str | None:
    """An empty parameter (``country=`` from a form) means no filter."""
    return value if value else None


def _invalid(name: str, message: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("query", name), "msg": message, "type": "value_error"}])


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    parts = value.split(",")
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        numbers = ()
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise _invalid("bbox", "expected four numbers: minlon,minlat,maxlon,maxlat")
    return numbers  # type: ignore[return-value]


def event_query(
    since: Annotated[dt.date | None, Query(description="first event_date (ISO date, inclusive)")] = None,
    until: Annotated[dt.date | None, Query(description="last event_date (ISO date, inclusive)")] = None,
    country: Annotated[str | None, Query(description="country, exactly as in the data")] = None,
    admin1: Annotated[str | None, Query(
        description="province (first-level division) under any known spelling: Idlib also finds Idleb")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type, exactly")] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type, exactly")] = None,
    actor: Annotated[str | None, Query(
        description="part of the name of actor1, actor2 or an associated actor (case-insensitive)")] = None,
    q: Annotated[str | None, Query(description="text in the notes or an evidence sentence (case-insensitive)")] = None,
    bbox: Annotated[str | None, Query(
        description="minlon,minlat,maxlon,maxlat (WGS84); minlon > maxlon crosses the antimeridian",
        examples=["38,32,49,38"])] = None,
    disputed: Annotated[bool, Query(description="only events on whose fields the sources disagree")] = False,
    min_sources: Annotated[int | None, Query(ge=1, le=SQL_INT_MAX,
                                             description="at least this many independent sources")] = None,
    include_incomplete: Annotated[bool, Query(
        description="also events without a date or a place at province level (left out by default, as in exports)"
    )] = False,
) -> EventQuery:
    try:
        return EventQuery(
            since=since, until=until, country=_text(country), admin1=_text(admin1), event_type=_text(event_type),
            sub_event_type=_text(sub_event_type), actor=_text(actor), q=_text(q), bbox=_bbox(bbox),
            disputed=disputed, min_sources=min_sources, include_incomplete=include_incomplete,
        )
    except ConfigError as exc:
        raise _invalid("bbox" if "bbox" in str(exc) else "min_sources", str(exc)) from exc
