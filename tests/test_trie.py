"""The trie-shaped word regex matches exactly what the longest-first alternation matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.stages._trie import trie_pattern

_ALPHABET = "kilnedsab -.'"
words = st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=6), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(words, st.text(alphabet=_ALPHABET + "KILXYZ", max_size=40))
def test_trie_matches_like_the_alternation(ws, text):
    ordered = sorted(set(w.lower() for w in ws), key=len, reverse=True)
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in ordered) + r")(?![\w])", re.IGNORECASE)
    trie = re.compile(r"(?<![\w-])" + trie_pattern(ws) + r"(?![\w])", re.IGNORECASE)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_no_words_never_matches():
    assert re.search(trie_pattern([]), "anything") is None
    assert trie_pattern(["kill", "killed", "kills"]) == "kill(?:ed|s)?"
