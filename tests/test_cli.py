"""The CLI end to end on the project's own sample corpus, in-process (real services)."""

from __future__ import annotations

import csv
import json

import pytest

from eventdesk.cli import main
from eventdesk.export import COLUMNS

EXPECTED_COLUMNS = (
    "event_id, event_date, time_precision, event_type, sub_event_type, actor1, assoc_actor_1, actor2, "
    "assoc_actor_2, country, admin1, admin2, admin1_code, location, latitude, longitude, geo_precision, country_how, fatalities, "
    "fatalities_low, fatalities_high, source, source_count, independent_sources, article_ids, notes, disputed, evidence, confidence, reviewed"
).split(", ")


@pytest.fixture(scope="module")
def run(tmp_path_factory, examples_manifest, services, monkeypatch_module):
    # the CLI loads services itself; reuse the session's to keep the suite fast
    monkeypatch_module.setattr("eventdesk.app.load_services", lambda settings: services)
    tmp = tmp_path_factory.mktemp("cli")
    db = tmp / "t.db"
    out = tmp / "events.csv"
    code = main(["extract", str(examples_manifest), "--db", str(db), "-o", str(out), "--no-progress"])
    assert code == 0
    return tmp, db, out


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_columns_are_acled_schema_in_order(run):
    _, _, out = run
    assert list(COLUMNS) == EXPECTED_COLUMNS
    with open(out, newline="") as fh:
        header = next(csv.reader(fh))
    assert header == EXPECTED_COLUMNS


def test_sample_corpus_events(run):
    _, _, out = run
    rows = list(csv.DictReader(open(out, newline="")))
    subs = {r["sub_event_type"] for r in rows}
    assert "Air/drone strike" in subs
    assert "Protest with intervention" in subs
    assert "Remote explosive/landmine/IED" in subs
    for r in rows:
        assert r["evidence"], r
        assert r["event_date"] and r["latitude"], r
    # nothing comes from the reader comments or threats of the sample pages
    text = " ".join(r["evidence"] for r in rows)
    assert "bomb every one of those camps" not in text
    assert "will attack army convoys" not in text
    assert "killing small businesses" not in text


def test_rerun_changes_nothing(run, examples_manifest, capsys):
    tmp, db, out = run
    before = out.read_bytes()
    code = main(["extract", str(examples_manifest), "--db", str(db), "-o", str(out), "--no-progress"])
    assert code == 0
    assert "new: 0" in capsys.readouterr().out
    assert out.read_bytes() == before


def test_show_event_and_article(run, capsys):
    _, db, out = run
    rows = list(csv.DictReader(open(out, newline="")))
    eid = rows[0]["event_id"]
    assert main(["show", eid, "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert eid in shown and "evidence:" in shown
    aid = rows[0]["article_ids"].split("; ")[0]
    assert main(["show-article", aid, "--db", str(db)]) == 0
    assert "cleaned text" in capsys.readouterr().out
    # the aggregate and the threat of the Kandahar page are listed as rejected, with reasons
    assert main(["show-article", "kabulpost-2021-03-16", "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "[aggregate or summary statistic] Taliban fighters carried out 40 attacks" in shown
    assert "[future] The Taliban have warned" in shown
    assert main(["show", "NOPE", "--db", str(db)]) == 4


def test_exports_in_every_format(run):
    tmp, db, _ = run
    for suffix in ("jsonl", "geojson", "parquet"):
        path = tmp / f"e.{suffix}"
        assert main(["export", "--db", str(db), "-o", str(path)]) == 0
        assert path.stat().st_size > 0
    first = json.loads((tmp / "e.jsonl").read_text().splitlines()[0])
    assert "spans" in first
    gj = json.loads((tmp / "e.geojson").read_text())
    assert gj["type"] == "FeatureCollection" and gj["features"]


def test_bad_input_is_reported_and_skipped(tmp_path, capsys, services, monkeypatch):
    monkeypatch.setattr("eventdesk.app.load_services", lambda settings: services)
    good = "On 8 March 2021, gunmen abducted 20 villagers in Anka, Zamfara state."
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        json.dumps({"id": "ok", "text": good, "published": "2021-03-09"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "empty", "text": "   "}) + "\n"
        + json.dumps({"id": "nofile", "path": "missing.txt"}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 attack".encode("latin-1"))
    code = main(["extract", str(manifest), str(tmp_path / "latin1.txt"), "--db", str(tmp_path / "x.db"),
                 "--no-progress"])
    assert code == 0
    out = capsys.readouterr().out
    assert "skipped: 4" in out
    assert f"{manifest}:2" in out and f"{manifest}:3" in out and f"{manifest}:4" in out
    assert "latin1.txt" in out
    assert "new: 1" in out


def test_exports_say_which_model_and_data_made_them(run):
    tmp, db, out = run
    meta = json.loads(out.with_name(out.name + ".meta.json").read_text())
    assert meta["spacy_model"].startswith("en_core_web_sm 3.8")
    assert meta["actor_dictionary"] and "sha256:" in meta["places_supplement"]
    path = tmp / "v.geojson"
    assert main(["export", "--db", str(db), "-o", str(path)]) == 0
    assert json.loads(path.read_text())["eventdesk"] == meta
