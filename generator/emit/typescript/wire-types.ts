// Raw wire types (`paths`, `components`) of one service, produced by openapi-typescript from the
// service's bundled document and laid out as prettier lays them out (wire-print.mjs). A large
// document goes to a worker thread, so its wire types are produced while the main thread emits
// models and clients; a small one is not worth a worker.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { cacheGetSync, cacheKey, cachePut } from "../../cache/cache.js";
import { wireTypesOf } from "./wire-transform.mjs";

const OTS_VERSION = (createRequire(import.meta.url)("openapi-typescript/package.json") as { version: string }).version;
/** The printer's own text is part of the cache key: a change to the layout is a change to the output. */
const PRINTER = ["./wire-print.mjs", "./print/leaves.mjs", "../../format/options.mjs"].map((f) => readFileSync(new URL(f, import.meta.url), "utf8")).join("\0");

const WORKER_THRESHOLD = 1_000_000; // characters of JSON

export async function emitWireTypes(document: Record<string, unknown>): Promise<string> {
  const json = JSON.stringify(shapeOnly(document));
  const key = cacheKey("openapi-typescript", OTS_VERSION, PRINTER, json);
  // No await before the worker starts: the caller goes on emitting synchronously, and the worker should meanwhile.
  const cached = cacheGetSync("wire-types", key);
  if (cached !== undefined) return cached;
  const text = await (json.length < WORKER_THRESHOLD ? wireTypesOf(json) : inWorker(json));
  await cachePut("wire-types", key, text);
  return text;
}

function inWorker(json: string): Promise<string> {
  const worker = new Worker(new URL("./wire-worker.mjs", import.meta.url), { workerData: { json }, execArgv: [] });
  return new Promise<string>((resolve, reject) => {
    worker.once("message", (m: { text?: string; error?: string }) => (m.text !== undefined ? resolve(m.text) : reject(new Error(m.error))));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`openapi-typescript worker exited with code ${code} before it finished`)));
  }).finally(() => void worker.terminate());
}

/**
 * The wire types are internal (they check the codecs and the operation tables; the public models
 * carry the docs), so prose and examples are left out: half the size, and of the time
 * openapi-typescript spends on it.
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
