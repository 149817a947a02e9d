"""How many of the dev gold's place names the gazetteer knows (issue 16: "say what coverage a larger
gazetteer adds, measured on the place names of the dev gold").

Counts, over the distinct (country, place name) pairs of ``acled_dev.csv``'s ``location`` column (rows
outside Kenya and all rows) and the finest location of every MUC-4 dev key template, the share that
``Gazetteer.lookup`` finds in the right country (a "City-Part" location counts when its city is known).
Reads only the gold's place names and countries, never a coordinate or a province.

Usage: python tools/gazetteer_coverage.py [--shared ../shared] [--cache-dir DIR]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventdesk.evaluate._muc_data import read_keys, read_reports  # noqa: E402
from eventdesk.gazetteer import Gazetteer  # noqa: E402


def _known(gaz: Gazetteer, name: str, country: str) -> bool:
    iso = gaz.country_code(country) if country else None
    for candidate in (name, name.split("-")[0]):
        if any(iso is None or e.country_code == iso for e in gaz.lookup(candidate, country or None)):
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--cache-dir", default=None)
    args = parser.parse_args()
    started = time.perf_counter()
    gaz = Gazetteer.load(args.cache_dir)
    print(f"{gaz.summary()} (loaded in {time.perf_counter() - started:.1f} s)")
    rows = list(csv.DictReader(open(Path(args.shared) / "eval" / "acled_dev.csv", encoding="utf-8")))
    for label, keep in (("ACLED dev, outside Kenya", lambda r: r["country"] != "Kenya"), ("ACLED dev, all", lambda r: True)):
        pairs = {(r["country"], r["location"]) for r in rows if keep(r)}
        weights = sum(1 for r in rows if keep(r))
        found = {p for p in pairs if _known(gaz, p[1], p[0])}
        row_share = sum(1 for r in rows if keep(r) and (r["country"], r["location"]) in found) / weights
        print(f"{label}: {len(found)}/{len(pairs)} distinct place names known ({len(found) / len(pairs):.1%}); "
              f"{row_share:.1%} of {weights} rows")
    folder = Path(args.shared) / "eval" / "muc4" / "dev"
    reports = read_reports(folder)
    keys = read_keys(folder, {r.id: r.published for r in reports})
    names = set()
    for templates in keys.values():
        for t in templates:
            for alternative in t.locations:
                if len(alternative) > 1:  # below the country: (country, ..., finest)
                    names.add((alternative[0][0].title(), alternative[-1][0].title()))
    found = {p for p in names if _known(gaz, p[1], p[0])}
    print(f"MUC-4 dev keys, finest location below the country: {len(found)}/{len(names)} known "
          f"({len(found) / len(names):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
