// Charts: an answer's Vega-Lite spec drawn by vega-embed. The ~900 KB vendor bundle
// (static/vendor/vega.js, built by web-build/) is imported on the first chart only, so
// pages without one never download it. CSP-safe: `ast: true` makes vega evaluate
// expressions with vega-interpreter instead of `new Function`, and the styles vega-embed
// and vega-tooltip would inject as <style> come from vendor/vega.css instead.

const DARK = window.matchMedia("(prefers-color-scheme: dark)");
const NARROW = 600; // px: below this, legends go under the plot
let vendor = null;
const drawn = new Set(); // {spec, figure, result}: redrawn when the colour scheme flips

function loadVendor() {
  if (!vendor) {
    // The stylesheet must apply before the first embed measures its container.
    const css = new Promise((resolve) => {
      const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: new URL("../vendor/vega.css", import.meta.url).href });
      link.addEventListener("load", resolve);
      link.addEventListener("error", resolve); // unstyled menus still work
      document.head.append(link);
    });
    vendor = Promise.all([import("../vendor/vega.js"), css]).then(([module]) => module).catch((err) => {
      vendor = null; // let the next chart try again
      throw err;
    });
  }
  return vendor;
}

function fileName(spec) {
  const title = typeof spec.title === "string" ? spec.title : spec.title?.text;
  const name = String(Array.isArray(title) ? title.join(" ") : title || "chart");
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "chart";
}

// One view (mark or layer) fills the figure's width; a row of panels (the sectors' S1,
// S2, S3) shares it; other concatenations keep their own sizes.
function fitted(spec, width) {
  if (spec.facet?.column && spec.spec?.width && Array.isArray(spec.data?.values)) {
    const field = spec.facet.column.field;
    const panels = new Set(spec.data.values.map((row) => row[field])).size || 1;
    const each = Math.floor((width - 70) / panels) - 24; // room for the row labels and gaps
    return { ...spec, spec: { ...spec.spec, width: Math.max(80, Math.min(260, each)) } };
  }
  const composite = ["facet", "repeat", "concat", "hconcat", "vconcat"].some((k) => k in spec);
  return composite ? spec : { ...spec, width: "container", autosize: { type: "fit-x", contains: "padding" } };
}

function options(spec, width) {
  const dark = DARK.matches;
  const narrow = width < NARROW;
  return {
    renderer: "svg",
    ast: true,
    theme: dark ? "dark" : undefined,
    defaultStyle: false,
    forceActionsMenu: true,
    downloadFileName: fileName(spec),
    actions: { export: { svg: true, png: true }, source: false, compiled: false, editor: false },
    tooltip: { disableDefaultStyle: true, theme: dark ? "dark" : "light" },
    config: {
      background: null, // the page's own background, light or dark
      legend: narrow ? { orient: "bottom", direction: "horizontal", columns: 4 } : { columns: 1 },
      title: { anchor: "start", limit: Math.max(200, width - 60) },
    },
    i18n: { CLICK_TO_VIEW_ACTIONS: "Export the chart" },
  };
}

async function draw(entry) {
  const { embed } = await loadVendor();
  entry.result?.finalize();
  const width = entry.figure.clientWidth || 640;
  entry.result = await embed(entry.figure, fitted(entry.spec, width), options(entry.spec, width));
  const svg = entry.figure.querySelector("svg.marks");
  if (svg) {
    const title = fileName(entry.spec).replace(/-/g, " ");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", typeof entry.spec.title === "string" ? entry.spec.title : title);
  }
  entry.figure.dataset.rendered = "true";
  return entry.result;
}

/** Draw `spec` into `figure` (resolves once drawn; rejects if vega cannot draw it). */
export function renderChart(spec, figure) {
  for (const entry of drawn) if (!entry.figure.isConnected) drawn.delete(entry);
  const entry = { spec, figure, result: null };
  drawn.add(entry);
  return draw(entry);
}

DARK.addEventListener("change", () => {
  for (const entry of drawn) {
    if (entry.figure.isConnected) draw(entry);
    else drawn.delete(entry);
  }
});
