// Builds the third-party browser code the web app serves itself, into
// src/entrypoints/web/static/vendor/. Run `npm ci && npm run build` here after changing
// package.json; commit the output (the service never needs npm at run time).
//
// - vega.js: vega-embed + vega + vega-lite + vega-interpreter as one minified ES module.
//   Its first line names the exact versions, which tests/unit check against package-lock.json.
// - vega.css: the styles vega-embed and vega-tooltip would otherwise inject as <style>
//   elements, which the app's CSP (style-src 'self') refuses.
// - swagger-ui.js / swagger-ui.css: Swagger UI for the OpenAPI page under /schema.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "entrypoints", "web", "static", "vendor");
const modules = join(here, "node_modules");
const lock = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8"));
const version = (name) => {
  const entry = lock.packages[`node_modules/${name}`];
  if (!entry) throw new Error(`${name} is not in package-lock.json: run npm ci`);
  return `${name}@${entry.version}`;
};
const header = (names) => `/*! f1-analysis vendor build (web-build/build.mjs): ${names.map(version).join(" ")} */`;

mkdirSync(out, { recursive: true });

const VEGA = ["vega", "vega-lite", "vega-embed", "vega-interpreter", "vega-themes", "vega-tooltip"];
const result = await build({
  metafile: true,
  entryPoints: [join(here, "src", "vega.js")],
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2020",
  legalComments: "none",
  banner: { js: header(VEGA) },
  outfile: join(out, "vega.js"),
  logLevel: "warning",
});

// The CSS strings vega-embed and vega-tooltip carry in their JS ("generated with build-style.sh").
function embeddedCss(file, variable) {
  const text = readFileSync(join(modules, file), "utf8");
  const match = new RegExp(`var ${variable} = \`([^\`]*)\``).exec(text);
  if (!match) throw new Error(`no ${variable} in ${file}: has the package changed?`);
  return match[1];
}
const css = [
  header(["vega-embed", "vega-tooltip"]),
  embeddedCss("vega-embed/build/vega-embed.module.js", "embedStyle"),
  embeddedCss("vega-tooltip/build/vega-tooltip.module.js", "defaultStyle"),
].join("\n");
writeFileSync(join(out, "vega.css"), css);

// Swagger UI ships built; prefix the same version header.
for (const [from, to] of [["swagger-ui-bundle.js", "swagger-ui.js"], ["swagger-ui.css", "swagger-ui.css"]]) {
  const body = readFileSync(join(modules, "swagger-ui-dist", from), "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n").replace(/\/\*# sourceMappingURL=\S+ \*\/\s*$/, "\n");
  writeFileSync(join(out, to), `${header(["swagger-ui-dist"])}\n${body}`);
}
// Every bundled package's licence (BSD, ISC, MIT, Apache: all ask for the notice to travel).
const bundled = new Set(["swagger-ui-dist"]);
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) bundled.add(match[1]);
}
const notices = [...bundled].sort().map((name) => {
  const dir = join(modules, name);
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  const text = file ? readFileSync(join(dir, file), "utf8").trim() : `(no licence file; see ${name}'s package.json: ${JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).license})`;
  return `== ${version(name)} ==\n${text}\n`;
});
writeFileSync(join(out, "LICENSES.txt"), notices.join("\n"));
copyFileSync(join(modules, "swagger-ui-dist", "swagger-ui-bundle.js.LICENSE.txt"), join(out, "swagger-ui-bundle.js.LICENSE.txt"));
