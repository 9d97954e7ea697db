// Entry of the ir stage: a loaded, validated spec set → the IR.
import { basename, extname } from "node:path";
import { bundle } from "../load/bundle.js";
import { joinPlace, type SpecSet } from "../load/spec-set.js";
import { pascalCase } from "./names.js";
import { HTTP_METHODS, OperationBuilder } from "./operations.js";
import { SchemaConverter } from "./schemas.js";
import type { AuthScheme, AuthSchemeInfo, IR, Service, ServiceName } from "./types.js";

type Obj = Record<string, unknown>;

export function buildIR(spec: SpecSet): IR {
  const schemas = new SchemaConverter(spec);
  // Named component schemas first, so they keep their names over synthetic ones.
  for (const entry of spec.entries) {
    const components = spec.value({ file: entry, pointer: "/components/schemas" });
    for (const name of Object.keys((components ?? {}) as Obj)) {
      const place = joinPlace({ file: entry, pointer: "/components/schemas" }, name);
      const final = spec.deref(place);
      if (!("severity" in final)) schemas.ensureModel(final, schemas.namedAt(final) ?? name);
    }
  }
  const bundles = spec.entries.map((entry) => bundle(spec, entry));
  const services = spec.entries.map((entry, i) => buildService(spec, schemas, entry, bundles[i].document));
  const models = [...schemas.models.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Each model's wire type: its schema in the first service document that holds it.
  for (const m of models) {
    const i = bundles.findIndex((b) => b.schemaNames.has(m.source));
    if (i >= 0) m.wireSchema = { service: services[i].name, name: bundles[i].schemaNames.get(m.source) as string };
  }
  return { services, models };
}

function buildService(spec: SpecSet, schemas: SchemaConverter, entry: string, document: Record<string, unknown>): Service {
  const root = (spec.value({ file: entry, pointer: "" }) ?? {}) as Obj;
  const info = (root.info ?? {}) as Obj;
  const builder = new OperationBuilder(spec, schemas, root.security);
  const operations = [];
  const paths = (root.paths ?? {}) as Obj;
  for (const pathKey of Object.keys(paths)) {
    const itemPlace = spec.deref(joinPlace({ file: entry, pointer: "/paths" }, pathKey));
    if ("severity" in itemPlace) continue; // validate reported it
    const item = (spec.value(itemPlace) ?? {}) as Obj;
    for (const method of HTTP_METHODS) {
      if (item[method] === undefined) continue;
      operations.push(builder.build(pathKey, method, joinPlace(itemPlace, method), itemPlace));
    }
  }
  const name = basename(entry, extname(entry)) as ServiceName;
  return {
    name,
    client: `${pascalCase(name)}Client`,
    title: String(info.title ?? name),
    version: String(info.version ?? "0.0.0"),
    description: String(info.description ?? ""),
    source: entry,
    operations,
    authSchemes: authSchemes(root),
    document,
  };
}

function authSchemes(root: Obj): AuthSchemeInfo[] {
  const defs = (((root.components ?? {}) as Obj).securitySchemes ?? {}) as Record<string, Obj>;
  return Object.entries(defs)
    .map(([name, d]) => ({
      name: name as AuthScheme,
      kind: d["x-muxi-hmac"] === true ? ("hmac" as const) : ("apiKeyHeader" as const),
      header: String(d.name ?? "Authorization"),
      description: String(d.description ?? ""),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
