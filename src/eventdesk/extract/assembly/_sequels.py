"""Two acts one sentence joins, the second told as following the first: "Militants attacked a police
station in Mandera on Monday and then ambushed the troops sent to help", "The rebels ambushed an army
patrol near Gao and later shelled the town, killing two civilians". When the second act is done to
another side than the first (another actor pair), ACLED codes it as an event of its own (CODEBOOK section
1, splitting); acts of the same actors ("attacked the town hall and then burned three buses", "the vehicle
drove over an IED and was then shot at by the militants") stay one event of the highest type (merging). The adverbs are ``assembly_words.json`` sequel_adverbs.

Two acts a sentence joins as two clauses, each with a subject and a place of its own ("One bomb was placed
in the Ivu neighborhood, and a fragmentation grenade exploded near the Santa Isabel neighborhood", "A car
bomb went off in Mandera, and gunmen attacked a police post in Wajir"), or an act and one a relative clause
tells of those it was done to ("Army helicopters fired rockets at the slopes of the volcano, at the guerrilla
columns that attacked San Ramon"), happened at two places: ACLED codes one event per location and day (CODEBOOK
section 0), so each is an event of its own (``by_placed_clause``).

Private: import from ``eventdesk.extract.assembly.events``.
"""

from __future__ import annotations

from dataclasses import replace

from eventdesk.extract.assembly._days import _clause, _typed_by_clause
from eventdesk.extract.assembly._merge import Candidate, EventSettings
from eventdesk.extract.assembly._items import _even, _share
from eventdesk.extract.assembly._own_acts import ERV_OR_BATTLE, harm_lemmas
from eventdesk.extract.trigger import classify as cls_stage
from eventdesk.extract.tolls.count import count_fatalities
from eventdesk.model import Span
from eventdesk.rules import word_list
from eventdesk.stages.parse import doc_text

__all__ = ["by_sequel_act", "by_placed_clause"]


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


def by_placed_clause(cand: Candidate, text: str, settings: EventSettings, context) -> list[Candidate]:
    """The candidate, or its two acts told as two clauses at two places (see the module) as two candidates:
    each with the place, the toll and the actors its own clause gives, typed by its own clause (the first
    keeps the sentence's type when its clause names no act word: "one was placed in the Ivu neighborhood",
    one of the bombs told before). The second clause must tell an act of armed violence with a subject of
    its own, the first one too or the use of a device (``_device_used``); both clauses must name places, two
    locations (``_two_locations``). The second is marked ``sequel``: an
    event of its own, never merged back into the first."""
    if cand.doc is None or cand.clause is not None or ERV_OR_BATTLE.get(cand.classification.event_type) != "armed":
        return [cand]
    for verb, second in _clause_pairs(cand.doc):
        second_clause, first_clause = _clause(cand, second.i), _before(cand, verb, second)
        if not _armed(cand, text, second_clause, second) or second.lemma_.lower() in harm_lemmas() or \
                not (_armed(cand, text, first_clause, verb) or _device_used(cand, verb)):
            continue  # (a harm in the second clause, "and three others injured when ...", is the act's toll)
        places = [context.place_for(first_clause), context.place_for(second_clause)]
        if not _two_locations(*places):
            continue
        own2 = {t.i for t in second.subtree}
        tolls = _clause_tolls(cand, text, (first_clause, second_clause), settings)
        one = replace(cand, actors=tuple(m for m in cand.actors if m.trigger not in own2), clause=first_clause,
                      place=places[0], fatalities=tolls[0])
        one = _typed_by_clause(one, text, first_clause)
        two = replace(cand, actors=tuple(m for m in cand.actors if m.trigger in own2), clause=second_clause,
                      sequel=True, place=places[1], fatalities=tolls[1])
        two = _typed_by_clause(replace(two, type_span=replace(two.type_span, start=second_clause.start - 1,
                                                              end=second_clause.start - 1)), text, second_clause)
        return [one, two]
    return [cand]


def _clause_pairs(doc):
    """The pairs of verbs whose clauses may tell two acts: a verb and the one joined to it with a subject of
    its own ("a bomb went off in Mandera, and gunmen attacked a post in Wajir"), or a verb and the verb of a
    relative clause whose subject is the word it hangs on ("helicopters fired rockets at the guerrilla columns
    that attacked San Ramon"; not "in La Motosa, where the pipeline was dynamited", the act told again)."""
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
                yield verb, c
                break
        for c in verb.subtree:
            if c.dep_ == "relcl" and c.pos_ == "VERB" and c.i > verb.i and \
                    any(s.dep_ == "nsubj" and s.tag_ in ("WDT", "WP") for s in c.children) and \
                    _governing_verb(c).i == verb.i:
                yield verb, c


def _governing_verb(token):
    """The nearest verb above ``token``."""
    head = token.head
    for _ in range(8):
        if head.pos_ == "VERB" or head.head.i == head.i:
            return head
        head = head.head
    return head


def _clause_tolls(cand: Candidate, text: str, clauses: tuple[Span, Span], settings: EventSettings) -> list:
    """The toll each clause tells; when neither tells one and the sentence does ("two air raids were reported
    in Sirwah district and five others on Khabb district, killing and injuring a number of fighters"), the
    sentence's toll shared evenly between them, the remainder on the first."""
    war = (cand.country or "") in settings.war_zones
    tolls = [count_fatalities(text, [clause], war_zone=war) for clause in clauses]
    if any(t.best for t in tolls) or not cand.fatalities.best:
        return tolls
    how = f"{cand.fatalities.how}; shared between the two places its sentence tells".strip("; ")
    return [_share(cand.fatalities, n, how) for n in _even(cand.fatalities.best, len(clauses))]


def _armed(cand: Candidate, text: str, clause: Span, verb) -> bool:
    """Whether ``clause`` tells an act of armed violence by its own words, and those words are its ``verb`` or
    its subject ("gunmen attacked a police post", "a fragmentation grenade exploded"): not a word of its object
    or of a participle after it ("the official reports on the killing in Arboledas", ", killing a number of
    fighters")."""
    told = cls_stage.classify(text[clause.start:clause.end])
    if told is None or ERV_OR_BATTLE.get(told.event_type) != "armed":
        return False
    start = clause.start - cand.sentence.start + told.start
    own = [verb, *(t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)]
    return any(t.idx <= start < t.idx + len(t) for t in own)


def _device_used(cand: Candidate, verb) -> bool:
    """Whether ``verb`` tells a use of the device the sentence's explosion names ("one was placed in the Ivu
    neighborhood, and a fragmentation grenade exploded ..."; ``scope_frames.json`` weapon_uses), not a verb
    of saying or reporting ("the official reports on the case in Arboledas, and those carried by RCN")."""
    return cand.classification.event_type == cls_stage.ERV and \
        verb.lemma_.lower() in word_list("scope_frames.json", "weapon_uses")


def _two_locations(a, b) -> bool:
    """Whether places ``a`` and ``b`` (either may be None) are two locations ACLED codes apart: two towns, or
    two named parts of a city ("San Salvador-Ivu", "San Salvador-Santa Isabel"); not a town and its province."""
    if a is None or b is None or max(a.precision, b.precision) >= 3:
        return False
    return a.location != b.location


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
