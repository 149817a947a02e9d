"""Parts of a city the text names by a neighbourhood word but not next to their city: "was shot
to death in the Miralvalle neighborhood, also in northern San Salvador", "attacked the brigade
headquarters located in Laico neighborhood" (a report filed from San Salvador), "the attack took
place on Bernal Avenue in Colonia Miramontes" (the word opens the name: ``neighbourhood_prefixes``).

``_city_parts`` reads "X and Y areas of Hudaydah city", a part right before its city. Here the city
is the one the sentence itself places (any town it names), else the town the report was filed
from; the part is named "City-Part" at the city's point, ACLED's convention (``Sao
Paulo-Central Zone``). A gazetteer rarely knows these names, and often knows a homonym elsewhere
("Escalon" in California), so the part never takes a point of its own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace

from eventdesk.gazetteer import name_key
from eventdesk.model import Place, Span
from eventdesk.rules import word_list

__all__ = ["district_part", "later_part", "named_part"]

_WORD = r"[A-Z][\w'’\-]*"
_PARTICLES = "de|del|la|las|los|el|da|do|dos|das"  # "Colonia de los Angeles", "Complexo da Penha"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|{_PARTICLES})){{0,5}}"  # bounded: a hostile run of names stays linear


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    units = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                     for w in sorted(word_list("place_words.json", "neighbourhood_words"), key=len, reverse=True))
    # "the (exclusive) Escalon neighborhood", "in Laico neighborhood"; the first of a list before
    # the plural: "in Escalon, San Benito, and Merliot neighborhoods"
    listed = rf"(?:\s*,\s*{_NAME}){{0,8}},?\s+(?:and|or)\s+{_NAME}\s+(?:{units})(?:s|es)\b"
    before = re.compile(rf"(?<![\w'’-])(?P<name>{_NAME})(?:\s+(?:{units})\b|{listed})")
    # "the neighborhood of San Antonio Abad"
    after = re.compile(rf"\b(?:{units})\s+(?:of|called|known\s+as)\s+(?P<name>{_NAME})")
    # "in Colonia Miramontes", "the Reparto Santa Marta": the unit word opens the name
    prefixes = "|".join(re.escape(w) for w in sorted(word_list("place_words.json", "neighbourhood_prefixes")))
    # ("Complexo da Penha": a particle may follow the prefix)
    prefixed = re.compile(rf"(?<![\w'’-])(?P<name>(?:{prefixes})\s+(?:(?:{_PARTICLES})\s+)?{_WORD}"
                          rf"(?:\s+(?:{_WORD}|{_PARTICLES})){{0,4}})")
    return before, after, prefixed


def named_part(text: str, span: Span, place: Place | None, filed_from: Place | None,
               country: str | None = None) -> Place | None:
    """The place of the sentence ``span`` given the part of a city it names: the part as a place
    ("San Salvador-Escalon"), ``place`` itself when the sentence names no part, or ``None``.

    ``place`` is the place chosen for the sentence: its city when it is a town the sentence names
    apart from the part; the part's own name read as a town is kept only in the article's
    ``country`` (Lima's "Miraflores neighborhood" is the district of that name in a report from
    Peru, no "Escalon" in California in one from El Salvador). ``filed_from`` is the dateline's
    town, the city when the sentence names none."""
    found = None
    prefixed = _patterns()[2]
    for pattern in _patterns():
        m = pattern.search(text, span.start, span.end)
        if m is not None and (found is None or m.start("name") < found[0]):
            found = (m.start("name"), m.end("name"), m.end(), pattern is prefixed)
    if found is None or (place is not None and "-" in place.location):
        return place  # no part named, or already a city's part ("Al Hudaydah-7 July")
    a, b, whole, opened = found
    if opened and place is not None and place.span is not None and place.span.start == a and \
            place.location.lower() == text[a:b].lower():
        return place  # the gazetteer knows the whole name as a town of its own ("Colonia Juarez")
    # the place read from the part's name, or from another part of its list
    own = place is not None and place.span is not None and place.span.start < whole and a < place.span.end
    city = None
    if place is not None and place.precision == 1 and not own:
        city = place
    elif filed_from is not None:
        city = filed_from
    if city is None:
        return place if place is None or not own or place.country == country else None
    name = text[a:b]
    if name_key(name) == name_key(city.location):
        return place  # "the Lima residential district of San Isidro": Lima is the city, no part of it
    return replace(city, location=f"{city.location}-{name}", precision=1, source=f"part:{city.source}",
                   span=Span(span.article_id, a, b))


_POSSESSIVE = re.compile(r"\w['’]s\s")


@functools.cache
def _district_pattern() -> re.Pattern[str]:
    """"in the Villa El Salvador district", "in the Palo Quemado sector": a name before one of
    ``place_words.json``'s city_district_words, or after it and "known as" or "called"."""
    units = "|".join(re.escape(w) for w in sorted(word_list("place_words.json", "city_district_words"), key=len, reverse=True))
    # "in the Villa El Salvador district"; "a heavily populated district in Medellin known as Las Americas"
    return re.compile(rf"\b(?:in|at|of|near)\s+(?:the\s+)?(?P<name>{_NAME})\s+(?:{units})\b(?!\s+of\b)|"
                      rf"\b(?:{units})\s+(?:in\s+(?P<city>{_WORD}(?:\s+{_WORD})?)\s+)?(?:known\s+as|called)\s+(?P<known>{_NAME})")


