// A plain call's response → its result: nothing, bytes, text, or JSON (the envelope's `data`
// decoded, with requestId and timestamp). Apart from the transport so that a bundle that only
// streams does not carry it.

import { MuxiError, errorFromResponse } from "./errors.js";
import type { MethodSpec } from "./operation.js";
import { isRecord } from "./stream-step.js";
import type { Exchange } from "./transport.js";

const utf8 = new TextDecoder();

export function decodeResponse(
  m: MethodSpec,
  { response: res, bytes = new Uint8Array() }: Exchange,
): unknown {
  const spec = m.response ?? { kind: "empty", envelope: false };
  if (spec.kind === "empty") return undefined;
  if (spec.kind === "binary") return bytes;
  const text = utf8.decode(bytes);
  if (spec.kind === "text") return text;
  if (text.trim() === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new MuxiError(`${m.name}: expected a JSON response`, {
      status: res.status,
      code: "INVALID_RESPONSE",
      details: text.length > 1000 ? text.slice(0, 1000) : text,
      cause: err,
    });
  }
  const fn = spec.decode;
  if (spec.envelope && isRecord(parsed)) {
    if (parsed.success === false) throw errorFromResponse(res.status, text, res.headers);
    if ("data" in parsed) {
      const payload = parsed.data == null || !fn ? parsed.data : fn(parsed.data);
      return withMeta(payload, parsed);
    }
  }
  return parsed == null || !fn ? parsed : fn(parsed);
}

/** Adds the envelope's request id and timestamp to an object payload (arrays are returned as they are). */
function withMeta(payload: unknown, envelope: Record<string, unknown>): unknown {
  if (!isRecord(payload)) return payload;
  const request = isRecord(envelope.request) ? envelope.request : undefined;
  const requestId = typeof request?.id === "string" ? request.id : undefined;
  if (requestId !== undefined && payload.requestId === undefined) payload.requestId = requestId;
  if (typeof envelope.timestamp === "number" && payload.timestamp === undefined)
    payload.timestamp = envelope.timestamp;
  return payload;
}
