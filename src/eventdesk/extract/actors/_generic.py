"""ACLED's generic naming rules for actors the dictionary does not name, parameterised by the
event's country: "Kenyan police" -> "Police Forces of Kenya", "gunmen" -> "Unidentified Armed
Group (Kenya)", "Pokot raiders" -> "Pokot Ethnic Militia (Kenya)", victims -> "Civilians (Kenya)".

Private: import from ``eventdesk.extract.actors.find``.
"""

from __future__ import annotations

from types import MappingProxyType

from spacy.tokens import Token

from eventdesk.model import Actor, Span
from eventdesk.extract.actors._dictionary import (
    _MILITARY_NOUNS,
    _POLICE_NOUNS,
    NO_COUNTRY_KEY,
    ActorDictionary,
    ActorMention,
)
from eventdesk.extract.actors._role import role_of, told_according_to
from eventdesk.rules import word_list

__all__ = ["SECURITY_FORCES_KEY", "with_article", "doc_slice", "_generic", "state_by_adjective", "state_by_name"]

#: the rule key of "security forces" named for a country ("Military Forces of X" by default)
SECURITY_FORCES_KEY = "generic:security-forces"

# ACLED writes these countries with an article: "Military Forces of the Philippines".
_WITH_ARTICLE: frozenset[str] = word_list("actor_words.json", "with_article")  # type: ignore[assignment]
# what a state force holds or moves in: "an Afghan military convoy", "a police post"
_STATE_ASSETS: frozenset[str] = word_list("actor_words.json", "state_assets")  # type: ignore[assignment]
# what a state force carries out: "a police raid", "a military operation"
_STATE_ACTIONS: frozenset[str] = word_list("actor_words.json", "state_actions")  # type: ignore[assignment]
# the body a state force is organised in: "the State Police Command", "the police department"
_STATE_BODIES: frozenset[str] = word_list("actor_words.json", "state_bodies")  # type: ignore[assignment]
_FIRED_WEAPONS: frozenset[str] = word_list("actor_words.json", "fired_weapon_nouns")  # type: ignore[assignment]
_FIRING_VERBS: frozenset[str] = word_list("actor_words.json", "firing_verbs")  # type: ignore[assignment]
_NOT_STATE_MODIFIERS: frozenset[str] = word_list("actor_words.json", "not_state_modifiers")  # type: ignore[assignment]
_ARMED_NOUNS: frozenset[str] = word_list("actor_words.json", "armed_nouns")  # type: ignore[assignment]
# a body that is the subject of one of these tells, it does not act ("the command reported")
_SPEECH_VERBS: frozenset[str] = word_list("actor_words.json", "speech_verbs")  # type: ignore[assignment]
# armed men named by their trade ("Somali pirates"): never a people's militia
_OUTLAW_NOUNS: frozenset[str] = word_list("actor_words.json", "outlaw_nouns")  # type: ignore[assignment]
# men of a community who fight as such; herders and pastoralists only when they act (else civilians)
_COMMUNITY_FIGHTERS = MappingProxyType(
    {"tribesmen": "Tribal", "tribesman": "Tribal", "clansmen": "Clan", "clansman": "Clan",
     "pastoralists": "Communal", "herders": "Communal", "herdsmen": "Communal"}
)
_FIGHT_VERBS: frozenset[str] = word_list("actor_words.json", "fight_verbs")  # type: ignore[assignment]
_GANG_NOUNS: frozenset[str] = word_list("actor_words.json", "gang_nouns")  # type: ignore[assignment]
_MILITIA_NOUNS: frozenset[str] = word_list("actor_words.json", "militia_nouns")  # type: ignore[assignment]
_NATION_FORCE_NOUNS: frozenset[str] = word_list("actor_words.json", "nation_force_nouns")  # type: ignore[assignment]
_COMMUNITY_YOUNG_MEN: frozenset[str] = word_list("actor_words.json", "community_young_men")  # type: ignore[assignment]
_MEMBER_NOUNS: frozenset[str] = word_list("actor_words.json", "member_nouns")  # type: ignore[assignment]
_DRUG_TRADE_NOUNS: frozenset[str] = word_list("actor_words.json", "drug_trade_nouns")  # type: ignore[assignment]
_STATE_FORCE_MODIFIERS: frozenset[str] = word_list("actor_words.json", "state_force_modifiers")  # type: ignore[assignment]
_STATE_PERSONNEL_MODIFIERS: frozenset[str] = word_list("actor_words.json", "state_personnel_modifiers")  # type: ignore[assignment]
_UNNAMED_GROUP_MODIFIERS: frozenset[str] = word_list("actor_words.json", "unnamed_group_modifiers")  # type: ignore[assignment]
_UNNAMED_MEN_MODIFIERS: frozenset[str] = word_list("actor_words.json", "unnamed_men_modifiers")  # type: ignore[assignment]
_PROTEST_NOUNS: frozenset[str] = word_list("actor_words.json", "protest_nouns")  # type: ignore[assignment]
_RIOT_NOUNS: frozenset[str] = word_list("actor_words.json", "riot_nouns")  # type: ignore[assignment]
_VIGILANTE_NOUNS: frozenset[str] = word_list("actor_words.json", "vigilante_nouns")  # type: ignore[assignment]
_CIVILIAN_NOUNS: frozenset[str] = word_list("actor_words.json", "civilian_nouns")  # type: ignore[assignment]
_PROTEST_VERBS: frozenset[str] = word_list("actor_words.json", "protest_verbs")  # type: ignore[assignment]
_PROTEST_OBJECTS: frozenset[str] = word_list("actor_words.json", "protest_objects")  # type: ignore[assignment]
_RIOT_VERBS: frozenset[str] = word_list("actor_words.json", "riot_verbs")  # type: ignore[assignment]
_UNDERGONE: frozenset[str] = word_list("actor_words.json", "undergone_verbs")  # type: ignore[assignment]
_CIVILIAN_PROPERTY: frozenset[str] = word_list("actor_words.json", "civilian_property")  # type: ignore[assignment]
# every head noun a rule of ``_generic`` or ``_rule_for`` can name an actor by (its lists, and the
# words the rules name in place, ``rule_head_nouns``): any other noun is none, unless it is a
# capitalised people's name ("three Palestinians", the last rule). A rule for a new noun adds the
# noun to ``rule_head_nouns``, or it never runs
#: craft only armed forces have: "a US warship", "an Israeli tank" are that state's forces
_WAR_CRAFT: frozenset[str] = word_list("actor_words.json", "war_craft")  # type: ignore[assignment]
_HEAD_NOUNS: frozenset[str] = (
    _MILITARY_NOUNS | _POLICE_NOUNS | _STATE_ACTIONS | _STATE_BODIES | _STATE_ASSETS | _WAR_CRAFT | _MILITIA_NOUNS | _ARMED_NOUNS
    | _OUTLAW_NOUNS | frozenset(_COMMUNITY_FIGHTERS) | _GANG_NOUNS | _PROTEST_NOUNS | _RIOT_NOUNS | _VIGILANTE_NOUNS
    | _CIVILIAN_NOUNS | _CIVILIAN_PROPERTY | word_list("actor_words.json", "rule_head_nouns")
)


