"""Events: from parsed trigger sentences to the event mentions of one article.

For each sentence the pre-filter chose: classify it (ACLED type), judge its modality (negated,
future, hypothetical, aggregate ... sentences are rejected with a reason), then find its date,
places, actors and deaths. Consecutive candidates that tell the same event (an elaboration with no
date or place of its own, an anaphor such as "the strikes", or the same date and place) are merged:
an event can rest on several sentences of one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from eventdesk.model import (
    Actor,
    CleanArticle,
    EventDate,
    EventMention,
    Fatalities,
    Place,
    PublicationDate,
    Rejection,
    Sentence,
    Span,
)
from eventdesk.stages import actors as actors_stage
from eventdesk.stages import classify as cls_stage
from eventdesk.stages import modality, sides
from eventdesk.stages.context import ArticleContext
from eventdesk.stages.dates import DateResolver
from eventdesk.stages.fatalities import count_fatalities
from eventdesk.stages.locations import split_by_location
from eventdesk.stages.roles import ARMED_INTER, assign_roles, generic_actor
from eventdesk.stages.notes import describe

__all__ = ["EventSettings", "Candidate", "extract_events"]

_HIERARCHY = {t: i for i, t in enumerate(cls_stage.EVENT_TYPES)}
_ANAPHOR = re.compile(
    r"\b(the|these|those|this|that|its|their) (\w+ ){0,2}(attacks?|strikes?|air ?strikes?|raids?|blasts?|"
    r"explosions?|assaults?|operations?|clashes|fighting|bombings?|incident|ambush|protests?|"
    r"demonstrations?|riots?|killings?|shelling)\b|\b(the|this) (toll|death toll)\b|^(they|he|she|it) ",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventSettings:
    """How strict event assembly is. ``keep_undated`` keeps events whose date cannot be resolved
    (used by the evaluation, where notes have no publication date); without it, an undated event
    is kept only from a page with no publication date, where fusion may still date it from other
    reports ("on Thursday" on an undated page), and held back from exports if it stays undated.
    ``background_days`` rejects
    events dated that long before publication (background mentions of past events)."""

    keep_undated: bool = False
    background_days: int = 62
    war_zones: frozenset[str] = frozenset(
        {"Syria", "Iraq", "Yemen", "Afghanistan", "Somalia", "Mali", "Burkina Faso", "Libya", "Niger"}
    )


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
    anaphoric: bool
    extra: tuple[Span, ...] = ()  # following sentences that elaborate it without a type of their own
    doc: object = None  # the parsed sentence, to name actors again once the event's country is known
    extra_docs: tuple = ()  # the parsed elaborations ("Police fired tear gas."): more actors


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


_SPEECH = {"say", "tell", "state", "announce", "claim", "report", "add", "confirm", "declare", "note", "explain",
           "describe", "deny", "accuse", "warn", "insist", "allege"}


def _sources_are_not_agents(doc, found):
    """"the PMF said its units came under attack": the subject of a speech verb is the source of
    the claim, not the perpetrator."""
    out = []
    for m in found:
        verb = doc[m.trigger] if m.trigger is not None and m.trigger < len(doc) else None
        if m.role == "agent" and verb is not None and verb.lemma_.lower() in _SPEECH \
                and not actors_stage.claims_own_act(verb):
            m = replace(m, role="source")
        out.append(m)
    return out


def _another_cue_is_factual(doc, sentence_text: str, c, index: int) -> bool:
    """"Police fought armed clans [who were preparing to attack villages]": the cue that typed the
    sentence sits in a planned clause, but another event word of the sentence reports a fact."""
    for m in cls_stage.cues(sentence_text).values():
        if (m.start(), m.end()) == (c.start, c.end):
            continue
        if modality.judge(doc, m.start(), m.end(), lead=index < 2).factual:
            return True
    return False


def _paragraph_date(text: str, sentences, span: Span, resolver: DateResolver,
                    own_dates: dict[Span, EventDate | None]) -> EventDate | None:
    """"On 4 May 2020, police carried out an operation in X. A shoot-out broke out ...": a sentence
    with no date of its own takes the date of the nearest earlier sentence of its paragraph."""
    earlier = [s.span for s in sentences if s.span.end <= span.start]
    for prev in reversed(earlier):
        if "\n\n" in text[prev.end : span.start]:
            return None
        if prev not in own_dates:
            own_dates[prev] = resolver.resolve(text, prev)
        found = own_dates[prev]
        if found is not None:
            return replace(found, how=f"{found.how}; from the paragraph's earlier sentence")
    return None


def _paragraph_place(text: str, sentences, group: list[Candidate], taken: set[Span],
                     context: ArticleContext) -> Place | None:
    """"Raiders attacked a farm. LOCATION: Unspecified location in Trans Nzoia District": an event
    whose own sentences name no place takes the place named by the nearest other sentence of its
    paragraph that reports no event of its own (its elaborations first)."""
    for extra in (s for c in group for s in c.extra):
        place = context.place_for(extra)
        if place is not None:
            return place
    first, last = group[0].sentence, group[-1].extra[-1] if group[-1].extra else group[-1].sentence
    before = [s.span for s in sentences if s.span.end <= first.start]
    after = [s.span for s in sentences if s.span.start >= last.end]
    paragraph: list[Span] = []
    for seq, gap in ((reversed(before), lambda s: text[s.end:first.start]),
                     (after, lambda s: text[last.end:s.start])):
        for span in seq:
            if "\n\n" in gap(span):
                break
            paragraph.append(span)
    paragraph.sort(key=lambda s: min(abs(s.start - last.end), abs(first.start - s.end)))
    for span in paragraph:
        if span in taken:
            continue
        place = context.place_for(span)
        if place is not None:
            return place
    return None


def _same_paragraph(text: str, cand: Candidate, span: Span) -> bool:
    end = cand.extra[-1].end if cand.extra else cand.sentence.end
    return "\n\n" not in text[end : span.start]


def _elaborate(text: str, cand: Candidate, span: Span, settings: EventSettings, doc=None) -> Candidate:
    """Attach a following sentence that adds detail ("Police fired tear gas to disperse them")."""
    extra = cand.extra + (span,)
    deaths = count_fatalities(text, [cand.sentence, *extra], war_zone=(cand.country or "") in settings.war_zones)
    if deaths.best < cand.fatalities.best and not deaths.how.startswith("coded"):
        deaths = cand.fatalities  # the larger toll, unless the text states how deaths were coded
    docs = cand.extra_docs + (((span, doc),) if doc is not None else ())
    return replace(cand, extra=extra, fatalities=deaths, extra_docs=docs)


def _same_event(a: Candidate, b: Candidate) -> bool:
    """Does candidate ``b`` (later) tell the same event as ``a``?"""
    if b.date and a.date and b.date.date != a.date.date:
        return False
    if b.place and a.place and not _near(a.place, b.place):
        return False
    own_detail = bool(b.date) or bool(b.place)
    if not own_detail:
        return True  # an elaboration: "The clashes resulted in 20 deaths", "killing 36, he added"
    if b.anaphoric:
        return True
    same_family = a.classification.event_type == b.classification.event_type
    return same_family and bool(b.date and a.date) and bool(b.place and a.place)


def _only_a_reference(group: list[Candidate], groups: list[list[Candidate]]) -> bool:
    """"The raid coincided with a meeting in Baghdad": an anaphor with no date, toll or actor of
    its own that only points at an event the article reports elsewhere."""
    if not all(c.anaphoric and c.date is None and not c.fatalities.best for c in group):
        return False
    if any(m.actor.span is not None and m.role == "agent" for c in group for m in c.actors):
        return False
    family = {c.classification.event_type for c in group}
    types = {ERV_OR_BATTLE.get(t, t) for t in family}
    return any(
        other is not group and {ERV_OR_BATTLE.get(c.classification.event_type, c.classification.event_type)
                                for c in other} & types
        for other in groups
    ) or any(other is not group for other in groups if other[0].date is not None)


# for "is this the same kind of event": armed violence of any kind counts as one family
ERV_OR_BATTLE = {
    cls_stage.BATTLES: "armed", cls_stage.ERV: "armed", cls_stage.VAC: "armed",
}


def _near(a: Place, b: Place) -> bool:
    if a.location == b.location and a.country == b.country:
        return True
    if a.country != b.country:
        return False
    if min(a.precision, b.precision) >= 3 or max(a.precision, b.precision) >= 3:
        return a.admin1 == b.admin1
    return abs(a.latitude - b.latitude) + abs(a.longitude - b.longitude) < 0.25


def _group(candidates: list[Candidate]) -> list[list[Candidate]]:
    groups: list[list[Candidate]] = []
    for cand in candidates:
        if groups and _same_event(_merged_view(groups[-1]), cand):
            groups[-1].append(cand)
        else:
            groups.append([cand])
    return groups


def _merged_view(group: list[Candidate]) -> Candidate:
    """The group as one candidate: first date and place found, highest-ranked type."""
    head = group[0]
    date = next((c.date for c in group if c.date), None)
    place = _best_place([c.place for c in group])
    return replace(head, date=date, place=place)


def _best_place(places: list[Place | None]) -> Place | None:
    found = [p for p in places if p is not None]
    return min(found, key=lambda p: p.precision) if found else None


def _setting_sentence(text: str, sentences, group: list[Candidate], taken: set[Span]) -> Span | None:
    """The sentence just before an event, in its paragraph, when it reports no event of its own:
    "On 2 May, the Military Police carried out an operation in Linha. A shoot-out broke out ..."."""
    first = group[0].sentence
    earlier = [s.span for s in sentences if s.span.end <= first.start]
    if not earlier or earlier[-1] in taken or "\n\n" in text[earlier[-1].end:first.start]:
        return None
    return earlier[-1]


_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def _assemble(clean, group, publication, n_sentences, context, settings, setting=None):
    """One event mention from a group of candidate sentences, or a reason to reject it."""
    top = min(group, key=lambda c: (_HIERARCHY[c.classification.event_type], _sub_rank(c)))
    top = _reclassify(clean.text, group, top)
    view = _merged_view(group)
    date = view.date
    if date is None:
        date = _report_date(group[0], publication, clean, n_sentences)
    if date is None and not settings.keep_undated and publication.date is not None:
        return None, "no event date (background or undatable)"  # a dated page would have dated it
    if date is not None and publication.date and publication.how != "none":
        age = (publication.date - date.date).days
        if age > settings.background_days and n_sentences > 3:
            return None, f"background mention ({age} days before publication)"
    place = view.place
    country = place.country if place else next((c.country for c in group if c.country), context.main_country)
    battle = top.classification.event_type == cls_stage.BATTLES
    gang_victim = top.classification.sub_event_type == "Attack" and sides.gang_victim(clean.text, group[0].sentence)
    if gang_victim:
        # "a man was killed by three armed men ... The victim had charges against him for drug
        # trafficking": ACLED counts a criminal as a gang member, not a civilian, so it is a clash
        top = replace(top, classification=replace(top.classification, event_type=cls_stage.BATTLES,
                                                  sub_event_type="Armed clash"))
        battle = True
    per_sentence = [sides.agent_over_patient(sides.defence(c.doc, _actors_for(c, country, context)), battle)
                    for c in group]
    mentions = tuple(m for found in per_sentence for m in found)
    first = per_sentence[0]
    if setting is not None and not any(m.actor.inter in ARMED_INTER and m.role == "agent" for m in first):
        # no perpetrator in the event's first sentence: the armed actors its setting sentence
        # names come next, before those of the later sentences ("The Police seized a pistol")
        named = [m for m in actors_stage.named_actors(clean.text, setting, country, context.actors)
                 if m.actor.inter in ARMED_INTER]
        if named:  # the first it names is who acted ("the Military Police carried out an operation")
            named[0] = replace(named[0], role="agent")
        mentions = first + tuple(named) + mentions[len(first):]
    mentions += tuple(m for c in group for m in _elaboration_actors(c, country, context))
    a1, a2, assoc1, assoc2 = assign_roles(top.classification, mentions, country)
    if a1 is not None and a1.name.startswith("Unidentified Armed Group") and top.classification.cue in ("air", "shelling"):
        a1 = sides.weapon_nation(clean.text, top.type_span, country, context.actors) or a1
        if a2 is not None and a2.name == a1.name:
            # "Saudi-led coalition air raids were reported": the raider, not its target; the
            # civilians it harmed, if any, are ("... killing four citizens")
            a2, assoc2 = (assoc2[0], assoc2[1:]) if assoc2 else (None, assoc2)
    if battle:
        a1, a2 = sides.between_order(clean.text, group[0].sentence, a1, a2, per_sentence[0])
        a1, a2 = sides.one_side_other(clean.text, group[0].sentence, a1, a2, per_sentence[0])
        a1, a2 = sides.community_sides(clean.text, group[0].sentence, a1, a2, country)
        # "military forces of India and Pakistan exchanged fire": the army at home first
        a1, a2 = sides.joint_forces(clean.text, group[0].sentence, country, context.actors) or (a1, a2)
    a1, a2 = sides.named_communities(clean.text, group[0].sentence, a1, a2, country, battle, context.actors)
    if a1 is not None and top.classification.sub_event_type in _TERRITORY:
        # who took the ground decides: a state force regains it, anyone else overtakes it
        sub = _TERRITORY[0] if a1.inter == 1 else _TERRITORY[1]
        top = replace(top, classification=replace(top.classification, sub_event_type=sub))
    own = [s for c in group for s in (c.sentence, *c.extra)]
    seizure = top.classification.sub_event_type in ("Arrests", "Looting/property destruction") and \
        sides.seized_contraband(clean.text, own)
    if seizure:
        # "police seized a ton of marijuana ... Three people were arrested": ACLED codes the seizure
        top = replace(top, classification=replace(top.classification, sub_event_type="Looting/property destruction"))
    a1 = sides.combined_or(clean.text, a1, country, context.actors)
    a2 = sides.combined_or(clean.text, a2, country, context.actors)
    day = date.date if date is not None else None
    a1 = sides.faction_unnamed(clean.text, a1, day, context.actors)  # "Boko Haram" in 2020: either faction
    a2 = sides.faction_unnamed(clean.text, a2, day, context.actors)
    if gang_victim or seizure:
        a2 = sides.unidentified_gang(country)  # the drugs seized belong to a gang
    if top.classification.event_type == cls_stage.PROTESTS and a2 is None and \
            sides.counter_protest(clean.text, group[0].sentence):
        a2 = generic_actor("protesters", country)  # "a counterprotest in support of the government"
    deaths = _deaths(group)
    coding = [sp for sp in context.coding_sentences if sp not in own]
    if context.coding_sentences and not deaths.how.startswith(("coded", "split")):
        # "Fatalities coded as 0 (VoJ reported 4).", in the event's own sentences or after another
        # one: the coder's figure
        deaths = count_fatalities(clean.text, own + coding, war_zone=(country or "") in settings.war_zones)
    if top.classification.sub_event_type in _NO_DEATHS and deaths.best:
        if any(_CAUSE.search(clean.text, s.start, s.end) for s in own):
            deaths = _no_deaths(top.classification.sub_event_type, deaths)
        elif top.classification.event_type == cls_stage.PROTESTS:
            # "police dispersing the crowd shot and killed a rider": deaths at the protest itself
            top = replace(top, classification=replace(top.classification,
                                                      sub_event_type="Excessive force against protesters"))
    mention = EventMention(
        article_id=clean.id,
        event_type=top.classification.event_type,
        sub_event_type=top.classification.sub_event_type,
        sentences=tuple(own),
        date=date,
        place=place,
        actor1=a1,
        actor2=a2,
        assoc_actor_1=assoc1,
        assoc_actor_2=assoc2,
        fatalities=deaths,
        notes="",
        confidence=_confidence(date, place, a1, top),
        type_evidence=top.type_span,
    )
    return replace(mention, notes=describe(mention)), ""


def _reclassify(text: str, group: list[Candidate], top: Candidate) -> Candidate:
    """Classify the group's own sentences read together: a later sentence often settles the type
    ("... exchanged fire", "the victims were civilians"). Falls back to the best single sentence."""
    spans = [s for c in group for s in (c.sentence, *c.extra)]
    if len(spans) == 1:
        return top
    pieces, starts, pos = [], [], 0
    for sp in spans:
        starts.append(pos)
        pieces.append(text[sp.start : sp.end])
        pos += sp.end - sp.start + 1
    joined = " ".join(pieces)
    kinds = tuple(m.actor.inter for c in group for m in c.actors)
    c = cls_stage.classify(joined, armed_actors=len(kinds), actor_kinds=kinds)
    if c is None:
        return top
    i = max(k for k, st in enumerate(starts) if st <= c.start)
    base = spans[i].start - starts[i]
    span = Span(top.sentence.article_id, base + c.start, min(base + c.end, spans[i].end))
    return replace(top, classification=c, type_span=span)


def _actors_for(c: Candidate, country: str | None, context) -> tuple:
    """The candidate's actors, named again when the event's country differs from the one the
    sentence alone suggested (``Islamic State (Syria)`` rather than ``(Iraq)``)."""
    if country == c.country or c.doc is None:
        return c.actors
    return tuple(_sources_are_not_agents(c.doc, actors_stage.find_actors(
        c.doc, offset=c.sentence.start, article_id=c.sentence.article_id, country=country,
        dictionary=context.actors,
    )))


def _elaboration_actors(c: Candidate, country: str | None, context) -> tuple:
    """Actors of the sentences that elaborate the event ("Police intervened firing teargas"):
    after the event sentence's own, so they never displace its perpetrator."""
    out = []
    for span, doc in c.extra_docs:
        out.extend(_sources_are_not_agents(doc, actors_stage.find_actors(
            doc, offset=span.start, article_id=span.article_id, country=country, dictionary=context.actors)))
    return tuple(out)


