// Entry of the validate stage: structural checks the generator relies on, plus the
// project's spec conventions (spec/README.md). Every problem is located.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { memberName } from "../ir/names.js";
import { HTTP_METHODS } from "../ir/operations.js";
import { isRef, joinPlace, walkRefs, type Place, type SpecSet } from "../load/spec-set.js";
import { checkExtensions } from "./extensions.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export interface ValidateOptions {
  /** Enforce the project conventions (on for spec/, off when probing arbitrary specs). */
  conventions: boolean;
}

export function validate(spec: SpecSet, options: ValidateOptions = { conventions: true }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (place: Place, message: string): void => void out.push({ severity: "error", message, at: spec.locate(place) });
  checkRefs(spec, (d) => out.push(d));
  const methodNames = new Map<string, Place>();
  const schemaNames = new Map<string, Place>();
  for (const entry of spec.entries) {
    const rootPlace: Place = { file: entry, pointer: "" };
    const root = spec.value(rootPlace);
    if (!isObj(root)) {
      error(rootPlace, "an OpenAPI document must be a mapping");
      continue;
    }
    if (typeof root.openapi !== "string" || !root.openapi.startsWith("3.")) error(joinPlace(rootPlace, "openapi"), 'expected "openapi: 3.1.x"');
    if (!isObj(root.info) || typeof root.info.title !== "string" || root.info.version === undefined) error(joinPlace(rootPlace, "info"), "info needs a title and a version");
    if (!isObj(root.paths)) {
      error(joinPlace(rootPlace, "paths"), "paths must be a mapping");
      continue;
    }
    const components = isObj(root.components) && isObj(root.components.schemas) ? root.components.schemas : {};
    for (const name of Object.keys(components)) {
      const place = joinPlace(rootPlace, "components", "schemas", name);
      const seen = schemaNames.get(name);
      if (seen) error(place, `schema name "${name}" is also defined in ${seen.file}; names must be unique across the spec`);
      else schemaNames.set(name, place);
    }
    for (const pathKey of Object.keys(root.paths)) {
      const itemRef = joinPlace(rootPlace, "paths", pathKey);
      const itemPlace = spec.deref(itemRef);
      if ("severity" in itemPlace) continue; // reported by checkRefs
      const item = spec.value(itemPlace);
      if (!isObj(item)) {
        error(itemPlace, `path item "${pathKey}" must be a mapping`);
        continue;
      }
      if (!pathKey.startsWith("/")) error(itemRef, `path "${pathKey}" must start with "/"`);
      for (const method of HTTP_METHODS) {
        if (item[method] === undefined) continue;
        const opPlace = joinPlace(itemPlace, method);
        const op = item[method];
        if (!isObj(op)) {
          error(opPlace, "an operation must be a mapping");
          continue;
        }
        checkOperation(spec, { pathKey, method, op, opPlace, itemPlace, item, entry }, options, error, methodNames);
      }
    }
  }
  return out;
}

interface OpContext {
  pathKey: string;
  method: string;
  op: Obj;
  opPlace: Place;
  itemPlace: Place;
  item: Obj;
  entry: string;
}

function checkOperation(spec: SpecSet, ctx: OpContext, options: ValidateOptions, error: (p: Place, m: string) => void, names: Map<string, Place>): void {
  const { op, opPlace, pathKey, method } = ctx;
  const where = `${method.toUpperCase()} ${pathKey}`;
  if (typeof op.operationId !== "string" || op.operationId.trim() === "") {
    // Without the conventions (probing arbitrary specs) the IR derives a name from method and path.
    if (options.conventions || op.operationId !== undefined) error(opPlace, `${where} has no operationId (the SDK method name)`);
  } else {
    const idPlace = joinPlace(opPlace, "operationId");
    const seenId = names.get(`id|${op.operationId}`);
    if (seenId) error(idPlace, `operationId "${op.operationId}" is already used at ${fmt(spec, seenId)}; operationIds are unique across both APIs`);
    names.set(`id|${op.operationId}`, idPlace);
    // Every SDK method name (plain, stream, aliases) is unique within its client.
    const methods = [op.operationId];
    const stream = op["x-muxi-stream"];
    if (isObj(stream) && typeof stream.method === "string" && stream.method !== op.operationId) methods.push(stream.method);
    if (Array.isArray(op["x-muxi-legacy"])) {
      for (const e of op["x-muxi-legacy"]) if (isObj(e) && typeof e.name === "string" && !methods.includes(e.name)) methods.push(e.name);
    }
    for (const raw of methods) {
      const key = `${ctx.entry}|${memberName(raw)}`;
      const seen = names.get(key);
      if (seen && seen !== idPlace) error(idPlace, `SDK method "${memberName(raw)}" is already defined at ${fmt(spec, seen)}`);
      names.set(key, idPlace);
    }
  }
  if (!isObj(op.responses) || Object.keys(op.responses).length === 0) error(opPlace, `${where} has no responses`);
  checkPathParams(spec, ctx, error);
  checkExtensions(spec, ctx.op, opPlace, error);
  if (!options.conventions) return;
  if (typeof op.summary !== "string" || op.summary.trim() === "") error(opPlace, `${where} needs a summary`);
  if (!Array.isArray(op.tags) || op.tags.length === 0) error(opPlace, `${where} needs tags`);
  if (!Array.isArray(op.security)) error(opPlace, `${where} needs an explicit security decision (security: [] for none)`);
  else if (op.security.length > 0 && isObj(op.responses) && op.responses["401"] === undefined) error(joinPlace(opPlace, "responses"), `${where} is authenticated but documents no 401 response`);
  checkNamedPayloads(spec, ctx, error);
}

