"""Rules are data (STYLE.md habit 13): the rule files under ``data/rules/`` load, say where their
entries come from, and come back immutable; no extraction module keeps a long word list inline."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import pytest

import eventdesk
from eventdesk import rules

PACKAGE = Path(eventdesk.__file__).resolve().parent
RULES_DIR = PACKAGE / "data" / "rules"


def test_every_rule_file_is_known_to_the_loader_and_packaged():
    on_disk = sorted(p.name for p in RULES_DIR.iterdir() if p.is_file())
    assert on_disk == sorted(rules.RULE_FILES)
    for name in rules.RULE_FILES:
        assert resources.files("eventdesk").joinpath("data", "rules", name).is_file()


@pytest.mark.parametrize("name", rules.RULE_FILES)
def test_a_rule_file_loads_with_its_provenance_and_version(name):
    doc = rules.rule_file(name)
    meta = doc["meta"]
    assert meta["version"] and isinstance(meta["version"], str)
    assert len(meta["source"]) > 20  # says where the entries come from, in words
    assert meta.get("read_by"), "say which module reads the file"


@pytest.mark.parametrize("name", [n for n in rules.RULE_FILES if n not in ("cues.json", "vague_counts.json",
                                                                          "date_words.json")])
def test_word_lists_come_back_immutable(name):
    lists = rules.word_lists(name)
    assert isinstance(lists, Mapping) and lists
    with pytest.raises(TypeError):
        lists["new"] = frozenset()  # type: ignore[index]
    for key, words in lists.items():
        assert isinstance(words, (frozenset, tuple)), key
        assert words and all(isinstance(w, str) and w for w in words), key
    assert rules.word_lists(name) is lists  # read once per process


def test_the_cue_table_is_immutable_and_every_pattern_compiles():
    table = rules.cue_table()
    assert table is rules.cue_table()
    for mapping in (table.nouns, table.cues):
        with pytest.raises(TypeError):
            mapping["new"] = "x"  # type: ignore[index]
    assert isinstance(table.masks, tuple)
    assert {"armed", "civil", "crowd"} <= set(table.nouns)
    for pattern in [*table.nouns.values(), *table.cues.values(), *table.masks]:
        re.compile(pattern)
    # the classifier's ranking tables name only cues the file has
    from eventdesk.extract.trigger import classify
    assert {k for k, _ in (*classify._ERV_ORDER, *classify._SD_ORDER)} <= set(table.cues)


def test_the_classifier_fills_every_placeholder_of_its_role_frames():
    """A ``..._frames`` noun of cues.json is a role pattern whose ``{name}`` placeholders the
    classifier fills with the noun group of that name; none may be left in a compiled pattern."""
    from eventdesk.extract.trigger import classify
    table, rx = rules.cue_table(), classify._rx()
    frames = {k for k in table.nouns if k.endswith("_frames")}
    assert frames == {"armed_harmed_frames", "crowd_party_frames", "raiding_side_frames"}
    for compiled, noun in ((rx.armed_harmed, "armed_harmed"), (rx.crowd_party, "crowd"), (rx.raiding_sides, "raiding_sides")):
        assert not re.search(r"\{[a-z_]+\}", compiled.pattern)
        assert table.nouns[noun] in compiled.pattern
    assert rx.crowd_party.search("clashes between students and police")
    assert rx.armed_harmed.search("three soldiers were killed in the ambush")
    assert not rx.armed_harmed.search("a policeman killed a woman")


def test_vague_counts_keep_acled_figures_and_each_names_its_source():
    figures = rules.vague_counts()
    assert figures is rules.vague_counts()
    with pytest.raises(TypeError):
        figures["oodles"] = 5  # type: ignore[index]
    assert (figures["dozens"], figures["tens"], figures["hundreds"]) == (12, 10, 100)  # CODEBOOK.md section 4
    assert figures["several"] is None  # the 3-or-10 rule decides
    assert all(e["source"] for e in rules.rule_file("vague_counts.json")["figures"].values())


def _refused(monkeypatch, tmp_path, name: str, text: str, match: str) -> None:
    """Load the rule file ``name`` holding ``text`` from a package folder of its own: it must be refused
    with an error that says ``match``."""
    (tmp_path / "data" / "rules").mkdir(parents=True)
    (tmp_path / "data" / "rules" / name).write_text(text, encoding="utf-8")

    class _Files:
        def joinpath(self, *parts):
            return tmp_path.joinpath(*parts)

    monkeypatch.setattr(rules.resources, "files", lambda _pkg: _Files())
    rules.rule_file.cache_clear()
    try:
        with pytest.raises(rules.RuleFileError, match=match):
            rules.rule_file(name)
    finally:
        rules.rule_file.cache_clear()


def test_a_rule_file_without_provenance_is_refused(monkeypatch, tmp_path):
    _refused(monkeypatch, tmp_path, "bare.json", json.dumps({"lists": {}}), "meta")


def test_a_rule_file_that_names_a_list_twice_is_refused(monkeypatch, tmp_path):
    # JSON lets a key repeat and keeps the last: a second list given an existing list's name would
    # silently replace the words every reader of the first expects
    text = ('{"meta": {"version": "1", "source": "test"}, "lists": {'
            '"member_nouns": {"words": ["rebel"]}, "member_nouns": {"words": ["member"]}}}')
    _refused(monkeypatch, tmp_path, "twice.json", text, "member_nouns")


# --- no long word lists inline -------------------------------------------------------------------

MAX_INLINE_WORDS = 15

# Word lists still written inline, each with the reason it stayed (file relative to the package,
# name of the constant or the line's first words).
INLINE_EXCEPTIONS: dict[str, str] = {
    "extract/claims/read.py:CAPITALS": "a fact table (capital -> country, from GeoNames countryInfo), not a "
    "word list: its place is a capital column of data/countries.csv, a change to that file's readers",
}


def _literal_words(node: ast.AST) -> int:
    """How many strings a literal collection holds: a set/tuple/list of strings, or "a b c".split()."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
        return len(node.func.value.value.split())
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        return sum(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)
    return 0


