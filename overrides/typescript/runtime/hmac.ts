// MUXI-HMAC request signing for the Server API (server-api.md §1):
// base64(HMAC-SHA256(secret, "<unix s>;<METHOD>;<path without query>")).

import { hmacSha256, toBase64, utf8 } from "./webcrypto.js";

/** The path the Go server signs over: r.URL.Path (no query, percent-decoded). */
export function signedPath(pathOrUrl: string): string {
  const q = pathOrUrl.search(/[?#]/);
  const path = q === -1 ? pathOrUrl : pathOrUrl.slice(0, q);
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // malformed escapes: sign what we send
  }
}

export async function signature(
  secret: string,
  timestamp: number | string,
  method: string,
  path: string,
): Promise<string> {
  const message = `${timestamp};${method.toUpperCase()};${signedPath(path)}`;
  return toBase64(await hmacSha256(secret, utf8(message)));
}

/**
 * `MUXI-HMAC key=<keyId>, timestamp=<unix s>, signature=<b64>`; `nowMs` defaults
 * to Date.now() and is turned into whole seconds (never milliseconds).
 */
export async function authorizationHeader(
  keyId: string,
  secret: string,
  method: string,
  path: string,
  nowMs: number = Date.now(),
): Promise<string> {
  const ts = Math.floor(nowMs / 1000);
  return `MUXI-HMAC key=${keyId}, timestamp=${ts}, signature=${await signature(secret, ts, method, path)}`;
}

/** The transport's signer for one key pair (a fresh timestamp and signature per attempt). */
export function hmacSigner(
  keyId: string,
  secret: string,
): (method: string, path: string, nowMs: number) => Promise<string> {
  return (method, path, nowMs) => authorizationHeader(keyId, secret, method, path, nowMs);
}
