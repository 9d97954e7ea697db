// Formation API client options (with environment fallbacks) and `createFormation`, the
// connection the functions of `@muxi/sdk/formation` take. Kept apart from the FormationClient
// class so that a bundle using only functions does not carry every method.

import type { Connection } from "./runtime/client.js";
import { ENV, readEnv } from "./runtime/env.js";
import { sharedTransportConfig, type SharedClientOptions } from "./runtime/options.js";
import { Transport, type TransportConfig } from "./runtime/transport.js";
import { formationBaseUrl } from "./runtime/url.js";

export interface FormationClientOptions extends SharedClientOptions {
  /** MUXI Server origin (with formationId): `{serverUrl}/api/{formationId}/v1` (live) or `/draft/` (draft). */
  serverUrl?: string;
  formationId?: string;
  /** "live" (default) or "draft" (a formation started with `muxi up`). */
  mode?: "live" | "draft";
  /** The formation's own origin (`http://localhost:8271`); `/v1` is appended. */
  url?: string;
  /** Complete base URL ending in /v1, used as is. */
  baseUrl?: string;
  clientKey?: string;
  adminKey?: string;
  /** Default X-Muxi-User-ID. */
  userId?: string;
}

/** Client options + environment (MUXI_FORMATION_URL, MUXI_SERVER_URL, MUXI_CLIENT_KEY, MUXI_ADMIN_KEY, MUXI_DEBUG). */
export function formationTransportConfig(o: FormationClientOptions): TransportConfig {
  let loc: Parameters<typeof formationBaseUrl>[0];
  if (o.baseUrl || o.url || o.serverUrl) loc = o;
  else if (o.formationId && readEnv(ENV.serverUrl)) loc = { ...o, serverUrl: readEnv(ENV.serverUrl) };
  else if (readEnv(ENV.formationUrl)) loc = { url: readEnv(ENV.formationUrl) };
  else loc = { ...o, serverUrl: readEnv(ENV.serverUrl) };
  const config = sharedTransportConfig(o, formationBaseUrl(loc));
  config.credentials = {
    clientKey: o.clientKey ?? readEnv(ENV.clientKey),
    adminKey: o.adminKey ?? readEnv(ENV.adminKey),
  };
  if (o.userId) config.defaultUserId = o.userId;
  return config;
}

/** A Formation API connection for the functions of `@muxi/sdk/formation` (same options as FormationClient). */
export function createFormation(options: FormationClientOptions = {}): Connection<"formation"> {
  return { api: "formation", transport: new Transport(formationTransportConfig(options)) };
}
