"""The scope step: whether each typed event sentence reports an event as fact, or why not: its mood
and tense (negated, denied, future, hypothetical, a threat or plan, an aggregate, ...; ``modality``)
and the frame its violent word stands in (an accusation or trial, a threat or campaign, a purpose, a
reference to victims, violence in general, a natural disaster; ``frames``), and, for what the rules
keep, the learned event-sentence classifier's veto (``learned``). A sentence kept although the word
that typed it names another act than the one it reports ("a journalist was shot dead three days after
the army's offensive began") is typed again without that word (``retypes``)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from eventdesk.document import ArticleDoc
from eventdesk.extract.scope import modality
from eventdesk.extract.scope.frames import AGGREGATE_REASONS, frame_reason, load_frame_rules, sports_lead
from eventdesk.extract.scope._stance import mood_object, reacted_to, reason_given, stance_on_told_act
from eventdesk.extract.scope._mentions import blind_agent, caused_state, struggled_object, universal_victim
from eventdesk.extract.scope._denials import denied_claims
from eventdesk.extract.scope._references import (accused_act, anniversary, named_by_year, past_year_act, reference,
                                                  remembered, time_reference, work_topic, years_after)
from eventdesk.extract.trigger.classify import all_cues, cues
from eventdesk.extract.trigger.component import classify_sentence, without_sources

__all__ = ["read_scope"]


def read_scope(doc: ArticleDoc, services) -> ArticleDoc:
    text = doc.reading.text
    index = {s.span: i for i, s in enumerate(doc.sentences)}
    rules = load_frame_rules()
    verdicts = {}
    retypes = {}
    perfect = modality.news_perfect([doc.docs[s.span] for s in doc.sentences[:2] if s.span in doc.docs])
    year = doc.publication.date.year if doc.publication is not None and doc.publication.date is not None else None
    # a match report's play ("Arsenal beat Liverpool 3-1 ... The boys fought like warriors") is no violence
    sports = sports_lead(doc.lead_text(), rules)
    for span, c in doc.triggers.items():
        parse = doc.docs[span]
        sentence = text[span.start:span.end]
        lead = index[span] < 2
        verdict = modality.judge(parse, c.start, c.end, lead=lead, perfect_news=perfect)
        perfect_here = perfect
        if verdict.reason.startswith("present perfect without a date") and \
                _after_dated_perfect(doc, index[span], services):
            perfect_here = True
            verdict = modality.judge(parse, c.start, c.end, lead=lead, perfect_news=True)
        violent = c.event_type in _VIOLENT_TYPES
        armed = cache(lambda: doc.context.armed_hint(without_sources(sentence, span, doc.actors.get(span, ()))).armed)
        factual = verdict.factual or _another_cue_is_factual(parse, sentence, c, lead, violent, perfect_here,
                                                             framed=lambda t: frame_reason(t, sentence, armed(), rules, sports)
                                                             or past_year_act(t, year))
        reason = "" if factual else verdict.reason
        if not reason and violent:
            reason, framed = _frame(parse, sentence, c, armed(), rules, lead, year, sports)
            if framed:
                # "a journalist was shot dead three days after the army's offensive began": the word that
                # typed it names no event, another reports one; the sentence is of the type told without it
                blank = sentence[:c.start] + " " * (c.end - c.start) + sentence[c.end:]
                other = classify_sentence(doc, span, blank)
                if other is not None and other.event_type in _VIOLENT_TYPES and \
                        not _toll_of_tallied_act(parse, other, framed, rules):
                    retypes[span] = other
        if not reason and (token := modality._cue_token(parse, c.start, c.end)) is not None:
            reason = blind_agent(token, rules)  # "a fire destroyed 200 shops", whatever type its verb gave it
        verdicts[span] = reason
    verdicts.update(denied_claims(doc, verdicts, _VIOLENT_TYPES, rules))
    classifier = services.event_classifier
    factual = [span for span, why in verdicts.items() if not why]
    if classifier is not None and factual:
        for span, score in zip(factual, classifier.scores([text[s.start:s.end] for s in factual])):
            verdicts[span] = classifier.reason(score)
    return replace(doc, verdicts=verdicts, retypes=retypes)


def _after_dated_perfect(doc: ArticleDoc, i: int, services) -> bool:
    """Whether the sentence before the ``i``-th, in its paragraph, tells a dated act in the present
    perfect (``modality.dated_perfect``): "The ELN has started a new wave of violence in the past
    hours. It has murdered three peasants in Guachicono" tells the murders in that time, not as
    background."""
    if i == 0:
        return False
    before, this = doc.sentences[i - 1].span, doc.sentences[i].span
    text = doc.reading.text
    if "\n\n" in text[before.end:this.start]:
        return False
    parse = doc.docs.get(before)
    if not parse:  # not parsed with the event sentences: parsed here, unless no perfect can be in it
        if not modality.may_tell_perfect(text[before.start:before.end]):
            return False
        parse = services.nlp.parse([text[before.start:before.end]])[0]
    return modality.dated_perfect(parse)


_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})

# cues of events that are no violence: an arrest or an agreement in the sentence does not report the
# violence an accusation names ("police arrested three men suspected of killing a judge")
_NOT_VIOLENT = frozenset({"agreement", "sd_arrest", "change", "hq", "transfer", "other", "protest", "intervention",
                          "looting", "disrupted"})


def _frame(parse, sentence: str, c, armed: int, rules, lead: bool, year: int | None,
           sports: bool = False) -> tuple[str, str]:
    """The frame of the word that typed the sentence; when it names no event, another violent word
    of the sentence may still report one ("accused of the attack in which gunmen killed two"): then
    no reason, and the frame's reason when the typing word names another act than the one reported (then the
    sentence is typed without it), else "". ``year`` is the report's year, for an act of an earlier one."""
    token = modality._cue_token(parse, c.start, c.end)
    if token is None:
        return "", ""

    def framed(word) -> str:
        return frame_reason(word, sentence, armed, rules, sports) or past_year_act(word, year)

    why = framed(token)
    if not why:
        return "", ""
    # "sentenced two men for a bombing that killed 11 people": a violent word inside the phrase of an
    # act someone is tried or blamed for tells that act, and is framed with it; a clause on another noun
    # of the phrase is a report of its own ("involved in a shoot-out at the airport, where the gunman and
    # a young man died"). In other frames a finite word inside may still report ("ongoing ethnic
    # clashes, two killed")
    inside = {token.i}
    if why == universal_victim(token, rules):
        inside = {t.i for t in token.subtree}  # "murder anyone [who does not cooperate with their vandalism]"
    elif why == named_by_year(token, rules):
        inside = {t.i for t in token.head.subtree} if token.dep_ == "compound" else {t.i for t in token.subtree}
    elif why == accused_act(token, rules):
        inside = {t.i for t in token.subtree} - {u.i for r in token.subtree if r.dep_ == "relcl"
                                                 and r.head.i != token.i for u in r.subtree}
    elif why == past_year_act(token, year):
        # "the 2013 attack, in which gunmen killed 67 people": the clause on the act tells the same act
        act = token.head if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN") else token
        inside = {t.i for t in act.subtree}
    for name, m in all_cues(sentence):
        if (m.start(), m.end()) == (c.start, c.end) or name in _NOT_VIOLENT:
            continue
        other = modality._cue_token(parse, m.start(), m.end())
        if other is not None and other.i not in inside and not framed(other) \
                and modality.judge(parse, m.start(), m.end(), lead=lead).factual:
            # a frame of another act than the one the sentence reports: "shot dead a journalist three days
            # after the army's offensive began" is of the type the rest tells; an instrument, a habit or a
            # generic plural is the same act's word ("ongoing ethnic clashes, two killed" is a clash)
            other_act = any(why == frame(token, rules) for frame in _OTHER_ACTS) or why == past_year_act(token, year) \
                or why in AGGREGATE_REASONS
            return "", why if other_act else ""
    return why, ""


