// Per-call options every SDK method accepts as its last argument (DESIGN §5).

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
