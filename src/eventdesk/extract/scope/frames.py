"""Frames that name a violent event without reporting one, read from the dependency parse.

Whole news reports mention violence far more often than they report it: "the threat of an attack",
"arms channelled to murder innocent people", "kidnappings proliferate", an earthquake's toll. The
frames apply to violent events only (battles, explosions, violence against civilians): "took to the
streets to protest" is a protest.

Tried and dropped, because they cost more real events than they removed false ones: rejecting what
someone is accused, suspected or arrested for ("accused of killing": ACLED codes "HRW accuses police
of beating civilians", and MUC-4 keys count an investigation of a recent murder as news of it), and
a participle naming victims ("the kidnapped persons", but also "dismembered bodies found"). ``modality`` judges mood and tense;
this module judges the frame the violent word stands in, walking up from the word to its clause:

* prospect: it depends on a threat, possibility, plan, campaign or war ("the threat of an attack",
  "the war against drug trafficking"), or on a verb of preventing or stopping it ("to prevent judges
  from being murdered", "demanded that they stop murdering civilians");
* purpose: an infinitive ("to murder innocent people"), unless under a verb that reports the act
  itself ("managed to kill");
* generic: a bare plural with no determiner, number or possessor, subject or object of a verb
  outside a past tense and with no count ("kidnappings proliferate", "to prevent attacks"; a
  headline's "Bombings kill 20" and a verbless "Protests in Nyatike" report);
* kind of thing: a violent noun modifying another noun ("a murder trial", "torture cases");
* without: "without a shot being fired";
* instrument: a weapon named as a thing, with no word of use or effect over it ("missiles are
  classified as solid-fuelled", "the Condor missile project");
* cumulative: a perfect tense with a period phrase ("by the end of the year, 496 had been killed");
* not political violence: a natural disaster, accident or disease is the cause, and the sentence
  names no armed actor.

The word lists are data (``data/rules/scope_frames.json``, with their source), so a change to them
changes the pipeline version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventdesk.rules import word_lists

__all__ = ["FrameRules", "frame_reason", "load_frame_rules"]


@dataclass(frozen=True)
class FrameRules:
    prospect_heads: frozenset[str]
    infinitive_reports: frozenset[str]
    disaster_words: frozenset[str]
    generic_plural_exceptions: frozenset[str]
    speech_verbs: frozenset[str]
    weapon_nouns: frozenset[str]
    weapon_uses: frozenset[str]
    prevention_verbs: frozenset[str]
    record_heads: frozenset[str]
    act_nouns: frozenset[str]
    accident_verbs: frozenset[str]
    cumulative_patterns: tuple[re.Pattern[str], ...]
    period_patterns: tuple[re.Pattern[str], ...] = ()
    weapon_carriers: frozenset[str] = frozenset()
    conflict_nouns: frozenset[str] = frozenset()
    aspect_verbs: frozenset[str] = frozenset()
    figurative_subjects: frozenset[str] = frozenset()
    phrasal_senses: frozenset[str] = frozenset()
    reference_preps: frozenset[str] = frozenset()
    series_heads: frozenset[str] = frozenset()
    habit_modifiers: frozenset[str] = frozenset()
    attack_verbs: frozenset[str] = frozenset()
    for_verbs: frozenset[str] = frozenset()
    kind_heads: frozenset[str] = frozenset()
    plan_predicates: frozenset[str] = frozenset()


@cache
def load_frame_rules() -> FrameRules:
    """The packaged rules (``data/rules/scope_frames.json`` through ``eventdesk.rules``; read once)."""
    lists = word_lists("scope_frames.json")
    patterns = ("cumulative_patterns", "period_patterns")
    words = {k: frozenset(lists[k]) for k in FrameRules.__dataclass_fields__ if k not in patterns}
    compiled = {k: tuple(re.compile(p, re.IGNORECASE) for p in lists[k]) for k in patterns}
    return FrameRules(**words, **compiled)


def frame_reason(token, sentence_text: str, armed_words: int, rules: FrameRules) -> str:
    """Why the violent word ``token`` (a spaCy token) reports no event, or "" when nothing says so."""
    for check in (_prospect, _purpose, _generic, _instrument, _kind_of_thing, _without, _habit, _conflict_toll,
                  _figurative, _phrasal, _reference, _series, _enumeration):
        why = check(token, rules)
        if why:
            return why
    if _counted_acts(token, sentence_text, rules):
        return "a count of acts over a period ('142 murders were reported in September'), not one event"
    if _cumulative(token, sentence_text, rules):
        return "a cumulative or period toll ('by the end of the year, 496 had been killed'), not one event"
    if armed_words == 0 and _disaster(token.doc, rules) and not any(
            (_weapon(t, rules) and _used(t, rules))  # "the plane crash was caused by a bomb"
            or (t.pos_ == "VERB" and t.lemma_.lower() in rules.attack_verbs)  # "shot at the tires ... crashed"
            for t in token.doc):
        return "not political violence (a natural disaster, accident or disease)"
    return ""


def _path_up(token, steps: int = 4):
    """(ancestor, the child of it the path came through), nearest first."""
    child = token
    for _ in range(steps):
        head = child.head
        if head.i == child.i:
            return
        yield head, child
        child = head


def _prospect(token, rules: FrameRules) -> str:
    own_clause = True  # not yet out of the word's own clause ("fought off rebels who attacked the base")
    for head, child in _path_up(token, 3):
        own_clause = own_clause and child.dep_ not in ("relcl", "advcl", "conj", "ccomp", "parataxis")
        if own_clause and head.pos_ == "VERB" and head.lemma_.lower() in rules.prevention_verbs and \
                head.i < token.i and child.dep_ in ("dobj", "xcomp", "pcomp", "prep"):
            return f"violence prevented, fought or to stop, not reported ('{head.text.lower()} ...')"
        if head.pos_ in ("NOUN",) and head.lemma_.lower() in rules.prospect_heads and \
                child.dep_ in ("prep", "pobj", "pcomp", "compound", "amod", "acl"):
            return f"a prospect or context, not an act ('{head.text.lower()} of ...')"
        if head.pos_ == "VERB" and child.dep_ == "prep" and child.lower_ == "for" and \
                head.lemma_.lower() in rules.for_verbs:
            return f"wished or readied, not done ('{head.text.lower()} for ...')"
        if head.pos_ == "VERB" and child.i == token.i and token.dep_ == "nsubjpass" and \
                head.lemma_.lower() in rules.plan_predicates:
            return f"planned, not told ('... was {head.text.lower()}')"
        if head.pos_ in ("VERB", "AUX"):
            return ""
    return ""


def _purpose(token, rules: FrameRules) -> str:
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.lower_ == "by":
        # "in order to consolidate his power by murdering his opponents": the means of a purpose
        means_of = token.head.head
        return "the means of a purpose, not an act" if _infinitive(means_of, rules) else ""
    return "an infinitive: a purpose or plan, not an act" if _infinitive(token, rules) else ""


def _infinitive(token, rules: FrameRules) -> bool:
    """A "to" infinitive of purpose or plan ("to murder innocent people"), not one under a verb that
    reports the act itself ("managed to kill")."""
    if token.tag_ != "VB" or not any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
        return False
    return not (token.dep_ in ("xcomp",) and token.head.lemma_.lower() in rules.infinitive_reports)


def _generic(token, rules: FrameRules) -> str:
    if token.pos_ != "NOUN" or token.tag_ != "NNS" or token.lower_ in rules.generic_plural_exceptions:
        return ""
    if any(c.dep_ in ("det", "poss", "nummod", "predet") for c in token.children):
        return ""
    # the clause's verb; a verb of saying counts only when the word is its own subject ("air raids were
    # reported"), not when it governs what was said ("kidnappings proliferate, the ministers said")
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")
                 and (a.lemma_.lower() not in rules.speech_verbs or token.head.i == a.i)), None)
    if verb is None:
        return ""  # a headline's noun phrase ("Protests in Nyatike against ...") reports, it has no verb
    if verb.tag_ in ("VBD", "VBN"):
        return ""  # "died in attacks by 150 Shining Path members": a past act, however it is worded
    if any(t.like_num for c in verb.children for t in c.subtree):
        return ""  # a headline's present: "Bombings kill 20 in Baghdad" counts its dead
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "ROOT"):
        return "a bare plural: violence in general, no specific incident"
    return ""


def _kind_of_thing(token, rules: FrameRules) -> str:
    """A violent noun that modifies a noun of a record, procedure or institution names a kind of
    thing: "a murder trial", "torture cases", "bomb experts" (but "a car bomb attack", "artillery
    shells" name the act or its means)."""
    head = token.head
    if token.pos_ != "NOUN" or token.dep_ != "compound" or head.pos_ not in ("NOUN", "PROPN") or head.i == token.i:
        return ""
    if head.lemma_.lower() not in rules.record_heads and head.lower_ not in rules.record_heads:
        return ""  # "artillery shells", "a car bomb attack", "Degodia attack Garre civilians" (a headline)
    return f"a kind of thing, not an act ('{token.text.lower()} {head.text.lower()}')"


def _without(token, rules: FrameRules) -> str:
    """"invaded without a shot being fired": what happens without it did not happen."""
    for head, child in _path_up(token, 4):
        if head.lower_ == "without" and head.dep_ == "prep":
            return "negated ('without ...')"
        if head.pos_ == "VERB" and child.dep_ not in ("auxpass", "nsubjpass", "pcomp", "xcomp"):
            return ""
    return ""


def _instrument(token, rules: FrameRules) -> str:
    """A weapon named as a thing, with no word of use or effect over it: "missiles are classified as
    solid-fuelled", "the Condor missile project was frozen", "supplied SAM-7 missiles". Another
    weapon of the sentence that is used ("the dynamite charge, which destroyed the bank") keeps it."""
    if not _weapon(token, rules):
        return ""
    for other in token.doc:
        if _weapon(other, rules) and _used(other, rules):
            return ""
    return f"a weapon named, not used ('{token.text.lower()}' under '{token.head.text.lower()}')"


def _weapon(token, rules: FrameRules) -> bool:
    """A weapon noun, also by its model name ("RPG-7", "SAM-7": the word before the model number)."""
    return token.pos_ in ("NOUN", "PROPN") and (token.lemma_.lower() in rules.weapon_nouns
                                                or token.lower_ in rules.weapon_nouns
                                                or token.lower_.split("-")[0] in rules.weapon_nouns)


def _use_word(token, rules: FrameRules) -> bool:
    low = token.lower_
    if any(f"{token.lemma_.lower()} {c.lower_}" in rules.weapon_uses for c in token.children if c.dep_ == "prt"):
        return True  # "carried out with grenades", "set off a bomb"
    return token.lemma_.lower() in rules.weapon_uses or low in rules.weapon_uses or \
        (low.endswith("ing") and low[:-3] in rules.weapon_uses) or (low.endswith("ed") and low[:-2] in rules.weapon_uses)


def _used(token, rules: FrameRules) -> bool:
    """Whether a word of use or effect governs the weapon ``token`` (or modifies it: "a bomb planted
    under the car", "exploding shells") before any other verb does."""
    if any(_use_word(c, rules) for c in token.children if c.dep_ in ("acl", "relcl", "amod")):
        return True
    for head, _ in _path_up(token, 6):
        if _use_word(head, rules):
            return True
        if head.lemma_.lower() in rules.weapon_carriers or head.lower_ in rules.weapon_carriers:
            continue  # "a truck loaded with explosives [was confiscated | exploded]": the vehicle's verb decides
        if head.pos_ in ("VERB", "AUX") and head.dep_ not in ("aux", "auxpass"):
            return False
    return True  # a verbless headline ("Car bomb in Kabul") reports


def _habit(token, rules: FrameRules) -> str:
    """An act under a verb of going on or stopping: in the present a habit ("they continue to
    machinegun and bomb the population", "aid to continue murdering Salvadorans"), and one that
    ceased ("ceased bombing pipelines on 25 August") did not happen. "Rebels continued to shell the
    town on Monday" (a past tense) tells the act."""
    if token.pos_ != "VERB":
        return ""
    verb = token.head if token.dep_ in ("xcomp", "pcomp") else None
    if token.dep_ == "conj" and token.head.dep_ in ("xcomp", "pcomp"):
        verb = token.head.head  # "continue to machinegun and bomb"
    elif token.dep_ == "conj" and token.head.lemma_.lower() in rules.aspect_verbs:
        verb = token.head  # the same, parsed as "[continue to Machinegun] and [bomb]"
    if verb is None or verb.i == token.i or verb.lemma_.lower() not in rules.aspect_verbs:
        return ""
    if verb.lemma_.lower() in ("cease", "quit", "stop"):
        return f"an act that stopped ('{verb.text.lower()} ...'), not one that happened"
    if verb.tag_ in ("VBP", "VBZ", "VB", "VBG"):
        return f"a habit or an ongoing campaign ('{verb.text.lower()} ...'), not one event"
    return ""


def _conflict_toll(token, rules: FrameRules) -> str:
    """A war, conflict or violence that killed hundreds or thousands: a running toll over years
    ("the 10-week war, which killed more than 1,000 people"), not one event. A fight, clash or attack
    that killed is one event, and so is a small toll."""
    if not _large_toll(token.sent if token.doc.has_annotation("SENT_START") else token.doc):
        return ""
    verbs = [t for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX")][:3]
    for verb in verbs:
        subject = _subject(verb)
        if subject is not None and (subject.lemma_.lower() in rules.conflict_nouns
                                    or subject.lower_ in rules.conflict_nouns):
            return f"a conflict's running toll ('{subject.text.lower()} ... {verb.text.lower()}'), not one event"
    return ""


def _subject(verb):
    """The subject of ``verb``: of its first conjunct ("that has lasted 10 years and killed"), and
    for a relative pronoun the antecedent ("the war, which killed ...")."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    subject = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("that", "which", "who") and first.dep_ == "relcl":
        subject = first.head
    return subject


def _figurative(token, rules: FrameRules) -> str:
    """"The crisis that has exploded today": what explodes is no weapon (violence that erupts or
    explodes is violence: "inter-clan violence erupted in Afdere")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ("explode", "blow", "detonate"):
        return ""
    subject = _subject(token)
    if subject is None or not (subject.lemma_.lower() in rules.figurative_subjects
                               or subject.lower_ in rules.figurative_subjects):
        return ""
    return f"figurative ('{subject.text.lower()} ... {token.text.lower()}'), no weapon"


def _phrasal(token, rules: FrameRules) -> str:
    """"Talks wound up Tuesday": a particle makes the violent-looking verb another one."""
    for c in token.children:
        if c.dep_ == "prt" and f"{token.lower_} {c.lower_}" in rules.phrasal_senses:
            return f"another verb ('{token.lower_} {c.lower_}'), not violence"
    return ""


def _reference(token, rules: FrameRules) -> str:
    """A definite or possessive act noun after a preposition of topic, with no date of its own:
    "the controversy regarding the kidnapping of the son": an act referred to, not reported (its
    own report, if any, is another sentence). "Regarding this morning's attack" has its own time."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.lower_ not in rules.reference_preps:
        return ""
    if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in token.children):
        return ""
    own = token.doc.text[min(t.idx for t in token.subtree):max(t.idx + len(t) for t in token.subtree)]
    if _DATE_WORDS.search(own):
        return ""
    return f"a reference to an earlier act ('{token.head.lower_} the {token.lower_}'), not its report"


_DATE_WORDS = re.compile(
    r"\b(today|yesterday|tonight|last (night|week)|this (morning|afternoon|evening)|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{4}|\d{1,2}(:\d\d)?\s*(am|pm|hours))\b|\bat \d{4}\b", re.IGNORECASE)


def _series(token, rules: FrameRules) -> str:
    """Acts as a run or a habit: "the wave of kidnappings that is rocking the country", "in view of
    the constant attacks", "the continuing operations of the contras"."""
    if token.pos_ != "NOUN":
        return ""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "the wave of crimes and terrorist attacks"
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.pos_ == "NOUN":
        head = first.head.head.lemma_.lower()
        if head in rules.series_heads:
            return f"a run of acts ('{first.head.head.text.lower()} of {token.text.lower()}'), not one event"
        if head in rules.kind_heads or first.head.head.lower_ in rules.kind_heads:
            return f"a kind of act ('{first.head.head.text.lower()} of {token.text.lower()}'), not one event"
    habit = next((c for c in token.children if c.dep_ == "amod" and c.lower_ in rules.habit_modifiers), None)
    if habit is not None:
        return f"acts as a habit ('{habit.text.lower()} {token.text.lower()}'), not one event"
    return ""


def _enumeration(token, rules: FrameRules) -> str:
    """Kinds of violence listed: "denounced summary executions, political assassinations, and
    intimidatory campaigns", "torture, murder, rape, and disappearances were methods": three or
    more bare nouns in a row, two of them acts, name categories, not one event."""
    if token.pos_ != "NOUN":
        return ""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ == "NOUN":
        first = first.head
    items = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.pos_ == "NOUN")]
    if len(items) < 3 or not all(_bare(t) for t in items):
        return ""
    acts = sum(1 for t in items if t.lemma_.lower() in rules.act_nouns or t.lower_.rstrip("s") in rules.act_nouns)
    return "kinds of violence listed, not one event" if acts >= 2 else ""


