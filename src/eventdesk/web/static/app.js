// The page's controller: filter state (kept in the address bar), and the map, timeline, table,
// downloads and event panel that all follow it. No data is ever parsed as HTML here.

import { ApiError, FILTER_KEYS, filterParams, getJSON } from "./api.js";
import { el, plural, replace } from "./dom.js";
import { EventMap } from "./map.js";
import { EventPanel } from "./panel.js";
import { ReviewSection } from "./review.js";
import { EventTable } from "./table.js";
import { Timeline } from "./timeline.js";

const MAP_PAGE = 1000; // the API's largest page
const MAP_MAX = 5000; // markers drawn at most
const SORTS = ["event_date", "-event_date", "fatalities", "-fatalities", "source_count", "-source_count"];
const TEXT_DELAY_MS = 350;

const $ = (id) => document.getElementById(id);

const FORM_FIELDS = {
  since: "filter-since", until: "filter-until", country: "filter-country", admin1: "filter-admin1",
  event_type: "filter-event-type", sub_event_type: "filter-sub-event-type", actor: "filter-actor", q: "filter-q",
  min_sources: "filter-min-sources",
};

class App {
  constructor() {
    this.meta = null;
    this.state = readAddress();
    this.generation = 0;
    this.status = $("status");
    this.table = new EventTable($("events-table"), $("pager"), {
      onSelect: (id) => this.openEvent(id),
      onSort: (sort) => this.update({ sort, offset: 0 }),
      onPage: (offset) => this.update({ offset }, { scrollTo: $("events-section") }),
    });
    this.timeline = new Timeline($("timeline"), {
      onBin: (since, until) => this.setFilters({ since, until }),
      onUnit: (unit) => {
        $("timeline-unit").textContent = unit;
      },
    });
    this.review = new ReviewSection({
      writeEnabled: () => Boolean(this.meta && this.meta.write_enabled),
      onChanged: (id, message) => this.afterReview(id, message),
    });
    this.panel = new EventPanel($("event-panel"), {
      onClose: () => this.closeEvent(),
      review: (event) => this.review.section(event),
    });
    this.map = new EventMap($("map"), {
      onSelect: (id) => this.openEvent(id),
      onMove: () => {
        if (this.state.inview) this.update({ offset: 0 }, { fit: false, fromMap: true });
      },
    });
  }

  async start() {
    this.bindForm();
    this.map.loadOutlines().catch((err) => this.say(`Country outlines not loaded: ${err.message}`, true));
    try {
      this.meta = await getJSON("/api/meta");
    } catch (err) {
      this.say(`The store could not be read: ${err.message}`, true);
      return;
    }
    this.fillMenus();
    this.writeForm();
    await this.refresh({ fit: true });
    if (this.state.event) this.openEvent(this.state.event, { keepAddress: true });
  }

  // -- filter form ----------------------------------------------------------------------------

  bindForm() {
    const form = $("filters");
    form.addEventListener("submit", (ev) => ev.preventDefault());
    form.addEventListener("reset", (ev) => {
      ev.preventDefault();
      const cleared = Object.fromEntries(FILTER_KEYS.map((k) => [k, ""]));
      this.state.inview = false;
      this.setFilters({ ...cleared, disputed: false, include_incomplete: false });
    });
    let timer = null;
    for (const [key, id] of Object.entries(FORM_FIELDS)) {
      const input = $(id);
      const apply = () => {
        const changes = { [key]: input.value.trim() };
        if (key === "country") changes.admin1 = this.validAdmin1(input.value, this.state.admin1);
        if (key === "event_type") changes.sub_event_type = this.validSubType(input.value, this.state.sub_event_type);
        this.setFilters(changes);
      };
      if (input.type === "search" || input.type === "number") {
        input.addEventListener("input", () => {
          clearTimeout(timer);
          timer = setTimeout(apply, TEXT_DELAY_MS);
        });
        input.addEventListener("keydown", (ev) => {
          if (ev.key === "Enter") {
            ev.preventDefault();
            clearTimeout(timer);
            apply();
          }
        });
      } else {
        input.addEventListener("change", apply);
      }
    }
    $("filter-disputed").addEventListener("change", (ev) => this.setFilters({ disputed: ev.target.checked }));
    $("filter-incomplete").addEventListener("change",
      (ev) => this.setFilters({ include_incomplete: ev.target.checked }));
    $("filter-bbox").addEventListener("change", (ev) => {
      this.state.inview = ev.target.checked;
      this.update({ offset: 0 });
    });
    $("page-size").addEventListener("change", (ev) => this.update({ limit: Number(ev.target.value), offset: 0 }));
    $("map-fit").addEventListener("click", () => this.refresh({ fit: true, mapOnly: true }));
    $("map-tiles").addEventListener("change", (ev) => this.map.setTiles(ev.target.checked));
  }

