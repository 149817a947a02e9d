"""The scope step: whether each typed event sentence reports an event as fact, or why not
(negated, denied, future, hypothetical, a threat or plan, an aggregate, ...; ``modality``)."""

from __future__ import annotations

from dataclasses import replace

from eventdesk.document import ArticleDoc
from eventdesk.extract.scope import modality
from eventdesk.extract.trigger.classify import cues

__all__ = ["read_scope"]


def read_scope(doc: ArticleDoc, services) -> ArticleDoc:
    text = doc.reading.text
    index = {s.span: i for i, s in enumerate(doc.sentences)}
    verdicts = {}
    for span, c in doc.triggers.items():
        parse = doc.docs[span]
        lead = index[span] < 2
        verdict = modality.judge(parse, c.start, c.end, lead=lead)
        factual = verdict.factual or _another_cue_is_factual(parse, text[span.start:span.end], c, lead)
        verdicts[span] = "" if factual else verdict.reason
    return replace(doc, verdicts=verdicts)


def _another_cue_is_factual(parse, sentence_text: str, c, lead: bool) -> bool:
    """"Police fought armed clans [who were preparing to attack villages]": the cue that typed the
    sentence sits in a planned clause, but another event word of the sentence reports a fact."""
    for m in cues(sentence_text).values():
        if (m.start(), m.end()) == (c.start, c.end):
            continue
        if modality.judge(parse, m.start(), m.end(), lead=lead).factual:
            return True
    return False
