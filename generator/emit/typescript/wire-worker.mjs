// Worker thread of emit/typescript: runs openapi-typescript on one large bundled document (and lays
// its output out), so the wire types are produced while the main thread emits models and clients.
// The document comes as JSON, cheaper to pass than the object.
import { parentPort, workerData } from "node:worker_threads";
import { wireTypesOf } from "./wire-transform.mjs";

try {
  parentPort.postMessage({ text: await wireTypesOf(workerData.json) });
} catch (err) {
  parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
