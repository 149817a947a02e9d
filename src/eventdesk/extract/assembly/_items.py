"""Acts shared out item by item: "Two car bombs exploded minutes apart in Baghdad on Tuesday, one near a
market in Sadr City and one at a checkpoint in Karrada", "Three bombs went off simultaneously in
Tegucigalpa, one at the Central Park, another at the university and another at a training school". A
counted plural of acts (or of their means) that its sentence then shares out, each item opened by "one",
"another", "a second" ... and a preposition of place, tells one act at each item's site: ACLED codes one
event per location and day (CODEBOOK section 0), and two bombs at two named sites of one city are two
incidents. The words are ``assembly_words.json`` listed_counts, listed_act_nouns, listed_item_openers and
listed_item_prepositions.

Private: import from ``eventdesk.extract.assembly.events``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from eventdesk.extract.assembly.notes import describe
from eventdesk.extract.tolls.count import count_fatalities
from eventdesk.model import EventMention, Fatalities, Span
from eventdesk.rules import word_list

__all__ = ["by_listed_item"]


def by_listed_item(event: EventMention, text: str, context, war_zone: bool = False) -> tuple[EventMention, ...]:
    """The event once for each item its typing sentence shares its acts out to (see the module), each at
    the place its item names (when it names none, or one in another country, the place the sentence names
    before its items, else the event's own), with the
    toll its item tells; when no item tells one, the event's toll is divided evenly, the remainder on the
    first (as ``places.locations.split_by_location`` divides it over the locations listed). An event whose
    sentence shares nothing out is returned alone."""
    sentence = _typing_sentence(event)
    if sentence is None:
        return (event,)
    items = listed_items(text, sentence)
    if len(items) < 2:
        return (event,)
    counts = [count_fatalities(text, [item], war_zone=war_zone).best for item in items]
    shares = counts if any(counts) else _even(event.fatalities.best, len(items))
    how = f"{event.fatalities.how}; one of {len(items)} acts the sentence shares out".strip("; ")
    # an item that names no place is at the place its sentence names before the items ("Three bombs went off
    # in Tegucigalpa, one at the park ..."), not at one another item names
    head = _item_place(event.place, Span(sentence.article_id, sentence.start, items[0].start), context)
    out = [replace(event, place=_item_place(head, item, context), fatalities=_share(event.fatalities, n, how))
           for item, n in zip(items, shares)]
    return tuple(replace(one, notes=describe(one)) for one in out)


def _share(toll: Fatalities, n: int, how: str) -> Fatalities:
    """The toll with ``n`` as its figure (its bounds too, where it gave them)."""
    bounds = {k: None if getattr(toll, k) is None else n for k in ("low", "high")}
    return replace(toll, best=n, how=how, **bounds)


def listed_items(text: str, sentence: Span) -> list[Span]:
    """The spans of the items a sentence shares a counted plural of acts out to ("one near a market in Sadr
    City", "one at a checkpoint in Karrada"), in order; [] when it shares none out. The first item opens
    with "one"; the last ends at the next comma, semicolon or the sentence's end."""
    told = text[sentence.start:sentence.end]
    head = _counted_acts().search(told)
    if head is None:
        return []
    marks = [m for m in _item_opener().finditer(told, head.end())]
    if len(marks) < 2 or marks[0].group("det").lower() != "one":
        return []
    items = []
    for k, m in enumerate(marks):
        start = m.start("det")
        if k + 1 < len(marks):
            end = marks[k + 1].start()
        else:
            stop = re.compile(r"[,;]|\.\s*$").search(told, m.end())
            end = stop.start() if stop else len(told)
        piece = told[start:end].rstrip(" ,;")
        items.append(Span(sentence.article_id, sentence.start + start, sentence.start + start + len(piece)))
    return items


def _typing_sentence(event: EventMention) -> Span | None:
    """The event's sentence that holds the words that typed it."""
    ev = event.type_evidence
    if ev is None:
        return None
    return next((s for s in event.sentences if s.start <= ev.start < s.end), None)


def _item_place(around, item: Span, context):
    """The place ``item`` names, or ``around`` when it names none, one in another country than
    ``around``'s or a coarser one ("one in the north of the country")."""
    found = context.place_for(item)
    if found is None or around is None:
        return found or around
    if found.country != around.country or found.precision > around.precision:
        return around
    return found


def _even(total: int, n: int) -> list[int]:
    base, rest = divmod(total, n)
    return [base + (1 if i < rest else 0) for i in range(n)]


def _alternatives(key: str) -> str:
    words = sorted(word_list("assembly_words.json", key), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@cache
def _counted_acts() -> re.Pattern[str]:
    """"two car bombs", "twin blasts", "3 explosive devices": a count, at most two words, a plural of acts."""
    return re.compile(rf"\b(?:\d+|{_alternatives('listed_counts')})\s+(?:[\w'-]+\s+){{0,2}}?"
                      rf"(?:{_alternatives('listed_act_nouns')})\b", re.IGNORECASE)


@cache
def _item_opener() -> re.Pattern[str]:
    """", one at", ", another near", "and one at", "; a second outside": an item's opening."""
    return re.compile(rf"(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?P<det>{_alternatives('listed_item_openers')})\s+"
                      rf"(?:{_alternatives('listed_item_prepositions')})\b", re.IGNORECASE)
