// Raw wire types (`paths`, `components`) of one service, produced by openapi-typescript from the
// service's bundled document on a worker thread (it gets its own copy of the document).
import { Worker } from "node:worker_threads";

export function emitWireTypes(document: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./wire-worker.mjs", import.meta.url), { workerData: { document: shapeOnly(document) } });
    worker.once("message", (text: string) => resolve(text));
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`openapi-typescript worker exited with code ${code}`))));
  });
}

/**
 * The wire types are internal (the public models carry the docs), so prose and examples are left
 * out: a third of the size, and of the time openapi-typescript and prettier spend on it.
 */
const PROSE = new Set(["description", "summary", "example", "examples", "externalDocs"]);

function shapeOnly(value: unknown, parentKey = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => shapeOnly(v));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  // Under `properties` (and similar maps) the keys are names, not keywords: keep them all.
  const isNameMap = parentKey === "properties" || parentKey === "schemas" || parentKey === "responses" || parentKey === "parameters" || parentKey === "paths";
  for (const [k, v] of Object.entries(value)) if (isNameMap || !PROSE.has(k)) out[k] = shapeOnly(v, k);
  return out;
}