def _generic(
    token: Token, covered: set[int], offset: int, article_id: str, country: str | None,
    dictionary: ActorDictionary,
) -> ActorMention | None:
    """Apply the generic ACLED naming rules to one head noun."""
    low = token.lower_
    if low not in _HEAD_NOUNS and not (low.endswith(("s", "ese")) and token.text[:1].isupper()):
        return None  # no rule names an actor by this noun (the test first: most nouns are none)
    lemma = token.lemma_.lower()
    left = [t for t in doc_slice(token) if t.i != token.i]
    # "Iraqi Air Force F-16 fighter jets": the nationality sits on the phrase the noun modifies
    top = token
    for _ in range(5):
        if top.dep_ not in ("compound", "amod", "nmod", "nummod") or top.head.pos_ not in ("NOUN", "PROPN"):
            break
        top = top.head
    phrase_left = [t for t in token.doc[top.left_edge.i : token.i] if t.i != token.i]
    if any(t.i in covered for t in left) or token.i - 1 in covered or _named_before(token, covered):
        return None  # "ISIS forces", "suspected Al Shabaab militants", "30 IS militants": the named actor wins
    if any(t.lower_ in ("its", "their") for t in left):
        return None  # "its fighters": the group named elsewhere, not a new actor
    left_words = {t.lower_ for t in left}
    if low in ("group", "groups") and left_words <= {"the", "this", "that", "these", "those"}:
        return None  # "the group's elements": the group named elsewhere (an anaphor), not civilians
    role, trigger = role_of(token)
    if role == "" and told_according_to(token):
        # "according to the police, unidentified persons planted a bomb": a force named only as the
        # teller is no side of the act (a group named so claims it, and keeps its reading: ``find``)
        role = "source"
    if low in _STATE_ACTIONS:
        role = "agent"  # whoever raids acts, whatever the clause does with the raid
    elif role == "agent" and trigger is not None and token.doc[trigger].lemma_.lower() in _UNDERGONE:
        role = "patient"  # "a displaced person died from a landmine": who died underwent it
    elif "civilian" in {t.lower_ for t in doc_slice(token)} and low in _CIVILIAN_PROPERTY:
        # "exploded as a civilian car was passing by": the civilians' car was hit
        return ActorMention(_civilians(token, offset, article_id, country), "patient", True, trigger)
    rule = _rule_for(token, low, lemma, left, left_words, role, dictionary, country, phrase_left)
    if rule is None:
        return None
    template, inter, key, nation = rule
    start = token.left_edge.idx if left else token.idx
    span = Span(article_id, offset + start, offset + token.idx + len(token.text))
    return _named(template, inter, key, nation, role, trigger, span, country, dictionary)


