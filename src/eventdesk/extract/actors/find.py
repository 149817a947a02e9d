"""Resolve the actors of one sentence to ACLED names, inter codes and roles (CODEBOOK section 2).

Two sources of actors, in this order:

1. The versioned dictionary ``data/actors.csv``: named groups and forces with their aliases
   ("Hashd al-Shaabi" -> "Popular Mobilization Forces"). An alias shared by several rows
   (ISIS) resolves to the row of the event's country, so IS gets its ACLED branch.
2. Generic rules for everyone else, parameterised by the event's country, because ACLED names
   them by pattern: "Kenyan police" -> "Police Forces of Kenya", "gunmen" -> "Unidentified Armed
   Group (Kenya)", "Pokot raiders" -> "Pokot Ethnic Militia (Kenya)", victims -> "Civilians (Kenya)".

Roles come from the dependency parse so the caller can order actor1/actor2: the subject of an
active verb or the "by" phrase of a passive is the agent; objects, passive subjects and the
targets of "against/on/targeting" are patients. Nothing here holds state: the dictionary is an
object the caller loads once and passes in.

The dictionary (its rows, loading and matching) lives in ``_actor_dictionary``, the generic
rules in ``_actor_generic``; this module finds the actors of a sentence and re-exports both.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventdesk.model import Span
from eventdesk.extract.actors._dictionary import (
    NO_COUNTRY_KEY,
    ActorDictionary,
    ActorEntry,
    ActorMention,
    _dictionary_names,
    _entry_actor,
    generic_name,
    named_actors,
)
from eventdesk.extract.actors._generic import _generic, doc_slice, state_by_adjective, state_by_name, with_article
from eventdesk.extract.actors._unknown import identity_militia, load_group_names, unknown_groups
from eventdesk.model import Actor
from eventdesk.extract.actors._role import _is_passive, claims_own_act, role_of
from eventdesk.rules import word_list
from eventdesk.stages.parse import doc_text

__all__ = [
    "actors_of_sentence",
    "sources_are_not_agents",
    "ActorEntry",
    "ActorDictionary",
    "ActorMention",
    "NO_COUNTRY_KEY",
    "find_actors",
    "named_actors",
    "generic_name",
    "doc_slice",
    "role_of",
    "claims_own_act",
    "with_article",
]

_PLANTED_BY = re.compile(r"-(?:planted|laid|placed|made|triggered|detonated|fired)\b")


def find_actors(
    doc: Doc,
    *,
    offset: int,
    article_id: str,
    country: str | None,
    dictionary: ActorDictionary,
    year: int | None = None,
) -> list[ActorMention]:
    """Actors of one parsed sentence, with article-offset spans, in sentence order. With the
    article's ``year``, a name several dictionary rows share takes the row active that year."""
    mentions: list[ActorMention] = []
    covered: set[int] = set()
    text = doc_text(doc)  # spaCy joins the tokens' texts at every ``doc.text``: once here
    for start, end, surface, entry in _dictionary_names(text, country, dictionary, year):
        span_doc = doc.char_span(start, end, alignment_mode="expand")
        if span_doc is None:
            continue
        covered.update(t.i for t in span_doc)
        role, trigger = role_of(span_doc.root)
        role, trigger = _agent_of_act(doc, span_doc, role, trigger)
        if not role:
            role, trigger = _role_of_members(doc, span_doc, role, trigger)
        if not role:
            role, trigger = _role_of_owned(span_doc.root, role, trigger)
        if _PLANTED_BY.match(text, end):
            role = "agent"  # "a Taliban-planted IED": who planted it
        actor = _entry_actor(entry, country, Span(article_id, offset + start, offset + end))
        faction = _faction(text, end, actor.name)
        if faction is not None:  # "Mayi Mayi Kifuafua militiamen": that faction of the family
            actor = replace(actor, name=f"{actor.name} ({faction})")
            covered.update(t.i for t in doc.char_span(end, _faction_end(text, end), alignment_mode="expand") or ())
        mentions.append(ActorMention(actor, role, False, trigger))
    named_spans = [(m.actor.span.start - offset, m.actor.span.end - offset) for m in mentions if m.actor.span]
    for start, end, name, inter in unknown_groups(text, load_group_names(), generic_name, dictionary.people_of,
                                                  lambda a, b: _names_it(doc, a, b)):
        # a named armed group the knowledge base lacks: itself, not "Unidentified Armed Group"
        span_doc = doc.char_span(start, end, alignment_mode="expand")
        if span_doc is None or any(t.i in covered for t in span_doc):
            continue
        if _front_line(text, start, name) or _spelled_out(text, start, end, named_spans) or \
                _unit_of_known(text, end, named_spans):
            continue
        covered.update(t.i for t in span_doc)
        role, trigger = role_of(span_doc.root)
        militia = identity_militia(name, country, dictionary.ethnic)  # "the Eyenkorin militia": a community's
        key = "generic:named-group" if militia is None else "generic:identity-militia"
        name, inter = (name, inter) if militia is None else (militia, 4)
        actor = Actor(name, inter, Span(article_id, offset + start, offset + end), key)
        mentions.append(ActorMention(actor, role, False, trigger))
    for token in doc:
        if token.i not in covered and token.dep_ == "amod" and \
                (nation := state_by_adjective(token, offset, article_id, country, dictionary)):
            covered.add(token.i)  # "An Israeli strike hit Beirut": Israel's forces did it
            mentions.append(nation)
            continue
        if token.i in covered or token.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
            continue  # only phrase heads: "Iraqi Air Force F-16 fighter jets" is one actor
        if _compared(token):
            continue  # "the attackers fought like warriors": what they are likened to takes no part
        if _names_the_group_again(token, named_spans):
            continue  # "killed by dissidents of the former FARC ... recruited by the armed group": that group
        if token.lower_ in _UNIT_NOUNS and (_names_its_group(token, mentions, offset) or
                                            _its_own_men(token, mentions, offset)):
            covered.update(range(token.left_edge.i, token.i + 1))
            continue
        mention = state_by_name(token, offset, article_id, country, dictionary) or \
            _generic(token, covered, offset, article_id, country, dictionary)
        if mention is not None and not mention.role:
            role, trigger = _role_of_owned(token, mention.role, mention.trigger)
            mention = replace(mention, role=role, trigger=trigger)
        if mention is not None:
            covered.update(range(token.left_edge.i, token.i + 1))
            mentions.append(mention)
    return sorted(_earlier_agents(doc, mentions), key=lambda m: m.actor.span.start if m.actor.span else 0)


