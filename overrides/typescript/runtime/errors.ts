// Error classes and the mapping from an HTTP error response to them.
// Both MUXI error bodies are understood: the formation envelope
// {success:false, error:{code,message,data}, request:{id}} and the server's
// {error:"<status text or machine word>", message, code:<int>}.

import { parseRetryAfter } from "./retry.js";

export interface MuxiErrorInit {
  status?: number;
  code?: string;
  details?: unknown;
  requestId?: string;
  retryAfter?: number;
  cause?: unknown;
}

export class MuxiError extends Error {
  /** HTTP status; 0 when no response was received. */
  readonly status: number;
  /** Machine code, always a string (`NOT_FOUND`, `RATE_LIMITED`, or the server's own code). */
  readonly code: string;
  /** Extra data from the server (envelope `error.data`, SSE error `details`, or the raw body). */
  readonly details: unknown;
  /** The request id from the envelope (`request.id`) or the X-Request-ID header. */
  readonly requestId: string | undefined;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfter?: number;

  constructor(message: string, init: MuxiErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    // Keeps instanceof working when transpiled to ES5-style classes.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "MuxiError";
    this.status = init.status ?? 0;
    this.code = init.code ?? "ERROR";
    this.details = init.details;
    this.requestId = init.requestId;
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter;
  }
}

export class AuthenticationError extends MuxiError {
  override name = "AuthenticationError";
  constructor(message: string, init?: MuxiErrorInit) {
    super(message, { status: 401, code: "UNAUTHORIZED", ...init });
  }
}

export class AuthorizationError extends MuxiError {
  override name = "AuthorizationError";
  constructor(message: string, init?: MuxiErrorInit) {
    super(message, { status: 403, code: "FORBIDDEN", ...init });
  }
}

export class NotFoundError extends MuxiError {
  override name = "NotFoundError";
  constructor(message: string, init?: MuxiErrorInit) {
    super(message, { status: 404, code: "NOT_FOUND", ...init });
  }
}

export class ConflictError extends MuxiError {
  override name = "ConflictError";
  constructor(message: string, init?: MuxiErrorInit) {
    super(message, { status: 409, code: "CONFLICT", ...init });
  }
}

/** 400/422 from the server, or an invalid call caught before sending (status 0). */
export class ValidationError extends MuxiError {
  override name = "ValidationError";
  constructor(message: string, init?: MuxiErrorInit) {
    super(message, { status: 0, code: "VALIDATION_ERROR", ...init });
  }
}

export class RateLimitError extends MuxiError {
  override name = "RateLimitError";
  constructor(message: string, init?: MuxiErrorInit) {
    super(message, { status: 429, code: "RATE_LIMITED", ...init });
  }
}

export class ServerError extends MuxiError {
  override name = "ServerError";
  constructor(message: string, init?: MuxiErrorInit) {
    super(message, { status: 500, code: "SERVER_ERROR", ...init });
  }
}

/** The network failed (refused, reset, DNS, a stream cut mid-body); no HTTP status. */
export class ConnectionError extends MuxiError {
  override name = "ConnectionError";
  constructor(message: string, init?: MuxiErrorInit) {
    super(message, { ...init, status: 0, code: "CONNECTION_ERROR" });
  }
}

/** An attempt took longer than the timeout (after all retries). */
export class TimeoutError extends MuxiError {
  override name = "TimeoutError";
  constructor(message: string, init?: MuxiErrorInit) {
    super(message, { ...init, status: 0, code: "TIMEOUT" });
  }
}

/** An `error` event inside a stream; `code` is the event's error type. */
export class StreamError extends MuxiError {
  override name = "StreamError";
  /** Server streams: the deployment stage that failed. */
  readonly stage?: string;
  constructor(message: string, init?: MuxiErrorInit & { stage?: string }) {
    super(message, { code: "STREAM_ERROR", ...init });
    if (init?.stage !== undefined) this.stage = init.stage;
  }
}

const CODE_BY_STATUS: Record<number, string> = {
  400: "VALIDATION_ERROR",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  408: "REQUEST_TIMEOUT",
  409: "CONFLICT",
  410: "GONE",
  413: "PAYLOAD_TOO_LARGE",
  422: "VALIDATION_ERROR",
  429: "RATE_LIMITED",
};

