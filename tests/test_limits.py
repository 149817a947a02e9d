"""Limits on input size, enforced before the expensive step: manifest lines read with a cap
(``ingest/_lines.py``), decompression stopped at a cap, and the run summary naming each limit
reached and how often."""

from __future__ import annotations

import gzip
import io

from hypothesis import example, given, settings, strategies as st

from eventdesk.ingest._lines import Overflow, capped_lines, capped_text_lines

_LINES = st.lists(st.one_of(st.binary(max_size=12), st.sampled_from([b"", b" ", b"\t \r", b"{}", b"x" * 20])),
                  max_size=12)


def _expected(data: bytes, max_line: int) -> list[tuple[int, bytes | Overflow]]:
    """What ``enumerate(handle, start=1)`` gives, without the blank lines, a long line as an Overflow."""
    out: list[tuple[int, bytes | Overflow]] = []
    for number, line in enumerate(io.BytesIO(data), start=1):
        if line.endswith(b"\n") and not line.strip():
            continue
        content = len(line) - line.endswith(b"\n")
        out.append((number, Overflow("max_line_bytes", len(line), max_line) if content > max_line else line))
    return out


@settings(max_examples=300, deadline=None)
@given(lines=_LINES, newline_at_end=st.booleans(), max_line=st.integers(1, 25), chunk=st.integers(1, 9))
@example(lines=[b"a" * 20, b"b"], newline_at_end=True, max_line=5, chunk=3)
@example(lines=[b"", b"   ", b"x"], newline_at_end=False, max_line=1, chunk=2)
def test_capped_lines_are_the_handles_lines_with_long_ones_cut(lines, newline_at_end, max_line, chunk) -> None:
    data = b"\n".join(lines) + (b"\n" if newline_at_end else b"")
    got = list(capped_lines(io.BytesIO(data), max_line, chunk_size=chunk))
    assert got == _expected(data, max_line)


def test_a_long_line_is_read_past_in_pieces_and_the_next_line_is_read() -> None:
    data = b'{"id": "a"}\n' + b"x" * 100_000 + b"\n" + b'{"id": "b"}\n'
    got = list(capped_lines(io.BytesIO(data), 1_000, chunk_size=4096))
    assert got[0] == (1, b'{"id": "a"}\n')
    assert got[1] == (2, Overflow("max_line_bytes", 100_001, 1_000))
    assert got[2] == (3, b'{"id": "b"}\n')


def test_decompression_stops_at_the_cap_of_a_bomb_of_blank_lines() -> None:
    bomb = gzip.compress(b'{"id": "a"}\n' + b"\n" * 5_000_000 + b'{"id": "b"}\n')
    assert len(bomb) < 10_000  # five megabytes of blank lines compress to a few kilobytes
    with gzip.open(io.BytesIO(bomb), "rb") as handle:
        got = list(capped_lines(handle, 1_000, max_total=1_000_000, chunk_size=65_536))
    assert got[0] == (1, b'{"id": "a"}\n')
    (number, over), = got[1:]
    assert over.setting == "max_decompressed_bytes" and over.limit == 1_000_000
    assert 1_000_000 < over.size <= 1_000_000 + 65_536  # stopped within one chunk of the cap


def test_text_lines_count_utf8_bytes() -> None:
    stream = io.StringIO("é" * 6 + "\n" + "ok\n")  # six characters, twelve bytes
    assert list(capped_text_lines(stream, 10)) == [(1, Overflow("max_line_bytes", 13, 10)), (2, "ok\n")]


# --- the pipeline: empty after cleaning, the longest article and sentence, the timeout ----------

import json  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from eventdesk.app import extract, process  # noqa: E402
from eventdesk.errors import ArticleTimeout  # noqa: E402
from eventdesk.ingest import content_hash  # noqa: E402
from eventdesk.model import Article, ArticleResult, Skipped  # noqa: E402
from eventdesk.pipeline import STAGES, Pipeline, Stage  # noqa: E402
from eventdesk.settings import Settings  # noqa: E402
from eventdesk.store import Store  # noqa: E402
from eventdesk.watchdog import Watchdog  # noqa: E402

