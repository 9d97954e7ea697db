// The spec-driven mock server, exercised with plain fetch (no SDK).
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import type { IR } from "../../generator/ir/types.js";
import { uncalled } from "./coverage.js";
import { sampleRequest } from "./sample-request.js";
import { serveMock, type MockServer } from "./serve.js";
import { synthesise } from "./synthesise.js";
import { checkValue, modelMap } from "./typeref-check.js";

const NOW_MS = 1_700_000_000_000;
const NOW_S = NOW_MS / 1000;
const FIXTURES = ["test/mock-server/fixtures/formation.yaml", "test/mock-server/fixtures/server.yaml"];

let ir: IR;
let mock: MockServer;

beforeAll(async () => {
  ir = await specToIR(FIXTURES);
  mock = await serveMock(ir, { now: () => NOW_MS });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  mock.requests.length = 0;
  mock.setScript(undefined);
});

const sdk = (extra: Record<string, string> = {}): Record<string, string> => ({
  "X-Muxi-SDK": "typescript/0.0.0-test",
  "X-Muxi-Idempotency-Key": randomUUID(),
  ...extra,
});
const client = (extra: Record<string, string> = {}): Record<string, string> => sdk({ "X-Muxi-Client-Key": "fmc_test", ...extra });
const admin = (extra: Record<string, string> = {}): Record<string, string> => sdk({ "X-Muxi-Admin-Key": "fma_test", ...extra });
const json = (extra: Record<string, string> = {}): Record<string, string> => ({ "Content-Type": "application/json", ...extra });

function signature(ts: number | string, method: string, path: string, secret = "muxi_sk_test"): string {
  return createHmac("sha256", secret).update(`${ts};${method};${path}`).digest("base64");
}
function hmac(method: string, signedPath: string, opts: { ts?: number | string; key?: string; secret?: string } = {}): Record<string, string> {
  const ts = opts.ts ?? NOW_S;
  return sdk({ Authorization: `MUXI-HMAC key=${opts.key ?? "muxi_pk_test"}, timestamp=${ts}, signature=${signature(ts, method, signedPath, opts.secret)}` });
}

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(mock.url + path, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* text */
  }
  return { status: res.status, body, headers: res.headers };
}

interface Frame {
  event?: string;
  data?: string;
  comment?: string;
}
function parseFrames(text: string): Frame[] {
  return text
    .split("\n\n")
    .filter((b) => b.length)
    .map((block) => {
      const f: Frame = {};
      for (const line of block.split("\n")) {
        if (line.startsWith(": ")) f.comment = line.slice(2);
        else if (line.startsWith("event: ")) f.event = line.slice(7);
        else if (line.startsWith("data: ")) f.data = f.data === undefined ? line.slice(6) : `${f.data}\n${line.slice(6)}`;
      }
      return f;
    });
}

/** Reads an SSE response until `count` frames arrived (then aborts) or it ends. */
async function readFrames(path: string, init: RequestInit, count = Infinity): Promise<{ res: Response; frames: Frame[]; ended: boolean }> {
  const ac = new AbortController();
  const res = await fetch(mock.url + path, { ...init, signal: ac.signal });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  let ended = false;
  while (parseFrames(text.slice(0, text.lastIndexOf("\n\n") + 2)).length < count) {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    text += decoder.decode(value, { stream: true });
  }
  const frames = parseFrames(text.slice(0, text.lastIndexOf("\n\n") + 2));
  if (!ended) {
    // A follow stream must not end by itself: nothing more arrives, the read stays pending.
    const next = await Promise.race([reader.read().then(() => "data"), new Promise((r) => setTimeout(() => r("pending"), 150))]);
    expect(next).toBe("pending");
    ac.abort();
  }
  return { res, frames, ended };
}

const chatBody = (extra: Record<string, unknown> = {}): string => JSON.stringify({ message: "Hello!", stream: false, ...extra });
const restoreBody = (message: Record<string, unknown> = {}): string =>
  JSON.stringify({ messages: [{ role: "user", content: "Hello", timestamp: "2024-05-01T10:00:00Z", ...message }] });

