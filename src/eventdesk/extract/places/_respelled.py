"""Districts named in another transliteration than the gazetteer's: "Kushki Kuhna district, Herat"
(Koshki Kohna), "Deh Rahwod district, Urozgan" (Dihrawud), "Kash Rod (Delaram) district, Nimruz"
(Khash Rod).

The exact keys of `name_key` miss these, and the text then falls back on a word of the name that
matches something else ("Kala" of "Kala Muchi area of Deh Rahwod district" is Caala in Angola).
A name right before the word "district" that the gazetteer does not know is looked up by its
coarser `sound_key`, else among the districts one letter off ("Raizh district": Razih); `places` keeps such a match only when it lies near the province the text
names around it (see ``places._respelled_fit``).
"""

from __future__ import annotations

import re

from eventdesk.gazetteer import Gazetteer
from eventdesk.model import Span
from eventdesk.extract.places._words import Candidate
from eventdesk.rules import word_list

__all__ = ["respelled_districts"]

# one to three capitalised words (with a lower-case particle between them: "Tala wa Bafrak"), an
# optional bracketed other name, then "district" or another word of a second-level unit
_DISTRICT = re.compile(r"\b((?:[A-Z][\w'’]*[ -](?:(?:al|el|wa|de|del|da|do|e|y)[ -])?){0,2}[A-Z][\w'’]*)"
                       r"(?:\s+\([^()]{1,30}\))?\s+(?:district|municipality|territory|township|LGA)\b")


_FUNCTION_WORDS: frozenset[str] = word_list("place_words.json", "function_words")  # type: ignore[assignment]


def respelled_districts(text: str, span: Span, cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """``cands`` with each unknown district name the gazetteer knows under another spelling
    replaced by one candidate for the whole name, marked ``respelled``."""
    out = list(cands)
    for m in _DISTRICT.finditer(text, span.start, span.end):
        words = list(re.finditer(r"[\w'’]+", m.group(1)))
        while words and words[0].group().lower() in _FUNCTION_WORDS:
            words.pop(0)  # "In Mumias district": a sentence's first word is no part of the name
        for i in range(len(words)):  # the longest name first: "Deh Rahwod", then "Rahwod"
            start, end = m.start(1) + words[i].start(), m.end(1)
            name = text[start:end]
            if gaz.lookup(name) or any(c.start == start and c.end == end and c.entries for c in out):
                break  # known as written: the exact match decides
            # another transliteration, or one letter off ("Raizh district": Razih); the one near the
            # province named is kept (``_respelled_fit``)
            entries = [*gaz.sounds_like(name), *gaz.near_spellings(name)]
            if entries:
                out = [c for c in out if not (c.start < end and start < c.end)]
                out.append(Candidate(start, end, entries, respelled=True))
                break
    return sorted(out, key=lambda c: c.start)
