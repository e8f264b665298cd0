// A small SVG renderer for the subset of Vega-Lite v5 the answers use: bar, rect (x/x2
// spans such as tyre stints), line, point/circle/square, tick, rule, text, area and boxplot;
// layers; nominal, ordinal, quantitative and temporal fields; aggregate on one channel;
// colour by field with a legend; axes with titles. The real vega + vega-lite bundles are
// about 1 MB, five times the whole page budget, for features these charts never use.

const SVG = "http://www.w3.org/2000/svg";
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#e6550d", "#8c564b", "#d6449b", "#138d90", "#636363", "#8c8c00"];
const CHAR_W = 6.6; // average label glyph width at 11px: enough to size margins

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function field(def) {
  return def && typeof def === "object" ? def.field : undefined;
}

function getter(def) {
  const name = field(def);
  if (name === undefined) return () => undefined;
  // Vega-Lite reads "a.b" as a nested path; a flat key containing a dot wins if present.
  const path = String(name).split(".");
  return (d) => (name in d ? d[name] : path.reduce((o, k) => (o == null ? undefined : o[k]), d));
}

function inferType(def, values) {
  if (def.type) return def.type;
  if (def.aggregate) return "quantitative";
  return values.some((v) => typeof v === "number") ? "quantitative" : "nominal";
}

const AGGREGATES = {
  count: (vs) => vs.length,
  sum: (vs) => vs.reduce((a, b) => a + b, 0),
  mean: (vs) => (vs.length ? vs.reduce((a, b) => a + b, 0) / vs.length : NaN),
  average: (vs) => AGGREGATES.mean(vs),
  median: (vs) => quantile(vs, 0.5),
  min: (vs) => Math.min(...vs),
  max: (vs) => Math.max(...vs),
  q1: (vs) => quantile(vs, 0.25),
  q3: (vs) => quantile(vs, 0.75),
};

export function quantile(values, p) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

function toNumber(value, type) {
  if (value === null || value === undefined || value === "") return NaN;
  if (type === "temporal") return value instanceof Date ? value.getTime() : new Date(value).getTime();
  return typeof value === "number" ? value : Number(value);
}

// ---- scales ---------------------------------------------------------------------------