def state_by_name(token: Token, offset: int, article_id: str, country: str | None,
                  dictionary: ActorDictionary) -> ActorMention | None:
    """"Russia launched 35 drones at Ukraine", "Israel struck a school in Gaza": a state's name as the
    subject of an act of war (``actor_words.json`` state_act_verbs) is its armed forces acting."""
    if token.pos_ != "PROPN" or token.dep_ != "nsubj" or \
            token.head.lemma_.lower() not in word_list("actor_words.json", "state_act_verbs"):
        return None
    words = [t for t in token.lefts if t.dep_ == "compound"] + [token]
    if any(t.dep_ in ("amod", "poss", "det") and t.lower_ != "the" for t in token.lefts):
        return None  # "Putin's Russia", "northern Syria": not the state's name alone
    name = " ".join(t.text for t in words)
    nation = dictionary.nation_of(name)
    if nation is None or not (name.lower() == nation.lower() or name.replace(".", "").isupper()):
        return None  # "1 Somali killed": a people's word for a person, not the state's name ("the U.S." is)
    span = Span(article_id, offset + words[0].idx, offset + token.idx + len(token.text))
    return _named("Military Forces of {country}", 1, "generic:military", nation, "agent", token.head.i, span,
                  country, dictionary)


def state_by_adjective(token: Token, offset: int, article_id: str, country: str | None,
                       dictionary: ActorDictionary) -> ActorMention | None:
    """"An Israeli strike hit Beirut's southern suburbs", "killed in a Russian raid": a nation's
    adjective on the noun of an act of war (``actor_words.json`` state_act_nouns; a weapon's word may
    stand between: "a Turkish drone strike") names that state's armed forces as the act's agent, as a
    group's name on it does ("a Shining Path attack"). Not on any act: "an Ethiopian attack on Kenyan
    villagers" may be its people's."""
    if token.pos_ not in ("ADJ", "PROPN") or token.dep_ != "amod" or \
            token.head.lower_ not in word_list("actor_words.json", "state_act_nouns"):
        return None
    if not token.text[:1].isupper() or any(c.dep_ in ("compound", "amod", "advmod") for c in token.children) or \
            (token.i > 0 and token.doc[token.i - 1].text in ("-", "pro", "anti")) or \
            (token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "-"):
        return None  # "pro-Russian", "Iranian-backed": a side, not the state's own forces
    weapons = word_list("actor_words.json", "weapon_modifiers")
    if any(t.lower_ not in weapons for t in token.doc[token.i + 1:token.head.i]):
        return None  # "a Russian militia attack", "an Israeli settler raid": the nation's people, not its forces
    nation = dictionary.nation_of(token.text)
    if nation is None or nation.lower() == token.lower_:
        return None  # a people's adjective only ("Israeli", "Russian"), not a country's name
    span = Span(article_id, offset + token.idx, offset + token.idx + len(token.text))
    return _named("Military Forces of {country}", 1, "generic:military", nation, "agent", token.head.i, span,
                  country, dictionary)