  fillMenus() {
    const m = this.meta;
    fillSelect($("filter-country"), "All countries", m.countries);
    this.fillAdmin1();
    fillSelect($("filter-event-type"), "All types", m.event_types);
    this.fillSubTypes();
    if (m.dates.first) {
      for (const id of ["filter-since", "filter-until"]) {
        $(id).min = m.dates.first;
        $(id).max = m.dates.last || "";
      }
    }
    const c = m.counts;
    $("store-summary").textContent = `${plural(c.events, "event")} from ${plural(c.articles, "article")}`
      + (c.incomplete_events ? ` (${c.incomplete_events} without a date or province are held back)` : "")
      + (m.dates.first ? `, ${m.dates.first} to ${m.dates.last}` : "");
    $("versions").textContent = Object.entries(m.versions).map(([k, v]) => `${k} ${v}`).join(" · ");
  }

  /** Provinces of the chosen country, or of every country grouped by country. */
  fillAdmin1() {
    const select = $("filter-admin1");
    const country = this.state.country;
    const byCountry = this.meta.admin1;
    replace(select, el("option", { value: "" }, "All provinces"));
    const countries = country ? [country] : Object.keys(byCountry).sort();
    for (const name of countries) {
      const provinces = byCountry[name] || [];
      if (!provinces.length) continue;
      const group = el("optgroup", { label: name }, provinces.map((p) => el("option", { value: p }, p)));
      select.append(group);
    }
    select.value = this.state.admin1 || "";
  }

  fillSubTypes() {
    const select = $("filter-sub-event-type");
    const type = this.state.event_type;
    const byType = this.meta.sub_event_types;
    replace(select, el("option", { value: "" }, "All sub-event types"));
    const types = type ? [type] : Object.keys(byType).sort();
    for (const t of types) {
      const subs = byType[t] || [];
      if (subs.length) select.append(el("optgroup", { label: t }, subs.map((s) => el("option", { value: s }, s))));
    }
    select.value = this.state.sub_event_type || "";
  }

  validAdmin1(country, admin1) {
    if (!admin1 || !country) return admin1 || "";
    return (this.meta.admin1[country] || []).includes(admin1) ? admin1 : "";
  }

  validSubType(type, sub) {
    if (!sub || !type) return sub || "";
    return (this.meta.sub_event_types[type] || []).includes(sub) ? sub : "";
  }

