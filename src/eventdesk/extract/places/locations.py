"""One event per location, as ACLED codes it.

"Clashes on the Sirwah (Marib), Nihm (Sanaa) and Al Jawf fronts" is three events, the deaths divided
evenly with the remainder on the first (20 -> 7/7/6). A comma chain without "and"/"or" ("Barangay
Lawa, Calamba, Laguna") is a place hierarchy, not a list, and a town's own province after a comma
("Anka, Zamfara state") is not another location.
"""

from __future__ import annotations

import re
from functools import cache
from dataclasses import replace

from eventdesk.rules import pattern
from eventdesk.model import EventMention, Place, Span
from eventdesk.extract.assembly.notes import describe
from eventdesk.extract.places._village_lists import province_list
from eventdesk.extract.places._words import ALT_NAME
from eventdesk.extract.places.choose import find_places
from eventdesk.extract.tolls._quantities import parse_number

__all__ = ["split_by_location"]


@cache
def _list_gap() -> re.Pattern[str]:
    """The words between two places of a list: ``place_words.json`` list_gap."""
    return re.compile(pattern("place_words.json", "list_gap"), re.IGNORECASE)


@cache
def _list_count() -> re.Pattern[str]:
    """A list's gap that opens with a count of its own: ``place_words.json`` list_count."""
    return re.compile(pattern("place_words.json", "list_count"), re.IGNORECASE)


@cache
def _one_place_opener() -> re.Pattern[str]:
    """Words before two places that make them one location: ``place_words.json`` one_place_list_opener."""
    return re.compile(pattern("place_words.json", "one_place_list_opener"), re.IGNORECASE)


# "Sirwah district west of Marib city": Marib only says where Sirwah lies
_REFERENCE_GAP = re.compile(r"^\s*(?:(?:district|town|city|village|area|county)\s+)?(?:(?:north|south|east|west)"
                            r"(?:-?(?:north|south|east|west))?\s+of|outside|near)\s+(?:the\s+)?$", re.IGNORECASE)


def split_by_location(mention: EventMention, text: str, sentence: Span, context) -> list[EventMention]:
    """ACLED codes one event per location: "clashes in Sirwah (Marib), Nihm (Sanaa) and Al Jawf"
    become three rows, the deaths divided evenly with the remainder on the first (20 -> 7/7/6). The
    list is read in the event's sentence that names its place: "35 people died in attacks against 4
    towns. / The attacks took place in the towns of Santo Tomas de Pata, Pulluhuaman, Anta and
    Rosaspata" lists them in the second."""
    sentence = _place_sentence(mention, sentence)
    listed = _province_listed(mention, text, sentence, context)
    if listed:
        return _one_per_place(mention, listed, text)
    if mention.place is None:
        return [mention]
    places = [p for p in find_places(text, sentence, context.gazetteer, context.place_context)
              if p.span is not None and not _in_parentheses(text, sentence.start, p.span.start)]
    # the event's own reading of its name ("Santo Tomas de Pata", which the list's reading took for Santo Tomas)
    places = [mention.place if _member(mention.place, [p]) is not None else p for p in places]
    listed: list[Place] = []
    conjoined = False  # a list has an "and"/"or"; "Lawa, Calamba, Laguna" is a hierarchy, not a list
    after = 0  # the end of the last reference place, passed over like the text between members
    for p in places:
        if not listed:
            listed.append(p)
            continue
        start = max(listed[-1].span.end, after)
        raw = re.sub(r"\([^)]*\)", "", ALT_NAME.sub("", text[start : p.span.start]))
        if _REFERENCE_GAP.match(raw):
            after = p.span.end
            continue
        gap = _without_unplaced_names(raw)
        if p.precision == 3 and p.admin1 == listed[-1].admin1:
            # "in Anka, Zamfara state": the province of the town before, not another place; passed
            # over like the words between members ("in Guachicono, southern Cauca, two in Antioquia")
            after = p.span.end
            continue
        if _list_gap().match(gap) and p.location != listed[-1].location:
            listed.append(p)
            conjoined = conjoined or bool(re.search(r"\b(and|or)\b|&|\bas well as\b", raw)) or \
                _list_count().search(gap) is not None
        elif _member(mention.place, listed) is not None:
            break
        else:
            listed, conjoined = [p], False
    if len(listed) < 2 or not conjoined or _member(mention.place, listed) is None:
        return [mention]
    if len(listed) == 2 and _one_place_opener().search(text, max(sentence.start, listed[0].span.start - 40), listed[0].span.start):
        return [mention]  # "at the border of Isiolo and Garissa counties", "between Pellaboukou and Titao": one place
    return _one_per_place(mention, listed, text)


