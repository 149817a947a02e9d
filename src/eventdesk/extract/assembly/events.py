"""Assembly: from the layers of the event sentences to the event mentions of one article.

The components before this one found, for each event sentence, its trigger and ACLED type
(``trigger``), whether it reports a fact (``scope``), its place and country (``places``), actors
(``actors``), date (``dates``) and toll (``tolls``). Here each sentence reported as fact becomes a
candidate; consecutive candidates that tell the same event (an elaboration with no date or place of
its own, an anaphor such as "the strikes", or the same date and place) are merged: an event can rest
on several sentences of one article.

The candidates and their merging live in ``_merge``, the assembly of one event's fields from a
group in ``_assemble``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from eventdesk.document import ArticleDoc
from eventdesk.model import EventDate, EventMention, Fatalities, Place, Rejection, Span
from eventdesk.extract.dates.component import asides
from eventdesk.extract.dates.resolve import DateResolver, told_before_it
from eventdesk.extract.scope.modality import news_perfect
from eventdesk.extract.places.country import event_country, office_country
from eventdesk.extract.places.locations import split_by_location
from eventdesk.extract.places.nearby import nearby_place
from eventdesk.extract.places.scene import scene_place
from eventdesk.rules import pattern, word_list
from eventdesk.extract.trigger import classify as cls_stage
from eventdesk.extract.actors.attribution import ReportAttribution, attribute_by_kind, load_attribution_rules
from eventdesk.extract.assembly._assemble import _assemble, _report_date
from eventdesk.extract.assembly._days import by_dated_act, by_listed_day
from eventdesk.extract.assembly._items import by_listed_item
from eventdesk.extract.assembly._own_acts import harm_lemmas, times_of_day, told_beside
from eventdesk.extract.assembly._sequels import by_placed_clause, by_sequel_act
from eventdesk.extract.assembly.learned_dating import REPORT_CHARS, UndatedAct, learned_date
from eventdesk.extract.assembly.notes import describe
from eventdesk.extract.assembly._merge import (
    PARAGRAPH_REACH,
    Candidate,
    EventSettings,
    _earlier_in_paragraph,
    _elaborate,
    _group,
    _merged_view,
    _only_a_reference,
    _paragraph_date,
    _paragraph_place,
    _same_paragraph,
    _setting_sentence,
)

__all__ = ["EventSettings", "Candidate", "assemble_events"]


#: scope's reasons for an act told as history, as what someone is tried for or as a period's tally, which a
#: pointer back may follow ("Most of the casualties were caused by explosive weapons")
_HISTORY_REASON = re.compile(r"history, not news|^background mention|referred to as what someone is|^points back at|"
                             r"^a toll over a period")  # (not "two days of clashes": ACLED codes their days)
#: scope's reasons for an act told only as what someone is charged with, suspected or accused of: no date
_CHARGED = re.compile(r"referred to as what someone is")
#: how many sentences after such an act a pointer back at it may come
_HISTORY_REACH = 2

#: scope's verdict on an act told outside the lead in the present, perfect or progressive with no date
#: (``scope.modality``): the learned dating model may take it back as the report's news
_UNDATED_VERDICT = re.compile(r"[\w ]+ without a date \(background or ongoing\)")


@cache
def _anaphor() -> re.Pattern[str]:
    """A pointer back at an event told before: ``scope_frames.json`` anaphor."""
    return re.compile(pattern("scope_frames.json", "anaphor"), re.IGNORECASE)


def assemble_events(doc: ArticleDoc, settings: EventSettings, news=None
                    ) -> tuple[tuple[EventMention, ...], tuple[Rejection, ...]]:
    """The event mentions of one article from its layers, and the event-like sentences rejected,
    with reasons: each event sentence that has a trigger and is reported as fact is a candidate
    with the date, place, actors and toll the components found for it; a sentence with trigger
    words but no type elaborates the candidate before it; candidates are grouped into events.
    ``news`` (``learned_dating.DatingModel``, or None) dates by the report an undated act outside
    the lead that it judges the report's news."""
    # the reading: the cleaned text recased where it had no case (stages/casing), same spans
    clean, publication, sentences, context = doc.reading, doc.publication, doc.sentences, doc.context
    text = clean.text
    resolver = DateResolver(publication.date, publication.order or "DMY")
    # the words that typed a sentence and name no act, which scope typed again without them
    framed = frozenset(Span(span.article_id, span.start + c.start, span.start + c.end)
                       for span, c in doc.triggers.items() if span in doc.retypes)
    rejections: list[Rejection] = []
    candidates: list[Candidate] = []
    last_index = -2
    history_at = -9  # the index of the last sentence rejected as telling an act of the past
    history_reason = ""  # and why
    undated: tuple[int, Span] = (-9, Span("", 0, 0))  # the last act sentence rejected only for its tense, undated
    for index, sentence in enumerate(sentences):
        if not sentence.triggers:
            continue
        span = sentence.span
        parse = doc.docs.get(span)
        reason = doc.verdicts.get(span, "")
        cand = None
        if parse is not None and span in doc.triggers and not reason:
            cand = _candidate(doc, span, parse)
            if cand.anaphoric == "noun" and not candidates and index - history_at <= _HISTORY_REACH and \
                    not _dates_the_charge(cand, history_reason, publication, settings):
                # "... sentenced two men for the 2021 bombing of a cathedral. The attack on Palm Sunday was
                # carried out by a married couple": the report's first act points back at the one told as history
                cand, reason = None, "points back at an act told as history or as a period's tally"
            elif cand.anaphoric == "noun" and index == undated[0] + 1 and \
                    "\n\n" not in text[undated[1].end:span.start] and \
                    _names_again(text[span.start:span.end], parse, doc.docs.get(undated[1])):
                cand = _retold(cand, doc.trigger(undated[1]))
        elif news is not None and publication.date is not None and parse is not None and span in doc.triggers \
                and _UNDATED_VERDICT.fullmatch(reason):
            # an act scope leaves undated outside the lead ("three peasants have been shot to death",
            # "guerrillas attack the town"): the learned model may judge it the report's news
            cand = _candidate(doc, span, parse)
            dated_before = any(c.date is not None for c in candidates)
            act = _undated_act(doc, resolver, [cand], len(candidates), len(candidates) + 1, dated_before,
                               dated_before, verdict=reason)
            dated = news.date_of(act, publication.date)
            cand, reason = (None, reason) if dated is None else (replace(cand, date=dated), "")
        if cand is None and _UNDATED_VERDICT.fullmatch(reason) and span in doc.triggers:
            undated = (index, span)
        if _HISTORY_REASON.search(reason):
            history_at, history_reason = index, reason
        if reason:
            rejections.append(Rejection(span, reason))
        if cand is None:
            follows = candidates and index == last_index + 1
            if not reason and follows and _same_paragraph(text, candidates[-1], span):
                candidates[-1] = _elaborate(text, candidates[-1], span, settings, parse)
                last_index = index
            continue
        candidates.append(cand)
        last_index = index
    events: list[EventMention] = []
    # an undated act whose own sentence names a past year is history, alone or as a later mention
    # of the report's news: "The traffickers began their attacks on the judiciary in 1984 with the
    # assassination of the justice minister" joins no event of today and dates none. In a report
    # with no date every year is past: an act told by a year and no day is history however old
    # ("In 1986 the director of El Espectador was murdered"), and no ACLED event without a day
    now = publication.date.year if publication.date is not None else None
    kept = []
    for cand in candidates:
        past = "" if cand.date is not None else _past_year(text, [cand], now)
        if past:
            rejections.append(Rejection(cand.sentence, f"background mention (only the past year {past})"))
        else:
            kept.append(cand)
    candidates = [one for cand in kept for one in by_dated_act(cand, text, resolver, settings, context)]
    candidates = [one for cand in candidates for one in by_sequel_act(cand, text, settings, context)]
    candidates = [one for cand in candidates for one in by_placed_clause(cand, text, settings, context)]
    told = {c.sentence for c in candidates}

    def setting(group: list[Candidate], cand: Candidate) -> Place | None:
        # the place named before ``cand`` in its own paragraph, or by the sentence just before it that closes
        # the paragraph before, when that is not the group's
        if _same_paragraph(text, group[-1], cand.sentence):
            return None
        last = group[-1].extra[-1] if group[-1].extra else group[-1].sentence
        for span in _earlier_in_paragraph(text, sentences, cand.sentence):
            if span in told:
                continue
            place = doc.places[span] if span in doc.places else context.place_for(span)
            if place is not None:
                return place
        index = bisect.bisect_left(sentences, cand.sentence.start, key=lambda s: s.span.start)
        before = sentences[index - 1].span if index else None
        if before is not None and "\n\n" not in text[before.end:cand.sentence.start]:
            before = None  # (a sentence of its own paragraph, read above)
        if before is None or before in told or before.start <= last.start:
            return None
        # "In La Libertad department a terrorist group took over the town ... // When the terrorists could not
        # find them, they blew up the offices": a paragraph before ``cand`` that ends on a sentence opening on
        # the place it moves the story to (not "the official was at a meeting in Nairobi")
        place = doc.places[before] if before in doc.places else context.place_for(before)
        return place if place is not None and _opens_on_a_place(text, before, context) else None

    def between(group: list[Candidate], cand: Candidate) -> list[Place]:
        # the places named, in the group's paragraph, by the sentences from its first to ``cand``
        # that tell no event (the paragraph's reach at most: a hostile paragraph stays linear)
        first = group[0].sentence
        if not _same_paragraph(text, group[-1], cand.sentence):
            return []
        found = []
        for span in _earlier_in_paragraph(text, sentences, cand.sentence):
            if span.start <= first.start:
                break
            if span in told:
                continue
            place = doc.places[span] if span in doc.places else context.place_for(span)
            if place is not None:
                found.append(place)
        return found

    def moved(group: list[Candidate], cand: Candidate, day: EventDate) -> bool:
        # a sentence of ``cand``'s paragraph, after the group's last, that tells no event and names another day
        last = group[-1].extra[-1] if group[-1].extra else group[-1].sentence
        for span in _earlier_in_paragraph(text, sentences, cand.sentence):
            if span.start <= last.start:
                return False
            if span not in told and _another_day(text, span, day, resolver):
                return True
        return False

    def hours(group: list[Candidate], cand: Candidate) -> tuple[frozenset[int], frozenset[int]]:
        # the times of day ``cand``'s sentence names, and those of the nearest earlier sentence since the
        # group's first that names any
        own = times_of_day(text[cand.sentence.start:cand.sentence.end])
        if not own:
            return own, frozenset()
        first = group[0].sentence.start
        index = bisect.bisect_left(sentences, cand.sentence.start, key=lambda s: s.span.start)
        for prev in reversed(sentences[max(0, index - PARAGRAPH_REACH):index]):
            if prev.span.start < first:
                break
            if found := times_of_day(text[prev.span.start:prev.span.end]):
                return own, found
        return own, frozenset()

    groups = _group(candidates, setting, between, moved, hours)
    own_dates: dict[Span, EventDate | None] = {}  # each sentence's own date, resolved at most once
    for group in list(groups):
        if _only_a_reference(group, groups):
            groups.remove(group)
            rejections.extend(Rejection(c.sentence, "refers to an event reported elsewhere in the article")
                              for c in group)
    groups = _means_named_later(doc, _same_means(text, _same_manner(groups)), rejections)
    taken = {c.sentence for g in groups for c in g}
    # what the report says about responsibility, read once for all its events
    attribution = ReportAttribution(text, sentences, context.actors, load_attribution_rules())
    # a report whose headline or lead tells a demonstration: its clashes no armed group is named in are the crowd's
    protest_report = cls_stage.tells_a_protest(doc.lead_text())
    reference: tuple[Span, EventDate] | None = None  # the last event the report dated, and its date
    perfect = news_perfect([doc.docs[s.span] for s in sentences[:2] if s.span in doc.docs])
    report_dates = any(c.date is not None for c in candidates)
    for number, group in enumerate(groups):
        if _merged_view(group).date is None:
            if past := _past_year(text, group, now):
                # "In 1986, the FMLN tried to kill Pinochet", "shot two years ago": a year before the
                # report's and no day; never the day of the paragraph or of the story around it
                rejections.extend(Rejection(c.sentence, f"background mention (only the past year {past})")
                                  for c in group)
                continue
            inherited = _paragraph_date(text, sentences, group[0].sentence, resolver, own_dates)
            if inherited is None and reference is not None:
                inherited = _narrative_date(text, sentences, reference, group[0], resolver, perfect,
                                            beside=told_beside(group[0]))
            group[0] = replace(group[0], date=inherited)
        if _merged_view(group).date is not None:
            day = _merged_view(group).date
            # a learned date is the act's alone; an act told back from the event before ("the attack came a
            # day after gunmen killed ...") is a look back, the story's time stays where it was
            if not learned_date(day) and not told_before_it(day):
                reference = (group[-1].sentence, day)
        elif news is not None and publication.date is not None and \
                _report_date(group[0], publication, clean, len(sentences)) is None:
            # an undated act outside the lead: the learned model judges whether it is the report's news
            act = _undated_act(doc, resolver, group, number, len(groups), reference is not None, report_dates)
            dated = news.date_of(act, publication.date)
            if dated is not None:  # never the story's reference time: each decision is this act's alone
                group[0] = replace(group[0], date=dated)
        if _merged_view(group).place is None:
            last = group[-1].extra[-1] if group[-1].extra else group[-1].sentence
            place = _paragraph_place(text, sentences, group, taken, context, doc.places) or \
                nearby_place(sentences, group[0].sentence, last, taken, context) or \
                context.filed_from(tuple(s for c in group for s in (c.sentence, *c.extra)))
            group[0] = replace(group[0], place=place)
        # "... kidnapped 31 people in Uraba. / The incident took place in Puerto Bello": a later sentence places it
        scene = scene_place(text, sentences, group[0].sentence, [g[0].sentence.start for g in groups],
                            _merged_view(group).place, context, doc.places)
        if scene is not None:
            group[0] = replace(group[0], place=scene)
        setting = _setting_sentence(text, sentences, group, taken)
        # no place: the country the report gives the event names its generic actors ("US-led attacks
        # on Syria" in an Iraqi report: civilians of Syria, not of Iraq)
        own = tuple(s for c in group for s in (c.sentence, *c.extra))
        told = None if group[0].place is not None else event_country(text, sentences, own, context)
        group = [_restated_toll(c, i > 0, events, text) for i, c in enumerate(group)]
        mention, reason = _assemble(clean, group, publication, len(sentences), context, settings, setting,
                                    attribution, home=told.name if told is not None else None, framed=framed,
                                    protest_report=protest_report)
        if mention is None:
            rejections.extend(Rejection(c.sentence, reason) for c in group)
        else:
            located = split_by_location(mention, text, group[0].sentence, context)
            if len(located) == 1:  # "two car bombs exploded in Baghdad, one near a market and one at a checkpoint"
                located = by_listed_item(mention, text, context, (mention.place.country if mention.place else "")
                                         in settings.war_zones)
            for one in located:
                if one.place is None:  # no place: the country the report gives it, if any, with its evidence
                    one = replace(one, country=told if told is not None and one.sentences == own
                                  else event_country(text, sentences, one.sentences, context))
                    if one.country is None:  # else the country whose office its acts struck
                        one = replace(one, country=office_country(text, [(c.sentence, c.type_span) for c in group],
                                                                  context.gazetteer.country_of_people))
                events.extend(by_listed_day(one, text))
            if reference is None and mention.date is not None and not learned_date(mention.date):
                # the lead's event, dated as reported: the story's time frame from here on
                reference = (group[-1].sentence, mention.date)
    return tuple(attribute_by_kind(events, describe)), tuple(rejections)


