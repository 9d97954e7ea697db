// Worker thread of emit/typescript: runs openapi-typescript on one bundled document, so the wire
// types are produced while the main thread emits models and clients. The document comes as JSON,
// cheaper to pass than the object. Given prettier options, the worker then formats the wire types for the format stage
// (which would otherwise start on them only after emit), and stays on as one of its workers.
import { parentPort, workerData } from "node:worker_threads";
import { wireTypesOf } from "./wire-transform.mjs";

const text = wireTypesOf(workerData.json);
parentPort.postMessage({ text });
if (workerData.format) {
  const { format } = await import("prettier");
  try {
    parentPort.postMessage({ formatted: await format(text, workerData.format) });
  } catch (err) {
    parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
  await import("../../format/worker.mjs");
}
