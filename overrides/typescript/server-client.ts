// ServerClient: the generated Server API methods plus bundle handling for
// deploy/update (read the tar.gz, take id/version from its formation file).

import { GeneratedServerClient } from "./generated/server-client.js";
import { readBundle, type BundleInput } from "./runtime/bundle.js";
import type { DebugSink } from "./runtime/debug.js";
import { ENV, envFlag, readEnv } from "./runtime/env.js";
import type { RequestOptions } from "./runtime/options.js";
import { Stream } from "./runtime/stream.js";
import { Transport, type FetchLike, type TransportConfig } from "./runtime/transport.js";
import { serverBaseUrl } from "./runtime/url.js";

export type { BundleInput } from "./runtime/bundle.js";

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
    credentials: {
      keyId: (o.keyId ?? readEnv(ENV.keyId))?.trim(),
      secretKey: (o.secretKey ?? readEnv(ENV.secretKey))?.trim(),
    },
  };
  if (o.fetch) config.fetch = o.fetch;
  if (o.headers) config.headers = o.headers;
  return config;
}

/** Update input in the object form: the formation id inside. */
export type UpdateBundleInput = BundleInput & { id: string };

type Loose = (...args: unknown[]) => unknown;
type Gen = GeneratedServerClient;
type Result<K extends keyof Gen> = Gen[K] extends (...args: never[]) => infer R ? R : never;
type DeployStream = Result<"deployFormationStreaming">;
type UpdateStream = Result<"updateFormationStreaming">;

/** (id, input, options?) or ({ id, ...input }, options?). */
function updateArgs(
  a: string | UpdateBundleInput,
  b?: BundleInput | RequestOptions,
  c?: RequestOptions,
): { id: string; input: BundleInput; options: RequestOptions | undefined } {
  if (typeof a === "string") return { id: a, input: (b ?? {}) as BundleInput, options: c };
  const { id, ...input } = a;
  return { id, input, options: b as RequestOptions | undefined };
}

export class ServerClient extends GeneratedServerClient {
  constructor(options: ServerClientOptions = {}) {
    super(new Transport(serverTransportConfig(options)));
  }

  /** POST /rpc/formations with the bundle (id and version from its formation file unless given). */
  override async deployFormation(
    input: BundleInput,
    options?: RequestOptions,
  ): Promise<Awaited<Result<"deployFormation">>> {
    const b = await readBundle(input, true);
    const call = super.deployFormation as unknown as Loose;
    return (await call.call(
      this,
      { bundle: b.body, formationId: b.formationId, version: b.version },
      options,
    )) as Awaited<Result<"deployFormation">>;
  }

  /** deployFormation as a stream of `progress` / `complete` events (`error` rejects with StreamError). */
  override deployFormationStreaming(input: BundleInput, options?: RequestOptions): DeployStream {
    const call = super.deployFormationStreaming as unknown as Loose;
    return Stream.defer(async () => {
      const b = await readBundle(input, true);
      return call.call(
        this,
        { bundle: b.body, formationId: b.formationId, version: b.version },
        options,
      ) as Stream<unknown>;
    }, options?.signal) as DeployStream;
  }

  /** Old name of deployFormationStreaming. */
  override deployFormationStream(input: BundleInput, options?: RequestOptions): DeployStream {
    return this.deployFormationStreaming(input, options);
  }

  /** PUT /rpc/formations/{id} with the new bundle (version from its formation file unless given). */
  override updateFormation(
    id: string,
    input: BundleInput,
    options?: RequestOptions,
  ): Promise<Awaited<Result<"updateFormation">>>;
  override updateFormation(
    input: UpdateBundleInput,
    options?: RequestOptions,
  ): Promise<Awaited<Result<"updateFormation">>>;
  override async updateFormation(
    a: string | UpdateBundleInput,
    b?: BundleInput | RequestOptions,
    c?: RequestOptions,
  ): Promise<Awaited<Result<"updateFormation">>> {
    const { id, input, options } = updateArgs(a, b, c);
    const bundle = await readBundle(input, false);
    const call = super.updateFormation as unknown as Loose;
    return (await call.call(this, id, { bundle: bundle.body, version: bundle.version }, options)) as Awaited<
      Result<"updateFormation">
    >;
  }

  /** updateFormation as a stream of `progress` / `complete` events. */
  override updateFormationStreaming(id: string, input: BundleInput, options?: RequestOptions): UpdateStream;
  override updateFormationStreaming(input: UpdateBundleInput, options?: RequestOptions): UpdateStream;
  override updateFormationStreaming(
    a: string | UpdateBundleInput,
    b?: BundleInput | RequestOptions,
    c?: RequestOptions,
  ): UpdateStream {
    const { id, input, options } = updateArgs(a, b, c);
    const call = super.updateFormationStreaming as unknown as Loose;
    return Stream.defer(async () => {
      const bundle = await readBundle(input, false);
      return call.call(
        this,
        id,
        { bundle: bundle.body, version: bundle.version },
        options,
      ) as Stream<unknown>;
    }, options?.signal) as UpdateStream;
  }

  /** Old name of updateFormationStreaming. */
  override updateFormationStream(id: string, input: BundleInput, options?: RequestOptions): UpdateStream;
  override updateFormationStream(input: UpdateBundleInput, options?: RequestOptions): UpdateStream;
  override updateFormationStream(
    a: string | UpdateBundleInput,
    b?: BundleInput | RequestOptions,
    c?: RequestOptions,
  ): UpdateStream {
    const { id, input, options } = updateArgs(a, b, c);
    return this.updateFormationStreaming(id, input, options);
  }
}
