// DOM helpers. Every string from the data goes through textContent or a text node: nothing in this
// page is ever parsed as HTML (no innerHTML, insertAdjacentHTML or outerHTML anywhere).

/** An element with attributes and children. Strings and numbers become text nodes.
 *  attrs: `class`, `dataset` (object), `on` (object of event handlers), anything else via setAttribute. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "on") for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    else if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** An SVG element (same rules as `el`). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "on") for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** Replace a node's children; like `append`, skips null/false and flattens arrays. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** A URL from the data as a link only when it is http(s); otherwise its text. */
export function safeLink(url, label) {
  const text = label || url;
  if (typeof url === "string" && /^https?:\/\//i.test(url.trim())) {
    return el("a", { href: url.trim(), rel: "noopener noreferrer", target: "_blank" }, text);
  }
  return url ? el("span", { class: "unlinked-url", title: "not an http(s) address: shown as text" }, text) : null;
}

/** "" / null / undefined shown as an em dash. */
export function orDash(value) {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

export function deathsLabel(row) {
  const best = row.fatalities ?? 0;
  const low = row.fatalities_low;
  const high = row.fatalities_high;
  if (low !== null && low !== undefined && high !== null && high !== undefined && low !== high) {
    return `${best} (${low}–${high})`;
  }
  return String(best);
}

export function splitList(value, sep = "; ") {
  return value ? String(value).split(sep).filter((part) => part !== "") : [];
}

/** "1 event", "3 events". */
export function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}

/** Why an event is held back from exports (as ACLED would not code it), or "" when it is not:
 *  no date, or no place at province level or better (then its place columns are empty). */
export function heldBack(row) {
  if (!row.event_date) return "no date";
  if (row.geo_precision === null || row.geo_precision === undefined) {
    // a country-only event (country_how says where its country was read) has no place and no point
    return row.country_how ? "only the country is known" : "place unknown or vaguer than a province";
  }
  return "";
}
