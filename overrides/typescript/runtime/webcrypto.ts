// Web Crypto access and byte helpers shared by HMAC signing and webhook checks.

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

let subtlePromise: Promise<SubtleCrypto> | undefined;

/**
 * globalThis.crypto.subtle everywhere (browsers, Deno, Bun, edge, Node 19+). Node 18
 * only exposes it behind a flag, so there (and only there) it comes from node:crypto.
 */
export function subtle(): Promise<SubtleCrypto> {
  const g = globalThis as { crypto?: { subtle?: SubtleCrypto } };
  if (g.crypto?.subtle) return Promise.resolve(g.crypto.subtle);
  subtlePromise ??= importNode<{ webcrypto: { subtle: SubtleCrypto } }>("node:crypto").then(
    (m) => m.webcrypto.subtle,
  );
  return subtlePromise;
}

/**
 * Dynamic import of a Node built-in through a variable specifier, so bundlers
 * targeting browsers/edge leave it alone; only reached on Node-only paths.
 */
export function importNode<T>(specifier: string): Promise<T> {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier) as Promise<T>;
}

export async function hmacSha256(secret: string, message: Uint8Array): Promise<Uint8Array> {
  const s = await subtle();
  const key = await s.importKey(
    "raw",
    utf8(secret) as BufferSource,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await s.sign("HMAC", key, message as BufferSource));
}

export function toBase64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin);
}

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += bytes[i]!.toString(16).padStart(2, "0");
  return out;
}

/** Compares two strings in time independent of where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
