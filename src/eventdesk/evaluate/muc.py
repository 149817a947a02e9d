"""Scoring against MUC-4: whole wire reports and their answer-key templates (``../shared/eval/README.md``).

Each report is one article (see ``_muc_data``), run through the pipeline as a user would run it (the
default settings: undated events are not kept). Then, per report:

* **Scored templates**: stage ACCOMPLISHED, type ATTACK, BOMBING, KIDNAPPING or ARSON, not OPTIONAL:
  the incidents ACLED would code. Each maps to a family of ACLED types: BOMBING -> Explosions/Remote
  violence; KIDNAPPING -> Violence against civilians; ATTACK -> Violence against civilians, Battles
  or Explosions/Remote violence; ARSON -> Riots or Strategic developments (property destruction).
* **Recall**: a scored template is recalled when an extracted event of its family lies within a
  week of the key's date range (or the key gives no date). Templates and events are matched one to
  one, best agreement first (date, place, perpetrator, deaths).
* On recalled templates: **date** (inside the key's range; "- 21 JAN 89", on or before, means the two
  months before it, MUC's own "recent"), **location** (the key's finest named part, any alternative,
  against the event's place at the same level: a town or smaller against the location, a department
  or province against admin1 or the location, a country against the country; ``location_below_country``
  gives the same on keys that name something finer than a country), **perpetrator** (on templates
  whose key names a perpetrator organisation that is not optional: actor1 or an associated actor names
  any alternative of it, by name, acronym or a name the actor dictionary gives the same actor (the
  key's "ARMY OF NATIONAL LIBERATION" is ELN's); the key's state forces, "ARMY" or "NATIONAL POLICE",
  are ACLED's "Military Forces of X" / "Police Forces of X", and a criminal group it names by plain words
  only, "DRUG MAFIAS" or "DRUG TRAFFICKING RINGS", is ACLED's "Unidentified Gang (X)"), **deaths** (on templates whose key gives
  the number of its dead: the toll inside that number or range; no DEATH effect means 0).
* **False violent events**: reports whose key has no template at all, with at least one extracted
  event of a violent type other than Battles (MUC leaves army-guerrilla combat out, so a Battles
  event there is not necessarily wrong).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from eventdesk.evaluate._muc_data import MucReport, MucTemplate, read_keys, read_reports
from eventdesk.evaluate._scores import FieldScore, Runner, fold, one_to_one
from eventdesk.extract.actors._dictionary import ActorDictionary
from eventdesk.ingest import content_hash
from eventdesk.model import Article, ArticleResult, EventMention, Skipped

__all__ = ["MUC_FIELDS", "MucReportCard", "evaluate_muc", "match", "scored", "FAMILIES", "VIOLENT_NOT_BATTLES"]

MUC_FIELDS = ("recall", "date", "location", "perpetrator", "deaths")
SCORED_TYPES = ("ATTACK", "BOMBING", "KIDNAPPING", "ARSON")
VIOLENT_NOT_BATTLES = ("Violence against civilians", "Explosions/Remote violence", "Riots")
FAMILIES: dict[str, tuple[str, ...]] = {
    "BOMBING": ("Explosions/Remote violence",),
    "KIDNAPPING": ("Violence against civilians",),
    "ATTACK": ("Violence against civilians", "Battles", "Explosions/Remote violence"),
    "ARSON": ("Riots", "Strategic developments"),
}
_DATE_SLACK = 7
_STATE = (
    (re.compile(r"\b(POLICE|CARABINEROS|DETECTIVES|DIJIN|DAS)\b"), "police forces of"),
    (re.compile(r"\b(ARMY|ARMED FORCES|MILITARY|SOLDIERS?|TROOPS|AIR FORCE|NAVY|MARINES?|BATTALION|BRIGADE|"
                r"NATIONAL GUARD|SECURITY FORCES|GOVERNMENT FORCES)\b"), "military forces of"),
)


#: words after a group's name in a key that name its men or one of its units
_MEN_OR_UNIT = re.compile(r"(?:\s+(?:URBAN|MEMBERS?|FIGHTERS?|GUERRILLAS?|REBELS?|MILITANTS?|TERRORISTS?|COMMANDOS?|"
                          r"COLUMNS?|UNITS?|DETACHMENTS?|CELLS?|SQUADS?))+\s*$", re.IGNORECASE)


@dataclass
class MucReportCard:
    """The figures of one run over one or more MUC-4 sets."""

    sets: str
    reports: int = 0
    templates: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in MUC_FIELDS})
    extra: dict[str, FieldScore] = field(default_factory=dict)
    no_template_reports: int = 0
    false_violent_reports: int = 0
    events: int = 0
    errors_path: str = ""
    skipped: list[Skipped] = field(default_factory=list)  # reports the pipeline could not process

    @property
    def false_violent_rate(self) -> float:
        return self.false_violent_reports / self.no_template_reports if self.no_template_reports else 0.0

    def as_dict(self) -> dict:
        return {
            "kind": "muc",
            "sets": self.sets,
            "reports": self.reports,
            "scored_templates": self.templates,
            "events": self.events,
            "accuracy": {k: round(v.accuracy, 4) for k, v in self.fields.items()},
            "counts": {k: [v.correct, v.total] for k, v in self.fields.items()},
            "extra": {k: {"accuracy": round(v.accuracy, 4), "rows": v.total} for k, v in self.extra.items()},
            "no_template_reports": self.no_template_reports,
            "false_violent_reports": self.false_violent_reports,
            "false_violent_rate": round(self.false_violent_rate, 4),
            "errors_file": self.errors_path,
            "skipped": [{"origin": k.origin, "reason": k.reason} for k in self.skipped],
        }


def scored(t: MucTemplate) -> bool:
    return (not t.optional and "ACCOMPLISHED" in t.stages and any(x in SCORED_TYPES for x in t.types))


def evaluate_muc(folders: Sequence[str | Path], run: Runner, errors_path: str | Path,
                 limit: int | None = None) -> MucReportCard:
    reports: list[MucReport] = []
    keys: dict[str, list[MucTemplate]] = {}
    for folder in folders:
        got = read_reports(folder)
        reports.extend(got)
        keys.update(read_keys(folder, {r.id: r.published for r in got}))
    if limit:
        reports = reports[:limit]
    articles = [Article(id=r.id, raw=r.text, kind="text", origin=r.origin, content_hash=content_hash(r.text),
                        published=r.published, outlet="FBIS") for r in reports if r.text.strip()]
    outputs = list(run(articles))
    results = {r.clean.id: r for r in outputs if isinstance(r, ArticleResult)}
    # a report the pipeline could not process is scored as one with no event, and said so
    card = MucReportCard(" + ".join(Path(f).name for f in folders), reports=len(reports),
                         errors_path=str(errors_path), skipped=[r for r in outputs if isinstance(r, Skipped)])
    card.extra = {"location_below_country": FieldScore(), "recall_kidnapping": FieldScore(),
                  "recall_bombing": FieldScore(), "recall_attack": FieldScore(), "recall_arson": FieldScore(),
                  "template_reports_with_an_event": FieldScore()}
    with open(errors_path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["report", "template", "field", "gold", "predicted", "evidence"])
        for report in reports:
            res = results.get(report.id)
            events = list(res.events) if res else []
            card.events += len(events)
            templates = keys.get(report.id, [])
            text = res.clean.text if res else ""
            if not templates:
                card.no_template_reports += 1
                false = [e for e in events if e.event_type in VIOLENT_NOT_BATTLES]
                if false:
                    card.false_violent_reports += 1
                    for e in false:
                        out.writerow([report.id, "", "false_violent", "(no template)", _describe(e), _evidence(e, text)])
                continue
            _score_report(report, [t for t in templates if scored(t)], events, text, card, out)
        for skipped in card.skipped:
            out.writerow([skipped.origin.rsplit(":", 1)[-1], "", "skipped", "", skipped.reason, ""])
    return card

# a key that names a criminal group by plain words only ("DRUG MAFIAS", "MAFIA", "DRUG TRAFFICKING
# RINGS", "COCAINE TRAFFICKING ORGANIZATIONS"), no name of its own ("MEDELLIN CARTEL"): ACLED's
# "Unidentified Gang (X)", as the key's "ARMY" is "Military Forces of X"
_PLAIN_GANG = re.compile(
    r"(?=.*(?:DRUG|COCAINE|NARCO|MAFIA|CARTEL|GANG|TRAFFICK|CRIMINAL))"
    r"(?:(?:THE|CRIMINAL|DRUGS?|COCAINE|NARCOTICS?|DRUG-TRAFFICKING|NARCOTICS-TRAFFICKING|TRAFFICKING)\s+)*"
    r"(?:MAFIAS?|CARTELS?|RINGS?|GANGS?|ORGANIZATIONS?|TRAFFICKERS|NARCOTRAFFICKERS|NARCO-TRAFFICKERS)")


def _score_report(report: MucReport, templates: list[MucTemplate], events: list[EventMention], text: str,
                  card: MucReportCard, out) -> None:
    if templates:
        card.extra["template_reports_with_an_event"].total += 1
        card.extra["template_reports_with_an_event"].correct += bool(events)
    matched = match(templates, events)
    for ti, t in enumerate(templates):
        card.templates += 1
        e = matched.get(ti)
        kind = next(x for x in t.types if x in SCORED_TYPES).lower()
        _tally(card.fields["recall"], e is not None)
        _tally(card.extra[f"recall_{kind}"], e is not None)
        if e is None:
            out.writerow([report.id, t.number, "recall", _gold(t), _near_miss(t, events), ""])
            continue
        checks = {"date": _date_ok(t, e), "location": _location_ok(t, e)}
        if t.perp_orgs and not t.perp_orgs_optional:
            checks["perpetrator"] = _perp_ok(t, e)
        if t.deaths is not None:
            checks["deaths"] = t.deaths[0] <= e.fatalities.best <= t.deaths[1]
        if any(len(loc) > 1 for loc in t.locations):
            _tally(card.extra["location_below_country"], checks["location"])
        for name, ok in checks.items():
            _tally(card.fields[name], ok)
            if not ok:
                out.writerow([report.id, t.number, name, _gold_field(t, name), _pred_field(e, name),
                              _evidence(e, text)])


def match(templates: Sequence[MucTemplate], events: Sequence[EventMention]) -> dict[int, EventMention]:
    """Templates (by index) and the events that recall them, one to one, best agreement first, as many
    templates as the events can recall (a maximum matching: an event a template took by agreement goes
    to another template it may recall when that frees an event for a template with no other)."""
    paired = one_to_one(((_agreement(t, e), ti, ei) for ti, t in enumerate(templates) for ei, e in enumerate(events)
                         if _eligible(t, e)), maximum=True)
    return {ti: events[ei] for ti, ei in paired.items()}


def _tally(score: FieldScore, ok: bool) -> None:
    score.total += 1
    score.correct += bool(ok)


def _eligible(t: MucTemplate, e: EventMention) -> bool:
    families = {f for x in t.types if x in FAMILIES for f in FAMILIES[x]}
    if e.event_type not in families:
        return False
    if not t.dates:
        return True
    return e.date is not None and any(d.near(e.date.date, _DATE_SLACK) for d in t.dates)


def _agreement(t: MucTemplate, e: EventMention) -> int:
    score = 4 * _date_ok(t, e) + 2 * _location_ok(t, e)
    if t.perp_orgs:
        score += _perp_ok(t, e)
    if t.deaths is not None:
        score += t.deaths[0] <= e.fatalities.best <= t.deaths[1]
    return score


def _date_ok(t: MucTemplate, e: EventMention) -> bool:
    if e.date is None:
        return False
    return not t.dates or any(d.contains(e.date.date) for d in t.dates)


def _location_ok(t: MucTemplate, e: EventMention) -> bool:
    """The key's finest named part: a country-only key is matched by the event's country (its
    place's, or the one read without a place, ``EventMention.country``); a finer key needs a place."""
    country = e.country_name
    if country is None:
        return False
    p = e.place
    for alternative in t.locations:
        name, kind = alternative[-1]
        key = fold(name)
        if kind == "COUNTRY" or len(alternative) == 1:
            if key == fold(country):
                return True
            continue
        if p is None:
            continue
        # a city part is written "City-Part" (ACLED's "Lima-Miraflores"): the city or the part
        city, _, part = p.location.partition("-")
        ours = {fold(p.location), fold(city), fold(part)} - {""} if p.precision <= 2 else set()
        if kind in ("DEPARTMENT", "PROVINCE", "REGION", "STATE"):
            ours.add(fold(p.admin1))
        if key in ours:
            return True
    return False


def _perp_ok(t: MucTemplate, e: EventMention) -> bool:
    ours = [a for a in (e.actor1, *e.assoc_actor_1) if a is not None]
    if not ours:
        return False
    named = {a.name for a in ours}
    for names in t.perp_orgs:
        for name in names:
            if _known_as(name) in named:
                return True
            key = fold(name)
            # the key's words, each folded ("FMLN COLUMN" -> fmln, column): fold drops the spaces
            words = {fold(w) for w in re.split(r"[^A-Za-z0-9]+", name)} - {""}
            for actor in ours:
                full = actor.name.lower()
                acronym, _, long = actor.name.partition(":")
                candidates = {fold(actor.name), fold(acronym), fold(long)} - {""}
                # a short acronym matches a whole word of the key ("FMLN COLUMN", "THE FMLN [FARABUNDO
                # ...]"), never part of one
                if key and any(key == c or (len(key) > 5 and key in c) or (len(c) > 5 and c in key)
                               or c in words for c in candidates):
                    return True
                for pattern, prefix in _STATE:
                    if pattern.search(name) and full.startswith(prefix):
                        return True
                if full.startswith("unidentified gang") and _PLAIN_GANG.fullmatch(name.strip(' "\\')):
                    return True
    return False


@cache
def _known_as(name: str) -> str | None:
    """The actor the dictionary knows under the key's name ("ARMY OF NATIONAL LIBERATION" is "ELN:
    National Liberation Army"), in no particular country, or None; a key that names the group's men or
    unit after its name ("SENDERO LUMINOSO FIGHTERS", "FMLN URBAN COMMANDOS") names the group."""
    entry = _dictionary().lookup(name, None)
    if entry is None:
        short = _MEN_OR_UNIT.sub("", name)
        entry = _dictionary().lookup(short, None) if short and short != name else None
    return entry.name if entry is not None else None


@cache
def _dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def _gold(t: MucTemplate) -> str:
    dates = "/".join(f"{d.low or '..'}..{d.high}" for d in t.dates) or "-"
    place = " / ".join(": ".join(n for n, _ in loc) for loc in t.locations)
    return f"{'/'.join(t.types)} {dates} {place}"


def _gold_field(t: MucTemplate, name: str) -> str:
    if name == "date":
        return "/".join(f"{d.low or '..'}..{d.high}" for d in t.dates)
    if name == "location":
        return " / ".join(": ".join(f"{n} ({k})" for n, k in loc) for loc in t.locations)
    if name == "perpetrator":
        return " | ".join(" / ".join(n) for n in t.perp_orgs)
    return "-" if t.deaths is None else f"{t.deaths[0]}..{t.deaths[1]}"


def _pred_field(e: EventMention, name: str) -> str:
    if name == "date":
        return e.date.date.isoformat() if e.date else ""
    if name == "location":
        p, c = e.place, e.country
        if p is None:
            return "" if c is None else f"| | {c.name} (country only, from the {c.how})"
        return f"{p.location} | {p.admin1} | {p.country} (precision {p.precision})"
    if name == "perpetrator":
        return " + ".join(a.name for a in (e.actor1, *e.assoc_actor_1) if a is not None)
    return str(e.fatalities.best)


def _describe(e: EventMention) -> str:
    day = e.date.date.isoformat() if e.date else "?"
    where = e.place.location if e.place else f"({e.country.name})" if e.country else "?"
    return (f"{e.event_type} / {e.sub_event_type} {day} {where} "
            f"{e.actor1.name if e.actor1 else '-'} -> {e.actor2.name if e.actor2 else '-'} ({e.fatalities.best})")


def _near_miss(t: MucTemplate, events: list[EventMention]) -> str:
    return " || ".join(_describe(e) for e in events) or "(no event)"


def _evidence(e: EventMention, text: str) -> str:
    if not e.sentences or not text:
        return ""
    s = e.sentences[0]
    return text[s.start:s.end][:300]
