"""How many items (articles or skipped inputs) reading some inputs will give, when that can be
known cheaply, for a progress bar with a total and an ETA. ``None`` when it cannot: standard input,
WARC files (a record is a page only once it is read), or manifests too large to count first."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable
from pathlib import Path

from eventdesk.ingest._parquet import is_parquet
from eventdesk.ingest._read import is_manifest, iter_manifest_lines, list_folder
from eventdesk.ingest._warc import is_warc

__all__ = ["count_inputs"]

MAX_COUNTED_BYTES = 512 * 1024 * 1024
"""Manifests larger than this (in all) are not read twice just to count their lines."""


def count_inputs(names: Iterable[str]) -> int | None:
    """The number of items ``read_inputs(names)`` yields, or ``None`` when it is not known cheaply."""
    total = 0
    budget = [MAX_COUNTED_BYTES]
    for name in names:
        if name == "-":
            return None
        path = Path(name)
        try:
            listing = list_folder(path) if path.is_dir() else None
        except OSError:
            return None
        files = [path] if listing is None else [*listing.manifests, *listing.others]
        for file in files:
            counted = _count_file(file, budget)
            if counted is None:
                return None
            total += counted
    return total


def _count_file(path: Path, budget: list[int]) -> int | None:
    if not path.exists():
        return 1
    if is_warc(path):
        return None
    if is_parquet(path):
        try:
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
        except Exception:  # noqa: BLE001 -- an unreadable file is reported by the reader itself
            return None
    if not is_manifest(path):
        return 1
    budget[0] -= path.stat().st_size
    if budget[0] < 0:
        return None
    try:
        return sum(1 for _, line in iter_manifest_lines(path) if line.strip())
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error):
        return 1
