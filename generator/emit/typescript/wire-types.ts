// Raw wire types (`paths`, `components`) of one service, produced by openapi-typescript from the
// service's bundled document. A large document goes to a worker thread, so its wire types are
// produced (and formatted, for the format stage) while the main thread emits models and clients;
// a small one is not worth a worker.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { cacheGetSync, cacheKey, cachePut } from "../../cache/cache.js";
import { aheadOptions, formatAhead, lendWorker } from "../../format/format.js";
import { wireTypesOf } from "./wire-transform.mjs";

const OTS_VERSION = (createRequire(import.meta.url)("openapi-typescript/package.json") as { version: string }).version;

const WORKER_THRESHOLD = 1_000_000; // characters of JSON

export async function emitWireTypes(document: Record<string, unknown>): Promise<string> {
  const json = JSON.stringify(shapeOnly(document));
  const key = cacheKey("openapi-typescript", OTS_VERSION, json);
  // No await before the worker starts: the caller goes on emitting synchronously, and the worker should meanwhile.
  const cached = cacheGetSync("wire-types", key);
  if (cached !== undefined) {
    formatAhead(topLevel(cached));
    return cached;
  }
  let text: string;
  if (json.length < WORKER_THRESHOLD) {
    text = wireTypesOf(json);
    formatAhead(topLevel(text));
  } else {
    const run = runInWorker(json);
    text = await run.text;
    formatAhead([text], run.formatted);
  }
  await cachePut("wire-types", key, text);
  return text;
}

/** openapi-typescript's top-level declarations (`paths`, `components`, …): all else in its output is indented. */
function topLevel(text: string): string[] {
  return text.split(/(?=^export )/m);
}

/** When a Formatter runs, the worker formats the wire types too, and is then lent to the Formatter. */
function runInWorker(json: string): { text: Promise<string>; formatted?: Promise<string> } {
  const format = aheadOptions();
  const worker = new Worker(new URL("./wire-worker.mjs", import.meta.url), { workerData: { json, format }, execArgv: [] });
  const result = (key: "text" | "formatted"): Promise<string> =>
    new Promise((resolve, reject) => {
      worker.on("message", (m: WorkerMessage) => {
        if (m.id !== undefined) return; // an answer to the Formatter, once lent to it
        if (m[key] !== undefined) resolve(m[key]);
        else if (m.error !== undefined) reject(new Error(m.error));
      });
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`openapi-typescript worker exited with code ${code} before it finished`)));
    });
  const text = result("text");
  if (!format) return { text };
  const formatted = result("formatted");
  formatted.catch(() => undefined); // awaited by the format stage, if it gets that far
  lendWorker(worker, formatted); // terminated with the Formatter, even when emit fails
  return { text, formatted };
}

interface WorkerMessage {
  id?: number;
  text?: string;
  formatted?: string;
  error?: string;
}

/**
 * The wire types are internal (they check the codecs and the operation tables; the public models
 * carry the docs), so prose and examples are left out: half the size, and of the time
 * openapi-typescript and prettier spend on it.
 */
const PROSE = new Set(["description", "summary", "example", "examples", "externalDocs"]);
const NAME_MAPS = new Set(["properties", "schemas", "responses", "parameters", "paths"]);

function shapeOnly(value: unknown, parentKey = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => shapeOnly(v));
  if (value === null || typeof value !== "object") return value;
  // Under `properties` (and similar maps) the keys are names, not keywords: keep them all.
  const names = NAME_MAPS.has(parentKey);
  // fromEntries, not assignment: a property named `__proto__` stays a property.
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (names || !PROSE.has(k) ? [[k, shapeOnly(v, k)]] : [])));
}
