"""The gazetteer's matching keys (``gazetteer/_text.py``) keep their definition when computed faster:
``name_key`` collapses runs of one letter, ``sound_key`` also erases vowels and h, w, y; the
reference below is the plain regular-expression form of both."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.gazetteer import name_key
from eventdesk.gazetteer._text import ARTICLES, _NON_ALNUM, _token_key, fold, sound_key


def _reference_name_key(name: str) -> str:
    text = fold(name).lower().replace("'", "")
    joined = "".join(_token_key(t) for t in _NON_ALNUM.split(text) if t and t not in ARTICLES)
    return re.sub(r"(.)\1+", r"\1", joined)


def _reference_sound_key(name: str) -> str:
    key = re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouhwy]", "", _reference_name_key(name)))
    return key if len(key) >= 3 else ""


# names as gazetteers spell them: letters (doubled ones often), diacritics, apostrophes, dashes, spaces
_NAMES = st.text(alphabet="aAbdeEhHiklLmnorsStTuwyzZ '-`ʿāīūṬéÉ", max_size=30)


@settings(max_examples=500, deadline=None)
@given(_NAMES)
def test_keys_match_their_definition(name: str) -> None:
    assert name_key(name) == _reference_name_key(name)
    assert sound_key(name) == _reference_sound_key(name)


def test_known_keys() -> None:
    assert name_key("Abbottabad") == "abotabad"  # doubled letters made one
    assert name_key("Hillah") == "hila"  # and a final "ah" read as "a"
    assert sound_key("Kushki Kuhna") == sound_key("Koshki Kohna") == "kskn"
    assert sound_key("Deh Rahwod") == sound_key("Dihrawud")
    assert sound_key("Ayo") == ""  # fewer than three consonants
