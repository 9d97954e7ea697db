// The wire types come from openapi-typescript's transform called directly (wire-transform.mjs, no
// Redocly pass): for every document the generator accepts, that is exactly what openapiTS() gives
// (their layout is wire-print.test.ts's and layout.test.ts's concern).
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import { WIRE_OPTIONS, wireNodesOf } from "../../generator/emit/typescript/wire-transform.mjs";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { specCases } from "./spec-cases.js";

const ROOT = join(import.meta.dirname, "../..");
const specSets: [string, string[], boolean][] = [
  ["MUXI", ["spec/formation.yaml", "spec/server.yaml"].map((p) => join(ROOT, p)), true],
  ["mapping", [join(ROOT, "test/fixtures/mapping/formation.yaml")], false],
  ...specCases().map((c): [string, string[], boolean] => [c.name, c.specs, c.conventions]),
];

describe("wire types", () => {
  it.each(specSets)("%s: the direct transform gives openapiTS()'s output", async (_name, specs, conventions) => {
    const ir = await specToIR(specs, { conventions }).catch((err: unknown) => {
      if (err instanceof SpecError) return undefined; // refused with a located error: no wire types to compare
      throw err;
    });
    for (const service of ir?.services ?? []) {
      const json = JSON.stringify(service.document);
      expect(astToString(wireNodesOf(json))).toBe(astToString(await openapiTS(json, WIRE_OPTIONS)));
    }
  });

  it("compares documents of every kind the corpus has", async () => {
    const accepted = await Promise.all(
      specSets.map(([, specs, conventions]) =>
        specToIR(specs, { conventions }).then(
          () => 1,
          () => 0,
        ),
      ),
    );
    expect(accepted.reduce((a: number, b) => a + b, 0)).toBeGreaterThan(10); // 14 without the shared edge cases
  });
});
