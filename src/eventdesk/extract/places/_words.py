"""The words around a place name and the candidate that records them.

The unit words that name a division, a district, a town or a list of them ("province", "LGA",
"villages"), the feature words, the word read right after a name, and the small tests on a name
itself (a month or a direction is never a place; "Kisii County" is named as a division). A
``Candidate`` is one name found in a sentence with what was read around it.

Private: import from ``eventdesk.extract.places._text``; read by ``_place_chain`` too.
"""

from __future__ import annotations

import functools
import re
from functools import cache
from dataclasses import dataclass, field

from eventdesk.gazetteer import GazEntry, name_key, strip_admin_suffix
from eventdesk.model import Span
from eventdesk.rules import pattern, word_list

__all__ = [
    "ADMIN_WORDS",
    "ALT_NAME",
    "AREA_FEATURES",
    "DISTRICT_WORDS",
    "Candidate",
    "NEAR_WORDS",
    "TOWN_WORDS",
    "WIDE_FEATURES",
    "admin_named",
    "names_a_facility",
    "names_a_street",
    "names_a_vessel",
    "names_an_organisation",
    "never_a_place",
    "road_after",
    "_after",
    "_FEATURE_WORDS",
    "_PLURAL_UNITS",
    "_UNIT_WORDS",
]


@cache
def road_after() -> re.Pattern[str]:
    """A road, bridge or junction named after a name: ``place_words.json`` road_after."""
    return re.compile(pattern("place_words.json", "road_after"), re.IGNORECASE)


@cache
def _organisation_after() -> re.Pattern[str]:
    """An organisation's qualifiers and head noun after a name: ``place_words.json`` organisation_after."""
    return re.compile(pattern("place_words.json", "organisation_after"), re.IGNORECASE)


def names_an_organisation(text: str, cand: Candidate) -> bool:
    """"pamphlets of the Lautaro Youth Front", "the Manuel Rodriguez Patriotic Front": a name that
    goes on into an organisation's qualifier and head noun names the organisation, not the town
    (Lautaro in La Araucania); in either case, since the recaser of wire copy lowers those words. A
    bare "front" stays a place's ("the Chalatenango front")."""
    return _organisation_after().match(text, cand.end) is not None


@cache
def _after() -> re.Pattern[str]:
    """A unit word after a name: ``place_words.json`` unit_after."""
    return re.compile(pattern("place_words.json", "unit_after"), re.IGNORECASE)


ADMIN_WORDS: frozenset[str] = word_list("place_words.json", "admin_words")  # type: ignore[assignment]
NEAR_WORDS: frozenset[str] = word_list("place_words.json", "near_words")  # type: ignore[assignment]
# words after the name of a second-level division ("Muqur district", "Gujiba LGA")
DISTRICT_WORDS: frozenset[str] = word_list("place_words.json", "district_words")  # type: ignore[assignment]
TOWN_WORDS: frozenset[str] = word_list("place_words.json", "town_words")  # type: ignore[assignment]
_UNIT_WORDS: frozenset[str] = word_list("place_words.json", "unit_words")  # type: ignore[assignment]
# the shared unit word of a list of places: "Khogyani and Sherzad districts, Nangarhar"
_PLURAL_UNITS: frozenset[str] = word_list("place_words.json", "plural_units")  # type: ignore[assignment]
# a second name in brackets right after a name: "Salim [Al Fajir] (Qaatabah, Ad Dali)"
ALT_NAME = re.compile(r"^\s*\[[^\[\]]{1,40}\]")
# lower-case words between a name and its hints: "Bab Ghaliq front (Qaatabah, Ad Dali)", "Enma market (...)"
_FEATURE_WORDS = _UNIT_WORDS | word_list("place_words.json", "feature_words") | _PLURAL_UNITS
WIDE_FEATURES: frozenset[str] = word_list("place_words.json", "wide_features")  # type: ignore[assignment]
AREA_FEATURES: frozenset[str] = word_list("place_words.json", "area_features")  # type: ignore[assignment]


# "the Paulista Avenue", "Moi Avenue", "Tarapaca and Santa Rosa streets": a street named after a place is
# not the place ("the Machakos road" is, for ACLED, where it leads)
_STREET = re.compile(r"(?:\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?i:streets|avenues)|"
                     r"\s+(?i:avenues?|streets?|boulevard|st\.|ave\.))(?![\w])")
_FACILITY: frozenset[str] = word_list("place_words.json", "facility_words")  # type: ignore[assignment]
_QUOTED_FOLLOWER = re.compile(r"[\"\u201d]\s+(?:\w+\s+){0,2}?(\w+)")


