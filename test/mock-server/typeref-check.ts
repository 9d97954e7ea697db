// Checks a wire value (parsed JSON, or a query/header/path string) against an IR TypeRef.
// Strict on types and required keys; lenient on unknown extra keys — except a camelCase key
// where the wire name differs (the SDK must send wire names).
import { camelCase } from "../../generator/ir/names.js";
import type { Model, ObjectModel, TypeRef } from "../../generator/ir/types.js";

export type Models = ReadonlyMap<string, Model>;

export function modelMap(models: Model[]): Map<string, Model> {
  return new Map(models.map((m) => [m.name, m]));
}

export interface CheckOptions {
  /** "request": readOnly properties are not required. */
  direction: "request" | "response";
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const describe = (v: unknown): string =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "array"
      : typeof v === "string"
        ? `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`
        : typeof v === "object"
          ? "object"
          : `${typeof v} ${String(v)}`;


/** Explains a TypeRef briefly for messages. */
export function typeLabel(ref: TypeRef): string {
  const base = ((): string => {
    switch (ref.kind) {
      case "model":
        return ref.name;
      case "primitive":
        return ref.format ? `${ref.type} (${ref.format})` : ref.type;
      case "literal":
        return JSON.stringify(ref.value);
      case "enum":
        return `one of ${ref.values.map((v) => JSON.stringify(v)).join(", ")}`;
      case "array":
        return `array of ${typeLabel(ref.items)}`;
      case "tuple":
        return `[${ref.items.map(typeLabel).join(", ")}]`;
      case "map":
        return ref.values ? `map of ${typeLabel(ref.values)}` : "object";
      case "union":
        return ref.variants.map(typeLabel).join(" | ");
      case "binary":
        return "binary";
    }
  })();
  return ref.nullable ? `${base} | null` : base;
}

/** Keys the SDK must not send for this property: its camelCase forms, when they differ from the wire name. */
export function camelKeys(p: { name: string; wire: string }): string[] {
  return [...new Set([p.name, camelCase(p.wire)])].filter((k) => k !== p.wire);
}

function checkObjectModel(value: unknown, model: ObjectModel, models: Models, opts: CheckOptions, path: string, stack: string[]): string | undefined {
  if (!isPlainObject(value)) return `${path}: expected object ${model.name}, got ${describe(value)}`;
  const wires = new Set(model.properties.map((p) => p.wire));
  for (const p of model.properties) {
    for (const k of camelKeys(p)) {
      if (k in value && !wires.has(k)) return `${path}: key "${k}" is camelCase; the wire name is "${p.wire}"`;
    }
  }
  for (const p of model.properties) {
    const here = `${path}.${p.wire}`;
    if (!(p.wire in value)) {
      if (p.required && !(opts.direction === "request" && p.readOnly)) return `${here}: required property missing (${model.name})`;
      continue;
    }
    const problem = checkValue(value[p.wire], p.type, models, opts, here, stack);
    if (problem) return problem;
  }
  if (model.additional && model.additional !== "free") {
    for (const [k, v] of Object.entries(value)) {
      if (wires.has(k)) continue;
      const problem = checkValue(v, model.additional, models, opts, `${path}.${k}`, stack);
      if (problem) return problem;
    }
  }
  return undefined;
}

function checkModel(value: unknown, name: string, models: Models, opts: CheckOptions, path: string, stack: string[]): string | undefined {
  const model = models.get(name);
  if (!model) return `${path}: unknown model ${name} (mock cannot check it)`;
  switch (model.kind) {
    case "object":
      return checkObjectModel(value, model, models, opts, path, [...stack, name]);
    case "enum":
      return model.values.includes(value as string | number)
        ? undefined
        : `${path}: expected one of ${model.values.map((v) => JSON.stringify(v)).join(", ")} (${name}), got ${describe(value)}`;
    case "alias":
      return checkValue(value, model.type, models, opts, path, stack);
    case "union": {
      const d = model.discriminator;
      if (d && isPlainObject(value) && typeof value[d.wire] === "string" && d.mapping[value[d.wire] as string]) {
        return checkModel(value, d.mapping[value[d.wire] as string], models, opts, path, stack);
      }
      return checkUnion(value, model.variants, models, opts, path, stack, name);
    }
  }
}

function checkUnion(
  value: unknown,
  variants: TypeRef[],
  models: Models,
  opts: CheckOptions,
  path: string,
  stack: string[],
  label?: string,
): string | undefined {
  const problems: string[] = [];
  for (const v of variants) {
    const p = checkValue(value, v, models, opts, path, stack);
    if (!p) return undefined;
    problems.push(p);
  }
  return `${path}: matches no variant of ${label ?? variants.map(typeLabel).join(" | ")} (${problems.join("; ")})`;
}

/** Returns the first problem (with a `path.to.field` prefix), or undefined when the value fits. */
export function checkValue(value: unknown, ref: TypeRef, models: Models, opts: CheckOptions, path = "value", stack: string[] = []): string | undefined {
  if (value === undefined) return `${path}: missing`;
  if (value === null && ref.nullable) return undefined;
  const wrong = (): string => `${path}: expected ${typeLabel(ref)}, got ${describe(value)}`;
  switch (ref.kind) {
    case "model":
      return checkModel(value, ref.name, models, opts, path, stack);
    case "primitive":
      switch (ref.type) {
        case "string":
          if (typeof value !== "string") return wrong();
          // `format` is an annotation in JSON Schema 2020-12, and the runtime does not check it
          // (a session restore takes whatever timestamp strings it is given): not enforced here.
          return undefined;
        case "integer":
          return typeof value === "number" && Number.isInteger(value) ? undefined : wrong();
        case "number":
          return typeof value === "number" && Number.isFinite(value) ? undefined : wrong();
        case "boolean":
          return typeof value === "boolean" ? undefined : wrong();
        case "null":
          return value === null ? undefined : wrong();
        case "unknown":
          return undefined;
      }
      return undefined;
    case "literal":
      return value === ref.value ? undefined : wrong();
    case "enum":
      return ref.values.includes(value as string | number) ? undefined : wrong();
    case "array": {
      if (!Array.isArray(value)) return wrong();
      for (let i = 0; i < value.length; i++) {
        const p = checkValue(value[i], ref.items, models, opts, `${path}[${i}]`, stack);
        if (p) return p;
      }
      return undefined;
    }
    case "tuple": {
      if (!Array.isArray(value) || value.length !== ref.items.length) return wrong();
      for (let i = 0; i < ref.items.length; i++) {
        const p = checkValue(value[i], ref.items[i], models, opts, `${path}[${i}]`, stack);
        if (p) return p;
      }
      return undefined;
    }
    case "map": {
      if (!isPlainObject(value)) return wrong();
      if (!ref.values) return undefined; // free-form: passed through untouched
      for (const [k, v] of Object.entries(value)) {
        const p = checkValue(v, ref.values, models, opts, `${path}.${k}`, stack);
        if (p) return p;
      }
      return undefined;
    }
    case "union":
      return checkUnion(value, ref.variants, models, opts, path, stack);
    case "binary":
      return wrong();
  }
}

/**
 * Parses a string from a query, header or path into the typed value the TypeRef wants
 * (integer/number/boolean/enum), then checks it. Returns the problem or undefined.
 */
export function checkWireString(raw: string, ref: TypeRef, models: Models, path: string): string | undefined {
  const parsed = parseWireString(raw, ref, models);
  if (parsed.problem) return `${path}: ${parsed.problem}`;
  return checkValue(parsed.value, ref, models, { direction: "request" }, path);
}

function parseWireString(raw: string, ref: TypeRef, models: Models, depth = 0): { value?: unknown; problem?: string } {
  if (depth > 20) return { value: raw };
  if (ref.nullable && raw === "null") return { value: null };
  switch (ref.kind) {
    case "model": {
      const m = models.get(ref.name);
      if (!m) return { value: raw };
      if (m.kind === "alias") return parseWireString(raw, m.type, models, depth + 1);
      if (m.kind === "enum") return { value: m.values.find((v) => String(v) === raw) ?? raw };
      if (m.kind === "union") return parseUnion(raw, m.variants, models, depth);
      return { problem: `cannot send object ${ref.name} as a string` };
    }
    case "primitive":
      switch (ref.type) {
        case "integer":
          return /^[+-]?\d+$/.test(raw) ? { value: Number(raw) } : { problem: `expected an integer, got "${raw}"` };
        case "number":
          return raw.trim() !== "" && Number.isFinite(Number(raw)) ? { value: Number(raw) } : { problem: `expected a number, got "${raw}"` };
        case "boolean":
          return raw === "true" || raw === "false" ? { value: raw === "true" } : { problem: `expected true or false, got "${raw}"` };
        case "null":
          return raw === "null" || raw === "" ? { value: null } : { problem: `expected null, got "${raw}"` };
        default:
          return { value: raw };
      }
    case "literal":
      return String(ref.value) === raw ? { value: ref.value } : { problem: `expected ${JSON.stringify(String(ref.value))}, got "${raw}"` };
    case "enum":
      return { value: ref.values.find((v) => String(v) === raw) ?? raw };
    case "union":
      return parseUnion(raw, ref.variants, models, depth);
    default:
      return { value: raw };
  }
}

function parseUnion(raw: string, variants: TypeRef[], models: Models, depth: number): { value?: unknown; problem?: string } {
  const problems: string[] = [];
  for (const v of variants) {
    const p = parseWireString(raw, v, models, depth + 1);
    if (!p.problem && !checkValue(p.value, v, models, { direction: "request" })) return p;
    problems.push(p.problem ?? `not ${typeLabel(v)}`);
  }
  return { problem: `"${raw}" matches no variant (${problems.join("; ")})` };
}
