"""Low-level reading: bytes -> text, the content hash, and folder walking.

Kept apart from manifest parsing so both plain files and manifest ``path`` entries share one
decoder and one notion of "the same article" (the content hash).
"""

from __future__ import annotations

import codecs
import errno
import gzip
import hashlib
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventdesk.errors import InputError
from eventdesk.ingest._lines import Overflow, capped_lines

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
MANIFEST_SUFFIXES = (".jsonl", ".jsonl.gz")


def content_hash(raw: str) -> str:
    """sha256 of the text with newlines normalised and outer whitespace stripped.

    Normalising first means the same article saved on Windows and on Linux (or with a trailing
    newline added by an editor) hashes the same, so downstream stores it once.
    """
    norm = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


# whitespace, control characters and the characters that render as nothing: zero-width spaces and
# joiners, direction marks, the word joiner and invisible operators, the byte-order mark, the soft
# hyphen, Mongolian and Khmer invisible marks, Hangul fillers and the blank braille pattern
_INVISIBLE = re.compile("[\\s\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
                        "\u200b-\u200f\u2028-\u202f\u205f-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0]*")


def is_blank(text: str) -> bool:
    """Whether ``text`` holds nothing to read: only whitespace or invisible characters (a file of
    zero-width spaces is empty, though ``str.strip`` keeps them)."""
    return _INVISIBLE.fullmatch(text) is not None


def short_hash(text: str, length: int = 8) -> str:
    """A short stable hash used to make clashing ids unique."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def decode_utf8(data: bytes, origin: str) -> str:
    """Decode UTF-8 (with or without a byte-order mark), naming the first bad byte on failure.

    Why not ``errors="replace"``: a file in another encoding would silently become mojibake
    and its names would never match the gazetteer; the user should re-encode it instead.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        bad = data[offset : offset + 1].hex()
        raise InputError(
            origin,
            f"not valid UTF-8 (tried utf-8 and utf-8-sig): byte 0x{bad} at offset {offset}",
        ) from exc


@dataclass(frozen=True)
class InputPolicy:
    """What the reader may open and how much of it.

    ``allowed_roots``: folders besides a manifest's own folder that its ``path`` entries may name
    (``--allow-root``). ``max_article_bytes``: the largest article, a file (skipped with its size
    before it is read into memory) or the ``text``/``html`` of a manifest line, WARC record or
    Parquet row. ``max_line_bytes``: the largest manifest line, checked before it is parsed.
    ``max_decompressed_bytes``: the most a ``.jsonl.gz`` manifest, one WARC record or one Parquet
    row group may decompress to; reading stops there."""

    allowed_roots: tuple[Path, ...] = ()
    max_article_bytes: int = 20_000_000
    max_line_bytes: int = 20_000_000
    max_decompressed_bytes: int = 2_000_000_000


def inside(path: Path, roots: Sequence[Path]) -> bool:
    """Whether ``path``, with every symlink resolved, lies inside one of ``roots`` (also resolved)."""
    real = path.resolve()
    return any(real.is_relative_to(root.resolve()) for root in roots)


def read_text_file(path: Path, origin: str, max_bytes: int = InputPolicy.max_article_bytes) -> str:
    """Read a regular file as UTF-8 text, turning OS errors into ``InputError``.

    Only regular files are read: a device (``/dev/zero``), a FIFO (which would block forever) or a
    socket is refused with a reason, and so is a file larger than ``max_bytes`` (checked on the open
    file, and again while reading, since ``/proc`` files report a size of 0)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        raise InputError(origin, f"no such file: {path}") from exc
    except IsADirectoryError as exc:
        raise InputError(origin, f"is a directory, not a file: {path}") from exc
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a FIFO or socket with nobody at the other end
            raise InputError(origin, f"not a regular file (FIFO or socket): {path}") from exc
        raise InputError(origin, f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(origin, f"is a directory, not a file: {path}")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(origin, f"not a regular file ({_file_kind(info.st_mode)}): {path}")
        if info.st_size > max_bytes:
            raise InputError(origin, f"file of {info.st_size:,} bytes is larger than the limit of "
                                     f"{max_bytes:,} (setting max_article_bytes)")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(origin, f"cannot read {path}: {exc.strerror or exc}") from exc
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:
        raise InputError(origin, f"file is larger than the limit of {max_bytes:,} bytes (setting max_article_bytes)")
    return decode_utf8(data, origin)


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
                       (stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return name
    return "special file"


def iter_manifest_lines(path: Path, policy: InputPolicy = InputPolicy()) -> Iterator[tuple[int, bytes | Overflow]]:
    """Yield ``(line_number, raw_bytes)`` of a manifest, ``.jsonl`` or ``.jsonl.gz``; a line over
    ``policy.max_line_bytes`` or the point where a ``.gz`` passes ``max_decompressed_bytes`` comes
    as an ``Overflow`` (see ``_lines``).

    Lines are yielded as bytes so a bad byte on one line skips that line, not the file.
    """
    compressed = path.name.lower().endswith(".gz")
    opener = gzip.open if compressed else open
    with opener(path, "rb") as handle:  # type: ignore[operator]
        yield from capped_lines(handle, policy.max_line_bytes,
                                policy.max_decompressed_bytes if compressed else None)


def kind_for(path: Path) -> str:
    """``html`` for .html/.htm files, ``text`` otherwise (unknown suffixes are read as text)."""
    return "html" if path.suffix.lower() in HTML_SUFFIXES else "text"


def is_manifest(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(MANIFEST_SUFFIXES)


def is_supported(path: Path) -> bool:
    """Whether a file found inside a folder is one eventdesk reads."""
    return is_manifest(path) or path.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES


@dataclass(frozen=True)
class FolderListing:
    """A folder's files in the order they are read: manifests first, then the rest.

    Manifests come first so that a folder holding a manifest *and* the files it names (the
    usual layout) reads each article once, with the manifest's metadata.
    """

    manifests: tuple[Path, ...]
    others: tuple[Path, ...]


def list_folder(folder: Path) -> FolderListing:
    """All entries under ``folder`` that are not folders, recursively, sorted by path for a
    deterministic run. Devices, FIFOs and symlinks are listed too, so the reader can refuse them
    with a reason instead of passing over them in silence; symlinked folders are not entered."""
    files = sorted(p for p in folder.rglob("*") if not p.is_dir())
    return FolderListing(
        manifests=tuple(p for p in files if is_manifest(p)),
        others=tuple(p for p in files if not is_manifest(p)),
    )
