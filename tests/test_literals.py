"""The literal pre-filter (``eventdesk._literals``) is exact: a pattern it rules out for a text cannot
match that text, so the cues, masks and date rules searched through it find what a search of every
pattern finds."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from eventdesk._literals import LiteralFilter, required_literals
from eventdesk.extract.dates import _expr
from eventdesk.extract.trigger import classify as C

ROOT = Path(__file__).resolve().parents[1]

# shapes the extraction must read right: optional parts, classes, branches, repeats, look-arounds,
# inline flags, case-sensitive patterns
PATTERNS = {
    "optional": r"\bkill(?:ed|ing|s)?\b",
    "branch": r"\b(?:air ?strikes?|drone (?:strike|attack)s?)\b",
    "class": r"\bgr[ae]nades?\b",
    "repeat": r"\b(?:ab)+duct\b",
    "lookaround": r"(?<=fled )(?:after|following) (?:an? )?attack(?! on)",
    "negated": r"\bno (?!injur)\w+ reported",
    "inline": r"(?i:BOMB)ed|shell(?-i:ED)",
    "case": r"\bMay \d{1,2}\b",
    "nothing": r"\w+\d",
    "empty_branch": r"(?:a|)b",
    "dot": r"k.ll",
}
_ALPHABET = "kilnedsabgrtfoqwmyhp KILNEDSABMY -.'0123"
_FRAGMENTS = ["kill", "killed", "air strike", "airstrikes", "drone attacks", "grenade", "granades", "ababduct",
              "fled after an attack", "fled following attack on", "no injuries reported", "no one reported",
              "BOMBed", "bombed", "shellED", "SHELLed", "May 12", "MAY 12", "k ll", "ab", "b"]


def _texts():
    return st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(alphabet=_ALPHABET, max_size=12)),
                    max_size=8).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_texts())
def test_a_pattern_ruled_out_never_matches(text):
    compiled = {k: re.compile(v, re.IGNORECASE if k != "case" else 0) for k, v in PATTERNS.items()}
    may = LiteralFilter(compiled).candidates(text)
    for name, rx in compiled.items():
        if rx.search(text):
            assert name in may, (name, text)


@settings(max_examples=300, deadline=None)
@given(_texts())
@example("two were killed by a grenade")  # "kill" found only inside the other filter's "killed by"
@example("ababduct")
def test_filters_sharing_one_scan_answer_as_each_would_alone(text):
    # split so that one filter's literals hold, start or extend another's ("kill" / "killed", "b" / "ab")
    compiled = {k: re.compile(v, re.IGNORECASE if k != "case" else 0) for k, v in PATTERNS.items()}
    names = list(compiled)
    parts = [{k: compiled[k] for k in names[i::3]} for i in range(3)] + [{"more": re.compile(r"killed by|ab")}]
    for alone, shared in zip((LiteralFilter(p) for p in parts), LiteralFilter.sharing(*parts)):
        assert shared.candidates(text) == alone.candidates(text), text


def test_what_a_pattern_requires():
    assert required_literals(re.compile(PATTERNS["optional"])) == {"kill"}
    assert required_literals(re.compile(PATTERNS["class"])) == {"grenade", "granade"}
    assert required_literals(re.compile(PATTERNS["nothing"])) is None  # only classes: always searched
    assert required_literals(re.compile(PATTERNS["empty_branch"])) == {"b"}
    assert required_literals("(") is None  # a pattern that cannot be read is always searched


def test_a_text_outside_ascii_is_searched_with_every_pattern():
    # under re.IGNORECASE the Kelvin sign matches "k" and the long s matches "s"
    rx = re.compile(r"\bkills\b", re.IGNORECASE)
    text = "\u212aill\u017f"
    assert rx.search(text)
    assert "k" in LiteralFilter({"k": rx}).candidates(text)


def _sentences() -> list[str]:
    texts = []
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        texts += [s for line in path.read_text(encoding="utf-8").splitlines() for s in re.split(r"(?<=\.) ", line)
                  if s.strip()]
    return texts


def test_the_cue_test_and_scan_agree_with_searching_every_cue():
    rx = C._rx()
    for text in _sentences():
        masked = text
        for m in rx.masks:  # the masks as they ran before the filter: every one, in order
            masked = m.sub(lambda x: " " * len(x.group(0)), masked)
        assert C._mask(text, rx) == masked
        assert C.has_cue(text) == (C._any_cue().search(masked) is not None)
        scanned = C._scan_cached(text)[0]  # the text the cues are searched in (grievances blanked)
        may = C._filters().cues.candidates(scanned)
        for name, pattern in rx.cues.items():
            if pattern.search(scanned):
                assert name in may, (name, text)
        if rx.crowd_party.search(scanned):
            assert C._filters().crowd_party.candidates(scanned), text
        if rx.armed_harmed.search(scanned):
            assert C._harms_armed(scanned, rx), text
        can_seize = C._filters().seizures.candidates(scanned)
        for i, pattern in enumerate(rx.seizures):
            if pattern.search(scanned):
                assert i in can_seize, (pattern.pattern, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["on", "12", "May", "March", "2019", "last", "Monday", "week", "ago", "three",
                                 "days", "later", "/", "10/05/2019", "the", "previous", "day", ",", "."]),
                max_size=10).map(" ".join))
def test_the_date_rules_find_what_every_rule_finds(text):
    may = _expr._rule_filter().candidates(text)
    for i, (_, _, rx) in enumerate(_expr.patterns().rules):
        if rx.search(text):
            assert i in may, (i, text)
