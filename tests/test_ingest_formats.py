"""Inputs at scale: WARC / WARC.gz (warcio), Parquet (pyarrow), JSONL.gz shards, folders of them.
Every good record becomes an Article; every bad one is Skipped with path:N and reading goes on."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventdesk.ingest import content_hash, read_inputs
from eventdesk.model import Article, Skipped

ROOT = Path(__file__).resolve().parents[1]
PAGE = ("<html><head><title>Strike</title></head><body><article><p>Gunmen attacked a checkpoint near "
        "Tarmiyah on Monday, killing two soldiers, police said.</p></article></body></html>")
UUID = "0b2d5f8e-1111-4c3a-9d2e-6a7b8c9d0e1f"


def _articles(items: list) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _skipped(items: list) -> list[Skipped]:
    return [i for i in items if isinstance(i, Skipped)]


def _response(writer: WARCWriter, url: str, body: bytes, *, content_type: str = "text/html; charset=utf-8",
              status: str = "200 OK", record_id: str | None = None, date: str = "2020-05-20T08:00:00Z"):
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    headers = {"WARC-Date": date}
    if record_id:
        headers["WARC-Record-ID"] = f"<urn:uuid:{record_id}>"
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict=headers)
    writer.write_record(record)


def _warc(path: Path, *, gz: bool) -> Path:
    """warcinfo, request, a good page, a Latin-1 page, an image, a 404, a revisit, a page with no charset."""
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warc_record("", "warcinfo", payload=io.BytesIO(b"software: test\r\n"),
                                            warc_content_type="application/warc-fields"))
        w.write_record(w.create_warc_record(
            "https://www.example.org/news/strike", "request", payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("GET /news/strike HTTP/1.1", [("Host", "www.example.org")],
                                          is_http_request=True)))
        _response(w, "https://www.example.org/news/strike", PAGE.encode(), record_id=UUID)       # record 3
        latin = PAGE.replace("Tarmiyah", "Tarmiy\u00e2h").encode("latin-1")
        _response(w, "https://news.example.net/a", latin, content_type="text/html; charset=ISO-8859-1")  # 4
        _response(w, "https://www.example.org/logo.png", b"\x89PNG....", content_type="image/png")   # 5
        _response(w, "https://www.example.org/gone", b"<html>gone</html>", status="404 Not Found")   # 6
        w.write_record(w.create_revisit_record("https://www.example.org/news/strike", digest="sha1:AAAA",
                                               refers_to_uri="https://www.example.org/news/strike",
                                               refers_to_date="20200520080000"))                   # 7
        _response(w, "https://www.example.org/plain", PAGE.replace("Monday", "Tuesday").encode(),
                  content_type="text/html")                                                         # 8
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_pages_become_html_articles(tmp_path: Path, name: str) -> None:
    path = _warc(tmp_path / name, gz=name.endswith(".gz"))
    items = list(read_inputs([str(path)]))
    arts = _articles(items)
    assert [a.origin for a in arts] == [f"{path}:3", f"{path}:4", f"{path}:8"]
    first = arts[0]
    assert first == Article(id=UUID, raw=PAGE, kind="html", origin=f"{path}:3", content_hash=content_hash(PAGE),
                            published=None, outlet="example.org", url="https://www.example.org/news/strike")
    assert "Tarmiy\u00e2h" in arts[1].raw  # decoded with the charset the HTTP header declares
    assert arts[1].outlet == "news.example.net"
    assert len(arts[2].id) == 36 and arts[2].id != UUID  # warcio gave it a record id of its own
    reasons = {s.origin.rsplit(":", 1)[1]: s.reason for s in _skipped(items)}
    assert set(reasons) == {"5", "6", "7"}  # warcinfo and request records are no captures: passed over
    assert "not an HTML page" in reasons["5"] and "image/png" in reasons["5"]
    assert "HTTP status 404" in reasons["6"]
    assert "revisit" in reasons["7"]


def test_record_id_falls_back_to_the_url_hash() -> None:
    from eventdesk.ingest._warc import _record_id

    assert _record_id(f"<urn:uuid:{UUID}>", "https://x.example/a", "f:1") == UUID
    by_url = _record_id(None, "https://x.example/a", "f:1")
    assert by_url.startswith("url-") and by_url == _record_id("", "https://x.example/a", "g:9")
    assert _record_id(None, None, "f:1").startswith("warc-")


def test_warc_date_is_not_the_publication_date(tmp_path: Path) -> None:
    """WARC-Date is crawl time; the page's own date is read by the metadata stage instead."""
    path = _warc(tmp_path / "c.warc", gz=False)
    assert all(a.published is None and a.published_time is None for a in _articles(read_inputs([str(path)])))


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("cut", [40, 200, 1000])
def test_cut_short_warc_keeps_what_was_read_and_reports_the_rest(tmp_path: Path, gz: bool, cut: int) -> None:
    whole = _warc(tmp_path / "whole.warc", gz=gz).read_bytes()
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(whole[: len(whole) - cut])
    items = list(read_inputs([str(path)]))
    assert set(a.origin for a in _articles(items)) <= {f"{path}:3", f"{path}:4"}  # record 8 is damaged
    last = items[-1]
    assert isinstance(last, Skipped)
    assert any(w in last.reason for w in ("cut short", "no complete WARC record", "cannot read WARC record"))


