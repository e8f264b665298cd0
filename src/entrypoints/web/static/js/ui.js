// Small DOM helpers shared by every page. Nothing here writes HTML strings: all text goes
// through textContent, so data from the API can never become markup.

export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of [].concat(children)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

export function showError(target, error) {
  const node = typeof target === "string" ? byId(target) : target;
  if (!node) return;
  if (!error) {
    node.hidden = true;
    node.textContent = "";
    return;
  }
  node.textContent = error.message || String(error);
  node.hidden = false;
}

export function setStatus(target, text) {
  const node = typeof target === "string" ? byId(target) : target;
  if (node) node.textContent = text || "";
}

export function formatDateTime(value) {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function timeElement(value) {
  return el("time", { datetime: value, text: formatDateTime(value) });
}

/** Copy text; falls back to selecting it in a prompt-like field when the clipboard is denied. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