def _bare(token) -> bool:
    return not any(c.dep_ in ("det", "poss", "nummod", "predet") for c in token.children)


def _large_toll(span) -> bool:
    for t in span:
        if re.fullmatch(r"(1[89]|20)\d\d", t.text):
            continue  # a year ("On 3 May 2020"), not a count
        value = _number(t.text) if t.like_num or t.lower_ in ("hundreds", "thousands") else None
        if value is not None and value >= 200:
            return True
    return False


def _counted_acts(token, sentence_text: str, rules: FrameRules) -> bool:
    """Acts counted, not told: a plural act noun with a number ("142 murders", "more than 40
    massacres") over a period ("in September", "last year", "in only 3 months") or ten or more of
    them. ACLED codes each act, never the count; two or three acts on one day are told ("two
    bombings hit Lima on Monday")."""
    if token.pos_ == "VERB":
        # "over 600 peasants were murdered in more than 40 massacres last year": the verb's acts are
        # counted (its nouns only, two levels down: a chain of verbs is never walked again)
        return any(_counted_nouns(t, sentence_text, rules) for c in token.children for t in (c, *c.children)
                   if t.lemma_.lower() in rules.act_nouns)
    return _counted_nouns(token, sentence_text, rules)


def _counted_nouns(token, sentence_text: str, rules: FrameRules) -> bool:
    """A plural noun counted by a number of ten or more, or over a period."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return False
    numbers = [c for c in token.children if c.dep_ == "nummod" and c.like_num]
    if not numbers:
        return False
    value = _number(numbers[0].text)
    return (value is not None and value >= 10) or any(p.search(sentence_text) for p in rules.period_patterns)


def _number(text: str) -> int | None:
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
             "dozens": 24, "hundreds": 200, "thousands": 2000}
    low = text.lower().replace(",", "")
    return int(low) if low.isdigit() and len(low) < 12 else words.get(low)


def _cumulative(token, sentence_text: str, rules: FrameRules) -> bool:
    """A perfect tense ("had been killed", "have died") with a period phrase ("by the end of the
    year", "so far", "since January"): a running total, not an act."""
    verb = token if token.pos_ in ("VERB", "AUX") else next(
        (a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not aux & {"has", "have", "had", "'s", "'ve", "'d"}:
        return False
    return any(p.search(sentence_text) for p in rules.cumulative_patterns)


def _disaster(doc, rules: FrameRules) -> bool:
    """A disaster, accident or disease named as a thing ("a storm", "the earthquake"), not a verb
    that shares the word ("stormed a meeting"); or a verb of an accident ("the plane crashed")."""
    return any(((t.lemma_.lower() in rules.disaster_words or t.lower_ in rules.disaster_words)
                and t.pos_ in ("NOUN", "PROPN")) or (t.pos_ == "VERB" and t.lemma_.lower() in rules.accident_verbs)
               for t in doc)
