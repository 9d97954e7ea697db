// Test stand-in for the generated Formation API functions (those the overrides call).

import { callFn, type Connection } from "../runtime/client.js";
import type { RequestOptions, WithMeta } from "../runtime/options.js";
import { M } from "./formation-client.js";
import type { LinkedUserIdentifiers, ResolvedUser, UserIdentifierInput } from "./models.js";
import type { LinkUserIdentifierParams, ResolveUserParams } from "./params.js";

type Formation = Connection<"formation">;

export function linkUserIdentifier(
  client: Formation,
  params: LinkUserIdentifierParams,
  options?: RequestOptions,
): Promise<WithMeta<LinkedUserIdentifiers>> {
  return callFn(client, M.linkUserIdentifier, [params, options]);
}

export function getUser(client: Formation, identifier: string, options?: RequestOptions): Promise<WithMeta<ResolvedUser>> {
  return callFn(client, M.getUser, [identifier, options]);
}

export function resolveUser(client: Formation, params: ResolveUserParams, options?: RequestOptions): Promise<WithMeta<ResolvedUser>> {
  return callFn(client, M.resolveUser, [params, options]);
}

export type { UserIdentifierInput };
