"""Frames that name acts without telling one, read from the dependency parse (``frames`` calls them):
a habit or a stopped act ("they continue to machinegun and bomb the population", "ceased bombing
pipelines"), a conflict's running toll ("the war, which killed more than 1,000 people"), what
explodes without a weapon ("the crisis that has exploded"), a phrasal verb ("talks wound up"), an
act named as the cause of a state ("the situation resulting from the recent attacks"), a run or a habit of acts ("the
wave of kidnappings", "the constant attacks"), kinds of violence listed ("torture, murder, rape
and disappearances were methods"), and the harmed named as a group ("evacuating its wounded"). Acts
remembered, referred to, only dating another or held against someone are ``_references``.
Their word lists are the ``FrameRules`` of ``data/rules/scope_frames.json``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventdesk.stages.parse import doc_text
from eventdesk.rules import word_list

if TYPE_CHECKING:
    from eventdesk.extract.scope.frames import FrameRules

__all__ = ["caused_state", "universal_victim", "conflict_toll", "enumeration", "figurative", "figurative_object", "habit", "harmed_as_noun", "number", "phrasal",
           "blind_agent", "counted_record", "kinds_harmed", "series", "state_clause", "survived"]


def habit(token, rules: FrameRules) -> str:
    """An act under a verb of going on or stopping: in the present a habit ("they continue to
    machinegun and bomb the population", "aid to continue murdering Salvadorans"), and one that
    ceased ("ceased bombing pipelines on 25 August") did not happen. "Rebels continued to shell the
    town on Monday" (a past tense) tells the act."""
    if token.pos_ != "VERB":
        return ""
    verb = token.head if token.dep_ in ("xcomp", "pcomp") else None
    if token.dep_ == "conj" and token.head.dep_ in ("xcomp", "pcomp"):
        verb = token.head.head  # "continue to machinegun and bomb"
    elif token.dep_ == "conj" and token.head.lemma_.lower() in rules.aspect_verbs \
            and any(c.dep_ in ("xcomp", "pcomp") for c in token.head.children):
        # the same, parsed as "[continue to Machinegun] and [bomb]"; not a verb with an object of its
        # own ("gunmen stopped a minibus and shot the driver dead": the stop is of the minibus)
        verb = token.head
    if verb is None or verb.i == token.i or verb.lemma_.lower() not in rules.aspect_verbs:
        return ""
    if verb.lemma_.lower() in rules.stop_verbs:
        return f"an act that stopped ('{verb.text.lower()} ...'), not one that happened"
    if verb.tag_ in ("VBP", "VBZ", "VB", "VBG"):
        return f"a habit or an ongoing campaign ('{verb.text.lower()} ...'), not one event"
    return ""


def conflict_toll(token, rules: FrameRules) -> str:
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


def _first_conjunct(token, pos: str | None = None):
    """The first of the conjuncts ``token`` belongs to ("killed" in "lasted 10 years and killed"),
    climbing only through heads of part of speech ``pos`` when given."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i and (pos is None or first.head.pos_ == pos):
        first = first.head
    return first


def _subject(verb):
    """The subject of ``verb``: of its first conjunct ("that has lasted 10 years and killed"), and
    for a relative pronoun the antecedent ("the war, which killed ...")."""
    first = _first_conjunct(verb)
    subject = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("that", "which", "who") and first.dep_ == "relcl":
        subject = first.head
    return subject


def figurative(token, rules: FrameRules) -> str:
    """"The crisis that has exploded today": what explodes is no weapon (violence that erupts or
    explodes is violence: "inter-clan violence erupted in Afdere")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in rules.explosion_verbs:
        return ""
    subject = _subject(token)
    if subject is None or not (subject.lemma_.lower() in rules.figurative_subjects
                               or subject.lower_ in rules.figurative_subjects):
        return ""
    return f"figurative ('{subject.text.lower()} ... {token.text.lower()}'), no weapon"


def figurative_object(token, rules: FrameRules) -> str:
    """A violent verb or noun whose object is an idea, a text or an institution, not a body: "senators
    killed the bill", "the president shot down the proposal", "attacked the government's decision",
    "attacks by the Cuban government against the national government", "the fatally wounded military
    leadership"; or an attack made in words:
    "in a speech in Kampala, Museveni attacked foreign donors". A weapon named in the sentence keeps
    the literal sense ("attacked the government convoy with grenades" is not figurative)."""
    if token.lemma_.lower() not in rules.figurative_verbs or any(
            t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in rules.weapon_nouns or t.lower_ in rules.weapon_nouns)
            for t in token.doc):
        return ""
    if token.pos_ == "VERB" and token.dep_ == "amod":
        objects = [token.head]  # "the fatally wounded military leadership": a participle on what it describes
    elif token.pos_ == "VERB":
        objects = [c for c in token.children if c.dep_ == "dobj"
                   or (c.dep_ == "nsubjpass" and token.tag_ == "VBN")]
    else:
        objects = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                   for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        if obj.pos_ == "NOUN" and (obj.lemma_.lower() in rules.abstract_objects or obj.lower_ in rules.abstract_objects):
            return f"figurative ('{token.text.lower()} ... {obj.text.lower()}'), not violence"
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "at")):
        for setting in (g for g in prep.children if g.dep_ == "pobj"):
            words = " ".join(t.lower_ for t in setting.lefts if t.dep_ == "compound")
            if setting.lemma_.lower() in rules.verbal_settings or f"{words} {setting.lower_}".strip() in rules.verbal_settings:
                return f"an attack in words ('{prep.lower_} a {setting.text.lower()}'), not violence"
    return ""


