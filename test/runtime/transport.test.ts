import "./harness/assemble.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindArgs } from "./.sdk/runtime/bind.js";
import { ValidationError } from "./.sdk/runtime/errors.js";
import type { MethodSpec } from "./.sdk/runtime/operation.js";
import { uuid } from "./.sdk/runtime/platform.js";
import { TestClient } from "./harness/client.js";
import { envelope, json, startServer, type TestServer } from "./harness/server.js";
import { OPTIONS, method, op, param, streamSpec } from "./harness/specs.js";

const snakeToCamel = (v: unknown): unknown =>
  typeof v === "object" && v !== null && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), x]),
      )
    : v;

describe("envelope unwrapping and response kinds", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
  const c = (): TestClient => new TestClient({ baseUrl: `${server.url}/v1`, defaultUserId: "u1" });

  it("returns data decoded, with requestId and timestamp", async () => {
    server.handle((_req, res) =>
      json(res, 200, envelope({ session_id: "s1", message_count: 3 }, "req_abc", 1700000000123)),
    );
    const m = method(
      "getSession",
      op({
        id: "getSession",
        method: "GET",
        path: "/sessions/{session_id}",
        params: [param("sessionId", "session_id", "path")],
        response: { kind: "json", envelope: true, decode: snakeToCamel },
      }),
    );
    expect(await c().call(m, "s1")).toStrictEqual({
      sessionId: "s1",
      messageCount: 3,
      requestId: "req_abc",
      timestamp: 1700000000123,
    });
  });

  it("keeps a payload's own requestId; arrays come back as arrays", async () => {
    const m = method(
      "list",
      op({ id: "list", method: "GET", path: "/list", response: { kind: "json", envelope: true } }),
    );
    server.handle((_req, res) => json(res, 200, envelope({ requestId: "mine" }, "req_env")));
    expect(await c().call(m)).toMatchObject({ requestId: "mine", timestamp: 1700000000123 });
    server.handle((_req, res) => json(res, 200, envelope([{ a: 1 }, { a: 2 }])));
    const arr = await c().call(m);
    expect(arr).toStrictEqual([{ a: 1 }, { a: 2 }]);
  });

  it("an envelope op answering without data (e.g. /health) returns the body", async () => {
    const m = method(
      "health",
      op({ id: "health", method: "GET", path: "/health", response: { kind: "json", envelope: true } }),
    );
    server.handle((_req, res) => json(res, 200, { status: "healthy" }));
    expect(await c().call(m)).toStrictEqual({ status: "healthy" });
  });

  it("text, binary, empty and empty-JSON responses", async () => {
    const ping = method(
      "ping",
      op({ id: "ping", method: "GET", path: "/ping", response: { kind: "text", envelope: false } }),
    );
    const bin = method(
      "content",
      op({ id: "content", method: "GET", path: "/bin", response: { kind: "binary", envelope: false } }),
    );
    const empty = method(
      "del",
      op({ id: "del", method: "DELETE", path: "/x", response: { kind: "empty", envelope: false } }),
    );
    const js = method("js", op({ id: "js", method: "GET", path: "/js" }));
    server.handle((req, res) => {
      if (req.url === "/v1/ping") {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end("pong");
      } else if (req.url === "/v1/bin") {
        res.writeHead(200, { "Content-Type": "application/zip" });
        res.end(Buffer.from([0, 1, 2, 255]));
      } else {
        res.writeHead(req.url === "/v1/x" ? 204 : 200);
        res.end();
      }
    });
    expect(await c().call(ping)).toBe("pong");
    expect(await c().call(bin)).toStrictEqual(new Uint8Array([0, 1, 2, 255]));
    expect(await c().call(empty)).toBeUndefined();
    expect(await c().call(js)).toBeUndefined();
    expect(server.requests[0]!.headers.accept).not.toBe("application/json");
    expect(server.requests[3]!.headers.accept).toBe("application/json");
  });
});

