"""The HTTP API against bad parameters, foreign Host headers and offline use, and the fast read path
against the slow one it replaced: every answer is JSON, never a 500; the streamed downloads are the
exported files byte for byte; the rows of a page are ``export.event_row`` of the stored events."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk import queries as lib
from eventdesk.api import create_app
from eventdesk.app import export_events, extract
from eventdesk.export import event_row
from eventdesk.settings import Settings
from eventdesk.store import Store

LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def db(services, examples_manifest, tmp_path_factory):
    path = tmp_path_factory.mktemp("hardening") / "h.db"
    extract([str(examples_manifest)], Settings(db=str(path), progress=False), services=services)
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(Settings(db=str(db))), base_url=LOCAL, raise_server_exceptions=False) as c:
        yield c


def _json_error(r, status: int) -> dict:
    assert r.status_code == status, (r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["error"]
    return body


# -- parameters out of range -----------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "/api/events?offset=9223372036854775808", "/api/events?offset=-1", "/api/events?limit=-1",
    "/api/events?limit=99999999999999999999999", "/api/events?min_sources=1e22",
    "/api/events?min_sources=100000000000000000000000", "/api/events?bbox=1e400,0,1,1",
    "/api/events?bbox=0,0,1e300,1", "/api/events?bbox=NaN,0,1,1", "/api/events?bbox=0,0,inf,1",
    "/api/stats?min_sources=9223372036854775808", "/api/export.csv?offset=x&min_sources=1e22",
    "/api/changes?run=9223372036854775808", "/api/changes?run=-5", "/api/events?since=99999-01-01",
    "/api/events?since=2020-13-01", "/api/events?sort=%00", "/api/stats?by=NaN",
])
def test_out_of_range_parameters_are_422_json(client, url):
    _json_error(client.get(url), 422)


def test_the_largest_sqlite_integer_still_works(client):
    r = client.get("/api/events", params={"offset": 2**63 - 1, "min_sources": 2**63 - 1})
    assert r.status_code == 200 and r.json()["events"] == []


def _get_routes(app) -> list[APIRoute]:
    return [r for r in app.routes if isinstance(r, APIRoute) and "GET" in r.methods]


HOSTILE = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", "1e22", "-0", "NaN", "inf", "true", "null", "9" * 400, "0,0,0,0", "-181,0,1,1",
                     "1,2,3,4,5", "2020-02-30", "0001-01-01", "9999-12-31", "%", "' OR 1=1 --", "\x00", "é" * 50]),
    st.text(max_size=40),
)


def _params(route: APIRoute):
    names = sorted({p.name for p in route.dependant.query_params}
                   | {p.name for d in route.dependant.dependencies for p in d.query_params})
    return st.dictionaries(st.sampled_from(names or ["x"]), HOSTILE, max_size=5) if names else st.just({})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.data())
def test_no_get_route_answers_500_to_any_query(client, data):
    """Hypothesis over the query parameters (and path ids) of every GET route: no 500, every error JSON."""
    for route in _get_routes(client.app):
        params = data.draw(_params(route), label=route.path)
        path = route.path
        for name in re.findall(r"{(\w+)(?::path)?}", path):
            value = data.draw(st.text(min_size=1, max_size=30).filter(lambda t: t not in (".", "..")), label=name)
            path = re.sub(r"{" + name + r"(?::path)?}", value.replace("/", "_").replace("?", "_").replace("#", "_"),
                          path)
        r = client.get(path, params=params)
        assert r.status_code < 500, (route.path, params, r.status_code, r.text[:300])
        if r.status_code >= 400:
            assert r.headers["content-type"].startswith("application/json"), (route.path, params)
            assert "error" in r.json()


# -- Host header ------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:1", "[::1]", "[::1]:8000",
                                  "localhost.", "10.1.2.3:9000", "events.example.org", "Events.Example.Org:443"])
def test_served_host_names_are_answered(db, host):
    s = Settings(db=str(db), host="10.1.2.3", allowed_hosts="events.example.org, desk.example.org")
    with TestClient(create_app(s), base_url=LOCAL) as c:
        assert c.get("/api/meta", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "0.0.0.0", "0.0.0.0:8000", "[::]",
                                  "localhost.evil.example:8000", "example.org", "", "10.1.2.4"])
def test_other_host_names_get_400_json(db, host):
    s = Settings(db=str(db), host="10.1.2.3", allowed_hosts="events.example.org", write_token="t" * 20)
    with TestClient(create_app(s), base_url=LOCAL) as c:
        for r in (c.get("/api/meta", headers={"Host": host}), c.get("/", headers={"Host": host}),
                  c.post("/api/articles", json={"articles": []}, headers={"Host": host,
                                                                           "Authorization": "Bearer " + "t" * 20})):
            body = _json_error(r, 400)
            assert "host" in body["error"].lower() or "Host" in body["error"]


def test_a_wildcard_listen_address_is_no_host_name_and_star_allows_any(db):
    with TestClient(create_app(Settings(db=str(db), host="0.0.0.0")), base_url=LOCAL) as c:
        assert c.get("/api/meta", headers={"Host": "0.0.0.0:8000"}).status_code == 400
        assert c.get("/api/meta").status_code == 200
    with TestClient(create_app(Settings(db=str(db), allowed_hosts="*")), base_url="http://anything.example") as c:
        assert c.get("/api/meta").status_code == 200


def test_allowed_hosts_from_the_environment():
    assert Settings.load(env={"EVENTDESK_ALLOWED_HOSTS": "a.example,b.example"}).allowed_hosts == "a.example,b.example"


# -- /docs offline ------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_nothing_from_elsewhere(client, page):
    r = client.get(page)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert not re.search(r"https?://", r.text), re.findall(r"https?://\S+", r.text)
    assets = re.findall(r"(?:src|href)=\"([^\"]+)\"", r.text)
    assert any(a.endswith(".js") for a in assets)
    for asset in assets:
        got = client.get(asset)
        assert got.status_code == 200 and len(got.content) > 100, asset
    assert client.get("/openapi.json").status_code == 200


# -- the fast read path gives what the store's events give ------------------------------------------


def test_rows_of_a_page_are_the_export_rows_of_the_stored_events(db):
    s = Settings(db=str(db))
    with Store.open(db) as store:
        expected = {e.event_id: event_row(e) for e in store.events()}
    for sort in ("event_date", "-event_date", "fatalities", "-source_count"):
        page = lib.find_rows(s, lib.EventQuery(include_incomplete=True), sort=sort, limit=1000)
        assert page.total == len(expected) == len(page.rows)
        assert all(row == expected[row["event_id"]] for row in page.rows)
        slow = lib.find_events(s, lib.EventQuery(include_incomplete=True), sort=sort, limit=1000)
        assert [r["event_id"] for r in page.rows] == [e.event_id for e in slow.events]


@pytest.mark.parametrize("params", [{}, {"include_incomplete": "true"}, {"country": "Iraq"}])
def test_streamed_downloads_are_the_exported_files(client, db, tmp_path, params):
    s = replace(Settings(db=str(db)), include_incomplete=bool(params.get("include_incomplete")))
    query = lib.EventQuery(include_incomplete=s.include_incomplete, country=params.get("country"))
    for fmt in ("csv", "geojson"):
        path = tmp_path / f"e.{fmt}"
        if params.get("country"):
            lib.export_query(s, query, path, fmt)
        else:
            export_events(s, str(path), fmt)
        r = client.get(f"/api/export.{fmt}", params=params)
        assert r.status_code == 200
        assert r.content == path.read_bytes(), fmt
    import pyarrow.parquet as pq

    rows = list(csv.reader(io.StringIO(client.get("/api/export.csv", params=params).text)))
    table = pq.read_table(io.BytesIO(client.get("/api/export.parquet", params=params).content))
    assert table.column("event_id").to_pylist() == [row[0] for row in rows[1:]]
    assert json.loads(table.schema.metadata[b"eventdesk"])["eventdesk"]


# -- what the store keeps for fast reads stays true ------------------------------------------------


def test_trigger_kept_counts_follow_sources_and_copy_groups(db, tmp_path):
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    with Store.open(copy) as store:
        events = store.events()
        conn = store._conn

        def columns():
            return {r[0]: (r[1], r[2]) for r in conn.execute(
                "SELECT event_id, source_count, independent_sources FROM events")}

        assert columns() == {e.event_id: (e.source_count, e.independent_sources) for e in events}
        several = next(e for e in events if e.source_count >= 2)
        a, b = (s.article_id for s in several.sources[:2])
        before = store.version()
        conn.execute("UPDATE articles SET copy_group = 'wire-1' WHERE id IN (?, ?)", (a, b))  # now copies
        assert columns()[several.event_id] == (several.source_count, several.independent_sources - 1)
        assert store.version() > before
        assert store.event(several.event_id).independent_sources == several.independent_sources - 1
        conn.execute("UPDATE articles SET copy_group = NULL WHERE id = ?", (b,))
        assert columns()[several.event_id] == (several.source_count, several.independent_sources)


def test_cached_answers_change_when_another_process_writes(db, tmp_path):
    import shutil

    from eventdesk.readcache import ReadCache

    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    s, cache = Settings(db=str(copy)), ReadCache()
    reader = Store.open_reader(copy)
    query = lib.EventQuery()
    first = lib.find_rows(s, query, store=reader, cache=cache)
    stats = lib.event_stats(s, query, "country", store=reader, cache=cache)
    assert lib.find_rows(s, query, store=reader, cache=cache) == first and cache.hits
    target = first.rows[0]["event_id"]
    with Store.open(copy) as writer:  # another connection, as another process would
        writer.review_fields(target, {"fatalities": 999}, reviewer="a", why="test")
    again = lib.find_rows(s, query, store=reader, cache=cache)
    row = next(r for r in again.rows if r["event_id"] == target)
    assert row["fatalities"] == 999 and row["reviewed"] == "fatalities"
    after = lib.event_stats(s, query, "country", store=reader, cache=cache)
    assert sum(r.fatalities for r in after) == sum(r.fatalities for r in stats) - first.rows[0]["fatalities"] + 999
    with pytest.raises(Exception):
        reader._conn.execute("DELETE FROM events")  # a reader cannot write
    reader.close()


def test_read_cache_keeps_answers_of_the_newest_version_only():
    from eventdesk.readcache import ReadCache

    cache, calls = ReadCache(size=2), []

    def compute(value):
        return lambda: calls.append(value) or value

    assert cache.get(1, "a", compute("a1")) == "a1" and cache.get(1, "a", compute("a1*")) == "a1"
    assert cache.get(2, "a", compute("a2")) == "a2"  # the store changed: recomputed
    assert cache.get(1, "a", compute("old")) == "old" and cache.get(2, "a", compute("x")) == "a2"  # a late reader
    cache.get(2, "b", compute("b")), cache.get(2, "c", compute("c"))
    assert len(cache) == 2 and cache.get(2, "a", compute("a2 again")) == "a2 again"  # bounded, oldest out
    assert calls == ["a1", "a2", "old", "b", "c", "a2 again"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_text_and_actor_search_match_a_plain_substring_test(db, data):
    """The trigram index only narrows: results equal a case-insensitive substring test in Python."""
    with Store.open(db) as store:
        rows = [event_row(e) for e in store.events()]
    texts = [r["notes"] + "\n" + r["evidence"] for r in rows] + [r["actor1"] + "|" + r["assoc_actor_1"] for r in rows]
    source = data.draw(st.sampled_from([t for t in texts if len(t) > 3]))
    start = data.draw(st.integers(0, len(source) - 2))
    piece = source[start: start + data.draw(st.integers(1, 12))]
    piece = data.draw(st.sampled_from([piece, piece.upper(), piece.swapcase(), piece + "é", '"' + piece]))
    for column in ("q", "actor"):
        query = lib.EventQuery(include_incomplete=True, **{column: piece})
        got = {r["event_id"] for r in lib.find_rows(Settings(db=str(db)), query, limit=1000).rows}

        def holds(r):
            hay = (r["notes"] + "\x00" + r["evidence"].replace(" | ", "\x00")) if column == "q" else "\x00".join(
                [r["actor1"], r["actor2"], *r["assoc_actor_1"].split("; "), *r["assoc_actor_2"].split("; ")])
            return _ascii_lower(piece) in _ascii_lower(hay)

        assert got == {r["event_id"] for r in rows if holds(r)}, (column, piece)


def _ascii_lower(text: str) -> str:
    """SQLite's lower(): ASCII letters only."""
    return text.translate({c: c + 32 for c in range(65, 91)})