def _toll_of_tallied_act(parse, other, framed_why: str, rules) -> bool:
    """Whether the word that would type the sentence again (``other``) is only the toll of the act its
    framed word tallies: "the death toll from two days of fighting between rival armed groups has risen to
    55, with 146 wounded" counts the fighting's wounded, a clash; a harm word with an agent of its own
    reports its own act ("after weeks of fighting, gunmen killed ten villagers on Sunday")."""
    if framed_why not in AGGREGATE_REASONS:
        return False
    token = modality._cue_token(parse, other.start, other.end)
    if token is None or not (token.lower_ in rules.harm_words or token.lemma_.lower() in rules.death_verbs):
        return False
    # "146 wounded", "55 killed": the subject of a bare participle is the one harmed ("have killed" acts)
    participle = token.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
    return not any(c.dep_ == "agent" or (c.dep_ == "nsubj" and not participle) for c in token.children)


#: frames whose word names an act other than the one its sentence reports
_OTHER_ACTS = (time_reference, reference, accused_act, remembered, caused_state, mood_object, stance_on_told_act,
               reason_given, reacted_to, anniversary, work_topic, years_after, struggled_object, named_by_year)


def _another_cue_is_factual(parse, sentence_text: str, c, lead: bool, violent: bool, perfect: bool = False,
                            framed=lambda token: "") -> bool:
    """"Police fought armed clans [who were preparing to attack villages]": the cue that typed the
    sentence sits in a planned clause, but another event word of the sentence reports a fact. For a
    violent type that word must be one of violence: "a truck loaded with explosives was confiscated"
    reports a seizure, not the explosion its weapon word typed; and it must report violence in its
    own frame (``framed`` gives its frame's reason): "the fatally wounded military leadership ordered
    that the neighbourhoods be bombarded" has no act, its order's word nor its figurative one."""
    for name, m in cues(sentence_text).items():
        if (m.start(), m.end()) == (c.start, c.end) or (violent and name in _NOT_VIOLENT):
            continue
        if modality.judge(parse, m.start(), m.end(), lead=lead, perfect_news=perfect).factual:
            if violent and (token := modality._cue_token(parse, m.start(), m.end())) is not None and framed(token):
                continue
            return True
    return False
