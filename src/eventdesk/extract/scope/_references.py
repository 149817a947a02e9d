"""Frames of a violent word that names an act other than the one its sentence reports, read from the
dependency parse (``frames`` and the scope step call them): an act remembered or honoured ("let us not
forget Governor Roldan, who was murdered") or whose anniversary or memory is marked ("to mark the
anniversary of the Westgate mall attack"), an act that is the topic of a work ("a documentary about
the 1998 embassy bombing") or that years are counted from ("ten years after the Westgate attack"), an
act a topic refers to ("the controversy regarding the kidnapping"), an act that only dates another
("since the war started"), and an act someone is suspected, accused, tried or held responsible for
("two men suspected of killing a judge"). A day of the act's own keeps it reported (not for an
anniversary, a work or a span of years). Their word lists are the ``FrameRules`` of
``data/rules/scope_frames.json``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventdesk.extract.actors.attribution import enforcement_verbs
from eventdesk.extract.scope._mentions import _CALENDAR_DAY, _DATE_WORDS, _DAY_WORDS, _YEAR, _first_conjunct, _subtree_text
from eventdesk.stages.parse import doc_text

if TYPE_CHECKING:
    from eventdesk.extract.scope.frames import FrameRules

__all__ = ["accused_act", "anniversary", "named_by_year", "past_year_act", "reference", "remembered", "time_reference",
           "work_topic", "years_after"]


def remembered(token, rules: FrameRules) -> str:
    """An act that is what someone remembers or honours, with no date of its own: "let us recall the
    horrible explosion of the airliner, in which 100 people died", "let us not forget Governor
    Roldan, who was murdered", "mourners paid tribute to the soldiers killed in an ambush". History
    referred to, not news (the act, if news, is reported on its own day). "Residents recalled that gunmen
    stormed the village" reports what they say (a clause, not an object)."""
    child = token
    for _ in range(6):
        head = child.head
        if head.i == child.i or child.dep_ in ("ccomp", "xcomp", "advcl", "parataxis"):
            return ""
        if head.pos_ == "VERB" and (head.lemma_.lower() in rules.memory_verbs or _tribute_to(head, child, rules)):
            if _DATE_WORDS.search(_subtree_text(child)):
                return ""
            return f"an act remembered ('{head.text.lower()} ...'), not reported"
        child = head
    return ""


def _tribute_to(verb, child, rules: FrameRules) -> bool:
    """Whether ``child`` is the "to" of a tribute paid with ``verb``: "paid tribute to the soldiers
    killed in an ambush", "gave posthumous recognition to the priests murdered in El Salvador"."""
    return child.lower_ == "to" and child.dep_ in ("prep", "dative") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in rules.memory_nouns for c in verb.children)


def anniversary(token, rules: FrameRules) -> str:
    """An act whose anniversary, commemoration or memory is named: "gathered on Sunday to mark the
    anniversary of the Westgate mall attack, in which gunmen killed 67 people", "on the anniversary
    of the killing of his brother", "in memory of those killed in the bombing". An act that has an
    anniversary is history, whatever day its own phrase names; the sentence tells the commemoration."""
    child = token
    for _ in range(6):
        head = child.head
        if head.i == child.i or child.dep_ in ("ccomp", "xcomp", "advcl", "parataxis"):
            return ""
        if head.lower_ == "of" and head.dep_ == "prep" and head.head.pos_ == "NOUN" and \
                head.head.lemma_.lower() in rules.anniversary_heads:
            return f"an act commemorated ('the {head.head.text.lower()} of ...'), history, not news"
        child = head
    return ""


def reference(token, rules: FrameRules) -> str:
    """A definite or possessive act noun after a preposition of topic, with no date of its own:
    "the controversy regarding the kidnapping of the son": an act referred to, not reported (its
    own report, if any, is another sentence). "Regarding this morning's attack" has its own time. A weapon
    that names the act's kind is read on the act noun it modifies: "phone calls were received regarding
    the dynamite attack" refers to the attack as "regarding the attack" does."""
    token = _modified_act(token)
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.lower_ not in rules.reference_preps:
        return ""
    if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in token.children):
        return ""
    own = _subtree_text(token)
    if _DATE_WORDS.search(own):
        return ""
    return f"a reference to an earlier act ('{token.head.lower_} the {token.lower_}'), not its report"


def _modified_act(token):
    """The noun ``token`` names the kind of through compounds ("the dynamite attack", "the car bomb
    attack": the attack), or ``token`` itself."""
    while token.dep_ == "compound" and token.head.i != token.i and token.head.pos_ == "NOUN":
        token = token.head
    return token


