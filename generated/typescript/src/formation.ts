// Entry `@muxi/sdk/formation`: the Formation API as functions, `fn(client, ...pathParams,
// params?, options?)` with `client = createFormation(options)` (or a FormationClient). An app
// bundles only the functions it imports.

export { createFormation, type FormationClientOptions } from "./formation-config.js";
export * from "./generated/formation-functions.js";
export { associateUserIdentifiers, resolveUser } from "./formation-users.js";
export type { Connection } from "./runtime/client.js";
