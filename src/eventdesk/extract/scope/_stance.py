"""Frames of an act named as what someone feels, judges or gives as a reason (``frames`` calls them).

A statement about an act is not its report (``CODEBOOK.md`` section 5: statements, accusations and
condemnations are no events; background mentions neither):

* a mood over an act: "the government is concerned over a massacre against the people", "we are
  outraged at the murder of our colleague": the sentence tells the mood;
* a stand on an act the report told before: "we repudiate this attack on the correspondent" (a
  pointing determiner: the act is told elsewhere, if the report tells it at all; "repudiated the
  brutal assassination of the priests" may be the only report of it and is left alone);
* an act given as the reason for something: "the reason for this is the recent massacre";
* acts characterised in the present: "the setting of explosive devices and the kidnappings are an
  attempt by some to give the government justification", "the attacks are part of a campaign to
  derail the talks" (a reading of acts told elsewhere, if at all; "Monday's attack was an attempt
  to kill the governor" has its day and is past);
* a count asked or unknown: "we do not know how many people were killed", "it was not possible to
  know how many people died in the clash", "how many mayors have been killed?" (the question of a
  toll; the act, if the report tells it, is told elsewhere);
* an act reacted to: "promised to react to our attacks on the general staff", "vowed to retaliate
  for the killing of its commander" (a definite or possessive act: one told elsewhere, if at all;
  "responded to an attack on a checkpoint" may be its only report and is left alone);
* an act told only as a sound someone heard: "strong explosions were heard in the northern sector",
  "following heavy shooting that had been heard for an hour", "the sound of gunfire": no side, no
  target, no weapon, no act done (what the report tells of the fight, if anything, is told elsewhere).

An act with a day of its own ("concerned over Monday's massacre in the village") is still reported.
Their word lists are ``mood_words``, ``stance_verbs``, ``reason_nouns``, ``reading_nouns``,
``response_verbs``, ``perception_verbs`` and ``sound_nouns`` of ``scope_frames.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventdesk.extract.scope._mentions import _DAY_WORDS, _first_conjunct, _subtree_text

if TYPE_CHECKING:
    from eventdesk.extract.scope.frames import FrameRules

__all__ = ["characterised", "count_asked", "heard", "mood_object", "reacted_to", "reason_given", "stance_on_told_act"]

_POINTING = frozenset({"this", "that", "these", "those"})


def _act_phrase(token, rules: FrameRules):
    """The act noun at the head of the act's phrase: past conjuncts and appositions that are act
    nouns too ("over a massacre, an attack on the people"). An apposition to another noun names
    what that noun means, and the act is its own phrase ("condemns this kind of action, the murder
    of General Alvarez": the murder is told)."""
    head = token
    while head.dep_ in ("conj", "appos") and head.head.i != head.i and _act_noun(head.head, rules):
        head = head.head
    return head


def _own_day(phrase) -> bool:
    """Whether the act's phrase names a day, outside a relative clause on a noun in it ("this attack
    on the correspondent, who was arrested and released last night": the night is the arrest's)."""
    text = _subtree_text(phrase)
    start = next(iter(phrase.subtree)).idx
    for clause in (t for t in phrase.subtree if t.dep_ == "relcl"):
        words = list(clause.subtree)
        a, b = words[0].idx - start, words[-1].idx + len(words[-1]) - start
        text = text[:a] + " " * (b - a) + text[b:]
    return bool(_DAY_WORDS.search(text))


def _act_noun(token, rules: FrameRules) -> bool:
    """A noun of one violent act ("massacre", "attack"); a weapon ("the cause was a bomb") is none."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in rules.act_nouns


def _word_in(token, words: frozenset[str]) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words


def mood_object(token, rules: FrameRules) -> str:
    """An act that is what a mood is over or about: "the government is concerned over a massacre",
    "relatives were outraged at the killing". The parse may hang the preposition on the verb "be"
    rather than on the mood's adjective ("is concerned over this, over a massacre")."""
    if not _act_noun(token, rules):
        return ""
    phrase = _act_phrase(token, rules)
    prep = phrase.head
    if phrase.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("over", "about", "at", "by"):
        return ""
    owner = prep.head
    moods = [owner] if owner.pos_ in ("ADJ", "VERB") else []
    if owner.lemma_ == "be":
        moods = [c for c in owner.children if c.dep_ == "acomp"]
    mood = next((m for m in moods if _word_in(m, rules.mood_words)), None)
    if mood is None or _own_day(phrase):
        return ""
    return f"an act a mood is over ('{mood.text.lower()} {prep.lower_} ...'), not its report"


def stance_on_told_act(token, rules: FrameRules) -> str:
    """An act pointed back at ("this attack", "those murders") as the object of a stand taken on it:
    "we repudiate this attack on the correspondent". The act is the one the report told before, if
    it told one; the sentence tells the stand."""
    if not _act_noun(token, rules):
        return ""
    phrase = _act_phrase(token, rules)
    verb = phrase.head
    # a verb the tagger took for a noun ("the union repudiates this attack") still takes the object
    if phrase.dep_ != "dobj" or not _word_in(verb, rules.stance_verbs):
        return ""
    if not any(c.dep_ == "det" and c.lower_ in _POINTING for c in phrase.children) or _own_day(phrase):
        return ""
    return f"a stand on an act told before ('{verb.text.lower()} {phrase.text.lower()}'), not its report"


def reason_given(token, rules: FrameRules) -> str:
    """An act given as a reason, the attribute of "be" with a subject of reason or cause: "the reason
    for this is the recent massacre". "The attack was the worst in years" is no such frame."""
    if not _act_noun(token, rules):
        return ""
    phrase = _act_phrase(token, rules)
    verb = phrase.head
    if phrase.dep_ != "attr" or verb.lemma_ != "be":
        return ""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not _word_in(subject, rules.reason_nouns) or _own_day(phrase):
        return ""
    return f"an act given as a reason ('the {subject.text.lower()} ... is'), not its report"


def reacted_to(token, rules: FrameRules) -> str:
    """A definite or possessive act that is what someone reacts, responds or retaliates to: "Ponce
    promised to react to our attacks on the general staff", "the militia vowed to avenge the killing
    of its commander". The sentence tells the reaction; the act is one the report tells elsewhere,
    if at all (an indefinite "responded to an attack on a checkpoint" may be its only report)."""
    if not _act_noun(token, rules):
        return ""
    phrase = _act_phrase(token, rules)
    verb = phrase.head
    if phrase.dep_ == "pobj" and phrase.head.dep_ == "prep" and phrase.head.lower_ in ("to", "for", "against"):
        verb = phrase.head.head
    elif phrase.dep_ != "dobj":
        return ""
    if verb.pos_ != "VERB" or not _word_in(verb, rules.response_verbs):
        return ""
    if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _POINTING | {"the"}) for c in phrase.children) \
            or _own_day(phrase):
        return ""
    return f"an act reacted to ('{verb.text.lower()} ... {phrase.text.lower()}'), not its report"


