// The built ESM bundle where only web globals exist (no process, Buffer, require): a node:vm
// module context (edge-runner.mjs, in a child process with --experimental-vm-modules) makes a
// signed ServerClient call, checked here with exact HMAC verification, and streams a chat.
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT, DIST, ensureBuilt, PACKAGE_DIR } from "./helpers.js";
import { readFileSync } from "node:fs";

const KEY_ID = "muxi_pk_test";
const SECRET = "muxi_sk_test";
const VERSION = (JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string }).version;

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  signature: "valid" | string;
}

let server: Server;
let url: string;
const seen: Seen[] = [];

/** The exact header the server expects: MUXI-HMAC key=<id>, timestamp=<s>, signature=<base64 HMAC-SHA256(secret, "<ts>;<METHOD>;<path>")>. */
function checkSignature(method: string, path: string, header: string | undefined): "valid" | string {
  const m = /^MUXI-HMAC key=([^,]+), timestamp=(\d+), signature=(\S+)$/.exec(header ?? "");
  if (!m) return `malformed: ${header ?? "(none)"}`;
  const [, key, ts] = m;
  if (key !== KEY_ID) return `unknown key ${key}`;
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return `stale timestamp ${ts}`;
  const signature = createHmac("sha256", SECRET).update(`${ts};${method};${path}`).digest("base64");
  const expected = `MUXI-HMAC key=${KEY_ID}, timestamp=${ts}, signature=${signature}`;
  return header === expected ? "valid" : `bad signature: got ${header}, expected ${expected}`;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  await ensureBuilt();
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const method = req.method ?? "";
      const rec: Seen = { method, path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), signature: "" };
      seen.push(rec);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (path.startsWith("/rpc/")) {
        rec.signature = checkSignature(method, path, req.headers.authorization);
        if (rec.signature !== "valid") return json(401, { error: "Unauthorized", message: rec.signature, code: 401 });
        if (method === "GET" && path === "/rpc/formations") {
          return json(200, {
            success: true,
            data: {
              formations: [
                { id: "edge-bot", name: "Edge Bot", port: 8001, status: "running", pid: 42, uptime: 10, restart_count: 2, healthy: true },
              ],
              total: 1,
            },
          });
        }
        return json(404, { error: "Not Found", message: `formation ${path.split("/").pop()} not found`, code: 404 });
      }
      if (method === "POST" && path === "/v1/chat") {
        res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
        const snow = Buffer.from("lo ☃", "utf8"); // ☃ is 3 bytes: split it across two writes
        const frames: Array<string | Buffer> = [
          ": keepalive\n\n",
          'data: {"token":{"type":"thinking","content":"Reading"}}\n\n',
          'data: {"token":{"type":"content","content":"Hel"}}\n\n',
          Buffer.concat([Buffer.from('data: {"token":"'), snow.subarray(0, snow.length - 1)]),
          Buffer.concat([snow.subarray(snow.length - 1), Buffer.from('"}\n\n')]),
          'data: {"token":{"type":"completed","content":"Hello ☃","session_id":"sess_edge","request_id":"req_edge"}}\n\n',
          'event: done\ndata: {"finished": true}\n\n',
        ];
        for (const f of frames) {
          res.write(f);
          await pause(5);
        }
        return res.end();
      }
      json(404, { success: false, error: { code: "NOT_FOUND", message: "no route" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, BUILD_TIMEOUT);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
});

interface EdgeReport {
  error?: string;
  globals: Record<string, string>;
  exports: string[];
  listFormations: { total: number; ids: string[]; restartCount: number };
  notFound: { name: string; muxi: boolean; notFound: boolean; status: number; code: string };
  chat: string[];
  functions: { ids: string[]; notFound: boolean };
  webhook: boolean;
  dynamicImports: string[];
  staticImports: string[];
}

function runEdge(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--experimental-vm-modules", "--no-warnings", join(import.meta.dirname, "edge-runner.mjs"), join(DIST, "index.js"), url, url],
      { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("edge runtime (web globals only, vm module)", () => {
  it("makes a signed ServerClient call and streams a chat", async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = '{"id":"req_1","status":"completed","response":[{"type":"text","text":"hi"}]}';
    const header = `t=${now},v1=${createHmac("sha256", "whsec_edge").update(`${now}.${body}`).digest("hex")}`;
    const { code, stdout, stderr } = await runEdge({ WEBHOOK_HEADER: header, WEBHOOK_NOW: String(now) });
    const report = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as EdgeReport;
    expect(report.error, stderr).toBeUndefined();
    expect(code).toBe(0);

    // Only web globals were there.
    expect(report.globals).toEqual({
      process: "undefined",
      Buffer: "undefined",
      require: "undefined",
      module: "undefined",
      global: "undefined",
      setImmediate: "undefined",
      fetch: "function",
      subtle: "object",
    });
    expect(report.exports).toEqual(expect.arrayContaining(["FormationClient", "ServerClient", "MuxiError", "webhook"]));
    expect(report.staticImports).toEqual([]);
    expect(report.dynamicImports).toEqual([]);

    // Signed call: the server verified the exact HMAC header on both requests.
    expect(report.listFormations).toEqual({ total: 1, ids: ["edge-bot"], restartCount: 2 });
    expect(report.notFound).toEqual({ name: "NotFoundError", muxi: true, notFound: true, status: 404, code: expect.any(String) });
    const rpc = seen.filter((r) => r.path.startsWith("/rpc/"));
    expect(rpc.map((r) => [r.method, r.path, r.signature])).toEqual([
      ["GET", "/rpc/formations", "valid"],
      ["GET", "/rpc/formations/does-not-exist", "valid"],
      ["GET", "/rpc/formations", "valid"],
      ["GET", "/rpc/formations/does-not-exist", "valid"],
    ]);
    expect(report.functions).toEqual({ ids: ["edge-bot"], notFound: true });
    expect(rpc[0]!.headers["x-muxi-sdk"]).toBe(`typescript/${VERSION}`);
    // No OS or runtime to report where there is no process object.
    expect(rpc[0]!.headers["x-muxi-client"]).toBeUndefined();

    // The chat stream, with a UTF-8 character split across network chunks.
    expect(report.chat).toEqual(["thinking", "text:Hel", "text:lo ☃", "completed:Hello ☃:sess_edge", "done"]);
    const chat = seen.find((r) => r.path === "/v1/chat")!;
    expect(chat.headers["x-muxi-client-key"]).toBe("edge-client-key");
    expect(chat.headers["x-muxi-user-id"]).toBe("user_edge");
    expect(chat.headers.accept).toBe("text/event-stream");
    expect(JSON.parse(chat.body)).toMatchObject({ message: "Hello from the edge", stream: true });

    // Webhook signature made with node:crypto, verified with the SDK's Web Crypto code.
    expect(report.webhook).toBe(true);
  });
});
