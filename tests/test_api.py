"""The HTTP API end to end: a real store built from the seed corpus and the examples (real services),
queried through FastAPI's test client. Every filter is checked against the same filter written in
Python over ``Store.events()``."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient as _TestClient

from eventdesk.api import create_app
from eventdesk.app import complete, extract
from eventdesk.export import COLUMNS, event_row
from eventdesk.settings import Settings
from eventdesk.store import Store

TOKEN = "test-token-0123456789abcdef"


def TestClient(app, **kwargs):  # noqa: N802 - the test client, on a host name the server answers to
    return _TestClient(app, base_url="http://127.0.0.1", **kwargs)


AUTH = {"Authorization": f"Bearer {TOKEN}"}
HAJIN = dt.date(2018, 4, 19)
SORT_KEYS = ("event_date", "-event_date", "fatalities", "-fatalities", "source_count", "-source_count")


@pytest.fixture(scope="module")
def db(services, shared_dir, examples_manifest, tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "api.db"
    settings = Settings(db=str(path), progress=False)
    # a report that names no place: its event is incomplete, which the default listing leaves out
    placeless = path.parent / "placeless.jsonl"
    placeless.write_text(json.dumps({"id": "placeless-1", "published": "2021-03-10", "language": "en",
                                     "text": "Gunmen shot dead two traders on Monday, police said."}) + "\n")
    extract([str(shared_dir / "corpus" / "seeds" / "manifest.jsonl"), str(examples_manifest), str(placeless)],
            settings, services=services)
    return path


@pytest.fixture(scope="module")
def events(db):
    """Every stored event as an export row, the oracle the API's SQL filters are checked against."""
    with Store.open(db) as store:
        return [(e, event_row(e)) for e in store.events()]


@pytest.fixture(scope="module")
def client(db, services):
    settings = Settings(db=str(db), write_token=TOKEN)
    with TestClient(create_app(settings, services_loader=lambda s: services)) as c:
        yield c


