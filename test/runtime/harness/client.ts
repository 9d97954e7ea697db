// A BaseClient subclass that calls any hand-written MethodSpec.

import "./assemble.js";
import { BaseClient } from "../.sdk/runtime/client.js";
import type { MethodSpec } from "../.sdk/runtime/operation.js";
import type { Stream } from "../.sdk/runtime/stream.js";
import { Transport, type TransportConfig } from "../.sdk/runtime/transport.js";

export class TestClient extends BaseClient {
  constructor(config: TransportConfig) {
    super("formation", new Transport(config));
  }
  call<T = unknown>(m: MethodSpec, ...args: unknown[]): Promise<T> {
    return this._call<T>(m, args);
  }
  stream<T = unknown>(m: MethodSpec, ...args: unknown[]): Stream<T> {
    return this._stream<T>(m, args);
  }
}

/** Instant waits that record their durations (for policy tests). */
export function recordingSleep(): {
  waits: number[];
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
} {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms, signal) => {
      waits.push(ms);
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
  };
}
