// openapi-typescript's transform of one bundled document (JSON), without the Redocly parse, lint and
// bundle that openapiTS() runs first: the document is already one self-contained file that the
// validate stage has checked, and that step is half of openapi-typescript's time on the MUXI spec.
// Plain JavaScript: wire-types.ts and its worker thread (which runs without the TypeScript loader)
// share it. The context holds openapiTS()'s defaults; test/generator/wire-types.test.ts checks
// that the output is openapiTS()'s.
import { astToString, resolveRef, scanDiscriminators, transformSchema } from "openapi-typescript";

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

/** @param {string} json a bundled OpenAPI 3 document @returns {string} its `paths`, `components`, … types */
export function wireTypesOf(json) {
  const schema = JSON.parse(json);
  const ctx = {
    ...DEFAULTS,
    ...WIRE_OPTIONS,
    discriminators: scanDiscriminators(schema, WIRE_OPTIONS),
    injectFooter: [],
    resolve: (ref) => resolveRef(schema, ref, { silent: true }),
  };
  return astToString(transformSchema(schema, ctx));
}
