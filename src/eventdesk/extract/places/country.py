"""The country of an event whose report names no place for it.

An event whose sentences, paragraph and dateline give no town still happened somewhere the report
usually says: "guerrillas attacked a patrol in Colombia", a paragraph that begins "In Peru, ...",
a report about one country only, a wire report filed from Bogota. ``event_country`` reads that
evidence, nearest first, and keeps where it came from (``EventCountry.how``):

1. ``sentence``: a country one of the event's own sentences puts something in ("in Colombia",
   "inside Syria"); an event abroad named as abroad keeps that country;
2. ``paragraph``: the country the nearest other sentence of its paragraph puts something in;
3. ``article`` / ``dateline``: the one country the report is about (``ArticleContext.report_country``:
   its names of countries and its dateline's town vote, and one must clearly lead; with neither,
   the one of all its provinces and towns); a report about two countries gives none here;
4. ``groups``: a report that names no country and gives no other evidence, whose named groups are
   all of one country (a communique filed abroad: "MEXICO CITY -- the URNG said its guerrillas ...");
   ``dateline``: a report whose dateline's country leads the others without dominating them, when
   they are named only by their people's adjective ("SAN SALVADOR -- [...] six Jesuits, five of them
   of Spanish background, were assassinated") and the event's sentences name no office of theirs;
5. ``office`` (``office_country``, asked with the acts' words): a report filed abroad that names both
   countries ("TEGUCIGALPA -- The Honduran government today denounced the assassination of Salvadoran
   presidency minister Rodriguez Porth"), where the act struck an office or body of one state, named
   by its people's name near the act's word. A people's name on a private person says less
   ("a Spaniard, a Frenchman and an Italian kidnapped"): foreigners are struck abroad.

A report that gives none of these gets no country: never a guess. A country is not a place: the
event keeps ``place=None`` and no coordinates (``model.EventCountry``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence

from eventdesk.model import EventCountry, Sentence, Span
from eventdesk.rules import word_list

__all__ = ["event_country", "office_country", "PARAGRAPH_REACH"]

#: How many sentences before or after an event its paragraph is read in (a bound against one
#: hostile paragraph of thousands of sentences; a real paragraph is far shorter).
PARAGRAPH_REACH = 40


def event_country(text: str, sentences: Sequence[Sentence], spans: Sequence[Span], context) -> EventCountry | None:
    """The country of the event told by ``spans`` (its sentences, in text order), read from the
    report as the module says, or ``None`` when the report gives no evidence of one."""
    for span in spans:
        named = context.country_named(span)
        if named is not None:
            return EventCountry(named[0], "sentence", named[1])
    if spans:
        for span in _paragraph(text, sentences, spans[0], spans[-1]):
            named = context.country_named(span)
            if named is not None:
                return EventCountry(named[0], "paragraph", named[1])
    report = context.report_country()
    if report is not None:
        return EventCountry(report[0], report[1])
    if not context.named_countries:
        home = context.group_country()
        if home:
            return EventCountry(home, "groups")
    led = context.dateline_leads()
    if led is not None and not _struck_abroad(text, spans, led, context.gazetteer.country_of_people):
        return EventCountry(led, "dateline")
    return None


def _struck_abroad(text: str, spans: Sequence[Span], home: str, country_of) -> bool:
    """Whether the event's sentences name an office or body of a state other than ``home`` (see
    ``office_country``): "TEGUCIGALPA -- The Honduran government denounced the assassination of
    Salvadoran presidency minister Rodriguez Porth" struck El Salvador's minister, wherever filed."""
    return any(country_of(m.group("people")) not in (None, home)
               for span in spans for m in _office().finditer(text, span.start, span.end))


#: how far before or after an act's word the office it struck is looked for ("the dynamite attack
#: on the headquarters of the Salvadoran workers national union federation", "the death of the
#: Colombian senator, murdered by criminals")
OFFICE_REACH = 60


@functools.cache
def _office() -> re.Pattern[str]:
    """A people's name, up to three words, then a state's office or body (``place_words.json``
    state_offices)."""
    words = "|".join(sorted(map(re.escape, word_list("place_words.json", "state_offices")), key=len, reverse=True))
    return re.compile(rf"\b(?P<people>[A-Za-z]+)(?=\s+(?:[\w-]+\s+){{0,3}}?(?:{words})\b)", re.IGNORECASE)


def office_country(text: str, acts: Sequence[tuple[Span, Span]], country_of) -> EventCountry | None:
    """The country whose office or body the event's acts struck, each act given as (its sentence,
    its act word), when the words around them name exactly one; else ``None``. ``country_of`` maps a people's name to
    its country (``Gazetteer.country_of_people``)."""
    found: dict[str, Span] = {}
    for sentence, act in acts:
        start = max(sentence.start, act.start - OFFICE_REACH)
        for m in _office().finditer(text, start, sentence.end):
            if m.start() > act.end + OFFICE_REACH:
                break
            country = country_of(m.group("people"))
            if country:
                found.setdefault(country, Span(sentence.article_id, m.start(), m.end()))
    if len(found) != 1:
        return None
    (country, span), = found.items()
    return EventCountry(country, "office", span)


def _paragraph(text: str, sentences: Sequence[Sentence], first: Span, last: Span) -> Iterator[Span]:
    """The other sentences of the paragraph around ``first``..``last``, nearest first (a blank line
    ends a paragraph; sentences hold none)."""
    before = _walk(text, sentences, first, -1)
    after = _walk(text, sentences, last, 1)
    spans = [*before, *after]
    spans.sort(key=lambda s: min(abs(s.start - last.end), abs(first.start - s.end)))
    return iter(spans)


def _walk(text: str, sentences: Sequence[Sentence], span: Span, step: int) -> list[Span]:
    if step < 0:
        index = bisect.bisect_right(sentences, span.start, key=lambda s: s.span.end) - 1
    else:
        index = bisect.bisect_left(sentences, span.end, key=lambda s: s.span.start)
    found: list[Span] = []
    edge = span.start if step < 0 else span.end
    while 0 <= index < len(sentences) and len(found) < PARAGRAPH_REACH:
        other = sentences[index].span
        gap = text[other.end:edge] if step < 0 else text[edge:other.start]
        if "\n\n" in gap:
            break
        found.append(other)
        edge = other.start if step < 0 else other.end
        index += step
    return found
