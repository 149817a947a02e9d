// The map: country outlines from /api/world (TopoJSON -> GeoJSON), one circle marker per event
// (area ~ deaths, at least MIN_RADIUS, colour = event type, dashed outline = disputed); markers that
// would overlap at the current zoom are grouped into one numbered marker that lists its events
// (cluster.js), and country and place names are drawn where they fit (labels.js). Online tiles are opt-in.
/* global L, topojson */

import { getJSON } from "./api.js";
import { clusterByOverlap } from "./cluster.js";
import { deathsLabel, el, plural, replace } from "./dom.js";
import { countryAnchors, MapLabels } from "./labels.js";
import { orderTypes, typeColor } from "./palette.js";

const TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const TILE_ATTRIBUTION = "&copy; OpenStreetMap contributors";
export const MIN_RADIUS = 6; // px: a marker of an event without deaths is still easy to see and to hit

export function markerRadius(deaths) {
  return Math.min(28, MIN_RADIUS + 2.2 * Math.sqrt(Math.max(0, deaths || 0)));
}

export function clusterRadius(count) {
  return Math.min(26, 11 + 3 * Math.log2(Math.max(2, count)));
}

export class EventMap {
  /** @param {HTMLElement} container  @param {{onSelect: (id: string) => void, onMove: () => void}} hooks */
  constructor(container, hooks) {
    this.hooks = hooks;
    this.markers = new Map(); // event id -> {marker, row} of the events drawn on their own
    this.clusterOf = new Map(); // event id -> {marker, rows} of the events drawn as a group
    this.rows = [];
    this.drawn = { places: [], markers: [] }; // what redraw() put on the map, for the names
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
    this.labels = new MapLabels(this.map);
    this.map.on("moveend", () => hooks.onMove());
    this.map.on("zoomend", () => this.redraw());
  }

