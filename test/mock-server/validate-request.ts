// Checks one request against its matched IR operation: auth, SDK headers, user id, path/query/header
// params, body, and which variant (plain or stream) it selects. The first problem wins.
import type { AuthScheme, Operation, Param, Select, Service } from "../../generator/ir/types.js";
import { verifyHmac } from "./hmac-verify.js";
import { camelKeys, checkValue, checkWireString, type Models } from "./typeref-check.js";
import type { Credentials } from "./types.js";

export interface IncomingRequest {
  method: string;
  /** Percent-decoded path without query (Go's r.URL.Path) — what MUXI-HMAC signs. */
  decodedPath: string;
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** Raw body bytes (empty when none). */
  bytes: Uint8Array;
}

export interface ValidateContext {
  service: Service;
  op: Operation;
  models: Models;
  credentials: Required<Credentials>;
  nowMs: number;
}

export type Verdict = { ok: true; stream: boolean } | { ok: false; status: 400 | 401; message: string };

const bad = (message: string): Verdict => ({ ok: false, status: 400, message });

const DEFAULT_HEADERS: Record<AuthScheme, string> = {
  ClientKey: "X-Muxi-Client-Key",
  AdminKey: "X-Muxi-Admin-Key",
  MuxiHmac: "Authorization",
};

function checkAuth(req: IncomingRequest, ctx: ValidateContext): string | undefined {
  const { op, service, credentials } = ctx;
  if (!op.auth.length) return undefined;
  const problems: string[] = [];
  for (const scheme of op.auth) {
    const header = (service.authSchemes.find((s) => s.name === scheme)?.header ?? DEFAULT_HEADERS[scheme]).toLowerCase();
    if (scheme === "MuxiHmac") {
      const r = verifyHmac(req.headers[header], req.method, req.decodedPath, { keyId: credentials.keyId, secretKey: credentials.secretKey }, ctx.nowMs);
      if (r.ok) return undefined;
      problems.push(r.message);
      continue;
    }
    const expected = scheme === "AdminKey" ? credentials.adminKey : credentials.clientKey;
    const given = req.headers[header];
    if (given === expected) return undefined;
    problems.push(given === undefined ? `missing ${DEFAULT_HEADERS[scheme]} header` : `invalid ${scheme === "AdminKey" ? "admin" : "client"} API key`);
  }
  if (op.auth.length === 1) return problems[0];
  return `a valid API key is required (${op.auth.join(" or ")}): ${problems.join("; ")}`;
}

const mediaType = (ct: string | undefined): string => (ct ?? "").split(";")[0].trim().toLowerCase();

function contentTypeMatches(given: string | undefined, wanted: string): boolean {
  const g = mediaType(given);
  const w = wanted.toLowerCase();
  if (w === "*/*") return true;
  if (w.endsWith("/*")) return g.startsWith(w.slice(0, -1));
  return g === w;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function selects(sel: Select | undefined, query: Record<string, string | string[]>, body: unknown): boolean {
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.query ?? {})) if (query[k] !== String(v)) return false;
  for (const [k, v] of Object.entries(sel.body ?? {})) if (!isObject(body) || !deepEqual(body[k], v)) return false;
  return true;
}

const nonEmpty = (sel: Select | undefined): sel is Select => !!sel && (Object.keys(sel.query ?? {}).length > 0 || Object.keys(sel.body ?? {}).length > 0);

const describeSelect = (sel: Select): string =>
  [
    ...Object.entries(sel.query ?? {}).map(([k, v]) => `query ${k}=${String(v)}`),
    ...Object.entries(sel.body ?? {}).map(([k, v]) => `body ${k}: ${JSON.stringify(v)}`),
  ].join(", ");

/** Which variant the request selects (stream or plain), or why it selects neither. */
function chooseVariant(op: Operation, req: IncomingRequest, body: unknown): { stream: boolean } | { problem: string } {
  const s = op.stream;
  if (!s) return { stream: false };
  if (nonEmpty(s.select)) {
    if (selects(s.select, req.query, body)) return { stream: true };
    if (s.only) return { problem: `stream-only operation ${op.name} needs ${describeSelect(s.select)}` };
    if (nonEmpty(op.plainSelect) && !selects(op.plainSelect, req.query, body)) {
      return { problem: `ambiguous variant: send ${describeSelect(op.plainSelect)} (${op.name}) or ${describeSelect(s.select)} (${s.method})` };
    }
    return { stream: false };
  }
  if (s.only) return { stream: true };
  return { stream: (req.headers.accept ?? "").toLowerCase().includes("text/event-stream") };
}

function selectValues(op: Operation, where: "query" | "body", key: string): unknown[] {
  return [op.stream?.select, op.plainSelect]
    .filter((s): s is Select => !!s && !!s[where] && key in (s[where] as object))
    .map((s) => (s[where] as Record<string, unknown>)[key]);
}

function checkFixed(p: Param, value: unknown): string | undefined {
  if (p.fixed === undefined) return undefined;
  const same = typeof value === "string" && typeof p.fixed !== "string" ? value === String(p.fixed) : deepEqual(value, p.fixed);
  return same ? undefined : `${p.in} ${p.wire}: must be exactly ${JSON.stringify(p.fixed)}, got ${JSON.stringify(value)}`;
}

