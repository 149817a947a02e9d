// An article's text with one event's spans marked, built from text nodes and <mark> elements only.
//
// Span offsets are Python string indices (code points), so the text is sliced as an array of code
// points, not as UTF-16 units. Sentence-level spans ("evidence", "claim:<field>") become one outer
// <mark class="hl-sentence"> each (overlapping ones merged); word-level spans (a column such as
// "location", or "speaker:<field>") become inner <mark class="hl-word"> segments. The article's
// rejected sentences (event-like, but negated, hypothetical, future, ...) are marked too, as
// "rejected:<reason>" sentence spans.

import { el } from "./dom.js";

const SENTENCE = (field) => field === "evidence" || field.startsWith("claim:") || field.startsWith("rejected:");

export function describeField(field) {
  if (field === "evidence") return "evidence sentence";
  if (field.startsWith("claim:")) return `claim about ${field.slice(6).replaceAll("_", " ")}`;
  if (field.startsWith("speaker:")) return `speaker of the ${field.slice(8).replaceAll("_", " ")} claim`;
  if (field.startsWith("rejected:")) return `rejected sentence: ${field.slice(9)}`;
  return `${field.replaceAll("_", " ")} read here`;
}

/** Merge overlapping sentence spans into disjoint intervals, each with the fields it carries. */
function sentenceIntervals(spans) {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.fields.add(s.field);
    } else {
      out.push({ start: s.start, end: s.end, fields: new Set([s.field]) });
    }
  }
  return out;
}

/**
 * The highlighted text as a DocumentFragment.
 * @param {string} text  the article's cleaned text
 * @param {{start:number,end:number,event_id:string,field:string}[]} spans  all spans of the article
 * @param {string} eventId  only this event's spans are marked
 * @param {{start:number,end:number,reason:string}[]} rejections  the article's rejected sentences
 */
export function highlightedText(text, spans, eventId, rejections = []) {
  const chars = Array.from(text);
  const n = chars.length;
  const rejected = rejections.map((r) => ({ start: r.start, end: r.end, event_id: eventId, field: `rejected:${r.reason}` }));
  const mine = [...spans, ...rejected]
    .filter((s) => s.event_id === eventId && Number.isInteger(s.start) && Number.isInteger(s.end))
    .map((s) => ({ ...s, start: Math.max(0, Math.min(n, s.start)), end: Math.max(0, Math.min(n, s.end)) }))
    .filter((s) => s.end > s.start);
  const sentences = sentenceIntervals(mine.filter((s) => SENTENCE(s.field)));
  const words = mine.filter((s) => !SENTENCE(s.field));
  const cuts = new Set([0, n]);
  for (const s of [...sentences, ...words]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  let sentenceIndex = 0;
  let open = null; // the sentence <mark> being filled, with its interval
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const start = bounds[i];
    const end = bounds[i + 1];
    while (sentenceIndex < sentences.length && sentences[sentenceIndex].end <= start) sentenceIndex += 1;
    const sentence = sentences[sentenceIndex];
    const inSentence = sentence && sentence.start <= start && end <= sentence.end;
    let parent = fragment;
    if (inSentence) {
      if (!open || open.interval !== sentence) {
        const fields = [...sentence.fields].sort();
        const claim = [...sentence.fields].some((f) => f.startsWith("claim:"));
        const kind = sentence.fields.has("evidence") ? "hl-evidence" : (claim ? "hl-claim" : "hl-rejected");
        const mark = el("mark", { class: `hl-sentence ${kind}`, title: fields.map(describeField).join("; "),
          dataset: { start: sentence.start, end: sentence.end, fields: fields.join(" ") } });
        fragment.append(mark);
        open = { interval: sentence, mark };
      }
      parent = open.mark;
    } else {
      open = null;
    }
    const piece = chars.slice(start, end).join("");
    const covering = words.filter((w) => w.start <= start && end <= w.end);
    if (covering.length) {
      const fields = [...new Set(covering.map((w) => w.field))].sort();
      const speaker = fields.every((f) => f.startsWith("speaker:"));
      parent.append(el("mark", { class: speaker ? "hl-word hl-speaker" : "hl-word",
        title: fields.map(describeField).join("; "), dataset: { start, end, fields: fields.join(" ") } }, piece));
    } else {
      parent.append(document.createTextNode(piece));
    }
  }
  return fragment;
}
