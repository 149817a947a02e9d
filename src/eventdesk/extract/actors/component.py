"""The actors step: who each event sentence names, under ACLED's naming, and in which role
(agent, patient, source of a statement, ...), read from the sentence's parse and named for the
sentence's country."""

from __future__ import annotations

from dataclasses import replace

from eventdesk.document import ArticleDoc
from eventdesk.extract.actors.find import actors_of_sentence

__all__ = ["read_actors"]


def read_actors(doc: ArticleDoc, services) -> ArticleDoc:
    dictionary = doc.context.actors
    found = {s.span: actors_of_sentence(doc.docs[s.span], s.span, doc.countries.get(s.span), dictionary)
             for s in doc.event_sentences()}
    return replace(doc, actors=found)
