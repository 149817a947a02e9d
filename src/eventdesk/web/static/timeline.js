// The timeline: events per bin stacked by type (upper band) and deaths per bin (lower band,
// hanging down), drawn as SVG from GET /api/stats?by=day. The bins follow the span shown (the
// filter's dates, else the data's): days, weeks, months or years (bins.js). Clicking a bin filters to it.

import { allBins, binRows, binUnit, isoDay, nextBin, parseDay } from "./bins.js";
import { el, plural, svg } from "./dom.js";
import { orderTypes, typeColor } from "./palette.js";

const DAY = 86400000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const BIN_WORDS = { day: "Day", week: "Week of", month: "Month of", year: "Year" };

export class Timeline {
  /** @param {HTMLElement} container
   *  @param {{onBin: (since: string, until: string) => void, onUnit?: (unit: string) => void}} hooks */
  constructor(container, hooks) {
    this.container = container;
    this.hooks = hooks;
    this.rows = [];
    this.types = [];
    this.window = {};
    this.unit = "week";
    this.chart = el("div", { class: "timeline-chart" });
    this.summary = el("p", { class: "timeline-summary", "aria-live": "polite" });
    this.legend = el("ul", { class: "legend-list timeline-legend", "aria-label": "event types" });
    container.append(this.chart, this.legend, this.summary);
    let lastWidth = 0;
    new ResizeObserver(() => {
      const width = this.chart.clientWidth;
      if (width && Math.abs(width - lastWidth) > 4) {
        lastWidth = width;
        this.draw();
      }
    }).observe(this.chart);
  }

  /** Day rows of the stats; `window` is the filter's {since, until} (either may be empty). */
  setRows(rows, types = [], window = {}) {
    this.rows = rows;
    this.types = types;
    this.window = window;
    this.draw();
  }

  draw() {
    const days = this.rows.filter((r) => r.key);
    const undated = this.rows.filter((r) => !r.key);
    const width = Math.max(320, this.chart.clientWidth || 600);
    const height = Math.max(150, this.chart.clientHeight || 190);
    this.chart.replaceChildren();
    this.legend.replaceChildren();
    if (!days.length) {
      this.chart.append(el("p", { class: "empty" }, "No dated events match the filters."));
      this.summary.textContent = undated.length ? `${plural(sum(undated, "events"), "undated event")} not shown.` : "";
      return;
    }
    // the span: the filter's dates where set, else the first and last event date
    const from = this.window.since || days[0].key;
    const to = this.window.until && this.window.until >= from ? this.window.until : days[days.length - 1].key;
    const unit = binUnit(from, to);
    if (unit !== this.unit) {
      this.unit = unit;
      if (this.hooks.onUnit) this.hooks.onUnit(unit);
    }
    this.chart.dataset.unit = unit;
    const dated = binRows(days, unit);
    const starts = allBins(from, to, unit);
    const firstMs = parseDay(starts[0]);
    const endMs = parseDay(nextBin(starts[starts.length - 1], unit));
    const types = orderTypes(dated.flatMap((r) => Object.keys(r.by_type)));
    const m = { left: 44, right: 10, top: 8, bottom: 20 };
    const plotW = width - m.left - m.right;
    const bandGap = 6;
    const plotH = height - m.top - m.bottom;
    const eventsH = Math.round((plotH - bandGap) * 0.6);
    const deathsH = plotH - bandGap - eventsH;
    const base = m.top + eventsH; // events grow up from here
    const deathsTop = base + bandGap; // deaths hang down from here
    const x = (ms) => m.left + ((ms - firstMs) / (endMs - firstMs)) * plotW;
    const maxEvents = Math.max(1, ...dated.map((r) => r.events));
    const maxDeaths = Math.max(1, ...dated.map((r) => r.fatalities));

    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
      "aria-label": `Events per ${unit} by type (upper bars) and deaths per ${unit} (lower bars)` });
    root.append(
      svg("line", { x1: m.left, x2: width - m.right, y1: base + 0.5, y2: base + 0.5, class: "axis" }),
      svg("line", { x1: m.left, x2: width - m.right, y1: deathsTop + 0.5, y2: deathsTop + 0.5, class: "axis" }),
      svg("text", { x: m.left - 4, y: m.top + 9, class: "tick", "text-anchor": "end" }, String(maxEvents)),
      svg("text", { x: m.left - 4, y: base, class: "tick", "text-anchor": "end" }, "0"),
      svg("text", { x: m.left - 4, y: deathsTop + deathsH, class: "tick", "text-anchor": "end" }, String(maxDeaths)),
      svg("text", { x: 2, y: m.top + eventsH / 2, class: "band-label" }, "events"),
      svg("text", { x: 2, y: deathsTop + deathsH / 2 + 4, class: "band-label" }, "deaths"),
    );
    for (const tick of ticks(firstMs, endMs, plotW, unit)) {
      const tx = x(tick.ms);
      root.append(
        svg("line", { x1: tx, x2: tx, y1: deathsTop + deathsH, y2: deathsTop + deathsH + 4, class: "axis" }),
        svg("text", { x: tx, y: height - 4, class: "tick", "text-anchor": "middle" }, tick.label),
      );
    }
    for (const row of dated) {
      const left = x(parseDay(row.key));
      const step = x(parseDay(row.end) + DAY) - left;
      const barW = Math.max(1, step > 4 ? step - Math.min(2, step * 0.2) : step);
      const bx = left + (step - barW) / 2;
      let top = base;
      const group = svg("g", { class: "bin", dataset: { bin: row.key, end: row.end, events: row.events } });
      for (const type of types) {
        const n = row.by_type[type] || 0;
        if (!n) continue;
        const h = (n / maxEvents) * eventsH;
        top -= h;
        group.append(svg("rect", { x: bx, y: top, width: barW, height: Math.max(h, 0.5),
          fill: typeColor(type, this.types) }));
      }
      if (row.fatalities) {
        const h = (row.fatalities / maxDeaths) * deathsH;
        group.append(svg("rect", { x: bx, y: deathsTop, width: barW, height: Math.max(h, 1), class: "deaths-bar" }));
      }
      const detail = types.filter((t) => row.by_type[t]).map((t) => `${t}: ${row.by_type[t]}`).join("\n");
      const label = `${binLabel(row, unit)}: ${plural(row.events, "event")}, ${plural(row.fatalities, "death")}`;
      // a full-height target, easier to hit than a 2-pixel bar; click or Enter filters to the bin
      const hit = svg("rect", { x: left, y: m.top, width: Math.max(step, 6), height: plotH, class: "hit",
        tabindex: 0, role: "button", "aria-label": `${label}. Show only this ${unit}.` },
      svg("title", {}, `${label}\n${detail}\nclick: show only this ${unit}`));
      const choose = () => this.hooks.onBin(row.key, row.end);
      hit.addEventListener("click", choose);
      hit.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          choose();
        }
      });
      group.append(hit);
      root.append(group);
    }
    this.chart.append(root);
    for (const type of types) {
      const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = typeColor(type, this.types);
      this.legend.append(el("li", {}, swatch, type));
    }
    const deathsSwatch = el("span", { class: "swatch deaths-swatch", "aria-hidden": "true" });
    this.legend.append(el("li", {}, deathsSwatch, "deaths"));
    const parts = [`${plural(sum(dated, "events"), "event")}, ${plural(sum(dated, "fatalities"), "death")} in `
      + `${plural(dated.length, unit)} with events, ${from} to ${to}.`];
    if (undated.length) parts.push(`${plural(sum(undated, "events"), "undated event")} not shown.`);
    this.summary.textContent = parts.join(" ");
  }
}

