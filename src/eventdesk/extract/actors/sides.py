"""Sides: ACLED's conventions for who stands on which side of an event, applied around `roles`.

`roles.assign_roles` picks actor1 and actor2 from the actor mentions and their grammatical roles.
Some of ACLED's conventions need more than that: the side whose attack was repulsed attacked; a
group named as victim and perpetrator in one battle sentence is the perpetrator; an uncertain
perpetrator is "A and/or B"; of two armies named together the one at home comes first; the nationality on a weapon names the state that used it; a victim
known for drug trafficking is a gang member; seized drugs belong to a gang; a counter-protest is
the second side of a protest.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache

from eventdesk.model import Actor, Span
from eventdesk.extract.actors import find as actors_stage
from eventdesk.extract.actors._community import named_militias
from eventdesk.extract.actors.roles import ARMED_INTER, generic_actor
from eventdesk.rules import pattern, word_list

_MILITARY_FORCE_NOUNS: frozenset[str] = word_list("actor_words.json", "military_force_nouns")  # type: ignore[assignment]

__all__ = [
    "agent_over_patient",
    "between_order",
    "one_side_other",
    "community_sides",
    "named_communities",
    "combined_or",
    "counter_protest",
    "defence",
    "faction_unnamed",
    "gang_motive",
    "gang_sides",
    "gang_victim",
    "infighting",
    "intervening_force",
    "joint_forces",
    "led_by",
    "paragraph",
    "property_attacked",
    "seized_contraband",
    "unidentified_gang",
    "weapon_nation",
]

@cache
def _criminal_victim() -> re.Pattern[str]:
    """A victim known for drug crime or as a gang member, a gang member to ACLED (a clash; "a criminal
    record" alone is not): ``actor_words.json`` criminal_victim."""
    return re.compile(pattern("actor_words.json", "criminal_victim"), re.IGNORECASE)


# what is seized belongs to a gang: "seized 3 tons of marijuana", "smuggled cigarettes"
_CONTRABAND = re.compile(
    r"\b(?:seized|seizure|confiscated|dismantled|apprehended|intercepted)\b[^.]{0,80}\b(?:marijuana|cannabis|cocaine|"
    r"heroin|crack|drugs|narcotics|meth\w*|smuggled|contraband|processing lab)", re.IGNORECASE)
_COUNTER_PROTEST = re.compile(r"\bcounter[- ]?(?:protest|demonstrat|rall)", re.IGNORECASE)


#: How far (characters) on each side of a sentence its paragraph is read. News paragraphs are far
#: shorter; one hostile paragraph of megabytes was read whole for every event in it (quadratic).
PARAGRAPH_CHARS = 5000


def paragraph(text: str, span: Span) -> str:
    """The paragraph (blank-line delimited) that holds ``span``, at most ``PARAGRAPH_CHARS`` of it
    on each side of the span."""
    low = max(0, span.start - PARAGRAPH_CHARS)
    high = min(len(text), span.end + PARAGRAPH_CHARS)
    start = text.rfind("\n\n", max(0, low - 1), span.start)
    end = text.find("\n\n", span.end, high)
    return text[start + 2 if start >= 0 else low:end if end >= 0 else high]


def gang_victim(text: str, span: Span) -> bool:
    """"A man was killed by three armed men ... The victim had charges against him for drug
    trafficking": ACLED counts the victim as a gang member, not a civilian, so it is a clash."""
    return _criminal_victim().search(paragraph(text, span)) is not None


def seized_contraband(text: str, spans: list[Span]) -> bool:
    """Whether the event's sentences tell of seized drugs or contraband (a gang's property)."""
    return any(_CONTRABAND.search(text, s.start, s.end) for s in spans)


def counter_protest(text: str, span: Span) -> bool:
    """"A counterprotest in support of the government was also organized": a second side."""
    return _COUNTER_PROTEST.search(paragraph(text, span)) is not None


def _words_rx(key: str) -> str:
    words = sorted(word_list("actor_words.json", key), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


# a force in a relative or an "after" clause acted before the protest: its cause, not its sequel
# ("in support of a leader whom police arrested", "after police detained a blogger")
_BEFORE_THE_PROTEST = re.compile(r"(?i)\b(?:who|whom|which|that|after|following|since)\s+(?:[\w'-]+\s+){0,2}$")


@cache
def _intervention_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"Police (later) intervened", "guards fired warning shots"; "were arrested by the (special
    purpose) police". Not the force of a relative clause ("against the police who arrested a
    blogger the day before": the protest's cause, not its sequel)."""
    forces, acts = _words_rx("intervening_forces"), _words_rx("intervention_acts")
    lead = r"(?:(?!who\b|whom\b|which\b|that\b)[\w'-]+\s+)"
    active = re.compile(rf"(?i)\b(?P<lead>{lead}{{0,2}}?)(?P<force>{forces})\s+{lead}{{0,2}}?(?:{acts})\b")
    passive = re.compile(rf"(?i)\b(?:{acts})\s+by\s+(?:the\s+)?(?P<lead>{lead}{{0,2}}?)(?P<force>{forces})\b")
    return active, passive


def intervening_force(text: str, sentence: Span, country: str | None,
                      dictionary: actors_stage.ActorDictionary) -> Actor | None:
    """"About 400 people demonstrated outside the offices ... Police intervened.", "15 protesters
    were arrested by the police": the state force that acted on a protest or a riot, named in the
    event's sentence or after it in its paragraph (ACLED's actor2 of a protest with intervention
    or of a riot). The force named by the knowledge base ("prison guards", a country's special
    police) when it names one, else the country's police or military."""
    if country is None:
        return None
    start = max(sentence.start, text.rfind("\n\n", max(0, sentence.start - PARAGRAPH_CHARS), sentence.start) + 2)
    end = text.find("\n\n", sentence.end, min(len(text), sentence.end + PARAGRAPH_CHARS))
    end = end if end >= 0 else min(len(text), sentence.end + PARAGRAPH_CHARS)
    found = [m for rx in _intervention_patterns() for m in rx.finditer(text, start, end)
             if not _BEFORE_THE_PROTEST.search(text, max(start, m.start("force") - 40), m.start("force"))]
    if not found:
        return None
    m = min(found, key=lambda m: m.start())
    at = Span(sentence.article_id, m.start("lead"), m.end("force"))
    named = [x.actor for x in actors_stage.named_actors(text, at, country, dictionary) if x.actor.inter == 1]
    if named:
        return named[0]
    force = m.group("force").lower()
    noun = force.split()[-1]
    # "security forces" keeping order at a crowd are its police (roles.crowd_force)
    kind = "Military" if noun in _MILITARY_FORCE_NOUNS and \
        not force.startswith("security") else "Police"
    return Actor(f"{kind} Forces of {actors_stage.with_article(country)}", 1, at, f"generic:{kind.lower()}")


@cache
def _gang_motive() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in sorted(word_list("actor_words.json", "gang_motives"))), re.IGNORECASE)


