// Review from the page: correct a field, confirm, merge, split, and the event's audit trail.
//
// Writes need the server's write token. The user pastes it once per tab: it is kept in this tab's
// sessionStorage (or in memory when storage is refused), sent only as `Authorization: Bearer` to
// this server's /api, and never put in the address, a link or the page's text.

import { ApiError, eventPath, getJSON, postJSON, reviewsPath } from "./api.js";
import { el, orDash, plural, replace } from "./dom.js";

/** The columns an analyst can correct (store/_review.py REVIEWABLE; a browser test compares them). */
export const REVIEWABLE = ["actor1", "actor2", "admin1", "admin2", "assoc_actor_1", "assoc_actor_2", "country",
  "event_date", "event_type", "fatalities", "fatalities_high", "fatalities_low", "geo_precision", "latitude",
  "location", "longitude", "notes", "sub_event_type", "time_precision"];
const TOKEN_KEY = "eventdesk.writeToken";
const REVIEWER_KEY = "eventdesk.reviewer";

/** The token and the reviewer's name for this tab. */
class TabMemory {
  constructor() {
    this.memory = new Map();
  }

  get(key) {
    try {
      return window.sessionStorage.getItem(key) || "";
    } catch {
      return this.memory.get(key) || "";
    }
  }

  set(key, value) {
    try {
      if (value) window.sessionStorage.setItem(key, value);
      else window.sessionStorage.removeItem(key);
    } catch {
      if (value) this.memory.set(key, value);
      else this.memory.delete(key);
    }
  }
}

function shown(value) {
  if (Array.isArray(value)) return value.join("; ");
  return value === null || value === undefined ? "" : String(value);
}

