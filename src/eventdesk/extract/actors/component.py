"""The actors step: who each event sentence names, under ACLED's naming, and in which role
(agent, patient, source of a statement, ...), read from the sentence's parse and named for the
sentence's country."""

from __future__ import annotations

from dataclasses import replace

from eventdesk.document import ArticleDoc
from eventdesk.extract.actors.find import actors_of_sentence

__all__ = ["article_year", "read_actors"]


def read_actors(doc: ArticleDoc, services) -> ArticleDoc:
    dictionary = doc.context.actors
    year = article_year(doc)
    found = {s.span: actors_of_sentence(doc.docs[s.span], s.span, doc.countries.get(s.span), dictionary, year)
             for s in doc.event_sentences()}
    return replace(doc, actors=found)


def article_year(doc: ArticleDoc) -> int | None:
    """The year the article speaks of: its publication's, else the latest date it states, else None."""
    if doc.publication is not None and doc.publication.date is not None:
        return doc.publication.date.year
    anchors = getattr(doc.context, "anchors", ())
    dates = [a.date.date for a in anchors if a.date is not None and a.date.date is not None]
    return max(dates).year if dates else None
