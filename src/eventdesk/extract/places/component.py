"""The places step: where each event sentence happened, and in which country.

A sentence's place is the gazetteer place chosen for it (``choose``; the statistical NER, run on
demand, says when a name with no place reading is a person's); its country is that place's,
else the country the sentence names ("inside Syria"), else the article's main country. Sentences
are read in text order: when the article names no country, the main country is that of the places
found so far.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from eventdesk.document import ArticleDoc
from eventdesk.gazetteer import GazetteerError, name_key
from eventdesk.extract.places._asides import aside_reader
from eventdesk.extract.places._facilities import facility_anaphor
from eventdesk.extract.places._neighbourhoods import later_part
from eventdesk.rules import word_list
from eventdesk.stages.parse import doc_text

__all__ = ["read_places"]

_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z]")


def _person_reader(parse, span, services):
    """``person(start, end)`` for the sentence ``span``: whether the statistical NER reads a
    person's name over those article offsets (run on the sentence only when first asked)."""
    nlp = getattr(services, "nlp", None)
    if parse is None or nlp is None or not hasattr(nlp, "entities"):
        return None

    def person(start: int, end: int) -> bool:
        # a person's name that holds more than the candidate ("Luis Carlos Galan" around "Galan");
        # the NER alone misreads a lone place name in wire copy ("Ayacucho was left in darkness").
        # With no capitalised word beside the candidate there is no longer name: no NER run
        a, b = start - span.start, end - span.start
        text = doc_text(parse)
        if not (_NAME_BEFORE.search(text, max(0, a - 30), a) or _NAME_AFTER.match(text, b)):
            return False
        return any(label == "PERSON" and s <= a and b <= e and (e - s) > (b - a)
                   for s, e, label in nlp.entities(parse))
    return person


#: how many sentences after an event's own are read for the part of its city they name
_PART_WINDOW = 5
#: how many sentences before one that names "the town" again are read for the town it means
TOWN_ANAPHOR_REACH = 6


@functools.cache
def _town_anaphor() -> re.Pattern[str]:
    """"in the small town", "at the village": ``place_words.json`` town_anaphors after a locative
    word and "the" (a size or side adjective between), never "the town of X"."""
    nouns = "|".join(sorted(word_list("place_words.json", "town_anaphors"), key=len, reverse=True))
    return re.compile(rf"\b(?:in|at|near|into|inside|outside)\s+the\s+(?:(?:small|little|tiny|same|nearby|remote|"
                      rf"rural|mountain|coastal|northern|southern|eastern|western)\s+)?(?:{nouns})\b"
                      rf"(?!\s+(?:of|called|named|known)\b|['’-])", re.IGNORECASE)


@functools.cache
def _nearby() -> re.Pattern[str]:
    """"the Catholic mission nearby", "a neighbouring village": ``place_words.json`` nearby_words."""
    words = "|".join(sorted(map(re.escape, word_list("place_words.json", "nearby_words")), key=len, reverse=True))
    return re.compile(rf"\b(?i:{words})\b(?!\s+(?i:to|of)\b)(?!\s+[A-Z][a-z])")


@functools.cache
def _province_anaphor() -> re.Pattern[str]:
    """"in this department", "throughout that province": ``place_words.json`` province_anaphors after
    a locative word and a demonstrative, never "this department of X", which names one."""
    nouns = "|".join(sorted(word_list("place_words.json", "province_anaphors"), key=len, reverse=True))
    return re.compile(rf"\b(?:in|of|throughout|across)\s+(?:this|that)\s+(?:{nouns})\b(?!\s+(?:of|called|named)\b|['’-])",
                      re.IGNORECASE)


def _province_named_before(context, before: list[Span]):
    """The province of the place the nearest of the sentences ``before`` names (not the dateline's
    town, nor the capital it means), placed at the province's capital (precision 3), for a sentence
    that names "this department" again; else ``None``."""
    for span in reversed(before):
        place = context.place_for(span)
        if place is None or not place.admin1 or place.source.startswith(("dateline:", "here:", "capital:")):
            continue
        if place.precision == 3:
            return replace(place, source=f"anaphor:{place.source}")
        try:
            capital = context.gazetteer.capital(place.country, place.admin1)
        except GazetteerError:
            return None
        return replace(place, admin2=capital.admin2, location=capital.name, latitude=capital.latitude,
                       longitude=capital.longitude, precision=3, source=f"anaphor:admin1:{capital.id}")
    return None


