import "./harness/assemble.js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as sdk from "./.sdk/index.js";
import { FormationClient } from "./.sdk/formation-client.js";
import { formationTransportConfig } from "./.sdk/formation-config.js";
import { authorizationHeader } from "./.sdk/runtime/hmac.js";
import { ServerClient } from "./.sdk/server-client.js";
import { serverTransportConfig } from "./.sdk/server-config.js";
import { envelope, json, startServer, type TestServer } from "./harness/server.js";

describe("client options and environment", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("FormationClient base URL from options (live/draft/url/baseUrl)", () => {
    expect(
      formationTransportConfig({
        serverUrl: "http://localhost:7890",
        formationId: "my-assistant",
        clientKey: "k",
      }).baseUrl,
    ).toBe("http://localhost:7890/api/my-assistant/v1");
    expect(
      formationTransportConfig({ serverUrl: "http://localhost:7890/", formationId: "a", mode: "draft" })
        .baseUrl,
    ).toBe("http://localhost:7890/draft/a/v1");
    expect(formationTransportConfig({ url: "http://localhost:8271" }).baseUrl).toBe(
      "http://localhost:8271/v1",
    );
    expect(formationTransportConfig({ baseUrl: "http://localhost:8001/v1/" }).baseUrl).toBe(
      "http://localhost:8001/v1",
    );
  });

  it("env fallbacks never override explicit options", () => {
    vi.stubEnv("MUXI_SERVER_URL", "http://env-server:7890");
    vi.stubEnv("MUXI_FORMATION_URL", "http://env-formation:8271");
    vi.stubEnv("MUXI_CLIENT_KEY", "env-ck");
    vi.stubEnv("MUXI_ADMIN_KEY", "env-ak");
    expect(formationTransportConfig({ serverUrl: "http://s", formationId: "f" }).baseUrl).toBe(
      "http://s/api/f/v1",
    );
    expect(formationTransportConfig({ formationId: "f" }).baseUrl).toBe("http://env-server:7890/api/f/v1");
    expect(formationTransportConfig({}).baseUrl).toBe("http://env-formation:8271/v1");
    const c = formationTransportConfig({ clientKey: "mine" });
    expect(c.credentials).toEqual({ clientKey: "mine", adminKey: "env-ak" });
    expect(c.timeout).toBe(30000);
    expect(c.maxRetries).toBe(3);
    expect(formationTransportConfig({ timeoutMs: 5000 }).timeout).toBe(5000);
  });

  it("a clear error without any address", () => {
    vi.stubEnv("MUXI_SERVER_URL", "");
    vi.stubEnv("MUXI_FORMATION_URL", "");
    expect(() => new FormationClient({})).toThrow(/serverUrl/);
    expect(() => new FormationClient({ serverUrl: "http://x" })).toThrow(/formationId/);
    expect(() => new ServerClient({})).toThrow(/url/);
  });

  it("ServerClient env fallbacks (trimmed credentials)", async () => {
    vi.stubEnv("MUXI_SERVER_URL", "http://env:7890/");
    vi.stubEnv("MUXI_KEY_ID", " muxi_pk_env ");
    vi.stubEnv("MUXI_SECRET_KEY", "muxi_sk_env\n");
    const c = serverTransportConfig({});
    expect(c.baseUrl).toBe("http://env:7890");
    // The signer uses the trimmed env key pair…
    expect(await c.sign!("GET", "/rpc/formations", 1700000000_000)).toBe(
      await authorizationHeader("muxi_pk_env", "muxi_sk_env", "GET", "/rpc/formations", 1700000000_000),
    );
    // …and an explicit keyId wins over the env one (the secret still comes from the env).
    const mine = serverTransportConfig({ url: "http://mine", keyId: "k" });
    expect(await mine.sign!("GET", "/x", 0)).toMatch(/^MUXI-HMAC key=k, /);
    // Without a complete key pair nothing is signed.
    vi.stubEnv("MUXI_SECRET_KEY", "");
    expect(serverTransportConfig({ url: "http://mine", keyId: "k" }).sign).toBeUndefined();
  });
});

