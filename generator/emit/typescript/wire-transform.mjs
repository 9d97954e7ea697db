// openapi-typescript's transform of one bundled document (JSON), without the Redocly parse, lint and
// bundle that openapiTS() runs first: the document is already one self-contained file that the
// validate stage has checked, and that step is half of openapi-typescript's time on the MUXI spec.
// The AST is printed by wire-print.mjs straight to the text prettier would make of astToString()'s
// output, sparing prettier's parse and reprint, most of the time formatting it took; a construct it
// does not know (none with our options, so far) is left to prettier.
// Plain JavaScript: wire-types.ts and its worker thread (which runs without the TypeScript loader)
// share it. The context holds openapiTS()'s defaults; test/generator/wire-types.test.ts checks
// the transform against openapiTS(), test/generator/wire-print.test.ts the printing against prettier.
import { astToString, resolveRef, scanDiscriminators, transformSchema } from "openapi-typescript";
import { TS_OPTIONS } from "../../format/options.mjs";
import { printWire, UnsupportedLayout } from "./wire-print.mjs";

/** The options the wire types are made with (openapiTS() options). */
export const WIRE_OPTIONS = { silent: true, alphabetize: true };

const DEFAULTS = {
  additionalProperties: false,
  arrayLength: false,
  defaultNonNullable: true,
  emptyObjectsUnknown: false,
  enum: false,
  enumValues: false,
  conditionalEnums: false,
  dedupeEnums: false,
  excludeDeprecated: false,
  exportType: false,
  immutable: false,
  rootTypes: false,
  rootTypesNoSchemaPrefix: false,
  rootTypesKeepCasing: false,
  pathParamsAsTypes: false,
  propertiesRequiredByDefault: false,
  makePathsEnum: false,
  generatePathParams: false,
  readWriteMarkers: false,
};

/** @param {string} json a bundled OpenAPI 3 document @returns {Promise<string>} its `paths`, `components`, … types, formatted */
export function wireTypesOf(json) {
  return layOut(wireNodesOf(json));
}

/** @param {import("typescript").Node[]} nodes @returns {Promise<string>} their text in prettier's layout */
export async function layOut(nodes) {
  try {
    return printWire(nodes);
  } catch (err) {
    if (!(err instanceof UnsupportedLayout)) throw err;
    const { format } = await import("prettier");
    return format(astToString(nodes), TS_OPTIONS);
  }
}

/** @param {string} json a bundled OpenAPI 3 document @returns {import("typescript").Node[]} openapi-typescript's AST of its types */
export function wireNodesOf(json) {
  const schema = JSON.parse(json);
  const ctx = {
    ...DEFAULTS,
    ...WIRE_OPTIONS,
    discriminators: scanDiscriminators(schema, WIRE_OPTIONS),
    injectFooter: [],
    resolve: (ref) => resolveRef(schema, ref, { silent: true }),
  };
  return transformSchema(schema, ctx);
}
