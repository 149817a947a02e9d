"""Do two mentions tell the same event? Hard limits first, then a score over what agrees.

Hard limits (any one keeps two mentions apart, whatever else agrees):
- the same article (the per-article stage already decided its events are different),
- different type families (a protest is never the same event as an air strike),
- dates further apart than their precision allows (1 day for day-precise reports, a week for
  week-precise, a month for month-precise),
- different countries, or different provinces: ACLED codes one event per location, so an attack
  on the PMF in Salah al-Din and an IED in Baghdad on the same day are two events; a report with
  no place but a country (``EventMention.country``) meets only reports of that country,
- two town-precise places more than 25 km apart, or any two places more than 50 km apart,
- no actor in common when either report names no place (a date and a type alone are too little).

The score adds what agrees (date, place, actors, sub-event type, death toll, wording) and takes
off for named actors that disagree. A missing value neither adds nor takes away, so a report
that names no place can still join on date, actors and type. A mention without a date may join
only on stronger content agreement (``CONTENT_ONLY``), and the link says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventdesk.fuse._item import Item
from eventdesk.gazetteer import km

__all__ = ["Score", "compare", "apart", "limits_key", "THRESHOLD", "CONTENT_ONLY", "date_tolerance"]

THRESHOLD = 0.55
"""Score needed to fuse two dated mentions."""
CONTENT_ONLY = 0.6
"""Score needed, without any date agreement, to attach an undated mention."""

_TOLERANCE = {1: 1, 2: 7, 3: 31}


@dataclass(frozen=True, slots=True)
class Score:
    value: float
    agreed: tuple[str, ...]
    by_content: bool

    @property
    def fuses(self) -> bool:
        return self.value >= (CONTENT_ONLY if self.by_content else THRESHOLD)


def date_tolerance(precision: int) -> int:
    """Days two reports' dates may differ by, given the vaguer of their precisions."""
    return _TOLERANCE.get(precision, 0)


def compare(a: Item, b: Item, *, why: bool = True) -> Score | None:
    """``None`` when a hard limit keeps the two apart, else the score and what agreed.

    ``why=False`` leaves out what agreed (``agreed`` is empty) and gives the same ``value``: for
    ranking many candidate pairs, when the reasons are needed only for the few links kept."""
    if a.article == b.article:
        return None
    place = _limits(a, b)
    if place is None:
        return None
    agreed: list[str] = []
    value = 0.0
    by_content = a.day is None or b.day is None
    if not by_content:
        gap = abs(a.day - b.day)  # within the date tolerance: ``_limits`` checked it
        if gap == 0:
            value += 0.25
            if why:
                agreed.append("date: same day")
        else:
            value += 0.1
            if why:
                agreed.append(f"date: {gap} day{'s' if gap > 1 else ''} apart, within precision")
    value += place[0]
    if place[1] and why:
        agreed.append(place[1])
    value += _actors(a, b, agreed if why else None)
    if a.sub_event_type == b.sub_event_type:
        value += 0.15
        if why:
            agreed.append(f"sub-event type: {a.sub_event_type}")
    elif a.event_type == b.event_type:
        value += 0.08
        if why:
            agreed.append(f"event type: {a.event_type}")
    if a.deaths is not None and b.deaths is not None and a.deaths and b.deaths:
        if a.deaths == b.deaths:
            value += 0.05
            if why:
                agreed.append(f"deaths: both {a.deaths}")
        elif max(a.deaths, b.deaths) <= 1.5 * min(a.deaths, b.deaths):
            value += 0.03
            if why:
                agreed.append(f"deaths: {min(a.deaths, b.deaths)}-{max(a.deaths, b.deaths)}")
    overlap = _jaccard(a.words, b.words)
    if overlap >= 0.1:
        value += 0.15 * overlap
        if why:
            agreed.append(f"wording: {overlap:.0%} shared words")
    return Score(round(value, 4), tuple(agreed), by_content)


def apart(a: Item, b: Item) -> bool:
    """Whether a hard limit other than "same article" keeps the two apart: ``compare(a, b) is None``
    exactly when ``a.article == b.article or apart(a, b)``. It reads only the fields in
    ``limits_key``, so two items with equal keys are kept apart from the same items."""
    return _limits(a, b) is None


def _limits(a: Item, b: Item) -> tuple[float, str] | None:
    """The hard limits but "same article" (another family, no place and no shared actor, dates too
    far apart, places too far apart): None when one applies, else what the places add to a score."""
    if a.family != b.family:
        return None
    if (not a.geo_precision or not b.geo_precision) and not _share_actor(a, b):
        return None
    if a.day is not None and b.day is not None and abs(a.day - b.day) > date_tolerance(max(a.precision, b.precision)):
        return None
    return _place(a, b)


def limits_key(item: Item) -> tuple:
    """The fields ``apart`` reads (everything the hard limits look at but the article)."""
    return (item.family, item.geo_precision, item.nation, item.actor1, item.actor2, item.day, item.precision,
            item.country, item.admin1, item.location, item.lat, item.lon)


def _place(a: Item, b: Item) -> tuple[float, str] | None:
    if a.nation and b.nation and a.nation != b.nation:
        return None  # a report of one country never joins one of another, placed or not
    if not a.geo_precision or not b.geo_precision:
        return 0.0, ""  # a country alone adds nothing: it says too little to tell two events apart
    if a.country != b.country or (a.admin1 and b.admin1 and a.admin1 != b.admin1):
        return None
    if a.location == b.location:
        return 0.25, f"place: {a.location}"
    distance = km(a.lat, a.lon, b.lat, b.lon)
    if a.geo_precision == 1 and b.geo_precision == 1 and distance > 25:
        return None
    if max(a.geo_precision, b.geo_precision) >= 3:
        return 0.1, f"place: same province ({a.admin1 or b.admin1})"
    if distance > 50:
        return None
    if distance <= 10:
        return 0.2, f"place: {distance:.0f} km apart"
    return 0.12, f"place: {distance:.0f} km apart"


def _actors(a: Item, b: Item, agreed: list[str] | None) -> float:
    """What the actors add to the score; what agreed goes to ``agreed`` unless it is None."""
    value = 0.0
    if a.actor1 and a.actor1 == b.actor1:
        value += 0.1
        if agreed is not None:
            agreed.append(f"actor1: {a.actor1}")
    if a.actor2 and a.actor2 == b.actor2:
        value += 0.1
        if agreed is not None:
            agreed.append(f"actor2: {a.actor2}")
    if not value and a.actor1 and a.actor1 == b.actor2 and a.actor2 == b.actor1:
        value += 0.15
        if agreed is not None:
            agreed.append(f"actors: {a.actor1} and {a.actor2}, roles swapped")
    if a.named and b.named and not a.named & b.named:
        value -= 0.2
    return value


def _share_actor(a: Item, b: Item) -> bool:
    return bool({a.actor1, a.actor2} & {b.actor1, b.actor2} - {""})


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 0.0
    shared = len(x & y)
    return shared / (len(x) + len(y) - shared)  # = len(x | y), without building the union