  async loadOutlines() {
    const world = await getJSON("/api/world");
    const shapes = topojson.feature(world, world.objects.countries);
    this.countries = L.geoJSON(shapes, {
      interactive: false,
      style: { color: "#8a94a0", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(this.map);
    this.countries.bringToBack();
    this.labels.setCountries(countryAnchors(shapes));
    this.drawLabels(); // names only: an open list of grouped events stays open
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
    this.types = types;
    const placed = rows.filter((r) => Number.isFinite(r.latitude) && Number.isFinite(r.longitude));
    // the biggest first, so a small marker is never hidden under a big one
    placed.sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0) || (a.event_id < b.event_id ? -1 : 1));
    this.rows = placed;
    this.drawLegend(rows, placed.length);
    if (fit && placed.length) {
      const bounds = L.latLngBounds(placed.map((r) => [r.latitude, r.longitude]));
      this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7, animate: false });
    }
    this.redraw();
    return placed.length;
  }

  /** Draw the markers for the current zoom: overlapping ones as groups, then the names. */
  redraw() {
    this.layer.clearLayers();
    this.markers.clear();
    this.clusterOf.clear();
    this.map.closePopup();
    const zoom = this.map.getZoom();
    const items = this.rows.map((row) => {
      const p = this.map.project([row.latitude, row.longitude], zoom);
      return { x: p.x, y: p.y, r: markerRadius(row.fatalities) };
    });
    const places = [];
    const drawn = [];
    for (const group of clusterByOverlap(items)) {
      const rows = group.map((i) => this.rows[i]);
      if (rows.length === 1) {
        const row = rows[0];
        this.addMarker(row, this.types);
        drawn.push({ lat: row.latitude, lon: row.longitude, r: markerRadius(row.fatalities), row });
      } else {
        const centre = this.addCluster(rows, group.map((i) => items[i]), zoom);
        // a group is named only when all its events share the place
        const one = rows.every((row) => row.location === rows[0].location) ? rows[0] : { location: "" };
        drawn.push({ lat: centre.lat, lon: centre.lng, r: clusterRadius(rows.length), row: one });
      }
    }
    for (const d of drawn) {
      if (d.row.location) places.push({ name: d.row.location, lat: d.lat, lon: d.lon, r: d.r });
    }
    this.drawn = { places, markers: drawn };
    this.drawLabels();
    if (this.selected) this.highlight(this.selected);
  }

  drawLabels() {
    this.labels.draw(this.drawn.places, this.drawn.markers);
  }

  /** One numbered marker for events that would overlap, at their mean position; it lists them. */
  addCluster(rows, points, zoom) {
    const x = points.reduce((t, p) => t + p.x, 0) / points.length;
    const y = points.reduce((t, p) => t + p.y, 0) / points.length;
    const centre = this.map.unproject([x, y], zoom);
    const r = clusterRadius(rows.length);
    const deaths = rows.reduce((t, row) => t + (row.fatalities || 0), 0);
    const disputed = rows.some((row) => row.disputed);
    const ids = rows.map((row) => row.event_id);
    const text = `${plural(rows.length, "event")} here, ${plural(deaths, "death")}${disputed ? ", some disputed" : ""}`;
    const node = el("div", { class: `event-cluster${disputed ? " has-disputed" : ""}`, role: "button", tabindex: 0,
      "aria-label": `${text}: list them`, dataset: { eventIds: ids.join(" "), count: rows.length } },
    el("span", { class: "cluster-count" }, String(rows.length)));
    const icon = L.divIcon({ html: node, className: "event-cluster-icon", iconSize: [2 * r, 2 * r] });
    const marker = L.marker(centre, { icon, keyboard: false, title: "" });
    marker.bindTooltip(el("div", { class: "marker-tip" }, text, el("br"), "click: list them"),
      { direction: "top", offset: [0, -r], opacity: 0.95 });
    marker.bindPopup(() => this.clusterList(rows), { maxWidth: 340, minWidth: 220, autoPanPadding: [20, 20] });
    marker.on("popupopen", () => marker.closeTooltip());
    node.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        marker.openPopup();
      }
    });
    marker.addTo(this.layer);
    for (const id of ids) this.clusterOf.set(id, { marker, rows, node });
    return centre;
  }

  clusterList(rows) {
    const sameSpot = rows.every((row) => row.latitude === rows[0].latitude && row.longitude === rows[0].longitude);
    const canZoom = !sameSpot && this.map.getZoom() < this.map.getMaxZoom();
    return el("div", { class: "cluster-list" },
      el("p", { class: "cluster-head" }, `${plural(rows.length, "event")}${sameSpot ? " at the same place" : " close together"}`),
      el("ul", {}, rows.map((row) => el("li", {}, el("button", { type: "button", class: "cluster-event link-button",
        dataset: { eventId: row.event_id }, on: { click: () => {
          this.map.closePopup();
          this.hooks.onSelect(row.event_id);
        } } },
      `${row.event_date || "undated"} · ${row.sub_event_type || row.event_type} · `
        + `${row.location || row.admin1 || row.country} · ${deathsLabel(row)} deaths`)))),
      canZoom ? el("button", { type: "button", class: "cluster-zoom", on: { click: () => {
        const bounds = L.latLngBounds(rows.map((row) => [row.latitude, row.longitude]));
        this.map.fitBounds(bounds, { padding: [60, 60], maxZoom: this.map.getMaxZoom(), animate: false });
      } } }, "Zoom in to separate them") : null);
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
    this.clusterOf.get(this.selected)?.node.classList.remove("selected");
    this.selected = eventId;
    const found = this.markers.get(eventId);
    if (found) {
      found.marker.setStyle({ color: "#000", weight: 3 });
      found.marker.bringToFront();
      found.marker.getElement()?.classList.add("selected");
    }
    this.clusterOf.get(eventId)?.node.classList.add("selected");
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
      el("div", { class: "legend-note" }, el("span", { class: "swatch cluster-swatch", "aria-hidden": "true" }),
        "number: events grouped"),
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
