// A sortable table for an Answer's {columns, rows}. Each header holds a button, so sorting
// works from the keyboard (Tab, Enter/Space) and screen readers hear aria-sort. Long tables
// show their top rows with "show all"; a table with a driver column gets a driver filter;
// every table downloads as CSV.
import { el } from "./ui.js";

export const TOP_ROWS = 20;
const DRIVER_COLUMN = /^driver$/i;

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

const FORMULA = /^[=+\-@\t\r]/;

function csvCell(cell) {
  let text = display(cell);
  // A spreadsheet runs a cell starting with = + - @ as a formula; times and gaps such as
  // "+0.214" are numbers and stay as they are.
  if (FORMULA.test(text) && sortKey(cell) === null) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as RFC 4180 CSV (CRLF line ends), header first. */
export function toCsv(columns, rows) {
  return [columns, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function slug(text) {
  return String(text || "table").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "table";
}

function download(name, csv) {
  // A byte-order mark so spreadsheets read the UTF-8 (Räikkönen, Pérez) as UTF-8.
  const url = URL.createObjectURL(new Blob(["\ufeff", csv], { type: "text/csv;charset=utf-8" }));
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function renderTable(table, caption, { className = "", fileName = "" } = {}) {
  const columns = table.columns || [];
  const original = (table.rows || []).map((row, index) => ({ row, index }));
  const headerCells = [];
  const tbody = el("tbody");
  let state = { column: -1, direction: "none" };
  let order = original;
  let showAll = original.length <= TOP_ROWS;
  let driver = "";
  const driverColumn = columns.findIndex((name) => DRIVER_COLUMN.test(name));
  const label = caption || "Answer table";

  const more = el("button", { type: "button", class: "link show-all", onclick: () => {
    showAll = true;
    fill();
  } });
  const count = el("span", { class: "help", role: "status" });

  function fill() {
    const chosen = order.filter(({ row }) => !driver || String(row[driverColumn]) === driver);
    const shown = showAll ? chosen : chosen.slice(0, TOP_ROWS);
    tbody.replaceChildren(
      ...shown.map(({ row }) =>
        el("tr", {}, row.map((cell, i) => el(i === 0 ? "th" : "td", { scope: i === 0 ? "row" : null, class: sortKey(cell) !== null ? "num" : null, text: display(cell) }))),
      ),
    );
    more.hidden = shown.length === chosen.length;
    more.textContent = `Show all ${chosen.length} rows`;
    count.textContent = shown.length === original.length ? "" : `${shown.length} of ${original.length} rows shown`;
  }

  function sortBy(column) {
    const direction = state.column === column && state.direction === "ascending" ? "descending" : "ascending";
    state = { column, direction };
    const sign = direction === "ascending" ? 1 : -1;
    // Stable: ties keep the service's order, which is meaningful (classification order).
    order = [...original].sort((a, b) => sign * compareCells(a.row[column], b.row[column]) || a.index - b.index);
    headerCells.forEach((th, i) => th.setAttribute("aria-sort", i === column ? direction : "none"));
    fill();
  }

  const tools = [];
  const drivers = driverColumn < 0 ? [] : [...new Set(original.map(({ row }) => String(row[driverColumn] ?? "")).filter(Boolean))];
  if (drivers.length > 1 && original.length > drivers.length) {
    // Several rows per driver (laps, stints, stops): one driver's rows at a time on request.
    const select = el("select", { class: "driver-filter", "aria-label": `Driver shown in ${label}` }, [
      el("option", { value: "", text: "All drivers" }),
      ...drivers.sort().map((code) => el("option", { value: code, text: code })),
    ]);
    select.addEventListener("change", () => {
      driver = select.value;
      fill();
    });
    tools.push(el("label", { class: "inline" }, ["Driver ", select]));
  }
  // The whole table in the order shown, whatever the filter and the row limit hide.
  tools.push(
    el("button", { type: "button", class: "secondary download-csv", "aria-label": `Download ${label} as CSV`, text: "Download CSV", onclick: () =>
      download(`${slug(fileName || caption)}.csv`, toCsv(columns, order.map(({ row }) => row))) }),
    count,
  );

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
  fill();
  const tableNode = el("table", { class: `data sortable ${className}`.trim() }, [
    el("caption", { text: label, class: caption ? null : "visually-hidden" }),
    el("thead", {}, head),
    tbody,
  ]);
  return el("div", { class: "table-block" }, [
    el("div", { class: "table-tools" }, tools),
    el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": label }, tableNode),
    more,
  ]);
}
