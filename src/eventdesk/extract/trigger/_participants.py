"""Who takes part in what a sentence tells, read from the words around its cue (``classify`` asks):
civilians, followers and crowds against armed men ("residents said gunmen stormed": the gunmen), whether a
crowd is a party of a clash, whether a sentence names people who could make a protest, and who is harmed
("attack on a U.S. army convoy": armed). The word patterns are the classifier's (``_Rx``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventdesk.rules import cue_table

if TYPE_CHECKING:
    from eventdesk.extract.trigger.classify import _Rx

__all__ = ["crowd_before", "crowd_party", "kind", "makers", "people", "sentence_bounds", "victims"]

_PRONOUN_SUBJECT = re.compile(cue_table().nouns["pronoun_subject"], re.IGNORECASE)


def sentence_bounds(t: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding [start, end) of a group's text begins and ends (a group's text
    joins several sentences)."""
    begin = max(t.rfind(". ", 0, start), t.rfind("\n", 0, start)) + 1
    ends = [i for i in (t.find(". ", end), t.find("\n", end)) if i >= 0]
    return begin, min(ends) if ends else len(t)


def crowd_party(t: str, rx: _Rx) -> bool:
    """Whether a crowd is a party of a clash ("clashes between students and police"), not the people a
    clash spread a mood among: "the skirmishes took place downtown, causing alarm among the residents"."""
    return any(not rx.mood_before.search(t, max(0, m.start() - 40), m.start()) for m in rx.crowd_party.finditer(t))


def people(words: str, rx: _Rx) -> list[int]:
    """Ends of the civilian, follower and crowd nouns in ``words``."""
    found = [m.end() for p in (rx.civil, rx.followers) for m in p.finditer(words)]
    return found + [m.end() for m in re.finditer(cue_table().nouns["crowd"], words, re.I)]


def crowd_before(t: str, start: int, rx: _Rx) -> bool:
    """Whether the participant noun nearest before ``start`` in its sentence is a civilian, crowd or
    follower noun rather than an armed one ("residents said gunmen stormed": the gunmen)."""
    before = t[max(sentence_bounds(t, start, start)[0], start - 80):start]
    crowd = people(before, rx)
    return bool(crowd) and max(crowd) > max((m.end() for m in rx.armed.finditer(before)), default=-1)


def makers(t: str, match: re.Match[str], rx: _Rx) -> bool:
    """Whether the sentence of ``match`` names people who could make a protest: a civilian, follower
    or crowd noun. "He received the banners of Galan. He said the death of the leader cannot be used
    to end the consultation of the people": the people of the next sentence make no protest of the
    banners."""
    begin, end = sentence_bounds(t, match.start(), match.end())
    return bool(people(t[begin:end], rx))


def kind(words: str, rx: _Rx, last: bool = False) -> str | None:
    """"armed" or "civil" for the first (or last) participant noun in ``words``."""
    a = list(rx.armed.finditer(words))
    c = list(rx.civil.finditer(words))
    if not a and not c:
        return None
    if last:
        return "armed" if a and (not c or a[-1].end() >= c[-1].end()) else "civil"
    return "armed" if a and (not c or a[0].start() <= c[0].start()) else "civil"


def victims(t: str, rx: _Rx) -> list[tuple[int, str]]:
    """Who is harmed: (position, "armed" | "civil") in text order, from active and passive clauses."""
    out: list[tuple[int, str]] = []
    for m in rx.victim_active.finditer(t):
        # the clause ends at "by", ";" or a full stop, not at the stop of an initial ("attack on a U.S. army convoy")
        k = kind(re.split(r"\bby\b|;|(?<!\b\w)\.", m.group(m.lastindex or 1) or "")[0], rx)
        if k:
            out.append((m.start(), k))
    for m in rx.victim_passive.finditer(t):
        before = t[max(0, m.start() - 45) : m.start()]
        before = re.split(r"[.;,]|\band\b|\bwhile\b|\bafter\b", before)[-1]
        if _PRONOUN_SUBJECT.search(before):
            # "Donnelly was told by the rebels that he had been kidnapped": a person named by a pronoun is
            # harmed, and the noun before it is another clause's (the rebels told)
            continue
        k = kind(before, rx, last=True)
        if k:
            out.append((m.start(), k))
    out.sort()
    return out
