// The HTTP engine under every generated method: URL, headers, auth, body,
// per-attempt timeout, retries and error mapping. What a successful response becomes is
// decided by response.ts (plain calls) and stream-items.ts (streams).
//
// Caller aborts: an aborted `options.signal` rejects the call at once with the
// signal's own reason (a DOMException "AbortError" unless the caller gave one),
// as fetch does; it is never retried and never turned into a MuxiError.

import { DebugLog, debugSink, type DebugSink } from "./debug.js";
import {
  ConnectionError,
  MuxiError,
  TimeoutError,
  ValidationError,
  causeText,
  errorFromResponse,
} from "./errors.js";
import type { BoundCall } from "./bind.js";
import { jsonBody, type SerializedBody } from "./body.js";
import type { MethodSpec } from "./operation.js";
import { CLIENT_HEADER_VALUE, SDK_HEADER_VALUE, uuid } from "./platform.js";
import {
  MAX_RETRY_AFTER_MS,
  RETRY_STATUSES,
  backoffDelay,
  methodAllowsRetry,
  parseRetryAfter,
  sleep,
  type Sleep,
} from "./retry.js";
import { buildUrl } from "./url.js";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface Credentials {
  clientKey?: string;
  adminKey?: string;
}

/** The Authorization value for one attempt (MUXI-HMAC), given the path the server sees. */
export type Signer = (method: string, path: string, nowMs: number) => Promise<string>;

export interface TransportConfig {
  baseUrl: string;
  /** fetch implementation (default: globalThis.fetch). */
  fetch?: FetchLike;
  /** Per-attempt timeout in ms (default 30000; 0 = none). Streams have none. */
  timeout?: number;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** true → console.debug, or a function receiving each line. */
  debug?: boolean | DebugSink;
  /** Headers sent on every request (after the SDK's, before per-call ones). */
  headers?: Record<string, string>;
  credentials?: Credentials;
  /** Signs operations that accept MuxiHmac (ServerClient; a separate module so other bundles leave it out). */
  sign?: Signer;
  /** X-Muxi-User-ID when neither the call nor its options give one. */
  defaultUserId?: string;
  /** Clock in ms (tests). */
  now?: () => number;
  /** Wait between attempts (tests). */
  sleep?: Sleep;
  /** Jitter source in [0, 1) (tests). */
  random?: () => number;
}

interface Prepared {
  m: MethodSpec;
  url: string;
  headers: Record<string, string>;
  body: BodyInit | undefined;
  duplex: boolean;
  hmac: boolean;
  maxRetries: number;
  timeout: number;
  signal: AbortSignal | undefined;
}

export interface Exchange {
  response: Response;
  /** Whole body, read within the attempt's timeout (plain requests). */
  bytes?: Uint8Array;
}

const utf8 = new TextDecoder();

/** Sets a header, replacing any existing one with the same name in another case. */
function setHeader(h: Record<string, string>, name: string, value: string): void {
  const lower = name.toLowerCase();
  for (const k of Object.keys(h)) if (k.toLowerCase() === lower) delete h[k];
  h[name] = value;
}

function hasHeader(h: Record<string, string>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(h).some((k) => k.toLowerCase() === lower);
}

export class Transport {
  readonly baseUrl: string;
  readonly #fetchImpl: FetchLike;
  readonly #timeout: number;
  readonly #maxRetries: number;
  readonly #headers: Record<string, string>;
  readonly #credentials: Credentials;
  readonly #sign: Signer | undefined;
  readonly #defaultUserId: string | undefined;
  readonly #log: DebugLog;
  readonly #now: () => number;
  readonly #sleep: Sleep;
  readonly #random: () => number;

  constructor(config: TransportConfig) {
    this.baseUrl = config.baseUrl;
    const f = config.fetch ?? (globalThis as { fetch?: FetchLike }).fetch;
    if (!f) throw new Error("No fetch implementation: pass `fetch` in the client options");
    // Bound so a detached call of the global works in browsers (Illegal invocation otherwise).
    this.#fetchImpl = config.fetch ?? f.bind(globalThis);
    this.#timeout = config.timeout ?? 30_000;
    this.#maxRetries = config.maxRetries ?? 3;
    this.#headers = { ...config.headers };
    this.#credentials = { ...config.credentials };
    this.#sign = config.sign;
    this.#defaultUserId = config.defaultUserId;
    this.#log = new DebugLog(debugSink(config.debug));
    this.#now = config.now ?? Date.now;
    this.#sleep = config.sleep ?? sleep;
    this.#random = config.random ?? Math.random;
  }

  /**
   * Sends a call (retrying as its method allows) and returns the successful response: for a
   * plain call with its whole body read within the attempt's timeout; for a stream (no timeout,
   * only the connection setup retried) with the body left to read. Errors are MuxiErrors.
   */
  async exchange(
    m: MethodSpec,
    bound: BoundCall,
    streaming: boolean,
    signal: AbortSignal | undefined,
  ): Promise<Exchange> {
    return this.#send(this.#prepare(m, bound, streaming, signal), streaming);
  }

