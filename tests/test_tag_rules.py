"""The indexed attribute-ruler matcher must give exactly the tags, parts of speech, morphology and
lemmas of spaCy's own Matcher: the rest of the pipeline reads them."""

from pathlib import Path

import pytest
import spacy

from eventdesk.stages._tag_rules import fast_match
from eventdesk.stages.parse import MODEL_NAME

ROOT = Path(__file__).resolve().parents[1]

# words the ruler's special patterns name: contractions, two-token forms, auxiliaries, pronouns
TRICKY = [
    "I ain't gonna do it, y'all, and we gotta go.",
    "Let's go, c'mon! Nothin' was there and there is nothing now.",
    "There are bombs. Do you have it? I did, he does, they've had it.",
    "He gave it to me and to you, which I saw; that is what it is, whether or not she's right.",
    "Gunmen killed 3 people in Kismayo on Monday.  The army denied it wasn't there.",
]


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(MODEL_NAME, exclude=["ner"])
    fast = spacy.load(MODEL_NAME, exclude=["ner"])
    assert fast_match(fast.get_pipe("attribute_ruler"))
    return stock, fast


def test_same_annotations_as_spacys_matcher(pipelines):
    stock, fast = pipelines
    texts = list(TRICKY)
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        texts += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert _annotations(a) == _annotations(b)


def test_the_special_patterns_fire(pipelines):
    _, fast = pipelines
    doc = fast("I ain't gonna go, y'all. Let's see.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert lemmas["y'"] == "you"
    assert [t.pos_ for t in doc if t.text == "n't"] == ["PART"]


def test_unknown_pattern_leaves_the_ruler_alone():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "x"})
    stock_match = ruler.match
    assert fast_match(ruler) is False
    assert ruler.match == stock_match


def test_a_match_index_outside_its_span_raises_spacys_error():
    def ruler_for(nlp):
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": "the"}]], {"LEMMA": "x"}, index=3)
        return ruler

    stock, fast = spacy.blank("en"), spacy.blank("en")
    ruler_for(stock)
    assert fast_match(ruler_for(fast))
    for nlp in (stock, fast):
        with pytest.raises(ValueError, match="E1001"):
            nlp("the end")
