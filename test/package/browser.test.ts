// The built ESM bundle in a real browser (Debian's Chromium through playwright-core): a page
// served from 127.0.0.1 imports dist/index.js, streams a chat from an API server on another
// origin (so CORS and the preflight for the X-Muxi-* headers are exercised), stops a second
// stream early with `break`, and verifies a webhook signature made here with node:crypto.
// The page reports what it saw; the assertions are on that report and on what the servers saw.
import { createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT, DIST, ensureBuilt, PACKAGE_DIR } from "./helpers.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const VERSION = (JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string }).version;
/** The request headers the API server allows from the page's origin. */
const ALLOWED_HEADERS = [
  "content-type",
  "accept",
  "x-muxi-client-key",
  "x-muxi-admin-key",
  "x-muxi-user-id",
  "x-muxi-sdk",
  "x-muxi-client",
  "x-muxi-idempotency-key",
];
const WEBHOOK_SECRET = "whsec_browser";

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  closedEarly?: boolean;
}

let api: Server;
let site: Server;
let apiUrl: string;
let siteUrl: string;
let browser: Browser;
const seen: Seen[] = [];
let endless: Promise<boolean> | undefined;

const listen = async (s: Server): Promise<string> => {
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};
const close = (s: Server | undefined) =>
  new Promise<void>((resolve) => {
    if (!s) return resolve();
    s.closeAllConnections();
    s.close(() => resolve());
  });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  await ensureBuilt();

  // The formation API, on its own origin, with CORS for the page's origin.
  api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const rec: Seen = { method: req.method ?? "", path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      seen.push(rec);
      const cors = {
        "Access-Control-Allow-Origin": siteUrl,
        "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE",
        "Access-Control-Allow-Headers": ALLOWED_HEADERS.join(", "),
        "Access-Control-Expose-Headers": "X-Request-ID, Retry-After",
        "Access-Control-Max-Age": "0",
        Vary: "Origin",
      };
      if (req.method === "OPTIONS") {
        res.writeHead(204, cors);
        return res.end();
      }
      if (req.method === "POST" && path === "/v1/chat") {
        const { message } = JSON.parse(rec.body) as { message: string };
        res.writeHead(200, { ...cors, "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
        if (message === "forever") {
          // Never ends on its own: the page breaks after the first token, which must close the request.
          res.write('data: {"token":{"type":"content","content":"first"}}\n\n');
          endless = new Promise<boolean>((resolve) => {
            const timer = setInterval(() => res.write(": keepalive\n\n"), 50);
            res.on("close", () => {
              clearInterval(timer);
              rec.closedEarly = true;
              resolve(true);
            });
          });
          return;
        }
        const frames = [
          ": keepalive\n\n",
          'data: {"token":{"type":"planning","content":"Planning","agent_name":"writer"}}\n\n',
          'data: {"token":{"type":"content","content":"Hello"}}\n\n',
          'data: {"token":{"type":"content","content":", wörld"}}\n\n',
          'event: ui\ndata: {"ui":[{"type":"options","id":"w1","options":["a","b"]}]}\n\n',
          'data: {"token":{"type":"completed","content":"Hello, wörld","session_id":"sess_browser","request_id":"req_browser"}}\n\n',
          'event: done\ndata: {"finished": true}\n\n',
        ];
        for (const f of frames) {
          res.write(f);
          await pause(10);
        }
        return res.end();
      }
      res.writeHead(404, { ...cors, "Content-Type": "application/json" });
      res.end(JSON.stringify({ success: false, error: { code: "NOT_FOUND", message: "no route" } }));
    });
  });
  apiUrl = await listen(api);

  // The site: the page and the built bundle, as a static host would serve them.
  const now = Math.floor(Date.now() / 1000);
  const payload = JSON.stringify({ id: "req_hook", status: "completed", response: [{ type: "text", text: "async answer" }], processing_mode: "async" });
  const header = `t=${now},v1=${createHmac("sha256", WEBHOOK_SECRET).update(`${now}.${payload}`).digest("hex")}`;
  const config = { apiUrl, webhook: { payload, header, secret: WEBHOOK_SECRET } };
  site = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      return res.end(page(config));
    }
    // dist/'s ESM files: the entries and the chunks they share.
    const file = /^\/sdk\/([\w-]+\.js)$/.exec(path)?.[1];
    if (file && existsSync(join(DIST, file))) {
      res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" });
      return res.end(readFileSync(join(DIST, file)));
    }
    res.writeHead(path === "/favicon.ico" ? 204 : 404);
    res.end();
  });
  siteUrl = await listen(site);

  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (never download a browser)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
  });
}, BUILD_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await close(api);
  await close(site);
});

