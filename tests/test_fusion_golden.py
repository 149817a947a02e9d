"""Golden fusion cases (tests/golden/fusion_cases.jsonl): small sets of articles written by the team,
with the grouping a careful coder expects, run through the whole pipeline and the store.

Each case is also run in reverse order and one article at a time (incremental), which must give
the same events with the same ids; and adding an unrelated article must change no existing event.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from eventdesk.app import extract
from eventdesk.settings import Settings
from eventdesk.store import Store

CASES = [json.loads(line) for line in (Path(__file__).parent / "golden" / "fusion_cases.jsonl").open()]
UNRELATED = {
    "id": "unrelated-nairobi", "published": "2021-03-12", "outlet": "Other Desk",
    "text": "Traders protest in Nairobi\n\nHundreds of traders marched through central Nairobi on Thursday to "
            "protest against new market fees, police said. The march ended peacefully.",
}


def _run(services, tmp_path: Path, batches: list[list[dict]], name: str) -> list:
    db = tmp_path / f"{name}.db"
    settings = replace(Settings(), db=db, progress=False)
    for n, batch in enumerate(batches):
        manifest = tmp_path / f"{name}-{n}.jsonl"
        manifest.write_text("".join(json.dumps(a) + "\n" for a in batch), encoding="utf-8")
        extract([str(manifest)], settings, services=services)
    with Store.open(db) as store:
        return store.events()


def _grouping(events) -> list[list[str]]:
    return sorted(sorted(s.article_id for s in e.sources) for e in events)


def _by_article(events) -> dict:
    return {s.article_id: e for e in events for s in e.sources}


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_golden_grouping_and_fields(services, tmp_path, case):
    events = _run(services, tmp_path, [case["articles"]], "all")
    assert _grouping(events) == sorted(sorted(g) for g in case["groups"])
    by_article = _by_article(events)
    for aid, fields in case.get("disputed", {}).items():
        assert list(by_article[aid].disputed) == fields
    for aid, (best, low, high) in case.get("fatalities", {}).items():
        f = by_article[aid].fields.fatalities
        assert (f.best, f.low, f.high) == (best, low, high)
    for aid, count in case.get("independent", {}).items():
        assert by_article[aid].independent_sources == count
        assert by_article[aid].source_count > count
    for aid, flag in case.get("by_content", {}).items():
        assert any(k.by_content for k in by_article[aid].links) is flag
        assert by_article[aid].fields.date is not None  # the dated report's date is kept


@pytest.mark.parametrize("case", [c for c in CASES if len(c["articles"]) > 1], ids=lambda c: c["case"])
def test_order_and_increments_do_not_change_events(services, tmp_path, case):
    articles = case["articles"]
    together = _run(services, tmp_path, [articles], "together")
    reverse = _run(services, tmp_path, [articles[::-1]], "reverse")
    one_by_one = _run(services, tmp_path, [[a] for a in articles[::-1]], "increments")

    def key(events):
        return sorted((e.event_id, tuple(sorted(s.article_id for s in e.sources)), e.disputed,
                       e.fields.fatalities.best) for e in events)

    assert key(reverse) == key(together)
    assert key(one_by_one) == key(together)


def test_an_unrelated_article_changes_no_event(services, tmp_path):
    articles = CASES[0]["articles"]
    before = _run(services, tmp_path, [articles], "before")
    after = _run(services, tmp_path, [articles, [UNRELATED]], "after")
    old = {e.event_id: e for e in before}
    kept = {e.event_id: e for e in after if e.event_id in old}
    assert kept.keys() == old.keys()
    for eid, event in kept.items():
        assert (event.fields, event.sources, event.disputed) == (old[eid].fields, old[eid].sources, old[eid].disputed)


def test_incremental_run_logs_an_attachment(services, tmp_path):
    case = CASES[0]
    db = tmp_path / "log.db"
    settings = replace(Settings(), db=db, progress=False)
    for n, article in enumerate(case["articles"]):
        manifest = tmp_path / f"log-{n}.jsonl"
        manifest.write_text(json.dumps(article) + "\n", encoding="utf-8")
        extract([str(manifest)], settings, services=services)
    with Store.open(db) as store:
        kinds = [c.kind for c in store.changes()]
        (event,) = store.events()
    assert kinds[0] == "created" and kinds.count("created") == 1
    assert "attached" in kinds or "merged" in kinds
    assert event.source_count == 3
