// Server API client options (with environment fallbacks) and `createServer`, the connection
// the functions of `@muxi/sdk/server` take. Apart from the ServerClient class so a bundle
// using only functions does not carry every method.

import type { Connection } from "./runtime/client.js";
import type { DebugSink } from "./runtime/debug.js";
import { ENV, envFlag, readEnv } from "./runtime/env.js";
import { hmacSigner } from "./runtime/hmac.js";
import { Transport, type FetchLike, type TransportConfig } from "./runtime/transport.js";
import { serverBaseUrl } from "./runtime/url.js";

export interface ServerClientOptions {
  /** MUXI Server origin, e.g. http://localhost:7890 (env MUXI_SERVER_URL). */
  url?: string;
  /** HMAC key id (env MUXI_KEY_ID). */
  keyId?: string;
  /** HMAC secret (env MUXI_SECRET_KEY). */
  secretKey?: string;
  /** Per-attempt timeout in ms (default 30000). */
  timeout?: number;
  /** Old name of `timeout`. */
  timeoutMs?: number;
  maxRetries?: number;
  debug?: boolean | DebugSink;
  fetch?: FetchLike;
  headers?: Record<string, string>;
}

export function serverTransportConfig(o: ServerClientOptions): TransportConfig {
  const config: TransportConfig = {
    baseUrl: serverBaseUrl(o.url ?? readEnv(ENV.serverUrl)),
    timeout: o.timeout ?? o.timeoutMs ?? 30_000,
    maxRetries: o.maxRetries ?? 3,
    debug: o.debug ?? envFlag(ENV.debug),
  };
  const keyId = (o.keyId ?? readEnv(ENV.keyId))?.trim();
  const secretKey = (o.secretKey ?? readEnv(ENV.secretKey))?.trim();
  if (keyId && secretKey) config.sign = hmacSigner(keyId, secretKey);
  if (o.fetch) config.fetch = o.fetch;
  if (o.headers) config.headers = o.headers;
  return config;
}

/** A Server API connection for the functions of `@muxi/sdk/server` (same options as ServerClient). */
export function createServer(options: ServerClientOptions = {}): Connection<"server"> {
  return { api: "server", transport: new Transport(serverTransportConfig(options)) };
}
