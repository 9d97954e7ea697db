// Webhook signature checks and payload parsing (formation-api.md §6).
// Header `X-Muxi-Signature: t=<unix s>,v1=<hex>`, signed message `<t>.` + raw body bytes,
// HMAC-SHA256 lower-case hex, compared in constant time, |now − t| ≤ tolerance.

import { constantTimeEqual, hmacSha256, toHex, utf8 } from "./runtime/webcrypto.js";

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "WebhookVerificationError";
  }
}

export interface VerifyOptions {
  /** Allowed clock difference in seconds (default 300). */
  toleranceSeconds?: number;
  /** Current time in Unix seconds (default: now). */
  now?: number;
}

function parseHeader(header: string): { t: string; v1: string[] } | undefined {
  let t: string | undefined;
  const v1: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t") t = value;
    else if (key === "v1" && value !== "") v1.push(value.toLowerCase());
  }
  if (t === undefined || !/^\d+$/.test(t) || v1.length === 0) return undefined;
  return { t, v1 };
}

/**
 * True when `header` is a valid signature of `payload` (the raw body, unparsed).
 * Missing or malformed headers and stale timestamps give false; an empty secret throws.
 * The 4th argument may also be the tolerance in seconds (old SDK signature).
 */
export async function verifySignature(
  payload: string | Uint8Array,
  header: string | null | undefined,
  secret: string,
  opts?: VerifyOptions | number,
): Promise<boolean> {
  if (!secret) throw new WebhookVerificationError("Webhook secret is required");
  if (!header) return false;
  const parsed = parseHeader(header);
  if (!parsed) return false;
  const o: VerifyOptions = typeof opts === "number" ? { toleranceSeconds: opts } : (opts ?? {});
  const tolerance = o.toleranceSeconds ?? 300;
  const now = o.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(parsed.t)) > tolerance) return false;
  const body = typeof payload === "string" ? utf8(payload) : payload;
  const prefix = utf8(`${parsed.t}.`);
  const message = new Uint8Array(prefix.length + body.length);
  message.set(prefix, 0);
  message.set(body, prefix.length);
  const expected = toHex(await hmacSha256(secret, message));
  let ok = false;
  for (const candidate of parsed.v1) ok = constantTimeEqual(expected, candidate) || ok;
  return ok;
}

export interface WebhookResponseItem {
  type: string;
  text?: string;
  file?: { type: string; url: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface WebhookEvent {
  requestId: string;
  status: string;
  timestamp: number | undefined;
  content: WebhookResponseItem[];
  error?: { code: string; message: string; trace?: string };
  clarification?: { question: string; requestId?: string; originalMessage?: string };
  formationId?: string;
  userId?: string;
  processingTime?: number;
  processingMode: string;
  webhookUrl?: string;
  /** The payload as received. */
  raw: Record<string, unknown>;
}

function rec(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function s(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** Parses a webhook body (raw text/bytes or an already parsed object). */
export function parse(payload: string | Uint8Array | Record<string, unknown>): WebhookEvent {
  let raw: unknown = payload;
  if (typeof payload === "string" || payload instanceof Uint8Array) {
    const text = typeof payload === "string" ? payload : new TextDecoder().decode(payload);
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new Error("Webhook payload is not JSON", { cause: err });
    }
  }
  if (!rec(raw)) throw new Error("Webhook payload must be a JSON object");
  const out: WebhookEvent = {
    requestId: s(raw.id) ?? s(raw.request_id) ?? "",
    status: s(raw.status) ?? "",
    timestamp: typeof raw.timestamp === "number" ? raw.timestamp : undefined,
    content: Array.isArray(raw.response) ? (raw.response.filter(rec) as WebhookResponseItem[]) : [],
    processingMode: s(raw.processing_mode) ?? "async",
    raw,
  };
  if (rec(raw.error)) {
    const e: { code: string; message: string; trace?: string } = {
      code: String(raw.error.code ?? ""),
      message: s(raw.error.message) ?? "",
    };
    if (typeof raw.error.trace === "string") e.trace = raw.error.trace;
    out.error = e;
  }
  const question = s(raw.clarification_question);
  if (question !== undefined) {
    const c: { question: string; requestId?: string; originalMessage?: string } = { question };
    if (s(raw.clarification_request_id) !== undefined) c.requestId = s(raw.clarification_request_id);
    if (s(raw.original_message) !== undefined) c.originalMessage = s(raw.original_message);
    out.clarification = c;
  }
  if (s(raw.formation_id) !== undefined) out.formationId = s(raw.formation_id);
  if (s(raw.user_id) !== undefined) out.userId = s(raw.user_id);
  if (typeof raw.processing_time === "number") out.processingTime = raw.processing_time;
  if (s(raw.webhook_url) !== undefined) out.webhookUrl = s(raw.webhook_url);
  return out;
}

/** `webhook.verifySignature`, `webhook.parse` (old SDK shape). */
export const webhook = { verifySignature, parse, WebhookVerificationError } as const;
