"""Analysts' review: corrections, confirmations, merges and splits survive re-runs and are audited."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from eventdesk import review
from eventdesk.app import extract
from eventdesk.errors import ReviewError
from eventdesk.export import event_row
from eventdesk.settings import Settings
from eventdesk.store import Store

CASES = {c["articles"][0]["id"]: c for c in map(json.loads, (Path(__file__).parent / "golden" /
                                                              "fusion_cases.jsonl").open())}
LATE_RAWA = {"id": "rawa-late", "published": "2021-03-14", "outlet": "Late Desk",
             "text": "More on the Rawa raid\n\nIraqi jets struck an Islamic State hideout near Rawa in Anbar on "
                     "Thursday, killing nine militants, a military spokesman said."}


def _extract(services, settings, tmp_path, articles, name):
    manifest = tmp_path / f"{name}.jsonl"
    manifest.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    extract([str(manifest)], settings, services=services)


@pytest.fixture
def rawa(services, tmp_path):
    settings = replace(Settings(), db=tmp_path / "review.db", progress=False)
    _extract(services, settings, tmp_path, CASES["rawa-wire"]["articles"], "rawa")
    with Store.open(settings.db) as store:
        (event,) = store.events()
    return settings, event


def test_a_correction_survives_a_rerun_and_is_audited(services, tmp_path, rawa):
    settings, event = rawa
    fixed = review.correct(settings, event.event_id, {"fatalities": 9, "location": "Rawa"},
                           reviewer="analyst-1", why="checked against the provincial council statement")
    assert (fixed.fields.fatalities.best, fixed.fields.place.location) == (9, "Rawa")
    assert set(fixed.reviewed) == {"fatalities", "location"}
    _extract(services, settings, tmp_path, CASES["rawa-wire"]["articles"] + [LATE_RAWA], "again")
    with Store.open(settings.db) as store:
        (after,) = store.events()
    assert after.source_count == 4  # the new report attached ...
    row = event_row(after)
    assert (row["fatalities"], row["location"], row["reviewed"]) == (9, "Rawa", "fatalities; location")  # ... kept
    trail = review.history(settings, after.event_id)
    entry = next(r for r in trail if r.field == "fatalities")
    assert (entry.reviewer, entry.action, entry.before, entry.after) == ("analyst-1", "correct", 8, 9)
    assert entry.why.startswith("checked")


def test_confirm_is_recorded(rawa):
    settings, event = rawa
    confirmed = review.confirm(settings, event.event_id, reviewer="analyst-2")
    assert "confirmed" in confirmed.reviewed and event_row(confirmed)["reviewed"] == "confirmed"


def test_a_split_holds_across_reruns(services, tmp_path, rawa):
    settings, event = rawa
    with Store.open(settings.db) as store:
        members = sorted(store.members_of([event.event_id])[event.event_id])
    wire = [m for m in members if m.startswith("rawa-wire")]
    rest = [m for m in members if m not in wire]
    parts = review.split(settings, event.event_id, [wire, rest], reviewer="analyst-1", why="two raids")
    assert sorted(p.source_count for p in parts) == [1, 2]
    _extract(services, settings, tmp_path, [LATE_RAWA], "late")
    with Store.open(settings.db) as store:
        events = store.events()
    wire_event = next(e for e in events if any(s.article_id == "rawa-wire" for s in e.sources))
    assert not any(s.article_id in ("rawa-daily", "rawa-weekly") for s in wire_event.sources)
    assert any(r.action == "split" for r in review.history(settings))


def test_a_merge_holds_across_reruns(services, tmp_path):
    settings = replace(Settings(), db=tmp_path / "merge.db", progress=False)
    articles = CASES["tuesday-strike"]["articles"]
    _extract(services, settings, tmp_path, articles, "two")
    with Store.open(settings.db) as store:
        ids = [e.event_id for e in store.events()]
    assert len(ids) == 2
    merged = review.merge(settings, ids, reviewer="analyst-3", why="same raid, misdated by one outlet")
    assert merged.source_count == 2 and any("merged by an analyst" in k.agreed for k in merged.links)
    _extract(services, settings, tmp_path, articles, "two-again")
    with Store.open(settings.db) as store:
        assert len(store.events()) == 1
        assert store.event(ids[0]).event_id == store.event(ids[1]).event_id  # old ids resolve


def test_bad_reviews_are_refused(rawa):
    settings, event = rawa
    with pytest.raises(ReviewError):
        review.correct(settings, event.event_id, {"colour": "red"}, reviewer="a", why="b")
    with pytest.raises(ReviewError):
        review.correct(settings, event.event_id, {"event_date": "yesterday"}, reviewer="a", why="b")
    with pytest.raises(ReviewError):
        review.correct(settings, event.event_id, {"fatalities": 3}, reviewer="a", why=" ")
    with pytest.raises(ReviewError):
        review.split(settings, event.event_id, [["x#0"], ["y#0"]], reviewer="a", why="b")


def test_a_new_copy_of_a_merged_report_joins_the_merged_event(services, tmp_path):
    """Issue 18: two reports an analyst merged (they disagree on the day), then another outlet's copy of
    one of them arrives. It is the same event as the report it copies, so it joins the merged event:
    one event, not new ones."""
    settings = replace(Settings(), db=tmp_path / "merge.db", progress=False)
    articles = CASES["tuesday-strike"]["articles"]
    _extract(services, settings, tmp_path, articles, "two")
    with Store.open(settings.db) as store:
        ids = [e.event_id for e in store.events()]
    merged = review.merge(settings, ids, reviewer="analyst-3", why="same raid, misdated by one outlet")
    copy = dict(articles[0], id="tuesday-copy", outlet="Reprint Four",
                text=articles[0]["text"].replace("the military said", "the Iraqi military said on Wednesday"))
    _extract(services, settings, tmp_path, [copy], "copy")
    with Store.open(settings.db) as store:
        events = store.events()
        assert len(events) == 1, [(e.event_id, [s.article_id for s in e.sources]) for e in events]
        (event,) = events
        assert {s.article_id for s in event.sources} == {"tuesday-strike", "saturday-strike", "tuesday-copy"}
        assert store.resolve(merged.event_id) == event.event_id  # (the copy may now name it: same day)
        last_run = store.runs()[-1].id
        kinds = {c.kind for c in store.changes(run_id=last_run)}
    assert "created" not in kinds and kinds & {"attached", "merged"}


def test_after_a_merge_and_a_split_each_old_id_names_its_own_event_again(services, tmp_path):
    """Issue 18: a merge retires one id into the other (an alias); a split that gives that id back
    to an event of its own must end the alias, or ``Store.event(old_id)`` shows the other event."""
    settings = replace(Settings(), db=tmp_path / "merge-split.db", progress=False)
    _extract(services, settings, tmp_path, CASES["tuesday-strike"]["articles"], "two")
    with Store.open(settings.db) as store:
        before = {e.event_id: {s.article_id for s in e.sources} for e in store.events()}
        reports = {eid: sorted(store.members_of([eid])[eid]) for eid in before}
    assert len(before) == 2
    merged = review.merge(settings, list(before), reviewer="analyst-3", why="looked like one raid")
    review.split(settings, merged.event_id, list(reports.values()), reviewer="analyst-3", why="two raids after all")
    with Store.open(settings.db) as store:
        after = {e.event_id: {s.article_id for s in e.sources} for e in store.events()}
        assert after == before
        for eid, articles in before.items():
            assert store.resolve(eid) == eid
            assert {s.article_id for s in store.event(eid).sources} == articles
