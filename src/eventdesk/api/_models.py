"""The JSON shapes of the HTTP API (pydantic), so the OpenAPI schema documents every response.

Event rows allow extra keys: a column added to ``export.COLUMNS`` reaches clients without a change
here. Every model only describes data; nothing is rendered as HTML.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ArticleOut", "ArticleRef", "ArticleSpanOut", "Change", "ChangeList", "DroppedOut", "ErrorBody", "EventDetailOut",
    "EventList", "EventRecord", "EventRow", "EvidenceOut", "IngestOut", "IngestRequest", "IngestSummary", "Meta", "RejectionOut",
    "SkippedOut", "SpanOut", "StatRowOut", "Stats",
]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    error: str = Field(description="what went wrong, in words")
    detail: list[dict[str, Any]] | None = Field(None, description="per-parameter problems (422 only)")


class EventRow(_Open):
    """One event in the ACLED-compatible export schema (``export.COLUMNS``, in order)."""

    event_id: str
    event_date: str | None = Field(description="ISO date; null when unknown")
    time_precision: int | None = Field(description="1 day, 2 week or approximate, 3 month")
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str = Field(description="'; '-separated")
    actor2: str
    assoc_actor_2: str
    country: str
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None = Field(description="1 town, 2 near a town or part of a region, 3 province")
    fatalities: int = Field(description="ACLED's conservative best estimate (0 when none reported)")
    fatalities_low: int | None
    fatalities_high: int | None
    source: str = Field(description="each outlet once, '; '-separated")
    source_count: int = Field(description="articles that report the event")
    independent_sources: int = Field(description="articles that are not syndicated copies of one another")
    article_ids: str
    notes: str
    disputed: str = Field(description="fields on which the sources disagree, '; '-separated")
    evidence: str = Field(description="the supporting sentences, ' | '-separated")
    confidence: float


class EventList(BaseModel):
    total: int = Field(description="how many events match the filters")
    limit: int
    offset: int
    events: list[EventRow]


class SpanOut(BaseModel):
    article_id: str
    start: int = Field(description="character offset into the article's cleaned text (inclusive)")
    end: int = Field(description="character offset (exclusive)")


class EventRecord(EventRow):
    """The row plus where each value was read (``spans``) and the claims ledger."""

    spans: dict[str, SpanOut | list[SpanOut | None] | None]
    ledger: dict[str, list[dict[str, Any]]] = Field(
        description="sources (article_id, outlet, url, published, copy_group), claims (article_id, outlet, "
        "published, field, value, stance, speaker, revised, sentence, span, speaker_span) and links (a, b, score, "
        "agreed, by_content)"
    )


class EvidenceOut(SpanOut):
    text: str = Field(description="the sentence, exactly as cut from the cleaned text")


class ArticleRef(BaseModel):
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    headline: str | None


class EventDetailOut(BaseModel):
    event: EventRecord
    evidence: list[EvidenceOut]
    articles: dict[str, ArticleRef] = Field(description="the event's source articles by id")
    resolved_from: str | None = Field(description="the id asked for, when a merge made it an alias; else null")


class ArticleSpanOut(BaseModel):
    start: int
    end: int
    event_id: str
    field: str = Field(description="evidence, a column name, claim:<field> or speaker:<field>")


class DroppedOut(BaseModel):
    text: str
    reason: str


class RejectionOut(BaseModel):
    start: int
    end: int
    reason: str


class ArticleOut(BaseModel):
    id: str
    original_id: str
    title: str | None
    headline: str | None
    outlet: str | None
    published: str | None
    url: str | None
    language: str | None
    text: str = Field(description="the cleaned text every span points into")
    spans: list[ArticleSpanOut]
    dropped: list[DroppedOut] = Field(description="blocks the cleaner removed, with the reason")
    rejections: list[RejectionOut] = Field(description="event-like sentences that are not events, with the reason")


class StatRowOut(BaseModel):
    key: str = Field(description="the group: an ISO Monday date for weeks; '' when unknown")
    events: int
    fatalities: int
    by_type: dict[str, int]


class Stats(BaseModel):
    by: str
    rows: list[StatRowOut]


class Meta(BaseModel):
    versions: dict[str, str]
    counts: dict[str, int] = Field(description="events, incomplete_events (held back from exports), articles")
    countries: list[str]
    admin1: dict[str, list[str]] = Field(description="provinces by country")
    event_types: list[str]
    sub_event_types: dict[str, list[str]] = Field(description="sub-event types by event type")
    dates: dict[str, str | None] = Field(description="first and last event_date in the store")
    write_enabled: bool = Field(description="whether this server accepts writes (a write token is configured)")


class Change(BaseModel):
    seq: int
    at: str
    run_id: int | None
    kind: str = Field(description="created, attached, merged, split, updated or retired")
    event_id: str
    detail: dict[str, Any]


class ChangeList(BaseModel):
    changes: list[Change]


class IngestRequest(BaseModel):
    articles: list[dict[str, Any]] = Field(
        description="manifest records: id, exactly one of text / html, optional published (ISO date or "
        "datetime), outlet, url, title, language. 'path' is refused.",
        examples=[[{"id": "wire-2024-05-01", "text": "...", "published": "2024-05-01", "outlet": "Wire"}]],
    )


class SkippedOut(BaseModel):
    origin: str = Field(description="articles[i]: the record's position in the request")
    reason: str


class IngestSummary(BaseModel):
    run_id: int
    read: int
    new: int
    duplicate: int = Field(description="already stored (same content)")
    skipped: list[SkippedOut]
    events: int = Field(description="events created or changed by this run")
    rejections: int
    events_total: int
    limits: dict[str, int] = Field(default_factory=dict,
                                   description="each limit setting the run reached and how many times")


class IngestOut(BaseModel):
    summary: IngestSummary
    article_ids: list[str] = Field(description="the stored ids of the records' articles")
    events: list[EventRow] = Field(description="the events those articles are now part of")
