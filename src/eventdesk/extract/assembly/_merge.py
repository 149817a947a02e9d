"""The candidate sentences of one article and their merging into events.

A ``Candidate`` is one factual event sentence with everything found in it (type, date, place,
actors, deaths), read with the ``EventSettings``. Consecutive candidates that tell the same event
(an elaboration with no date or place of its own, an anaphor such as "the strikes", or the same
date and place) are grouped; a group with no date or place of its own takes them from its
paragraph, and the sentence that sets the scene just before it is found here too. Which acts told after
an event are events of their own (a further act, an armed group's act after a crowd's) is ``_own_acts``.

Private: import from ``eventdesk.extract.assembly.events``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from eventdesk.model import EventDate, Fatalities, Place, Span
from eventdesk.extract.actors import find as actors_stage
from eventdesk.extract.trigger import classify as cls_stage
from eventdesk.extract.comparisons import comparison_points, elsewhere, inside
from eventdesk.extract.context import ArticleContext
from eventdesk.extract.assembly._own_acts import (ERV_OR_BATTLE, armed_group_after_crowd, at_another_hour, further_act,
                                                 told_apart,
                                                  series_goes_on)
from eventdesk.extract.dates.resolve import DateResolver, said, told_before_it
from eventdesk.extract.tolls.count import count_fatalities
from eventdesk.extract.tolls.victims import load_victim_rules, named_victims
from eventdesk.rules import word_list
from eventdesk.stages.parse import doc_text

__all__ = [
    "EventSettings",
    "PARAGRAPH_REACH",
    "Candidate",
    "ERV_OR_BATTLE",
    "_paragraph_date",
    "_earlier_in_paragraph",
    "_paragraph_place",
    "_same_paragraph",
    "_elaborate",
    "_group",
    "_only_a_reference",
    "_merged_view",
    "_setting_sentence",
]


@dataclass(frozen=True)
class EventSettings:
    """How strict event assembly is. ``keep_undated`` keeps events whose date cannot be resolved
    (used by the evaluation, where notes have no publication date); without it, an undated event
    is kept only from a page with no publication date, where fusion may still date it from other
    reports ("on Thursday" on an undated page), and held back from exports if it stays undated.
    ``background_days`` rejects
    events dated that long before publication (background mentions of past events). ``war_zones``
    are the countries where a vague death count ("several killed") is 10, not 3: ACLED's 3-or-10
    rule, the list in ``data/rules/war_zones.json`` with its source."""

    keep_undated: bool = False
    background_days: int = 62
    war_zones: frozenset[str] = field(default_factory=lambda: word_list("war_zones.json", "war_zones"))


@dataclass(frozen=True)
class Candidate:
    """One factual event sentence with everything found in it, before merging."""

    sentence: Span
    classification: cls_stage.Classification
    type_span: Span
    date: EventDate | None
    place: Place | None
    country: str | None
    actors: tuple[actors_stage.ActorMention, ...]
    fatalities: Fatalities
    anaphoric: str  # how it points back at an event told before: "noun", "pronoun" or "" (see events._anaphoric)
    extra: tuple[Span, ...] = ()  # following sentences that elaborate it without a type of their own
    doc: object = None  # the parsed sentence, to name actors again once the event's country is known
    extra_docs: tuple = ()  # the parsed elaborations ("Police fired tear gas."): more actors
    clause: Span | None = None  # the act's own clause, when its sentence tells several acts (``_days.by_dated_act``)
    sequel: bool = False  # the second of two acts its sentence joins, an event of its own (``_sequels``)


def _paragraph_date(text: str, sentences, span: Span, resolver: DateResolver,
                    own_dates: dict[Span, EventDate | None]) -> EventDate | None:
    """"On 4 May 2020, police carried out an operation in X. A shoot-out broke out ...": a sentence
    with no date of its own takes the date of the nearest earlier sentence of its paragraph (one of
    the ``PARAGRAPH_REACH`` nearest)."""
    for prev in _earlier_in_paragraph(text, sentences, span):
        if prev not in own_dates:
            own_dates[prev] = resolver.resolve(text, prev)
        found = own_dates[prev]
        if found is not None:
            return replace(found, how=f"{found.how}; from the paragraph's earlier sentence")
    return None


#: How many sentences before or after an event its paragraph's date and place are looked for in.
#: A paragraph is rarely a tenth of that, but one hostile paragraph of thousands of sentences made
#: the search quadratic (every event walked back over every earlier sentence).
PARAGRAPH_REACH = 40


def _earlier_in_paragraph(text: str, sentences, span: Span) -> Iterator[Span]:
    """The sentences before ``span`` in its paragraph, nearest first, at most ``PARAGRAPH_REACH``.

    Sentences hold no blank line and start and end with a non-space character, so a paragraph
    break between two sentences lies in the gap between neighbours: checking each gap once is
    the same as checking the whole text between a sentence and ``span``."""
    index = bisect.bisect_right(sentences, span.start, key=lambda s: s.span.end)
    later = span.start
    for prev in reversed(sentences[max(0, index - PARAGRAPH_REACH):index]):
        if "\n\n" in text[prev.span.end:later]:
            return
        yield prev.span
        later = prev.span.start


def _later_in_paragraph(text: str, sentences, span: Span) -> Iterator[Span]:
    """The sentences after ``span`` in its paragraph, nearest first, at most ``PARAGRAPH_REACH``."""
    index = bisect.bisect_left(sentences, span.end, key=lambda s: s.span.start)
    earlier = span.end
    for nxt in sentences[index:index + PARAGRAPH_REACH]:
        if "\n\n" in text[earlier:nxt.span.start]:
            return
        yield nxt.span
        earlier = nxt.span.end


def _paragraph_place(text: str, sentences, group: list[Candidate], taken: set[Span],
                     context: ArticleContext, read=None) -> Place | None:
    """"Raiders attacked a farm. LOCATION: Unspecified location in Trans Nzoia District": an event
    whose own sentences name no place takes the place named by the nearest other sentence of its
    paragraph that reports no event of its own (its elaborations first). A sentence the places step
    has already read (``read``, with its reading of people and asides) keeps that reading, and an
    elaboration's place in another country than the report's is not taken: "In Washington, President Bush
    refused to withdraw the aid" gives a Salvadoran battle no place."""
    read = read or {}
    home = context.main_country  # the report's country; a sentence's demonym ("two Colombian men") says less
    for extra in (s for c in group for s in c.extra):
        place = read[extra] if extra in read else context.place_for(extra)
        if place is not None and (home is None or place.country == home):
            # a detail set abroad ("In Washington, President Bush refused to withdraw the aid") is not
            # where the event happened
            return place
    first, last = group[0].sentence, group[-1].extra[-1] if group[-1].extra else group[-1].sentence
    paragraph = [*_earlier_in_paragraph(text, sentences, first), *_later_in_paragraph(text, sentences, last)]
    paragraph.sort(key=lambda s: min(abs(s.start - last.end), abs(first.start - s.end)))
    for span in paragraph:
        if span in taken:
            continue
        place = read[span] if span in read else context.place_for(span)
        if place is not None:
            return place
    return None