def test_without_a_cache_the_answers_are_the_same(client, db):
    with TestClient(create_app(Settings(db=str(db), api_cache_entries=0)), base_url=LOCAL) as bare:
        assert bare.app.state.eventdesk.cache is None
        for url in ("/api/events?sort=-fatalities&limit=7&offset=2", "/api/stats?by=week", "/api/meta",
                    "/api/events?q=killed&include_incomplete=true"):
            assert bare.get(url).json() == client.get(url).json(), url
    with pytest.raises(Exception):
        Settings(api_cache_entries=-1)


def test_search_index_follows_splits_and_merges(services, tmp_path):
    """The trigram index is rebuilt from triggers when fusion or a reviewer regroups reports: after a
    split and a merge, every event's evidence is found by ``q`` and nothing stale remains."""
    from pathlib import Path

    golden = Path(__file__).parent / "golden" / "fusion_cases.jsonl"
    case = json.loads(golden.read_text(encoding="utf-8").splitlines()[0])
    token = "t" * 20
    settings = Settings(db=str(tmp_path / "r.db"), write_token=token, progress=False)
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("".join(json.dumps(a) + "\n" for a in case["articles"]), encoding="utf-8")
    extract([str(manifest)], settings, services=services)
    auth = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(settings, services_loader=lambda _: services), base_url=LOCAL) as c:
        (row,) = c.get("/api/events", params={"include_incomplete": "true"}).json()["events"]
        mentions = [m["id"] for m in c.get(f"/api/events/{row['event_id']}/reviews").json()["mentions"]]
        parts = c.post(f"/api/events/{row['event_id']}/split", headers=auth,
                       json={"reviewer": "a", "why": "two", "groups": [mentions[:1], mentions[1:]]}).json()

        def check():
            with Store.open(settings.db) as store:
                events = store.events()
                conn = store._conn
                assert conn.execute("SELECT count(*) FROM event_search").fetchone()[0] == len(events)
            for event in events:
                for sentence in event.evidence:
                    probe = sentence[:40]
                    found = c.get("/api/events", params={"q": probe, "include_incomplete": "true",
                                                         "limit": 1000}).json()["events"]
                    assert event.event_id in {e["event_id"] for e in found}, probe
            return events

        assert len(check()) == 2
        c.post("/api/events/merge", headers=auth,
               json={"reviewer": "b", "why": "one", "event_ids": [p["event_id"] for p in parts]})
        assert len(check()) == 1


