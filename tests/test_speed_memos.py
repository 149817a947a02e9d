"""The memo that keeps a sentence from being matched twice against the actor dictionary (speed,
issue 15) must answer as the plain computation does, every time, and must never hand one caller's
list to another; the attribute ruler's index must still find spaCy's longer matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.model import Span
from eventdesk.stages.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]


def _sentences() -> list[tuple[str, Span]]:
    out = []
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [(text, s.span) for s in split_sentences(text, "a", None)]
    return out


def test_actor_matches_give_the_plain_matches_each_time(services) -> None:
    actors = services.actors
    texts = [text[s.start:s.end] for text, s in _sentences()]
    texts += ["The FARC and the ELN attacked Bogota.", "IS fighters and the Taliban", "is it"]

    def plain(text: str) -> list[tuple[int, int, str]]:
        found = [(m.start(), m.end(), m.group(0)) for m in actors._pattern.finditer(text)]
        return [m for m in found if actors._case_ok(m[2])]

    assert sum(bool(plain(t)) for t in texts) >= 5
    for text in texts:
        first = actors.matches(text)
        assert first == plain(text)
        first.append((0, 0, "x"))  # a caller's list is its own
        assert actors.matches(text) == plain(text)


def test_actor_matches_forget_beyond_their_bound(services) -> None:
    actors = services.actors
    texts = [f"Report {i}: the FARC attacked." for i in range(actors._KEEP + 10)]
    for text in texts:
        at = text.index("FARC")
        assert actors.matches(text) == [(at, at + 4, "FARC")]
    assert len(actors._matched) <= actors._KEEP


@pytest.mark.parametrize("text", ["y'all go", "Let's go, c'mon y'all", "There are bombs"])
def test_longer_attribute_patterns_still_fire(text: str, services) -> None:
    from spacy.tokens import Doc

    nlp = services.nlp.nlp
    ruler = nlp.get_pipe("attribute_ruler")
    doc = Doc(nlp.vocab).from_bytes(nlp(text).to_bytes())
    stock = [(k, s, e) for k, _, s, e in _stock_matches(ruler, doc)]
    assert [(k, s, e) for k, _, s, e in ruler.match(doc)] == stock
    assert any(e - s > 1 for _, s, e in stock)


def _stock_matches(ruler, doc):
    """The matches of spaCy's own Matcher with the ruler's patterns, as ``AttributeRuler.match``."""
    found = ruler.matcher(doc, allow_missing=True, as_spans=False)
    return sorted((int(ruler.vocab.strings[m_id]), m_id, s, e) for m_id, s, e in found)
