// Stream<T>: the async-iterable result of every streaming method.
//
// Decisions:
// - Lazy: nothing is sent until the first iteration step, so a stream that is
//   never iterated makes no request and can never reject unobserved.
// - Not a thenable: `await client.chatStream(...)` is harmless and gives the stream.
// - One consumer: a second iteration throws.
// - Leaving a `for await` early (break/return/throw) cancels the body reader and
//   aborts the fetch, so the server sees the connection close.
// - `stream.abort()` ends the iteration quietly (the caller chose to stop);
//   an aborted `options.signal` rejects it with the signal's reason, like a plain call.
// - No timeout.

export type StreamSource<T> = (signal: AbortSignal) => AsyncIterable<T> | Promise<AsyncIterable<T>>;

export class Stream<T> implements AsyncIterable<T> {
  readonly #controller = new AbortController();
  readonly #source: StreamSource<T>;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #onCallerAbort = (): void => this.#controller.abort(this.#callerSignal?.reason);
  #userAborted = false;
  #started = false;

  constructor(source: StreamSource<T>, signal?: AbortSignal) {
    this.#source = source;
    this.#callerSignal = signal;
    if (signal) {
      if (signal.aborted) this.#controller.abort(signal.reason);
      else signal.addEventListener("abort", this.#onCallerAbort, { once: true });
    }
  }

  /** The signal aborted when the stream ends or is cancelled. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Stops the stream: closes the connection; a running iteration ends without error. */
  abort(): void {
    if (this.#controller.signal.aborted) return;
    this.#userAborted = true;
    this.#controller.abort();
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#started) throw new Error("A Stream can only be iterated once");
    this.#started = true;
    return this.#iterate();
  }

  /** The items as a web ReadableStream (cancelling it aborts the request). */
  toReadableStream(): ReadableStream<T> {
    const it = this[Symbol.asyncIterator]();
    return new ReadableStream<T>({
      async pull(ctrl) {
        const r = await it.next();
        if (r.done) ctrl.close();
        else ctrl.enqueue(r.value);
      },
      async cancel() {
        await it.return?.();
      },
    });
  }

  async *#iterate(): AsyncGenerator<T, void, undefined> {
    const signal = this.#controller.signal;
    let inner: AsyncIterator<T> | undefined;
    try {
      if (signal.aborted) throw signal.reason;
      const iterable = await this.#source(signal);
      inner = iterable[Symbol.asyncIterator]();
      for (;;) {
        const r = await inner.next();
        if (r.done) {
          // A deferred inner stream ends quietly when we abort it; report why.
          if (!this.#userAborted && this.#callerSignal?.aborted) throw this.#callerSignal.reason;
          return;
        }
        yield r.value;
      }
    } catch (err) {
      if (this.#userAborted) return;
      if (this.#callerSignal?.aborted) throw this.#callerSignal.reason;
      throw err;
    } finally {
      // Close the connection whichever way we leave (done, error, break).
      if (!signal.aborted) this.#controller.abort();
      this.#callerSignal?.removeEventListener("abort", this.#onCallerAbort);
      if (inner?.return) {
        try {
          await inner.return();
        } catch {
          // Cleanup of an already failed source.
        }
      }
    }
  }
}

/** A stream whose source is produced asynchronously (e.g. after reading a bundle). */
export function deferStream<T>(make: () => Promise<Stream<T>>, signal?: AbortSignal): Stream<T> {
  return new Stream<T>(async (abortSignal) => {
    const inner = await make();
    if (abortSignal.aborted) inner.abort();
    else abortSignal.addEventListener("abort", () => inner.abort(), { once: true });
    return inner;
  }, signal);
}
