"""EventMention <-> flat row columns, shared by ``event_mentions`` and ``events``.

One codec for both tables means the fused fields of an ``Event`` and the mentions it rests on are
stored, queried and rebuilt the same way. The encoding is lossless: ``decode(encode(m)) == m`` for
every ``EventMention`` (tuple order kept, dates as ISO text, ``None`` kept apart from ``""``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any, Protocol

from eventdesk.model import Actor, Claim, EventCountry, EventDate, EventMention, Fatalities, MergeLink, Place, Span


class Row(Protocol):
    """A row read by column name: ``sqlite3.Row`` or a plain dict."""

    def __getitem__(self, key: str, /) -> Any: ...



def to_json(value: Any) -> str:
    """Canonical compact JSON: the same value always gives the same text (fingerprints rely on it)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fingerprint(columns: Mapping[str, Any]) -> str:
    return hashlib.sha256(to_json(dict(columns)).encode("utf-8")).hexdigest()


def span_list(span: Span | None) -> list[Any] | None:
    return None if span is None else [span.article_id, span.start, span.end]


def span_of_list(value: list[Any] | None) -> Span | None:
    return None if value is None else Span(value[0], value[1], value[2])


def _span_columns(prefix: str, span: Span | None) -> dict[str, Any]:
    if span is None:
        return {f"{prefix}_article": None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {f"{prefix}_article": span.article_id, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _span_of(row: Row, prefix: str) -> Span | None:
    article = row[f"{prefix}_article"]
    if article is None:
        return None
    return Span(article, row[f"{prefix}_start"], row[f"{prefix}_end"])


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    columns = {
        prefix: None if actor is None else actor.name,
        f"{prefix}_inter": None if actor is None else actor.inter,
        f"{prefix}_key": None if actor is None else actor.key,
    }
    columns.update(_span_columns(prefix, None if actor is None else actor.span))
    return columns


def _actor_of(row: Row, prefix: str) -> Actor | None:
    if row[prefix] is None:
        return None
    return Actor(row[prefix], row[f"{prefix}_inter"], _span_of(row, prefix), row[f"{prefix}_key"])


def _actors_json(actors: tuple[Actor, ...]) -> str:
    return to_json(
        [{"name": a.name, "inter": a.inter, "key": a.key, "span": span_list(a.span)} for a in actors]
    )


def _actors_of_json(text: str) -> tuple[Actor, ...]:
    return tuple(
        Actor(item["name"], item["inter"], span_of_list(item["span"]), item["key"])
        for item in json.loads(text)
    )


def _date_columns(date: EventDate | None) -> dict[str, Any]:
    columns = {
        "event_date": None if date is None else date.date.isoformat(),
        "time_precision": None if date is None else date.precision,
        "date_how": None if date is None else date.how,
    }
    columns.update(_span_columns("date", None if date is None else date.span))
    return columns


def _date_of(row: Row) -> EventDate | None:
    if row["event_date"] is None:
        return None
    return EventDate(
        dt.date.fromisoformat(row["event_date"]), row["time_precision"], _span_of(row, "date"), row["date_how"]
    )


def _place_columns(place: Place | None) -> dict[str, Any]:
    names = ("country", "admin1", "admin2", "location", "latitude", "longitude")
    columns: dict[str, Any] = {name: None if place is None else getattr(place, name) for name in names}
    columns["geo_precision"] = None if place is None else place.precision
    columns["place_source"] = None if place is None else place.source
    columns.update(_span_columns("place", None if place is None else place.span))
    return columns


def _place_of(row: Row) -> Place | None:
    """The row's place: a row has one exactly when it has a precision (a country-only row has
    ``country`` and no precision, see ``_country_of``)."""
    if row["geo_precision"] is None:
        return None
    return Place(
        country=row["country"],
        admin1=row["admin1"],
        admin2=row["admin2"],
        location=row["location"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        precision=row["geo_precision"],
        source=row["place_source"],
        span=_span_of(row, "place"),
    )


def _country_columns(mention: EventMention) -> dict[str, Any]:
    """``country`` is the place's country, else the country read without a place; its provenance
    columns belong to the latter only."""
    found = mention.country
    columns: dict[str, Any] = {"country_how": None if found is None else found.how}
    columns.update(_span_columns("country", None if found is None else found.span))
    if mention.place is None:
        columns["country"] = None if found is None else found.name
    return columns


def _country_of(row: Row) -> EventCountry | None:
    """The country of a row with no place (``None`` for a row with one: its place gives it). A
    country an analyst set on a placeless event reads as ``reviewed``."""
    if row["geo_precision"] is not None or row["country"] is None:
        return None
    how = row["country_how"]
    return EventCountry(row["country"], "reviewed" if how is None else how, _span_of(row, "country"))


def _fatalities_columns(fatalities: Fatalities) -> dict[str, Any]:
    columns = {
        "fatalities": fatalities.best,
        "fatalities_low": fatalities.low,
        "fatalities_high": fatalities.high,
        "fatalities_how": fatalities.how,
    }
    columns.update(_span_columns("fatalities", fatalities.span))
    return columns


def _fatalities_of(row: Row) -> Fatalities:
    return Fatalities(
        best=row["fatalities"],
        low=row["fatalities_low"],
        high=row["fatalities_high"],
        span=_span_of(row, "fatalities"),
        how=row["fatalities_how"],
    )


def claims_json(claims: tuple[Claim, ...]) -> str:
    return to_json([
        {"field": c.field, "value": c.value, "stance": c.stance, "span": span_list(c.span), "speaker": c.speaker,
         "speaker_span": span_list(c.speaker_span), "revised": c.revised}
        for c in claims
    ])


def claims_of_json(text: str) -> tuple[Claim, ...]:
    return tuple(
        Claim(item["field"], item["value"], item["stance"], span_of_list(item["span"]), item["speaker"],
              span_of_list(item["speaker_span"]), item["revised"])
        for item in json.loads(text)
    )


def links_json(links: tuple[MergeLink, ...]) -> str:
    return to_json([
        {"a": k.a, "b": k.b, "score": k.score, "agreed": list(k.agreed), "by_content": k.by_content} for k in links
    ])


def links_of_json(text: str) -> tuple[MergeLink, ...]:
    return tuple(
        MergeLink(item["a"], item["b"], item["score"], tuple(item["agreed"]), item["by_content"])
        for item in json.loads(text)
    )


def encode_mention(mention: EventMention) -> dict[str, Any]:
    """The column values of one mention (no id / seq / fingerprint: the caller owns those)."""
    columns: dict[str, Any] = {
        "article_id": mention.article_id,
        "event_type": mention.event_type,
        "sub_event_type": mention.sub_event_type,
    }
    columns.update(_span_columns("type", mention.type_evidence))
    columns.update(_date_columns(mention.date))
    columns.update(_actor_columns("actor1", mention.actor1))
    columns.update(_actor_columns("actor2", mention.actor2))
    columns["assoc_actor_1"] = _actors_json(mention.assoc_actor_1)
    columns["assoc_actor_2"] = _actors_json(mention.assoc_actor_2)
    columns.update(_place_columns(mention.place))
    columns.update(_country_columns(mention))
    columns.update(_fatalities_columns(mention.fatalities))
    columns["notes"] = mention.notes
    columns["confidence"] = float(mention.confidence)
    columns["sentences"] = to_json([span_list(span) for span in mention.sentences])
    columns["claims"] = claims_json(mention.claims)
    return columns


def decode_mention(row: Row) -> EventMention:
    """Rebuild the ``EventMention`` that ``encode_mention`` flattened."""
    return EventMention(
        article_id=row["article_id"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        sentences=tuple(Span(a, s, e) for a, s, e in json.loads(row["sentences"])),
        date=_date_of(row),
        place=_place_of(row),
        actor1=_actor_of(row, "actor1"),
        actor2=_actor_of(row, "actor2"),
        assoc_actor_1=_actors_of_json(row["assoc_actor_1"]),
        assoc_actor_2=_actors_of_json(row["assoc_actor_2"]),
        fatalities=_fatalities_of(row),
        notes=row["notes"],
        confidence=row["confidence"],
        type_evidence=_span_of(row, "type"),
        claims=claims_of_json(row["claims"]),
        country=_country_of(row),
    )


MENTION_COLUMNS: tuple[str, ...] = tuple(
    encode_mention(EventMention("", "", "", (), None, None, None)).keys()
)
"""Field columns common to ``event_mentions`` and ``events`` (a test checks them against the schema)."""
