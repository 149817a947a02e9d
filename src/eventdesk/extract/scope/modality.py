"""Is a sentence that looks like an event a report of something that happened?

Negated ("did not attack"), denied, future ("will not cross"), hypothetical or conditional ("could
carry out attacks", "if Iraq does not close the border"), threatened or planned ("vowed to strike"),
predicted ("would likely mean more air strikes"), habitual ("has been launching intermittent
airstrikes for over a year"), aggregate ("42 attacks between May 7 and 13", "a series of attacks")
statements and questions are not events. Each rejection carries a reason a user can list.
The checks walk the dependency parse from the word that made the sentence look like an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventdesk.rules import pattern, word_list
from eventdesk.stages.parse import doc_text

__all__ = ["Modality", "done_after_all", "judge"]

_MODALS: frozenset[str] = word_list("modality_words.json", "modals")  # type: ignore[assignment]
_FUTURE: frozenset[str] = word_list("modality_words.json", "future")  # type: ignore[assignment]
_PLAN_VERBS: frozenset[str] = word_list("modality_words.json", "plan_verbs")  # type: ignore[assignment]
_DENY_VERBS: frozenset[str] = word_list("modality_words.json", "deny_verbs")  # type: ignore[assignment]
_SCHEDULING: frozenset[str] = word_list("modality_words.json", "scheduling_verbs")  # type: ignore[assignment]
_THREAT_VERBS: frozenset[str] = word_list("modality_words.json", "threat_verbs")  # type: ignore[assignment]
_DENIAL_FORMS: frozenset[str] = word_list("modality_words.json", "denial_forms")  # type: ignore[assignment]


@cache
def _habitual() -> re.Pattern[str]:
    """Words that make an act a habit or an ongoing activity: ``modality_words.json`` habitual."""
    return re.compile(pattern("modality_words.json", "habitual"), re.IGNORECASE)


# "continued to attack": ongoing, unless the sentence names the day ("continued to attack the town on Sunday")
_CONTINUED = re.compile(pattern("modality_words.json", "continued_acts"), re.IGNORECASE)


@cache
def _aggregate() -> re.Pattern[str]:
    """A count or a run of acts, a summary rather than one event: ``modality_words.json`` aggregate."""
    return re.compile(pattern("modality_words.json", "aggregate"), re.IGNORECASE)


@dataclass(frozen=True)
class Modality:
    """The verdict on one sentence: ``reason`` is empty when it reports a real event."""

    reason: str = ""

    @property
    def factual(self) -> bool:
        return not self.reason


def news_perfect(lead_parses) -> bool:
    """Whether the report tells its news in the present perfect: a lead sentence whose main verb (or a
    verb joined to it) is one ("five peasants and four guerrillas have died, five policemen have been
    wounded"). Its later undated perfects then go on telling the news ("three peasants have been shot
    to death by EPL members in Tierra Alta") rather than background."""
    speech = word_list("scope_frames.json", "speech_verbs")
    for parse in lead_parses:
        for root in (t for t in parse if t.dep_ == "ROOT"):  # the parser may split a long lead
            verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
            # "a spokesman has indicated that ...": a statement's perfect says nothing of how acts are told
            if any(_aspect(v) == "present perfect" and v.lemma_.lower() not in speech for v in verbs):
                return True
    return False


def dated_perfect(parse) -> bool:
    """A sentence that tells a dated act in the present perfect ("the ELN has started a new wave of
    violence in the past hours"): the undated perfect that goes on in its paragraph ("It has murdered
    three peasants in Guachicono") is told in the same time."""
    return news_perfect([parse]) and _act_dated(parse)


def judge(doc, cue_start: int, cue_end: int, *, lead: bool = True, perfect_news: bool = False) -> Modality:
    """Judge the sentence ``doc`` (a spaCy Doc) from the cue at char offsets [cue_start, cue_end).

    ``lead`` says whether the sentence opens the article: news leads use the present perfect for
    fresh events ("gunmen have killed five"); later in an article, an undated present perfect or
    progressive ("Iraq has attacked sites", "operations forces are conducting") is background or
    ongoing activity, not one event, unless the report tells its news in the perfect
    (``perfect_news``, see ``news_perfect``): then a later perfect goes on telling it.
    An act said not to be (or only to be) done that the sentence then tells done after all is
    reported (``done_after_all``)."""
    verdict = _judge(doc, cue_start, cue_end, lead=lead, perfect_news=perfect_news)
    if verdict.reason in _UNDONE:
        token = _cue_token(doc, cue_start, cue_end)
        if token is not None and done_after_all(token):
            return Modality()
    return verdict


#: the verdicts of an act said not to be done, or only to be: what a later clause may turn into a report
_UNDONE = frozenset({"negated", "hypothetical", "future", "threat or plan"})


def done_after_all(token) -> bool:
    """"They had announced that they would not use car bombs, but they used one yesterday": a verb over
    the cue, said in a negated, modal or planned clause, comes again later in the sentence in the simple
    past, not negated, after a word of contrast (``modality_words.json`` contrast_words): the act was done."""
    contrast = word_list("modality_words.json", "contrast_words")
    doc = token.doc
    for verb in [t for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX")][:3]:
        for again in doc[verb.i + 1:]:
            if again.lemma_.lower() == verb.lemma_.lower() and again.tag_ == "VBD" and \
                    not any(c.dep_ == "neg" for c in again.children) and \
                    any(w.lower_ in contrast for w in doc[verb.i + 1:again.i]):
                return True
    return False


def _judge(doc, cue_start: int, cue_end: int, *, lead: bool, perfect_news: bool) -> Modality:
    text = doc_text(doc)
    token = _cue_token(doc, cue_start, cue_end)
    if text.rstrip().endswith("?") and (token is None or not _told_done(token)):
        # "What do the armed forces think about the eight bombs that were detonated yesterday?": a question
        # presupposes the act a definite phrase names with its day
        return Modality("question")
    if token is None:
        return Modality()
    lemma = token.lemma_.lower()
    if lemma in _THREAT_VERBS or lemma in _SCHEDULING:  # scheduling: plan, intend, ...
        return Modality("threat or plan")
    if _told_done(token):
        return Modality()
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in _SCHEDULING:
        return Modality("threat or plan")  # "have scheduled a general strike on 1 November"
    chain = [token, *token.ancestors]
    verb_chain = [t for t in chain if t.pos_ in ("VERB", "AUX")] or [token.head]
    first_verb = verb_chain[0]
    for t in verb_chain[:3]:
        kids = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
        if kids & _FUTURE or ("going" in kids and any(c.lower_ == "to" for c in t.children)):
            return Modality("future")
        if t is not token and t.lower_ == "going" and kids & {"is", "are", "am", "was", "were", "'s", "'re"} \
                and any(c.dep_ == "xcomp" for c in t.children):
            return Modality("future")  # "they were going to attack the Salvadoran people": intended
        if kids & _MODALS and not (t is not token and kids & _MODALS <= {"can", "must"} and _says(t)):
            return Modality("hypothetical")  # not "I can tell you that a corporal died": said, not supposed
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
            return Modality("conditional")
        if t.dep_ == "ccomp" and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "be" and c.tag_ == "VB"
                                     for c in t.children) and not any(c.lower_ == "to" for c in t.children):
            return Modality("an order or demand ('... that they be bombarded'), not an act")
        if t.lemma_.lower() in _DENY_VERBS or t.lower_ in _DENIAL_FORMS:
            return Modality("denied")
        if t.lemma_.lower() in _PLAN_VERBS or t.lower_.rstrip("s") in _PLAN_VERBS:
            if token.tag_ == "VB" and (t is not first_verb or token.dep_ in ("xcomp", "ccomp")):
                return Modality("threat or plan")  # "threatened to attack": an infinitive under a plan
    if _negated(token, first_verb):
        return Modality("negated")
    if token.tag_ == "VB" and token.dep_ in ("xcomp", "advcl") and any(
        c.lower_ == "to" for c in token.children
    ):
        head = token.head.lemma_.lower()
        if head in _PLAN_VERBS or head in _DENY_VERBS or head in _SCHEDULING:
            return Modality("threat or plan")
    aspect = _aspect(token) if token.dep_ == "relcl" and token.head.tag_ in ("NNS", "NNPS") else ""
    # a date anywhere in the sentence dates a clause whose antecedent does the act ("youths who are
    # protesting blocked the road on 6 June": the crowd of the dated act); a clause that tells what
    # befalls its antecedent ("today the council declared a state of siege to protect the people,
    # who are being attacked") is dated only by a date inside it
    agent = any(c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in token.children)
    if aspect and not (_act_dated(doc) if agent else _clause_dated(doc, token)):
        # "demanded that the contras release the 1,000 Nicaraguans they have kidnapped", "to protect the
        # Salvadoran people, who are being unjustly attacked": the clause describes the many the
        # sentence is about, their past or their plight, in a lead as anywhere ("a commission to receive
        # David Kent, who has been kidnapped by the ELN" tells one person's kidnapping)
        return Modality(f"{aspect} in a relative clause on a plural without a date (background or ongoing)")
    if token.dep_ == "relcl" and token.tag_ in ("VBZ", "VBP") and not _clause_dated(doc, token):
        # "Babakura Kolo, a leader of the Civilian Joint Task Force, a militia that fights alongside the
        # army": a simple present in a relative clause says what someone does, a description
        return Modality("present tense in a relative clause (a description, not one event)")
    if not lead and not _act_dated(doc):
        aspect = _aspect(first_verb) or ("present tense" if _present(first_verb) else "")
        if aspect and not (perfect_news and aspect == "present perfect"):
            return Modality(f"{aspect} without a date (background or ongoing)")
    core = _core_clause(first_verb if token.pos_ != "VERB" else token, token)
    if any(_overlaps(m, core) for m in _habitual().finditer(text)) and not _dated_act(text):
        return Modality("habitual or ongoing, not one event")
    if any(_overlaps(m, core) for m in _CONTINUED.finditer(text)) and not _specific_day(text):
        return Modality("habitual or ongoing, not one event")
    if any(_overlaps(m, core) and not _GRIEVANCE.search(text, 0, m.start()) for m in _aggregate().finditer(text)) \
            and not _specific_day(text):
        return Modality("aggregate or summary statistic")
    return Modality()


_AGO = re.compile(r"\b(\w+ (days?|weeks?|months?) ago|last (week|month|night)|"
                  r"(this|yesterday|tomorrow) (morning|afternoon|evening)|early today|overnight)\b", re.IGNORECASE)


def _told_done(token) -> bool:
    """The act the cue names is presupposed (``_presupposed``), or told in the past by a relative clause on a
    definite phrase that gives its day: "the eight bombs that were detonated yesterday", "the men who
    attacked the village on Monday"."""
    if _presupposed(token):
        return True
    if token.dep_ != "relcl" or token.tag_ not in ("VBD", "VBN"):
        return False
    aux = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if token.tag_ == "VBN" and not any(a.tag_ == "VBD" and a.lemma_ == "be" for a in aux):
        return False  # "that have been detonated", "that would be detonated": no past act of its own
    return not any(a.lemma_ in ("have", "will", "would", "can", "could", "may", "might", "should", "must")
                   for a in aux) and _presupposed(token.head)


def _presupposed(token) -> bool:
    """A definite event noun with its own date: "denied that the trip is linked to the
    assassination of Hector Oqueli 3 days ago in Guatemala". The matrix clause's denial, future or
    mood does not reach it: a definite description presupposes the act it names."""
    if token.pos_ != "NOUN" or not any(
            (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss" for c in token.children):
        return False
    doubt = word_list("modality_words.json", "doubt_modifiers") | word_list("scope_frames.json", "prospect_modifiers")
    qualified = [c for c in token.children if c.dep_ == "amod"]
    if any(c.lower_ in doubt for c in qualified):
        return False  # "the planned attack", "the alleged massacre"
    end = max(t.idx + len(t) for t in token.subtree)
    # from the noun phrase's start: "regarding the 7 January assassination in Tegucigalpa" names its day before it
    window = doc_text(token.doc)[token.left_edge.idx:end + 40]
    if qualified:  # "the double murder perpetrated on 19 January", not "the new offensive announced in April"
        return bool(_day().search(window) or _AGO.search(window))
    return bool(_any_date().search(window) or _AGO.search(window))


_NESTED = {"relcl", "advcl", "acl", "ccomp", "csubj", "parataxis"}


def _core_clause(verb, cue) -> list[tuple[int, int]]:
    """Character ranges of the cue's own clause: the verb and its dependents, without the clauses
    nested in it ("... to look for al-Shabab [who have been attacking civilians]"); the cue is
    always part of it."""
    keep, stack = [], [verb]
    while stack:
        t = stack.pop()
        keep.append((t.idx, t.idx + len(t.text)))
        stack.extend(c for c in t.children if c.dep_ not in _NESTED or c.i == cue.i)
    keep.append((cue.idx, cue.idx + len(cue.text)))
    return keep


def _overlaps(match: re.Match[str], ranges: list[tuple[int, int]]) -> bool:
    return any(start < match.end() and match.start() < end for start, end in ranges)


#: What a demonstration is against, just before an aggregate: "barricaded roads in protest at a spate of attacks"
#: protests once against many acts; the aggregate is the grievance's, not the demonstration's.
_GRIEVANCE = re.compile(pattern("modality_words.json", "grievance_before"), re.IGNORECASE)


@cache
def _any_date() -> re.Pattern[str]:
    """Any word that can date an act: ``modality_words.json`` any_date."""
    return re.compile(pattern("modality_words.json", "any_date"), re.IGNORECASE)


def _says(verb) -> bool:
    """A verb of saying ("tell", "confirm", "say")."""
    return verb.lemma_.lower() in word_list("scope_frames.json", "speech_verbs")


def _present(verb) -> bool:
    """A present tense, active ("attacks") or passive ("is called", "are held")."""
    if verb.tag_ in ("VBP", "VBZ"):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in verb.children) \
        and not any(c.dep_ == "aux" for c in verb.children)


def _act_dated(doc) -> bool:
    """Whether the sentence names a time that can date an act: any date word, except one that dates
    an announcement said of a noun ("the new rebel offensive announced in April is called ..."):
    there the month is the announcement's, and the present tense around the act still rules."""
    speech = word_list("scope_frames.json", "speech_verbs")
    for m in _any_date().finditer(doc_text(doc)):
        token = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        head = token.root if token is not None else None
        while head is not None and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head is None or not (head.dep_ in ("acl", "relcl") and head.lemma_.lower() in speech):
            return True
    return False


def _clause_dated(doc, verb) -> bool:
    """Whether a date falls inside the clause of ``verb``: "today the council declared a state of
    siege to protect the people, who are being attacked" dates the declaration, not the attacks."""
    start, end = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    return any(start <= m.start() < end for m in _any_date().finditer(doc_text(doc))) or any(
        start <= m.start() < end for m in _AGO.finditer(doc_text(doc)))


_PERFECT_AUX = frozenset({"has", "have", "'ve", "'s"})  # the auxiliaries of a present perfect


def may_tell_perfect(sentence: str) -> bool:
    """Whether ``sentence`` holds a word a present perfect needs (``_PERFECT_AUX``); without one,
    ``news_perfect`` and ``dated_perfect`` are false whatever its parse, so it needs none."""
    low = sentence.lower()
    return any(word in low for word in _PERFECT_AUX)


def _aspect(verb) -> str:
    """"present perfect" ("has attacked") or "progressive" ("are conducting", "are being killed"), else ""."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if verb.tag_ == "VBN" and words & _PERFECT_AUX and not words & {"had"}:
        return "present perfect"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'re"}:
        return "progressive"
    if verb.tag_ == "VBN" and "being" in words and words & {"is", "are", "am", "'re"} \
            and verb.lemma_.lower() not in word_list("modality_words.json", "durative_verbs"):
        return "progressive"  # the passive "are being killed"; "are being held hostage" is a situation now
    return ""


_OCCUR: frozenset[str] = word_list("modality_words.json", "occur_verbs")  # type: ignore[assignment]


def _negated(token, verb) -> bool:
    """The event itself is negated ("did not attack", "no strike was carried out"), not some
    other verb of the sentence ("DETAILS NOT SPECIFIED", "no one was killed")."""
    own = token if token.pos_ in ("VERB", "AUX") else verb
    if own is not None and (_negative_adverbial(own) or (own.dep_ == "acl" and own.tag_ in ("VBN", "VBG") and _has_no(
            own.head) and not any(c.dep_ in ("nsubj", "mark") for c in own.children))):
        # "at no time did we bomb populated areas"; "there are no foreigners being held hostage", "there
        # were no people killed": the act's own clause says it did not happen ("we have no doubt that
        # soldiers killed them" says it did)
        return True
    if token.pos_ in ("VERB", "AUX"):
        # "bombed the town, not the rebel camp": a "not" after a comma sets another thing against the act
        if any(c.dep_ == "neg" and not (c.i > token.i and c.i and token.doc[c.i - 1].text == ",")
               for c in token.children):
            return True
        # "no priest has ever been imprisoned, murdered, or exiled": the act's own subject is "no one"
        first = token
        while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in ("VERB", "AUX"):
            first = first.head
        return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none") or any(
            d.dep_ == "det" and _denies(d) for d in c.children)) for c in first.children)
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and any(
            c.dep_ == "neg" or (c.dep_ == "det" and _denies(c)) for c in token.children):
        # the act noun itself is denied whatever the verb: "not a single shot was heard", "there was no
        # attack", "police found no bomb"
        return True
    if token.head is verb and token.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.lemma_.lower() in _OCCUR:
        return any(c.dep_ == "neg" for c in verb.children)
    return False


def _denies(word) -> bool:
    """A "no" that denies, not the abbreviation of a number ("vehicle No 85 was set on fire")."""
    following = word.nbor(1) if word.i + 1 < len(word.doc) else None
    return word.lower_ == "no" and not (following is not None and following.like_num)


def _has_no(token) -> bool:
    return any(d.dep_ == "det" and _denies(d) for d in token.children)


def _negative_adverbial(verb) -> bool:
    """"At no time did we bomb ...": a preposition of ``verb`` whose noun takes "no", of the
    ``negative_adverbials`` of ``modality_words.json``."""
    phrases = word_list("modality_words.json", "negative_adverbials")
    return any(f"{p.lower_} {n.lemma_.lower()}" in phrases and _has_no(n)
               for p in verb.children if p.dep_ == "prep" for n in p.children if n.dep_ == "pobj")


def _cue_token(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    # prefer the verb inside the cue ("carried out airstrikes" -> carried), else its root
    for t in span:
        if t.pos_ == "VERB":
            return t
    return span.root


@cache
def _day() -> re.Pattern[str]:
    """A date to the day: ``modality_words.json`` day_words."""
    return re.compile(pattern("modality_words.json", "day_words"), re.IGNORECASE)


def _dated_act(text: str) -> bool:
    """"On September 19th, workers blockaded roads in protest at the non-payment of salaries for
    17 months": a sentence that opens with its day reports one act; the duration is its cause."""
    return bool(_opening_day().match(text)) and not _RANGE.search(text)


@cache
def _opening_day() -> re.Pattern[str]:
    """A day-level date that opens the sentence: ``modality_words.json`` opening_day."""
    return re.compile(pattern("modality_words.json", "opening_day"), re.IGNORECASE)


def _specific_day(text: str) -> bool:
    """A sentence naming one day (and a toll) reports one event even inside a summary."""
    return bool(_day().search(text)) and not _RANGE.search(text)


_RANGE = re.compile(
    r"\b(between|from) (\w+ )?\d{1,2}(st|nd|rd|th)? (\w+ )?(and|to|-) (\w+ )?\d{1,2}\b|\b\d{1,2}-\d{1,2} \w+",
    re.IGNORECASE,
)
