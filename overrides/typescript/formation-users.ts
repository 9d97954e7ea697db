// User helpers the spec cannot express as one operation: identifier linking with the seed's
// input shape, and `resolveUser`'s old two-route behaviour. Functions of `@muxi/sdk/formation`;
// the FormationClient methods of the same names use them.

import * as F from "./generated/formation-functions.js";
import type { LinkedUserIdentifiers, UserIdentifierInput } from "./generated/models.js";
import type { ResolveUserParams } from "./generated/params.js";
import type { Connection } from "./runtime/client.js";
import type { RequestOptions, WithMeta } from "./runtime/options.js";

/**
 * Links identifiers to a MUXI user (POST /users/identifiers); `userId: null`
 * or omitted creates a new user. The result carries `muxiUserId`.
 */
export function associateUserIdentifiers(
  client: Connection<"formation">,
  input: { identifiers: UserIdentifierInput[]; userId?: string | null },
  options?: RequestOptions,
): Promise<WithMeta<LinkedUserIdentifiers>> {
  const params: Parameters<typeof F.linkUserIdentifier>[1] = { identifiers: input.identifiers };
  if (input.userId) params.muxiUserId = input.userId;
  return F.linkUserIdentifier(client, params, options);
}

/**
 * `resolveUser(client, identifier, createUser?)`: lookup (GET /users/{identifier}) or, with
 * createUser, resolve-or-create (POST /users/resolve);
 * `resolveUser(client, { identifier, identifierType }, options?)`: always POST /users/resolve.
 */
export function resolveUser(
  client: Connection<"formation">,
  identifier: string | ResolveUserParams,
  createUserOrOptions?: boolean | RequestOptions,
  options?: RequestOptions,
): ReturnType<typeof F.resolveUser> {
  const opts = typeof createUserOrOptions === "object" ? createUserOrOptions : options;
  if (typeof identifier !== "string") return F.resolveUser(client, identifier, opts);
  if (createUserOrOptions === true) return F.resolveUser(client, { identifier }, opts);
  return F.getUser(client, identifier, opts) as ReturnType<typeof F.resolveUser>;
}
