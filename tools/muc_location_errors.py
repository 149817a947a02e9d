"""Tally the location errors of a MUC-4 evaluation into kinds, to find the largest mechanisms.

Usage: python tools/muc_location_errors.py ERRORS_CSV [--examples KIND] [--limit N]

ERRORS_CSV is what ``eventdesk eval muc DIR --errors ERRORS_CSV`` writes (one row per failed field of
a recalled template: report, template, field, gold, predicted, evidence = the event's own sentences).
A location error's kind, first that fits:

- ``no place, key names only the country``: the event has no place, and every alternative of the key
  names only the country (the scorer matches such a key on the event place's country, so an event
  with no place can never match it);
- ``no place``: the event has no place (or only its country), the key names a town or a province;
- ``wrong country, key names only the country`` / ``wrong country``: the event's place lies in
  another country than the key's;
- ``key place in the sentence, another chosen``: the key's finest name is written in the event's
  sentences, and eventdesk chose another place there (or its homonym);
- ``key place not in the sentence``: the key's place is named elsewhere in the report (an earlier
  or later sentence, the paragraph, the dateline) or not at all.

Reads only the errors file, which the evaluation wrote from the key; nothing here feeds the pipeline.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter

KINDS = ("no place, key names only the country", "no place", "wrong country, key names only the country",
         "wrong country", "key place in the sentence, another chosen", "key place not in the sentence")
_PART = re.compile(r"([^:()/]+?)\s*\(([A-Z ]+)\)")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9 ]+", " ", text.lower()).strip()


def _alternatives(gold: str) -> list[list[tuple[str, str]]]:
    """The key's alternatives, each a list of (name, kind) from the country down."""
    return [parts for a in gold.split(" / ") if (parts := _PART.findall(a))]


def kind(gold: str, predicted: str, evidence: str) -> str:
    alternatives = _alternatives(gold)
    country_only = all(len(a) == 1 or a[-1][1].strip() == "COUNTRY" for a in alternatives)
    if not predicted.strip():
        return KINDS[0] if country_only else KINDS[1]
    # predicted: "Location | Admin1 | Country (precision N)"
    ours = _fold(predicted.rsplit("|", 1)[-1].split("(")[0])
    countries = {_fold(a[0][0]) for a in alternatives}
    if countries and ours not in countries:
        return KINDS[2] if country_only else KINDS[3]
    if "(country only" in predicted:  # "| | Peru (country only, from the dateline)": a country, no place
        return KINDS[1]
    said = f" {_fold(evidence)} "
    if any(f" {_fold(a[-1][0])} " in said for a in alternatives if len(a) > 1):
        return KINDS[4]
    return KINDS[5]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("errors")
    parser.add_argument("--examples", help="print the rows of this kind")
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args(argv)
    with open(args.errors, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["field"] == "location"]
    tally = Counter(kind(r["gold"], r["predicted"], r["evidence"]) for r in rows)
    print(f"{len(rows)} location errors")
    for name in KINDS:
        print(f"{tally[name]:5d}  {name}")
    if args.examples:
        shown = [r for r in rows if kind(r["gold"], r["predicted"], r["evidence"]) == args.examples]
        for r in shown[:args.limit]:
            print(f"-- {r['report']} {r['template']} | {r['gold']} | {r['predicted']} | {r['evidence'][:240]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