def struggled_object(token, rules: FrameRules) -> str:
    """"Fires that firefighters battled for hours", "doctors fighting the cholera outbreak", "the
    campaign to combat corruption": a fight against a fire, a flood, a disease or a social ill is no
    fight between armed sides. The object is read from the parse, also when a relative clause holds
    the verb ("fires that ... battled": the relative pronoun stands for the noun it describes)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in rules.struggle_verbs:
        return ""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("against", "with")
                for g in c.children if g.dep_ == "pobj"]
    if token.dep_ == "relcl" and not objects or any(o.tag_ in ("WDT", "WP") for o in objects):
        objects.append(token.head)
    for obj in objects:
        if obj.lemma_.lower() in rules.struggled_objects or obj.lower_ in rules.struggled_objects:
            return f"a fight against a thing ('{token.text.lower()} ... {obj.text.lower()}'), not violence"
    return ""


def blind_agent(token, rules: FrameRules) -> str:
    """What a fire, a flood or a storm destroys no one destroyed: "a fire in a market in Kano destroyed
    200 shops", "five died when a fire broke out in a market" is an accident (ACLED codes no event),
    unless the sentence makes the fire someone's act ("arsonists set fire to the market", "the blaze
    was started by a petrol bomb")."""
    if token.pos_ != "VERB":
        return ""
    subject = _subject(token)
    if subject is None or not _blind(subject, rules):
        # "five people died and 20 were injured when a fire broke out in a market": the harm's clause of
        # time has the fire for its subject
        first = _first_conjunct(token, "VERB")
        subject = next((_subject(c) for v in {first, token} for c in v.children if c.dep_ == "advcl"
                        and _subject(c) is not None
                        and _blind(_subject(c), rules) and any(m.lower_ in ("when", "as", "after") for m in c.children)),
                       None)
        if subject is None:
            return ""
    if any(t.lower_ in rules.arson_words or t.lemma_.lower() in rules.arson_words for t in token.doc):
        return ""
    return f"an accident or a disaster ('{subject.text.lower()} ... {token.text.lower()}'), not an act"


def _blind(subject, rules: FrameRules) -> bool:
    return subject.lemma_.lower() in rules.blind_agents or subject.lower_ in rules.blind_agents


def phrasal(token, rules: FrameRules) -> str:
    """"Talks wound up Tuesday": a particle makes the violent-looking verb another one."""
    for c in token.children:
        if c.dep_ == "prt" and f"{token.lower_} {c.lower_}" in rules.phrasal_senses:
            return f"another verb ('{token.lower_} {c.lower_}'), not violence"
    return ""


_CALENDAR_DAY = re.compile(
    r"\b(\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2})\b",
    re.IGNORECASE)



_DATE_WORDS = re.compile(
    r"\b(today|yesterday|tonight|last (night|week)|this (morning|afternoon|evening)|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{4}|\d{1,2}(:\d\d)?\s*(am|pm|hours)|\w+ (days?|weeks?|months?) ago)\b|\bat \d{4}\b",
    re.IGNORECASE)


#: The date words that name a day, not a year alone.
_DAY_WORDS = re.compile(_DATE_WORDS.pattern.replace(r"|\d{4}|", "|"), re.IGNORECASE)


