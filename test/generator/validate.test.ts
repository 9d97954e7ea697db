// Broken specs give located errors (file:line:col), never a crash.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, SpecError } from "../../generator/diagnostics/diagnostic.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";

const head = `openapi: 3.1.0
info: { title: T, version: "1" }
paths:
`;
const op = (extra: string) => `  /things/{id}:
    get:
      operationId: getThing
      summary: Get
      tags: [T]
      security: []
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
${extra}      responses:
        '200': { description: ok }
`;

async function problems(files: Record<string, string>): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), "muxi-validate-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  try {
    await specToIR([join(dir, "a.yaml")]);
    return [];
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    return err.diagnostics.map((d) => formatDiagnostic(d).replace(dir + "/", ""));
  }
}

describe("validate", () => {
  it("accepts a well-formed operation", async () => {
    expect(await problems({ "a.yaml": head + op("") })).toEqual([]);
  });

  it.each([
    ["invalid YAML", head + "  /x: [\n", /^a\.yaml:5:1 +invalid YAML/],
    ["dangling $ref", head + op("      x-muxi-envelope: true\n") + "components:\n  schemas:\n    A: { $ref: '#/components/schemas/Missing' }\n", /^a\.yaml:17:10 +\$ref "#\/components\/schemas\/Missing" does not resolve/],
    ["circular $ref", head + op("") + "components:\n  schemas:\n    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/A' }\n", /a\.yaml:1[67]:\d+ +circular \$ref chain/],
    ["missing operationId", head + op("").replace("      operationId: getThing\n", ""), /^a\.yaml:5:5 +GET \/things\/\{id\} has no operationId/],
    ["missing summary", head + op("").replace("      summary: Get\n", ""), /needs a summary/],
    ["missing security", head + op("").replace("      security: []\n", ""), /needs an explicit security decision/],
    ["undeclared placeholder", head + op("").replace("        - { name: id, in: path, required: true, schema: { type: string } }\n", "        []\n").replace("      parameters:\n        []\n", ""), /placeholder "\{id\}"/],
    ["bad user-id extension", head + op("      x-muxi-user-id: sometimes\n"), /x-muxi-user-id must be "required" or "optional"/],
    ["stream without events", head + op("      x-muxi-stream: { format: data }\n"), /needs x-muxi-stream.events/],
    ["unknown legacy arg", head + op("      x-muxi-legacy: [{ args: [nope] }]\n"), /unknown argument "nope"/],
    ["missing file", head + op("") + "components:\n  schemas:\n    A: { $ref: './nope.yaml#/A' }\n", /missing or unreadable/],
  ])("%s", async (_name, spec, expected) => {
    const found = await problems({ "a.yaml": spec });
    expect(found.some((p) => expected.test(p)), found.join("\n")).toBe(true);
  });

  it("rejects duplicate operationIds across files", async () => {
    const found = await problems({ "a.yaml": head + op("") });
    expect(found).toEqual([]);
    const dir = await mkdtemp(join(tmpdir(), "muxi-validate-"));
    await writeFile(join(dir, "a.yaml"), head + op(""));
    await writeFile(join(dir, "b.yaml"), head + op(""));
    const err = await specToIR([join(dir, "a.yaml"), join(dir, "b.yaml")]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect(String((err as SpecError).message)).toMatch(/b\.yaml:\d+:\d+ +operationId "getThing" is already used at .*a\.yaml:\d+:\d+/);
  });
});