GOOD = "Gunmen killed five people in the village of Tarmiyah on Monday, police said."


def _article(aid: str, raw: str, kind: str = "text") -> Article:
    return Article(id=aid, raw=raw, kind=kind, origin=f"test:{aid}", content_hash=content_hash(raw))


def _with(services, **settings):
    return replace(services, settings=replace(services.settings, **settings))


@pytest.mark.parametrize("raw, kind", [
    ("<html><body><div><p> </p><span></span></div><script>var x = 1;</script></body></html>", "html"),
    ("<html><body><p>\u200b\u200b</p><p>\u2060</p></body></html>", "html"),
    ("12 34 56\n\n--- 7 ---", "text"),
])
def test_an_article_with_no_letters_after_cleaning_is_skipped_not_stored(services, raw, kind) -> None:
    (result,) = process([_article("a", raw, kind)], services)
    assert isinstance(result, Skipped)
    assert "empty article: no letters left after cleaning" in result.reason


def test_a_cleaned_text_over_max_article_chars_is_skipped_with_the_limit(services) -> None:
    small = _with(services, max_article_chars=200)
    results = process([_article("long", GOOD * 5), _article("short", GOOD)], small)
    assert isinstance(results[0], Skipped) and results[0].limit == "max_article_chars"
    assert "characters is longer than the limit of 200" in results[0].reason
    assert isinstance(results[1], ArticleResult) and results[1].events


def test_a_sentence_over_max_sentence_chars_is_not_parsed_and_the_rest_is_read(services) -> None:
    # one "sentence" of 20,000 characters with no full stop, then a normal one
    run_on = "gunmen attacked the market and " * 650
    text = run_on + "\n\n" + GOOD
    (result,) = process([_article("a", text)], services)
    assert isinstance(result, ArticleResult)
    (note,) = [r for r in result.rejections if "max_sentence_chars" in r.reason]
    assert note.span.end - note.span.start > 3_000
    assert result.limits == ["max_sentence_chars"]
    assert [e.fatalities.best for e in result.events] == [5]  # the normal sentence still gives its event


def _slow(s, services):  # a stage that never ends: only the watchdog can stop it
    if s.article.id.startswith("slow"):
        while True:
            pass
    return s


def _slow_stage(states, services):
    from eventdesk.document import each

    return each(_slow)(states, services)


def test_an_article_over_the_timeout_is_stopped_and_skipped_and_the_batch_goes_on(services) -> None:
    stages = STAGES[:1] + (Stage("slow", frozenset({"clean"}), frozenset(), _slow_stage),) + STAGES[1:]
    pipeline = Pipeline(_with(services, article_timeout=0.2), stages=stages)
    results = pipeline.run_batch([_article("ok1", GOOD), _article("slow", GOOD + " Two more died."),
                                  _article("ok2", GOOD + " Residents fled.")])
    assert [type(r).__name__ for r in results] == ["ArticleResult", "Skipped", "ArticleResult"]
    assert results[1].limit == "article_timeout"
    assert "stopped in the slow stage" in results[1].reason


def test_the_watchdog_stops_work_in_a_thread_that_is_not_the_main_one() -> None:
    import threading

    outcome = []

    def work() -> None:
        with Watchdog() as dog:
            try:
                with dog.limit(0.1):
                    while True:
                        pass
            except ArticleTimeout:
                outcome.append("stopped")
            # a limit that did not fire leaves nothing behind
            with dog.limit(30):
                total = sum(range(1000))
            outcome.append(total)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert outcome == ["stopped", sum(range(1000))]


