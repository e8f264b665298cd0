import { register } from "../api.js";
import { byId, showError } from "../ui.js";

export default function init() {
  const form = byId("signup-form");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    showError("signup-error", null);
    const username = byId("signup-username").value.trim();
    const password = byId("signup-password").value;
    if (username.length < 3) {
      showError("signup-error", new Error("Choose a username of at least 3 characters."));
      return;
    }
    if (password !== byId("signup-password2").value) {
      showError("signup-error", new Error("The two passwords differ."));
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await register(username, password);
      window.location.assign("/ask");
    } catch (err) {
      showError("signup-error", err);
      button.disabled = false;
    }
  });
  byId("signup-username").focus();
}
