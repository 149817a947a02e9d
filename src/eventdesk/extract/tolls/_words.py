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
    "DEATH_NOUNS_OF",
    "BODY_NOUNS_OF",
    "FATAL_PARTICIPLES",
    "SHOOTING_BEFORE_DEAD",
    "RESULTATIVE_BEFORE_DEAD",
    "REVENGE_WORDS",
    "TOTAL_MARKERS",
    "ADDITIVE_WORDS",
    "PARTITIVE_WORDS",
    "VERBS_BEFORE_DOWN",
    "LOSE_FORMS",
    "NONE_BEFORE_DEATH",
    "NOT_PERSON_ER",
    "APPROXIMATORS",
    "VAGUE_NUMBER_OPENERS",
    "NOT_A_COUNT_AFTER",
    "AGE_WORDS",
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
DEATH_NOUNS_OF: frozenset[str] = _WORDS["death_nouns_before_of"]  # type: ignore[assignment]
BODY_NOUNS_OF: frozenset[str] = _WORDS["body_nouns_before_of"]  # type: ignore[assignment]
FATAL_PARTICIPLES: frozenset[str] = _WORDS["fatal_participles"]  # type: ignore[assignment]
SHOOTING_BEFORE_DEAD: frozenset[str] = _WORDS["shooting_before_dead"]  # type: ignore[assignment]
RESULTATIVE_BEFORE_DEAD: frozenset[str] = _WORDS["resultative_before_dead"]  # type: ignore[assignment]
REVENGE_WORDS: frozenset[str] = _WORDS["revenge_words"]  # type: ignore[assignment]
TOTAL_MARKERS: frozenset[str] = _WORDS["total_markers"]  # type: ignore[assignment]
ADDITIVE_WORDS: frozenset[str] = _WORDS["additive_words"]  # type: ignore[assignment]
PARTITIVE_WORDS: frozenset[str] = _WORDS["partitive_words"]  # type: ignore[assignment]
VERBS_BEFORE_DOWN: frozenset[str] = _WORDS["verbs_before_down"]  # type: ignore[assignment]
LOSE_FORMS: frozenset[str] = _WORDS["lose_forms"]  # type: ignore[assignment]
NONE_BEFORE_DEATH: frozenset[str] = _WORDS["none_before_death"]  # type: ignore[assignment]
NOT_PERSON_ER: frozenset[str] = _WORDS["not_person_er_words"]  # type: ignore[assignment]
APPROXIMATORS: frozenset[str] = _WORDS["approximators"]  # type: ignore[assignment]
VAGUE_NUMBER_OPENERS: frozenset[str] = _WORDS["vague_number_openers"]  # type: ignore[assignment]
NOT_A_COUNT_AFTER: frozenset[str] = _WORDS["not_a_count_after"]  # type: ignore[assignment]
AGE_WORDS: frozenset[str] = _WORDS["age_words"]  # type: ignore[assignment]
