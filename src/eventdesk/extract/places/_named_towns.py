"""Towns a report names as towns, whether or not the gazetteer knows them: "killed the mayor of the
small town of Hostigal", "ambushed a helicopter in Arenales canton", "a camp of displaced persons in
Corral de Piedras, Chalatenango department", "shot in Santa Catarian Pinula, 30 km southwest of the
capital".

The sentence gives the name a place reading of its own (a unit word before or after it, its
province after a comma, or its distance from another place), so the event happened there, not at
the province, the reference town or the dateline's city that ``choose`` falls back to, and not at a
homonym abroad that shares the name's first words (Sao Luis in Brazil for "San Luis de la Reina").

A town the gazetteer knows under that whole name in the article's country (inside the named
province, when one is named) takes its own point (precision 1). One it does not know keeps its name
and is placed at what the text says about where it lies: the named province's capital, the
reference town, else the place the sentence or the dateline gives, marked "near" it (precision 2).
The words are ``place_words.json``'s ``named_town_units``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from eventdesk._literals import LiteralFilter
from eventdesk.gazetteer import GazetteerError, fold, name_key
from eventdesk.model import Place, Span
from eventdesk.extract.places._words import never_a_place
from eventdesk.extract.places.scene import SCENE_GAP, scene_verb_end
from eventdesk.rules import word_list

__all__ = ["in_part_of_country", "is_capital", "TownReading", "named_town", "prefer_named_town"]

_WORD = r"[A-Z][\w'’\-]*"
# up to three lower-case words, none a determiner: a name the recaser of wire copy lowered ("rio blanco")
_LOWERED = r"(?!(?:the|a|an|this|that|its|his|her|their|our|each|every|one|another|same|other)\b)[a-z][a-z'’\-]*(?:\s+[a-z][a-z'’\-]*){0,2}"
_DISTANCE = r"(?:(?i:about|some|approximately|nearly|almost)\s+)?\d[\d,.]*\s*(?i:km|kms|kilomet(?:er|re)s?|miles?)"


def _alternatives(key: str) -> str:
    return "|".join(re.escape(w) for w in sorted(word_list("place_words.json", key), key=len, reverse=True))


@functools.cache
def _particles() -> str:
    return _alternatives("town_name_particles")



@functools.cache
def _articled() -> str:
    """A word a lower-case article opens with a hyphen: "Wad al-Noura", "Deir ez-Zor", "Ras al-Ain"
    (``place_words.json`` town_name_articles)."""
    return rf"(?:{_alternatives('town_name_articles')})-[A-Z][\w'’\-]*"


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    units = _alternatives("named_town_units")
    # capitalised words, with particles only between them ("Corral de las Piedras"); the word after
    # a particle may be one the recaser of wire copy lowered ("San Luis de la reina"); bounded, so a
    # hostile run of names stays linear
    name_ = rf"{_WORD}(?:(?:\s+(?:{_particles()})\b){{1,2}}\s+[A-Za-z][\w'’\-]*|\s+{_articled()}|\s+{_WORD}){{0,5}}"
    admin = rf"(?i:{_alternatives('town_province_words')})"
    # "Huancora, San Isidro Labrador jurisdiction, Chalatenango department": past a unit between
    between = rf"(?:(?P<mid>{name_})\s+(?i:{units}|district)\s*,\s*)?"
    where = (rf"(?:\s*,\s*{between}(?:(?i:in|of)\s+)?(?:(?i:the)\s+)?(?P<unit>{name_})\s+{admin}\b"
             rf"|\s*,\s*{_DISTANCE}\s+[a-z\-]+\s+(?i:of|from)\s+(?:(?i:the)\s+)?(?P<ref>{name_}|capital)"
             # "in Puerto Bello, a village in Turbo municipality": the unit it lies in, in apposition
             rf"|\s*,\s*(?i:an?)\s+(?:[a-z\-]+\s+)?(?i:{units})\s+(?i:in|of)\s+(?:(?i:the)\s+)?"
             rf"(?P<within>{name_}|[a-z][\w'’\-]+)\s+(?i:{units}|district)\b)")
    tail = where + "?"
    return (
        # "the (small) town of Hostigal", "the village of barranca" (a name the recaser lowered)
        # (in quotes: 'the community of "Juan Parra del Riego,"')
        ("before", re.compile(rf"\b(?i:the\s+)?(?:[a-z\-]+\s+)?(?i:{units})\s+(?i:of|called|known\s+as)\s+[\"“]?"
                              rf"(?P<name>{name_}|[a-z][a-z'’\-]{{3,}}(?=\s*[,.;]))(?:,?[\"”])?" + tail)),
        # "in Arenales canton", "in the Villa El Salvador district", "near rio blanco municipality" (a
        # name the recaser lowered: ``_placed`` keeps such a name only where the gazetteer knows it)
        # (in quotes, and a camp of refugees: 'at the "Corral de las Piedras" refugee camp')
        # (the shortest name that reads so: "the Dadaab Refugee Camp" is Dadaab's)
        ("after", re.compile(rf"\b(?i:in|at|near|of)\s+(?:(?i:the)\s+)?[\"“]?(?P<name>{name_}?|{_LOWERED})[\"”]?"
                             rf"\s+(?:(?i:refugee|displaced\s+persons['’]?|IDP)\s+)?(?i:{units})\b" + tail)),
        # "in Corral de Piedras, Chalatenango department", "in X, 30 km southwest of the capital"
        ("comma", re.compile(rf"\b(?i:in|at|near)\s+(?P<name>{name_})" + where)),
        # "in San Luis de la Reina": only to keep a longer name from its first words' homonym
        ("in", re.compile(rf"\b(?i:in|at)\s+(?P<name>{name_})")),
    )


@functools.cache
def _scene_name() -> re.Pattern[str]:
    """The name right after a scene verb ("the incident took place past midnight in the
    Carahuaichi-Jaurin area", "the attack took place in La Motosa, near Aipe municipality"): the
    verb says the name is where the incident happened, as a unit word would. The name must end
    there (punctuation, a unit word, a locative word), so a building named after it is no town
    ("took place at the Pintuco factory")."""
    units = _alternatives("named_town_units")
    name_ = rf"{_WORD}(?:(?:\s+(?:{_particles()})\b){{1,2}}\s+[A-Za-z][\w'’\-]*|\s+{_articled()}|\s+{_WORD}){{0,5}}"
    return re.compile(rf"(?:\s+[^\s.,;:\"]+){{0,{SCENE_GAP}}}?\s+(?i:in|at)\s+(?:(?i:the)\s+)?"
                      rf"(?:(?i:{units})\s+(?i:of)\s+)?[\"“]?(?P<name>{name_})(?=[\"”]?(?:\s*[,.;:]|$|\s+(?:in|near|on|at|"
                      rf"between|where|when|(?i:{units}|area|zone|sector))\b))")


# a distance reference right before a place: "460 km northwest of |Bogota"
_REFERENCE = re.compile(rf"{_DISTANCE}\s+[a-z\-]+\s+(?i:of|from)\s+(?:(?i:the)\s+)?$")


class NamedTown:
    """A town the sentence names with a place reading: its span, how it was read, and the
    province or reference town the text gives for it (spans into the article text)."""

    __slots__ = ("start", "end", "how", "unit", "ref", "mid", "reach")

    def __init__(self, start: int, end: int, how: str, unit: tuple[int, int] | None, ref: tuple[int, int] | None,
                 mid: tuple[int, int] | None, reach: int):
        self.start, self.end, self.how, self.unit, self.ref, self.mid = start, end, how, unit, ref, mid
        self.reach = reach  # the end of what the text says about it: its unit word, province or reference


@functools.cache
def _filter() -> LiteralFilter:
    """Which patterns can match a sentence at all, by the words they require (``eventdesk._literals``):
    the unit-word patterns need a unit word ("town", "canton", ...), which most sentences lack."""
    return LiteralFilter(dict(_patterns()))


def _found(text: str, span: Span) -> list[NamedTown]:
    found = []
    may = _filter().candidates(text[span.start:span.end])  # a pattern ruled out cannot match
    for how, pattern in _patterns():
        if how not in may:
            continue
        for m in pattern.finditer(text, span.start, span.end):
            groups = m.groupdict()
            unit = m.span("unit") if groups.get("unit") else None
            ref = m.span("ref") if groups.get("ref") else None
            mid = m.span("mid") if groups.get("mid") else m.span("within") if groups.get("within") else None
            found.append(NamedTown(m.start("name"), m.end("name"), how, unit, ref, mid, m.end()))
    end = scene_verb_end(text, span)
    m = _scene_name().match(text, end, span.end) if end is not None else None
    if m is not None:
        found.append(NamedTown(m.start("name"), m.end("name"), "scene", None, None, None, m.end()))
    return found


@dataclass(frozen=True)
class TownReading:
    """A named town as a place, and where the text's words about it end (its unit word, province
    or reference town): a place chosen inside that reach only says where the town lies."""

    place: Place
    reach: int
    explicit: bool = True  # read with a unit word, its province or its distance, not "in" alone
    scene: bool = False  # read after a scene verb ("the attack took place in La Motosa"): where it happened


def named_town(text: str, span: Span, gazetteer, country: str | None, fallback: Place | None,
               aside=None) -> TownReading | None:
    """The first town of the sentence ``span`` named with a place reading, as a place in
    ``country``; ``fallback`` (the sentence's or the dateline's place) locates a name the gazetteer
    lacks when the text gives no province or reference. ``None`` when there is none. A name that
    ``aside(start, end)`` puts inside a description of someone else is passed over (``_asides``)."""
    if country is None:
        return None
    order = {"before": 0, "after": 1, "comma": 2, "in": 3, "scene": 4}  # a unit word next to the name reads it best
    # the scene's town first: the sentence says that is where it happened
    for town in sorted(_found(text, span), key=lambda t: (t.how != "scene", t.start, order[t.how])):
        if aside is not None and aside(town.start, town.end):
            continue
        place = _placed(text, span, town, gazetteer, country, fallback)
        if place is not None:
            return TownReading(place, town.reach, town.how != "in", town.how == "scene")
    return None


@functools.cache
def _part_of_country() -> re.Pattern[str]:
    return re.compile("|".join(word_list("place_words.json", "part_of_country")))


def is_capital(place: Place, gaz) -> bool:
    """Whether ``place`` is its country's capital: a report filed there about a part of the country
    (``in_part_of_country``) is no report of the capital's surroundings."""
    capital = gaz.national_capital(place.country)
    return capital is not None and name_key(capital.name) == name_key(place.location)


