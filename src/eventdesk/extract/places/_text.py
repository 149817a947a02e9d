"""Reading place names in a sentence: the capitalised runs that match the gazetteer, and the words
around each (the preposition that governs it, the word after it, parenthesised hints, the wider
places chained after it). `places` decides among the candidates found here.

The unit words and the ``Candidate`` type live in ``_place_words``, the reading of lists and
chains of names in ``_place_chain``; both are re-exported here.
"""

from __future__ import annotations

import functools
import re
from functools import cache

from eventdesk.gazetteer import Gazetteer, name_key
from eventdesk.model import Span
from eventdesk.extract.places._chain import _chain, _qualifies_something, _share_list_context
from eventdesk.extract.places._naming import prefixed_entries
from eventdesk.extract.places._words import (
    ALT_NAME,
    _after,
    _FEATURE_WORDS,
    _PLURAL_UNITS,
    _UNIT_WORDS,
    Candidate,
    never_a_place,
    road_after,
)
from eventdesk.rules import pattern as rule_pattern, word_list

__all__ = [
    "GROUP_NOUN",
    "NOT_WHERE",
    "TITLE",
    "WORD",
    "cue_before",
    "read_surroundings",
    "scan",
    "strip_possessive",
]


_MAX_WORDS = 6
_CONNECTORS: frozenset[str] = word_list("place_words.json", "name_connectors")  # type: ignore[assignment]
# connectors that end a name when capitalised ("Lanao del Sur"): not trimmed from a run's end
_FINAL_CONNECTORS: frozenset[str] = word_list("place_words.json", "name_final_connectors")  # type: ignore[assignment]
WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][\w'’‘ʿʾ\u00C0-\u024F\u1E00-\u1EFF]*")
_GAP = re.compile(r"^[ \-]$")
# a lower-case word joined by a hyphen that ends the name there ("Tabun-ac in", "Kabul-bound bus"), not
# one inside a longer name ("Mazar-i-Sharif", "Markaz-e Sayyidabad")
_HYPHEN_TAIL = re.compile(r"-([a-z]+)\b(?![-\s]+[A-Z])")
_DIRECTION = r"(?:(?:north|south|east|west|central|rural|northern|southern|eastern|western)" \
             r"(?:[- ]?(?:north|south|east|west)(?:ern)?)?\s+)?"
# "in Nigeria's central Benue state", "in Somalia's southern Lower Shabelle region", "in Mali's capital
# Bamako": the country's possessive (a side of it, its capital) between the preposition and the name
_POSSESSIVE = re.compile(r"(?:\b[a-z]+ern\s+)?\b[\w\-]+['’]s\s+" + _DIRECTION + r"(?:(?:capital|port)(?:\s+city)?\s+)?$")
_NEAR = re.compile(
    rule_pattern("place_words.json", "near_before") + _DIRECTION + "$"
)
_DISTANCE = re.compile(r"\b(?:km|kms|kilomet(?:er|re)s?|miles?)\b[\w\s-]{0,25}\b(?:of|from)\s+(?:the\s+)?$")
_IN = re.compile(
    rule_pattern("place_words.json", "in_before") + _DIRECTION + "$"
)
# "traders from Malindi", "residents of Ithamare": where the people who acted live (a weaker cue)
_ORIGIN = re.compile(
    rule_pattern("place_words.json", "origin_before") + _DIRECTION + "$"
)
# where something was said, not where it happened: "police reported today in Lima that ...",
# "sources in Bogota said", "told reporters in Madrid"


@cache
def _report() -> re.Pattern[str]:
    """Where something was said, not where it happened: ``place_words.json`` report_places."""
    return re.compile(rule_pattern("place_words.json", "report_places"))


@cache
def _move() -> re.Pattern[str]:
    """Where people came from or went, not the scene: ``place_words.json`` movement_places."""
    return re.compile(rule_pattern("place_words.json", "movement_places"))


# a named place, then where it lies from another: "Majzar district west of Marib city"
# or "Chalatenango department to the north of San Salvador"
_REFERENCE = re.compile(r"\s+(?:[a-z]+\s+){0,3}(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?")
# a named place, then its distance from another: "Soacha, 15 km south of Bogota"
_DISTANCE_GAP = re.compile(r"\s*,\s*(?:about\s+|some\s+|approximately\s+|nearly\s+)?\d[\d,.]*\s*"
                           r"(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:[a-z\-]+\s+)?(?:of|from)\s+(?:the\s+)?",
                           re.IGNORECASE)
# a wire dateline left at a sentence's start: "MEDELLIN -- ", "LIMA, 9 JAN 90 -- "
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*\d{1,2}\s+[A-Za-z]{3}\s+\d{2}\s*)?--|"
                             # "OUAGADOUGOU, Feb 26 (AFP) - ", "KANO, Nigeria, March 7 (Reuters) - ", "KYIV, Ukraine (AP) - "
                             r"(?:,\s*[A-Z][A-Za-z .'’]{1,30}?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\([^()]{1,30}\)\s*[-–—]\s")
