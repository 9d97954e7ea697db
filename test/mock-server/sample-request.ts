// Builds one valid wire request for an IR operation (what a correct SDK would send), for
// smoke-testing the mock against a whole spec and as a reference in tests.
import type { Operation, ServiceName } from "../../generator/ir/types.js";
import { hmacSignature } from "./hmac-verify.js";
import { synthesise } from "./synthesise.js";
import type { Models } from "./typeref-check.js";
import { DEFAULT_CREDENTIALS, type Credentials } from "./types.js";

export interface SampleRequest {
  method: string;
  /** Path + query, relative to the mock's origin. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

export interface SampleOptions {
  service: ServiceName;
  stream?: boolean;
  credentials?: Credentials;
  nowMs?: number;
  /** Formation path prefix (default `/v1`). */
  formationPrefix?: string;
}

const wireString = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

export function sampleRequest(op: Operation, models: Models, opts: SampleOptions): SampleRequest {
  const creds = { ...DEFAULT_CREDENTIALS, ...opts.credentials };
  const stream = !!opts.stream && !!op.stream;
  const sel = stream ? op.stream?.select : op.plainSelect;
  let path = op.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = { "X-Muxi-SDK": "typescript/0.0.0-sample", "X-Muxi-Idempotency-Key": "00000000-0000-4000-8000-000000000001" };
  let body: Record<string, unknown> | undefined;
  let whole: unknown;
  for (const p of op.params) {
    if (p.in === "query" && op.stream?.select?.query && p.wire in op.stream.select.query) continue; // set from the variant below
    const value = p.fixed ?? synthesise(p.type, models);
    if (p.in === "path") path = path.replace(`{${p.wire}}`, encodeURIComponent(wireString(value) || "x"));
    else if (p.in === "query") query.set(p.wire, wireString(value));
    else if (p.in === "header") headers[p.wire] = wireString(value);
    else if (p.in === "body" && p.whole) whole = value;
  }
  for (const [k, v] of Object.entries(sel?.query ?? {})) query.set(k, String(v));
  if (op.body?.kind === "json" && !op.params.some((p) => p.whole)) {
    body = op.body.model ? (synthesise({ kind: "model", name: op.body.model }, models) as Record<string, unknown>) : {};
    if (body && !stream) for (const k of Object.keys(op.stream?.select?.body ?? {})) delete body[k];
    Object.assign(body ?? {}, sel?.body ?? {});
  }
  if (op.userId !== "none") headers["X-Muxi-User-ID"] = "user_123";
  if (stream) headers.Accept = "text/event-stream";
  let payload: string | Uint8Array<ArrayBuffer> | undefined;
  if (op.body) {
    headers["Content-Type"] = op.body.contentType;
    if (op.body.kind === "binary") payload = Uint8Array.from([0x1f, 0x8b, 0x08, 0x00]);
    else if (op.body.kind === "text") payload = "text";
    else payload = JSON.stringify(body ?? whole);
  }
  const fullPath = opts.service === "formation" ? `${opts.formationPrefix ?? "/v1"}${path}` : path;
  const scheme = op.auth[0];
  if (scheme === "ClientKey") headers["X-Muxi-Client-Key"] = creds.clientKey;
  if (scheme === "AdminKey") headers["X-Muxi-Admin-Key"] = creds.adminKey;
  if (scheme === "MuxiHmac") {
    const ts = String(Math.floor((opts.nowMs ?? Date.now()) / 1000));
    headers.Authorization = `MUXI-HMAC key=${creds.keyId}, timestamp=${ts}, signature=${hmacSignature(creds.secretKey, ts, op.method, decodeURIComponent(fullPath))}`;
  }
  const qs = query.toString();
  return { method: op.method, url: qs ? `${fullPath}?${qs}` : fullPath, headers, body: payload };
}