def caused_state(token, rules: FrameRules) -> str:
    """An act named only as the cause of a state or a mood: "Cristiani comments on the situation
    resulting from the recent attacks by the guerrillas", "regrets over the situation that has
    resulted from military attacks launched by left-wing guerrillas". The sentence is about the
    state; the act is referred to, told elsewhere if at all. A day of its own keeps it ("the
    tension resulting from Monday's bombing of the market"), and so does a toll: the deaths or the
    damage resulting from an attack are the attack's (no state noun names them)."""
    act = token.head if token.pos_ == "VERB" and token.dep_ == "acl" and token.head.pos_ == "NOUN" else token
    first = _first_conjunct(act)
    prep = first.head
    if first.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("from", "by"):
        return ""
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.cause_verbs:
        return ""
    if verb.dep_ in ("acl", "relcl"):
        state = verb.head
    else:
        state = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if state is None and verb.tag_ in ("VBG", "VBN") and verb.dep_ == "advcl":
        state = _state_before(verb, rules)  # a quote between them: '"the threats against democracy" resulting from'
    if state is None or state.pos_ != "NOUN" or not (
            state.lemma_.lower() in rules.state_nouns or state.lower_ in rules.state_nouns):
        return ""
    if _DAY_WORDS.search(_subtree_text(first)):
        return ""
    return (f"an act named as the cause of a state ('the {state.text.lower()} {verb.text.lower()} "
            f"{prep.lower_} ...'), not its report")


def state_clause(token, rules: FrameRules) -> str:
    """An act told in a relative clause on a state, a mood or acts told as a habit or a run, with no
    day of its own, describes them: "it is not fair for them to live in a climate of violence in which
    there are so many killed", "information about the continuing operations of the contras, during
    which 18 peasants were killed recently" (a clause opened by "in which", "during which" or "where";
    the noun before the clause is read too, as the parse may hang the clause on another). "The tension
    in the town where two people were killed on Monday" has its day, and "the panic that spread when
    bombs were heard" is the state's own clause."""
    for head in [token, *list(token.ancestors)[:4]]:
        if head.dep_ != "relcl":
            continue
        opener = next((c for c in head.children if (c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children))
                       or (c.dep_ == "advmod" and c.lower_ == "where")), None)
        if opener is None or _DAY_WORDS.search(_subtree_text(head)):
            return ""  # "the panic that spread when bombs were heard": the state's own clause, not one it holds
        for noun in (head.head, *_nouns_before(opener)):
            # an act noun between them is the clause's own head ("the tension resulting from an attack on a
            # market on Friday, in which four traders were killed"), whatever the parse hung it on
            if noun.pos_ == "NOUN" and _no_one_act(noun, rules) and noun.i < opener.i and not any(
                    t.lemma_.lower() in rules.act_nouns for t in noun.doc[noun.i + 1:opener.i]):
                return f"an act describing a state or a habit ('the {noun.text.lower()} ... {opener.lower_}'), not its report"
        return ""
    return ""


def _no_one_act(noun, rules: FrameRules) -> bool:
    """A state or a mood ("climate", "situation"), acts as a run ("wave") or as a habit ("continuing
    operations")."""
    return noun.lemma_.lower() in rules.state_nouns or noun.lower_ in rules.state_nouns \
        or noun.lemma_.lower() in rules.series_heads \
        or any(c.dep_ == "amod" and c.lower_ in rules.habit_modifiers for c in noun.children)


def _nouns_before(opener) -> list:
    """The nouns the words right before a relative clause's opener hang from, nearest first ("the
    continuing operations of the contras, during which": "contras", "operations")."""
    i = opener.i - 1
    while i >= 0 and opener.doc[i].is_punct:
        i -= 1
    if i < 0:
        return []
    chain = [opener.doc[i]]
    while len(chain) < 3 and chain[-1].dep_ == "pobj" and chain[-1].head.lower_ == "of":
        chain.append(chain[-1].head.head)  # "operations of the contras", never "an attack on a market on Friday"
    return chain


