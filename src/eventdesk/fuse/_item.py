"""What fusion needs to know about one event mention, computed once.

An ``Item`` is a flat, slotted view of an ``EventMention`` plus the facts about its article that
fusion uses (publication day, near-duplicate group). Comparing two items touches only these
attributes, so the inner loop of blocking and scoring stays cheap at a million mentions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from eventdesk.model import EventMention

__all__ = ["Item", "family_of", "actor_base", "is_generic", "content_words", "FAMILIES", "FAMILIES_TYPES"]

FAMILIES: dict[str, str] = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic",
}
"""Type families for blocking: reports of one event often disagree on the type inside a family
(an "attack" in one outlet is a "clash" in another) but not across families."""

_GENERIC_PREFIXES = ("Unidentified ", "Civilians", "Protesters", "Rioters", "Prisoners", "Refugees/IDPs")
_COUNTRY_SUFFIX = re.compile(r"\s*\((?:[^()]*)\)$")
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset(
    """the and for with that this from were was have has had been are its their they them his her
    said says told according also after before into over near than then when where which while who
    will would could about against between during under other some more most such only very""".split()
)


FAMILIES_TYPES: dict[str, tuple[str, ...]] = {
    family: tuple(t for t, f in FAMILIES.items() if f == family) for family in dict.fromkeys(FAMILIES.values())
}


def family_of(event_type: str) -> str:
    return FAMILIES.get(event_type, event_type)


def actor_base(name: str) -> str:
    """The actor without its country qualifier: "Islamic State (Syria)" -> "Islamic State"."""
    return _COUNTRY_SUFFIX.sub("", name)


def is_generic(name: str) -> bool:
    """Generic ACLED actors (unidentified groups, civilians, protesters) name a kind, not a party:
    two reports naming them never contradict a named actor."""
    return name.startswith(_GENERIC_PREFIXES)


def _party(name: str) -> str:
    """How fusion compares an actor: a named one without its country ("Islamic State (Syria)" and
    "Islamic State" agree), a generic one with it ("Civilians (Iraq)" is not "Civilians (Kenya)")."""
    return name if is_generic(name) else actor_base(name)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


@dataclass(frozen=True, slots=True)
class Item:
    """One mention as fusion sees it. ``order`` is a content-derived key (the article's content
    hash and the mention's position), so sorting by it does not depend on arrival order or ids."""

    id: str
    order: str
    article: str
    family: str
    event_type: str
    sub_event_type: str
    day: int | None  # date ordinal
    precision: int  # time_precision; 0 when undated
    country: str
    admin1: str
    location: str
    lat: float
    lon: float
    geo_precision: int  # 0 when no place
    nation: str  # the event's country: its place's, or the one read without a place; "" when unknown
    actor1: str  # see _party; "" when absent
    actor2: str
    named: frozenset[str]  # named (non-generic) actor bases
    deaths: int | None  # a reported figure, None when the report gives none
    words: frozenset[str]
    published: int | None  # publication date ordinal
    mention: EventMention | None = None

    @classmethod
    def of(
        cls,
        mention_id: str,
        order: str,
        mention: EventMention,
        *,
        text: str = "",
        published: dt.date | None = None,
        keep: bool = True,
    ) -> Item:
        """``text`` is the mention's evidence (its sentences), used for wording overlap."""
        place, date = mention.place, mention.date
        a1 = _party(mention.actor1.name) if mention.actor1 else ""
        a2 = _party(mention.actor2.name) if mention.actor2 else ""
        named = frozenset(
            actor_base(a.name) for a in (mention.actor1, mention.actor2) if a is not None and not is_generic(a.name)
        )
        how = mention.fatalities.how
        deaths = None if how in ("", "none reported", "unknown", "casualties only") else mention.fatalities.best
        return cls(
            id=mention_id,
            order=order,
            article=mention.article_id,
            family=family_of(mention.event_type),
            event_type=mention.event_type,
            sub_event_type=mention.sub_event_type,
            day=None if date is None else date.date.toordinal(),
            precision=0 if date is None else date.precision,
            country="" if place is None else place.country,
            admin1="" if place is None else place.admin1,
            location="" if place is None else place.location,
            lat=0.0 if place is None else place.latitude,
            lon=0.0 if place is None else place.longitude,
            geo_precision=0 if place is None else place.precision,
            nation=mention.country_name or "",
            actor1=a1,
            actor2=a2,
            named=named,
            deaths=deaths,
            words=content_words(text),
            published=None if published is None else published.toordinal(),
            mention=mention if keep else None,
        )
