"""The country of an event whose report names no place for it (``EventMention.country``): read from
the report with its provenance, kept apart from a place through the store (migration 0009), fusion,
exports, the API's country filter and the MUC-4 scorer. The extraction cases on whole reports are
golden records (``tests/golden/real_news.jsonl``, kind "the country of an event whose report names no
place"); these are the parts around it."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from eventdesk import export
from eventdesk.dataset import complete
from eventdesk.fuse import Item, cluster, compare, event_for
from eventdesk.model import Actor, Event, EventCountry, EventDate, EventMention, Place, Source, Span
from eventdesk.store import Store
from eventdesk.store._codec import decode_mention, encode_mention, fingerprint
from eventdesk.store._query import EventQuery

TEXT = "Guerrillas ambushed an army patrol on Friday, killing three soldiers, the army said in Colombia."
KENYA_TOWN = Place("Kenya", "Nairobi", "", "Nairobi", -1.28, 36.82, 1, "gn:184745")


def mention(article: str, country: str | None = "Colombia", *, place: Place | None = None, day: int = 2,
            how: str = "sentence", a1: str = "Revolutionary Armed Forces of Colombia") -> EventMention:
    return EventMention(
        article, "Battles", "Armed clash", (Span(article, 0, 44),), EventDate(dt.date(1990, 3, day), 1),
        place, Actor(a1, 2), Actor("Military Forces of Colombia", 1),
        country=None if country is None or place is not None else EventCountry(country, how, Span(article, 86, 94)),
    )


def item(m: EventMention, n: int = 0) -> Item:
    return Item.of(f"{m.article_id}#{n}", f"{m.article_id}-hash#{n}", m, text="guerrillas ambushed an army patrol")


# -- the model ------------------------------------------------------------------------------


def test_a_country_is_no_place_and_a_place_gives_its_own():
    only = mention("a")
    assert only.place is None and only.country_name == "Colombia"
    placed = mention("b", place=KENYA_TOWN)
    assert placed.country is None and placed.country_name == "Kenya"
    assert mention("c", None).country_name is None
    with pytest.raises(ValueError, match="place's country"):
        replace(placed, country=EventCountry("Colombia", "article"))


# -- the store: codec and migration ------------------------------------------------------------


def test_codec_keeps_a_country_only_event_apart_from_a_placed_one():
    only = mention("a", how="dateline")
    columns = encode_mention(only)
    assert columns["country"] == "Colombia" and columns["geo_precision"] is None and columns["latitude"] is None
    assert (columns["country_how"], columns["country_start"]) == ("dateline", 86)
    assert decode_mention(columns) == only
    placed = mention("b", place=KENYA_TOWN)
    assert encode_mention(placed)["country_how"] is None and decode_mention(encode_mention(placed)) == placed
    nothing = mention("c", None)
    assert encode_mention(nothing)["country"] is None and decode_mention(encode_mention(nothing)) == nothing


_NEW = ("country_how", "country_article", "country_start", "country_end")


def _as_before_0009(db: Path) -> None:
    """The store as eventdesk wrote it before migration 0009: no country columns, fingerprints of
    the columns it had, 0009 not applied."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    with conn:
        rows = conn.execute("SELECT * FROM event_mentions").fetchall()
        for row in rows:
            old = {k: v for k, v in encode_mention(decode_mention(row)).items() if k not in _NEW}
            conn.execute("UPDATE event_mentions SET fingerprint = ? WHERE id = ?", (fingerprint(old), row["id"]))
        for table in ("event_mentions", "events"):
            for column in _NEW:
                conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute("DELETE FROM schema_migrations WHERE version = 9")
    conn.close()


def test_an_old_store_upgrades_and_keeps_its_places(tmp_path):
    from tests.test_store import make_result

    db = tmp_path / "old.db"
    placeless = replace(make_result().events[0], place=None)
    result = replace(make_result(), events=(make_result().events[0], placeless))
    with Store.open(db) as store:
        store.add_result(result, pipeline_version="t")
        ids = store.mention_ids("a1")
        store.put_events([Event("e1", result.events[0], (result.events[0],), ())])
    _as_before_0009(db)
    with Store.open(db) as store:  # migrates
        assert store.schema_version == 9
        got = [m.mention for m in store.stored_mentions(ids)]
        assert got == list(result.events)  # the place kept; a placeless mention has no country yet
        assert got[1].place is None and got[1].country is None
        assert store.event("e1").fields == result.events[0]
        rows = store._conn.execute("SELECT id, fingerprint FROM event_mentions ORDER BY id").fetchall()
        assert [fp for _, fp in rows] == [fingerprint(encode_mention(m)) for m in got]
        # the store still finds each mention's row by its fingerprint
        store.put_events([Event("e2", got[1], (got[1],), ())])
        assert store.event("e2").mentions == (got[1],)
        assert store.add_result(result, pipeline_version="t") is False and store.mention_ids("a1") == ids