def work_topic(token, rules: FrameRules) -> str:
    """An act that is what a film, book or other work is about: "a new documentary about the 1998
    embassy bombing in Nairobi premiered in Mombasa", "a book on the Rwandan genocide". The sentence
    tells of the work; the act, however recent, is its subject, not news. Not a report or footage:
    "footage of the attack", "a report on the attack" may be the news of it."""
    prep = _preposition_over(token, ("about", "on"))
    if prep is None:
        return ""
    work = prep.head
    if work.pos_ != "NOUN" or (work.lemma_.lower() not in rules.work_nouns and work.lower_ not in rules.work_nouns):
        return ""
    return f"the topic of a work ('{work.text.lower()} {prep.lower_} ...'), not news"


def years_after(token, rules: FrameRules) -> str:
    """An act that a span of months or years is counted from: "ten years after the Westgate mall
    attack, security remains tight", "a decade since the bombing of the embassy". The sentence
    tells what holds that long after; the act is history. "Two days after the attack" may still
    be the report's own story and is left to the other frames."""
    prep = _preposition_over(token, ("after", "since"))
    if prep is None:
        return ""
    spans = [c for c in prep.children if c.dep_ == "npadvmod"] + ([prep.head] if prep.head.pos_ == "NOUN" else [])
    unit = next((t for t in spans if t.lemma_.lower() in rules.anchor_units), None)
    if unit is None:
        return ""
    return f"an act counted from ('{unit.text.lower()} {prep.lower_} ...'), history, not news"