def test_a_short_limit_after_a_long_one_still_stops_its_work() -> None:
    # the watchdog is woken only for a limit that ends before its next look: after a 1000 s limit
    # (its next look 1000 s away) a 0.1 s limit must wake it, and one of 500 s need not
    import time

    outcome = []
    with Watchdog() as dog:
        with dog.limit(1000):
            time.sleep(0.2)  # the watchdog thread starts and schedules its next look, 1000 s away
            outcome.append("long")
        with dog.limit(500):
            outcome.append("no wake needed")
        try:
            with dog.limit(0.1):
                start = time.thread_time()
                while time.thread_time() - start < 30:  # left unwoken, the watchdog would not look for 1000 s
                    pass
                outcome.append("not stopped")
        except ArticleTimeout:
            outcome.append("stopped")
    assert outcome == ["long", "no wake needed", "stopped"]


def test_the_run_summary_names_the_limits_reached(services, tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join([
        json.dumps({"id": "big", "text": GOOD * 20}),  # a line of 1,582 bytes
        json.dumps({"id": "long", "text": GOOD * 8}),  # 631 characters
        json.dumps({"id": "good", "text": GOOD}),
    ]) + "\n", encoding="utf-8")
    settings = Settings(db=str(tmp_path / "e.db"), progress=False, max_line_bytes=1_000, max_article_chars=500)
    report = extract([str(manifest)], settings, services=_with(services, max_article_chars=500))
    s = report.summary
    assert dict(s.limits) == {"max_line_bytes": 1, "max_article_chars": 1}
    assert s.articles_new == 1
    with Store.open(settings.db) as store:
        assert store.totals()["articles"] == 1
        assert store.article("good").text == GOOD
        (run,) = store.runs()  # the counts are kept with the run (migration 0008)
        assert run.summary is not None and run.summary.limits == s.limits


# --- every format: WARC records, Parquet rows, manifest bodies ------------------------------------

from eventdesk.engines import InProcess, run_partitioned  # noqa: E402
from eventdesk.ingest import InputPolicy, read_inputs  # noqa: E402


def _warc_record(payload: bytes, content_type: str = "text/html", tail: bytes = b"") -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example.org/a", "response",
                                                  payload=io.BytesIO(payload), http_headers=http))
    return gzip.compress(out.getvalue() + tail)


def _read(path: Path, **policy) -> list:
    return list(read_inputs([str(path)], policy=InputPolicy(**policy)))


@pytest.mark.parametrize("tail, reason", [
    (b"\n" * 5_000_000, "more than 10,000 blank lines in a row"),  # inflates from a few kilobytes
    (b"WARC/1.0\r\nX-Long: " + b"h" * 3_000_000 + b"\r\n\r\n", "a header line longer than 65,536 bytes"),
])
def test_a_warc_bomb_stops_the_file_and_keeps_what_came_before(tmp_path: Path, tail: bytes, reason: str) -> None:
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(_warc_record(b"<p>" + GOOD.encode() + b"</p>", tail=tail) + _warc_record(b"<p>later</p>"))
    first, skip = _read(path)
    assert isinstance(first, Article) and GOOD in first.raw
    assert isinstance(skip, Skipped) and reason in skip.reason and "the rest of the file is not read" in skip.reason


def test_a_warc_record_past_max_decompressed_bytes_stops_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    path.write_bytes(_warc_record(b"<p>" + GOOD.encode() + b"</p>")
                     + _warc_record(b"\0" * 3_000_000, content_type="video/mp4"))
    first, skip = _read(path, max_decompressed_bytes=1_000_000)
    assert isinstance(first, Article)
    assert skip.limit == "max_decompressed_bytes" and skip.origin.endswith(":2")
    # under the limit the same capture is read and skipped for what it is
    assert "not an HTML page" in _read(path)[1].reason


def test_a_warc_page_over_max_article_bytes_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "page.warc.gz"
    path.write_bytes(_warc_record(b"<p>" + b"a" * 5_000 + b"</p>") + _warc_record(b"<p>" + GOOD.encode() + b"</p>"))
    skip, second = _read(path, max_article_bytes=1_000)
    assert skip.limit == "max_article_bytes" and isinstance(second, Article)


