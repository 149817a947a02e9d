"""Ingest: files, folders, manifests and stdin -> Article; every bad input -> Skipped, run goes on."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
from pathlib import Path

import pytest

from eventdesk.ingest import content_hash, read_inputs
from eventdesk.model import Article, Skipped

BODY = "Gunmen attacked a checkpoint near Tarmiyah on Monday, police said.\n"


def _articles(items: list) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _skipped(items: list) -> list[Skipped]:
    return [i for i in items if isinstance(i, Skipped)]


def _write_manifest(path: Path, lines: list[object]) -> Path:
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8"
    )
    return path


# ---------------------------------------------------------------- plain files and folders


def test_plain_text_file_becomes_article_with_stem_id(tmp_path: Path) -> None:
    path = tmp_path / "strike-report.txt"
    path.write_text(BODY, encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert article == Article(
        id="strike-report", raw=BODY, kind="text", origin=str(path), content_hash=content_hash(BODY)
    )


def test_html_files_get_kind_html(tmp_path: Path) -> None:
    for name in ("a.html", "b.htm"):
        (tmp_path / name).write_text(f"<html><body><p>{BODY}</p></body></html>", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [(a.id, a.kind) for a in _articles(items)] == [("a", "html"), ("b", "html")]


def test_folder_is_read_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "one.txt").write_text("one " + BODY, encoding="utf-8")
    (tmp_path / "a" / "deep" / "two.txt").write_text("two " + BODY, encoding="utf-8")
    (tmp_path / "c.txt").write_text("three " + BODY, encoding="utf-8")
    ids = [a.id for a in read_inputs([str(tmp_path)])]
    assert ids == ["two", "one", "c"]


def test_clashing_stems_get_a_short_hash(tmp_path: Path) -> None:
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(f"{sub} {BODY}", encoding="utf-8")
    first, second = read_inputs([str(tmp_path)])
    assert first.id == "report"
    assert second.id.startswith("report-") and len(second.id) == len("report-") + 8


def test_unknown_suffix_in_folder_is_skipped_with_reason(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [a.id for a in _articles(items)] == ["ok"]
    (skip,) = _skipped(items)
    assert skip.origin == str(tmp_path / "notes.pdf")
    assert "unsupported file type '.pdf'" in skip.reason


def test_explicit_unknown_suffix_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "wire.story"
    path.write_text(BODY, encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert (article.id, article.kind) == ("wire", "text")


def test_content_hash_ignores_newline_style_and_outer_whitespace() -> None:
    assert content_hash("a\r\nb\r\n\n") == content_hash("a\nb") == content_hash("  a\rb ")
    assert content_hash("a\nb") != content_hash("a b")


def test_same_article_twice_has_the_same_hash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY.replace("\n", "\r\n") + "\n\n", encoding="utf-8")
    a, b = read_inputs([str(tmp_path)])
    assert a.content_hash == b.content_hash


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + BODY.encode())
    (article,) = read_inputs([str(path)])
    assert article.raw == BODY


# ---------------------------------------------------------------- skip reasons for files


def test_missing_file_is_skipped_and_run_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(good)]))
    assert items[0] == Skipped(str(tmp_path / "nope.txt"), "no such file or directory")
    assert items[1].id == "good"


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Mosul caf\xe9 attack")
    (skip,) = read_inputs([str(path)])
    assert skip.origin == str(path)
    assert "not valid UTF-8" in skip.reason and "offset 9" in skip.reason and "0xe9" in skip.reason


def test_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(BODY, encoding="utf-8")

    real_open = os.open

    def deny(name, flags, *args, **kwargs):  # the tests run as root, so chmod cannot deny
        if Path(name) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    (skip,) = read_inputs([str(path)])
    assert skip == Skipped(str(path), f"cannot read {path}: Permission denied")


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_empty_article_is_skipped(tmp_path: Path, content: str) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(content, encoding="utf-8")
    (skip,) = read_inputs([str(path)])
    assert skip.origin == str(path) and "empty article" in skip.reason


def test_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    items = list(read_inputs([str(path), str(path)]))
    assert len(_articles(items)) == 1
    assert "already read" in _skipped(items)[0].reason


# ---------------------------------------------------------------- manifests


def test_manifest_text_html_and_path_entries(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "pages" / "q.txt").write_text(BODY, encoding="utf-8")
    manifest = _write_manifest(
        tmp_path / "in.jsonl",
        [
            {
                "id": "t1",
                "text": BODY,
                "outlet": "Rudaw",
                "url": "https://www.rudaw.net/x",
                "title": "T",
                "language": "en",
                "extra": 1,
            },
            "",
            {"id": "h1", "html": "<p>y</p>", "published": "2019-03-02T10:15:00+03:00"},
            {"id": "p1", "path": "pages/p.html", "published": "2018-04-22"},
            {"id": "p2", "path": "pages/q.txt"},
        ],
    )
    t1, h1, p1, p2 = read_inputs([str(manifest)])
    assert (t1.kind, t1.outlet, t1.url, t1.title, t1.language, t1.origin) == (
        "text",
        "Rudaw",
        "https://www.rudaw.net/x",
        "T",
        "en",
        f"{manifest}:1",
    )
    assert h1.kind == "html" and h1.origin == f"{manifest}:3"
    assert h1.published == dt.date(2019, 3, 2)
    assert h1.published_time == dt.datetime(2019, 3, 2, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert (p1.kind, p1.raw, p1.published, p1.published_time) == (
        "html",
        "<p>x</p>",
        dt.date(2018, 4, 22),
        None,
    )
    assert (p2.kind, p2.raw) == ("text", BODY)


def test_gzipped_manifest(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g1", "text": BODY}) + "\n")
    (article,) = read_inputs([str(path)])
    assert (article.id, article.origin) == ("g1", f"{path}:1")


def test_corrupt_gzip_manifest_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(b"not gzip at all")
    (skip,) = read_inputs([str(path)])
    assert skip.origin == str(path) and "cannot read manifest" in skip.reason


def test_manifest_on_stdin() -> None:
    stream = io.StringIO(json.dumps({"id": "s1", "text": BODY}) + "\n\n{bad\n")
    article, skip = read_inputs(["-"], stdin=stream)
    assert (article.id, article.origin) == ("s1", "<stdin>:1")
    assert skip.origin == "<stdin>:3" and skip.reason.startswith("bad JSON")


def test_folder_with_manifest_reads_each_file_once_with_manifest_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("other " + BODY, encoding="utf-8")
    _write_manifest(tmp_path / "manifest.jsonl", [{"id": "A", "path": "a.txt", "outlet": "Rudaw"}])
    items = list(read_inputs([str(tmp_path)]))
    assert [(a.id, a.outlet) for a in _articles(items)] == [("A", "Rudaw"), ("b", None)]
    assert _skipped(items) == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "bad JSON"),
        ("[1, 2]", "expected a JSON object"),
        ({"text": BODY}, "missing 'id'"),
        ({"id": "", "text": BODY}, "'id' is empty"),
        ({"id": ["x"], "text": BODY}, "'id' must be a string"),
        ({"id": "x"}, "found none"),
        ({"id": "x", "text": BODY, "html": "<p>a</p>"}, "found text, html"),
        ({"id": "x", "text": 5}, "'text' must be a string"),
        ({"id": "x", "text": BODY, "published": "22/04/2018"}, "bad 'published'"),
        ({"id": "x", "text": BODY, "published": "2018-02-30"}, "bad 'published'"),
        ({"id": "x", "text": BODY, "outlet": 7}, "'outlet' must be a string"),
        ({"id": "x", "text": "  \n "}, "empty article"),
        ({"id": "x", "path": "missing.txt"}, "no such file"),
    ],
)
def test_bad_manifest_line_is_skipped_with_line_origin(tmp_path: Path, line: object, reason: str) -> None:
    manifest = _write_manifest(
        tmp_path / "m.jsonl", [{"id": "ok1", "text": BODY}, line, {"id": "ok2", "text": BODY}]
    )
    items = list(read_inputs([str(manifest)]))
    assert [a.id for a in _articles(items)] == ["ok1", "ok2"]
    (skip,) = _skipped(items)
    assert skip.origin == f"{manifest}:2"
    assert reason in skip.reason


def test_manifest_path_to_invalid_utf8_file(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"ok\xffok")
    manifest = _write_manifest(tmp_path / "m.jsonl", [{"id": "x", "path": "bad.txt"}])
    (skip,) = read_inputs([str(manifest)])
    assert skip.origin == f"{manifest}:1" and "offset 2" in skip.reason


def test_invalid_utf8_manifest_line(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_bytes(b'{"id": "a", "text": "x"}\n{"id": "b", "text": "caf\xe9"}\n')
    article, skip = read_inputs([str(manifest)])
    assert article.id == "a"
    assert skip.origin == f"{manifest}:2" and "not valid UTF-8" in skip.reason


def test_duplicate_id_within_run_is_skipped(tmp_path: Path) -> None:
    m1 = _write_manifest(tmp_path / "m1.jsonl", [{"id": "dup", "text": BODY}])
    m2 = _write_manifest(tmp_path / "m2.jsonl", [{"id": "solo", "text": BODY}, {"id": "dup", "text": "x"}])
    items = list(read_inputs([str(m1), str(m2)]))
    assert [a.id for a in _articles(items)] == ["dup", "solo"]
    (skip,) = _skipped(items)
    assert skip.origin == f"{m2}:2"
    assert "duplicate id 'dup'" in skip.reason and f"{m1}:1" in skip.reason


def test_runs_are_independent(tmp_path: Path) -> None:
    manifest = _write_manifest(tmp_path / "m.jsonl", [{"id": "a", "text": BODY}])
    assert len(_articles(list(read_inputs([str(manifest)])))) == 1
    assert len(_articles(list(read_inputs([str(manifest)])))) == 1


def test_invalid_utf8_offset_counts_the_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom-bad.txt"
    path.write_bytes(b"\xef\xbb\xbfab\xff")
    (skip,) = read_inputs([str(path)])
    assert "byte 0xff at offset 5" in skip.reason
