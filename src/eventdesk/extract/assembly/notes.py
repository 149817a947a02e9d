"""A one-sentence description of an event in ACLED's style:
"On 19 April 2018, Military Forces of Iraq carried out an air/drone strike against Islamic State
near Hajin (Deir ez-Zor). 36 fatalities."
"""

from __future__ import annotations

from eventdesk.model import EventMention

__all__ = ["describe"]

_VERBS = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Air/drone strike": "carried out an air/drone strike against",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "carried out an explosive/IED attack against",
    "Suicide bomb": "carried out a suicide bombing against",
    "Grenade": "carried out a grenade attack against",
    "Chemical weapon": "used a chemical weapon against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "committed sexual violence against",
    "Peaceful protest": "demonstrated",
    "Protest with intervention": "demonstrated and were met by",
    "Excessive force against protesters": "demonstrated and were met with lethal or serious force by",
    "Violent demonstration": "demonstrated violently",
    "Mob violence": "attacked",
    "Arrests": "arrested",
    "Agreement": "reached an agreement with",
    "Disrupted weapons use": "disrupted weapons use",
    "Looting/property destruction": "looted or destroyed property",
    "Change to group/activity": "changed activity",
    "Headquarters or base established": "established a base",
    "Non-violent transfer of territory": "took over territory without fighting from",
    "Other": "was involved in an event",
}


def describe(e: EventMention) -> str:
    when = f"On {e.date.date.day} {e.date.date:%B %Y}" if e.date else "On an unknown date"
    if e.date and e.date.precision == 2:
        when = f"Around {e.date.date.day} {e.date.date:%B %Y}"
    elif e.date and e.date.precision == 3:
        when = f"In {e.date.date:%B %Y}"
    who = e.actor1.name if e.actor1 else "an unidentified actor"
    verb = _VERBS.get(e.sub_event_type, "was involved in")
    whom = f" {e.actor2.name}" if e.actor2 and verb.endswith((" with", " against", " from", " by")) else ""
    if e.actor2 and not whom and verb in ("attacked", "shelled", "abducted", "arrested"):
        whom = f" {e.actor2.name}"
    if not whom and verb.endswith((" with", " against", " from", " by")):
        verb = verb.rsplit(" ", 1)[0]
    where = ""
    if e.place:
        prep = "near" if e.place.precision == 2 else "in"
        admin = f" ({e.place.admin1})" if e.place.admin1 and e.place.admin1 != e.place.location else ""
        where = f" {prep} {e.place.location}{admin}, {e.place.country}"
    deaths = e.fatalities.best
    tail = f" {deaths} fatalit{'y' if deaths == 1 else 'ies'}." if deaths else ""
    return f"{when}, {who} {verb}{whom}{where}.{tail}"