def characterised(token, rules: FrameRules) -> str:
    """Acts that are the subject of a present "is"/"are" whose attribute reads them ("the setting of
    explosive devices and the kidnappings are an attempt by some to ...", "the attacks are part of a
    campaign"): the speaker's reading of acts told
    elsewhere, if at all. A past "was" ("the attack on Monday was an attempt to kill the governor")
    or a day of the act's own is left alone."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return ""
    subject = token
    for _ in range(4):  # "devices" -> of -> "setting", the subject
        if subject.dep_ in ("nsubj", "nsubjpass") or subject.head.i == subject.i or \
                subject.dep_ not in ("pobj", "prep", "conj", "compound", "amod"):
            break
        subject = subject.head
    verb = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_ != "be" or verb.tag_ not in ("VBP", "VBZ"):
        return ""
    reading = next((c for c in verb.children if c.dep_ == "attr" and _word_in(c, rules.reading_nouns)), None)
    if reading is None or _own_day(subject):
        return ""
    return f"acts read, not reported ('... {verb.text.lower()} {reading.text.lower()} ...')"


def count_asked(token, rules: FrameRules) -> str:
    """A violent verb whose subject or object is counted by "how many" or "how much": "we do not
    exactly know how many people were killed", "can you tell how many rebels have died". A question
    about a toll, asked or said to be unknown, not a report of the act."""
    if token.pos_ != "VERB":
        return ""
    for c in token.children:
        if c.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        if any(m.lower_ in ("many", "much") and any(h.lower_ == "how" for h in m.children) for m in c.children):
            return "a toll asked or unknown ('how many ... were killed'), not a report"
    return ""


def heard(token, rules: FrameRules) -> str:
    """An act told only as a sound someone heard (see the module), read from the parse: the act (or the
    first of the acts it is listed with) is what a verb of hearing takes ("explosions were heard", "we
    heard shooting"), what a relative clause of hearing says of it ("shooting that had been heard"), or
    the "of" phrase of a sound ("the sound of gunfire"). A weapon named in the acts heard ("the detonation of
    powerful bombs were heard", "bomb explosions") tells what was done with it, and is left alone."""
    act = _first_conjunct(token)
    if any(t.lower_ in rules.weapon_nouns for t in act.subtree):
        return ""
    head = act.head
    if head.i != act.i and act.dep_ in ("nsubjpass", "dobj") and head.lemma_.lower() in rules.perception_verbs:
        return f"an act told only as a sound heard ('{act.lower_} ... {head.lower_}'), not reported"
    if act.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in rules.sound_nouns:
        return f"an act told only as a sound heard ('{head.head.lower_} of {act.lower_}'), not reported"
    if any(c.dep_ == "relcl" and c.lemma_.lower() in rules.perception_verbs for c in act.children):
        return f"an act told only as a sound heard ('{act.lower_} that ... heard'), not reported"
    return ""