export function niceTicks(min, max, count = 5) {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const span = max - min;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => span / s <= count) || 10 * power;
  const ticks = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function linearScale(domain, range, { nice = true, reverse = false } = {}) {
  let [d0, d1] = domain;
  if (d0 === d1) {
    d0 -= 1;
    d1 += 1;
  }
  if (nice) {
    const ticks = niceTicks(d0, d1);
    const step = ticks.length > 1 ? ticks[1] - ticks[0] : 0;
    if (step) {
      d0 = Math.floor(d0 / step + 1e-9) * step;
      d1 = Math.ceil(d1 / step - 1e-9) * step;
    }
  }
  const [r0, r1] = reverse ? [range[1], range[0]] : range;
  const map = (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
  map.kind = "linear";
  map.domain = [d0, d1];
  map.ticks = (n) => niceTicks(d0, d1, n);
  return map;
}

function bandScale(domain, range, { padding = 0.15, reverse = false } = {}) {
  const values = reverse ? [...domain].reverse() : domain;
  const n = Math.max(values.length, 1);
  const step = (range[1] - range[0]) / n;
  const index = new Map(values.map((v, i) => [String(v), i]));
  const map = (v) => range[0] + step * (index.get(String(v)) ?? 0) + (step * padding) / 2;
  map.kind = "band";
  map.domain = values;
  map.step = step;
  map.bandwidth = step * (1 - padding);
  return map;
}

// ---- layers and channels ----------------------------------------------------------------

function markOf(mark) {
  const def = typeof mark === "string" ? { type: mark } : { ...(mark || {}) };
  def.type = def.type || "point";
  return def;
}

function applyTransforms(rows, transforms) {
  let out = rows;
  for (const t of transforms || []) {
    if (t.filter && typeof t.filter === "object" && t.filter.field) {
      const f = t.filter;
      const get = (d) => d[f.field];
      if ("equal" in f) out = out.filter((d) => get(d) === f.equal);
      if ("oneOf" in f) out = out.filter((d) => f.oneOf.includes(get(d)));
      if ("range" in f) out = out.filter((d) => get(d) >= f.range[0] && get(d) <= f.range[1]);
      if ("valid" in f) out = out.filter((d) => get(d) !== null && get(d) !== undefined && !Number.isNaN(get(d)));
    }
    // Other transforms (calculate, fold, regression...) are not supported: the data is
    // drawn as given rather than guessing what the transform meant.
  }
  return out;
}

function layersOf(spec) {
  const topData = spec.data && Array.isArray(spec.data.values) ? spec.data.values : [];
  const build = (part, inherited) => {
    const data = part.data && Array.isArray(part.data.values) ? part.data.values : inherited.data;
    const encoding = { ...(inherited.encoding || {}), ...(part.encoding || {}) };
    const transform = [...(inherited.transform || []), ...(part.transform || [])];
    if (Array.isArray(part.layer)) return part.layer.flatMap((child) => build(child, { data, encoding, transform }));
    return [{ mark: markOf(part.mark), encoding, data: applyTransforms(data, transform) }];
  };
  return build(spec, { data: topData, encoding: {}, transform: [] });
}

// Apply an aggregate on one positional channel: group by every other field channel.
function aggregateLayer(layer) {
  const enc = layer.encoding;
  const aggChannel = ["x", "y"].find((c) => enc[c] && enc[c].aggregate);
  if (!aggChannel) return layer;
  const op = AGGREGATES[enc[aggChannel].aggregate] || AGGREGATES.mean;
  const groupChannels = Object.keys(enc).filter((c) => c !== aggChannel && field(enc[c]) !== undefined && !enc[c].aggregate);
  const groups = new Map();
  const valueOf = getter(enc[aggChannel]);
  for (const d of layer.data) {
    const key = JSON.stringify(groupChannels.map((c) => getter(enc[c])(d)));
    if (!groups.has(key)) groups.set(key, { sample: d, values: [] });
    const v = enc[aggChannel].aggregate === "count" ? 1 : Number(valueOf(d));
    groups.get(key).values.push(v);
  }
  const outField = `__${aggChannel}`;
  const data = [...groups.values()].map(({ sample, values }) => ({ ...sample, [outField]: op(values) }));
  const title = enc[aggChannel].title || `${enc[aggChannel].aggregate} of ${enc[aggChannel].field || "records"}`;
  return {
    ...layer,
    data,
    encoding: { ...enc, [aggChannel]: { ...enc[aggChannel], field: outField, aggregate: undefined, type: "quantitative", title } },
  };
}

function orderedDomain(def, values, type) {
  if (def.scale && Array.isArray(def.scale.domain) && type !== "quantitative" && type !== "temporal") return def.scale.domain;
  if (Array.isArray(def.sort)) return def.sort.filter((v) => values.includes(v)).concat(values.filter((v) => !def.sort.includes(v)));
  const unique = [...new Set(values.filter((v) => v !== null && v !== undefined).map((v) => (typeof v === "number" ? v : String(v))))];
  if (def.sort === "ascending" || (type === "ordinal" && def.sort === undefined && unique.every((v) => typeof v === "number"))) {
    return unique.sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b))));
  }
  if (def.sort === "descending") return unique.sort((a, b) => (typeof a === "number" && typeof b === "number" ? b - a : String(b).localeCompare(String(a))));
  return unique; // Vega-Lite sorts nominal fields; the answers send rows already in order
}

function channelTitle(def) {
  if (!def) return "";
  if (def.axis && def.axis.title !== undefined) return def.axis.title || "";
  if (def.title !== undefined) return def.title || "";
  if (def.legend && def.legend.title !== undefined) return def.legend.title || "";
  return def.field ? String(def.field) : "";
}

export function formatNumber(v, format) {
  if (!Number.isFinite(v)) return "";
  const fixed = typeof format === "string" && /^[,]?\.(\d)f$/.exec(format);
  if (fixed) return v.toFixed(Number(fixed[1]));
  if (format === "d") return String(Math.round(v));
  if (format === "%" || format === ".0%") return `${Math.round(v * 100)}%`;
  const abs = Math.abs(v);
  if (abs >= 1e5) return v.toExponential(1);
  return String(Number(v.toFixed(abs >= 100 ? 1 : 3)));
}