def test_parquet_rows_python_cannot_hold_are_skipped_alone(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "rows.parquet"
    stamps = pa.array([0, 2**62, 0], type=pa.int64()).cast(pa.timestamp("ms"))  # the middle one is past year 9999
    texts = pa.array([GOOD.encode(), b"caf\xe9 \xed\xa0\x80", GOOD.encode() + b" Later."],
                     type=pa.binary()).view(pa.string())  # the middle one is not UTF-8
    pq.write_table(pa.table({"id": ["a", "b", "c"], "text": texts, "published": stamps}), path)
    got = _read(path)
    assert [type(x).__name__ for x in got] == ["Article", "Skipped", "Article"]
    assert got[1].origin.endswith(":2") and "cannot read the row" in got[1].reason


def test_a_parquet_row_group_past_max_decompressed_bytes_is_skipped_before_it_is_read(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "groups.parquet"
    table = pa.table({"id": ["small", "big1", "big2"], "text": [GOOD, "x" * 300_000, "y" * 300_000]})
    pq.write_table(table, path, row_group_size=1, compression="zstd")
    got = _read(path, max_decompressed_bytes=100_000)
    assert isinstance(got[0], Article)
    assert [s.limit for s in got[1:]] == ["max_decompressed_bytes"] * 2
    assert got[1].origin.endswith(":2-2")


def test_a_manifest_body_over_max_article_bytes_is_skipped(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"id": "big", "html": "<p>" + "é" * 600 + "</p>"}) + "\n"
                        + json.dumps({"id": "ok", "text": GOOD}) + "\n", encoding="utf-8")
    big, ok = _read(manifest, max_article_bytes=1_000)  # 600 characters, 1,207 bytes
    assert big.limit == "max_article_bytes" and "1,207 bytes" in big.reason
    assert isinstance(ok, Article)


def test_the_partitioned_engine_counts_the_same_limits(services, tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join([
        json.dumps({"id": "big", "text": GOOD * 300}),  # a line of 23,700 bytes
        json.dumps({"id": "long", "text": GOOD * 150}),  # 11,849 characters
        json.dumps({"id": "runon", "text": "gunmen attacked the market and " * 200 + "\n\n" + GOOD}),
        json.dumps({"id": "good", "text": GOOD + " Later."}),
    ]) + "\n", encoding="utf-8")
    settings = Settings(db=str(tmp_path / "p.db"), progress=False, max_line_bytes=20_000, max_article_chars=10_000)
    limited = _with(services, max_article_chars=10_000)
    local = extract([str(manifest)], replace(settings, db=str(tmp_path / "l.db")), services=limited)
    run = run_partitioned([str(manifest)], settings, InProcess(limited))
    assert run.summary.limits == local.summary.limits
    assert dict(run.summary.limits) == {"max_line_bytes": 1, "max_article_chars": 1, "max_sentence_chars": 1}
    assert run.summary.articles_new == local.summary.articles_new == 2
    with Store.open(settings.db) as store:
        assert store.runs()[-1].summary.limits == run.summary.limits


def test_a_warc_record_with_a_malformed_url_is_read_and_the_file_goes_on(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for uri, text in (("http://[::1", GOOD), ("https://news.example.org/b", GOOD + " Later.")):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(f"<p>{text}</p>".encode()),
                                                      http_headers=http))
    path = tmp_path / "urls.warc.gz"
    path.write_bytes(out.getvalue())
    first, second = _read(path)
    assert isinstance(first, Article) and first.outlet is None and first.url == "http://[::1"
    assert isinstance(second, Article) and second.outlet == "news.example.org"


def test_the_api_summary_names_the_limits_reached(services, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from eventdesk.api import create_app

    token = "limits-token-0123456789abcdef"
    app = create_app(Settings(db=str(tmp_path / "a.db"), write_token=token, max_article_bytes=1_000),
                     services_loader=lambda s: services)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        r = client.post("/api/articles", headers={"Authorization": f"Bearer {token}"},
                        json={"articles": [{"id": "big", "text": GOOD * 20}, {"id": "ok", "text": GOOD}]})
    assert r.status_code == 200, r.text
    summary = r.json()["summary"]
    assert summary["limits"] == {"max_article_bytes": 1} and summary["new"] == 1