def _same_paragraph(text: str, cand: Candidate, span: Span) -> bool:
    end = cand.extra[-1].end if cand.extra else cand.sentence.end
    return "\n\n" not in text[end : span.start]


def _elaborate(text: str, cand: Candidate, span: Span, settings: EventSettings, doc=None) -> Candidate:
    """Attach a following sentence that adds detail ("Police fired tear gas to disperse them")."""
    extra = cand.extra + (span,)
    parsed = [(cand.sentence, cand.doc), *cand.extra_docs, (span, doc)]
    deaths = count_fatalities(text, [cand.sentence, *extra], war_zone=(cand.country or "") in settings.war_zones,
                              elsewhere=elsewhere(parsed, classes=True))
    if doc is not None and deaths.how == "none reported" and \
            ERV_OR_BATTLE.get(cand.classification.event_type) == "armed":
        # no figure: the victims the detail names one by one ("Inspector Eulogio Flores died in the explosion")
        found = named_victims(doc, load_victim_rules())
        if found is not None and not inside(comparison_points(doc), found[1], found[2]):
            n, start, end, _ = found
            deaths = Fatalities(n, n, n, Span(span.article_id, span.start + start, span.start + end),
                                "victims named one by one")
    if deaths.best < cand.fatalities.best:
        deaths = cand.fatalities  # the larger toll
    docs = cand.extra_docs + (((span, doc),) if doc is not None else ())
    return replace(cand, extra=extra, fatalities=deaths, extra_docs=docs)


