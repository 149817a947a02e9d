"""The letter counts of the casing and cleaning stages give what the character-by-character
definitions give, for ASCII text (the fast path) and any other text."""

from __future__ import annotations

import string

from hypothesis import given, settings, strategies as st

from eventdesk.stages._letters import case_counts, letter_counts


def _by_character(text: str) -> tuple[int, int, int, int]:
    return (sum(ch.isupper() for ch in text), sum(ch.islower() for ch in text),
            sum(ch.isalpha() and ch.isupper() for ch in text), sum(ch.isalpha() and not ch.isupper() for ch in text))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=string.printable) | st.text())
def test_counts_are_the_character_tests(text):
    assert case_counts(text) + letter_counts(text) == _by_character(text)


def test_titlecase_and_other_scripts_are_counted_as_python_counts_them():
    text = "ǅ Ⅷ ß ª Éa BOGOTA"  # a titlecase letter, a capital numeral, letters with no case
    assert case_counts(text) + letter_counts(text) == _by_character(text)
    assert case_counts("GUNMEN KILLED 3") == (12, 0)