def gang_motive(text: str, span: Span) -> bool:
    """"A man was shot and wounded by five masked gunmen in what police believe is a gang-related
    shooting", "police believe in rivalry between gangs as the motive": the unnamed attackers are a
    gang's (ACLED's "Unidentified Gang (X)"), read in the event's paragraph."""
    return _gang_motive().search(paragraph(text, span)) is not None


def gang_sides(text: str, span: Span, a1: Actor | None, a2: Actor | None,
               country: str | None) -> tuple[Actor | None, Actor | None]:
    """The unnamed armed sides of an event whose paragraph tells of a gang's motive or a crime for
    gain (``gang_motive``) are a gang's, attacker or opponent: "armed men used explosives in a bank
    agency robbery", "four armed men exchanged fire with military police forces during an operation
    to fight drug trafficking" (ACLED's "Unidentified Gang (X)"). A named group, a state force,
    civilians or a crowd stay as they are."""
    unnamed = [a for a in (a1, a2) if a is not None and a.name.startswith("Unidentified Armed Group")]
    if not unnamed or not gang_motive(text, span):
        return a1, a2
    return tuple(unidentified_gang(country) if a in unnamed else a for a in (a1, a2))  # type: ignore[return-value]


@cache
def _property_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    acts, owned = _words_rx("riot_damage_acts"), _words_rx("private_property")
    return (re.compile(rf"(?i)\b(?:{acts})\b[^.;]{{0,60}}?\b(?:{owned})\b"),
            re.compile(rf"(?i)\b(?:{owned})\b[^.;]{{0,60}}?\b(?:was|were)\s+(?:\w+\s+)?(?:{acts})\b"))


def property_attacked(text: str, spans: list[Span]) -> bool:
    """"Rioters hurled a Molotov cocktail at the Audi Bank", "vandalized a private clinic", "the car
    of a man ... was set alight by community members": rioters damaged what civilians own, so
    civilians are the riot's other side (ACLED's actor2 of such riots)."""
    return any(rx.search(text, s.start, s.end) for s in spans for rx in _property_patterns())