def _sub_rank(c: Candidate) -> int:
    subs = cls_stage.SUB_EVENT_TYPES[c.classification.event_type]
    return subs.index(c.classification.sub_event_type) if c.classification.sub_event_type in subs else 99


def _report_date(first: Candidate, publication, clean, n_sentences) -> EventDate | None:
    """ACLED codes an undated report on its report date with precision 2 ("as reported on").
    Only the lead of an article (or a short article) gets that; later undated sentences are
    usually background."""
    if publication.date is None:
        return None
    lead = first.sentence.start < _lead_end(clean.text)
    if lead or n_sentences <= 3:
        return EventDate(publication.date, 2, None, "as reported (publication date)")
    return None


def _lead_end(text: str) -> int:
    """End offset of the first two sentences/paragraph of the text (the news lead)."""
    ends = [m.end() for m in re.finditer(r"[.!?](\s|$)", text)]
    return ends[1] if len(ends) > 1 else len(text)


# ACLED rows of these sub-event types never carry deaths (CODEBOOK section 4): deaths a protest
# reacts to ("protested the killing of a student") belong to another event
_NO_DEATHS = frozenset({"Peaceful protest", "Protest with intervention", "Abduction/forced disappearance"})


def _no_deaths(sub_event_type: str, deaths: Fatalities) -> Fatalities:
    return Fatalities(0, None, None, None,
                      f"0: a {sub_event_type.lower()} carries no deaths; the {deaths.best} reported belong to "
                      "the event it reacts to")


