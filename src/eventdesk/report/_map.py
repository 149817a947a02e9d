"""A map image of the brief's events over country outlines (PNG bytes).

The outlines are ``data/countries-50m.json``: TopoJSON from the world-atlas npm package (Natural
Earth 1:50m). ``decode_arcs`` and ``country_rings`` read it without any geo library: arcs are
quantized and delta-encoded (``transform.scale`` / ``translate``), and a ring lists arc indexes,
``~i`` (negative) meaning arc ``i`` reversed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from eventdesk.report._charts import png_bytes
from eventdesk.report._types import MapPoint

__all__ = ["load_topology", "decode_arcs", "country_rings", "extent", "fit", "event_map"]

MAP_RATIO = 0.62  # height / width of the map's axes in the figure
MARKER, MARKER_EDGE = "#882255", "#4a1030"  # the muted wine of the chart's first province
Ring = list[tuple[float, float]]
Box = tuple[float, float, float, float]  # west, south, east, north


def load_topology(path: str | Path | None = None) -> dict[str, Any]:
    """The bundled world-atlas countries (or the TopoJSON file at ``path``)."""
    if path is None:
        text = resources.files("eventdesk").joinpath("data", "countries-50m.json").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return json.loads(text)


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Every arc as absolute (longitude, latitude) points."""
    transform = topology.get("transform")
    if transform is None:  # an unquantized topology holds absolute positions
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology["arcs"]]
    (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for qx, qy, *_ in arc:
            x += qx
            y += qy
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def _ring(indexes: Sequence[int], arcs: list[Ring]) -> Ring:
    """Join the arcs of one ring; each arc after the first repeats its predecessor's last point."""
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc[1:] if ring else arc)
    return ring


def country_rings(topology: dict[str, Any], arcs: list[Ring] | None = None,
                  name: str = "countries") -> Iterator[tuple[str, list[list[Ring]]]]:
    """(country name, polygons); a polygon is its rings, the outer one first, then its holes."""
    arcs = decode_arcs(topology) if arcs is None else arcs
    for geometry in topology["objects"][name]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        label = (geometry.get("properties") or {}).get("name", "")
        yield label, [[_ring(ring, arcs) for ring in polygon] for polygon in polygons]


def extent(points: Sequence[MapPoint], *, margin: float = 0.2, minimum: float = 2.0) -> Box:
    """The box around the points, widened by ``margin`` of its size on each side (at least
    ``minimum`` degrees), kept on the globe."""
    lons = [p.longitude for p in points]
    lats = [p.latitude for p in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad_x = max(minimum, (east - west) * margin)
    pad_y = max(minimum, (north - south) * margin)
    return (max(-180.0, west - pad_x), max(-85.0, south - pad_y), min(180.0, east + pad_x), min(85.0, north + pad_y))


def fit(box: Box, ratio: float) -> Box:
    """Widen ``box`` (in longitude or latitude) so that, drawn with the equirectangular aspect of
    its middle latitude, its height / width is ``ratio``: the map fills the figure."""
    west, south, east, north = box
    k = 1 / max(0.2, math.cos(math.radians((south + north) / 2)))
    height, width = (north - south) * k, east - west
    if height / width > ratio:
        grow = (height / ratio - width) / 2
        west, east = west - grow, east + grow
        if west < -180:
            west, east = -180.0, min(180.0, east + (-180 - west))
        if east > 180:
            west, east = max(-180.0, west - (east - 180)), 180.0
    else:
        grow = (width * ratio / k - (north - south)) / 2
        south, north = max(-85.0, south - grow), min(85.0, north + grow)
    return (west, south, east, north)


def _touches(polygon: list[Ring], box: Box) -> bool:
    west, south, east, north = box
    xs = [x for x, _ in polygon[0]]
    ys = [y for _, y in polygon[0]]
    return bool(xs) and min(xs) <= east and max(xs) >= west and min(ys) <= north and max(ys) >= south


def _label_point(name: str, polygons: list[list[Ring]], box: Box) -> tuple[float, float] | None:
    """Where to name a country: the middle of its largest polygon's box, when that polygon is
    big enough on this map and its middle is well inside it."""
    west, south, east, north = box
    best, area = None, 0.0
    for polygon in polygons:
        if not polygon or not polygon[0]:
            continue
        xs, ys = [x for x, _ in polygon[0]], [y for _, y in polygon[0]]
        size = (max(xs) - min(xs)) * (max(ys) - min(ys))
        if size > area:
            best, area = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2), size
    if not name or best is None or area < 0.004 * (east - west) * (north - south):
        return None
    x, y = best
    inside = west + 0.05 * (east - west) < x < east - 0.05 * (east - west) and \
        south + 0.05 * (north - south) < y < north - 0.05 * (north - south)
    return best if inside else None


