"""Name folding and matching keys.

Place names reach us in many transliterations ("Ṭūz Khūrmātū", "Tuz Khurmatu", "Deir ez-Zor",
"Dayr az Zawr", "Basrah", "Basra"). Rather than fuzzy matching at query time (slow, and it invents
matches), every name is reduced once to a *key* that erases the differences transliterations
disagree on: diacritics, apostrophes/ayn signs, hyphens, the Arabic article, doubled letters and a
final "-ah". Two spellings match when their keys are equal.
"""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata

__all__ = ["fold", "is_latin", "name_key", "sound_key", "strip_admin_suffix", "is_plausible_english", "ARTICLES"]

# Letters that NFKD does not decompose into ASCII + combining marks.
_SPECIAL = str.maketrans(
    {
        "ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
        "Œ": "OE", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ə": "a", "Ə": "A", "ħ": "h",
        "þ": "th", "ð": "d", "ŋ": "ng", "ɛ": "e", "ɔ": "o", "ʃ": "sh",
        "‘": "'", "’": "'", "ʿ": "'", "ʾ": "'", "ʻ": "'", "ʼ": "'", "`": "'", "´": "'",
        "‐": "-", "‑": "-", "–": "-", "—": "-",
    }
)

# The Arabic definite article and its assimilated forms, written as separate words.
ARTICLES = frozenset(
    {"al", "el", "il", "ul", "ad", "ar", "as", "az", "ash", "at", "an", "ath", "adh", "ez", "es",
     "ed", "er", "et", "en", "esh", "l"}
)
# "Ezzor", "Arraqqa", "Assalam": an article glued to a word beginning with the same sun letter.
_GLUED_ARTICLE = re.compile(r"^[ae](d|t|z|s|r|n|sh|th|dh)(?=\1)")
# Letters of other scripts: Greek to Mongolian, Greek Extended onward (not Latin Extended
# Additional, U+1E00-U+1EFF, nor the quotation marks U+2010-U+202F).
_NON_LATIN = re.compile("[\u0370-\u1DFF\u1F00-\u200F\u2030-\uFFFF]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLED = re.compile(r"(.)\1+")
_SOUNDLESS = str.maketrans("", "", "aeiouhwy")  # what sound_key erases

_ADMIN_SUFFIX = re.compile(
    r"\s+(governorate|province|county|region|district|oblast|department|state|division|"
    r"prefecture|municipality|parish|rayon|voblast|wilaya|muhafazah|lga|upazila|tehsil|township|"
    r"sub-?county|sub-?district|subdivision)$",
    re.IGNORECASE,
)
# "Karachi city", "Tonj town" as a hint; "Mexico City" and "Quezon City" keep their capital
_PLACE_WORD = re.compile(r"\s+(?:city|town|area)$")
_ADMIN_PREFIX = re.compile(r"^(province of|governorate of|county of|region of|state of)\s+", re.I)
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'\-]*(?:[ \-][A-Za-z][A-Za-z'\-]*){0,5}$")


def fold(name: str) -> str:
    """ASCII-fold a name for display: drop diacritics, normalise apostrophes and dashes.

    Characters with no ASCII equivalent (other scripts) are dropped, so check ``isascii`` of the
    input first when the caller needs to know whether anything was lost.
    """
    if name.isascii():
        return name.replace("`", "'").strip()
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL)).translate(_SPECIAL)
    return text.encode("ascii", "ignore").decode("ascii").strip()


def is_latin(name: str) -> bool:
    """Whether a name is written in the Latin script (diacritics allowed)."""
    return _NON_LATIN.search(name) is None


def _token_key(token: str) -> str:
    if len(token) > 4 and token[0] in "ae":
        token = _GLUED_ARTICLE.sub("", token)
    if len(token) > 3 and token.endswith("ah"):
        token = token[:-1]
    return token


def _undouble(text: str) -> str:
    """Runs of one character made one ("Hillah" -> "Hilah"); searched first, because most names
    have none and a search costs a quarter of a substitution."""
    return _DOUBLED.sub(r"\1", text) if _DOUBLED.search(text) else text


@lru_cache(maxsize=262_144)
def name_key(name: str) -> str:
    """The matching key of a name ("" when nothing is left, e.g. for a name in another script).

    >>> name_key("Ṭūz Khūrmātū") == name_key("Tuz Khurmatu")
    True
    >>> name_key("Deir ez-Zor") == name_key("Deir Ezzor")
    True
    """
    text = fold(name).lower().replace("'", "")
    joined = "".join(_token_key(t) for t in _NON_ALNUM.split(text) if t and t not in ARTICLES)
    return _undouble(joined)


@lru_cache(maxsize=262_144)
def spelling(name: str) -> str:
    """A name as spelled: folded to lower-case ASCII letters and digits, doubled letters kept
    (``name_key`` merges them, so "Kisii" and "Kisi" share a key but not a spelling).

    >>> spelling("Kisii") == spelling("KISII"), spelling("Kisii") == spelling("Kisi")
    (True, False)
    """
    return "".join(ch for ch in fold(name).lower() if ch.isalnum())


def sound_key(name: str) -> str:
    """A coarser key that also erases the vowels and the h, w and y transliterations disagree on:
    "Kushki Kuhna" and "Koshki Kohna", "Deh Rahwod" and "Dihrawud", "Kash Rod" and "Khash Rod".

    It invents matches between unrelated short names, so it is only read where a text names a
    district and the province around it (`Gazetteer.sounds_like`); "" when fewer than three
    consonants are left.

    >>> sound_key("Kushki Kuhna") == sound_key("Koshki Kohna")
    True
    """
    key = _undouble(name_key(name).translate(_SOUNDLESS))
    return key if len(key) >= 3 else ""


def strip_admin_suffix(name: str) -> str:
    """ "Diyala Governorate" -> "Diyala", "Kisii County" -> "Kisii", "Province of X" -> "X"."""
    stripped = _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", _PLACE_WORD.sub("", name.strip())))
    return stripped or name.strip()


def is_plausible_english(name: str) -> bool:
    """Whether an alternate name looks like something an English text would write.

    GeoNames alternate names include codes ("BGW"), machine transliterations in lower case
    ("bghdad"), other scripts and long official forms; a display name wants Latin-script,
    capitalised names of at most six words.
    """
    if not name or not name.isascii() or any(c.isdigit() for c in name):
        return False
    if name.isupper() or len(name) < 3:
        return False
    return bool(_LATIN_NAME.match(name))
