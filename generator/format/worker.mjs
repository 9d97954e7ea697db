// A prettier worker of the format stage: formats the files it is sent, one message each.
import { parentPort } from "node:worker_threads";
import { format } from "prettier";

parentPort.on("message", async ({ id, text, options }) => {
  try {
    parentPort.postMessage({ id, text: await format(text, options) });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
