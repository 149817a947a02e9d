// The events table: one page of GET /api/events, sortable by date, deaths and sources, with paging.

import { deathsLabel, el, heldBack, orDash, plural, replace, splitList } from "./dom.js";
import { typeColor } from "./palette.js";

const COLUMNS = [
  { key: "date", label: "Date", sort: "event_date" },
  { key: "type", label: "Type" },
  { key: "actors", label: "Actors" },
  { key: "place", label: "Place" },
  { key: "deaths", label: "Deaths", sort: "fatalities", numeric: true },
  { key: "sources", label: "Sources (independent)", sort: "source_count", numeric: true },
  { key: "disputed", label: "Disputed" },
];

export class EventTable {
  /** hooks: onSelect(id), onSort(sort), onPage(offset) */
  constructor(table, pager, hooks) {
    this.table = table;
    this.pager = pager;
    this.hooks = hooks;
    this.types = [];
    this.head = el("thead");
    this.body = el("tbody");
    replace(table,
      el("caption", { class: "visually-hidden" }, "Events matching the filters; choose a row to open the event."),
      this.head, this.body);
    this.body.addEventListener("click", (ev) => {
      const row = ev.target.closest("tr[data-event-id]");
      if (row && !ev.target.closest("a")) this.hooks.onSelect(row.dataset.eventId);
    });
  }

  render(page, sort, selected, types = []) {
    this.types = types;
    this.renderHead(sort);
    this.body.replaceChildren();
    if (!page.events.length) {
      this.body.append(el("tr", { class: "empty" },
        el("td", { colspan: COLUMNS.length }, "No events match the filters.")));
    }
    for (const row of page.events) this.body.append(this.renderRow(row, row.event_id === selected));
    this.renderPager(page);
  }

  renderHead(sort) {
    const current = sort.replace(/^-/, "");
    const descending = sort.startsWith("-");
    const cells = COLUMNS.map((col) => {
      if (!col.sort) return el("th", { scope: "col" }, col.label);
      const active = current === col.sort;
      const next = active && descending ? col.sort : `-${col.sort}`;
      const arrow = active ? (descending ? " ▼" : " ▲") : "";
      return el("th", { scope: "col", class: col.numeric ? "num" : null,
        "aria-sort": active ? (descending ? "descending" : "ascending") : "none" },
      el("button", { type: "button", class: "sort", dataset: { sort: col.sort },
        title: `sort by ${col.label.toLowerCase()}`, on: { click: () => this.hooks.onSort(next) } },
      col.label, el("span", { "aria-hidden": "true" }, arrow)));
    });
    replace(this.head, el("tr", {}, cells));
  }

  renderRow(row, selected) {
    const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
    swatch.style.background = typeColor(row.event_type, this.types);
    const place = [row.location, row.admin1, row.country].filter(Boolean);
    const disputed = splitList(row.disputed);
    const held = heldBack(row);
    const classes = [disputed.length ? "is-disputed" : "", held ? "is-held-back" : "", selected ? "selected" : ""];
    return el("tr", { dataset: held ? { eventId: row.event_id, heldBack: held } : { eventId: row.event_id },
      class: classes.join(" ").trim() || null, "aria-selected": selected ? "true" : null },
    el("td", { class: "date" }, el("button", { type: "button", class: "open-event", dataset: { eventId: row.event_id },
      title: "open this event" }, orDash(row.event_date))),
    el("td", {}, swatch, el("span", { class: "etype" }, row.event_type),
      row.sub_event_type ? el("div", { class: "subtype" }, row.sub_event_type) : null),
    el("td", { class: "actors" }, orDash(row.actor1), row.actor2 ? el("div", { class: "versus" }, "vs ", row.actor2) : null),
    el("td", {}, place.length ? place.join(", ") : "—",
      held ? el("div", {}, el("span", { class: "badge held-badge",
        title: "left out of exports and of the default listing, as ACLED would not code it" }, `held back: ${held}`))
        : null),
    el("td", { class: "num deaths" }, deathsLabel(row)),
    el("td", { class: "num" }, `${row.source_count} (${row.independent_sources})`),
    el("td", { class: "disputed" }, disputed.length
      ? el("span", { class: "badge disputed-badge", title: "the sources disagree on these fields" }, disputed.join(", "))
      : ""));
  }

  renderPager(page) {
    const { total, limit, offset } = page;
    const from = total ? offset + 1 : 0;
    const to = Math.min(offset + limit, total);
    const pages = Math.max(1, Math.ceil(total / limit));
    const current = Math.floor(offset / limit) + 1;
    replace(this.pager,
      el("button", { type: "button", id: "page-prev", disabled: offset <= 0,
        on: { click: () => this.hooks.onPage(Math.max(0, offset - limit)) } }, "‹ Previous"),
      el("span", { class: "page-info", "aria-live": "polite" },
        `${from}–${to} of ${plural(total, "event")} (page ${current} of ${pages})`),
      el("button", { type: "button", id: "page-next", disabled: offset + limit >= total,
        on: { click: () => this.hooks.onPage(offset + limit) } }, "Next ›"),
    );
  }

  markSelected(id) {
    for (const tr of this.body.querySelectorAll("tr[data-event-id]")) {
      const on = tr.dataset.eventId === id;
      tr.classList.toggle("selected", on);
      if (on) tr.setAttribute("aria-selected", "true");
      else tr.removeAttribute("aria-selected");
    }
  }
}