def _size(deaths: int) -> float:
    """Marker area in points^2: grows with the square root of the deaths, so area ~ deaths."""
    return 18.0 + 26.0 * math.sqrt(deaths)


def event_map(points: Sequence[MapPoint], *, topology: dict[str, Any] | None = None,
              title: str = "Events (marker area ~ deaths)", labels: int = 8) -> bytes:
    """Event points sized by deaths over the country outlines, the extent fitted to the points.
    The ``labels`` deadliest places are named, and the countries the events are in."""
    from matplotlib.collections import PatchCollection
    from matplotlib.figure import Figure
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    figure = Figure(figsize=(8.0, 5.2), dpi=100)
    ax = figure.add_subplot()
    ax.set_title(title, fontsize=10.5, loc="left", color="#333333")
    ax.tick_params(labelsize=7)
    ax.set_facecolor("#e6edf2")
    if not points:
        ax.text(0.5, 0.5, "no events to map", ha="center", va="center", transform=ax.transAxes, fontsize=10)
        ax.set_xticks([])
        ax.set_yticks([])
        return png_bytes(figure)
    box = fit(extent(points), MAP_RATIO)
    topology = topology or load_topology()
    land: list[PathPatch] = []
    named = {p.country for p in points}  # only the countries the events are in are named
    for name, polygons in country_rings(topology):
        for polygon in polygons:
            if not polygon or not polygon[0] or not _touches(polygon, box):
                continue
            vertices: list[tuple[float, float]] = []
            codes: list[int] = []
            for ring in polygon:
                if len(ring) < 3:
                    continue
                vertices.extend(ring)
                codes.extend([MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 2) + [MplPath.CLOSEPOLY])
            if vertices:
                land.append(PathPatch(MplPath(vertices, codes)))
        label = _label_point(name, polygons, box) if name in named else None
        if label:
            ax.annotate(name, label, ha="center", va="center", fontsize=7, color="#7a7a7a", style="italic",
                        zorder=2, annotation_clip=True)
    # one collection, limits set by hand: add_patch would recompute the data limits per outline
    ax.add_collection(PatchCollection(land, facecolor="#f2efe6", edgecolor="#8a8a8a", linewidth=0.6, zorder=1),
                      autolim=False)
    ordered = sorted(points, key=lambda p: (-p.deaths, p.label))
    ax.scatter([p.longitude for p in ordered], [p.latitude for p in ordered],
               s=[_size(p.deaths) for p in ordered], c=MARKER, alpha=0.7, edgecolors=MARKER_EDGE,
               linewidths=0.7, zorder=3)
    for p in _labelled(ordered, box, labels):
        ax.annotate(p.label, (p.longitude, p.latitude), xytext=(5, 4), textcoords="offset points", fontsize=7,
                    color="#222222", zorder=4)
    for deaths in _legend_sizes(ordered):
        ax.scatter([], [], s=_size(deaths), c=MARKER, alpha=0.7, edgecolors=MARKER_EDGE, linewidths=0.7,
                   label={0: "no deaths reported", 1: "1 death"}.get(deaths, f"{deaths} deaths"))
    ax.legend(fontsize=7, loc="lower left", frameon=True, framealpha=0.85, labelspacing=1.2, borderpad=0.8)
    west, south, east, north = box
    middle = math.radians((south + north) / 2)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / max(0.2, math.cos(middle)), adjustable="box")
    figure.tight_layout()
    return png_bytes(figure)


def _labelled(points: Sequence[MapPoint], box: Box, most: int) -> list[MapPoint]:
    """The deadliest points whose labels would not sit on one already placed (within 5% of the map)."""
    west, south, east, north = box
    near = 0.05 * max(east - west, north - south)
    chosen: list[MapPoint] = []
    for p in points:
        if len(chosen) == most:
            break
        if all(abs(p.longitude - q.longitude) > near or abs(p.latitude - q.latitude) > near / 2 for q in chosen):
            chosen.append(p)
    return chosen


def _legend_sizes(points: Sequence[MapPoint]) -> list[int]:
    top = max(p.deaths for p in points)
    sizes = [0] + [n for n in (1, 10, 50, 100, 500, 1000) if n <= top]
    return sizes[-3:] if top else [0]
