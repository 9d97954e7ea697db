// Shape checks of the project's x-muxi-* extensions (documented in spec/README.md).
import { joinPlace, type Place, type SpecSet } from "../load/spec-set.js";
import { camelCase } from "../ir/names.js";

type Obj = Record<string, unknown>;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export function checkExtensions(spec: SpecSet, op: Obj, opPlace: Place, error: (p: Place, m: string) => void): void {
  const at = (...segs: (string | number)[]): Place => joinPlace(opPlace, ...segs);
  for (const flag of ["x-muxi-envelope", "x-muxi-idempotent"]) {
    if (op[flag] !== undefined && typeof op[flag] !== "boolean") error(at(flag), `${flag} must be true or false`);
  }
  const user = op["x-muxi-user-id"];
  if (user !== undefined && user !== "required" && user !== "optional") error(at("x-muxi-user-id"), 'x-muxi-user-id must be "required" or "optional"');

  const stream = op["x-muxi-stream"];
  if (stream !== undefined) {
    if (!isObj(stream)) error(at("x-muxi-stream"), "x-muxi-stream must be a mapping");
    else {
      if (stream.method !== undefined && typeof stream.method !== "string") error(at("x-muxi-stream", "method"), "x-muxi-stream.method must be a method name");
      if (!["chat", "named", "data"].includes(String(stream.format))) error(at("x-muxi-stream", "format"), "x-muxi-stream.format must be chat, named or data");
      if (!isObj(stream.events) || Object.keys(stream.events).length === 0) error(at("x-muxi-stream"), "a streaming operation needs x-muxi-stream.events (event name → payload schema)");
      const hasSse = Object.values(isObj(op.responses) ? op.responses : {}).some((r) => {
        const resolved = isObj(r) && typeof r.$ref === "string" ? spec.value(spec.target(opPlace, r.$ref)) : r;
        return isObj(resolved) && isObj(resolved.content) && resolved.content["text/event-stream"] !== undefined;
      });
      if (!hasSse) error(at("x-muxi-stream"), "a streaming operation needs a text/event-stream response");
    }
  }

  // A parameter's or body's SDK name becomes a positional parameter of the methods: it must be an identifier.
  const pathPlace = { file: opPlace.file, pointer: opPlace.pointer.slice(0, opPlace.pointer.lastIndexOf("/")) };
  const pathItem = spec.value(pathPlace);
  const named = [
    ...(Array.isArray(op.parameters) ? op.parameters.map((_, i) => spec.deref(at("parameters", i))) : []),
    ...(isObj(pathItem) && Array.isArray(pathItem.parameters) ? pathItem.parameters.map((_, i) => spec.deref(joinPlace(pathPlace, "parameters", i))) : []),
    ...(op.requestBody !== undefined ? [spec.deref(at("requestBody"))] : []),
  ];
  for (const place of named) {
    if ("severity" in place) continue; // a dangling $ref: reported where it is resolved
    const v = spec.value(place);
    if (isObj(v) && v["x-muxi-name"] !== undefined && !(typeof v["x-muxi-name"] === "string" && IDENTIFIER.test(v["x-muxi-name"]))) {
      error(joinPlace(place, "x-muxi-name"), "x-muxi-name must be an identifier (the parameter's name in the SDK)");
    }
  }

  const legacy = op["x-muxi-legacy"];
  if (legacy === undefined) return;
  if (!Array.isArray(legacy)) {
    error(at("x-muxi-legacy"), "x-muxi-legacy must be a list");
    return;
  }
  const known = knownArgs(spec, op, opPlace);
  legacy.forEach((entry, i) => {
    if (!isObj(entry)) return error(at("x-muxi-legacy", i), "an x-muxi-legacy entry must be a mapping");
    if (entry.name !== undefined && typeof entry.name !== "string") error(at("x-muxi-legacy", i, "name"), "name must be a method name");
    if (entry.deprecated !== undefined && typeof entry.deprecated !== "boolean") error(at("x-muxi-legacy", i, "deprecated"), "deprecated must be true or false");
    if (entry.stream !== undefined && (typeof entry.stream !== "boolean" || stream === undefined)) error(at("x-muxi-legacy", i, "stream"), "stream: true needs x-muxi-stream on the operation");
    if (entry.args === undefined) return;
    if (!Array.isArray(entry.args)) return error(at("x-muxi-legacy", i, "args"), "args must be a list");
    entry.args.forEach((arg, j) => {
      if (typeof arg !== "string" || !known.has(arg)) error(at("x-muxi-legacy", i, "args", j), `unknown argument "${String(arg)}" (expected a parameter or body field name, userId or params)`);
    });
  });
}

/** Names an x-muxi-legacy args list may use: parameters, body fields, userId, params. */
function knownArgs(spec: SpecSet, op: Obj, opPlace: Place): Set<string> {
  const names = new Set(["userId", "params"]);
  const add = (v: unknown): void => {
    if (!isObj(v)) return;
    const n = typeof v["x-muxi-name"] === "string" ? v["x-muxi-name"] : typeof v.name === "string" ? camelCase(v.name) : undefined;
    if (n) names.add(n);
  };
  const params = op.parameters;
  if (Array.isArray(params)) params.forEach((_, i) => {
    const p = spec.deref(joinPlace(opPlace, "parameters", i));
    if (!("severity" in p)) add(spec.value(p));
  });
  const parent = spec.value({ file: opPlace.file, pointer: opPlace.pointer.slice(0, opPlace.pointer.lastIndexOf("/")) });
  const parentPlace = { file: opPlace.file, pointer: opPlace.pointer.slice(0, opPlace.pointer.lastIndexOf("/")) };
  if (isObj(parent) && Array.isArray(parent.parameters)) parent.parameters.forEach((_, i) => {
    const p = spec.deref(joinPlace(parentPlace, "parameters", i));
    if (!("severity" in p)) add(spec.value(p));
  });
  const rb = spec.deref(joinPlace(opPlace, "requestBody"));
  if (!("severity" in rb)) {
    const body = spec.value(rb);
    if (isObj(body)) {
      if (typeof body["x-muxi-name"] === "string") names.add(body["x-muxi-name"]);
      const content = isObj(body.content) ? body.content : {};
      for (const type of Object.keys(content)) {
        const s = spec.deref(joinPlace(rb, "content", type, "schema"));
        if ("severity" in s) continue;
        collectProps(spec, s, names, 0);
      }
    }
  }
  return names;
}

function collectProps(spec: SpecSet, place: Place, names: Set<string>, depth: number): void {
  const s = spec.value(place);
  if (!isObj(s) || depth > 8) return;
  if (isObj(s.properties)) for (const k of Object.keys(s.properties)) {
    const p = s.properties[k];
    names.add(isObj(p) && typeof p["x-muxi-name"] === "string" ? p["x-muxi-name"] : camelCase(k));
  }
  if (Array.isArray(s.allOf)) s.allOf.forEach((_, i) => {
    const m = spec.deref(joinPlace(place, "allOf", i));
    if (!("severity" in m)) collectProps(spec, m, names, depth + 1);
  });
}
