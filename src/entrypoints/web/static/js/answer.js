// An Answer as the pages show it: the paragraph, a chart drawn from its Vega-Lite spec, a
// sortable table, the laps left out and why, and where the data came from.
import { renderChart } from "./vega-chart.js";
import { renderTable } from "./table.js";
import { el } from "./ui.js";

function excludedDetails(excluded) {
  const items = excluded || [];
  const summary = items.length === 1 ? "1 lap excluded" : `${items.length} laps excluded`;
  const reasons = new Map();
  for (const lap of items) reasons.set(lap.reason, (reasons.get(lap.reason) || 0) + 1);
  const byReason = [...reasons].map(([reason, n]) => `${reason} (${n})`).join(", ");
  return el("details", { class: "excluded" }, [
    el("summary", { text: items.length ? `${summary}: ${byReason}` : "No laps excluded" }),
    items.length
      ? renderTable({ columns: ["Driver", "Lap", "Reason"], rows: items.map((l) => [l.driver, l.lap, l.reason]) }, "Laps left out of the analysis", { className: "excluded-table", fileName: "laps left out" })
      : el("p", { text: "Every lap counted." }),
  ]);
}

/** Fill `container` with the answer; `heading` names it for screen readers. */
export function renderAnswer(answer, container, { heading = "Answer" } = {}) {
  const parts = [el("h2", { text: heading, tabindex: "-1" })];
  if (answer.question) parts.push(el("p", { class: "asked", text: `“${answer.question}”` }));
  parts.push(el("p", { class: "answer-text", text: answer.text || "" }));
  if (answer.chart) {
    const figure = el("figure", { class: "chart-box" }, el("p", { class: "help", text: "Drawing the chart…" }));
    parts.push(figure);
    // Draw after insertion so the chart takes the width it will actually have.
    queueMicrotask(() =>
      renderChart(answer.chart, figure).catch((err) => {
        figure.replaceChildren(el("p", { class: "help", text: `The chart could not be drawn (${err.message}); the table has the same data.` }));
      }),
    );
  }
  const title = typeof answer.chart?.title === "string" ? answer.chart.title : "";
  if (answer.table && (answer.table.columns || []).length) parts.push(renderTable(answer.table, "Answer table", { className: "answer-table", fileName: title || answer.question || "answer" }));
  // "No laps excluded" means something for a session's laps, nothing for the archive.
  if ((answer.excluded || []).length || answer.query?.session) parts.push(excludedDetails(answer.excluded));
  const timing = answer.timings_ms && Number.isFinite(answer.timings_ms.total_ms) ? ` · ${Math.round(answer.timings_ms.total_ms)} ms` : "";
  parts.push(el("p", { class: "source" }, [`Source: ${answer.source || "unknown"}`, answer.cached ? " · from cache" : "", timing]));
  container.replaceChildren(...parts);
  container.hidden = false;
}
