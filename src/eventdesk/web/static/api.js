// The JSON API: one fetch helper and the filter <-> query string mapping shared by the table, the
// map, the timeline and the download links.

/** The filter parameters every listing, statistic and download takes (see /docs). */
export const FILTER_KEYS = ["since", "until", "country", "admin1", "event_type", "sub_event_type", "actor", "q",
  "disputed", "min_sources", "bbox"];

export class ApiError extends Error {}

/** GET a JSON document; an error response becomes an ApiError with the server's own message. */
export async function getJSON(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (err) {
    throw new ApiError(`the server could not be reached (${err.message})`);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const why = body && typeof body.error === "string" ? body.error : response.statusText;
    throw new ApiError(`${response.status}: ${why}`);
  }
  return body;
}

/** URLSearchParams holding only the filters that are set. */
export function filterParams(filters) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === null || value === "" || value === false) continue;
    params.set(key, value === true ? "true" : String(value));
  }
  return params;
}

export function eventPath(id) {
  return `/api/events/${encodeURIComponent(id)}`;
}

export function articlePath(id) {
  return `/api/articles/${encodeURIComponent(id)}`;
}
