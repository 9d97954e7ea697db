import "./harness/assemble.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectionError, RateLimitError, ServerError, TimeoutError } from "./.sdk/runtime/errors.js";
import { backoffDelay, methodAllowsRetry, parseRetryAfter, sleep } from "./.sdk/runtime/retry.js";
import { TestClient, recordingSleep } from "./harness/client.js";
import { delay, json, startServer, type TestServer } from "./harness/server.js";
import { method, op, param } from "./harness/specs.js";

const get = method("getThing", op({ id: "getThing", method: "GET", path: "/thing" }));
const put = method(
  "putThing",
  op({
    id: "putThing",
    method: "PUT",
    path: "/thing",
    params: [param("v", "v", "body")],
    body: { kind: "json", contentType: "application/json", required: true },
  }),
);
const post = method(
  "createThing",
  op({
    id: "createThing",
    method: "POST",
    path: "/thing",
    params: [param("v", "v", "body")],
    body: { kind: "json", contentType: "application/json", required: true },
  }),
);
const idemPost = method(
  "chat",
  op({
    id: "chat",
    method: "POST",
    path: "/chat",
    params: [param("v", "v", "body")],
    body: { kind: "json", contentType: "application/json", required: true },
    idempotent: true,
  }),
);
const patch = method("patchThing", op({ id: "patchThing", method: "PATCH", path: "/thing" }));

describe("retry policy (pure)", () => {
  it("retries GET/PUT/DELETE and idempotent POSTs only", () => {
    expect(methodAllowsRetry({ method: "GET", idempotent: false })).toBe(true);
    expect(methodAllowsRetry({ method: "PUT", idempotent: false })).toBe(true);
    expect(methodAllowsRetry({ method: "DELETE", idempotent: false })).toBe(true);
    expect(methodAllowsRetry({ method: "POST", idempotent: false })).toBe(false);
    expect(methodAllowsRetry({ method: "POST", idempotent: true })).toBe(true);
    expect(methodAllowsRetry({ method: "PATCH", idempotent: true })).toBe(false);
  });

  it("parses Retry-After seconds and HTTP-dates", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    expect(parseRetryAfter("1", now)).toBe(1000);
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("backs off from 500 ms, doubling, with jitter, capped at 30 s", () => {
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(0, () => 0.999999)).toBe(500);
    expect(backoffDelay(1, () => 0.999999)).toBe(1000);
    expect(backoffDelay(3, () => 0.999999)).toBe(4000);
    expect(backoffDelay(20, () => 0.999999)).toBe(30000);
    expect(backoffDelay(20, () => 0)).toBe(15000);
  });

  it("sleep rejects at once with the signal's reason", async () => {
    const ac = new AbortController();
    const t = Date.now();
    const p = sleep(30_000, ac.signal);
    setTimeout(() => ac.abort(new Error("bye")), 10);
    await expect(p).rejects.toThrow("bye");
    expect(Date.now() - t).toBeLessThan(1000);
  });
});

