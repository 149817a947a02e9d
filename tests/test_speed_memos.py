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


def test_near_spellings_answer_as_the_whole_index_compared(services) -> None:
    # only the keys within reach by length are compared, and answers are kept: the same districts,
    # in the same order, as comparing the key with every district key
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    from eventdesk.gazetteer import name_key

    gaz = services.gazetteer
    keys = gaz.tables.district_keys
    assert keys, "the cache holds the district indexes"

    def plain(name: str) -> list:
        key = name_key(name)
        if len(key) < 5:
            return []
        edits = 2 if len(key) >= 12 else 1
        found = process.extract(key, list(keys), scorer=OSA.distance, score_cutoff=edits, limit=None)
        return [gaz._entry(n) for k, score, _ in found if 0 < score <= edits for n in keys[k]]

    names = ["Raizh", "Khwlan", "Mamprugo Moaduri", "Kushki Kuhna", "Dihrawod", "Raziih", "Shah Wali Kott", "Abc"]
    assert sum(bool(plain(n)) for n in names) >= 3
    for name in names:
        assert gaz.near_spellings(name) == plain(name)
        assert gaz.near_spellings(name) == plain(name)  # a second time, from what was kept


def test_district_indexes_of_the_cache_are_those_of_the_entries(services) -> None:
    from eventdesk.gazetteer import _build as b

    tables = services.gazetteer.tables
    assert (tables.district_sounds, tables.district_keys) == b.district_indexes(tables.entries)


def test_place_matches_are_the_plain_matches_each_time_and_each_callers_own(services) -> None:
    from eventdesk.extract.places._text import _scan, scan

    gaz = services.gazetteer
    texts = ["Gunmen attacked Kafr Qaddum (Qalqiliya) and Nablus. [Naqil Hajar] Hajar fell.",
             "Troops entered Salim [Naqil Hajar] near Sanaa, then Aden.",
             *(text for text, _ in _sentences()[:40])]

    def plain(text: str, span: Span) -> list:
        return [(c.start, c.end, c.entries) for c in _scan(text, span, gaz)]

    checked = 0
    for text in texts:
        for span in [Span("a", 0, len(text)), Span("a", 0, len(text) // 2), Span("a", len(text) // 3, len(text))]:
            first = scan(text, span, gaz)
            assert [(c.start, c.end, c.entries) for c in first] == plain(text, span)
            checked += bool(first)
            for c in first:  # a caller's candidates and lists are its own
                c.entries.append(None)
                c.chosen = "x"
            again = scan(text, span, gaz)
            assert [(c.start, c.end, c.entries) for c in again] == plain(text, span)
            assert all(c.chosen is None for c in again)
    assert checked >= 10


def test_a_docs_kept_text_is_its_text(services) -> None:
    from eventdesk.stages.parse import doc_text

    texts = [text[s.start:s.end] for text, s in _sentences()][:40] + ["  Two  spaces,\ta tab and a newline\n"]
    for doc in services.nlp.parse(texts):
        assert doc_text(doc) == doc.text
    alone = services.nlp.nlp("Rebels attacked the town .")  # a doc not of ``parse``: read once, then kept
    assert doc_text(alone) == alone.text == doc_text(alone)
