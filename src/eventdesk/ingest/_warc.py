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

from eventdesk.ingest._manifest import ManifestEntry
from eventdesk.ingest._read import short_hash
from eventdesk.model import Skipped

__all__ = ["WARC_SUFFIXES", "is_warc", "iter_warc"]

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CAPTURES = ("response", "resource", "revisit")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_MAX_PAGE = 20_000_000  # bytes; a larger "page" is a mislabelled download, not an article


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def iter_warc(path: Path) -> Iterator[tuple[str, ManifestEntry] | Skipped]:
    """``(origin, entry)`` for each captured HTML page, ``Skipped`` for each unusable capture.

    A damaged or cut-short file is read up to the damage; the rest of it is reported as one
    ``Skipped`` (a WARC has no index to resynchronise on)."""
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
        records = ArchiveIterator(handle)
        try:
            for record in records:
                number += 1
                item = _capture(record, f"{origin}:{number}") if record.rec_type in _CAPTURES else None
                missing = _drain(record)
                if missing:
                    yield Skipped(f"{origin}:{number}", f"record cut short ({missing} bytes missing): the file "
                                                        "is damaged or cut off here; the rest is not read")
                    return
                if item is not None:
                    yield item
                end = records.get_record_offset() + records.get_record_length()
        except Exception as exc:  # warcio raises assorted errors on damaged input: report, never crash the run
            yield Skipped(f"{origin}:{number + 1}", f"cannot read WARC record: {type(exc).__name__}: {exc}; "
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


def _capture(record, origin: str) -> tuple[str, ManifestEntry] | Skipped:
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
        data = record.content_stream().read(_MAX_PAGE + 1)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        return Skipped(origin, f"cannot read the page body: {exc}")
    if len(data) > _MAX_PAGE:
        return Skipped(origin, f"page larger than {_MAX_PAGE} bytes")

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
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None
