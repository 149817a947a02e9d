"""Which actor is actor1 and which actor2, by ACLED's conventions for each event type.

CODEBOOK section 2: Protests -> Protesters (X) [vs the force that intervened]; Riots -> Rioters (X)
[vs police, civilians or blank]; Violence against civilians -> perpetrator vs Civilians (X);
Battles -> one armed side vs the other; Explosions/Remote violence -> the weapon's user vs the
intended target (blank when none is reported); Strategic developments -> the acting group.
An unknown perpetrator is ``Unidentified Armed Group (X)``.
"""

from __future__ import annotations

import re

from collections.abc import Sequence
from dataclasses import is_dataclass, replace

from eventdesk.extract.actors._generic import SECURITY_FORCES_KEY
from eventdesk.model import Actor
from eventdesk.rules import word_list
from eventdesk.extract.trigger.classify import BATTLES, ERV, PROTESTS, RIOTS, SD, VAC, Classification

__all__ = ["ARMED_INTER", "assign_roles", "crowd_force", "generic_actor"]

ARMED_INTER = frozenset({1, 2, 3, 4, 8})  # state, rebel, political militia, identity militia, external forces
_GENERIC = {
    "protesters": ("Protesters", 6),
    "rioters": ("Rioters", 5),
    "civilians": ("Civilians", 7),
    "unidentified": ("Unidentified Armed Group", 3),
    # the unnamed sides of a fight between communities (sides.community_sides)
    "clan-militia": ("Unidentified Clan Militia", 4),
    "tribal-militia": ("Unidentified Tribal Militia", 4),
    "communal-militia": ("Unidentified Communal Militia", 4),
    "ethnic-militia": ("Unidentified Ethnic Militia", 4),
}


def generic_actor(kind: str, country: str | None) -> Actor:
    """``Protesters (Kenya)``, ``Civilians (Iraq)``, ``Unidentified Armed Group (Syria)`` ..."""
    name, inter = _GENERIC[kind]
    return Actor(f"{name} ({country})" if country else name, inter, None, f"rule:{kind}")


