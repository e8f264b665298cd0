// The ask page: a question box with examples and suggestions, and the answer below it.
import { api, endpoints } from "../api.js";
import { renderAnswer } from "../answer.js";
import { byId, copyText, el, setStatus, showError } from "../ui.js";

export const EXAMPLES = [
  "fastest lap 2024 spanish gp qualifying",
  "who won the 2018 azerbaijan grand prix",
  "compare VER and PER pace in the 2023 Baku sprint",
  "strategy 2018 azerbaijan race",
  "positions 2025 miami sprint",
  "who won the 1988 title",
];

const SESSIONS = ["Practice 1", "Practice 2", "Practice 3", "Sprint Qualifying", "Sprint", "Qualifying", "Race"];

// Names per season, fetched once: the calendar (2018 on) and the drivers' standings.
const seasonNames = new Map();

function namesFor(year) {
  if (!seasonNames.has(year)) {
    const events = year >= 2018 ? api(endpoints.events(year)).catch(() => []) : Promise.resolve([]);
    const drivers = api(endpoints.standings(year)).then((s) => s.rows || []).catch(() => []);
    seasonNames.set(
      year,
      Promise.all([events, drivers]).then(([evs, rows]) => ({
        events: evs.map((e) => e.name),
        drivers: rows.flatMap((r) => [r.name, r.code].filter(Boolean)),
      })),
    );
  }
  return seasonNames.get(year);
}

/** Datalist options completing the question's last word with a driver, event or session. */
export function completions(text, names) {
  const words = text.replace(/\s+$/, "").split(/\s+/);
  const endsWithSpace = /\s$/.test(text);
  const partial = endsWithSpace ? "" : words.pop() || "";
  const head = words.join(" ");
  const candidates = [...names.events, ...names.drivers, ...SESSIONS];
  const lower = partial.toLowerCase();
  const seen = new Set();
  const out = [];
  for (const candidate of candidates) {
    if (lower && !candidate.toLowerCase().startsWith(lower)) continue;
    const option = `${head ? head + " " : ""}${candidate}`;
    if (!seen.has(option)) {
      seen.add(option);
      out.push(option);
    }
    if (out.length >= 40) break;
  }
  return out;
}

async function updateSuggestions(input, datalist) {
  const text = input.value;
  const year = (/\b(19[5-9]\d|20\d\d)\b/.exec(text) || [])[1];
  let options = EXAMPLES.filter((q) => q.startsWith(text.toLowerCase()));
  if (year && text.trim().length > 4) {
    const names = await namesFor(Number(year));
    if (input.value !== text) return; // the user kept typing; a newer update will run
    options = [...completions(text, names), ...options];
  }
  datalist.replaceChildren(...options.map((value) => el("option", { value })));
}

// The conversation so far: the previous answer's query, sent as `context` so that a
// follow-up ("and in the race?", "what about Bottas?") is read against it.
let context = null;

/** The address that asks `question` again: the Ask page with it in `?q=` (and the query
 * it followed up in `?context=`, so a follow-up's link gives the same answer). */
export function permalink(question, previous = null) {
  const params = { q: question };
  if (previous) params.context = JSON.stringify(previous);
  return new URL(`/ask?${new URLSearchParams(params)}`, window.location.origin).href;
}

function followUpNote() {
  const note = el("p", { class: "help follow-up" }, [
    "Ask a follow-up (“and in the race?”, “what about Bottas?”) or ",
  ]);
  note.append(el("button", { type: "button", class: "link", text: "start a new question", onclick: () => {
    context = null;
    note.remove();
    byId("question").focus();
  } }), ".");
  return note;
}

function permalinkBox(question, previous) {
  const url = permalink(question, previous);
  const note = el("span", { class: "help", role: "status" });
  return el("p", { class: "permalink" }, [
    el("a", { href: url, text: "Permalink" }),
    " ",
    el("button", { type: "button", class: "link", text: "Copy link", "aria-label": "Copy the link to this answer", onclick: async () => {
      note.textContent = (await copyText(url)) ? " Link copied." : ` Copy it: ${url}`;
    } }),
    note,
  ]);
}

export async function ask(question, answerBox, previous = context) {
  showError("ask-error", null);
  setStatus("ask-status", "Working on it…");
  byId("ask-button").disabled = true;
  answerBox.setAttribute("aria-busy", "true");
  try {
    const body = previous ? { question, context: previous } : { question };
    const answer = await api(endpoints.ask, { method: "POST", body });
    renderAnswer(answer, answerBox);
    answerBox.append(permalinkBox(question, previous), followUpNote());
    context = answer.query;
    // The address bar holds the permalink too, so a reload or a bookmark asks again.
    history.replaceState(null, "", permalink(question, previous));
    setStatus("ask-status", "Answer ready.");
    answerBox.querySelector("h2").focus?.();
  } catch (err) {
    setStatus("ask-status", "");
    answerBox.hidden = true;
    showError("ask-error", err);
  } finally {
    byId("ask-button").disabled = false;
    answerBox.removeAttribute("aria-busy");
  }
}

export default function init() {
  const form = byId("ask-form");
  const input = byId("question");
  const datalist = byId("suggestions");
  const answerBox = byId("answer");
  byId("examples").replaceChildren(
    ...EXAMPLES.map((q) =>
      el("li", {}, el("button", { type: "button", class: "link", text: q, onclick: () => {
        input.value = q;
        ask(q, answerBox, null); // an example starts a new conversation
      } })),
    ),
  );
  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => updateSuggestions(input, datalist), 150);
  });
  updateSuggestions(input, datalist);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const question = input.value.trim();
    if (!question) {
      showError("ask-error", new Error("Type a question first, or pick one of the examples."));
      return;
    }
    ask(question, answerBox);
  });
  const params = new URLSearchParams(window.location.search);
  const preset = params.get("q");
  if (preset) {
    input.value = preset;
    ask(preset, answerBox, presetContext(params.get("context")));
  } else {
    input.focus();
  }
}

/** The query a permalink's `?context=` carries, or null when absent or not JSON. */
function presetContext(raw) {
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
