"""The CLI behaves like the tools analysts know: help and examples for every option, documented
exit codes, errors (not empty stores or tracebacks) for missing inputs, stores and folders, the
API's filters on export, standard output, a one-line gazetteer summary."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest

from eventdesk import errors
from eventdesk.app import extract
from eventdesk.cli import EXAMPLES, EXIT_CODES, READ_COMMANDS, _prepare_services, build_parser, main
from eventdesk.ingest._count import count_inputs
from eventdesk.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def db(tmp_path_factory, examples_manifest, services):
    path = tmp_path_factory.mktemp("cli") / "t.db"
    extract([str(examples_manifest)], Settings(db=str(path), progress=False), services=services)
    return path


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_and_option_has_help_and_an_example():
    for name, parser in _subcommands().items():
        assert parser.description and "examples:" in parser.epilog, name
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            assert action.help, (name, action.dest)
            if action.option_strings:
                longest = max(action.option_strings, key=len)
                assert longest in EXAMPLES[name] or min(action.option_strings, key=len) in EXAMPLES[name], \
                    (name, longest)
        assert all(line.strip().startswith(("eventdesk", "cat ", "EVENTDESK_"))
                   for line in EXAMPLES[name].splitlines()), name


def test_exit_codes_are_documented_in_help_and_readme(capsys):
    codes = {code for code, _ in EXIT_CODES}
    for cls in (getattr(errors, n) for n in errors.__all__):
        if isinstance(cls, type) and issubclass(cls, errors.EventdeskError):  # not ArticleTimeout, limit_reason
            assert cls.exit_code in codes, cls
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    for code, what in EXIT_CODES:
        assert f"{code:>3}  {what}" in shown
        assert f"| {code} |" in README, code


def test_a_missing_input_file_is_an_error(tmp_path, capsys):
    code = main(["extract", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "x.db"), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and "nope.txt: no such file or directory" in err
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("argv", [
    ["export", "-o", "OUT/e.csv"], ["show", "X"], ["show-article", "X"], ["changes"], ["review", "X", "--confirm"],
    ["report", "-o", "OUT/b.md"], ["serve", "--port", "8765"],
])
def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path, capsys, argv):
    assert argv[0] in READ_COMMANDS
    missing = tmp_path / "missing.db"
    argv = [a.replace("OUT", str(tmp_path)) for a in argv]
    assert main([*argv, "--db", str(missing)]) == errors.StoreError.exit_code
    assert f"no event store at {missing}" in capsys.readouterr().err
    assert not missing.exists()


def test_output_folder_and_format_mistakes_are_clear_errors(db, tmp_path, capsys):
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "no" / "e.csv")]) == 2
    assert f"the folder {tmp_path / 'no'} does not exist" in capsys.readouterr().err
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "e.parquet"), "--format", "csv"]) == 2
    assert "contradicts the suffix" in capsys.readouterr().err
    # extract checks its -o before reading anything or loading a model
    manifest = Path(__file__).resolve().parents[1] / "examples" / "manifest.jsonl"
    assert main(["extract", str(manifest), "--db", str(tmp_path / "n.db"), "-o", str(tmp_path / "e.geojson"),
                 "--format", "jsonl"]) == 2
    assert "contradicts" in capsys.readouterr().err and not (tmp_path / "n.db").exists()
    assert list(tmp_path.iterdir()) == []


def test_no_python_exception_text_in_messages(db, tmp_path, capsys, monkeypatch):
    rows = list(csv.DictReader(io.StringIO(_export_stdout(db, capsys))))
    assert main(["review", rows[0]["event_id"], "--set", "fatalities=abc", "--reviewer", "ana", "--why", "t",
                 "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "'abc' is not a whole number" in err and "invalid literal" not in err
    assert main(["export", "--db", str(db), "-o", "-", "--since", "May 2020"]) == 2
    err = capsys.readouterr().err
    assert "since: expected a date as YYYY-MM-DD" in err and "Invalid isoformat" not in err
    monkeypatch.setenv("EVENTDESK_PORT", "eighty")
    assert main(["serve", "--db", str(db)]) == 2
    assert "port: expected a number, got 'eighty'" in capsys.readouterr().err


def _export_stdout(db, capsys, *flags) -> str:
    assert main(["export", "--db", str(db), "-o", "-", *flags]) == 0
    captured = capsys.readouterr()
    assert "wrote" in captured.err and "standard output" in captured.err
    return captured.out


def test_export_takes_the_apis_filters_and_writes_to_stdout(db, capsys):
    from eventdesk.queries import EventQuery, find_events

    everything = list(csv.DictReader(io.StringIO(_export_stdout(db, capsys))))
    country = everything[0]["country"]
    cases = [
        (["--country", country], EventQuery(country=country)),
        (["--since", "2021-03-10", "--until", "2021-03-15"], EventQuery(since=_d("2021-03-10"), until=_d("2021-03-15"))),
        (["--event-type", "Protests"], EventQuery(event_type="Protests")),
        (["--actor", "police"], EventQuery(actor="police")),
        (["--min-sources", "2"], EventQuery(min_sources=2)),
        (["--disputed"], EventQuery(disputed=True)),
        (["--admin1", everything[0]["admin1"]], EventQuery(admin1=everything[0]["admin1"])),
    ]
    # another known spelling of a province ("Deir ez-Zor" for "Deir-ez-Zor") exports the same events
    from eventdesk.gazetteer import admin1_index

    row = next(r for r in everything if r["admin1"] == "Deir-ez-Zor")
    other = next(s for s in admin1_index().spellings(row["admin1"], row["country"]) if s != row["admin1"])
    cases.append((["--admin1", other], EventQuery(admin1=row["admin1"])))
    settings = Settings(db=str(db))
    for flags, query in cases:
        rows = list(csv.DictReader(io.StringIO(_export_stdout(db, capsys, *flags))))
        api = find_events(settings, query, limit=1000)
        assert {r["event_id"] for r in rows} == {e.event_id for e in api.events}, flags
    assert 0 < len([r for r in everything if r["country"] == country]) <= len(everything)
    parquet = main(["export", "--db", str(db), "-o", "-", "--format", "jsonl"])
    assert parquet == 0 and json.loads(capsys.readouterr().out.splitlines()[0])["event_id"]


def _d(text):
    import datetime as dt

    return dt.date.fromisoformat(text)


def test_gazetteer_prints_one_line(services, capsys):
    assert main(["gazetteer"]) == 0  # the session's services built the cache: it is loaded, not rebuilt
    out = capsys.readouterr().out.strip()
    assert len(out.splitlines()) == 1 and len(out) < 400
    assert out.startswith("gazetteer: ") and " places in " in out and "up to date" in out


def test_first_gazetteer_build_is_announced(tmp_path, capsys):
    _prepare_services(Settings(cache_dir=str(tmp_path / "empty-cache")))
    err = capsys.readouterr().err
    assert "building the offline gazetteer cache" in err and "once per install, about 40 s" in err


def test_input_size_is_counted_for_the_progress_bar(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>x</p>", encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"id": "1", "text": "a"}\n\n{"id": "2", "text": "b"}\n{"id": "3", "text": "c"}\n',
                        encoding="utf-8")
    assert count_inputs([str(manifest)]) == 3
    assert count_inputs([str(tmp_path / "a.txt"), str(manifest)]) == 4
    assert count_inputs([str(tmp_path)]) == 5  # the folder: its manifest's lines and its two pages
    assert count_inputs(["-"]) is None
    (tmp_path / "c.warc.gz").write_bytes(b"")
    assert count_inputs([str(tmp_path)]) is None  # WARC records are known only once read
