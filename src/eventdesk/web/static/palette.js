// One colour per ACLED event type (Okabe-Ito, readable by most colour-blind viewers), shared by
// the map markers, the timeline bars and the legends.

const KNOWN = {
  "Battles": "#d55e00",
  "Explosions/Remote violence": "#0072b2",
  "Violence against civilians": "#cc79a7",
  "Protests": "#009e73",
  "Riots": "#e69f00",
  "Strategic developments": "#56b4e9",
};
const SPARE = ["#f0e442", "#999999", "#882255", "#117733"];
const OTHER = "#666666";

export function typeColor(type, known = []) {
  if (KNOWN[type]) return KNOWN[type];
  const extra = known.filter((t) => !KNOWN[t]).sort();
  const i = extra.indexOf(type);
  return i >= 0 && i < SPARE.length ? SPARE[i] : OTHER;
}

/** The types in a stable order: ACLED's own first, then any others alphabetically. */
export function orderTypes(types) {
  const order = Object.keys(KNOWN);
  return [...new Set(types)].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return a.localeCompare(b);
  });
}