export function wrap(text, perLine) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > perLine) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function formatTemporal(ms, span) {
  const date = new Date(ms);
  if (span < 2 * 86400000) return date.toISOString().slice(11, 16);
  return date.toISOString().slice(0, 10);
}

// ---- the renderer -------------------------------------------------------------------------

/**
 * Render a Vega-Lite spec into `container` as an SVG; returns the SVG element.
 * `options.width` overrides the container's width (useful off-screen and in tests).
 */
export function renderChart(spec, container, options = {}) {
  const layers = layersOf(spec).map(aggregateLayer);
  const first = layers[0] || { encoding: {}, data: [], mark: { type: "point" } };
  const enc = first.encoding;
  const measured = container && container.clientWidth ? container.clientWidth : 0;
  const width = Math.max(300, Math.round(options.width || (typeof spec.width === "number" && !measured ? spec.width : measured || 640)));
  const plotHeight = typeof spec.height === "number" ? spec.height : 280;
  const title = typeof spec.title === "string" ? spec.title : spec.title && spec.title.text;
  const subtitle = spec.title && typeof spec.title === "object" ? spec.title.subtitle : undefined;

  // Gather every value per channel across layers, to share scales as Vega-Lite does.
  const all = { x: [], y: [], color: [] };
  const types = {};
  const defs = {};
  for (const layer of layers) {
    for (const ch of ["x", "y", "color"]) {
      const def = layer.encoding[ch];
      if (!def || field(def) === undefined) continue;
      defs[ch] = defs[ch] || def;
      const get = getter(def);
      const vals = layer.data.map(get);
      all[ch].push(...vals);
      types[ch] = types[ch] || inferType(def, vals);
    }
    for (const [ch, base] of [["x2", "x"], ["y2", "y"]]) {
      const def = layer.encoding[ch];
      if (def && field(def) !== undefined) all[base].push(...layer.data.map(getter(def)));
    }
    if (layer.mark.type === "boxplot") {
      // A boxplot's continuous axis is its value axis; the other is the category.
      for (const ch of ["x", "y"]) if (layer.encoding[ch] && !layer.encoding[ch].type) types[ch] = types[ch] || "quantitative";
    }
  }
  const isBand = (ch) => types[ch] === "nominal" || types[ch] === "ordinal";
  const hasBars = layers.some((l) => ["bar", "area"].includes(l.mark.type));

  // Colour.
  const colorDef = defs.color;
  let colorOf = () => null;
  let legendItems = [];
  if (colorDef) {
    const cType = types.color;
    const get = getter(colorDef);
    if (cType === "quantitative") {
      const nums = all.color.map(Number).filter(Number.isFinite);
      const lo = Math.min(...nums);
      const hi = Math.max(...nums);
      const lerp = (t) => `rgb(${Math.round(198 - 170 * t)},${Math.round(219 - 150 * t)},${Math.round(239 - 100 * t)})`;
      colorOf = (d) => lerp(hi > lo ? (Number(get(d)) - lo) / (hi - lo) : 0.5);
      legendItems = [
        { label: formatNumber(lo), color: lerp(0) },
        { label: formatNumber(hi), color: lerp(1) },
      ];
    } else {
      const domain = orderedDomain(colorDef, all.color, cType).map(String);
      const range = colorDef.scale && Array.isArray(colorDef.scale.range) ? colorDef.scale.range : PALETTE;
      const colors = new Map(domain.map((v, i) => [v, range[i % range.length]]));
      colorOf = (d) => colors.get(String(get(d))) || PALETTE[0];
      legendItems = domain.map((v) => ({ label: v, color: colors.get(v) }));
    }
    if (colorDef.legend === null) legendItems = [];
  }

  // Layout: margins from label sizes, the legend at the right when there is room.
  const legendRight = legendItems.length > 0 && width >= 560;
  const legendWidth = legendRight ? Math.min(170, 30 + CHAR_W * Math.max(...legendItems.map((i) => i.label.length), channelTitle(colorDef).length)) : 0;
  const yLabels = isBand("y") ? orderedDomain(defs.y, all.y, types.y).map(String) : ["00000.0"];
  const marginLeft = Math.min(150, 22 + (channelTitle(defs.y) ? 16 : 0) + CHAR_W * Math.max(...yLabels.map((s) => s.length), 3));
  const xDomainValues = isBand("x") ? orderedDomain(defs.x, all.x, types.x).map(String) : [];
  const plotWidth0 = width - marginLeft - legendWidth - 16;
  const rotateX = isBand("x") && xDomainValues.length > 0 && Math.max(...xDomainValues.map((s) => s.length)) * CHAR_W > plotWidth0 / xDomainValues.length - 4;
  const marginBottom = 28 + (channelTitle(defs.x) ? 16 : 0) + (rotateX ? Math.min(60, CHAR_W * 0.7 * Math.max(...xDomainValues.map((s) => s.length))) : 0);
  // Long titles wrap onto a second line rather than run off a phone's screen.
  const titleX = width < 480 ? 8 : marginLeft;
  const titleLines = title ? wrap(String(title), Math.floor((width - titleX - 8) / (CHAR_W * 1.25))) : [];
  const marginTop = 10 + titleLines.length * 17 + (titleLines.length ? 5 : 0) + (subtitle ? 16 : 0);
  const legendCols = !legendRight && legendItems.length ? Math.max(1, Math.floor((width - 20) / 110)) : 0;
  const legendHeight = !legendRight && legendItems.length ? 22 + Math.ceil(legendItems.length / legendCols) * 18 : 0;
  const plot = { left: marginLeft, top: marginTop, width: Math.max(80, plotWidth0), height: plotHeight };
  const height = marginTop + plotHeight + marginBottom + legendHeight;

  // Position scales.
  const scales = {};
  for (const ch of ["x", "y"]) {
    const def = defs[ch];
    const range = ch === "x" ? [plot.left, plot.left + plot.width] : [plot.top, plot.top + plot.height];
    if (!def) {
      scales[ch] = null;
      continue;
    }
    const reverse = Boolean(def.scale && def.scale.reverse);
    if (isBand(ch)) {
      scales[ch] = bandScale(orderedDomain(def, all[ch], types[ch]), range, { reverse, padding: hasBars ? 0.2 : 0 });
    } else {
      const nums = all[ch].map((v) => toNumber(v, types[ch])).filter(Number.isFinite);
      let domain = def.scale && Array.isArray(def.scale.domain) ? def.scale.domain.map((v) => toNumber(v, types[ch])) : [Math.min(...nums), Math.max(...nums)];
      if (!nums.length && !(def.scale && def.scale.domain)) domain = [0, 1];
      const zero = def.scale && def.scale.zero !== undefined ? def.scale.zero : types[ch] === "quantitative" && !(def.scale && def.scale.domain);
      if (zero && types[ch] === "quantitative") domain = [Math.min(0, domain[0]), Math.max(0, domain[1])];
      // SVG's y grows downwards: quantitative y runs bottom-up unless reversed.
      const flip = ch === "y" ? !reverse : reverse;
      scales[ch] = linearScale(domain, range, { nice: !(def.scale && def.scale.nice === false) && types[ch] !== "temporal", reverse: flip });
    }
  }

  const root = svg("svg", {
    xmlns: SVG,
    viewBox: `0 0 ${width} ${height}`,
    width: "100%",
    role: "img",
    class: "chart",
    "aria-label": spec.description || title || "Chart",
    preserveAspectRatio: "xMinYMin meet",
  });
  root.append(svg("title", {}, spec.description || title || "Chart"));
  for (const [i, line] of titleLines.entries()) root.append(svg("text", { x: titleX, y: 18 + i * 17, class: "chart-title" }, line));
  if (subtitle) root.append(svg("text", { x: titleX, y: 16 + titleLines.length * 17, class: "chart-subtitle" }, subtitle));

  drawAxes(root, scales, defs, types, plot, rotateX, marginTop + plotHeight + marginBottom - 8);
  const marks = svg("g", { class: "marks" });
  root.append(marks);
  for (const layer of layers) drawLayer(marks, layer, scales, types, colorOf, plot);
  if (legendItems.length) {
    const x0 = legendRight ? plot.left + plot.width + 16 : plot.left;
    const y0 = legendRight ? plot.top : marginTop + plotHeight + marginBottom + 4;
    drawLegend(root, legendItems, channelTitle(colorDef), x0, y0, legendRight ? 1 : legendCols);
  }
  if (container) container.replaceChildren(root);
  return root;
}