def _state_before(participle, rules: FrameRules):
    """The state noun a subjectless participle the parse hung on the clause's verb follows: the noun
    phrase right before it ('"in view of the threats against Argentine democracy" resulting from an
    attack': the closing quote made "resulting" an adverbial clause of "expressed"), read up from the
    word before it through its prepositions, or None."""
    prev = participle.i - 1
    while prev >= 0 and participle.doc[prev].is_punct:
        prev -= 1
    if prev < 0:
        return None
    word = participle.doc[prev]
    for _ in range(4):
        if word.pos_ == "NOUN" and (word.lemma_.lower() in rules.state_nouns or word.lower_ in rules.state_nouns):
            return word
        if word.dep_ not in ("pobj", "prep", "amod", "compound") or word.head.i == word.i:
            return None
        word = word.head
    return None


def survived(token, rules: FrameRules) -> str:
    """A killing told in a clause on one who is said to be alive: "the alleged pilot that was killed
    in El Salvador is alive and well". The death is denied, not reported."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in rules.death_verbs or token.dep_ not in ("relcl", "acl"):
        return ""
    victim = token.head
    if victim.dep_ not in ("nsubj", "nsubjpass"):
        return ""
    state = next((c for c in victim.head.children if c.dep_ == "acomp" and c.lower_ in rules.survival_words), None)
    if state is None:
        return ""
    return f"a killing denied: the one it befell is {state.lower_} ('{victim.text.lower()} ... {state.lower_}')"


def counted_record(token, rules: FrameRules) -> str:
    """Acts counted as what someone has been through, with no day in the sentence: "the things to his
    credit were four assassination attempts on him", "the governor has been the target of three
    assassination attempts", "he has survived two ambushes". A record of a person, not one event (an
    act told on its day, "survived two ambushes on Monday", is left to the other frames)."""
    noun = token.head if token.dep_ == "compound" and token.head.pos_ == "NOUN" else token
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or not any(
            c.dep_ == "nummod" and (number(c.text) or 0) >= 2 for c in noun.children):
        return ""
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ == "be" and not any(c.dep_ == "expl" for c in head.children):
        # "there were two explosions" tells them; "the things to his credit were four attempts" counts them
        how = head.lower_
    elif noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in rules.record_nouns:
        how = f"the {head.head.lower_} of"
    elif noun.dep_ == "dobj" and head.lemma_.lower() in rules.record_verbs:
        how = f"{head.lower_}"
    else:
        return ""
    if _DAY_WORDS.search(doc_text(token.doc)):
        return ""
    return f"acts counted as a record ('{how} ... {noun.text.lower()}'), not one event"


def kinds_harmed(token, rules: FrameRules) -> str:
    """A violent verb in the present perfect done to a kind of people, named by a bare plural, with no
    day in the sentence and no place of its own: "they have murdered judges, a minister of justice",
    "a government that has killed nuns and members of other churches", "the group has kidnapped
    foreigners". A record of a side, not one event ("gunmen have killed villagers in Zamfara" names
    its place, "three peasants have been killed" its count)."""
    if token.pos_ != "VERB" or token.tag_ != "VBN" or not any(
            c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in token.children):
        return ""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not objects or not all(o.tag_ in ("NNS", "NNPS") and _bare(o) and not any(
            c.dep_ in ("amod", "compound") and c.like_num for c in o.children) for o in objects):
        return ""
    if _DAY_WORDS.search(doc_text(token.doc)) or any(
            t.dep_ == "pobj" and t.pos_ == "PROPN" and t.head.lower_ in ("in", "at", "near") for t in token.subtree):
        return ""
    return f"a record of acts on a kind of people ('{token.text.lower()} {objects[0].text.lower()}'), not one event"


def universal_victim(token, rules: FrameRules) -> str:
    """A violent verb in the present done to anyone at all: "peasants report that the contras steal,
    kidnap and murder anyone who does not cooperate with them", "the gangs kill whoever resists". It
    tells a habit or a threat, not one event; in the past ("the gunmen shot anyone they found in the
    market") it can tell one, and is left alone."""
    # a run of verbs shares its object ("steal, kidnap and murder anyone"), even a verb the parse took
    # for a noun ("kidnap")
    verbs = [t for t in (token, *token.conjuncts)
             if t.pos_ == "NOUN" or (t.pos_ == "VERB" and t.tag_ in ("VB", "VBP", "VBZ"))]
    if token not in verbs or not any(v.pos_ == "VERB" for v in verbs):
        return ""
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "MD") for v in verbs for c in v.children):
        return ""  # "did kill", "will kill": told elsewhere (past) or by the modal rules (future)
    objects = [c for v in verbs if v.pos_ == "VERB" for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    for obj in objects:
        if obj.lower_ in rules.universal_objects:
            return f"a habit or a threat ('{token.text.lower()} {obj.text.lower()}'), not one event"
    return ""


def series(token, rules: FrameRules) -> str:
    """Acts as a run or a habit: "the wave of kidnappings that is rocking the country", "in view of
    the constant attacks", "the continuing operations of the contras"."""
    if token.pos_ != "NOUN":
        return ""
    first = _first_conjunct(token)  # "the wave of crimes and terrorist attacks"
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


def enumeration(token, rules: FrameRules) -> str:
    """Kinds of violence listed: "denounced summary executions, political assassinations, and
    intimidatory campaigns", "torture, murder, rape, and disappearances were methods": three or
    more bare nouns in a row, two of them acts, name categories, not one event; so does a bare act
    noun in a list that ends "and other" things ("murder, and other activities")."""
    if token.pos_ != "NOUN":
        return ""
    first = _first_conjunct(token, "NOUN")
    items = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.pos_ == "NOUN")]
    if token.tag_ == "NN" and _bare(token) and any(t is not token and t.tag_ == "NNS" and any(c.lower_ == "other" and c.dep_ == "amod"
                                                                      for c in t.children) for t in items):
        # "incursions by armed groups, murder, and other activities that may jeopardize security": a bare
        # singular act noun (a mass noun: "murder", "torture") in a list that ends "and other ..." names a
        # kind among kinds; "clashes between the clans, exact dates, location and other details not known"
        # is a parse of a plural's list, not a kind
        return "kinds of violence listed ('... and other ...'), not one event"
    if len(items) < 3 or not all(_bare(t) for t in items):
        return ""
    acts = sum(1 for t in items if t.lemma_.lower() in rules.act_nouns or t.lower_.rstrip("s") in rules.act_nouns)
    return "kinds of violence listed, not one event" if acts >= 2 else ""


