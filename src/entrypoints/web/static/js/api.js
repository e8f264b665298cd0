// The API client: every call to /api/v1 goes through `api()`, which adds the access token,
// refreshes it once on a 401 and turns problem+json errors into readable ApiError messages.

const BASE = "/api/v1";

// Every path the pages use, in one place.
export const endpoints = {
  ask: "/ask",
  query: "/query",
  history: (beforeId) => (beforeId ? `/history?before_id=${encodeURIComponent(beforeId)}` : "/history"),
  historyItem: (id) => `/history/${encodeURIComponent(id)}`,
  historyAnswer: (id) => `/history/${encodeURIComponent(id)}/answer`,
  rerun: (id) => `/history/${encodeURIComponent(id)}/rerun`,
  share: (id) => `/history/${encodeURIComponent(id)}/save`,
  shared: (token) => `/shared/${encodeURIComponent(token)}`,
  seasons: "/seasons",
  events: (year) => `/seasons/${year}/events`,
  standings: (year) => `/archive/${year}/standings`,
  summary: (year, event, session) => `/sessions/${year}/${encodeURIComponent(event)}/${encodeURIComponent(session)}`,
  analysis: (year, event, session, name) =>
    `/sessions/${year}/${encodeURIComponent(event)}/${encodeURIComponent(session)}/analyses/${encodeURIComponent(name)}`,
  users: "/admin/users",
  role: (id) => `/admin/users/${id}/role`,
  disabled: (id) => `/admin/users/${id}/disabled`,
};
const KEY = "f1.tokens";

export class ApiError extends Error {
  constructor(message, status, problem) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem || null;
  }
}

export function getTokens() {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null; // a corrupt entry counts as logged out
  }
}

export function setTokens(pair) {
  if (pair && pair.access_token) localStorage.setItem(KEY, JSON.stringify(pair));
  else localStorage.removeItem(KEY);
}

export function isLoggedIn() {
  return Boolean(getTokens());
}

// One refresh at a time: parallel requests that all hit a 401 share it, so a rotating
// refresh token is never spent twice (the second use would revoke the whole family).
let refreshing = null;

// Tabs share the tokens (localStorage) but not this module, so they also take turns
// through a Web Lock: whoever comes second finds the tokens already replaced and uses
// them. Without the Locks API the server's short grace for a concurrent reuse of a
// just-rotated token keeps both tabs logged in.
const REFRESH_LOCK = "f1-refresh";

async function refreshUnlessDone(failed) {
  const tokens = getTokens();
  if (!tokens || !tokens.refresh_token) return false;
  // Another tab (or an earlier turn) has refreshed since the request failed.
  if (tokens.access_token !== failed.access_token) return true;
  let res;
  try {
    res = await fetch(`${BASE}/auth/refresh`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ refresh_token: tokens.refresh_token }),
    });
  } catch {
    return false;
  }
  if (!res.ok) {
    // Only a refused token ends the login; a busy or failing service does not.
    if (res.status >= 400 && res.status < 500 && res.status !== 429) setTokens(null);
    return false;
  }
  setTokens(await res.json());
  return true;
}

function refresh(failed) {
  if (!failed || !failed.refresh_token) return Promise.resolve(false);
  if (!refreshing) {
    const turn = () => refreshUnlessDone(failed);
    const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
    refreshing = (async () => {
      try {
        return await (locks && typeof locks.request === "function" ? locks.request(REFRESH_LOCK, turn) : turn());
      } catch {
        return false;
      } finally {
        refreshing = null;
      }
    })();
  }
  return refreshing;
}

export function describeProblem(status, problem, retryAfter) {
  if (status === 429) {
    const wait = retryAfter ? ` Try again in ${retryAfter} s.` : " Try again shortly.";
    return "Too many requests." + wait;
  }
  if (!problem || typeof problem !== "object") {
    if (status === 401) return "Please log in again.";
    if (status >= 500) return `The service had a problem (${status}). Try again in a moment.`;
    return `The request failed (${status}).`;
  }
  let message = problem.detail || problem.title || `The request failed (${status}).`;
  if (typeof message !== "string") message = String(message);
  message = message.charAt(0).toUpperCase() + message.slice(1);
  // The service's details already name invalid fields; list them only when it did not.
  const fields = problem.errors || problem.invalid_params;
  if (!problem.detail && Array.isArray(fields) && fields.length) {
    const parts = fields
      .map((f) => (f && typeof f === "object" ? [f.field || f.key || f.name, f.message || f.reason].filter(Boolean).join(": ") : String(f)))
      .filter(Boolean);
    if (parts.length) message += ` (${parts.join("; ")})`;
  }
  if (Array.isArray(problem.candidates) && problem.candidates.length && !message.includes(problem.candidates[0])) {
    message += ` Did you mean: ${problem.candidates.join(", ")}?`;
  }
  return message;
}

async function parseError(res) {
  let problem = null;
  const type = res.headers.get("content-type") || "";
  if (type.includes("json")) {
    try {
      problem = await res.json();
    } catch {
      problem = null;
    }
  }
  const message = describeProblem(res.status, problem, res.headers.get("retry-after"));
  return new ApiError(message, res.status, problem);
}

/**
 * Call the API. `auth` (default true) sends the access token and, on a 401, refreshes the
 * tokens once and retries; `body` is sent as JSON. Resolves to the parsed JSON (or null on
 * 204); rejects with an ApiError whose message can be shown to the user as is.
 */
export async function api(path, { method = "GET", body, auth = true, retried = false } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const tokens = auth ? getTokens() : null;
  if (tokens) headers.Authorization = `Bearer ${tokens.access_token}`;
  let res;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError("Could not reach the service. Check the connection and try again.", 0, null);
  }
  if (res.status === 401 && auth && tokens && !retried) {
    if (await refresh(tokens)) return api(path, { method, body, auth, retried: true });
    throw new ApiError("Your session has expired. Please log in again.", 401, null);
  }
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return null;
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

export async function logIn(username, password) {
  const pair = await api("/auth/login", { method: "POST", body: { username, password }, auth: false });
  setTokens(pair);
  return pair;
}

export async function register(username, password) {
  const result = await api("/auth/register", { method: "POST", body: { username, password }, auth: false });
  // Some deployments answer a registration with tokens; otherwise log in straight away.
  if (result && result.access_token) setTokens(result);
  else await logIn(username, password);
}

export async function logOut() {
  const tokens = getTokens();
  try {
    if (tokens) await api("/auth/logout", { method: "POST", body: { refresh_token: tokens.refresh_token } });
  } catch {
    // Logging out locally must work even when the service is unreachable.
  } finally {
    setTokens(null);
  }
}

let mePromise = null;

/** The logged-in user's profile ({id, username, role, ...}), or null when logged out. */
export function me() {
  if (!isLoggedIn()) return Promise.resolve(null);
  if (!mePromise) {
    mePromise = api("/auth/me").catch((err) => {
      mePromise = null;
      if (err.status === 401) return null;
      throw err;
    });
  }
  return mePromise;
}
