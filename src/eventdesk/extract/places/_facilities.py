"""A named facility of a city as the part of the city an event happened in: "the six Jesuits riddled
with bullets at the Central American University", "killed the candidate at the El Dorado
International Airport", "the murder of the six Jesuits on UCA premises".

ACLED names an airport of a city as a part of it ("Sanaa-Sanaa International Airport", "Al
Hudaydah-Al Hudaydah International Airport"): the facility is a location at its city's point,
named "City-Facility" like a neighbourhood (``_neighbourhoods``). The facility's name is read after
a locative word: a name that ends in one of ``place_words.json``'s facility_part_heads (its head
noun is part of its name: "university", "airport") or stands before one of facility_part_grounds
("premises", "campus": the name alone). The name must hold a capitalised word: "at the national
university" names none.

The city is the town the sentence places the event in apart from the facility's name, else the
town the facility's name begins with when the report names that town elsewhere too ("the Medellin
airport" in a report that speaks of Medellin), else the town the report was filed from: a name read
only inside the facility's ("El Dorado" of "El Dorado International Airport", a village of Meta) is
no town of the event.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace

from eventdesk.model import Place, Span
from eventdesk.rules import word_list

__all__ = ["facility_part"]

#: the most words of a facility's name before its head noun ("Central American Jose Simeon Canas")
_NAME_WORDS = 5


def _alternation(key: str) -> str:
    words = sorted(word_list("place_words.json", key), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@functools.cache
def _pattern() -> re.Pattern[str]:
    """A facility's name after a locative word: "at the El Dorado international airport" (the head
    noun in the name), "on Uca premises" (the name before its grounds)."""
    stop = r"(?!(?:of|a|an|the|and|or|its|his|her|their|this|that|in|at|on|near)\b)"
    word = rf"{stop}[A-Za-z][\w'’.\-]*"
    name = rf"(?:{word}\s+){{0,{_NAME_WORDS - 1}}}?{word}"
    return re.compile(
        rf"\b(?:at|in|on|near|inside|outside|into)\s+(?:the\s+)?"
        rf"(?:(?P<named>{name}\s+(?:{_alternation('facility_part_heads')}))|"
        rf"(?P<name>{name})\s+(?:{_alternation('facility_part_grounds')}))\b",
        re.IGNORECASE)


_PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "y", "da", "do", "dos"})


def _written(name: str) -> str:
    """The facility's name with its words capitalised ("Central American University"; a recased
    reading writes "central American university"), particles inside it kept lower case."""
    words = name.split()
    return " ".join(w if not w.islower() or (0 < i < len(words) - 1 and w in _PARTICLES) else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def facility_part(text: str, span: Span, place: Place | None, filed_from: Place | None, country: str | None,
                  named_elsewhere: Callable[[str, int, int], bool]) -> Place | None:
    """The place of the sentence ``span`` given a facility of a city it names as where something
    happened: "City-Facility" at the city's point (precision 1), else ``place`` as it was.

    ``place`` is the place chosen for the sentence, ``filed_from`` the dateline's town (placed only
    in a report about its country), ``country`` the sentence's or report's country;
    ``named_elsewhere(name, start, end)`` says whether the report names ``name`` outside the
    facility's name at ``start:end``."""
    if place is not None and "-" in place.location:
        return place  # already a part of a city ("San Salvador-Escalon")
    m = _pattern().search(text, span.start, span.end)
    if m is None:
        return place
    group = "named" if m.group("named") else "name"
    a, b = m.start(group), m.end(group)
    if not any(w[:1].isupper() for w in text[a:b].split()):
        return place  # "at the national university": no name
    own = place is not None and place.span is not None and a <= place.span.start < b
    city = None
    if place is not None and place.precision == 1 and not own:
        city = place  # "at the Lima university" read apart; "in Medellin, at the Pilsen university"
    elif own and place is not None and place.precision == 1 and \
            (filed_from is None or filed_from.country != place.country or
             named_elsewhere(text[place.span.start:place.span.end], a, b)):
        city = place  # "the Medellin airport" in a report that speaks of Medellin
    elif filed_from is not None and filed_from.country == country and \
            (place is None or own or place.source.startswith("dateline:") or place.admin1 == filed_from.admin1):
        city = filed_from
    if city is None or (country is not None and city.country != country):
        return place  # (no "Moi-Moi University" in Norway for a report about Kenya)
    name = _written(text[a:b])
    return replace(city, location=f"{city.location}-{name}", precision=1, source=f"facility:{city.source}",
                   span=Span(span.article_id, a, b))
