// One self-contained document per entry file: every named schema (wherever it is
// defined) under components/schemas, every other external $ref inlined. This is what
// openapi-typescript reads, so it neither re-resolves files nor inlines named schemas.
import { isRef, joinPlace, namedSchemaAt, type Place, type SpecSet } from "./spec-set.js";

type Json = unknown;

/** An object for keys that are data: `__proto__` stays a key (on `{}` assigning it would set the prototype). */
const dict = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;

export interface Bundle {
  document: Record<string, unknown>;
  /** `file#pointer` of each named schema → its key under the document's components/schemas. */
  schemaNames: ReadonlyMap<string, string>;
}

export function bundle(spec: SpecSet, entry: string): Bundle {
  const names = new Map<string, string>(); // place key → component name
  const taken = new Set<string>();
  const queue: Place[] = [];
  const key = (p: Place): string => `${p.file}#${p.pointer}`;

  const namedAt = (place: Place): string | undefined => namedSchemaAt(spec, place);
  const componentName = (place: Place, raw: string): string => {
    const k = key(place);
    let name = names.get(k);
    if (name) return name;
    name = raw;
    for (let i = 2; taken.has(name); i++) name = `${raw}${i}`;
    names.set(k, name);
    taken.add(name);
    queue.push(place);
    return name;
  };
  const final = (place: Place): Place => {
    const r = spec.deref(place);
    return "severity" in r ? place : r;
  };

  // Shared responses, parameters, … that the entry lists in its components stay references.
  const shared = new Map<string, string>();
  const inlining = new Set<string>();
  const walk = (value: Json, place: Place): Json => {
    if (Array.isArray(value)) return value.map((v, i) => walk(v, joinPlace(place, i)));
    if (value === null || typeof value !== "object") return value;
    if (isRef(value)) {
      const target = final(spec.target(place, value.$ref));
      const named = namedAt(target);
      if (named !== undefined) return { $ref: `#/components/schemas/${componentName(target, named)}` };
      const k = key(target);
      const sharedRef = shared.get(k);
      if (sharedRef) return { $ref: sharedRef };
      if (inlining.has(k)) return {}; // an unnamed cycle: leave it open rather than loop
      inlining.add(k);
      const out = walk(spec.value(target), target);
      inlining.delete(k);
      return out;
    }
    const out: Record<string, unknown> = dict();
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith("x-muxi-")) continue; // project extensions mean nothing to a types-only tool
      out[k] = k === "discriminator" ? discriminator(v, place) : walk(v, joinPlace(place, k));
    }
    return out;
  };
  /** Discriminator mappings are $ref strings, not $ref objects: point them at the components too. */
  const discriminator = (value: Json, place: Place): Json => {
    if (value === null || typeof value !== "object" || !("mapping" in value)) return value;
    const d = value as { mapping?: Record<string, string> };
    const mapping = Object.fromEntries(
      Object.entries(d.mapping ?? {}).map(([tag, ref]) => {
        const target = final(spec.target(place, ref));
        const named = namedAt(target);
        return [tag, named !== undefined ? `#/components/schemas/${componentName(target, named)}` : ref];
      }),
    );
    return { ...d, mapping };
  };

  const rootPlace: Place = { file: entry, pointer: "" };
  const root = (spec.value(rootPlace) ?? {}) as Record<string, unknown>;
  const components = (root.components ?? {}) as Record<string, unknown>;
  // Named schemas of the entry first, under their own keys.
  for (const name of Object.keys((components.schemas ?? {}) as Record<string, unknown>)) {
    const target = final(joinPlace(rootPlace, "components", "schemas", name));
    componentName(target, namedAt(target) ?? name);
  }
  const outComponents: Record<string, unknown> = {};
  for (const [section, entries] of Object.entries(components)) {
    if (section === "schemas" || entries === null || typeof entries !== "object") continue;
    const items: Record<string, unknown> = dict();
    for (const name of Object.keys(entries)) {
      const own = joinPlace(rootPlace, "components", section, name);
      const target = final(own);
      items[name] = walk(spec.value(target), target);
      shared.set(key(target), `#/components/${section}/${name}`);
    }
    outComponents[section] = items;
  }
  const out: Record<string, unknown> = dict();
  for (const [k, v] of Object.entries(root)) if (k !== "components") out[k] = walk(v, joinPlace(rootPlace, k));
  const schemas: Record<string, unknown> = dict();
  while (queue.length > 0) {
    const place = queue.shift() as Place;
    schemas[names.get(key(place)) as string] = walk(spec.value(place), place);
  }
  outComponents.schemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1)));
  out.components = outComponents;
  return { document: out, schemaNames: names };
}
