"""Where an incident happened, said by a later sentence about it.

A wire report tells an incident first and says where it happened after: "Unidentified persons
kidnapped 31 people in the banana-growing region of Uraba. / The incident took place in Puerto
Bello, a village in Turbo municipality". Such a sentence (a scene sentence) names the incident with
the definite article and a noun of ``scene_nouns`` and then says where it happened with a verb of
``scene_verbs`` (both in ``place_words.json``); the place it names after that verb is the scene of
the nearest incident told before it. It may be an elaboration of the event, a sentence the
assembly set aside as only a reference to it, or one many paragraphs later ("[END RECORDING] The
attack took place on Bernal Avenue in Colonia Miramontes").

``scene_place`` looks for one from the event's first sentence up to the next event the report
tells (at most ``SCENE_REACH`` sentences). The scene outranks the place the event has so far
(its sentence's, or one inherited from its paragraph, a nearby sentence or the dateline), except a
town inside the province the scene names ("in Medellin" is finer than "the attack took place in
Antioquia department"), and never when it lies in another country.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from eventdesk.model import Place, Sentence, Span
from eventdesk.rules import word_list

__all__ = ["SCENE_GAP", "SCENE_REACH", "scene_place", "scene_verb_end"]

#: How many sentences after an event's first a scene sentence may lie (a quoted statement may sit
#: between the lead and the paragraph that places it; the next event ends the search anyway).
SCENE_REACH = 30
#: How many words may stand between the scene verb and the place ("occurred near the KM - 45 marker in
#: Araucita jurisdiction"); further on, the sentence has gone on to something else.
SCENE_GAP = 8


#: a relative clause between the scene verb and a place: the place is the clause's
_CLAUSE = re.compile(r"\b(?:who|whom|whose|which|that|where|when)\b", re.IGNORECASE)


@functools.cache
def _scene_pattern() -> re.Pattern[str]:
    def alternatives(key: str) -> str:
        words = sorted(word_list("place_words.json", key), key=len, reverse=True)
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)

    # "the incident took place", "the terrorist attack in Huila department took place": the
    # article, at most three modifiers, the noun, at most five words with no clause break, the verb
    return re.compile(
        r"\bthe\s+(?:[\w-]+\s+){0,3}?(?:%s)\b(?:\s+[^\s.,;:\"]+){0,5}?\s+(?:%s)\b"
        % (alternatives("scene_nouns"), alternatives("scene_verbs")),
        re.IGNORECASE,
    )


def scene_verb_end(text: str, span: Span) -> int | None:
    """The text offset right after the scene verb of the sentence ``span`` ("the attack took
    place|"), or ``None`` when it is no scene sentence."""
    m = _scene_pattern().search(text, span.start, span.end)
    return m.end() if m else None


def scene_place(text: str, sentences: Sequence[Sentence], first: Span, event_starts: Sequence[int],
                current: Place | None, context, read=None) -> Place | None:
    """The place a scene sentence gives the event whose first sentence is ``first`` (see the
    module), or ``None``. ``event_starts`` are where the report's events begin (the search ends at
    the next one); ``current`` the place the event has so far; ``read`` the places step's own
    readings of sentences (people and asides read out), used where it has one."""
    read = read or {}
    until = min((s for s in event_starts if s > first.start), default=None)
    home = current.country if current is not None else context.main_country
    starts = [s.span.start for s in sentences]
    try:
        index = starts.index(first.start)
    except ValueError:
        return None
    for sentence in sentences[index:index + SCENE_REACH]:
        span = sentence.span
        if until is not None and span.start > until:
            break
        end = scene_verb_end(text, span)
        if end is None:
            continue
        # (the next event may open with the scene sentence itself: "the attack was carried out in
        # Boqueron" names the incident told before it with the definite article, wherever the
        # assembly set its new act apart)
        place = read[span] if span in read else context.place_for(span)
        if place is None or place.span is None or place.span.start < end:
            continue  # a place before the verb is who reported it ("officials at Huancayo said the attack ...")
        if _CLAUSE.search(text, end, place.span.start):
            continue  # "the strike hit hard the morale of traders who came from Finote Selam": another clause's place
        if len(text[end:place.span.start].split()) > SCENE_GAP:
            continue  # "the incident took place in the context of increased tensions in the area between Turkana and Pokot"
        if home is not None and place.country != home:
            return None
        if current is not None and place.precision == 3 and current.precision < 3 and current.admin1 == place.admin1:
            return None  # a town inside the province the scene names: the finer place stands
        return replace(place, source=f"scene:{place.source}")
    return None
