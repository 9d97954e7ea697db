import "./harness/assemble.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  ConnectionError,
  MuxiError,
  NotFoundError,
  RateLimitError,
  ServerError,
  StreamError,
  TimeoutError,
  ValidationError,
  errorFromResponse,
} from "./.sdk/runtime/errors.js";
import { TestClient } from "./harness/client.js";
import { startServer, type TestServer } from "./harness/server.js";
import { method, op, param } from "./harness/specs.js";

type Ctor = abstract new (...args: never[]) => MuxiError;
const table: Array<[number, Ctor, string, string]> = [
  // status, class, fallback code, formation envelope code
  [400, ValidationError, "VALIDATION_ERROR", "INVALID_REQUEST"],
  [401, AuthenticationError, "UNAUTHORIZED", "UNAUTHORIZED"],
  [403, AuthorizationError, "FORBIDDEN", "FORBIDDEN"],
  [404, NotFoundError, "NOT_FOUND", "RESOURCE_NOT_FOUND"],
  [409, ConflictError, "CONFLICT", "DUPLICATE_RESOURCE"],
  [422, ValidationError, "VALIDATION_ERROR", "INVALID_PARAMS"],
  [429, RateLimitError, "RATE_LIMITED", "RATE_LIMITED"],
  [500, ServerError, "SERVER_ERROR", "INTERNAL_ERROR"],
  [502, ServerError, "SERVER_ERROR", "INTERNAL_ERROR"],
  [503, ServerError, "SERVER_ERROR", "SYSTEM_OVERLOAD"],
  [405, MuxiError, "METHOD_NOT_ALLOWED", "METHOD_NOT_ALLOWED"],
  [418, MuxiError, "HTTP_418", "TEAPOT"],
];
const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  405: "Method Not Allowed",
  418: "I'm a teapot",
};

function formationBody(code: string, status: number): string {
  return JSON.stringify({
    object: "error",
    timestamp: 1700000000000,
    type: "error.internal",
    request: { id: `req_${status}`, idempotency_key: null },
    success: false,
    error: {
      code,
      message: `formation says ${status}`,
      trace: null,
      data: { validation_errors: [{ field: "message", error: "missing" }] },
    },
    data: {},
  });
}

function serverBody(status: number): string {
  return JSON.stringify({ error: STATUS_TEXT[status], message: `server says ${status}`, code: status });
}

describe("errorFromResponse: every status × both body shapes", () => {
  for (const [status, cls, fallback, envCode] of table) {
    it(`${status} formation envelope`, () => {
      const e = errorFromResponse(
        status,
        formationBody(envCode, status),
        new Headers({ "Retry-After": "7" }),
      );
      expect(e).toBeInstanceOf(cls);
      expect(e).toBeInstanceOf(MuxiError);
      expect(e).toBeInstanceOf(Error);
      expect(e.status).toBe(status);
      expect(e.code).toBe(envCode);
      expect(typeof e.code).toBe("string");
      expect(e.message).toBe(`formation says ${status}`);
      expect(e.requestId).toBe(`req_${status}`);
      expect(e.details).toEqual({ validation_errors: [{ field: "message", error: "missing" }] });
      expect(e.name).toBe((cls as unknown as { name: string }).name);
      if (status === 429) expect(e.retryAfter).toBe(7);
    });

    it(`${status} server body`, () => {
      const e = errorFromResponse(status, serverBody(status), new Headers({ "retry-after": "3" }));
      expect(e).toBeInstanceOf(cls);
      expect(e.status).toBe(status);
      expect(e.code).toBe(fallback);
      expect(typeof e.code).toBe("string");
      expect(e.message).toBe(`server says ${status}`);
      expect(e.requestId).toBeUndefined();
      if (status === 429) expect(e.retryAfter).toBe(3);
    });

    it(`${status} non-JSON and empty bodies`, () => {
      const html = errorFromResponse(status, "<html>upstream down</html>");
      expect(html).toBeInstanceOf(cls);
      expect(html.code).toBe(fallback);
      expect(html.message).toBe("<html>upstream down</html>");
      const empty = errorFromResponse(status, "");
      expect(empty).toBeInstanceOf(cls);
      expect(empty.message).toBe(`Request failed with status ${status}`);
    });
  }

  it("keeps the server's machine word (draft API) and maps phrases to the status code", () => {
    const draft = errorFromResponse(
      404,
      JSON.stringify({
        success: false,
        error: "DraftNotFound",
        message: "No draft",
        draft: { exists: false },
      }),
    );
    expect(draft).toBeInstanceOf(NotFoundError);
    expect(draft).toMatchObject({ code: "DraftNotFound", message: "No draft" });
    const proxy = errorFromResponse(
      404,
      JSON.stringify({ error: "Formation not found", message: "No formation with id 'x'", code: 404 }),
    );
    expect(proxy).toMatchObject({ code: "NOT_FOUND", message: "No formation with id 'x'" });
    const dev = errorFromResponse(
      409,
      JSON.stringify({ success: false, formation_id: "x", error: "draft already running" }),
    );
    expect(dev).toMatchObject({ code: "CONFLICT", message: "draft already running" });
    const fastapi = errorFromResponse(404, JSON.stringify({ detail: "Not Found" }));
    expect(fastapi).toMatchObject({ code: "NOT_FOUND", message: "Not Found" });
    const reqHeader = errorFromResponse(500, "{}", new Headers({ "X-Request-ID": "req_hdr" }));
    expect(reqHeader.requestId).toBe("req_hdr");
  });

  it("every class has its name, status and code, and instanceof works", () => {
    const c = new ConnectionError("down");
    expect(c).toMatchObject({ name: "ConnectionError", status: 0, code: "CONNECTION_ERROR" });
    expect(c).toBeInstanceOf(MuxiError);
    const t = new TimeoutError("slow");
    expect(t).toMatchObject({ name: "TimeoutError", status: 0, code: "TIMEOUT" });
    expect(t).not.toBeInstanceOf(ConnectionError);
    const s = new StreamError("boom", { code: "RuntimeError", stage: "spawning" });
    expect(s).toMatchObject({ name: "StreamError", code: "RuntimeError", stage: "spawning", status: 0 });
    expect(new MuxiError("x").code).toBe("ERROR");
  });
});