def _named(template: str, inter: int, key: str, nation: str | None, role: str, trigger: int | None, span: Span,
           country: str | None, dictionary: ActorDictionary) -> ActorMention:
    """The mention of a generic actor by its naming rule, for the nation the text gives or ``country``."""
    place = nation or country
    if place is None:
        name = template.replace(" ({country})", "").replace(" of {country}", "").strip()
        return ActorMention(Actor(name, inter, span, NO_COUNTRY_KEY), role, True, trigger)
    if inter == 1 and country and place != country:
        coalition = dictionary.coalition(place, country)
        if coalition is not None:
            return ActorMention(Actor(coalition.name, coalition.inter, span, coalition.id), role, True, trigger)
        inter = 8
    name = template.format(country=with_article(place) if "Forces of" in template else place)
    return ActorMention(Actor(name, inter, span, key), role, True, trigger)


def _civilians(token: Token, offset: int, article_id: str, country: str | None) -> Actor:
    span = Span(article_id, offset + token.left_edge.idx, offset + token.idx + len(token.text))
    return Actor(f"Civilians ({country})" if country else "Civilians", 7, span,
                 "generic:civilians" if country else NO_COUNTRY_KEY)


def _named_before(token: Token, covered: set[int]) -> bool:
    """A named actor right before the noun phrase, its acronym in brackets between: "Farabundo
    Marti National Liberation Front [FMLN] urban commandos" are the FMLN's."""
    i = token.left_edge.i - 1
    if i < 0 or token.doc[i].text not in ("]", ")"):
        return False
    return i - 1 in covered


def doc_slice(token: Token) -> list[Token]:
    """The noun phrase up to its head: left edge .. token."""
    return list(token.doc[token.left_edge.i : token.i + 1])


def with_article(country: str) -> str:
    return f"the {country}" if country in _WITH_ARTICLE else country


