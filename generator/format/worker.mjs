// A prettier worker of the format stage: formats the files it is sent, one message each, one at a
// time (concurrent format() calls would interleave: every result late, and all their ASTs alive at once).
import { parentPort } from "node:worker_threads";
import { format } from "prettier";

let last = Promise.resolve();
parentPort.on("message", ({ id, text, options }) => {
  last = last.then(async () => {
    try {
      parentPort.postMessage({ id, text: await format(text, options) });
    } catch (err) {
      parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  });
});