def unidentified_gang(country: str | None) -> Actor:
    return Actor(f"Unidentified Gang ({country})" if country else "Unidentified Gang", 3, None, "rule:gang")


def defence(doc, found: tuple, *, response: bool = False) -> tuple:
    """"Afghan forces repulsed their attack", "the military repelled an attack of Boko Haram": the
    side that attacked is the perpetrator (ACLED's actor1), the one that defended the other side.
    In a sentence told after the event's own (``response``), so is the force whose act has as its
    object the people named by the act they did ("A car bomb exploded ... Security forces killed
    three attackers"): it responded to the act. Not in the event's own sentence: "police killed
    seven suspected kidnappers during a raid on their den" is the police's act."""
    if doc is None:
        return found
    defensive = word_list("actor_words.json", "defensive_verbs")
    # the agent of a defensive verb, also one joined to the agent's first verb ("the military
    # forces engaged in a fire fight and repelled an attack of Boko Haram")
    defenders = {m.actor.name for m in found if m.role == "agent" and m.trigger is not None and
                 m.trigger < len(doc) and (any(v.lemma_.lower() in defensive
                                               for v in (doc[m.trigger], *doc[m.trigger].conjuncts))
                                           or (response and _acts_on_attackers(doc[m.trigger])))}
    attackers = [m for m in found if m.actor.name not in defenders and m.actor.inter in ARMED_INTER
                 and m.role in ("patient", "")]
    if not defenders or not attackers:
        return found
    first = attackers[0]
    return tuple(replace(m, role="side") if m.actor.name in defenders else
                 replace(m, role="agent") if m is first else m for m in found)


def responders(doc, found: tuple) -> tuple:
    """In a sentence told after the event's own, an agent whose clause opens with the act it follows
    ("Following the attack, the army launched a series of raids", "After the bombing, soldiers shot two
    men", "In response to the attack, police ...") or who came to its scene ("special forces had arrived
    at the scene") responded to the act: it takes no side in it (role ``enforcer``) and is never its
    perpetrator. The words are data (``actor_words.json``: ``response_preps``, ``response_nouns``,
    ``arrival_verbs``, ``response_places``)."""
    if doc is None or not any(m.role == "agent" for m in found):
        return found
    preps = word_list("actor_words.json", "response_preps")
    nouns = word_list("actor_words.json", "response_nouns")

    def pointed(prep) -> bool:  # "the attack", "this incident"
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.lower_ in ("response", "retaliation", "reaction", "wake"):
                return any(pointed(p) for p in obj.children if p.dep_ == "prep")
            if obj.lower_ in nouns and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that", "these", "those")
                                           for d in obj.children):
                return True
        return False

    arrivals = word_list("actor_words.json", "arrival_verbs")
    scenes = word_list("actor_words.json", "response_places")

    def arrived(verb) -> bool:  # "special forces had arrived at the scene", "troops sealed off the site"
        if verb.lemma_.lower() not in arrivals:
            return False
        goals = [o for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in ("at", "to", "off")
                 for o in c.children if o.dep_ == "pobj"] + [c for c in verb.children if c.dep_ == "dobj"]
        return any(o.lower_ in scenes and any(d.dep_ == "det" and d.lower_ == "the" for d in o.children) for o in goals)

    def responding(verb) -> bool:
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head  # "..., and the army launched raids": the clause the first verb opens
        return arrived(verb) or \
            any(c.dep_ == "prep" and (c.lower_ in preps or c.lower_ == "in") and pointed(c) for c in verb.children)

    return tuple(replace(m, role="enforcer") if m.role == "agent" and m.trigger is not None and m.trigger < len(doc)
                 and responding(doc[m.trigger]) else m for m in found)


def _acts_on_attackers(verb) -> bool:
    """Whether the verb's object (or its passive subject) is a noun that names people by their act."""
    nouns = word_list("actor_words.json", "attacker_nouns")
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in nouns for c in verb.children)


def agent_over_patient(found: tuple, battle: bool) -> tuple:
    """In a battle, a named group that one sentence names as victim and as perpetrator ("3 Taliban
    militants were killed ... following attacks by Taliban") is the perpetrator. Not for generic
    names ("a gang member was killed by rival gang members": two sides) nor for a strike's target."""
    if not battle:
        return found
    acting = {m.actor.name for m in found if m.role == "agent" and not m.generic}
    return tuple(m for m in found if not (m.role == "patient" and m.actor.name in acting))