def _same_event(a: Candidate, b: Candidate, types: frozenset[str] = frozenset()) -> bool:
    """Does candidate ``b`` (later) tell the same event as ``a`` (the group so far, whose sentences
    have ``types``)?"""
    if told_before_it(b.date):
        # "The attack came a day after gunmen killed five police officers": the act its clause of time
        # tells, not the event its subject points back at
        return False
    if series_goes_on(b):
        return False  # "The attacks continued today when an explosive device went off at a factory in Itagui"
    reported = bool(b.date and a.date) and _dates_its_report(a, b)
    if b.date and a.date and b.date.date != a.date.date and not reported and not _coarse_anaphor(a, b):
        return False
    if b.place and a.place and not _near(a.place, b.place) and not reported:
        return False  # (the anaphor that dates the reported act also says where it took place)
    if reported and not b.anaphoric:
        return True  # (``_retold_lead``: the lead's act, told again with its day)
    if _another_pair(a, b):
        return False
    if b.classification.event_type in (cls_stage.PROTESTS, cls_stage.RIOTS) and \
            ERV_OR_BATTLE.get(a.classification.event_type) == "armed":
        # "Four people were killed in a bomb attack. Onlookers gathered at the scene ...", "Residents
        # marched to condemn the killing", "The bomber then entered a supermarket, where citizens
        # captured him": a crowd after an attack is another actor, an event of its own, never a detail
        # that turns the attack into a protest or a riot
        return False
    if armed_group_after_crowd(a, b):
        return False
    if b.anaphoric and not _anaphor_fits(types or {a.classification.event_type}, b):
        return False  # "... hurled bombs at the garrison. 6 guerrillas were killed in those clashes"
    # "soldiers arrived in the village ..., rounded up residents and shot them": a place that points
    # back at the event's own ("the village", ``anaphor:``) is no detail of another event
    pointed_back = b.place is not None and a.place is not None and b.place.source.startswith("anaphor:") and \
        b.place.source.removeprefix("anaphor:") == a.place.source
    own_detail = bool(b.date) or (bool(b.place) and not pointed_back)
    if not own_detail:
        return True  # an elaboration: "The clashes resulted in 20 deaths", "killing 36, he added"
    if b.anaphoric:
        return True
    same_family = a.classification.event_type == b.classification.event_type
    if same_family and b.date is None and _inside_its_town(a, b):
        return True
    return same_family and bool(b.date and a.date) and bool(b.place and a.place)


def _inside_its_town(a: Candidate, b: Candidate) -> bool:
    """"A mayoral candidate was shot dead on Friday while campaigning in the town of Celaya ... // Gisela
    Gaytan was greeting supporters in the San Miguel Octopan neighborhood when gunmen opened fire, killing
    her": an undated act of the event's kind, in a part of the event's own town, with the event's toll (or
    none), tells the event again, at its finer place."""
    if a.place is None or b.place is None or b.place.source != "part:" + a.place.source:
        return False
    return b.fatalities.span is None or b.fatalities.best == a.fatalities.best


_POINTERS = frozenset("the these those this that its their".split())


def _coarse_anaphor(a: Candidate, b: Candidate) -> bool:
    """"Gunmen attacked a police station on Monday ... It was the third attack on police this month":
    an anaphor dated only by a month or a week that holds the event's day says more of it."""
    if not b.anaphoric or b.date.precision < 2 or said(b.date):
        return False
    if b.date.precision >= 3:
        return (b.date.date.year, b.date.date.month) == (a.date.date.year, a.date.date.month)
    return abs((b.date.date - a.date.date).days) <= 7


def _dates_its_report(a: Candidate, b: Candidate) -> bool:
    """"Sources today reported that 35 people died in attacks on 4 towns. The attacks took place at
    dawn on 4 October": an event dated only by the day it was reported, and an anaphor that gives
    the act's own earlier day."""
    if not (said(a.date) and not said(b.date) and b.date.date < a.date.date):
        return False
    return bool(b.anaphoric) or _retold_lead(a, b)


# how many days before the day it was said the lead's act may be told again (news tells "on Thursday"
# of what was said on Friday, "at the weekend" of what was said on Monday)
_RETOLD_DAYS = 3


