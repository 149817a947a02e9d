"""The array-based lemmatizer (``stages/_lemmas.py``) gives exactly the lemmas of spaCy's own rule
lemmatizer: the event components read ``lemma_`` (kill, die, threaten, claim)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from eventdesk.stages._lemmas import fast_lemmas
from eventdesk.stages.parse import MODEL_NAME

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "Gunmen killed three villagers and wounded two; the dead were buried on Monday.",
    "The rebels had been threatening to attack, and they claimed the bombings later.",
    "GUERRILLAS OF THE FMLN KILLED TWO PEASANTS IN USULUTAN TODAY.",
    "I ain't gonna do it, y'all; we've had worse, she's better and they're the best.",
]


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(MODEL_NAME, exclude=["ner"])
    fast = spacy.load(MODEL_NAME, exclude=["ner"])
    assert fast_lemmas(fast.get_pipe("lemmatizer"))
    return stock, fast


def test_same_lemmas_and_doc_as_spacys_lemmatizer(pipelines):
    stock, fast = pipelines
    texts = list(TEXTS)
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        texts += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += texts  # the second time round every (word, part of speech, morphology) is known
    for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
        assert a.to_bytes() == b.to_bytes()


def test_a_lemma_already_set_is_kept_unless_the_lemmatizer_overwrites(pipelines):
    _, fast = pipelines
    lemmatizer = fast.get_pipe("lemmatizer")
    doc = fast("Soldiers were killed.", disable=["lemmatizer"])
    doc[2].lemma_ = "slay"
    (out,) = list(lemmatizer.pipe([doc]))
    assert [t.lemma_ for t in out] == ["soldier", "be", "slay", "."]


def test_a_lookup_lemmatizer_is_left_alone():
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert fast_lemmas(lemmatizer) is False
    assert "pipe" not in vars(lemmatizer)
