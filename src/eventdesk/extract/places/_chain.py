"""Lists and chains of place names: the wider places that follow a name ("Jerusalem village of
Kirinyaga County", "Tapah of Pusht Rod district, Farah"), a list whose shared unit word, hints and
wider places belong to every member ("Al Maqani and Ash Shuaynah villages (Hays, Al Hudaydah)"),
and a name that only qualifies a building or a longer name ("the Mile mall").

Private: import from ``eventdesk.extract.places._text``, whose ``read_surroundings`` calls these.
"""

from __future__ import annotations

import re
from functools import cache

from eventdesk.gazetteer import is_village, name_key
from eventdesk.model import Span
from eventdesk.extract.places._words import (
    ADMIN_WORDS,
    ALT_NAME,
    _PLURAL_UNITS,
    Candidate,
    admin_named,
    never_a_place,
)
from eventdesk.rules import pattern, word_list

__all__ = ["_chain", "_qualifies_something", "_share_list_context"]


# "the Mile mall", "Cleary Park offices": a name that only qualifies a building or business


@cache
def _facility() -> re.Pattern[str]:
    """A building or business after a name: ``place_words.json`` facility_after."""
    return re.compile(pattern("place_words.json", "facility_after"), re.IGNORECASE)


# words that may follow a place name inside a longer proper name without making it another thing
_PLACE_TAILS: frozenset[str] = word_list("place_words.json", "place_tails")  # type: ignore[assignment]
# "City Park, Nairobi", "Jerusalem village of Kirinyaga County", "Tapah of Pusht Rod district, Farah":
# the words between a place and the wider place that contains it


@cache
def _chain_gap() -> re.Pattern[str]:
    """The words between a place and the wider place that contains it: ``place_words.json`` chain_gap."""
    return re.compile(pattern("place_words.json", "chain_gap"), re.IGNORECASE)


# (a name after the "and": ", and demanded the release" ends no list)
_LIST_REST = re.compile(r"^(?:\s*,\s*(?-i:[A-Z])[\w'’\-]*(?:\s+(?-i:[A-Z])[\w'’\-]*)*)*\s*,?\s*(?:and|or|&)\s+(?-i:[A-Z])")
# a separator, then maybe a name the gazetteer does not know (", Gankoi Yeba, Zambana" before "Kwossa")
_LIST_SEP_NAMES = re.compile(r"(?:\s*(?:,|,?\s+(?:and|or))\s+(?:[A-Z][\w'’\-]*\s+){0,2})+")


def _share_list_context(text: str, span: Span, cands: list[Candidate]) -> None:
    """"Al Maqani and Ash Shuaynah villages (Hays, Al Hudaydah)", "Hazrat Qishlaq and Timurak
    areas of Charbolak district, Balkh": the hints and wider places after a list's shared unit
    word belong to every member, not only the last; "in Al Jawf, Ad Dali and Taizz governorates":
    so does a division word."""
    for i in range(len(cands) - 1, 0, -1):
        last = cands[i]
        after = text[last.name_end or last.end:span.end]
        unit = re.match(r"\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?", after)
        word = next((w for w in (unit.group(1), unit.group(2)) if w in _PLURAL_UNITS), "") if unit else ""
        single = (word[:-3] + "y" if word.endswith("ies") else word[:-1]).lower()
        if single in ADMIN_WORDS:
            for member in _list_before(text, span, cands, i, provinces_only=False):
                member.after = member.after or single  # each a governorate
        # no unit word, only the parenthesis: it places the members nothing else places
        paren_only = not word and after.lstrip().startswith("(")
        if not (word or paren_only) or not (last.hints or last.chain):
            continue  # "Al Fazzah and Al Jabaliyah areas", "Mori and Nawjid military camps"
        for member in _list_before(text, span, cands, i, provinces_only=True):
            # a member the gazetteer only knows by a first word ("Gidan" of "Gidan Adamu"), or only as
            # villages (Who's On First), which the hints must confirm, is unknown too
            villages = bool(member.entries) and all(is_village(e.id) for e in member.entries)
            if not member.hints and not member.chain and (word or not member.entries or member.name_end or villages):
                member.hints, member.chain = last.hints, last.chain


