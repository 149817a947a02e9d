"""Parquet files -> manifest entries, one per row, read with pyarrow one batch of rows at a time.

The columns are the manifest's: ``id``, exactly one of ``text`` / ``html`` / ``path`` per row (a
column may be missing or null), and optional ``published`` (ISO text, a date or a timestamp),
``outlet``, ``url``, ``title``, ``language``; other columns are not read. Each row is validated as a
manifest line is, so a bad row is ``Skipped`` with the origin ``path:ROW`` (1-based) and the next
row is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from eventdesk.errors import InputError
from eventdesk.ingest._manifest import ManifestEntry, _entry
from eventdesk.model import Skipped

__all__ = ["PARQUET_SUFFIXES", "is_parquet", "iter_parquet"]

PARQUET_SUFFIXES = (".parquet",)
_COLUMNS = ("id", "text", "html", "path", "published", "outlet", "url", "title", "language")
_BODIES = ("text", "html", "path")
_BATCH = 1024


def is_parquet(path: Path) -> bool:
    return path.name.lower().endswith(PARQUET_SUFFIXES)


def iter_parquet(path: Path) -> Iterator[tuple[str, ManifestEntry] | Skipped]:
    """``(origin, entry)`` for each good row, ``Skipped`` for each bad one (or the whole file when
    it is no Parquet file or lacks the ``id`` column or every body column)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    origin = str(path)
    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield Skipped(origin, f"cannot read Parquet: {exc}")
        return
    names = set(parquet.schema_arrow.names)
    if "id" not in names:
        yield Skipped(origin, "Parquet file has no 'id' column")
        return
    if not names & set(_BODIES):
        yield Skipped(origin, "Parquet file has none of the columns 'text', 'html', 'path'")
        return
    columns = [c for c in _COLUMNS if c in names]
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=_BATCH, columns=columns):
            for row in batch.to_pylist():
                number += 1
                row_origin = f"{origin}:{number}"
                try:
                    yield row_origin, _entry(_plain(row), row_origin, path.parent)
                except InputError as exc:
                    yield Skipped(exc.origin, exc.reason)
    except (OSError, pa.ArrowException) as exc:
        yield Skipped(f"{origin}:{number + 1}", f"cannot read Parquet rows: {exc}; the rest of the file is not read")


def _plain(row: dict) -> dict:
    """A row as a manifest line would hold it: dates and timestamps as ISO text."""
    published = row.get("published")
    if isinstance(published, dt.datetime | dt.date):
        row = {**row, "published": published.isoformat()}
    return row