  #prepare(m: MethodSpec, bound: BoundCall, streaming: boolean, signal: AbortSignal | undefined): Prepared {
    const op = m.op;
    const o = bound.options;
    const url = buildUrl(this.baseUrl, op.path, bound.pathValues, bound.query);
    const h: Record<string, string> = {};
    h["X-Muxi-SDK"] = SDK_HEADER_VALUE;
    if (CLIENT_HEADER_VALUE) h["X-Muxi-Client"] = CLIENT_HEADER_VALUE;
    h["X-Muxi-Idempotency-Key"] = o.idempotencyKey ?? uuid();
    if (streaming) h.Accept = "text/event-stream";
    else if (m.response?.kind === "json") h.Accept = "application/json";

    const c = this.#credentials;
    if (op.auth.includes("ClientKey") && c.clientKey) h["X-Muxi-Client-Key"] = c.clientKey;
    if (op.auth.includes("AdminKey") && c.adminKey) h["X-Muxi-Admin-Key"] = c.adminKey;

    if (op.userId !== "none") {
      const userId = bound.userId ?? o.userId ?? this.#defaultUserId;
      if (userId) h["X-Muxi-User-ID"] = userId;
      else if (op.userId === "required") {
        throw new ValidationError(
          `${m.name}: a user id is required (X-Muxi-User-ID); pass userId or set the client's userId`,
        );
      }
    }

    const body: SerializedBody =
      bound.body === undefined
        ? { replayable: true, streaming: false }
        : (op.body?.encode ?? jsonBody)(bound.body, op.body?.contentType, m.name);
    if (body.contentType) h["Content-Type"] = body.contentType;
    for (const [k, v] of Object.entries(bound.headers)) setHeader(h, k, v);
    for (const [k, v] of Object.entries(this.#headers)) setHeader(h, k, v);
    if (o.headers) for (const [k, v] of Object.entries(o.headers)) setHeader(h, k, v);

    const hmac = op.auth.includes("MuxiHmac") && !!this.#sign && !hasHeader(h, "Authorization");
    const canRetry = methodAllowsRetry(op) && body.replayable;
    return {
      m,
      url,
      headers: h,
      body: body.body,
      duplex: body.streaming,
      hmac,
      maxRetries: canRetry ? Math.max(0, o.maxRetries ?? this.#maxRetries) : 0,
      timeout: streaming ? 0 : (o.timeout ?? this.#timeout),
      signal,
    };
  }

  async #send(p: Prepared, streaming: boolean): Promise<Exchange> {
    for (let attempt = 1; ; attempt++) {
      let outcome: Exchange;
      try {
        outcome = await this.#attempt(p, attempt, streaming);
      } catch (err) {
        if (p.signal?.aborted) throw p.signal.reason;
        const retryable = err instanceof ConnectionError || err instanceof TimeoutError;
        if (!retryable || attempt > p.maxRetries) throw err;
        await this.#wait(p, backoffDelay(attempt - 1, this.#random));
        continue;
      }
      const res = outcome.response;
      if (res.ok) return outcome;
      const text = outcome.bytes ? utf8.decode(outcome.bytes) : await res.text().catch(() => "");
      const error = errorFromResponse(res.status, text, res.headers);
      if (attempt > p.maxRetries || !RETRY_STATUSES.has(res.status)) throw error;
      const after = parseRetryAfter(res.headers.get("retry-after"), this.#now());
      if (after !== undefined && after > MAX_RETRY_AFTER_MS) throw error;
      await this.#wait(p, after ?? backoffDelay(attempt - 1, this.#random));
    }
  }

  async #wait(p: Prepared, ms: number): Promise<void> {
    this.#log.retry(p.m.op.method, p.url, ms);
    await this.#sleep(ms, p.signal);
  }

  async #attempt(p: Prepared, attempt: number, streaming: boolean): Promise<Exchange> {
    const method = p.m.op.method;
    const headers = { ...p.headers };
    if (p.hmac) {
      // Fresh signature per attempt, over the path the server sees (base path included).
      const path = new URL(p.url).pathname;
      headers.Authorization = await this.#sign!(method, path, this.#now());
    }
    this.#log.request(method, p.url, attempt, headers);

    // Streams use the Stream's signal directly; plain calls get a per-attempt controller.
    const controller = streaming ? undefined : new AbortController();
    const onAbort = (): void => controller?.abort(p.signal?.reason);
    if (controller && p.signal) p.signal.addEventListener("abort", onAbort, { once: true });
    let timedOut = false;
    const timer =
      controller && p.timeout > 0 && Number.isFinite(p.timeout)
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, p.timeout)
        : undefined;
    const started = Date.now();
    try {
      if (p.signal?.aborted) throw p.signal.reason;
      const init: RequestInit & { duplex?: "half" } = {
        method,
        headers,
        body: p.body,
        signal: controller?.signal ?? p.signal,
      };
      if (p.duplex) init.duplex = "half";
      const response = await this.#fetchImpl(p.url, init);
      if (streaming) {
        this.#log.response(method, p.url, attempt, response.status, Date.now() - started);
        return { response };
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      this.#log.response(method, p.url, attempt, response.status, Date.now() - started);
      return { response, bytes };
    } catch (err) {
      this.#log.failure(method, p.url, attempt, err, Date.now() - started);
      if (p.signal?.aborted) throw p.signal.reason;
      if (timedOut)
        throw new TimeoutError(`${method} ${p.url} timed out after ${p.timeout} ms`, { cause: err });
      if (err instanceof MuxiError) throw err;
      throw new ConnectionError(`${method} ${p.url} failed: ${causeText(err)}`, { cause: err });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      if (controller && p.signal) p.signal.removeEventListener("abort", onAbort);
    }
  }
}