def names_a_facility(surface: str) -> bool:
    """A facility's noun alone, written with a capital ("outside the Central Bank in Sidon": Bank,
    a town in India; "the Station", "the Plant"), names the building, not a town."""
    return surface.lower() in _FACILITY


@cache
def _vessel_before() -> re.Pattern[str]:
    """A ship's prefix or noun right before a name: ``place_words.json`` vessel_before."""
    return re.compile(pattern("place_words.json", "vessel_before"))


def names_a_vessel(text: str, cand: Candidate) -> bool:
    """"the USS Carney", "an oil tanker, the Marlin Luanda": the name of a ship, not the town of that
    name (Carney, Maryland; Marlin, Texas)."""
    return _vessel_before().search(text, max(0, cand.start - 40), cand.start) is not None


def names_a_street(text: str, cand: Candidate) -> bool:
    """"Rojas Avenue", "16 West Street" (also lower-cased by the recaser: "Rojas avenue"); and a quoted
    name before a facility's noun, 'the "Santo Tomas" presidential farm', names a thing, not a place."""
    if _STREET.match(text, cand.end) is not None:
        return True
    if text[cand.start - 1:cand.start] not in ('"', "\u201c"):
        return False
    m = _QUOTED_FOLLOWER.match(text, cand.end)
    return m is not None and any(w.lower() in _FACILITY for w in text[cand.end:m.end()].split()[1:] if w)


def admin_named(text: str, cand: Candidate, span: Span) -> bool:
    """"Kisii County", "Tachira state", "Cauca department": named as a division."""
    if _ADMIN_SUFFIX.search(text[cand.start:cand.end]):
        return True
    # "Kash Rod (Delaram) district": past another name in brackets
    after = _after().match(re.sub(r"^\s*\([^()]{1,30}\)", "", text[cand.end:span.end]))
    return bool(after) and after.group(1).lower() in ADMIN_WORDS


@dataclass
class Candidate:
    start: int
    end: int
    entries: list[GazEntry]
    cue: str = "none"  # in | near | distance | origin | position | move | report | dateline | none
    key: str = ""  # name_key of the surface text
    after: str = ""  # the word after the name: "province", "district", "town", ...
    hints: tuple[str, ...] = ()  # parenthesised names after the candidate
    hint_end: int = 0
    chain: tuple[str, ...] = ()  # wider places that follow: "City Park, Nairobi" -> ("Nairobi",)
    is_country: bool = False  # the surface names a country ("Yemen (Al Hudaydah)")
    name_end: int = 0  # end of the whole name when the match is only its beginning ("Ras" of "Ras Jabel")
    longer: bool = False  # that longer name is another's: "Kant Kaw Myaing", not "Tapoa-Djerma", "Mandera Hospital"
    qualifier: bool = False  # only names a building or a longer name ("the Mile mall", "Cleary Park")
    part_of_city: bool = False  # a part of the city named after it ("Al Wahdah area of Sanaa city")
    respelled: bool = False  # a district matched by its sound_key ("Kushki Kuhna" -> Koshki Kohna)
    reference: bool = False  # only says where the name before it lies ("Soacha, 15 km south of Bogota")
    aside: bool = False  # inside a comma-set clause about someone ("the businessman, who lives in Miami, ...")
    road: bool = False  # a road or bridge named after it follows ("blocked the Saadnayel highway")
    hint_points: tuple[GazEntry, ...] = ()  # the districts and towns its hints and chain name (villages only)
    ruled_out: tuple[GazEntry, ...] = ()  # its villages the text does not read as the place (see _hints._from_hints)
    chosen: GazEntry | None = field(default=None)

    @functools.cached_property
    def hint_keys(self) -> frozenset[str]:
        """Matching keys of the parenthesised hints ("Garissa county" -> "garisa"), read once the
        surroundings are known."""
        return frozenset(name_key(strip_admin_suffix(h)) for h in self.hints)


_DIRECTIONS: frozenset[str] = word_list("place_words.json", "directions")  # type: ignore[assignment]
_ADMIN_SUFFIX = re.compile(r"\s(?:province|governorate|county|region|state|department)$", re.IGNORECASE)
_MONTHS: frozenset[str] = word_list("place_words.json", "months")  # type: ignore[assignment]


def never_a_place(surface: str) -> bool:
    """Month abbreviations and short all-capital acronyms (UN, IFO, GSU) are not places."""
    word = surface.strip().rstrip(".")
    if word.lower() in _MONTHS or word.lower() in _DIRECTIONS:
        return True  # a month, or a direction alone ("South" of "South Cotabato" is no province)
    return word.isupper() and len(word) <= 4
