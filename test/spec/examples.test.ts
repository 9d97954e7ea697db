// Every example in the specs must validate against its schema:
//  - schema-level `example` / `examples` of every named schema (components/schemas), including
//    examples on nested (inline) subschemas;
//  - media-type `example` / `examples` (request bodies, responses, components/responses);
//  - parameter `example` / `examples`, and examples on inline schemas of operations.
// One test case per example. Schemas are dereferenced (external $refs included) and compiled
// with ajv's JSON Schema 2020-12 dialect, which OpenAPI 3.1 uses.

import Ajv2020, { type AnySchema } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { childLoc, isObject, loadSpec, locString, type Json, type JsonObject, type LoadedSpec, type Loc } from "./spec-loader";

const SPECS = ["spec/server.yaml", "spec/formation.yaml"];

interface Case {
  readonly name: string;
  readonly value: Json;
  /** Builds the dereferenced schema to validate against (may throw: unresolvable $ref). */
  readonly schema: () => Json;
}

/** Keywords OpenAPI 3.1 adds to JSON Schema; annotations only. */
const OPENAPI_KEYWORDS = ["example", "discriminator", "xml", "externalDocs"];

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    strictSchema: true, // unknown keywords are errors (catches typos and OpenAPI 3.0 leftovers such as `nullable`)
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: true,
    validateSchema: true,
  });
  addFormats(ajv);
  for (const keyword of OPENAPI_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}

/** Registers the `x-*` keywords and unknown `format`s a schema uses (OpenAPI allows both). */
function prepare(ajv: Ajv2020, schema: Json): void {
  const walk = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith("x-") && !ajv.getKeyword(k)) ajv.addKeyword({ keyword: k });
      if (k === "format" && typeof v === "string" && !ajv.formats[v]) ajv.addFormat(v, true);
      if (k === "example" || k === "examples" || k === "const" || k === "enum" || k === "default") continue;
      walk(v);
    }
  };
  walk(schema);
}