def test_undecodable_warc_page_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=False)
        _response(w, "https://x.example/a", b"<html>caf\xe9 \xff</html>", content_type="text/html; charset=utf-8")
        _response(w, "https://x.example/b", PAGE.encode(), content_type="text/html; charset=no-such-set")
    (one, two) = list(read_inputs([str(path)]))
    assert one == Skipped(f"{path}:1", "not valid utf-8: byte 0xe9 at offset 9")
    assert two == Skipped(f"{path}:2", "unknown character set 'no-such-set'")


def _parquet(path: Path, rows: list[dict], schema: pa.Schema | None = None) -> Path:
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return path


def test_parquet_rows_are_manifest_records(tmp_path: Path) -> None:
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "p.txt").write_text("From a file. " + PAGE, encoding="utf-8")
    schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("html", pa.string()), ("path", pa.string()),
                        ("published", pa.date32()), ("outlet", pa.string()), ("url", pa.string()),
                        ("extra", pa.int64())])
    rows = [
        {"id": "a", "text": "Text one about a strike.", "published": dt.date(2020, 5, 3), "outlet": "Wire"},
        {"id": "b", "html": PAGE, "url": "https://x.example/b"},
        {"id": "c", "path": "files/p.txt"},
        {"id": None, "text": "no id"},
        {"id": "e", "text": "two bodies", "html": PAGE},
        {"id": "a", "text": "a second article under a taken id"},
        {"id": "g", "text": "   "},
    ]
    path = _parquet(tmp_path / "shard.parquet", rows, schema)
    items = list(read_inputs([str(path)]))
    arts = _articles(items)
    assert [(a.id, a.kind, a.origin) for a in arts] == [("a", "text", f"{path}:1"), ("b", "html", f"{path}:2"),
                                                         ("c", "text", f"{path}:3")]
    assert arts[0].published == dt.date(2020, 5, 3) and arts[0].outlet == "Wire"
    assert arts[2].raw.startswith("From a file.")
    skipped = {s.origin: s.reason for s in _skipped(items)}
    assert skipped[f"{path}:4"] == "missing 'id'"
    assert "found text, html" in skipped[f"{path}:5"]
    assert "duplicate id 'a'" in skipped[f"{path}:6"]
    assert "empty article" in skipped[f"{path}:7"]


def test_parquet_timestamps_and_bad_files(tmp_path: Path) -> None:
    stamp = dt.datetime(2020, 5, 3, 14, 30, tzinfo=dt.UTC)
    ok = _parquet(tmp_path / "t.parquet", [{"id": "t", "text": "x y z", "published": stamp}])
    (art,) = read_inputs([str(ok)])
    assert art.published == dt.date(2020, 5, 3) and art.published_time == stamp
    no_id = _parquet(tmp_path / "noid.parquet", [{"text": "x"}])
    no_body = _parquet(tmp_path / "nobody.parquet", [{"id": "x", "title": "t"}])
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is not parquet")
    items = list(read_inputs([str(no_id), str(no_body), str(broken)]))
    assert [s.origin for s in items] == [str(no_id), str(no_body), str(broken)]
    assert "no 'id' column" in items[0].reason
    assert "none of the columns" in items[1].reason
    assert "cannot read Parquet" in items[2].reason


def test_folder_of_shards_in_every_format(tmp_path: Path) -> None:
    shards = tmp_path / "shards"
    shards.mkdir()
    with gzip.open(shards / "a.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "m1", "text": "manifest one"}) + "\n{bad json\n")
    _parquet(shards / "b.parquet", [{"id": "p1", "text": "parquet one"}])
    _warc(shards / "c.warc.gz", gz=True)
    (shards / "d.pdf").write_bytes(b"%PDF")
    items = list(read_inputs([str(shards)]))
    assert [a.id for a in _articles(items)][:2] == ["m1", "p1"]
    assert len(_articles(items)) == 5
    origins = [s.origin for s in _skipped(items)]
    assert f"{shards / 'a.jsonl.gz'}:2" in origins
    pdf = next(s for s in _skipped(items) if s.origin.endswith("d.pdf"))
    assert ".warc.gz" in pdf.reason and ".parquet" in pdf.reason


def test_a_warc_page_gives_events(tmp_path: Path, services) -> None:
    """End to end: the sample HTML page inside a WARC response record goes through the stages."""
    from eventdesk.app import process

    html = (ROOT / "examples" / "articles" / "gulf_daily_strike.html").read_bytes()
    path = tmp_path / "one.warc.gz"
    with path.open("wb") as fh:
        _response(WARCWriter(fh, gzip=True), "https://www.gulf-daily.example/iraq-strike", html)
    (article,) = read_inputs([str(path)])
    (result,) = process([article], services)
    assert result.events and result.publication.date is not None
    assert {e.event_type for e in result.events} >= {"Explosions/Remote violence"}