_EARLIER = frozenset({"after", "following", "before", "since"})
#: the marks of a clause of time whose act is no part of the sentence's own: "in the deadliest attack
#: since U.S. forces left the country", "until troops arrived" ("before police opened fire, killing two
#: of the attackers" can tell the other side of the same fight)
_APART = frozenset({"since", "until", "till"})


def _earlier_act(doc: Doc, trigger: int | None) -> bool:
    """Whether an act is a noun set in time against the sentence's own act ("after a Boko Haram attack")."""
    if trigger is None or trigger >= len(doc):
        return False
    act = doc[trigger]
    return act.pos_ == "NOUN" and act.dep_ == "pobj" and act.head.lower_ in _EARLIER


def _act_apart(doc: Doc, trigger: int | None) -> bool:
    """Whether an act is the verb of a clause of time that only sets the sentence's own act against
    another ("since U.S. forces left the country", "until troops arrived")."""
    if trigger is None or trigger >= len(doc):
        return False
    act = doc[trigger]
    return act.pos_ in ("VERB", "AUX") and act.dep_ == "advcl" and \
        any(c.dep_ == "mark" and c.lower_ in _APART for c in act.children)


def _earlier_agents(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"The military forces shot and injured a resident during a security operation after a Boko Haram
    attack": a name whose act is set before the sentence's own act, which another armed actor did,
    acted in that other event, not in this one (its role is dropped). With no other agent the act
    after which the harm came is the event's ("four guards were wounded following attacks by Taliban").
    The subject of a clause of time ("the deadliest attack since U.S. forces left the country")
    acted in that clause only, whoever else acts (``_act_apart``): like a force that acted on the
    act's sequel, it takes no side in the act (role ``enforcer``), nor is it a perpetrator by default."""
    mentions = [replace(m, role="enforcer") if m.role == "agent" and _act_apart(doc, m.trigger) else m
                for m in mentions]
    acting = [m for m in mentions if m.role == "agent" and m.actor.inter in (1, 2, 3, 4, 8)
              and m.trigger is not None and m.trigger < len(doc) and doc[m.trigger].pos_ in ("VERB", "AUX")]
    if not acting:
        return mentions
    return [replace(m, role="", trigger=None) if m.role == "agent" and _earlier_act(doc, m.trigger) else m
            for m in mentions]


_FACTION_WORD = r"[A-Z][\w'-]+"
_FACTION_NAME = rf"{_FACTION_WORD}(?:[ -]{_FACTION_WORD}){{0,2}}"
_FACTION = re.compile(
    rf"\s+(?:(?P<named>{_FACTION_NAME})\s+(?:militia|militias|militiamen|fighters|combatants|group|faction)\b"
    rf"|(?:(?:militia|militias|militiamen|fighters|combatants)\s+)?\((?P<bracket>{_FACTION_NAME})(?:\s+faction)?\))")


def _faction(text: str, end: int, name: str) -> str | None:
    """The faction named right after a family of factions ("Mayi Mayi Kifuafua militiamen",
    "Mayi-Mayi militiamen (Simba)", "Mayi Mayi militiamen (Charles faction)"; ``actor_words.json``
    faction_families), or None. An acronym names a group of its own ("the Mayi Mayi UPLC armed
    group"), and a common word no faction."""
    if name not in word_list("actor_words.json", "faction_families"):
        return None
    m = _FACTION.match(text, end)
    if m is None:
        return None
    faction = m.group("named") or m.group("bracket")
    if faction.isupper() or faction.split()[0].lower() in _NOT_FACTIONS:
        return None
    return faction


def _faction_end(text: str, end: int) -> int:
    m = _FACTION.match(text, end)
    return m.end("named") if m.group("named") else m.end()


_NOT_FACTIONS = frozenset({"the", "a", "an", "armed", "rebel", "local", "rival", "allied", "suspected", "presumed"})


_FRONT_LINE = re.compile(r"(?i)\b(?:on|at|in|along|across|near|to|toward|towards|from)\s+the\s+$")


def _names_it(doc: Doc, start: int, end: int) -> int | None:
    """Where the name that "called" gives ends among the words at ``start:end`` (characters): at its
    last word that is the parse's object predicate ("the gang called the Red Hand shot dead" ends at
    "Hand"), or the object of a "called" whose group noun is not its subject ("members of a gang
    called the red hand", read as an object in recased wire copy). None for a call: in "a group
    called the police" the group is the subject of "called", and names no group."""
    span = doc.char_span(start, end, alignment_mode="expand")
    for token in reversed(span if span is not None else ()):
        verb = token.head
        if token.dep_ == "oprd" or (verb.lower_ in ("called", "named") and token.dep_ in ("dobj", "attr")
                                    and verb.i > 0 and not (doc[verb.i - 1].head == verb
                                                            and doc[verb.i - 1].dep_.startswith("nsubj"))):
            return token.idx + len(token.text)
    return None


def _front_line(text: str, start: int, name: str) -> bool:
    """"thwarted a Houthi attack on the Qaniyah front", "clashes in the Bab Ghaliq front": a front
    named after a place where it runs, after a word of place, is a front line, not a group."""
    return name.lower().endswith(" front") and _FRONT_LINE.search(text, max(0, start - 20), start) is not None


def _unit_of_known(text: str, end: int, named: list[tuple[int, int]]) -> bool:
    """"Members of the XXII Front of the FARC", "the Gerardo Barrios Commando Unit of the FMLN": a
    named unit of a known group is that group's (ACLED codes the group), no group of its own."""
    return any(end <= a and re.fullmatch(r"(?i)\s+of\s+(?:the\s+)?", text[end:a]) for a, _ in named)


def _spelled_out(text: str, start: int, end: int, named: list[tuple[int, int]]) -> bool:
    """"an ONLF (Ogadan National Liberation Front) leader", "the Ogaden National Liberation Front
    (ONLF)": a name in brackets right after a known group's name, or one a known group's acronym
    follows in brackets, spells out that group (however it is spelled), and is no second group."""
    return any(b <= start and text[b:start].strip() in ("(", "[") or
               end <= a and text[end:a].strip() in ("(", "[") for a, b in named)


# nouns for some of a group's men: "a unit of the Southern Resistance", "members of the CJNG",
# "gunmen of the Sinaloa Cartel" are that group
_UNIT_NOUNS: frozenset[str] = word_list("actor_words.json", "unit_nouns")  # type: ignore[assignment]


def _names_its_group(token: Token, mentions: list[ActorMention], offset: int) -> bool:
    """"Forces from Ash Shubaji Martyrs Battalion of the 6th Southern Resistance Brigade", "a
    special forces unit of the Southern Resistance": the named group after "of"/"from" is the
    actor, in the role of the unit's noun. Moves that role to the named mention."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
            continue
        sub = list(prep.subtree)
        start, end = offset + sub[0].idx, offset + sub[-1].idx + len(sub[-1].text)
        for k, m in enumerate(mentions):
            span = m.actor.span
            if span is not None and not m.generic and m.actor.inter in (1, 2, 3, 4, 8) and \
                    start <= span.start and span.end <= end:
                role, trigger = role_of(token)
                mentions[k] = replace(m, role=role or m.role, trigger=trigger if role else m.trigger)
                return True
    return False


def _its_own_men(token: Token, mentions: list[ActorMention], offset: int) -> bool:
    """"Hezbollah said its fighters had clashed with Israeli troops", "the army said its troops killed 12
    militants": a unit's noun whose possessive pronoun points at the named group that tells of the act is that
    group's men; the group takes their role (not only the teller's). Moves that role to the named mention."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
        return False
    tellers = {a.i for a in token.ancestors}
    for k, m in enumerate(mentions):
        span = m.actor.span
        if m.role == "source" and m.trigger in tellers and m.actor.inter in (1, 2, 3, 4, 8) \
                and (not m.generic or m.actor.inter == 1) \
                and span is not None and span.end <= offset + token.idx:
            role, trigger = role_of(token)
            if not role or (role == "patient" and any(t.dep_ == "nsubj" and t.lower_ in ("it", "they")
                                                      for t in token.doc)):
                # "Hezbollah said three of its fighters were among the dead and that it had fired rockets":
                # the group also acts in the sentence, and stays who tells it, for the pronoun to name
                return False
            mentions[k] = replace(m, role=role, trigger=trigger)
            return True
    return False


