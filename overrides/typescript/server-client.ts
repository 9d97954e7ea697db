// ServerClient: the generated Server API methods plus bundle handling for
// deploy/update (server-bundles.ts) and the client options (server-config.ts).

import { GeneratedServerClient } from "./generated/server-client.js";
import * as B from "./server-bundles.js";
import type { BundleInput } from "./runtime/bundle.js";
import type { RequestOptions } from "./runtime/options.js";
import { Transport } from "./runtime/transport.js";
import { serverTransportConfig, type ServerClientOptions } from "./server-config.js";

export type { BundleInput } from "./runtime/bundle.js";
export type { ServerClientOptions } from "./server-config.js";

/** Update input in the object form: the formation id inside. */
export type UpdateBundleInput = BundleInput & { id: string };

type DeployResult = ReturnType<typeof B.deployFormation>;
type DeployStream = ReturnType<typeof B.deployFormationStreaming>;
type UpdateResult = ReturnType<typeof B.updateFormation>;
type UpdateStream = ReturnType<typeof B.updateFormationStreaming>;

/** (id, input, options?) or ({ id, ...input }, options?). */
function updateArgs(
  a: string | UpdateBundleInput,
  b?: BundleInput | RequestOptions,
  c?: RequestOptions,
): [string, BundleInput, RequestOptions | undefined] {
  if (typeof a === "string") return [a, (b ?? {}) as BundleInput, c];
  const { id, ...input } = a;
  return [id, input, b as RequestOptions | undefined];
}

export class ServerClient extends GeneratedServerClient {
  constructor(options: ServerClientOptions = {}) {
    super("server", new Transport(serverTransportConfig(options)));
  }

  /** POST /rpc/formations with the bundle (id and version from its formation file unless given). */
  override deployFormation(input: BundleInput, options?: RequestOptions): DeployResult {
    return B.deployFormation(this, input, options);
  }

  /** deployFormation as a stream of `progress` / `complete` events (`error` rejects with StreamError). */
  override deployFormationStreaming(input: BundleInput, options?: RequestOptions): DeployStream {
    return B.deployFormationStreaming(this, input, options);
  }

  /** Old name of deployFormationStreaming. */
  override deployFormationStream(input: BundleInput, options?: RequestOptions): DeployStream {
    return B.deployFormationStreaming(this, input, options);
  }

  /** PUT /rpc/formations/{id} with the new bundle (version from its formation file unless given). */
  override updateFormation(id: string, input: BundleInput, options?: RequestOptions): UpdateResult;
  override updateFormation(input: UpdateBundleInput, options?: RequestOptions): UpdateResult;
  override updateFormation(
    a: string | UpdateBundleInput,
    b?: BundleInput | RequestOptions,
    c?: RequestOptions,
  ): UpdateResult {
    return B.updateFormation(this, ...updateArgs(a, b, c));
  }

  /** updateFormation as a stream of `progress` / `complete` events. */
  override updateFormationStreaming(id: string, input: BundleInput, options?: RequestOptions): UpdateStream;
  override updateFormationStreaming(input: UpdateBundleInput, options?: RequestOptions): UpdateStream;
  override updateFormationStreaming(
    a: string | UpdateBundleInput,
    b?: BundleInput | RequestOptions,
    c?: RequestOptions,
  ): UpdateStream {
    return B.updateFormationStreaming(this, ...updateArgs(a, b, c));
  }

  /** Old name of updateFormationStreaming. */
  override updateFormationStream(id: string, input: BundleInput, options?: RequestOptions): UpdateStream;
  override updateFormationStream(input: UpdateBundleInput, options?: RequestOptions): UpdateStream;
  override updateFormationStream(
    a: string | UpdateBundleInput,
    b?: BundleInput | RequestOptions,
    c?: RequestOptions,
  ): UpdateStream {
    return B.updateFormationStreaming(this, ...updateArgs(a, b, c));
  }
}