def test_the_store_filters_country_only_events_by_country_and_holds_them_back_by_default(tmp_path):
    from tests.test_store import make_result

    only = replace(make_result().events[0], place=None, country=EventCountry("Iraq", "article"))
    with Store.open(tmp_path / "s.db") as store:
        store.add_result(replace(make_result(), events=(only,)), pipeline_version="t")
        store.put_events([Event("e1", only, (only,), ())])
        total, _ = store.query_events(EventQuery(country="Iraq"))
        assert total == 0  # held back, as exports hold it back: ACLED codes no country-level event
        total, events = store.query_events(EventQuery(country="Iraq", include_incomplete=True))
        assert total == 1 and events[0].fields.country == EventCountry("Iraq", "article")
        assert store.query_events(EventQuery(country="Syria", include_incomplete=True))[0] == 0
        assert store.query_events(EventQuery(bbox=(-180, -90, 180, 90), include_incomplete=True))[0] == 0
        assert store.totals()["incomplete_events"] == 1


# -- fusion -------------------------------------------------------------------------------------


def test_fusion_never_joins_reports_of_two_countries():
    colombia, venezuela = mention("a"), mention("b", "Venezuela")
    assert compare(item(colombia), item(venezuela)) is None  # same day, type and actors
    assert compare(item(colombia), item(mention("c"))) is not None
    caracas = Place("Venezuela", "Distrito Capital", "", "Caracas", 10.5, -66.9, 1)
    assert compare(item(colombia), item(mention("d", place=caracas))) is None
    bogota = Place("Colombia", "Bogota D.C.", "", "Bogota", 4.61, -74.08, 1)
    assert compare(item(colombia), item(mention("e", place=bogota))) is not None
    # a report with no country at all still meets either, on its actors (as before)
    assert compare(item(mention("f", None)), item(venezuela)) is not None


def test_fusion_is_order_free_and_a_country_never_becomes_a_town():
    bogota = Place("Colombia", "Bogota D.C.", "", "Bogota", 4.61, -74.08, 1)
    ms = [mention("a", how="dateline"), mention("b", how="sentence"), mention("c", "Venezuela"),
          mention("d", place=bogota), mention("e", how="article")]
    assert _groups([item(m) for m in ms]) == _groups([item(m) for m in reversed(ms)]) == [["a", "b", "d", "e"], ["c"]]
    placed, venezuela = (event_for(g, {}).fields for g in cluster([item(m) for m in ms]))
    assert placed.place == bogota and placed.country is None  # the town comes from the report that names it
    assert venezuela.place is None and venezuela.country.name == "Venezuela"
    # no report places it: the country, with the nearest evidence any report has (b's sentence)
    (only,) = (event_for(g, {}).fields for g in cluster([item(m) for m in ms if m.article_id in "abe"]))
    assert only.place is None and only.country == EventCountry("Colombia", "sentence", Span("b", 86, 94))


def _groups(items):
    return sorted(sorted(i.article for i in g.items) for g in cluster(items))


# -- exports ------------------------------------------------------------------------------------


def _country_only_event() -> Event:
    only = mention("a", how="dateline")
    return Event("ev-1", only, (only,), (Source("a", "FBIS"),), evidence=(TEXT[:44],))


def test_export_writes_a_country_with_no_coordinates_and_says_what_the_row_is(tmp_path):
    event = _country_only_event()
    assert complete(event) == "only the country is known"
    row = export.event_row(event)
    assert (row["country"], row["country_how"]) == ("Colombia", "dateline")
    assert row["location"] == row["admin1"] == "" and row["latitude"] is row["longitude"] is row["geo_precision"] is None
    placed = export.event_row(replace(event, fields=mention("b", place=KENYA_TOWN)))
    assert placed["country"] == "Kenya" and placed["country_how"] == ""
    meta = {"pipeline_version": "t"}
    assert export.write([event], tmp_path / "e.geojson", meta=meta) == 0  # a feature needs a point: left out
    assert json.loads((tmp_path / "e.geojson").read_text())["features"] == []
    assert export.write([event], tmp_path / "e.csv", meta=meta) == 1
    import csv

    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as fh:
        (got,) = list(csv.DictReader(fh))
    assert (got["country"], got["country_how"], got["latitude"], got["geo_precision"]) == ("Colombia", "dateline", "", "")
    import pyarrow.parquet as pq

    export.write([event], tmp_path / "e.parquet", meta=meta)
    table = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert table[0]["country"] == "Colombia" and table[0]["latitude"] is None and table[0]["geometry"] is None


# -- the MUC-4 scorer -----------------------------------------------------------------------------


def test_muc_scores_a_country_only_key_by_the_events_country():
    from eventdesk.evaluate._muc_data import MucTemplate
    from eventdesk.evaluate.muc import _location_ok

    def key(*parts: tuple[str, str]) -> MucTemplate:
        return MucTemplate(report_id="X", number="1", optional=False, dates=(), locations=(parts,),
                           types=("ATTACK",), stages=("ACCOMPLISHED",), perp_orgs=(), perp_orgs_optional=False,
                           deaths=None, dead_targets=0)

    only = mention("a")
    assert _location_ok(key(("COLOMBIA", "COUNTRY")), only)
    assert not _location_ok(key(("PERU", "COUNTRY")), only)
    assert not _location_ok(key(("COLOMBIA", "COUNTRY"), ("BOGOTA", "CITY")), only)  # a town needs a place
    assert not _location_ok(key(("COLOMBIA", "COUNTRY")), mention("b", None))
