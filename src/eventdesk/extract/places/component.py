"""The places step: where each event sentence happened, and in which country.

A sentence's place is the gazetteer place chosen for it (``choose``); its country is that place's,
else the country the sentence names ("inside Syria"), else the article's main country. Sentences
are read in text order: when the article names no country, the main country is that of the places
found so far.
"""

from __future__ import annotations

from dataclasses import replace

from eventdesk.document import ArticleDoc

__all__ = ["read_places"]


def read_places(doc: ArticleDoc, services) -> ArticleDoc:
    context = doc.context
    places, countries = {}, {}
    for sentence in doc.event_sentences():
        span = sentence.span
        place = context.place_for(span)
        places[span] = place
        countries[span] = place.country if place else (context.sentence_country(span) or context.main_country)
    return replace(doc, places=places, countries=countries)
