// Arguments for any generated method, built from the IR: the default calling form
// `(...pathParams, params?, options?)` with every required field (public camelCase names).
import { tarGz } from "../runtime/harness/tar.js";
import type { IR, Model, Operation, Param, TypeRef } from "../../generator/ir/types.js";

export function sampleValue(t: TypeRef, models: Map<string, Model>, depth = 0): unknown {
  switch (t.kind) {
    case "primitive":
      return t.type === "string" ? (t.format === "date-time" ? "2030-01-01T00:00:00Z" : "sample") : t.type === "integer" || t.type === "number" ? 1 : t.type === "boolean" ? true : t.type === "null" ? null : "sample";
    case "literal":
      return t.value;
    case "enum":
      return t.values[0];
    case "array":
      return depth > 3 ? [] : [sampleValue(t.items, models, depth + 1)];
    case "tuple":
      return t.items.map((i) => sampleValue(i, models, depth + 1));
    case "map":
      return {};
    case "union":
      return sampleValue(t.variants[0], models, depth + 1);
    case "binary":
      // A real formation bundle, so deploy/update can read its id and version.
      return tarGz([{ name: "my-bot/formation.afs", content: 'id: my-bot\nversion: "1.0.0"\n' }]);
    case "model": {
      const m = models.get(t.name);
      if (!m) return {};
      if (m.kind === "enum") return m.values[0];
      if (m.kind === "alias") return sampleValue(m.type, models, depth + 1);
      if (m.kind === "union") return sampleValue(m.variants[0], models, depth + 1);
      const out: Record<string, unknown> = {};
      for (const p of m.properties) if (p.required && depth < 6) out[p.name] = sampleValue(p.type, models, depth + 1);
      return out;
    }
  }
}

export function sampleArgs(ir: IR, op: Operation): unknown[] {
  const models = new Map(ir.models.map((m) => [m.name, m] as const));
  const exposed = op.params.filter((p: Param) => p.fixed === undefined);
  const args: unknown[] = exposed.filter((p) => p.in === "path").map((p) => {
    const v = sampleValue(p.type, models);
    return typeof v === "string" && v === "sample" ? "id-1" : v;
  });
  const params: Record<string, unknown> = {};
  for (const p of exposed.filter((q) => q.in !== "path" && q.required)) params[p.name] = sampleValue(p.type, models);
  if (exposed.some((p) => p.in !== "path")) args.push(params);
  args.push(op.userId === "none" ? {} : { userId: "user_1" });
  return args;
}
