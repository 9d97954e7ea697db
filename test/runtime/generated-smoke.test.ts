// The seed examples of DESIGN §5 through the generator's real output
// (generated/typescript/src/generated) + this runtime, against a real server.
// Skipped when the TypeScript SDK has not been generated.

import { REAL_SDK_DIR, assemble, hasRealGenerated, REAL_GENERATED } from "./harness/assemble.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envelope, json, startServer, type TestServer } from "./harness/server.js";
import { tarGz } from "./harness/tar.js";

const real = hasRealGenerated();
if (real) assemble(REAL_SDK_DIR, REAL_GENERATED);

// The real SDK's surface as this test uses it (its own types are checked by typecheck.test.ts).
type Call = (...args: unknown[]) => Promise<Record<string, unknown>>;
type StreamCall = (...args: unknown[]) => AsyncIterable<{ type: string; text?: string }>;
interface Sdk {
  FormationClient: new (o: Record<string, unknown>) => Record<
    "getMemories" | "addMemory" | "clearUserBuffer" | "restoreSession" | "associateUserIdentifiers",
    Call
  > & {
    chatStream: StreamCall;
  };
  ServerClient: new (
    o: Record<string, unknown>,
  ) => Record<"deployFormation" | "listFormations" | "stopFormation" | "startFormation", Call>;
  RateLimitError: new (...a: never[]) => Error & { retryAfter?: number };
  MuxiError: new (...a: never[]) => Error & { code: string };
}

const CHAT =
  ': keepalive\n\ndata: {"token":{"type":"content","content":"Hello "}}\n\n' +
  'data: {"token":{"type":"completed","content":"Hello world","session_id":"sess-1","request_id":"req-1"}}\n\n' +
  'event: done\ndata: {"finished": true}\n\n';

describe.skipIf(!real)("seed examples through the generated SDK", () => {
  let sdk: Sdk;
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    sdk = (await import(/* @vite-ignore */ join(REAL_SDK_DIR, "index.ts"))) as Sdk;
    dir = mkdtempSync(join(tmpdir(), "muxi-seed-"));
    server = await startServer((req, res) => {
      if (req.headers.accept === "text/event-stream") {
        res.writeHead(200, { "Content-Type": "text/event-stream" });
        res.end(CHAT);
      } else if (req.url?.endsWith("/users/identifiers")) {
        json(res, 200, envelope({ muxi_user_id: "usr_1", identifiers: [], count: 2 }));
      } else json(res, req.method === "POST" && req.url === "/rpc/formations" ? 201 : 200, envelope({}));
    });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  it("FormationClient: chatStream, memories, buffers, identifiers, restore", async () => {
    const client = new sdk.FormationClient({
      serverUrl: server.url,
      formationId: "my-assistant",
      clientKey: "k",
    });
    let text = "";
    for await (const event of client.chatStream({ message: "Hello!" }))
      if (event.type === "text") text += event.text;
    expect(text).toBe("Hello ");
    for await (const chunk of await client.chatStream({ message: "Hello!" }, "user_123")) {
      if (chunk.type === "done") break;
    }
    await client.getMemories("user_123");
    await client.addMemory("user_123", "preference", "User prefers TypeScript");
    await client.clearUserBuffer("user_123");
    const r = await client.associateUserIdentifiers({
      identifiers: ["alice@email.com", { identifier: "U12345ABC", type: "slack" }],
      userId: null,
    });
    expect(r.muxiUserId).toBe("usr_1");
    await client.restoreSession({
      sessionId: "sess_abc123",
      messages: [{ role: "user", content: "Hello", timestamp: "2026-01-01T00:00:00Z" }],
      userId: "alice@email.com",
    });
    const seen = server.requests.map((q) => [
      q.method,
      q.path,
      q.headers["x-muxi-user-id"] ?? null,
      q.body.length ? JSON.parse(q.body.toString()) : null,
    ]);
    expect(seen).toEqual([
      ["POST", "/api/my-assistant/v1/chat", null, { message: "Hello!", stream: true }],
      ["POST", "/api/my-assistant/v1/chat", "user_123", { message: "Hello!", stream: true }],
      ["GET", "/api/my-assistant/v1/memories", "user_123", null],
      [
        "POST",
        "/api/my-assistant/v1/memories",
        "user_123",
        { type: "preference", detail: "User prefers TypeScript" },
      ],
      ["DELETE", "/api/my-assistant/v1/memory/buffer", "user_123", null],
      [
        "POST",
        "/api/my-assistant/v1/users/identifiers",
        null,
        { identifiers: ["alice@email.com", { identifier: "U12345ABC", type: "slack" }] },
      ],
      expect.arrayContaining([
        "POST",
        "/api/my-assistant/v1/sessions/sess_abc123/restore",
        "alice@email.com",
      ]),
    ]);
    expect(server.requests.every((q) => q.headers["x-muxi-client-key"] === "k")).toBe(true);
  });

  it("ServerClient: deploy from a path, list, stop, start (signed)", async () => {
    server.handle((_req, res) => json(res, 200, envelope({})));
    const bundlePath = join(dir, "my-bot.tar.gz");
    const bytes = tarGz([{ name: "my-bot/formation.afs", content: 'id: my-bot\nversion: "2.1.0"\n' }]);
    writeFileSync(bundlePath, bytes);
    const server2 = new sdk.ServerClient({ url: server.url, keyId: "muxi_pk_x", secretKey: "muxi_sk_x" });
    await server2.deployFormation({ bundlePath });
    await server2.listFormations();
    await server2.stopFormation("my-bot");
    await server2.startFormation("my-bot");
    const [deploy, ...rest] = server.requests;
    expect([
      deploy!.method,
      deploy!.path,
      deploy!.headers["content-type"],
      deploy!.headers["x-formation-id"],
      deploy!.headers["x-formation-version"],
    ]).toEqual(["POST", "/rpc/formations", "application/gzip", "my-bot", "2.1.0"]);
    expect(new Uint8Array(deploy!.body)).toEqual(bytes);
    expect(rest.map((q) => [q.method, q.path])).toEqual([
      ["GET", "/rpc/formations"],
      ["POST", "/rpc/formations/my-bot/stop"],
      ["POST", "/rpc/formations/my-bot/start"],
    ]);
    expect(
      server.requests.every((q) =>
        /^MUXI-HMAC key=muxi_pk_x, timestamp=\d+, signature=/.test(String(q.headers.authorization)),
      ),
    ).toBe(true);
  });

  it("errors: RateLimitError.retryAfter and string codes", async () => {
    server.handle((_req, res) =>
      json(res, 429, { error: "Too Many Requests", message: "slow", code: 429 }, { "Retry-After": "120" }),
    );
    const server2 = new sdk.ServerClient({ url: server.url, keyId: "k", secretKey: "s" });
    try {
      await server2.listFormations();
      expect.unreachable();
    } catch (err) {
      expect(err instanceof sdk.RateLimitError && err.retryAfter).toBe(120);
      expect(err instanceof sdk.MuxiError && err.code).toBe("RATE_LIMITED");
    }
  });
});