def _retold_lead(a: Candidate, b: Candidate) -> bool:
    """"Members of a Haitian gang killed at least 70 people in an attack on the town of Pont-Sonde,
    the United Nations said on Friday. // The Gran Grif gang attacked the town early on Thursday": a
    news lead tells what happened on the day it was said; the next act of the same type, told with a
    day of its own a few days before and no place elsewhere, is the lead's act with its day."""
    if a.classification.event_type != b.classification.event_type:
        return False
    if (a.date.date - b.date.date).days > _RETOLD_DAYS or _day_of_a_clause(b):
        return False
    if b.place is None or a.place is None or a.place.source.startswith("dateline:"):
        return True
    return _near(a.place, b.place)


def _anaphor_fits(types, b: Candidate) -> bool:
    """"The attack on the garrison ... 6 guerrillas were killed in those clashes": a noun of a kind
    (a fight, an explosion) under a pointing determiner points back at an event of that kind; a
    generic one ("the attack", "the incident") at whatever came before. Read from the parse, so
    "it was the first time that fighting had spread" (a conjunction) points at nothing."""
    if b.doc is None:
        return True
    kinds = {cls_stage.BATTLES: word_list("triggers.json", "anaphor_battles"),
             cls_stage.ERV: word_list("triggers.json", "anaphor_explosions")}
    for token in b.doc:
        if token.dep_ not in ("det", "poss") or token.lower_ not in _POINTERS:
            continue
        noun = token.head.lower_
        for kind, nouns in kinds.items():
            if noun in nouns:
                return kind in types
    return True


def _day_of_a_clause(b: Candidate) -> bool:
    """Whether ``b``'s day is that of a clause describing someone or something ("the body of Victor
    Pomas, who was kidnapped on 28 August, had knife wounds"): the day of another act, not ``b``'s."""
    if b.doc is None or b.date is None or b.date.span is None or \
            not b.sentence.start <= b.date.span.start < b.date.span.end <= b.sentence.end:
        return False  # (a day read outside the sentence, from its paragraph, is no clause of it)
    start = b.date.span.start - b.sentence.start
    words = b.doc.char_span(start, start + (b.date.span.end - b.date.span.start), alignment_mode="expand")
    if words is None:
        return False
    token = words.root
    for _ in range(8):
        if token.dep_ in ("relcl", "acl"):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


_PRONOUN_AGENT = re.compile(r"^\s*(?:they|the (?:\w+ ){0,2}(?:militants|rebels|guerrill?as|gunmen|attackers|assailants|"
                            r"terrorists|insurgents|fighters|soldiers|troops))\b", re.IGNORECASE)


def _another_pair(a: Candidate, b: Candidate) -> bool:
    """"Militants fought police ... They also attacked a bus, killing two passengers": the same side
    then attacks civilians, a different actor pair, which ACLED codes as an event of its own
    (CODEBOOK section 1, splitting); so does someone the report does not know ("someone shot at the
    tires of a Red Cross ambulance"). Civilians killed in the fighting itself ("two civilians died in
    the crossfire") are the battle's toll: no one acts on them."""
    if a.classification.event_type != cls_stage.BATTLES or b.classification.event_type != cls_stage.VAC:
        return False
    if b.doc is not None and _unnamed_agent(b.doc):
        return True  # someone the report does not know acts on civilians: no side of the fight
    if not any(m.actor.inter == 7 and m.role == "patient" for m in b.actors):
        return False
    agent = any(m.role == "agent" and m.actor.inter in (1, 2, 3, 4, 8) for m in b.actors)
    return agent or b.doc is not None and _PRONOUN_AGENT.match(doc_text(b.doc)) is not None


def _unnamed_agent(parse) -> bool:
    """"Fighting broke out at the police post ... Someone shot at the tires of a Red Cross ambulance":
    an act on civilians whose doer the sentence does not know ("someone", "unidentified men"; the words are
    ``assembly_words.json`` unnamed_agents) is not one of the fight's named sides: another actor pair."""
    words = word_list("assembly_words.json", "unnamed_agents")
    for token in parse:
        if token.dep_ != "nsubj" or token.head.pos_ != "VERB":
            continue
        if token.lower_ in words or any(c.dep_ == "amod" and c.lower_ in words for c in token.children):
            return True
    return False


