// Server API client options (with environment fallbacks) and `createServer`, the connection
// the functions of `@muxi/sdk/server` take. Apart from the ServerClient class so a bundle
// using only functions does not carry every method.

import type { Connection } from "./runtime/client.js";
import { ENV, readEnv } from "./runtime/env.js";
import { hmacSigner } from "./runtime/hmac.js";
import { sharedTransportConfig, type SharedClientOptions } from "./runtime/options.js";
import { Transport, type TransportConfig } from "./runtime/transport.js";
import { serverBaseUrl } from "./runtime/url.js";

export interface ServerClientOptions extends SharedClientOptions {
  /** MUXI Server origin, e.g. http://localhost:7890 (env MUXI_SERVER_URL). */
  url?: string;
  /** HMAC key id (env MUXI_KEY_ID). */
  keyId?: string;
  /** HMAC secret (env MUXI_SECRET_KEY). */
  secretKey?: string;
}

export function serverTransportConfig(o: ServerClientOptions): TransportConfig {
  const config = sharedTransportConfig(o, serverBaseUrl(o.url ?? readEnv(ENV.serverUrl)));
  const keyId = (o.keyId ?? readEnv(ENV.keyId))?.trim();
  const secretKey = (o.secretKey ?? readEnv(ENV.secretKey))?.trim();
  if (keyId && secretKey) config.sign = hmacSigner(keyId, secretKey);
  return config;
}

/** A Server API connection for the functions of `@muxi/sdk/server` (same options as ServerClient). */
export function createServer(options: ServerClientOptions = {}): Connection<"server"> {
  return { api: "server", transport: new Transport(serverTransportConfig(options)) };
}
