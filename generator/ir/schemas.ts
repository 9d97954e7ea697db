// JSON Schema → IR types. Named schemas become models; inline objects with
// properties become models named after where they sit (Parent + Property).
import { SpecError } from "../diagnostics/diagnostic.js";
import { joinPlace, namedSchemaAt, type Place, type SpecSet } from "../load/spec-set.js";
import { camelCase, typeName, unique } from "./names.js";
import type { Model, ObjectModel, Property, TypeRef } from "./types.js";

type Schema = Record<string, unknown>;

export class SchemaConverter {
  readonly models = new Map<string, Model>();
  private readonly nameOfPlace = new Map<string, string>();
  private readonly takenNames = new Set<string>();

  constructor(private readonly spec: SpecSet) {}

  /** The model name a place defines, if it is a named-schema location. */
  namedAt(place: Place): string | undefined {
    return namedSchemaAt(this.spec, place);
  }

  /** The IR type of the schema at `place`; `hint` names inline object models. */
  typeAt(place: Place, hint: string): TypeRef {
    const final = this.follow(place);
    const named = this.namedAt(final);
    if (named !== undefined) return { kind: "model", name: this.ensureModel(final, named) };
    return this.inlineType(final, hint);
  }

  /** Registers the model defined at a named place (idempotent); returns its IR name. */
  ensureModel(place: Place, rawName: string): string {
    const k = key(place);
    const existing = this.nameOfPlace.get(k);
    if (existing) return existing;
    const name = unique(typeName(rawName), this.takenNames);
    this.nameOfPlace.set(k, name);
    this.models.set(name, placeholder(name, k));
    this.models.set(name, this.buildModel(place, name));
    return name;
  }

  private follow(place: Place): Place {
    const r = this.spec.deref(place);
    if ("severity" in r) throw new SpecError([r]);
    return r;
  }

  private schema(place: Place): Schema {
    const v = this.spec.value(place);
    if (v === true || v === undefined || v === null) return {};
    if (typeof v !== "object" || Array.isArray(v)) {
      throw new SpecError([{ severity: "error", message: "a schema must be an object", at: this.spec.locate(place) }]);
    }
    return v as Schema;
  }

