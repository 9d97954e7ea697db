// Base of the generated client classes: each generated method is
// `return this._call(M.someOp, args)` or `return this._stream(M.someOp, args)`.

import { bindArgs, type BoundCall } from "./bind.js";
import type { MethodSpec } from "./operation.js";
import { Stream } from "./stream.js";
import type { Transport } from "./transport.js";

export abstract class BaseClient {
  protected readonly _transport: Transport;

  protected constructor(transport: Transport) {
    this._transport = transport;
  }

  /** A plain call; argument errors reject the promise (nothing is thrown synchronously). */
  protected _call<T>(m: MethodSpec, args: readonly unknown[]): Promise<T> {
    let bound: BoundCall;
    try {
      bound = bindArgs(m, args);
    } catch (err) {
      return Promise.reject(err);
    }
    return this._transport.request(m, bound) as Promise<T>;
  }

  /** A streaming call; argument errors surface when the stream is iterated. */
  protected _stream<T>(m: MethodSpec, args: readonly unknown[]): Stream<T> {
    let bound: BoundCall;
    try {
      bound = bindArgs(m, args);
    } catch (err) {
      return new Stream<T>(() => Promise.reject(err));
    }
    const transport = this._transport;
    return new Stream<T>(
      (signal) => transport.stream(m, bound, signal) as Promise<AsyncIterable<T>>,
      bound.options.signal,
    );
  }
}