@cache
def _setting_opener() -> re.Pattern[str]:
    """The words that open a sentence on a place it sets the story at: ``assembly_words.json`` setting_openers."""
    return re.compile(pattern("assembly_words.json", "setting_openers"), re.IGNORECASE)


#: how far after its opening word the phrase of place a sentence opens on may end (at its comma, or here)
_OPENING_PHRASE = 40


def _opens_on_a_place(text: str, sentence: Span, context) -> bool:
    """Whether ``sentence`` opens on a phrase of place ("In La Libertad department a terrorist group took over
    the town", "In Lamu county, about forty militants arrived ..."; not "In March, ..." nor "At 2030 hours")."""
    m = _setting_opener().match(text, sentence.start, sentence.end)
    if m is None:
        return False
    comma = text.find(",", m.end(), min(sentence.end, m.end() + _OPENING_PHRASE))
    end = comma if comma != -1 else min(sentence.end, m.end() + _OPENING_PHRASE)
    return context.place_for(Span(sentence.article_id, sentence.start, end)) is not None


def _retold(cand: Candidate, told) -> Candidate:
    """"Two bomb attacks on the pipelines conducted by ELN rebels have resulted in property damage in the
    millions. The two attacks occurred in the departments of Northern Santander and Meta": a pointer back at
    the act of the sentence just before it, which scope left undated for its tense (a present or a perfect
    with no date), tells that act in the past: it reports the act, not an event the report tells elsewhere
    (no pointer back), typed as what it points back at when its own noun only says "attack" (``told``,
    that sentence's classification)."""
    c = cand.classification
    if told is not None and c.cue == "attack" and told.event_type != c.event_type:
        c = replace(told, start=c.start, end=c.end)
    return replace(cand, classification=c, anaphoric="")


