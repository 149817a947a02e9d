"""Fusion on the real corpus (../shared/corpus/seeds), through extract and the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from eventdesk.app import extract
from eventdesk.settings import Settings
from eventdesk.store import Store

HAJIN_PAGES = {"001_68412149284f4983", "002_487561956ce51ea4", "004_94b2630fe3beb065"}


@pytest.fixture(scope="module")
def store_path(services, shared_dir, tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    settings = replace(Settings(), db=db, progress=False)
    extract([str(shared_dir / "corpus" / "seeds" / "manifest.jsonl")], settings, services=services)
    return db


@pytest.fixture(scope="module")
def events(store_path):
    with Store.open(store_path) as store:
        return store.events()


def _hajin(events):
    found = [e for e in events if e.fields.date and e.fields.date.date == dt.date(2018, 4, 19)
             and e.fields.sub_event_type == "Air/drone strike"]
    assert len(found) == 1, [(e.event_id, [s.article_id for s in e.sources]) for e in found]
    return found[0]


def test_hajin_strike_is_one_event_from_three_pages(events):
    e = _hajin(events)
    assert {s.article_id for s in e.sources} == HAJIN_PAGES
    assert e.source_count == 3 and e.independent_sources == 3
    assert e.fields.place.location == "Hajin" and e.fields.place.country == "Syria"
    assert e.fields.actor1.name == "Military Forces of Iraq"
    assert len(e.links) == 2 and all(k.score >= 0.55 and "date: same day" in k.agreed for k in e.links)


def test_hajin_deaths_are_disputed_36_against_unknown(events):
    e = _hajin(events)
    assert "fatalities" in e.disputed
    assert e.fields.fatalities.best == 36
    assert (e.fields.fatalities.low, e.fields.fatalities.high) == (36, 36)
    deaths = [(c.span.article_id[:3], c.value, c.stance, c.speaker) for c in e.claims if c.field == "fatalities"]
    assert ("002", "36", "attributed", "Yahya Rasul") in deaths
    assert any(article == "001" and value == "" and stance == "unknown" for article, value, stance, _ in deaths)


def test_hajin_coordination_claims_are_attributed_to_their_speakers(events):
    e = _hajin(events)
    said = {(c.span.article_id[:3], c.value, c.stance, c.speaker) for c in e.claims if c.field == "coordinated_with"}
    assert ("001", "Military Forces of Syria", "attributed", "Iraqi officials") in said
    assert ("004", "Government of Syria", "attributed", "an Iraqi military spokesman") in said


def test_december_strike_and_may_2020_attacks_stay_separate(events):
    dec = [e for e in events if e.fields.date and e.fields.date.date == dt.date(2018, 12, 31)]
    assert len(dec) == 1 and [s.article_id[:3] for s in dec[0].sources] == ["000"]
    may = [e for e in events if e.fields.date and e.fields.date.date.year == 2020]
    assert len(may) >= 4 and all(e.source_count == 1 for e in may)
    provinces = {e.fields.place.admin1 for e in may if e.fields.place}
    assert {"Diyala", "Baghdad"} <= provinces and any("Salah" in p for p in provinces)


def test_december_coordination_is_doubted_by_its_analyst(events):
    dec = next(e for e in events if e.fields.date and e.fields.date.date == dt.date(2018, 12, 31))
    doubted = [(c.value, c.speaker) for c in dec.claims if c.field == "coordinated_with" and c.stance == "doubted"]
    assert ("Government of Syria", "Arnaud Delalande") in doubted


def test_rerun_changes_nothing_and_change_log_records_the_merge(services, shared_dir, store_path):
    with Store.open(store_path) as store:
        before = [(e.event_id, e.disputed, tuple(s.article_id for s in e.sources)) for e in store.events()]
        log_before = len(store.changes())
    settings = replace(Settings(), db=store_path, progress=False)
    extract([str(shared_dir / "corpus" / "seeds" / "manifest.jsonl")], settings, services=services)
    with Store.open(store_path) as store:
        after = [(e.event_id, e.disputed, tuple(s.article_id for s in e.sources)) for e in store.events()]
        log = store.changes()
    assert after == before and len(log) == log_before
    created = [c for c in log if c.kind == "created" and len(c.detail["mentions"]) == 3]
    assert len(created) == 1
