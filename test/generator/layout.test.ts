// The generated modules and wire types come out of emit/typescript already in prettier's layout
// (print/ and wire-print.mjs build the documents prettier's own printer would): prettier leaves every
// one of them as it is, for the MUXI spec, a fixture of long names and types, and every document of
// the hostile and edge-case corpus the generator accepts.
import { join } from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import { emitTypeScript } from "../../generator/emit/typescript/index.js";
import { TS_OPTIONS } from "../../generator/format/options.mjs";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { specCases } from "./spec-cases.js";

const ROOT = join(import.meta.dirname, "../..");
const specSets: [string, string[], boolean][] = [
  ["MUXI", ["spec/formation.yaml", "spec/server.yaml"].map((p) => join(ROOT, p)), true],
  ["mapping", [join(ROOT, "test/fixtures/mapping/formation.yaml")], false],
  ["long names and types", [join(ROOT, "test/fixtures/layout/formation.yaml")], false],
  ...specCases().map((c): [string, string[], boolean] => [c.name, c.specs, c.conventions]),
];

describe("layout of the generated modules", () => {
  it.each(specSets)("%s: prettier changes nothing", async (_name, specs, conventions) => {
    const ir = await specToIR(specs, { conventions }).catch((err: unknown) => {
      if (err instanceof SpecError) return undefined; // refused with a located error: nothing emitted
      throw err;
    });
    if (!ir) return;
    const files = await emitTypeScript({ ir, overrides: new Map(), version: "0.0.0" });
    expect(files.size).toBeGreaterThanOrEqual(8); // models, codecs, params, version.ts; methods, client, functions, wire types per service
    for (const [path, text] of files) {
      expect(path).toMatch(/^src\/generated\/.*\.ts$/);
      expect({ path, text }).toEqual({ path, text: await format(text, TS_OPTIONS) });
    }
  });
});