function drawAxes(root, scales, defs, types, plot, rotateX, xTitleY) {
  const axes = svg("g", { class: "axes" });
  root.append(axes);
  for (const ch of ["x", "y"]) {
    const scale = scales[ch];
    const def = defs[ch];
    if (!scale || (def && def.axis === null)) continue;
    const format = def.axis && def.axis.format;
    const group = svg("g", { class: `axis axis-${ch}` });
    axes.append(group);
    const horizontal = ch === "x";
    const base = horizontal ? plot.top + plot.height : plot.left;
    group.append(
      horizontal
        ? svg("line", { x1: plot.left, x2: plot.left + plot.width, y1: base, y2: base, class: "domain" })
        : svg("line", { x1: base, x2: base, y1: plot.top, y2: plot.top + plot.height, class: "domain" }),
    );
    let ticks;
    if (scale.kind === "band") {
      const every = horizontal ? Math.max(1, Math.ceil(14 / scale.step)) : Math.max(1, Math.ceil(12 / scale.step));
      ticks = scale.domain
        .filter((_, i) => i % every === 0)
        .map((v) => ({ pos: scale(v) + scale.bandwidth / 2, label: String(v) }));
    } else {
      const span = scale.domain[1] - scale.domain[0];
      ticks = scale.ticks(horizontal ? Math.max(2, Math.floor(plot.width / 80)) : 5).map((v) => ({
        pos: scale(v),
        label: types[ch] === "temporal" ? formatTemporal(v, span) : formatNumber(v, format),
      }));
      for (const t of ticks) {
        group.append(
          horizontal
            ? svg("line", { x1: t.pos, x2: t.pos, y1: plot.top, y2: plot.top + plot.height, class: "grid" })
            : svg("line", { x1: plot.left, x2: plot.left + plot.width, y1: t.pos, y2: t.pos, class: "grid" }),
        );
      }
    }
    for (const t of ticks) {
      if (horizontal) {
        group.append(svg("line", { x1: t.pos, x2: t.pos, y1: base, y2: base + 5, class: "tick" }));
        const attrs = rotateX
          ? { x: t.pos, y: base + 9, "text-anchor": "end", transform: `rotate(-45 ${t.pos} ${base + 9})` }
          : { x: t.pos, y: base + 17, "text-anchor": "middle" };
        group.append(svg("text", { ...attrs, class: "tick-label" }, t.label));
      } else {
        group.append(svg("line", { x1: base - 5, x2: base, y1: t.pos, y2: t.pos, class: "tick" }));
        group.append(svg("text", { x: base - 8, y: t.pos + 4, "text-anchor": "end", class: "tick-label" }, t.label));
      }
    }
    const label = channelTitle(def);
    if (label) {
      group.append(
        horizontal
          ? svg("text", { x: plot.left + plot.width / 2, y: xTitleY, "text-anchor": "middle", class: "axis-title" }, label)
          : svg("text", { x: 12, y: plot.top + plot.height / 2, "text-anchor": "middle", transform: `rotate(-90 12 ${plot.top + plot.height / 2})`, class: "axis-title" }, label),
      );
    }
  }
}

