// MUXI-HMAC verification, step by step as the Go server's auth middleware does it
// (server-api.md §1): prefix, `", "` split, first-`=` split, key, ±300 s window, constant-time compare.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface HmacConfig {
  keyId: string;
  secretKey: string;
  /** Seconds (default 300). */
  tolerance?: number;
}

export type HmacResult = { ok: true } | { ok: false; message: string };

const PREFIX = "MUXI-HMAC ";

/** Standard base64 of HMAC-SHA256(secret, `<timestamp>;<METHOD>;<path>`). */
export function hmacSignature(secret: string, timestamp: string, method: string, path: string): string {
  return createHmac("sha256", secret).update(`${timestamp};${method};${path}`, "utf8").digest("base64");
}

/** Go's ParseAuthHeader. */
export function parseAuthHeader(header: string): { key: string; timestamp: string; signature: string } | undefined {
  if (!header.startsWith(PREFIX)) return undefined;
  const fields: Record<string, string> = {};
  for (const part of header.slice(PREFIX.length).split(", ")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq);
    if (name === "key" || name === "timestamp" || name === "signature") fields[name] = part.slice(eq + 1);
  }
  const { key, timestamp, signature } = fields;
  if (!key || !timestamp || !signature) return undefined;
  return { key, timestamp, signature };
}

/** Go's strconv.ParseInt(ts, 10, 64). */
function parseInt64(ts: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(ts)) return undefined;
  const n = BigInt(ts);
  return n > 9223372036854775807n || n < -9223372036854775808n ? undefined : n;
}

/**
 * @param path Go's r.URL.Path: the percent-decoded path, without the query string.
 * @param nowMs the server clock in milliseconds.
 */
export function verifyHmac(header: string | undefined, method: string, path: string, config: HmacConfig, nowMs: number): HmacResult {
  if (!header) return { ok: false, message: "Missing authorization header" };
  const parsed = parseAuthHeader(header);
  if (!parsed) return { ok: false, message: "Invalid authorization header format" };
  if (parsed.key !== config.keyId) return { ok: false, message: "Invalid key" };
  const ts = parseInt64(parsed.timestamp);
  const now = BigInt(Math.floor(nowMs / 1000));
  const tolerance = BigInt(config.tolerance ?? 300);
  if (ts === undefined || (now > ts ? now - ts : ts - now) > tolerance) {
    return { ok: false, message: "Request expired (timestamp too old or in future)" };
  }
  const expected = Buffer.from(hmacSignature(config.secretKey, parsed.timestamp, method, path), "utf8");
  const given = Buffer.from(parsed.signature, "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, message: "Invalid signature" };
  return { ok: true };
}
