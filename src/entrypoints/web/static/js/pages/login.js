import { logIn } from "../api.js";
import { byId, showError } from "../ui.js";

const DEFAULT_PAGE = "/ask";

// Only same-origin paths: a crafted ?next= must not send the user to another site. Prefix
// checks are not enough (browsers read "/\host" and "/<TAB>/host" as "//host"), so the
// value is resolved the way the browser will resolve it and its origin compared.
export function safeNext(search, origin = window.location.origin) {
  const next = new URLSearchParams(search).get("next");
  if (!next) return DEFAULT_PAGE;
  let url;
  try {
    url = new URL(next, origin);
  } catch {
    return DEFAULT_PAGE;
  }
  if (url.origin !== origin) return DEFAULT_PAGE;
  return url.pathname + url.search + url.hash;
}

export default function init() {
  const form = byId("login-form");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    showError("login-error", null);
    const username = byId("login-username").value.trim();
    const password = byId("login-password").value;
    if (!username || !password) {
      showError("login-error", new Error("Enter your username and password."));
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await logIn(username, password);
      window.location.assign(safeNext(window.location.search));
    } catch (err) {
      showError("login-error", err);
      button.disabled = false;
    }
  });
  byId("login-username").focus();
}
