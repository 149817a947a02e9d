"""Exports written piece by piece, for downloads of any size with bounded memory.

The same bytes as ``export.write`` for CSV and GeoJSON (the records must come in export order,
``(event_date, event_id)`` with undated events last, as ``Store.iter_rows(sort="event_date")``
yields them); Parquet holds the same table in row groups of ``PARQUET_GROUP`` events.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

from eventdesk.export import COLUMNS, _meta_json, csv_cells

__all__ = ["csv_chunks", "geojson_chunks", "write_parquet", "CSV_CHUNK", "PARQUET_GROUP"]

CSV_CHUNK = 500
"""Rows per piece of CSV text."""
PARQUET_GROUP = 5000
"""Events per Parquet row group (and in memory at once)."""


def _batches(records: Iterable[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch


def csv_chunks(records: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """The CSV export (header, then one line per record) in pieces of ``CSV_CHUNK`` rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for batch in _batches(records, CSV_CHUNK):
        writer.writerows(csv_cells(record) for record in batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def geojson_chunks(records: Iterable[Mapping[str, Any]], meta: Mapping[str, Any], *, name: str = "download"
                   ) -> Iterator[str]:
    """The GeoJSON export (a FeatureCollection of points, records without coordinates left out and
    counted in a warning) in pieces, as ``export.write`` would write it in one."""
    _meta_json(meta)  # the same check (JSON only) before anything is sent
    yield f'{{"type": "FeatureCollection", "eventdesk": {_dumps(dict(meta))}, "features": ['
    first, omitted = True, 0
    for batch in _batches(records, CSV_CHUNK):
        parts = []
        for record in batch:
            if record["latitude"] is None or record["longitude"] is None:
                omitted += 1
                continue
            feature = {"type": "Feature", "id": record["event_id"],
                       "geometry": {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]},
                       "properties": dict(record)}
            parts.append(("" if first else ", ") + _dumps(feature))
            first = False
        if parts:
            yield "".join(parts)
    if omitted:
        logging.getLogger(__name__).warning("%s: %d event(s) without coordinates (no place, or only a country) left out",
                                            name, omitted)
    yield "]}\n"


def write_parquet(records: Iterable[Mapping[str, Any]], path: str | Path, meta: Mapping[str, Any]) -> int:
    """The Parquet download: the same GeoParquet file as ``eventdesk export`` writes (NULLs, lists,
    the geometry column and its metadata: ``export.write_records``); Parquet's footer needs the
    whole file, so this one is written to a temporary file first, not streamed."""
    from eventdesk.export import write_records

    return write_records(list(records), path, "parquet", meta=meta)
