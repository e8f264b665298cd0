// The one module the web app lazily imports to draw a chart: vega-embed (which brings
// vega, vega-lite, vega-themes and vega-tooltip) and the CSP-safe expression interpreter.
export { default as embed } from "vega-embed";
export { expressionInterpreter } from "vega-interpreter";
