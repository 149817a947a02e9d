"""Manifest lines read with limits: a line is never held in memory past ``max_line``, and a
compressed manifest is never decompressed past ``max_total``.

``for line in handle`` reads a whole line into memory, however long (a 500 MB line of a gzipped
manifest became gigabytes), and a gzip "bomb" of blank lines costs a Python loop turn per line
(minutes). Here the stream is read in chunks: runs of blank lines are counted and passed over at C
speed (``bytes.lstrip`` and ``count``), a line longer than ``max_line`` is read past (its bytes are
not kept) and reported as an ``Overflow``, and once ``max_total`` bytes have been read the rest is
reported as one ``Overflow`` and not read. Line numbers are the ones ``enumerate(handle, start=1)``
gives; blank lines (ASCII whitespace only) are not yielded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, TextIO

__all__ = ["CHUNK", "Overflow", "capped_lines", "capped_text_lines"]

CHUNK = 1 << 20
_SPACE_BYTES = b" \t\r\n\f\v"
_SPACE = frozenset(_SPACE_BYTES)


@dataclass(frozen=True)
class Overflow:
    """A line (or the rest of a file) that a limit kept from being read."""

    setting: str  # max_line_bytes or max_decompressed_bytes
    size: int  # the line's length in bytes (at least), or the bytes read when the file passed the limit
    limit: int


def capped_lines(handle: BinaryIO, max_line: int, max_total: int | None = None, chunk_size: int = CHUNK
                 ) -> Iterator[tuple[int, bytes | Overflow]]:
    """``(number, line)`` of a binary stream, a line over ``max_line`` bytes as an ``Overflow``; past
    ``max_total`` bytes read, one last ``Overflow`` (numbered as the next line) and the end."""
    number = 0
    total = 0
    partial: list[bytes] = []  # the start of a line that runs past the current chunk
    partial_size = 0
    too_long = False  # the current line is over max_line: its bytes are counted, not kept
    text = False  # the current line has a byte that is not ASCII whitespace (else it is blank)
    while True:
        chunk = handle.read(chunk_size)
        if not chunk:
            break
        total += len(chunk)
        if max_total is not None and total > max_total:
            yield number + 1, Overflow("max_decompressed_bytes", total, max_total)
            return
        pos = 0
        while pos < len(chunk):
            if not partial and not too_long and chunk[pos] in _SPACE:
                # a run of blank lines, up to the last newline before the next non-blank byte
                rest = chunk[pos:].lstrip(_SPACE_BYTES)
                last = chunk.rfind(b"\n", pos, len(chunk) - len(rest))
                if last >= 0:
                    number += chunk.count(b"\n", pos, last + 1)
                    pos = last + 1
                    continue
            end = chunk.find(b"\n", pos)
            stop = len(chunk) if end < 0 else end + 1
            piece_size = stop - pos
            content = piece_size - (1 if end >= 0 else 0)  # the newline does not count
            if not too_long and partial_size + content > max_line:
                too_long, partial = True, []
            piece = chunk[pos:stop]
            text = text or bool(piece.strip())
            if not too_long:
                partial.append(piece)
            partial_size += piece_size
            pos = stop
            if end < 0:
                break  # the line goes on in the next chunk
            number += 1
            if text:
                yield number, (Overflow("max_line_bytes", partial_size, max_line) if too_long else b"".join(partial))
            partial, partial_size, too_long, text = [], 0, False, False
    if partial_size:  # a last line without a newline
        number += 1
        yield number, (Overflow("max_line_bytes", partial_size, max_line) if too_long else b"".join(partial))


def capped_text_lines(stream: TextIO, max_line: int) -> Iterator[tuple[int, str | Overflow]]:
    """The same for a text stream (a manifest given as text, as the HTTP API does): ``max_line``
    counts the line's UTF-8 bytes, and a longer line is read past in pieces, not kept."""
    number = 0
    while True:
        line = stream.readline(max_line + 1)
        if not line:
            return
        number += 1
        size = len(line.encode("utf-8", "surrogatepass"))
        if size <= max_line:
            yield number, line
            continue
        while not line.endswith("\n"):  # read past the rest of the line
            line = stream.readline(max_line + 1)
            if not line:
                break
            size += len(line.encode("utf-8", "surrogatepass"))
        yield number, Overflow("max_line_bytes", size, max_line)
