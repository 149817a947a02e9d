"""Hostile input through every format, the real reader, pipeline and store: no crash, no hang, every
good article of the same run stored, and a store that a later clean run still processes.

A modest number of examples per format keeps the suite fast; ``make fuzz`` (``run.py``) runs the same
strategies over 10,000 inputs. The explicit examples are the cases of issue 18."""

from __future__ import annotations

import gzip
import json
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from harness import Tally, check_store, clean_run, run_cases
from hostile import (
    GOOD,
    HOSTILE_HTML,
    RAW_LINES,
    Case,
    api_bodies,
    gz_manifests,
    html_files,
    manifest_files,
    parquet_files,
    run_on,
    text_files,
    violent_paragraph,
    warc_files,
)
from hypothesis import HealthCheck, example, given, settings

from eventdesk.api import create_app
from eventdesk.settings import Settings

FUZZ = settings(max_examples=10, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
TOKEN = "fuzz-token-0123456789abcdef"


def _settings(folder: Path) -> Settings:
    """Limits lowered so that the bombs pass them quickly."""
    return Settings(db=str(folder / "fuzz.db"), progress=False, max_line_bytes=2_000_000,
                    max_article_bytes=2_000_000, max_decompressed_bytes=30_000_000, article_timeout=30)


@pytest.fixture
def fuzz_store(tmp_path):
    """One store for all the examples of one test: what one input leaves behind must not break the
    next (hypothesis runs the examples of a test with the same fixture)."""
    return _settings(tmp_path)


@pytest.fixture
def fuzz_services(services):
    return _services(services, _settings(Path(".")))


def _services(services, settings: Settings):
    return replace(services, settings=replace(services.settings, max_article_chars=settings.max_article_chars,
                                              article_timeout=settings.article_timeout))


def _check(case: Case, fuzz_store, fuzz_services) -> None:
    tally = Tally()
    with tempfile.TemporaryDirectory() as folder:
        run_cases([case], fuzz_store, fuzz_services, Path(folder), tally, seconds_per_input=300)
    assert not tally.crashes, tally.crashes[0][1]
    assert not tally.hangs, tally.hangs
    assert not tally.good_lost, tally.good_lost
    assert not tally.internal_errors, tally.internal_errors


def _line(*lines: bytes) -> Case:
    return Case("manifest", "m.jsonl", b"\n".join(lines) + b"\n")


@FUZZ
@given(case=manifest_files())
@example(case=_line(json.dumps({"id": "mega", "text": violent_paragraph(1_500)}).encode()))
def test_manifest_lines(case: Case, fuzz_store, fuzz_services) -> None:
    _check(case, fuzz_store, fuzz_services)


@FUZZ
@given(case=gz_manifests())
@example(case=Case("gz", "m.jsonl.gz", gzip.compress(b'{"id": "l", "text": "' + b"a" * (8 << 20) + b'"}\n'), "line"))
def test_gzipped_manifests(case: Case, fuzz_store, fuzz_services) -> None:
    _check(case, fuzz_store, fuzz_services)


@FUZZ
@given(case=text_files())
@example(case=Case("text", "big.txt", violent_paragraph(120, "Kabul").encode()))
def test_text_files(case: Case, fuzz_store, fuzz_services) -> None:
    _check(case, fuzz_store, fuzz_services)


@FUZZ
@given(case=html_files())
@example(case=Case("html", "deep.html", HOSTILE_HTML[2].encode()))
def test_html_files(case: Case, fuzz_store, fuzz_services) -> None:
    _check(case, fuzz_store, fuzz_services)


@FUZZ
@given(case=warc_files())
def test_warc_files(case: Case, fuzz_store, fuzz_services) -> None:
    _check(case, fuzz_store, fuzz_services)


@FUZZ
@given(case=parquet_files())
def test_parquet_files(case: Case, fuzz_store, fuzz_services) -> None:
    _check(case, fuzz_store, fuzz_services)


ISSUE_CASES = (
    _line(*RAW_LINES),
    _line(json.dumps({"id": "slow", "text": violent_paragraph(100)}).encode()),
    _line(json.dumps({"id": "e088", "text": run_on(1_200_000)}).encode()),
    _line(json.dumps({"id": "zw", "text": "\u200b" * 5000}).encode(), json.dumps({"id": "tags", "html": HOSTILE_HTML[0]}).encode()),
    Case("gz", "m.jsonl.gz", gzip.compress(b'{"id": "a", "text": "x"}\n' + b"\n" * (40 << 20)), "bomb"),
    Case("text", "zw.txt", ("\u200b\u200c\u2060\ufeff" * 500).encode()),
    Case("html", "tags.html", HOSTILE_HTML[0].encode()),
)


def test_the_issue_cases_then_a_clean_run_on_the_same_store(services, tmp_path) -> None:
    settings = _settings(tmp_path)
    fuzz_services = _services(services, settings)
    for i, case in enumerate(ISSUE_CASES):
        _check(case, settings, fuzz_services)
    result = clean_run(settings, fuzz_services, tmp_path / "clean")
    assert result["articles_new"] == result["expected_new"] and result["skipped"] == 0
    assert result["events"] >= 3 and result["exported"] >= 1
    assert check_store(settings) == []


@settings(max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=api_bodies())
@example(body=b'{"articles": [{"id": "n", "text": "x", "n": ' + b"9" * 5000 + b"}]}")
@example(body=b'{"articles": ' + b"[" * 5000 + b"]" * 5000 + b"}")
@example(body=b'{"articles": [{"id": "s\\ud800", "text": "Gunmen killed two in Kabul."}]}')
@example(body=b'{"articles": [{"id": "nan", "text": NaN}]}')
@example(body=json.dumps({"articles": [{"id": "y", "text": GOOD, "published": "9999-12-31"}]}).encode())
def test_post_articles_never_answers_500(body: bytes, services, tmp_path_factory) -> None:
    db = tmp_path_factory.mktemp("api") / "api.db"
    app = create_app(Settings(db=str(db), write_token=TOKEN, article_timeout=30), services_loader=lambda s: services)
    with TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1") as client:
        r = client.post("/api/articles", content=body,
                        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        assert r.status_code < 500, r.text[:500]
        ok = client.post("/api/articles", headers={"Authorization": f"Bearer {TOKEN}"},
                         json={"articles": [{"id": "after", "text": GOOD + " Later.", "published": "2020-01-08"}]})
        assert ok.status_code == 200, ok.text[:500]