describe("errors through the transport", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
  const getSession = method(
    "getSession",
    op({
      id: "getSession",
      method: "GET",
      path: "/sessions/{session_id}",
      params: [param("sessionId", "session_id", "path")],
      response: { kind: "json", envelope: true },
      userId: "required",
      auth: ["ClientKey"],
    }),
  );

  for (const [status, cls, fallback, envCode] of table) {
    it(`${status}: both shapes`, async () => {
      const c = new TestClient({ baseUrl: server.url, maxRetries: 0, defaultUserId: "u" });
      server.handle((_req, res) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(formationBody(envCode, status));
      });
      const a = await c.call(getSession, "s1").catch((e: unknown) => e);
      expect(a).toBeInstanceOf(cls);
      expect(a).toMatchObject({ status, code: envCode, requestId: `req_${status}` });
      server.handle((_req, res) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(serverBody(status));
      });
      const b = await c.call(getSession, "s1").catch((e: unknown) => e);
      expect(b).toBeInstanceOf(cls);
      expect(b).toMatchObject({ status, code: fallback, message: `server says ${status}` });
    });
  }

  it("a 200 envelope with success:false is an error", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(formationBody("PROCESSING_ERROR", 200));
    });
    const e = await new TestClient({ baseUrl: server.url, defaultUserId: "u" })
      .call(getSession, "s")
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MuxiError);
    expect(e).toMatchObject({ code: "PROCESSING_ERROR", status: 200 });
  });

  it("a JSON operation answering non-JSON → INVALID_RESPONSE", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html>status page</html>");
    });
    const e = await new TestClient({ baseUrl: server.url, defaultUserId: "u" })
      .call(getSession, "s")
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "INVALID_RESPONSE", status: 200, details: "<html>status page</html>" });
  });

  it("missing required user id and params → ValidationError before sending", async () => {
    server.handle((_req, res) => res.end("{}"));
    const c = new TestClient({ baseUrl: server.url });
    const noUser = await c.call(getSession, "s").catch((e: unknown) => e);
    expect(noUser).toBeInstanceOf(ValidationError);
    expect((noUser as Error).message).toMatch(/user id/);
    const noId = await c.call(getSession, {}).catch((e: unknown) => e);
    expect(noId).toBeInstanceOf(ValidationError);
    expect((noId as Error).message).toMatch(/sessionId/);
    expect(server.requests).toHaveLength(0);
  });
});
