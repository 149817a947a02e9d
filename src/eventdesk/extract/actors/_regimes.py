"""A state force's regime years, from the article's year (``data/state_regimes.csv``).

ACLED names a state force with the years of the regime in power on the event's date: "Police
Forces of Kenya (2002-2013)" in 2010, "(2013-2022)" in 2015; a rival government keeps its own
("Military Forces of Yemen (2016-) Supreme Political Council"). The dictionary names some forces
with the years of the regime its row was written for ("Police Forces of Kenya (2013-) General
Service Unit"); `Regimes.name` rewrites those years when another regime was in power in the
article's year. The generic state forces ("Police Forces of Kenya") carry no years and keep none
(the evaluation ignores the years, and the names the rest of the pipeline builds carry none either).
A country the table does not list keeps the name it was given; a listed country in a year no row
covers loses the years (the regime is not known). Private: the dictionary loads it
(``ActorDictionary.regimes``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Regime", "Regimes"]

_STATE = re.compile(r"^(Military Forces|Police Forces|Government) of (the )?(.+)$")
_YEARS = re.compile(r"^ \((\d{4})?-(\d{4})?\)")


@dataclass(frozen=True)
class Regime:
    country: str
    faction: str  # "" for the recognised government
    first: int
    last: int | None  # None: still in power
    source: str

    def label(self) -> str:
        return f"({self.first}-{self.last if self.last is not None else ''})"

    def holds(self, year: int) -> bool:
        # the year a regime ends belongs to its successor, so each year has one regime
        return self.first <= year and (self.last is None or year < self.last)


class Regimes:
    """The regimes of ``data/state_regimes.csv``, by country."""

    def __init__(self, rows: Iterable[Regime]):
        self._rows: dict[str, list[Regime]] = {}
        for r in rows:
            self._rows.setdefault(r.country, []).append(r)
        # the longest country first: "Democratic Republic of Congo" before "Congo"
        self._countries = sorted(self._rows, key=len, reverse=True)

    @classmethod
    def from_csv(cls, text: str) -> "Regimes":
        rows = []
        for r in csv.DictReader(io.StringIO(text)):
            rows.append(Regime(r["country"].strip(), r["faction"].strip(), int(r["first"]),
                               int(r["last"]) if r["last"].strip() else None, r["source"].strip()))
        return cls(rows)

    def in_power(self, country: str, year: int, faction: str = "") -> Regime | None:
        return next((r for r in self._rows.get(country, ()) if r.faction == faction and r.holds(year)), None)

    def name(self, name: str, year: int | None) -> str:
        """``name`` with the years of the regime in power in ``year`` when the years it carries are
        another regime's ("Police Forces of Kenya (2013-) General Service Unit" in 2008 -> "Police
        Forces of Kenya (2002-2013) General Service Unit"); a name without years (the generic state
        forces), a name whose years are the regime's in power, other names, and any name when the
        year is unknown, unchanged."""
        m = _STATE.match(name)
        if year is None or m is None:
            return name
        prefix, article, rest = m.groups()
        country = next((c for c in self._countries if rest == c or rest.startswith(c + " ")), None)
        if country is None:
            return name
        tail = rest[len(country):]
        years = _YEARS.match(tail)
        if years is None:
            return name
        unit = tail[years.end():].strip()
        factions = {r.faction for r in self._rows[country]}
        faction = unit if unit in factions else ""
        regime = self.in_power(country, year, faction)
        if regime is None and faction:
            return name  # a rival government before it formed: not ours to rename
        if regime is not None and years.group(1) and int(years.group(1)) == regime.first:
            return name  # the regime in power, as the name was written ("(2018-)" while it held)
        head = f"{prefix} of {article or ''}{country}"
        label = f" {regime.label()}" if regime is not None else ""
        return f"{head}{label}{' ' + unit if unit else ''}"
