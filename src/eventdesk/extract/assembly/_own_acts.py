"""Acts told after an event that are events of their own, not its details (``_merge._group`` asks):

* a further act of armed violence told as one more beside the event before it ("the rebels also blew up
  two posts", "in addition, a vehicle was destroyed by a dynamite charge", "in addition to the attack on the
  attorney general, there were other attacks", ``told_beside``) or told by a time from it
  ("within 15 minutes the attackers detonated a car bomb at the embassy"; ``further_act``);
* an act of armed violence a rebel group, a militia, a gang or a foreign force is named doing, or a blast
  no crowd is named setting off, told after a protest or a riot: another actor pair
  (``armed_group_after_crowd``; CODEBOOK section 1, splitting).

Private: import from ``eventdesk.extract.assembly.events``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from eventdesk.extract.trigger import classify as cls_stage
from eventdesk.rules import pattern, word_list

if TYPE_CHECKING:
    from eventdesk.extract.assembly._merge import Candidate

__all__ = ["ERV_OR_BATTLE", "armed_group_after_crowd", "further_act", "told_apart", "told_beside", "series_goes_on",
           "at_another_hour", "times_of_day", "harm_lemmas"]


# for "is this the same kind of event": armed violence of any kind counts as one family
ERV_OR_BATTLE = {
    cls_stage.BATTLES: "armed", cls_stage.ERV: "armed", cls_stage.VAC: "armed",
}


#: The inter codes of non-state armed actors (rebels, political and identity militias) and of foreign
#: forces: none of them is the force that polices a crowd (that is the state's, inter 1).
_NON_POLICING_ARMED = frozenset({2, 3, 4, 8})
#: The inter codes of crowds: rioters and protesters.
_CROWDS = frozenset({5, 6})


def armed_group_after_crowd(a: Candidate, b: Candidate) -> bool:
    """"The magistrates resigned today to protest the murder of a justice ... He and 47 colleagues had
    resigned to protest the assassination of magistrate X by paid assassins of drug traffickers", "Students
    held a demonstration ... Guerrillas then hurled a bomb at the barracks", "unions called a strike to
    protest the attack ... The dynamite attack against the federation's headquarters left 9 dead": an act
    of armed violence done by a rebel group, a militia, a gang or a foreign force, or a blast no crowd is
    named setting off, told after a protest or a riot, is another actor's act, another actor pair than the
    crowd's and an event of its own (CODEBOOK section 1, splitting), never the crowd's violence or a
    force's intervention. The state's forces firing on the crowd stay the protest's intervention, and an
    attack no one is named doing stays with the crowd."""
    if a.classification.event_type not in (cls_stage.PROTESTS, cls_stage.RIOTS) or \
            ERV_OR_BATTLE.get(b.classification.event_type) != "armed":
        return False
    agents = [m.actor.inter for m in b.actors if m.role == "agent"]
    if b.classification.event_type == cls_stage.ERV and not any(inter in _CROWDS for inter in agents):
        return True  # a blast no crowd is named setting off
    return any(inter in _NON_POLICING_ARMED for inter in agents)


def further_act(group: list[Candidate], b: Candidate) -> bool:
    """"Urban guerrillas attacked the Government House ... The rebels also blew up two high-tension
    posts", "In addition, a ministry vehicle was destroyed by a dynamite charge", "Another charge went
    off at the gate", "Within 15 minutes the attackers detonated a car bomb at the embassy": an act of
    armed violence told as one more beside the event before it (an additive word, ``assembly_words.json``
    additive_acts, read from the parse by ``_additive``) or by a time from it (``_sequel``), with no date, place
    or pointer back of its own, is an act of its own, not a detail of that event. A death or an injury
    told so ("two civilians were also wounded") is the event's toll and stays in it, and so does an
    explosion no one is said to cause during a fight ("fighting continued ... explosions were also heard")."""
    if b.date is not None or b.place is not None or b.anaphoric:
        return False
    if ERV_OR_BATTLE.get(b.classification.event_type) != "armed" or \
            not any(ERV_OR_BATTLE.get(c.classification.event_type) == "armed" for c in group):
        return False
    words = _act_words(b)
    if words is None or not (_additive(*words) or _sequel(*words)):
        return False
    verb = words[1]
    # "fighting continued ... Strong explosions have also been heard": no one does it, the fight's own
    return not any(c.classification.event_type == cls_stage.BATTLES for c in group) or \
        any(m.role == "agent" for m in b.actors) or any(c.dep_ == "nsubj" for v in _conjoined(verb) for c in v.children)


def at_another_hour(group: list[Candidate], b: Candidate, hours) -> bool:
    """"Unidentified persons planted a bomb under a car at the Soviet embassy ... This happened at 2015
    local time. And at 2030 hours a Volkswagen parked near the entrance of the Chinese embassy exploded":
    an act of armed violence told at a time of day (``times_of_day``) other than the one the story last
    named since the event began, with no pointer back of its own, is another act, not a detail of that
    event. ``hours(group, b)`` gives the times of day ``b``'s sentence names and those the nearest earlier
    sentence since the group's first names. A fight told hour by hour ("fighting broke out at 0600 ... at
    0900 the rebels stormed the barracks") stays one battle, and a thing told before that acts at the later
    hour ("a parcel was left at the gate at 2100 ... At 2110 hours the bomb went off") the same act."""
    if hours is None or b.anaphoric or ERV_OR_BATTLE.get(b.classification.event_type) != "armed":
        return False
    if b.classification.event_type == cls_stage.BATTLES and \
            any(c.classification.event_type == cls_stage.BATTLES for c in group):
        return False
    own, before = hours(group, b)
    return bool(own and before) and not own & before and not _definite(b)


#: determiners by which a noun points at one thing told before ("the bomb", "that car")
_DEFINITE = frozenset("the this that these those its their".split())


def _definite(b: Candidate) -> bool:
    """Whether the words that typed ``b``, or the subject of their verb, point back at one thing told
    before ("At 2110 hours the bomb went off": the bomb the story told of)."""
    words = _act_words(b)
    if words is None:
        return False
    root, verb = words
    heads = [root, *(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))]
    return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for h in heads for c in h.children)


def times_of_day(told: str) -> frozenset[int]:
    """The times of day, in minutes after midnight, that ``told`` names at ("at 2030 hours", "at about
    10:30 p.m."; ``assembly_words.json`` times_of_day)."""
    found = set()
    for m in _time_of_day().finditer(told):
        if m.group("hh"):
            found.add(int(m.group("hh")) * 60 + int(m.group("mm")))
        else:
            hour = int(m.group("h")) % 12 + (12 if m.group("pm") else 0)
            found.add(hour * 60 + int(m.group("m") or 0))
    return frozenset(found)


@cache
def _time_of_day() -> re.Pattern[str]:
    return re.compile(pattern("assembly_words.json", "times_of_day"), re.IGNORECASE)


def series_goes_on(b: Candidate) -> bool:
    """"The dynamite attacks continued today when an explosive device went off at a private factory in
    Itagui", "The attacks resumed on Friday when gunmen stormed a village near Jos": a pointer back at a
    series of acts (a plural), the subject of a verb that says the series went on (``assembly_words.json``
    series_verbs), and a "when" clause on that verb that tells an act of armed violence: that act is one
    more of the series, an event of its own, not the event told before."""
    if b.doc is None or not b.anaphoric:
        return False
    for verb in b.doc:
        if verb.lemma_.lower() not in word_list("assembly_words.json", "series_verbs") or \
                not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "NNS" for c in verb.children):
            continue  # a series is plural: "the attack continued when the gunmen opened fire" is one act going on
        # "continued today when ...", or "continued later in the day when ..." (a clause on "day")
        for clause in (t for t in verb.subtree if t.dep_ in ("advcl", "relcl") and t.head.i >= verb.i):
            if any(w.lower_ == "when" and w.dep_ in ("advmod", "mark") for w in clause.children):
                told = b.doc[clause.left_edge.i : clause.right_edge.i + 1].text
                found = cls_stage.classify(told)
                if found is not None and ERV_OR_BATTLE.get(found.event_type) == "armed":
                    return True
    return False


