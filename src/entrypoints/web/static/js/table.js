// A sortable table for an Answer's {columns, rows}. Each header holds a button, so sorting
// works from the keyboard (Tab, Enter/Space) and screen readers hear aria-sort.
import { el } from "./ui.js";

const TIME = /^([+-])?(?:(\d+):)?(\d+(?:\.\d+)?)\s*s?$/;

/** A cell as a number when it reads as one ("1:11.383", "+0.214", "12", "3.5 s"), else null. */
export function sortKey(cell) {
  if (typeof cell === "number") return cell;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (cell === null || cell === undefined || cell === "") return null;
  const text = String(cell).trim();
  const match = TIME.exec(text);
  if (!match) return null;
  const value = (match[2] ? Number(match[2]) * 60 : 0) + Number(match[3]);
  return match[1] === "-" ? -value : value;
}

export function compareCells(a, b) {
  const blankA = a === null || a === undefined || a === "";
  const blankB = b === null || b === undefined || b === "";
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1; // blanks last
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka !== null && kb !== null) return ka - kb;
  if (ka !== null) return -1;
  if (kb !== null) return 1;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: "base" });
}

function display(cell) {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "yes" : "no";
  return String(cell);
}

export function renderTable(table, caption, { className = "" } = {}) {
  const columns = table.columns || [];
  const original = (table.rows || []).map((row, index) => ({ row, index }));
  const headerCells = [];
  const tbody = el("tbody");
  let state = { column: -1, direction: "none" };

  function fill(entries) {
    tbody.replaceChildren(
      ...entries.map(({ row }) =>
        el("tr", {}, row.map((cell, i) => el(i === 0 ? "th" : "td", { scope: i === 0 ? "row" : null, class: sortKey(cell) !== null ? "num" : null, text: display(cell) }))),
      ),
    );
  }

  function sortBy(column) {
    const direction = state.column === column && state.direction === "ascending" ? "descending" : "ascending";
    state = { column, direction };
    const sign = direction === "ascending" ? 1 : -1;
    // Stable: ties keep the service's order, which is meaningful (classification order).
    const sorted = [...original].sort((a, b) => sign * compareCells(a.row[column], b.row[column]) || a.index - b.index);
    headerCells.forEach((th, i) => th.setAttribute("aria-sort", i === column ? direction : "none"));
    fill(sorted);
  }

  const head = el(
    "tr",
    {},
    columns.map((name, i) => {
      const th = el("th", { scope: "col", "aria-sort": "none" }, [
        el("button", { type: "button", class: "sort", text: name, onclick: () => sortBy(i) }),
      ]);
      headerCells.push(th);
      return th;
    }),
  );
  fill(original);
  const tableNode = el("table", { class: `data sortable ${className}`.trim() }, [
    el("caption", { text: caption || "Answer table", class: caption ? null : "visually-hidden" }),
    el("thead", {}, head),
    tbody,
  ]);
  return el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": caption || "Answer table" }, tableNode);
}
