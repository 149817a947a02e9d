"""No input can make a later run fail: out-of-range dates and tolls are refused or made unknown with a
reason before they reach the store, one bad article never costs the rest of its storage batch, and a
store written by an earlier version with such records is repaired by a migration.

The hostile cases are the ones that poisoned stores: a manifest ``published`` of year 1 or 9999,
"12/31/9999" in a text, a toll of 2^63 or more, an integer literal of more than 4,300 digits, a lone
surrogate, a NUL in ``path``, JSON nested 1,000 deep."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient

from eventdesk.api import create_app
from eventdesk.app import extract, process
from eventdesk.ingest import content_hash
from eventdesk.model import EARLIEST_DATE, LATEST_DATE, Article, ArticleResult, Fatalities
from eventdesk.settings import Settings
from eventdesk.store import Store

TOKEN = "poison-token-0123456789abcdef"
GOOD = "Gunmen killed five people in the village of Tarmiyah on Monday, police said."


def _hostile_lines() -> list[str]:
    lines = [
        {"id": "year1", "text": GOOD, "published": "0001-01-01"},
        {"id": "year9999", "text": GOOD + " Officials confirmed it.", "published": "9999-12-31"},
        {"id": "textdate", "text": "On 12/31/9999 gunmen killed five people in Tarmiyah, police said.",
         "published": "2020-01-05"},
        {"id": "bigtoll", "text": "Gunmen killed 99999999999999999999 people in Tarmiyah on Monday, police said.",
         "published": "2020-01-05"},
        {"id": "nul", "path": "a\u0000b.txt"},
    ]
    out = [json.dumps(r) for r in lines]
    out.append('{"id": "digits", "text": "x", "n": ' + "9" * 5000 + "}")
    out.append('{"id": "surrogate", "text": "Gunmen killed two \\ud800 people in Kabul."}')
    out.append("[" * 1000 + "]" * 1000)
    out.append(json.dumps({"id": "good", "text": GOOD, "published": "2020-01-06"}))
    return out


def _check_store(path: Path) -> None:
    with Store.open(path) as store:
        for e in store.events():
            if e.fields.date is not None:
                assert EARLIEST_DATE <= e.fields.date.date <= LATEST_DATE
            assert 0 <= e.fields.fatalities.best <= 100_000


def test_hostile_manifest_lines_are_skipped_or_bounded_and_later_runs_work(services, tmp_path: Path) -> None:
    manifest = tmp_path / "hostile.jsonl"
    manifest.write_text("\n".join(_hostile_lines()) + "\n", encoding="utf-8")
    db = tmp_path / "events.db"
    settings = Settings(db=str(db), progress=False, batch_size=64)
    report = extract([str(manifest)], settings, services=services)
    reasons = {s.origin.rsplit(":", 1)[1]: s.reason for s in report.summary.skipped}
    assert "outside the dates eventdesk codes" in reasons["1"]
    assert "outside the dates eventdesk codes" in reasons["2"]
    assert "NUL" in reasons["5"]
    assert "4300" in reasons["6"] or "digits" in reasons["6"]
    assert "lone surrogate" in reasons["7"]
    assert "nested too deeply" in reasons["8"]
    # the three storable articles are stored, none with a raw out-of-range value
    assert report.summary.articles_new == 3
    _check_store(db)
    with Store.open(db) as store:
        (big,) = [m for m in store.stored_mentions(store.mention_ids("bigtoll"))]
        assert big.mention.fatalities.best == 0
        assert "out of range" in big.mention.fatalities.how
    # a later run on the same store (local engine and through the API) still works
    again = tmp_path / "again.jsonl"
    again.write_text(json.dumps({"id": "later", "text": GOOD + " Residents fled.", "published": "2020-01-07"})
                     + "\n", encoding="utf-8")
    assert extract([str(again)], settings, services=services).summary.articles_new == 1
    with TestClient(create_app(Settings(db=str(db), write_token=TOKEN), services_loader=lambda s: services),
                    base_url="http://127.0.0.1") as client:
        r = client.post("/api/articles", headers={"Authorization": f"Bearer {TOKEN}"},
                        json={"articles": [{"id": "api", "text": GOOD + " It was the third attack.",
                                            "published": "2020-01-08"}]})
        assert r.status_code == 200, r.text
        r = client.post("/api/articles", headers={"Authorization": f"Bearer {TOKEN}"},
                        json={"articles": [{"id": "api9999", "text": GOOD, "published": "9999-12-31"}]})
        assert r.status_code < 500, r.text
        assert client.get("/api/stats", params={"by": "week"}).status_code == 200


def test_an_out_of_range_text_date_is_dropped_with_its_reason(services) -> None:
    text = "On 12/31/9999 gunmen killed five people in Tarmiyah, police said."
    article = Article(id="t", raw=text, kind="text", origin="t", content_hash=content_hash(text), published=None)
    settings = replace(services.settings, keep_undated=True)
    (result,) = process([article], replace(services, settings=settings))
    assert isinstance(result, ArticleResult)
    for m in result.events:
        assert m.date is None or EARLIEST_DATE <= m.date.date <= LATEST_DATE


def test_one_unstorable_article_does_not_cost_its_batch(services, tmp_path: Path) -> None:
    texts = [f"Gunmen killed {n} people in Tarmiyah on Monday, police said." for n in ("two", "three", "four")]
    articles = [Article(id=f"a{i}", raw=t, kind="text", origin=f"o{i}", content_hash=content_hash(t),
                        published=dt.date(2020, 1, 6)) for i, t in enumerate(texts)]
    results = process(articles, services)
    assert all(isinstance(r, ArticleResult) and r.events for r in results)
    # a value no stage would produce any more, forced past the checks: SQLite cannot hold it
    bad_event = replace(results[1].events[0], fatalities=Fatalities(2**70, 2**70, 2**70))
    results[1] = replace(results[1], events=(bad_event,))
    with Store.open(tmp_path / "s.db") as store:
        outcome = store.add_results_isolated(results, pipeline_version="test")
        assert outcome[0][0] == "a0" and outcome[2][0] == "a2"
        assert outcome[1][0] is None and "not stored" in outcome[1][1]
        assert store.totals()["articles"] == 2


def test_migration_repairs_a_store_holding_out_of_range_records(services, tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    settings = Settings(db=str(db), progress=False)
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "one", "text": GOOD, "published": "2020-01-06"}) + "\n", encoding="utf-8")
    extract([str(first)], settings, services=services)
    # what an earlier version could store, and the schema version it had
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE event_mentions SET event_date = '0001-01-01', fatalities = 9000000000000000000")
        claim = {"field": "fatalities", "value": "9" * 30, "stance": "asserted", "span": ["one", 0, 10], "speaker": "",
                 "speaker_span": None, "revised": False}
        keep = dict(claim, value="5")
        conn.execute("UPDATE event_mentions SET claims = ?", (json.dumps([claim, keep]),))
        conn.execute("UPDATE events SET event_date = '9999-12-31', fatalities = 9000000000000000000")
        conn.execute("UPDATE articles SET published = '9999-12-31'")
        conn.execute("DELETE FROM schema_migrations WHERE version = 4")  # as if 0004 were new
    conn.close()
    with Store.open(db) as store:  # migrates
        (m,) = store.stored_mentions(store.mention_ids("one"))
        assert m.mention.date is None and m.mention.fatalities.best == 0
        assert "migration 0004" in m.mention.fatalities.how
        assert [c.value for c in m.mention.claims] == ["5"]
    _check_store(db)
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({"id": "two", "text": GOOD + " Residents fled.", "published": "2020-01-07"}) + "\n",
                     encoding="utf-8")
    assert extract([str(later)], settings, services=services).summary.articles_new == 1
