"""Parts of a city named just before it: "fired at 7 July and Engineering College areas of Hudaydah
city", "the City Max mall in Al Wahdah area of Sanaa city", "in the North Zone of Rio de Janeiro".

ACLED codes each part as a location of its own, named "City-Part" (``Sao Paulo-Central Zone``,
``Al Hudaydah-7 July``) and placed at the city. A gazetteer rarely knows these names, and when it
does it often knows another place of the same name ("Al Wahdah" is also a district of Sanaa), so
the part takes the city's point and never its own homonyms. `places` resolves the city; this module
only finds the parts.
"""

from __future__ import annotations

import re

from eventdesk.extract.places._words import Candidate

__all__ = ["find_parts"]

_WORD = r"(?:[A-Z][\w'’\-]*|\d+)"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|al|el|as|ad|ar|an|ash|az|at|de|do|da))*"
# what stands between the last part and the city: "... areas of", "... neighbourhood in the"
_UNIT = r"(?:residential\s+|scattered\s+)?(?:areas?|neighbou?rhoods?|quarters?|districts?|sectors?|zones?)"
_PARTS = re.compile(
    rf"(?P<parts>{_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+(?:and|or)\s+{_NAME})?)\s+(?:{_UNIT}\s+)?(?:of|in)\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west|centre|center)\w*\s+of\s+)?(?:city\s+of\s+)?$"
)
_SEP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
# "the North Zone of Rio de Janeiro": a name that is a part by its own last word needs no unit word
_SELF_NAMED = re.compile(r"\b(?:Zone|Quarter|District|Sector)$")
# an airport named in its city, its noun in either case (the recaser lowers it in wire copy): "the
# Jose Maria Cordoba airport in Rionegro" is a part of Rionegro, named with its noun (ACLED's
# "Monastir-Habib Bourguiba International Airport")
_AIRPORT = re.compile(rf"\b(?i:the)\s+(?P<part>{_WORD}(?:\s+[\w'’\-]+){{0,4}}?\s+(?i:international\s+)?(?i:airport))"
                      r"\s+(?i:of|in)\s+(?:the\s+)?$")
# "On 5 May 2020": a date, though "7 July" is a neighbourhood of Al Hudaydah
_DATE = re.compile(r"^(?:On|In|At|By|Around|Since|From)\b|\b(?:19|20)\d\d\b")
_WINDOW = 120
# "Hudaydah city", "Hodeidah Red Sea port city": the text calls the place a city
_CALLED_CITY = re.compile(r"\s+(?:[A-Z][\w-]*\s+){0,2}(?:port\s+)?city\b")


def find_parts(text: str, city: Candidate, start: int) -> list[tuple[int, int]]:
    """The (start, end) of each part of ``city`` named right before it, not before ``start``.

    A part needs a unit word ("areas of", "neighbourhood in") unless its own name ends in one
    ("the North Zone of"); a date ("5 May 2020") or a lone number is never a part. "Areas" and
    "districts" are parts only of a place the text calls a city ("Hays district of Al Hudaydah" is
    in the governorate, not the city)."""
    window_start = max(start, city.start - _WINDOW)
    before = text[window_start:city.start]
    airport = _AIRPORT.search(before)
    if airport is not None:
        return [(window_start + airport.start("part"), window_start + airport.end("part"))]
    m = _PARTS.search(before)
    if m is None:
        return []
    tail = before[m.end("parts"):]
    parts_text = m.group("parts")
    out: list[tuple[int, int]] = []
    pos = window_start + m.start("parts")
    pieces = _SEP.split(parts_text)
    cursor = 0
    for piece in pieces:
        offset = parts_text.index(piece, cursor)
        cursor = offset + len(piece)
        out.append((pos + offset, pos + offset + len(piece)))
    # read the list from its end: the last names are the parts, earlier ones may be a date or actor
    kept: list[tuple[int, int]] = []
    for a, b in reversed(out):
        name = text[a:b]
        if _DATE.search(name) or name.isdigit():
            break
        kept.append((a, b))
    kept.reverse()
    if not kept:
        return []
    unit = re.match(rf"\s+({_UNIT})\s", tail + " ")
    if unit is None:
        return kept if _SELF_NAMED.search(text[kept[-1][0]:kept[-1][1]]) else []
    if re.search(r"(?:area|district)s?$", unit.group(1)) and not _CALLED_CITY.match(text[city.end:city.end + 40]) \
            and not re.search(r"\bcity\s+of\s+$", tail):
        return []
    return kept