/** The page: everything it learns goes into window.__report. */
function page(config: unknown): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>muxi sdk</title></head>
<body>
<script type="module">
const config = ${JSON.stringify(config)};
const report = {};
try {
  const sdk = await import("/sdk/index.js");
  report.version = sdk.version;
  report.processType = typeof process;
  const client = new sdk.FormationClient({ url: config.apiUrl, clientKey: "browser-client-key", maxRetries: 0 });

  const events = [];
  for await (const e of client.chatStream({ message: "Hello!" }, "user_browser")) events.push(e);
  report.events = events.map((e) => ({ ...e, raw: undefined }));

  // Leaving the loop early must abort the request.
  const early = [];
  for await (const e of client.chatStream({ message: "forever" }, "user_browser")) {
    early.push(e.type === "text" ? e.text : e.type);
    break;
  }
  report.early = early;

  // The same chat through the function API (@muxi/sdk/formation), sharing the entry's chunks.
  const formation = await import("/sdk/formation.js");
  const conn = formation.createFormation({ url: config.apiUrl, clientKey: "browser-client-key", maxRetries: 0 });
  const fnEvents = [];
  for await (const e of formation.chatStream(conn, { message: "Hello!", userId: "user_browser" })) fnEvents.push(e);
  report.fnEvents = fnEvents.map((e) => ({ ...e, raw: undefined }));

  const { payload, header, secret } = config.webhook;
  report.webhook = {
    valid: await sdk.webhook.verifySignature(payload, header, secret),
    bytes: await sdk.webhook.verifySignature(new TextEncoder().encode(payload), header, secret),
    tampered: await sdk.webhook.verifySignature(payload.replace("async answer", "forged answer"), header, secret),
    wrongSecret: await sdk.webhook.verifySignature(payload, header, "whsec_other"),
    missing: await sdk.webhook.verifySignature(payload, null, secret),
    parsed: sdk.webhook.parse(payload),
  };
  delete report.webhook.parsed.raw;
} catch (err) {
  report.error = String((err && err.stack) || err);
}
window.__report = report;
</script>
</body></html>`;
}

interface PageReport {
  error?: string;
  version: string;
  processType: string;
  events: Array<Record<string, unknown>>;
  early: string[];
  fnEvents: Array<Record<string, unknown>>;
  webhook: { valid: boolean; bytes: boolean; tampered: boolean; wrongSecret: boolean; missing: boolean; parsed: Record<string, unknown> };
}

describe("browser (Chromium, built ESM bundle)", () => {
  it("streams a chat across origins and verifies a webhook signature", async () => {
    const tab = await browser.newPage();
    const problems: string[] = [];
    tab.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    tab.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    await tab.goto(`${siteUrl}/`);
    await tab.waitForFunction(() => (window as unknown as { __report?: unknown }).__report !== undefined, null, { timeout: 20_000 });
    const report = (await tab.evaluate(() => (window as unknown as { __report: unknown }).__report)) as PageReport;
    await tab.close();

    expect(report.error, problems.join("\n")).toBeUndefined();
    expect(problems).toEqual([]);
    expect(report.version).toBe(VERSION);
    expect(report.processType).toBe("undefined");

    // The normalised chat stream, as the page saw it.
    expect(report.events).toEqual([
      { type: "planning", content: "Planning", agentName: "writer" },
      { type: "text", text: "Hello" },
      { type: "text", text: ", wörld" },
      { type: "ui", widgets: [{ type: "options", id: "w1", options: ["a", "b"] }] },
      { type: "completed", text: "Hello, wörld", sessionId: "sess_browser", requestId: "req_browser", streamDiscontinuity: false },
      { type: "done" },
    ]);
    expect(report.early).toEqual(["first"]);
    expect(report.fnEvents).toEqual(report.events);
    await expect(Promise.race([endless, pause(5_000).then(() => false)])).resolves.toBe(true);

    // CORS: a preflight asked for the SDK's headers, then the chat went through with them.
    const preflight = seen.find((r) => r.method === "OPTIONS" && r.path === "/v1/chat");
    expect(preflight, "a CORS preflight").toBeDefined();
    expect(preflight!.headers.origin).toBe(siteUrl);
    const asked = String(preflight!.headers["access-control-request-headers"]).split(",").map((h) => h.trim()).sort();
    expect(asked).toEqual(expect.arrayContaining(["content-type", "x-muxi-client-key", "x-muxi-idempotency-key", "x-muxi-sdk", "x-muxi-user-id"]));
    const chats = seen.filter((r) => r.method === "POST" && r.path === "/v1/chat");
    expect(chats).toHaveLength(3);
    expect(chats[0]!.headers["x-muxi-client-key"]).toBe("browser-client-key");
    expect(chats[0]!.headers["x-muxi-user-id"]).toBe("user_browser");
    expect(chats[0]!.headers["x-muxi-sdk"]).toBe(`typescript/${VERSION}`);
    expect(JSON.parse(chats[0]!.body)).toMatchObject({ message: "Hello!", stream: true });
    expect(chats[1]!.closedEarly).toBe(true);
    // The function sent what the method sent.
    expect(chats[2]!.headers["x-muxi-user-id"]).toBe("user_browser");
    expect(chats[2]!.headers["x-muxi-client-key"]).toBe("browser-client-key");
    expect(JSON.parse(chats[2]!.body)).toEqual(JSON.parse(chats[0]!.body));

    // Webhook signature made with node:crypto, checked in the page with Web Crypto.
    expect(report.webhook).toMatchObject({ valid: true, bytes: true, tampered: false, wrongSecret: false, missing: false });
    expect(report.webhook.parsed).toMatchObject({ requestId: "req_hook", status: "completed", content: [{ type: "text", text: "async answer" }] });
  });
});