def assign_roles(
    c: Classification, mentions: Sequence, country: str | None
) -> tuple[Actor | None, Actor | None, tuple[Actor, ...], tuple[Actor, ...]]:
    """Return ``(actor1, actor2, assoc_actor_1, assoc_actor_2)``.

    ``mentions`` are the actor mentions found in the event's sentences (objects with ``actor``
    and ``role`` attributes), in text order.
    """
    seen: dict[str, object] = {}
    t = c.event_type
    for m in mentions:
        # one entry per actor, where it is first named; a later mention gives it the role the first
        # one lacked: in a strike its acting or target role ("near a post of the Egyptian army ...
        # killing two soldiers": the target), elsewhere only an acting role ("the FMLN [..] guerrillas
        # attacked positions guarded by army units"): in a battle a side hurt may have started it
        if m.actor.name not in seen:
            seen[m.actor.name] = m
        elif not seen[m.actor.name].role and (m.role == "agent" or (t == ERV and m.role == "patient")):
            seen[m.actor.name] = _with_role(seen[m.actor.name], m)
    ms = list(seen.values())
    armed = [m for m in ms if m.actor.inter in ARMED_INTER]
    # the perpetrator: an armed actor in the agent role, else one whose role is unknown;
    # never the target ("a roadside bomb struck an army patrol" names no perpetrator)
    # ("police said ...": the subject of a speech verb is the source of the report, role "source"; the
    # force that arrested or tried someone for the act did its sequel, role "enforcer")
    # among those acting, a named group before a plain noun for its men: "guerrillas of the Army of
    # National Liberation (ELN) set fire to three trucks" is the ELN's act, not an unidentified group's
    acting = sorted((m for m in armed if m.role == "agent"), key=lambda m: bool(getattr(m, "generic", False)))
    agents = acting or [m for m in armed if m.role not in ("patient", "source", "enforcer", "ally")]
    if t == PROTESTS:
        a1 = _first(ms, inter=6) or generic_actor("protesters", country)
        a2 = None
        if c.sub_event_type != "Peaceful protest":
            # the force that acted on the crowd (its arrests too: "enforcer"), never one that only told of
            # it ("gunmen opened fire on protesters ..., police said": the gunmen)
            acted = [m for m in armed if m.role != "source"]
            a2 = crowd_force(_first(acted, inter=1) or _first(acted))
        return a1, a2, (), ()
    if t == RIOTS:
        a1 = _first(ms, inter=5) or generic_actor("rioters", country)
        armed = [replace(m, actor=crowd_force(m.actor)) if is_dataclass(m) else m for m in armed]
        if c.sub_event_type == "Mob violence" and c.cue == "crowd_fight":
            # "two groups ... attacked each other": rioters on both sides
            others = [m for m in ms if m.actor.name != a1.name and m.actor.inter in (2, 3, 4, 5)]
            a2 = _first(armed, inter=1) or (_actor(others[0]) if others else generic_actor("rioters", country))
        elif c.sub_event_type == "Mob violence":
            # the police the mob attacked, not the police who told of it or arrested the lynchers ("a man was
            # beaten to death by a mob ..., police said"): then the mob's victim is a civilian
            acted_on = [m for m in armed if m.role not in ("source", "enforcer")]
            a2 = _first(acted_on, inter=1) or _first(ms, inter=7) or generic_actor("civilians", country)
        else:
            a2 = _first(armed, inter=1)
        return a1, a2, (), ()
    if t == VAC:
        a1 = _actor(agents[0]) if agents else generic_actor("unidentified", country)
        # the victims' own nation when the text names it ("beat three Palestinians", "Somali refugees")
        foreign = [m for m in ms if m.actor.inter == 7 and m.role == "patient" and country
                   and not m.actor.name.endswith(f"({country})") and m.actor.name.endswith(")")]
        return a1, _actor(foreign[0]) if foreign else generic_actor("civilians", country), (), ()
    if t == BATTLES:
        # with no one acting, two named armed sides fought each other ("three NPA militants were
        # killed while a soldier was wounded during a firefight"): the first named is actor1
        fought = [m for m in armed if m.role in ("patient", "side")]  # not one merely named nearby
        sides = agents or (fought if len(fought) > 1 else [])
        a1 = _actor(sides[0]) if sides else generic_actor("unidentified", country)
        # not the one that only tells of it or acts on its sequel ("police said", "police arrested 20
        # suspects after clashes between herders and farmers": the police fought no one)
        others = [m for m in armed if m.actor.name != a1.name and m.role not in ("source", "enforcer", "ally")]
        # "killed in an encounter with the C-60 commandos of Gadchiroli police": two forces of one state
        # fought on one side, against the group named beside them
        foes = [m for m in others if not _one_state(a1, m.actor)]
        others = foes or others
        # the side it fought ("clashed with the police") before anyone it harmed
        patients = [m for m in others if m.role == "side"] or [m for m in others if m.role == "patient"] or others
        a2 = _actor(patients[0]) if patients else generic_actor("unidentified", country)
        if a2.name == a1.name and a1.key.startswith("rule:"):
            a2 = generic_actor("unidentified", country)
        # "troops backed by Russian mercenaries": the side's allies, associated with actor1
        allies = tuple(_actor(m) for m in armed if m.role == "ally" and m.actor.name not in (a1.name, a2.name))
        return a1, a2, allies[:1], ()
    if c.sub_event_type == "Disrupted weapons use":
        disrupted = _disrupted(armed, country)
        if disrupted is not None:
            return disrupted
    if t == ERV:
        a1 = _actor(agents[0]) if agents else generic_actor("unidentified", country)
        targets = [m for m in ms if m.actor.name != a1.name and m.role == "patient"]
        a2 = _actor(targets[0]) if targets else None
        civilians = [m for m in ms if m.actor.inter == 7 and (a2 is None or m.actor.name != a2.name)]
        assoc2 = (_actor(civilians[0]),) if civilians and a2 is not None else ()
        if a2 is None and civilians:
            a2, assoc2 = _actor(civilians[0]), ()
        return a1, a2, (), assoc2
    if t == SD:
        # an arrest nobody is said to make is the state force's the sentence names ("three men were arrested,
        # police said"; CODEBOOK: arrests are the state's), not whoever is named first
        makers = agents or ([m for m in ms if m.actor.inter == 1] if c.sub_event_type == "Arrests" else [])
        a1 = _actor(makers[0]) if makers else (_actor(ms[0]) if ms else None)
        if a1 is None:
            a1 = generic_actor("unidentified", country) if c.sub_event_type != "Other" else None
        rest = [m for m in ms if a1 is None or m.actor.name != a1.name]
        a2 = _actor(rest[0]) if rest and c.sub_event_type in ("Arrests", "Agreement") else None
        if c.sub_event_type == "Looting/property destruction":
            # someone's property: the named owner, else civilians ("demolished a Palestinian-owned
            # structure"); never blank in dev
            owners = [m for m in rest if m.role == "patient"]
            a2 = _actor(owners[0]) if owners else generic_actor("civilians", country)
        elif c.sub_event_type == "Arrests" and a2 is None:
            a2 = generic_actor("civilians", country)  # the people arrested
        return a1, a2, (), ()
    return None, None, (), ()


