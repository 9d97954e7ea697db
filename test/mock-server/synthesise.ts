// Builds a minimal valid wire value for an IR TypeRef: a model's example when it has one,
// otherwise every property (required and optional) filled with a plain value.
import type { Model, TypeRef } from "../../generator/ir/types.js";
import type { Models } from "./typeref-check.js";

/** Marks a value that could not be built without endless recursion. */
const CUT = Symbol("cut");
type Built = unknown | typeof CUT;

const FORMATS: Record<string, string> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "00:00:00Z",
  uri: "https://example.com/",
  url: "https://example.com/",
  email: "user@example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
  hostname: "example.com",
  ipv4: "127.0.0.1",
  byte: "AA==",
};

function primitive(ref: Extract<TypeRef, { kind: "primitive" }>): unknown {
  switch (ref.type) {
    case "string":
      return (ref.format && FORMATS[ref.format]) ?? "string";
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    case "null":
      return null;
    case "unknown":
      return "value";
  }
}

function fromModel(model: Model, models: Models, stack: string[]): Built {
  if (model.example !== undefined) return structuredClone(model.example);
  if (stack.includes(model.name)) return CUT;
  const inner = [...stack, model.name];
  switch (model.kind) {
    case "enum":
      return model.values[0];
    case "alias":
      return build(model.type, models, inner);
    case "union": {
      const d = model.discriminator;
      for (const v of model.variants) {
        const value = build(v, models, inner);
        if (value === CUT) continue;
        if (d && v.kind === "model" && typeof value === "object" && value !== null && !Array.isArray(value)) {
          const tag = Object.entries(d.mapping).find(([, name]) => name === v.name)?.[0];
          if (tag !== undefined) (value as Record<string, unknown>)[d.wire] = tag;
        }
        return value;
      }
      return CUT;
    }
    case "object": {
      const out: Record<string, unknown> = {};
      for (const p of model.properties) {
        const value = build(p.type, models, inner);
        if (value !== CUT) out[p.wire] = value;
        else if (p.required) return CUT;
      }
      return out;
    }
  }
}

function build(ref: TypeRef, models: Models, stack: string[]): Built {
  switch (ref.kind) {
    case "model": {
      const m = models.get(ref.name);
      if (!m) return {};
      const value = fromModel(m, models, stack);
      return value === CUT && ref.nullable ? null : value;
    }
    case "primitive":
      return primitive(ref);
    case "literal":
      return ref.value;
    case "enum":
      return ref.values[0];
    case "array": {
      const item = build(ref.items, models, stack);
      return item === CUT ? [] : [item];
    }
    case "tuple": {
      const items = ref.items.map((i) => build(i, models, stack));
      return items.includes(CUT) ? CUT : items;
    }
    case "map": {
      if (!ref.values) return { key: "value" };
      const value = build(ref.values, models, stack);
      return value === CUT ? {} : { key: value };
    }
    case "union": {
      const nonNull = ref.variants.filter((v) => !(v.kind === "primitive" && v.type === "null"));
      for (const v of [...nonNull, ...ref.variants]) {
        const value = build(v, models, stack);
        if (value !== CUT) return value;
      }
      return ref.nullable ? null : CUT;
    }
    case "binary":
      return "";
  }
}

/** A valid wire value of `ref` (null when none can be built). */
export function synthesise(ref: TypeRef | undefined, models: Models): unknown {
  if (!ref) return null;
  const value = build(ref, models, []);
  return value === CUT ? null : value;
}

/** snake_case of a model name, for the envelope's `object` field. */
export function snakeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}