function sum(rows, key) {
  return rows.reduce((total, r) => total + (r[key] || 0), 0);
}

function binLabel(row, unit) {
  if (unit === "day") return row.key;
  if (unit === "year") return `Year ${row.key.slice(0, 4)}`;
  if (unit === "month") return `${MONTHS[Number(row.key.slice(5, 7)) - 1]} ${row.key.slice(0, 4)}`;
  return `${BIN_WORDS[unit]} ${row.key}`;
}

/** Axis ticks between two instants, thinned to fit: days (every 1, 2, 7 or 14, weekly ones on
 *  Mondays) for short spans, else month starts every 1, 3, 6 or 12 months (or every few years). */
function ticks(from, to, plotW, unit) {
  const room = Math.max(1, Math.floor(plotW / 64));
  if (unit === "day" || unit === "week") {
    for (const every of [1, 2, 7, 14]) {
      const picked = [];
      for (let ms = from; ms < to; ms += DAY) {
        const d = new Date(ms);
        const index = Math.round((ms - from) / DAY);
        const keep = every < 7 ? index % every === 0
          : d.getUTCDay() === 1 && Math.round(ms / DAY / 7) % (every / 7) === 0;
        if (keep) picked.push(ms);
      }
      if (picked.length <= room && picked.length) {
        return picked.map((ms, i) => ({ ms, label: dayLabel(ms, i === 0 || new Date(ms).getUTCDate() <= every) }));
      }
    }
  }
  const start = new Date(from);
  const months = [];
  let y = start.getUTCFullYear();
  let mo = start.getUTCMonth();
  for (;;) {
    const ms = Date.UTC(y, mo, 1);
    if (ms >= to) break;
    if (ms >= from) months.push({ y, mo, ms });
    mo += 1;
    if (mo > 11) {
      mo = 0;
      y += 1;
    }
  }
  for (const every of [1, 3, 6, 12, 24, 60, 120]) {
    const picked = months.filter((t) => (t.y * 12 + t.mo) % every === 0);
    if (picked.length <= room) {
      const out = picked.map((t) => ({ ms: t.ms, label: every >= 12 ? String(t.y) : `${MONTHS[t.mo]} ${t.y}` }));
      return out.length ? out : [{ ms: from, label: isoDay(from) }];
    }
  }
  return [{ ms: from, label: isoDay(from) }];
}

function dayLabel(ms, withMonth) {
  const d = new Date(ms);
  return withMonth ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` : String(d.getUTCDate());
}