  private buildModel(place: Place, name: string): Model {
    const s = this.schema(place);
    const base = {
      name,
      description: str(s.description) ?? str(s.title) ?? "",
      deprecated: s.deprecated === true,
      source: `${place.file}#${place.pointer}`,
      ...(s.example !== undefined ? { example: s.example } : {}),
    };
    if (isObjectSchema(s)) return { ...base, ...this.objectParts(place, name) };
    const variants = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
    if (Array.isArray(variants) && !hasProperties(s)) {
      const listKey = s.oneOf ? "oneOf" : "anyOf";
      const refs = variants.map((_, i) => this.typeAt(joinPlace(place, listKey, i), `${name}Variant${i + 1}`));
      const disc = s.discriminator as { propertyName?: string; mapping?: Record<string, string> } | undefined;
      return {
        ...base,
        kind: "union",
        variants: refs,
        ...(disc?.propertyName
          ? {
              discriminator: {
                property: camelCase(disc.propertyName),
                wire: disc.propertyName,
                mapping: this.mapping(place, disc.mapping ?? {}, refs),
              },
            }
          : {}),
      };
    }
    if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === "string" || typeof v === "number")) {
      return { ...base, kind: "enum", values: [...(s.enum as (string | number)[])] };
    }
    return { ...base, kind: "alias", type: this.inlineType(place, name) };
  }

  /** Discriminator value → model name; values implied by variant names when no mapping is given. */
  private mapping(place: Place, mapping: Record<string, string>, refs: TypeRef[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [value, ref] of Object.entries(mapping)) {
      const target = this.follow(this.spec.target(place, ref));
      const named = this.namedAt(target);
      if (named !== undefined) out[value] = this.ensureModel(target, named);
    }
    if (Object.keys(out).length === 0) for (const r of refs) if (r.kind === "model") out[r.name] = r.name;
    return out;
  }

  private objectParts(place: Place, name: string): Pick<ObjectModel, "kind" | "properties" | "additional"> {
    const properties: Property[] = [];
    const taken = new Set<string>();
    let additional: ObjectModel["additional"] = null;
    const visit = (p: Place): void => {
      const s = this.schema(p);
      if (Array.isArray(s.allOf)) s.allOf.forEach((_, i) => visit(this.follow(joinPlace(p, "allOf", i))));
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      const props = (s.properties ?? {}) as Record<string, unknown>;
      for (const wire of Object.keys(props)) {
        const propPlace = joinPlace(p, "properties", wire);
        const ps = this.schema(this.follow(propPlace));
        const own = this.schema(propPlace);
        const existing = properties.findIndex((q) => q.wire === wire);
        const prop: Property = {
          name: "",
          wire,
          type: this.typeAt(propPlace, name + typeName(camelCase(wire, "Field"))),
          required: required.has(wire),
          description: str(own.description) ?? str(ps.description) ?? "",
          deprecated: own.deprecated === true || ps.deprecated === true,
          readOnly: own.readOnly === true || ps.readOnly === true,
          ...(ps.default !== undefined ? { default: ps.default } : {}),
        };
        if (existing >= 0) {
          prop.name = properties[existing].name;
          prop.required ||= properties[existing].required;
          properties[existing] = prop;
        } else {
          const custom = str(own["x-muxi-name"]) ?? str(ps["x-muxi-name"]);
          prop.name = unique(custom ?? camelCase(wire, "field"), taken);
          properties.push(prop);
        }
      }
      for (const wire of required) {
        const hit = properties.find((q) => q.wire === wire);
        if (hit) hit.required = true;
      }
      if (s.additionalProperties === true || (isPlainObject(s.additionalProperties) && Object.keys(s.additionalProperties).length === 0)) {
        additional = "free";
      } else if (isPlainObject(s.additionalProperties)) {
        additional = this.typeAt(joinPlace(p, "additionalProperties"), `${name}Value`);
      }
    };
    visit(place);
    return { kind: "object", properties, additional };
  }

  /** The type of an unnamed schema (or of a named one, structurally). */
  private inlineType(place: Place, hint: string): TypeRef {
    const s = this.schema(place);
    const nullable = allowsNull(s);
    const withNull = (t: TypeRef): TypeRef => (nullable ? { ...t, nullable: true } : t);

    if ("const" in s) return { kind: "literal", value: s.const as string | number | boolean | null };
    if (Array.isArray(s.enum)) {
      const values = s.enum.filter((v) => v !== null);
      if (values.length === 1 && (typeof values[0] === "string" || typeof values[0] === "number" || typeof values[0] === "boolean")) {
        return withNull({ kind: "literal", value: values[0] as string | number | boolean });
      }
      if (values.every((v) => typeof v === "string" || typeof v === "number")) {
        return withNull({ kind: "enum", values: values as (string | number)[] });
      }
      return withNull({ kind: "primitive", type: "unknown" });
    }
    const variants = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
    if (Array.isArray(variants) && !hasProperties(s)) {
      const listKey = s.oneOf ? "oneOf" : "anyOf";
      const refs: TypeRef[] = [];
      let nullVariant = false;
      variants.forEach((_, i) => {
        const t = this.typeAt(joinPlace(place, listKey, i), `${hint}Variant${i + 1}`);
        if (t.kind === "primitive" && t.type === "null") nullVariant = true;
        else refs.push(t);
      });
      const t: TypeRef = refs.length === 1 ? refs[0] : refs.length === 0 ? { kind: "primitive", type: "unknown" } : { kind: "union", variants: refs };
      return nullable || nullVariant ? { ...t, nullable: true } : t;
    }
    if (Array.isArray(s.allOf) && !hasProperties(s) && s.allOf.length === 1) {
      return withNull(this.typeAt(joinPlace(place, "allOf", 0), hint));
    }
    if (isObjectSchema(s)) {
      const name = this.ensureSynthetic(place, hint);
      return withNull({ kind: "model", name });
    }
    const types = typeList(s);
    const main = types.filter((t) => t !== "null");
    if (main.length > 1) {
      return withNull({ kind: "union", variants: main.map((t) => this.inlineType2(place, { ...s, type: t }, hint)) });
    }
    if (main.length === 0 && types.includes("null")) return { kind: "primitive", type: "null" };
    return withNull(this.inlineType2(place, { ...s, type: main[0] }, hint));
  }

  private inlineType2(place: Place, s: Schema, hint: string): TypeRef {
    switch (s.type) {
      case "string":
        if (s.format === "binary" || (typeof s.contentMediaType === "string" && !String(s.contentMediaType).startsWith("text/") && !s.contentEncoding)) {
          return { kind: "binary" };
        }
        return { kind: "primitive", type: "string", ...(str(s.format) ? { format: str(s.format) } : {}) };
      case "integer":
      case "number":
      case "boolean":
        return { kind: "primitive", type: s.type };
      case "array":
        if (Array.isArray(s.prefixItems)) {
          return { kind: "tuple", items: s.prefixItems.map((_, i) => this.typeAt(joinPlace(place, "prefixItems", i), `${hint}Item${i + 1}`)) };
        }
        if (s.items === undefined || s.items === true) return { kind: "array", items: { kind: "primitive", type: "unknown" } };
        return { kind: "array", items: this.typeAt(joinPlace(place, "items"), `${hint}Item`) };
      case "object": {
        const ap = s.additionalProperties;
        if (ap === false) return { kind: "map", values: { kind: "primitive", type: "unknown" } };
        if (isPlainObject(ap) && Object.keys(ap).length > 0) return { kind: "map", values: this.typeAt(joinPlace(place, "additionalProperties"), `${hint}Value`) };
        return { kind: "map", values: null };
      }
      default:
        return { kind: "primitive", type: "unknown" };
    }
  }

  private ensureSynthetic(place: Place, hint: string): string {
    const k = key(place);
    const existing = this.nameOfPlace.get(k);
    if (existing) return existing;
    const name = unique(typeName(hint), this.takenNames);
    this.nameOfPlace.set(k, name);
    // Registered before building so self-references terminate.
    this.models.set(name, placeholder(name, k));
    this.models.set(name, this.buildModel(place, name));
    return name;
  }
}

const placeholder = (name: string, source: string): Model => ({
  name,
  kind: "alias",
  type: { kind: "primitive", type: "unknown" },
  description: "",
  deprecated: false,
  source,
});
const key = (p: Place): string => `${p.file}#${p.pointer}`;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const hasProperties = (s: Schema): boolean => isPlainObject(s.properties) && Object.keys(s.properties).length > 0;

function typeList(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type.map(String);
  if (typeof s.type === "string") return [s.type];
  if (hasProperties(s)) return ["object"];
  return [];
}

function allowsNull(s: Schema): boolean {
  return (Array.isArray(s.type) && s.type.includes("null")) || s.nullable === true || (Array.isArray(s.enum) && s.enum.includes(null));
}

/** An object schema with fixed properties (or an allOf composition of objects). */
function isObjectSchema(s: Schema): boolean {
  if (hasProperties(s)) return true;
  return Array.isArray(s.allOf) && s.allOf.length > 1;
}