def _all(client, **params):
    r = client.get("/api/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["events"])
    return body["events"]


def _ids(rows):
    return {r["event_id"] for r in rows}


def _complete(events):
    return [(e, r) for e, r in events if not complete(e)]


def _hajin(events):
    found = [r for e, r in events if r["event_date"] == HAJIN.isoformat() and r["sub_event_type"] == "Air/drone strike"]
    assert len(found) == 1
    return found[0]


# -- listing and filters ------------------------------------------------------------------------


def test_default_listing_leaves_out_incomplete_events_newest_first(client, events):
    rows = _all(client)
    assert _ids(rows) == {r["event_id"] for _, r in _complete(events)}
    assert len(rows) < len(events)  # the placeless report's event is held back
    assert [(r["event_date"], r["event_id"]) for r in rows] == sorted(
        ((r["event_date"], r["event_id"]) for r in rows), key=lambda k: (_neg(k[0]), k[1]))
    assert list(rows[0]) == list(COLUMNS)
    everything = _all(client, include_incomplete="true")
    assert _ids(everything) == {r["event_id"] for _, r in events}


def _neg(date: str) -> tuple[int, ...]:
    return tuple(-int(x) for x in date.split("-"))


@pytest.mark.parametrize("column, value", [("country", "Iraq"), ("admin1", "Diyala"), ("country", "Syria"),
                                           ("event_type", "Battles"), ("sub_event_type", "Air/drone strike")])
def test_exact_filters(client, events, column, value):
    rows = _all(client, **{column: value})
    expected = {r["event_id"] for _, r in _complete(events) if r[column] == value}
    assert expected and _ids(rows) == expected


@pytest.mark.parametrize("spelling", ["Diyala", "Diyala Governorate", "Diyālá", "diyala"])
def test_the_admin1_filter_finds_a_province_under_any_known_spelling(client, events, spelling):
    expected = {r["event_id"] for _, r in _complete(events) if r["admin1"] == "Diyala"}
    assert expected and _ids(_all(client, admin1=spelling)) == expected
    assert _ids(_all(client, admin1=spelling, country="Iraq")) == expected
    # the stats and the facets read the same filter
    by = client.get("/api/stats", params={"by": "admin1", "admin1": spelling}).json()["rows"]
    assert [row["key"] for row in by] == ["Diyala"]


def test_the_admin1_filter_keeps_other_provinces_and_countries_out(client, events):
    assert _all(client, admin1="Diyala", country="Syria") == []  # no Syrian province is called so
    assert _all(client, admin1="Kirkuk") == [] or all(r["admin1"] == "Kirkuk" for r in _all(client, admin1="Kirkuk"))
    assert all(r["admin1"] != "Diyala" for r in _all(client, admin1="Deir ez-Zor"))


def test_date_range_is_inclusive(client, events):
    rows = _all(client, since="2020-05-02", until="2020-05-15")
    expected = {r["event_id"] for _, r in _complete(events) if "2020-05-02" <= r["event_date"] <= "2020-05-15"}
    assert len(expected) >= 4 and _ids(rows) == expected
    assert client.get("/api/events", params={"since": "not-a-date"}).status_code == 422


def test_disputed_hajin_strike_has_three_independent_sources(client, events):
    rows = _all(client, disputed="true")
    assert _ids(rows) == {r["event_id"] for _, r in _complete(events) if r["disputed"]}
    hajin = next(r for r in rows if r["event_date"] == HAJIN.isoformat())
    assert "fatalities" in hajin["disputed"] and hajin["independent_sources"] == 3
    assert _ids(_all(client, disputed="false")) == _ids(_all(client))


def test_min_sources_counts_independent_sources(client, events):
    for n in (1, 2, 3):
        expected = {r["event_id"] for _, r in _complete(events) if r["independent_sources"] >= n}
        assert _ids(_all(client, min_sources=n)) == expected
    assert _ids(_all(client, min_sources=3)) == {_hajin(events)["event_id"]}
    assert client.get("/api/events", params={"min_sources": 0}).status_code == 422


def test_bbox(client, events):
    rows = _all(client, bbox="38,32,49,38")  # Syria and Iraq
    expected = {r["event_id"] for _, r in _complete(events)
                if 38 <= r["longitude"] <= 49 and 32 <= r["latitude"] <= 38}
    assert expected and _ids(rows) == expected
    assert {r["country"] for r in rows} <= {"Iraq", "Syria"}
    assert _all(client, bbox="170,-90,-170,90") == []  # across the antimeridian: nothing there
    for bad in ("1,2,3", "a,b,c,d", "0,50,10,40", "0,0,200,10", "nan,0,1,1"):
        r = client.get("/api/events", params={"bbox": bad})
        assert r.status_code == 422 and "bbox" in r.json()["error"], bad


@pytest.mark.parametrize("q", ["hajin", "WARPLANES", "roadside bomb", "no actual casualty figures"])
def test_text_search_in_notes_and_evidence(client, events, q):
    expected = {r["event_id"] for _, r in _complete(events) if q.lower() in (r["notes"] + r["evidence"]).lower()}
    assert expected and _ids(_all(client, q=q)) == expected


def test_text_search_finds_evidence_not_in_notes(client, events):
    hajin = _hajin(events)
    assert "warplanes" not in hajin["notes"].lower() and "warplanes" in hajin["evidence"].lower()
    assert hajin["event_id"] in _ids(_all(client, q="warplanes"))


@pytest.mark.parametrize("actor", ["popular mob", "MILITARY FORCES OF IRAQ", "Islamic State", "(Kenya)"])
def test_actor_substring_any_role(client, events, actor):
    def names(r):
        return " ".join([r["actor1"], r["actor2"], r["assoc_actor_1"], r["assoc_actor_2"]]).lower()

    expected = {r["event_id"] for _, r in _complete(events) if actor.lower() in names(r)}
    assert expected and _ids(_all(client, actor=actor)) == expected


def test_filters_combine(client, events):
    rows = _all(client, country="Iraq", event_type="Battles", since="2020-05-10")
    expected = {r["event_id"] for _, r in _complete(events)
                if r["country"] == "Iraq" and r["event_type"] == "Battles" and r["event_date"] >= "2020-05-10"}
    assert expected and _ids(rows) == expected


def test_empty_parameters_mean_no_filter(client):
    assert _ids(_all(client, country="", q="", actor="")) == _ids(_all(client))


# -- sorting and paging -------------------------------------------------------------------------


def _sort_key(sort: str, r: dict):
    field = sort.lstrip("-")
    value = {"event_date": r["event_date"], "fatalities": r["fatalities"], "source_count": r["source_count"]}[field]
    if sort.startswith("-"):
        value = _neg(value) if field == "event_date" else -value
    return (r["event_date"] is None if field == "event_date" else False, value, r["event_id"])


@pytest.mark.parametrize("sort", SORT_KEYS)
def test_pages_concatenate_to_the_sorted_list(client, sort):
    full = client.get("/api/events", params={"sort": sort, "limit": 1000, "include_incomplete": "true"}).json()
    rows = full["events"]
    undated_last = [r for r in rows if r["event_date"] is not None]
    if sort.lstrip("-") == "event_date":
        assert rows[: len(undated_last)] == undated_last
        rows_checked = undated_last
    else:
        rows_checked = rows
    assert rows_checked == sorted(rows_checked, key=lambda r: _sort_key(sort, r))
    paged, offset = [], 0
    while True:
        page = client.get("/api/events", params={"sort": sort, "limit": 4, "offset": offset,
                                                 "include_incomplete": "true"}).json()
        assert page["total"] == full["total"] and page["limit"] == 4 and page["offset"] == offset
        if not page["events"]:
            break
        paged += page["events"]
        offset += 4
    assert [r["event_id"] for r in paged] == [r["event_id"] for r in full["events"]]


def test_bad_sort_limit_offset_are_refused(client):
    for params in ({"sort": "event_id"}, {"sort": "event_date; DROP TABLE events"}, {"limit": 0},
                   {"limit": 1001}, {"offset": -1}):
        r = client.get("/api/events", params=params)
        assert r.status_code == 422 and "error" in r.json(), params


# -- one event, one article ---------------------------------------------------------------------


def test_event_detail_has_ledger_evidence_and_articles(client, events):
    hajin = _hajin(events)
    body = client.get(f"/api/events/{hajin['event_id']}").json()
    assert body["resolved_from"] is None
    record = body["event"]
    assert {k: record[k] for k in COLUMNS} == hajin
    deaths = [(c["article_id"][:3], c["value"], c["stance"], c["speaker"])
              for c in record["ledger"]["claims"] if c["field"] == "fatalities"]
    assert ("002", "36", "attributed", "Yahya Rasul") in deaths
    assert len(record["ledger"]["sources"]) == 3 and len(record["ledger"]["links"]) == 2
    assert set(body["articles"]) == set(hajin["article_ids"].split("; "))
    assert all(a["published"] for a in body["articles"].values())
    texts = {aid: client.get(f"/api/articles/{aid}").json()["text"] for aid in body["articles"]}
    assert body["evidence"]
    for ev in body["evidence"]:
        assert texts[ev["article_id"]][ev["start"]:ev["end"]] == ev["text"]
    assert " | ".join(ev["text"] for ev in body["evidence"]) == hajin["evidence"]


def test_unknown_ids_are_404_with_a_json_error(client):
    for url in ("/api/events/EVDNOSUCHEVENT", "/api/articles/no-such-article"):
        r = client.get(url)
        assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
        assert "no-such" in r.json()["error"].lower() or "nosuch" in r.json()["error"].lower()


def test_retired_event_id_resolves_to_its_successor(client, db, events):
    hajin = _hajin(events)["event_id"]
    with Store.open(db) as store:  # what a merge leaves behind: the retired id becomes an alias
        store.apply_fusion([], [("retired", "EVDRETIREDTEST", {"into": hajin})])
    body = client.get("/api/events/EVDRETIREDTEST").json()
    assert body["event"]["event_id"] == hajin and body["resolved_from"] == "EVDRETIREDTEST"
    retired = client.get("/api/changes").json()["changes"][-1]
    assert (retired["kind"], retired["event_id"], retired["detail"]) == ("retired", "EVDRETIREDTEST", {"into": hajin})


def test_article_spans_cover_every_event_that_cites_it(client, events):
    hajin = _hajin(events)
    article_id = "002_487561956ce51ea4"
    body = client.get(f"/api/articles/{article_id}").json()
    text = body["text"]
    assert body["id"] == article_id and body["published"] == "2018-04-24"
    citing = {r["event_id"] for _, r in events if article_id in r["article_ids"].split("; ")}
    assert {s["event_id"] for s in body["spans"]} == citing
    assert all(0 <= s["start"] <= s["end"] <= len(text) for s in body["spans"])
    mine = {(s["field"], s["start"], s["end"]) for s in body["spans"] if s["event_id"] == hajin["event_id"]}
    detail = client.get(f"/api/events/{hajin['event_id']}").json()
    for ev in detail["evidence"]:
        if ev["article_id"] == article_id:
            assert ("evidence", ev["start"], ev["end"]) in mine
    fatalities = detail["event"]["spans"]["fatalities"]
    assert fatalities["article_id"] == article_id and ("fatalities", fatalities["start"], fatalities["end"]) in mine
    assert any(field == "claim:fatalities" and "36" in text[a:b] for field, a, b in mine)
    assert all(set(d) == {"text", "reason"} for d in body["dropped"])
    assert all(set(r) == {"start", "end", "reason"} and r["reason"] for r in body["rejections"])


# -- statistics, meta, change log -------------------------------------------------------------------


@pytest.mark.parametrize("by", ["day", "week", "event_type", "admin1", "country"])
@pytest.mark.parametrize("params", [{}, {"country": "Iraq"}, {"include_incomplete": "true"}])
def test_stats_add_up_to_the_filtered_list(client, by, params):
    rows = _all(client, **params)
    stats = client.get("/api/stats", params={"by": by, **params}).json()
    assert stats["by"] == by
    assert sum(r["events"] for r in stats["rows"]) == len(rows)
    assert sum(r["fatalities"] for r in stats["rows"]) == sum(r["fatalities"] for r in rows)
    for group in stats["rows"]:
        assert sum(group["by_type"].values()) == group["events"]
    keys = {g["key"]: g for g in stats["rows"]}
    for r in rows:
        if by == "week":
            key = "" if r["event_date"] is None else _monday(r["event_date"])
        elif by == "day":
            key = r["event_date"] or ""
        else:
            key = r[by] or ""
        assert key in keys
    if by in ("day", "week"):
        dated = [k for k in keys if k]
        assert dated == sorted(dated) and all(by == "day" or dt.date.fromisoformat(k).weekday() == 0 for k in dated)


def _monday(day: str) -> str:
    d = dt.date.fromisoformat(day)
    return (d - dt.timedelta(days=d.weekday())).isoformat()


def test_stats_by_is_a_whitelist(client):
    for by in ("event_id", "country; DROP TABLE events", ""):
        assert client.get("/api/stats", params={"by": by}).status_code == 422


def test_meta(client, events):
    body = client.get("/api/meta").json()
    assert body["counts"]["events"] == len(events) and body["counts"]["articles"] == 11  # 5 seeds, 5 examples, 1 placeless
    assert body["counts"]["incomplete_events"] == len(events) - len(_complete(events))
    assert body["countries"] == sorted({r["country"] for _, r in events if r["country"]})
    assert "Diyala" in body["admin1"]["Iraq"]
    assert "Air/drone strike" in body["sub_event_types"]["Explosions/Remote violence"]
    assert body["event_types"] == sorted({r["event_type"] for _, r in events})
    assert body["versions"]["eventdesk"] and body["write_enabled"] is True
    assert TOKEN not in json.dumps(body)


def test_change_log(client):
    changes = client.get("/api/changes").json()["changes"]
    assert changes and changes[0]["kind"] == "created" and changes[0]["detail"]["mentions"]
    assert [c["seq"] for c in changes] == sorted(c["seq"] for c in changes)
    assert client.get("/api/changes", params={"since": "2999-01-01"}).json() == {"changes": []}
    assert client.get("/api/changes", params={"since": "yesterday"}).status_code == 422


# -- downloads, static files, schema --------------------------------------------------------------


def test_csv_download(client):
    rows = _all(client, country="Iraq")
    r = client.get("/api/export.csv", params={"country": "Iraq"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"] and ".csv" in r.headers["content-disposition"]
    table = list(csv.reader(io.StringIO(r.text)))
    assert tuple(table[0]) == COLUMNS
    assert {line[0] for line in table[1:]} == _ids(rows)


def test_downloads_in_acled_columns_are_what_eventdesk_export_writes(client, db, tmp_path):
    from eventdesk.app import export_events
    from eventdesk.export import columns_of
    from eventdesk.store._query import EventQuery

    r = client.get("/api/export.csv", params={"country": "Iraq", "profile": "acled"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(r.text)))
    assert tuple(table[0]) == columns_of("acled") and len(table) > 1
    cli = tmp_path / "acled.csv"  # as `eventdesk export --profile acled --country Iraq` writes it
    export_events(Settings(db=str(db)), str(cli), profile="acled", query=EventQuery(country="Iraq"))
    assert r.content == cli.read_bytes()
    geo = client.get("/api/export.geojson", params={"profile": "acled"}).json()
    assert geo["eventdesk"]["profile"] == "acled" and "event_id_cnty" in geo["features"][0]["properties"]
    assert client.get("/api/export.csv").text.splitlines()[0] == ",".join(COLUMNS)  # the default is unchanged
    assert client.get("/api/export.csv", params={"profile": "gdelt"}).status_code == 422


def test_geojson_download(client):
    rows = _all(client)
    r = client.get("/api/export.geojson")
    assert r.headers["content-type"].startswith("application/geo+json")
    data = r.json()
    assert data["type"] == "FeatureCollection" and data["eventdesk"]["eventdesk"]
    assert {f["id"] for f in data["features"]} == _ids(rows)
    for f in data["features"]:
        assert f["geometry"]["coordinates"] == [f["properties"]["longitude"], f["properties"]["latitude"]]
        assert "ledger" in f["properties"]


def test_parquet_download(client):
    import pyarrow.parquet as pq

    rows = _all(client, disputed="true")
    r = client.get("/api/export.parquet", params={"disputed": "true"})
    assert r.status_code == 200 and "parquet" in r.headers["content-type"]
    table = pq.read_table(io.BytesIO(r.content))
    assert tuple(table.column_names) == (*COLUMNS, "geometry")  # GeoParquet: a WKB point column last
    assert set(table.column("event_id").to_pylist()) == _ids(rows)


def test_world_outlines_and_pages(client):
    world = client.get("/api/world")
    assert world.status_code == 200 and world.json()["type"] == "Topology"
    assert client.get("/").status_code == 200
    assert client.get("/static/vendor/README.md").status_code == 200
    for bad in ("/static/../data/actors.csv", "/static/vendor/%2e%2e/%2e%2e/__init__.py", "/static/",
                "/static/vendor/nothing.js"):
        assert client.get(bad).status_code == 404, bad


def test_openapi_documents_every_route(client):
    from eventdesk.api import _files, _read, _review, _write

    schema = client.get("/openapi.json").json()
    routers = (_read.router, _files.downloads, _write.router, _review.reads, _review.writes)
    routes = [r for router in routers for r in router.routes
              if isinstance(r, APIRoute)]
    assert set(schema["paths"]) >= {
        "/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/stats", "/api/meta",
        "/api/changes", "/api/export.csv", "/api/export.geojson", "/api/export.parquet", "/api/world",
        "/api/articles",
    }
    for route in routes:
        path = route.path.replace(":path", "")
        assert path in schema["paths"], path
        for method in route.methods:
            assert method.lower() in schema["paths"][path], (path, method)
    params = {p["name"]: p for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    for name in ("since", "until", "country", "admin1", "event_type", "sub_event_type", "actor", "q", "bbox",
                 "disputed", "min_sources", "include_incomplete", "sort", "limit", "offset"):
        assert params[name].get("description"), name
    assert "bearer" in json.dumps(schema["components"]["securitySchemes"]).lower()


def test_readme_documents_every_route(client):
    def normalised(text):
        return re.sub(r"{[^}]+}", "{id}", text)

    readme = normalised((Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8"))
    for path, methods in client.get("/openapi.json").json()["paths"].items():
        documented = [f"`{normalised(path)}"] + [f"`{m.upper()} {normalised(path)}" for m in methods]
        assert any(d in readme for d in documented), path


# -- security -------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["' OR 1=1 --", "%", "_", '" OR ""="', "Iraq' --", "%Iraq%",
                                   "1); DROP TABLE events; --"])
def test_sql_like_values_are_plain_values(client, events, value):
    for column in ("country", "admin1", "event_type", "sub_event_type"):
        assert _all(client, **{column: value}) == []
    for column in ("actor", "q"):
        def text(r):
            return (r["notes"] + r["evidence"]) if column == "q" else " ".join(
                [r["actor1"], r["actor2"], r["assoc_actor_1"], r["assoc_actor_2"]])

        expected = {r["event_id"] for _, r in _complete(events) if value.lower() in text(r).lower()}
        assert _ids(_all(client, **{column: value})) == expected
    assert len(_all(client, include_incomplete="true")) == len(events)  # nothing was dropped


def test_api_responses_are_json_with_protective_headers(client):
    r = client.get("/api/events", params={"limit": 1})
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in r.headers["content-security-policy"]
    cross = client.get("/api/meta", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in cross.headers


# -- writes ---------------------------------------------------------------------------------------

HOSTILE = {
    "id": "evil<script>1",
    "title": '<script>alert("title")</script>',
    "outlet": "<b onmouseover=alert(1)>Evil Wire</b>",
    "published": "2021-03-16",
    "url": "javascript:alert(1)",
    "text": "Bomb kills three soldiers <script>alert('headline')</script>\n\n"
            "A roadside bomb killed three soldiers in Kandahar province on Monday, officials said. "
            "<img src=x onerror=alert(2)>\n\nThe Taliban denied involvement.",
}


@pytest.fixture(scope="module")
def writer(services, tmp_path_factory):
    db = tmp_path_factory.mktemp("api-write") / "write.db"
    loads = []

    def loader(settings):
        loads.append(settings)
        return services

    app = create_app(Settings(db=str(db), write_token=TOKEN, max_request_bytes=50_000), services_loader=loader)
    with TestClient(app) as c:
        yield c, loads


def test_read_only_server_refuses_every_write(db):
    with TestClient(create_app(Settings(db=str(db)))) as c:
        for headers in ({}, AUTH):
            r = c.post("/api/articles", json={"articles": [HOSTILE]}, headers=headers)
            assert r.status_code == 403 and "read-only" in r.json()["error"]
        assert c.get("/api/meta").json()["write_enabled"] is False


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-token-0123456789"},
                                     {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": "Bearer é".encode()}])
def test_writes_need_the_right_token(writer, headers):
    c, _ = writer
    r = c.post("/api/articles", json={"articles": [HOSTILE]}, headers=headers)
    assert r.status_code == 403 and "Authorization" in r.json()["error"]
    r = c.post("/api/articles", content=b"{not json", headers={**headers, "content-type": "application/json"})
    assert r.status_code == 403  # refused before the body is read


def test_bad_bodies(writer):
    c, _ = writer
    assert c.post("/api/articles", json={"articles": []}, headers=AUTH).status_code == 400
    r = c.post("/api/articles", json={"articles": [{"id": "p", "path": "/etc/passwd"}]}, headers=AUTH)
    assert r.status_code == 400 and "path" in r.json()["error"]
    for body in (b"{not json", b'{"articles": "x"}', b'{"nothing": []}', b"[]", b'{"articles": [5]}'):
        r = c.post("/api/articles", content=body, headers={**AUTH, "content-type": "application/json"})
        assert r.status_code == 422 and r.json()["error"].startswith("invalid request"), body
    r = c.post("/api/articles", json={"articles": [{"id": "big", "text": "x" * 60_000}]}, headers=AUTH)
    assert r.status_code == 413 and "max_request_bytes" in r.json()["error"]

    def chunked():  # no Content-Length: the body is counted as it arrives
        yield b'{"articles": [{"id": "big", "text": "'
        yield from (b"x" * 10_000 for _ in range(6))
        yield b'"}]}'

    r = c.post("/api/articles", content=chunked(), headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 413 and "max_request_bytes" in r.json()["error"]


def test_hostile_article_comes_back_as_plain_json_strings(writer):
    c, loads = writer
    r = c.post("/api/articles", json={"articles": [HOSTILE, {"text": "no id"}]}, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["summary"]["new"] == 1 and body["summary"]["read"] == 2
    assert body["summary"]["skipped"] == [{"origin": "articles[1]", "reason": "missing 'id'"}]  # as the CLI says
    assert body["article_ids"] == [HOSTILE["id"]]
    (event,) = body["events"]
    assert event["country"] == "Afghanistan" and event["fatalities"] == 3
    assert event["source"] == HOSTILE["outlet"] and "<img src=x onerror=alert(2)>" in event["evidence"]

    article = c.get(f"/api/articles/{HOSTILE['id']}")
    assert article.headers["content-type"] == "application/json"
    got = article.json()
    assert (got["id"], got["title"], got["outlet"], got["url"]) == (
        HOSTILE["id"], HOSTILE["title"], HOSTILE["outlet"], HOSTILE["url"])
    assert got["headline"] == "Bomb kills three soldiers <script>alert('headline')</script>"
    assert "<img src=x onerror=alert(2)>" in got["text"]
    assert {s["event_id"] for s in got["spans"]} == {event["event_id"]}
    assert c.get(f"/api/events/{event['event_id']}").json()["articles"][HOSTILE["id"]]["title"] == HOSTILE["title"]

    again = c.post("/api/articles", json={"articles": [HOSTILE]}, headers=AUTH).json()
    assert again["summary"]["new"] == 0 and again["summary"]["duplicate"] == 1
    assert [e["event_id"] for e in again["events"]] == [event["event_id"]]
    assert len(loads) == 1  # the services were loaded once, on the first write
    assert c.get("/api/events").json()["total"] == 1


# -- settings and the command --------------------------------------------------------------------


def test_api_settings_from_the_environment():
    s = Settings.load(env={"EVENTDESK_WRITE_TOKEN": TOKEN, "EVENTDESK_MAX_REQUEST_BYTES": "1000",
                           "EVENTDESK_PORT": "9000", "EVENTDESK_HOST": "0.0.0.0"})
    assert (s.write_token, s.max_request_bytes, s.port, s.host) == (TOKEN, 1000, 9000, "0.0.0.0")
    assert TOKEN not in repr(s)
    defaults = Settings()
    assert (defaults.host, defaults.port, defaults.write_token, defaults.cors_origins) == (
        "127.0.0.1", 8000, None, None)
    assert Settings.load(env={"EVENTDESK_WRITE_TOKEN": ""}).write_token is None
    from eventdesk.errors import ConfigError

    with pytest.raises(ConfigError):
        Settings(write_token="short")


def test_write_token_is_not_stored_with_the_run(writer):
    c, _ = writer
    db = c.app.state.eventdesk.settings.db
    with Store.open(db) as store:
        assert all("write_token" not in run.settings for run in store.runs())
    for path in (db, f"{db}-wal"):
        with contextlib.suppress(FileNotFoundError), open(path, "rb") as fh:
            assert TOKEN.encode() not in fh.read()


def test_cors_only_when_configured(db):
    settings = replace(Settings(db=str(db)), cors_origins="https://desk.example")
    with TestClient(create_app(settings)) as c:
        r = c.get("/api/meta", headers={"Origin": "https://desk.example"})
        assert r.headers["access-control-allow-origin"] == "https://desk.example"
        assert "access-control-allow-origin" not in c.get("/api/meta", headers={"Origin": "https://x.example"}).headers


def test_serve_command_validates_its_settings(capsys):
    from eventdesk.cli import build_parser, main

    args = build_parser().parse_args(["serve", "--port", "9001", "--host", "127.0.0.2"])
    assert (args.command, args.port, args.host) == ("serve", 9001, "127.0.0.2")
    assert main(["serve", "--port", "0"]) == 2
    assert "port" in capsys.readouterr().err


# -- review -----------------------------------------------------------------------------------


@pytest.fixture
def review_client(services, tmp_path):
    golden = Path(__file__).parent / "golden" / "fusion_cases.jsonl"
    case = json.loads(golden.read_text(encoding="utf-8").splitlines()[0])
    settings = replace(Settings(), db=tmp_path / "review.db", write_token=TOKEN, progress=False)
    manifest = tmp_path / "rawa.jsonl"
    manifest.write_text("".join(json.dumps(a) + "\n" for a in case["articles"]), encoding="utf-8")
    extract([str(manifest)], settings, services=services)
    with TestClient(create_app(settings, services_loader=lambda _: services)) as c:
        yield c


def test_review_needs_the_token_and_is_audited(review_client):
    (row,) = review_client.get("/api/events", params={"include_incomplete": "true"}).json()["events"]
    eid = row["event_id"]
    body = {"reviewer": "analyst-1", "why": "council statement", "fields": {"fatalities": 9}}
    assert review_client.post(f"/api/events/{eid}/review", json=body).status_code == 403
    fixed = review_client.post(f"/api/events/{eid}/review", json=body, headers=AUTH)
    assert fixed.status_code == 200 and fixed.json()["fatalities"] == 9 and fixed.json()["reviewed"] == "fatalities"
    bad = review_client.post(f"/api/events/{eid}/review", json={**body, "fields": {"colour": 1}}, headers=AUTH)
    assert bad.status_code == 422 and "colour" in bad.json()["error"]
    trail = review_client.get(f"/api/events/{eid}/reviews").json()
    assert [(r["action"], r["field"], r["before"], r["after"]) for r in trail["reviews"]] == [
        ("correct", "fatalities", 8, 9)]
    assert len(trail["mentions"]) == 3


def test_split_and_merge_through_the_api(review_client):
    (row,) = review_client.get("/api/events", params={"include_incomplete": "true"}).json()["events"]
    mentions = [m["id"] for m in review_client.get(f"/api/events/{row['event_id']}/reviews").json()["mentions"]]
    body = {"reviewer": "a", "why": "two raids", "groups": [mentions[:1], mentions[1:]]}
    parts = review_client.post(f"/api/events/{row['event_id']}/split", json=body, headers=AUTH)
    assert parts.status_code == 200 and sorted(p["source_count"] for p in parts.json()) == [1, 2]
    ids = [p["event_id"] for p in parts.json()]
    merged = review_client.post("/api/events/merge", json={"reviewer": "b", "why": "one raid after all",
                                                           "event_ids": ids}, headers=AUTH)
    assert merged.status_code == 200 and merged.json()["source_count"] == 3