/** Every `{placeholder}` is a declared path parameter and vice versa. */
function checkPathParams(spec: SpecSet, ctx: OpContext, error: (p: Place, m: string) => void): void {
  const placeholders = [...ctx.pathKey.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  const declared = new Set<string>();
  for (const owner of [ctx.itemPlace, ctx.opPlace]) {
    const list = spec.value(joinPlace(owner, "parameters"));
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      error(joinPlace(owner, "parameters"), "parameters must be a list");
      continue;
    }
    list.forEach((_, i) => {
      const place = spec.deref(joinPlace(owner, "parameters", i));
      if ("severity" in place) return;
      const p = spec.value(place);
      if (!isObj(p) || typeof p.name !== "string" || !["path", "query", "header", "cookie"].includes(String(p.in))) {
        error(place, 'a parameter needs a name and "in" (path, query, header or cookie)');
        return;
      }
      if (p.in === "path") {
        declared.add(p.name);
        if (!placeholders.includes(p.name)) error(place, `path parameter "${p.name}" does not appear in "${ctx.pathKey}"`);
      }
    });
  }
  for (const ph of placeholders) if (!declared.has(ph)) error(ctx.opPlace, `path placeholder "{${ph}}" of "${ctx.pathKey}" is not declared as a path parameter`);
}

/** Request and response payloads the SDK exposes must be named schemas (conventions). */
function checkNamedPayloads(spec: SpecSet, ctx: OpContext, error: (p: Place, m: string) => void): void {
  const jsonSchema = (contentPlace: Place): Place | undefined => {
    const content = spec.value(contentPlace);
    if (!isObj(content)) return undefined;
    const type = Object.keys(content).find((t) => /json/.test(t));
    return type ? joinPlace(contentPlace, type, "schema") : undefined;
  };
  const mustBeRef = (place: Place, what: string): void => {
    const v = spec.value(place);
    if (v !== undefined && !isRef(v) && isObj(v) && (v.type === "object" || v.properties !== undefined)) {
      error(place, `${what} must be a named schema ($ref to components/schemas), not an inline object`);
    }
  };
  if (ctx.op.requestBody !== undefined) {
    const rb = spec.deref(joinPlace(ctx.opPlace, "requestBody"));
    if (!("severity" in rb)) {
      const s = jsonSchema(joinPlace(rb, "content"));
      if (s) mustBeRef(s, "the request body");
    }
  }
  const responses = isObj(ctx.op.responses) ? ctx.op.responses : {};
  for (const status of Object.keys(responses).filter((s) => /^2/.test(s))) {
    const rp = spec.deref(joinPlace(ctx.opPlace, "responses", status));
    if ("severity" in rp) continue;
    const s = jsonSchema(joinPlace(rp, "content"));
    if (!s) continue;
    const schema = spec.value(s);
    if (ctx.op["x-muxi-envelope"] === true) {
      const data = isObj(schema) && Array.isArray(schema.allOf) ? schema.allOf.findIndex((m) => isObj(m) && isObj(m.properties) && m.properties.data !== undefined) : -1;
      if (data < 0) error(s, `x-muxi-envelope: the ${status} schema must be allOf [envelope, {properties: {data: <named schema>}}]`);
      else mustBeRef(joinPlace(s, "allOf", data, "properties", "data"), `the ${status} response data`);
    } else {
      mustBeRef(s, `the ${status} response`);
    }
  }
}

/** Every $ref in every file resolves, and no chain is circular. */
function checkRefs(spec: SpecSet, out: (d: Diagnostic) => void): void {
  for (const [file, source] of spec.files) {
    walkRefs(source.data, "", (_ref, pointer) => {
      const r = spec.deref({ file, pointer });
      if ("severity" in r) out(r);
    });
  }
}

function fmt(spec: SpecSet, place: Place): string {
  const at = spec.locate(place);
  return `${at.file}:${at.line}:${at.col}`;
}