  writeForm() {
    for (const [key, id] of Object.entries(FORM_FIELDS)) {
      const input = $(id);
      const value = this.state[key] || "";
      if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value)) {
        // a value from the address bar that the store does not hold: keep it selectable
        input.append(el("option", { value }, value));
      }
      input.value = value;
    }
    $("filter-disputed").checked = Boolean(this.state.disputed);
    $("filter-incomplete").checked = Boolean(this.state.include_incomplete);
    $("filter-bbox").checked = Boolean(this.state.inview);
    const size = $("page-size");
    if (![...size.options].some((o) => Number(o.value) === this.state.limit)) {
      size.append(el("option", { value: this.state.limit }, String(this.state.limit)));
    }
    size.value = String(this.state.limit);
  }

  setFilters(changes) {
    Object.assign(this.state, changes);
    if ("country" in changes) this.fillAdmin1();
    if ("event_type" in changes) this.fillSubTypes();
    this.writeForm();
    this.update({ offset: 0 }, { fit: !this.state.inview });
  }

  // -- loading --------------------------------------------------------------------------------

  update(changes, options = {}) {
    Object.assign(this.state, changes);
    writeAddress(this.state);
    return this.refresh(options);
  }

  /** The filters as query parameters, with the map view as bbox when "only in map view" is on. */
  params() {
    const filters = { ...this.state, bbox: this.state.inview ? this.map.bbox() : "" };
    return filterParams(filters);
  }

  async refresh({ fit = false, mapOnly = false, fromMap = false, scrollTo = null } = {}) {
    const generation = ++this.generation;
    const params = this.params();
    this.setDownloads(params);
    this.say("Loading…");
    const pageParams = new URLSearchParams(params);
    pageParams.set("sort", this.state.sort);
    pageParams.set("limit", String(this.state.limit));
    pageParams.set("offset", String(this.state.offset));
    const statsParams = new URLSearchParams(params);
    statsParams.set("by", "day"); // the timeline bins the days as the span needs
    try {
      const [page, stats, markers] = await Promise.all([
        mapOnly ? null : getJSON("/api/events", pageParams),
        mapOnly ? null : getJSON("/api/stats", statsParams),
        this.loadMarkers(params),
      ]);
      if (generation !== this.generation) return;
      const types = this.meta.event_types;
      if (page) {
        this.table.render(page, this.state.sort, this.panel.eventId, types);
        if (scrollTo) scrollTo.scrollIntoView({ block: "start" });
      }
      if (stats) this.timeline.setRows(stats.rows, types, { since: this.state.since, until: this.state.until });
      const placed = this.map.setEvents(markers.rows, { fit: fit && !fromMap, types });
      $("map-note").textContent = markers.total > markers.rows.length
        ? `The map shows the first ${markers.rows.length} of ${markers.total} matching events.`
        : (placed < markers.rows.length ? `${plural(markers.rows.length - placed, "event")} without coordinates.` : "");
      this.say(page ? `${plural(page.total, "event")} match.` : "");
      document.body.dataset.ready = "true";
    } catch (err) {
      if (generation !== this.generation) return;
      this.say(err instanceof ApiError ? err.message : `Something went wrong: ${err.message}`, true);
    }
  }

  async loadMarkers(params) {
    const rows = [];
    let total = 0;
    for (let offset = 0; offset < MAP_MAX; offset += MAP_PAGE) {
      const p = new URLSearchParams(params);
      p.set("limit", String(MAP_PAGE));
      p.set("offset", String(offset));
      p.set("sort", "-event_date");
      const page = await getJSON("/api/events", p);
      total = page.total;
      rows.push(...page.events);
      if (offset + MAP_PAGE >= total) break;
    }
    return { rows, total };
  }

  setDownloads(params) {
    const query = [...params].length ? `?${params}` : "";
    for (const fmt of ["csv", "geojson", "parquet"]) $(`download-${fmt}`).href = `/api/export.${fmt}${query}`;
  }

  say(message, isError = false) {
    this.status.textContent = message;
    this.status.classList.toggle("error", isError);
  }

  // -- the event panel ------------------------------------------------------------------------

  async openEvent(id, { keepAddress = false } = {}) {
    this.state.event = id;
    if (!keepAddress) writeAddress(this.state);
    this.table.markSelected(id);
    this.map.highlight(id);
    const detail = await this.panel.open(id);
    if (detail && detail.event.event_id !== id) {
      // an alias of a merged event: follow it to the event it is now part of
      this.state.event = detail.event.event_id;
      writeAddress(this.state);
      this.table.markSelected(detail.event.event_id);
      this.map.highlight(detail.event.event_id);
    }
  }

  /** After a review action: reload the listing and show the event as it now reads. */
  async afterReview(id, message) {
    this.say(message);
    await this.refresh();
    await this.openEvent(id);
    this.say(message);
    $("panel-review")?.scrollIntoView({ block: "nearest" });
  }

  closeEvent() {
    this.panel.close();
    this.state.event = "";
    writeAddress(this.state);
    this.table.markSelected(null);
    this.map.highlight(null);
  }
}

function fillSelect(select, allLabel, values) {
  replace(select, el("option", { value: "" }, allLabel), values.map((v) => el("option", { value: v }, v)));
}

// -- the address bar holds the state, so a view can be bookmarked or shared -----------------------

function readAddress() {
  const q = new URLSearchParams(window.location.search);
  const state = { sort: "-event_date", limit: 50, offset: 0, event: q.get("event") || "", inview: false };
  for (const key of FILTER_KEYS) {
    if (key === "bbox") continue;
    state[key] = q.get(key) || "";
  }
  state.disputed = q.get("disputed") === "true";
  state.include_incomplete = q.get("include_incomplete") === "true";
  if (SORTS.includes(q.get("sort"))) state.sort = q.get("sort");
  const limit = Number(q.get("limit"));
  if (Number.isInteger(limit) && limit >= 1 && limit <= MAP_PAGE) state.limit = limit;
  const offset = Number(q.get("offset"));
  if (Number.isInteger(offset) && offset >= 0) state.offset = offset;
  return state;
}

function writeAddress(state) {
  const q = filterParams({ ...state, bbox: "" });
  if (state.sort !== "-event_date") q.set("sort", state.sort);
  if (state.limit !== 50) q.set("limit", String(state.limit));
  if (state.offset) q.set("offset", String(state.offset));
  if (state.event) q.set("event", state.event);
  const query = [...q].length ? `?${q}` : window.location.pathname;
  window.history.replaceState(null, "", query);
}

new App().start();