describe("request building", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => json(res, 200, envelope({ ok: true })));
  });
  afterAll(() => server.close());

  const addMemory = method(
    "addMemory",
    op({
      id: "addMemory",
      method: "POST",
      path: "/memories",
      params: [
        param("type", "type", "body", { required: true }),
        param("detail", "detail", "body", { required: true }),
        param("sessionId", "session_id", "body"),
      ],
      body: { kind: "json", contentType: "application/json", required: true },
      response: { kind: "json", envelope: true },
      auth: ["ClientKey"],
      userId: "required",
    }),
    {
      forms: [
        [
          { param: "userId", kind: "string", optional: false },
          { param: "type", kind: "string", optional: false },
          { param: "detail", kind: "string", optional: false },
          OPTIONS,
        ],
        [{ param: "params", kind: "object", optional: false }, OPTIONS],
      ],
    },
  );

  it("positional legacy form and object form send the same request", async () => {
    const c = new TestClient({
      baseUrl: `${server.url}/v1`,
      credentials: { clientKey: "ck", adminKey: "ak" },
    });
    server.handle((_req, res) => json(res, 200, envelope({})));
    await c.call(addMemory, "user_123", "preference", "User prefers TypeScript");
    await c.call(addMemory, {
      userId: "user_123",
      type: "preference",
      detail: "User prefers TypeScript",
      unknownKey: "dropped",
    });
    for (const r of server.requests) {
      expect(r.method).toBe("POST");
      expect(r.path).toBe("/v1/memories");
      expect(r.headers["x-muxi-user-id"]).toBe("user_123");
      expect(r.headers["x-muxi-client-key"]).toBe("ck");
      expect(r.headers["x-muxi-admin-key"]).toBeUndefined();
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers["x-muxi-sdk"]).toBe("typescript/0.0.0-test");
      expect(r.headers["x-muxi-client"]).toBe(
        `${process.platform}-${process.arch}/node${process.versions.node}`,
      );
      expect(JSON.parse(r.body.toString())).toStrictEqual({
        type: "preference",
        detail: "User prefers TypeScript",
      });
    }
    expect(server.requests[0]!.headers["x-muxi-idempotency-key"]).not.toBe(
      server.requests[1]!.headers["x-muxi-idempotency-key"],
    );
  });

  it("user id precedence: argument > options.userId > client default; none when the op ignores it", async () => {
    const m = method(
      "getRequests",
      op({ id: "getRequests", method: "GET", path: "/requests", userId: "optional" }),
      {
        forms: [[{ param: "userId", kind: "string", optional: true }, OPTIONS]],
      },
    );
    const none = method("getConfig", op({ id: "getConfig", method: "GET", path: "/config" }));
    const c = new TestClient({ baseUrl: server.url, defaultUserId: "default-user" });
    server.handle((_req, res) => json(res, 200, {}));
    await c.call(m, "arg-user", { userId: "opt-user" });
    await c.call(m, undefined, { userId: "opt-user" });
    await c.call(m);
    await c.call(none);
    expect(server.requests.map((r) => r.headers["x-muxi-user-id"])).toEqual([
      "arg-user",
      "opt-user",
      "default-user",
      undefined,
    ]);
  });

  it("sends both keys when the op accepts both and both are configured", async () => {
    const m = method(
      "getCredentials",
      op({ id: "x", method: "GET", path: "/x", auth: ["AdminKey", "ClientKey"] }),
    );
    server.handle((_req, res) => json(res, 200, {}));
    await new TestClient({ baseUrl: server.url, credentials: { clientKey: "ck", adminKey: "ak" } }).call(m);
    await new TestClient({ baseUrl: server.url, credentials: { adminKey: "ak" } }).call(m);
    expect(
      server.requests.map((r) => [r.headers["x-muxi-admin-key"], r.headers["x-muxi-client-key"]]),
    ).toEqual([
      ["ak", "ck"],
      ["ak", undefined],
    ]);
  });

  it("path values are encoded per segment; query arrays repeat; header params; caller headers last", async () => {
    const m = method(
      "thing",
      op({
        id: "thing",
        method: "GET",
        path: "/things/{thing_id}/items",
        params: [
          param("thingId", "thing_id", "path"),
          param("tags", "tag", "query", { kind: "array" }),
          param("limit", "limit", "query", { kind: "number" }),
          param("follow", "follow", "query", { kind: "boolean" }),
          param("formationId", "X-Formation-ID", "header"),
        ],
      }),
    );
    const c = new TestClient({
      baseUrl: server.url,
      headers: { "X-Extra": "client", "X-Muxi-SDK": "overridden-by-client" },
    });
    server.handle((_req, res) => json(res, 200, {}));
    await c.call(
      m,
      "a/b c",
      { tags: ["x", "y z"], limit: 5, follow: false, formationId: "f1" },
      { headers: { "x-extra": "call" } },
    );
    const r = server.requests[0]!;
    expect(r.url).toBe("/things/a%2Fb%20c/items?tag=x&tag=y%20z&limit=5&follow=false");
    expect(r.headers["x-formation-id"]).toBe("f1");
    expect(r.headers["x-extra"]).toBe("call");
    expect(r.headers["x-muxi-sdk"]).toBe("overridden-by-client");
  });

  it("plainSelect and stream.select are merged over the body", () => {
    const chat: MethodSpec = method(
      "chat",
      op({
        id: "chat",
        method: "POST",
        path: "/chat",
        params: [
          param("message", "message", "body", { required: true }),
          param("stream", "stream", "body", { kind: "boolean" }),
        ],
        body: { kind: "json", contentType: "application/json", required: true },
        plainSelect: { body: { stream: false } },
      }),
    );
    expect(bindArgs(chat, [{ message: "hi", stream: true }]).body).toStrictEqual({
      message: "hi",
      stream: false,
    });
    const logs: MethodSpec = {
      ...method(
        "streamFormationLogs",
        op({
          id: "getFormationLogs",
          method: "GET",
          path: "/logs/{id}",
          params: [param("id", "id", "path")],
        }),
      ),
      stream: streamSpec({ format: "named", select: { query: { follow: true } } }),
    };
    expect(bindArgs(logs, ["bot"]).query).toStrictEqual({ follow: true });
  });

  it("binding: encode, whole bodies, trailing undefined, form mismatch, missing required", () => {
    const m = method(
      "create",
      op({
        id: "create",
        method: "POST",
        path: "/c",
        params: [
          param("config", "config", "body", {
            kind: "object",
            required: true,
            encode: (v) => ({ wrapped: v }),
          }),
          param("when", "when", "query", { encode: (v) => `@${String(v)}` }),
        ],
        body: { kind: "json", contentType: "application/json", required: true },
      }),
    );
    const b = bindArgs(m, [{ config: { a: 1 }, when: "now" }, undefined, undefined]);
    expect(b.body).toStrictEqual({ config: { wrapped: { a: 1 } } });
    expect(b.query).toStrictEqual({ when: "@now" });
    expect(() => bindArgs(m, [{ when: "now" }])).toThrow(ValidationError);
    expect(() => bindArgs(m, [{ when: "now" }])).toThrow(/config/);
    expect(() => bindArgs(m, ["a string", 1, 2])).toThrow(/match none/);

    const raw = method(
      "setTuning",
      op({
        id: "setTuning",
        method: "PUT",
        path: "/tuning",
        params: [param("content", "content", "body", { whole: true, required: true })],
        body: { kind: "text", contentType: "text/markdown", required: true },
      }),
    );
    expect(bindArgs(raw, [{ content: "# hi" }]).body).toBe("# hi");
  });

  it("a fixed parameter is sent by the runtime, never taken from the caller", () => {
    const clear = method(
      "clearAuditLog",
      op({
        id: "clearAuditLog",
        method: "DELETE",
        path: "/audit",
        params: [{ ...param("confirm", "confirm", "query", { required: true }), fixed: "clear-audit-log" }],
      }),
      { forms: [[OPTIONS]] },
    );
    expect(bindArgs(clear, []).query).toStrictEqual({ confirm: "clear-audit-log" });
    const withParams = method(
      "x",
      op({
        id: "x",
        method: "DELETE",
        path: "/x",
        params: [{ ...param("confirm", "confirm", "query"), fixed: "yes" }],
      }),
    );
    expect(bindArgs(withParams, [{ confirm: "no" }]).query).toStrictEqual({ confirm: "yes" });
  });

  it("text and binary request bodies", async () => {
    const text = method(
      "setTuning",
      op({
        id: "setTuning",
        method: "PUT",
        path: "/tuning",
        params: [param("content", "content", "body", { whole: true, required: true })],
        body: { kind: "text", contentType: "text/markdown", required: true },
      }),
    );
    const bin = method(
      "upload",
      op({
        id: "upload",
        method: "POST",
        path: "/up",
        params: [param("data", "data", "body", { whole: true, required: true, kind: "unknown" })],
        body: { kind: "binary", contentType: "application/octet-stream", required: true },
      }),
    );
    const c = new TestClient({ baseUrl: server.url });
    server.handle((_req, res) => json(res, 200, {}));
    await c.call(text, { content: "# Tuning" });
    await c.call(bin, { data: new Uint8Array([9, 8, 7]) });
    await c.call(bin, { data: new Blob([new Uint8Array([1, 2])]) });
    await c.call(bin, { data: new Uint8Array([5, 6]).buffer });
    expect(server.requests.map((r) => [r.headers["content-type"], [...r.body]])).toEqual([
      ["text/markdown", [...Buffer.from("# Tuning")]],
      ["application/octet-stream", [9, 8, 7]],
      ["application/octet-stream", [1, 2]],
      ["application/octet-stream", [5, 6]],
    ]);
  });

  it("a custom fetch is used", async () => {
    const seen: string[] = [];
    const c = new TestClient({
      baseUrl: "http://nowhere.invalid",
      fetch: async (input) => {
        seen.push(input);
        return new Response(JSON.stringify({ via: "custom" }), { status: 200 });
      },
    });
    const m = method("x", op({ id: "x", method: "GET", path: "/x" }));
    expect(await c.call(m)).toStrictEqual({ via: "custom" });
    expect(seen).toEqual(["http://nowhere.invalid/x"]);
  });

  it("uuid() is a v4 UUID", () => {
    expect(uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
