// Entry `@muxi/sdk/server`: the Server API as functions, `fn(client, ...pathParams, params?,
// options?)` with `client = createServer(options)` (or a ServerClient). An app bundles only
// the functions it imports.

export { createServer, type ServerClientOptions } from "./server-config.js";
export * from "./generated/server-functions.js";
export {
  deployFormation,
  deployFormationStreaming,
  updateFormation,
  updateFormationStreaming,
  type BundleInput,
} from "./server-bundles.js";
export type { Connection } from "./runtime/client.js";
