"""Two acts one sentence joins, the second told as following the first: "Militants attacked a police
station in Mandera on Monday and then ambushed the troops sent to help", "The rebels ambushed an army
patrol near Gao and later shelled the town, killing two civilians". When the second act is done to
another side than the first (another actor pair), ACLED codes it as an event of its own (CODEBOOK section
1, splitting); acts of the same actors ("attacked the town hall and then burned three buses", "the vehicle
drove over an IED and was then shot at by the militants") stay one event of the highest type (merging). The adverbs are ``assembly_words.json`` sequel_adverbs.

Private: import from ``eventdesk.extract.assembly.events``.
"""

from __future__ import annotations

from dataclasses import replace

from eventdesk.extract.assembly._days import _clause, _typed_by_clause
from eventdesk.extract.assembly._merge import Candidate, EventSettings
from eventdesk.extract.assembly._own_acts import ERV_OR_BATTLE
from eventdesk.extract.tolls.count import count_fatalities
from eventdesk.model import Span
from eventdesk.rules import word_list
from eventdesk.stages.parse import doc_text

__all__ = ["by_sequel_act"]


def by_sequel_act(cand: Candidate, text: str, settings: EventSettings, context) -> list[Candidate]:
    """The candidate, or its two acts done to two sides (see the module) as two candidates: each typed by its own clause,
    with the actors its own verb gives a role (the second keeps the agent they share), the toll its own
    clause tells and the place it names (the sentence's when it names none). The second is marked
    ``sequel``: an event of its own, never merged back into the first."""
    if cand.doc is None or cand.clause is not None or ERV_OR_BATTLE.get(cand.classification.event_type) != "armed":
        return [cand]
    verb = _typing_verb(cand)
    if verb is None:
        return [cand]
    second = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and
                   any(a.dep_ == "advmod" and a.lower_ in word_list("assembly_words.json", "sequel_adverbs")
                       for a in c.children)), None)
    if second is None:
        return [cand]
    second_clause = _clause(cand, second.i)
    first_clause = _before(cand, verb, second)
    own2 = {t.i for t in second.subtree}
    first_actors = tuple(m for m in cand.actors if m.trigger not in own2)
    second_actors = tuple(m for m in cand.actors if m.trigger in own2 or (m.role == "agent" and m.trigger == verb.i))
    war = (cand.country or "") in settings.war_zones
    one = replace(cand, actors=first_actors, clause=first_clause,
                  fatalities=count_fatalities(text, [first_clause], war_zone=war))
    one = _typed_by_clause(one, text, first_clause)
    two = replace(cand, actors=second_actors, clause=second_clause, sequel=True,
                  place=context.place_for(second_clause) or cand.place,
                  fatalities=count_fatalities(text, [second_clause], war_zone=war))
    two = _typed_by_clause(replace(two, type_span=replace(two.type_span, start=second_clause.start - 1,
                                                          end=second_clause.start - 1)), text, second_clause)
    if not second_clause.start <= two.type_span.start < second_clause.end or \
            ERV_OR_BATTLE.get(two.classification.event_type) != "armed":
        return [cand]  # the second clause tells no armed act of its own
    patients = [{m.actor.name for m in c.actors if m.role == "patient"} for c in (one, two)]
    if not all(patients) or patients[0] & patients[1]:
        return [cand]  # the same side, or a side not named: the same actors' acts, merged (CODEBOOK section 1)
    return [one, two]


def _before(cand: Candidate, verb, second) -> Span:
    """The first act's clause: its verb's words up to the "and" that joins the second ("Militants attacked
    a police station in Mandera on Monday")."""
    start = min(t.idx for t in verb.subtree)
    joint = [c for c in verb.children if c.dep_ == "cc" and c.i < second.i]
    end = (joint[-1].idx if joint else min(t.idx for t in second.subtree))
    end = start + len(doc_text(cand.doc)[start:end].rstrip(" ,;"))
    return Span(cand.sentence.article_id, cand.sentence.start + start, cand.sentence.start + end)


def _typing_verb(cand: Candidate):
    """The verb the words that typed the candidate hang on (the word itself when it is one), or None."""
    start = cand.type_span.start - cand.sentence.start
    token = next((t for t in cand.doc if t.idx <= start < t.idx + len(t)), None)
    for _ in range(4):
        if token is None or token.pos_ == "VERB":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None