def _rule_for(
    token: Token, low: str, lemma: str, left: list[Token], left_words: set[str], role: str,
    dictionary: ActorDictionary, country: str | None, phrase_left: list[Token] = (),
) -> tuple[str, int, str, str | None] | None:
    """(name template, inter, rule key, nation or None) for a head noun, or None."""
    nation = next((n for t in [*left, *phrase_left] if (n := dictionary.nation_of(t.text)) is not None), None)
    if nation is None and low in _NATION_FORCE_NOUNS:
        nation = _of_nation(token, dictionary)
    ethnic = next((e for t in left if (e := dictionary.ethnic(t.text)) is not None), None)
    if low in _FIRED_WEAPONS and token.dep_ in ("dobj", "obj") and token.head.lemma_.lower() in _FIRING_VERBS:
        return None  # "Saudi forces fired artillery at ...": the weapon, not a force it was fired at
    if low in _MILITARY_NOUNS or low in _POLICE_NOUNS:
        return _state_rule(token, low, left_words, nation)
    # the force behind a word for what it does or holds: "killed during a police raid", "1 Afghan
    # security personnel commander was killed", "attacked an Afghan military convoy", "a police check
    # post" (an asset only in a role: not where something happened, "died in a police station")
    if left_words & _STATE_FORCE_MODIFIERS and (
            low in _STATE_ACTIONS or (low in _STATE_BODIES and not _speaks(token)) or
            low in ("commander", "commanders") or (low in _STATE_ASSETS and role)):
        return _state_rule(token, "police" if "police" in left_words else "forces", left_words, nation)
    if low in _WAR_CRAFT and role and nation is not None:
        # "Houthi rebels fired missiles at a US warship": the nation's forces, in the craft's role
        return _state_rule(token, "forces", left_words, nation)
    if low == "personnel" and left_words & _STATE_PERSONNEL_MODIFIERS:
        # "Afghan security personnel": the state's forces (never "medical personnel")
        return _state_rule(token, "police" if "police" in left_words else "forces", left_words, nation)
    if low in _OUTLAW_NOUNS:
        return "Unidentified Armed Group ({country})", 3, "generic:unidentified-armed-group", None
    if ethnic is not None and (low in _MILITIA_NOUNS or low in _ARMED_NOUNS or low in _COMMUNITY_YOUNG_MEN):
        return ethnic.name, 4, f"generic:ethnic:{ethnic.id}", None
    kind = _COMMUNITY_FIGHTERS.get(low)
    if kind is not None and (role == "side" or (role == "agent" and _verb_in(token, _FIGHT_VERBS)) or
                             (role != "patient" and kind != "Communal")):
        # "tribesmen clashed", "pastoralists attacked civilians": armed men of a community
        return f"Unidentified {kind} Militia ({{country}})", 4, f"generic:{kind.lower()}-militia", None
    if low in _MILITIA_NOUNS:
        template, inter, key, _ = _militia_rule(left_words)
        return template, inter, key, nation
    if low == "group" and left_words & _UNNAMED_GROUP_MODIFIERS:
        return "Unidentified Armed Group ({country})", 3, "generic:unidentified-armed-group", None
    if low in _ARMED_NOUNS or (low == "men" and left_words & _UNNAMED_MEN_MODIFIERS):
        return "Unidentified Armed Group ({country})", 3, "generic:unidentified-armed-group", None
    if low in _GANG_NOUNS or (low in _MEMBER_NOUNS and "gang" in left_words) or \
            (low in _DRUG_TRADE_NOUNS and "drug" in left_words):
        # "a gang member was killed by rival gang members", "drug traffickers opened fire"
        return "Unidentified Gang ({country})", 3, "generic:unidentified-gang", None
    if low in _PROTEST_NOUNS:
        return "Protesters ({country})", 6, "generic:protesters", None
    if low in _RIOT_NOUNS or (low in ("youths", "crowd") and _verb_in(token, _RIOT_VERBS)):
        return "Rioters ({country})", 5, "generic:rioters", None
    if low in _VIGILANTE_NOUNS:
        return "Rioters ({country})", 5, "generic:vigilantes", None
    if low in _CIVILIAN_NOUNS or low in ("youths", "crowd"):
        return _civilian_rule(token, role, nation)
    if role == "patient" and token.text[:1].isupper() and low.endswith(("s", "ese")) and \
            (people := dictionary.nation_of(token.text)) is not None:
        # "Israeli forces beat three Palestinians", "gunmen killed two Somalis": civilians of that nation
        return "Civilians ({country})", 7, "generic:civilians", people
    return None