def in_part_of_country(text: str, span: Span, country: str) -> bool:
    """"in northern Burkina Faso", "in the east of the country": the sentence puts the act in a part of
    ``country``, which the dateline's town need not be in (``place_words.json`` part_of_country); not
    "in northwestern San Salvador", a part of a city."""
    return any(m.group("name") is None or m.group("name").lower().startswith(country.lower())
               for m in _part_of_country().finditer(text, span.start, span.end))


def _placed(text: str, span: Span, town: NamedTown, gaz, country: str, fallback: Place | None) -> Place | None:
    name = text[town.start:town.end]
    if name.islower():
        name = name.title()
    name = re.sub(rf"(?<=\s)(?!(?:{_particles()})\b|{_articled()})[a-z]", lambda m: m.group().upper(), name)  # "de la Reina"
    if never_a_place(name) or gaz.country_of(name) or (town.how in ("in", "scene") and gaz.is_common_word(name)):
        return None
    if town.how == "scene" and (division := gaz.admin1(name, country)) is not None and \
            name_key(division.name) == name_key(name):
        return None  # "the attack took place in Antioquia department": a province, which choose reads
    unit = text[town.unit[0]:town.unit[1]] if town.unit else ""
    division = gaz.admin1(unit, country) if unit else None
    key = name_key(name)
    # inside the named province, by the gazetteer's reading of its name or by the name itself
    # ("Lima department" is the region of Lima, not the capital's province)
    own = [e for e in gaz.lookup(name, country) if e.country == country and name_key(e.name) == key
           and e.kind in ("city", "supplement", "admin2")
           and (division is None or e.admin1 == division.admin1 or name_key(e.admin1) == name_key(unit))]
    where = Span(span.article_id, town.start, town.end)
    if own:
        e = max(own, key=lambda e: (e.kind != "admin2", e.population))
        return Place(country, e.admin1, e.admin2, e.name, e.latitude, e.longitude, 1 if e.kind != "admin2" else 2,
                     e.id, where)
    if town.how == "after" and text[town.start:town.end].islower():
        return None  # "near rio blanco municipality": a lowered name is one only where the gazetteer knows it
    if name.islower() or town.how == "in" and len(name.split()) < 3:
        return None  # a lowered word, or a short name with no unit word: not enough to name a town
    anchor = _anchor(text, town, gaz, country, division, unit)
    if anchor is not None:
        admin1 = division.admin1 if division is not None else anchor.admin1
        return Place(country, admin1, anchor.admin2, name, anchor.latitude, anchor.longitude, 2,
                     f"hint:{anchor.id}", where)
    if fallback is not None and fallback.country == country and not (
            fallback.source.startswith("dateline:") and is_capital(fallback, gaz)
            and in_part_of_country(text, span, country)):
        return Place(country, fallback.admin1, fallback.admin2, name, fallback.latitude, fallback.longitude, 2,
                     f"near:{fallback.source}", where)
    return None