# "Governor Evans Kidero", "President Ruto": a title makes the next name a person; "pro-Islah",
# "anti-Houthi": a side, not a place
TITLE = re.compile(
    rule_pattern("place_words.json", "title_before"),
    re.IGNORECASE,
)
# a parenthesis that hedges ("(presumed)", "(believed to be ...)") is no place hint
_PAREN = re.compile(r"^\s*\((?!presumed\b|believed\b)([^()]{1,80})\)")
# the rest of a longer name a candidate only begins: "Ras" of "Ras Jabel", "Takht" of "Takht-e-Pol"


@cache
def _name_tail() -> re.Pattern[str]:
    """The rest of a longer name a candidate only begins: ``place_words.json`` name_tail."""
    return re.compile(rule_pattern("place_words.json", "name_tail"))


NOT_WHERE = re.compile(r"\s+(?:dollars?|embassy|embassies|ambassadors?|envoys?|consulates?|currency|pounds?|lira)\b",
                        re.IGNORECASE)
_NAME_WORDS = rule_pattern("place_words.json", "name_words")
# what follows the first members of such a list: ", B and C villages", " and C areas"
# or, with no unit word, the parenthesis they share: "Ananum, Gidan Adamu and Dadin Kowa (Donga, Taraba)"
_LIST_TAIL = re.compile(
    rf"^(?:\s*,\s*{_NAME_WORDS})*\s*,?\s+(?:and|or)\s+{_NAME_WORDS}(?:\s+(?:military|residential|border|checkpoint))?"
    rf"(?:\s+(?:{'|'.join(sorted(_PLURAL_UNITS))})\b|\s*\()")
_IN_REGION = re.compile(r"^\s+in\s+(?:the\s+)?(?:north|south|east|west|central)\w*\s+[A-Z][a-z]+(?=\s*\()")


def strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _runs(text: str, span: Span) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words (with lower-case connectors inside) as (start, end) tokens."""
    shift = span.start
    return [[(a + shift, b + shift) for a, b in run] for run in _runs_in(text[span.start:span.end])]


@functools.lru_cache(maxsize=2048)
def _runs_in(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """``_runs`` of a whole sentence, remembered: a sentence is read for the article's provinces,
    for its event's place and for the places it lists."""
    return tuple(tuple(run) for run in _read_runs(text))


def _read_runs(text: str) -> list[list[tuple[int, int]]]:
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = -1
    for match in WORD.finditer(text):
        word = strip_possessive(match.group())
        start, end = match.start(), match.start() + len(word)
        capital = word[:1].isupper() or (word[:3].lower() in ("al-", "el-") and word[3:4].isupper())
        if capital and end == match.end() and (tail := _HYPHEN_TAIL.match(text, end)) is not None and \
                tail.group(1) not in _CONNECTORS:
            # "Barangay Tabun-ac", "a Mosul-based group", "Houthi-controlled": a name joined to a
            # lower-case word is a longer name or a modifier, not the place its first part names
            if current:
                runs.append(current)
            current = []
            continue
        joined = bool(current) and _GAP.match(text[last_end:start]) is not None
        if capital or (joined and word.lower() in _CONNECTORS):
            if not joined and current:
                runs.append(current)
                current = []
            current.append((start, end))
            last_end = end
            if end < match.end():  # a possessive ends the run
                runs.append(current)
                current = []
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [[t for t in run] for run in (_trim(r, text) for r in runs) if run]