def _names_the_group_again(token: Token, named: list[tuple[int, int]]) -> bool:
    """"the armed group" after a group named by its name earlier in the sentence: that group again,
    no second, unidentified one."""
    if token.lower_ != "group" or not named:
        return False
    left = {t.lower_ for t in token.lefts}
    return "the" in left and left <= {"the", "armed"} and any(start < token.idx for start, _ in named)


def _compared(token: Token) -> bool:
    """A noun something is likened to ("fought like warriors", "unlike the militias"): no one in the act."""
    return token.dep_ == "pobj" and token.head.lower_ in ("like", "unlike")


def _role_of_members(doc: Doc, span_doc, role: str, trigger: int | None) -> tuple[str, int | None]:
    """"5 IS militants were killed": a name that modifies a noun for its men takes that noun's role.
    The parse does not always hang the name on the noun (it reads this "IS" as the verb "is"), so
    the noun right after the name decides when the name's own words give no role."""
    after = span_doc.end
    if after < len(doc) and doc[after].lower_ in _UNIT_NOUNS and doc[after].pos_ in ("NOUN", "PROPN"):
        return role_of(doc[after])
    return role, trigger


_EVENT_NOUNS: frozenset[str] = word_list("actor_words.json", "event_nouns")  # type: ignore[assignment]
_WEAPON_MODIFIERS: frozenset[str] = word_list("actor_words.json", "weapon_modifiers")  # type: ignore[assignment]


