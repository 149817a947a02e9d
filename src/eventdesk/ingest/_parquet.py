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

from eventdesk.errors import InputError, limit_reason
from eventdesk.ingest._manifest import ManifestEntry, _entry
from eventdesk.model import Skipped

__all__ = ["PARQUET_SUFFIXES", "is_parquet", "iter_parquet"]

PARQUET_SUFFIXES = (".parquet",)
_COLUMNS = ("id", "text", "html", "path", "published", "outlet", "url", "title", "language")
_BODIES = ("text", "html", "path")
_BATCH = 64  # rows: a batch is held in memory whole, and a row may be an article of megabytes


def is_parquet(path: Path) -> bool:
    return path.name.lower().endswith(PARQUET_SUFFIXES)


def iter_parquet(path: Path, max_group: int = 2_000_000_000) -> Iterator[tuple[str, ManifestEntry] | Skipped]:
    """``(origin, entry)`` for each good row, ``Skipped`` for each bad one (or the whole file when
    it is no Parquet file or lacks the ``id`` column or every body column). A row group whose
    columns decompress to more than ``max_group`` bytes (``max_decompressed_bytes``, as its metadata
    says) is skipped whole, before it is read; a row whose values Python cannot hold (a timestamp
    past year 9999, text that is not UTF-8) is skipped alone."""
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
        for group in range(parquet.num_row_groups):
            meta = parquet.metadata.row_group(group)
            size = sum(meta.column(i).total_uncompressed_size for i in range(meta.num_columns)
                       if meta.column(i).path_in_schema.split(".")[0] in columns)
            if size > max_group:
                first, number = number + 1, number + meta.num_rows
                yield Skipped(f"{origin}:{first}-{number}", limit_reason(
                    f"row group of {size:,} bytes uncompressed is larger than the limit of {max_group:,}: its "
                    f"{meta.num_rows:,} rows are not read", "max_decompressed_bytes"))
                continue
            for batch in parquet.iter_batches(batch_size=_BATCH, row_groups=[group], columns=columns):
                for row in _rows(batch):
                    number += 1
                    row_origin = f"{origin}:{number}"
                    try:
                        if isinstance(row, Exception):
                            raise InputError(row_origin, f"cannot read the row: {type(row).__name__}: {row}")
                        yield row_origin, _entry(_plain(row), row_origin, path.parent)
                    except InputError as exc:
                        yield Skipped(exc.origin, exc.reason)
    except (OSError, pa.ArrowException) as exc:
        yield Skipped(f"{origin}:{number + 1}", f"cannot read Parquet rows: {exc}; the rest of the file is not read")


def _rows(batch) -> list[dict | Exception]:
    """The batch's rows as dicts; a row that cannot become Python values is the error instead."""
    try:
        return batch.to_pylist()
    except (ValueError, OverflowError, UnicodeDecodeError) as exc:  # find the row(s) it is
        rows: list[dict | Exception] = []
        for i in range(batch.num_rows):
            try:
                rows.append(batch.slice(i, 1).to_pylist()[0])
            except (ValueError, OverflowError, UnicodeDecodeError) as row_exc:
                rows.append(row_exc)
        return rows if any(isinstance(r, Exception) for r in rows) else [exc] * batch.num_rows


def _plain(row: dict) -> dict:
    """A row as a manifest line would hold it: dates and timestamps as ISO text."""
    published = row.get("published")
    if isinstance(published, dt.datetime | dt.date):
        row = {**row, "published": published.isoformat()}
    return row
