"""Build ``src/eventdesk/data/actors_kb.csv`` from UCDP's Armed Conflict Dataset and the curated rows.

Usage::

    python tools/actors_kb/build.py UCDP_ACD_CSV [--out src/eventdesk/data/actors_kb.csv]

Inputs:

* ``UCDP_ACD_CSV``: the UCDP/PRIO Armed Conflict Dataset, version 22.1 (``ucdp-prio-acd-221.csv``,
  https://ucdp.uu.se/downloads/, CC BY 4.0). It is not committed: fetch it from UCDP (the copy used for
  version 2025.1 was the one republished at github.com/Bvlampe/CCIP_seminar_paper, commit
  94f1fae74d64b0f2287a4782a55844d23547144f, file sha256 recorded in ``actors_kb.meta.json``).
  Every non-state side (``side_b``) of an intrastate or internationalised intrastate conflict becomes a
  rebel-group row (ACLED inter 2) in the conflict's country, active in the years UCDP records.
* ``tools/actors_kb/curated.csv``: rows written by hand from public encyclopaedic knowledge, each with
  its source. A curated row whose ``ucdp`` column names a UCDP side (``Name@Location``) replaces that
  side: the hand-written row gives the ACLED-style name and news aliases, UCDP the years.
* ``tools/actors_kb/state_units.csv``: units of state forces with their own names ("Prison Guards",
  Myanmar's "Border Guard Police"), each with its source; one row per unit and country it is listed
  for (every country when none is listed), named "<Police|Military> Forces of X <unit>" after the
  ACLED Codebook's unit convention and matched only in that country.
* ``src/eventdesk/data/acled_countries.csv``: the state forces naming rule, one
  "Military Forces of X" and one "Police Forces of X" row per country (no aliases: the generic
  state-force rules of the actor stage name them from the article's words).

Dropped from UCDP: military factions (coups), "Government of", opposition coalitions and the
generic "X insurgents" sides, and bare acronyms of two letters or that are a common English word
(web2 word list and spaCy's stop words, as the recaser uses), which would match ordinary words.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / "src" / "eventdesk" / "data"
CURATED = Path(__file__).with_name("curated.csv")
UNITS = Path(__file__).with_name("state_units.csv")
COLUMNS = ["id", "name", "inter", "countries", "aliases", "years", "source"]
UCDP_SOURCE = "UCDP/PRIO Armed Conflict Dataset 22.1 (CC BY 4.0)"

# UCDP location -> ACLED country name
COUNTRY = {
    "Myanmar (Burma)": "Myanmar", "DR Congo (Zaire)": "Democratic Republic of Congo",
    "Yemen (North Yemen)": "Yemen", "South Yemen": "Yemen", "Russia (Soviet Union)": "Russia",
    "Cambodia (Kampuchea)": "Cambodia", "Zimbabwe (Rhodesia)": "Zimbabwe",
    "Madagascar (Malagasy)": "Madagascar", "Hyderabad": "India", "South Vietnam": "Vietnam",
    "Bosnia-Herzegovina": "Bosnia and Herzegovina", "Serbia (Yugoslavia)": "Serbia",
    "Congo": "Republic of Congo", "United States of America": "United States",
    "Macedonia, FYR": "North Macedonia", "Surinam": "Suriname",
}
SKIP = re.compile(r"^(?:Military [Ff]action|Government of|Opposition coalition)|insurgents$")
# UCDP sides whose name is a place or a generic phrase in news text, or that actors.csv names otherwise
SKIP_NAMES = frozenset({"Tibet", "Presidential guard", "Popular Front", "Taleban", "Royalists", "Contras",
                        "National Front", "Mukti Bahini"})


def split_sides(value: str) -> list[str]:
    """UCDP joins several sides with ", "; a name may hold a comma inside parentheses."""
    out: list[str] = []
    for piece in value.split(", "):
        if out and out[-1].count("(") > out[-1].count(")"):
            out[-1] += ", " + piece
        else:
            out.append(piece)
    return [p.strip() for p in out if p.strip()]


def common_words() -> frozenset[str]:
    from english_words import get_english_words_set
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in get_english_words_set(["web2"], alpha=True)) | frozenset(STOP_WORDS)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def ucdp_sides(path: Path, countries: set[str]) -> dict[tuple[str, str], set[int]]:
    sides: dict[tuple[str, str], set[int]] = defaultdict(set)
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["type_of_conflict"] not in ("3", "4"):  # intrastate, internationalised intrastate
                continue
            location = r["location"].split(", ")[0]
            country = COUNTRY.get(location, location)
            if country not in countries:
                sys.exit(f"unknown UCDP location {location!r}: add it to COUNTRY")
            for name in split_sides(r["side_b"]):
                sides[(name, country)].add(int(r["year"]))
    return sides


def years(span: set[int]) -> str:
    return f"{min(span)}-{max(span)}" if span else ""


def state_units(acled: list[str], countries: set[str]) -> list[dict[str, str]]:
    """One row per unit of ``state_units.csv`` and country it is listed for (every country when
    its ``countries`` is empty): "Police Forces of Peru Prison Guards", matched only in its own
    country (the actor stage adds the regime's years)."""
    from eventdesk.extract.actors._generic import with_article

    out = []
    with UNITS.open(encoding="utf-8") as f:
        for u in csv.DictReader(f):
            listed = [c for c in u["countries"].split("|") if c] or acled
            for country in listed:
                if country not in countries:
                    sys.exit(f"state unit {u['unit']!r}: unknown country {country!r}")
                out.append({"id": f"state-unit-{slug(u['unit'])}-{slug(country)}",
                            "name": f"{u['force']} Forces of {with_article(country)} {u['unit']}", "inter": "1",
                            "countries": country, "aliases": u["aliases"], "years": "", "source": u["source"]})
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("acd", type=Path)
    ap.add_argument("--out", type=Path, default=DATA / "actors_kb.csv")
    args = ap.parse_args(argv)

    with (DATA / "acled_countries.csv").open(encoding="utf-8") as f:
        acled = [r["country"] for r in csv.DictReader(f)]
    countries = set(acled)
    sides = ucdp_sides(args.acd, countries)
    common = common_words()

    rows: list[dict[str, str]] = []
    used: set[tuple[str, str]] = set()
    with CURATED.open(encoding="utf-8") as f:
        curated = list(csv.DictReader(f))
    covered: dict[str, set[str]] = defaultdict(set)  # country -> lower-case aliases of curated rows
    for c in curated:
        for country in c["countries"].split("|"):
            if country and country not in countries:
                sys.exit(f"curated row {c['id']}: unknown country {country!r}")
            covered[country].update(a.lower() for a in c["aliases"].split("|"))
        span = c["years"]
        if c["ucdp"]:
            name, _, location = c["ucdp"].partition("@")
            key = (name, COUNTRY.get(location, location))
            if key not in sides:
                sys.exit(f"curated row {c['id']}: no UCDP side {c['ucdp']!r}")
            used.add(key)
            span = span or years(sides[key])
        rows.append({"id": c["id"], "name": c["name"], "inter": c["inter"], "countries": c["countries"],
                     "aliases": c["aliases"], "years": span, "source": c["source"]})

    for (name, country), span in sorted(sides.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if (name, country) in used or SKIP.search(name) or name in SKIP_NAMES or name.lower() in covered[country]:
            continue
        bare = re.sub(r"[^A-Za-z]", "", name)
        if name.isupper() and (len(bare) <= 2 or name.lower() in common):
            continue
        rows.append({"id": f"ucdp-{slug(name)}-{slug(country)}", "name": name, "inter": "2",
                     "countries": country, "aliases": name, "years": years(span),
                     "source": f"{UCDP_SOURCE}: side_b {name!r} in {country}"})

    for country in acled:
        for kind in ("Military", "Police"):
            rows.append({"id": f"state-{kind.lower()}-{slug(country)}", "name": f"{kind} Forces of {country}",
                         "inter": "1", "countries": country, "aliases": "", "years": "",
                         "source": "ACLED Codebook state forces naming convention"})
    rows.extend(state_units(acled, countries))

    ids = [r["id"] for r in rows]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        sys.exit(f"duplicate ids: {sorted(dupes)}")
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    groups = sum(1 for r in rows if r["inter"] != "1" and r["aliases"])
    print(f"{args.out}: {len(rows)} rows, {groups} non-state groups with aliases; "
          f"UCDP input sha256 {hashlib.sha256(args.acd.read_bytes()).hexdigest()}")


if __name__ == "__main__":
    main()
