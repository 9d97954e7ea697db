// Retry policy (DESIGN §5.2).
// - Retried: connection errors, timeouts, and HTTP 408, 429, 500, 502, 503, 504.
// - Only for GET, PUT, DELETE and POSTs marked x-muxi-idempotent. Never other
//   POSTs and never PATCH (no MUXI PATCH is idempotent by contract).
// - Delay: Retry-After (seconds or HTTP-date) when present, else 500 ms doubling
//   with "equal jitter" (half fixed, half random), capped at 30 s. A Retry-After
//   over 60 s is not waited for: the error is returned so the caller decides.
// - An aborted signal ends a wait at once, rejecting with the signal's reason.

import type { OperationSpec } from "./operation.js";

export const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);
export const BASE_DELAY_MS = 500;
export const MAX_DELAY_MS = 30_000;
export const MAX_RETRY_AFTER_MS = 60_000;

export function methodAllowsRetry(op: Pick<OperationSpec, "method" | "idempotent">): boolean {
  switch (op.method) {
    case "GET":
    case "PUT":
    case "DELETE":
      return true;
    case "POST":
      return op.idempotent;
    default:
      return false;
  }
}

/** Milliseconds to wait from a Retry-After value; undefined when absent or invalid. */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (v === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** Backoff before retry number `retry` (0 = first retry). */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** retry);
  return Math.round(cap / 2 + random() * (cap / 2));
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** setTimeout-based wait that rejects with the signal's reason as soon as it aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