# deaths a protest report names that are what it protests ("protested the killing of a student",
# "after five guards were killed the previous evening")
_CAUSE = re.compile(
    r"\b(after|following|over|against|into|protest\w*|demonstrat\w*|condemn\w*|denounc\w*|mourn\w*)\s+"
    r"(at\s+|over\s+|against\s+)?(the\s+|a\s+|an\s+)?(\w+\s+){0,3}(killings?|deaths?|murders?|lynching|"
    r"shootings?|assassination|massacre)\b|"
    r"\b(after|following|when)\s+([\w']+\s+){0,6}(killed|murdered|shot dead|lynched|died)\b|"
    r"\b(who|which)\s+(\w+\s+){0,3}(killed|murdered)\b|\b(led|leading)\s+to\s+(\w+\s+){0,4}deaths\b|"
    r"\bkilled\b[^.]{0,40}\b(the\s+previous|the\s+day\s+before|earlier|last\s+(week|month|night))\b",
    re.IGNORECASE,
)


def _deaths(group: list[Candidate]) -> Fatalities:
    """The group's toll: the largest figure reported by any of its sentences (one sentence may
    give the total and another a part of it); unknown-but-reported tolls are kept as such."""
    known = [c.fatalities for c in group if c.fatalities.low is not None or c.fatalities.best]
    if not known:
        return next((c.fatalities for c in group if c.fatalities.how), Fatalities())
    return max(known, key=lambda f: (f.best, f.high or 0))


def _confidence(date: EventDate | None, place: Place | None, actor1: Actor | None, top: Candidate) -> float:
    score = 0.3
    if date is not None:
        score += 0.25 if date.precision == 1 else 0.15
    if place is not None:
        score += 0.2 if place.precision <= 2 else 0.1
    if actor1 is not None and actor1.span is not None:
        score += 0.15
    if top.classification.cue not in ("attack", "change", "other"):
        score += 0.1
    return round(min(score, 1.0), 2)
