// The calling forms of a method: its old positional forms (emitted), then the default form
// `(...pathParams, params?, options?)` and, when there are path parameters, the object form
// `(params, options?)` (derived here, so the generated tables need not repeat them). The
// generator's IR computes the same list; a test compares the two for every method.
import type { ArgForm, MethodSpec, Slot } from "./operation.js";

const OPTIONS: Slot = { param: "options", kind: "object", optional: true };

/** An emitted old-form slot (`"userId?"`) as a Slot: params/options objects, userId a string, else its param's kind. */
function legacySlot(m: MethodSpec, name: string): Slot {
  const optional = name.endsWith("?");
  const param = optional ? name.slice(0, -1) : name;
  const kind =
    param === "params" || param === "options"
      ? "object"
      : param === "userId"
        ? "string"
        : (m.op.params.find((p) => p.name === param)?.kind ?? "string");
  return { param, kind, optional };
}
const cache = new WeakMap<MethodSpec, readonly ArgForm[]>();

export function formsOf(m: MethodSpec): readonly ArgForm[] {
  if (m.forms) return m.forms;
  let forms = cache.get(m);
  if (!forms) {
    const exposed = m.op.params.filter((p) => p.fixed === undefined);
    const path = exposed.filter((p) => p.in === "path");
    const others = exposed.filter((p) => p.in !== "path");
    const byDefault: Slot[] = [
      ...path.map((p): Slot => ({ param: p.name, kind: p.kind ?? "string", optional: false })),
      ...(others.length > 0
        ? [{ param: "params", kind: "object" as const, optional: !others.some((p) => p.required) }]
        : []),
      OPTIONS,
    ];
    const candidates = [
      ...(m.legacy ?? []).map((form) => form.map((name) => legacySlot(m, name))),
      byDefault,
      ...(path.length > 0 ? [[{ param: "params", kind: "object" as const, optional: false }, OPTIONS]] : []),
    ];
    const seen = new Set<string>();
    forms = candidates.filter((f) => {
      const key = JSON.stringify(f);
      return seen.has(key) ? false : (seen.add(key), true);
    });
    cache.set(m, forms);
  }
  return forms;
}
