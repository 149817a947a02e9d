"""Numbers in news text: tokens with offsets, numbers in words and digits, and the quantity
phrases a death count can take ("at least 12", "up to 30", "dozens", "two to four").

Private to the fatalities stage; split out so each module keeps one job.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from eventdesk.rules import vague_counts, word_list

__all__ = ["Token", "tokenize", "parse_number", "is_excluded_number", "quantity_at", "MONTHS"]


def quantity_at(tokens: list[Token], j: int) -> tuple[int | None, int | None, int | None, str, int] | None:
    """Parse a quantity at token j: (best, low, high, how, end) or None.

    ``best`` None means a vague quantity (several, an unknown number) that the caller maps to 3 or 10.
    """
    if j >= len(tokens):
        return None
    words = [t.low for t in tokens[j : j + 5]]
    first = words[0]
    if first in ("the", "both") and len(words) > 1 and (first == "both" or parse_number(words[1]) is not None):
        return (None, None, None, "anaphor", j + (1 if first == "both" else 2))
    if first == "between" and len(tokens) > j + 3 and tokens[j + 2].low == "and":
        lo, hi = parse_number(tokens[j + 1].low), parse_number(tokens[j + 3].low)
        if lo is not None and hi is not None and hi > lo:
            return (lo, lo, hi, "range", j + 4)
    modifier, k = _modifier(words)
    n_idx = j + k
    if n_idx >= len(tokens):
        return None
    num_word = tokens[n_idx].low
    if num_word in VAGUE_WORDS:
        value = VAGUE_WORDS[num_word]
        end = n_idx + 1
        if end < len(tokens) and tokens[end].low == "of":
            end += 1
        if value is None:
            return (None, None, None, "vague", end)
        return (value, value, None, f"vague-word:{num_word}", end)
    phrase = _vague_phrase(tokens, n_idx)
    if phrase is not None:
        return (None, None, None, "vague", phrase)
    n = parse_number(num_word)
    if n is not None and not is_excluded_number(tokens, n_idx):
        return _ranged(tokens, n_idx, n, modifier)
    if num_word in ("a", "an", "one", "another", "his", "her", "their", "its", "the") and modifier == "":
        if is_excluded_number(tokens, n_idx):
            return None
        if n_idx + 1 < len(tokens) and tokens[n_idx + 1].low in ("number", "few", "dozen"):
            if tokens[n_idx + 1].low == "dozen":
                return (12, 12, 12, "exact", n_idx + 2)
            return (None, None, None, "vague", n_idx + 3)
        if num_word == "one":
            return (1, 1, 1, "exact", n_idx + 1)
        return (1, 1, 1, "definite" if num_word == "the" else "singular", n_idx + 1)
    return None


def _modifier(words: list[str]) -> tuple[str, int]:
    """Leading 'at least' / 'up to' / 'more than' and how many words it takes."""
    two = " ".join(words[:2])
    three = " ".join(words[:3])
    if three in ("as many as", "an estimated of"):
        return "upto", 3
    if three == "a total of":  # "a total of 12 people were killed"
        return "", 3
    if two in ("at least", "more than", "over a", "no fewer", "not less"):
        return "atleast", 2
    if two in ("up to", "as many"):
        return "upto", 2
    if words[0] in _APPROXIMATORS:
        if words[0] == "an" and len(words) > 1 and words[1] == "estimated":
            return "approx", 2
        if words[0] == "some" and (len(words) < 2 or parse_number(words[1]) is None):
            return "", 0
        if words[0] == "an":
            return "", 0
        return ("atleast" if words[0] == "over" else "approx"), 1
    return "", 0


def _ranged(tokens: list[Token], n_idx: int, n: int, modifier: str) -> tuple[int, int | None, int | None, str, int]:
    """Handle 'N to M' / 'N-M' / 'between N and M' after a number."""
    end = n_idx + 1
    if end + 1 < len(tokens) and tokens[end].low in ("to", "-", "or") :
        m = parse_number(tokens[end + 1].low)
        if m is not None and m > n and not is_excluded_number(tokens, end + 1):
            return (n, n, m, "range", end + 2)
    if modifier == "atleast":
        return (n, n, None, "at least", end)
    if modifier == "upto":
        return (n, None, n, "up to", end)
    if modifier == "approx":
        return (n, None, None, "approx", end)
    return (n, n, n, "exact", end)


def _vague_phrase(tokens: list[Token], j: int) -> int | None:
    """'an unknown number of' / 'an unspecified number of' / 'a number of': returns the end."""
    words = [t.low for t in tokens[j : j + 5]]
    for size in (5, 4, 3):
        if len(words) >= size and words[size - 1] == "of" and words[size - 2] == "number":
            if words[0] in _VAGUE_OPENERS:
                return j + size
    return None


# --- tokens and numbers --------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    """A word, number or punctuation mark with its article offsets; ``low`` is lower-cased."""

    text: str
    low: str
    start: int
    end: int


_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|(?:[A-Za-z]\.){2,}(?![A-Za-z])|[A-Za-z]+(?:['\u2019-][A-Za-z]+)*|[^\sA-Za-z\d]")
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}
# Vague words with ACLED's fixed figures; None = "several"-like, decided by the war-zone rule
# (data/rules/vague_counts.json, each figure with its source).
VAGUE_WORDS: Mapping[str, int | None] = vague_counts()
# month names (a number next to one is a date) and the words that make a number a measure, an age
# or an ordinal: data/rules/toll_words.json
_MONTHS: frozenset[str] = word_list("toll_words.json", "months")  # type: ignore[assignment]
_UNIT_AFTER: frozenset[str] = word_list("toll_words.json", "unit_after")  # type: ignore[assignment]
_APPROXIMATORS: frozenset[str] = word_list("toll_words.json", "approximators")  # type: ignore[assignment]
_VAGUE_OPENERS: frozenset[str] = word_list("toll_words.json", "vague_number_openers")  # type: ignore[assignment]
_NOT_A_COUNT_AFTER: frozenset[str] = word_list("toll_words.json", "not_a_count_after")  # type: ignore[assignment]
_AGE_WORDS: frozenset[str] = word_list("toll_words.json", "age_words")  # type: ignore[assignment]


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split into words, numbers and punctuation, keeping offsets into the article."""
    return [
        Token(m.group(0), m.group(0).lower(), offset + m.start(), offset + m.end())
        for m in _TOKEN.finditer(text)
    ]