def _anchor(text: str, town: NamedTown, gaz, country: str, division, unit: str):
    """Where the text puts a town the gazetteer lacks: the municipality or district between it and
    its province ("Perija, Machiques municipality, Zulia state"), else its province's capital, else
    its reference town ("30 km southwest of Escuintla"); ``None`` when the text gives none of these
    (or "the capital", which the caller reads as the dateline's city)."""
    def inside(e) -> bool:
        return division is None or e.admin1 == division.admin1 or name_key(e.admin1) == name_key(unit)

    if town.mid is not None:
        mid = text[town.mid[0]:town.mid[1]]
        # any name the gazetteer knows it by ("Sucre municipality" is its "Municipio Sucre")
        mids = [e for e in gaz.lookup(mid, country) if e.country == country
                and e.kind in ("city", "supplement", "admin2") and inside(e)]
        if mids:
            return max(mids, key=lambda e: (e.kind != "admin2", e.population))
    if division is not None:
        try:
            return gaz.capital(country, division.admin1)
        except GazetteerError:
            return division
    if town.ref is not None:
        ref = text[town.ref[0]:town.ref[1]]
        if ref.lower() != "capital":
            refs = [e for e in gaz.lookup(ref, country) if e.country == country and e.kind in ("city", "supplement")]
            return max(refs, key=lambda e: e.population) if refs else None
    return None


