// The spec-driven mock of both MUXI APIs, on 127.0.0.1: routes every request to its IR operation,
// validates it, records it, and answers with a synthesised (or scripted) response.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { IR, Service } from "../../generator/ir/types.js";
import { writeReply } from "./reply.js";
import { formationError, mockValidationError, serverError } from "./responses.js";
import { createRouter } from "./router.js";
import { modelMap } from "./typeref-check.js";
import { DEFAULT_CREDENTIALS, type MockOptions, type MockScript, type MockServer, type RecordedRequest } from "./types.js";
import { validateRequest } from "./validate-request.js";

export type { MockOptions, MockReply, MockScript, MockServer, RecordedRequest, SseFrame, Credentials } from "./types.js";

function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function parseQuery(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** What the request body looks like for recording: JSON, text, or bytes. */
function decodeBody(bytes: Uint8Array, contentType: string | undefined): unknown {
  if (!bytes.length) return undefined;
  const ct = (contentType ?? "").toLowerCase();
  if (ct.includes("json") || ct.startsWith("text/") || ct === "") {
    const text = Buffer.from(bytes).toString("utf8");
    if (!ct.startsWith("text/")) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        /* recorded as text */
      }
    }
    if (ct !== "") return text;
  }
  return bytes;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": bytes.length, ...headers });
  res.end(bytes);
}

export async function serveMock(ir: IR, opts: MockOptions = {}): Promise<MockServer> {
  const router = createRouter(ir);
  const models = modelMap(ir.models);
  const credentials = { ...DEFAULT_CREDENTIALS, ...opts.credentials };
  const now = opts.now ?? Date.now;
  const services = new Map<string, Service>(ir.services.map((s) => [s.name, s]));
  const requests: RecordedRequest[] = [];
  let script: MockScript | undefined = opts.script;
  let counter = 0;
  let closing: () => void = () => undefined;
  const closed = new Promise<void>((r) => (closing = r));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? "/";
    const q = target.indexOf("?");
    const rawPath = q < 0 ? target : target.slice(0, q);
    const headers = lowerHeaders(req);
    const method = (req.method ?? "GET").toUpperCase();
    const bytes = await readBody(req);
    const recorded: RecordedRequest = {
      method,
      path: rawPath,
      url: target,
      pathParams: {},
      query: parseQuery(q < 0 ? "" : target.slice(q + 1)),
      headers,
      body: decodeBody(bytes, headers["content-type"]),
    };
    requests.push(recorded);
    const reject = (status: number, message: string, body: unknown, extra: Record<string, string> = {}): void => {
      recorded.rejected = message;
      recorded.status = status;
      sendJson(res, status, body, extra);
    };

    const route = router.match(method, rawPath);
    if (route.kind === "not-found") return reject(404, route.message, serverError(404, route.message));
    if (route.kind === "method-not-allowed") return reject(405, route.message, serverError(405, route.message), { Allow: route.allowed.join(", ") });
    Object.assign(recorded, { service: route.service, operation: route.op.name, mode: route.mode, formationId: route.formationId });
    if (route.kind === "bad-path") return reject(400, route.message, mockValidationError(route.message));
    recorded.pathParams = route.pathParams;

    const service = services.get(route.service) as Service;
    const op = route.op;
    const nowMs = now();
    const requestId = `req_mock_${++counter}`;
    const idempotencyKey = headers["x-muxi-idempotency-key"] ?? null;
    let decodedPath = rawPath;
    try {
      decodedPath = decodeURIComponent(rawPath);
    } catch {
      /* the router already refused malformed escapes inside operation paths */
    }
    const verdict = validateRequest(
      { method, decodedPath, pathParams: route.pathParams, query: recorded.query, headers, bytes },
      { service, op, models, credentials, nowMs },
    );
    if (!verdict.ok) {
      if (verdict.status === 400) return reject(400, verdict.message, mockValidationError(verdict.message));
      const body =
        route.service === "formation"
          ? formationError(401, verdict.message, { requestId, idempotencyKey, nowMs })
          : serverError(401, verdict.message, "Unauthorized");
      return reject(401, verdict.message, body, route.service === "formation" ? { "WWW-Authenticate": "ApiKey" } : {});
    }
    recorded.stream = verdict.stream;
    const reply = script?.(op, recorded);
    const gone = Promise.race([new Promise<void>((r) => res.on("close", () => r())), closed]);
    await writeReply(res, op, verdict.stream, reply, { service: route.service, op, requestId, idempotencyKey, nowMs, models, recorded, gone });
  }

  const server = createServer((req, res) => {
    res.on("error", () => undefined);
    handle(req, res).catch((err: unknown) => {
      const message = `mock server failure: ${err instanceof Error ? err.message : String(err)}`;
      if (!res.headersSent) sendJson(res, 500, serverError(500, message));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    formationBase: `${url}/v1`,
    serverBase: url,
    requests,
    setScript(next: MockScript | undefined): void {
      script = next;
    },
    close(): Promise<void> {
      closing();
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
