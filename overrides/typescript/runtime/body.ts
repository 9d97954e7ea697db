// Request body serialisation. One encoder per body kind; the generated BodySpec names its
// encoder, so a bundle carries only the kinds its operations send (chat: JSON only).

import { ValidationError } from "./errors.js";

export interface SerializedBody {
  body?: BodyInit;
  contentType?: string;
  /** False for a ReadableStream body: it is consumed by the first attempt, so no retries. */
  replayable: boolean;
  /** A ReadableStream body needs `duplex: "half"` in fetch. */
  streaming: boolean;
}

/** `contentType` is the spec's (may be empty); `methodName` names the call in errors. */
export type BodyEncoder = (
  body: unknown,
  contentType: string | undefined,
  methodName: string,
) => SerializedBody;

const whole = (body: BodyInit, contentType: string): SerializedBody => ({
  body,
  contentType,
  replayable: true,
  streaming: false,
});

export const jsonBody: BodyEncoder = (body, contentType) =>
  whole(JSON.stringify(body), contentType || "application/json");

export const textBody: BodyEncoder = (body, contentType) =>
  whole(String(body), contentType || "text/plain; charset=utf-8");

/** Bytes as given: Uint8Array, ArrayBuffer, another view, Blob, string, or a ReadableStream (sent once, streamed). */
export const binaryBody: BodyEncoder = (body, spec, methodName) => {
  const contentType = spec || "application/octet-stream";
  if (
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer ||
    typeof body === "string" ||
    (typeof Blob !== "undefined" && body instanceof Blob)
  )
    return whole(body as BodyInit, contentType);
  if (ArrayBuffer.isView(body))
    return whole(new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as BodyInit, contentType);
  if (typeof ReadableStream !== "undefined" && body instanceof ReadableStream)
    return { body, contentType, replayable: false, streaming: true };
  throw new ValidationError(
    `${methodName}: a binary body must be a Uint8Array, ArrayBuffer, Blob or ReadableStream`,
  );
};
