// Browse: season -> event -> session, then its classification, fastest laps or strategy,
// without typing a question (the summary endpoint and typed queries).
import { api, endpoints } from "../api.js";
import { renderAnswer } from "../answer.js";
import { renderTable } from "../table.js";
import { byId, el, setStatus, showError } from "../ui.js";

const LABELS = { FP1: "Practice 1", FP2: "Practice 2", FP3: "Practice 3", SQ: "Sprint Qualifying", S: "Sprint", Q: "Qualifying", R: "Race" };

function options(select, items, placeholder) {
  select.replaceChildren(el("option", { value: "", text: placeholder }), ...items.map(([value, text]) => el("option", { value, text })));
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
  let events = [];
  let view = params.get("view") || "classification";

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
    for (const b of tabs.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b.dataset.view === view));
    if (!event || !kind) {
      result.hidden = true;
      return;
    }
    showError("browse-error", null);
    const name = `${event.year} ${event.name} ${sessionLabel(event, kind)}`;
    setStatus("browse-status", `Loading the ${name}… (a session not seen before takes a few seconds)`);
    result.setAttribute("aria-busy", "true");
    try {
      if (view === "classification") {
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
        renderAnswer(answer, result, { heading: `${view === "strategy" ? "Strategy" : "Fastest laps"}: ${name}` });
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
      events = await api(endpoints.events(season.value));
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
  for (const button of tabs.querySelectorAll("button")) {
    button.addEventListener("click", () => {
      view = button.dataset.view;
      show();
    });
  }

  try {
    const seasons = await api(endpoints.seasons);
    const years = [...(seasons.timing || [])].sort((a, b) => b - a);
    options(season, years.map((y) => [String(y), String(y)]), "Choose a season");
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
