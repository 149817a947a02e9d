"""One value per field for a fused event, and the fields its sources disagree on.

- Type: the sub-event type most reports give (weighted by their confidence).
- Date and place: the most precise any report gives; among equally precise, the most reported.
  With no report placing it, the country they give (``EventMention.country``), never as a place.
- Actors: the name most reports give, a named actor before a generic one.
- Deaths: ACLED's conservative rule, the lowest credible figure, unless a later report revises the
  toll ("rose to 40"): then the latest revision. ``low``/``high`` span every figure reported.
  A report that says the toll is unknown is not a report of zero.
- Disputed: date (day-precise reports on different days), location (precise places more than
  10 km apart), actor1 / actor2 (different named actors), fatalities (different figures, or a
  figure against "unknown"), event_type, and coordinated_with (one source claims coordination
  that another doubts or denies), plus any field where a source doubts or denies what another
  says.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from eventdesk.fuse._item import actor_base, is_generic
from eventdesk.gazetteer import km
from eventdesk.model import COUNTRY_EVIDENCE, Actor, Claim, EventMention, Fatalities
from eventdesk.extract.assembly.notes import describe

__all__ = ["fuse_fields", "disputed_fields"]

T = TypeVar("T")
_NO_FIGURE = ("", "none reported", "unknown", "casualties only")
_DOUBT = ("doubted", "denied")
_COUNTRY_RANK = {how: rank for rank, how in enumerate(COUNTRY_EVIDENCE)}  # nearest evidence first


def fuse_fields(members: Sequence[EventMention], published: Mapping[str, dt.date | None]) -> EventMention:
    """The fused values; ``members`` in the group's order (the first wins ties)."""
    if len(members) == 1:
        return members[0]
    weights: Counter[str] = Counter()
    for m in members:
        weights[m.sub_event_type] += m.confidence
    sub = max(weights, key=lambda s: (weights[s], -_first(members, lambda m: m.sub_event_type == s)))
    typed = next(m for m in members if m.sub_event_type == sub)
    dated = [m for m in members if m.date is not None]
    date = None
    if dated:
        sharpest = min(m.date.precision for m in dated)
        pool = [m for m in dated if m.date.precision == sharpest]
        date = _most_common(pool, lambda m: m.date.date).date
    placed = [m for m in members if m.place is not None]
    place = None
    if placed:
        sharpest = min(m.place.precision for m in placed)
        pool = [m for m in placed if m.place.precision == sharpest]
        place = _most_common(pool, lambda m: (m.place.country, m.place.location)).place
    country = None
    if place is None and (known := [m for m in members if m.country is not None]):
        # no report places it: the country they give (fusion joins only reports of one country),
        # with the nearest evidence any of them has; a country never becomes a town
        country = min((m.country for m in known), key=lambda c: _COUNTRY_RANK.get(c.how, len(_COUNTRY_RANK)))
    actor1 = _actor(members, lambda m: m.actor1)
    actor2 = _actor(members, lambda m: m.actor2)
    taken = {a.name for a in (actor1, actor2) if a is not None}
    fused = replace(
        typed,
        event_type=typed.event_type,
        sub_event_type=sub,
        sentences=tuple(dict.fromkeys(s for m in members for s in m.sentences)),
        date=date,
        place=place,
        country=country,
        actor1=actor1,
        actor2=actor2,
        assoc_actor_1=_union(members, lambda m: m.assoc_actor_1, taken),
        assoc_actor_2=_union(members, lambda m: m.assoc_actor_2, taken),
        fatalities=_deaths(members, published),
        confidence=max(m.confidence for m in members),
        claims=tuple(c for m in members for c in m.claims),
    )
    return replace(fused, notes=describe(fused))


