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
  itself ("managed to kill"); and an act told in what someone set out to say ("toured the United
  States to say that he had been tortured");
* generic: a bare plural with no determiner, number or possessor, subject or object of a verb
  outside a past tense and with no count ("kidnappings proliferate", "to prevent attacks"; a
  headline's "Bombings kill 20" and a verbless "Protests in Nyatike" report);
* kind of thing: a violent noun modifying another noun ("a murder trial", "torture cases");
* without: "without a shot being fired";
* instrument: a weapon named as a thing, with no word of use or effect over it ("missiles are
  classified as solid-fuelled", "the Condor missile project");
* cumulative: a perfect tense with a period phrase ("by the end of the year, 496 had been killed"), or
  a toll in round hundreds or thousands with no day and no place in the act's clause ("which left a
  toll of hundreds of victims"), or a period pointed back at ("many were killed during those days");
* a run setting in: bare plural acts that began, with no day, count or place ("harassments and
  assassinations began so as to get our attention");
* play: a match's score or a shot at goal with no armed actor or harm ("shot wide as Kenya lost
  2-0");
* not political violence: a natural disaster, accident or disease is the cause, and the sentence
  names no armed actor.

The frames of acts named without being told (a habit, a running toll, a run of acts, kinds of
violence listed, the harmed named as a group, ...) are in ``_mentions``; those of an act someone
feels, judges, gives as a reason or only heard ("concerned over a massacre", "we repudiate this attack", "the
reason for this is the massacre", "explosions were heard") in ``_stance``. The word lists are data
(``data/rules/scope_frames.json``, with their source), so a change to them changes the pipeline version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventdesk.extract.scope._mentions import (
    _first_conjunct,
    _DAY_WORDS,
    caused_state,
    state_clause,
    survived,
    universal_victim,
    conflict_toll,
    enumeration,
    figurative,
    figurative_object,
    struggled_object,
    blind_agent,
    counted_record,
    habit,
    kinds_harmed,
    harmed_as_noun,
    number,
    phrasal,
    series,
)
from eventdesk.extract.scope._references import accused_act, anniversary, named_by_year, reference, remembered, time_reference, work_topic, years_after
from eventdesk.extract.scope.modality import done_after_all
from eventdesk.extract.scope._stance import characterised, count_asked, heard, mood_object, reacted_to, reason_given, stance_on_told_act
from eventdesk.rules import word_lists
from eventdesk.stages.parse import doc_text

__all__ = ["AGGREGATE_REASONS", "FrameRules", "frame_reason", "load_frame_rules", "sports_lead"]


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
    single_day_patterns: tuple[re.Pattern[str], ...] = ()
    period_units: frozenset[str] = frozenset()
    weapon_carriers: frozenset[str] = frozenset()
    weapon_vehicles: frozenset[str] = frozenset()
    conflict_nouns: frozenset[str] = frozenset()
    aspect_verbs: frozenset[str] = frozenset()
    figurative_subjects: frozenset[str] = frozenset()
    abstract_objects: frozenset[str] = frozenset()
    verbal_settings: frozenset[str] = frozenset()
    memory_verbs: frozenset[str] = frozenset()
    blind_agents: frozenset[str] = frozenset()
    arson_words: frozenset[str] = frozenset()
    figurative_verbs: frozenset[str] = frozenset()
    struggle_verbs: frozenset[str] = frozenset()
    struggled_objects: frozenset[str] = frozenset()
    phrasal_senses: frozenset[str] = frozenset()
    reference_preps: frozenset[str] = frozenset()
    accusation_heads: frozenset[str] = frozenset()
    perpetrator_roles: frozenset[str] = frozenset()
    series_heads: frozenset[str] = frozenset()
    habit_modifiers: frozenset[str] = frozenset()
    attack_verbs: frozenset[str] = frozenset()
    for_verbs: frozenset[str] = frozenset()
    kind_heads: frozenset[str] = frozenset()
    plan_predicates: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    cause_verbs: frozenset[str] = frozenset()
    universal_objects: frozenset[str] = frozenset()
    time_subordinators: frozenset[str] = frozenset()
    phase_verbs: frozenset[str] = frozenset()
    survival_words: frozenset[str] = frozenset()
    death_verbs: frozenset[str] = frozenset()
    stop_verbs: frozenset[str] = frozenset()
    explosion_verbs: frozenset[str] = frozenset()
    responsibility_verbs: frozenset[str] = frozenset()
    mood_words: frozenset[str] = frozenset()
    stance_verbs: frozenset[str] = frozenset()
    reason_nouns: frozenset[str] = frozenset()
    vague_toll_patterns: tuple[re.Pattern[str], ...] = ()
    retrospective_patterns: tuple[re.Pattern[str], ...] = ()
    sports_patterns: tuple[re.Pattern[str], ...] = ()
    harm_words: frozenset[str] = frozenset()
    refutation_patterns: tuple[re.Pattern[str], ...] = ()
    own_denial_patterns: tuple[re.Pattern[str], ...] = ()
    onset_verbs: frozenset[str] = frozenset()
    response_verbs: frozenset[str] = frozenset()
    reading_nouns: frozenset[str] = frozenset()
    anniversary_heads: frozenset[str] = frozenset()
    work_nouns: frozenset[str] = frozenset()
    anchor_units: frozenset[str] = frozenset()
    record_nouns: frozenset[str] = frozenset()
    memory_nouns: frozenset[str] = frozenset()
    prospect_modifiers: frozenset[str] = frozenset()
    warning_verbs: frozenset[str] = frozenset()
    record_verbs: frozenset[str] = frozenset()
    perception_verbs: frozenset[str] = frozenset()
    sound_nouns: frozenset[str] = frozenset()
    sports_words: frozenset[str] = frozenset()


@cache
def load_frame_rules() -> FrameRules:
    """The packaged rules (``data/rules/scope_frames.json`` through ``eventdesk.rules``; read once)."""
    lists = word_lists("scope_frames.json")
    patterns = ("cumulative_patterns", "period_patterns", "single_day_patterns", "vague_toll_patterns",
                "retrospective_patterns", "sports_patterns", "refutation_patterns", "own_denial_patterns")
    words = {k: frozenset(lists[k]) for k in FrameRules.__dataclass_fields__ if k not in patterns}
    compiled = {k: tuple(re.compile(p, re.IGNORECASE) for p in lists[k]) for k in patterns}
    return FrameRules(**words, **compiled)


#: the reasons of a word that counts acts or their dead over a period: a tally, another act than any one
#: act its sentence also reports ("clashes have killed dozens in recent weeks, ... a drone strike on Sunday
#: killed 26": the drone strike)
AGGREGATE_REASONS = (
    "a count of acts over a period ('142 murders were reported in September'), not one event",
    "a cumulative or period toll ('by the end of the year, 496 had been killed'), not one event",
    "a toll over a period ('more than 1,300 people were killed in Mali last year'), not one event",
)


def frame_reason(token, sentence_text: str, armed_words: int, rules: FrameRules, sports_report: bool = False) -> str:
    """Why the violent word ``token`` (a spaCy token) reports no event, or "" when nothing says so.
    ``sports_report``: the report opens on a match (``sports_lead``), so its play needs no score of
    its own ("The boys fought like warriors")."""
    for check in (_prospect, _purpose, _claim_to_make, _generic, _generic_gerund, _run_begun, _instrument, _kind_of_thing, _without, habit, conflict_toll,
                  figurative, figurative_object, struggled_object, remembered, anniversary, named_by_year, work_topic, years_after, blind_agent, phrasal, reference, time_reference, accused_act, caused_state, state_clause, universal_victim, series, enumeration, harmed_as_noun, survived, counted_record, kinds_harmed,
                  mood_object, stance_on_told_act, reason_given, reacted_to, characterised, count_asked, heard):
        why = check(token, rules)
        if why:
            return why
    if _counted_acts(token, sentence_text, rules) or _counted_cases(token, sentence_text, rules):
        return AGGREGATE_REASONS[0]
    if _cumulative(token, sentence_text, rules):
        return AGGREGATE_REASONS[1]
    if _period_toll(token, rules):
        return AGGREGATE_REASONS[2]
    if _vague_toll(sentence_text, rules) and not _names_a_place(token):
        return "a toll in the hundreds or thousands with no day ('a toll of hundreds of victims'), not one event"
    if any(p.search(sentence_text) for p in rules.retrospective_patterns):
        return "acts of a period looked back on ('many were killed during those days'), not one event"
    if armed_words == 0 and (sports_report or any(p.search(sentence_text) for p in rules.sports_patterns)) and not any(
            t.lemma_.lower() in rules.death_verbs or t.lower_ in rules.harm_words for t in token.doc):
        # "a fan was shot dead after Gor Mahia lost 2-0" is no play
        return "a sports result or play ('lost 2-0', 'shot wide'), not political violence"
    if armed_words == 0 and _disaster(token, rules) and not any(
            (_weapon(t, rules) and _used(t, rules))  # "the plane crash was caused by a bomb"
            or (t.pos_ == "VERB" and t.lemma_.lower() in rules.attack_verbs)  # "shot at the tires ... crashed"
            for t in token.doc):
        return "not political violence (a natural disaster, accident or disease)"
    return ""


def sports_lead(lead_text: str, rules: FrameRules) -> bool:
    """Whether a report's headline and first sentence tell a match: a score with its result word
    (``sports_patterns``) and a word of sport (``sports_words``: "scored", "league", "stadium"), two
    signs, so a date range ("on 21-22 October") alone never makes a report one of sport."""
    words = {w.lower() for w in re.findall(r"[A-Za-z-]+", lead_text)}
    return bool(words & rules.sports_words) and any(p.search(lead_text) for p in rules.sports_patterns)


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
    modifier = next((c for c in token.children if c.dep_ == "amod" and c.lower_ in rules.prospect_modifiers), None)
    if token.pos_ == "NOUN" and modifier is not None and token.lemma_.lower() in rules.act_nouns:
        # "warned of possible attacks on churches"; "a possible suicide bomber" is an act's agent, unsure
        return f"a prospect, not an act ('{modifier.lower_} {token.lower_}')"
    own_clause = True  # not yet out of the word's own clause ("fought off rebels who attacked the base")
    for head, child in _path_up(token, 5):  # "the possibility of an attack with rockets": rockets -> with -> attack -> of
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
        if head.pos_ == "VERB" and child.dep_ == "prep" and child.lower_ in ("of", "against", "about") and \
                head.lemma_.lower() in rules.warning_verbs:
            return f"warned of, not done ('{head.text.lower()} {child.lower_} ...')"
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


def _claim_to_make(token, rules: FrameRules) -> str:
    """An act told in what someone set out to say: "he toured the United States to show off his
    burnt knee and to say that he had been tortured here". The saying is a purpose; what it says
    is not even reported as said. "He said that he had been tortured" is left to the other frames."""
    if token.dep_ != "ccomp" or token.head.i == token.i:
        return ""
    verb = token.head
    if verb.lemma_.lower() not in rules.speech_verbs or not _infinitive(verb, rules):
        return ""
    return f"what someone set out to say ('to {verb.text.lower()} that ...'), not a report"


def _infinitive(token, rules: FrameRules) -> bool:
    """A "to" infinitive of purpose or plan ("to murder innocent people"), not one under a verb that
    reports the act itself ("managed to kill"). A run of bare verbs shares the first one's "to": "orders
    are given to capture, destroy, or shoot down planes"."""
    first = _first_conjunct(token, "VERB")
    if token.tag_ == "VB" and first.tag_ in ("VBD", "VBN") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in token.children) and any(
            t.lower_ == "to" and t.dep_ == "aux" and first.i < t.i < token.i and t.head.lemma_ not in ("be", "have")
            for t in token.doc):
        # "received orders to stand ready to take off, intercept, capture, or shoot down aircraft", parsed
        # with "shoot" joined to "received": a bare verb cannot go on a past tense, it shares the "to"
        # of an infinitive between them ("assailants, believed to be Somali pirates, abduct six fishermen":
        # a copula's "to" is no such infinitive)
        return True
    if token.tag_ != "VB" or first.tag_ != "VB" or not any(c.lower_ == "to" and c.dep_ == "aux"
                                                            for c in first.children):
        return False
    return not (first.dep_ in ("xcomp",) and first.head.lemma_.lower() in rules.infinitive_reports)


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
    if done_after_all(token):
        return ""  # "would not use car bombs, but they used one yesterday": the kind named, then one used
    if any(t.like_num for c in verb.children for t in c.subtree):
        return ""  # a headline's present: "Bombings kill 20 in Baghdad" counts its dead
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "ROOT"):
        return "a bare plural: violence in general, no specific incident"
    return ""


def _generic_gerund(token, rules: FrameRules) -> str:
    """An act named by a gerund with no subject of its own, done to a bare plural, is a kind of act:
    "it is not by blowing up oil pipelines that well-being will be achieved", "kidnapping foreigners
    is a crime". "Killed him by blowing up his car" names its object, and the act happened."""
    means = token.dep_ == "pcomp" and token.head.lower_ == "by"  # not "accused of beating civilians": an act
    if token.tag_ != "VBG" or not (means or token.dep_ in ("csubj", "nsubj")) or any(
            c.dep_ in ("nsubj", "aux", "auxpass") for c in token.children):
        return ""
    objects = [t for c in token.children if c.dep_ == "dobj" for t in (c, *c.conjuncts)]
    if objects and all(o.tag_ == "NNS" and _bare_plural(o) for o in objects):
        return f"a kind of act ('{token.text.lower()} {objects[0].text.lower()}'), not one event"
    return ""


def _run_begun(token, rules: FrameRules) -> str:
    """Bare plural acts that begin or resume, with no day, count or named place in the sentence:
    "harassments and assassinations began so as to get our attention", "killings of activists started
    after the vote" tell that a run of acts set in, not one act on one day at one place (the unit of
    coding). "Clashes began at dawn" is one episode; "airstrikes resumed on Kharkiv on Monday, killing
    five" has its day, its count and its place."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS" or token.lower_ in rules.generic_plural_exceptions \
            or not _bare_plural(token):
        return ""
    first = _first_conjunct(token, "NOUN")
    verb = first.head
    if first.dep_ != "nsubj" or not _bare_plural(first) or verb.lemma_.lower() not in rules.onset_verbs:
        return ""
    doc = token.doc
    if _DAY_WORDS.search(doc_text(doc)) or any(t.like_num for t in doc) or _names_a_place(token):
        return ""
    return f"a run of acts setting in ('{token.text.lower()} {verb.text.lower()}'), not one event"


def _bare_plural(token) -> bool:
    return not any(c.dep_ in ("det", "poss", "nummod", "predet") for c in token.children)


def _kind_of_thing(token, rules: FrameRules) -> str:
    """A violent noun that modifies a noun of a record, procedure or institution names a kind of
    thing: "a murder trial", "torture cases", "bomb experts" (but "a car bomb attack", "artillery
    shells" name the act or its means)."""
    head = token.head
    if token.pos_ != "NOUN" or token.dep_ != "compound" or head.pos_ not in ("NOUN", "PROPN") or head.i == token.i:
        return ""
    if head.lemma_.lower() not in rules.record_heads and head.lower_ not in rules.record_heads:
        return ""  # "artillery shells", "a car bomb attack", "Degodia attack Garre civilians" (a headline)
    if _weapon(token, rules) and _weapon(head, rules):
        return ""  # "a dynamite charge was placed on the pipeline": the device, not a charge brought in court
    return f"a kind of thing, not an act ('{token.text.lower()} {head.text.lower()}')"


def _without(token, rules: FrameRules) -> str:
    """"invaded without a shot being fired": what happens without it did not happen; nor what is
    set against another thing by a "not": "a peaceful solution, not the bombing of cities"."""
    if token.dep_ in ("appos", "conj") and any(
            c.dep_ == "neg" and c.i < token.left_edge.i and not any(t.pos_ in ("NOUN", "VERB") for t in
                                                                   token.doc[c.i + 1:token.left_edge.i])
            for c in token.head.children):
        return "negated ('not ...')"
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
    if any(_use_word(c, rules) for c in token.children if c.dep_ in ("acl", "relcl", "amod")
           and not (c.dep_ == "amod" and c.tag_ == "VBN" and token.lower_ in rules.weapon_vehicles)):
        return True  # "a wrecked aircraft" was what the wrecking befell
    for head, _ in _path_up(token, 6):
        if _use_word(head, rules):
            # "the government's need to use war planes, with its artillery, to bomb cities": a use planned
            return not (head.pos_ == "VERB" and _infinitive(head, rules))
        if head.lemma_.lower() in rules.weapon_carriers or head.lower_ in rules.weapon_carriers:
            continue  # "a truck loaded with explosives [was confiscated | exploded]": the vehicle's verb decides
        if head.pos_ in ("VERB", "AUX") and head.dep_ not in ("aux", "auxpass"):
            return False
    return True  # a verbless headline ("Car bomb in Kabul") reports


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


def _counted_cases(token, sentence_text: str, rules: FrameRules) -> bool:
    """The act named as what is counted: "26 cases of assault in September", "a total of 41 attacks"."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i and \
        _counted_nouns(prep.head, sentence_text, rules)


def _counted_nouns(token, sentence_text: str, rules: FrameRules) -> bool:
    """A plural noun counted over a period, or by a number of ten or more told on no day of their own
    ("21 airstrikes targeted Sirwah district on 8 May" are the day's event)."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return False
    numbers = [c for c in token.children if c.dep_ == "nummod" and c.like_num]
    if not numbers:
        return False
    value = number(numbers[0].text)
    if token.lemma_.lower() in rules.period_units or any(p.search(sentence_text) for p in rules.period_patterns):
        return True  # "after 12 days of battles": a count of days is a period, whatever day is named
    return value is not None and value >= 10 and not any(p.search(sentence_text) for p in rules.single_day_patterns)


def _cumulative(token, sentence_text: str, rules: FrameRules) -> bool:
    """A perfect tense ("had been killed", "have died") with a period phrase ("by the end of the
    year", "so far", "since January"): a running total, not an act. A word in a participle's phrase on
    the subject is the running total's ("Somali forces, backed by US airstrikes, have killed hundreds of
    fighters this year")."""
    verb = token if token.pos_ in ("VERB", "AUX") else next(
        (a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ in ("nsubj", "nsubjpass") and verb.i != token.i:
        verb = verb.head.head  # "forces, backed by airstrikes, have killed": the subject's verb
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not aux & {"has", "have", "had", "'s", "'ve", "'d"}:
        return False
    return any(p.search(sentence_text) for p in rules.cumulative_patterns)


def _period_toll(token, rules: FrameRules) -> bool:
    """A hundred dead or more over a period of months or years told in the act's own clause: "more than
    1,300 people were killed in Mali last year", "at least 2,100 civilians were killed in the first six
    months of 2023", "jihadist attacks killed more than 500 civilians in Niger in 2023": a monitor's or
    a report's tally, not one act on one day, whatever day the report was released. One act of the
    period ("killed in the truck bombing in Mogadishu last year") is left to the other frames."""
    verb = _clause_verb(token)
    # (a period told after a coordinated verb holds for both: "2,000 civilians were killed and more than
    # 9,000 injured in Ukraine in 2024")
    heads = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")] if verb is not None else []
    if verb is None or not any(_period_phrase(c, rules) for h in heads for c in h.children):
        return False
    victims = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if not any((n := _count(v)) is not None and n >= 100 for v in victims):
        return False
    # "killed in the truck bombing last year": an act named in the clause is one act of the period
    return not any(t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in rules.act_nouns
                   for t in verb.subtree if t.i != token.i)


def _period_phrase(child, rules: FrameRules) -> bool:
    """Whether ``child`` of a verb names a period of months or years: "last year", "in 2023", "in the
    first six months of the year", "over the past two years" (not a week or a day, which can be one
    act's time)."""
    def period(noun) -> bool:
        return noun.lemma_.lower() in rules.period_units and noun.lemma_.lower() not in ("hour", "day", "week") \
            or (_YEAR_NUMBER.fullmatch(noun.text) is not None and not any(c.dep_ in ("compound", "nummod") and
                                                                           not c.like_num for c in noun.children))
    if child.dep_ == "npadvmod":
        return period(child) and any(c.lower_ in ("last", "this", "past") for c in child.children)
    if child.dep_ == "prep" and child.lower_ in ("in", "during", "over", "throughout", "within"):
        return any(c.dep_ == "pobj" and period(c) and not any(m.lower_ in ("january", "february", "march", "april", "may",
                   "june", "july", "august", "september", "october", "november", "december") for m in c.children)
                   for c in child.children)
    return False


def _count(victims) -> int | None:
    """The count of a noun of victims ("more than 500 civilians", "hundreds of people", "1,300")."""
    if victims.like_num or victims.lower_ in ("hundreds", "thousands"):
        return number(victims.text)
    return next((number(c.text) for c in victims.children if c.dep_ == "nummod" and number(c.text) is not None), None)


_YEAR_NUMBER = re.compile(r"(19|20)\d\d")


def _vague_toll(sentence_text: str, rules: FrameRules) -> bool:
    """A toll in round hundreds or thousands of dead ("the indiscriminate bombing of the population,
    which left a toll of hundreds of victims") told with no day: what a campaign or a war has cost,
    not what one act did ("hundreds died when the dam was bombed on Monday" has its day). So is a
    count of dead from 200 ("the FMLN suffered over 500 deaths")."""
    if _DAY_WORDS.search(sentence_text):
        return False
    # a pattern with a "count" group ("over 500 deaths") needs a count from 200 ("the army suffered 150
    # casualties" can be one battle's)
    return any(m.groupdict().get("count") is None or (number(m.group("count")) or 0) >= 200
               for p in rules.vague_toll_patterns for m in p.finditer(sentence_text))


def _names_a_place(token) -> bool:
    """Whether the sentence names where the act of ``token`` happened: a proper name after a locative
    preposition ("a truck bomb exploded in Mogadishu, leaving more than 300 dead", "an attack on
    Baga", "the market in Aleppo") in the clause of the act or one it hangs from by an adverbial or
    relative clause. A toll in the hundreds told of a named place is one act's, even with no day in
    its sentence; "the indiscriminate bombing of the population" names none, and "he said the
    guerrillas had 1,500 men in San Salvador and listed figures by which they suffered over 500
    deaths, 400 wounded" names the place of another clause."""
    clauses = set()
    verb = _clause_verb(token)
    while verb is not None and verb.i not in clauses:
        clauses.add(verb.i)
        verb = _clause_verb(verb.head) if verb.dep_ in ("advcl", "relcl", "acl", "xcomp", "pcomp") else None
    for t in token.doc:
        if t.dep_ == "pobj" and t.pos_ == "PROPN" and t.head.lower_ in _LOCATIVES:
            where = _clause_verb(t)
            if where is None or not clauses or where.i in clauses:
                return True
    return False


def _clause_verb(token):
    """The verb of the clause ``token`` is in: itself when it is one, else its nearest verb above."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)


_LOCATIVES = frozenset({"in", "at", "near", "outside", "around", "on", "inside"})


def _disaster(token, rules: FrameRules) -> bool:
    """A disaster, accident or disease named as a thing ("a storm", "the earthquake"), not a verb
    that shares the word ("stormed a meeting"); or a verb of an accident ("the plane crashed", "a bus
    plunged into a ravine, killing 18"), unless its clause comes after the violent word's act: "bandits
    opened fire on a matatu, killing four before the vehicle overturned" tells the aftermath."""
    return any(((t.lemma_.lower() in rules.disaster_words or t.lower_ in rules.disaster_words)
                and t.pos_ in ("NOUN", "PROPN")) or (t.pos_ == "VERB" and t.lemma_.lower() in rules.accident_verbs
                                                     and not _aftermath(t, token))
               for t in token.doc)


def _aftermath(verb, token) -> bool:
    """Whether ``verb`` is in a clause marked as later than the act of ``token`` ("before the vehicle
    overturned", "until the boat capsized")."""
    return verb.dep_ == "advcl" and verb.i > token.i and any(c.dep_ == "mark" and c.lower_ in ("before", "until")
                                                                for c in verb.children)
