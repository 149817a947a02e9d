"""Vocabulary of the fatalities stage: the word sets that tell a death word, a victim and a clause
boundary apart in tokenized news text (killing verbs, death states, auxiliaries, stop words, person
and non-person heads).

The words are data: ``data/rules/toll_words.json`` (each list with a note on what it is for, the
file with its source and version), read once through :mod:`eventdesk.rules`. Each list keeps its
upper-case name here, so the tolls modules read ``KILL_VERBS`` as before.

Private to :mod:`eventdesk.extract.tolls.count`; read by :mod:`eventdesk.extract.tolls._phrases`.
"""

from __future__ import annotations

from eventdesk.rules import word_lists

__all__ = [
    "KILL_VERBS",
    "DEATH_STATES",
    "AUX",
    "LEFT_STOPS",
    "RIGHT_STOPS",
    "SUBSET_MARKERS",
    "INJURY",
    "NONPERSON",
    "SINGULAR_PERSON",
    "NOT_A_NAME",
    "NAME_STOPS",
    "PERSON_SUFFIXES",
    "PROTEST_WORDS",
    "SENTENCING_WORDS",
    "NEAR_MISS",
    "WEEKDAYS",
    "SPEECH",
    "TOLL_VERBS",
    "HEAD_STOPS",
    "FULFILLED",
]

_WORDS = word_lists("toll_words.json")

KILL_VERBS: frozenset[str] = _WORDS["kill_verbs"]  # type: ignore[assignment]
DEATH_STATES: frozenset[str] = _WORDS["death_states"]  # type: ignore[assignment]
AUX: frozenset[str] = _WORDS["aux"]  # type: ignore[assignment]
LEFT_STOPS: frozenset[str] = _WORDS["left_stops"]  # type: ignore[assignment]
RIGHT_STOPS: frozenset[str] = _WORDS["right_stops"]  # type: ignore[assignment]
SUBSET_MARKERS: frozenset[str] = _WORDS["subset_markers"]  # type: ignore[assignment]
INJURY: frozenset[str] = _WORDS["injury"]  # type: ignore[assignment]
NONPERSON: frozenset[str] = _WORDS["nonperson"]  # type: ignore[assignment]
SINGULAR_PERSON: frozenset[str] = _WORDS["singular_person"]  # type: ignore[assignment]
PERSON_SUFFIXES: tuple[str, ...] = _WORDS["person_suffixes"]  # type: ignore[assignment]
PROTEST_WORDS: frozenset[str] = _WORDS["protest_words"]  # type: ignore[assignment]
SENTENCING_WORDS: frozenset[str] = _WORDS["sentencing_words"]  # type: ignore[assignment]
NEAR_MISS: frozenset[str] = _WORDS["near_miss"]  # type: ignore[assignment]
WEEKDAYS: frozenset[str] = _WORDS["weekdays"]  # type: ignore[assignment]
SPEECH: frozenset[str] = _WORDS["speech"]  # type: ignore[assignment]
TOLL_VERBS: frozenset[str] = _WORDS["toll_verbs"]  # type: ignore[assignment]
HEAD_STOPS: frozenset[str] = _WORDS["head_stops"]  # type: ignore[assignment]
NOT_A_NAME: frozenset[str] = _WORDS["not_a_name"]  # type: ignore[assignment]
NAME_STOPS: frozenset[str] = _WORDS["name_stops"]  # type: ignore[assignment]
FULFILLED: frozenset[str] = _WORDS["fulfilled_before_infinitive"]  # type: ignore[assignment]
