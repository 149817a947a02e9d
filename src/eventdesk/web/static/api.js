// The JSON API: the fetch helpers (GET; POST with the write token) and the filter <-> query string mapping
// shared by the table, the map, the timeline, the download links and the review section.

/** The filter parameters every listing, statistic and download takes (see /docs). */
export const FILTER_KEYS = ["since", "until", "country", "admin1", "event_type", "sub_event_type", "actor", "q",
  "disputed", "min_sources", "include_incomplete", "bbox"];

export class ApiError extends Error {}

/** GET a JSON document; an error response becomes an ApiError with the server's own message. */
export async function getJSON(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  return request(url, { headers: { Accept: "application/json" } });
}

/** POST a JSON body with the write token as `Authorization: Bearer` (never in the address). */
export async function postJSON(path, body, token) {
  return request(path, {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

async function request(url, init) {
  let response;
  try {
    response = await fetch(url, init);
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

export function reviewsPath(id) {
  return `${eventPath(id)}/reviews`;
}

export function articlePath(id) {
  return `/api/articles/${encodeURIComponent(id)}`;
}
