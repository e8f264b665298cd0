// Status (admins): readiness, traffic, errors, latency, answers, cache, loads, pool and the
// archive's age, from GET /api/v1/admin/status.
import { api } from "../api.js";
import { byId, el, showError } from "../ui.js";

const pct = (x) => (x === null ? "-" : `${(100 * x).toFixed(1)} %`);
const secs = (x) => (x === null ? "-" : `${(1000 * x).toFixed(1)} ms`);

function rows(s) {
  return [
    ["Ready (database answers)", s.ready ? "yes" : "NO"],
    ["Requests", String(s.requests)],
    ["Server errors (5xx)", `${s.server_errors} (${pct(s.error_rate)})`],
    ["Latency p50 / p99", `${secs(s.latency_p50_s)} / ${secs(s.latency_p99_s)}`],
    ["Answers by outcome", Object.entries(s.answers).map(([k, v]) => `${k} ${v}`).join(", ") || "-"],
    ["Answer cache hit rate", pct(s.answer_cache_hit_rate)],
    ["FastF1 session loads (mean)", `${s.session_loads} (${secs(s.session_load_mean_s)})`],
    ["Database pool in use / size", `${s.db_pool_in_use ?? "-"} / ${s.db_pool_size ?? "-"}`],
    ["Archive: latest race", s.archive_latest_race ? `${s.archive_latest_race} (${s.archive_age_days} days ago)` : "-"],
    ["Archive: last import or update", s.archive_last_import ?? "-"],
  ];
}

export default async function init() {
  try {
    const status = await api("/admin/status");
    const body = byId("status-table").querySelector("tbody");
    body.replaceChildren(
      ...rows(status).map(([name, value]) => el("tr", {}, [el("th", { scope: "row", text: name }), el("td", { text: value })])),
    );
    byId("status-table").hidden = false;
  } catch (err) {
    showError("status-error", err);
  }
}
