import "./harness/assemble.js";
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizationHeader, hmacSigner, signature } from "./.sdk/runtime/hmac.js";
import { AuthenticationError } from "./.sdk/runtime/errors.js";
import { TestClient, recordingSleep } from "./harness/client.js";
import { json, startServer, type TestServer } from "./harness/server.js";
import { method, op, param } from "./harness/specs.js";

interface Vector {
  secret: string;
  method: string;
  path: string;
  timestamp: number;
  signature: string;
}
const vectors = JSON.parse(
  readFileSync(new URL("../vectors/hmac.json", import.meta.url), "utf8"),
) as Vector[];

describe("HMAC vectors (server-api.md §1.7)", () => {
  for (const v of vectors) {
    it(`${v.method} ${v.path} @${v.timestamp}`, async () => {
      expect(await signature(v.secret, v.timestamp, v.method, v.path)).toBe(v.signature);
    });
  }

  it("builds the exact header of the worked example", async () => {
    expect(
      await authorizationHeader("muxi_pk_test", "muxi_sk_test", "GET", "/rpc/formations", 1700000000_000),
    ).toBe(
      "MUXI-HMAC key=muxi_pk_test, timestamp=1700000000, signature=IunWzey7G8gTPuk4GYWuZX4JgEDcpYWr8Oe5Vj6+hWA=",
    );
  });

  it("uses whole seconds for a millisecond clock", async () => {
    const h = await authorizationHeader("k", "muxi_sk_test", "GET", "/rpc/formations", 1700000000_999);
    expect(h).toContain("timestamp=1700000000,");
    expect(h).toContain("IunWzey7G8gTPuk4GYWuZX4JgEDcpYWr8Oe5Vj6+hWA=");
  });
});

// Verification exactly like src/pkg/auth (ParseAuthHeader + ValidateTimestamp + ComputeHMAC).
const KEY = "muxi_pk_live";
const SECRET = "muxi_sk_live_secret";
function goVerify(req: IncomingMessage, nowSec: number): string | undefined {
  const h = req.headers.authorization;
  if (!h) return "Missing authorization header";
  if (!h.startsWith("MUXI-HMAC ")) return "Invalid authorization header format";
  const parts: Record<string, string> = {};
  for (const p of h.slice("MUXI-HMAC ".length).split(", ")) {
    const eq = p.indexOf("=");
    if (eq === -1) continue;
    parts[p.slice(0, eq)] = p.slice(eq + 1);
  }
  if (!parts.key || !parts.timestamp || !parts.signature) return "Invalid authorization header format";
  if (parts.key !== KEY) return "Invalid key";
  if (!/^-?\d+$/.test(parts.timestamp) || Math.abs(nowSec - Number(parts.timestamp)) > 300)
    return "Request expired";
  const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  const want = createHmac("sha256", SECRET)
    .update(`${parts.timestamp};${req.method};${path}`)
    .digest("base64");
  if (
    want.length !== parts.signature.length ||
    !timingSafeEqual(Buffer.from(want), Buffer.from(parts.signature))
  )
    return "Invalid signature";
  return undefined;
}

describe("signed calls against a verifying server", () => {
  let server: TestServer;
  let failFirst = 0;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  function serve(nowSec: () => number): void {
    failFirst = 0;
    server.handle((req, res, _rec, i) => {
      const why = goVerify(req, nowSec());
      if (why) return json(res, 401, { error: "Unauthorized", message: why, code: 401 });
      if (i < failFirst) return json(res, 503, { error: "Service Unavailable", message: "busy", code: 503 });
      json(res, 200, { success: true, data: { ok: true, path: req.url } });
    });
  }

  const list = method(
    "listFormations",
    op({
      id: "listFormations",
      method: "GET",
      path: "/rpc/formations",
      auth: ["MuxiHmac"],
      response: { kind: "json", envelope: true },
    }),
  );
  const logs = method(
    "getFormationLogs",
    op({
      id: "getFormationLogs",
      method: "GET",
      path: "/rpc/formations/{id}/logs",
      auth: ["MuxiHmac"],
      params: [param("id", "id", "path"), param("lines", "lines", "query", { kind: "number" })],
    }),
  );
  const restart = method(
    "restartFormation",
    op({
      id: "restartFormation",
      method: "POST",
      path: "/rpc/formations/{id}/restart",
      auth: ["MuxiHmac"],
      params: [param("id", "id", "path")],
    }),
  );

  it("accepts GET, POST and a call with a query", async () => {
    serve(() => Math.floor(Date.now() / 1000));
    const c = new TestClient({ baseUrl: server.url, sign: hmacSigner(KEY, SECRET) });
    await expect(c.call(list)).resolves.toMatchObject({ ok: true });
    await expect(c.call(logs, "my-bot", { lines: 50 })).resolves.toMatchObject({ success: true });
    await expect(c.call(restart, "my-bot")).resolves.toMatchObject({ success: true });
    expect(server.requests.map((r) => r.url)).toEqual([
      "/rpc/formations",
      "/rpc/formations/my-bot/logs?lines=50",
      "/rpc/formations/my-bot/restart",
    ]);
  });

  it("signs the full pathname when the base URL has a path prefix", async () => {
    serve(() => Math.floor(Date.now() / 1000));
    const c = new TestClient({
      baseUrl: `${server.url}/muxi`,
      sign: hmacSigner(KEY, SECRET),
    });
    await expect(c.call(list)).resolves.toMatchObject({ ok: true, path: "/muxi/rpc/formations" });
  });

  it("rejects a wrong secret with AuthenticationError", async () => {
    serve(() => Math.floor(Date.now() / 1000));
    const c = new TestClient({ baseUrl: server.url, sign: hmacSigner(KEY, "wrong") });
    const err = await c.call(list).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toMatchObject({ status: 401, code: "UNAUTHORIZED", message: "Invalid signature" });
  });

  it("signs every attempt afresh (fake clock)", async () => {
    // The client's clock advances 200 s per attempt; the server accepts within 300 s of its own clock.
    let clock = 1_800_000_000_000;
    serve(() => Math.floor(clock / 1000));
    failFirst = 2;
    const { sleep } = recordingSleep();
    const c = new TestClient({
      baseUrl: server.url,
      sign: hmacSigner(KEY, SECRET),
      now: () => (clock += 200_000),
      sleep,
    });
    await expect(c.call(list)).resolves.toMatchObject({ ok: true });
    expect(server.requests).toHaveLength(3);
    const auth = server.requests.map((r) => String(r.headers.authorization));
    const stamps = auth.map((a) => /timestamp=(\d+)/.exec(a)![1]);
    const sigs = auth.map((a) => /signature=(\S+)$/.exec(a)![1]);
    expect(new Set(stamps).size).toBe(3);
    expect(new Set(sigs).size).toBe(3);
    expect(Number(stamps[1]) - Number(stamps[0])).toBeGreaterThanOrEqual(200);
    // Same logical call: one idempotency key.
    expect(new Set(server.requests.map((r) => r.headers["x-muxi-idempotency-key"])).size).toBe(1);
  });

  it("does not sign when the operation has no MuxiHmac auth", async () => {
    server.handle((req, res) => json(res, 200, { auth: req.headers.authorization ?? null }));
    const health = method("health", op({ id: "health", method: "GET", path: "/health" }));
    const c = new TestClient({ baseUrl: server.url, sign: hmacSigner(KEY, SECRET) });
    await expect(c.call(health)).resolves.toEqual({ auth: null });
  });
});
