// Admin: every user, their role and whether they may log in. Viewers and analysts get a
// plain "not allowed" instead of the table; the API refuses them either way.
import { api, endpoints, me } from "../api.js";
import { byId, el, setStatus, showError, timeElement } from "../ui.js";

const ROLES = ["viewer", "analyst", "admin"];

function notAllowed() {
  showError("admin-error", new Error("Not allowed: only administrators can manage users."));
  byId("users-table").hidden = true;
}

function userRow(user, self, reload) {
  const select = el(
    "select",
    { "aria-label": `Role of ${user.username}`, id: `role-${user.id}` },
    ROLES.map((role) => el("option", { value: role, text: role, selected: role === user.role })),
  );
  select.addEventListener("change", async () => {
    showError("admin-error", null);
    try {
      const updated = await api(endpoints.role(user.id), { method: "PUT", body: { role: select.value } });
      setStatus("admin-status", `${updated.username} is now ${updated.role}.`);
    } catch (err) {
      select.value = user.role; // the change did not happen: show what is stored
      showError("admin-error", err);
    }
  });
  const toggle = el("button", {
    type: "button",
    class: user.disabled ? "" : "danger",
    text: user.disabled ? "Enable" : "Disable",
    disabled: user.id === self.id,
    "aria-label": `${user.disabled ? "Enable" : "Disable"} ${user.username}`,
  });
  toggle.addEventListener("click", async () => {
    showError("admin-error", null);
    try {
      const updated = await api(endpoints.disabled(user.id), { method: "PUT", body: { disabled: !user.disabled } });
      setStatus("admin-status", `${updated.username} is ${updated.disabled ? "disabled" : "enabled"}.`);
      await reload();
    } catch (err) {
      showError("admin-error", err);
    }
  });
  return el("tr", { "data-user": user.username }, [
    el("th", { scope: "row", text: user.id === self.id ? `${user.username} (you)` : user.username }),
    el("td", {}, select),
    el("td", {}, el("span", { class: `badge ${user.disabled ? "status-failed" : "status-answered"}`, text: user.disabled ? "Disabled" : "Active" })),
    el("td", {}, timeElement(user.created_at)),
    el("td", {}, toggle),
  ]);
}

export default async function init() {
  let self;
  try {
    self = await me();
  } catch (err) {
    showError("admin-error", err);
    return;
  }
  if (!self || self.role !== "admin") {
    notAllowed();
    return;
  }
  const table = byId("users-table");
  const tbody = table.querySelector("tbody");
  async function load() {
    try {
      const users = await api(endpoints.users);
      tbody.replaceChildren(...users.map((u) => userRow(u, self, load)));
      table.hidden = false;
    } catch (err) {
      if (err.status === 403) notAllowed();
      else showError("admin-error", err);
    }
  }
  await load();
}