def combined_or(text: str, actor: Actor | None, country: str | None,
                dictionary: actors_stage.ActorDictionary) -> Actor | None:
    """"JNIM or ISGS militants": ACLED names an uncertain side "A and/or B"."""
    if actor is None or actor.span is None or actor.key.startswith(("rule:", "generic")):
        return actor
    m = re.match(r"\s+(?:and/)?or\s+", text[actor.span.end:actor.span.end + 12])
    if m is None:
        return actor
    at = actor.span.end + m.end()
    rest = Span(actor.span.article_id, at, min(len(text), at + 80))
    other = [x for x in actors_stage.named_actors(text, rest, country, dictionary) if x.actor.span.start == at]
    if not other or other[0].actor.name == actor.name:
        return actor
    return replace(actor, name=f"{actor.name} and/or {other[0].actor.name}",
                   span=Span(actor.span.article_id, actor.span.start, other[0].actor.span.end))


# A group that split in two: after the split, a report that names only the old group leaves the
# faction open, and ACLED codes the combined actor ("Boko Haram" after ISWAP left it in August
# 2016: 11 of 11 dev rows of 2020). The surfaces that name the faction keep it ("JAS", "Shekau
# faction").
_SPLITS = {"boko-haram": ("iswap-or-boko-haram", dt.date(2016, 8, 3), ("boko haram", "bh"))}


def faction_unnamed(text: str, actor: Actor | None, date: dt.date | None,
                    dictionary: actors_stage.ActorDictionary) -> Actor | None:
    """The combined actor for a split group named by its old name after the split."""
    if actor is None or actor.span is None or date is None or actor.key not in _SPLITS:
        return actor
    combined, since, old_names = _SPLITS[actor.key]
    if date < since or text[actor.span.start:actor.span.end].lower() not in old_names \
            or not dictionary.has(combined):
        return actor
    entry = dictionary.get(combined)
    return replace(actor, name=entry.name, inter=entry.inter, key=entry.id)


_LED = re.compile(r"\b([A-Z][a-z]+|(?:[A-Z]\.){2,3}|[A-Z]{2,3})-led\s+(?:[\w-]+\s+){0,2}$")


def led_by(text: str, type_span: Span, country: str | None,
           dictionary: actors_stage.ActorDictionary) -> Actor | None:
    """"Friday's US-led attacks on Syria", "Saudi-led coalition raids": a nation that led the act
    carried it out (its forces, or the coalition ACLED codes for it in the event's country)."""
    before = text[max(0, type_span.start - 40) : type_span.start]
    m = _LED.search(before)
    nation = dictionary.nation_of(m.group(1)) if m else None
    if nation is None:
        return None
    at = type_span.start - len(before) + m.start(1)
    span = Span(type_span.article_id, at, at + len(m.group(1)))
    return _nation_forces(nation, country, span, dictionary, "rule:nation-led")


def _nation_forces(nation: str, country: str | None, span: Span, dictionary: actors_stage.ActorDictionary,
                   key: str) -> Actor:
    """A nation's forces acting in ``country``: the coalition ACLED codes for them there ("Saudi air
    raids" in Yemen: Operation Restoring Hope), else its military, a foreign one (inter 8) abroad."""
    coalition = dictionary.coalition(nation, country) if nation != country else None
    if coalition is not None:
        return Actor(coalition.name, coalition.inter, span, coalition.id)
    return Actor(f"Military Forces of {actors_stage.with_article(nation)}", 1 if nation == country else 8, span, key)


def weapon_nation(text: str, type_span: Span, country: str | None,
                  dictionary: actors_stage.ActorDictionary) -> Actor | None:
    """"An Iraqi air strike", "Russian warplanes", "US air strikes": the nationality on the weapon
    names the state that used it (ACLED: the air force's state)."""
    before = text[max(0, type_span.start - 40) : type_span.start]
    before = re.split(r"(?<!\b[A-Z]\.[A-Z])[.!?]\s", before)[-1]  # not inside "U.S."
    words = re.findall(r"[A-Z][a-z]+|\b(?:[A-Z]\.){2,3}|\b[A-Z]{2,3}\b", before)  # "Russian", "U.S.", "US", "UK"
    for word in reversed(words[-3:]):
        nation = dictionary.nation_of(word)
        if nation:
            at = type_span.start - len(before) + before.rfind(word)
            span = Span(type_span.article_id, at, at + len(word))
            return _nation_forces(nation, country, span, dictionary, "rule:nationality-weapon")
    return None


