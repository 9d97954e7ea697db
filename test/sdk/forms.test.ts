// The runtime derives each method's default and object calling forms from its params; the
// generator's IR computes the same list (and types the overloads from it). They must agree.
import { describe, expect, it } from "vitest";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { formsOf } from "../../generated/typescript/src/runtime/forms.js";
import { methods as formationMethods } from "../../generated/typescript/src/generated/formation-methods.js";
import { methods as serverMethods } from "../../generated/typescript/src/generated/server-methods.js";
import type { MethodSpec } from "../../generated/typescript/src/runtime/operation.js";

const ir = await specToIR(["spec/formation.yaml", "spec/server.yaml"]);
const tables: Record<string, Record<string, MethodSpec>> = { formation: formationMethods, server: serverMethods };
const cases = ir.services.flatMap((s) => s.operations.flatMap((op) => op.methods.map((m) => [`${s.name}.${m.name}`, s.name, m.name, m.forms] as const)));

describe("calling forms: runtime-derived = IR", () => {
  it.each(cases)("%s", (_label, service, name, forms) => {
    const spec = tables[service][name];
    expect(spec, `${name} in the method table`).toBeDefined();
    expect(formsOf(spec)).toEqual(forms);
  });
});