def prefer_named_town(place: Place | None, reading: TownReading | None, country: str | None,
                      text: str | None = None) -> Place | None:
    """The sentence's place once its named town is read: the town when ``choose`` found no place,
    took a part of the town's name (a homonym of its first words) or a shorter name inside it, a
    place abroad, the province or reference town that only says where the town lies, a province,
    or a town given as the distance reference after it (read in ``text``); else the chosen place."""
    if reading is None or reading.place.span is None:
        return place
    town = reading.place
    if place is None or place.span is None:
        return town
    if not reading.explicit and (country is None or place.country == country):
        return place  # "in Narang Wa Badil and Chawkay districts": choose's reading, unless abroad
    a, b = town.span.start, town.span.end
    p, q = place.span.start, place.span.end
    if p < b and a < q:
        # the same name: choose read it with its hints and chain ("Dawlat Abad district, Balkh"),
        # unless the gazetteer lacks the whole name and choose took a place named by its first
        # words ("San Luis" of "San Luis de la Reina", "Cartagena" of "Cartagena de Indias")
        unknown = town.source.startswith(("hint:", "near:"))
        if a <= p and q <= b and q - p < b - a:
            # the gazetteer knows the whole name too: the longest name read is the town's
            # ("Santo Tomas de Pata", not Santo Tomas in another province)
            return town
        # the very same words read under another spelling of the gazetteer's ("Dadeiba municipality",
        # respelled Dabeiba) are choose's reading too
        same_words = (p, q) == (a, b) and place.source.startswith(("admin2:", "geoboundaries:"))
        return town if unknown and not same_words and fold(place.location) != fold(town.location) else place
    if reading.scene:
        return town  # "the attack took place in La Motosa, near Aipe municipality": where it happened
    if country is not None and place.country != country:
        return town  # a homonym abroad
    if b <= p and q <= reading.reach:
        return town  # "Corral de Piedras, Chalatenango department": where the town lies
    if place.precision == 3 or (reading.explicit and place.source.startswith(("admin2:", "geoboundaries:"))):
        # a province, or a district or second-level province ("travellers arriving from La Mar
        # province said 28 bodies were found near the town of Chullas"), vaguer than a town the
        # sentence names as one
        return town
    if reading.explicit and text is not None and b <= p and _REFERENCE.search(text, max(b, p - 60), p):
        # "in Puerto Bello, a village in Turbo municipality, 460 km northwest of Bogota": the
        # distance reference after the town the sentence names as one
        return town
    return place
