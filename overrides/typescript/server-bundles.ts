// Deploy and update with a bundle: read the tar.gz (a path, bytes, Blob or stream), take the
// formation id and version from its formation file unless given, then call the generated
// operation. Functions of `@muxi/sdk/server`; the ServerClient methods of the same names use them.

import * as F from "./generated/server-functions.js";
import { readBundle, type BundleInput } from "./runtime/bundle.js";
import type { Connection } from "./runtime/client.js";
import type { RequestOptions } from "./runtime/options.js";
import { deferStream } from "./runtime/stream.js";

export type { BundleInput } from "./runtime/bundle.js";

type DeployStream = ReturnType<typeof F.deployFormationStreaming>;
type UpdateStream = ReturnType<typeof F.updateFormationStreaming>;

/** POST /rpc/formations with the bundle (id and version from its formation file unless given). */
export async function deployFormation(
  client: Connection<"server">,
  input: BundleInput,
  options?: RequestOptions,
): ReturnType<typeof F.deployFormation> {
  const b = await readBundle(input, true);
  return F.deployFormation(
    client,
    { bundle: b.body, formationId: b.formationId!, version: b.version },
    options,
  );
}

/** deployFormation as a stream of `progress` / `complete` events (`error` rejects with StreamError). */
export function deployFormationStreaming(
  client: Connection<"server">,
  input: BundleInput,
  options?: RequestOptions,
): DeployStream {
  return deferStream(async () => {
    const b = await readBundle(input, true);
    return F.deployFormationStreaming(
      client,
      { bundle: b.body, formationId: b.formationId!, version: b.version },
      options,
    );
  }, options?.signal) as DeployStream;
}

/** PUT /rpc/formations/{id} with the new bundle (version from its formation file unless given). */
export async function updateFormation(
  client: Connection<"server">,
  id: string,
  input: BundleInput,
  options?: RequestOptions,
): ReturnType<typeof F.updateFormation> {
  const b = await readBundle(input, false);
  return F.updateFormation(client, id, { bundle: b.body, version: b.version }, options);
}

/** updateFormation as a stream of `progress` / `complete` events. */
export function updateFormationStreaming(
  client: Connection<"server">,
  id: string,
  input: BundleInput,
  options?: RequestOptions,
): UpdateStream {
  return deferStream(async () => {
    const b = await readBundle(input, false);
    return F.updateFormationStreaming(client, id, { bundle: b.body, version: b.version }, options);
  }, options?.signal) as UpdateStream;
}