_JOINT = re.compile(
    r"\b(?:military|armed|security)\s+forces\s+of\s+(?:the\s+)?([A-Z][a-z]+)\s+and\s+(?:the\s+)?([A-Z][a-z]+)\b|"
    r"\b([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+(?:military\s+|armed\s+|security\s+)?(?:forces|troops|armies|soldiers)\b"
)


def joint_forces(text: str, sentence: Span, country: str | None,
                 dictionary: actors_stage.ActorDictionary) -> tuple[Actor, Actor] | None:
    """"Military forces of India and Pakistan exchanged fire across the LoC at Kahuta (Haveli,
    AJK)": two armies named together, neither the agent; ACLED names the army of the event's
    country first (7 of 7 such rows in dev) and the other one second."""
    m = _JOINT.search(text, sentence.start, sentence.end)
    if m is None:
        return None
    first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    nations = [dictionary.nation_of(first), dictionary.nation_of(second)]
    if None in nations or nations[0] == nations[1]:
        return None
    if nations[1] == country:
        nations.reverse()
    span = Span(sentence.article_id, m.start(), m.end())
    a, b = (Actor(f"Military Forces of {actors_stage.with_article(n)}", 1 if n == country else 8, span,
                  "rule:joint-forces") for n in nations)
    return a, b


_BETWEEN = re.compile(r"\b(?:clash(?:es)?|firefights?|fighting|gunfights?|gun battles?|battles?|exchanges? of fire|"
                      r"encounters?|confrontations?|fights?|hostilities)\s+(?:\w+\s+){0,2}?between\s+(?:the\s+)?",
                      re.IGNORECASE)


def between_order(text: str, sentence: Span, a1: Actor | None, a2: Actor | None,
                  mentions: tuple) -> tuple[Actor | None, Actor | None]:
    """"A firefight between the NPA and the military": the report's order is ACLED's, whoever was
    killed ("five NPA militants were killed in a firefight between the NPA and a joint team").
    ``mentions`` are the actor mentions of the sentence."""
    if a1 is None or a2 is None:
        return a1, a2
    spans = sorted((m.actor.span.start, m.actor.span.end, m.actor.name) for m in mentions
                   if m.actor.span is not None and sentence.start <= m.actor.span.start < sentence.end)
    for m in _BETWEEN.finditer(text, sentence.start, sentence.end):
        named = [x for x in spans if m.end() <= x[0] <= m.end() + 20]
        if not named:
            continue
        start, end, first = named[0]
        after = [x for x in spans if x[0] >= end and
                 re.fullmatch(r"[^.;]{0,40}?\s+and\s+(?:the\s+)?(?:[\w'-]+\s+){0,6}", text[end:x[0]])]
        if after and {first, after[0][2]} == {a1.name, a2.name} and first != a1.name:
            return a2, a1
    return a1, a2


_ONE_SIDE = re.compile(r"\bon (?:the )?one side\b(?P<other>.{1,200}?)\bon the other\b", re.IGNORECASE)


def one_side_other(text: str, sentence: Span, a1: Actor | None, a2: Actor | None,
                   mentions: tuple) -> tuple[Actor | None, Actor | None]:
    """"Clashes between pro-Hadi forces and affiliates (the Popular Resistance) on one side and
    pro-Houthi forces on the other": the sides are the report's, actor1 on the first and actor2
    the first named on the other; an affiliate of the first side is no opponent."""
    if a1 is None:
        return a1, a2
    m = _ONE_SIDE.search(text, sentence.start, sentence.end)
    if m is None:
        return a1, a2
    named = sorted(((x.actor.span.start, x.actor) for x in mentions
                    if x.actor.span is not None and sentence.start <= x.actor.span.start < sentence.end),
                   key=lambda p: p[0])
    first = [actor for start, actor in named if start < m.start()]
    other = [actor for start, actor in named if m.start("other") <= start < m.end("other")]
    if not first or not other:
        return a1, a2
    one = a1 if any(a.name == a1.name for a in first) else first[0]
    return one, other[0]


# a group that fought itself: "two factions of Mayi Mayi Militia Raia Mutomboki clashed",
# "clashes erupted between two factions of pro-Houthi forces", "Taliban infighting"
_INFIGHTING = re.compile(r"\b(?:two|rival|opposing|competing|different) factions\b|\binfighting\b|"
                         r"\bintra-\w+ (?:clash|fight)", re.IGNORECASE)


