// A shared answer, readable without logging in: the token is the last part of the URL.
import { api, endpoints } from "../api.js";
import { renderAnswer } from "../answer.js";
import { byId, formatDateTime, setStatus, showError } from "../ui.js";

export default async function init() {
  const token = decodeURIComponent(window.location.pathname.split("/").filter(Boolean).pop() || "");
  setStatus("shared-status", "Loading…");
  try {
    const shared = await api(endpoints.shared(token), { auth: false });
    byId("shared-meta").textContent = `Saved ${formatDateTime(shared.created_at)}`;
    renderAnswer({ question: shared.question, ...shared.answer }, byId("shared-answer"));
    setStatus("shared-status", "");
  } catch (err) {
    setStatus("shared-status", "");
    showError("shared-error", err.status === 404 ? new Error("This share link does not exist or was withdrawn.") : err);
  }
}
