// Raw wire types (`paths`, `components`) of one service, produced by openapi-typescript from the
// service's bundled document. A large document goes to a worker thread, so its wire types are
// produced while the main thread emits models and clients; a small one is not worth a worker.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import openapiTS, { astToString } from "openapi-typescript";
import { cacheGet, cacheKey, cachePut } from "../../cache/cache.js";

const OTS_VERSION = (createRequire(import.meta.url)("openapi-typescript/package.json") as { version: string }).version;

const WORKER_THRESHOLD = 1_000_000; // characters of JSON

export async function emitWireTypes(document: Record<string, unknown>): Promise<string> {
  const shape = shapeOnly(document) as Record<string, unknown>;
  const json = JSON.stringify(shape);
  const key = cacheKey("openapi-typescript", OTS_VERSION, json);
  const cached = await cacheGet("wire-types", key);
  if (cached !== undefined) return cached;
  const text = await run(shape, json.length);
  await cachePut("wire-types", key, text);
  return text;
}

async function run(shape: Record<string, unknown>, size: number): Promise<string> {
  if (size < WORKER_THRESHOLD) {
    return astToString(await openapiTS(shape as unknown as Parameters<typeof openapiTS>[0], { silent: true, alphabetize: true }));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./wire-worker.mjs", import.meta.url), { workerData: { document: shape } });
    worker.once("message", (text: string) => resolve(text));
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`openapi-typescript worker exited with code ${code}`))));
  });
}

/**
 * The wire types are internal (the public models carry the docs), so prose and examples are left
 * out: half the size, and of the time openapi-typescript and prettier spend on it. The result is a
 * fresh copy, which matters because openapi-typescript annotates the document it is given.
 */
const PROSE = new Set(["description", "summary", "example", "examples", "externalDocs"]);
const NAME_MAPS = new Set(["properties", "schemas", "responses", "parameters", "paths"]);

function shapeOnly(value: unknown, parentKey = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => shapeOnly(v));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  // Under `properties` (and similar maps) the keys are names, not keywords: keep them all.
  const names = NAME_MAPS.has(parentKey);
  for (const [k, v] of Object.entries(value)) if (names || !PROSE.has(k)) out[k] = shapeOnly(v, k);
  return out;
}