def _trim(run: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A run without the connectors at its end ("Ras al"), except a capitalised word that ends
    names ("Sur" of "Lanao del Sur", "Ilocos Sur")."""
    while run and (word := text[run[-1][0]:run[-1][1]]).lower() in _CONNECTORS and not (
            word[:1].isupper() and word.lower() in _FINAL_CONNECTORS and len(run) > 1):
        run = run[:-1]
    return run


_OPENING_PREPOSITIONS = word_list("place_words.json", "opening_prepositions")


def _unknown_name(text: str, run: list[tuple[int, int]], gaz: Gazetteer) -> tuple[int, int] | None:
    """The name part of an unknown place followed by hints: the capitalised words after the last
    "of" or "at", without a trailing unit word ("Faskari LGA" -> "Faskari"); an article stays part of the
    name ("Al Azariq")."""
    words = [text[a:b] for a, b in run]
    last_connector = max((k for k, w in enumerate(words) if w in ("of", "at")), default=-1)  # "LoC at Kahuta"
    tokens = run[last_connector + 1:]
    while tokens and text[tokens[-1][0]:tokens[-1][1]].lower() in _UNIT_WORDS:
        tokens = tokens[:-1]
    if not tokens or any(gaz.is_common_word(text[a:b]) for a, b in tokens):
        return None
    return tokens[0][0], tokens[-1][1]


def _unit_before(text: str, span: Span, start: int) -> str:
    """The division word of "the state of Zacatecas", "the district of Kunar" before the name, or ""."""
    m = _unit_of().search(text, max(span.start, start - 30), start)
    return m.group(1).lower() if m else ""


@cache
def _unit_of() -> re.Pattern[str]:
    units = "|".join(sorted(word_list("place_words.json", "unit_before_of"), key=len, reverse=True))
    return re.compile(rf"\b({units})\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _after_unit_word(after: str) -> str:
    """The text after a lower-case unit or feature word that follows a name ("Al Azariq district
    (Ad Dali)", "Bab Ghaliq front (Qaatabah, Ad Dali)", "Bani Siyah residential villages (Razih,
    Sadah)")."""
    after = ALT_NAME.sub("", after)  # "Salim [Al Fajir] (Qaatabah, Ad Dali)": another name
    for _ in range(2):  # "Sirkh Sankh sector area (Haveli district, AJK)": up to two such words
        unit = re.match(r"(?:\s+(?:residential|civilian|military|border|scattered|mountainous|desert|rural))?"
                        r"\s+([a-z]+)\b", after)
        if not (unit and unit.group(1) in _FEATURE_WORDS):
            break
        after = after[unit.end():]
    return _IN_REGION.sub("", after, count=1)  # "Al Jah area in western Yemen (Bayt Al Faqiah, Al Hudaydah)"


def scan(text: str, span: Span, gaz: Gazetteer) -> list[Candidate]:
    """Longest gazetteer matches among the capitalised runs. A sentence is read for the article's
    provinces, for its event's place and for the places it lists: its matches are remembered by the
    gazetteer, keyed by the sentence and the text after it that ``_in_alt_name`` may read."""
    shift = span.start
    seen = gaz.remembered(("places.scan", text[shift:span.end + _ALT_NAME_REACH], span.end - shift),
                          lambda: tuple((c.start - shift, c.end - shift, tuple(c.entries)) for c in _scan(text, span, gaz)))
    return [Candidate(start + shift, end + shift, list(entries)) for start, end, entries in seen]


def _scan(text: str, span: Span, gaz: Gazetteer) -> list[Candidate]:
    found: list[Candidate] = []
    for run in _runs(text, span):
        # "In El Centenario, El Carmen, Santander, ...": a sentence's first word, a preposition, is no
        # part of the name after it (not Arabic "At", an article: "At Tuhayta"; nor "In-Tamede")
        i = 1 if len(run) > 1 and text[run[0][0]:run[0][1]] in _OPENING_PREPOSITIONS and \
            not text[span.start:run[0][0]].strip(" \t\n\"'“(") and text[run[0][1]:run[0][1] + 1].isspace() else 0
        placed_after: bool | None = None  # read once per run, at its first unknown word
        hinted = False
        while i < len(run):
            for j in range(min(len(run), i + _MAX_WORDS), i, -1):
                start, end = run[i][0], run[j - 1][1]
                if j == i + 1 and text[start:end].islower():
                    continue  # a connector alone ("of", "al") is no place
                entries = gaz.lookup(text[start:end]) if name_key(text[start:end]) else []
                if not entries and j - i > 1:
                    entries = prefixed_entries(text[start:end], gaz)  # "Tecun Uman": Ciudad Tecun Uman
                if entries:
                    found.append(Candidate(start, end, entries))
                    i = j
                    break
            else:
                if placed_after is None:
                    after = text[run[-1][1]:span.end]
                    hinted = _PAREN.match(_after_unit_word(after)) is not None
                    placed_after = hinted or _LIST_TAIL.match(after) is not None
                listed = placed_after and not hinted and (not found or found[-1].end < run[0][0]) \
                    and not any(gaz.lookup(text[a:b]) for a, b in run[i + 1:])  # "Kenyan Moyale and ..."
                if hinted or listed:
                    # placed by its hints, or by those of the list it begins ("Al Maqani and Ash
                    # Shuaynah villages (Hays, Al Hudaydah)")
                    unknown = _unknown_name(text, run[i:], gaz)
                    if unknown:
                        found.append(Candidate(unknown[0], unknown[1], []))
                    break
                i += 1
    return [c for c in sorted(found, key=lambda c: c.start) if not _in_alt_name(text, c, found)]


_ALT_NAME_REACH = 40  # how far after a name ``_in_alt_name`` looks for the bracket that closes it


def _in_alt_name(text: str, cand: Candidate, found: list[Candidate]) -> bool:
    """Is ``cand`` inside the bracketed second name of another ("Hajar" of "Salim [Naqil Hajar]")?"""
    opening = text.rfind("[", 0, cand.start)
    return opening >= 0 and "]" not in text[opening:cand.start] and "]" in text[cand.end:cand.end + _ALT_NAME_REACH] \
        and any(o.end <= opening and not text[o.end:opening].strip() for o in found)


def read_surroundings(text: str, span: Span, cands: list[Candidate]) -> None:
    """Fill each candidate's cue (governing words before), following word, hints, the wider
    places chained after it and whether it only qualifies a building or a longer name."""
    previous: Candidate | None = None
    starts = {c.start for c in cands}
    for cand in cands:
        if previous and re.fullmatch(r"\s*(?:,|and|or|, and)\s*", text[previous.end:cand.start]):
            cand.cue = previous.cue
        else:
            cand.cue = cue_before(text, span, cand.start)
        if cand.start == span.start and _DATELINE_AFTER.match(text, cand.end, span.end):
            cand.cue = "dateline"  # "MEDELLIN -- An attack occurred at ... Itagui municipality"
        gap = text[previous.end:cand.start] if previous else ""
        if cand.cue == "near" and previous and _REFERENCE.fullmatch(gap):
            cand.cue = "distance"  # "Majzar district west of Marib city": Marib only says where Majzar is
            cand.reference = True
        elif cand.cue in ("near", "distance") and any(_DISTANCE_GAP.fullmatch(text[c.end:cand.start])
                                                       for c in cands if c.end <= cand.start):
            # "the main square of Soacha, 15 km south of Bogota" (past a name inside the distance: "KM")
            cand.cue = "distance"
            cand.reference = True
        after = text[cand.end:span.end]
        match = _after().match(after)
        cand.after = match.group(1).lower() if match else _unit_before(text, span, cand.start)
        cand.road = not match and road_after().match(after) is not None
        # "Enma market (Al Mansurah, Aden)", "Hays district in western Yemen (Al Hudaydah)"
        own = _IN_REGION.sub("", after[len(match.group(0)):], count=1) if match else _after_unit_word(after)
        paren = _PAREN.match(own)
        # "North" of "North Nazimabad town (Karachi city, Sindh)" is no name the hints place
        tail = _name_tail().match(after) if not (match or paren or never_a_place(text[cand.start:cand.end])) else None
        rest = _after_unit_word(after[tail.end():]) if tail else ""
        if tail and _PAREN.match(rest):
            # "Ras Jabel (Bizerte)", "Bab Ghaliq front (Qaatabah, Ad Dali)": the hints place the
            # whole name, of which only "Ras" or "Bab" matched
            cand.name_end = cand.end + tail.end()
            paren = _PAREN.match(rest)
            cand.hints = _split_hints(paren)
            cand.hint_end = cand.end + len(after) - len(rest) + paren.end()
        elif paren:
            cand.hints = _split_hints(paren)
            cand.hint_end = cand.end + len(after) - len(own) + paren.end()
        elif tail:
            cand.name_end = cand.end + tail.end()
        doubled = re.match(r"-([a-z]+)\b", after)
        if doubled and doubled.group(1) == text[cand.start:cand.end].lower():
            cand.name_end = cand.end + doubled.end()  # "Barangay Gaya-gaya" is not Gaya in India
        if cand.cue == "in" and _fired_from(text, span, cand):
            cand.cue = "position"  # "forces located at Marzili fired on positions near Qiyamaddinli"
        cand.qualifier = _qualifies_something(after, cand.end, starts)
        previous = cand
    for i, cand in enumerate(cands):
        cand.chain = _chain(text, span, cands, i)
    _share_list_context(text, span, cands)


@cache
def _position_before() -> re.Pattern[str]:
    """Where an armed side stood: ``place_words.json`` position_before."""
    return re.compile(rule_pattern("place_words.json", "position_before"), re.IGNORECASE)


@cache
def _firing_after() -> re.Pattern[str]:
    """A verb of firing right after that position: ``place_words.json`` firing_after."""
    return re.compile(rule_pattern("place_words.json", "firing_after"), re.IGNORECASE)


def _fired_from(text: str, span: Span, cand: Candidate) -> bool:
    """Whether the name is where a side stood when it fired ("forces of Artsakh located at Marzili
    fired ... on positions near Qiyamaddinli"): the shots came from there, they landed elsewhere."""
    return _position_before().search(text[max(span.start, cand.start - 40):cand.start]) is not None and \
        _firing_after().match(text[cand.hint_end or cand.name_end or cand.end:span.end]) is not None


def _split_hints(paren: re.Match[str]) -> tuple[str, ...]:
    return tuple(h.strip() for h in paren.group(1).split(",") if h.strip())


def cue_before(text: str, span: Span, start: int) -> str:
    """The cue of a name at ``start``: "in", "near", "distance", "origin", "move", "report" (where
    something was said) or "none"."""
    return _cue(text[max(span.start, start - 70):start].lower())


# a unit word written as part of the name: "in Barangay Santo Nino Norte", "in Sitio Kapatagan"
_NAME_PREFIX = re.compile(r"\s*\b(?:barangays?|brgy\.?|sitio|purok|barrio|colonia|vereda|corregimiento|aldea|"
                          r"kampung|desa|kebele|woreda)\s*$")


# "a bomb went off outside the Soviet embassy in Lima": the embassy is where it happened, not a source
_TARGET_EMBASSY = re.compile(r"\b(?:outside|at|near|on|against|attacked|bombed|stormed|into)\s+(?:the\s+)?"
                             r"(?:[\w.-]+\s+){0,2}embassy in\s+(?:the\s+)?$")


@functools.lru_cache(maxsize=4096)  # a candidate's words before it are read again for each reading of its sentence
def _cue(before: str) -> str:
    before = _NAME_PREFIX.sub(" ", _POSSESSIVE.sub("", before))
    if _TARGET_EMBASSY.search(before):
        return "in"
    for name, pattern in (("report", _report()), ("near", _NEAR), ("distance", _DISTANCE), ("in", _IN),
                          ("origin", _ORIGIN), ("move", _move())):
        if pattern.search(before):
            return name
    return "none"


GROUP_NOUN = re.compile(
    rule_pattern("place_words.json", "group_after")
)
