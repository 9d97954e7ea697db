// Test stand-in for the generated Server API functions (those the overrides call).

import { callFn, streamFn, type Connection } from "../runtime/client.js";
import type { NamedEvent } from "../runtime/events.js";
import type { RequestOptions } from "../runtime/options.js";
import type { Stream } from "../runtime/stream.js";
import { M } from "./server-client.js";

type Server = Connection<"server">;
type BundleParams = {
  bundle: Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>;
  formationId: string;
  version?: string;
};
type UpdateParams = Omit<BundleParams, "formationId">;

export function deployFormation(client: Server, params: BundleParams, options?: RequestOptions): Promise<Record<string, unknown>> {
  return callFn(client, M.deployFormation, [params, options]);
}

export function deployFormationStreaming(client: Server, params: BundleParams, options?: RequestOptions): Stream<NamedEvent> {
  return streamFn(client, M.deployFormationStreaming, [params, options]);
}

export function updateFormation(client: Server, id: string, params: UpdateParams, options?: RequestOptions): Promise<Record<string, unknown>> {
  return callFn(client, M.updateFormation, [id, params, options]);
}

export function updateFormationStreaming(client: Server, id: string, params: UpdateParams, options?: RequestOptions): Stream<NamedEvent> {
  return streamFn(client, M.updateFormationStreaming, [id, params, options]);
}
