"""The rule files of extraction: cue patterns and word lists read from ``data/rules/``.

Rules are data, mechanisms are code (``shared/STYLE.md``, habit 13): the regular expressions and
word lists that the extraction modules apply live in versioned JSON files under
``src/eventdesk/data/rules/``, one file per concept, each with a ``meta`` header that says where its
entries come from and its version. Because every file under ``data/`` is hashed into the pipeline
version, a changed word or pattern changes the version written into every export.

Every reader here is cached per process (``functools.cache``) and returns immutable values:
frozensets, tuples, read-only mappings (``types.MappingProxyType``) and strings. The files are read
through ``importlib.resources``, so an installed wheel works as well as a checkout.

File shapes (all JSON, UTF-8):

* word lists (``triggers.json``, ``abbreviations.json``, ``toll_words.json``, ``actor_words.json``,
  ``place_words.json``, ``war_zones.json``, ``claim_words.json``, ``modality_words.json``,
  ``page_chrome.json``, ``scope_frames.json``, ``casing_words.json``, ``date_words.json``,
  ``assembly_words.json``): ``{"meta": {...}, "lists": {name: {"note": ..., "words": [...]}}}``; a
  list is returned as a frozenset, or as a tuple when it says ``"ordered": true`` (then its order
  matters to the code that reads it). A list of regular expressions says ``"patterns"`` instead
  of ``"words"``, and is read the same way. One regular expression says ``"pattern"``: a list of
  pieces joined without separator (as in ``cues.json``), read by :func:`pattern`.
* ``vague_counts.json``: ``{"meta": {...}, "figures": {word: {"figure": int or null, "source": ...}}}``.
* ``cues.json``: ``{"meta": {...}, "nouns": [...], "cues": [...], "masks": [...]}``; each entry has
  ``"pattern"``, a list of pieces joined without separator (the pieces keep the line breaks of the
  pattern readable; they are not alternatives), and notes; ``nouns`` and ``cues`` have a ``name``.
  Order is kept: the classifier compiles and combines cues in file order.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

__all__ = [
    "CueTable",
    "RULE_FILES",
    "RuleFileError",
    "cue_table",
    "pattern",
    "rule_file",
    "vague_counts",
    "word_list",
    "word_lists",
]

RULE_FILES: tuple[str, ...] = (
    "cues.json",
    "triggers.json",
    "abbreviations.json",
    "toll_words.json",
    "actor_words.json",
    "place_words.json",
    "person_names.json",
    "name_words.json",
    "war_zones.json",
    "claim_words.json",
    "modality_words.json",
    "vague_counts.json",
    "page_chrome.json",
    "scope_frames.json",
    "casing_words.json",
    "attribution.json",
    "named_groups.json",
    "date_words.json",
    "assembly_words.json",
    "comparison_words.json",
)
"""Every rule file the loader knows, relative to ``data/rules/``."""

_META_FIELDS = ("version", "source")


class RuleFileError(ValueError):
    """A rule file is missing, malformed or lacks its provenance (a packaging or editing error)."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's members, refusing a key given twice: the second list of that name would
    silently replace the first, and the rules that read the first would read other words."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"the key {key!r} is given twice in one object")
        seen[key] = value
    return seen


@cache
def rule_file(name: str) -> Mapping[str, Any]:
    """The parsed rule file ``data/rules/<name>`` (checked for its ``meta`` header), read once."""
    try:
        text = resources.files("eventdesk").joinpath("data", "rules", name).read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleFileError(f"rule file data/rules/{name} cannot be read: {exc}") from exc
    try:
        doc = json.loads(text, object_pairs_hook=_unique_keys)
    except ValueError as exc:
        raise RuleFileError(f"rule file data/rules/{name} is not valid JSON: {exc}") from exc
    meta = doc.get("meta") if isinstance(doc, dict) else None
    if not isinstance(meta, dict) or any(not meta.get(f) for f in _META_FIELDS):
        raise RuleFileError(f"rule file data/rules/{name} lacks a meta header with {', '.join(_META_FIELDS)}")
    return MappingProxyType(doc)