def _names_again(sentence: str, parse, before) -> bool:
    """Whether the act noun by which ``sentence`` (``parse``) points back ("the two attacks") names the act of
    the sentence before it (``before``, its parse) again: "two bomb attacks ... The two attacks occurred", not
    "militants have carried out raids ... The attack on the chief happened near the mosque"."""
    if before is None:
        return False
    nouns = set()
    for m in _anaphor().finditer(sentence):
        noun = parse.char_span(m.start(3), m.end(3), alignment_mode="expand") if m.group(3) else None
        if noun is not None:
            nouns.add(noun.root.lemma_.lower())
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in nouns for t in before)


def _dates_the_charge(cand: Candidate, history_reason: str, publication, settings: EventSettings) -> bool:
    """"Three students have been charged with the killing of two missionaries. / The killings occurred in
    La Paz on 24 May": an act told only as what someone is charged with, suspected or accused of carries
    no date, so it is no history by its age; the pointer back at it that gives it a day of its own, recent
    enough to be news (``background_days``), reports the act itself. An act told as history by its own
    past year or age keeps its pointers: their day, read without that year, is not the act's."""
    day = cand.date
    if day is None or day.precision != 1 or publication.date is None or _CHARGED.search(history_reason) is None:
        return False
    return 0 <= (publication.date - day.date).days <= settings.background_days


