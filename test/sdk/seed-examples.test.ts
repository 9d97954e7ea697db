// DESIGN §5's seed examples type-check under strict and run, unchanged, against a local server
// (the spec-driven mock on 127.0.0.1:7890, configured with the seed's own keys).
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { serveMock, type MockServer } from "../mock-server/serve.js";
import { tarGz } from "../runtime/harness/tar.js";

const ROOT = join(import.meta.dirname, "../..");
const SEED = join(import.meta.dirname, "seed/seed-examples.ts");
const run = promisify(execFile);
let mock: MockServer;
let listCalls = 0;

beforeAll(async () => {
  const ir = await specToIR(["spec/formation.yaml", "spec/server.yaml"]);
  mock = await serveMock(ir, {
    port: 7890,
    credentials: { clientKey: "k", keyId: "muxi_pk_...", secretKey: "muxi_sk_..." },
    // The seed's last listFormations meets a rate limit, so its catch block runs.
    script: (op) => (op.name === "listFormations" && ++listCalls > 1 ? { status: 429, headers: { "retry-after": "0" }, body: { error: "Too Many Requests", message: "slow down", code: 429 } } : undefined),
  });
});

afterAll(async () => {
  await mock?.close();
});

describe("seed examples", () => {
  it("type-check under --strict", async () => {
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const args = [tsc, "--noEmit", "--strict", "--target", "ES2022", "--module", "ESNext", "--moduleResolution", "Bundler", "--lib", "ES2022,DOM,DOM.Iterable", "--types", "node", "--skipLibCheck", SEED];
    const out = await run(process.execPath, args, { cwd: ROOT }).then((r) => r.stdout, (e: { stdout: string }) => e.stdout);
    expect(out).toBe("");
  });

  it("run against the local server", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "muxi-seed-"));
    await writeFile(join(cwd, "my-bot.tar.gz"), tarGz([{ name: "my-bot/formation.afs", content: "id: my-bot\nversion: 2.0.0\n" }]));
    const { stdout } = await run(join(ROOT, "node_modules/.bin/tsx"), [SEED], { cwd });
    expect(stdout).toContain("Hello "); // text deltas of the first chat stream
    expect(stdout).toMatch(/muxiUserId=\S+/);
    expect(stdout).toContain("retryAfter=0");
    expect(stdout).toContain("code=RATE_LIMITED");
    const accepted = mock.requests.filter((r) => !r.rejected);
    expect(mock.requests.filter((r) => r.rejected && r.status !== 429)).toEqual([]);
    const ops = accepted.map((r) => `${r.operation}${r.mode ? `@${r.mode}` : ""}`);
    expect(ops).toEqual(expect.arrayContaining(["chat@live", "getSessions@draft", "getMemories@live", "addMemory@live", "clearUserBuffer@live", "linkUserIdentifier@live", "restoreSession@live", "deployFormation", "stopFormation", "startFormation"]));
    const deploy = accepted.find((r) => r.operation === "deployFormation");
    expect(deploy?.headers["x-formation-id"]).toBe("my-bot");
    expect(deploy?.headers["x-formation-version"]).toBe("2.0.0");
    const memory = accepted.find((r) => r.operation === "addMemory");
    expect(memory?.headers["x-muxi-user-id"]).toBe("user_123");
    expect(memory?.body).toEqual({ type: "preference", detail: "User prefers TypeScript" });
    const restore = accepted.find((r) => r.operation === "restoreSession");
    expect(restore?.path).toBe("/api/my-assistant/v1/sessions/sess_abc123/restore");
    expect(restore?.headers["x-muxi-user-id"]).toBe("alice@email.com");
  });
});
