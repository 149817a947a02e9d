// One source article as the event panel shows it: its head, its cleaned text with the event's
// spans and the rejected sentences marked, then what the cleaner dropped and the sentences that
// looked like events but were rejected, each with its reason (GET /api/articles/{id}). Text only.

import { el, orDash, plural, safeLink } from "./dom.js";
import { highlightedText } from "./highlight.js";

/** The article's nodes. `show(start)` scrolls the text to the mark holding that offset. */
export function articleNodes(article, eventId, show) {
  const title = article.title || article.headline;
  const rejections = article.rejections || [];
  const dropped = article.dropped || [];
  const text = el("div", { class: "article-text" });
  text.append(highlightedText(article.text, article.spans, eventId, rejections));
  const chars = Array.from(article.text);
  return [
    el("header", { class: "article-head" },
      title ? el("h4", { class: "article-title" }, title) : null,
      el("div", { class: "muted" }, orDash(article.outlet), " · ", article.published || "undated",
        article.url ? " · " : null, article.url ? safeLink(article.url) : null)),
    text,
    el("details", { class: "article-rejections", dataset: { count: rejections.length } },
      el("summary", {}, `Rejected sentences (${rejections.length})`),
      rejections.length
        ? el("ol", { class: "rejection-list" }, rejections.map((r) => el("li", { dataset: { start: r.start } },
          el("span", { class: "rejection-reason" }, r.reason), ": ",
          el("q", { class: "rejection-text" }, chars.slice(r.start, r.end).join("")), " ",
          el("button", { type: "button", class: "link-button", title: "show this sentence in the text",
            on: { click: () => show(r.start) } }, "in the text"))))
        : el("p", { class: "muted" }, "No sentence of this article was rejected.")),
    el("details", { class: "article-dropped", dataset: { count: dropped.length } },
      el("summary", {}, `Dropped blocks (${dropped.length})`),
      dropped.length
        ? el("ol", { class: "dropped-list" }, dropped.map((d) => el("li", {},
          el("span", { class: "dropped-reason" }, d.reason),
          el("blockquote", { class: "dropped-text" }, d.text))))
        : el("p", { class: "muted" }, "The cleaner dropped nothing from this article.")),
    el("p", { class: "muted small" }, `${plural(rejections.length, "rejected sentence")} and `
      + `${plural(dropped.length, "dropped block")}: nothing is left out without its reason.`),
  ];
}
