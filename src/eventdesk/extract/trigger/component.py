"""The trigger step: which event sentences name an event ACLED codes, of which type and sub-type,
and where the words that decided it are (``classify``, with the cues of ``_cues``). The type can
depend on who is involved (an attack on soldiers is a battle, on villagers violence against
civilians), so the sentence's actors come in."""

from __future__ import annotations

from dataclasses import replace

from eventdesk.document import ArticleDoc
from eventdesk.extract.trigger.classify import classify

__all__ = ["read_triggers"]


def read_triggers(doc: ArticleDoc, services) -> ArticleDoc:
    text, context = doc.reading.text, doc.context
    found = {}
    for sentence in doc.event_sentences():
        span = sentence.span
        sentence_text = text[span.start:span.end]
        # who took part: the source of a statement ("police said") is no side of the event
        actors = tuple(m for m in doc.actors.get(span, ()) if m.role != "source")
        kinds = context.armed_hint(sentence_text)
        c = classify(
            sentence_text,
            armed_actors=kinds.armed,
            state_agent=kinds.state or any(m.actor.inter == 1 and m.role == "agent" for m in actors),
            actor_kinds=tuple(m.actor.inter for m in actors),
            agent_kinds=tuple(m.actor.inter for m in actors if m.role == "agent"),
        )
        if c is not None:
            found[span] = c
    return replace(doc, triggers=found)