/** The SDK's code for a status when the body gives none. */
export function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? "SERVER_ERROR" : `HTTP_${status}`);
}

// HTTP reason phrases the Go server puts in `error` are not machine codes. Those of more than
// one word never look like one (MACHINE_WORD has no spaces); these are the one-word ones.
const STATUS_TEXTS = new Set(["unauthorized", "forbidden", "conflict", "gone"]);

const MACHINE_WORD = /^[A-Za-z][A-Za-z0-9_.-]*$/;

interface Parsed {
  code?: string;
  message?: string;
  details?: unknown;
  requestId?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function parseBody(body: unknown): Parsed {
  if (!isRecord(body)) return {};
  const request = isRecord(body.request) ? body.request : undefined;
  const requestId = str(request?.id) ?? str(body.request_id);
  const err = body.error;
  if (isRecord(err)) {
    // Formation envelope: error.code is the machine code, error.data the details.
    const code = err.code;
    return {
      code: typeof code === "string" || typeof code === "number" ? String(code) : undefined,
      message: str(err.message) ?? str(body.message),
      details: err.data ?? (isRecord(body.data) && Object.keys(body.data).length > 0 ? body.data : undefined),
      requestId,
    };
  }
  const out: Parsed = { requestId };
  if (typeof err === "string") {
    const word = err.trim();
    // Keep a machine word (`DraftNotFound`); a reason phrase or a sentence maps to the status code.
    if (MACHINE_WORD.test(word) && !STATUS_TEXTS.has(word.toLowerCase())) out.code = word;
    out.message = str(body.message) ?? (out.code ? undefined : word);
  } else {
    out.message = str(body.message) ?? str(body.detail);
  }
  if (typeof body.code === "string" && MACHINE_WORD.test(body.code)) out.code ??= body.code;
  if (body.details !== undefined) out.details = body.details;
  else if (body.detail !== undefined && typeof body.detail !== "string") out.details = body.detail;
  return out;
}

/** Seconds from a Retry-After value (delta-seconds or HTTP-date); undefined when absent/invalid. */
export function retryAfterSeconds(
  value: string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  const ms = parseRetryAfter(value, nowMs);
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}

/** Builds the right MuxiError subclass for a non-2xx response. */
export function errorFromResponse(status: number, bodyText: string, headers?: Headers): MuxiError {
  let parsed: Parsed = {};
  let details: unknown;
  const text = bodyText.trim();
  if (text !== "") {
    try {
      const json: unknown = JSON.parse(text);
      parsed = parseBody(json);
      details = parsed.details;
    } catch {
      // Not JSON (proxy HTML, plain text): the text is the message.
      parsed = { message: text.length > 500 ? `${text.slice(0, 500)}…` : text };
    }
  }
  const init: MuxiErrorInit = {
    status,
    code: parsed.code ?? codeForStatus(status),
    details,
    requestId: parsed.requestId ?? headers?.get("x-request-id") ?? undefined,
  };
  const message = parsed.message ?? `Request failed with status ${status}`;
  if (status === 429) {
    const retryAfter = retryAfterSeconds(headers?.get("retry-after"));
    return new RateLimitError(message, retryAfter === undefined ? init : { ...init, retryAfter });
  }
  const ErrorClass = CLASS_BY_STATUS[status] ?? (status >= 500 ? ServerError : MuxiError);
  return new ErrorClass(message, init);
}

const CLASS_BY_STATUS: Record<number, typeof MuxiError> = {
  400: ValidationError,
  401: AuthenticationError,
  403: AuthorizationError,
  404: NotFoundError,
  409: ConflictError,
  422: ValidationError,
};

/** The messages of an error and its causes (e.g. `fetch failed: connect ECONNREFUSED (ECONNREFUSED)`). */
export function causeText(err: unknown): string {
  let e: unknown = err;
  const parts: string[] = [];
  for (let i = 0; i < 4 && e instanceof Error; i++) {
    const code = (e as { code?: unknown }).code;
    parts.push(typeof code === "string" ? `${e.message} (${code})` : e.message);
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(": ") || String(err);
}
