"""Who is responsible when the event's own sentences do not say: the rest of the report.

A report often tells the act in one sentence and its author in another: "A bomb exploded outside
the embassy ... The FPMR claimed responsibility in calls to radio stations", "In another action
attributed to the mafias, several men wounded a watchman", "The guerrillas then burned the town
hall" after the FMLN was named. ACLED codes the group that claimed the act, and a suspected
perpetrator the report names (CODEBOOK section 2), so an event whose attacker is unknown
(``Unidentified Armed Group``) takes:

1. the named non-state armed group of a sentence that claims, attributes or blames an act (the
   phrases are data: ``data/rules/attribution.json``), the nearest such sentence to the event; a
   criminal group such a sentence holds responsible by a plain name only ("attributed the murder to
   the drug mafias") is ``Unidentified Gang (X)``, ACLED's name for an unnamed gang;
2. else, when the event's own sentences call the attacker by a plain group noun ("the guerrillas",
   "rebels", "terrorists"), the one non-state armed group of the event's country the report names,
   when it names exactly one.

3. else, the one named group another sentence gives as the agent of an act against the same named
   victim ("Castellar was kidnapped ... by a group of armed men" and, later, "Castellar was
   kidnapped by ELN guerrillas"): two tellings of one act;
4. else, the state's forces when a sentence blames them ("blamed the government and the armed forces
   for the murder", "implicated four officers of the armed forces in the assassination"), unless it
   denies the blame; when the event's own sentences or the one right after them blame them, before
   2 (the blame told beside the act outranks a plain group noun). The force that arrested, investigated or tried suspects is never taken: only
   blame names a perpetrator, and "the army blamed the rebels" names the rebels.

Once all of a report's events are assembled, ``attribute_by_kind`` gives an event still without a named
attacker the one named group that the report's other events of the same kind (ACLED sub-event type)
in the same country have as their attacker: "the ELN kidnapped businessman Sergio Alarcon ... In
Canalete, cattleman Pedro Pablo Mejia was kidnapped" is one wave of the ELN's kidnappings. Two
groups named as attackers of that kind, or none, leave it unidentified. Strikes from afar (air or drone
strikes, shelling and missiles) take a state's forces so too, and the owner of the weapons a report says
were shot down ("Russia launched 35 drones ...; falling debris injured three" are Russia's drones).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, cached_property

from eventdesk.model import Actor, EventMention, Span
from eventdesk.extract.actors._dictionary import ActorDictionary, generic_name, named_actors
from eventdesk.extract.actors._unknown import load_group_names, unknown_groups
from eventdesk.rules import word_list

__all__ = ["AttributionRules", "ReportAttribution", "attribute_by_kind", "enforces", "enforcement_nouns",
           "enforcement_verbs", "holding_verbs", "load_attribution_rules"]

#: inter codes of non-state armed groups that can be named as responsible (rebels, political and
#: identity militias); state forces (1) and external forces (8) are never attributed this way
_GROUP_INTER = frozenset({2, 3, 4})
#: inter codes of actors that can act with arms: a "they" stands for the last of them named
_ACTING_INTER = frozenset({1, 2, 3, 4, 8})
#: kinds of strikes from afar that a state's forces make as well as groups: in one report, unattributed
#: ones take the one actor named making (or launching) the others, a state's forces too
_FROM_AFAR = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
#: how many sentences back a "they" that does an act looks for the actor it stands for
PRONOUN_REACH = 3


@dataclass(frozen=True)
class AttributionRules:
    responsibility: re.Pattern[str]
    group_nouns: re.Pattern[str]
    state_blame: re.Pattern[str]
    denials: re.Pattern[str]
    blame: re.Pattern[str]
    gangs: re.Pattern[str]
    agent_nouns: re.Pattern[str]
    unclaimed: re.Pattern[str]
    separate: re.Pattern[str]


#: A condition opened before a claim in its sentence: the claim is supposed, not made.
_CONDITION = re.compile(r"\b(if|unless|whether|suppose|supposing)\b", re.IGNORECASE)


@cache
def enforcement_verbs() -> frozenset[str]:
    """Lemmas of verbs of law enforcement (``attribution.json``): their subject is no perpetrator."""
    return frozenset(word_list("attribution.json", "enforcement_verbs"))


def enforces(verb) -> bool:
    """Whether a parsed verb tells the sequel of an act, whose subject did not do it: one of law
    enforcement, unless it tells an attempt ("militants tried to storm the building": "try" with an
    infinitive), or one of finding what the act left ("police found the bodies")."""
    lemma = verb.lemma_.lower()
    if lemma in word_list("attribution.json", "discovery_verbs"):
        return True
    if lemma not in enforcement_verbs():
        return False
    attempt = lemma in word_list("attribution.json", "attempt_verbs")
    return not (attempt and any(c.dep_ == "xcomp" for c in verb.children))


@cache
def enforcement_nouns() -> frozenset[str]:
    """Nouns of law enforcement (``attribution.json``): the agent of a light verb over one enforces."""
    return frozenset(word_list("attribution.json", "enforcement_nouns"))


@cache
def holding_verbs() -> frozenset[str]:
    """The enforcement verbs of holding or freeing someone (``attribution.json``): an armed group
    that does them took the person."""
    return frozenset(word_list("attribution.json", "holding_verbs"))


@cache
def load_attribution_rules() -> AttributionRules:
    phrases = word_list("attribution.json", "responsibility_phrases")
    nouns = sorted(word_list("attribution.json", "group_nouns"), key=len, reverse=True)
    return AttributionRules(
        re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE),
        re.compile(r"\b(?:" + "|".join(re.escape(n) for n in nouns) + r")\b", re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in word_list("attribution.json", "state_blame")), re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in word_list("attribution.json", "denials")), re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in word_list("attribution.json", "blame_words")), re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in word_list("attribution.json", "gang_phrases")), re.IGNORECASE),
        re.compile(r"\b(?:" + "|".join(re.escape(n) for n in word_list("attribution.json", "armed_agent_nouns"))
                   + r")\b", re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in word_list("attribution.json", "unclaimed")), re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in word_list("attribution.json", "separate_openers")), re.IGNORECASE),
    )


class ReportAttribution:
    """What one report says about responsibility, read once per article (an article of thousands
    of event sentences must not be read again for each event): its named groups per country, its
    claim sentences, its blame of the state. ``responsible`` answers for one event."""

    def __init__(self, text: str, sentences, dictionary: ActorDictionary, rules: AttributionRules) -> None:
        self.text, self.dictionary, self.rules = text, dictionary, rules
        self.spans = [s.span for s in sentences]
        self._groups: dict[str | None, list[tuple[Span, Actor]]] = {}

    @cached_property
    def claim_spans(self) -> list[Span]:
        """The sentences that claim, attribute or blame an act (read when first asked); a claim inside a
        condition is none: "if this crime was committed by the Shining Path, then it was committed by
        the Shining Path and not by the Zarate Willka group" supposes, it does not attribute; nor is a
        claim said not to be made ("No group has claimed responsibility, but jihadists linked to al-Qaeda
        ... operate in the area")."""
        out = []
        for sp in self.spans:
            m = next((m for m in self.rules.responsibility.finditer(self.text, sp.start, sp.end)
                      if not self._unclaimed(sp, m)), None)
            if m is not None and not _CONDITION.search(self.text, sp.start, m.start()):
                out.append(sp)
        return out

    def _unclaimed(self, sentence: Span, claim: re.Match[str]) -> bool:
        """Whether the words of a claim are said not to have been made: "No group has claimed responsibility
        for the attack, but jihadists linked to al-Qaeda ..." (the sentence's other words of blame still
        count: "although no one has claimed credit for the bombing, press sectors blamed it on the drug mafia")."""
        return any(u.start() < claim.end() and claim.start() <= u.end() for u in
                   self.rules.unclaimed.finditer(self.text, max(sentence.start, claim.start() - 60), claim.end()))

    @cached_property
    def blames(self) -> list[tuple[int, bool]]:
        """(sentence start, the police were blamed) of each sentence blaming the state's forces."""
        out = []
        for sp in self.spans:
            m = self.rules.state_blame.search(self.text, sp.start, sp.end)
            if m is not None and not self._denies(sp, m):
                out.append((sp.start, any(m.group(g) for g in ("police", "police2", "police3"))))
        return out

    def _denies(self, sentence: Span, blame: re.Match[str]) -> bool:
        """Whether the sentence denies the blame it states; a denial joined to the blame by "and",
        before it, is of something else: "rejected the military version and accused the army of
        murdering party leader Cecilio Rivera" blames the army."""
        for d in self.rules.denials.finditer(self.text, sentence.start, sentence.end):
            if not (d.end() <= blame.start() and _DENIED_THEN_BLAMED.match(self.text, d.end(), blame.start())):
                return True
        return False

    def groups(self, country: str | None) -> list[tuple[Span, Actor]]:
        """(sentence, actor) of every named non-state armed group of the report, in text order."""
        if country not in self._groups:
            out = []
            names = load_group_names()
            claims = set(self.claim_spans)
            for sp in self.spans:
                for m in named_actors(self.text, sp, country, self.dictionary):
                    a = m.actor
                    if a.inter in _GROUP_INTER and not a.name.startswith("Unidentified") and \
                            (not country or a.name.endswith(f"({country})") or "(" not in a.name):
                        out.append((sp, a))
                if sp in claims:
                    # "a group calling itself the Dare-to-Die Squad claimed responsibility": unknown to the KB
                    sentence = self.text[sp.start:sp.end]
                    for start, end, name, inter in unknown_groups(sentence, names, generic_name,
                                                                  self.dictionary.people_of):
                        out.append((sp, Actor(name, inter, Span(sp.article_id, sp.start + start, sp.start + end),
                                              "generic:named-group")))
            self._groups[country] = out
        return self._groups[country]

    def responsible(self, own: list[Span], country: str | None, victims: tuple[str, ...] = (),
                    pronoun: bool = False) -> Actor | None:
        """The group (or the state's forces) the report holds responsible for the event told in
        ``own`` (its sentences), or None (see the module docstring). ``victims`` are the surnames
        the event's own sentences give its victims ("Castellar"); ``pronoun`` says that the act's
        subject is "they" (see ``_pronoun_antecedent``)."""
        first = own[0]
        groups = self.groups(country)
        claims = set(self.claim_spans)
        claimed = [(span, a) for span, a in groups if span in claims and not self._blamer(span, a)
                   and not self._in_a_description(span, a)]
        claimed += self._gang_claims(country)
        # an act told as "a separate incident" ("In a separate incident in Zamfara, gunmen abducted 20") is
        # not the one the report's claims and suspicions elsewhere are about
        separate = any(self.rules.separate.match(self.text, s.start, s.end) for s in own)
        if separate:
            claimed = [c for c in claimed if c[0] in own]
        if claimed:
            return min(claimed, key=lambda c: _distance(c[0], first))[1]
        beside = self._blamed_state_beside(own, country)
        if beside is not None:
            return beside
        if groups and any(self._group_noun_acts(s) for s in own):
            distinct = {a.name: a for _, a in groups}
            if len(distinct) == 1:
                return next(iter(distinct.values()))
        if pronoun and (antecedent := self._pronoun_antecedent(first, country)) is not None:
            return antecedent
        same_victim = self._by_victim(groups, own, victims)
        if same_victim is not None:
            return same_victim
        return self._blamed_state(first, country)

    def _pronoun_antecedent(self, first: Span, country: str | None) -> Actor | None:
        """"We are asking the FMLN to stop terrorist activities ... Just last night they blew up one":
        the actor "they" stands for is the first one (the subject) the nearest sentence before the
        act names (``PRONOUN_REACH`` back, not across a paragraph break); it is taken when it is a
        named non-state armed group. State forces or anyone else named first leave the act's attacker
        unknown ("Soldiers clashed with the FMLN. Last night they blew up a bridge" is no act of the FMLN's)."""
        index = self.spans.index(first) if first in self.spans else -1
        later = first.start
        for sp in reversed(self.spans[max(0, index - PRONOUN_REACH):max(0, index)]):
            if "\n\n" in self.text[sp.end:later]:
                return None
            later = sp.start
            found = [m.actor for m in named_actors(self.text, sp, country, self.dictionary)
                     if m.actor.inter in _ACTING_INTER and m.actor.span is not None]
            plain = [m.start() for m in (*self.rules.group_nouns.finditer(self.text, sp.start, sp.end),
                                         *self.rules.agent_nouns.finditer(self.text, sp.start, sp.end))
                     if not any(a.span.start <= m.start() < a.span.end for a in found)]
            if found or plain:
                # the sentence's subject, named first, is who "they" goes on with
                head = min(found, key=lambda a: a.span.start, default=None)
                if head is not None and head.inter in _GROUP_INTER and not head.name.startswith("Unidentified") \
                        and not any(start < head.span.start for start in plain):
                    return head
                return None
        return None

    def _gang_claims(self, country: str | None) -> list[tuple[Span, Actor]]:
        """(sentence, ``Unidentified Gang``) of each claim sentence that holds a criminal group named
        only by a plain name responsible: "the authorities attributed the murder to the drug mafias",
        "press sectors blamed it on the drug mafia". The plain name comes after the words of the claim
        (before them it names who blames), in a sentence that denies nothing."""
        out = []
        for sp in self.claim_spans:
            claim = self.rules.responsibility.search(self.text, sp.start, sp.end)
            gang = self.rules.gangs.search(self.text, claim.start(), sp.end) if claim is not None else None
            if gang is None or self.rules.denials.search(self.text, sp.start, sp.end):
                continue
            name = f"Unidentified Gang ({country})" if country else "Unidentified Gang"
            out.append((sp, Actor(name, 3, Span(sp.article_id, gang.start(), gang.end()), "attribution:gang")))
        return out

    def _group_noun_acts(self, sentence: Span) -> bool:
        """Whether the sentence calls someone by a plain group noun who is not the one blaming:
        "the guerrillas burned the town hall", not "the rebels blamed the army for the murder"."""
        blame = self.rules.blame.search(self.text, sentence.start, sentence.end)
        return any(blame is None or m.start() > blame.start()
                   for m in self.rules.group_nouns.finditer(self.text, sentence.start, sentence.end))

    def _blamer(self, span: Span, actor: Actor) -> bool:
        """Whether ``actor`` is who blames, not who is blamed: "the rebels blamed the government and
        the armed forces for the murder" names the rebels before the verb of blame, "the accusations
        made by the FMLN that the attack had been carried out by the armed forces" after its noun."""
        m = self.rules.blame.search(self.text, span.start, span.end)
        if m is None or actor.span is None:
            return False
        if actor.span.start >= m.end() and _BLAME_MADE_BY.match(self.text, m.end(), actor.span.start):
            return True  # "the accusations made by the FMLN that the attack had been carried out by ..."
        return actor.span.start < m.start() and not self.rules.responsibility.search(self.text, span.start, m.start())

    def _in_a_description(self, span: Span, actor: Actor) -> bool:
        """Whether ``actor`` is named in a clause that describes the one blamed, after the words of blame:
        "He blamed the Ethiopian military, which has been fighting Fano militiamen in the region" blames
        the military, not the Fano."""
        m = self.rules.blame.search(self.text, span.start, span.end) or \
            self.rules.responsibility.search(self.text, span.start, span.end)
        if m is None or actor.span is None or actor.span.start < m.end():
            return False
        return _RELATIVE.search(self.text, m.end(), actor.span.start) is not None

    def _by_victim(self, groups: list[tuple[Span, Actor]], own: list[Span], victims: tuple[str, ...]) -> Actor | None:
        """The one named group of the other sentences that name the same victim, if one."""
        if not victims or not groups:
            return None
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in victims) + r")\b", re.IGNORECASE)
        found = {a.name: a for span, a in groups
                 if span not in own and pattern.search(self.text, span.start, span.end)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _blamed_state_beside(self, own: list[Span], country: str | None) -> Actor | None:
        """The state's forces, when the event's own sentences or the sentence right after them blame
        them: "On 31 October, terrorists attacked the Fenastras building ... Fenastras members have
        accused death squads run by the armed forces of the attack." The blame told beside the act
        outranks the plain group noun ("terrorists") that would take the one group the report names."""
        if not country or not self.blames:
            return None
        last = max(s.end for s in own)
        after = next((sp for sp in self.spans if sp.start >= last), None)
        starts = {s.start for s in own} | ({after.start} if after is not None else set())
        police = next((p for start, p in self.blames if start in starts), None)
        return None if police is None else _state_force(police, country)

    def _blamed_state(self, first: Span, country: str | None) -> Actor | None:
        """The state's forces, when the report blames them for an act and no group claims it ("the
        rebels blamed the government and the armed forces for the murder"); never from a sentence
        that denies the blame."""
        if not country or not self.blames:
            return None
        _, police = min(self.blames, key=lambda b: abs(b[0] - first.start))
        return _state_force(police, country)


def attribute_by_kind(events: list[EventMention], describe: Callable[[EventMention], str]) -> list[EventMention]:
    """The report's events, each whose attacker is an unidentified armed group taking the one named
    non-state group that the report's other events of its sub-event type and country have as their
    attacker (see the module docstring); ``describe`` writes the changed event's notes again."""
    named: dict[tuple[str, str], dict[str, Actor]] = {}
    for e in events:
        a = e.actor1
        inter = _GROUP_INTER | (_ACTING_INTER if e.sub_event_type in _FROM_AFAR else frozenset())
        if a is not None and a.inter in inter and not a.name.startswith("Unidentified"):
            named.setdefault(_kind(e), {})[a.name] = a
        owner = e.actor2
        if e.sub_event_type == "Disrupted weapons use" and owner is not None and \
                owner.inter in _ACTING_INTER and not owner.name.startswith("Unidentified"):
            # "Russia launched 35 drones ...; air defence shot down 30": the strikes that got through are its
            for kind in _FROM_AFAR:
                named.setdefault((kind, _kind(e)[1]), {})[owner.name] = owner
    out = []
    for e in events:
        found = named.get(_kind(e), {})
        if e.actor1 is not None and e.actor1.name.startswith("Unidentified Armed Group") and len(found) == 1:
            who = next(iter(found.values()))
            if e.actor2 is None or e.actor2.name != who.name:
                e = replace(e, actor1=who)
                e = replace(e, notes=describe(e))
        out.append(e)
    return out


def _kind(e: EventMention) -> tuple[str, str]:
    return e.sub_event_type, e.place.country if e.place is not None else ""


#: a relative clause opened after a noun: ", which has been fighting", ", who"
_RELATIVE = re.compile(r",\s+(?:which|who|whose|that)\b", re.IGNORECASE)

#: the words between a denial and a blame the same subject makes next: "rejected the military version and "
_DENIED_THEN_BLAMED = re.compile(r"[^.;,\"]{0,60}\band\s+$", re.IGNORECASE)

#: the words between a noun of blame and who made it: "accusations made by the", "charges by"
_BLAME_MADE_BY = re.compile(r"\W+(?:(?:made|leveled|levelled|levied|issued|voiced) )?by(?: the)?\W+$", re.IGNORECASE)


def _state_force(police: bool, country: str) -> Actor:
    name = f"Police Forces of {country}" if police else f"Military Forces of {country}"
    return Actor(name, 1, None, "attribution:blamed-state")


def _distance(a: Span, b: Span) -> int:
    return abs(a.start - b.start)