describe("valid formation requests", () => {
  it("answers chat through the live proxy path with the formation envelope", async () => {
    const headers = client(json({ "X-Muxi-User-ID": "user_123" }));
    const r = await call("/api/my-assistant/v1/chat", { method: "POST", headers, body: chatBody({ session_id: "sess_1" }) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      object: "chat_response",
      timestamp: NOW_MS,
      type: "chat",
      request: { id: expect.stringMatching(/^req_mock_\d+$/), idempotency_key: headers["X-Muxi-Idempotency-Key"] },
      success: true,
      error: null,
      data: { session_id: "string" },
    });
    const [rec] = mock.requests;
    expect(rec).toMatchObject({
      method: "POST",
      path: "/api/my-assistant/v1/chat",
      operation: "chat",
      service: "formation",
      mode: "live",
      formationId: "my-assistant",
      stream: false,
      status: 200,
    });
    expect(rec.rejected).toBeUndefined();
    expect(rec.body).toEqual({ message: "Hello!", stream: false, session_id: "sess_1" });
    expect(rec.headers["x-muxi-user-id"]).toBe("user_123");
  });

  it("records draft and direct modes", async () => {
    expect((await call("/draft/my%20bot/v1/chat", { method: "POST", headers: client(json()), body: chatBody() })).status).toBe(200);
    expect((await call("/v1/chat", { method: "POST", headers: client(json()), body: chatBody() })).status).toBe(200);
    expect(mock.requests.map((r) => [r.mode, r.formationId])).toEqual([
      ["draft", "my bot"],
      ["direct", undefined],
    ]);
  });

  it("validates nested bodies and synthesises nested results", async () => {
    const r = await call("/v1/sessions/sess%2Fabc/restore", {
      method: "POST",
      headers: client(json({ "X-Muxi-User-ID": "u1" })),
      body: restoreBody({ agent_id: null, metadata: { anyKey: 1 } }),
    });
    expect(r.status).toBe(200);
    expect(r.body.object).toBe("restore_result");
    expect(r.body.data).toEqual({ session_id: "string", messages_loaded: 1, stats: { dropped_count: 1 } });
    expect(mock.requests[0].pathParams).toEqual({ session_id: "sess/abc" });
  });

  it("types query values and accepts either key on dual routes", async () => {
    const r = await call("/v1/memories?limit=10&include_archived=true&memory_type=fact", { headers: admin({ "X-Muxi-User-ID": "u1" }) });
    expect(r.status).toBe(200);
    expect(r.body.data.memories[0]).toMatchObject({ id: "string", memory_type: "preference", created_at: "2024-01-01T00:00:00Z" });
    expect(mock.requests[0].query).toEqual({ limit: "10", include_archived: "true", memory_type: "fact" });
    expect((await call("/v1/memories", { headers: client({ "X-Muxi-User-ID": "u1" }) })).status).toBe(200);
  });

  it("serves the formation health under /v1 and the server health at /health; uses model examples", async () => {
    const f = await call("/v1/health", { headers: sdk() });
    expect(f).toMatchObject({ status: 200, body: { status: "healthy", version: "1.2.3" } });
    const s = await call("/health", { headers: sdk() });
    expect(s).toMatchObject({ status: 200, body: { success: true, status: "string" } });
    expect(mock.requests.map((r) => [r.service, r.operation])).toEqual([
      ["formation", "health"],
      ["server", "serverHealth"],
    ]);
  });

  it("accepts the fixed query value and answers non-envelope JSON as is", async () => {
    const r = await call("/v1/audit?confirm=clear-audit-log", { method: "DELETE", headers: admin() });
    expect(r).toMatchObject({ status: 200, body: { message: "string" } });
  });

  it("answers binary responses with bytes and ping with pong", async () => {
    const res = await fetch(`${mock.url}/v1/artifacts/art_1/content`, { headers: client({ "X-Muxi-User-ID": "u1" }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(new Uint8Array(await res.arrayBuffer()).length).toBeGreaterThan(0);
    expect(await call("/ping", { headers: sdk() })).toMatchObject({ status: 200, body: "pong" });
  });
});

describe("validation rejects", () => {
  const rejects = async (path: string, init: RequestInit, status: number, message: RegExp): Promise<any> => {
    const r = await call(path, init);
    expect(r.status).toBe(status);
    if (status === 400) expect(r.body).toMatchObject({ error: "MockValidationError", code: 400 });
    expect(r.body.message ?? r.body.error?.message).toMatch(message);
    expect(mock.requests.at(-1)?.rejected).toMatch(message);
    return r.body;
  };

  it("a missing required body field", () =>
    rejects("/v1/chat", { method: "POST", headers: client(json()), body: JSON.stringify({ stream: false }) }, 400, /body\.message: required/));
  it("a camelCase key in the body", () =>
    rejects(
      "/v1/chat",
      { method: "POST", headers: client(json()), body: chatBody({ sessionId: "s" }) },
      400,
      /"sessionId" is camelCase; the wire name is "session_id"/,
    ));
  it("a camelCase key in a nested model", () =>
    rejects(
      "/v1/sessions/s1/restore",
      { method: "POST", headers: client(json({ "X-Muxi-User-ID": "u" })), body: restoreBody({ agentId: "a" }) },
      400,
      /messages\[0\]: key "agentId"/,
    ));
  it("a wrong type", () =>
    rejects("/v1/chat", { method: "POST", headers: client(json()), body: chatBody({ message: 5 }) }, 400, /body\.message: expected string, got number/));
  it("a wrong nested type", () =>
    rejects(
      "/v1/sessions/s1/restore",
      { method: "POST", headers: client(json({ "X-Muxi-User-ID": "u" })), body: restoreBody({ timestamp: 1714557600 }) },
      400,
      /messages\[0\]\.timestamp: expected string \(date-time\)/,
    ));
  it("a value outside an enum", () =>
    rejects(
      "/v1/sessions/s1/restore",
      { method: "POST", headers: client(json({ "X-Muxi-User-ID": "u" })), body: restoreBody({ role: "robot" }) },
      400,
      /role: expected one of/,
    ));
  it("a nested model missing a required property", () =>
    rejects(
      "/v1/chat",
      { method: "POST", headers: client(json()), body: chatBody({ files: [{ content_type: "text/plain" }] }) },
      400,
      /files\[0\]\.filename: required property missing/,
    ));
  it("a body that is not an object", () =>
    rejects("/v1/chat", { method: "POST", headers: client(json()), body: "[1]" }, 400, /expected object ChatRequest, got array/));
  it("a body that is not JSON", () => rejects("/v1/chat", { method: "POST", headers: client(json()), body: "{nope" }, 400, /not valid JSON/));
  it("a JSON body with the wrong content type", () =>
    rejects(
      "/v1/chat",
      { method: "POST", headers: client({ "Content-Type": "text/plain" }), body: chatBody() },
      400,
      /Content-Type must be application\/json/,
    ));
  it("a chat request that selects neither variant", () =>
    rejects(
      "/v1/chat",
      { method: "POST", headers: client(json()), body: JSON.stringify({ message: "hi" }) },
      400,
      /ambiguous variant: send body stream: false \(chat\) or body stream: true \(chatStream\)/,
    ));
  it("a missing user header", () =>
    rejects("/v1/sessions/s1/restore", { method: "POST", headers: client(json()), body: restoreBody() }, 400, /X-Muxi-User-ID is required/));
  it("a missing X-Muxi-SDK header", () => rejects("/v1/health", { headers: { "X-Muxi-Idempotency-Key": "k" } }, 400, /x-muxi-sdk missing/));
  it("a missing idempotency key", () => rejects("/v1/health", { headers: { "X-Muxi-SDK": "typescript/0" } }, 400, /x-muxi-idempotency-key missing/));
  it("a query value of the wrong type", () =>
    rejects("/v1/memories?limit=ten", { headers: client({ "X-Muxi-User-ID": "u" }) }, 400, /query limit: expected an integer/));
  it("a boolean query value that is not true/false", () =>
    rejects("/v1/memories?include_archived=yes", { headers: client({ "X-Muxi-User-ID": "u" }) }, 400, /query include_archived: expected true or false/));
  it("a query value outside its enum", () =>
    rejects("/v1/memories?memory_type=opinion", { headers: client({ "X-Muxi-User-ID": "u" }) }, 400, /query memory_type: expected one of/));
  it("a camelCase query name", () =>
    rejects(
      "/v1/memories?includeArchived=true",
      { headers: client({ "X-Muxi-User-ID": "u" }) },
      400,
      /query includeArchived: camelCase name; the wire name is "include_archived"/,
    ));
  it("an unknown query parameter", () =>
    rejects("/v1/memories?page=2", { headers: client({ "X-Muxi-User-ID": "u" }) }, 400, /query page: not a parameter of getMemories/));
  it("a missing required (fixed) query parameter", () =>
    rejects("/v1/audit", { method: "DELETE", headers: admin() }, 400, /query confirm: required parameter missing/));
  it("a fixed parameter with another value", () =>
    rejects("/v1/audit?confirm=yes", { method: "DELETE", headers: admin() }, 400, /query confirm: expected "clear-audit-log"/));
  it("an empty path value", () =>
    rejects("/v1/artifacts//content", { headers: client({ "X-Muxi-User-ID": "u" }) }, 400, /path parameter artifact_id is empty/));
  it("a body on an operation that takes none", () =>
    rejects("/v1/audit?confirm=clear-audit-log", { method: "DELETE", headers: admin(json()), body: "{}" }, 400, /takes no request body/));

  it("an unknown route with 404 and a wrong method with 405", async () => {
    await rejects("/v1/nope", { headers: sdk() }, 404, /no formation operation has the path \/nope/);
    await rejects("/api//v1/chat", { headers: sdk() }, 404, /empty formation id/);
    const r = await call("/v1/chat", { headers: client() });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("POST");
  });

  it("a wrong client key and a missing key with a 401 formation envelope", async () => {
    const wrong = await rejects(
      "/v1/chat",
      { method: "POST", headers: client(json({ "X-Muxi-Client-Key": "fmc_wrong" })), body: chatBody() },
      401,
      /invalid client API key/,
    );
    expect(wrong).toMatchObject({ object: "error", success: false, type: "error.authentication", error: { code: "UNAUTHORIZED" }, data: {} });
    await rejects("/v1/chat", { method: "POST", headers: sdk(json()), body: chatBody() }, 401, /missing X-Muxi-Client-Key header/);
    await rejects("/v1/audit?confirm=clear-audit-log", { method: "DELETE", headers: client() }, 401, /missing X-Muxi-Admin-Key/);
    await rejects("/v1/memories", { headers: sdk({ "X-Muxi-User-ID": "u" }) }, 401, /AdminKey or ClientKey/);
  });
});

describe("MUXI-HMAC", () => {
  const unauthorized = (message: string) => ({ status: 401, body: { error: "Unauthorized", message, code: 401 } });

  it("accepts a correctly signed request and answers the server envelope", async () => {
    const r = await call("/rpc/formations", { headers: hmac("GET", "/rpc/formations") });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ success: true, data: { formations: [{ formation_id: "string", status: "running", port: 1 }] } });
  });

  it("accepts the worked example of server-api.md §1.7", async () => {
    const header = "MUXI-HMAC key=muxi_pk_test, timestamp=1700000000, signature=IunWzey7G8gTPuk4GYWuZX4JgEDcpYWr8Oe5Vj6+hWA=";
    expect((await call("/rpc/formations", { headers: sdk({ Authorization: header }) })).status).toBe(200);
  });

  it("rejects a bad signature, a wrong key, a missing or malformed header", async () => {
    expect(await call("/rpc/formations", { headers: hmac("GET", "/rpc/formations", { secret: "other" }) })).toMatchObject(unauthorized("Invalid signature"));
    expect(await call("/rpc/formations", { headers: hmac("POST", "/rpc/formations") })).toMatchObject(unauthorized("Invalid signature"));
    expect(await call("/rpc/formations", { headers: hmac("GET", "/rpc/formations", { key: "muxi_pk_other" }) })).toMatchObject(unauthorized("Invalid key"));
    expect(await call("/rpc/formations", { headers: sdk() })).toMatchObject(unauthorized("Missing authorization header"));
    const sig = signature(NOW_S, "GET", "/rpc/formations");
    for (const bad of [
      `muxi-hmac key=muxi_pk_test, timestamp=${NOW_S}, signature=${sig}`,
      `MUXI-HMAC key=muxi_pk_test,timestamp=${NOW_S},signature=${sig}`,
      `MUXI-HMAC key=muxi_pk_test, timestamp=${NOW_S}`,
    ]) {
      expect(await call("/rpc/formations", { headers: sdk({ Authorization: bad }) })).toMatchObject(unauthorized("Invalid authorization header format"));
    }
    // Order does not matter and unknown names are ignored.
    expect(
      (await call("/rpc/formations", { headers: sdk({ Authorization: `MUXI-HMAC signature=${sig}, extra=1, timestamp=${NOW_S}, key=muxi_pk_test` }) })).status,
    ).toBe(200);
  });

  it("allows ±300 s of clock skew and rejects stale or millisecond timestamps", async () => {
    expect((await call("/rpc/formations", { headers: hmac("GET", "/rpc/formations", { ts: NOW_S - 300 }) })).status).toBe(200);
    expect((await call("/rpc/formations", { headers: hmac("GET", "/rpc/formations", { ts: NOW_S + 300 }) })).status).toBe(200);
    const expired = unauthorized("Request expired (timestamp too old or in future)");
    expect(await call("/rpc/formations", { headers: hmac("GET", "/rpc/formations", { ts: NOW_S - 301 }) })).toMatchObject(expired);
    expect(await call("/rpc/formations", { headers: hmac("GET", "/rpc/formations", { ts: NOW_MS }) })).toMatchObject(expired);
  });

  it("signs the path without its query string, percent-decoded", async () => {
    const signedBare = await call("/rpc/formations/my-bot/logs?lines=50&stream=all", { headers: hmac("GET", "/rpc/formations/my-bot/logs") });
    expect(signedBare).toMatchObject({ status: 200, body: { success: true, data: { lines: ["string"] } } });
    expect(mock.requests[0].query).toEqual({ lines: "50", stream: "all" });
    const signedWithQuery = await call("/rpc/formations/my-bot/logs?lines=50", { headers: hmac("GET", "/rpc/formations/my-bot/logs?lines=50") });
    expect(signedWithQuery).toMatchObject(unauthorized("Invalid signature"));
    expect((await call("/rpc/formations/my%20bot/logs", { headers: hmac("GET", "/rpc/formations/my bot/logs") })).status).toBe(200);
  });

  it("rejects what a signature cannot cover: bad query values on a signed route", async () => {
    const r = await call("/rpc/formations/b/logs?stream=both", { headers: hmac("GET", "/rpc/formations/b/logs") });
    expect(r).toMatchObject({ status: 400, body: { error: "MockValidationError" } });
  });
});

describe("binary bodies", () => {
  const gzip = Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3]);
  const deployHeaders = (extra: Record<string, string> = {}) => ({
    ...hmac("POST", "/rpc/formations"),
    "Content-Type": "application/gzip",
    "X-Formation-ID": "my-bot",
    ...extra,
  });

  it("accepts a gzip bundle with its headers (201, server envelope)", async () => {
    const r = await call("/rpc/formations", { method: "POST", headers: deployHeaders({ "X-Formation-Version": "1.2.0" }), body: gzip });
    expect(r).toMatchObject({ status: 201, body: { success: true, data: { formation_id: "string", port: 1 } } });
    expect(mock.requests[0].body).toEqual(new Uint8Array(gzip));
  });

  it("rejects a wrong content type, an empty body and a missing header", async () => {
    expect(await call("/rpc/formations", { method: "POST", headers: deployHeaders({ "Content-Type": "application/octet-stream" }), body: gzip })).toMatchObject(
      { status: 400, body: { message: 'Content-Type must be application/gzip, got "application/octet-stream"' } },
    );
    expect(await call("/rpc/formations", { method: "POST", headers: deployHeaders() })).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/request body is required/) },
    });
    const noId = deployHeaders();
    delete (noId as Record<string, string>)["X-Formation-ID"];
    expect(await call("/rpc/formations", { method: "POST", headers: noId, body: gzip })).toMatchObject({
      status: 400,
      body: { message: "header X-Formation-ID: required header missing" },
    });
  });
});

