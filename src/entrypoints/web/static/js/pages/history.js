// History: the user's questions, newest first, with open, re-run, delete and share.
import { api, endpoints } from "../api.js";
import { renderAnswer } from "../answer.js";
import { byId, copyText, el, setStatus, showError, timeElement } from "../ui.js";

const STATUS_TEXT = { answered: "Answered", refused: "Refused", failed: "Failed" };

function answerBox() {
  return byId("history-answer");
}

async function openEntry(entry) {
  showError("history-error", null);
  setStatus("history-status", "Opening…");
  try {
    if (entry.status === "answered") {
      // The history keeps the query; the service answers it again (an answer-cache hit).
      renderAnswer(await api(endpoints.historyAnswer(entry.id)), answerBox());
    } else {
      answerBox().replaceChildren(
        el("h2", { text: "Answer", tabindex: "-1" }),
        el("p", { class: "asked", text: `“${entry.question}”` }),
        el("p", { text: entry.answer_summary || "This question has no answer to show." }),
      );
      answerBox().hidden = false;
    }
    setStatus("history-status", "");
    answerBox().scrollIntoView({ block: "start" });
  } catch (err) {
    setStatus("history-status", "");
    showError("history-error", err);
  }
}

async function rerun(entry, reload) {
  showError("history-error", null);
  setStatus("history-status", "Running the question again…");
  try {
    const answer = await api(endpoints.rerun(entry.id), { method: "POST" });
    renderAnswer(answer, answerBox());
    setStatus("history-status", "Answered again.");
    await reload();
  } catch (err) {
    setStatus("history-status", "");
    showError("history-error", err);
  }
}

async function share(entry, cell) {
  showError("history-error", null);
  try {
    const link = await api(endpoints.share(entry.id), { method: "POST" });
    // The page, not the API path (share_path): people open the link in a browser.
    const url = new URL(`/shared/${encodeURIComponent(link.share_token)}`, window.location.origin).href;
    const field = el("input", { type: "text", readonly: true, value: url, class: "share-link", "aria-label": `Share link for “${entry.question}”` });
    const copied = await copyText(url);
    cell.querySelector(".share-box")?.remove();
    cell.append(el("div", { class: "share-box" }, [field, el("span", { class: "help", role: "status", text: copied ? " Link copied." : " Copy the link above." })]));
    field.select();
  } catch (err) {
    showError("history-error", err);
  }
}

function row(entry, reload) {
  const actions = el("td", { class: "actions" });
  const del = el("button", { type: "button", class: "danger", text: "Delete", "aria-label": `Delete “${entry.question}”` });
  del.addEventListener("click", async () => {
    // Two clicks instead of confirm(): a dialog is easy to hit by accident and hard to style.
    if (del.dataset.armed !== "true") {
      del.dataset.armed = "true";
      del.textContent = "Confirm delete";
      return;
    }
    try {
      await api(endpoints.historyItem(entry.id), { method: "DELETE" });
      await reload();
      setStatus("history-status", "Deleted.");
    } catch (err) {
      showError("history-error", err);
    }
  });
  actions.append(
    el("button", { type: "button", text: "Open", "aria-label": `Open “${entry.question}”`, onclick: () => openEntry(entry) }),
    el("button", { type: "button", text: "Re-run", "aria-label": `Re-run “${entry.question}”`, onclick: () => rerun(entry, reload) }),
    el("button", { type: "button", text: "Share", "aria-label": `Share “${entry.question}”`, disabled: entry.status !== "answered", onclick: () => share(entry, actions) }),
    del,
  );
  return el("tr", { "data-id": String(entry.id) }, [
    el("th", { scope: "row" }, [el("span", { text: entry.question }), entry.answer_summary ? el("span", { class: "help block", text: entry.answer_summary }) : null]),
    el("td", {}, el("span", { class: `badge status-${entry.status}`, text: STATUS_TEXT[entry.status] || entry.status })),
    el("td", {}, timeElement(entry.created_at)),
    actions,
  ]);
}

export default function init() {
  const tbody = byId("history-table").querySelector("tbody");
  const more = byId("history-more");
  let next = null;

  async function load(append) {
    showError("history-error", null);
    setStatus("history-status", "Loading…");
    try {
      const page = await api(endpoints.history(append ? next : null));
      const items = page.items || [];
      next = page.next_before_id ?? null;
      const rows = items.map((entry) => row(entry, () => load(false)));
      if (append) tbody.append(...rows);
      else tbody.replaceChildren(...rows);
      if (!tbody.children.length) tbody.append(el("tr", {}, el("td", { colspan: "4", text: "No questions yet. Ask one on the Ask page." })));
      more.hidden = next === null;
      setStatus("history-status", "");
    } catch (err) {
      setStatus("history-status", "");
      showError("history-error", err);
    }
  }

  more.addEventListener("click", () => load(true));
  return load(false);
}
