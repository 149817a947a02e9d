"""Parts of a city named by where in the city they lie: "the Pintuco paint factory located in San
Diego, southern Medellin", "the credit institution located in Guayabal, on the outskirts of
Medellin", "murdered this morning in Salasan, on this city's west side", "El Despertar, located in San
Antonio Abad in the capital's northwest".

The words after the name (``place_words.json`` city_side_after) place it inside a city, so it is a
part of that city whatever homonyms the gazetteer has elsewhere (a San Diego in Cesar, a Guayabal in
Tolima). The part is named "City-Part" at the city's point, ACLED's convention, like a part named
with a neighbourhood word (``_neighbourhoods``). A name the gazetteer knows as a town right next to
the city ("Soacha, on the outskirts of Bogota", within ``NEXT_TO_KM``) is that town, with its own
point. The city is the town the words name (the most populous of that name in the report's
country), "this city" the dateline's town, "the capital" the country's capital.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from eventdesk.gazetteer import km, name_key
from eventdesk.model import Place, Span
from eventdesk.rules import pattern

__all__ = ["NEXT_TO_KM", "SidePart", "side_parts"]

#: How far from the city a town the gazetteer knows under the part's name may lie to be that town:
#: a town "on the outskirts of" a city, or in "northern Aleppo" (a province named after its
#: capital), lies within ACLED's own tolerance of a place's point; a homonym further away is
#: another place ("San Diego" in Cesar, 500 km from "southern Medellin").
NEXT_TO_KM = 50.0

_WORD = r"[A-Z][\w'’\-]*"
# the part: capitalised words, with Spanish particles between them, after a locative word
_PART = re.compile(rf"\b(?:in|at|of|near)\s+(?:the\s+)?(?P<name>{_WORD}(?:\s+(?:{_WORD}|de|del|la|las|los|el)){{0,5}})"
                   rf"(?=[\s,])")
# the rest of a list the part opens: "San Ramon, San Antonio Abad, Ciudad Satelite, and other areas"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|de|del|la|las|los|el)){{0,5}}"
_LIST = re.compile(rf"(?:\s*,\s*{_NAME}){{0,8}}(?:\s*,?\s+(?:and|or)\s+(?:{_NAME}|other\s+[a-z]+))?")
_CUE = re.compile(r"outskirts|\b(?:north|south|east|west|central|downtown)|\b(?:side|part|edge|end|sector|section)\s+of\b",
                  re.IGNORECASE)


@functools.cache
def _after() -> re.Pattern[str]:
    return re.compile(pattern("place_words.json", "city_side_after"))


@dataclass(frozen=True)
class SidePart:
    """A part of a city a sentence names: its words and its place (the part at the city's point,
    or the town next to the city the gazetteer knows by that name), and the city."""

    span: Span
    place: Place
    city: Place


def side_parts(text: str, span: Span, gazetteer, country: str | None, here: Place | None) -> tuple[SidePart, ...]:
    """The parts of a city the sentence ``span`` names by where in the city they lie (see the
    module), in text order. ``country`` is the country the sentence or the report is about (its
    cities are read there), ``here`` the town the report was filed from ("this city")."""
    if country is None or not _CUE.search(text, span.start, span.end):
        return ()  # no word of a side of a city: the common case, and cheap
    found = []
    for m in _PART.finditer(text, span.start, span.end):
        side = _after().match(text[m.end("name"):span.end])
        if side is None:  # past the rest of a list: each of its names lies there
            rest = _LIST.match(text, m.end("name"), span.end)
            side = _after().match(text[rest.end():span.end]) if rest.end() > m.end("name") else None
        if side is None:
            continue
        words = next(side.group(g) for g in ("dir_city", "of_city", "own_city") if side.group(g))
        city = _city(words, gazetteer, country, here)
        name = m.group("name")
        if city is None or name_key(name) == name_key(city.location) or gazetteer.country_of(name):
            continue
        where = Span(span.article_id, m.start("name"), m.end("name"))
        found.append(SidePart(where, _part(name, where, city, gazetteer, country), city))
    return tuple(found)


def _city(words: str, gazetteer, country: str, here: Place | None) -> Place | None:
    """The city ``words`` name: a town of ``country`` by that name (the most populous), the dateline's
    town for "this city" or "this capital", the country's capital for "the capital"."""
    words = " ".join(words.split())
    lowered = words.lower()
    if lowered in ("this city", "this capital"):
        return here if here is not None and here.country == country else None
    if lowered in ("capital", "the capital"):
        e = gazetteer.national_capital(country)
    else:
        if gazetteer.country_of(words):
            return None  # "X, northern Colombia": a country, no city
        key = name_key(words)
        towns = [e for e in gazetteer.lookup(words, country)
                 if e.country == country and e.kind in ("city", "supplement") and name_key(e.name) == key]
        e = max(towns, key=lambda e: e.population, default=None)
    if e is None:
        return None
    return Place(country=e.country, admin1=e.admin1, admin2=e.admin2, location=e.name, latitude=e.latitude,
                 longitude=e.longitude, precision=1, source=e.id)


def _part(name: str, where: Span, city: Place, gazetteer, country: str) -> Place:
    key = name_key(name)
    towns = [e for e in gazetteer.lookup(name, country)
             if e.country == country and e.kind in ("city", "supplement") and name_key(e.name) == key
             and km(e.latitude, e.longitude, city.latitude, city.longitude) <= NEXT_TO_KM]
    if towns:
        e = max(towns, key=lambda e: e.population)
        return Place(country=e.country, admin1=e.admin1, admin2=e.admin2, location=e.name, latitude=e.latitude,
                     longitude=e.longitude, precision=1, source=f"side:{e.id}", span=where)
    return replace(city, location=f"{city.location}-{name}", precision=1, source=f"side:{city.source}", span=where)
