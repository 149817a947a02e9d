"""Ingest: files, folders, JSONL manifests, WARC and Parquet -> ``Article`` (or ``Skipped`` with a reason).

Bad input never stops a run: every file, manifest line, WARC record or Parquet row that cannot
become an article is yielded as ``Skipped(origin, reason)`` (origin ``path`` or ``path:N``, N the
line, record or row number) and reading goes on.
"""

from __future__ import annotations

import gzip
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from eventdesk.errors import InputError, LimitError, limit_reason
from eventdesk.ingest._lines import Overflow, capped_lines, capped_text_lines
from eventdesk.ingest._manifest import ManifestEntry, parse_line
from eventdesk.ingest._parquet import is_parquet, iter_parquet
from eventdesk.ingest._read import (
    InputPolicy,
    content_hash,
    inside,
    is_blank,
    is_manifest,
    is_supported,
    iter_manifest_lines,
    kind_for,
    list_folder,
    read_text_file,
    short_hash,
)
from eventdesk.ingest._warc import is_warc, iter_warc
from eventdesk.model import Article, Skipped

__all__ = ["InputPolicy", "content_hash", "read_inputs"]

STDIN_NAME = "-"
STDIN_ORIGIN = "<stdin>"


@dataclass
class _RunState:
    """Bookkeeping for one ``read_inputs`` call (ids and files already used).

    Mutable on purpose and local to one call: a second run starts clean.
    """

    policy: InputPolicy = field(default_factory=InputPolicy)
    ids: dict[str, str] = field(default_factory=dict)  # article id -> origin that took it
    files: dict[Path, str] = field(default_factory=dict)  # resolved file -> origin that read it

    def take_file(self, path: Path, origin: str) -> str | None:
        """Mark a file as read; return the earlier origin if it was already read."""
        key = path.resolve()
        earlier = self.files.get(key)
        if earlier is None:
            self.files[key] = origin
        return earlier


def read_inputs(paths: list[str], stdin: TextIO | None = None, policy: InputPolicy | None = None
                ) -> Iterator[Article | Skipped]:
    """Read every named file, folder (recursively, sorted) or ``-`` (a manifest on stdin).

    Lazy: articles are yielded as they are read, so a large folder never sits in memory. Files
    are read only where ``policy`` allows: a manifest's ``path`` inside the manifest's folder (the
    working folder for stdin) or an allowed root, a file found in a folder inside that folder, and
    only regular files of at most ``policy.max_article_bytes``.
    """
    state = _RunState(policy or InputPolicy())
    for name in paths:
        yield from _read_named(name, stdin, state)


def _read_named(name: str, stdin: TextIO | None, state: _RunState) -> Iterator[Article | Skipped]:
    if name == STDIN_NAME:
        stream = stdin if stdin is not None else sys.stdin
        binary = getattr(stream, "buffer", None)  # a real stdin: read its bytes, so a bad byte skips one line
        lines = (capped_lines(binary, state.policy.max_line_bytes) if binary is not None
                 else capped_text_lines(stream, state.policy.max_line_bytes))
        yield from _read_manifest_lines(lines, STDIN_ORIGIN, Path.cwd(), state)
        return
    path = Path(name)
    if path.is_dir():
        yield from _read_folder(path, state)
    elif not path.exists():
        yield Skipped(name, "no such file or directory")
    elif is_manifest(path):
        yield from _read_manifest(path, state)
    elif is_warc(path) or is_parquet(path):
        yield from _read_records(path, state)
    else:
        yield from _read_plain(path, state, explicit=True)


def _read_folder(folder: Path, state: _RunState) -> Iterator[Article | Skipped]:
    """Manifests first, then every other supported file not already read through a manifest."""
    try:
        listing = list_folder(folder)
    except OSError as exc:
        yield Skipped(str(folder), f"cannot list folder: {exc.strerror or exc}")
        return
    for manifest in listing.manifests:
        if not inside(manifest, [folder]):
            yield Skipped(str(manifest), f"a link to {manifest.resolve()}, outside the folder {folder}: not read")
            continue
        yield from _read_manifest(manifest, state)
    for path in listing.others:
        if not inside(path, [folder]):
            yield Skipped(str(path), f"a link to {path.resolve()}, outside the folder {folder}: not read")
            continue
        if is_warc(path) or is_parquet(path):
            yield from _read_records(path, state)
            continue
        if not is_supported(path):
            yield Skipped(
                str(path),
                f"unsupported file type {path.suffix or '(no suffix)'!r} in folder "
                "(reads .txt, .html, .htm, .jsonl, .jsonl.gz, .warc, .warc.gz, .parquet)",
            )
            continue
        yield from _read_plain(path, state, explicit=False)


