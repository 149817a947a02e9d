// The event panel: every field, the disputed fields side by side per source, the evidence inside
// the article text, the sources and why the reports were merged. All data is rendered as text.

import { ApiError, articlePath, eventPath, getJSON } from "./api.js";
import { articleNodes } from "./article.js";
import { deathsLabel, el, heldBack, orDash, plural, replace, safeLink, splitList } from "./dom.js";
import { describeField } from "./highlight.js";

const HIDDEN_FIELDS = new Set(["spans", "ledger"]);
const LABELS = {
  event_id: "Event id", event_date: "Date", time_precision: "Time precision", event_type: "Event type",
  sub_event_type: "Sub-event type", actor1: "Actor 1", assoc_actor_1: "Associated with actor 1", actor2: "Actor 2",
  assoc_actor_2: "Associated with actor 2", country: "Country", admin1: "Province (admin1)",
  admin2: "District (admin2)", location: "Location", latitude: "Latitude", longitude: "Longitude",
  geo_precision: "Geo precision", country_how: "Country read from (no place)", fatalities: "Fatalities (best)", fatalities_low: "Fatalities (low)",
  fatalities_high: "Fatalities (high)", source: "Outlets", source_count: "Articles",
  independent_sources: "Independent sources", article_ids: "Article ids", notes: "Notes", disputed: "Disputed fields",
  evidence: "Evidence", confidence: "Confidence", reviewed: "Reviewed fields",
};
const TIME_PRECISION = { 1: "day", 2: "week or approximate", 3: "month" };
const GEO_PRECISION = { 1: "town", 2: "near a town or part of a region", 3: "province" };

function label(field) {
  return LABELS[field] || field.replaceAll("_", " ");
}

function mentionArticle(mentionId) {
  const cut = String(mentionId).lastIndexOf("#");
  return cut > 0 ? mentionId.slice(0, cut) : String(mentionId);
}

