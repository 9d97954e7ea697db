import "./harness/assemble.js";
import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatStep } from "./.sdk/runtime/chat-stream.js";
import { ConnectionError, NotFoundError, StreamError, AuthenticationError } from "./.sdk/runtime/errors.js";
import type { ChatEvent, NamedEvent } from "./.sdk/runtime/events.js";
import { hmacSigner } from "./.sdk/runtime/hmac.js";
import { parseSse } from "./.sdk/runtime/sse.js";
import { TestClient } from "./harness/client.js";
import { delay, json, startServer, type TestServer } from "./harness/server.js";
import { method, op, param } from "./harness/specs.js";

interface ChatCase {
  name: string;
  input: string;
  events: ChatEvent[];
  error?: { name: string; code: string; message: string };
}
const { cases } = JSON.parse(readFileSync(new URL("../vectors/chat.json", import.meta.url), "utf8")) as {
  cases: ChatCase[];
};

function normalise(input: string): { events: ChatEvent[]; error?: unknown } {
  const events: ChatEvent[] = [];
  try {
    for (const ev of parseSse(input)) {
      const s = chatStep(ev);
      if (s.item) events.push(s.item);
      if (s.end) break;
    }
  } catch (error) {
    return { events, error };
  }
  return { events };
}

describe("chat normalisation vectors", () => {
  for (const c of cases) {
    it(c.name, () => {
      const { events, error } = normalise(c.input);
      expect(events).toStrictEqual(c.events);
      if (c.error) {
        expect(error).toBeInstanceOf(StreamError);
        expect(error).toMatchObject({
          name: c.error.name,
          code: c.error.code,
          message: c.error.message,
          status: 0,
        });
      } else expect(error).toBeUndefined();
    });
  }

  it("maps every item type, and unknown ones as they came", () => {
    const items = [
      { type: "thinking", content: "hmm", stage: "s1", agent_name: "a1" },
      { type: "planning", content: "plan", stage: "decomposition_complete" },
      { type: "progress", content: "p", stage: "tool" },
      { type: "finalizing" },
      { type: "completed", content: "all", stream_discontinuity: true },
      { type: "failed", content: "nope" },
      { type: "cancelled" },
      { type: "brand_new", content: "x" },
    ];
    const got = items.map((token) => chatStep({ event: "message", data: JSON.stringify({ token }) }).item);
    expect(got).toStrictEqual([
      { type: "thinking", content: "hmm", stage: "s1", agentName: "a1", raw: items[0] },
      { type: "planning", content: "plan", stage: "decomposition_complete", raw: items[1] },
      { type: "progress", content: "p", stage: "tool", raw: items[2] },
      { type: "finalizing", raw: items[3] },
      { type: "completed", text: "all", streamDiscontinuity: true, raw: items[4] },
      { type: "failed", content: "nope", raw: items[5] },
      { type: "cancelled", raw: items[6] },
      { type: "unknown", itemType: "brand_new", raw: items[7] },
    ]);
    expect(chatStep({ event: "surprise", data: '{"a":1}' }).item).toStrictEqual({
      type: "unknown",
      itemType: "surprise",
      raw: { a: 1 },
    });
    expect(chatStep({ event: "message", data: "not json" }).item).toStrictEqual({
      type: "unknown",
      itemType: "",
      raw: "not json",
    });
    expect(chatStep({ event: "message", data: '{"finished":true}' })).toStrictEqual({
      item: { type: "done" },
      end: true,
    });
  });

  it("narrows on type (compile-time check)", () => {
    const e = { type: "text", text: "hi" } as ChatEvent;
    // eslint-disable-next-line @typescript-eslint/no-unused-expressions
    if (e.type === "text") expect(e.text.toUpperCase()).toBe("HI");
  });
});

const chatOp = op({
  id: "chat",
  method: "POST",
  path: "/chat",
  params: [param("message", "message", "body", { required: true }), param("sessionId", "session_id", "body")],
  body: { kind: "json", contentType: "application/json", required: true },
  response: { kind: "json", envelope: true },
  auth: ["ClientKey"],
  userId: "optional",
  idempotent: true,
  plainSelect: { body: { stream: false } },
});
const chatForms = [
  [
    { param: "params", kind: "object", optional: false },
    { param: "userId", kind: "string", optional: true },
    { param: "options", kind: "object", optional: true },
  ],
] as const;
const chatStream = method("chatStream", chatOp, {
  stream: { format: "chat", select: { body: { stream: true } } },
  forms: [...chatForms],
});

