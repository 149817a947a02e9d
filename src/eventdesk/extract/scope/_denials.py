"""A claim and its denial in the next sentence (the scope step asks): "We have seen dispatches reporting
that the FMLN has taken hostages. We do not hold foreigners hostage", "The radio said the army bombed the
village. That is not true". The first sentence tells what someone claims, the second denies it: neither
reports an act (``CODEBOOK.md`` section 5: statements and accusations are no events). Read only inside one
paragraph; a denial (in the first person, or an act word under a negation) counts only after an act
told as what someone says or reports, and when both sentences were typed by the same kind of act, so
that "Gunmen killed a judge. We did not see the attackers" or "Rebels kidnapped two engineers. They
did not kidnap the third" keeps the act. The phrases are
``refutation_patterns`` and ``own_denial_patterns`` of ``data/rules/scope_frames.json``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventdesk.extract.scope.modality import _cue_token

if TYPE_CHECKING:
    from eventdesk.document import ArticleDoc
    from eventdesk.extract.scope.frames import FrameRules

__all__ = ["denied_claims"]

REFUTED = "a claim the next sentence refutes ('... That is not true'), not a report"
DENIED = "a claim and its denial ('... We do not take hostages'), not a report"


def denied_claims(doc: ArticleDoc, verdicts: dict, violent: frozenset[str], rules: FrameRules) -> dict:
    """The reasons to reject a sentence kept as fact (a "" verdict of a ``violent`` type) whose next
    sentence in its paragraph refutes it, and the denying sentence when it names the same kind of act."""
    text = doc.reading.text
    out = {}
    sentences = doc.sentences
    for here, after in zip(sentences, sentences[1:]):
        span, nxt = here.span, after.span
        told = doc.triggers.get(span)
        if told is None or verdicts.get(span) != "" or told.event_type not in violent:
            continue
        if "\n\n" in text[span.end:nxt.start]:
            continue
        following = text[nxt.start:nxt.end]
        if any(p.search(following) for p in rules.refutation_patterns):
            out[span] = REFUTED
            continue
        denial = doc.triggers.get(nxt)
        if denial is not None and denial.cue == told.cue and nxt in doc.docs and \
                _attributed(doc.docs[span], told.start, told.end, rules) and (
                any(p.search(following) for p in rules.own_denial_patterns)
                or _negated_act(doc.docs[nxt], denial.start, denial.end)):
            out[span] = DENIED
            out[nxt] = DENIED
    return out


def _attributed(parse, start: int, end: int, rules: FrameRules) -> bool:
    """Whether the act word at [start, end) is told as what someone says or reports ("dispatches
    reporting that the FMLN has taken hostages"): a verb of saying over it."""
    token = _cue_token(parse, start, end)
    if token is None:
        return False
    if any(a.pos_ == "VERB" and a.lemma_.lower() in rules.speech_verbs for a in token.ancestors):
        return True
    # a parse that a bracketed name split in two ("reporting that the FMLN [Farabundo Marti ...] has
    # taken hostages") still has the verb of saying and its "that" before the act
    return any(t.pos_ == "VERB" and t.lemma_.lower() in rules.speech_verbs and t.nbor().lower_ == "that"
               for t in parse[:token.i])


def _negated_act(parse, start: int, end: int) -> bool:
    """Whether the act word at [start, end) of a sentence is done under a negation: the verb itself or
    the verb it is the object of ("the FMLN does not take hostages"); not a subject's ("the killers have
    not been identified" denies no killing)."""
    token = _cue_token(parse, start, end)
    if token is None:
        return False
    verb = token if token.pos_ in ("VERB", "AUX") else (
        token.head if token.dep_ in ("dobj", "oprd", "attr") and token.head.pos_ in ("VERB", "AUX") else None)
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)
