"""The matrix products through numpy's OpenBLAS (``stages/_gemm.py``): a row of a product never
depends on the rows beside it, so a sentence parses the same in any batch, and the parse is the
one spaCy's blis gives on the example texts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy

from eventdesk.stages._gemm import OneThreadBlas, _rowwise_ops
from eventdesk.stages.parse import MODEL_NAME, NlpService

ROOT = Path(__file__).resolve().parents[1]

# (inputs, outputs) of en_core_web_sm's products: tok2vec mixing and encoder, parser and NER layers
_SHAPES = [(384, 288), (288, 288), (576, 288), (96, 64), (96, 50), (64, 384), (64, 1024)]


def _texts() -> list[str]:
    texts = ["GUERRILLAS OF THE FMLN KILLED TWO PEASANTS IN USULUTAN TODAY.", "Gunmen shot him.", "Bombs."]
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        texts += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


@pytest.mark.parametrize("shape", _SHAPES)
def test_a_row_of_a_product_is_the_same_whatever_rows_beside_it(shape):
    ops = _rowwise_ops()
    rng = np.random.default_rng(7)
    a = rng.standard_normal((400, shape[0]), dtype=np.float32)
    w = rng.standard_normal((shape[1], shape[0]), dtype=np.float32)
    whole = ops.gemm(a, w, trans2=True)
    for rows in (*range(1, 70), 100, 257):  # around _MIN_ROWS (32) and the kernel's limit (24 rows)
        for start in (0, 3, 101):
            assert np.array_equal(ops.gemm(a[start:start + rows], w, trans2=True), whole[start:start + rows])
    out = np.empty((2, shape[1]), dtype=np.float32)
    assert ops.gemm(a[:2], w, trans2=True, out=out) is out and np.array_equal(out, whole[:2])


def test_one_thread_while_inside_and_the_count_given_back():
    blas = OneThreadBlas.find()
    if blas is None:
        pytest.skip("no OpenBLAS loaded by numpy here: the model keeps blis")
    before = blas.getter()
    with blas.one_thread():
        assert blas.getter() == 1
    assert blas.getter() == before


@pytest.fixture(scope="module")
def services():
    return NlpService.load(MODEL_NAME), spacy.load(MODEL_NAME)


def test_a_sentence_parses_the_same_alone_and_in_a_batch(services):
    nlp, _ = services
    texts = _texts()
    batch = nlp.parse(texts)
    alone = [nlp.parse([t])[0] for t in reversed(texts)][::-1]
    for a, b in zip(batch, alone, strict=True):
        assert np.array_equal(a.tensor, b.tensor)
        assert a.to_bytes() == b.to_bytes()
        assert nlp.entities(a) == nlp.entities(b)


def test_the_parse_and_entities_of_spacys_blis(services):
    nlp, stock = services
    texts = _texts()
    for ours, theirs in zip(nlp.parse(texts), stock.pipe(texts), strict=True):
        assert [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in ours] == \
               [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in theirs]
        assert nlp.entities(ours) == tuple((e.start_char, e.end_char, e.label_) for e in theirs.ents)