function tooltipText(d, enc) {
  const tip = enc.tooltip;
  const defs = Array.isArray(tip) ? tip : tip ? [tip] : ["x", "x2", "y", "color"].map((c) => enc[c]).filter((e) => e && e.field);
  return defs
    .filter((t) => t && t.field)
    .map((t) => {
      const v = getter(t)(d);
      const shown = typeof v === "number" ? formatNumber(v, t.format) : v;
      return `${t.title || t.field}: ${shown ?? ""}`;
    })
    .join("\n");
}

function drawLayer(group, layer, scales, types, colorOf, plot) {
  const { mark, encoding: enc, data } = layer;
  const type = mark.type;
  const sx = scales.x;
  const sy = scales.y;
  const gx = getter(enc.x);
  const gy = getter(enc.y);
  const gx2 = getter(enc.x2);
  const gy2 = getter(enc.y2);
  const fixed = (enc.color && enc.color.value) || mark.color || mark.fill || PALETTE[0];
  const colour = (d) => (enc.color && enc.color.field ? colorOf(d) : fixed);
  const opacity = mark.opacity ?? (enc.opacity && enc.opacity.value);
  const px = (d, get = gx) => (sx ? (sx.kind === "band" ? sx(get(d)) + sx.bandwidth / 2 : sx(toNumber(get(d), types.x))) : plot.left + plot.width / 2);
  const py = (d, get = gy) => (sy ? (sy.kind === "band" ? sy(get(d)) + sy.bandwidth / 2 : sy(toNumber(get(d), types.y))) : plot.top + plot.height / 2);
  const add = (node, d) => {
    node.setAttribute("class", `mark mark-${type}`);
    if (opacity !== undefined) node.setAttribute("fill-opacity", String(opacity));
    if (d) node.append(svg("title", {}, tooltipText(d, enc)));
    group.append(node);
  };
  const valid = (d) => (!enc.x || gx(d) !== null && gx(d) !== undefined) && (!enc.y || gy(d) !== null && gy(d) !== undefined);
  const rows = data.filter(valid);

  if (type === "bar" || type === "rect") {
    const stack = new Map(); // Vega-Lite stacks bars that share a band
    const offsetDef = enc.xOffset && enc.xOffset.field ? enc.xOffset : null;
    const stacked = mark.type === "bar" && !offsetDef && enc.color && enc.color.field && !enc.x2 && !enc.y2 && !(enc.y && enc.y.stack === null) && !(enc.x && enc.x.stack === null);
    // xOffset splits each x band into one sub-band per group (grouped bars).
    const offsets = offsetDef ? orderedDomain(offsetDef, rows.map(getter(offsetDef)), "nominal").map(String) : [];
    const goff = getter(offsetDef);
    for (const d of rows) {
      let x;
      let y;
      let w;
      let h;
      if (sx && sx.kind === "band" && sy && sy.kind === "band") {
        [x, y, w, h] = [sx(gx(d)), sy(gy(d)), sx.bandwidth, sy.bandwidth];
      } else if (enc.x2 && sx && sx.kind !== "band") {
        const a = px(d);
        const b = px(d, gx2);
        x = Math.min(a, b);
        w = Math.abs(b - a);
        if (sy && sy.kind === "band") [y, h] = [sy(gy(d)), sy.bandwidth];
        else if (enc.y2) [y, h] = [Math.min(py(d), py(d, gy2)), Math.abs(py(d, gy2) - py(d))];
        else [y, h] = [plot.top, plot.height];
      } else if (enc.y2 && sy && sy.kind !== "band") {
        const a = py(d);
        const b = py(d, gy2);
        [y, h] = [Math.min(a, b), Math.abs(b - a)];
        [x, w] = sx && sx.kind === "band" ? [sx(gx(d)), sx.bandwidth] : [px(d) - 3, 6];
      } else if (sy && sy.kind === "band") {
        const key = String(gy(d));
        const start = stacked ? stack.get(key) || 0 : 0;
        const v = toNumber(gx(d), types.x);
        stack.set(key, start + v);
        const a = sx(start);
        const b = sx(start + v);
        [x, w, y, h] = [Math.min(a, b), Math.abs(b - a), sy(gy(d)), sy.bandwidth];
      } else {
        const key = String(gx(d));
        const start = stacked ? stack.get(key) || 0 : 0;
        const v = toNumber(gy(d), types.y);
        stack.set(key, start + v);
        const base = sy ? sy(Math.max(start, sy.domain[0])) : plot.top + plot.height;
        const top = sy ? sy(start + v) : plot.top;
        let band = sx && sx.kind === "band" ? sx.bandwidth : Math.max(2, plot.width / Math.max(rows.length, 1) / 1.5);
        x = sx && sx.kind === "band" ? sx(gx(d)) : px(d) - band / 2;
        if (offsets.length) {
          band /= offsets.length;
          x += band * Math.max(0, offsets.indexOf(String(goff(d))));
        }
        [w, y, h] = [band, Math.min(base, top), Math.abs(base - top)];
      }
      if (![x, y, w, h].every(Number.isFinite)) continue;
      add(svg("rect", { x, y, width: Math.max(w, 0.5), height: Math.max(h, 0.5), fill: colour(d), stroke: mark.stroke, "stroke-width": mark.stroke ? mark.strokeWidth || 1 : null }), d);
    }
    return;
  }

  if (type === "line" || type === "area" || type === "trail") {
    const seriesField = (enc.color && enc.color.field && enc.color) || (enc.detail && enc.detail.field && enc.detail);
    const key = seriesField ? getter(seriesField) : () => "";
    const series = new Map();
    for (const d of rows) {
      const k = String(key(d));
      if (!series.has(k)) series.set(k, []);
      series.get(k).push(d);
    }
    for (const points of series.values()) {
      const ordered = sx && sx.kind !== "band" ? [...points].sort((a, b) => toNumber(gx(a), types.x) - toNumber(gx(b), types.x)) : points;
      const coords = ordered.map((d) => [px(d), py(d)]).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
      if (!coords.length) continue;
      let path = coords.map(([a, b], i) => `${i ? "L" : "M"}${a.toFixed(1)},${b.toFixed(1)}`).join("");
      const stroke = colour(ordered[0]);
      if (type === "area") {
        const base = sy && sy.kind !== "band" ? sy(Math.max(0, sy.domain[0])) : plot.top + plot.height;
        path += `L${coords.at(-1)[0].toFixed(1)},${base.toFixed(1)}L${coords[0][0].toFixed(1)},${base.toFixed(1)}Z`;
        add(svg("path", { d: path, fill: stroke, "fill-opacity": 0.35, stroke }), null);
      } else {
        const node = svg("path", { d: path, fill: "none", stroke, "stroke-width": mark.strokeWidth || 2, "stroke-linejoin": "round" });
        node.append(svg("title", {}, seriesField ? String(key(ordered[0])) : channelTitle(enc.y)));
        add(node, null);
      }
      if (mark.point) for (const d of ordered) add(svg("circle", { cx: px(d), cy: py(d), r: 2.5, fill: stroke }), d);
    }
    return;
  }

  if (type === "point" || type === "circle" || type === "square") {
    for (const d of rows) {
      const [cx, cy] = [px(d), py(d)];
      if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
      const c = colour(d);
      const filled = type !== "point" || mark.filled;
      const paint = filled ? { fill: c } : { fill: "none", stroke: c, "stroke-width": 1.5 };
      add(type === "square" ? svg("rect", { x: cx - 3.5, y: cy - 3.5, width: 7, height: 7, ...paint }) : svg("circle", { cx, cy, r: mark.size ? Math.sqrt(mark.size / Math.PI) : 3.5, ...paint }), d);
    }
    return;
  }

  if (type === "tick") {
    for (const d of rows) {
      const [cx, cy] = [px(d), py(d)];
      const vertical = sx && sx.kind !== "band";
      const ends = vertical ? { x1: cx, x2: cx, y1: cy - 8, y2: cy + 8 } : { x1: cx - 8, x2: cx + 8, y1: cy, y2: cy };
      add(svg("line", { ...ends, stroke: colour(d), "stroke-width": 2 }), d);
    }
    return;
  }

  if (type === "rule") {
    for (const d of rows.length ? rows : [{}]) {
      let attrs;
      if (enc.x && !enc.y) attrs = { x1: px(d), x2: enc.x2 ? px(d, gx2) : px(d), y1: plot.top, y2: plot.top + plot.height };
      else if (enc.y && !enc.x) attrs = { x1: plot.left, x2: plot.left + plot.width, y1: py(d), y2: enc.y2 ? py(d, gy2) : py(d) };
      else attrs = { x1: px(d), y1: py(d), x2: enc.x2 ? px(d, gx2) : px(d), y2: enc.y2 ? py(d, gy2) : py(d) };
      if (!Object.values(attrs).every(Number.isFinite)) continue;
      add(svg("line", { ...attrs, stroke: colour(d), "stroke-width": mark.strokeWidth || 1.5, "stroke-dasharray": mark.strokeDash ? mark.strokeDash.join(" ") : null }), d);
    }
    return;
  }

  if (type === "text") {
    const gt = getter(enc.text);
    for (const d of rows) add(svg("text", { x: px(d), y: py(d), "text-anchor": "middle", class: "mark-label" }, String(gt(d) ?? "")), null);
    return;
  }

  if (type === "boxplot") {
    // Box from the first to the third quartile, a median line and min-max whiskers
    // (Vega-Lite's default whiskers stop at 1.5 IQR; min-max is simpler and says so).
    const horizontal = sy && sy.kind === "band";
    const cat = horizontal ? gy : gx;
    const val = horizontal ? gx : gy;
    const groups = new Map();
    for (const d of rows) {
      const k = String(cat(d));
      if (!groups.has(k)) groups.set(k, { d, values: [] });
      groups.get(k).values.push(Number(val(d)));
    }
    for (const [k, { d, values }] of groups) {
      const [lo, q1, med, q3, hi] = [Math.min(...values), quantile(values, 0.25), quantile(values, 0.5), quantile(values, 0.75), Math.max(...values)];
      const c = colour(d);
      const tip = `${k}: median ${formatNumber(med)}, quartiles ${formatNumber(q1)}–${formatNumber(q3)}, range ${formatNumber(lo)}–${formatNumber(hi)} (${values.length})`;
      const band = horizontal ? sy : sx;
      const start = band ? band(k) : 0;
      const bw = band ? band.bandwidth : 20;
      const vs = horizontal ? sx : sy;
      const mid = start + bw / 2;
      const box = horizontal
        ? svg("rect", { x: Math.min(vs(q1), vs(q3)), y: start, width: Math.abs(vs(q3) - vs(q1)) || 1, height: bw, fill: c, "fill-opacity": 0.6, stroke: c })
        : svg("rect", { x: start, y: Math.min(vs(q1), vs(q3)), width: bw, height: Math.abs(vs(q3) - vs(q1)) || 1, fill: c, "fill-opacity": 0.6, stroke: c });
      box.append(svg("title", {}, tip));
      box.setAttribute("class", "mark mark-boxplot");
      group.append(box);
      const line = (a) => group.append(svg("line", { ...a, stroke: c, "stroke-width": 1.5 }));
      if (horizontal) {
        line({ x1: vs(med), x2: vs(med), y1: start, y2: start + bw, class: "mark-median" });
        line({ x1: vs(lo), x2: vs(q1), y1: mid, y2: mid, class: "mark-whisker" });
        line({ x1: vs(q3), x2: vs(hi), y1: mid, y2: mid, class: "mark-whisker" });
      } else {
        line({ x1: start, x2: start + bw, y1: vs(med), y2: vs(med), class: "mark-median" });
        line({ x1: mid, x2: mid, y1: vs(lo), y2: vs(q1), class: "mark-whisker" });
        line({ x1: mid, x2: mid, y1: vs(q3), y2: vs(hi), class: "mark-whisker" });
      }
    }
  }
}

function drawLegend(root, items, title, x0, y0, columns) {
  const g = svg("g", { class: "legend", "aria-label": title ? `Legend: ${title}` : "Legend" });
  let y = y0;
  if (title) {
    g.append(svg("text", { x: x0, y: y + 10, class: "legend-title" }, title));
    y += 18;
  }
  items.forEach((item, i) => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    const x = x0 + col * 110;
    const yy = y + row * 18;
    g.append(svg("rect", { x, y: yy, width: 11, height: 11, fill: item.color, class: "swatch" }));
    g.append(svg("text", { x: x + 16, y: yy + 10, class: "legend-label" }, item.label));
  });
  root.append(g);
}
