"""Re-extraction when the pipeline version changes: stale results are replaced, fusion updates the
events and says why, reviewed values and merges survive, and the Dask engine never reuses a
partition file of another pipeline version.

A changed pipeline is made the way a user changes one: a copy of the package data with one data
file edited, the services loading that file, and the versions computed from that copy."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventdesk
from eventdesk import review
from eventdesk.app import export_events, extract, process
from eventdesk.cli import main
from eventdesk.engines import InProcess, run_partitioned, work_folder
from eventdesk.ingest import read_inputs
from eventdesk.model import Article
from eventdesk.queries import ingest_records
from eventdesk.render import article_text
from eventdesk.reprocess import fuse_pending
from eventdesk.settings import Settings
from eventdesk.extract.actors.find import ActorDictionary
from eventdesk.store import Store
from eventdesk.store._replace import match_mentions
from eventdesk.versions import compute_versions

CASES = [json.loads(line) for line in (Path(__file__).parent / "golden" / "fusion_cases.jsonl").open()]
ARTICLES = [a for case in CASES for a in case["articles"]]
OLD_NAME, NEW_NAME = "Islamic State (Iraq)", "IS (Iraq)"


@pytest.fixture(scope="module")
def renamed(services, tmp_path_factory):
    """The services after one data change: the actor dictionary names Islamic State's Iraqi branch
    "IS (Iraq)" (actors.csv edited in a copy of the package data)."""
    data = tmp_path_factory.mktemp("pkg") / "data"
    shutil.copytree(Path(eventdesk.__file__).parent / "data", data)
    text = (data / "actors.csv").read_text(encoding="utf-8")
    text = text.replace(f"islamic-state-iraq,{OLD_NAME},", f"islamic-state-iraq,{NEW_NAME},")
    (data / "actors.csv").write_text(text, encoding="utf-8")
    changed = replace(services, actors=ActorDictionary.from_csv(text), versions=compute_versions(data_root=data))
    assert changed.versions.pipeline != services.versions.pipeline
    return changed


def _manifest(tmp_path: Path, articles: list[dict], name: str = "m") -> str:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return str(path)


def _actors(store: Store) -> set[str]:
    return {a.name for e in store.events() for a in (e.fields.actor1, e.fields.actor2) if a is not None}


def _rows(settings: Settings, path: Path) -> list[bytes]:
    export_events(settings, str(path))
    return sorted(path.read_bytes().splitlines())


def test_reprocess_replaces_stale_results_and_keeps_the_reviews(tmp_path, services, renamed):
    settings = Settings(db=str(tmp_path / "r.db"), progress=False)
    manifest = _manifest(tmp_path, ARTICLES)
    extract([manifest], settings, services=services)
    with Store.open(settings.db) as store:
        assert OLD_NAME in _actors(store) and store.count_stale(renamed.versions.pipeline) == (13, 0)
        rawa = next(e for e in store.events() if any(s.article_id == "rawa-wire" for s in e.sources))
        apart = [e.event_id for e in store.events() if {s.article_id for s in e.sources} & {"tuesday-strike",
                                                                                          "saturday-strike"}]
    review.correct(settings, rawa.event_id, {"fatalities": 9}, reviewer="analyst", why="council statement")
    merged = review.merge(settings, apart, reviewer="analyst", why="one raid, misdated")

    # a run of the new version without --reprocess stores nothing new and says what is stale
    quiet = extract([manifest], settings, services=renamed)
    assert (quiet.summary.articles_duplicate, quiet.summary.articles_stale) == (13, 13)
    assert quiet.summary.articles_reextracted == 0

    report = extract([], replace(settings, reprocess=True), services=renamed)
    assert (report.summary.articles_reextracted, report.summary.articles_stale) == (13, 0)
    with Store.open(settings.db) as store:
        assert NEW_NAME in _actors(store) and OLD_NAME not in _actors(store)
        assert {store.article(a).pipeline_version for a in (x["id"] for x in ARTICLES)} == {renamed.versions.pipeline}
        # the reviewed toll and the analyst's merge still apply, to the same events
        assert store.event(rawa.event_id).fields.fatalities.best == 9
        assert len(store.event(merged.event_id).sources) == 2
        assert len(store.events()) == 7  # 8 events, two of them merged by the analyst
        changes = store.changes(run_id=report.run_id)
    why = f"re-extracted: pipeline version {services.versions.pipeline} -> {renamed.versions.pipeline}"
    updated = [c for c in changes if c.kind == "updated"]
    assert updated and all(c.detail["reason"] == why for c in changes)
    assert any(c.detail["fields"].get("actor1") == [OLD_NAME, NEW_NAME] for c in updated)
    assert not {c.kind for c in changes} & {"created", "retired"}  # the same events, updated

    # the same store reprocessed again changes nothing; the result equals a fresh extraction
    again = extract([], replace(settings, reprocess=True), services=renamed)
    assert (again.summary.articles_reextracted, again.summary.events) == (0, 0)
    fresh = Settings(db=str(tmp_path / "fresh.db"), progress=False)
    extract([manifest], fresh, services=renamed)
    reviewed = (b"rawa-", b"tuesday-strike", b"saturday-strike")  # the events the analyst changed, apart

    def unreviewed(rows: list[bytes]) -> list[bytes]:
        return [r for r in rows if not any(a in r for a in reviewed)]

    assert unreviewed(_rows(settings, tmp_path / "r.csv")) == unreviewed(_rows(fresh, tmp_path / "f.csv"))
    assert len(unreviewed(_rows(fresh, tmp_path / "f.csv"))) >= 4


_CALM = " The city has been calm since then. Officials gave no further details. Schools reopened this week."
RECAPS = [
    {"id": "fresh-report", "published": "2021-05-02", "outlet": "Wire One", "text": "Gunmen attack Kirkuk "
     "checkpoint\n\nIslamic State gunmen attacked an army checkpoint in Kirkuk on Saturday, killing two soldiers, "
     "officials said."},
    {"id": "late-recap", "published": "2021-09-17", "outlet": "Monthly Two", "text": "Kirkuk looks back\n\nOn 1 May "
     "2021, Islamic State gunmen attacked an army checkpoint in Kirkuk, killing two soldiers, officials said." + _CALM},
    {"id": "alone-recap", "published": "2021-09-17", "outlet": "Monthly Three", "text": "Tuz Khurmatu looks back\n\n"
     "On 3 March 2021, gunmen attacked a police station in Tuz Khurmatu, killing a policeman, officials said." + _CALM},
]


def test_reports_the_new_version_no_longer_extracts_leave_their_events(tmp_path, services):
    """Recaps of events months old are background (``background_days``): a pipeline that now
    rejects them detaches such a report from the event it shared with a fresh report, and retires
    the event a recap made alone; the change log says why."""
    old = replace(services, settings=replace(services.settings, background_days=365),
                  versions=replace(services.versions, pipeline="0.0.9+longer-memory"))
    settings = Settings(db=str(tmp_path / "b.db"), progress=False, background_days=365)
    extract([_manifest(tmp_path, RECAPS)], settings, services=old)
    with Store.open(settings.db) as store:
        before = {e.event_id: sorted(s.article_id for s in e.sources) for e in store.events()}
    assert sorted(before.values()) == [["alone-recap"], ["fresh-report", "late-recap"]]
    shared = next(eid for eid, ids in before.items() if len(ids) == 2)
    lonely = next(eid for eid, ids in before.items() if ids == ["alone-recap"])

    report = extract([], replace(settings, background_days=62, reprocess=True), services=services)
    assert report.summary.articles_reextracted == 3
    with Store.open(settings.db) as store:
        after = {e.event_id: sorted(s.article_id for s in e.sources) for e in store.events()}
        assert store.mention_ids("late-recap") == store.mention_ids("alone-recap") == []
        assert store.article("late-recap").rejections  # the reason is kept with the article
        changes = {(c.kind, c.event_id): c.detail for c in store.changes(run_id=report.run_id)}
    assert after == {shared: ["fresh-report"]}
    why = f"re-extracted: pipeline version 0.0.9+longer-memory -> {services.versions.pipeline}"
    assert changes[("detached", shared)] == {"mentions": ["late-recap#0"], "reason": why}
    assert changes[("retired", lonely)] == {"into": "", "mentions": ["alone-recap#0"], "reason": why}
    # and back: the recaps are events again, under the ids they had
    report = extract([], settings, services=replace(old, versions=replace(old.versions, pipeline="0.0.9+again")))
    assert report.summary.articles_stale == 3
    report = extract([], replace(settings, reprocess=True),
                     services=replace(old, versions=replace(old.versions, pipeline="0.0.9+again")))
    with Store.open(settings.db) as store:
        assert {e.event_id: sorted(s.article_id for s in e.sources) for e in store.events()} == before
        kinds = {(c.kind, c.event_id) for c in store.changes(run_id=report.run_id)}
    assert {("created", lonely), ("attached", shared)} <= kinds


def test_review_links_of_reports_no_longer_found_are_dropped_and_logged(tmp_path, services):
    old = replace(services, settings=replace(services.settings, background_days=365),
                  versions=replace(services.versions, pipeline="0.0.9+longer-memory"))
    settings = Settings(db=str(tmp_path / "l.db"), progress=False, background_days=365)
    extract([_manifest(tmp_path, RECAPS)], settings, services=old)
    with Store.open(settings.db) as store:
        ids = sorted(e.event_id for e in store.events())
    merged = review.merge(settings, ids, reviewer="analyst", why="one event, misplaced by a recap")
    assert len(merged.sources) == 3
    report = extract([], replace(settings, background_days=62, reprocess=True), services=services)
    with Store.open(settings.db) as store:
        (event,) = store.events()
        assert [s.article_id for s in event.sources] == ["fresh-report"] and event.event_id == merged.event_id
        assert not store.review_links(["fresh-report#0", "late-recap#0", "alone-recap#0"])
        dropped = [c for c in store.changes(run_id=report.run_id) if c.kind == "review-dropped"]
    assert sorted(tuple(c.detail["link"]) for c in dropped) == [  # each once
        ("alone-recap#0", "fresh-report#0", "must"), ("alone-recap#0", "late-recap#0", "must"),
        ("fresh-report#0", "late-recap#0", "must")]
    assert {c.event_id for c in dropped} == {merged.event_id}


def test_a_store_without_raw_text_is_reprocessed_from_its_inputs(tmp_path, services, renamed):
    settings = Settings(db=str(tmp_path / "old.db"), progress=False)
    manifest = _manifest(tmp_path, ARTICLES[:3])
    extract([manifest], settings, services=services)
    with Store.open(settings.db) as store:  # as an eventdesk from before re-extraction left it
        store._conn.execute("DELETE FROM article_inputs")
        store._conn.commit()
    report = extract([], replace(settings, reprocess=True), services=renamed)
    assert (report.summary.articles_reextracted, report.summary.articles_stale) == (0, 3)
    # each named by its origin, in article id order: rawa-daily, rawa-weekly, rawa-wire
    assert [s.origin for s in report.summary.skipped] == [f"{manifest}:{n}" for n in (2, 3, 1)]
    assert all("give its input again with --reprocess" in s.reason for s in report.summary.skipped)
    # its input given again brings the raw text: re-extracted, and kept for the next time
    report = extract([manifest], replace(settings, reprocess=True), services=renamed)
    assert (report.summary.articles_reextracted, report.summary.articles_stale, report.summary.skipped) == (3, 0, ())
    with Store.open(settings.db) as store:
        assert store._conn.execute("SELECT count(*) FROM article_inputs").fetchone()[0] == 3
        assert NEW_NAME in _actors(store)


def test_a_killed_reextraction_is_finished_by_the_next_run(tmp_path, services, renamed, monkeypatch):
    settings = Settings(db=str(tmp_path / "k.db"), progress=False)
    extract([_manifest(tmp_path, ARTICLES)], settings, services=services)

    def dies(*args, **kwargs):
        raise KeyboardInterrupt  # as if killed between replacing the results and fusing them

    monkeypatch.setattr("eventdesk.app.fuse_new", dies)
    with pytest.raises(KeyboardInterrupt):
        extract([], replace(settings, reprocess=True), services=renamed)
    monkeypatch.undo()
    with Store.open(settings.db) as store:
        assert store.pending_groups() and store.count_stale(renamed.versions.pipeline) == (0, 0)
    report = extract([], settings, services=renamed)  # any later run fuses what is pending first
    with Store.open(settings.db) as store:
        assert not store.pending_groups() and OLD_NAME not in _actors(store)
        assert any(c.detail.get("reason", "").startswith("re-extracted") for c in store.changes(run_id=report.run_id))


def test_partition_files_are_keyed_by_the_pipeline_version(tmp_path, services, renamed):
    """The Dask engine's partition reuse: the same version reuses every file, a changed data file
    computes every partition again (none of the old files is read), and --reprocess replaces."""
    manifest = _manifest(tmp_path, ARTICLES)
    work = str(tmp_path / "work")
    first = Settings(db=str(tmp_path / "a.db"), progress=False, partition_size=4, work_dir=work)
    run = run_partitioned([manifest], first, InProcess(services), versions=services.versions)
    assert (run.computed, run.reused) == (4, 0)
    files = set(work_folder(first).glob("part-*.parquet"))
    same = replace(first, db=str(tmp_path / "b.db"))  # a new store, the same work folder and version
    run = run_partitioned([manifest], same, InProcess(services), versions=services.versions)
    assert (run.computed, run.reused) == (0, 4)
    changed = replace(first, db=str(tmp_path / "c.db"))
    run = run_partitioned([manifest], changed, InProcess(renamed), versions=renamed.versions)
    assert (run.computed, run.reused) == (4, 0)
    assert len(set(work_folder(first).glob("part-*.parquet")) - files) == 4
    with Store.open(changed.db) as store:
        assert NEW_NAME in _actors(store)
    # the first store, reprocessed on the partitioned engine: the same events as the local engine's
    run = run_partitioned([], replace(first, reprocess=True), InProcess(renamed), versions=renamed.versions)
    assert (run.summary.articles_reextracted, run.summary.articles_stale, run.pipeline_version) == (
        13, 0, renamed.versions.pipeline)
    local = Settings(db=str(tmp_path / "l.db"), progress=False)
    extract([manifest], local, services=services)
    extract([], replace(local, reprocess=True), services=renamed)
    assert _rows(first, tmp_path / "p.csv") == _rows(local, tmp_path / "l.csv")


def test_a_worker_of_another_pipeline_version_is_refused(tmp_path, services, renamed):
    from eventdesk.errors import ConfigError

    settings = Settings(db=str(tmp_path / "w.db"), progress=False)
    with pytest.raises(ConfigError, match="pipeline version"):
        run_partitioned([_manifest(tmp_path, ARTICLES[:2])], settings, InProcess(services), versions=renamed.versions)


def test_extract_needs_inputs_or_reprocess(tmp_path, capsys):
    assert main(["extract", "--db", str(tmp_path / "x.db")]) == 2
    assert "--reprocess" in capsys.readouterr().err


# ---------------------------------------------------------------- matching old and new mentions


def _words(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


def test_old_mentions_are_matched_to_the_new_ones_that_report_the_same():
    a, b, c = (_words("jets struck a hideout near rawa killing eight"), _words("a roadside bomb hit a patrol"),
               _words("protesters blocked the road to the port"))
    label = ("Battles", "Rawa")
    # the new version drops b, finds c, and reorders: a moves to position 1
    assert match_mentions([(a, label), (b, label)], [(c, label), (a | {"militants"}, label)]) == {0: 1}
    # one sentence listing two places gives two mentions with the same words: told apart by place
    two = [(a, ("Battles", "Rawa")), (a, ("Battles", "Anah"))]
    assert match_mentions(two, list(reversed(two))) == {0: 1, 1: 0}


@given(st.lists(st.sets(st.sampled_from("abcdefghij"), min_size=1, max_size=6), max_size=6),
       st.lists(st.sets(st.sampled_from("abcdefghij"), min_size=1, max_size=6), max_size=6))
def test_matching_is_one_to_one_and_the_identity_on_unchanged_results(old, new):
    old_side = [(frozenset(w), ("t", "")) for w in old]
    new_side = [(frozenset(w), ("t", "")) for w in new]
    found = match_mentions(old_side, new_side)
    assert len(set(found.values())) == len(found)
    assert all(0 <= i < len(old) and 0 <= j < len(new) for i, j in found.items())
    same = match_mentions(old_side, old_side)
    assert all(old_side[i][0] == old_side[j][0] for i, j in same.items()) and len(same) == len(old)


def test_a_report_found_again_keeps_its_id_event_and_review_links(tmp_path, services):
    """The new version finds the same two events in an article, in the other order: each keeps the
    id of the old mention that reported it, so its event (and that event's id) and the analyst's
    split stay with it; fusion afterwards changes nothing."""
    two = {"id": "two-attacks", "published": "2021-09-17", "outlet": "Wire One", "text": "Two attacks\n\n"
           "Islamic State gunmen attacked a police checkpoint in Tuz Khurmatu on Thursday, killing three policemen, "
           "officials said.\n\nSeparately, Iraqi jets struck an Islamic State hideout near Rawa in Anbar on Thursday, "
           "killing eight militants, the military said."}
    copy = {"id": "tuz-copy", "published": "2021-09-17", "outlet": "Daily Two", "text": "Checkpoint attacked\n\n"
            "Islamic State gunmen attacked a police checkpoint in Tuz Khurmatu on Thursday and killed three "
            "policemen, local officials said."}
    settings = Settings(db=str(tmp_path / "s.db"), progress=False)
    extract([_manifest(tmp_path, [two, copy])], settings, services=services)
    with Store.open(settings.db) as store:
        assert store.mention_ids("two-attacks") == ["two-attacks#0", "two-attacks#1"]
        tuz = store.events_of(["tuz-copy#0"])["tuz-copy#0"]
        mine = next(m for m in store.members_of([tuz])[tuz] if m.startswith("two-attacks"))
        (other,) = {"two-attacks#0", "two-attacks#1"} - {mine}
    review.split(settings, tuz, [[mine], ["tuz-copy#0"]], reviewer="analyst", why="two checkpoints")
    with Store.open(settings.db) as store:
        owners = store.events_of([mine, other, "tuz-copy#0"])
        events = {e.event_id: e for e in store.events()}
    article = next(a for a in read_inputs([_manifest(tmp_path, [two], "again")]) if isinstance(a, Article))
    (result,) = process([article], services)
    reordered = replace(result, events=tuple(reversed(result.events)))
    with Store.open(settings.db) as store:
        (done,) = store.replace_results([reordered], pipeline_version="0.0.2+reordered")
        assert (done.mention_ids, done.kept, done.dropped) == (
            ("two-attacks#1", "two-attacks#0"), ("two-attacks#0", "two-attacks#1"), ())
        assert store.mention_ids("two-attacks") == ["two-attacks#0", "two-attacks#1"]
        assert store.events_of([mine, other, "tuz-copy#0"]) == owners
        assert store.review_links([mine]) == {(min(mine, "tuz-copy#0"), max(mine, "tuz-copy#0")): "cannot"}
        fuse_pending(store)
        assert not store.pending_groups()
        assert store.events_of([mine, other, "tuz-copy#0"]) == owners  # the split holds
        assert {e.event_id: e.fields for e in store.events()} == {k: e.fields for k, e in events.items()}


def test_the_summary_says_what_is_stale_and_the_api_never_reprocesses(tmp_path, services, capsys):
    old = replace(services, versions=replace(services.versions, pipeline="0.0.9+old"))
    settings = Settings(db=str(tmp_path / "s.db"), progress=False)
    manifest = _manifest(tmp_path, ARTICLES[:4])
    extract([manifest], settings, services=old)
    # a request with reprocess set stores its own article and leaves the stale ones alone
    summary = ingest_records([ARTICLES[4]], replace(settings, reprocess=True), services).report.summary
    assert (summary.articles_new, summary.articles_reextracted, summary.articles_stale) == (1, 0, 4)
    assert main(["extract", manifest, "--db", settings.db, "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert f"4 stored articles have results from another pipeline version than {services.versions.pipeline}" in out
    assert main(["extract", "--reprocess", "--db", settings.db, "--no-progress"]) == 0
    assert "re-extracted 4 stored articles" in capsys.readouterr().out
    with Store.open(settings.db) as store:
        assert store.count_stale(services.versions.pipeline) == (0, 0)
        shown = article_text(store.article(ARTICLES[0]["id"]))
    assert f"extracted by pipeline version {services.versions.pipeline}" in shown