function checkStringParams(op: Operation, where: "path" | "header", values: Record<string, string>, models: Models): string | undefined {
  for (const p of op.params.filter((x) => x.in === where)) {
    const value = values[where === "header" ? p.wire.toLowerCase() : p.wire];
    if (value === undefined) {
      if (p.required) return `${where} ${p.wire}: required ${where === "header" ? "header" : "parameter"} missing`;
      continue;
    }
    if (where === "path" && value === "") return `path ${p.wire}: empty`;
    const problem = checkWireString(value, p.type, models, `${where} ${p.wire}`) ?? checkFixed(p, value);
    if (problem) return problem;
  }
  return undefined;
}

function checkQuery(op: Operation, query: Record<string, string | string[]>, models: Models): string | undefined {
  const params = op.params.filter((p) => p.in === "query");
  for (const key of Object.keys(query)) {
    if (params.some((p) => p.wire === key) || selectValues(op, "query", key).length) continue;
    const camel = params.find((p) => camelKeys(p).includes(key));
    return camel ? `query ${key}: camelCase name; the wire name is "${camel.wire}"` : `query ${key}: not a parameter of ${op.name}`;
  }
  for (const [key, raw] of Object.entries(query)) {
    const allowed = selectValues(op, "query", key);
    if (allowed.length && !params.some((p) => p.wire === key) && !allowed.some((v) => String(v) === raw)) {
      return `query ${key}: must be ${allowed.map((v) => String(v)).join(" or ")}, got ${JSON.stringify(raw)}`;
    }
  }
  for (const p of params) {
    const raw = query[p.wire];
    if (raw === undefined) {
      if (p.required) return `query ${p.wire}: required parameter missing`;
      continue;
    }
    const values = Array.isArray(raw) ? raw : [raw];
    if (p.type.kind === "array") {
      for (const v of values) {
        const problem = checkWireString(v, p.type.items, models, `query ${p.wire}`);
        if (problem) return problem;
      }
      continue;
    }
    if (values.length > 1) return `query ${p.wire}: given ${values.length} times, expected once`;
    const problem = checkWireString(values[0], p.type, models, `query ${p.wire}`) ?? checkFixed(p, values[0]);
    if (problem) return problem;
  }
  return undefined;
}

function checkJsonBody(op: Operation, body: unknown, models: Models): string | undefined {
  const params = op.params.filter((p) => p.in === "body");
  const whole = params.find((p) => p.whole);
  if (whole) return checkValue(body, whole.type, models, { direction: "request" }, "body");
  if (op.body?.model) {
    const problem = checkValue(body, { kind: "model", name: op.body.model }, models, { direction: "request" }, "body");
    if (problem) return problem;
  }
  if (!params.length && !op.body?.model) return undefined;
  if (!isObject(body)) return `body: expected a JSON object, got ${Array.isArray(body) ? "array" : typeof body}`;
  const wires = new Set(params.map((p) => p.wire));
  for (const p of params) {
    for (const k of camelKeys(p)) if (k in body && !wires.has(k)) return `body.${k}: camelCase key; the wire name is "${p.wire}"`;
  }
  for (const p of params) {
    if (!(p.wire in body)) {
      if (p.required) return `body.${p.wire}: required field missing`;
      continue;
    }
    const problem = checkValue(body[p.wire], p.type, models, { direction: "request" }, `body.${p.wire}`) ?? checkFixed(p, body[p.wire]);
    if (problem) return problem;
  }
  for (const key of Object.keys(body)) {
    const allowed = selectValues(op, "body", key);
    if (allowed.length && !allowed.some((v) => deepEqual(v, body[key]))) {
      return `body.${key}: must be ${allowed.map((v) => JSON.stringify(v)).join(" or ")}, got ${JSON.stringify(body[key])}`;
    }
  }
  return undefined;
}

/** Parses and checks the body; returns the problem, or the parsed JSON for variant selection. */
function checkBody(op: Operation, req: IncomingRequest, models: Models): { problem?: string; json?: unknown } {
  const spec = op.body;
  const present = req.bytes.length > 0;
  if (!spec) return present ? { problem: `${op.name} takes no request body (got ${req.bytes.length} bytes)` } : {};
  if (!present) return spec.required ? { problem: `request body is required (${spec.contentType})` } : {};
  const ct = req.headers["content-type"];
  if (!contentTypeMatches(ct, spec.contentType))
    return { problem: `Content-Type must be ${spec.contentType}, got ${ct === undefined ? "none" : JSON.stringify(ct)}` };
  if (spec.kind === "binary" || spec.kind === "text") return {};
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(req.bytes));
  } catch (err) {
    return { problem: `body is not valid JSON: ${(err as Error).message}` };
  }
  return { problem: checkJsonBody(op, json, models), json };
}

export function validateRequest(req: IncomingRequest, ctx: ValidateContext): Verdict {
  const { op, models } = ctx;
  const auth = checkAuth(req, ctx);
  if (auth) return { ok: false, status: 401, message: auth };
  for (const h of ["x-muxi-sdk", "x-muxi-idempotency-key"]) if (!req.headers[h]) return bad(`header ${h} missing: the SDK sends it on every request`);
  const user = req.headers["x-muxi-user-id"];
  if (op.userId === "required" && !user) return bad(`header X-Muxi-User-ID is required by ${op.name}`);
  if (op.userId === "optional" && user === "") return bad("header X-Muxi-User-ID is empty");
  const problem =
    checkStringParams(op, "path", req.pathParams, models) ?? checkQuery(op, req.query, models) ?? checkStringParams(op, "header", req.headers, models);
  if (problem) return bad(problem);
  const body = checkBody(op, req, models);
  if (body.problem) return bad(body.problem);
  const variant = chooseVariant(op, req, body.json);
  if ("problem" in variant) return bad(variant.problem);
  return { ok: true, stream: variant.stream };
}
