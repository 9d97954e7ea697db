// FormationClient: the generated Formation API methods plus what the spec
// cannot say (client options with env fallbacks: formation-config.ts; user helpers: formation-users.ts).

import { formationTransportConfig, type FormationClientOptions } from "./formation-config.js";
import { GeneratedFormationClient } from "./generated/formation-client.js";
import * as U from "./formation-users.js";
import type { LinkedUserIdentifiers, UserIdentifierInput } from "./generated/models.js";
import type { ResolveUserParams } from "./generated/params.js";
import type { RequestOptions, WithMeta } from "./runtime/options.js";
import { Transport } from "./runtime/transport.js";

export type { FormationClientOptions } from "./formation-config.js";

export class FormationClient extends GeneratedFormationClient {
  constructor(options: FormationClientOptions = {}) {
    super("formation", new Transport(formationTransportConfig(options)));
  }

  /**
   * Links identifiers to a MUXI user (POST /users/identifiers); `userId: null`
   * or omitted creates a new user. The result carries `muxiUserId`.
   */
  associateUserIdentifiers(
    input: { identifiers: UserIdentifierInput[]; userId?: string | null },
    options?: RequestOptions,
  ): Promise<WithMeta<LinkedUserIdentifiers>> {
    return U.associateUserIdentifiers(this, input, options);
  }

  /**
   * `resolveUser(identifier, createUser?)`: lookup (GET /users/{identifier}) or, with
   * createUser, resolve-or-create (POST /users/resolve);
   * `resolveUser({ identifier, identifierType }, options?)`: always POST /users/resolve.
   */
  override resolveUser(
    identifier: string | ResolveUserParams,
    createUserOrOptions?: boolean | RequestOptions,
    options?: RequestOptions,
  ): ReturnType<typeof U.resolveUser> {
    return U.resolveUser(this, identifier, createUserOrOptions, options);
  }
}
