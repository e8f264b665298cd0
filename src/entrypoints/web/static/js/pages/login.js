import { logIn } from "../api.js";
import { byId, showError } from "../ui.js";

// Only same-site paths: a crafted ?next= must not send the user to another site.
export function safeNext(search) {
  const next = new URLSearchParams(search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/ask";
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