describe("faults against a real server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
  const client = (extra: Partial<ConstructorParameters<typeof TestClient>[0]> = {}): TestClient =>
    new TestClient({ baseUrl: server.url, maxRetries: 3, ...extra });

  it("503 then 200: two attempts with the same idempotency key (real backoff wait)", async () => {
    server.handle((_req, res, _r, i) =>
      i === 0
        ? json(res, 503, { error: "Service Unavailable", message: "busy", code: 503 })
        : json(res, 200, { ok: 1 }),
    );
    await expect(client().call(get)).resolves.toEqual({ ok: 1 });
    expect(server.requests).toHaveLength(2);
    const keys = server.requests.map((r) => r.headers["x-muxi-idempotency-key"]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(200);
  });

  it("uses options.idempotencyKey for every attempt", async () => {
    server.handle((_req, res, _r, i) => (i < 2 ? json(res, 502, {}) : json(res, 200, {})));
    const { sleep: fast } = recordingSleep();
    await client({ sleep: fast }).call(put, { v: 1 }, { idempotencyKey: "idem-1" });
    expect(server.requests.map((r) => r.headers["x-muxi-idempotency-key"])).toEqual([
      "idem-1",
      "idem-1",
      "idem-1",
    ]);
  });

  it("429 with Retry-After: 1 waits at least ~1 s (measured by the server)", async () => {
    server.handle((_req, res, _r, i) =>
      i === 0
        ? json(
            res,
            429,
            { error: "Too Many Requests", message: "slow down", code: 429 },
            { "Retry-After": "1" },
          )
        : json(res, 200, { ok: true }),
    );
    await expect(client().call(get)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("429 with an HTTP-date Retry-After waits until then", async () => {
    server.handle((_req, res, _r, i) =>
      i === 0
        ? json(
            res,
            429,
            { error: "Too Many Requests", message: "slow down", code: 429 },
            { "Retry-After": new Date(Date.now() + 2000).toUTCString() },
          )
        : json(res, 200, { ok: true }),
    );
    await expect(client().call(get)).resolves.toEqual({ ok: true });
    // HTTP-dates have 1 s resolution: the wait is at least ~1 s.
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("429 exhausted → RateLimitError with retryAfter", async () => {
    server.handle((_req, res) =>
      json(res, 429, { error: "Too Many Requests", message: "slow", code: 429 }, { "Retry-After": "0" }),
    );
    const err = await client({ maxRetries: 1 })
      .call(get)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err).toMatchObject({ status: 429, code: "RATE_LIMITED", retryAfter: 0 });
    expect(server.requests).toHaveLength(2);
  });

  it("connection reset, then success", async () => {
    server.handle((req, res, _r, i) => {
      if (i === 0) req.socket.destroy();
      else json(res, 200, { ok: "after reset" });
    });
    await expect(client().call(get)).resolves.toEqual({ ok: "after reset" });
    expect(server.requests).toHaveLength(2);
  });

  it("connection refused → ConnectionError after all attempts", async () => {
    const dead = await startServer();
    const url = dead.url;
    await dead.close();
    const { sleep: fast, waits } = recordingSleep();
    const err = await new TestClient({ baseUrl: url, maxRetries: 2, sleep: fast })
      .call(get)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).toMatchObject({ status: 0, code: "CONNECTION_ERROR" });
    expect((err as Error).cause).toBeDefined();
    expect(waits).toHaveLength(2);
  });

  it("a body slower than the timeout → TimeoutError after retries (attempts counted)", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"slow":');
      const t = setTimeout(() => res.end("true}"), 2000);
      res.on("close", () => clearTimeout(t));
    });
    const { sleep: fast } = recordingSleep();
    const t0 = Date.now();
    const err = await client({ timeout: 150, maxRetries: 2, sleep: fast })
      .call(get)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).not.toBeInstanceOf(ConnectionError);
    expect(err).toMatchObject({ code: "TIMEOUT", status: 0 });
    expect(server.requests).toHaveLength(3);
    expect(Date.now() - t0).toBeLessThan(1900);
  });

  it("a per-call timeout overrides the client's", async () => {
    server.handle((_req, res) => {
      const t = setTimeout(() => json(res, 200, {}), 1000);
      res.on("close", () => clearTimeout(t));
    });
    const err = await client({ maxRetries: 0 })
      .call(get, { timeout: 100 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
  });

  it("a non-idempotent POST against 503 → exactly 1 attempt", async () => {
    server.handle((_req, res) =>
      json(res, 503, { error: "Service Unavailable", message: "down", code: 503 }),
    );
    const err = await client()
      .call(post, { v: 1 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({ status: 503, code: "SERVER_ERROR", message: "down" });
    expect(server.requests).toHaveLength(1);
  });

  it("a non-idempotent POST is not retried after a connection reset either", async () => {
    server.handle((req) => req.socket.destroy());
    await expect(client().call(post, { v: 1 })).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("PATCH is not retried", async () => {
    server.handle((_req, res) => json(res, 503, {}));
    await expect(client().call(patch)).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("an idempotent POST is retried", async () => {
    server.handle((_req, res, _r, i) => (i === 0 ? json(res, 503, {}) : json(res, 200, { ok: true })));
    const { sleep: fast } = recordingSleep();
    await expect(client({ sleep: fast }).call(idemPost, { v: 1 })).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body.toString()).toBe('{"v":1}');
  });

  it("abort during a 30 s Retry-After wait returns at once", async () => {
    server.handle((_req, res) =>
      json(res, 503, { error: "Service Unavailable", message: "later", code: 503 }, { "Retry-After": "30" }),
    );
    const ac = new AbortController();
    const t0 = Date.now();
    const p = client().call(get, { signal: ac.signal });
    setTimeout(() => ac.abort(), 200);
    const err = await p.catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect((err as Error).name).toBe("AbortError");
    expect(server.requests).toHaveLength(1);
  });

  it("abort while the request is in flight rejects with the reason", async () => {
    server.handle((_req, res) => {
      const t = setTimeout(() => json(res, 200, {}), 5000);
      res.on("close", () => clearTimeout(t));
    });
    const ac = new AbortController();
    const p = client().call(get, { signal: ac.signal });
    setTimeout(() => ac.abort(new Error("user cancelled")), 50);
    await expect(p).rejects.toThrow("user cancelled");
  });

  it("a Retry-After beyond 60 s is not waited for", async () => {
    server.handle((_req, res) =>
      json(
        res,
        429,
        { error: "Too Many Requests", message: "much later", code: 429 },
        { "Retry-After": "3600" },
      ),
    );
    const err = await client()
      .call(get)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err).toMatchObject({ retryAfter: 3600 });
    expect(server.requests).toHaveLength(1);
  });

  it("maxRetries 0 → 1 attempt (client and per call)", async () => {
    server.handle((_req, res) => json(res, 500, {}));
    await expect(client({ maxRetries: 0 }).call(get)).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
    server.handle((_req, res) => json(res, 500, {}));
    await expect(client().call(get, { maxRetries: 0 })).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("retry statuses: 408, 500, 502, 503, 504 are retried; 501 and 4xx are not", async () => {
    const { sleep: fast } = recordingSleep();
    for (const status of [408, 500, 502, 503, 504]) {
      server.handle((_req, res, _r, i) => (i === 0 ? json(res, status, {}) : json(res, 200, { status })));
      await expect(client({ sleep: fast }).call(get)).resolves.toEqual({ status });
      expect(server.requests).toHaveLength(2);
    }
    for (const status of [400, 401, 404, 409, 501]) {
      server.handle((_req, res) => json(res, status, {}));
      await expect(client({ sleep: fast }).call(get)).rejects.toMatchObject({ status });
      expect(server.requests).toHaveLength(1);
    }
  });

  it("retries GET with exponential delays (recorded)", async () => {
    server.handle((_req, res) => json(res, 503, {}));
    const rec = recordingSleep();
    await expect(client({ sleep: rec.sleep, random: () => 0.5 }).call(get)).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(server.requests).toHaveLength(4);
    expect(rec.waits).toEqual([375, 750, 1500]);
  });

  it("a ReadableStream body is sent once, never retried", async () => {
    const upload = method(
      "upload",
      op({
        id: "upload",
        method: "PUT",
        path: "/blob",
        params: [param("data", "data", "body", { whole: true, required: true, kind: "unknown" })],
        body: { kind: "binary", contentType: "application/octet-stream", required: true },
      }),
    );
    server.handle((_req, res) => json(res, 503, {}));
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode("streamed"));
        c.close();
      },
    });
    await expect(client().call(upload, { data: body })).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body.toString()).toBe("streamed");
    await delay(0);
  });
});