def _agent_of_act(doc: Doc, span_doc, role: str, trigger: int | None) -> tuple[str, int | None]:
    """"two Saudi-led coalition air raids were reported on pro-Houthi forces": a name right before
    a weapon's word and a noun of a violent act carried the act out, whatever the clause does
    with the act. Not a name right before the act alone ("thwarted a pro-Houthi incursion": who
    thwarted it is named first by ACLED, and the parse already reads a proper name there)."""
    i = span_doc.end
    if i + 1 < len(doc) and doc[i].lower_ in _WEAPON_MODIFIERS and doc[i + 1].lower_ in _EVENT_NOUNS:
        return "agent", doc[i + 1].i
    return role, trigger


_OWNING: frozenset[str] = word_list("actor_words.json", "ownership_verbs")  # type: ignore[assignment]


def _role_of_owned(root: Token, role: str, trigger: int | None) -> tuple[str, int | None]:
    """"targeted a vehicle belonging to the Egyptian military forces", "shelled two sites belonging
    to the al Qassam brigades (military wing of Hamas Movement)": the owner of what was hit takes
    the role of what it owns (the target of the strike)."""
    verb = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.dep_ == "acl" and verb.lemma_.lower() in _OWNING:
        return role_of(verb.head)
    return role, trigger


_SPEECH: frozenset[str] = word_list("actor_words.json", "speech_verbs")  # type: ignore[assignment]