function trailValue(value) {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export class ReviewSection {
  /** hooks: writeEnabled() -> bool, onChanged(eventId, message) after a successful write */
  constructor(hooks) {
    this.hooks = hooks;
    this.tab = new TabMemory();
    this.notice = null; // {eventId, text}: the outcome of the last action, shown once the event reopens
  }

  /** The review section of the event panel for `ev` (an event row). */
  section(ev) {
    const root = el("section", { id: "panel-review", "aria-labelledby": "h-review", dataset: { eventId: ev.event_id } });
    this.render(root, ev);
    return root;
  }

  render(root, ev) {
    const message = el("p", { id: "review-message", class: "review-message", role: "status" });
    if (this.notice && this.notice.eventId === ev.event_id) message.textContent = this.notice.text;
    this.notice = null;
    const trail = el("div", { id: "review-trail", "aria-busy": "true" }, el("p", { class: "muted" }, "Loading…"));
    replace(root,
      el("h3", { id: "h-review" }, "Review"),
      this.controls(root, ev, message),
      message,
      el("h4", {}, "Audit trail"),
      trail);
    this.loadTrail(ev, trail, root);
  }

  controls(root, ev, message) {
    if (!this.hooks.writeEnabled()) {
      return el("p", { class: "muted" }, "This server is read-only: reviewing needs a write token configured on "
        + "the server (write_token).");
    }
    const token = this.tab.get(TOKEN_KEY);
    if (!token) {
      const input = el("input", { type: "password", id: "review-token", autocomplete: "off", spellcheck: "false",
        required: true, minlength: 16 });
      const form = el("form", { id: "review-token-form", class: "review-token" },
        el("label", { for: "review-token" }, "Write token"), input,
        el("button", { type: "submit" }, "Use token"),
        el("p", { class: "muted small" }, "Kept in this browser tab only and sent as an Authorization header; "
          + "never part of the address."));
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        if (!input.value.trim()) return;
        this.tab.set(TOKEN_KEY, input.value.trim());
        this.render(root, ev);
      });
      return form;
    }
    const reviewer = el("input", { type: "text", id: "review-reviewer", autocomplete: "name",
      value: this.tab.get(REVIEWER_KEY) });
    reviewer.addEventListener("change", () => this.tab.set(REVIEWER_KEY, reviewer.value.trim()));
    const why = el("input", { type: "text", id: "review-why", placeholder: "recorded in the audit trail" });
    const field = el("select", { id: "review-field" },
      REVIEWABLE.map((name) => el("option", { value: name }, name)));
    const value = el("input", { type: "text", id: "review-value" });
    const prefill = () => {
      value.value = shown(ev[field.value]);
    };
    field.value = "fatalities";
    prefill();
    field.addEventListener("change", prefill);
    const mergeIds = el("input", { type: "text", id: "review-merge-ids", placeholder: "EVD…, EVD…" });
    const split = el("div", { id: "review-split-reports", class: "split-reports" }, el("p", { class: "muted" }, "Loading…"));

    const act = (button, run) => button.addEventListener("click", async () => {
      const who = reviewer.value.trim();
      const reason = why.value.trim();
      if (!who || !reason) {
        this.say(message, "Say who reviews and why: both go into the audit trail.", true);
        return;
      }
      this.tab.set(REVIEWER_KEY, who);
      for (const b of root.querySelectorAll("button")) b.disabled = true;
      this.say(message, "Saving…");
      try {
        const outcome = await run({ reviewer: who, why: reason }, this.tab.get(TOKEN_KEY));
        if (!outcome) return;
        this.notice = { eventId: outcome.id, text: outcome.message };
        await this.hooks.onChanged(outcome.id, outcome.message);
      } catch (err) {
        this.say(message, err instanceof ApiError ? `Not saved: ${err.message}` : `Not saved: ${err}`, true);
      } finally {
        for (const b of root.querySelectorAll("button")) b.disabled = false;
      }
    });
    const id = ev.event_id;
    const save = el("button", { type: "button", id: "review-save" }, "Save correction");
    act(save, async (signed, token) => {
      const raw = value.value.trim();
      const row = await postJSON(`${eventPath(id)}/review`,
        { ...signed, fields: { [field.value]: raw === "" ? null : raw } }, token);
      return { id: row.event_id, message: `Saved: ${field.value} = ${orDash(shown(row[field.value]))}.` };
    });
    const confirm = el("button", { type: "button", id: "review-confirm" }, "Confirm this event");
    act(confirm, async (signed, token) => {
      const row = await postJSON(`${eventPath(id)}/confirm`, signed, token);
      return { id: row.event_id, message: "Confirmed." };
    });
    const merge = el("button", { type: "button", id: "review-merge" }, "Merge into one event");
    act(merge, async (signed, token) => {
      const others = mergeIds.value.split(/[\s,;]+/).filter((x) => x && x !== id);
      if (!others.length) {
        this.say(message, "Name the other events to merge with this one (their ids).", true);
        return null;
      }
      const row = await postJSON("/api/events/merge", { ...signed, event_ids: [id, ...others] }, token);
      return { id: row.event_id, message: `Merged ${plural(others.length + 1, "event")} into ${row.event_id}.` };
    });
    const splitButton = el("button", { type: "button", id: "review-split" }, "Split");
    act(splitButton, async (signed, token) => {
      const groups = new Map();
      for (const select of split.querySelectorAll("select[data-mention]")) {
        if (!groups.has(select.value)) groups.set(select.value, []);
        groups.get(select.value).push(select.dataset.mention);
      }
      if (groups.size < 2) {
        this.say(message, "Put at least one report into another event to split.", true);
        return null;
      }
      const rows = await postJSON(`${eventPath(id)}/split`, { ...signed, groups: [...groups.values()] }, token);
      return { id: rows[0].event_id, message: `Split into ${plural(rows.length, "event")}: `
        + `${rows.map((r) => r.event_id).join(", ")}.` };
    });
    const forget = el("button", { type: "button", id: "review-forget", class: "link-button" }, "Forget the token");
    forget.addEventListener("click", () => {
      this.tab.set(TOKEN_KEY, "");
      this.render(root, ev);
    });
    return el("div", { class: "review-form" },
      el("p", { class: "muted small" }, `Write token set for this tab. `, forget),
      el("div", { class: "review-row" },
        el("label", { for: "review-reviewer" }, "Reviewer"), reviewer,
        el("label", { for: "review-why" }, "Why"), why),
      el("fieldset", {}, el("legend", {}, "Correct a field"),
        el("label", { for: "review-field" }, "Field"), field,
        el("label", { for: "review-value" }, "Value"), value, save,
        el("p", { class: "muted small" }, "Kept over every later run of the pipeline; empty clears the value.")),
      el("fieldset", {}, el("legend", {}, "Confirm"), confirm),
      el("fieldset", {}, el("legend", {}, "Merge"),
        el("label", { for: "review-merge-ids" }, `Other events, merged with ${id}`), mergeIds, merge),
      el("fieldset", {}, el("legend", {}, "Split by report"), split, splitButton));
  }

  async loadTrail(ev, target, root) {
    let body;
    try {
      body = await getJSON(reviewsPath(ev.event_id));
    } catch (err) {
      replace(target, el("p", { class: "error", role: "alert" }, String(err.message || err)));
      target.removeAttribute("aria-busy");
      return;
    }
    if (!root.isConnected) return;
    target.removeAttribute("aria-busy");
    replace(target, body.reviews.length
      ? el("table", { class: "trail" },
        el("thead", {}, el("tr", {}, ["When", "Who", "Action", "Field", "Before", "After", "Why"]
          .map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, [...body.reviews].reverse().map((r) => el("tr", { dataset: { action: r.action } },
          el("td", {}, r.at.replace("T", " ").slice(0, 19)), el("td", {}, r.reviewer), el("td", {}, r.action),
          el("td", {}, orDash(r.field)), el("td", {}, trailValue(r.before)), el("td", {}, trailValue(r.after)),
          el("td", {}, r.why)))))
      : el("p", { class: "muted" }, "No review yet."));
    const split = root.querySelector("#review-split-reports");
    if (split) {
      const parts = body.mentions.map((_, i) => i + 1).filter((n) => n <= 3);
      const outlets = new Map((ev.ledger?.sources || []).map((s) => [s.article_id, s.outlet]));
      replace(split, body.mentions.length < 2
        ? el("p", { class: "muted" }, "A single report: nothing to split.")
        : el("ul", { class: "plain" }, body.mentions.map((m) => el("li", {},
          el("label", {}, outlets.get(m.article_id) || "report", " ", el("code", {}, m.id), " → ",
            el("select", { dataset: { mention: m.id } }, parts.map((n) => el("option", { value: n }, `event ${n}`))))))));
    }
  }

  say(node, text, isError = false) {
    node.textContent = text;
    node.classList.toggle("error", isError);
  }
}
