"""Literal pre-filters for regular expressions: the words a match cannot do without.

A cue pattern such as ``\\b(kill(ed|ing)?|shot dead)\\b`` cannot match a text that contains neither
``kill`` nor ``shot dead``. ``required_literals`` reads a pattern's syntax tree (Python's own
parser, ``re._parser``) and returns such a set of lower-case strings, at least one of which occurs
in the lower-cased text of every match; ``LiteralFilter`` then tells, for a text, which of many
patterns can match at all, with a few substring tests instead of a regex search per pattern.

The test is exact, never a heuristic: a pattern the filter rules out cannot match, so skipping its
search changes no result. What the extraction ignores to stay exact:

* zero-width parts (``\\b``, ``^``, look-ahead and look-behind, negative or not) add no
  requirement: ignoring a condition only lets more texts through;
* optional parts (``?``, ``*``, ``{0,n}``), back-references, ``.``, negated and large classes
  contribute nothing; a pattern with nothing required gets ``None`` and is always searched;
* case: every literal and every text are lower-cased, which is a necessary condition for a
  case-insensitive pattern and for a case-sensitive one alike. Unicode case folding makes ``K``
  (the Kelvin sign) match ``k`` and ``ſ`` match ``s`` under ``re.IGNORECASE``; so the filter only
  answers for ASCII texts (``str.isascii``), and a pattern literal outside ASCII contributes
  nothing. A non-ASCII text is searched with every pattern, as without the filter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import product

from eventdesk.stages._trie import trie_pattern

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons keep the same modules under other names
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["LiteralFilter", "required_literals"]

_MAX_SET = 64  # largest set of alternative strings kept while concatenating (a product can explode)
_MAX_CLASS = 8  # a character class of more characters is not expanded into its characters

# (strings, exact): ``exact`` = the node matches exactly one of ``strings`` (lower-cased, ASCII);
# else ``strings`` is a requirement (one of them occurs in every match) or None (nothing required)
_Info = tuple[frozenset[str] | None, bool]
_EMPTY: _Info = (frozenset({""}), True)
_NOTHING: _Info = (None, False)


def required_literals(pattern: str | re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case ASCII strings, at least one of which occurs in the lower-cased text of every
    match of ``pattern``; None when the pattern requires no literal (or cannot be read)."""
    if isinstance(pattern, re.Pattern):
        flags, pattern = pattern.flags, pattern.pattern
    else:
        flags = 0
    try:
        tree = _p.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - a pattern we cannot read is simply always searched
        return None
    strings, exact = _sequence(list(tree))
    if strings is None or "" in strings:
        return None
    return _minimal(strings)


