"""Count the deaths an event report states, under ACLED's fatality rules (CODEBOOK section 4).

The stage reads plain text: it needs no parse, so it stays cheap and works on sentences the spaCy
stage skipped. A *claim* is one number tied to one death word ("36 ... killed", "killing 3 soldiers",
"death toll of 12"); the event's count is the sum of its claims. Why a rule-based reader:

* ACLED codes deaths only. Injuries, group sizes ("a crowd of 200"), ages, dates, calibres and
  distances are numbers too, so a number only counts when it is the subject of a passive or
  intransitive death word, or the object of an active killing verb.
* The vague cases follow the codebook: "several/many/an unknown number" is 10 in a war zone and 3
  elsewhere; "dozens" 12, "tens" 10, "hundreds" 100; "casualties" alone and "casualties unknown"
  are 0.

This module holds those sentence-level rules and adds the claims up; the token-level reader that
finds each claim's death word and victim phrase is :mod:`eventdesk.extract.tolls._phrases`, and the
word sets it reads are in :mod:`eventdesk.extract.tolls._words`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from eventdesk.model import Fatalities, Span
from eventdesk.rules import pattern
from eventdesk.extract.tolls._quantities import parse_number
from eventdesk.extract.tolls._phrases import Claim as _Claim
from eventdesk.extract.tolls._phrases import claims_in as _claims_in
from eventdesk.extract.tolls._phrases import vague_default

__all__ = ["count_fatalities", "vague_default"]


@cache
def _negation() -> re.Pattern[str]:
    """A toll denied ("no casualties", "nobody was killed"): ``toll_words.json`` no_deaths."""
    return re.compile(pattern("toll_words.json", "no_deaths"), re.IGNORECASE)


@cache
def _unknown() -> re.Pattern[str]:
    """A toll said to be unknown: ``toll_words.json`` unknown_toll."""
    return re.compile(pattern("toll_words.json", "unknown_toll"), re.IGNORECASE)


# "Reports on fatalities range from 2 to 4", "between five and 23 of them drowned"
_RANGE = re.compile(
    r"\b(?:fatalit\w*|deaths?|death toll|toll|dead|killed)\b[^.]{0,30}?\branges?d?\s+from\s+(\w+)\s+to\s+(\w+)|"
    r"\bbetween\s+(\w+)\s+and\s+(\w+)\s+(?:of\s+them\s+|people\s+|persons\s+)?(?:\w+\s+){0,2}"
    r"(?:died|drowned|were\s+killed|killed|dead|perished)\b",
    re.IGNORECASE,
)
_CASUALTIES = re.compile(r"\bcasualt(?:y|ies)\b", re.IGNORECASE)


@cache
def _vague_event() -> re.Pattern[str]:
    """Deaths reported without a number: ``toll_words.json`` vague_toll."""
    return re.compile(pattern("toll_words.json", "vague_toll"), re.IGNORECASE)


def count_fatalities(text: str, spans: Sequence[Span], *, war_zone: bool = False,
                     elsewhere: Sequence[tuple[int, int]] = ()) -> Fatalities:
    """Count the deaths stated by the sentences ``spans`` of ``text`` (an article's cleaned text).

    Claims in all sentences are added up: ACLED notes and short reports list different victims
    in different clauses ("1 officer was killed ... 3 rioters killed"). Anaphoric repeats
    ("the two victims", "both") are not claims, so a restatement is not counted twice.
    ``elsewhere`` holds article offsets of phrases about another act, read as blank ("the deadliest
    since the 2014 massacre, in which 149 people were killed": ``eventdesk.extract.comparisons``).
    """
    if not spans:
        return Fatalities()
    article_id = spans[0].article_id
    pieces = [piece for s in spans for piece in _sentences(text, s.start, s.end)]
    if elsewhere:
        pieces = [(start, _blank(piece, start, elsewhere)) for start, piece in pieces]
    joined = " ".join(p for _, p in pieces)

    claims = _drop_restatements([_claims_in(piece, start, war_zone) for start, piece in pieces])
    if any(c.role == "part" for c in claims) and (
            any(c.role != "part" and c.how != "vague" for c in claims) or _told_before(text, spans[0].start, war_zone)):
        # "three of its fighters were among the dead": part of a toll told with it or before it
        claims = [c for c in claims if c.role != "part"]
    numeric = [c for c in claims if c.how != "vague"]
    if numeric:
        return _combine(numeric, article_id)
    ranged = _RANGE.search(joined)
    bounds = [g for g in ranged.groups() if g is not None] if ranged is not None else []
    if len(bounds) == 2 and (lo := parse_number(bounds[0])) is not None \
            and (hi := parse_number(bounds[1])) is not None and lo <= hi:
        span = _first_match_span(pieces, _RANGE)
        return Fatalities(lo, lo, hi, Span(article_id, *span), "range")  # ACLED: the lowest credible
    unknown = _first_match_span(pieces, _unknown())
    if unknown is not None:
        return Fatalities(0, None, None, Span(article_id, *unknown), "unknown")
    if any(_negation().search(p) for _, p in pieces):
        start, end = _first_match_span(pieces, _negation())
        return Fatalities(0, 0, 0, Span(article_id, start, end), "none")
    if claims:
        return _combine(claims, article_id)
    single = _first_match_span(pieces, _single_victim())
    if single is not None:
        # "a former bodyguard who worked for ... was shot dead": a singular subject too far from
        # its verb for the victim phrase reader
        return Fatalities(1, 1, 1, Span(article_id, *single), "singular subject")
    vague = _first_match_span(pieces, _vague_event())
    if vague is not None:
        n = vague_default(war_zone)
        return Fatalities(n, None, None, Span(article_id, *vague), f"vague:{n}")
    casualties = _first_match_span(pieces, _CASUALTIES)
    if casualties is not None:
        return Fatalities(0, None, None, Span(article_id, *casualties), "casualties only")
    return Fatalities(0, None, None, None, "none reported")


def _blank(piece: str, start: int, ranges: Sequence[tuple[int, int]]) -> str:
    """``piece`` (at article offset ``start``) with the parts inside ``ranges`` made spaces, offsets kept."""
    for left, right in ranges:
        a, b = max(left - start, 0), min(right - start, len(piece))
        if a < b:
            piece = piece[:a] + " " * (b - a) + piece[b:]
    return piece


def _told_before(text: str, end: int, war_zone: bool) -> bool:
    """Whether the report tells a death figure before ``end`` (read only for a partitive figure)."""
    return any(c.how != "vague" for start, piece in _sentences(text, 0, end)
               for c in _claims_in(piece, start, war_zone))


@cache
def _single_victim() -> re.Pattern[str]:
    """One victim told without a number ("was shot dead", "her body was found"): ``toll_words.json`` single_victim."""
    return re.compile(pattern("toll_words.json", "single_victim"), re.IGNORECASE)


# not after a dotted initialism: "Two U.S. Mormon missionaries ... were shot" is one sentence
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<![A-Za-z]\.[A-Za-z]\.)\s+(?=[A-Z0-9\[(\"'])")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Split a span into sentences so a later restatement ("3 fatalities.") is seen as one."""
    chunk = text[start:end]
    out: list[tuple[int, str]] = []
    last = 0
    for m in _SENTENCE_END.finditer(chunk):
        out.append((start + last, chunk[last : m.start()]))
        last = m.end()
    out.append((start + last, chunk[last:]))
    return [(s, p) for s, p in out if p.strip()]


def _drop_restatements(per_sentence: list[list[_Claim]]) -> list[_Claim]:
    """Keep each death once: a later sentence repeating an earlier figure ("... 2 fatalities."), or
    the sum of the figures before it ("Three men were killed ... A fourth person died later. 4
    fatalities."), and a definite singular ("the victim died") next to a counted victim, are
    restatements; a figure of more dead ("two more died") never is."""
    kept: list[_Claim] = []
    seen: set[int] = set()
    for claims in per_sentence:
        running = sum(c.best for c in kept if c.how != "vague")
        fresh = [c for c in claims if c.role == "added" or not (
            c.how != "vague" and (c.best in seen or (len(kept) >= 2 and c.best == running)))]
        kept.extend(fresh)
        seen.update(c.best for c in claims)
    if any(c.how != "definite" for c in kept):
        kept = [c for c in kept if c.how != "definite"]
    return kept


def _combine(claims: list[_Claim], article_id: str) -> Fatalities:
    """Add claims up; low/high stay known only if every claim knows them. A figure given as the whole
    toll ("bringing the death toll to five", "in all, five died") is the count, unless the others add
    up to more."""
    totals = [c for c in claims if c.role == "total"]
    if totals:
        total = max(totals, key=lambda c: c.best)
        rest = [c for c in claims if c.role != "total"]
        if total.best >= sum(c.best for c in rest):
            span = Span(article_id, min(c.start for c in claims), max(c.end for c in claims))
            return Fatalities(total.best, total.low, total.high, span, f"{total.how} (total)")
        claims = rest
    best = sum(c.best for c in claims)
    low = None if any(c.low is None for c in claims) else sum(c.low or 0 for c in claims)
    high = None if any(c.high is None for c in claims) else sum(c.high or 0 for c in claims)
    span = Span(article_id, min(c.start for c in claims), max(c.end for c in claims))
    hows = sorted({c.how for c in claims})
    return Fatalities(best, low, high, span, "+".join(hows))


def _first_match_span(pieces: list[tuple[int, str]], pattern: re.Pattern[str]) -> tuple[int, int] | None:
    for start, piece in pieces:
        m = pattern.search(piece)
        if m is not None:
            return start + m.start(), start + m.end()
    return None
