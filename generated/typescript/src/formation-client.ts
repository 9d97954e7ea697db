// FormationClient: the generated Formation API methods plus what the spec
// cannot say (client options with env fallbacks, identifier helpers).

import { GeneratedFormationClient } from "./generated/formation-client.js";
import type { LinkedUserIdentifiers, UserIdentifierInput } from "./generated/models.js";
import type { DebugSink } from "./runtime/debug.js";
import { ENV, envFlag, readEnv } from "./runtime/env.js";
import type { RequestOptions, WithMeta } from "./runtime/options.js";
import { Transport, type FetchLike, type TransportConfig } from "./runtime/transport.js";
import { formationBaseUrl } from "./runtime/url.js";

export interface FormationClientOptions {
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
  /** Per-attempt timeout in ms (default 30000). */
  timeout?: number;
  /** Old name of `timeout`. */
  timeoutMs?: number;
  /** Retries of retryable calls (default 3). */
  maxRetries?: number;
  debug?: boolean | DebugSink;
  fetch?: FetchLike;
  headers?: Record<string, string>;
}

/** Client options + environment (MUXI_FORMATION_URL, MUXI_SERVER_URL, MUXI_CLIENT_KEY, MUXI_ADMIN_KEY, MUXI_DEBUG). */
export function formationTransportConfig(o: FormationClientOptions): TransportConfig {
  let loc: Parameters<typeof formationBaseUrl>[0];
  if (o.baseUrl || o.url || o.serverUrl) loc = o;
  else if (o.formationId && readEnv(ENV.serverUrl)) loc = { ...o, serverUrl: readEnv(ENV.serverUrl) };
  else if (readEnv(ENV.formationUrl)) loc = { url: readEnv(ENV.formationUrl) };
  else loc = { ...o, serverUrl: readEnv(ENV.serverUrl) };
  const config: TransportConfig = {
    baseUrl: formationBaseUrl(loc),
    timeout: o.timeout ?? o.timeoutMs ?? 30_000,
    maxRetries: o.maxRetries ?? 3,
    debug: o.debug ?? envFlag(ENV.debug),
    credentials: {
      clientKey: o.clientKey ?? readEnv(ENV.clientKey),
      adminKey: o.adminKey ?? readEnv(ENV.adminKey),
    },
  };
  if (o.fetch) config.fetch = o.fetch;
  if (o.headers) config.headers = o.headers;
  if (o.userId) config.defaultUserId = o.userId;
  return config;
}

type Loose = (...args: unknown[]) => Promise<unknown>;
type Gen = GeneratedFormationClient;

export class FormationClient extends GeneratedFormationClient {
  constructor(options: FormationClientOptions = {}) {
    super(new Transport(formationTransportConfig(options)));
  }

  /**
   * Links identifiers to a MUXI user (POST /users/identifiers); `userId: null`
   * or omitted creates a new user. The result carries `muxiUserId`.
   */
  associateUserIdentifiers(
    input: { identifiers: UserIdentifierInput[]; userId?: string | null },
    options?: RequestOptions,
  ): Promise<WithMeta<LinkedUserIdentifiers>> {
    const params: Record<string, unknown> = { identifiers: input.identifiers };
    if (input.userId) params.muxiUserId = input.userId;
    return (this.linkUserIdentifier as unknown as Loose).call(this, params, options) as Promise<
      WithMeta<LinkedUserIdentifiers>
    >;
  }

  /**
   * `resolveUser(identifier, createUser?)`: lookup (GET /users/{identifier}) or, with
   * createUser, resolve-or-create (POST /users/resolve);
   * `resolveUser({ identifier, identifierType }, options?)`: always POST /users/resolve.
   */
  override resolveUser(
    identifier: string | Parameters<Gen["resolveUser"]>[0],
    createUserOrOptions?: boolean | RequestOptions,
    options?: RequestOptions,
  ): ReturnType<Gen["resolveUser"]> {
    const post = super.resolveUser as unknown as Loose;
    if (typeof identifier !== "string") {
      const opts = typeof createUserOrOptions === "object" ? createUserOrOptions : options;
      return post.call(this, identifier, opts) as ReturnType<Gen["resolveUser"]>;
    }
    if (createUserOrOptions === true)
      return post.call(this, { identifier }, options) as ReturnType<Gen["resolveUser"]>;
    const opts = typeof createUserOrOptions === "object" ? createUserOrOptions : options;
    return (this.getUser as unknown as Loose).call(this, identifier, opts) as ReturnType<Gen["resolveUser"]>;
  }
}
