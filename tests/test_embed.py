"""The remembered word embeddings (``stages/_embed.py``) give exactly the vectors of spaCy's own
tok2vec embed layers, so the tags, parses and entities are the same."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy

from eventdesk.stages import _embed
from eventdesk.stages._embed import remember_embeddings
from eventdesk.stages.parse import MODEL_NAME

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "Gunmen killed three villagers and wounded two; the dead were buried on Monday.",
    "GUERRILLAS OF THE FMLN KILLED TWO PEASANTS IN USULUTAN TODAY.",
    "Luis Carlos Galan was shot dead in Soacha, near Bogota, by gunmen on a motorcycle.",
    "",
    "A car bomb exploded outside the police station in Kismayo.",
]


def _texts() -> list[str]:
    texts = list(TEXTS)
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        texts += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts + texts  # the second time round every word's embedding is known


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(MODEL_NAME)
    remembered = spacy.load(MODEL_NAME)
    assert remember_embeddings(remembered.get_pipe("tok2vec").model) == 1
    assert remember_embeddings(remembered.get_pipe("ner").model) == 1
    assert remember_embeddings(remembered.get_pipe("tok2vec").model) == 0  # once is enough
    return stock, remembered


def _same(stock, remembered, texts) -> None:
    for a, b in zip(stock.pipe(texts, batch_size=16), remembered.pipe(texts, batch_size=16), strict=True):
        assert np.array_equal(a.tensor, b.tensor)  # the tok2vec output, bit for bit
        assert a.to_bytes() == b.to_bytes()  # tags, parse, lemmas, entities
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == \
               [(e.start_char, e.end_char, e.label_) for e in b.ents]


def test_same_vectors_parses_and_entities_as_spacys_layers(pipelines):
    _same(*pipelines, _texts())


def test_same_when_the_memory_starts_afresh(pipelines, monkeypatch):
    monkeypatch.setattr(_embed._Remembered, "_KEEP", 40)  # full after a sentence or two
    stock, _ = pipelines
    remembered = spacy.load(MODEL_NAME)
    remember_embeddings(remembered.get_pipe("tok2vec").model)
    _same(stock, remembered, _texts())


def test_a_model_without_hash_embeddings_is_left_alone():
    from thinc.api import Linear, Relu, chain

    model = chain(Relu(8, 4), Linear(2, 8))
    assert remember_embeddings(model) == 0
    assert all(not isinstance(layer._func, _embed._Remembered) for layer in model.walk())
