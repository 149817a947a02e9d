"""Export: exact ACLED-style columns, one record per event in every format, deterministic bytes."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk import export
from eventdesk.errors import ConfigError
from eventdesk.model import Actor, Event, EventDate, EventMention, Fatalities, Place, Source, Span

META = {"pipeline_version": "0.1.0", "model": "en_core_web_sm-3.8.0", "dictionaries": {"actors": "2024.05"}}
WRITTEN_META = {**META, "profile": "eventdesk", "columns": export.column_dtypes(export.COLUMNS)}
HEADER = (
    "event_id,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,"
    "country,admin1,admin2,admin1_code,location,latitude,longitude,geo_precision,country_how,fatalities,fatalities_low,fatalities_high,"
    "source,source_count,independent_sources,article_ids,notes,disputed,evidence,confidence,reviewed"
)


# -- factories ------------------------------------------------------------------------------


def make_mention(article_id: str = "a1", *, place: bool = True, notes: str = "Gunmen attacked.") -> EventMention:
    sp = lambda s, e: Span(article_id, s, e)  # noqa: E731
    return EventMention(
        article_id=article_id,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        sentences=(sp(0, 40), sp(41, 80)),
        date=EventDate(dt.date(2024, 4, 29), 1, sp(30, 36), "weekday"),
        place=Place("Iraq", "Babil", "Musayyib", "Jurf al-Sakhar", 32.89345678, 44.1, 1, "gn:1", sp(10, 24))
        if place else None,
        actor1=Actor("Unidentified Armed Group (Iraq)", 3, sp(0, 6)),
        actor2=Actor("Civilians (Iraq)", 7, None),
        assoc_actor_1=(Actor("Tribe A", 4), Actor("Tribe B", 4)),
        fatalities=Fatalities(3, 2, None, sp(50, 55), "number"),
        notes=notes,
        confidence=0.8125,
        type_evidence=sp(7, 15),
    )


def make_event(event_id: str = "ev-1", *, date: dt.date | None = dt.date(2024, 4, 29), place: bool = True,
               notes: str = "Gunmen attacked.") -> Event:
    a, b = make_mention("a1", place=place, notes=notes), make_mention("b2", place=place, notes=notes)
    fields = replace(a, date=None if date is None else replace(a.date, date=date))
    return Event(
        event_id=event_id,
        fields=fields,
        mentions=(a, b),
        sources=(Source("a1", "Reuters", "https://r.example/1", dt.date(2024, 4, 30)),
                 Source("b2", "Reuters", None, None)),
        evidence=("First sentence.", "Second sentence.", "Third, from b2.", "Fourth."),
        disputed=("fatalities", "actor2"),
    )


# -- rows -----------------------------------------------------------------------------------


def test_columns_are_exact() -> None:
    assert ",".join(export.COLUMNS) == HEADER
    assert tuple(export.event_row(make_event())) == export.COLUMNS


def test_event_row_values() -> None:
    row = export.event_row(make_event())
    assert row["event_date"] == "2024-04-29" and row["time_precision"] == 1
    assert row["assoc_actor_1"] == "Tribe A; Tribe B" and row["assoc_actor_2"] == ""
    assert (row["latitude"], row["longitude"]) == (32.8935, 44.1)
    assert (row["fatalities"], row["fatalities_low"], row["fatalities_high"]) == (3, 2, None)
    assert row["source"] == "Reuters" and row["source_count"] == 2 and row["article_ids"] == "a1; b2"
    assert row["disputed"] == "fatalities; actor2"
    assert row["evidence"] == "First sentence. | Second sentence. | Third, from b2. | Fourth."
    assert row["confidence"] == 0.81


def test_csv_cells_format_numbers_and_blanks() -> None:
    cells = dict(zip(export.COLUMNS, export.csv_cells(export.event_row(make_event())), strict=True))
    assert (cells["latitude"], cells["longitude"], cells["confidence"]) == ("32.8935", "44.1000", "0.81")
    assert (cells["fatalities_low"], cells["fatalities_high"]) == ("2", "")
    unplaced_row = export.event_row(make_event(place=False, date=None))
    unplaced = dict(zip(export.COLUMNS, export.csv_cells(unplaced_row), strict=True))
    assert unplaced["latitude"] == unplaced["geo_precision"] == unplaced["event_date"] == unplaced["country"] == ""


def test_spans_name_where_each_value_was_read() -> None:
    spans = export.event_spans(make_event())
    assert spans["event_date"] == {"article_id": "a1", "start": 30, "end": 36}
    assert spans["location"] == {"article_id": "a1", "start": 10, "end": 24}
    assert spans["event_type"] == {"article_id": "a1", "start": 7, "end": 15}
    assert spans["actor2"] is None
    assert [(s["article_id"], s["start"]) for s in spans["evidence"]] == [("a1", 0), ("a1", 41), ("b2", 0), ("b2", 41)]


def test_evidence_spans_dedupe_and_fall_back_to_fields() -> None:
    event = make_event()
    doubled = replace(event, mentions=event.mentions + event.mentions[:1])
    assert export.evidence_spans(doubled) == export.evidence_spans(event)
    assert export.evidence_spans(replace(event, mentions=())) == event.fields.sentences


# -- formats --------------------------------------------------------------------------------


@pytest.mark.parametrize("name, fmt", [("x.csv", None), ("x.JSONL", None), ("x.out", "geojson"), ("x.pq", "parquet")])
def test_format_from_suffix_or_given(tmp_path: Path, name: str, fmt: str | None) -> None:
    assert export.write([make_event()], tmp_path / name, fmt, meta=META) == 1


@pytest.mark.parametrize("name, fmt", [("x.xlsx", None), ("x", None), ("x.csv", "excel")])
def test_unknown_format_is_a_config_error(tmp_path: Path, name: str, fmt: str | None) -> None:
    with pytest.raises(ConfigError, match="unknown export"):
        export.write([make_event()], tmp_path / name, fmt, meta=META)
    assert list(tmp_path.iterdir()) == []


def test_format_contradicting_the_suffix_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="contradicts the suffix"):
        export.write([make_event()], tmp_path / "x.parquet", "csv", meta=META)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_an_error_that_names_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="folder .*nope does not exist"):
        export.write([make_event()], tmp_path / "nope" / "x.csv", meta=META)
    assert list(tmp_path.iterdir()) == []


def test_dash_writes_csv_to_stdout_without_a_sidecar(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert export.write([make_event()], "-", meta=META) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == HEADER and len(list(csv.reader(out.splitlines()))) == 2
    assert list(tmp_path.iterdir()) == []


def test_csv_dtype_hints_keep_all_empty_columns_typed(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    path = tmp_path / "events.csv"
    export.write([make_event("a", place=False), make_event("b", place=False)], path, meta=META)
    hints = json.loads((tmp_path / "events.csv.meta.json").read_text(encoding="utf-8"))["columns"]
    frame = pd.read_csv(path, dtype=hints, keep_default_na=False, na_values=[""])
    assert frame["latitude"].isna().all() and str(frame["latitude"].dtype) == "float64"
    assert str(frame["geo_precision"].dtype) == "Int64" and str(frame["country"].dtype) == "string"
    assert str(frame["fatalities"].dtype) == "int64" and frame["assoc_actor_2"].isna().all()


def test_meta_must_be_json(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="meta"):
        export.write([make_event()], tmp_path / "x.csv", meta={"when": dt.date(2024, 1, 1)})


def test_csv_header_order_and_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    export.write([make_event()], path, meta=META)
    assert path.read_text(encoding="utf-8").splitlines()[0] == HEADER
    assert json.loads((tmp_path / "events.csv.meta.json").read_text(encoding="utf-8")) == WRITTEN_META


def test_output_is_sorted_and_independent_of_input_order(tmp_path: Path) -> None:
    events = [make_event("b", date=dt.date(2024, 1, 2)), make_event("c", date=None),
              make_event("a", date=dt.date(2024, 1, 2)), make_event("z", date=dt.date(2023, 12, 31))]
    export.write(events, tmp_path / "one.jsonl", meta=META)
    export.write(events[::-1], tmp_path / "two.jsonl", meta=META)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert [r["event_id"] for r in export.read_jsonl(tmp_path / "one.jsonl")] == ["z", "a", "b", "c"]


def test_jsonl_is_one_event_per_line_with_spans(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    export.write([make_event("a"), make_event("b", notes="line one\nline two")], path, meta=META)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    record = json.loads(lines[1])
    assert list(record) == [*export.COLUMNS, "spans", "ledger"] and record["notes"] == "line one\nline two"
    assert record["spans"]["fatalities"] == {"article_id": "a1", "start": 50, "end": 55}
    assert json.loads((tmp_path / "events.jsonl.meta.json").read_text(encoding="utf-8")) == WRITTEN_META


def test_geojson_points_are_lon_lat_and_unplaced_events_are_left_out(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "events.geojson"
    written = export.write([make_event("a"), make_event("b", place=False)], path, meta=META)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert written == 1 and "1 event(s) without coordinates" in caplog.text
    assert doc["type"] == "FeatureCollection" and doc["eventdesk"] == WRITTEN_META
    (feature,) = doc["features"]
    assert feature["type"] == "Feature" and feature["id"] == "a"
    assert feature["geometry"] == {"type": "Point", "coordinates": [44.1, 32.8935]}
    lon, lat = feature["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert feature["properties"]["location"] == "Jurf al-Sakhar" and "spans" in feature["properties"]


def test_parquet_schema_metadata_and_values(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    export.write([make_event("a"), make_event("b", place=False, date=None)], path, meta=META)
    table = pq.read_table(path)
    schema = table.schema
    assert tuple(schema.names) == (*export.COLUMNS, "geometry")
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("fatalities_low").type == pa.int64() and schema.field("fatalities_low").nullable
    assert schema.field("latitude").type == pa.float64() and schema.field("confidence").type == pa.float64()
    assert schema.field("notes").type == pa.string() and not schema.field("event_id").nullable
    assert json.loads(schema.metadata[b"eventdesk"]) == WRITTEN_META
    rows = table.to_pylist()
    assert rows[0]["event_date"] == dt.date(2024, 4, 29) and rows[0]["fatalities_high"] is None
    assert rows[1]["latitude"] is None and rows[1]["event_date"] is None and rows[1]["fatalities_low"] == 2
    # missing text is NULL, not "", and the list columns are lists
    assert rows[1]["country"] is None and rows[0]["reviewed"] is None and rows[0]["assoc_actor_2"] is None
    assert rows[0]["assoc_actor_1"] == ["Tribe A", "Tribe B"] and rows[0]["disputed"] == ["fatalities", "actor2"]
    assert rows[0]["evidence"] == ["First sentence.", "Second sentence.", "Third, from b2.", "Fourth."]


def test_parquet_is_geoparquet_with_wkb_points(tmp_path: Path) -> None:
    import struct

    path = tmp_path / "events.parquet"
    export.write([make_event("a"), make_event("b", place=False)], path, meta=META)
    table = pq.read_table(path)
    geo = json.loads(table.schema.metadata[b"geo"])
    assert geo["version"] == "1.1.0" and geo["primary_column"] == "geometry"
    column = geo["columns"]["geometry"]
    assert column["encoding"] == "WKB" and column["geometry_types"] == ["Point"]
    assert column["bbox"] == [44.1, 32.8935, 44.1, 32.8935]
    placed, unplaced = table.column("geometry").to_pylist()
    assert struct.unpack("<BIdd", placed) == (1, 1, 44.1, 32.8935) and unplaced is None


def test_empty_export_keeps_schema(tmp_path: Path) -> None:
    assert export.write([], tmp_path / "none.parquet", meta=META) == 0
    assert tuple(pq.read_table(tmp_path / "none.parquet").schema.names) == (*export.COLUMNS, "geometry")
    assert export.write([], tmp_path / "none.csv", meta=META) == 0
    assert (tmp_path / "none.csv").read_text(encoding="utf-8").strip() == HEADER


def test_hostile_text_survives_csv_round_trip(tmp_path: Path) -> None:
    hostile = 'He said "stop", then left;\nnew line\r\n<script>alert("x")</script>, =SUM(A1) | \x00\u202e done'
    hostile = hostile.replace("\x00", "")  # NUL cannot be stored in a CSV text file at all
    path = tmp_path / "events.csv"
    export.write([make_event(notes=hostile)], path, meta=META)
    with path.open(encoding="utf-8", newline="") as handle:
        header, row = list(csv.reader(handle))
    assert tuple(header) == export.COLUMNS
    assert dict(zip(header, row, strict=True))["notes"] == hostile


# -- property: JSONL export -> read -> export is byte-identical -----------------------------

texts = st.text(max_size=15)
article_ids = st.sampled_from(["a1", "b2", "c;3"])
spans = st.builds(Span, article_ids, st.integers(0, 10_000), st.integers(0, 10_000))
opt_spans = st.none() | spans
actors = st.builds(Actor, texts, st.integers(0, 8), opt_spans)
coords = st.floats(-180, 180, allow_nan=False)
mentions = st.builds(
    EventMention,
    article_id=article_ids,
    event_type=texts,
    sub_event_type=texts,
    sentences=st.lists(spans, max_size=3).map(tuple),
    date=st.none() | st.builds(EventDate, st.dates(), st.integers(1, 3), opt_spans),
    place=st.none() | st.builds(Place, texts, texts, texts, texts, coords, coords, st.integers(1, 3), texts, opt_spans),
    actor1=st.none() | actors,
    actor2=st.none() | actors,
    assoc_actor_1=st.lists(actors, max_size=2).map(tuple),
    fatalities=st.builds(Fatalities, st.integers(0, 500), st.none() | st.integers(0, 500),
                         st.none() | st.integers(0, 500), opt_spans),
    notes=st.text(),
    confidence=st.floats(0, 1),
)
events = st.builds(
    Event,
    event_id=st.text(min_size=1, max_size=10),
    fields=mentions,
    mentions=st.lists(mentions, max_size=3).map(tuple),
    sources=st.lists(st.builds(Source, article_ids, texts), max_size=3).map(tuple),
    evidence=st.lists(st.text(), max_size=3).map(tuple),
    disputed=st.lists(st.sampled_from(["event_date", "fatalities", "location"]), max_size=2, unique=True).map(tuple),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(events, max_size=4, unique_by=lambda e: e.event_id))
def test_jsonl_export_import_export_is_identical(tmp_path: Path, evs: list[Event]) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert export.write(evs, first, meta=META) == len(evs)
    records = export.read_jsonl(first)
    assert export.write_records(records, second, meta=META) == len(evs)
    assert first.read_bytes() == second.read_bytes()
    assert [r["event_id"] for r in records] == [r["event_id"] for r in sorted(records, key=_export_order)]


def _export_order(record: dict) -> tuple[bool, str, str]:
    return (record["event_date"] is None, record["event_date"] or "", record["event_id"])


def test_the_province_code_column_joins_any_spelling() -> None:
    """`admin1_code` is the ISO 3166-2 code of the province, whatever spelling the event carries."""
    def at(place: Place) -> Event:
        event = make_event()
        return replace(event, fields=replace(event.fields, place=place))

    codes = [export.event_row(at(Place("Syria", spelling, "", "Saraqib", 35.86, 36.8, 1)))["admin1_code"]
             for spelling in ("Idleb", "Idlib", "Idlib Governorate")]
    assert codes == ["SY-ID"] * 3
    assert export.event_row(make_event())["admin1_code"] == "IQ-BB"  # Babil
    unknown = export.event_row(at(Place("Syria", "Atlantis", "", "X", 35.0, 36.0, 1)))
    assert unknown["admin1_code"] == "" and unknown["admin1"] == "Atlantis"
    assert export.event_row(make_event(place=False))["admin1_code"] == ""