describe("FormationClient hand-written methods", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it("associateUserIdentifiers → POST /users/identifiers, result has muxiUserId", async () => {
    server.handle((_req, res) =>
      json(
        res,
        200,
        envelope({
          muxi_user_id: "usr_abc",
          identifiers: [{ identifier: "alice@email.com", type: "unknown" }],
          count: 2,
        }),
      ),
    );
    const f = new FormationClient({ baseUrl: `${server.url}/v1`, clientKey: "ck" });
    const r = await f.associateUserIdentifiers({
      identifiers: ["alice@email.com", { identifier: "U12345ABC", type: "slack" }],
      userId: null,
    });
    expect(r.muxiUserId).toBe("usr_abc");
    expect(r.requestId).toBe("req_test");
    const req = server.requests[0]!;
    expect([req.method, req.path, req.headers["x-muxi-client-key"]]).toEqual([
      "POST",
      "/v1/users/identifiers",
      "ck",
    ]);
    expect(JSON.parse(req.body.toString())).toStrictEqual({
      identifiers: ["alice@email.com", { identifier: "U12345ABC", type: "slack" }],
    });
    await f.associateUserIdentifiers({ identifiers: [["U1", "slack"]], userId: "usr_abc" });
    expect(JSON.parse(server.requests[1]!.body.toString())).toStrictEqual({
      muxi_user_id: "usr_abc",
      identifiers: [["U1", "slack"]],
    });
  });

  it("resolveUser: lookup, create, and the params form", async () => {
    server.handle((_req, res) =>
      json(res, 200, envelope({ identifier: "alice@email.com", muxi_user_id: "usr_1" })),
    );
    const f = new FormationClient({ baseUrl: `${server.url}/v1`, clientKey: "ck" });
    await expect(f.resolveUser("alice@email.com")).resolves.toMatchObject({ muxiUserId: "usr_1" });
    await f.resolveUser("alice@email.com", true);
    await f.resolveUser({ identifier: "U1", identifierType: "slack" });
    await f.resolveUser("bob/x", false, { headers: { "X-Trace": "1" } });
    expect(
      server.requests.map((r) => [r.method, r.url, r.body.length ? JSON.parse(r.body.toString()) : null]),
    ).toEqual([
      ["GET", "/v1/users/alice%40email.com", null],
      ["POST", "/v1/users/resolve", { identifier: "alice@email.com" }],
      ["POST", "/v1/users/resolve", { identifier: "U1", identifier_type: "slack" }],
      ["GET", "/v1/users/bob%2Fx", null],
    ]);
    expect(server.requests[3]!.headers["x-trace"]).toBe("1");
  });

  it("chat (plain) sends stream:false; chatStream sends stream:true", async () => {
    server.handle((req, res) => {
      if (req.headers.accept === "text/event-stream") {
        res.writeHead(200, { "Content-Type": "text/event-stream" });
        res.end('data: {"token":"hey"}\n\nevent: done\ndata: {"finished": true}\n\n');
      } else json(res, 200, envelope({ response: "hey", session_id: "s" }));
    });
    const f = new FormationClient({ baseUrl: `${server.url}/v1`, clientKey: "ck", userId: "default-user" });
    const plain = await f.chat({ message: "Hello!" });
    expect(plain).toMatchObject({ response: "hey", sessionId: "s", requestId: "req_test" });
    const events: sdk.ChatEvent[] = [];
    for await (const e of f.chatStream({ message: "Hello!" }, "user_123")) events.push(e);
    expect(events).toStrictEqual([{ type: "text", text: "hey" }, { type: "done" }]);
    expect(
      server.requests.map((r) => [JSON.parse(r.body.toString()).stream, r.headers["x-muxi-user-id"]]),
    ).toEqual([
      [false, "default-user"],
      [true, "user_123"],
    ]);
  });
});

describe("package entry (index.ts)", () => {
  it("exports clients, errors, webhook, Stream and version", () => {
    for (const name of [
      "FormationClient",
      "ServerClient",
      "MuxiError",
      "AuthenticationError",
      "AuthorizationError",
      "NotFoundError",
      "ConflictError",
      "ValidationError",
      "RateLimitError",
      "ServerError",
      "ConnectionError",
      "TimeoutError",
      "StreamError",
      "webhook",
      "verifySignature",
      "parse",
      "WebhookVerificationError",
      "Stream",
    ]) {
      expect(sdk).toHaveProperty(name);
    }
    expect(sdk.version).toBe("0.0.0-test");
    expect(typeof sdk.webhook.verifySignature).toBe("function");
    expect(new sdk.RateLimitError("x", { retryAfter: 2 })).toBeInstanceOf(sdk.MuxiError);
  });
});