def infighting(text: str, sentence: Span, a1: Actor | None,
               a2: Actor | None) -> tuple[Actor | None, Actor | None]:
    """A battle between factions of one named group has that group on both sides (ACLED codes
    infighting as the group against itself); the side left unnamed is the named one's."""
    named = [a for a in (a1, a2) if not _unnamed(a)]
    if len(named) != 1 or _INFIGHTING.search(text, sentence.start, sentence.end) is None:
        return a1, a2
    return named[0], named[0]


# what kind of community fought, when no side is named: ACLED's "Unidentified Clan/Tribal/
# Communal/Ethnic Militia (X)" for both sides of such a clash
_COMMUNITY_FIGHT = tuple(
    (kind, re.compile(pattern("actor_words.json", f"community_fight_{kind.lower()}"), re.I))
    for kind in ("Clan", "Tribal", "Communal", "Ethnic")
)


def community_sides(text: str, sentence: Span, a1: Actor | None, a2: Actor | None,
                    country: str | None) -> tuple[Actor | None, Actor | None]:
    """"Inter-clan clashes", "two rival clans engaged in clashes", "clashes broke out between two
    families", "tribesmen clashed": a fight between unnamed sides of communities is between two
    unidentified militias of that kind, not two unidentified armed groups."""
    # a side no one named (the rule's "Unidentified Armed Group"), not "unidentified gunmen"
    unnamed = [a for a in (a1, a2) if a is None or a.key == "rule:unidentified"]
    if not unnamed:
        return a1, a2
    militia = next((a for a in (a1, a2) if a is not None and a.inter == 4 and a.name.startswith("Unidentified ")), None)
    if militia is None:
        if len(unnamed) < 2:
            return a1, a2
        here = text[sentence.start:sentence.end]
        kind = next((k for k, rx in _COMMUNITY_FIGHT if rx.search(here)), None)
        if kind is None:
            return a1, a2
        militia = generic_actor(f"{kind.lower()}-militia", country)
    return (militia if a1 in unnamed else a1), (militia if a2 in unnamed else a2)


_FROM_HERE = re.compile(r"\s+from\s+(?:the\s+)?")  # "militias from Odejo": the name follows the noun


def _unnamed(actor: Actor | None) -> bool:
    """A side the report does not name: no one, the rule's unidentified group, unidentified
    gunmen, or an unidentified militia of some kind."""
    return actor is None or actor.key in ("rule:unidentified", "generic:unidentified-armed-group") or (
        actor.inter == 4 and actor.name.startswith("Unidentified "))


def named_communities(text: str, sentence: Span, a1: Actor | None, a2: Actor | None, country: str | None,
                      battle: bool, dictionary) -> tuple[Actor | None, Actor | None]:
    """"Clashes between the Matan and Geledle clans", "Al Hayash tribesmen clashed with pro-Houthi
    forces", "communal militias from Odejo attacked Ikobi": the community names the militia
    (``_community``). A side the report names in those words takes that name: an actor whose
    words hold or precede the community's name ("Al Hayash tribesmen", "militias from Odejo"),
    and in a battle the sides no one named, in the report's order."""
    # "raiders from Uganda" are a nation's, not a community's
    found = [m for m in named_militias(text[sentence.start:sentence.end]) if dictionary.nation_of(m.community) is None]
    if not found:
        return a1, a2
    militias = [(sentence.start + m.start, Actor(f"{m.name} ({country})" if country else m.name, 4, None,
                                                 "rule:community-militia")) for m in found]
    if battle and len(militias) > 1 and _unnamed(a1) and _unnamed(a2):
        # "clashes between Bani Ali and Al Badi tribesmen": no side named otherwise, the two
        # communities are the two sides, in the report's order
        return militias[0][1], militias[1][1]
    used: set[str] = set()
    sides = [a1, a2]
    for k, actor in enumerate(sides):  # first the actors whose own words name the community
        if _unnamed(actor) and actor is not None and actor.span is not None:
            near = [m for at, m in militias if m.name not in used and (
                actor.span.start <= at < actor.span.end or _FROM_HERE.fullmatch(text, actor.span.end, at))]
            if near:
                sides[k] = near[0]
                used.add(near[0].name)
    if battle:
        rest = [m for _, m in militias if m.name not in used]
        for k, actor in enumerate(sides):
            if rest and _unnamed(actor) and (actor is None or actor.span is None):
                sides[k] = rest.pop(0)
    return sides[0], sides[1]