def _conjoined(verb) -> list:
    """The verb and, for the second verb of a pair, the first ("also burned two buses and detonated a
    bomb"): what modifies or opens the pair is said of both."""
    return [verb, verb.head] if verb.dep_ == "conj" else [verb]


def _act_words(b: Candidate):
    """The head of the words that typed the sentence and the verb they hang on ("blew", "charge" in
    "destroyed by a dynamite charge", "another charge went off"), from its parse; None without one."""
    if b.doc is None:
        return None
    span = b.doc.char_span(b.type_span.start - b.sentence.start, b.type_span.end - b.sentence.start,
                           alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return span.root, verb


def told_apart(b: Candidate) -> bool:
    """"An Italian nun was killed in a separate attack on the mission nearby", "In another attack, two
    soldiers died": an act the sentence itself sets in another act (``assembly_words.json`` apart_words
    on an act noun, separate_act_nouns, after "in") is an event of its own, whatever it harmed, whatever
    day and place it shares with the event before it."""
    if b.doc is None:
        return False
    apart = word_list("assembly_words.json", "apart_words")
    nouns = word_list("assembly_words.json", "separate_act_nouns")
    return any(t.dep_ == "pobj" and t.head.lower_ == "in" and t.lemma_.lower() in nouns
               and any(c.dep_ in ("det", "amod") and c.lower_ in apart for c in t.children) for t in b.doc)


def _additive(root, verb) -> bool:
    """Whether the act that typed a sentence (``root`` and ``verb``, see ``_act_words``) is told as one
    more: "also" or "too" on its verb, an opening "in addition" or "in another attack", "another" or
    "separate" before its subject or its act noun; never a death or an injury."""
    words = word_list("assembly_words.json", "additive_acts")
    if {root.lemma_.lower(), verb.lemma_.lower()} & harm_lemmas():
        return False  # "two civilians were also wounded": the toll of the event before it
    for token in (c for v in _conjoined(verb) for c in v.children):
        if token.dep_ == "advmod" and token.lower_ in words:
            return True  # "the rebels also blew up two posts"
        if token.dep_ == "prep" and token.lower_ == "in" and \
                any(c.lower_ in words and not any(c.children) for c in token.children):
            return True  # "in addition, a vehicle was destroyed" (not "in addition to opposing them")
        if token.dep_ in ("prep", "advmod") and _beside_an_act(token):
            return True  # "in addition to the attack on the attorney general, there were other attacks"
    # "another charge went off", "a separate bomb", "in another attack, gunmen opened fire on ..."
    heads = [root, *(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
             *(g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj")]
    return any(c.dep_ in ("det", "amod") and c.lower_ in words for h in heads for c in h.children)


def told_beside(b: Candidate) -> bool:
    """Whether ``b``'s act is told beside an act the report named before ("In addition to the attack on the
    attorney general, there were other attacks, in which two ideologues were killed"; see ``_beside_an_act``):
    a phrase on its verb (or the first of a pair) names that act. Such an act is told in that act's time."""
    words = _act_words(b)
    if words is None:
        return False
    return any(c.dep_ in ("prep", "advmod") and _beside_an_act(c) for v in _conjoined(words[1]) for c in v.children)


def _beside_an_act(token) -> bool:
    """Whether the phrase ``token`` opens names an act the sentence tells its own act beside: a word of
    ``assembly_words.json`` beside_heads ("in addition to", "besides", "apart from") over an act noun
    (``scope_frames.json`` act_nouns): "in addition to the attack on the attorney general", "besides the
    bombing"; not "in addition to opposing them"."""
    beside = word_list("assembly_words.json", "beside_heads")
    acts = word_list("scope_frames.json", "act_nouns")
    return any(t.lemma_.lower() in beside and
               any(a.dep_ == "pobj" and a.lemma_.lower() in acts for a in t.subtree if a.i != t.i)
               for t in token.subtree)


def _sequel(root, verb) -> bool:
    """Whether the act that typed a sentence is told by a time from the act before it ("Within 15 minutes
    the attackers detonated a car packed with explosives at the entrance of the embassy", "twenty minutes
    later, gunmen opened fire on the ambulance"; ``assembly_words.json`` sequel_times); never a death or an
    injury ("the driver died two hours later")."""
    if {root.lemma_.lower(), verb.lemma_.lower()} & harm_lemmas():
        return False
    return _sequel_times().search(root.doc.text) is not None


@cache
def _sequel_times() -> re.Pattern[str]:
    return re.compile(pattern("assembly_words.json", "sequel_times"), re.IGNORECASE)


@cache
def harm_lemmas() -> frozenset[str]:
    """The lemmas of dying, killing and injuring (``toll_words.json``): a toll, not an act."""
    return frozenset(word_list("toll_words.json", "lethal_verb_lemmas")) | \
        frozenset(word_list("toll_words.json", "dying_verb_lemmas")) | \
        frozenset(word_list("toll_words.json", "injury"))