def _minimal(strings: frozenset[str]) -> frozenset[str]:
    """The same requirement with fewer strings: a string that contains another of the set adds
    nothing (where it occurs, the shorter one occurs too)."""
    keep: list[str] = []
    for s in sorted(strings, key=len):
        if not any(k in s for k in keep):
            keep.append(s)
    return frozenset(keep)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements: longer shortest string, then fewer strings."""
    if a is None or "" in a:
        return b
    if b is None or "" in b:
        return a
    ka, kb = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _sequence(items: list) -> _Info:
    """A concatenation: runs of exact parts multiply into longer strings; the best requirement
    of any run or inexact part holds for the whole."""
    best: frozenset[str] | None = None
    run: frozenset[str] | None = frozenset({""})
    all_exact = True
    for op, av in items:
        strings, exact = _node(op, av)
        if exact and strings is not None and run is not None and len(run) * len(strings) <= _MAX_SET:
            run = frozenset(a + b for a, b in product(run, strings))
            continue
        all_exact = False
        best = _better(best, run)
        if exact:  # exact but too many alternatives to multiply: start a new run with them
            run = strings
        else:
            best = _better(best, strings)
            run = frozenset({""})
    if all_exact:
        return run, True
    return _better(best, run), False


def _node(op, av) -> _Info:
    if op is _c.LITERAL:
        ch = chr(av)
        return (frozenset({ch.lower()}), True) if ch.isascii() else _NOTHING
    if op is _c.IN:
        return _char_class(av)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _EMPTY
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is _c.BRANCH:
        return _branch(av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        low, high, sub = av
        strings, exact = _sequence(list(sub))
        if low == 0:
            if high == 1 and exact and strings is not None and len(strings) < _MAX_SET:
                return strings | {""}, True
            return _NOTHING
        if low == high == 1:
            return strings, exact
        return (strings, False) if strings is not None and "" not in strings else _NOTHING
    return _NOTHING  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, GROUPREF_EXISTS, ...


def _branch(alternatives: Iterable) -> _Info:
    out: set[str] = set()
    exact = True
    for alt in alternatives:
        strings, alt_exact = _sequence(list(alt))
        if strings is None:
            return _NOTHING
        out |= strings
        exact = exact and alt_exact
    if not exact and "" in out:
        return _NOTHING
    return frozenset(out), exact


def _char_class(items) -> _Info:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY, a wide range
            return _NOTHING
    if not chars or len(chars) > _MAX_CLASS or not all(c.isascii() for c in chars):
        return _NOTHING
    return frozenset(c.lower() for c in chars), True


class _Scanner:
    """Finds, in one pass over a lower-cased text, the longest of ``literals`` starting at each position
    (a trie-shaped regular expression, ``stages/_trie.py``, inside a look-ahead), and
    remembers the answer per text: filters that share a scanner read a text once between them."""

    _KEEP = 4096  # texts remembered: a sentence is tested by the pre-parse test, then by its scan

    def __init__(self, literals: Iterable[str]) -> None:
        self.literals = frozenset(literals)
        self._find = re.compile(f"(?=({trie_pattern(self.literals)}))") if self.literals else None
        self._known: dict[str, frozenset[str]] = {}

    def found(self, text: str) -> frozenset[str]:
        """The literals found in ``text`` (already lower-cased), each the longest at its position."""
        known = self._known.get(text)
        if known is None:
            if len(self._known) >= self._KEEP:
                self._known.clear()
            known = self._known[text] = frozenset(self._find.findall(text)) if self._find else frozenset()
        return known


class LiteralFilter:
    """Which of several patterns can match a text, by their required literals.

    ``candidates(text)`` returns the names whose pattern may match (all of them for a non-ASCII
    text); a name left out cannot match, so searching only the candidates finds the same matches.

    All the literals are found in one pass (``_Scanner``): at every position of the lower-cased
    text, the longest literal that starts there. Every other literal starting at that position is a
    prefix of it, so each literal is credited with the names of all the literals it contains
    (``_credit``): the names of every literal occurring in the text are found, overlapping or not.
    Filters made together by ``sharing`` scan with the union of their literals, once per text for
    all of them; a literal of another filter found at a position is credited with this filter's
    literals it contains, so each filter's answer is the one it would give alone."""

    def __init__(self, patterns: Mapping[str, str | re.Pattern[str]], *, _scanner: _Scanner | None = None) -> None:
        self.names = tuple(patterns)
        always, owners = _owners(patterns)
        self._always = frozenset(always)
        scanner = _scanner if _scanner is not None else _Scanner(owners)
        self._scanner = scanner if owners else None
        self._credit = _credit(owners, scanner.literals) if owners else {}
        self._known: dict[str, frozenset[str]] = {}

    @classmethod
    def sharing(cls, *pattern_maps: Mapping[str, str | re.Pattern[str]]) -> tuple[LiteralFilter, ...]:
        """One filter per map, all scanning a text once between them (their texts are often the same:
        a sentence is tested for several lists of patterns)."""
        literals = {lit for patterns in pattern_maps for lit in _owners(patterns)[1]}
        scanner = _Scanner(literals)
        return tuple(cls(patterns, _scanner=scanner) for patterns in pattern_maps)

    _KEEP = 4096  # texts remembered: a sentence is tested by the pre-parse test, then by its scan

    def candidates(self, text: str) -> frozenset[str] | tuple[str, ...]:
        if not text.isascii():
            return self.names
        if self._scanner is None:
            return self._always
        known = self._known.get(text)
        if known is not None:
            return known
        found = set(self._always)
        credit = self._credit
        for lit in self._scanner.found(text.lower()):
            found |= credit[lit]
        if len(self._known) >= self._KEEP:
            self._known.clear()
        known = self._known[text] = frozenset(found)
        return known


def _credit(owners: Mapping[str, set[str]], literals: Iterable[str]) -> dict[str, frozenset[str]]:
    """For each of ``literals``, the names of the ``owners`` literals it contains. Each owned literal
    it contains starts at some position of it and is a prefix of the longest owned literal starting
    there, which one trie scan of the literal finds: no test of every pair."""
    find = re.compile(f"(?=({trie_pattern(owners)}))")
    out = {}
    for lit in literals:
        longest = set(find.findall(lit))
        out[lit] = frozenset(n for word in longest for k in range(1, len(word) + 1) for n in owners.get(word[:k], ()))
    return out


def _owners(patterns: Mapping[str, str | re.Pattern[str]]) -> tuple[set[str], dict[str, set[str]]]:
    """The names of the patterns that require no literal, and for each required literal the names
    of the patterns that require it."""
    always: set[str] = set()
    owners: dict[str, set[str]] = {}
    for name, pattern in patterns.items():
        literals = required_literals(pattern)
        if literals is None:
            always.add(name)
        else:
            for lit in literals:
                owners.setdefault(lit, set()).add(name)
    return always, owners