export class EventPanel {
  /** hooks: onClose(), review(event) -> the review section's node (or null) */
  constructor(root, hooks) {
    this.root = root;
    this.hooks = hooks;
    this.title = root.querySelector("#panel-title");
    this.body = root.querySelector("#panel-body");
    this.articles = new Map(); // id -> Promise of the article JSON
    this.eventId = null;
    this.returnFocus = null;
    root.querySelector("#panel-close").addEventListener("click", () => this.hooks.onClose());
    root.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape") this.hooks.onClose();
    });
  }

  get isOpen() {
    return !this.root.hidden;
  }

  close() {
    this.root.hidden = true;
    this.eventId = null;
    document.body.classList.remove("panel-open");
    if (this.returnFocus && document.contains(this.returnFocus)) this.returnFocus.focus();
    this.returnFocus = null;
  }

  async open(eventId) {
    if (!this.isOpen) this.returnFocus = document.activeElement;
    this.eventId = eventId;
    this.root.hidden = false;
    document.body.classList.add("panel-open");
    this.root.setAttribute("aria-busy", "true");
    this.title.textContent = "Loading event…";
    this.body.replaceChildren();
    let detail;
    try {
      detail = await getJSON(eventPath(eventId));
    } catch (err) {
      if (this.eventId !== eventId) return null;
      this.title.textContent = "Event not available";
      replace(this.body, el("p", { class: "error", role: "alert" },
        err instanceof ApiError ? err.message : String(err)));
      this.root.removeAttribute("aria-busy");
      return null;
    }
    if (this.eventId !== eventId) return null; // another event was opened meanwhile
    this.render(detail);
    this.root.removeAttribute("aria-busy");
    this.title.focus();
    return detail;
  }

  render(detail) {
    const ev = detail.event;
    this.detail = detail;
    this.root.dataset.eventId = ev.event_id;
    const place = [ev.location, ev.admin1, ev.country].filter(Boolean).join(", ");
    this.title.textContent = `${ev.sub_event_type || ev.event_type}${place ? `, ${place}` : ""}`;
    const sources = ev.ledger?.sources || [];
    this.articleTabs = el("div", { class: "article-tabs", role: "tablist", "aria-label": "source articles" });
    this.articleView = el("div", { id: "panel-article-text", class: "article-view", role: "tabpanel",
      "aria-live": "polite" });
    replace(this.body,
      el("p", { class: "panel-meta" }, el("strong", {}, orDash(ev.event_date)), ` · ${ev.event_type} · `,
        `${deathsLabel(ev)} deaths · ${ev.independent_sources} independent of ${plural(ev.source_count, "article")}`),
      detail.resolved_from ? el("p", { class: "notice" },
        `You asked for ${detail.resolved_from}, which was merged into this event (${ev.event_id}).`) : null,
      heldBack(ev) ? el("p", { class: "notice held-notice" }, `Held back from exports: ${heldBack(ev)} `
        + "(ACLED would not code it as it stands).") : null,
      ev.notes ? el("p", { class: "notes" }, ev.notes) : null,
      this.disputesSection(ev, sources),
      this.evidenceSection(detail),
      el("section", { id: "panel-article", "aria-labelledby": "h-article" },
        el("h3", { id: "h-article" }, "Evidence in the article text"),
        el("p", { class: "hl-legend" }, el("mark", { class: "hl-sentence hl-evidence" }, "evidence sentence"), " ",
          el("mark", { class: "hl-sentence hl-claim" }, "other claim"), " ",
          el("mark", { class: "hl-sentence hl-rejected" }, "rejected sentence"), " ",
          el("mark", { class: "hl-word" }, "value read"), " ",
          el("mark", { class: "hl-word hl-speaker" }, "speaker")),
        this.articleTabs, this.articleView),
      this.sourcesSection(detail, sources),
      this.linksSection(ev, detail),
      this.hooks.review ? this.hooks.review(ev) : null,
      this.fieldsSection(ev),
      this.claimsSection(ev),
    );
    for (const source of sources) {
      const info = detail.articles[source.article_id] || {};
      this.articleTabs.append(el("button", { type: "button", role: "tab", class: "article-tab",
        dataset: { articleId: source.article_id }, "aria-selected": "false", "aria-controls": "panel-article-text",
        on: { click: () => this.showArticle(source.article_id) } },
      source.outlet || info.outlet || source.article_id));
    }
    const first = detail.evidence[0]?.article_id || sources[0]?.article_id;
    if (first) this.showArticle(first);
    else replace(this.articleView, el("p", { class: "empty" }, "No source article is stored for this event."));
  }

  disputesSection(ev, sources) {
    const fields = splitList(ev.disputed);
    if (!fields.length) return null;
    const claims = ev.ledger?.claims || [];
    return el("section", { id: "panel-disputes", "aria-labelledby": "h-disputes" },
      el("h3", { id: "h-disputes" }, "Disputed: what each source says"),
      fields.map((field) => {
        const resolved = field === "fatalities" ? deathsLabel(ev) : ev[field];
        return el("div", { class: "dispute", dataset: { field } },
          el("h4", {}, label(field).replace(" (best)", ""),
            resolved !== undefined ? el("span", { class: "resolved" }, ` · kept: ${orDash(resolved)}`) : null),
          el("div", { class: "claim-cards" }, sources.map((source) => {
            const said = claims.filter((c) => c.field === field && c.article_id === source.article_id);
            return el("article", { class: said.length ? "claim-card" : "claim-card no-claim",
              dataset: { articleId: source.article_id, outlet: source.outlet || "" } },
            el("header", {}, el("strong", {}, source.outlet || source.article_id),
              source.published ? el("time", { datetime: source.published }, ` ${source.published}`) : null),
            said.length ? said.map((c) => claimBody(c)) : el("p", { class: "claim-value muted" }, "says nothing"));
          })));
      }));
  }

  evidenceSection(detail) {
    return el("section", { id: "panel-evidence", "aria-labelledby": "h-evidence" },
      el("h3", { id: "h-evidence" }, `Evidence sentences (${detail.evidence.length})`),
      el("ol", { class: "evidence-list" }, detail.evidence.map((e) => {
        const outlet = detail.articles[e.article_id]?.outlet || e.article_id;
        return el("li", { dataset: { articleId: e.article_id, start: e.start } },
          el("span", { class: "evidence-text" }, e.text), " ",
          el("button", { type: "button", class: "link-button", title: "show this sentence inside its article",
            on: { click: () => this.showArticle(e.article_id, e.start) } }, `in ${outlet}`));
      })));
  }

  sourcesSection(detail, sources) {
    const groups = new Map();
    for (const s of sources) groups.set(s.copy_group, (groups.get(s.copy_group) || 0) + 1);
    return el("section", { id: "panel-sources", "aria-labelledby": "h-sources" },
      el("h3", { id: "h-sources" }, `Sources (${sources.length})`),
      el("ul", { class: "source-list" }, sources.map((s) => {
        const info = detail.articles[s.article_id] || {};
        const title = info.title || info.headline;
        return el("li", { dataset: { articleId: s.article_id } },
          el("strong", {}, s.outlet || info.outlet || "unknown outlet"),
          s.published ? ` · ${s.published}` : " · undated",
          title ? el("div", { class: "source-title" }, title) : null,
          el("div", { class: "source-id" }, "article ", el("code", {}, s.article_id), " ",
            el("button", { type: "button", class: "link-button", on: { click: () => this.showArticle(s.article_id) } },
              "read")),
          s.url ? el("div", { class: "source-url" }, safeLink(s.url)) : null,
          groups.get(s.copy_group) > 1
            ? el("div", { class: "muted" }, "syndicated copy: counted once among independent sources") : null);
      })));
  }

  linksSection(ev, detail) {
    const links = ev.ledger?.links || [];
    const outlet = (mention) => {
      const id = mentionArticle(mention);
      return detail.articles[id]?.outlet || id;
    };
    return el("section", { id: "panel-links", "aria-labelledby": "h-links" },
      el("h3", { id: "h-links" }, "Why these reports were merged"),
      links.length ? el("ul", { class: "link-list" }, links.map((k) => el("li", {},
        el("strong", {}, `${outlet(k.a)} ↔ ${outlet(k.b)}`),
        ` · score ${Number(k.score).toFixed(2)}${k.by_content ? " · near-identical text" : ""}`,
        el("ul", { class: "agreed" }, (k.agreed || []).map((a) => el("li", {}, a))),
        el("div", { class: "muted small" }, `${k.a} ↔ ${k.b}`))))
        : el("p", { class: "muted" }, "A single report: nothing was merged."));
  }

  fieldsSection(ev) {
    const spans = ev.spans || {};
    const rows = [];
    for (const [field, value] of Object.entries(ev)) {
      if (HIDDEN_FIELDS.has(field)) continue;
      let shown = value;
      if (field === "time_precision" && TIME_PRECISION[value]) shown = `${value} (${TIME_PRECISION[value]})`;
      if (field === "geo_precision" && GEO_PRECISION[value]) shown = `${value} (${GEO_PRECISION[value]})`;
      const span = spans[field];
      const where = span && !Array.isArray(span) && span.article_id
        ? el("button", { type: "button", class: "link-button", title: "show where this value was read",
          on: { click: () => this.showArticle(span.article_id, span.start) } }, "where read") : null;
      const valueNode = field === "evidence"
        ? el("ul", { class: "plain" }, splitList(value, " | ").map((s) => el("li", {}, s)))
        : el("span", {}, orDash(shown));
      rows.push(el("div", { class: "field", dataset: { field } }, el("dt", {}, label(field)),
        el("dd", {}, valueNode, where ? " " : null, where)));
    }
    return el("section", { id: "panel-fields", "aria-labelledby": "h-fields" },
      el("details", {}, el("summary", {}, el("h3", { id: "h-fields" }, "Every field")),
        el("dl", { class: "field-list" }, rows)));
  }

  claimsSection(ev) {
    const claims = ev.ledger?.claims || [];
    return el("section", { id: "panel-claims", "aria-labelledby": "h-claims" },
      el("details", {}, el("summary", {}, el("h3", { id: "h-claims" }, `Claims ledger (${claims.length})`)),
        el("table", { class: "claims" },
          el("thead", {}, el("tr", {}, ["Field", "Value", "Stance", "Speaker", "Outlet", "Published", "Sentence"]
            .map((h) => el("th", { scope: "col" }, h)))),
          el("tbody", {}, claims.map((c) => el("tr", {},
            el("td", {}, c.field), el("td", {}, orDash(c.value)), el("td", {}, c.stance + (c.revised ? " (revised)" : "")),
            el("td", {}, orDash(c.speaker)), el("td", {}, orDash(c.outlet)), el("td", {}, orDash(c.published)),
            el("td", { class: "sentence" }, orDash(c.sentence))))))));
  }

  articlePromise(articleId) {
    if (!this.articles.has(articleId)) {
      const promise = getJSON(articlePath(articleId));
      promise.catch(() => this.articles.delete(articleId));
      this.articles.set(articleId, promise);
    }
    return this.articles.get(articleId);
  }

  /** Show one source article with this event's spans marked; `at` scrolls to the sentence there. */
  async showArticle(articleId, at) {
    const eventId = this.eventId;
    for (const tab of this.articleTabs.querySelectorAll(".article-tab")) {
      tab.setAttribute("aria-selected", tab.dataset.articleId === articleId ? "true" : "false");
    }
    this.articleView.dataset.articleId = articleId;
    this.articleView.setAttribute("aria-busy", "true");
    let article;
    try {
      article = await this.articlePromise(articleId);
    } catch (err) {
      if (this.eventId === eventId) {
        replace(this.articleView, el("p", { class: "error", role: "alert" }, String(err.message || err)));
        this.articleView.removeAttribute("aria-busy");
      }
      return;
    }
    if (this.eventId !== eventId || this.articleView.dataset.articleId !== articleId) return;
    replace(this.articleView, articleNodes(article, eventId, (start) => this.flashAt(start)));
    this.articleView.removeAttribute("aria-busy");
    if (at !== undefined) this.flashAt(at);
  }

  flashAt(start) {
    const marks = [...this.articleView.querySelectorAll(".article-text mark.hl-sentence, .article-text mark.hl-word")];
    const target = marks.find((m) => Number(m.dataset.start) <= start && start < Number(m.dataset.end));
    if (!target) return;
    target.scrollIntoView({ block: "center", behavior: "smooth" });
    target.classList.add("flash");
    setTimeout(() => target.classList.remove("flash"), 1600);
  }
}

function claimBody(c) {
  let value = c.value;
  if (value === "" && c.field === "fatalities") value = c.stance === "unknown" ? "no figure given" : "none stated";
  let who = c.stance;
  if (c.speaker) who = c.stance === "attributed" ? `attributed to ${c.speaker}` : `${c.stance}, by ${c.speaker}`;
  else if (c.stance === "asserted") who = "asserted by the outlet";
  return el("div", { class: "claim", dataset: { stance: c.stance } },
    el("p", { class: "claim-value" }, orDash(value)),
    el("p", { class: "claim-stance" }, who, c.revised ? " (revised)" : ""),
    c.sentence ? el("blockquote", { class: "claim-sentence", title: describeField(`claim:${c.field}`) }, c.sentence)
      : null);
}
