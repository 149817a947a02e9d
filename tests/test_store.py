"""The SQLite store: migrations, idempotent adds, exact round trips, events, runs."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk.errors import NotFound, StoreError
from eventdesk.model import (
    Actor,
    Article,
    ArticleResult,
    CleanArticle,
    Dropped,
    Event,
    EventCountry,
    EventDate,
    EventMention,
    Fatalities,
    Place,
    PublicationDate,
    Rejection,
    Sentence,
    Skipped,
    Source,
    Span,
)
from eventdesk.store import RunSummary, Store
from eventdesk.store._codec import MENTION_COLUMNS
from eventdesk.store._migrate import Migration, _apply, known_migrations, split_statements

TEXT = (
    "Gunmen attacked a checkpoint in Jurf al-Sakhar on Monday, killing three soldiers. "
    "Officials said the army would respond. "
    "Police said a second attack might follow."
)
S1 = (0, 82)
S2 = (83, 121)
S3 = (122, len(TEXT))


# -- factories ------------------------------------------------------------------------------


def fixed_clock() -> Iterator[dt.datetime]:
    start = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
    return (start + dt.timedelta(seconds=n) for n in itertools.count())


def open_store(path: str | Path = ":memory:") -> Store:
    ticks = fixed_clock()
    return Store.open(path, clock=lambda: next(ticks))


def make_mention(article_id: str = "a1", *, notes: str = "", full: bool = True) -> EventMention:
    """A mention with every field set (``full``) or only the required ones."""
    sp = lambda s, e: Span(article_id, s, e)  # noqa: E731
    if not full:
        return EventMention(article_id, "Battles", "Armed clash", (sp(*S1),), None, None, None)
    return EventMention(
        article_id=article_id,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        sentences=(sp(*S1), sp(*S2)),
        date=EventDate(dt.date(2024, 4, 29), 1, sp(55, 61), "weekday"),
        place=Place("Iraq", "Babil", "Musayyib", "Jurf al-Sakhar", 32.8934567, 44.1234321, 1,
                    "supplement:jurf-al-sakhar", sp(32, 46)),
        actor1=Actor("Unidentified Armed Group (Iraq)", 3, sp(0, 7), "rule:gunmen"),
        actor2=Actor("Military Forces of Iraq (2022-)", 1, sp(75, 83), "iraq-army"),
        assoc_actor_1=(Actor("Civilians (Iraq)", 7, None, ""), Actor("Tribe X", 4, sp(1, 2), "k")),
        assoc_actor_2=(),
        fatalities=Fatalities(3, 3, None, sp(63, 68), "number"),
        notes=notes or "On 29 April 2024, gunmen attacked a checkpoint.",
        confidence=0.8125,
        type_evidence=sp(8, 16),
    )


def make_result(
    article_id: str = "a1", *, content_hash: str | None = None, mentions: int = 1, text: str = TEXT
) -> ArticleResult:
    article = Article(
        id=article_id,
        raw=f"<p>{text}</p>",
        kind="html",
        origin=f"corpus/{article_id}.html",
        content_hash=content_hash or f"hash-{article_id}",
        published=dt.date(2024, 4, 30),
        outlet="Example News",
        url=f"https://example.org/{article_id}",
        title="Checkpoint attacked",
        language="en",
    )
    clean = CleanArticle(
        article, text, (Dropped("Share this", "boilerplate", 3), Dropped("comments", "comment", None)),
        headline="Checkpoint attacked", byline="By A. Writer", dateline="BAGHDAD, April 30",
    )
    sp = lambda s, e: Span(article_id, s, e)  # noqa: E731
    return ArticleResult(
        clean=clean,
        publication=PublicationDate(dt.date(2024, 4, 30), "dateline", "April 30", "MDY"),
        sentences=(Sentence(sp(*S1), ("attacked", "killing")), Sentence(sp(*S2)), Sentence(sp(*S3), ("attack",))),
        events=tuple(make_mention(article_id, notes=f"note {n}") for n in range(mentions)),
        rejections=(Rejection(sp(*S3), "hypothetical"),),
    )


def make_event(event_id: str, mentions: tuple[EventMention, ...], **changes: object) -> Event:
    event = Event(event_id, mentions[0], mentions, sources=(), disputed=("fatalities",))
    return replace(event, **changes)


def dump(store: Store) -> list[str]:
    return list(store._conn.iterdump())


# -- migrations -----------------------------------------------------------------------------


def test_migrates_an_empty_file(tmp_path: Path) -> None:
    with open_store(tmp_path / "events.db") as store:
        assert store.schema_version == len(known_migrations())
        conn = store._conn
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"articles", "dropped_blocks", "sentences", "rejections", "event_mentions", "events",
                "event_sources", "runs", "skipped_inputs", "schema_migrations"} <= tables
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert [tuple(r)[:2] for r in conn.execute("SELECT version, name FROM schema_migrations")] == [
            (1, "initial"), (2, "fusion"), (3, "review"), (4, "repair_ranges"), (5, "acled_ids"), (6, "reextraction"), (7, "read_speed"), (8, "run_limits"), (9, "event_country")]


def test_a_reader_never_creates_a_store(tmp_path: Path) -> None:
    from eventdesk.errors import StoreError
    from eventdesk.store import Store

    with pytest.raises(StoreError, match="no event store at"):
        Store.open(tmp_path / "missing.db", create=False)
    assert list(tmp_path.iterdir()) == []
    Store.open(tmp_path / "new.db").close()
    Store.open(tmp_path / "new.db", create=False).close()


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with open_store(path) as store:
        store.add_result(make_result(), pipeline_version="t")
    with open_store(path) as store:
        assert store._conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(known_migrations())
        assert store.has_hash("hash-a1")


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with open_store(path) as store:
        store._conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')")
    with pytest.raises(StoreError, match=r"schema version 99.*upgrade eventdesk"):
        Store.open(path)


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        Store.open(path)


def test_failed_migration_rolls_back_whole() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    broken = Migration(2, "broken", "CREATE TABLE half (x INTEGER);\nINSERT INTO nowhere VALUES (1);\n")
    with pytest.raises(StoreError, match="0002_broken"):
        _apply(conn, broken, dt.datetime(2024, 1, 1))
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == 0


def test_split_statements_respects_strings_and_comments() -> None:
    sql = "-- a; comment\nCREATE TABLE t (x TEXT DEFAULT 'a;b');\n\nINSERT INTO t VALUES ('c;d');\n-- end\n"
    assert [s.splitlines()[-1] for s in split_statements(sql)] == [
        "CREATE TABLE t (x TEXT DEFAULT 'a;b');", "INSERT INTO t VALUES ('c;d');"
    ]


def test_codec_columns_match_both_tables() -> None:
    with open_store() as store:
        for table, extra in (("event_mentions", {"id", "seq", "fingerprint"}),
                             ("events", {"event_id", "fingerprint", "disputed", "links", "created_at", "updated_at",
                                         "source_count", "independent_sources"})):
            columns = {r[1] for r in store._conn.execute(f"PRAGMA table_info({table})")}
            assert columns == set(MENTION_COLUMNS) | extra


# -- articles -------------------------------------------------------------------------------


def test_same_article_twice_is_stored_once() -> None:
    with open_store() as store:
        assert store.add_result(make_result(mentions=2), pipeline_version="0.1") is True
        before = dump(store)
        assert store.add_result(make_result(mentions=2), pipeline_version="0.2") is False
        assert dump(store) == before


def test_article_round_trip() -> None:
    result = make_result(mentions=2)
    with open_store() as store:
        store.add_result(result, pipeline_version="0.1")
        stored = store.article("a1")
    assert stored.text == TEXT and stored.id == stored.original_id == "a1" and not stored.renamed
    assert stored.publication == result.publication
    assert stored.dropped == result.clean.dropped
    assert stored.sentences == result.sentences
    assert stored.rejections == result.rejections
    assert stored.mention_ids == ("a1#0", "a1#1")
    assert (stored.outlet, stored.url, stored.raw_kind, stored.pipeline_version) == (
        "Example News", "https://example.org/a1", "html", "0.1")
    assert (stored.headline, stored.byline, stored.dateline) == (
        "Checkpoint attacked", "By A. Writer", "BAGHDAD, April 30")
    assert stored.added_at == dt.datetime(2024, 5, 1, 12, 0, 1, tzinfo=dt.UTC)


def test_mentions_round_trip_full_and_minimal() -> None:
    result = replace(make_result(), events=(make_mention(), make_mention(full=False), make_mention()))
    with open_store() as store:
        store.add_result(result, pipeline_version="t")
        assert store.mentions("a1") == list(result.events)
        assert store.mentions() == list(result.events)
        assert store.mention_ids("a1") == ["a1#0", "a1#1", "a1#2"]
        assert store.mentions("nope") == []


def test_unknown_ids_raise_not_found() -> None:
    with open_store() as store:
        with pytest.raises(NotFound):
            store.article("missing")
        with pytest.raises(NotFound):
            store.event("missing")
        with pytest.raises(NotFound):
            store.finish_run(42, RunSummary(0, 0, 0))


def test_same_id_other_content_gets_derived_id(caplog: pytest.LogCaptureFixture) -> None:
    first, second = make_result(), make_result(content_hash="0123456789abcdef0123", text=TEXT.upper())
    second = replace(second, events=(make_mention(notes="read from the second article"),))
    with open_store() as store:
        store.add_result(first, pipeline_version="t")
        assert store.add_result(second, pipeline_version="t") is True
        new_id = store.stored_id("0123456789abcdef0123")
        assert new_id == "a1~0123456789ab"
        assert "already taken" in caplog.text
        stored = store.article(new_id)
        assert stored.original_id == "a1" and stored.renamed and stored.text == TEXT.upper()
        assert all(s.span.article_id == new_id for s in stored.sentences)
        (mention,) = store.mentions(new_id)
        assert mention.article_id == new_id and {s.article_id for s in mention.sentences} == {new_id}
        # fusion may still hold the mention under the original id: it is found under the new one
        store.put_events([make_event("e2", second.events)])
        assert store.event("e2").sources[0].article_id == new_id
        assert store.event("e2").evidence[0] == TEXT.upper()[slice(*S1)]


@pytest.mark.parametrize("where", ["sentence", "rejection", "mention", "mention span"])
def test_result_with_foreign_spans_is_refused(where: str) -> None:
    result = make_result()
    foreign = Span("other", 0, 1)
    bad = {
        "sentence": replace(result, sentences=(*result.sentences, Sentence(foreign))),
        "rejection": replace(result, rejections=(Rejection(foreign, "negated"),)),
        "mention": replace(result, events=(make_mention("other"),)),
        "mention span": replace(result, events=(replace(make_mention(), type_evidence=foreign),)),
    }[where]
    with open_store() as store:
        with pytest.raises(StoreError, match="another article"):
            store.add_result(bad, pipeline_version="t")
        assert not store.has_hash("hash-a1")


# -- events ---------------------------------------------------------------------------------


def test_put_events_round_trip_rebuilds_sources_and_evidence() -> None:
    a, b = make_result("a1"), make_result("b2")
    with open_store() as store:
        store.add_result(a, pipeline_version="t")
        store.add_result(b, pipeline_version="t")
        event = make_event("e1", a.events + b.events)
        store.put_events([event])
        got = store.event("e1")
    assert got.fields == event.fields and got.mentions == event.mentions and got.disputed == ("fatalities",)
    assert got.sources == (
        Source("a1", "Example News", "https://example.org/a1", dt.date(2024, 4, 30)),
        Source("b2", "Example News", "https://example.org/b2", dt.date(2024, 4, 30)),
    )
    assert got.evidence == (TEXT[slice(*S1)], TEXT[slice(*S2)]) * 2


def test_put_events_upserts_and_keeps_created_at() -> None:
    result = make_result(mentions=2)
    with open_store() as store:
        store.add_result(result, pipeline_version="t")
        store.put_events([make_event("e1", result.events[:1])])
        stamp = lambda: tuple(store._conn.execute("SELECT created_at, updated_at FROM events").fetchone())  # noqa: E731
        created, updated = stamp()
        store.put_events([make_event("e1", result.events[:1])])
        assert stamp() == (created, updated)  # unchanged input: nothing written
        changed = make_event("e1", result.events, disputed=())
        store.put_events([changed])
        assert stamp()[0] == created and stamp()[1] > updated
        got = store.event("e1")
        assert got.mentions == result.events and got.disputed == ()
        assert store._conn.execute("SELECT count(*) FROM event_sources").fetchone()[0] == 2


def test_put_events_with_unknown_mention_changes_nothing() -> None:
    result = make_result()
    with open_store() as store:
        store.add_result(result, pipeline_version="t")
        before = dump(store)
        stray = make_mention("never-added")
        with pytest.raises(StoreError, match="never-added"):
            store.put_events([make_event("ok", result.events), make_event("bad", (stray,))])
        assert dump(store) == before


def test_identical_mentions_link_to_distinct_rows() -> None:
    mention = make_mention()
    result = replace(make_result(), events=(mention, mention))
    with open_store() as store:
        store.add_result(result, pipeline_version="t")
        store.put_events([make_event("e1", (mention, mention))])
        links = [r[0] for r in store._conn.execute("SELECT mention_id FROM event_sources ORDER BY seq")]
    assert links == ["a1#0", "a1#1"]


def test_event_filters() -> None:
    a, b = make_result("a1"), make_result("b2")
    later = replace(b.events[0], date=EventDate(dt.date(2024, 6, 1), 2), event_type="Battles",
                    place=replace(b.events[0].place, country="Syria"))
    b = replace(b, events=(later,))
    undated = replace(make_result("c3"), events=(make_mention("c3", full=False),))
    with open_store() as store:
        for r in (a, b, undated):
            store.add_result(r, pipeline_version="t")
        store.put_events([make_event("z", a.events), make_event("y", b.events), make_event("x", undated.events)])
        ids = lambda **kw: [e.event_id for e in store.events(**kw)]  # noqa: E731
        assert ids() == ["z", "y", "x"]  # by date, undated last
        assert ids(event_type="Battles") == ["y", "x"]
        assert ids(country="Syria") == ["y"]
        assert ids(since=dt.date(2024, 5, 1)) == ["y"]
        assert ids(until=dt.date(2024, 5, 1)) == ["z"]
        assert ids(article_id="c3") == ["x"]
        assert ids(limit=1) == ["z"]


# -- runs -----------------------------------------------------------------------------------


def test_runs_record_summary_and_skipped_inputs() -> None:
    skipped = (Skipped("in.jsonl:3", "bad JSON"), Skipped("x.pdf", "unsupported"), Skipped("in.jsonl:9", "bad JSON"))
    with open_store() as store:
        run_id = store.start_run({"engine": "local", "out": Path("/tmp/x")}, pipeline_version="0.1")
        (pending,) = store.runs()
        assert pending.summary is None and pending.settings == {"engine": "local", "out": "/tmp/x"}
        summary = RunSummary(5, 1, 1, skipped, events=2, rejections=4)
        store.finish_run(run_id, summary)
        (run,) = store.runs()
        assert run.summary == summary and run.finished is not None and run.pipeline_version == "0.1"
        assert store.skipped(run_id) == list(skipped) == store.skipped()
        reasons = store._conn.execute("SELECT skipped_reasons, articles_skipped FROM runs").fetchone()
        assert tuple(reasons) == ('{"bad JSON":2,"unsupported":1}', 3)
        with pytest.raises(StoreError, match="already finished"):
            store.finish_run(run_id, summary)


# -- property: any EventMention survives the store ------------------------------------------

texts = st.text(max_size=12)
ints = st.integers(min_value=-(2**31), max_value=2**31)
spans = st.builds(Span, st.just("a1"), ints, ints)
opt_spans = st.none() | spans
actors = st.builds(Actor, texts, ints, opt_spans, texts)
floats = st.floats(allow_nan=False, allow_infinity=False)
placed_or_not = st.builds(
    EventMention,
    article_id=st.just("a1"),
    event_type=texts,
    sub_event_type=texts,
    sentences=st.lists(spans, max_size=4).map(tuple),
    date=st.none() | st.builds(EventDate, st.dates(), ints, opt_spans, texts),
    place=st.none() | st.builds(Place, texts, texts, texts, texts, floats, floats, ints, texts, opt_spans),
    actor1=st.none() | actors,
    actor2=st.none() | actors,
    assoc_actor_1=st.lists(actors, max_size=3).map(tuple),
    assoc_actor_2=st.lists(actors, max_size=3).map(tuple),
    fatalities=st.builds(Fatalities, ints, st.none() | ints, st.none() | ints, opt_spans, texts),
    notes=st.text(),
    confidence=floats,
    type_evidence=opt_spans,
)
countries = st.builds(EventCountry, texts, texts, opt_spans)
# a mention has a place, or no place and perhaps a country (EventMention.country: never both)
mentions = placed_or_not | st.builds(lambda m, c: replace(m, place=None, country=c), placed_or_not, countries)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mentions, min_size=1, max_size=3))
def test_any_mention_round_trips(ms: list[EventMention]) -> None:
    with open_store() as store:
        store.add_result(replace(make_result(), events=tuple(ms)), pipeline_version="t")
        assert store.mentions("a1") == ms
        store.put_events([Event("e", ms[-1], tuple(ms), ())])
        got = store.event("e")
        assert got.fields == ms[-1] and list(got.mentions) == ms


def test_stored_events_export_with_evidence_matching_spans(tmp_path: Path) -> None:
    from eventdesk import export

    a, b = make_result("a1"), make_result("b2")
    with open_store(tmp_path / "events.db") as store:
        store.add_result(a, pipeline_version="t")
        store.add_result(b, pipeline_version="t")
        store.put_events([make_event("e1", a.events + b.events)])
        assert export.write(store.events(), tmp_path / "out.jsonl", meta={"pipeline_version": "t"}) == 1
        (record,) = export.read_jsonl(tmp_path / "out.jsonl")
        cited = [store.article(s["article_id"]).text[s["start"] : s["end"]] for s in record["spans"]["evidence"]]
    assert record["evidence"] == " | ".join(cited) and record["article_ids"] == "a1; b2"
