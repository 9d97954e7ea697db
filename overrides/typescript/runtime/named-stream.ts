// Server streams that keep their SSE event names (deploy progress, log follow)
// and streams of plain data frames.

import type { NamedEvent } from "./events.js";
import { StreamError } from "./errors.js";
import type { Decoders } from "./operation.js";
import type { SseEvent } from "./sse.js";
import { isRecord, parseData, type StreamStep } from "./stream-step.js";

/**
 * `event: error` data `{error, message, stage, details}` → StreamError with
 * code = `error` (e.g. HealthCheckFailed), `stage` and `details`.
 */
export function namedStreamError(data: unknown): StreamError {
  const d = isRecord(data) ? data : {};
  const code =
    typeof d.error === "string" && d.error !== ""
      ? d.error
      : typeof d.type === "string"
        ? d.type
        : "STREAM_ERROR";
  const message =
    typeof d.message === "string" && d.message !== ""
      ? d.message
      : typeof d.error === "string"
        ? d.error
        : "stream error";
  const init: { code: string; details: unknown; stage?: string } = { code, details: d.details ?? data };
  if (typeof d.stage === "string") init.stage = d.stage;
  return new StreamError(message, init);
}

export function namedStep(ev: SseEvent, decode?: Decoders): StreamStep<NamedEvent> {
  const data = parseData(ev.data);
  if (ev.event === "error") throw namedStreamError(data);
  const fn = decode?.[ev.event];
  return { item: { type: ev.event, data: fn ? fn(data) : data } };
}

/** Format `data`: every data frame, JSON-parsed (then decode.message), as it came. */
export function dataStep(ev: SseEvent, decode?: Decoders): StreamStep<unknown> {
  const data = parseData(ev.data);
  const fn = decode?.message;
  return { item: fn ? fn(data) : data };
}