def _inline_lists(path: Path) -> list[tuple[int, int]]:
    """(line, words) of every literal collection of more than MAX_INLINE_WORDS strings."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        n = _literal_words(node)
        if n > MAX_INLINE_WORDS:
            out.append((node.lineno, n))
    return out


def _owner(path: Path, line: int) -> str:
    """The top-level name assigned at or around ``line`` (the constant holding the list)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if node.lineno <= line <= (node.end_lineno or node.lineno):
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                return node.targets[0].id
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                return node.target.id
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                return node.name
    return f"line {line}"


def test_no_extraction_module_keeps_a_long_word_list_inline():
    found = {}
    for folder in ("extract", "stages"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for line, n in _inline_lists(path):
                key = f"{path.relative_to(PACKAGE).as_posix()}:{_owner(path, line)}"
                if key.endswith(":__all__"):
                    continue  # a module's public names, not a word list
                found[key] = max(found.get(key, 0), n)
    unexplained = {k: n for k, n in found.items() if k not in INLINE_EXCEPTIONS}
    assert not unexplained, f"move these word lists to data/rules/ (words inline): {unexplained}"
    stale = set(INLINE_EXCEPTIONS) - set(found)
    assert not stale, f"these exceptions no longer hold a long list inline; drop them: {stale}"


# Regular expressions still written inline whose alternatives are a word list (more than
# MAX_INLINE_ALTERNATIVES of them), each with the reason it stayed. A new one goes to a rule file
# (``eventdesk.rules.pattern``), as the scope, toll, date and anaphor patterns did.
MAX_INLINE_ALTERNATIVES = 15
_CALENDAR = "calendar grammar (month and weekday names, clock times), not a choice of wording"
INLINE_PATTERN_EXCEPTIONS: dict[str, str] = {
    "extract/claims/_attribution.py:_TIME_PREFIX": _CALENDAR,
    "extract/context.py:_DATE_WORDS": _CALENDAR,
    "extract/dates/_expr.py:_PRE": "the grammar of a date's prefix ('on or around', 'the night of'), read with the date",
    "extract/scope/_mentions.py:_CALENDAR_DAY": _CALENDAR,
    "extract/scope/_mentions.py:_DATE_WORDS": _CALENDAR,
}


def _alternatives(node: ast.AST) -> int:
    """How many alternatives ('|') the string constants under ``node`` hold."""
    return sum(n.value.count("|") for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str))


def test_no_extraction_module_keeps_a_long_alternation_inline():
    found = {}
    for folder in ("extract", "stages"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) \
                        and _alternatives(node.value) > MAX_INLINE_ALTERNATIVES:
                    found[f"{path.relative_to(PACKAGE).as_posix()}:{node.targets[0].id}"] = _alternatives(node.value)
    unexplained = {k: n for k, n in found.items() if k not in INLINE_PATTERN_EXCEPTIONS}
    assert not unexplained, f"move these patterns to data/rules/ (alternatives inline): {unexplained}"
    stale = set(INLINE_PATTERN_EXCEPTIONS) - set(found)
    assert not stale, f"these exceptions no longer hold a long alternation inline; drop them: {stale}"


def test_every_single_pattern_entry_compiles_and_a_missing_one_is_an_error():
    count = 0
    for name in rules.RULE_FILES:
        for key, entry in (rules.rule_file(name).get("lists") or {}).items():
            if isinstance(entry, dict) and "pattern" in entry:
                re.compile(rules.pattern(name, key))
                count += 1
    assert count >= 12  # the scope, toll, date, anaphor and reaction patterns
    assert "kill" in rules.pattern("date_words.json", "event_words")
    with pytest.raises(rules.RuleFileError):
        rules.pattern("date_words.json", "no_such_pattern")