def _restated_toll(cand: Candidate, later: bool, earlier: list[EventMention], text: str) -> Candidate:
    """'Police fired tear gas at crowds in Mombasa. "We have seen at least five people shot dead," said the
    head of the medical association': a later sentence of the event with no place or day of its own that
    quotes someone giving the toll of an event the report told before says that toll again, not more
    deaths (told in the report's own words, "one of the explosives hit a home, killing two children", it
    may be the toll of this act: a figure the same by chance)."""
    deaths = cand.fatalities
    if not deaths.best or deaths.span is None or not any(e.fatalities.best == deaths.best for e in earlier):
        return cand
    if later and cand.place is None and cand.date is None and cand.sentence.start <= deaths.span.start < cand.sentence.end \
            and _quoted(cand.sentence, deaths.span, text):
        return replace(cand, fatalities=Fatalities())
    return cand


def _quoted(sentence: Span, where: Span, text: str) -> bool:
    """Whether ``where`` lies inside quotation marks of its ``sentence``: someone's words."""
    before = text[sentence.start:where.start]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _same_manner(groups: list[list[Candidate]]) -> list[list[Candidate]]:
    """"Four bombs exploded in Medellin ... The country homes of two leaders in Sabaneta and El Retiro
    were similarly attacked": an attack that names no means of its own, done "similarly" (an adverb on
    its verb, ``triggers.json`` manner_anaphors), was done the way the event before it was; when that
    was an explosion, it is one too. Its own place, date and actors stay its own."""
    manner = word_list("triggers.json", "manner_anaphors")
    out: list[list[Candidate]] = []
    for group in groups:
        head = group[0]
        before = next((c.classification for c in reversed(out[-1]) if c.classification.event_type == cls_stage.ERV),
                      None) if out else None
        if before is not None and head.classification.cue == "attack" and head.doc is not None and \
                head.classification.event_type != cls_stage.ERV and _done_so(head, manner):
            c = replace(before, start=head.classification.start, end=head.classification.end)
            group = [replace(head, classification=c), *group[1:]]
        out.append(group)
    return out


