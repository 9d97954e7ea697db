// The spec-driven mock server in a scaffold test, and what every smoke test asserts about its requests.
import { afterAll, beforeAll, expect } from "vitest";
import type { IR } from "../../../generator/ir/types.js";
import { uncalled } from "../../mock-server/coverage.js";
import { serveMock, type MockScript, type MockServer, type RecordedRequest } from "../../mock-server/serve.js";

export interface Mock {
  /** The IR the mock serves (and the smoke scaffold is rendered for). */
  readonly ir: IR;
  readonly server: MockServer;
}

/** A mock server for `ir()`, started before the enclosing describe's tests and closed after them. */
export function useMock(ir: () => Promise<IR>): Mock {
  const mock = {} as { ir: IR; server: MockServer };
  beforeAll(async () => {
    mock.ir = await ir();
    mock.server = await serveMock(mock.ir, { port: 0 });
  });
  afterAll(async () => {
    await mock.server?.close();
  });
  return mock;
}

/** Runs `fn` against a mock server for `ir` of its own, closed afterwards. */
export async function withMock<T>(ir: IR, fn: (server: MockServer) => Promise<T>): Promise<T> {
  const server = await serveMock(ir, { port: 0 });
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

/** The requests the mock refused, one line each. */
export const rejections = (requests: readonly RecordedRequest[]): string[] => requests.filter((q) => q.rejected).map((q) => `${q.method} ${q.url}: ${q.rejected}`);

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const HMAC_AUTHORIZATION = /^MUXI-HMAC key=muxi_pk_test, timestamp=\d{10}, signature=[A-Za-z0-9+/]{43}=$/;

/** What the basic smoke programs print: the streamed chat text, the event types, the formations listed. */
export interface SmokeOutput {
  text: string;
  types: string[];
  formations: unknown;
}

/**
 * The smoke chat request (the first `find` matches): a live-mode stream of formation smoke-bot with
 * the client key, the user id, this SDK's header and an idempotency key. Returned for further checks.
 */
export function expectLiveChat(
  requests: readonly RecordedRequest[],
  sdk: string,
  opts: { find?: (q: RecordedRequest) => boolean; idempotencyKey?: RegExp } = {},
): RecordedRequest | undefined {
  const chat = requests.find(opts.find ?? ((q) => q.operation === "chat"));
  expect(chat, "the mock saw no chat request").toBeDefined();
  expect(chat).toMatchObject({ mode: "live", formationId: "smoke-bot", stream: true, status: 200 });
  expect(chat?.headers["x-muxi-client-key"]).toBe("fmc_test");
  expect(chat?.headers["x-muxi-user-id"]).toBe("user_123");
  expect(chat?.headers["x-muxi-sdk"]).toMatch(new RegExp(`^${sdk}/\\d`));
  expect(chat?.headers["x-muxi-idempotency-key"]).toMatch(opts.idempotencyKey ?? UUID_V4);
  return chat;
}

/** The smoke program's signed server call (listFormations): MUXI-HMAC with the test key. Returned for further checks. */
function expectSignedCall(requests: readonly RecordedRequest[]): RecordedRequest | undefined {
  const signed = requests.find((q) => q.operation === "listFormations");
  expect(signed, "the mock saw no listFormations request").toBeDefined();
  expect(signed?.headers.authorization).toMatch(HMAC_AUTHORIZATION);
  return signed;
}

/**
 * A basic smoke run (a live chat stream, then a signed listFormations call): the program printed the
 * streamed text with the event types ending in completed … done, the mock refused nothing, and saw
 * both calls as they should be. Returns them for further checks.
 */
export function expectSmokeRun(
  requests: readonly RecordedRequest[],
  sdk: string,
  out: SmokeOutput,
  chatOptions?: Parameters<typeof expectLiveChat>[2],
): { chat?: RecordedRequest; signed?: RecordedRequest } {
  expect(out.text).toBe("Hello world");
  expect(out.types).toContain("completed");
  expect(out.types[out.types.length - 1]).toBe("done");
  expect(rejections(requests)).toEqual([]);
  return { chat: expectLiveChat(requests, sdk, chatOptions), signed: expectSignedCall(requests) };
}

/**
 * After a program called every SDK method once: it reported no failures, the mock refused nothing,
 * every method reached it, and at least `calls` requests came.
 */
export function expectEveryMethodCalled(mock: Mock, failures: unknown, calls: number): void {
  expect(failures).toEqual([]);
  expect(rejections(mock.server.requests)).toEqual([]);
  expect(uncalled(mock.ir, mock.server.requests)).toEqual([]);
  expect(mock.server.requests.length).toBeGreaterThanOrEqual(calls);
}

/** The errors the full smoke programs (php, ruby) provoke: a missing session, a taken formation, a rate limit. */
export const SMOKE_ERRORS: MockScript = (op, req) => {
  if (op.name === "restoreSession" && req.pathParams.session_id === "missing") return { status: 404 };
  if (op.name === "deployFormation" && req.headers["x-formation-id"] === "taken") return { status: 409, body: { error: "Conflict", message: "formation taken already exists", code: 409 } };
  if (op.name === "getMemories" && req.query.limit === "429") return { status: 429, headers: { "Retry-After": "0" } };
  return undefined;
};

/**
 * What a full smoke program sent besides its chat stream, as the spec describes it: a plain chat, a
 * path parameter encoded, query values, the admin key, signed server calls, a gzip bundle, and a GET
 * retried once on 429 with the same idempotency key.
 */
export function expectSmokeWire(requests: readonly RecordedRequest[]): void {
  expect(requests.find((q) => q.operation === "chat" && !q.stream)?.body).toMatchObject({ stream: false, session_id: "sess_1" });
  const restore = requests.find((q) => q.operation === "restoreSession" && q.status === 200);
  expect(restore?.path).toBe("/api/smoke-bot/v1/sessions/sess%201%2F%C3%BC/restore");
  expect(restore?.pathParams.session_id).toBe("sess 1/ü");
  expect(requests.find((q) => q.operation === "getMemories" && q.status === 200)?.query).toEqual({ limit: "5", include_archived: "false" });
  expect(requests.find((q) => q.operation === "clearAuditLog")?.headers["x-muxi-admin-key"]).toBe("fma_test");
  const signed = requests.filter((q) => q.service === "server" && q.operation !== "ping");
  expect(signed.length).toBeGreaterThanOrEqual(4);
  for (const q of signed) expect(q.headers.authorization).toMatch(HMAC_AUTHORIZATION);
  const deploy = requests.find((q) => q.operation === "deployFormation" && q.status === 201);
  expect(deploy?.headers["content-type"]).toBe("application/gzip");
  expect(deploy?.headers["x-formation-id"]).toBe("my-bot");
  expect(requests.find((q) => q.operation === "getFormationLogs")?.url).toBe("/rpc/formations/my-bot/logs?lines=50");
  const limited = requests.filter((q) => q.operation === "getMemories" && q.status === 429);
  expect(limited).toHaveLength(2);
  expect(limited[0].headers["x-muxi-idempotency-key"]).toBe(limited[1].headers["x-muxi-idempotency-key"]);
}
