"""One regular expression for a long list of literal words, shaped as a trie.

Python's ``re`` tries the alternatives of ``(?:kill|killed|killing|...)`` one by one at every
position; with hundreds of words that dominates the scan. A trie shares prefixes
(``kill(?:ed|ing)?``), so each position costs one walk down the tree. The match is the same as the
longest-first alternation: two words can only both match at one position when one is a prefix of
the other, and the trie tries the longer continuation first (greedy ``?``), backtracking to the
shorter one when what follows does not fit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_pattern"]


def trie_pattern(words: Iterable[str]) -> str:
    """A non-capturing group matching exactly ``words`` (to be compiled with ``re.IGNORECASE``,
    since the words are folded to lower case); "(?!)" (never matches) for no words."""
    root: dict = {}
    for word in words:
        if not word:
            continue
        node = root
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return _node(root) if root else "(?!)"


def _node(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
    return body