def _town_named_before(context, before: list[Span]):
    """The town the nearest of the sentences ``before`` names (its own place, a town or a part of one,
    not the dateline's or a province), for a sentence that names "the town" again; else ``None``."""
    for span in reversed(before):
        place = context.place_for(span)
        if place is not None and place.precision <= 2 and \
                not place.source.startswith(("dateline:", "here:", "capital:", "admin1:")):
            return replace(place, source=f"anaphor:{place.source}")
    return None


def _part_of_town_before(part, town, city: str):
    """The city part ``part`` (read as one of the dateline's ``city``, "Mexico City-San Miguel Octopan") as
    a part of ``town``, the town the sentences before it named, when that is another town of the same
    country; else ``part``."""
    if town is None or town.country != part.country or town.precision != 1 or \
            not part.location.startswith(f"{city}-") or name_key(town.location) == name_key(city):
        return part
    name = part.location.removeprefix(f"{city}-")  # (a city's own hyphens stay its own: "Port-au-Prince")
    return replace(town, location=f"{town.location}-{name}", precision=1,
                   source=f"part:{town.source.removeprefix('anaphor:')}", span=part.span)


def read_places(doc: ArticleDoc, services) -> ArticleDoc:
    context = doc.context
    places, countries = {}, {}
    spans = [s.span for s in doc.sentences]
    index = {span: i for i, span in enumerate(spans)}
    for sentence in doc.event_sentences():
        span = sentence.span
        parse = doc.docs.get(span)
        aside = aside_reader(parse, span.start, sentence.triggers)
        place = context.place_for(span, _person_reader(parse, span, services), aside)
        if place is None and span in index and (_town_anaphor().search(context.text, span.start, span.end)
                                                or _nearby().search(context.text, span.start, span.end)):
            # "... The incident took place in Puerto Bello. [...] the commando group caused some damage
            # in the small town": the town named last before it
            place = _town_named_before(context, spans[max(0, index[span] - TOWN_ANAPHOR_REACH):index[span]])
        if place is not None and place.source.startswith("part:dateline:") and span in index and \
                context.dateline_place is not None:
            # "MEXICO CITY -- a candidate was shot dead in the town of Celaya ... / She was greeting supporters
            # in the San Miguel Octopan neighborhood": a part of the town the story is in, not of the dateline's
            place = _part_of_town_before(place, _town_named_before(
                context, spans[max(0, index[span] - TOWN_ANAPHOR_REACH):index[span]]), context.dateline_place.location)
        if place is None and span in index and _province_anaphor().search(context.text, span.start, span.end):
            # "... murder in San Marcos, a department where the guerrillas have been active. / Rebel
            # groups detonated eight bombs [...] in this department": the province named last before it
            place = _province_named_before(context, spans[max(0, index[span] - TOWN_ANAPHOR_REACH):index[span]])
        if place is None and span in index:
            # "the general secretary of El Salvador University [...] soldiers entered the university
            # campus": the facility named last before it
            place = facility_anaphor(context.text, span, spans[max(0, index[span] - TOWN_ANAPHOR_REACH):index[span]],
                                     context.place_for, context.filed_from((span,)),
                                     context.sentence_country(span) or context.main_country)
        # "a bomb exploded in a Lima restaurant [...] located in the residential district of Miraflores"
        after = spans[index[span] + 1:index[span] + 1 + _PART_WINDOW] if span in index else []
        place = later_part(context.text, place or context.filed_from((span,)), after, context.place_for,
                           context.side_parts) or place
        places[span] = place
        countries[span] = place.country if place else (context.sentence_country(span) or context.main_country)
    return replace(doc, places=places, countries=countries)