def _same_means(text: str, groups: list[list[Candidate]]) -> list[list[Candidate]]:
    """"There were indiscriminate bombings this morning in San Miguel's Esmeralda neighborhood. At about
    0900, a plane dropped a bomb that hit a civilian home in San Miguel. A 12-year-old girl was injured in
    Soyapango": a harm told with no act or means of its own (only a word of killing, dying or injuring typed
    it), in the paragraph of an explosion told just before it, is a harm of that explosion's kind; it is an
    explosion too. Its own place, date and actors stay its own."""
    out: list[list[Candidate]] = []
    for group in groups:
        head = group[0]
        before = next((c for c in reversed(out[-1]) if c.classification.event_type == cls_stage.ERV), None) \
            if out else None
        if before is not None and head.classification.event_type == cls_stage.VAC and \
                "\n\n" not in text[out[-1][-1].sentence.end:head.sentence.start] and _only_harm(head):
            c = replace(before.classification, start=head.classification.start, end=head.classification.end)
            group = [replace(head, classification=c), *group[1:]]
        out.append(group)
    return out


def _means_named_later(doc, groups: list[list[Candidate]], rejections: list[Rejection]) -> list[list[Candidate]]:
    """"The Extraditables have claimed responsibility for the attack on the newspaper El Espectador
    facilities in Bogota this morning. [...] Various phone calls were received at the newspaper regarding the
    dynamite attack": a later sentence that only refers back to the act (scope's reference verdict) names its
    means; the report's one act typed by a bare attack word, an attack on civilians, is an explosion of that
    kind (ACLED's hierarchy: E/RV over VAC). Only with one such act and one such means in the report."""
    bare = [i for i, g in enumerate(groups) if g[0].classification.cue == "attack"
            and g[0].classification.event_type == cls_stage.VAC]
    if len(bare) != 1:
        return groups
    head = groups[bare[0]][0]
    means = [c for r in rejections if r.reason.startswith(_REFERENCE_VERDICT) and r.span.start > head.sentence.start
             and (c := doc.trigger(r.span)) is not None and c.event_type == cls_stage.ERV]
    if len({(c.event_type, c.sub_event_type) for c in means}) != 1:
        return groups
    c = replace(means[0], start=head.classification.start, end=head.classification.end)
    return [[replace(head, classification=c), *g[1:]] if i == bare[0] else g for i, g in enumerate(groups)]


