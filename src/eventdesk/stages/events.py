"""Events: from parsed trigger sentences to the event mentions of one article.

For each sentence the pre-filter chose: classify it (ACLED type), judge its modality (negated,
future, hypothetical, aggregate ... sentences are rejected with a reason), then find its date,
places, actors and deaths. Consecutive candidates that tell the same event (an elaboration with no
date or place of its own, an anaphor such as "the strikes", or the same date and place) are merged:
an event can rest on several sentences of one article.

The candidates and their merging live in ``_event_merge``, the assembly of one event's fields
from a group in ``_event_assembly``; this module reads each sentence and re-exports both.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventdesk.model import (
    CleanArticle,
    EventDate,
    EventMention,
    PublicationDate,
    Rejection,
    Sentence,
    Span,
)
from eventdesk.stages import actors as actors_stage
from eventdesk.stages import classify as cls_stage
from eventdesk.stages import modality
from eventdesk.stages.context import ArticleContext
from eventdesk.stages.dates import DateResolver
from eventdesk.stages.fatalities import count_fatalities
from eventdesk.stages.locations import split_by_location
from eventdesk.stages._event_assembly import _assemble, _sources_are_not_agents
from eventdesk.stages._event_merge import (
    Candidate,
    EventSettings,
    _elaborate,
    _group,
    _merged_view,
    _only_a_reference,
    _paragraph_date,
    _paragraph_place,
    _same_paragraph,
    _setting_sentence,
)

__all__ = ["EventSettings", "Candidate", "extract_events"]

_ANAPHOR = re.compile(
    r"\b(the|these|those|this|that|its|their) (\w+ ){0,2}(attacks?|strikes?|air ?strikes?|raids?|blasts?|"
    r"explosions?|assaults?|operations?|clashes|fighting|bombings?|incident|ambush|protests?|"
    r"demonstrations?|riots?|killings?|shelling)\b|\b(the|this) (toll|death toll)\b|^(they|he|she|it) ",
    re.IGNORECASE,
)


def extract_events(
    clean: CleanArticle,
    publication: PublicationDate,
    sentences: tuple[Sentence, ...],
    docs: dict[Span, object],
    context: ArticleContext,
    settings: EventSettings,
) -> tuple[tuple[EventMention, ...], tuple[Rejection, ...]]:
    """The event mentions of one article and the event-like sentences rejected, with reasons."""
    text = clean.text
    resolver = DateResolver(publication.date, publication.order or "DMY")
    rejections: list[Rejection] = []
    candidates: list[Candidate] = []
    previous_date: EventDate | None = None
    last_index = -2
    for index, sentence in enumerate(sentences):
        if not sentence.triggers:
            continue
        doc = docs.get(sentence.span)
        if doc is None:  # trigger words but no event type: not parsed, may still elaborate
            cand, reason = None, ""
        else:
            cand, reason = _candidate(text, sentence.span, doc, index, resolver, previous_date, context, settings)
        if reason:
            rejections.append(Rejection(sentence.span, reason))
        if cand is None:
            follows = candidates and index == last_index + 1
            if not reason and follows and _same_paragraph(text, candidates[-1], sentence.span):
                candidates[-1] = _elaborate(text, candidates[-1], sentence.span, settings, doc)
                last_index = index
            continue
        candidates.append(cand)
        last_index = index
        previous_date = cand.date or previous_date
    events: list[EventMention] = []
    groups = _group(candidates)
    own_dates: dict[Span, EventDate | None] = {}  # each sentence's own date, resolved at most once
    for group in list(groups):
        if _only_a_reference(group, groups):
            groups.remove(group)
            rejections.extend(Rejection(c.sentence, "refers to an event reported elsewhere in the article")
                              for c in group)
    taken = {c.sentence for g in groups for c in g}
    for group in groups:
        if _merged_view(group).date is None:
            inherited = _paragraph_date(text, sentences, group[0].sentence, resolver, own_dates)
            group[0] = replace(group[0], date=inherited)
        if _merged_view(group).place is None:
            group[0] = replace(group[0], place=_paragraph_place(text, sentences, group, taken, context))
        setting = _setting_sentence(text, sentences, group, taken)
        mention, reason = _assemble(clean, group, publication, len(sentences), context, settings, setting)
        if mention is None:
            rejections.extend(Rejection(c.sentence, reason) for c in group)
        else:
            events.extend(split_by_location(mention, text, group[0].sentence, context))
    return tuple(events), tuple(rejections)


def _candidate(text, span, doc, index, resolver, previous_date, context, settings):
    sentence_text = text[span.start : span.end]
    place = context.place_for(span)
    country = place.country if place else (context.sentence_country(span) or context.main_country)
    found = _sources_are_not_agents(doc, actors_stage.find_actors(
        doc, offset=span.start, article_id=span.article_id, country=country, dictionary=context.actors
    ))
    kinds = context.armed_hint(sentence_text)
    c = cls_stage.classify(
        sentence_text,
        armed_actors=kinds.armed,
        state_agent=kinds.state or any(m.actor.inter == 1 and m.role == "agent" for m in found),
        actor_kinds=tuple(m.actor.inter for m in found),
    )
    if c is None:
        return None, ""
    verdict = modality.judge(doc, c.start, c.end, lead=index < 2)
    if not verdict.factual and not _another_cue_is_factual(doc, sentence_text, c, index):
        return None, verdict.reason
    type_span = Span(span.article_id, span.start + c.start, span.start + c.end)
    date = resolver.resolve(text, span, previous=previous_date, anchors=context.anchors, trigger=type_span)
    war = (country or "") in settings.war_zones
    deaths = count_fatalities(text, [span], war_zone=war)
    anaphoric = bool(_ANAPHOR.search(sentence_text))
    return Candidate(span, c, type_span, date, place, country, tuple(found), deaths, anaphoric, (), doc), ""


def _another_cue_is_factual(doc, sentence_text: str, c, index: int) -> bool:
    """"Police fought armed clans [who were preparing to attack villages]": the cue that typed the
    sentence sits in a planned clause, but another event word of the sentence reports a fact."""
    for m in cls_stage.cues(sentence_text).values():
        if (m.start(), m.end()) == (c.start, c.end):
            continue
        if modality.judge(doc, m.start(), m.end(), lead=index < 2).factual:
            return True
    return False
