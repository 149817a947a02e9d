"""Finding date expressions in a sentence: the pattern catalogue and the scanner.

This module only *finds* expressions and labels them (rule, captured fields, whether they are
approximate, a report date, or governed by a speech verb). Turning them into calendar days
relative to a publication date is :mod:`eventdesk.extract.dates.resolve`' job, so the two concerns can be
tested and changed separately.

The regexes are compiled once, lazily, behind :func:`patterns` (``functools.cache``) and held in a
frozen object: no module-level mutable state, no work at import time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from eventdesk._literals import LiteralFilter
from eventdesk.rules import pattern, word_list

__all__ = ["RawExpr", "Patterns", "patterns", "scan", "month_number", "word_number", "safe_date", "last_day"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

# Building blocks. Month names are case-sensitive (capitalised) so that the modal "may" and the
# verb "march" are not read as months; the words around them are case-insensitive.
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b(?:\.(?=\s*\d))?"
)
_DAY = r"(?P<d>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?\b"
_DAY2 = r"(?P<d2>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)(?!\d)"
_RANGE_SEP = r"\s*(?P<sep>-|–|—|(?i:to|and|until|till|through|or))\s*"
_PRE = (
    r"(?:(?P<pre>(?i:on\s+or\s+(?:around|about|before|after)|on\s+(?:or\s+)?around|around|about"
    r"|approximately|circa|as\s+(?:was\s+)?reported(?:\s+on)?|reported\s+on"
    r"|(?:during\s+|in\s+)?the\s+week\s+(?:beginning|starting|commencing|of)(?:\s+on)?"
    r"|(?:on\s+|in\s+|during\s+)?the\s+(?:night|evening|morning|afternoon)\s+of|on|since|from|between))\s+)?"
)
_POST = (
    r"(?P<post>\s*\([^()\n]{1,60}\)"
    r"|,?\s+(?i:or\s+(?:before|around|about|earlier|so)|approximately|approx\.?)(?![\w]))?"
)
_WEEKDAY = r"(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"


@dataclass(frozen=True)
class RawExpr:
    """One expression as found: offsets into the scanned text, its kind and the rule that matched.

    ``fields`` holds the named groups that matched, as ``(name, text)`` pairs.
    """

    start: int
    end: int
    kind: str
    rule: str
    fields: tuple[tuple[str, str], ...]
    speech: bool = False

    def get(self, name: str) -> str | None:
        return dict(self.fields).get(name)


@dataclass(frozen=True)
class Patterns:
    """The compiled catalogue: ``rules`` is ``(kind, rule, regex)`` in no particular order
    (overlaps are settled by position and length, not by list order)."""

    rules: tuple[tuple[str, str, re.Pattern[str]], ...]
    speech_before: re.Pattern[str]
    speech_after: re.Pattern[str]
    that_after: re.Pattern[str]
    act_clause_after: re.Pattern[str]
    event_word: re.Pattern[str]
    weekday_gap: re.Pattern[str]


@functools.cache
def patterns() -> Patterns:
    """Compile the catalogue once per process (the cache is the only state, and it is immutable)."""
    c = re.compile
    speech, events = pattern("date_words.json", "speech_words"), pattern("date_words.json", "event_words")
    rules = (
        ("absolute", "day-month", c(rf"\b{_PRE}(?i:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?{_POST}")),
        ("absolute", "month-day", c(rf"\b{_PRE}{_MONTH}\s+(?i:the\s+)?{_DAY}(?:,?\s+{_YEAR})?{_POST}")),
        ("absolute", "iso", c(rf"\b{_PRE}(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d-]){_POST}")),
        ("numeric", "numeric", c(rf"\b{_PRE}(?P<a>[0-3]?\d)(?P<s>[/.])(?P<b>[0-3]?\d)(?P=s)(?P<y>\d{{4}}|\d\d)(?![\d/.]\d){_POST}")),
        ("numeric", "numeric-no-year", c(rf"\b(?P<pre>(?i:on|since|from|until|by))\s+(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?![\d/]){_POST}")),
        ("range", "day-day-month", c(rf"\b{_PRE}(?i:the\s+)?{_DAY}{_RANGE_SEP}{_DAY2}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?{_POST}")),
        ("range", "month-day-day", c(rf"\b{_PRE}{_MONTH}\s+{_DAY}{_RANGE_SEP}{_DAY2}(?:,?\s+{_YEAR})?{_POST}")),
        ("weekday", "weekday", c(
            r"\b(?P<pre>(?i:(?:late|early)\s+(?:on\s+)?|on\s+|last\s+|this\s+(?:past\s+|coming\s+)?|next\s+"
            rf"|since\s+|by\s+|until\s+))?{_WEEKDAY}(?P<poss>['’]s)?"
            r"(?P<part>\s+(?i:morning|afternoon|evening|night))?\b")),
        ("relative", "relative", c(
            r"(?i)\b(?:(?P<dby>the\s+day\s+before\s+yesterday)|(?P<yest>yesterday)(?:\s+(?:morning|afternoon|evening))?"
            r"|(?P<lastnight>last\s+night)|(?P<today>(?<![A-Za-z]\s)(?-i:Today)(?!['’]s)|(?-i:today)|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today)"
            r"|(?P<thisweek>(?:earlier\s+|later\s+)?this\s+week)|(?P<lastweek>last\s+week)"
            r"|(?P<weekend>(?:last|this|over\s+the|at\s+the|during\s+the)\s+weekend)"
            r"|(?P<thismonth>(?:(?:earlier|early|late|later)\s+(?:in\s+)?)?this\s+month)"
            r"|(?P<lastmonth>(?:(?:early|late|mid)[-\s]+)?last\s+month)"
            r"|(?P<yearish>(?:(?:earlier|early|late|later)\s+(?:in\s+)?)?(?:this|last|next)\s+year|recently"
            r"|in\s+recent\s+(?:days|weeks|months)|(?:earlier|later)\s+in\s+the\s+year"
            r"|in\s+the\s+coming\s+(?:days|weeks|months))"
            r"|(?P<lasthours>(?:in|over|during|within)\s+the\s+(?:last|past|previous|preceding)\s+"
            r"(?:(?P<hours>\d{1,2}|twenty-four|forty-eight|few|several)\s+)?hours)"
            r"|(?P<ago>(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)\s+"
            r"(?P<unit>minute|hour|day|week|month|year|decade)s?\s+ago"
            # "ten years ago today": an anniversary, the years' date and not today's
            r"(?:\s+(?:today|this\s+(?:week|month)|on\s+this\s+day))?|moments?\s+ago))\b")),
        ("month", "month", c(
            r"\b(?:(?P<pre>(?i:(?:earlier|later)\s+in|(?:in|during|since|by|until|throughout|from|of)"
            r"(?:\s+(?:the\s+)?(?:early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of))?"
            r"|(?:the\s+)?(?:early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)|last|this|next|an?))[-\s]+)?"
            rf"{_MONTH}(?:,?\s+(?i:of\s+)?{_YEAR})?{_POST}")),
        ("year", "year", c(
            r"\b(?:(?P<pre>(?i:in|during|since|by|until|throughout|early|late|mid|from|between|and))[-\s]+"
            r"(?:the\s+)?|(?i:the\s+)(?=(?:19|20)\d0s))(?P<y>(?:19|20)\d\d)s?\b")),
        ("anchor-ref", "anchor-ref", c(
            r"(?i)\b(?:(?P<same>(?:on\s+)?(?:the\s+)?(?:very\s+)?same\s+day|(?:on\s+)?that\s+(?:same\s+)?day"
            r"|(?:later|earlier)\s+(?:that|the\s+same)\s+day"
            r"|(?:a\s+few\s+|several\s+|(?:two|three|four|five|six|eight|ten|twelve|\d+)\s+)?(?:hours|minutes)\s+"
            r"(?:later|earlier|after|before)|(?:an\s+hour|moments)\s+(?:later|earlier|after|before)"
            r"|shortly\s+(?:before|after)\s+(?:that|then)|shortly\s+afterwards?"
            r"|soon\s+afterwards?)"
            r"|(?P<next>(?:on\s+)?the\s+(?:following|next)\s+(?:day|morning|afternoon|evening|night)"
            r"|the\s+day\s+after|a\s+day\s+later)"
            r"|(?P<prev>(?:on\s+)?the\s+(?:previous|preceding)\s+(?:day|morning|afternoon|evening|night)"
            r"|the\s+day\s+before(?!\s+yesterday)|a\s+day\s+(?:earlier|before))"
            r"|(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?)\s+"
            r"(?P<dir>later|after|earlier|before|prior(?:\s+to)?))"
            r"(?P<ref>\s+[^,.;:!?]{0,80}?\b(?P<noun>comments?|remarks?|statements?|speech|announcement"
            r"|interview|address|declaration|press\s+conference|briefing)\b)?")),
        ("dateparser", "two-digit-year", c(
            rf"\b(?:[0-3]?\d\s+{_MONTH}\s+'?\d\d|{_MONTH.replace('?P<mon>', '?:')}\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+'?\d\d)"
            r"(?=\s*(?:$|[.,;:)\]]))")),
    )
    return Patterns(
        rules=rules,
        speech_before=c(rf"(?i)\b(?:{speech})\b(?P<gap>[^.;:!?\"“”]*)$"),
        speech_after=c(rf"(?i)^\s*(?:{speech})\b"),
        that_after=c(rf"(?i)^\s*,?\s*that\b(?!\s+(?:{pattern('date_words.json', 'relative_that_verbs')})\b)"),
        # "the bombing at a bus station in March 2019 that killed 21 people": the clause after the date tells the act
        act_clause_after=c(rf"(?i)\s*,?\s*that\s+(?:{events})\b"),
        event_word=c(rf"(?i)\b(?:{events})\b"),
        weekday_gap=c(r"^[\s,\[(]{0,3}$"),
    )


def scan(text: str) -> list[RawExpr]:
    """Every date expression in ``text`` (one sentence), without overlaps, in text order.

    Where matches overlap, the longest and then the earliest wins (as spaCy's ``filter_spans``):
    "On the night of 3-4 May" beats the "4 May" inside it, "May 18, 2013" beats "of May".
    """
    return list(_scan_cached(text))


@functools.lru_cache(maxsize=4096)
def _scan_cached(text: str) -> tuple[RawExpr, ...]:
    """``scan`` remembered by text: an article's dated sentences are read for its date anchors
    and again for each event's date."""
    return tuple(_scan(text))


def _scan(text: str) -> list[RawExpr]:
    if not _may_hold_date(text):
        return []
    pats = patterns()
    may = _rule_filter().candidates(text)  # a rule whose required words are missing cannot match
    slashed = _SLASHED.search(text) is not None  # the numeric rule's day, separator and month
    found = [m for i, (kind, rule, rx) in enumerate(pats.rules) if i in may and (slashed or rule != "numeric")
             for m in _matches(kind, rule, rx, text)]
    found.sort(key=lambda r: (-(r.end - r.start), r.start))
    kept: list[RawExpr] = []
    for raw in found:
        if all(raw.end <= k.start or raw.start >= k.end for k in kept):
            kept.append(raw)
    kept.sort(key=lambda r: r.start)
    kept = [raw for raw in kept if not _names_a_group(text, raw) and not _names_a_street(text, raw)]
    kept = _drop_weekday_before_date(kept, text, pats)
    return [_with_speech(raw, text, pats) for raw in kept]


# what every match of the "numeric" rule holds ("22/04/2018", "3.4.90"): a digit, "/" or ".", a digit. Its
# literal words are digits, which ``LiteralFilter`` cannot require; without this test the rule is the most
# costly search of a sentence
_SLASHED = re.compile(r"\d[/.]\d")


def _names_a_group(text: str, raw: RawExpr) -> bool:
    """A date that is part of a group's name, not a date of the sentence: 'the "9 May" People's
    Liberation Forces' (in quotes, before words with a group's head noun), 'the 19 April Movement',
    'the 6 December Commando' (after "the", before a group's head noun); the head nouns are data
    (``data/rules/named_groups.json``). "On 9 May, forces attacked" keeps its date."""
    before, after = text[:raw.start].rstrip(), text[raw.end:]
    quoted = before[-1:] in ('"', "\u201c") and after[:1] in ('"', "\u201d")
    m = _NAME_AFTER.match(after[1:] if quoted else after)
    if m is None:
        return False
    words = [w.lower().removesuffix("'s").removesuffix("\u2019s") for w in m.group(0).split()]
    heads, state_like = _group_heads()
    if quoted:
        return any(w in heads or w in state_like for w in words)
    named = (" " + before.lower()).endswith(" the") or text[raw.start:raw.end].lower().startswith("the ")
    # the head right after the date, or after one word of the name ("the 6 December Revolutionary
    # Front"), never after a determiner ("on the 6th of December a group of men attacked")
    return named and (words[0] in heads or (len(words) > 1 and words[1] in heads and words[0] not in STOP_WORDS))


_NAME_AFTER = re.compile(r"(?:\s+(?:of\s+)?[\w'\u2019-]+){1,4}")


def _names_a_street(text: str, raw: RawExpr) -> bool:
    """A date that names a street, a square or a building: "offices on 1 May Avenue were destroyed",
    "Avenida 9 de Julio" (the words are data: ``date_words.json`` street_heads)."""
    heads = _street_heads()
    after = re.match(r"\s+([A-Za-z]+)", text[raw.end:])
    before = re.search(r"([A-Za-z]+)\s+$", text[:raw.start])
    named_after = before is not None and text[raw.start:raw.start + 1].isdigit() and before.group(1).lower() in heads
    return bool(after and after.group(1).lower() in heads) or named_after


@functools.cache
def _street_heads() -> frozenset[str]:
    return frozenset(word_list("date_words.json", "street_heads"))


@functools.cache
def _group_heads() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(word_list("named_groups.json", "heads")), frozenset(word_list("named_groups.json", "state_like_heads"))


@functools.cache
def _rule_filter() -> LiteralFilter:
    """Which rules can match a text at all, by the words they require (``eventdesk._literals``)."""
    return LiteralFilter({i: rx for i, (_, _, rx) in enumerate(patterns().rules)})


@functools.cache
def _date_gate() -> re.Pattern[str]:
    return re.compile(
        r"\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|"
        r"today|tonight|week|month|year|day|night|morning|evening|afternoon|ago|last|earlier|later|"
        r"same|previous|following|recent|weekend|dawn|midnight|noon|shortly|soon|hours)",
        re.IGNORECASE,
    )


def _may_hold_date(text: str) -> bool:
    """One cheap pass: a sentence with no digit and no calendar word holds no date expression."""
    return _date_gate().search(text) is not None


def _matches(kind: str, rule: str, rx: re.Pattern[str], text: str) -> list[RawExpr]:
    out = []
    for m in rx.finditer(text):
        fields = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
        if kind == "month" and not ({"pre", "y"} & {k for k, _ in fields}):
            continue  # a bare "May" or "March" is too often not a date
        out.append(RawExpr(m.start(), m.end(), kind, rule, fields))
    return out


def _drop_weekday_before_date(kept: list[RawExpr], text: str, pats: Patterns) -> list[RawExpr]:
    """ "Sunday [20 August]" or "Sunday 22/04/2018" is one date: keep the explicit one."""
    out = []
    for i, raw in enumerate(kept):
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if (
            raw.kind == "weekday"
            and nxt is not None
            and nxt.kind in ("absolute", "numeric")
            and pats.weekday_gap.match(text[raw.end : nxt.start])
        ):
            continue
        out.append(raw)
    return out


def _with_speech(raw: RawExpr, text: str, pats: Patterns) -> RawExpr:
    """Mark expressions that date a statement rather than an event.

    "the premier said on December 30", "told Rudaw on Tuesday", "in a statement on Thursday",
    "... on December 30 that ...", "sources today reported". A speech word far away, or with an event word in between
    ("said five people were killed on Friday"), does not govern the date.
    """
    if raw.kind in ("anchor-ref",):
        return raw
    window = text[max(0, raw.start - 80) : raw.start]
    m = pats.speech_before.search(window)
    governed = False
    if m is not None:
        gap = m.group("gap")
        governed = (
            len(gap.split()) <= 5
            and not pats.event_word.search(gap)
            and not re.search(r"(?i)\bthat\b|,", gap)
        )
    if not governed and pats.that_after.match(text[raw.end :]):
        governed = True
    if not governed and pats.speech_after.match(text[raw.end :]):
        governed = True  # "military sources today reported that 35 people died": the day of the report
    if not governed:
        return raw
    return RawExpr(raw.start, raw.end, raw.kind, raw.rule, raw.fields, speech=True)


def month_number(name: str) -> int:
    """``"Sept"`` -> 9. The name comes from the month regex, so it always maps."""
    return _MONTHS[name[:3].lower()]


def word_number(word: str) -> int | None:
    """ "two" -> 2, "12" -> 12; ``None`` for vague counts ("a few", "several")."""
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    return _WORD_NUMBERS.get(w)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A calendar date, or ``None`` for impossible ones (31 April, 29 February 2019)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]
