// The timeline: events per ISO week stacked by type (upper band) and deaths per week (lower band,
// hanging down), drawn as SVG from GET /api/stats?by=week. Clicking a week filters to it.

import { el, plural, svg } from "./dom.js";
import { orderTypes, typeColor } from "./palette.js";

const DAY = 86400000;
const WEEK = 7 * DAY;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parseDay(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export class Timeline {
  /** @param {HTMLElement} container  @param {{onWeek: (since: string, until: string) => void}} hooks */
  constructor(container, hooks) {
    this.container = container;
    this.hooks = hooks;
    this.rows = [];
    this.types = [];
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

  setRows(rows, types = []) {
    this.rows = rows;
    this.types = types;
    this.draw();
  }

  draw() {
    const dated = this.rows.filter((r) => r.key);
    const undated = this.rows.filter((r) => !r.key);
    const width = Math.max(320, this.chart.clientWidth || 600);
    const height = Math.max(150, this.chart.clientHeight || 190);
    this.chart.replaceChildren();
    this.legend.replaceChildren();
    if (!dated.length) {
      this.chart.append(el("p", { class: "empty" }, "No dated events match the filters."));
      this.summary.textContent = undated.length ? `${plural(sum(undated, "events"), "undated event")} not shown.` : "";
      return;
    }
    const types = orderTypes(dated.flatMap((r) => Object.keys(r.by_type)));
    const first = Math.min(...dated.map((r) => parseDay(r.key)));
    const last = Math.max(...dated.map((r) => parseDay(r.key)));
    const weeks = Math.round((last - first) / WEEK) + 1;
    const m = { left: 44, right: 10, top: 8, bottom: 20 };
    const plotW = width - m.left - m.right;
    const bandGap = 6;
    const plotH = height - m.top - m.bottom;
    const eventsH = Math.round((plotH - bandGap) * 0.6);
    const deathsH = plotH - bandGap - eventsH;
    const base = m.top + eventsH; // events grow up from here
    const deathsTop = base + bandGap; // deaths hang down from here
    const step = plotW / weeks;
    const barW = Math.max(1, step > 4 ? step - Math.min(2, step * 0.2) : step);
    const maxEvents = Math.max(1, ...dated.map((r) => r.events));
    const maxDeaths = Math.max(1, ...dated.map((r) => r.fatalities));
    const x = (ms) => m.left + ((ms - first) / WEEK) * step;

    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
      "aria-label": "Events per week by type (upper bars) and deaths per week (lower bars)" });
    root.append(
      svg("line", { x1: m.left, x2: width - m.right, y1: base + 0.5, y2: base + 0.5, class: "axis" }),
      svg("line", { x1: m.left, x2: width - m.right, y1: deathsTop + 0.5, y2: deathsTop + 0.5, class: "axis" }),
      svg("text", { x: m.left - 4, y: m.top + 9, class: "tick", "text-anchor": "end" }, String(maxEvents)),
      svg("text", { x: m.left - 4, y: base, class: "tick", "text-anchor": "end" }, "0"),
      svg("text", { x: m.left - 4, y: deathsTop + deathsH, class: "tick", "text-anchor": "end" }, String(maxDeaths)),
      svg("text", { x: 2, y: m.top + eventsH / 2, class: "band-label" }, "events"),
      svg("text", { x: 2, y: deathsTop + deathsH / 2 + 4, class: "band-label" }, "deaths"),
    );
    const ticks = monthTicks(first, last + WEEK, plotW);
    if (!ticks.length) ticks.push({ ms: first, label: isoDay(first) });
    for (const tick of ticks) {
      const tx = x(tick.ms);
      root.append(
        svg("line", { x1: tx, x2: tx, y1: deathsTop + deathsH, y2: deathsTop + deathsH + 4, class: "axis" }),
        svg("text", { x: tx, y: height - 4, class: "tick", "text-anchor": "middle" }, tick.label),
      );
    }
    for (const row of dated) {
      const monday = parseDay(row.key);
      const bx = x(monday) + (step - barW) / 2;
      let top = base;
      const group = svg("g", { class: "week", dataset: { week: row.key } });
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
      const sunday = isoDay(monday + 6 * DAY);
      const detail = types.filter((t) => row.by_type[t]).map((t) => `${t}: ${row.by_type[t]}`).join("\n");
      const label = `Week of ${row.key}: ${plural(row.events, "event")}, ${plural(row.fatalities, "death")}`;
      // a full-height target, easier to hit than a 2-pixel bar; click or Enter filters to the week
      const hit = svg("rect", { x: x(monday), y: m.top, width: Math.max(step, 6), height: plotH, class: "hit",
        tabindex: 0, role: "button", "aria-label": `${label}. Show only this week.` },
      svg("title", {}, `${label}\n${detail}\nclick: show only this week`));
      const choose = () => this.hooks.onWeek(row.key, sunday);
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
      + `${plural(dated.length, "week")} with events, ${isoDay(first)} to ${isoDay(last + 6 * DAY)}.`];
    if (undated.length) parts.push(`${plural(sum(undated, "events"), "undated event")} not shown.`);
    this.summary.textContent = parts.join(" ");
  }
}

function sum(rows, key) {
  return rows.reduce((total, r) => total + (r[key] || 0), 0);
}

/** Month starts between two instants, thinned to fit: every 1, 3, 6 or 12 months (or every few years). */
function monthTicks(from, to, plotW) {
  const start = new Date(from);
  const months = [];
  let y = start.getUTCFullYear();
  let mo = start.getUTCMonth() + 1;
  for (;;) {
    if (mo > 11) {
      mo = 0;
      y += 1;
    }
    const ms = Date.UTC(y, mo, 1);
    if (ms > to) break;
    months.push({ y, mo, ms });
    mo += 1;
  }
  const room = Math.max(1, Math.floor(plotW / 64));
  for (const every of [1, 3, 6, 12, 24, 60, 120]) {
    const picked = months.filter((t) => (t.y * 12 + t.mo) % every === 0);
    if (picked.length <= room) {
      return picked.map((t) => ({ ms: t.ms, label: every >= 12 ? String(t.y) : `${MONTHS[t.mo]} ${t.y}` }));
    }
  }
  return [];
}
