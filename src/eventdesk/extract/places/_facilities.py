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
airport" in a report that speaks of Medellin) or when that town is a large city ("a suicide bombing at
Kabul airport" in a report filed from Kunduz), else the town the report was filed from: a name read
only inside the facility's ("El Dorado" of "El Dorado International Airport", a village of Meta) is
no town of the event.

A sentence with no place of its own may name a facility again by its head noun alone ("soldiers
entered the university campus", ``facility_anaphor``): it is the facility of that noun the report
named last before it, a part of the town the sentence that named it is placed in.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace

from eventdesk.model import Place, Span
from eventdesk.rules import pattern, word_list

__all__ = ["facility_anaphor", "facility_part"]

#: the most words of a facility's name before its head noun ("Central American Jose Simeon Canas")
_NAME_WORDS = 5
#: how far before a sentence that names "the university" again the name it means is looked for
ANAPHOR_REACH = 3000


def _alternation(key: str) -> str:
    words = sorted(word_list("place_words.json", key), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _name() -> str:
    stop = r"(?!(?:of|a|an|the|and|or|its|his|her|their|this|that|in|at|on|near)\b)"
    word = rf"{stop}[A-Za-z](?:[\w'’\-]|\.(?=\w))*"
    return rf"(?:{word}\s+){{0,{_NAME_WORDS - 1}}}?{word}"


@functools.cache
def _named() -> re.Pattern[str]:
    """A facility's name with its head noun, wherever it stands: "general secretary of El Salvador
    University"."""
    return re.compile(rf"\b(?P<named>{_name()}\s+(?P<head>{_alternation('facility_part_heads')}))\b", re.IGNORECASE)


@functools.cache
def _anaphor() -> re.Pattern[str]:
    """A facility named again by its head noun alone after a locative word or a verb of entering:
    "soldiers entered the university campus", "shooting at the airport"; not "the university of X"."""
    return re.compile(rf"\b(?:at|in|on|inside|into|entered|stormed|raided)\s+the\s+(?P<head>{_alternation('facility_part_heads')})"
                      rf"(?:\s+(?:{_alternation('facility_part_grounds')}))?\b(?!\s+(?:of|in|at)\b|['’-])", re.IGNORECASE)


@functools.cache
def _role_before() -> re.Pattern[str]:
    """Where someone studies or works: ``place_words.json`` facility_role_before."""
    return re.compile(pattern("place_words.json", "facility_role_before"), re.IGNORECASE)


@functools.cache
def _pattern() -> re.Pattern[str]:
    """A facility's name after a locative word: "at the El Dorado international airport" (the head
    noun in the name), "on Uca premises" (the name before its grounds)."""
    name = _name()
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
                  named_elsewhere: Callable[[str, int, int], bool],
                  major_city: Callable[[Place], bool] = lambda place: False) -> Place | None:
    """The place of the sentence ``span`` given a facility of a city it names as where something
    happened: "City-Facility" at the city's point (precision 1), else ``place`` as it was.

    ``place`` is the place chosen for the sentence, ``filed_from`` the dateline's town (placed only
    in a report about its country), ``country`` the sentence's or report's country;
    ``named_elsewhere(name, start, end)`` says whether the report names ``name`` outside the
    facility's name at ``start:end``; ``major_city(place)`` whether a town is a city large enough
    that a facility named after it is its own ("Kabul airport" in a report filed from Kunduz)."""
    if place is not None and "-" in place.location:
        return place  # already a part of a city ("San Salvador-Escalon")
    m = _pattern().search(text, span.start, span.end)
    if m is None:
        return place
    if _role_before().search(text, max(span.start, m.start() - 40), m.start()):
        return place  # "both studying at the San Carlos University": where they study
    group = "named" if m.group("named") else "name"
    a, b = m.start(group), m.end(group)
    if not any(w[:1].isupper() for w in text[a:b].split()):
        return place  # "at the national university": no name
    own = place is not None and place.span is not None and a <= place.span.start < b
    city = None
    if place is not None and place.precision == 1 and not own:
        city = place  # "at the Lima university" read apart; "in Medellin, at the Pilsen university"
    elif own and place is not None and place.precision <= 2 and \
            (filed_from is None or filed_from.country != place.country or
             named_elsewhere(text[place.span.start:place.span.end], a, b) or major_city(place)):
        city = place  # "near the Medellin airport" in a report that speaks of Medellin, "at Kabul airport"
    elif filed_from is not None and filed_from.country == country and \
            (place is None or own or place.source.startswith("dateline:") or place.admin1 == filed_from.admin1):
        city = filed_from
    if city is None or (country is not None and city.country != country):
        return place  # (no "Moi-Moi University" in Norway for a report about Kenya)
    name = _written(text[a:b])
    return replace(city, location=f"{city.location}-{name}", precision=1, source=f"facility:{city.source}",
                   span=Span(span.article_id, a, b))



def facility_anaphor(text: str, span: Span, before: list[Span], place_of: Callable[[Span], Place | None],
                     filed_from: Place | None, country: str | None) -> Place | None:
    """The facility a sentence with no place of its own names again by its head noun ("soldiers
    entered the university campus" after "the general secretary of El Salvador University"): the
    last facility of that head noun named in the sentences ``before`` it or in its own words before
    the anaphor, a part of the town the sentence that names it is placed in (``place_of``; "the Los
    Garzones airport of Monteria"), else of the town the report was filed from, in the report's
    ``country``; else ``None``."""
    m = _anaphor().search(text, span.start, span.end)
    if m is None:
        return None
    head = " ".join(m.group("head").lower().split())
    found = None
    for where in (*before, Span(span.article_id, span.start, m.start())):
        for named in _named().finditer(text, where.start, where.end):
            words = text[named.start("named"):named.start("head")].split()
            if " ".join(named.group("head").lower().split()) == head and any(w[:1].isupper() for w in words):
                found = (named, where)
    if found is None:
        return None
    named, where = found
    city = place_of(where) if where.end != m.start() else None
    if city is None or city.precision != 1 or city.source.startswith(("dateline:", "here:", "capital:")):
        city = filed_from
    if city is None or city.country != country:
        return None
    a, b = named.start("named"), named.end("named")
    return replace(city, location=f"{city.location.split('-')[0]}-{_written(text[a:b])}", precision=1,
                   source=f"facility named before:{city.source}", span=Span(span.article_id, a, b))