_REFERENCE_VERDICT = "a reference to an earlier act"


def _only_harm(cand: Candidate) -> bool:
    """Whether the words that typed ``cand`` are only a harm ("was injured", "were killed"; not "was
    murdered", an act of its own: ``assembly_words.json`` bare_harms) and its sentence names no other act
    word and no means ("injured by gunfire", "killed with a machete"; ``scope_frames.json`` weapon_nouns and
    weapon_uses)."""
    if cand.doc is None or cand.extra or any(m.role == "agent" for m in cand.actors):
        return False
    offset = cand.type_span.start - cand.sentence.start
    token = next((t for t in cand.doc if t.idx <= offset < t.idx + len(t)), None)
    if token is None or token.lemma_.lower() not in word_list("assembly_words.json", "bare_harms"):
        return False
    means = word_list("scope_frames.json", "weapon_nouns") | \
        (word_list("scope_frames.json", "weapon_uses") - harm_lemmas())
    if any(t.i != token.i and t.lemma_.lower() in means for t in cand.doc):
        return False
    told = cand.doc.text
    return cls_stage.classify(told[:token.idx] + " " * len(token) + told[token.idx + len(token):]) is None


def _done_so(cand: Candidate, manner: frozenset[str]) -> bool:
    """Whether a manner adverb of ``manner`` modifies the candidate's act word in its parse."""
    offset = cand.type_span.start - cand.sentence.start
    for token in cand.doc:
        if token.lower_ in manner and token.dep_ == "advmod" and \
                token.head.idx <= offset < token.head.idx + len(token.head) + 1:
            return True
    return False


_YEAR = re.compile(r"\b(?:in|during|early|late|mid)[-\s]+(?:the\s+)?((?:19|20)\d\d)s?\b|"
                   r"\b(\w+|\d+)\s+(years?|decades?)\s+ago\b|"
                   r"\b(?:last|the\s+previous)\s+(year)\b", re.IGNORECASE)


def _past_year(text: str, group: list[Candidate], year: int | None) -> str:
    """The past year (or "N years ago", "last year") an undated event's own sentence names, or ""
    (``year``: the report's; ``None`` when it has no date, and then any year is past)."""
    s = group[0].sentence
    aside = asides(group[0].doc, s, group[0].type_span.start - s.start)
    for m in _YEAR.finditer(text, s.start, s.end):
        if any(a.start <= m.start() and m.end() <= a.end for a in aside):
            continue  # "Cerezo's administration, which began in 1986": the year is not the act's
        if m.group(1) and _names_a_thing(group[0].doc, m.start(1) - s.start):
            continue  # "an aspirant in the 2017 General Election": the year is the election's
        if m.group(1) and (year is None or int(m.group(1)) < year):
            return m.group(1)
        if m.group(3) or m.group(4):
            return m.group(0)
    return ""


