"""Villages, towns and city districts that cities500 lacks, from Who's On First (WOF).

``data/wof_places.tsv.gz`` (built by ``tools/build_wof_places.py``, provenance in
``data/wof_places.meta.json``) lists WOF's localities and neighbourhoods of a set of countries. They
enter the gazetteer as their own kind, "village", whose feature says what they are ("village" for a
locality, "district" for a neighbourhood or borough) and whose id starts "wof:", so that

- a lookup ranks them after every known town, district and province of the same name
  (`Gazetteer.lookup`);
- the rules that read towns (kind "city": a province's capital, a hint's town, a named town's
  point) never take one for a known town; and
- the place rules take one only with a place reading, in the article's country, inside the
  province or district the text names (`extract/places/choose.py`, `_plausible`).

A WOF place adds only the names its country does not know yet: a GeoNames town already in the
gazetteer (same GeoNames id) adds nothing, and neither does a name that a known town, district or
province of the same country bears (the known town keeps the name; a same-named hamlet elsewhere in
the country never takes it). A name that is only a word for a kind of place ("Barangay", "Poblacion",
"Goth"), or the name of a province or a country anywhere, is no key. Its first-level division is WOF's
hierarchy (the region's ISO 3166-2 code, else its name in any spelling eventdesk knows);
never the nearest town.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from eventdesk.gazetteer import _sources as src
from eventdesk.gazetteer._text import fold, name_key

__all__ = ["VILLAGE_PREFIX", "VILLAGE_FEATURES", "is_village", "add_villages"]

VILLAGE_PREFIX = "wof:"
_FEATURES = {"locality": "village", "localadmin": "village", "borough": "district", "macrohood": "district",
             "neighbourhood": "district", "microhood": "district"}
VILLAGE_FEATURES = frozenset(_FEATURES.values())
# Words for a kind of settlement that WOF records as a whole name (a Philippine "Barangay", a Sindhi
# "Goth"), besides the unit words of data/rules/place_words.json
_GENERIC_NAMES = frozenset({"barangay", "poblacion", "barrio", "colonia", "goth", "basti", "dera", "kili",
                            "qarya", "qaryat", "mahalla", "kebele", "kampung", "centro", "pueblo", "aldea",
                            "caserio", "hamlet", "village", "town", "city", "camp", "market", "station"})
_UNIT_LISTS = ("unit_words", "town_words", "district_words", "admin_words", "feature_words",
               "neighbourhood_words", "facility_words", "named_town_units", "directions", "months",
               "function_words")


def _generic_names() -> frozenset[str]:
    """Words that are no village's name on their own: `_GENERIC_NAMES` and place_words.json's units."""
    path = Path(__file__).resolve().parent.parent / "data" / "rules" / "place_words.json"
    try:
        lists = json.loads(path.read_text(encoding="utf-8"))["lists"]
    except (OSError, ValueError, KeyError) as exc:
        raise src.GazetteerError(f"cannot read the place words of {path} ({exc})") from exc
    words = {w.lower() for name in _UNIT_LISTS if name in lists for w in lists[name]["words"]}
    return frozenset(words | _GENERIC_NAMES)


def is_village(entry_id: str) -> bool:
    """Whether a gazetteer entry comes from the village source (ids "wof:<WOF id>")."""
    return entry_id.startswith(VILLAGE_PREFIX)


def add_villages(b, rows: Iterable[src.VillageRow], is_latin_name, clean_display) -> int:
    """Add the rows not already known to the builder ``b`` (a `_build._Builder`); returns how many.

    ``is_latin_name`` and ``clean_display`` are `_build`'s own name filters, passed in to keep one
    definition of what a usable Latin-script name is.
    """
    from eventdesk.gazetteer._build import CC, ID, KIND, NAME

    tables = b.tables
    entries = tables.entries
    known_geonames = {e[ID][9:] for e in entries if e[ID].startswith("geonames:")}
    admin1_by_code = {e[ID][7:]: n for n, e in enumerate(entries) if e[KIND] == "admin1"}
    shared: dict[str, str] = {}  # one string object per repeated value: the pickle stores it once
    generic = _generic_names()
    known = {(key, entries[n][CC]) for key, numbers in b.keys.items() for n in numbers
             if entries[n][KIND] != "country"}  # the names each country knows before the villages
    # a province's or a country's name anywhere is no village's key: "Marib" or "Akkar" in a text
    # keeps naming one province only, which is how the text's country is read
    reserved = {key for key, numbers in b.keys.items() if any(entries[n][KIND] == "admin1" for n in numbers)}
    reserved |= set(tables.country_keys) | set(tables.demonym_keys)
    added = 0
    for row in rows:
        if row.country not in tables.countries or (row.geonames_id and str(row.geonames_id) in known_geonames):
            continue
        display = clean_display(fold(row.name))
        names = [n for n in dict.fromkeys((row.name, *row.aliases))
                 if is_latin_name(n) and n.lower() not in generic]
        if not names or not is_latin_name(display) or display.lower() in generic:
            continue
        keys = {name_key(n) for n in names} - {""}
        if any((key, row.country) in known for key in keys):
            continue  # a known town, district or province of its country has that name
        names = [n for n in names if name_key(n) not in reserved]
        if not names:
            continue
        admin1 = ""
        number = admin1_by_code.get(row.admin1_code)
        if number is None and row.admin1:
            number = tables.admin1_names.get(f"{row.country}:{name_key(row.admin1)}")
        if number is not None and entries[number][CC] == row.country:
            admin1 = entries[number][NAME]
        elif number is not None:
            number = None
        feature = _FEATURES.get(row.placetype, "village")
        entry = (f"{VILLAGE_PREFIX}{row.wof_id}", display, "village", feature, row.country,
                 shared.setdefault(admin1, admin1), shared.setdefault(row.admin2, fold(row.admin2)),
                 row.latitude, row.longitude, row.population)
        b.add(entry, names)
        added += 1
    return added
