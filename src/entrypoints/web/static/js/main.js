// Entry point of every page: the navigation bar, the login guard, then the page's module.
import { isLoggedIn, logOut, me } from "./api.js";
import { byId, showError } from "./ui.js";

const page = document.body.dataset.page;

async function initNav() {
  for (const link of document.querySelectorAll("[data-nav]")) {
    if (link.dataset.nav === page) link.setAttribute("aria-current", "page");
  }
  const loggedIn = isLoggedIn();
  byId("login-link").hidden = loggedIn;
  byId("signup-link").hidden = loggedIn;
  byId("logout").hidden = !loggedIn;
  byId("logout").addEventListener("click", async () => {
    await logOut();
    window.location.assign("/login");
  });
  if (!loggedIn) return;
  try {
    const user = await me();
    if (!user) return;
    const label = byId("account-user");
    label.textContent = `${user.username} (${user.role})`;
    label.hidden = false;
    byId("nav-admin").hidden = user.role !== "admin";
  } catch (err) {
    showError("page-error", err);
  }
}

async function start() {
  if (document.body.dataset.needsLogin === "true" && !isLoggedIn()) {
    const next = encodeURIComponent(window.location.pathname + window.location.search);
    window.location.replace(`/login?next=${next}`);
    return;
  }
  await initNav();
  try {
    const module = await import(`./pages/${page}.js`);
    await module.default();
  } catch (err) {
    showError("page-error", err);
  }
  document.body.dataset.ready = "true";
}

start();