def _speaks(token: Token) -> bool:
    """Whether the noun is the subject of a verb of saying ("the political-military command reported
    the attack to the prosecutor", "the police department said"): a body that tells, not one that acts."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in _SPEECH_VERBS


def _of_nation(token: Token, dictionary: ActorDictionary) -> str | None:
    """"the military forces of Armenia": the nation named after "of"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (nation := dictionary.nation_of(obj.text)) is not None:
                    return nation
    return None


def _state_rule(token: Token, low: str, left_words: set[str], nation: str | None) -> tuple[str, int, str, str | None] | None:
    # "Nigerian Armed Forces" are the army, "armed forces" of a nation or with capitals; "armed
    # men", "armed forces of the opposition" are not
    armed_forces = "armed" in left_words and low in ("forces", "force") and (nation is not None or token.text[:1].isupper())
    if (left_words - ({"armed"} if armed_forces else set())) & _NOT_STATE_MODIFIERS or \
            any(w.startswith(("pro-", "anti-")) for w in left_words):
        return None
    if low == "force" and not (left_words & {"air", "security", "task", "defence", "defense", "special", "border"}):
        return None  # "by force", "use of force": not an actor; "Air Force" is
    if low in ("officers", "officer") and not (left_words & {"police", "security", "army", "military"}):
        return None
    police = low in _POLICE_NOUNS and "army" not in left_words and "military" not in left_words
    police = police or "police" in left_words
    if police:
        return "Police Forces of {country}", 1, "generic:police", nation
    if "security" in left_words and not left_words & {"military", "army", "armed", "air", "naval"}:
        # "security forces": the state's forces, named as its military; the key lets a crowd's
        # side name them as the police that keep order at a demonstration (roles.assign_roles)
        return "Military Forces of {country}", 1, SECURITY_FORCES_KEY, nation
    return "Military Forces of {country}", 1, "generic:military", nation


def _militia_rule(left_words: set[str]) -> tuple[str, int, str, str | None]:
    if "pro-government" in left_words or "government" in left_words:
        return "Militia (Pro-Government)", 3, "generic:pro-government-militia", None
    for word, kind in (("clan", "Clan"), ("communal", "Communal"), ("tribal", "Tribal"), ("ethnic", "Ethnic")):
        if word in left_words:
            return f"Unidentified {kind} Militia ({{country}})", 4, f"generic:{word}-militia", None
    return "Unidentified Ethnic Militia ({country})", 4, "generic:ethnic-militia", None


def _civilian_rule(token: Token, role: str, nation: str | None) -> tuple[str, int, str, str | None] | None:
    """Victims are Civilians; people protesting are Protesters; people rioting are Rioters."""
    if role == "agent":
        if _verb_in(token, _PROTEST_VERBS) or _stages_protest(token):
            return "Protesters ({country})", 6, "generic:protesters", None
        if _verb_in(token, _RIOT_VERBS):
            return "Rioters ({country})", 5, "generic:rioters", None
        return None
    if role in ("patient", "side"):
        return "Civilians ({country})", 7, "generic:civilians", nation
    return None


def _governing_verb(token: Token) -> Token | None:
    t = token
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        t = t.head
    return None


def _verb_in(token: Token, lemmas: frozenset[str]) -> bool:
    """Whether the noun's clause verb (or a relative clause on it) has one of these lemmas."""
    verbs = [c for c in token.children if c.dep_ == "relcl"]
    gov = _governing_verb(token)
    if gov is not None:
        verbs.append(gov)
        verbs.extend(c for c in gov.children if c.dep_ in ("conj", "xcomp"))
    return any(v.lemma_.lower() in lemmas for v in verbs)


def _stages_protest(token: Token) -> bool:
    """'workers staged a protest', 'residents held a demonstration'."""
    gov = _governing_verb(token)
    if gov is None:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _PROTEST_OBJECTS for c in gov.children)
