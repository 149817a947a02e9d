"""Write src/eventdesk/data/rules/name_words.json: personal names that the recaser's dictionary also
lists as common words, but that English text rarely uses as words ("Romero", "Ponce", "Flores",
"Pablo"). In wire copy in capitals, the recaser writes a dictionary word in lower case; these are
names when they stand next to a given name ("OSCAR ARNULFO ROMERO", "RENE EMILIO PONCE", "PABLO
ESCOBAR"). Read by eventdesk.stages.casing.

Sources:
- the given names and surnames of ``data/rules/person_names.json`` (US Census Bureau 1990 lists, public
  domain; see tools/build_person_names.py);
- the recaser's dictionary: the web2 word list of the ``english-words`` package (MIT), lower-case words;
- English word frequencies of ``wordfreq`` 3.1.1 (code Apache-2.0; its frequency data CC BY-SA 4.0,
  built from Wikipedia, subtitles, news, books, web text and more). Only the words under the Zipf
  threshold are written, a fact derived from that data; the file carries its attribution. wordfreq is
  not a dependency of eventdesk: install it to rebuild (``pip install wordfreq==3.1.1``).

Kept: a name (given name or surname) that web2 lists as a lower-case word (itself or, as the recaser
reads it, an inflection of one: "torres" from "torr") and whose English Zipf
frequency is under 4.0 (about one use in 100,000 words): "romero" 3.3, "flores" 3.3, "ponce" 2.9, not
"said" 6.0, "judge" 5.0, "rose" 4.8, "hope" 5.4 (words first, names sometimes).

Usage: python tools/build_name_words.py [--zipf 4.0] [--out src/eventdesk/data/rules/name_words.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--zipf", type=float, default=4.0)
    ap.add_argument("--out", type=Path, default=ROOT / "src/eventdesk/data/rules/name_words.json")
    args = ap.parse_args()
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    names = json.loads((ROOT / "src/eventdesk/data/rules/person_names.json").read_text(encoding="utf-8"))["lists"]
    given = {w.lower() for w in names["given_names"]["words"]}
    surnames = {w.lower() for w in names["surnames"]["words"]}
    common = {w for w in get_english_words_set(["web2"], alpha=True) if w.islower()}
    sys.path.insert(0, str(ROOT / "src"))
    from eventdesk.stages.casing import _stems  # the recaser's own reading of an inflected word

    def dictionary_word(w: str) -> bool:
        return w in common or any(s in common for s in _stems(w))

    rare = sorted(w for w in given | surnames if len(w) > 2 and dictionary_word(w) and zipf_frequency(w, "en") < args.zipf)
    doc = {
        "meta": {
            "version": "2026.12.07",
            "source": ("names of data/rules/person_names.json (US Census Bureau 1990, public domain) that the web2 "
                       "word list (english-words, MIT) also lists as lower-case words, kept when their English "
                       f"Zipf frequency in wordfreq 3.1.1 is under {args.zipf}; the frequencies are from wordfreq's "
                       "data (Robyn Speer, CC BY-SA 4.0: https://github.com/rspeer/wordfreq), so this derived list "
                       "is shared under CC BY-SA 4.0 too"),
            "built_by": "tools/build_name_words.py",
            "read_by": "eventdesk.stages.casing (a name word next to a given name is capitalised)",
        },
        "lists": {
            "rare_name_words": {
                "note": ("personal names the dictionary also lists as rare words ('romero', 'ponce', 'flores', "
                         "'pablo'): in a recased paragraph they are names when a given name stands next to them"),
                "words": rare,
            },
        },
    }
    args.out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(rare)} words to {args.out}")


if __name__ == "__main__":
    main()
