"""The trigger step: which event sentences name an event ACLED codes, of which type and sub-type,
and where the words that decided it are (``classify``, with the cues of ``_cues``). The type can
depend on who is involved (an attack on soldiers is a battle, on villagers violence against
civilians), so the sentence's actors come in."""

from __future__ import annotations

from dataclasses import replace

from eventdesk.document import ArticleDoc
from eventdesk.extract.trigger.classify import classify, tells_a_protest

__all__ = ["classify_sentence", "read_triggers", "without_sources"]


def read_triggers(doc: ArticleDoc, services) -> ArticleDoc:
    text = doc.reading.text
    found = {}
    for sentence in doc.event_sentences():
        span = sentence.span
        c = classify_sentence(doc, span, text[span.start:span.end])
        if c is not None:
            found[span] = c
    return replace(doc, triggers=found)


def classify_sentence(doc: ArticleDoc, span, sentence_text: str):
    """The type of one event sentence (``sentence_text``: its text, or the same with words blanked out
    at the same offsets), with the actors the sentence names."""
    # who took part: the source of a statement ("police said") is no side of the event
    found_here = doc.actors.get(span, ())
    actors = tuple(m for m in found_here if m.role != "source")
    told = without_sources(sentence_text, span, found_here)
    kinds = doc.context.armed_hint(told)
    return classify(
        told,
        armed_actors=kinds.armed,
        state_agent=kinds.state or any(m.actor.inter == 1 and m.role == "agent" for m in actors),
        actor_kinds=tuple(m.actor.inter for m in actors),
        agent_kinds=tuple(m.actor.inter for m in actors if m.role == "agent"),
        protest_report=tells_a_protest(doc.lead_text()),
    )


def without_sources(sentence_text: str, span, mentions) -> str:
    """The sentence with the words of its statements' sources blanked (same offsets): "Police said
    rebels shot the mayor" counts the rebels as an armed side, not the police who said it."""
    acting = {m.actor.span for m in mentions if m.role != "source"}  # "police said they raided": also the agent
    for m in mentions:
        where = m.actor.span
        if m.role == "source" and where is not None and where not in acting and \
                span.start <= where.start < where.end <= span.end:
            a, b = where.start - span.start, where.end - span.start
            sentence_text = sentence_text[:a] + " " * (b - a) + sentence_text[b:]
    return sentence_text