function validate(schema: Json, value: Json): string[] {
  const ajv = newAjv();
  prepare(ajv, schema);
  const check = ajv.compile(schema as AnySchema);
  if (check(value)) return [];
  return (check.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

/** Subschema positions to walk for nested examples. */
const SUBSCHEMA_SINGLE = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];
const SUBSCHEMA_ARRAY = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SUBSCHEMA_MAP = ["properties", "patternProperties", "$defs", "dependentSchemas"];

/**
 * Examples written on a schema and its inline subschemas (not following `$ref`: a referenced
 * named schema gets its own cases). `label` names the schema in test titles.
 */
function schemaExampleCases(spec: LoadedSpec, node: Json, loc: Loc, label: string, cases: Case[], seen: Set<string>): void {
  if (!isObject(node)) return;
  const key = locString(loc);
  if (seen.has(key)) return;
  seen.add(key);
  const schema = () => spec.loader.deref(node, loc);
  if ("example" in node) cases.push({ name: `${label} example`, value: node.example as Json, schema });
  if (Array.isArray(node.examples)) {
    node.examples.forEach((value, i) => cases.push({ name: `${label} examples[${i}]`, value, schema }));
  }
  for (const k of SUBSCHEMA_SINGLE) {
    if (isObject(node[k])) schemaExampleCases(spec, node[k], childLoc(loc, k), `${label}.${k}`, cases, seen);
  }
  for (const k of SUBSCHEMA_ARRAY) {
    const list = node[k];
    if (Array.isArray(list)) list.forEach((sub, i) => schemaExampleCases(spec, sub, childLoc(loc, k, i), `${label}.${k}[${i}]`, cases, seen));
  }
  for (const k of SUBSCHEMA_MAP) {
    const map = node[k];
    if (isObject(map)) for (const [name, sub] of Object.entries(map)) schemaExampleCases(spec, sub, childLoc(loc, k, name), `${label}.${name}`, cases, seen);
  }
}

/** A named schema: follow its `$ref` chain to the definition, then collect. */
function namedSchemaCases(spec: LoadedSpec, name: string, raw: Json, loc: Loc, cases: Case[], seen: Set<string>): void {
  let node: Json;
  let at: Loc;
  try {
    ({ node, loc: at } = spec.loader.follow(raw, loc));
  } catch (err) {
    cases.push({ name: `schema ${name} resolves`, value: null, schema: () => { throw err; } });
    return;
  }
  schemaExampleCases(spec, node, at, `schema ${name}`, cases, seen);
}

/** `example` and `examples` (map of Example objects) of a media type or parameter, against its schema. */
function containerExampleCases(spec: LoadedSpec, container: JsonObject, loc: Loc, label: string, cases: Case[], seen: Set<string>): void {
  const key = locString(loc);
  if (seen.has(key)) return;
  seen.add(key);
  const rawSchema = container.schema;
  const schema = () => {
    if (rawSchema === undefined) throw new Error(`${label}: an example but no schema`);
    return spec.loader.deref(rawSchema, childLoc(loc, "schema"));
  };
  if ("example" in container) cases.push({ name: `${label} example`, value: container.example as Json, schema });
  if (isObject(container.examples)) {
    for (const [exName, rawEx] of Object.entries(container.examples)) {
      let ex: Json;
      try {
        ({ node: ex } = spec.loader.follow(rawEx, childLoc(loc, "examples", exName)));
      } catch (err) {
        cases.push({ name: `${label} examples.${exName} resolves`, value: null, schema: () => { throw err; } });
        continue;
      }
      if (isObject(ex) && "value" in ex) cases.push({ name: `${label} examples.${exName}`, value: ex.value as Json, schema });
    }
  }
  // Examples on the inline schema itself (e.g. `schema: {type: string, example: pong}`).
  if (rawSchema !== undefined) schemaExampleCases(spec, rawSchema, childLoc(loc, "schema"), `${label} schema`, cases, seen);
}

function contentCases(spec: LoadedSpec, content: Json, loc: Loc, label: string, cases: Case[], seen: Set<string>): void {
  if (!isObject(content)) return;
  for (const [mediaType, media] of Object.entries(content)) {
    if (isObject(media)) containerExampleCases(spec, media, childLoc(loc, mediaType), `${label} ${mediaType}`, cases, seen);
  }
}

function followOrNull(spec: LoadedSpec, node: Json, loc: Loc): { node: Json; loc: Loc } | null {
  try {
    return spec.loader.follow(node, loc);
  } catch {
    return null; // unresolvable refs are reported by routes/lint; here only examples matter
  }
}

function collectCases(specFile: string): Case[] {
  const spec = loadSpec(specFile);
  const cases: Case[] = [];
  const seen = new Set<string>();
  const components = isObject(spec.root.components) ? spec.root.components : {};
  const componentsLoc = childLoc(spec.rootLoc, "components");

  // Named schemas first, so their examples are named after them.
  if (isObject(components.schemas)) {
    for (const [name, raw] of Object.entries(components.schemas)) {
      namedSchemaCases(spec, name, raw, childLoc(componentsLoc, "schemas", name), cases, seen);
    }
  }
  // Shared responses, request bodies and parameters.
  for (const [kind, label] of [["responses", "response"], ["requestBodies", "requestBody"]] as const) {
    const group = components[kind];
    if (!isObject(group)) continue;
    for (const [name, raw] of Object.entries(group)) {
      const found = followOrNull(spec, raw, childLoc(componentsLoc, kind, name));
      if (found && isObject(found.node)) contentCases(spec, found.node.content, childLoc(found.loc, "content"), `${label} ${name}`, cases, seen);
    }
  }
  if (isObject(components.parameters)) {
    for (const [name, raw] of Object.entries(components.parameters)) {
      const found = followOrNull(spec, raw, childLoc(componentsLoc, "parameters", name));
      if (found && isObject(found.node)) containerExampleCases(spec, found.node, found.loc, `parameter ${name}`, cases, seen);
    }
  }
  // Operations.
  for (const op of spec.operations) {
    const label = `${op.method} ${op.path}`;
    const params: [Json, Loc][] = [
      ...op.pathParams.map((p, i): [Json, Loc] => [p, childLoc(op.pathItemLoc, "parameters", i)]),
      ...(Array.isArray(op.op.parameters) ? op.op.parameters.map((p, i): [Json, Loc] => [p, childLoc(op.loc, "parameters", i)]) : []),
    ];
    for (const [raw, loc] of params) {
      const found = followOrNull(spec, raw, loc);
      if (found && isObject(found.node)) containerExampleCases(spec, found.node, found.loc, `${label} parameter ${String(found.node.name)}`, cases, seen);
    }
    if (op.op.requestBody !== undefined) {
      const found = followOrNull(spec, op.op.requestBody, childLoc(op.loc, "requestBody"));
      if (found && isObject(found.node)) contentCases(spec, found.node.content, childLoc(found.loc, "content"), `${label} request`, cases, seen);
    }
    if (isObject(op.op.responses)) {
      for (const [status, raw] of Object.entries(op.op.responses)) {
        const found = followOrNull(spec, raw, childLoc(op.loc, "responses", status));
        if (found && isObject(found.node)) contentCases(spec, found.node.content, childLoc(found.loc, "content"), `${label} ${status}`, cases, seen);
      }
    }
  }
  return cases;
}

for (const specFile of SPECS) {
  describe(`examples of ${specFile}`, () => {
    let cases: Case[];
    let loadError: Error | undefined;
    try {
      cases = collectCases(specFile);
    } catch (err) {
      cases = [];
      loadError = err as Error;
    }

    it("loads and has examples", () => {
      expect(loadError, loadError?.message).toBeUndefined();
      expect(cases.length).toBeGreaterThan(0);
    });

    // Titles must be unique for a readable report; number repeats.
    const titles = new Map<string, number>();
    for (const c of cases) {
      const n = (titles.get(c.name) ?? 0) + 1;
      titles.set(c.name, n);
      const title = n === 1 ? c.name : `${c.name} (#${n})`;
      it(title, () => {
        const errors = validate(c.schema(), c.value);
        expect(errors, `${c.name}: ${JSON.stringify(c.value)}\n${errors.join("\n")}`).toEqual([]);
      });
    }
  });
}
