"""The input limits as `eventdesk extract` flags: each reaches its setting, and a limit reached in a
run is named in the summary and kept with the run in the store."""

from __future__ import annotations

import json

from eventdesk.cli import _settings, build_parser, main
from eventdesk.store import Store

GOOD = "Gunmen killed five people in the village of Tarmiyah on Monday, police said."


def test_every_limit_flag_sets_its_setting():
    args = build_parser().parse_args([
        "extract", "in.jsonl", "--max-article-bytes", "11", "--max-line-bytes", "12", "--max-decompressed-bytes", "13",
        "--max-article-chars", "14", "--max-sentence-chars", "15", "--article-timeout", "2.5"])
    s = _settings(args)
    assert (s.max_article_bytes, s.max_line_bytes, s.max_decompressed_bytes, s.max_article_chars,
            s.max_sentence_chars, s.article_timeout) == (11, 12, 13, 14, 15, 2.5)


def test_defaults_hold_without_the_flags():
    s = _settings(build_parser().parse_args(["extract", "in.jsonl"]))
    assert (s.max_line_bytes, s.max_sentence_chars, s.article_timeout) == (20_000_000, 3_000, 60.0)


def test_a_line_over_max_line_bytes_is_counted_in_the_summary_and_the_store(tmp_path, capsys, services, monkeypatch):
    monkeypatch.setattr("eventdesk.app.load_services", lambda settings: services)
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"id": "big", "text": GOOD * 20}) + "\n"
                        + json.dumps({"id": "good", "text": GOOD, "published": "2021-03-09"}) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    assert main(["extract", str(manifest), "--db", str(db), "--no-progress", "--max-line-bytes", "1000"]) == 0
    out = capsys.readouterr().out
    assert "limits reached: max_line_bytes 1x" in out and "new: 1" in out
    with Store.open(db) as store:
        (run,) = store.runs()
        assert dict(run.summary.limits) == {"max_line_bytes": 1}
        assert run.settings["max_line_bytes"] == 1000
