"""An event a day: ACLED codes one event per actor pair, place and day (CODEBOOK, unit of coding),
so an act told on two days listed ("kidnapped on 12 and 13 February") is an event on each day, and a
sentence that tells several acts, each with a day of its own ("X was killed on 17 October; and Y was
killed on 1 November", "a bus was burned today ... protesting the attack perpetrated yesterday"), is a
candidate on each of those days, typed by its own clause.

Private: import from ``eventdesk.extract.assembly.events``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from eventdesk.extract.assembly._merge import Candidate, EventSettings
from eventdesk.extract.assembly.notes import describe
from eventdesk.extract.dates.resolve import DateResolver, listed_days
from eventdesk.extract.trigger import classify as cls_stage
from eventdesk.extract.tolls.count import count_fatalities
from eventdesk.model import EventDate, EventMention, Fatalities, Span
from eventdesk.rules import pattern, word_list

__all__ = ["by_dated_act", "by_listed_day"]


def by_listed_day(event: EventMention, text: str) -> tuple[EventMention, ...]:
    """"Two U.S. citizens were kidnapped in Medellin on 12 and 13 February": an event on each day its
    date lists (``dates.resolve.listed_days``), as ACLED codes a day an event. Its toll is told once,
    with the first day; the others carry none of it."""
    days = listed_days(text, event.date)
    if not days:
        return (event,)
    none = Fatalities(0, None, None, None, "its toll is counted with the first day listed")
    out = [replace(event, date=days[0])] + [replace(event, date=day, fatalities=none) for day in days[1:]]
    return tuple(replace(e, notes=describe(e)) for e in out)


#: The date expressions that name one day: a calendar date, a weekday, a day relative to the report.
_DAY_KINDS = ("absolute", "weekday", "relative")


def by_dated_act(cand: Candidate, text: str, resolver: DateResolver, settings: EventSettings,
                  context) -> list[Candidate]:
    """"Magistrate Hector Jimenez was killed on 17 October; and magistrate Mariela Espinoza was killed
    on 1 November", "following the murder on 26 February of the mayor and the murder on 27 February of
    six more followers", "a bus was burned today by youths protesting the dynamite attack perpetrated
    yesterday": a sentence that tells several acts, each with a day of its own (a calendar date, a weekday
    or a day relative to the report), is a candidate on each of those days (ACLED codes a day an event),
    each with the toll, the place and the type its own clause gives (the sentence's place when the clause
    names none). One act told with two days ("between the night of 15 November and the morning of 16
    November") stays one."""
    if cand.doc is None or cand.date is None:
        return [cand]
    acts: dict[int, EventDate] = {}
    for e in resolver.expressions(text, cand.sentence):
        if e.date is None or e.kind not in _DAY_KINDS or e.date.precision != 1 or e.speech or e.report:
            continue
        act = _act_of(cand.doc, e.span.start - cand.sentence.start)
        if act is not None and act not in acts:
            acts[act] = replace(e.date, how=f"{e.date.how}; one of the acts the sentence dates")
    if len({d.date for d in acts.values()}) < 2 or len({d.date for d in acts.values()}) < len(acts):
        return [cand]  # one day for two acts, or one act for two days: the sentence's one date stands
    war = (cand.country or "") in settings.war_zones
    out = []
    for act, day in sorted(acts.items()):
        clause = _clause(cand, act)
        one = replace(cand, date=day, place=context.place_for(clause) or cand.place,
                      fatalities=count_fatalities(text, [clause], war_zone=war), clause=clause)
        out.append(_typed_by_clause(one, text, clause))
    return out


def _typed_by_clause(cand: Candidate, text: str, clause: Span) -> Candidate:
    """"A bus was burned today by youths protesting the dynamite attack perpetrated yesterday against
    the union's headquarters": an act whose clause holds none of the words that typed its sentence has
    the type its own clause tells (the attack of yesterday is an explosion, not the riot of today)."""
    if clause.start <= cand.type_span.start < clause.end:
        return cand
    kinds = tuple(m.actor.inter for m in cand.actors)
    c = cls_stage.classify(text[clause.start:clause.end], armed_actors=len(kinds), actor_kinds=kinds)
    if c is None:
        return cand
    offset = clause.start - cand.sentence.start
    return replace(cand, classification=replace(c, start=c.start + offset, end=c.end + offset),
                   type_span=Span(clause.article_id, clause.start + c.start, clause.start + c.end))


def _clause(cand: Candidate, act: int) -> Span:
    """The span of the act word ``act`` of the candidate's parse with its dependents, less the acts
    coordinated with it ("the murder on 26 February of the mayor" without "and the murder ... of six
    more")."""
    token = cand.doc[act]
    kept, todo = [], [token]
    while todo:
        t = todo.pop()
        kept.append(t)
        todo.extend(c for c in t.children if c.dep_ not in ("conj", "cc"))
    start, end = min(t.idx for t in kept), max(t.idx + len(t) for t in kept)
    return Span(cand.sentence.article_id, cand.sentence.start + start, cand.sentence.start + end)


def _act_of(parse, offset: int) -> int | None:
    """The index of the act word a date at ``offset`` of the sentence's parse hangs on ("killed" in
    "was killed on 17 October", "murder" in "the murder on 26 February of ..."), or None."""
    token = next((t for t in parse if t.idx <= offset < t.idx + len(t)), None)
    acts = _act_lemmas()
    for _ in range(6):
        if token is None:
            return None
        if token.lemma_.lower() in acts or (token.pos_ == "VERB" and _act_word().fullmatch(token.text)):
            return token.i
        if token.head.i == token.i:
            return None
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("acl", "relcl"):
            # "the army killed 15 guerrillas on 5 June, but the leader was only yesterday identified":
            # a day on a verb of no act dates that verb, not the act it is joined to; a participle or a
            # relative clause on an act noun says when that act was ("the attack perpetrated yesterday")
            return None
        token = token.head
    return None


@cache
def _act_lemmas() -> frozenset[str]:
    """Nouns of acts and lemmas of killing verbs (``scope_frames.json`` act_nouns, ``toll_words.json``
    lethal_verb_lemmas), joined once."""
    return word_list("scope_frames.json", "act_nouns") | word_list("toll_words.json", "lethal_verb_lemmas")


@cache
def _act_word() -> re.Pattern[str]:
    """A verb of a violent act (``date_words.json`` event_words)."""
    return re.compile(pattern("date_words.json", "event_words"), re.IGNORECASE)
