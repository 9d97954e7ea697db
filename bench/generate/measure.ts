// One measurement in a fresh process (so peak memory is its own): prints one JSON line.
//   tsx bench/generate/measure.ts muxi-sdkgen <spec...>      full TypeScript generation, in memory
//   tsx bench/generate/measure.ts openapi-typescript <spec>  types only, the peer
//   tsx bench/generate/measure.ts openapi-typescript+prettier <spec>  the same, its output then formatted by prettier (the layout ours has)
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { format } from "prettier";
import { TS_OPTIONS } from "../../generator/format/options.mjs";
import { defaultPaths, renderTarget, specToIR, type Timings } from "../../generator/pipeline/pipeline.js";
// Loaded before the clock starts, as openapi-typescript is for the peer: the pipeline imports its
// TypeScript emitter (openapi-typescript, TypeScript) only when it renders TypeScript. Times are of the work, not of loading.
import "../../generator/emit/typescript/index.js";

const [tool, ...specs] = process.argv.slice(2);
const started = performance.now();
const timings: Timings = {};
let files = 0;
let bytes = 0;
if (tool === "muxi-sdkgen") {
  // The GitHub spec does not follow the MUXI conventions (no x-muxi-*, inline payloads): structural checks only.
  const conventions = specs.every((s) => s.includes("/spec/"));
  const ir = await specToIR(specs, { conventions }, timings);
  const out = await renderTarget("typescript", ir, defaultPaths(resolve(import.meta.dirname, "../..")), timings);
  files = out.size;
  for (const text of out.values()) bytes += text.length;
} else {
  for (const spec of specs) {
    const t = performance.now();
    let text = astToString(await openapiTS(pathToFileURL(resolve(spec)), { silent: true }));
    if (tool === "openapi-typescript+prettier") text = await format(text, TS_OPTIONS);
    timings[`types:${spec.split("/").pop()}`] = performance.now() - t;
    files += 1;
    bytes += text.length;
  }
}
const total = performance.now() - started;
console.log(JSON.stringify({ tool, total, timings, files, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
