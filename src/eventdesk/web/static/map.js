// The map: country outlines from /api/world (TopoJSON -> GeoJSON), one circle marker per event
// (area ~ deaths, colour = event type, dashed outline = disputed). Online tiles are opt-in.
/* global L, topojson */

import { getJSON } from "./api.js";
import { deathsLabel, el, plural, replace } from "./dom.js";
import { orderTypes, typeColor } from "./palette.js";

const TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const TILE_ATTRIBUTION = "&copy; OpenStreetMap contributors";

export function markerRadius(deaths) {
  return Math.min(28, 4 + 2.2 * Math.sqrt(Math.max(0, deaths || 0)));
}

export class EventMap {
  /** @param {HTMLElement} container  @param {{onSelect: (id: string) => void, onMove: () => void}} hooks */
  constructor(container, hooks) {
    this.hooks = hooks;
    this.markers = new Map();
    this.selected = null;
    this.types = [];
    this.map = L.map(container, { minZoom: 1, maxZoom: 12, zoomSnap: 0.5, worldCopyJump: false,
      preferCanvas: false, attributionControl: true });
    this.map.attributionControl.setPrefix(false);
    this.map.setView([25, 30], 2);
    this.countries = null;
    this.layer = L.featureGroup().addTo(this.map);
    this.tiles = null;
    this.legend = L.control({ position: "bottomright" });
    this.legend.onAdd = () => this.legendBox;
    this.legendBox = el("div", { class: "map-legend", "aria-label": "map legend" });
    this.legend.addTo(this.map);
    this.map.on("moveend", () => hooks.onMove());
  }

  async loadOutlines() {
    const world = await getJSON("/api/world");
    const shapes = topojson.feature(world, world.objects.countries);
    this.countries = L.geoJSON(shapes, {
      interactive: false,
      style: { color: "#8a94a0", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(this.map);
    this.countries.bringToBack();
  }

  setTiles(on) {
    if (on && !this.tiles) {
      this.tiles = L.tileLayer(TILE_URL, { maxZoom: 12, attribution: TILE_ATTRIBUTION }).addTo(this.map);
      if (this.countries) this.countries.setStyle({ fillOpacity: 0.15 });
    } else if (!on && this.tiles) {
      this.tiles.remove();
      this.tiles = null;
      if (this.countries) this.countries.setStyle({ fillOpacity: 1 });
    }
  }

  /** Replace the markers with these event rows; `fit` zooms to them. */
  setEvents(rows, { fit = false, types = [] } = {}) {
    this.layer.clearLayers();
    this.markers.clear();
    this.types = types;
    const placed = rows.filter((r) => Number.isFinite(r.latitude) && Number.isFinite(r.longitude));
    // the biggest first, so a small marker is never hidden under a big one
    placed.sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0));
    for (const row of placed) this.addMarker(row, types);
    this.drawLegend(rows, placed.length);
    if (fit && placed.length) {
      this.map.fitBounds(this.layer.getBounds(), { padding: [30, 30], maxZoom: 7, animate: false });
    }
    if (this.selected) this.highlight(this.selected);
    return placed.length;
  }

  addMarker(row, types) {
    const disputed = Boolean(row.disputed);
    const color = typeColor(row.event_type, types);
    const marker = L.circleMarker([row.latitude, row.longitude], {
      radius: markerRadius(row.fatalities),
      color: disputed ? "#222" : "#ffffff",
      weight: disputed ? 2 : 1,
      dashArray: disputed ? "4 3" : null,
      fillColor: color,
      fillOpacity: 0.8,
      className: disputed ? "event-marker disputed" : "event-marker",
    });
    marker.bindTooltip(tooltipNode(row), { direction: "auto", sticky: false, opacity: 0.95 });
    marker.on("click", () => this.hooks.onSelect(row.event_id));
    marker.addTo(this.layer);
    const path = marker.getElement();
    if (path) {
      path.setAttribute("data-event-id", row.event_id);
      path.setAttribute("role", "button");
      path.setAttribute("tabindex", "0");
      path.setAttribute("aria-label", `${row.event_date || "undated"}: ${row.sub_event_type || row.event_type}, `
        + `${row.location || row.admin1 || row.country}; ${deathsLabel(row)} deaths${disputed ? "; disputed" : ""}`);
      path.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          this.hooks.onSelect(row.event_id);
        }
      });
    }
    this.markers.set(row.event_id, { marker, row });
  }

  highlight(eventId) {
    const previous = this.markers.get(this.selected);
    if (previous) {
      const disputed = Boolean(previous.row.disputed);
      previous.marker.setStyle({ color: disputed ? "#222" : "#ffffff", weight: disputed ? 2 : 1 });
      previous.marker.getElement()?.classList.remove("selected");
    }
    this.selected = eventId;
    const found = this.markers.get(eventId);
    if (found) {
      found.marker.setStyle({ color: "#000", weight: 3 });
      found.marker.bringToFront();
      found.marker.getElement()?.classList.add("selected");
    }
  }

  /** The current view as the API's bbox (minlon,minlat,maxlon,maxlat; minlon > maxlon crosses 180°). */
  bbox() {
    const b = this.map.getBounds();
    const south = Math.max(-90, b.getSouth());
    const north = Math.min(90, b.getNorth());
    let west = b.getWest();
    let east = b.getEast();
    if (east - west >= 360) {
      west = -180;
      east = 180;
    } else {
      const width = east - west;
      west = wrap(west);
      east = west + width;
      if (east > 180) east -= 360; // the view crosses the antimeridian: minlon > maxlon
    }
    return [west, south, east, north].map((n) => Number(n.toFixed(4))).join(",");
  }

  drawLegend(rows, placed) {
    const types = orderTypes(rows.map((r) => r.event_type));
    const box = this.legendBox;
    replace(box,
      el("div", { class: "legend-title" }, `${plural(placed, "event")} on the map`),
      el("ul", { class: "legend-list" }, types.map((t) => el("li", {},
        el("span", { class: "swatch", "aria-hidden": "true", dataset: { color: typeColor(t, this.types) } }), t))),
      el("div", { class: "legend-note" },
        el("span", { class: "swatch disputed-swatch", "aria-hidden": "true" }), "dashed: disputed"),
      el("div", { class: "legend-note" }, "size: deaths"),
    );
    for (const swatch of box.querySelectorAll(".swatch[data-color]")) swatch.style.background = swatch.dataset.color;
  }

  invalidate() {
    this.map.invalidateSize();
  }
}

function wrap(lon) {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

function tooltipNode(row) {
  const place = [row.location, row.admin1, row.country].filter(Boolean).join(", ");
  return el("div", { class: "marker-tip" },
    el("strong", {}, row.event_date || "undated"), " ", row.sub_event_type || row.event_type,
    el("br"), place,
    el("br"), `${deathsLabel(row)} deaths · ${plural(row.independent_sources, "independent source")}`,
    row.disputed ? el("div", { class: "tip-disputed" }, `disputed: ${row.disputed}`) : null);
}