def _names_a_thing(parse, offset: int) -> bool:
    """Whether the year at ``offset`` of the sentence's parse modifies a noun that is no act ("the 2017
    General Election", "the 1991 constitution"): it names that thing, not a time of the act. "The 1986
    massacre" is the act's own year."""
    if parse is None:
        return False
    token = next((t for t in parse if t.idx == offset), None)
    if token is None or token.dep_ not in ("compound", "nummod", "amod") or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    # inside a noun phrase its determiner opens ("the 2017 election", "its 1991 constitution"); a year
    # the parse hangs on the name after it ("in 1986 Guillermo Cano was murdered") dates the act
    if not any(c.dep_ in ("det", "poss") and c.i < token.i for c in token.head.children):
        return False
    return token.head.lemma_.lower() not in word_list("scope_frames.json", "act_nouns")


#: How many sentences after the last dated event an undated one still takes its date.
NARRATIVE_REACH = 12


def _narrative_date(text: str, sentences, reference: tuple[Span, EventDate], cand: Candidate,
                    resolver: DateResolver, perfect: bool = False, beside: bool = False) -> EventDate | None:
    """The report's reference time carried forward: "On 10 March rebels murdered a family in X. /
    The rebels also attacked public buildings in Y." A simple-past event sentence with no date of
    its own, a few sentences after an event the report dated, happened in that event's time frame
    (narrative progression). A perfect ("have attacked"), a habitual or a present tense breaks the
    narrative and takes no date from it. An act told ``beside`` an act the report named before ("In
    addition to the attack on the attorney general, there were other attacks") keeps the story's
    time whatever time the sentences between them name."""
    last, date = reference
    between = [s.span for s in sentences if last.end <= s.span.start < cand.sentence.start]
    if len(between) > NARRATIVE_REACH or not (_simple_past(cand) or perfect and _simple_past(cand, perfect=True)):
        return None  # a perfect goes on with the story only in a report that tells its news in the perfect
    if not beside and any(_another_time(text, s, date, resolver) for s in between):
        return None  # "The Pentagon report, covering January 1 to March 31, said ...": the story moved on
    return replace(date, how=f"{date.how}; carried from the report's last dated event")


def _another_time(text: str, sentence: Span, date: EventDate, resolver: DateResolver) -> bool:
    """Whether a sentence names a time other than the story's: a year, or a day, week or month
    that is not the reference day (a statement's date, "said on Friday", does not move the story)."""
    for e in resolver.expressions(text, sentence):
        if e.speech or e.report:
            continue
        if e.kind == "year" or (e.date is not None and e.date.date != date.date):
            return True
    return False


def _another_day(text: str, sentence: Span, date: EventDate, resolver: DateResolver) -> bool:
    """Whether a sentence names a day of its own other than ``date``'s (a statement's day, a year,
    a week or a month alone do not count: "the group, founded in 1980, ...")."""
    return any(not e.speech and not e.report and e.date is not None and e.date.precision == 1
               and e.date.date != date.date for e in resolver.expressions(text, sentence))


def _undated_act(doc: ArticleDoc, resolver: DateResolver, group: list[Candidate], number: int, groups: int,
                 dated_before: bool, report_dates: bool, verdict: str = "") -> UndatedAct:
    """What the learned dating model reads of an undated act (``learned_dating``): ``number`` of
    ``groups`` its place among the report's events, ``verdict`` scope's reason when it is taken back."""
    first = group[0]
    span, parse, text = first.sentence, first.doc, doc.reading.text
    index = next((i for i, s in enumerate(doc.sentences) if s.span == span), 0)
    tense = "simple past" if _simple_past(first) else "perfect" if _simple_past(first, perfect=True) else "other"
    view = _merged_view(group)
    published = doc.publication.date
    return UndatedAct(
        sentence=text[span.start:span.end],
        words=tuple(t.lemma_.lower() for t in parse if t.is_alpha) if parse is not None else (),
        index=index, sentences=len(doc.sentences), group=number, groups=groups, tense=tense,
        passive=parse is not None and any(t.dep_ == "auxpass" for t in parse),
        dated_before=dated_before, report_dates=report_dates,
        date_kinds=tuple(e.kind for e in resolver.expressions(text, span)),
        event_type=first.classification.event_type, sub_event_type=first.classification.sub_event_type,
        cue=first.classification.cue, deaths=any(c.fatalities.best for c in group), place=view.place is not None,
        dateline=doc.publication.how, year=published.year if published is not None else None,
        report=text[:REPORT_CHARS], verdict=verdict)


