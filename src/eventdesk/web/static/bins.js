// Time bins for the timeline, sized to the span shown: days up to a month, weeks (from Monday) up
// to half a year, months up to four years, years beyond (the same rule as the brief's chart,
// report/_bins.py). Dates are ISO day strings; arithmetic is in UTC, so no time zone moves a day.

export const UNITS = ["day", "week", "month", "year"];
const DAY = 86400000;
// the longest span (days, both ends counted) each unit is used for
const LONGEST = [["day", 31], ["week", 26 * 7], ["month", 4 * 366]];

export function parseDay(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The unit of the bins for the span from..to (ISO days, inclusive). */
export function binUnit(from, to) {
  const days = Math.round((parseDay(to) - parseDay(from)) / DAY) + 1;
  for (const [unit, longest] of LONGEST) if (days <= longest) return unit;
  return "year";
}

/** The first day of the bin holding `iso`. */
export function binStart(iso, unit) {
  const ms = parseDay(iso);
  const d = new Date(ms);
  if (unit === "day") return iso;
  if (unit === "week") return isoDay(ms - ((d.getUTCDay() + 6) % 7) * DAY);
  if (unit === "month") return isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  if (unit === "year") return isoDay(Date.UTC(d.getUTCFullYear(), 0, 1));
  throw new Error(`unknown bin unit ${unit}`);
}

/** The first day of the next bin after the one starting on `start`. */
export function nextBin(start, unit) {
  const ms = parseDay(start);
  const d = new Date(ms);
  if (unit === "day") return isoDay(ms + DAY);
  if (unit === "week") return isoDay(ms + 7 * DAY);
  if (unit === "month") return isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  return isoDay(Date.UTC(d.getUTCFullYear() + 1, 0, 1));
}

/** The last day of the bin starting on `start`. */
export function binEnd(start, unit) {
  return isoDay(parseDay(nextBin(start, unit)) - DAY);
}

/** Every bin start from the bin of `from` to the bin of `to`, none skipped. */
export function allBins(from, to, unit) {
  const out = [binStart(from, unit)];
  const last = binStart(to, unit);
  while (out[out.length - 1] < last) out.push(nextBin(out[out.length - 1], unit));
  return out;
}

/** Day rows of GET /api/stats?by=day summed into bins: [{key, end, events, fatalities, by_type}]
 *  in date order, only the bins that hold events. Rows without a date (key "") are left out. */
export function binRows(dayRows, unit) {
  const bins = new Map();
  for (const row of dayRows) {
    if (!row.key) continue;
    const key = binStart(row.key, unit);
    let bin = bins.get(key);
    if (!bin) {
      bin = { key, end: binEnd(key, unit), events: 0, fatalities: 0, by_type: {} };
      bins.set(key, bin);
    }
    bin.events += row.events;
    bin.fatalities += row.fatalities;
    for (const [type, n] of Object.entries(row.by_type)) bin.by_type[type] = (bin.by_type[type] || 0) + n;
  }
  return [...bins.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}
