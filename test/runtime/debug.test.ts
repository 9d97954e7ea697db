import "./harness/assemble.js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TestClient } from "./harness/client.js";
import { json, startServer, type TestServer } from "./harness/server.js";
import { method, op } from "./harness/specs.js";
import { redactUrl } from "./.sdk/runtime/debug.js";
import { hmacSigner } from "./.sdk/runtime/hmac.js";

const CLIENT_KEY = "fmc_client_SECRET_1234";
const ADMIN_KEY = "fma_admin_SECRET_5678";
const KEY_ID = "muxi_pk_KEYID_0000";
const SECRET = "muxi_sk_SECRET_9999";

describe("debug logging never prints credentials", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res, _r, i) =>
      i === 0 ? json(res, 503, {}) : json(res, 200, { ok: true, auth: req.headers.authorization }),
    );
  });
  afterAll(() => server.close());
  afterEach(() => vi.restoreAllMocks());

  it("debug: true logs method, URL, status, attempt and timing with keys redacted", async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]): void => void lines.push(args.map(String).join(" "));
    vi.spyOn(console, "debug").mockImplementation(capture);
    vi.spyOn(console, "log").mockImplementation(capture);
    vi.spyOn(console, "info").mockImplementation(capture);
    vi.spyOn(console, "warn").mockImplementation(capture);
    vi.spyOn(console, "error").mockImplementation(capture);

    const both = method(
      "getConfig",
      op({ id: "getConfig", method: "GET", path: "/config", auth: ["AdminKey", "ClientKey"] }),
    );
    const signed = method(
      "status",
      op({ id: "status", method: "GET", path: "/rpc/server/status", auth: ["MuxiHmac"] }),
    );
    const c = new TestClient({
      baseUrl: server.url,
      debug: true,
      random: () => 0,
      credentials: { clientKey: CLIENT_KEY, adminKey: ADMIN_KEY },
      sign: hmacSigner(KEY_ID, SECRET),
      headers: { "X-Api-Token": "tok_SECRET_abc" },
    });
    server.handle((req, res, _r, i) => (i === 0 ? json(res, 503, {}) : json(res, 200, { ok: true })));
    await c.call(both, { timeout: 5000 });
    expect(server.requests[1]!.headers["x-muxi-admin-key"]).toBe(ADMIN_KEY);
    expect(server.requests[1]!.headers["x-muxi-client-key"]).toBe(CLIENT_KEY);
    server.handle((_req, res) => json(res, 200, { ok: true }));
    await c.call(signed);
    const sig = /signature=(\S+)/.exec(String(server.requests[0]!.headers.authorization))![1]!;

    const out = lines.join("\n");
    expect(out).toContain("GET");
    expect(out).toContain(`${server.url}/config`);
    expect(out).toContain("503");
    expect(out).toContain("200");
    expect(out).toMatch(/attempt 2/);
    expect(out).toMatch(/\d+ ms/);
    for (const secret of [CLIENT_KEY, ADMIN_KEY, SECRET, sig, "tok_SECRET_abc", "MUXI-HMAC"])
      expect(out).not.toContain(secret);
    expect(out).toContain("[redacted]");
  });

  it("MUXI_DEBUG is read by the client options (env)", async () => {
    const { formationTransportConfig } = await import("./.sdk/formation-config.js");
    vi.stubEnv("MUXI_DEBUG", "1");
    expect(formationTransportConfig({ baseUrl: "http://x/v1" }).debug).toBe(true);
    vi.stubEnv("MUXI_DEBUG", "0");
    expect(formationTransportConfig({ baseUrl: "http://x/v1" }).debug).toBe(false);
    vi.unstubAllEnvs();
  });

  it("redacts credential-looking query values", () => {
    expect(redactUrl("http://h/x?api_key=abc&lines=5&token=t")).toBe(
      "http://h/x?api_key=[redacted]&lines=5&token=[redacted]",
    );
  });
});
