// Country and place names on the map, as Leaflet markers in a pane of their own under the event
// markers (never clickable). A name is shown only where it fits: a country's when its largest
// polygon is wider than the name at this zoom, a place's beside its marker; no two names overlap,
// places come first (deadliest first), then countries (largest first).
/* global L */

import { el } from "./dom.js";
import { placeLabels } from "./cluster.js";

const FONT = { country: "italic 12px system-ui, sans-serif", place: "600 11px system-ui, sans-serif" };
const HEIGHT = { country: 15, place: 14 };

let measureContext = null;

function textWidth(text, font) {
  if (!measureContext) measureContext = document.createElement("canvas").getContext("2d");
  measureContext.font = font;
  return Math.ceil(measureContext.measureText(text).width) + 4;
}

/** Each country's label point (area-weighted centroid of its largest polygon's outer ring) and that polygon. */
export function countryAnchors(geojson) {
  const out = [];
  for (const feature of geojson.features) {
    const g = feature.geometry;
    const name = feature.properties && feature.properties.name;
    if (!g || !name) continue;
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    let best = null;
    for (const polygon of polygons) {
      const c = ringCentroid(polygon[0]);
      if (c && (!best || c.area > best.area)) best = { ...c, ring: polygon[0] };
    }
    if (best) {
      const lons = best.ring.map((p) => p[0]);
      const lats = best.ring.map((p) => p[1]);
      out.push({ name, lat: best.lat, lon: best.lon, area: best.area,
        bounds: [[Math.min(...lats), Math.min(...lons)], [Math.max(...lats), Math.max(...lons)]] });
    }
  }
  return out.sort((a, b) => b.area - a.area);
}

function ringCentroid(ring) {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [x0, y0] = ring[j];
    const [x1, y1] = ring[i];
    const f = x0 * y1 - x1 * y0;
    area += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  if (Math.abs(area) < 1e-9) return null;
  return { lon: cx / (3 * area), lat: cy / (3 * area), area: Math.abs(area / 2) };
}

export class MapLabels {
  constructor(map) {
    this.map = map;
    map.createPane("labels");
    map.getPane("labels").classList.add("label-pane");
    this.layer = L.layerGroup([], { pane: "labels" }).addTo(map);
    this.countries = [];
  }

  setCountries(anchors) {
    this.countries = anchors;
  }

  /** Redraw every name for the current zoom. `places`: [{name, lat, lon, r}] beside markers of radius r px,
   *  most important first; `markers`: [{lat, lon, r}] that names keep clear of. */
  draw(places, markers) {
    const zoom = this.map.getZoom();
    const project = (lat, lon) => this.map.project([lat, lon], zoom);
    this.layer.clearLayers();
    const taken = markers.map((mk) => {
      const p = project(mk.lat, mk.lon);
      return { x: p.x - mk.r, y: p.y - mk.r, w: 2 * mk.r, h: 2 * mk.r };
    });
    const placeBoxes = places.map((pl) => {
      const p = project(pl.lat, pl.lon);
      const w = textWidth(pl.name, FONT.place);
      return { x: p.x + pl.r + 3, y: p.y - HEIGHT.place / 2, w, h: HEIGHT.place };
    });
    // a place name may touch its own marker, so markers are not in `taken` for places
    const keptPlaces = placeLabels(placeBoxes);
    const placed = placeBoxes.filter((_, i) => keptPlaces[i]);
    places.forEach((pl, i) => {
      if (keptPlaces[i]) this.add(pl.name, pl.lat, pl.lon, "place", [-(pl.r + 3), HEIGHT.place / 2], placeBoxes[i].w);
    });
    const fits = this.countries.filter((c) => {
      const sw = project(c.bounds[0][0], c.bounds[0][1]);
      const ne = project(c.bounds[1][0], c.bounds[1][1]);
      return Math.abs(ne.x - sw.x) > textWidth(c.name, FONT.country) + 6;
    });
    const countryBoxes = fits.map((c) => {
      const p = project(c.lat, c.lon);
      const w = textWidth(c.name, FONT.country);
      return { x: p.x - w / 2, y: p.y - HEIGHT.country / 2, w, h: HEIGHT.country };
    });
    const keptCountries = placeLabels(countryBoxes, [...placed, ...taken]);
    fits.forEach((c, i) => {
      if (keptCountries[i]) this.add(c.name, c.lat, c.lon, "country", [countryBoxes[i].w / 2, HEIGHT.country / 2],
        countryBoxes[i].w);
    });
  }

  add(name, lat, lon, kind, anchor, width) {
    const label = el("span", { class: `map-label ${kind}-label`, dataset: { name } }, name);
    const icon = L.divIcon({ html: label, className: "map-label-icon", iconSize: [width, HEIGHT[kind]],
      iconAnchor: anchor });
    L.marker([lat, lon], { icon, interactive: false, keyboard: false, pane: "labels" }).addTo(this.layer);
  }
}
