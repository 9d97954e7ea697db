// How a call reaches the transport. The client classes bind their arguments by the
// calling forms (bind.ts); the functions of `@muxi/sdk/formation` and `@muxi/sdk/server`
// by their one fixed form (bind-values.ts). Both end in `call` or `stream` here, so a
// method and its function send the same request.

import { bindArgs, type BoundCall } from "./bind.js";
import { bindDefault } from "./bind-values.js";
import type { MethodSpec } from "./operation.js";
import { decodeResponse } from "./response.js";
import { streamItems } from "./stream-items.js";
import { Stream } from "./stream.js";
import type { Transport } from "./transport.js";

/** What a function needs of its client: a client class instance, or `createFormation()` / `createServer()`. */
export interface Connection<Api extends string = string> {
  /** Which API the connection reaches (the functions of the other API do not accept it). */
  readonly api: Api;
  /** @internal The HTTP engine shared by every call of this client. */
  readonly transport: Transport;
}

/** A plain call; argument errors reject the promise (nothing is thrown synchronously). */
export function call<T>(c: Connection, m: MethodSpec, bind: () => BoundCall): Promise<T> {
  let bound: BoundCall;
  try {
    bound = bind();
  } catch (err) {
    return Promise.reject(err);
  }
  return c.transport.exchange(m, bound, false, bound.options.signal).then((ex) => decodeResponse(m, ex) as T);
}

/** A streaming call; argument errors surface when the stream is iterated. */
export function stream<T>(c: Connection, m: MethodSpec, bind: () => BoundCall): Stream<T> {
  let bound: BoundCall;
  try {
    bound = bind();
  } catch (err) {
    return new Stream<T>(() => Promise.reject(err));
  }
  const transport = c.transport;
  return new Stream<T>(
    (signal) =>
      transport
        .exchange(m, bound, true, signal)
        .then((ex) => streamItems(ex.response, m.stream!) as AsyncIterable<T>),
    bound.options.signal,
  );
}

/** The body of every generated function: `fn(client, ...pathParams, params?, options?)`. */
export function callFn<T>(c: Connection, m: MethodSpec, args: readonly unknown[]): Promise<T> {
  return call(c, m, () => bindDefault(m, args));
}

export function streamFn<T>(c: Connection, m: MethodSpec, args: readonly unknown[]): Stream<T> {
  return stream(c, m, () => bindDefault(m, args));
}

/** Base of the generated client classes: each method is `return this._call(M.someOp, args)` or `this._stream(…)`. */
export abstract class BaseClient<Api extends string = string> implements Connection<Api> {
  readonly api: Api;
  /** @internal */
  readonly transport: Transport;

  protected constructor(api: Api, transport: Transport) {
    this.api = api;
    this.transport = transport;
  }

  protected _call<T>(m: MethodSpec, args: readonly unknown[]): Promise<T> {
    return call(this, m, () => bindArgs(m, args));
  }

  protected _stream<T>(m: MethodSpec, args: readonly unknown[]): Stream<T> {
    return stream(this, m, () => bindArgs(m, args));
  }
}