def sources_are_not_agents(doc, found):
    """"the PMF said its units came under attack": the subject of a speech verb is the source of
    the claim, not the perpetrator; unless what it says opens with "they" or "we", which is the
    speaker again ("police said they raided a house")."""
    out = []
    for m in found:
        verb = doc[m.trigger] if m.trigger is not None and m.trigger < len(doc) else None
        if m.role == "agent" and verb is not None and verb.lemma_.lower() in _SPEECH \
                and not claims_own_act(verb):
            m = replace(m, role="source")
        if m.role == "source" and verb is not None and verb.lemma_.lower() in _SPEECH:
            # "police said they raided a house": "they" (or "we") opening what the source says is the source
            told = next((c for c in verb.children if c.dep_ == "ccomp" and any(
                s.dep_ == "nsubj" and s.lower_ in ("they", "we") for s in c.children)), None)
            if told is not None:
                out.append(replace(m, role="agent", trigger=told.i))
        out.append(m)
    # "the ELN has requested a commission to receive Kent, who has been kidnapped by the ELN": a
    # source named again as the agent of an act told in a participle (a passive; ``_is_passive`` also
    # takes a perfect's participle) did it; never as the subject of a plain verb ("the FMLN said it
    # had nothing to do with the murder" is a denial)
    by_agent = {m.actor.name for m in out if m.role == "agent" and m.trigger is not None
                and m.trigger < len(doc) and _is_passive(doc[m.trigger])}
    return [m for m in out if not (m.role == "source" and m.actor.name in by_agent)]


def actors_of_sentence(doc: Doc, span: Span, country: str | None, dictionary,
                       year: int | None = None) -> tuple[ActorMention, ...]:
    """The actors a parsed sentence names, with their roles, named for ``country``; the subject
    of a speech verb is the source of what is said, not the agent. With the article's ``year``,
    a shared name takes the actor active that year and a state force the years of the regime in
    power (``data/state_regimes.csv``)."""
    found = sources_are_not_agents(doc, find_actors(
        doc, offset=span.start, article_id=span.article_id, country=country, dictionary=dictionary, year=year))
    found = [replace(m, verb=doc[m.trigger].lemma_.lower()) if m.trigger is not None and m.trigger < len(doc) else m
             for m in found]
    if year is None:
        return tuple(found)
    return tuple(replace(m, actor=replace(m.actor, name=dictionary.regimes.name(m.actor.name, year))) for m in found)