def _only_a_reference(group: list[Candidate], groups: list[list[Candidate]]) -> bool:
    """"The raid coincided with a meeting in Baghdad": an anaphor with no date, toll or actor of
    its own that only points at an event the article reports elsewhere."""
    if not all(c.anaphoric and c.date is None and not c.fatalities.best for c in group):
        return False
    if any(series_goes_on(c) for c in group):
        return False  # "the attacks continued later in the day when a second device went off": a new act
    if any(m.actor.span is not None and m.role == "agent" for c in group for m in c.actors):
        return False
    family = {c.classification.event_type for c in group}
    types = {ERV_OR_BATTLE.get(t, t) for t in family}
    return any(
        other is not group and {ERV_OR_BATTLE.get(c.classification.event_type, c.classification.event_type)
                                for c in other} & types
        for other in groups
    ) or any(other is not group for other in groups if other[0].date is not None)


def _near(a: Place, b: Place) -> bool:
    if a.location == b.location and a.country == b.country:
        return True
    if a.country != b.country:
        return False
    if min(a.precision, b.precision) >= 3 or max(a.precision, b.precision) >= 3:
        return a.admin1 == b.admin1
    return abs(a.latitude - b.latitude) + abs(a.longitude - b.longitude) < 0.25


def _group(candidates: list[Candidate], setting: Callable[[list[Candidate], Candidate], Place | None] | None = None,
           between: Callable[[list[Candidate], Candidate], list[Place]] | None = None,
           moved: Callable[[list[Candidate], Candidate, EventDate], bool] | None = None,
           hours: Callable[[list[Candidate], Candidate], tuple[frozenset[int], frozenset[int]]] | None = None
           ) -> list[list[Candidate]]:
    """Consecutive candidates that tell the same event, grouped. ``setting(group, cand)`` gives the
    place a candidate's own paragraph sets before it when that paragraph is not the group's, or the one
    the paragraph before it ends on, opening on it ("In La Libertad department a terrorist group took over
    the town"; see ``_another_setting``); such a candidate with no place of its own is told there, not as a detail
    of the event before it. ``between(group, cand)`` gives the places the sentences between them
    name that tell no event (see ``_placed_apart``); ``moved(group, cand, day)`` whether one of those
    sentences in ``cand``'s paragraph names a day other than the group's ``day`` (see ``_told_later``);
    ``hours(group, cand)`` the times of day ``cand`` and the story before it were told at (see
    ``_own_acts.at_another_hour``)."""
    groups: list[list[Candidate]] = []
    for cand in candidates:
        if cand.sequel or not groups or not _same_event(_merged_view(groups[-1]), cand, _told_kinds(groups[-1])) or \
                _placed_apart(groups[-1], cand, between) or _told_later(groups[-1], cand, moved):
            groups.append([_where_the_crowd_was(groups, cand, setting)])
        elif (place := _another_setting(groups[-1], cand, setting)) is not None:
            groups.append([replace(cand, place=place)])
        elif further_act(groups[-1], cand) or at_another_hour(groups[-1], cand, hours):
            groups.append([_in_the_setting(groups[-1], cand)])
        elif told_apart(cand):  # "killed in a separate attack on the mission nearby"
            groups.append([cand if cand.place is not None else _in_the_setting(groups[-1], cand)])
        else:
            groups[-1].append(cand)
    return groups


def _told_later(group: list[Candidate], b: Candidate, moved) -> bool:
    """"Gunmen shot dead a union leader in Tegucigalpa on 7 January ... // On 25 January, former minister
    Lopez returned to the capital. Two gunmen shot him dead outside his residence": an act with no date,
    place or pointer back of its own, told after a sentence of its paragraph that reports no event but
    names a day other than the event's before it, is told on that day, not as a detail of that event
    (its date is then its paragraph's, ``_paragraph_date``). A year, a month or a statement's day named
    between them does not move the story."""
    if moved is None or b.date is not None or b.place is not None or b.anaphoric:
        return False
    view = _merged_view(group)
    return view.date is not None and moved(group, b, view.date)