def _read_plain(path: Path, state: _RunState, *, explicit: bool) -> Iterator[Article | Skipped]:
    """One .txt/.html file -> one article, id = file stem (made unique with a short hash).

    A file already read in this run (say through a manifest in the same folder) is not read
    again; when the user named it explicitly that is reported, inside a folder walk it is the
    expected layout and says nothing.
    """
    origin = str(path)
    earlier = state.take_file(path, origin)
    if earlier is not None:
        if explicit:
            yield Skipped(origin, f"already read in this run (by {earlier})")
        return
    try:
        raw = read_text_file(path, origin, state.policy.max_article_bytes)
    except InputError as exc:
        yield Skipped(exc.origin, exc.reason)
        return
    if is_blank(raw):
        yield Skipped(origin, "empty article (no text, only whitespace or invisible characters)")
        return
    article_id = _unique_id(path.stem, str(path.resolve()), state)
    state.ids[article_id] = origin
    yield Article(
        id=article_id,
        raw=raw,
        kind=kind_for(path),
        origin=origin,
        content_hash=content_hash(raw),
    )


def _unique_id(stem: str, salt: str, state: _RunState) -> str:
    """The file stem, or ``stem-<hash>`` when another input already took that id."""
    candidate = stem
    attempt = 0
    while candidate in state.ids:
        candidate = f"{stem}-{short_hash(f'{salt}#{attempt}' if attempt else salt)}"
        attempt += 1
    return candidate


def _read_manifest(path: Path, state: _RunState) -> Iterator[Article | Skipped]:
    origin = str(path)
    state.take_file(path, origin)
    try:
        yield from _read_manifest_lines(iter_manifest_lines(path, state.policy), origin, path.parent, state)
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield Skipped(origin, f"cannot read manifest: {exc}")


def _read_records(path: Path, state: _RunState) -> Iterator[Article | Skipped]:
    """A WARC (one article per captured HTML page) or Parquet file (one per row); see ``_warc``
    and ``_parquet``. Entries then pass the same checks as manifest lines (unique id, not empty)."""
    earlier = state.take_file(path, str(path))
    if earlier is not None:
        yield Skipped(str(path), f"already read in this run (by {earlier})")
        return
    policy = state.policy
    items = (iter_warc(path, policy.max_article_bytes, policy.max_decompressed_bytes) if is_warc(path)
             else iter_parquet(path, policy.max_decompressed_bytes))
    for item in items:
        if isinstance(item, Skipped):
            yield item
            continue
        origin, entry = item
        try:
            yield _entry_article(entry, origin, state)
        except InputError as exc:
            yield Skipped(exc.origin, exc.reason)


def _read_manifest_lines(
    lines: Iterable[tuple[int, bytes | str | Overflow]], origin: str, base: Path, state: _RunState
) -> Iterator[Article | Skipped]:
    for number, line in lines:
        line_origin = f"{origin}:{number}"
        if isinstance(line, Overflow):
            yield _overflow(line_origin, line)
            continue
        try:
            entry = parse_line(line, line_origin, base)
            if entry is None:
                continue
            yield _entry_article(entry, line_origin, state)
        except InputError as exc:
            yield Skipped(exc.origin, exc.reason)


def _overflow(origin: str, over: Overflow) -> Skipped:
    if over.setting == "max_line_bytes":
        reason = (f"line of {over.size:,} bytes is longer than the limit of {over.limit:,}: skipped before it "
                  "is parsed")
    else:
        reason = (f"decompresses to more than the limit of {over.limit:,} bytes: reading stopped here, "
                  "the rest of the file is not read")
    return Skipped(origin, limit_reason(reason, over.setting))


def _entry_article(entry: ManifestEntry, origin: str, state: _RunState) -> Article:
    """Turn a validated manifest entry into an article, reading its file when it names one."""
    earlier = state.ids.get(entry.id)
    if earlier is not None:
        raise InputError(origin, f"duplicate id {entry.id!r} (first used by {earlier})")
    raw = _entry_raw(entry, origin, state)
    if is_blank(raw):
        raise InputError(origin, "empty article (no text, only whitespace or invisible characters)")
    state.ids[entry.id] = origin
    kind = "html" if entry.body_key == "html" else "text"
    if entry.path is not None:
        kind = kind_for(entry.path)
    return Article(
        id=entry.id,
        raw=raw,
        kind=kind,
        origin=origin,
        content_hash=content_hash(raw),
        published=entry.published,
        published_time=entry.published_time,
        outlet=entry.outlet,
        url=entry.url,
        title=entry.title,
        language=entry.language,
    )


def _entry_raw(entry: ManifestEntry, origin: str, state: _RunState) -> str:
    if entry.path is None:
        limit = state.policy.max_article_bytes
        if len(entry.body) > limit // 4 and (size := len(entry.body.encode("utf-8"))) > limit:  # <= 4 bytes a character
            raise LimitError(origin, f"'{entry.body_key}' of {size:,} bytes is larger than the limit of {limit:,}",
                             "max_article_bytes")
        return entry.body
    roots = (entry.base, *state.policy.allowed_roots)
    if not inside(entry.path, roots):
        raise InputError(origin, f"'path' {entry.body!r} lies outside the manifest's folder {entry.base.resolve()} "
                                 "(only files inside it, or inside a folder given with --allow-root, are read)")
    state.take_file(entry.path, origin)
    try:
        return read_text_file(entry.path, origin, state.policy.max_article_bytes)
    except InputError as exc:
        raise InputError(origin, f"{entry.body!r}: {exc.reason}") from exc