@cache
def word_lists(name: str) -> Mapping[str, frozenset[str] | tuple[str, ...]]:
    """Every list of the word-list file ``name``: frozensets, or tuples for ``"ordered"`` lists."""
    lists = rule_file(name).get("lists")
    if not isinstance(lists, dict):
        raise RuleFileError(f"rule file data/rules/{name} has no 'lists' object")
    out: dict[str, frozenset[str] | tuple[str, ...]] = {}
    for key, entry in lists.items():
        if isinstance(entry, dict) and "pattern" in entry:
            continue  # one regular expression, read by pattern()
        words = (entry.get("words", entry.get("patterns")) if isinstance(entry, dict) else None)
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise RuleFileError(f"rule file data/rules/{name}: list {key!r} has no list of words")
        out[key] = tuple(words) if entry.get("ordered") else frozenset(words)
    return MappingProxyType(out)


def word_list(name: str, key: str) -> frozenset[str] | tuple[str, ...]:
    """One list of a word-list file: ``word_list("toll_words.json", "kill_verbs")``."""
    try:
        return word_lists(name)[key]
    except KeyError:
        raise RuleFileError(f"rule file data/rules/{name} has no list {key!r}") from None


@cache
def pattern(name: str, key: str) -> str:
    """One regular expression of a word-list file, its pieces joined: ``pattern("modality_words.json",
    "habitual")``. The caller compiles it with its flags."""
    lists = rule_file(name).get("lists")
    entry = lists.get(key) if isinstance(lists, dict) else None
    pieces = entry.get("pattern") if isinstance(entry, dict) else None
    if not isinstance(pieces, list) or not all(isinstance(p, str) for p in pieces) or not entry.get("note"):
        raise RuleFileError(f"rule file data/rules/{name} has no pattern {key!r} with a note")
    return "".join(pieces)


@dataclass(frozen=True)
class CueTable:
    """The classifier's patterns (``cues.json``), as pattern texts in file order.

    ``nouns``: participant noun groups by name (armed, civil, crowd), reused inside the
    classifier's role patterns; ``cues``: the cue pattern of each cue name, compiled
    case-insensitively; ``masks``: same-length masks applied before matching (each carries its own
    flags); ``seizures``: lists of weapons or materiel seized or found, inside which the cues of
    explosions / remote violence do not count; ``grievance``: what a protest is against, blanked
    before the cues are read when a protest word is present."""

    nouns: Mapping[str, str]
    cues: Mapping[str, str]
    masks: tuple[str, ...]
    seizures: tuple[str, ...] = ()
    grievance: str = ""


def _patterns(name: str, entries: Any, section: str, named: bool) -> list[tuple[str, str]]:
    if not isinstance(entries, list):
        raise RuleFileError(f"rule file data/rules/{name} has no '{section}' list")
    out = []
    for entry in entries:
        pieces = entry.get("pattern") if isinstance(entry, dict) else None
        if not isinstance(pieces, list) or not all(isinstance(p, str) for p in pieces):
            raise RuleFileError(f"rule file data/rules/{name}: an entry of '{section}' has no pattern pieces")
        key = entry.get("name") if named else ""
        if named and not isinstance(key, str):
            raise RuleFileError(f"rule file data/rules/{name}: an entry of '{section}' has no name")
        out.append((key, "".join(pieces)))
    return out


@cache
def cue_table() -> CueTable:
    """The cue table of :mod:`eventdesk.extract.trigger.classify`, read once."""
    doc = rule_file("cues.json")
    return CueTable(
        nouns=MappingProxyType(dict(_patterns("cues.json", doc.get("nouns"), "nouns", True))),
        cues=MappingProxyType(dict(_patterns("cues.json", doc.get("cues"), "cues", True))),
        masks=tuple(p for _, p in _patterns("cues.json", doc.get("masks"), "masks", False)),
        seizures=tuple(p for _, p in _patterns("cues.json", doc.get("seizures", []), "seizures", False)),
        grievance="".join(p for _, p in _patterns("cues.json", [doc.get("grievance")], "grievance", False)),
    )


@cache
def vague_counts() -> Mapping[str, int | None]:
    """The figure each vague count word stands for (``vague_counts.json``): "dozens" -> 12; None
    for "several"-like words, whose figure the war-zone rule decides (3 or 10)."""
    figures = rule_file("vague_counts.json").get("figures")
    if not isinstance(figures, dict):
        raise RuleFileError("rule file data/rules/vague_counts.json has no 'figures' object")
    out: dict[str, int | None] = {}
    for word, entry in figures.items():
        figure = entry.get("figure", "") if isinstance(entry, dict) else ""
        if not (figure is None or (isinstance(figure, int) and figure > 0)) or not entry.get("source"):
            raise RuleFileError(f"rule file data/rules/vague_counts.json: {word!r} needs a figure (or null) and a source")
        out[word] = figure
    return MappingProxyType(out)