def harmed_as_noun(token, rules: FrameRules) -> str:
    """The harmed named as a group: "evacuating its wounded", "helicopters picked up the wounded"
    name people, not the act that harmed them (told elsewhere, if at all); or as a class: "the
    relatives of tortured and captured persons" (a participle over a bare plural, no one counted); or
    named again: "the injured jawans were airlifted" (a participle over a definite noun)."""
    first = token.head if token.dep_ == "conj" else token
    if token.tag_ == "VBN" and first.dep_ == "amod" and first.head.tag_ == "NNS" and _bare(first.head) and \
            not any(c.dep_ in ("agent", "prep", "dobj") for c in (token, first)):
        return f"the harmed named as a class ('{token.text.lower()} {first.head.text.lower()}'), not the act"
    if token.lower_ in word_list("scope_frames.json", "survivor_participles") and first.dep_ == "amod" and \
            first.head.pos_ == "NOUN" and \
            any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "these", "those"))
                for c in first.head.children) and not any(c.dep_ in ("agent", "prep", "dobj") for c in (token, first)):
        # "The injured jawans were airlifted to Raipur", "its wounded fighters": people the report
        # named as harmed before, named again by what befell them
        return f"the harmed named again ('{token.text.lower()} {first.head.text.lower()}'), not the act"
    if token.tag_ not in ("VBN", "JJ") or token.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass", "conj"):
        return ""
    kids = list(token.children)
    if not any(c.dep_ in ("det", "poss") for c in kids) or any(c.dep_ in ("dobj", "agent", "prep") for c in kids):
        return ""
    return f"the harmed named as a group ('{token.text.lower()}'), not the act"


def _subtree_text(token) -> str:
    """The text of ``token`` and everything under it in the parse."""
    words = list(token.subtree)
    return doc_text(token.doc)[words[0].idx:words[-1].idx + len(words[-1])]


def _bare(token) -> bool:
    return not any(c.dep_ in ("det", "poss", "nummod", "predet") for c in token.children)


_YEAR = re.compile(r"(1[89]|20)\d\d")


def _large_toll(span) -> bool:
    for t in span:
        if not (t.like_num or t.lower_ in ("hundreds", "thousands")):
            continue  # no number (the test first: most words are none)
        if _YEAR.fullmatch(t.text):
            continue  # a year ("On 3 May 2020"), not a count
        value = number(t.text)
        if value is not None and value >= 200:
            return True
    return False


def number(text: str) -> int | None:
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
             "dozens": 24, "hundreds": 200, "thousands": 2000}
    low = text.lower().replace(",", "")
    return int(low) if low.isdigit() and len(low) < 12 else words.get(low)