def district_part(text: str, span: Span, place: Place | None, filed_from: Place | None, country: str | None,
                  knows: Callable[[str, str], bool]) -> Place | None:
    """The district of the city a report was filed from that the sentence ``span`` names when the
    gazetteer does not know it: "LIMA -- [...] shot him in front of his drugstore in the Villa El
    Salvador district" is "Lima-Villa El Salvador", where a name the gazetteer lacks had been read
    from its first words ("San Juan" of "San Juan de Miraflores", in Loreto) or not at all.

    ``place`` is the place chosen for the sentence, ``filed_from`` the dateline's town (the city),
    ``knows(name, country)`` whether the gazetteer knows the whole name as a place of ``country``.
    The district is read only in a report filed from a town of ``country``, only for a name the
    gazetteer lacks there (a known district is that district: "in the Tecoluca district"), and only
    when the sentence's place is that town, none, or a place read from the district's own words; a
    sentence that names another town or a province keeps it ("in the Santo Tomas de Pata district,
    Huancavelica department")."""
    if filed_from is None or country is None or filed_from.country != country or \
            (place is not None and "-" in place.location):
        return place
    m = _district_pattern().search(text, span.start, span.end)
    if m is None:
        return place
    group = "name" if m.group("name") else "known"
    a, b = m.start(group), m.end(group)
    if _POSSESSIVE.search(text, a, b):
        return place  # "in Manipur's Bishnupur district": a province's district, not one of the dateline's city
    city = filed_from
    if place is not None and place.span is not None and m.group("city") and place.precision == 1 and \
            m.start("city") <= place.span.start < m.end("city"):
        city = place  # "a district in Medellin known as Las Americas": the city the words name
    elif place is not None and place.span is not None and not (a <= place.span.start < b) and \
            place.location.split("-")[0] != filed_from.location:
        return place  # the sentence's own place lies outside the district's name: another town
    if group == "name" and knows(text[a:b], country):
        return place  # (a district "known as" its name is one, whatever homonyms the gazetteer has)
    return replace(city, location=f"{city.location}-{text[a:b]}", precision=1,
                   source=f"district:{city.source}", span=Span(span.article_id, a, b))


def _parts_named(text: str, span: Span) -> list[tuple[int, int]]:
    return list(_parts_in(text, span.start, span.end))


@functools.lru_cache(maxsize=1024)
def _parts_in(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """``_parts_named`` remembered: ``later_part`` reads the five sentences after each event sentence,
    so a sentence is read by up to five of them (18,763 reads of 10,034 sentences in the MUC-4 bench)."""
    found = []
    for pattern in _patterns():
        found += [(m.start("name"), m.end("name")) for m in pattern.finditer(text, start, end)]
    return tuple(sorted(set(found)))


def later_part(text: str, place: Place | None, after: list[Span], place_of, sides=None) -> Place | None:
    """The part of ``place``'s city that the report's next sentences ``after`` name for the event
    ("A bomb exploded today in a Lima restaurant. [...] The restaurant is located in the residential
    district of Miraflores"; "There has been another attack in Medellin. [...] The target was the
    Pintuco paint factory located in San Diego, southern Medellin"): "Lima-Miraflores", or ``None``.

    Only for a town placed whole (no part yet), only when those sentences name exactly one part, and
    only up to a sentence whose own place is another town (another incident); ``place_of(span)`` is
    a sentence's place. A part a sentence puts in another city is no part of this one.
    ``sides(span)`` gives the parts a sentence names by where in a city they lie (``_sides``): one
    of this city is a part of it, and the sentence that names it is about this city, whatever
    homonym of the part its own place is."""
    if place is None or place.precision > 2 or "-" in place.location:
        return None
    named = {span: _parts_named(text, span) for span in after}
    city = name_key(place.location)
    sided = {span: [s for s in sides(span) if name_key(s.city.location) == city] if sides else []
             for span in after}
    if not any(named.values()) and not any(sided.values()):
        return None  # no part named: no sentence needs placing (the common case, and cheap)
    parts: set[str] = set()
    where = None
    found = None
    for span in after:
        own = place_of(span)
        if not sided[span] and own is not None and own.precision == 1 and \
                own.location.split("-")[0] != place.location:
            break  # another town: another incident
        for a, b in named[span]:
            if own is not None and "-" in own.location and own.location.split("-")[0] != place.location:
                continue
            parts.add(text[a:b].lower())
            where = where or Span(span.article_id, a, b)
        for side in sided[span]:
            parts.add(text[side.span.start:side.span.end].lower())
            if where is None:
                where, found = side.span, side.place
    if len(parts) != 1 or where is None:
        return None
    if found is not None:
        return found if "-" not in found.location else \
            replace(place, location=found.location, precision=1, source=found.source, span=where)
    name = text[where.start:where.end]
    if name.lower() == place.location.lower():
        return None
    return replace(place, location=f"{place.location}-{name}", precision=1,
                   source=f"part:{place.source}", span=where)