def parse_number(word: str) -> int | None:
    """'36' / '1,200' / 'thirty-six' / 'twenty' -> int; anything else -> None."""
    word = word.lower()
    if word[:1].isdigit():
        digits = word.replace(",", "")
        return int(digits) if digits.isdigit() else None
    parts = word.split("-")
    if not all(p in _UNITS for p in parts):
        return None
    total = 0
    for p in parts:
        total = total * _UNITS[p] if _UNITS[p] >= 100 and total else total + _UNITS[p]
    return total


def is_excluded_number(tokens: list[Token], i: int) -> bool:
    """Numbers that are never death counts: ages, dates, years, times, calibres, model names."""
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    nxt2 = tokens[i + 2] if i + 2 < len(tokens) else None
    if tok.low[:1].isdigit():
        if "." in tok.low:
            return True
        value = int(tok.low.replace(",", "")) if tok.low.replace(",", "").isdigit() else 0
        if 1900 <= value <= 2100 and "," not in tok.low:
            return True
    digits = tok.low[:1].isdigit()  # a number in words is no day of a month: "on 24 May two citizens"
    if prev is not None and prev.low in _MONTHS and digits:
        return True
    if nxt is not None:
        if (nxt.low in _MONTHS and digits) or nxt.low in _UNIT_AFTER or nxt.low.startswith(("year-old", "years-old")):
            return True
        if nxt.low in (":", "/", "%") and nxt.start == tok.end:
            return True
        if nxt.low == "-" and nxt.start == tok.end and nxt2 is not None and nxt2.low.startswith(("year", "km", "mm")):
            return True
    if prev is not None and prev.end == tok.start and prev.low in ("-", "/", ":"):
        return True  # F-16, 12/05, 10:30
    if prev is not None and prev.low == "-" and i >= 2 and tokens[i - 2].low.isalpha() and \
            len(tokens[i - 2].low) <= 3 and tok.start - tokens[i - 2].end <= 3 and tokens[i - 2].low not in _JOINERS:
        return True  # a name spaced in wire copy: "[M - 19]"
    if tok.low.isdigit() and prev is not None and prev.low == "," and nxt is not None and nxt.low == "," and \
            i >= 2 and tokens[i - 2].text[:1].isupper() and tokens[i - 2].text[1:2].islower():
        return True  # an age set off after a name: "Rodriguez Porth, 65, was killed"
    if prev is not None and prev.low in ("and", "or", ",") and _listed_after_age(tokens, i):
        return True  # the ages listed after "aged": "aged 19 and 21"
    if prev is not None and prev.low in _NOT_A_COUNT_AFTER:
        return True
    return False


def _listed_after_age(tokens: list[Token], i: int) -> bool:
    """Whether the number at ``i`` ends a list of numbers ("19 and 21", "19, 21 and 23") that an age
    word opens ("aged"): read back over the list once, so a long list of numbers costs linear time."""
    k = i - 2
    while k >= 0 and parse_number(tokens[k].low) is not None:
        if k > 0 and tokens[k - 1].low in _AGE_WORDS:
            return True
        if k >= 2 and tokens[k - 1].low in ("and", "or", ","):
            k -= 2
            continue
        return False
    return False


MONTHS = _MONTHS
_JOINERS = frozenset({"and", "or", "to", "the", "of", "by", "in", "at", "on"})