describe("streams", () => {
  it("emits the runtime's chat wire format", async () => {
    const { res, frames, ended } = await readFrames("/v1/chat", {
      method: "POST",
      headers: client(json({ Accept: "text/event-stream" })),
      body: chatBody({ stream: true, session_id: "sess-1" }),
    });
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(ended).toBe(true);
    expect(frames[0]).toEqual({ comment: "keepalive" });
    const tokens = frames.filter((f) => !f.event && f.data).map((f) => JSON.parse(f.data as string).token);
    expect(tokens.map((t) => t.type)).toEqual(["thinking", "content", "content", "completed"]);
    expect(frames).toContainEqual({ data: '{"token":{"type":"content","content":"Hello "}}' });
    expect(tokens.at(-1)).toMatchObject({ content: "Hello world", session_id: "sess-1" });
    expect(frames.at(-2)?.event).toBe("ui");
    expect(JSON.parse(frames.at(-2)?.data as string).ui[0].type).toBe("options");
    expect(frames.at(-1)).toEqual({ event: "done", data: '{"finished":true}' });
    expect(mock.requests[0]).toMatchObject({ operation: "chat", stream: true });
  });

  it("emits named server events, complete last, then ends", async () => {
    const headers = { ...hmac("POST", "/rpc/formations"), "Content-Type": "application/gzip", "X-Formation-ID": "b", Accept: "text/event-stream" };
    const { res, frames, ended } = await readFrames("/rpc/formations", { method: "POST", headers, body: Uint8Array.from([1]) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(ended).toBe(true);
    expect(frames.map((f) => f.event)).toEqual(["progress", "complete"]);
    expect(JSON.parse(frames[1].data as string)).toEqual({ formation_id: "string", port: 1, status: "string" });
    expect(mock.requests[0].stream).toBe(true);
  });

  it("keeps a log follow stream open until the client goes", async () => {
    const { frames, ended } = await readFrames(
      "/rpc/formations/b/logs?follow=true&stream=stderr",
      { headers: { ...hmac("GET", "/rpc/formations/b/logs"), Accept: "text/event-stream" } },
      3,
    );
    expect(ended).toBe(false);
    expect(frames.map((f) => f.event)).toEqual(["connected", "log", "log"]);
    expect(JSON.parse(frames[0].data as string)).toEqual({ formation_id: "string" });
    expect(mock.requests[0]).toMatchObject({ operation: "getFormationLogs", stream: true });
    expect((await call("/rpc/formations/b/logs?follow=false", { headers: hmac("GET", "/rpc/formations/b/logs") })).status).toBe(400);
  });

  it("streams formation log events (stream-only, named) and data-only event frames", async () => {
    const logs = await readFrames("/v1/logs?level=ERROR", { headers: admin({ Accept: "text/event-stream" }) }, 2);
    expect(logs.frames.map((f) => f.event)).toEqual(["log", "log"]);
    const events = await readFrames("/v1/events", { headers: client({ Accept: "text/event-stream" }) });
    expect(events.ended).toBe(true);
    expect(events.frames.map((f) => [f.event, JSON.parse(f.data as string)])).toEqual(
      Array(3).fill([undefined, { type: "chat.response.completed", message: "Response sent" }]),
    );
  });
});

describe("scripting", () => {
  it("overrides status and headers, with a formation error envelope", async () => {
    mock.setScript((op) => (op.name === "chat" ? { status: 429, headers: { "Retry-After": "2" } } : undefined));
    const r = await call("/v1/chat", { method: "POST", headers: client(json()), body: chatBody() });
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("2");
    expect(r.body).toMatchObject({ success: false, error: { code: "RATE_LIMITED" } });
    mock.setScript(() => ({ status: 503 }));
    expect(await call("/rpc/formations", { headers: hmac("GET", "/rpc/formations") })).toMatchObject({
      status: 503,
      body: { error: "Service Unavailable", code: 503 },
    });
  });

  it("wraps scripted data, sends scripted frames and resets connections", async () => {
    mock.setScript(() => ({ data: { session_id: "scripted" } }));
    expect((await call("/v1/chat", { method: "POST", headers: client(json()), body: chatBody() })).body.data).toEqual({ session_id: "scripted" });
    mock.setScript((_op, req) =>
      req.stream ? { sse: [{ data: { token: "Hi" } }, { event: "error", data: { error: "backend exploded", type: "RuntimeError" } }] } : undefined,
    );
    const { frames } = await readFrames("/v1/chat", { method: "POST", headers: client(json()), body: chatBody({ stream: true }) });
    expect(frames).toEqual([{ data: '{"token":"Hi"}' }, { event: "error", data: '{"error":"backend exploded","type":"RuntimeError"}' }]);
    mock.setScript(() => ({ destroy: "before" }));
    await expect(fetch(`${mock.url}/v1/health`, { headers: sdk() })).rejects.toThrow();
    mock.setScript(() => ({ destroy: "after" }));
    await expect(fetch(`${mock.url}/v1/health`, { headers: sdk() }).then((res) => res.text())).rejects.toThrow();
  });
});

describe("coverage", () => {
  it("lists methods whose operation variant no accepted request reached", async () => {
    await call("/v1/chat", { method: "POST", headers: client(json()), body: chatBody() });
    await call("/v1/chat", { method: "POST", headers: client(json()), body: chatBody({ message: 1 }) }); // rejected: does not count
    await call("/ping", { headers: sdk() });
    const missing = uncalled(ir, mock.requests);
    expect(missing).not.toContain("chat");
    expect(missing).not.toContain("ping");
    expect(missing).toContain("chatStream");
    expect(missing).toContain("deployFormationStream");
    expect(missing.length).toBe(ir.services.flatMap((s) => s.operations.flatMap((o) => o.methods)).length - 2);
  });
});

describe("synthesis", () => {
  it("builds responses and events that satisfy their own IR types", async () => {
    for (const specs of [FIXTURES, ["test/fixtures/mini/formation.yaml", "test/fixtures/mini/server.yaml"], ["spec/formation.yaml", "spec/server.yaml"]]) {
      const spec = await specToIR(specs).catch((err: unknown) => (err instanceof SpecError ? undefined : Promise.reject(err)));
      if (!spec) continue;
      const models = modelMap(spec.models);
      for (const op of spec.services.flatMap((s) => s.operations)) {
        for (const ref of [op.response.type, ...(op.stream?.events ?? []).map((e) => e.type)]) {
          if (!ref || ref.kind === "binary" || op.response.kind === "text") continue;
          expect(checkValue(synthesise(ref, models), ref, models, { direction: "response" }, op.name)).toBeUndefined();
        }
      }
    }
  });
});

/** Sends one valid sample request per operation and variant; returns what the mock refused. */
async function roundTrip(spec: IR): Promise<{ failures: string[]; missing: string[] }> {
  const models = modelMap(spec.models);
  const server = await serveMock(spec, { now: () => NOW_MS });
  const failures: string[] = [];
  try {
    for (const service of spec.services) {
      for (const op of service.operations) {
        for (const stream of op.stream ? (op.stream.only ? [true] : [false, true]) : [false]) {
          const r = sampleRequest(op, models, { service: service.name, stream, nowMs: NOW_MS, formationPrefix: "/draft/f1/v1" });
          const ac = new AbortController();
          const res = await fetch(server.url + r.url, { method: r.method, headers: r.headers, body: r.body, signal: ac.signal });
          if ((res.headers.get("content-type") ?? "").includes("text/event-stream")) {
            await (res.body as ReadableStream<Uint8Array>).getReader().read();
            ac.abort();
          } else await res.arrayBuffer();
          const rec = server.requests.at(-1);
          if (res.status >= 300 || rec?.operation !== op.name || !!rec?.stream !== stream)
            failures.push(`${service.name}.${op.name}${stream ? " (stream)" : ""}: ${res.status} ${rec?.rejected ?? ""}`);
        }
      }
    }
    return { failures, missing: uncalled(spec, server.requests) };
  } finally {
    await server.close();
  }
}

describe("whole specs", () => {
  it("accepts a correct request for every operation of the fixtures, covering every method", async () => {
    expect(await roundTrip(ir)).toEqual({ failures: [], missing: [] });
  });

  it("accepts a correct request for every operation of the real spec (skipped while it does not validate)", async (ctx) => {
    let spec: IR;
    try {
      spec = await specToIR(["spec/formation.yaml", "spec/server.yaml"]);
    } catch (err) {
      if (err instanceof SpecError) return ctx.skip(`spec/ does not validate yet: ${err.message.split("\n")[0]}`);
      throw err;
    }
    expect(await roundTrip(spec)).toEqual({ failures: [], missing: [] });
    const models = modelMap(spec.models);
    for (const m of spec.models) {
      if (m.example !== undefined)
        expect(checkValue(m.example, { kind: "model", name: m.name }, models, { direction: "response" }, `${m.name}.example`)).toBeUndefined();
    }
  });
});

describe("lifecycle", () => {
  it("closes cleanly with a follow stream still open", async () => {
    const other = await serveMock(ir, { now: () => NOW_MS });
    const res = await fetch(`${other.url}/rpc/formations/b/logs?follow=true`, { headers: hmac("GET", "/rpc/formations/b/logs") });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await other.close();
    const drain = async (): Promise<void> => {
      while (!(await reader.read()).done);
    };
    const outcome = await drain().then(
      () => "ended",
      () => "aborted",
    );
    expect(["ended", "aborted"]).toContain(outcome);
    await expect(fetch(`${other.url}/ping`, { headers: sdk() })).rejects.toThrow();
  });
});
