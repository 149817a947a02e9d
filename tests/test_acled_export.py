"""The ``acled`` export profile drops in where an ACLED export goes: ACLED's columns in ACLED's
order, loaded with the dtypes of a real ACLED export (the dev gold's header and pandas' reading of
it), and an analyst's script written for ACLED data runs unchanged on both files. The rules behind
the derived columns (interaction, iso, region, disorder type) are checked against the gold rows."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from eventdesk.acled import ACLED_COLUMNS, EXTRA_COLUMNS, PROFILE_COLUMNS, AcledTables, interaction
from eventdesk.app import extract
from eventdesk.cli import main
from eventdesk.dataset import select
from eventdesk.settings import Settings
from eventdesk.store import Store

pd = pytest.importorskip("pandas", reason="the pandas extra is needed to read exports as an analyst does")

# Columns of the 31-column exports that ACLED's current exports no longer have.
RETIRED = {"data_id", "event_id_no_cnty", "iso3"}

ANALYST_SCRIPT = """
import pandas as pd

df = pd.read_csv(PATH)
recent = df[(df["year"] >= 2000) & (df["interaction"].isin([12, 13, 17, 20, 27, 37, 60]))]
by_admin1 = (recent.groupby(["iso", "admin1"])
             .agg(events=("event_id_cnty", "count"), fatalities=("fatalities", "sum"))
             .sort_values("fatalities", ascending=False))
monthly = df.assign(month=pd.to_datetime(df["event_date"]).dt.to_period("M")).groupby("month").size()
one_country = df[df["iso"] == df["iso"].iloc[0]]
assert one_country["event_id_cnty"].str.match(r"^[A-Z]{3}[0-9]+$").all()
result = (len(recent), len(by_admin1), int(by_admin1["fatalities"].sum()), len(monthly))
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory, examples_manifest, services):
    path = tmp_path_factory.mktemp("acled") / "a.db"
    extract([str(examples_manifest)], Settings(db=str(path), progress=False), services=services)
    return path


@pytest.fixture(scope="module")
def gold(shared_dir):
    return shared_dir / "eval" / "acled_dev.csv"


def _export(db, tmp_path, name="events.csv", *extra):
    out = tmp_path / name
    assert main(["export", "--db", str(db), "-o", str(out), "--profile", "acled", *extra]) == 0
    return out


