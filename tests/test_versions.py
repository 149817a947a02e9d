"""The pipeline version: a content hash of what decides extraction, written into every export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import eventdesk
from eventdesk.app import export_events, extract
from eventdesk.settings import Settings
from eventdesk.store import Store
from eventdesk.versions import DATA_NOT_HASHED, compute_versions, current_versions, versions

PACKAGE = Path(eventdesk.__file__).resolve().parent


@pytest.fixture
def package_copy(tmp_path) -> Path:
    """A copy of the installed package's files (code and data), to change one file at a time."""
    root = tmp_path / "eventdesk"
    shutil.copytree(PACKAGE, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_the_same_files_give_the_same_version(package_copy):
    current = current_versions()
    assert compute_versions(code_root=package_copy) == current == compute_versions()
    assert current.pipeline.startswith(f"{eventdesk.__version__}+") and len(current.pipeline.split("+")[1]) == 16
    assert versions()["pipeline"] == current.pipeline


@pytest.mark.parametrize("change", ["edit", "edit-rule", "add-subfolder", "rename"])
def test_any_change_under_data_changes_the_version(package_copy, change):
    data = package_copy / "data"
    before = compute_versions(data_root=data).pipeline
    if change == "edit":  # one alias more in the actor dictionary
        path = data / "actors.csv"
        path.write_text(path.read_text(encoding="utf-8").replace("|Daesh|", "|Daesh|Da'ish|", 1), encoding="utf-8")
    elif change == "edit-rule":  # one cue word more in a rule file under data/rules/
        path = data / "rules" / "cues.json"
        path.write_text(path.read_text(encoding="utf-8").replace("|overrun|", "|overrun|overruns|", 1), encoding="utf-8")
    elif change == "add-subfolder":  # a data folder added later, with no change to versions.py
        (data / "added_later").mkdir()
        (data / "added_later" / "textcat.jsonl").write_text('{"pattern": "overran"}\n', encoding="utf-8")
    else:
        (data / "outlets.csv").rename(data / "outlets-old.csv")
    assert compute_versions(data_root=data).pipeline != before


def test_the_world_map_is_not_part_of_the_version(package_copy):
    data = package_copy / "data"
    assert "countries-50m.json" in DATA_NOT_HASHED
    before = compute_versions(data_root=data).pipeline
    (data / "countries-50m.json").write_text('{"type": "Topology"}', encoding="utf-8")
    (data / "__pycache__").mkdir()
    (data / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert compute_versions(data_root=data).pipeline == before


def test_extraction_code_is_part_of_the_version_and_the_shells_are_not(package_copy):
    before = compute_versions(code_root=package_copy).pipeline
    api = package_copy / "api" / "_app.py"
    api.write_text(api.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    (package_copy / "store" / "migrations" / "9999_x.sql").write_text("-- nothing\n", encoding="utf-8")
    assert compute_versions(code_root=package_copy).pipeline == before
    stage = package_copy / "extract" / "dates" / "resolve.py"
    stage.write_text(stage.read_text(encoding="utf-8") + "\n# a rule changed\n", encoding="utf-8")
    changed = compute_versions(code_root=package_copy).pipeline
    assert changed != before
    (package_copy / "learned").mkdir()  # a package added later is covered without a change to versions.py
    (package_copy / "learned" / "__init__.py").write_text("", encoding="utf-8")
    assert compute_versions(code_root=package_copy).pipeline != changed


def test_every_export_carries_the_pipeline_version(tmp_path, services, examples_manifest):
    settings = Settings(db=str(tmp_path / "v.db"), progress=False)
    extract([str(examples_manifest)], settings, services=services)
    version = services.versions.pipeline
    for name in ("e.csv", "e.jsonl"):
        export_events(settings, str(tmp_path / name), services=services)
        meta = json.loads((tmp_path / f"{name}.meta.json").read_text(encoding="utf-8"))
        assert meta["pipeline"] == version and meta["spacy_model"].startswith("en_core_web_sm")
    export_events(settings, str(tmp_path / "e.geojson"), services=services)
    assert json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))["eventdesk"]["pipeline"] == version
    export_events(settings, str(tmp_path / "e.parquet"), services=services)
    meta = json.loads(pq.read_schema(tmp_path / "e.parquet").metadata[b"eventdesk"])
    assert meta["pipeline"] == version and services.versions.as_dict().items() <= meta.items()
    with Store.open(settings.db) as store:  # and the store knows which version produced each article's results
        ids = [s.article_id for e in store.events() for s in e.sources]
        assert ids and {store.article(a).pipeline_version for a in ids} == {version}
