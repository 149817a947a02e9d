"""A name that is part of a personal name is no place without a place reading.

"the house of Roberto Morales" names a man, not the Colombian town of Morales; "gunmen killed
Hamilton Garcia" a man, not Hamilton in Ontario. A candidate place is part of a personal name when
a given name stands right before it ("Roberto Morales") or opens the name its particle continues
("Paulo Cesar Paim de Oliveira", not Oliveira in Brazil; not "San Pedro de Cachi", whose first word
opens a place's name), or when it is itself a given name or
surname and another such name stands next to it ("Hamilton Garcia": neither Hamilton nor Garcia;
not "Jackson Mississippi", whose second name is a province). The word lists are data (``data/rules/person_names.json``: the US Census Bureau's 1990
name lists); the caller keeps such a name only with a place reading: a unit word after it ("the
village of Martin"), or a hint in brackets. A name in the possessive before a noun only a person
has ("Monzon's residence", "Castillo's son"; ``place_words.json``'s ``person_possessions``) is a
person's too (``owned_by_a_person``).
"""

from __future__ import annotations

import re

from eventdesk.extract.places._words import Candidate
from eventdesk.gazetteer import Gazetteer
from eventdesk.rules import word_list

__all__ = ["apposed_as_a_person", "article_surnames", "owned_by_a_person", "part_of_a_personal_name"]

_GIVEN: frozenset[str] = word_list("person_names.json", "given_names")  # type: ignore[assignment]
_SURNAMES: frozenset[str] = word_list("person_names.json", "surnames")  # type: ignore[assignment]
_NAMES = _GIVEN | _SURNAMES
_POSSESSIONS: frozenset[str] = word_list("place_words.json", "person_possessions")  # type: ignore[assignment]
_ROLES: frozenset[str] = word_list("place_words.json", "person_roles")  # type: ignore[assignment]
_FACILITIES: frozenset[str] = word_list("place_words.json", "facility_words") | word_list("place_words.json", "named_after_person")  # type: ignore[assignment]
# "Barillas, ambassador to Spain", "Cerezo, the Guatemalan president", "Galan, 46,": the role (or the age)
# right after the name's comma, at most two words after an article or "former"
_APPOSITION = re.compile(r",[ \t]+(?:(\d{1,3}),|(?:(?:the|a|an|former|then)[ \t]+)*(?:[\w-]+[ \t]+){0,2}?([A-Za-z-]+)\b)")
# "Monzon's residence", "MONZON'S RESIDENCE" (wire copy keeps its apostrophe)
_POSSESSIVE = re.compile(r"['’][sS]?[ \t]+([A-Za-z]+)\b")
# a province this populous is what its name means next to another name ("Jackson Mississippi")
_PROVINCE_POPULATION = 500_000
# one capitalised word right before the candidate, on the same line ("Roberto Morales")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ \t]+$")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?:[Aa]l|[Ee]l|[Aa]d|[Aa]s|[Aa]r|[Aa]sh)-$")
# a personal name continued by a particle before the candidate: "Paulo Cesar Paim de Oliveira"
_NAME_BEFORE_PARTICLE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+(?:de|da|do|dos|das|del)[ \t]+$")
_NAME_STARTERS: frozenset[str] = word_list("casing_words.json", "name_starters")  # type: ignore[assignment]
# one capitalised word right after it ("Hamilton Garcia"), not the first word of a new sentence
_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b(?![-'’])")


def part_of_a_personal_name(text: str, cand: Candidate, gaz: Gazetteer) -> bool:
    """Whether the candidate name reads as part of a person's name (see the module's docstring)."""
    start = cand.start
    if (article := _ARTICLE_BEFORE.search(text, max(0, start - 4), start)) is not None:
        start = article.start()  # "Ahmed al-Sharaa": the given name before the surname's article
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and before.group(1).lower() in _GIVEN:
        return True
    name = _NAME_BEFORE_PARTICLE.search(text, max(0, cand.start - 60), cand.start)
    if name is not None and name.group(1).lower() not in _NAME_STARTERS and \
            any(w.lower() in _GIVEN for w in name.group(0).split()[:-1]):
        return True  # "Paulo Cesar Paim de Oliveira"
    if text[cand.start:cand.end].lower() not in _NAMES:
        return False
    if before is not None and _a_name_not_a_place(before.group(1), gaz):
        return True  # "Hamilton Garcia": Garcia
    after = _WORD_AFTER.match(text, cand.end)
    return after is not None and _a_name_not_a_place(after.group(1), gaz)


def _a_name_not_a_place(word: str, gaz: Gazetteer) -> bool:
    """A given name or surname that is no common word, country or province ("Jackson Mississippi")."""
    if word.lower() not in _NAMES or gaz.is_common_word(word) or gaz.country_of(word) is not None:
        return False
    province = gaz.admin1(word)  # a parish of Bermuda called Hamilton does not make the name a place
    return province is None or province.population < _PROVINCE_POPULATION


def owned_by_a_person(text: str, cand: Candidate) -> bool:
    """Whether the name stands in the possessive right before a noun only a person has ("Monzon's
    residence"; not "Lima's main police station")."""
    m = _POSSESSIVE.match(text, cand.end)
    return m is not None and m.group(1).lower() in _POSSESSIONS


def apposed_as_a_person(text: str, cand: Candidate) -> bool:
    """Whether an apposition right after the name gives a person's office, trade or age ("Barillas,
    ambassador to Spain, was gunned down"; "Galan, 46, was machinegunned"; not "Garissa, a town in the
    north-east")."""
    m = _APPOSITION.match(text, cand.end)
    return m is not None and (m.group(1) is not None or m.group(2).lower() in _ROLES)



# a given name and the one or two capitalised words after it ("Carlos Pizarro Leongomez")
_FULL_NAME = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)((?:[ \t]+[A-Z][a-z]+){1,2})\b(?![-'’])")


def article_surnames(text: str, gaz: Gazetteer) -> frozenset[str]:
    """The surnames a report gives its people in full ("Carlos Pizarro Leongomez"), lower-cased: news
    names a person in full once and by the surname after, so a later bare "Pizarro" ("mourners at
    Pizarro's grave") is the man, not the Colombian town, unless a place word reads it as one. A name
    that goes on into a facility ("the Jose Maria Cordoba airport") or that is a country's or a
    province's name ("Simon Bolivar") is left out."""
    out = set()
    for m in _FULL_NAME.finditer(text):
        if m.group(1).lower() not in _GIVEN:
            continue
        after = re.match(r"[ \t]+([A-Za-z]+)", text[m.end():m.end() + 24])
        if after is not None and (after.group(1)[0].isupper() or after.group(1).lower() in _FACILITIES):
            continue  # "Jose Maria Cordoba airport", "Simon Bolivar Avenue": a facility's name
        for word in m.group(2).split():
            if gaz.country_of(word) is None and gaz.admin1(word) is None and not gaz.is_common_word(word):
                out.add(word.lower())
    return frozenset(out)
