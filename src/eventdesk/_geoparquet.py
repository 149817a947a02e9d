"""Parquet export as GeoParquet: typed columns (missing values NULL, list columns as lists), a WKB
point ``geometry`` column and the ``geo`` file metadata of the GeoParquet 1.1 specification, so
GeoPandas, QGIS, DuckDB's spatial extension and GDAL read the events as points.

The geometry is longitude/latitude on WGS84 (GeoParquet's default CRS, OGC:CRS84, so no ``crs``
member is written); an event without coordinates has a NULL geometry.
"""

from __future__ import annotations

import datetime as dt
import json
import struct
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["GEOMETRY", "wkb_point", "write_table"]

GEOMETRY = "geometry"


def wkb_point(longitude: float, latitude: float) -> bytes:
    """A 2D point in ISO WKB, little-endian (byte order 1, geometry type 1)."""
    return struct.pack("<BIdd", 1, 1, float(longitude), float(latitude))


def _cell(value: Any, kind: str, separator: str) -> Any:
    if value is None:
        return None
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind == "list":
        items = value if isinstance(value, list) else [v for v in str(value).split(separator) if v]
        return items or None
    if kind == "text":
        return value or None
    return value


def geo_metadata(records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    points = [(r["longitude"], r["latitude"]) for r in records
              if r["longitude"] is not None and r["latitude"] is not None]
    column: dict[str, Any] = {"encoding": "WKB", "geometry_types": ["Point"]}
    if points:
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        column["bbox"] = [min(lons), min(lats), max(lons), max(lats)]
    return {"version": "1.1.0", "primary_column": GEOMETRY, "columns": {GEOMETRY: column}}


def write_table(records: Sequence[Mapping[str, Any]], handle: Any, columns: Sequence[str], kinds: Mapping[str, str],
                required: set[str], meta_json: str, separators: Mapping[str, str]) -> None:
    """Write ``records`` (the ``columns`` of each, typed by ``kinds``: text, list, int, float,
    date) and their geometry to the binary ``handle``."""
    import pyarrow as pa  # heavy: imported only when Parquet is asked for
    import pyarrow.parquet as pq

    types = {"text": pa.string(), "list": pa.list_(pa.string()), "int": pa.int64(), "float": pa.float64(),
             "date": pa.date32()}
    fields = [pa.field(name, types[kinds[name]], nullable=name not in required) for name in columns]
    fields.append(pa.field(GEOMETRY, pa.binary(), nullable=True))
    metadata = {b"eventdesk": meta_json.encode("utf-8"), b"geo": json.dumps(geo_metadata(records)).encode("utf-8")}
    schema = pa.schema(fields, metadata=metadata)
    data = {name: [_cell(r[name], kinds[name], separators.get(name, "; ")) for r in records] for name in columns}
    data[GEOMETRY] = [None if r["longitude"] is None or r["latitude"] is None
                      else wkb_point(r["longitude"], r["latitude"]) for r in records]
    pq.write_table(pa.Table.from_pydict(data, schema=schema), handle)
