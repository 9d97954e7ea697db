// Request body serialisation per BodySpec kind.

import { ValidationError } from "./errors.js";
import type { BodySpec } from "./operation.js";

export interface SerializedBody {
  body?: BodyInit;
  contentType?: string;
  /** False for a ReadableStream body: it is consumed by the first attempt, so no retries. */
  replayable: boolean;
  /** A ReadableStream body needs `duplex: "half"` in fetch. */
  streaming: boolean;
}

function isReadableStream(v: unknown): v is ReadableStream<Uint8Array> {
  return typeof ReadableStream !== "undefined" && v instanceof ReadableStream;
}

function isBlob(v: unknown): v is Blob {
  return typeof Blob !== "undefined" && v instanceof Blob;
}

export function serializeBody(spec: BodySpec | undefined, body: unknown, methodName: string): SerializedBody {
  if (body === undefined) return { replayable: true, streaming: false };
  const kind = spec?.kind ?? "json";
  if (kind === "json") {
    return {
      body: JSON.stringify(body),
      contentType: spec?.contentType || "application/json",
      replayable: true,
      streaming: false,
    };
  }
  if (kind === "text") {
    return {
      body: String(body),
      contentType: spec?.contentType || "text/plain; charset=utf-8",
      replayable: true,
      streaming: false,
    };
  }
  const contentType = spec?.contentType || "application/octet-stream";
  if (body instanceof Uint8Array || body instanceof ArrayBuffer || isBlob(body) || typeof body === "string") {
    return { body: body as BodyInit, contentType, replayable: true, streaming: false };
  }
  if (ArrayBuffer.isView(body)) {
    return {
      body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as BodyInit,
      contentType,
      replayable: true,
      streaming: false,
    };
  }
  if (isReadableStream(body)) return { body, contentType, replayable: false, streaming: true };
  throw new ValidationError(
    `${methodName}: a binary body must be a Uint8Array, ArrayBuffer, Blob or ReadableStream`,
  );
}
