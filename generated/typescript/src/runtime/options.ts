// Per-call options every SDK method accepts as its last argument (DESIGN §5), and the
// transport options both clients share.

import type { DebugSink } from "./debug.js";
import { ENV, envFlag } from "./env.js";
import type { FetchLike, TransportConfig } from "./transport.js";

/** The client options FormationClient and ServerClient share. */
export interface SharedClientOptions {
  /** Per-attempt timeout in ms (default 30000). */
  timeout?: number;
  /** Old name of `timeout`. */
  timeoutMs?: number;
  /** Retries of retryable calls (default 3). */
  maxRetries?: number;
  /** true (or MUXI_DEBUG=1): log requests to console.debug, credentials redacted; or a function receiving each line. */
  debug?: boolean | DebugSink;
  /** fetch implementation (default: the global one). */
  fetch?: FetchLike;
  /** Headers sent on every request. */
  headers?: Record<string, string>;
}

/** The transport settings of the shared options, with their defaults and MUXI_DEBUG. */
export function sharedTransportConfig(o: SharedClientOptions, baseUrl: string): TransportConfig {
  const config: TransportConfig = {
    baseUrl,
    timeout: o.timeout ?? o.timeoutMs ?? 30_000,
    maxRetries: o.maxRetries ?? 3,
    debug: o.debug ?? envFlag(ENV.debug),
  };
  if (o.fetch) config.fetch = o.fetch;
  if (o.headers) config.headers = o.headers;
  return config;
}

export interface RequestOptions {
  /** X-Muxi-User-ID for this call (wins over the client's default userId). */
  userId?: string;
  /** Aborts the call (and any retry wait) at once; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call (0 = none). Streams never time out. */
  timeout?: number;
  /** Extra headers, applied last (they override SDK headers). */
  headers?: Record<string, string>;
  /** X-Muxi-Idempotency-Key for this logical call (default: a fresh UUID reused by its retries). */
  idempotencyKey?: string;
  /** Retries for this call (default: the client's maxRetries). */
  maxRetries?: number;
}

/** A result with the envelope's metadata (present when the server sent them). */
export type WithMeta<T> = T & { requestId?: string; timestamp?: number };