def _where_the_crowd_was(groups: list[list[Candidate]], b: Candidate, setting) -> Candidate:
    """An armed group's act told after a protest or a riot (``armed_group_after_crowd``) with no place of
    its own: told where the crowd was ("students marched in Cucuta ... Guerrillas threw a bomb at the
    police barracks"), unless its own paragraph names another place before it (``setting``)."""
    if not groups or b.place is not None:
        return b
    view = _merged_view(groups[-1])
    if view.place is None or not armed_group_after_crowd(view, b):
        return b
    place = setting(groups[-1], b) if setting is not None else None
    return replace(b, place=place or view.place)


def _in_the_setting(group: list[Candidate], b: Candidate) -> Candidate:
    """The further act told at the place of the event before it ("the rebels also blew up two posts"
    where they attacked). Its date is read as any undated act's is: from its paragraph or the story's
    time (``events._narrative_date``)."""
    return replace(b, place=_merged_view(group).place)


def _placed_apart(group: list[Candidate], b: Candidate, between) -> bool:
    """"The ELN murdered a police inspector ... The triple crime occurred in Guachica municipality
    ... It has murdered three peasants in Guachicono, southern Cauca department": an act that a
    pronoun opens (its actor's, not the event's) names a place of its own, and the event before it,
    whose own sentences name none, is placed elsewhere by the sentences between them: another
    event, as another place is (CODEBOOK section 1), however the pronoun points back."""
    if between is None or b.anaphoric != "pronoun" or b.place is None:
        return False
    if _merged_view(group).place is not None:
        return False  # (its own place was weighed against the act's by _same_event)
    places = between(group, b)
    return bool(places) and not any(_near(p, b.place) for p in places)


def _another_setting(group: list[Candidate], b: Candidate, setting) -> Place | None:
    """"... hurled explosives at a market in Huaraz. // Huancayo is completely paralyzed by the
    strike ... A car was destroyed by a bomb": an act with no place of its own in a later paragraph
    that names another place before it happened there, not in the event told before. The place, or
    None."""
    a = _merged_view(group)
    if setting is None or b.place is not None or b.anaphoric or a.place is None:
        return None
    place = setting(group, b)
    return place if place is not None and not _near(a.place, place) else None


def _told_kinds(group: list[Candidate]) -> frozenset[str]:
    """The event types the group's sentences tell, for a later anaphor to point at. An attack (or a
    destruction) whose means is not told may be the blast a later sentence names ("gunmen attacked an army post ...
    The blast killed two soldiers"); a one-sided attack on soldiers is a battle only by default
    (ACLED assumes the target fought back), so it tells no fight for a later "those clashes" to
    point at ("Urban guerrillas attacked the garrison ... hurled bombs ... those clashes")."""
    kinds = set()
    for c in group:
        kind, cue = c.classification.event_type, c.classification.cue
        if cue in ("attack", "abduct", "looting"):
            # "commandos destroyed a truck ... The strong explosion, which destroyed the front part"
            kinds.add(cls_stage.ERV)
        if not (kind == cls_stage.BATTLES and cue in ("attack", "abduct")):
            kinds.add(kind)
    return frozenset(kinds)


def _merged_view(group: list[Candidate]) -> Candidate:
    """The group as one candidate: first date and place found, highest-ranked type."""
    head = group[0]
    date = next((c.date for c in group if c.date and not said(c.date)), None) or \
        next((c.date for c in group if c.date), None)
    place = _best_place([c.place for c in group])
    return replace(head, date=date, place=place)


def _best_place(places: list[Place | None]) -> Place | None:
    """The finest place of a group's sentences; a scene a later sentence gives the incident ("the
    attack took place in X", ``places.scene``) outranks them all; a part of a town ("Celaya-San Miguel Octopan")
    outranks the town of the same precision."""
    found = [p for p in places if p is not None]
    return min(found, key=lambda p: (not p.source.startswith("scene:"), p.precision, not p.source.startswith("part:"))) \
        if found else None


def _setting_sentence(text: str, sentences, group: list[Candidate], taken: set[Span]) -> Span | None:
    """The sentence just before an event, in its paragraph, when it reports no event of its own:
    "On 2 May, the Military Police carried out an operation in Linha. A shoot-out broke out ..."."""
    first = group[0].sentence
    index = bisect.bisect_right(sentences, first.start, key=lambda s: s.span.end)
    if not index:
        return None
    before = sentences[index - 1].span
    if before in taken or "\n\n" in text[before.end:first.start]:
        return None
    return before