function sse(res: ServerResponse): void {
  res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache" });
  res.flushHeaders();
}

describe("chat streams over HTTP", () => {
  let server: TestServer;
  let client: TestClient;
  beforeAll(async () => {
    server = await startServer();
    client = new TestClient({ baseUrl: `${server.url}/v1`, credentials: { clientKey: "ck_secret" } });
  });
  afterAll(() => server.close());

  it("example A end to end, with the request the server expects", async () => {
    server.handle((_req, res) => {
      sse(res);
      res.end(cases[0]!.input);
    });
    const got: ChatEvent[] = [];
    for await (const e of client.stream<ChatEvent>(chatStream, { message: "Hello!" }, "user_123"))
      got.push(e);
    expect(got).toStrictEqual(cases[0]!.events);
    const r = server.requests[0]!;
    expect(r.path).toBe("/v1/chat");
    expect(r.headers.accept).toBe("text/event-stream");
    expect(r.headers["x-muxi-client-key"]).toBe("ck_secret");
    expect(r.headers["x-muxi-user-id"]).toBe("user_123");
    expect(JSON.parse(r.body.toString())).toEqual({ message: "Hello!", stream: true });
  });

  it("`await` on a stream is harmless; text deltas narrow", async () => {
    server.handle((_req, res) => {
      sse(res);
      res.end(cases[2]!.input);
    });
    let text = "";
    for await (const chunk of await client.stream<ChatEvent>(chatStream, { message: "Hi" })) {
      if (chunk.type === "text") text += chunk.text;
      if (chunk.type === "done") break;
    }
    expect(text).toBe("Once upon");
  });

  it("is lazy: no request until iterated", async () => {
    server.handle((_req, res) => json(res, 200, {}));
    client.stream(chatStream, { message: "never" });
    await delay(50);
    expect(server.requests).toHaveLength(0);
  });

  function slowServer(): { closed: Promise<number> } {
    let resolveClosed: (t: number) => void = () => undefined;
    const closed = new Promise<number>((r) => (resolveClosed = r));
    server.handle((req, res) => {
      sse(res);
      let n = 0;
      const timer = setInterval(() => {
        res.write(`data: {"token":{"type":"content","content":"t${n++}"}}\n\n`);
      }, 30);
      res.write(": keepalive\n\n");
      res.on("close", () => {
        clearInterval(timer);
        resolveClosed(Date.now());
      });
      req.on("error", () => undefined);
    });
    return { closed };
  }

  it("break after the first event closes the connection (seen by the server)", async () => {
    const { closed } = slowServer();
    let first: ChatEvent | undefined;
    for await (const e of client.stream<ChatEvent>(chatStream, { message: "Hi" })) {
      first = e;
      break;
    }
    const leftAt = Date.now();
    expect(first).toStrictEqual({ type: "text", text: "t0" });
    const closedAt = await Promise.race([closed, delay(3000).then(() => -1)]);
    expect(closedAt).toBeGreaterThan(0);
    expect(closedAt - leftAt).toBeLessThan(2000);
  });

  it("throwing inside the loop closes the connection too", async () => {
    const { closed } = slowServer();
    await expect(
      (async () => {
        for await (const _ of client.stream<ChatEvent>(chatStream, { message: "Hi" }))
          throw new Error("consumer failed");
      })(),
    ).rejects.toThrow("consumer failed");
    expect(await Promise.race([closed, delay(3000).then(() => -1)])).toBeGreaterThan(0);
  });

  it("stream.abort() ends the iteration quietly and closes the connection", async () => {
    const { closed } = slowServer();
    const s = client.stream<ChatEvent>(chatStream, { message: "Hi" });
    const got: ChatEvent[] = [];
    for await (const e of s) {
      got.push(e);
      if (got.length === 2) s.abort();
    }
    expect(got.length).toBe(2);
    expect(await Promise.race([closed, delay(3000).then(() => -1)])).toBeGreaterThan(0);
  });

  it("abort() from outside while waiting for data", async () => {
    const { closed } = slowServer();
    const s = client.stream<ChatEvent>(chatStream, { message: "Hi" });
    const it = s[Symbol.asyncIterator]();
    await it.next();
    setTimeout(() => s.abort(), 5);
    let r = await it.next();
    while (!r.done) r = await it.next();
    expect(r.done).toBe(true);
    expect(await Promise.race([closed, delay(3000).then(() => -1)])).toBeGreaterThan(0);
  });

  it("the caller's signal rejects the iteration with its reason and closes the connection", async () => {
    const { closed } = slowServer();
    const ac = new AbortController();
    const seen: ChatEvent[] = [];
    const err = await (async () => {
      for await (const e of client.stream<ChatEvent>(chatStream, { message: "Hi" }, undefined, {
        signal: ac.signal,
      })) {
        seen.push(e);
        ac.abort();
      }
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe("AbortError");
    expect(await Promise.race([closed, delay(3000).then(() => -1)])).toBeGreaterThan(0);
  });

  it("an already aborted signal rejects without a request", async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const ac = new AbortController();
    ac.abort(new Error("stop now"));
    await expect(
      (async () => {
        for await (const _ of client.stream(chatStream, { message: "x" }, undefined, { signal: ac.signal }))
          void _;
      })(),
    ).rejects.toThrow("stop now");
    expect(server.requests).toHaveLength(0);
  });

  it("`event: error` rejects with StreamError (example B)", async () => {
    server.handle((_req, res) => {
      sse(res);
      res.end(cases[1]!.input);
    });
    const got: ChatEvent[] = [];
    const err = await (async () => {
      for await (const e of client.stream<ChatEvent>(chatStream, { message: "x" })) got.push(e);
    })().catch((e: unknown) => e);
    expect(got).toStrictEqual(cases[1]!.events);
    expect(err).toBeInstanceOf(StreamError);
    expect(err).toMatchObject({ code: "RuntimeError", message: "backend exploded", status: 0 });
  });

  it('`{"finished": true}` ends the stream and closes a connection the server keeps open', async () => {
    const { closed } = (() => {
      let r: (t: number) => void = () => undefined;
      const p = new Promise<number>((res) => (r = res));
      server.handle((_req, res) => {
        sse(res);
        res.write('data: {"token":"a"}\n\ndata: {"finished": true}\n\n');
        res.on("close", () => r(Date.now()));
      });
      return { closed: p };
    })();
    const got: ChatEvent[] = [];
    for await (const e of client.stream<ChatEvent>(chatStream, { message: "x" })) got.push(e);
    expect(got).toStrictEqual([{ type: "text", text: "a" }, { type: "done" }]);
    expect(await Promise.race([closed, delay(3000).then(() => -1)])).toBeGreaterThan(0);
  });

  it("a truncated stream (socket destroyed) rejects with ConnectionError", async () => {
    server.handle((_req, res) => {
      sse(res);
      res.write('data: {"token":"partial"}\n\n');
      setTimeout(() => res.socket?.destroy(), 30);
    });
    const got: ChatEvent[] = [];
    const err = await (async () => {
      for await (const e of client.stream<ChatEvent>(chatStream, { message: "x" })) got.push(e);
    })().catch((e: unknown) => e);
    expect(got).toStrictEqual([{ type: "text", text: "partial" }]);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).toMatchObject({ code: "CONNECTION_ERROR", status: 0 });
  });

  it("a non-2xx answer rejects with the mapped error", async () => {
    server.handle((_req, res) =>
      json(res, 401, {
        success: false,
        error: { code: "UNAUTHORIZED", message: "bad key", trace: null },
        request: { id: "req_9" },
        data: {},
      }),
    );
    const err = await (async () => {
      for await (const _ of client.stream(chatStream, { message: "x" })) void _;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toMatchObject({ code: "UNAUTHORIZED", message: "bad key", requestId: "req_9" });
  });

  it("toReadableStream() yields the same items", async () => {
    server.handle((_req, res) => {
      sse(res);
      res.end(cases[2]!.input);
    });
    const reader = client.stream<ChatEvent>(chatStream, { message: "x" }).toReadableStream().getReader();
    const got: ChatEvent[] = [];
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      got.push(r.value);
    }
    expect(got).toStrictEqual(cases[2]!.events);
  });

  it("cancelling the ReadableStream closes the connection", async () => {
    const { closed } = slowServer();
    const reader = client.stream<ChatEvent>(chatStream, { message: "x" }).toReadableStream().getReader();
    await reader.read();
    await reader.cancel();
    expect(await Promise.race([closed, delay(3000).then(() => -1)])).toBeGreaterThan(0);
  });

  it("a stream can be iterated only once", async () => {
    server.handle((_req, res) => {
      sse(res);
      res.end(cases[2]!.input);
    });
    const s = client.stream(chatStream, { message: "x" });
    for await (const _ of s) void _;
    expect(() => s[Symbol.asyncIterator]()).toThrow(/once/);
  });
});

describe("named and data streams", () => {
  let server: TestServer;
  let client: TestClient;
  beforeAll(async () => {
    server = await startServer();
    client = new TestClient({ baseUrl: server.url, sign: hmacSigner("k", "s") });
  });
  afterAll(() => server.close());

  const deployStream = method(
    "restartFormationStream",
    op({
      id: "restartFormation",
      method: "POST",
      path: "/rpc/formations/{id}/restart",
      auth: ["MuxiHmac"],
      params: [param("id", "id", "path")],
    }),
    { stream: { format: "named", decode: { complete: (w) => ({ ...(w as object), decoded: true }) } } },
  );

  it("keeps SSE event names and decodes per event", async () => {
    server.handle((_req, res) => {
      sse(res);
      res.end(
        'event: progress\ndata: {"stage":"stopping","message":"Stopping"}\n\n' +
          'event: complete\ndata: {"formation_id":"my-bot","port":8001,"status":"running"}\n\n',
      );
    });
    const got: NamedEvent[] = [];
    for await (const e of client.stream<NamedEvent>(deployStream, "my-bot")) got.push(e);
    expect(got).toStrictEqual([
      { type: "progress", data: { stage: "stopping", message: "Stopping" } },
      { type: "complete", data: { formation_id: "my-bot", port: 8001, status: "running", decoded: true } },
    ]);
    expect(server.requests[0]!.headers.authorization).toMatch(/^MUXI-HMAC key=k, timestamp=\d+, signature=/);
  });

  it("`error` rejects with StreamError carrying stage and details", async () => {
    server.handle((_req, res) => {
      sse(res);
      res.end(
        'event: progress\ndata: {"stage":"health_check","message":"Checking"}\n\n' +
          'event: error\ndata: {"error":"HealthCheckFailed","message":"Formation did not become healthy","stage":"health_check","details":{"attempts":30}}\n\n',
      );
    });
    const got: NamedEvent[] = [];
    const err = await (async () => {
      for await (const e of client.stream<NamedEvent>(deployStream, "my-bot")) got.push(e);
    })().catch((e: unknown) => e);
    expect(got).toHaveLength(1);
    expect(err).toBeInstanceOf(StreamError);
    expect(err).toMatchObject({
      code: "HealthCheckFailed",
      message: "Formation did not become healthy",
      stage: "health_check",
      details: { attempts: 30 },
    });
  });

  it("start errors delivered as events on a 200 stream (404 inside SSE)", async () => {
    server.handle((_req, res) => {
      sse(res);
      res.end(
        'event: error\ndata: {"error":"NotFound","message":"Formation not found","stage":"validating"}\n\n',
      );
    });
    await expect(
      (async () => {
        for await (const _ of client.stream(deployStream, "nope")) void _;
      })(),
    ).rejects.toMatchObject({ name: "StreamError", code: "NotFound", stage: "validating" });
  });

  it("a 404 before the stream starts is a NotFoundError", async () => {
    server.handle((_req, res) =>
      json(res, 404, { error: "Not Found", message: "Formation not found", code: 404 }),
    );
    await expect(
      (async () => {
        for await (const _ of client.stream(deployStream, "nope")) void _;
      })(),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("format data yields every frame as it came", async () => {
    const events = method(
      "streamRequest",
      op({
        id: "streamRequest",
        method: "GET",
        path: "/events/{sid}/{rid}",
        params: [param("sid", "sid", "path"), param("rid", "rid", "path")],
      }),
      {
        stream: { format: "data" },
      },
    );
    server.handle((_req, res) => {
      sse(res);
      res.end(
        'data: {"type":"stream_open"}\n\ndata: plain text\n\nevent: other\ndata: {"type":"stream_completed"}\n\n',
      );
    });
    const got: unknown[] = [];
    for await (const e of client.stream(events, "s/1", "r 2")) got.push(e);
    expect(got).toStrictEqual([{ type: "stream_open" }, "plain text", { type: "stream_completed" }]);
    expect(server.requests[0]!.url).toBe("/events/s%2F1/r%202");
  });
});
