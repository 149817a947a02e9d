"""The assembly of one event mention from a group of candidate sentences.

The group's type (its sentences classified together, the highest-ranked in the hierarchy), its
date (or the report date for an undated lead) and place, its actors in order (the event
sentence's own, then those of its setting sentence and elaborations, with ACLED's side rules from
``sides``), its toll (with the coder's figure and the sub-event types that carry no deaths), a
confidence and the notes. An undated or background event is rejected here, with a reason.

Private: import from ``eventdesk.extract.assembly.events``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from eventdesk.model import Actor, EventDate, EventMention, Fatalities, Place, Span
from eventdesk.extract.actors import find as actors_stage
from eventdesk.extract.trigger import classify as cls_stage
from eventdesk.extract.actors import sides
from eventdesk.extract.actors.attribution import enforcement_nouns, enforces, holding_verbs
from eventdesk.extract.actors.roles import ARMED_INTER, assign_roles, generic_actor
from eventdesk.extract.assembly.notes import describe
from eventdesk.extract.assembly._merge import Candidate, _merged_view
from eventdesk.rules import word_list
from eventdesk.extract.tolls._quantities import parse_number

__all__ = ["_assemble"]

#: Which of its sentences' types an event takes. A demonstration that any of its sentences tells as
#: violent is a riot ("demonstrators barricaded roads ... Riot police fired tear gas at them"): ACLED's
#: protests are the non-violent ones, whatever force met them.
_HIERARCHY = {t: i for i, t in enumerate((cls_stage.BATTLES, cls_stage.RIOTS, cls_stage.PROTESTS, cls_stage.ERV,
                                          cls_stage.VAC, cls_stage.SD))}


_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
_ATTRIBUTABLE = (cls_stage.VAC, cls_stage.ERV, cls_stage.BATTLES)


def _assemble(clean, group, publication, n_sentences, context, settings, setting=None, attribution=None,
              home=None, framed: frozenset[Span] = frozenset(), protest_report: bool = False):
    """One event mention from a group of candidate sentences, or a reason to reject it. ``home`` is
    the country the report gives an event with no place (``places.country``), for its generic actors;
    ``framed`` the words that typed a sentence and name no act (scope's ``retypes``)."""
    top = min(group, key=lambda c: (_HIERARCHY[c.classification.event_type], _sub_rank(c)))
    top = _reclassify(clean.text, group, top, framed, protest_report)
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
    country = place.country if place else (home or next((c.country for c in group if c.country), context.main_country))
    battle = top.classification.event_type == cls_stage.BATTLES
    gang_victim = top.classification.sub_event_type == "Attack" and sides.gang_victim(clean.text, group[0].sentence)
    if gang_victim:
        # "a man was killed by three armed men ... The victim had charges against him for drug
        # trafficking": ACLED counts a criminal as a gang member, not a civilian, so it is a clash
        top = replace(top, classification=replace(top.classification, event_type=cls_stage.BATTLES,
                                                  sub_event_type="Armed clash"))
        battle = True
    year = publication.date.year if publication.date is not None else None  # names a state's regime that year
    # a later sentence of the group that opens with the act it follows ("Following the attack, the army
    # launched raids in which dozens were arrested") tells who responded (``sides.responders``)
    per_sentence = [sides.agent_over_patient(sides.defence(c.doc, _in_group(c, i, country, context, year)), battle)
                    for i, c in enumerate(group)]
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
    mentions += tuple(m for c in group for m in _elaboration_actors(c, country, context, year))
    a1, a2, assoc1, assoc2 = assign_roles(top.classification, mentions, country)
    if a1 is not None and (a1.name.startswith("Unidentified Armed Group") or _told_elsewhere(a1, top)) and \
            top.classification.event_type in (cls_stage.ERV, cls_stage.VAC, cls_stage.BATTLES):
        # "US-led attacks", "Saudi-led coalition raids": the nation that led the act; on a weapon, the
        # nation named on it ("Russian warplanes", "U.S. air strikes")
        nation = sides.led_by(clean.text, top.type_span, country, context.actors) or (
            sides.weapon_nation(clean.text, top.type_span, country, context.actors)
            if top.classification.cue in ("air", "shelling", "strike") else None)
        a1 = nation or a1
        if (nation is not None or top.classification.cue in ("air", "shelling", "strike")) and a2 is not None \
                and a2.name == a1.name:
            # "Saudi-led coalition air raids were reported": the raider, not its target; the
            # civilians it harmed, if any, are ("... killing four citizens")
            a2, assoc2 = (assoc2[0], assoc2[1:]) if assoc2 else (None, assoc2)
    if battle:
        a1, a2 = sides.between_order(clean.text, group[0].sentence, a1, a2, per_sentence[0])
        a1, a2 = sides.one_side_other(clean.text, group[0].sentence, a1, a2, per_sentence[0])
        a1, a2 = sides.community_sides(clean.text, group[0].sentence, a1, a2, country)
        a1, a2 = sides.infighting(clean.text, group[0].sentence, a1, a2)  # "two factions of X clashed"
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
    if (a1 is None or a1.name.startswith("Unidentified Armed Group")) and not gang_victim and \
            top.classification.event_type in _ATTRIBUTABLE:
        # the attacker unnamed here: the group the rest of the report claims, blames or names
        who = attribution.responsible(own, country, _victims(group), pronoun=_pronoun_agent(group)) \
            if attribution is not None else None
        if who is not None and (a2 is None or a2.name != who.name):
            a1 = who
    if gang_victim or seizure:
        a2 = sides.unidentified_gang(country)  # the drugs seized belong to a gang
    else:  # "in what police believe is a gang-related shooting", "armed men ... in a bank robbery"
        a1, a2 = sides.gang_sides(clean.text, group[0].sentence, a1, a2, country)
    if top.classification.event_type == cls_stage.PROTESTS and a2 is None and \
            sides.counter_protest(clean.text, group[0].sentence):
        a2 = generic_actor("protesters", country)  # "a counterprotest in support of the government"
    if top.classification.event_type in (cls_stage.PROTESTS, cls_stage.RIOTS) and a2 is None:
        # "... demonstrated outside the offices. Police intervened.": the force that acted on the crowd
        a2 = sides.intervening_force(clean.text, group[0].sentence, country, context.actors)
        if a2 is not None and top.classification.sub_event_type == "Peaceful protest":
            top = replace(top, classification=replace(top.classification, sub_event_type="Protest with intervention"))
        elif a2 is None and top.classification.event_type == cls_stage.RIOTS and sides.property_attacked(clean.text, own):
            a2 = generic_actor("civilians", country)  # "rioters hurled a Molotov cocktail at a bank"
    deaths = _deaths(group, clean.text)
    if top.classification.event_type == cls_stage.RIOTS and deaths.best:
        # "protesters set fire to a police station after a student was killed": the death the crowd
        # reacts to is another event's; a riot keeps only the deaths its sentences do not give as a cause
        own_told = [c for c in group if not _toll_is_cause(clean.text, c)]
        kept = _deaths(own_told)
        deaths = kept if kept.best else Fatalities(
            0, None, None, None, f"0: the {deaths.best} reported are what the riot reacts to, another event's")
    if top.classification.sub_event_type in _NO_DEATHS and deaths.best:
        if any(_protest_cause().search(clean.text, s.start, s.end) for s in own):
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


def _reclassify(text: str, group: list[Candidate], top: Candidate, framed: frozenset[Span] = frozenset(),
                protest_report: bool = False) -> Candidate:
    """Classify the group's own sentences read together: a later sentence often settles the type
    ("... exchanged fire", "the victims were civilians"). Falls back to the best single sentence.
    A word scope found naming no act (``framed``: "fires that firefighters battled") is blanked, as
    it was when its sentence was typed alone.
    A sentence that alone tells a weapon seized, found or defused is left out of the reading: its
    weapon is no means of the harm another sentence tells ("troops killed two guerrillas ... In
    this operation the army seized shotguns and dynamite" is no explosion)."""
    # an act of a sentence that tells several, each on its own day, is read in its own clause
    spans = [s for c in group for s in (c.clause or c.sentence, *c.extra)]
    if len(spans) == 1:
        return top
    kept = [sp for sp in spans if not _disrupted_alone(text[sp.start:sp.end])]
    if kept and len(kept) < len(spans):
        spans = kept
        if len(spans) == 1:
            return top
    pieces, starts, pos = [], [], 0
    for sp in spans:
        starts.append(pos)
        piece = text[sp.start : sp.end]
        for word in framed:
            if sp.start <= word.start < word.end <= sp.end:
                a, b = word.start - sp.start, word.end - sp.start
                piece = piece[:a] + " " * (b - a) + piece[b:]
        pieces.append(piece)
        pos += sp.end - sp.start + 1
    joined = " ".join(pieces)
    kinds = tuple(m.actor.inter for c in group for m in c.actors)
    agents = tuple(m.actor.inter for c in group for m in c.actors if m.role == "agent")
    c = cls_stage.classify(joined, armed_actors=len(kinds), actor_kinds=kinds, agent_kinds=agents,
                           protest_report=protest_report)
    if c is None:
        return top
    i = max(k for k, st in enumerate(starts) if st <= c.start)
    base = spans[i].start - starts[i]
    span = Span(top.sentence.article_id, base + c.start, min(base + c.end, spans[i].end))
    return replace(top, classification=c, type_span=span)


def _told_elsewhere(actor: Actor, top: Candidate) -> bool:
    """Whether ``actor`` was named outside the sentence that typed the event: "A Russian drone attack
    on Odesa killed three people ... Ukraine's air force said ...": the nation on the act's own words
    comes before a side a later sentence names."""
    own = top.sentence
    return actor.span is not None and not own.start <= actor.span.start < own.end


def _disrupted_alone(sentence: str) -> bool:
    c = cls_stage.classify(sentence)
    return c is not None and c.sub_event_type == "Disrupted weapons use"


def _actors_for(c: Candidate, country: str | None, context, year: int | None = None) -> tuple:
    """The candidate's actors, named again when the event's country differs from the one the
    sentence alone suggested (``Islamic State (Syria)`` rather than ``(Iraq)``); the subject of a
    verb of law enforcement that is not the event's own is no agent of it ("Police arrested three
    men suspected of killing a judge": the police did not kill)."""
    found = c.actors if country == c.country or c.doc is None else \
        actors_stage.actors_of_sentence(c.doc, c.sentence, country, context.actors, year)
    return tuple(_not_the_enforcer(m, c) for m in found)


def _in_group(c: Candidate, index: int, country: str | None, context, year: int | None) -> tuple:
    """The actors of the group's candidate at ``index``: after the first, who responded to the act is none
    of its sides (``sides.responders``)."""
    found = _actors_for(c, country, context, year)
    return found if index == 0 else sides.responders(c.doc, found)


def _not_the_enforcer(m, c: Candidate):
    if m.role != "agent" or m.trigger is None or c.doc is None or m.trigger >= len(c.doc):
        return m
    verb = c.doc[m.trigger]
    if not enforces(verb) and not _enforcement_done(verb) and not _to_enforce(verb):
        return m
    if m.actor.inter != 1 and verb.lemma_.lower() in holding_verbs():
        return m  # "was released on 19 February by the ELN": a group that held or freed someone took them

    offset = c.type_span.start - c.sentence.start
    if verb.idx <= offset < verb.idx + len(verb):
        return m  # the event is the arrest itself
    return replace(m, role="enforcer")  # did the act's sequel, takes no side in the act


_LIGHT_VERBS = frozenset({"make", "carry", "conduct", "undertake", "launch"})


def _to_enforce(verb) -> bool:
    """A verb done in order to enforce the law after an act: "police used drones to search for the gunmen
    who killed three villagers", "troops were deployed to hunt the attackers" (an infinitive of purpose whose
    verb is one of law enforcement)."""
    return any(c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and enforces(c) and
               any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)


def _enforcement_done(verb) -> bool:
    """"various arrests were made by the police", "troops conducted searches": a light verb whose
    subject or object is a noun of law enforcement."""
    return verb.lemma_.lower() in _LIGHT_VERBS and any(
        c.dep_ in ("nsubjpass", "dobj", "nsubj") and c.lower_ in enforcement_nouns() for c in verb.children)


def _elaboration_actors(c: Candidate, country: str | None, context, year: int | None = None) -> tuple:
    """Actors of the sentences that elaborate the event ("Police intervened firing teargas"):
    after the event sentence's own, so they never displace its perpetrator; a force that killed the
    attackers there, or acted "following the attack", responded to the act (``sides.defence``,
    ``sides.responders``)."""
    out = []
    for span, doc in c.extra_docs:
        found = actors_stage.actors_of_sentence(doc, span, country, context.actors, year)
        out.extend(sides.defence(doc, sides.responders(doc, found), response=True))
    return tuple(out)


def _sub_rank(c: Candidate) -> int:
    subs = cls_stage.SUB_EVENT_TYPES[c.classification.event_type]
    return subs.index(c.classification.sub_event_type) if c.classification.sub_event_type in subs else 99


def _pronoun_agent(group: list[Candidate]) -> bool:
    """Whether the act of a sentence of the group has "they" as its subject ("just last night they
    blew up one"), read from the parse: the subject of the word that typed it, or of its verb."""
    for c in group:
        if c.doc is None:
            continue
        start = c.type_span.start - c.sentence.start
        span = c.doc.char_span(start, c.type_span.end - c.sentence.start, alignment_mode="expand")
        if span is None:
            continue
        verb = span.root if span.root.pos_ in ("VERB", "AUX") else span.root.head
        if any(t.dep_ == "nsubj" and t.lower_ == "they" for t in verb.children):
            return True
    return False


def _victims(group: list[Candidate]) -> tuple[str, ...]:
    """Surnames the event's own sentences give its victims: a proper name that is the patient of
    the event's verb ("Castellar was kidnapped", "killed Ricardo Castellar")."""
    names = []
    for c in group:
        for token in (c.doc or ()):
            if token.pos_ == "PROPN" and token.dep_ in ("nsubjpass", "dobj") and token.head.pos_ == "VERB" \
                    and len(token.text) > 3 and token.text[:1].isupper() and token.text not in names:
                names.append(token.text)
    return tuple(names)


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


def _toll_is_cause(text: str, c: Candidate) -> bool:
    """Whether the candidate's toll is read inside a clause that gives a death as the crowd's cause
    ("set fire to a police station after a student was killed"), not beside one ("four rioters died
    during the riot after a politician was killed")."""
    span = c.fatalities.span
    if not c.fatalities.best or span is None:
        return False
    return any(m.start() <= span.start < m.end()
               for m in _protest_cause().finditer(text, c.sentence.start, c.sentence.end))


@cache
def _protest_cause() -> re.Pattern[str]:
    """Deaths a protest report names that are what it protests ("protested the killing of a student",
    "the funeral march of the 10 union members killed in the dynamite attack"): ``toll_words.json``."""
    return re.compile("|".join(word_list("toll_words.json", "protest_cause_patterns")), re.IGNORECASE)


def _deaths(group: list[Candidate], text: str | None = None) -> Fatalities:
    """The group's toll: the largest figure reported by any of its sentences (one sentence may
    give the total and another a part of it); unknown-but-reported tolls are kept as such. A later
    sentence's figure of dead said to be others ("Gunmen shot dead nine passengers ... Two other people
    were killed when the gunmen fired on a car": ``toll_words.json`` additive_words) adds to the first
    figure, unless another sentence gives a total as large."""
    known = [c.fatalities for c in group if c.fatalities.low is not None or c.fatalities.best]
    if not known:
        return next((c.fatalities for c in group if c.fatalities.how), Fatalities())
    largest = max(known, key=lambda f: (f.best, f.high or 0))
    if text is None:
        return largest
    added = [c.fatalities for c in group[1:] if _more_dead(text, c.fatalities)]
    told = [f for f in known if all(f is not a for a in added)]
    if not added or not told:
        return largest
    total = told[0].best + sum(f.best for f in added)
    if total <= largest.best:
        return largest
    return Fatalities(total, total, total, told[0].span,
                      f"{told[0].how}; plus {total - told[0].best} more dead a later sentence tells")


def _more_dead(text: str, deaths: Fatalities) -> bool:
    """Whether a sentence's figure of dead is a count said to be more dead ("two other people", "two more"),
    not one more victim of another act ("another PDC leader was killed") nor one of those told ("the other
    person killed was a Colombian")."""
    if deaths.best < 2 or deaths.span is None:
        return False
    words = re.findall(r"[\w,]+", text[deaths.span.start:deaths.span.end].lower())
    if "the" in words or not set(words) & word_list("toll_words.json", "additive_words"):
        return False
    return any((parse_number(w) or 0) >= 2 for w in words)


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
