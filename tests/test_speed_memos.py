"""The memos that keep a sentence from being scanned twice (speed, issue 15) must answer as the
plain computation does, every time, and must never hand one caller's objects to another: the
callers fill in the candidates they get."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.extract.places._text import _scan, scan
from eventdesk.model import Span
from eventdesk.stages.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]


def _sentences() -> list[tuple[str, Span]]:
    out = []
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [(text, s.span) for s in split_sentences(text, "a", None)]
    return out


def _fields(cands) -> list[tuple]:
    return [(c.start, c.end, [e.id for e in c.entries], c.cue, c.hints, c.chosen) for c in cands]


def test_place_scan_gives_the_plain_scan_each_time(services) -> None:
    gaz = services.gazetteer
    sentences = _sentences()
    assert sum(bool(_scan(t, s, gaz)) for t, s in sentences) >= 10  # the examples name places
    for text, span in sentences:
        plain = _fields(_scan(text, span, gaz))
        first = scan(text, span, gaz)
        assert _fields(first) == plain
        for cand in first:  # what a caller does with its candidates
            cand.cue, cand.chosen = "in", cand.entries[0] if cand.entries else None
            cand.entries.clear()
        assert _fields(scan(text, span, gaz)) == plain


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