def test_answers_sent_as_built_are_what_their_response_models_give(client, db):
    """The read routes send the JSON they build without pydantic's second pass: each answer must
    equal what validating it against the route's documented model gives (the same fields and values)."""
    from eventdesk.api._models import ArticleOut, EventDetailOut, EventList, Meta, Stats

    with Store.open(db) as store:
        event_ids = [e.event_id for e in store.events()]
        article_ids = [a for (a,) in store._conn.execute("SELECT id FROM articles ORDER BY id")]
    checks = [("/api/events?limit=1000&include_incomplete=true", EventList), ("/api/meta", Meta)]
    checks += [(f"/api/stats?by={by}", Stats) for by in ("day", "week", "event_type", "admin1", "country")]
    checks += [(f"/api/events/{eid}", EventDetailOut) for eid in event_ids]
    checks += [(f"/api/articles/{aid}", ArticleOut) for aid in article_ids]
    assert len(checks) > 10
    for url, model in checks:
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-type"] == "application/json", url
        body = r.json()
        assert body == model.model_validate(body).model_dump(mode="json"), url


def test_whole_answers_are_kept_as_bytes_until_the_store_changes(db, tmp_path):
    import shutil

    copy = tmp_path / "bytes.db"
    shutil.copy(db, copy)
    with TestClient(create_app(Settings(db=str(copy))), base_url=LOCAL) as c:
        cache = c.app.state.eventdesk.cache
        row = c.get("/api/events", params={"limit": 1}).json()["events"][0]
        url = f"/api/events/{row['event_id']}"
        first = c.get(url)
        held = cache.bytes_held
        assert held > 0 and c.get(url).content == first.content and cache.bytes_held == held  # served from the cache
        with Store.open(copy) as writer:  # another process writes
            writer.review_fields(row["event_id"], {"fatalities": 4242}, reviewer="a", why="test")
        assert c.get(url).json()["event"]["fatalities"] == 4242
    with TestClient(create_app(Settings(db=str(copy), api_cache_mb=0)), base_url=LOCAL) as bare:
        assert bare.get(url).json()["event"]["fatalities"] == 4242
        assert bare.app.state.eventdesk.cache.bytes_held == 0


def test_the_byte_budget_bounds_the_cache():
    from eventdesk.readcache import ReadCache

    cache = ReadCache(size=100, max_bytes=10)
    cache.put_many(1, {"a": b"12345", "b": b"12345", "n": 7})
    assert cache.bytes_held == 10 and len(cache) == 3
    cache.put_many(1, {"c": b"123"})  # over the budget: the least recently used bytes go first
    assert cache.bytes_held <= 10 and "a" not in cache.get_many(1, ["a"]) and cache.get_many(1, ["c"])
    cache.put_many(2, {"d": b"1"})  # a new store version drops everything
    assert cache.bytes_held == 1 and len(cache) == 1