def test_columns_are_acleds_in_order_then_eventdesks(db, tmp_path):
    with _export(db, tmp_path).open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == PROFILE_COLUMNS
    assert tuple(header[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS and header[-1] == "event_id"
    assert ACLED_COLUMNS[:4] == ("event_id_cnty", "event_date", "year", "time_precision")
    assert ACLED_COLUMNS[-3:] == ("fatalities", "tags", "timestamp") and EXTRA_COLUMNS[0] == "fatalities_low"


def test_loads_with_the_dtypes_of_a_real_acled_export(db, tmp_path, gold):
    head = pd.read_csv(gold, nrows=200)
    gold_dtypes = head.dtypes.to_dict()
    common = [c for c in head.columns if c in PROFILE_COLUMNS]
    assert set(head.columns) - set(common) == RETIRED  # every other gold column is in ours, same spelling
    ours = pd.read_csv(_export(db, tmp_path), usecols=common, dtype={c: gold_dtypes[c] for c in common})
    assert len(ours) >= 5
    for column in common:
        assert ours[column].dtype == gold_dtypes[column], column
    assert ours["interaction"].between(10, 88).all() and ours["iso"].gt(0).all()
    assert ours["event_id_cnty"].str.match(r"^[A-Z]{3}[0-9]+$").all() and ours["event_id_cnty"].is_unique
    assert (ours["year"] == pd.to_datetime(ours["event_date"]).dt.year).all()
    assert ours["timestamp"].gt(1_600_000_000).all()


def test_an_analyst_script_runs_unchanged_on_acled_data_and_ours(db, tmp_path, gold):
    results = {}
    for name, path in (("gold", gold), ("ours", _export(db, tmp_path))):
        scope = {"PATH": str(path)}
        exec(ANALYST_SCRIPT, scope)  # noqa: S102 -- the test's own script
        results[name] = scope["result"]
    assert results["gold"][0] > 1000 and results["ours"][0] > 0 and results["ours"][1] > 0


def test_derived_columns_follow_the_gold_rows(gold):
    rows = pd.read_csv(gold)
    computed = [interaction(a, b) for a, b in zip(rows["inter1"], rows["inter2"], strict=True)]
    assert (rows["interaction"] == computed).all()
    tables = AcledTables.load()
    renamed = {"Southern Asia": "South Asia", "South-Eastern Asia": "Southeast Asia"}  # ACLED's renaming
    for country, iso, iso3, region in rows[["country", "iso", "iso3", "region"]].drop_duplicates().values:
        codes = tables.countries[country]
        assert (codes.iso, codes.iso3, codes.region) == (iso, iso3, renamed.get(region, region)), country
    pairs = set(map(tuple, rows[["event_type", "sub_event_type"]].drop_duplicates().values))
    assert pairs <= set(tables.disorder)


def test_event_ids_are_stable_per_country_and_never_reused(db, tmp_path):
    first = pd.read_csv(_export(db, tmp_path, "one.csv"), dtype=str)
    again = pd.read_csv(_export(db, tmp_path, "two.csv"), dtype=str)
    assert dict(zip(first["event_id"], first["event_id_cnty"])) == dict(zip(again["event_id"], again["event_id_cnty"]))
    with Store.open(db) as store:
        iso3 = first["event_id_cnty"].iloc[0][:3]
        # an event that left the store keeps its number: the next event of that country gets a new one
        numbers = store.acled_numbers([("gone-event", iso3), ("new-event", iso3)])
        before = {int(i[3:]) for i in first["event_id_cnty"] if i.startswith(iso3)}
        assert numbers[("gone-event", iso3)] == max(before) + 1
        assert numbers[("new-event", iso3)] == max(before) + 2
        assert store.acled_numbers([("gone-event", iso3)]) == {("gone-event", iso3): max(before) + 1}
        # the same event in another country gets a number there; its old one stays taken
        moved = store.acled_numbers([(first["event_id"].iloc[0], "ZZZ")])
        assert moved == {(first["event_id"].iloc[0], "ZZZ"): 1}


def test_acled_values_of_a_row(db):
    table = select(Settings(db=str(db)))
    rows = {r["event_id"]: r for r in table.rows("acled")}
    for event in table:
        row = rows[event.event_id]
        f = event.fields
        assert row["inter1"] == (f.actor1.inter if f.actor1 else 0)
        assert row["inter2"] == (f.actor2.inter if f.actor2 else 0)
        assert row["disorder_type"] in ("Political violence", "Demonstrations", "Strategic developments",
                                        "Political violence; Demonstrations")
        assert row["civilian_targeting"] == ("Civilian targeting" if row["inter2"] == 7
                                             and "Political violence" in row["disorder_type"] else "")
        assert row["region"] and row["admin3"] == row["tags"] == row["source_scale"] == ""
    assert any(r["civilian_targeting"] for r in rows.values()) or not any(r["inter2"] == 7 for r in rows.values())


def test_acled_parquet_is_typed_and_geoparquet(db, tmp_path):
    out = _export(db, tmp_path, "events.parquet")
    table = pq.read_table(out)
    assert tuple(table.column_names) == (*PROFILE_COLUMNS, "geometry")
    meta = json.loads(table.schema.metadata[b"eventdesk"])
    assert meta["profile"] == "acled" and meta["columns"]["interaction"] == "int64"
    assert json.loads(table.schema.metadata[b"geo"])["primary_column"] == "geometry"
    rows = table.to_pylist()
    assert all(r["admin3"] is None and r["tags"] is None for r in rows)  # unknown = NULL, not ""
    assert all(r["assoc_actor_1"] is None or isinstance(r["assoc_actor_1"], list) for r in rows)