def named_by_year(token, rules: FrameRules) -> str:
    """An act named by its year: "sentenced two men for their role in the 2021 suicide bombing of a
    cathedral that wounded 20 people", "the 2008 Mumbai attacks". News tells today's act by its day;
    a year before the noun names a past act (its own clause, "that wounded 20 people", with it)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return ""
    head = token if token.dep_ != "compound" else token.head  # "the 2021 suicide bombing": on the head
    for child in head.children:
        if child.i < head.i and child.dep_ in ("nummod", "compound", "amod", "npadvmod") and \
                len(child.text) == 4 and child.text.isdigit() and child.text[:2] in ("19", "20"):
            return f"an act named by its year ('the {child.text} {head.text.lower()}'), history, not news"
    return ""


def _preposition_over(token, words: tuple[str, ...]):
    """The preposition (one of ``words``, with a head of its own) whose object is the act noun
    ``token`` or the first of the acts listed with it ("about the bombing and the siege"), or None."""
    if token.pos_ != "NOUN":
        return None
    phrase = _first_conjunct(token)
    prep = phrase.head
    if phrase.dep_ != "pobj" or prep.lower_ not in words or prep.head.i == prep.i:
        return None
    return prep


def time_reference(token, rules: FrameRules) -> str:
    """An act noun that only dates another act: the subject of a verb of beginning or ending in a
    clause of time ("journalists were threatened a few days after the government's offensive began",
    "since the war started, 500 people have died"). The sentence tells what followed; the act named,
    if the report tells it, is told elsewhere. "When the attack began, the guards fled" tells it."""
    if token.pos_ != "NOUN" or token.dep_ not in ("nsubj", "nsubjpass"):
        return ""
    verb = token.head
    if verb.lemma_.lower() not in rules.phase_verbs or verb.dep_ != "advcl":
        return ""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in rules.time_subordinators), None)
    if mark is None:
        return ""
    return f"an act that only dates another ('{mark.lower_} the {token.lower_} {verb.lower_}'), not its report"


def accused_act(token, rules: FrameRules) -> str:
    """An act someone is suspected, accused, tried or held responsible for, with no date of its own:
    "police arrested two men suspected of killing a judge", "soldiers implicated in the murder of six
    Jesuits". The act is referred to; the sentence reports the arrest or the trial, and the act
    never takes their day. "Blamed the army for the murder of 10 unionists on 31 October" keeps it."""
    first = _first_conjunct(token)
    prep = first.head if first.dep_ in ("pobj", "pcomp") else _dangling_prep(first)
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in ("of", "in", "for", "with", "to"):
        return ""
    head = _accuser_of(prep.head, rules)
    if head is None:
        return ""
    own = _subtree_text(first)
    if head.lemma_.lower() == "responsibility" and head.head.lemma_.lower() in rules.responsibility_verbs:
        # "the Extraditables have claimed responsibility for the attack on El Espectador in Bogota this
        # morning": its author's claim reports the act, dated wherever the claim's clause dates it (not
        # by the clause around it: "In May 2014, Shekau released a video in which he claimed responsibility
        # for the kidnappings" dates the video)
        verb = head.head
        own = doc_text(token.doc) if verb.dep_ != "relcl" else \
            token.doc[verb.left_edge.i:verb.right_edge.i + 1].text
    # "arrested two men suspected of killing a judge in Medellin on Monday": a weekday is the arrest's;
    # "... suspected of killing a judge on 2 April" names the act's own day
    arrest = head.dep_ in ("acl", "amod", "relcl") and head.head.head.lemma_.lower() in enforcement_verbs()
    if _CALENDAR_DAY.search(own) if arrest else _DAY_WORDS.search(own):
        return ""  # a year alone ("sentenced for the 2019 hotel attack") dates no act the report tells
    words = f"{head.text.lower()} {prep.lower_}" if head.i == prep.head.i else head.doc[head.i:prep.i + 1].text.lower()
    return f"an act referred to as what someone is {words}, not its report"


def _dangling_prep(phrase):
    """The preposition right before ``phrase`` that the parser left with no object, when it hung the
    phrase elsewhere: in "the people responsible for Monsignor Romero's murder to be sent to trial" the
    possessive made "murder" a subject of "sent" and left "for" empty. None when there is none."""
    start = phrase.left_edge.i
    if start == 0:
        return None
    before = phrase.doc[start - 1]
    if before.dep_ != "prep" or any(c.dep_ in ("pobj", "pcomp") for c in before.children):
        return None
    return before


def _accused(word, rules: FrameRules) -> bool:
    return word.lower_ in rules.accusation_heads or word.lemma_.lower() in rules.accusation_heads


def _accuser_of(head, rules: FrameRules):
    """The accusation word whose complement holds the act: ``head`` itself ("suspected of killing"), or
    the one over a perpetrator's role it names ("accused of being the mastermind of the child's murder",
    "charged as the author of the bombing"); None when there is none."""
    if _accused(head, rules):
        return head
    if head.lemma_.lower() not in rules.perpetrator_roles or head.dep_ not in ("attr", "pobj", "dobj"):
        return None
    up = head.head  # "being" / "as" / "of"
    for _ in range(3):
        if _accused(up, rules):
            return up
        if up.lemma_.lower() not in ("be", "as", "of") or up.head.i == up.i:
            return None
        up = up.head
    return None


def past_year_act(token, year: int | None) -> str:
    """An act named with a year of its own before the report's year and no day: "a court on Tuesday
    sentenced two men for their role in the 2013 Westgate mall attack", "an investigation into the
    2019 bombing of the police station found ...", "the opposition leader, who was shot dead in 2015":
    history the sentence refers to (its news is the verdict, the finding, the ceremony), not an act
    it reports, whatever day the sentence's own clause names. The act's own phrase, or that of the
    act noun a clause on it hangs from ("the 2013 attack, in which gunmen killed 67 people"), holds
    the year; a month or a day there ("the March 1980 assassination", "on 5 May 2019") is a date of
    its own, left to the dates step. ``year`` is the report's year (None: no year to compare)."""
    if year is None:
        return ""
    acts = [token]
    if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN") and token.head.i != token.i:
        acts.append(token.head)  # "the 2013 attack in which gunmen killed 67": the clause tells the noun's act
    for act in acts:
        own = _own_year(act, year)
        if own is not None and own < year and not _DAY_WORDS.search(_own_text(act)):
            return f"an act of an earlier year ('{own}'), history referred to, not reported"
    return ""


def _own_year(act, year: int) -> int | None:
    """The year ``act`` is named with: a year before its noun ("the 2013 attack", "last year's attack",
    the year before ``year``) or in a phrase of its own ("the bombing in 2019", "killed in 2015"); None
    when there is none."""
    for t in act.doc[act.left_edge.i:act.i]:  # "the 2013 Westgate mall attack": the year may hang on a name
        if t.dep_ in ("nummod", "compound", "amod", "npadvmod", "nmod") and _YEAR.fullmatch(t.text):
            return int(t.text)
    for c in act.children:
        if c.dep_ == "poss" and c.lemma_.lower() == "year" and any(a.lower_ == "last" for a in c.children):
            return year - 1
        if c.dep_ == "prep" and c.lower_ in ("in", "during"):
            years = [p for p in c.children if p.dep_ == "pobj" and _YEAR.fullmatch(p.text)]
            if years:
                return int(years[0].text)
    return None


def _own_text(act) -> str:
    """The text of ``act``'s own phrase, without the clauses on it ("the 2013 attack, in which gunmen
    killed 67 people on a Saturday": the Saturday is the clause's)."""
    skip = {t.i for c in act.children if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj") for t in c.subtree}
    return " ".join(t.text for t in act.subtree if t.i not in skip)