def _place_sentence(mention: EventMention, sentence: Span) -> Span:
    """The sentence of the event that names its place: ``sentence`` (the trigger's), else the one of
    the event's other sentences that holds the place's name."""
    span = mention.place.span if mention.place is not None else None
    if span is None or sentence.start <= span.start < sentence.end:
        return sentence
    return next((s for s in mention.sentences if s.start <= span.start < s.end), sentence)


def _member(place: Place, listed: list[Place]) -> Place | None:
    """The member of ``listed`` that is the event's ``place``: of its name, or read from the same words
    ("Santo Tomas de Pata", which the list's reading took for Santo Tomas)."""
    return next((p for p in listed if p.location == place.location), None) or next(
        (p for p in listed if place.span is not None and p.span is not None and p.span.start == place.span.start), None)


def _own_counts(mention: EventMention, listed: list[Place], text: str) -> list[int] | None:
    """"murdered three peasants in Guachicono, two in Antioquia and three in Cordoba": when the toll
    is the count before the first place and every place has a count of its own just before it, each
    place keeps its own count instead of an even share."""
    if not text or not mention.fatalities.best:
        return None
    counts = []
    for place in listed:
        # "two in Antioquia", "three peasants in Guachicono", "and three in Cordoba": the list's own count
        m = _list_count().search(text, max(0, place.span.start - 40), place.span.start)
        number = parse_number(m.group(1)) if m else None
        if number is None:
            return None
        counts.append(number)
    return counts if counts[0] == mention.fatalities.best else None



def _province_listed(mention: EventMention, text: str, sentence: Span, context) -> list[Place]:
    """The towns of a list named with their province ("in Huarpacha, Ambo and Kichki, in Huanuco
    department"), when the event's place is one of them, their province, or unknown."""
    country = mention.place.country if mention.place is not None else context.main_country
    listed = province_list(text, sentence, context.gazetteer, country)
    if not listed or (mention.place is not None and mention.place.admin1 != listed[0].admin1 and
                      mention.place.location not in {p.location for p in listed}):
        return []
    return listed


def _one_per_place(mention: EventMention, listed: list[Place], text: str = "") -> list[EventMention]:
    shares = _own_counts(mention, listed, text) or _split(mention.fatalities.best, len(listed))
    out = []
    for place, share in zip(listed, shares):
        deaths = replace(mention.fatalities, best=share,
                         low=None if mention.fatalities.low is None else share,
                         high=None if mention.fatalities.high is None else share,
                         how=f"{mention.fatalities.how}; split over {len(listed)} locations".strip("; "))
        m = replace(mention, place=place, fatalities=deaths)
        out.append(replace(m, notes=describe(m)))
    return out


_UNPLACED = re.compile(r"(,|\band|\bas well as)\s+(?:[A-Z][\w'’\-]*\s+)?[A-Z][\w'’\-]*(?=\s*(?:,|\band\b))")


def _without_unplaced_names(gap: str) -> str:
    """", Gankoi Yeba, Zambana, " -> ", ": list members no place was found for still separate two
    members that were placed."""
    return re.sub(r"(,|\band\b|\bas well as)(?:\s*(?:,|\band\b))+", r"\1", _UNPLACED.sub(r"\1", gap))


def _split(total: int, n: int) -> list[int]:
    base, rest = divmod(total, n)
    return [base + (1 if i < rest else 0) for i in range(n)]


def _in_parentheses(text: str, start: int, pos: int) -> bool:
    before = text[start:pos]
    return before.count("(") > before.count(")")
