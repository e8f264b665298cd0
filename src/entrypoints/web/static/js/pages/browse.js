// Browse: season -> event -> session, then its summary or any analysis of the catalog that
// applies to that kind of session, without typing a question. Only sessions the server can
// load are offered (GET /seasons/{year}/sessions says which: `loadable`).
import { api, endpoints } from "../api.js";
import { renderAnswer } from "../answer.js";
import { renderTable } from "../table.js";
import { byId, el, setStatus, showError } from "../ui.js";

const LABELS = { FP1: "Practice 1", FP2: "Practice 2", FP3: "Practice 3", SQ: "Sprint Qualifying", S: "Sprint", Q: "Qualifying", R: "Race" };

function options(select, items, placeholder) {
  select.replaceChildren(el("option", { value: "", text: placeholder }), ...items.map(([value, text]) => el("option", { value, text })));
}

const SUMMARY = { name: "summary", title: "Summary", description: "Drivers, laps timed and the classification." };

/** The analyses (catalog order) that apply to a kind of session, after the summary. */
export function viewsFor(catalog, kind) {
  return [SUMMARY, ...catalog.filter((a) => a.kinds.includes(kind))];
}

/** Events that have a session to load, each with only those sessions (null: unknown, all). */
export function loadableEvents(availability) {
  return availability
    .map(({ event, loadable }) => ({ ...event, sessions: loadable === null || loadable === undefined ? event.sessions : event.sessions.filter((k) => loadable.includes(k)) }))
    .filter((event) => event.sessions.length > 0);
}

function sessionLabel(event, kind) {
  return kind === "SQ" && event.year === 2023 ? "Sprint Shootout" : LABELS[kind] || kind;
}

export default async function init() {
  const season = byId("browse-season");
  const eventSel = byId("browse-event");
  const sessionSel = byId("browse-session");
  const tabs = byId("browse-tabs");
  const result = byId("browse-result");
  const params = new URLSearchParams(window.location.search);
  const catalog = JSON.parse(tabs.dataset.analyses || "[]");
  const availability = new Map(); // year -> Promise of loadable events
  let events = [];
  let view = params.get("view") || SUMMARY.name;

  function eventsOf(year) {
    if (!availability.has(year)) {
      availability.set(year, api(`/seasons/${encodeURIComponent(year)}/sessions`).then(loadableEvents).catch((err) => {
        availability.delete(year);
        throw err;
      }));
    }
    return availability.get(year);
  }

  function drawTabs(kind) {
    const views = viewsFor(catalog, kind);
    if (!views.some((v) => v.name === view)) view = SUMMARY.name;
    tabs.replaceChildren(
      ...views.map((v) =>
        el("button", { type: "button", "data-view": v.name, title: v.description, "aria-pressed": String(v.name === view), text: v.title, onclick: () => {
          view = v.name;
          show();
        } }),
      ),
    );
    return views.find((v) => v.name === view);
  }

  function remember() {
    const q = new URLSearchParams();
    if (season.value) q.set("year", season.value);
    if (eventSel.value) q.set("event", eventSel.value);
    if (sessionSel.value) q.set("session", sessionSel.value);
    if (sessionSel.value) q.set("view", view);
    history.replaceState(null, "", `${window.location.pathname}?${q}`);
  }

  async function show() {
    remember();
    const event = events.find((e) => String(e.round) === eventSel.value);
    const kind = sessionSel.value;
    tabs.hidden = !kind;
    if (!event || !kind) {
      result.hidden = true;
      return;
    }
    const chosen = drawTabs(kind);
    remember();
    showError("browse-error", null);
    const name = `${event.year} ${event.name} ${sessionLabel(event, kind)}`;
    setStatus("browse-status", `Loading the ${name}… (a session not seen before takes a few seconds)`);
    result.setAttribute("aria-busy", "true");
    try {
      if (view === SUMMARY.name) {
        const summary = await api(endpoints.summary(event.year, event.name, kind));
        const facts = [`${summary.date}`, `${summary.drivers.length} drivers`, `${summary.lap_count} laps timed`];
        result.replaceChildren(
          el("h2", { text: summary.title || name }),
          el("p", { class: "help", text: facts.join(" · ") }),
          renderTable(summary.classification, "Classification"),
          el("p", { class: "source", text: `Source: ${summary.source}` }),
        );
        result.hidden = false;
      } else {
        const answer = await api(endpoints.analysis(event.year, event.name, kind, view));
        renderAnswer(answer, result, { heading: `${chosen.title}: ${name}` });
      }
      setStatus("browse-status", "");
    } catch (err) {
      setStatus("browse-status", "");
      result.hidden = true;
      showError("browse-error", err);
    } finally {
      result.removeAttribute("aria-busy");
    }
  }

  async function loadEvents() {
    eventSel.disabled = true;
    sessionSel.disabled = true;
    options(sessionSel, [], "Choose an event first");
    if (!season.value) return;
    setStatus("browse-status", "Loading the calendar…");
    try {
      events = await eventsOf(season.value);
      options(eventSel, events.map((e) => [String(e.round), `${e.round}. ${e.name}`]), "Choose an event");
      eventSel.disabled = false;
      setStatus("browse-status", "");
    } catch (err) {
      setStatus("browse-status", "");
      showError("browse-error", err);
    }
  }

  function loadSessions() {
    const event = events.find((e) => String(e.round) === eventSel.value);
    options(sessionSel, event ? event.sessions.map((k) => [k, sessionLabel(event, k)]) : [], event ? "Choose a session" : "Choose an event first");
    sessionSel.disabled = !event;
  }

  season.addEventListener("change", async () => {
    await loadEvents();
    show();
  });
  eventSel.addEventListener("change", () => {
    loadSessions();
    show();
  });
  sessionSel.addEventListener("change", show);

  try {
    const seasons = await api(endpoints.seasons);
    const years = [...(seasons.timing || [])].sort((a, b) => b - a);
    // A season is offered when at least one of its sessions loads (a failing index counts
    // as none: the user would only meet the error after choosing).
    const usable = await Promise.all(years.map((y) => eventsOf(String(y)).then((evs) => evs.length > 0, () => false)));
    const offered = years.filter((_, i) => usable[i]);
    options(season, offered.map((y) => [String(y), String(y)]), offered.length ? "Choose a season" : "No season has data yet");
  } catch (err) {
    showError("browse-error", err);
    return;
  }
  // Restore a bookmarked choice (?year=2024&event=10&session=Q&view=strategy).
  if (params.get("year")) {
    season.value = params.get("year");
    await loadEvents();
    if (params.get("event")) {
      eventSel.value = params.get("event");
      loadSessions();
      if (params.get("session")) sessionSel.value = params.get("session");
    }
    await show();
  }
}
