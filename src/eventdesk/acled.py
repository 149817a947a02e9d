"""The ``acled`` export profile: ACLED's current columns, in ACLED's order and spelling, then
eventdesk's own columns, so a file drops in where an ACLED export goes.

ACLED's columns are filled from the event (the inter codes of its actors, their two-digit
``interaction``, the ``disorder_type`` of its sub-event type, ``civilian_targeting``, the country's
numeric ``iso`` and ACLED ``region``) and from the store (``event_id_cnty``: ISO3 + a number per
country, stable and never given twice; ``timestamp``: when the event last changed, unix seconds).
What eventdesk does not know is left empty: ``admin3``, ``source_scale`` and ``tags``. The inter
codes and ``interaction`` are ACLED's numbers (as in the 31-column exports; ACLED's newest exports
spell the same categories out as text).

Rules are data: ``data/acled_countries.csv`` (iso, region) and ``data/acled_disorder.csv``
(disorder type per sub-event type), each with a ``.meta.json`` naming its sources.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from eventdesk.model import Event

__all__ = ["ACLED_COLUMNS", "EXTRA_COLUMNS", "PROFILE_COLUMNS", "AcledKey", "AcledTables", "acled_row",
           "interaction", "keys_in_order"]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
"""ACLED's export columns, in ACLED's order."""

EXTRA_COLUMNS: tuple[str, ...] = (
    "fatalities_low", "fatalities_high", "source_count", "independent_sources", "article_ids", "disputed",
    "evidence", "confidence", "reviewed", "event_id",
)
"""eventdesk's own columns, after ACLED's: the death-toll range, sources, disagreement, evidence,
confidence, reviewed fields and the stable eventdesk id."""

PROFILE_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS

CIVILIANS = 7
"""ACLED's inter code of civilians."""


@dataclass(frozen=True)
class CountryCodes:
    iso3: str
    iso: int
    region: str


@dataclass(frozen=True)
class AcledTables:
    """The data the profile is filled from: codes per country name, disorder type per sub-event type."""

    countries: Mapping[str, CountryCodes]
    disorder: Mapping[tuple[str, str], str]

    @classmethod
    def load(cls) -> AcledTables:
        def rows(name: str) -> list[dict[str, str]]:
            text = resources.files("eventdesk").joinpath("data", name).read_text(encoding="utf-8")
            return list(csv.DictReader(io.StringIO(text)))

        countries = {r["country"]: CountryCodes(r["iso3"], int(r["iso"]), r["region"])
                     for r in rows("acled_countries.csv")}
        disorder = {(r["event_type"], r["sub_event_type"]): r["disorder_type"] for r in rows("acled_disorder.csv")}
        return cls(countries, disorder)

    def iso3(self, country: str) -> str | None:
        codes = self.countries.get(country)
        return None if codes is None else codes.iso3


@dataclass(frozen=True)
class AcledKey:
    """What the store holds for one event: its ``event_id_cnty`` and when it last changed."""

    event_id_cnty: str
    timestamp: int | None


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction code: the lower inter code first (17: state forces and
    civilians); a one-sided event ends in 0 (60: protesters alone)."""
    if not inter1 or not inter2:
        return (inter1 or inter2) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def keys_in_order(events: Iterable[Event], tables: AcledTables) -> list[tuple[str, str]]:
    """``(event_id, iso3)`` of the events that have a country ACLED codes, in export order (date,
    then id), the order in which new ``event_id_cnty`` numbers are given."""
    placed = [e for e in events if tables.iso3(e.fields.country_name or "")]  # a country-only event too
    placed.sort(key=lambda e: (e.fields.date is None, e.fields.date.date.isoformat() if e.fields.date else "",
                               e.event_id))
    return [(e.event_id, tables.iso3(e.fields.country_name or "") or "") for e in placed]


def unix_seconds(when: dt.datetime | None) -> int | None:
    return None if when is None else int(when.timestamp())


def acled_row(event: Event, row: Mapping[str, Any], key: AcledKey | None, tables: AcledTables) -> dict[str, Any]:
    """One event in ``PROFILE_COLUMNS`` order; ``row`` is its ``export.event_row`` (the reviewed
    values, formatted as in the eventdesk profile). Text is ``""`` when absent and numbers ``None``."""
    f = event.fields
    inter1 = f.actor1.inter if f.actor1 else 0
    inter2 = f.actor2.inter if f.actor2 else 0
    codes = tables.countries.get(row["country"])
    disorder = tables.disorder.get((row["event_type"], row["sub_event_type"]), "")
    targeting = "Civilian targeting" if "Political violence" in disorder and inter2 == CIVILIANS else ""
    date = row["event_date"]
    out: dict[str, Any] = {
        "event_id_cnty": key.event_id_cnty if key else "",
        "event_date": date,
        "year": None if date is None else int(date[:4]),
        "time_precision": row["time_precision"],
        "disorder_type": disorder,
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "actor1": row["actor1"],
        "assoc_actor_1": row["assoc_actor_1"],
        "inter1": inter1,
        "actor2": row["actor2"],
        "assoc_actor_2": row["assoc_actor_2"],
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": targeting,
        "iso": None if codes is None else codes.iso,
        "region": "" if codes is None else codes.region,
        "country": row["country"],
        "admin1": row["admin1"],
        "admin2": row["admin2"],
        "admin3": "",
        "location": row["location"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "geo_precision": row["geo_precision"],
        "source": row["source"],
        "source_scale": "",
        "notes": row["notes"],
        "fatalities": row["fatalities"],
        # what a row with a country and no place is: ACLED's geo_precision has no country level
        "tags": "geo: country only" if row["country_how"] else "",
        "timestamp": key.timestamp if key else None,
    }
    out.update((name, row[name]) for name in EXTRA_COLUMNS)
    return out
