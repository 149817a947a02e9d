"""Disagreements and coordination, stated in words from an event's claims ledger.

Each function returns ``(sentence, article ids it rests on)``; ``compose`` turns the ids into
numbered citations. Outlets come from ``Event.sources`` (the article id when the outlet is unknown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from eventdesk.model import Claim, Event
from eventdesk.report._types import long_date

__all__ = ["FIELD_WORDS", "disagreements", "coordination", "doubted_coordination"]

FIELD_WORDS: dict[str, str] = {
    "fatalities": "the death toll",
    "event_date": "the date",
    "location": "the place",
    "actor1": "who carried it out",
    "actor2": "whom it was directed at",
    "event_type": "what happened",
    "coordinated_with": "who it was coordinated with",
}

Stated = tuple[str, tuple[str, ...]]


def _outlets(event: Event) -> dict[str, str]:
    return {s.article_id: s.outlet or s.article_id for s in event.sources}


def _value(claim: Claim) -> str:
    if claim.stance == "unknown" or not claim.value:
        return "unknown"
    if claim.field == "event_date":
        try:
            return long_date(dt.date.fromisoformat(claim.value))
        except ValueError:
            return claim.value
    return claim.value


def _who(claim: Claim, outlet: str) -> str:
    """``Diyaruna, attributed to Yahya Rasul``; ``Rudaw, doubted by Arnaud Delalande``; ``Antiwar.com``."""
    speaker = claim.speaker.strip()
    said = {"attributed": "attributed to", "doubted": "doubted by", "denied": "denied by"}.get(claim.stance)
    if said and speaker:
        text = f"{outlet}, {said} {speaker}"
    elif claim.stance in ("doubted", "denied"):
        text = f"{outlet}, {claim.stance}"
    else:
        text = outlet
    return text + (", revised" if claim.revised else "")


def _order(field: str, value: str) -> tuple:
    """Known values first (death tolls from lowest to highest), "unknown" last."""
    if value == "unknown":
        return (2, 0, "")
    if field == "fatalities" and value.isdigit():
        return (0, int(value), "")
    return (1, 0, "")


def _grouped(claims: Iterable[Claim], outlets: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """value -> [(article id, who says it)], each description once. When an outlet gives a value
    both with a named speaker and without one, only the named ones are kept."""
    groups: dict[str, dict[str, list[tuple[str, bool]]]] = {}
    for claim in claims:
        article = claim.span.article_id
        who = (_who(claim, outlets.get(article, article)), bool(claim.speaker.strip()))
        said = groups.setdefault(_value(claim), {}).setdefault(article, [])
        if who not in said:
            said.append(who)
    out: dict[str, list[tuple[str, str]]] = {}
    for value, by_article in groups.items():
        rows: list[tuple[str, str]] = []
        for article, said in by_article.items():
            named = [w for w, has_speaker in said if has_speaker]
            rows.extend((article, w) for w in dict.fromkeys(named or [w for w, _ in said]))
        out[value] = rows
    return out


def _ids(rows: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(article for article, _ in rows))


def disagreements(event: Event) -> list[Stated]:
    """One sentence per disputed field: ``Sources disagree on the death toll: 36 (Diyaruna,
    attributed to Yahya Rasul) vs. unknown (Antiwar.com).``"""
    outlets = _outlets(event)
    out: list[Stated] = []
    for field in event.disputed:
        claims = [c for c in event.claims if c.field == field]
        if not claims:
            out.append((f"Sources disagree on {FIELD_WORDS.get(field, field)}.",
                        tuple(s.article_id for s in event.sources)))
            continue
        groups = _grouped(claims, outlets)
        values = sorted(groups, key=lambda v: (_order(field, v), list(groups).index(v)))
        parts = [f"{value} ({'; '.join(w for _, w in groups[value])})" for value in values]
        text = f"Sources disagree on {FIELD_WORDS.get(field, field)}: {' vs. '.join(parts)}."
        out.append((text, _ids(row for value in values for row in groups[value])))
    return out


def coordination(event: Event) -> Stated | None:
    """Who the operation is said to have been coordinated with, and by whom (claims that are
    doubted or denied are left to ``doubted_coordination``)."""
    claims = [c for c in event.claims if c.field == "coordinated_with" and c.stance in ("asserted", "attributed")]
    if not claims:
        return None
    groups = _grouped(claims, _outlets(event))
    parts = [f"{value} ({'; '.join(w for _, w in rows)})" for value, rows in groups.items()]
    return ("Reported as coordinated with " + ", ".join(parts) + ".",
            _ids(row for rows in groups.values() for row in rows))


def doubted_coordination(event: Event) -> list[Stated]:
    """``Coordination with Government of Syria is reported by ... but doubted by Arnaud Delalande
    (Rudaw).`` for each partner a source doubts or denies."""
    outlets = _outlets(event)
    claims = [c for c in event.claims if c.field == "coordinated_with"]
    out: list[Stated] = []
    partners = dict.fromkeys(c.value for c in claims if c.stance in ("doubted", "denied") and c.value)
    for partner in partners:
        said = [c for c in claims if c.value == partner and c.stance in ("asserted", "attributed")]
        against = [c for c in claims if c.value == partner and c.stance in ("doubted", "denied")]
        against_rows = _grouped(against, outlets).get(partner, [])
        said_rows = _grouped(said, outlets).get(partner, [])
        verb = "denied" if all(c.stance == "denied" for c in against) else "doubted"
        doubters = "; ".join(_doubter(w, verb) for _, w in against_rows)
        if said_rows:
            text = (f"Coordination with {partner} is reported by {'; '.join(w for _, w in said_rows)} "
                    f"but {verb} by {doubters}.")
        else:
            text = f"Coordination with {partner} is {verb} by {doubters}."
        out.append((text, _ids(said_rows + against_rows)))
    return out


def _doubter(who: str, verb: str) -> str:
    """``Rudaw, doubted by Arnaud Delalande`` -> ``Arnaud Delalande (Rudaw)``; ``Rudaw, doubted`` -> ``Rudaw``."""
    for said in (", doubted by ", ", denied by "):
        if said in who:
            outlet, speaker = who.split(said, 1)
            return f"{speaker} ({outlet})"
    for said in (", doubted", ", denied"):
        if who.endswith(said):
            return who[: -len(said)]
    return who
