"""WARC and WARC.gz files (as Common Crawl's CC-NEWS ships them) -> one entry per captured HTML page.

Read with ``warcio``, record by record, so a file of any size never sits in memory. Each captured
page (a ``response`` record, or a ``resource`` record that holds HTML) becomes a ``ManifestEntry``
with the origin ``path:N``, N the record's number in the file (1-based, every record counted). The
records that are not captures (``warcinfo``, ``request``, ``metadata``, ...) are not articles and are
passed over; a capture that cannot be an article (not HTML, an HTTP error, a revisit, an empty or
undecodable body) is reported as ``Skipped`` with its reason.

Which fields a page gets:

* ``id``: the WARC-Record-ID without its ``<urn:uuid:...>`` wrapping (unique per capture), else
  ``url-`` and a hash of the URL;
* ``url``: WARC-Target-URI; ``outlet``: the URL's host without ``www.``;
* ``published``: none. WARC-Date is the *crawl* time, which can trail publication by days; taken as
  the publication date it would move every "on Tuesday" and "yesterday" of the page. The metadata
  stage reads the page's own date (``article:published_time`` and similar meta tags, the byline,
  the dateline) instead, and a page without one gives undated events, held back as ACLED would.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from eventdesk.errors import limit_reason
from eventdesk.ingest._manifest import ManifestEntry
from eventdesk.ingest._read import short_hash
from eventdesk.model import Skipped

__all__ = ["WARC_SUFFIXES", "is_warc", "iter_warc"]

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CAPTURES = ("response", "resource", "revisit")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_MAX_HEADER_LINE = 65_536  # bytes; a WARC or HTTP header line longer than this is no header
_MAX_BLANK_LINES = 10_000  # in a row; a WARC has two between records


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


class _Limit(Exception):
    """A WARC record passed a limit while warcio read it (raised from ``_Guard``)."""

    def __init__(self, reason: str, setting: str = "") -> None:
        super().__init__(reason)
        self.reason, self.setting = reason, setting


class _Guard:
    """The WARC file as warcio reads it, with limits warcio does not have.

    warcio decompresses a record as it reads it and reads header lines and the blank lines between
    records with an unbounded ``readline``: a gzip member that inflates to gigabytes, a header line
    of 500 MB (held in memory, several times over) or millions of blank lines (a Python loop turn
    each) were all read to the end. The guard counts what the reader has decompressed since the
    record began (checked on every read of the file: at most one block past the limit), caps each
    line warcio asks for at ``_MAX_HEADER_LINE`` and stops after ``_MAX_BLANK_LINES`` blank ones in a
    row. ``reader`` is set once warcio has made it; ``mark`` is where the record began."""

    def __init__(self, handle, max_record: int) -> None:
        self._handle = handle
        self._max_record = max_record
        self.reader = None
        self.mark = 0
        self._blank = 0

    def read(self, size: int = -1) -> bytes:
        if self.over():
            raise _Limit(f"record decompresses to more than the limit of {self._max_record:,} bytes",
                         "max_decompressed_bytes")
        return self._handle.read(size)

    def over(self) -> bool:
        """Whether the record has decompressed to more than the limit (so far)."""
        return self.reader is not None and self.reader.num_read - self.mark > self._max_record

    def tell(self) -> int:
        return self._handle.tell()

    def seek(self, *args) -> int:
        return self._handle.seek(*args)

    def attach(self, reader) -> None:
        """Watch ``reader`` (warcio's ``DecompressingBufferedReader``): cap its lines."""
        self.reader = reader
        readline = reader.readline

        def capped(length: int | None = None) -> bytes:
            cap = _MAX_HEADER_LINE if length is None or length < 0 else min(length, _MAX_HEADER_LINE)
            line = readline(cap)
            if len(line) >= _MAX_HEADER_LINE and not line.endswith(b"\n"):
                raise _Limit(f"a header line longer than {_MAX_HEADER_LINE:,} bytes")
            self._blank = self._blank + 1 if line and not line.strip() else 0
            if self._blank > _MAX_BLANK_LINES:
                raise _Limit(f"more than {_MAX_BLANK_LINES:,} blank lines in a row")
            return line

        reader.readline = capped


def iter_warc(path: Path, max_page: int = 20_000_000, max_record: int = 2_000_000_000
              ) -> Iterator[tuple[str, ManifestEntry] | Skipped]:
    """``(origin, entry)`` for each captured HTML page, ``Skipped`` for each unusable capture.

    A damaged or cut-short file is read up to the damage; the rest of it is reported as one
    ``Skipped`` (a WARC has no index to resynchronise on). So is a record that decompresses to more
    than ``max_record`` bytes (``max_decompressed_bytes``); a page over ``max_page`` bytes
    (``max_article_bytes``) is skipped alone."""
    from warcio.archiveiterator import ArchiveIterator

    origin = str(path)
    try:
        handle = path.open("rb")
        size = path.stat().st_size
    except OSError as exc:
        yield Skipped(origin, f"cannot read WARC: {exc.strerror or exc}")
        return
    number, end = 0, 0
    with handle:
        guard = _Guard(handle, max_record)
        records = ArchiveIterator(guard)
        guard.attach(records.reader)
        try:
            for record in records:
                number += 1
                item = _capture(record, f"{origin}:{number}", max_page) if record.rec_type in _CAPTURES else None
                missing = _drain(record)
                if guard.over():  # inflated within one block of the file: caught here, as itself
                    yield Skipped(f"{origin}:{number}", limit_reason(
                        f"record decompresses to more than the limit of {max_record:,} bytes: the rest of "
                        "the file is not read", "max_decompressed_bytes"))
                    return
                if missing:
                    yield Skipped(f"{origin}:{number}", f"record cut short ({missing} bytes missing): the file "
                                                        "is damaged or cut off here; the rest is not read")
                    return
                if item is not None:
                    yield item
                end = records.get_record_offset() + records.get_record_length()
                guard.mark = records.reader.num_read
        except _Limit as exc:
            reason = f"{exc.reason}: the rest of the file is not read"
            yield Skipped(f"{origin}:{number + 1}", limit_reason(reason, exc.setting) if exc.setting else reason)
            return
        except Exception as exc:  # warcio raises assorted errors on damaged input: report, never crash the run
            yield Skipped(f"{origin}:{number + 1}", f"cannot read WARC record: {type(exc).__name__}: {_short(exc)}; "
                                                    "the rest of the file is not read")
            return
        handle.seek(end)
        rest = handle.read(64)
    if rest.strip():
        yield Skipped(f"{origin}:{number + 1}", f"{size - end} bytes after record {number} are no complete WARC "
                                                "record (the file is cut short or damaged)")


def _drain(record) -> int | str:
    """Read what is left of the record; how many of its declared bytes the file does not have
    ("?" when its header block is cut off before the mandatory Content-Length)."""
    while record.raw_stream.read(1 << 16):
        pass
    if record.rec_headers.get_header("Content-Length") is None:
        return "?"
    return max(0, getattr(record.raw_stream, "limit", 0))


def _short(exc: Exception) -> str:
    """An error's message, cut: warcio quotes the whole offending line in it."""
    text = str(exc)
    return text if len(text) <= 200 else text[:200] + "..."


def _capture(record, origin: str, max_page: int) -> tuple[str, ManifestEntry] | Skipped:
    headers = record.rec_headers
    if record.rec_type == "revisit":
        return Skipped(origin, "WARC revisit record (the page is the same as an earlier capture)")
    http = record.http_headers
    if http is not None:
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return Skipped(origin, f"HTTP status {status or '(none)'}, not a page")
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = headers.get_header("Content-Type") or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime not in _HTML_TYPES:
        return Skipped(origin, f"not an HTML page (content type {mime or 'missing'!r})")
    try:
        data = record.content_stream().read(max_page + 1)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        return Skipped(origin, f"cannot read the page body: {exc}")
    if len(data) > max_page:
        return Skipped(origin, limit_reason(f"page larger than the limit of {max_page:,} bytes", "max_article_bytes"))

    charset = _charset(content_type, data)
    try:
        html = data.decode("utf-8-sig" if charset in ("utf-8", "utf8") else charset)
    except LookupError:
        return Skipped(origin, f"unknown character set {charset!r}")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        return Skipped(origin, f"not valid {charset}: byte 0x{bad} at offset {exc.start}")
    if not html.strip():
        return Skipped(origin, "empty page")
    url = headers.get_header("WARC-Target-URI") or None
    return origin, ManifestEntry(
        id=_record_id(headers.get_header("WARC-Record-ID"), url, origin),
        body_key="html",
        body=html,
        path=None,
        base=Path(origin.rsplit(":", 1)[0]).parent,
        published=None,
        published_time=None,
        outlet=_outlet(url),
        url=url,
        title=None,
        language=None,
    )


def _charset(content_type: str, data: bytes) -> str:
    """The HTTP header's charset, else the page's ``<meta charset>``, else UTF-8."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip("\"'"):
            return value.strip().strip("\"'").lower()
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else "utf-8"


def _record_id(record_id: str | None, url: str | None, origin: str) -> str:
    if record_id:
        value = record_id.strip().strip("<>")
        value = value.removeprefix("urn:uuid:")
        if value:
            return value
    return f"url-{short_hash(url, 16)}" if url else f"warc-{short_hash(origin, 16)}"


def _outlet(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # "http://[::1": a malformed URL names no outlet, and costs no more than that
        return None
    return host.removeprefix("www.") or None
