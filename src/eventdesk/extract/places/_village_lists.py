"""Lists of places named with their province but unknown to the gazetteer: "Shining Path members
also attacked public facilities in Huarpacha, Ambo, Tomayquichua, and Kichki, in Huanuco
department" is four events, one per town (CODEBOOK section 3: one row per location).

A member the gazetteer knows inside that province takes its own point (precision 1); one it does
not know keeps its name at the province's capital, "near" it (precision 2): the text says where it
lies, no gazetteer says exactly. A member's homonym elsewhere ("Ambo" in Ethiopia) never counts.
"""

from __future__ import annotations

import functools
import re

from eventdesk.gazetteer import GazetteerError, name_key
from eventdesk.model import Place, Span
from eventdesk.rules import word_list

__all__ = ["province_list"]

_WORD = r"[A-Z][\w'’\-]*"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|de|del|la|las|los|el)){{0,5}}"  # bounded: a hostile run of names stays linear


# a member the recaser lowered in wire copy ("AMBO" read as the word "ambo") between named ones
_MIDDLE = rf"(?:{_NAME}|[a-z][\w'’\-]+)"


@functools.cache
def _pattern() -> re.Pattern[str]:
    units = "|".join(sorted(word_list("place_words.json", "admin_words"), key=len, reverse=True))
    # "in Huarpacha, Ambo, Tomayquichua, and Kichki, in Huanuco department": the names themselves
    # case-sensitive, the words around them not
    return re.compile(
        rf"\b(?i:in|at|on|of)\s+(?i:the\s+)?(?i:(?:towns?|villages?|hamlets?|localities|communities)\s+of\s+)?"
        rf"(?P<list>{_NAME}(?:\s*,\s*{_MIDDLE}){{0,12}}\s*,?\s+(?i:and|or)\s+{_NAME})"
        rf"\s*,?\s+(?i:(?:all\s+)?(?:in|of)\s+)?(?i:the\s+)?(?P<province>{_NAME})\s+(?i:{units})\b")


_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)


def province_list(text: str, sentence: Span, gazetteer, country: str | None) -> list[Place]:
    """The places of the first list of two or more towns the sentence names before their province
    (each at its own point when the gazetteer knows it there, else at the province's capital), or
    [] when it names none."""
    if country is None:
        return []
    m = _pattern().search(text, sentence.start, sentence.end)
    if m is None:
        return []
    division = gazetteer.admin1(m.group("province"), country)
    if division is None:
        return []
    try:
        capital = gazetteer.capital(country, division.admin1)
    except GazetteerError:
        return []
    places = []
    cursor = m.start("list")
    for piece in _SEPARATOR.split(m.group("list")):
        start = text.index(piece, cursor)
        cursor = start + len(piece)
        name = piece if piece[:1].isupper() else piece.title()
        span = Span(sentence.article_id, start, cursor)
        own = [e for e in gazetteer.lookup(name, country)
               if e.kind in ("city", "supplement") and e.country == country and e.admin1 == division.admin1
               and name_key(e.name) == name_key(name)]
        if own:
            e = max(own, key=lambda e: e.population)
            places.append(Place(country, e.admin1, e.admin2, e.name, e.latitude, e.longitude, 1, e.id, span))
        else:
            places.append(Place(country, division.admin1, capital.admin2, name, capital.latitude,
                                capital.longitude, 2, f"hint:{division.id}", span))
    return places if len(places) >= 2 else []