def _simple_past(cand: Candidate, perfect: bool = False) -> bool:
    """Whether the sentence's trigger (or its governing verb) is a simple past: VBD, or a passive
    or participle governed by "was/were", with no "have" auxiliary; with ``perfect``, whether it is
    a present perfect ("have been shot to death")."""
    parse = cand.doc
    if parse is None:
        return False
    offset = cand.type_span.start - cand.sentence.start
    tokens = [t for t in parse if t.idx >= offset - 1][:1] or list(parse)[:1]
    token = tokens[0]
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for _ in range(8):
        # up to the finite verb of the clause: "an explosion in Ambo" -> "wounded"; a participle
        # that only modifies ("devices hurled by guerrillas", "houses damaged", ", injuring 15")
        # carries no tense of its own, the verb above it does
        if verb.dep_ == "ROOT" or (verb.pos_ in ("VERB", "AUX") and _finite(verb)):
            break
        verb = verb.head
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if perfect:
        return verb.tag_ == "VBN" and any(a.lower_ in ("has", "have") for a in aux)
    if verb.tag_ == "VBN" and any(a.lower_ == "had" for a in aux) and \
            not any(a.lemma_ in ("will", "would", "can", "may", "might", "should", "must") for a in aux):
        return True  # "thousands of demonstrators had gathered in central Nairobi": the story's past, told before
    if any(a.lemma_ in ("have", "will", "would", "can", "may", "might", "should", "must") for a in aux):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(a.tag_ == "VBD" for a in aux)


def _finite(verb) -> bool:
    """Whether a verb carries tense: a finite tag, or an auxiliary of its own."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _candidate(doc: ArticleDoc, span: Span, parse) -> Candidate:
    c = doc.trigger(span)
    type_span = Span(span.article_id, span.start + c.start, span.start + c.end)
    anaphoric = _anaphoric(doc.reading.text[span.start:span.end], parse)
    return Candidate(span, c, type_span, doc.dates.get(span), doc.places.get(span), doc.countries.get(span),
                     doc.actors.get(span, ()), doc.tolls.get(span, Fatalities()), anaphoric, (), parse)


def _anaphoric(sentence: str, parse) -> str:
    """How the sentence points back at an event told before: "noun" ("the attack", "those
    clashes", "the toll"), "pronoun" (only a pronoun opening it: "they", "it"), or "" (it does not),
    other than at one it reacts to: "a bus was burned by individuals protesting the dynamite
    attack" tells a riot of its own (``scope_frames.json`` reaction_heads), or one it tells its own act
    beside: "In addition to the attack on the attorney general, there were other attacks"
    (``assembly_words.json`` beside_heads)."""
    reactions = word_list("scope_frames.json", "reaction_heads") | word_list("assembly_words.json", "beside_heads")
    found = ""
    for m in _anaphor().finditer(sentence):
        pronoun = m.group(0).lower().startswith(("they", "he", "she", "it"))
        if parse is None:
            found = found or ("pronoun" if pronoun else "noun")
        elif m.group(3):
            noun = parse.char_span(m.start(3), m.end(3), alignment_mode="expand")
            if noun is None or not _reacted_to(noun.root, reactions):
                return "noun"
        elif pronoun and not (m.group(0).lower().startswith("it") and _expletive(parse[0])):
            found = "pronoun"
        elif not pronoun:
            return "noun"  # "the toll"
        if found == "noun":
            return found
    return found


def _expletive(token) -> bool:
    """"It has also been reported that ...", "it is believed that ...": an "it" that stands for the
    clause after it points back at nothing."""
    return token.dep_ == "expl" or any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that"
                                                                 for g in c.children)
                                       for c in token.head.children)


def _reacted_to(token, reactions) -> bool:
    """The act noun ``token`` is the object of a word of reaction ("protesting the attack", "in
    protest at the killing", "condemned the bombing", "in retaliation for the raid") or of a word the
    sentence tells its own act beside ("in addition to the attack", "besides the bombing", "apart from
    the raid")."""
    child = token
    for _ in range(3):
        head = child.head
        if head.i == child.i or child.dep_ not in ("dobj", "pobj", "prep", "compound"):
            return False
        if head.lemma_.lower() in reactions:
            return True
        child = head
    return False

