"""The place of an event told in a sentence of its own, named by a sentence near it.

Wire copy sets each sentence in a paragraph of its own, so "its paragraph" (``assembly._merge.
_paragraph_place``) rarely holds more than the event's sentence: "Two soldiers were killed on
Friday. / The patrol was guarding a bridge near Chalatenango." names the place one paragraph later.
An event whose own sentences and paragraph name no place takes the place named by the nearest
sentence of the report within ``NEARBY_REACH`` sentences of it (before or after, nearest first, the
later one first at equal distance) that reports no event of its own, when that place is a town
(precision 1 or 2) in the report's main country; only then the dateline's town
(``ArticleContext.filed_from``). A place abroad nearby ("the president was in Tegucigalpa for a
summit") is no place of the event, nor is a province or region a sentence about something else
names ("Iraqi forces combed the Jazeera desert" beside a strike on Hajin). First of all, an event
told right after another in the same paragraph takes that event's town ("Last week in Huancayo an
APRA candidate was murdered. Yesterday an individual was wounded when a car bomb exploded").
"""

from __future__ import annotations

from collections.abc import Sequence

from eventdesk.model import Place, Sentence, Span

__all__ = ["NEARBY_REACH", "nearby_place"]

#: How many sentences before or after an event a sentence may lie to give it its place (the
#: narrative reach of a wire report's told event, as ``assembly.events.NARRATIVE_REACH`` for dates).
NEARBY_REACH = 3


def nearby_place(sentences: Sequence[Sentence], first: Span, last: Span, taken: set[Span], context) -> Place | None:
    """The town of the event sentence right before ``first`` in its paragraph, else of the nearest
    sentence within ``NEARBY_REACH`` of the event told by ``first``..``last`` that is no event sentence
    of its own (``taken``), in the report's main country; else ``None``."""
    index = {s.span: i for i, s in enumerate(sentences)}
    if first not in index or last not in index:
        return None
    start, end = index[first], index[last]
    main = context.main_country
    before = start - 1
    if before >= 0 and sentences[before].span in taken and "\n\n" not in context.text[sentences[before].span.end:first.start]:
        # "Last week in Huancayo an APRA candidate was murdered. Yesterday an individual was wounded
        # when a car bomb exploded": the event told next in the same paragraph, at the town of the one before
        place = context.place_for(sentences[before].span)
        if place is not None and place.precision <= 2 and (main is None or place.country == main) and \
                not place.source.startswith(("dateline:", "here:")):
            return place
    for distance in range(1, NEARBY_REACH + 1):
        for i in (end + distance, start - distance):
            if not 0 <= i < len(sentences) or sentences[i].span in taken:
                continue
            place = context.place_for(sentences[i].span)
            if place is not None and place.precision <= 2 and (main is None or place.country == main):
                return place  # a town, not a province a sentence about something else names
    return None
