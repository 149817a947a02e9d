"""A faster matcher for en_core_web_sm's attribute ruler, with the same result.

The attribute ruler maps each fine tag to its coarse part of speech and morphology, and fixes some
words ("n't" is PART, "is" is AUX). It runs spaCy's general token Matcher with its 179 patterns at
every token, which cost as much as the parser on the sentences we parse. Its patterns are all
short, and each names a tag or a word, so an index by word and by tag finds the few that can match
at a token. ``fast_match`` builds that index from the ruler's own patterns and installs it as the
ruler's ``match``: the ruler still applies the matches, in its order. A pattern it cannot read
(an operator, a key it does not know) leaves the ruler as spaCy built it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["fast_match"]

# the token attributes patterns may test, in the order ``_row`` reads them
_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_FIELD = {name: i for i, name in enumerate(_ATTRS)}


def _row(token) -> tuple:
    return (token.lower_, token.tag_, token.dep_, token.is_space)


def _test(value) -> Callable[[object], bool] | None:
    """The test one pattern value makes, or None when it is not one we read."""
    if isinstance(value, (str, bool)):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            barred = frozenset(arg)
            return lambda v: v not in barred
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda v: bool(rx.search(v))
    return None


@dataclass(frozen=True)
class _Pattern:
    key: int  # the ruler's pattern number: its matches apply in this order
    match_id: int  # the hash the ruler's matcher reports for this pattern
    tokens: tuple[tuple[tuple[int, Callable], ...], ...]  # per token: (field of _row, test) pairs

    def at(self, rows: list[tuple], start: int) -> bool:
        if start + len(self.tokens) > len(rows):
            return False
        return all(test(rows[start + k][field]) for k, checks in enumerate(self.tokens) for field, test in checks)


def _index_keys(first: dict, name: str) -> tuple | None:
    """Values of ``name`` a token must have for this first pattern token to match, if it says."""
    value = first.get(name)
    if isinstance(value, (str, bool)):
        return (value,)
    if isinstance(value, dict) and set(value) == {"IN"}:
        return tuple(value["IN"])
    return None


def _lookup(patterns: list[_Pattern], firsts: list[dict]) -> Callable[[tuple], list[_Pattern]]:
    """The patterns indexed by the value their first token requires of the first attribute it
    constrains (word, else tag, dependency, whitespace); the few that constrain none of these by
    a plain value are candidates at every token."""
    tables: tuple[dict, ...] = tuple({} for _ in _ATTRS)
    anywhere: list[_Pattern] = []
    for pattern, first in zip(patterns, firsts):
        for name, table in zip(_ATTRS, tables):
            keys = _index_keys(first, name)
            if keys is not None:
                for k in keys:
                    table.setdefault(k, []).append(pattern)
                break
        else:
            anywhere.append(pattern)

    def candidates(row: tuple) -> list[_Pattern]:
        return [p for table, value in zip(tables, row) for p in table.get(value, ())] + anywhere

    return candidates


class _Index:
    """Finds the ruler's matches in a doc, as its Matcher would. Which one-token patterns match,
    and which longer patterns may start, depends only on the token's row of attributes, so both
    answers are kept per row (keyed by the row's string hashes, as read from the doc)."""

    _KEEP_ROWS = 200_000  # rows remembered before the memory starts afresh

    def __init__(self, patterns: list[_Pattern], firsts: list[dict]) -> None:
        one = [k for k, p in enumerate(patterns) if len(p.tokens) == 1]
        more = [k for k, p in enumerate(patterns) if len(p.tokens) > 1]
        self._single = _lookup([patterns[k] for k in one], [firsts[k] for k in one])
        self._longer = _lookup([patterns[k] for k in more], [firsts[k] for k in more])
        # a row of string hashes -> (the row (``_row``), the one-token hits, the longer candidates)
        self.known: dict[tuple, tuple[tuple, tuple[tuple[int, int], ...], tuple[_Pattern, ...]]] = {}

    def _read(self, key: tuple, strings) -> tuple:
        """What a row of string hashes stands for: the row of strings (``lower_`` is the string of
        the LOWER hash, and so on), the (key, match id) of the one-token patterns that match it and
        the longer patterns whose first token matches it."""
        row = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
        hits = tuple((p.key, p.match_id) for p in self._single(row) if p.at([row], 0))
        if len(self.known) >= self._KEEP_ROWS:
            self.known.clear()
        # a longer pattern whose first token does not fit this row cannot start here ("y'?" of "y'all"
        # is a candidate at every token by the index alone)
        longer = tuple(p for p in self._longer(row) if all(test(row[f]) for f, test in p.tokens[0]))
        known = self.known[key] = (row, hits, longer)
        return known

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        """The matches ``(key, match id, start, end)`` in the order the ruler applies them. The
        token columns are read from the doc's arrays: creating a Token per token cost more than
        matching."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        strings, known, read = doc.vocab.strings, self.known, self._read
        seen = [known.get(key) or read(key, strings)
                for key in map(tuple, doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist())]
        rows = None
        found = []
        for i, (_, hits, longer) in enumerate(seen):
            for key, match_id in hits:
                found.append((key, match_id, i, i + 1))
            if longer:
                if rows is None:
                    rows = [row for row, _, _ in seen]
                found.extend((p.key, p.match_id, i, i + len(p.tokens)) for p in longer if p.at(rows, i))
        found.sort()
        return found


def fast_match(ruler) -> bool:
    """Give ``ruler`` (spaCy's AttributeRuler) the indexed matcher. Returns False, changing
    nothing, when one of its patterns is of a kind the index does not read."""
    patterns, firsts = [], []
    for key, entry in enumerate(ruler.patterns):
        match_id = ruler.vocab.strings[str(key)]
        for specs in entry["patterns"]:  # a key may hold several patterns, all with its attributes
            tokens = []
            for spec in specs:
                checks = []
                for name, value in spec.items():
                    test = _test(value)
                    if name not in _FIELD or test is None:
                        return False
                    checks.append((_FIELD[name], test))
                tokens.append(tuple(checks))
            if not tokens:
                return False
            patterns.append(_Pattern(key, match_id, tuple(tokens)))
            firsts.append(specs[0])
    ruler.match = _Index(patterns, firsts)
    ruler.set_annotations = _setter(ruler)
    return True


def _setter(ruler) -> Callable:
    """The ruler's ``set_annotations`` without a ``Span`` per match (one or more for every token):
    the token a match's attributes go to is found by index, and they are set as spaCy sets them
    (``set_token_attrs``). A match whose index falls outside it is left to spaCy's own method, with
    the matches after it, which raises spaCy's error."""
    from spacy.tokens._retokenize import set_token_attrs

    original = ruler.set_annotations

    def set_annotations(doc, matches) -> None:
        for k, (attr_id, _match_id, start, end) in enumerate(matches):
            index = ruler.indices[attr_id]
            i = (end if index < 0 else start) + index
            if not start <= i < end:
                original(doc, matches[k:])
                return
            set_token_attrs(doc[i], ruler.attrs[attr_id])

    return set_annotations