def disputed_fields(members: Sequence[EventMention]) -> tuple[str, ...]:
    """Names of the fields on which the reports in ``members`` disagree, in export order."""
    if len({m.article_id for m in members}) < 2:
        return ()
    out: list[str] = []
    if len({m.event_type for m in members}) > 1:
        out.append("event_type")
    if len({m.date.date for m in members if m.date is not None and m.date.precision == 1}) > 1:
        out.append("event_date")
    if _places_disagree([m for m in members if m.place is not None and m.place.precision <= 2]):
        out.append("location")
    for name in ("actor1", "actor2"):
        named = {actor_base(a.name) for m in members if (a := getattr(m, name)) is not None and not is_generic(a.name)}
        if len(named) > 1:
            out.append(name)
    figures = {m.fatalities.best for m in members if m.fatalities.how not in _NO_FIGURE}
    unknown = any(m.fatalities.how == "unknown" for m in members) or any(
        c.field == "fatalities" and c.stance == "unknown" for m in members for c in m.claims
    )
    if len(figures) > 1 or (figures and unknown):
        out.append("fatalities")
    claims = [c for m in members for c in m.claims]
    if _coordination_disputed(claims):
        out.append("coordinated_with")
    for field in ("event_date", "location", "actor1", "actor2", "fatalities"):
        if field not in out and any(c.field == field and c.stance in _DOUBT for c in claims):
            out.append(field)
    order = ("event_type", "event_date", "actor1", "actor2", "location", "fatalities", "coordinated_with")
    return tuple(f for f in order if f in out)


def _coordination_disputed(claims: Sequence[Claim]) -> bool:
    said = [c for c in claims if c.field == "coordinated_with"]
    held = {c.value for c in said if c.stance not in _DOUBT}
    doubted = {c.value for c in said if c.stance in _DOUBT}
    return bool(held and doubted)


def _places_disagree(placed: Sequence[EventMention]) -> bool:
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            if a.place.location != b.place.location and km(
                a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude
            ) > 10:
                return True
    return False


def _first(members: Sequence[EventMention], test: Callable[[EventMention], bool]) -> int:
    return next(i for i, m in enumerate(members) if test(m))


def _most_common(pool: Sequence[EventMention], key: Callable[[EventMention], T]) -> EventMention:
    counts = Counter(key(m) for m in pool)
    best = max(counts.values())
    return next(m for m in pool if counts[key(m)] == best)


def _actor(members: Sequence[EventMention], get: Callable[[EventMention], Actor | None]) -> Actor | None:
    present = [m for m in members if get(m) is not None]
    if not present:
        return None
    counts = Counter(get(m).name for m in present)
    chosen = max(
        counts,
        key=lambda n: (not is_generic(n), counts[n], -_first(present, lambda m: get(m).name == n)),
    )
    return next(get(m) for m in present if get(m).name == chosen)


def _union(members: Sequence[EventMention], get: Callable[[EventMention], tuple[Actor, ...]],
           taken: set[str]) -> tuple[Actor, ...]:
    out: dict[str, Actor] = {}
    for m in members:
        for actor in get(m):
            if actor.name not in taken:
                out.setdefault(actor.name, actor)
    return tuple(out.values())


def _deaths(members: Sequence[EventMention], published: Mapping[str, dt.date | None]) -> Fatalities:
    reported = [m for m in members if m.fatalities.how not in _NO_FIGURE]
    if not reported:
        unknown = next((m for m in members if m.fatalities.how == "unknown"), None)
        return unknown.fatalities if unknown is not None else members[0].fatalities
    lows = [m.fatalities.low if m.fatalities.low is not None else m.fatalities.best for m in reported]
    highs = [m.fatalities.high if m.fatalities.high is not None else m.fatalities.best for m in reported]
    revisions = [
        (published.get(m.article_id) or dt.date.min, m.fatalities.best, i)
        for i, m in enumerate(reported)
        if any(c.field == "fatalities" and c.revised for c in m.claims)
    ]
    if revisions:
        chosen = reported[max(revisions)[2]]
        how = "latest revised toll"
    else:
        chosen = min(reported, key=lambda m: m.fatalities.best)
        how = f"lowest of {len(reported)} reported figures" if len(reported) > 1 else chosen.fatalities.how
    return Fatalities(chosen.fatalities.best, min(lows), max(highs), chosen.fatalities.span, how)
