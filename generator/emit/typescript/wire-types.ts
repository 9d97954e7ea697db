// Raw wire types (`paths`, `components`) of one service, produced by openapi-typescript from the
// service's bundled document on a worker thread (it gets its own copy of the document).
import { Worker } from "node:worker_threads";

export function emitWireTypes(document: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./wire-worker.mjs", import.meta.url), { workerData: { document } });
    worker.once("message", (text: string) => resolve(text));
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`openapi-typescript worker exited with code ${code}`))));
  });
}