def _one_state(a: Actor, b: Actor) -> bool:
    """Whether two actors are the army and the police of one state ("Military Forces of India", "Police
    Forces of India (2014-)"): state forces (inter 1) whose names give the same country, and the same
    regime's years when both give them (Yemen's "(2012-)" government and its "(2016-) Supreme Political
    Council" are two). Two units of one army are not (Yemen's Security Belt Forces fought its army)."""
    if a.inter != 1 or b.inter != 1:
        return False
    one, other = _STATE.match(a.name), _STATE.match(b.name)
    if one is None or other is None or one.group(1).strip() != other.group(1).strip():
        return False
    if a.name.split()[0] == b.name.split()[0]:
        return False  # two units of one army or one police may be factions that fight ("Security Belt Forces")
    return not (one.group(2) and other.group(2) and one.group(2) != other.group(2))


#: a state force's name: its country, then its regime's years ("Police Forces of India (2014-) Central
#: Reserve Police Force": India, 2014-)
_STATE = re.compile(r"(?:Military|Police) Forces of ([^(]+?)(?:\s*\(([^)]*)\)|$)")


def _disrupted(armed: list, country: str | None) -> tuple | None:
    """A state's forces that defused, recovered or destroyed a weapon disrupted its use: ACLED codes
    them as actor1 and the weapon's owner as actor2, the group the report names ("IEDs planted by
    suspected NPA militants", "arms belonging to ADF rebels"), else an unidentified armed group. None
    when no state force acts (a group's device that went off too early is its own)."""
    # "Russia launched 35 drones at Ukraine; air defence units shot down 30", "intercepted a missile fired
    # by pro-Houthi forces": who launched or fired the weapon is its owner, whatever force it is
    users = [m for m in armed if m.role == "agent" and m.verb in word_list("actor_words.json", "weapon_use_verbs")]
    states = [m for m in armed if m.actor.inter in (1, 8) and m.role in ("agent", "source", "enforcer")
              and m not in users]
    if not states:
        return None
    a1 = _actor(states[0])
    owners = [m for m in users + [m for m in armed if m.actor.inter in (2, 3, 4)] if m.actor.name != a1.name]
    return a1, (_actor(owners[0]) if owners else generic_actor("unidentified", country)), (), ()


def crowd_force(actor: Actor | None) -> Actor | None:
    """The state's "security forces" that act on a demonstration or a riot keep public order: ACLED
    names them as the country's police ("Security forces dispersed the crowd" at a protest in Mali
    is Police Forces of Mali), as it does the force that breaks up a crowd. Any other actor as it is."""
    if actor is None or actor.key != SECURITY_FORCES_KEY:
        return actor
    return replace(actor, name=actor.name.replace("Military Forces of", "Police Forces of", 1), key="generic:police")


def _with_role(first, later):
    """The first mention of an actor, with the role (and verb) of a later one."""
    return replace(first, role=later.role, trigger=later.trigger) if is_dataclass(first) else later


def _actor(m) -> Actor:
    return m.actor


def _first(ms: Sequence, inter: int | None = None) -> Actor | None:
    for m in ms:
        if inter is None or m.actor.inter == inter:
            return m.actor
    return None