def _list_before(text: str, span: Span, cands: list[Candidate], i: int, provinces_only: bool) -> list[Candidate]:
    """The members of the list that candidate ``i`` ends; with ``provinces_only`` a province
    ends the list ("Alishing district, Laghman, and ...")."""
    j = i
    while j > 0 and _LIST_SEP_NAMES.fullmatch(_gap(text, cands[j - 1], cands[j])) \
            and not (provinces_only and _is_wider(text, cands[j - 1], span, provinces_only=True)):
        j -= 1
    return cands[j:i]


def _gap(text: str, a: Candidate, b: Candidate) -> str:
    """What separates two names, without a bracketed second name of the first ("Salim [Naqil Hajar] and")."""
    return ALT_NAME.sub("", text[a.name_end or a.end:b.start])


def _qualifies_something(after: str, end: int, starts: set[int]) -> bool:
    if _facility().match(after):
        return True
    nxt = re.match(r"^ ([A-Z][a-z]+)\b", after)
    return bool(nxt) and nxt.group(1).lower() not in _PLACE_TAILS and end + 1 not in starts


def _chain(text: str, span: Span, cands: list[Candidate], i: int) -> tuple[str, ...]:
    """The wider places that follow candidate ``i`` ("Jerusalem village of Kirinyaga County",
    "Tapah of Pusht Rod district, Farah"); none when the names form a list ("Mosul, Kirkuk and
    Anbar")."""
    found: list[str] = []
    between: list[Candidate] = []  # chained names not wider themselves ("Marawi" of "Poblacion, Marawi, Lanao del Sur")
    end = cands[i].hint_end or cands[i].name_end or cands[i].end
    for nxt in cands[i + 1:i + 4]:
        if nxt.start < end:
            continue  # a word of the same name ("Pol" of "Takht-e-Pol")
        gap = text[end:nxt.start]
        chained = _chain_gap().match(gap) is not None
        if not (chained or gap == " "):  # " ": the next word of one name ("Pusht Rod")
            break
        if chained and _is_wider(text, nxt, span):
            # a town or district named between the place and its province, that lies in it, is the
            # finer wider place: "Barangay Daro, Dumaguete, Negros Oriental" lies in Dumaguete,
            # "the Kharki area of Garmsir district, Helmand" in Garmsir, not at Helmand's capital
            found.extend(text[c.start:c.end] for c in between if _lies_in(c, nxt))
            between = []
            # "El Campito, Merida, Merida state": the last is the province, whatever the city's size
            found.append(text[nxt.start:nxt.end] + (f" {nxt.after}" if nxt.after in ADMIN_WORDS else ""))
        elif chained and not nxt.hints:
            between.append(nxt)
        if chained:
            found.extend(nxt.hints)  # "Ar Rubat area of Tuban district (Lahij)": Lahij contains both
        end = nxt.hint_end or nxt.end
    if found and _LIST_REST.match(text[end:span.end]):
        return ()  # "Sidon, Tripoli, Matn and Zahle": a list, not a place and its city
    return tuple(found)


def _lies_in(town: Candidate, wider: Candidate) -> bool:
    """Whether one of ``town``'s towns or districts lies in a division ``wider`` names by its own
    name ("Marawi" in Lanao del Sur, "Dumaguete" in Negros Oriental, "Garmsir district" in Helmand)."""
    keys = {name_key(e.name) for e in wider.entries if e.kind in ("admin1", "admin2")}
    return any(e.kind in ("city", "admin2") and not is_village(e.id) and keys & {name_key(e.admin1), name_key(e.admin2)}
               for e in town.entries)


def _is_wider(text: str, cand: Candidate, span: Span, provinces_only: bool = False) -> bool:
    """A country, a division, a big city ("San Cristobal, Bogota"), or a name followed by an
    administrative word. Districts count: Philippine provinces are second-level
    ("Barangay Pilar, Hinigaran, Negros Occidental")."""
    if never_a_place(text[cand.start:cand.end]) or cand.name_end:
        return False  # "Ain" of "Ain er Roummaneh" is not the district of Ain
    if admin_named(text, cand, span) or (cand.respelled and not provinces_only):
        return True  # a respelled name is one followed by "district"
    key = name_key(text[cand.start:cand.end])
    kinds = ("admin1", "country") if provinces_only else ("admin1", "admin2", "country")
    # a province also by another of its names ("Urozgan" for Uruzgan); other places by their own
    return any((e.kind == "admin1" or name_key(e.name) == key)
               and (e.kind in kinds or (e.kind == "city" and e.population >= 500_000 and not provinces_only))
               for e in cand.entries)
