"""Files stay where they belong: a manifest's ``path`` is read only inside the manifest's folder (or
an allowed root), a folder walk never follows a link out of the folder, and only regular files of a
bounded size are read. Each refusal is a ``Skipped`` with its origin and reason, and the run goes on."""

from __future__ import annotations

import io
import json
import os
import threading
from pathlib import Path

import pytest

from eventdesk.ingest import InputPolicy, read_inputs
from eventdesk.model import Article, Skipped

BODY = "Gunmen attacked a checkpoint near Tarmiyah on Monday, police said.\n"
SECRET = "EVENTDESK_WRITE_TOKEN=do-not-leak-0123456789"


def _manifest(folder: Path, *records: dict) -> Path:
    path = folder / "manifest.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _read(*names: str, policy: InputPolicy | None = None, stdin: str | None = None) -> list[Article | Skipped]:
    """Read on a thread, so that a reader that blocks (on a FIFO) fails the test instead of hanging it."""
    out: list[Article | Skipped] = []
    worker = threading.Thread(
        target=lambda: out.extend(read_inputs(list(names), stdin=io.StringIO(stdin) if stdin else None,
                                              policy=policy)),
        daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "reading blocked"
    return out


def _reasons(items) -> dict[str, str]:
    return {i.origin: i.reason for i in items if isinstance(i, Skipped)}


def test_manifest_paths_outside_its_folder_are_refused_and_the_run_goes_on(tmp_path: Path) -> None:
    inside = tmp_path / "feed"
    inside.mkdir()
    (inside / "ok.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "outside.txt").write_text("not for you", encoding="utf-8")
    manifest = _manifest(
        inside,
        {"id": "up", "path": "../outside.txt"},
        {"id": "deep", "path": "../../../../../../etc/passwd"},
        {"id": "abs", "path": "/etc/hostname"},
        {"id": "env", "path": "/proc/self/environ"},
        {"id": "ok", "path": "ok.txt"},
    )
    items = _read(str(manifest))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in articles] == ["ok"]
    reasons = _reasons(items)
    for line in (1, 2, 3, 4):
        assert "outside the manifest's folder" in reasons[f"{manifest}:{line}"]


def test_the_process_environment_never_becomes_an_article(tmp_path: Path, monkeypatch) -> None:
    """/proc/self/environ exposed the write token, which the API then served as an article's text."""
    monkeypatch.setenv("EVENTDESK_WRITE_TOKEN", SECRET.split("=", 1)[1])
    manifest = _manifest(tmp_path, {"id": "env", "path": "/proc/self/environ"},
                         {"id": "env2", "path": "../../../../../proc/self/environ"})
    items = _read(str(manifest))
    assert all(isinstance(i, Skipped) for i in items)
    assert not any(SECRET.split("=", 1)[1] in i.reason for i in items)


def test_a_link_inside_the_folder_to_a_file_outside_is_refused(tmp_path: Path) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("the token", encoding="utf-8")
    (feed / "link.txt").symlink_to(secret)
    (feed / "real.txt").write_text(BODY, encoding="utf-8")
    manifest = _manifest(feed, {"id": "via-link", "path": "link.txt"})
    # through the manifest
    items = _read(str(manifest))
    assert "outside the manifest's folder" in _reasons(items)[f"{manifest}:1"]
    # and through a folder walk
    manifest.unlink()
    items = _read(str(feed))
    assert [i.id for i in items if isinstance(i, Article)] == ["real"]
    assert "outside the folder" in _reasons(items)[str(feed / "link.txt")]


def test_an_allowed_root_admits_a_folder_outside_the_manifests(tmp_path: Path) -> None:
    feed, archive = tmp_path / "feed", tmp_path / "archive"
    feed.mkdir()
    archive.mkdir()
    (archive / "a.txt").write_text(BODY, encoding="utf-8")
    manifest = _manifest(feed, {"id": "a", "path": str(archive / "a.txt")})
    assert isinstance(_read(str(manifest))[0], Skipped)
    (article,) = _read(str(manifest), policy=InputPolicy(allowed_roots=(archive,)))
    assert isinstance(article, Article) and article.raw == BODY


def test_stdin_manifest_paths_stay_inside_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "outside.txt").write_text(BODY, encoding="utf-8")
    (work / "in.txt").write_text(BODY + "more", encoding="utf-8")
    monkeypatch.chdir(work)
    lines = json.dumps({"id": "out", "path": "../outside.txt"}) + "\n" + json.dumps({"id": "in", "path": "in.txt"})
    items = _read("-", stdin=lines)
    assert [i.id for i in items if isinstance(i, Article)] == ["in"]
    assert "outside" in _reasons(items)["<stdin>:1"]


def test_devices_and_fifos_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    manifest = _manifest(tmp_path, {"id": "pipe", "path": "pipe.txt"})
    items = _read("/dev/zero", str(manifest), str(fifo))
    reasons = _reasons(items)
    assert reasons["/dev/zero"].startswith("not a regular file (character device)")
    assert "not a regular file (FIFO)" in reasons[f"{manifest}:1"]
    assert "not a regular file (FIFO)" in reasons[str(fifo)] or "already read" in reasons[str(fifo)]


def test_a_fifo_in_a_folder_is_reported_not_passed_over(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    items = _read(str(tmp_path))
    assert [i.id for i in items if isinstance(i, Article)] == ["ok"]
    assert "FIFO" in _reasons(items)[str(tmp_path / "pipe.txt")]


@pytest.mark.parametrize("via_manifest", [False, True])
def test_a_file_over_the_size_limit_is_skipped_before_it_is_read(tmp_path: Path, via_manifest: bool) -> None:
    big = tmp_path / "big.txt"
    big.write_text(BODY * 20, encoding="utf-8")
    name = str(_manifest(tmp_path, {"id": "big", "path": "big.txt"})) if via_manifest else str(big)
    items = _read(name, policy=InputPolicy(max_article_bytes=100))
    (skip,) = items
    assert isinstance(skip, Skipped)
    assert "larger than the limit of 100" in skip.reason
    (ok,) = _read(name, policy=InputPolicy(max_article_bytes=10_000))
    assert isinstance(ok, Article)
