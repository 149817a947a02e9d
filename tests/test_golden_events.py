"""Golden records: a short article -> the event it must produce (or the reason it is not one).
The texts are written for the project in the style of news and ACLED notes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventdesk.app import process
from eventdesk.ingest import content_hash
from eventdesk.model import Article, ArticleResult

GOLDEN = Path(__file__).parent / "golden"


def _load(name):
    return [json.loads(line) for line in (GOLDEN / name).read_text().splitlines() if line.strip()]


def _article(rec) -> Article:
    return Article(id=rec["id"], raw=rec["text"], kind="text", origin=f"golden:{rec['id']}",
                   content_hash=content_hash(rec["text"]),
                   published=dt.date.fromisoformat(rec["published"]) if "published" in rec else None)  # a report with no date


@pytest.fixture(scope="module")
def results(services):
    recs = _load("events.jsonl") + _load("not_events.jsonl")
    out = process([_article(r) for r in recs], services)
    return {r.clean.id: r for r in out if isinstance(r, ArticleResult)}


@pytest.mark.parametrize("rec", _load("events.jsonl"), ids=lambda r: r["id"])
def test_golden_event(results, rec):
    res = results[rec["id"]]
    assert len(res.events) == 1, [e.notes for e in res.events]
    e = res.events[0]
    want = rec["expect"]
    got = {
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "event_date": e.date.date.isoformat() if e.date else None,
        "fatalities": e.fatalities.best,
        "actor1": e.actor1.name if e.actor1 else None,
        "actor2": e.actor2.name if e.actor2 else None,
        "country": e.place.country if e.place else None,
    }
    assert {k: got[k] for k in want} == want
    # every field keeps the span it came from, inside the article text
    text = res.clean.text
    for span in [e.type_evidence, *e.sentences]:
        assert span is not None and 0 <= span.start < span.end <= len(text)


@pytest.mark.parametrize("rec", _load("not_events.jsonl"), ids=lambda r: r["id"])
def test_golden_not_event(results, rec):
    res = results[rec["id"]]
    assert res.events == ()
    assert any(rec["reason"] in r.reason for r in res.rejections), res.rejections


def test_default_country_names_generic_actors_of_articles_that_name_no_country(services):
    from dataclasses import replace

    from eventdesk.settings import Settings

    rec = {"id": "dc1", "published": "2020-05-10", "text": "Traders protested against new market fees on Friday."}
    plain = process([_article(rec)], services)[0]
    assert plain.events and plain.events[0].actor1.name == "Protesters"
    kenya = replace(services, settings=Settings(progress=False, default_country="Kenya"))
    hinted = process([_article(rec)], kenya)[0]
    assert hinted.events[0].actor1.name == "Protesters (Kenya)"


# --- whole-report failure kinds: each kind has a positive and a negative record (tests/golden/real_news.jsonl)
REAL_NEWS = _load("real_news.jsonl")


@pytest.fixture(scope="module")
def real_news(services):
    out = process([_article(r) for r in REAL_NEWS], services)
    return {r.clean.id: r for r in out if isinstance(r, ArticleResult)}


def test_every_failure_kind_has_a_positive_and_a_negative_record():
    kinds: dict[str, set[str]] = {}
    for rec in REAL_NEWS:
        kinds.setdefault(rec["kind"], set()).add(rec["id"].rsplit("-", 1)[1])
    assert kinds and all(sides == {"pos", "neg"} for sides in kinds.values()), kinds


def test_every_record_has_its_own_id():
    # the results are keyed by id: a second record with an id would silently test the first one's report
    ids = [rec["id"] for rec in REAL_NEWS]
    assert len(ids) == len(set(ids)), sorted(i for i in set(ids) if ids.count(i) > 1)


def _real_news_param(rec):
    marks = [pytest.mark.xfail(strict=True, reason=rec["known_gap"])] if rec.get("known_gap") else []
    return pytest.param(rec, id=rec["id"], marks=marks)


@pytest.mark.parametrize("rec", [_real_news_param(r) for r in REAL_NEWS])
def test_real_news_record(real_news, rec):
    """A record ``expect``s one event with these fields, ``expect_events`` one event matching each
    of these, ``expect_none`` no event, ``expect_no_type`` no event of that type,
    ``expect_date_not`` that no event is dated that day. A record the pipeline
    does not meet yet carries ``known_gap`` (a strict xfail: it fails the day it starts passing)."""
    res = real_news[rec["id"]]
    if rec.get("expect_none"):
        assert res.events == (), [e.notes for e in res.events]
        return
    if "expect_no_type" in rec:
        assert all(e.event_type != rec["expect_no_type"] for e in res.events), [e.notes for e in res.events]
        return
    if "expect_date_not" in rec:
        assert all(e.date is None or e.date.date.isoformat() != rec["expect_date_not"] for e in res.events)
        return
    if "expect_events" in rec:  # several events, each matching one of these
        got = [_fields(e) for e in res.events]
        assert len(got) == len(rec["expect_events"]), got
        for want in rec["expect_events"]:
            assert any({k: g[k] for k in want} == want for g in got), (want, got)
        return
    assert len(res.events) == 1, [e.notes for e in res.events]
    got = _fields(res.events[0])
    assert {k: got[k] for k in rec["expect"]} == rec["expect"]


def _fields(e) -> dict:
    return {
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "event_date": e.date.date.isoformat() if e.date else None,
        "fatalities": e.fatalities.best,
        "actor1": e.actor1.name if e.actor1 else None,
        "actor2": e.actor2.name if e.actor2 else None,
        "country": e.place.country if e.place else None,
        "location": e.place.location if e.place else None,
        "event_country": e.country_name,  # the place's, or the one read without a place
        "country_how": e.country.how if e.country else None,
    }
