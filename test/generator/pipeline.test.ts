// generate / check on a throw-away copy of the project: determinism, drift detection,
// nothing written on error, files the generator does not own left alone.
import { cp, mkdtemp, readFile, writeFile, mkdir, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import { check, generate, specToIR, type ProjectPaths } from "../../generator/pipeline/pipeline.js";

const ROOT = join(import.meta.dirname, "../..");

async function project(): Promise<ProjectPaths> {
  const root = await mkdtemp(join(tmpdir(), "muxi-pipeline-"));
  await cp(join(ROOT, "test/fixtures/mini"), join(root, "spec"), { recursive: true });
  await cp(join(ROOT, "overrides"), join(root, "overrides"), { recursive: true });
  return {
    root,
    specs: [join(root, "spec/formation.yaml"), join(root, "spec/server.yaml")],
    overrides: join(root, "overrides"),
    templates: join(root, "templates"),
    generated: join(root, "generated"),
  };
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const full = join(e.parentPath, e.name);
      out.set(full.slice(dir.length), await readFile(full, "utf8"));
    }
  }
  return out;
}

describe("pipeline", () => {
  let paths: ProjectPaths;
  beforeAll(async () => {
    paths = await project();
    await generate(["typescript"], await specToIR(paths.specs), paths);
  });

  it("gives byte-identical output when run twice", async () => {
    const first = await snapshot(paths.generated);
    await generate(["typescript"], await specToIR(paths.specs), paths);
    const second = await snapshot(paths.generated);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [k, v] of first) expect(second.get(k), k).toBe(v);
  });

  it("check passes on a fresh generation", async () => {
    expect(await check(["typescript"], await specToIR(paths.specs), paths)).toEqual([]);
  });

  it("check lists stale files after a spec change", async () => {
    const p = await project();
    await generate(["typescript"], await specToIR(p.specs), p);
    const spec = join(p.root, "spec/formation.yaml");
    await writeFile(spec, (await readFile(spec, "utf8")).replace("summary: Chat", "summary: Chat with the formation"));
    const stale = await check(["typescript"], await specToIR(p.specs), p);
    expect(stale.some((s) => s.includes("formation-client.ts (differs)"))).toBe(true);
  });

  it("check lists stale files after an override change", async () => {
    const p = await project();
    await generate(["typescript"], await specToIR(p.specs), p);
    const codec = join(p.overrides, "typescript/runtime/codec.ts");
    await writeFile(codec, (await readFile(codec, "utf8")) + "\nexport const extra = 1;\n");
    const stale = await check(["typescript"], await specToIR(p.specs), p);
    expect(stale).toEqual([expect.stringContaining("src/runtime/codec.ts (differs)")]);
  });

  it("check lists stale files after a template change of a scaffold language", async () => {
    const p = await project();
    await cp(join(ROOT, "templates/python"), join(p.templates, "python"), { recursive: true });
    const ir = await specToIR(p.specs);
    await generate(["python"], ir, p);
    expect(await check(["python"], ir, p)).toEqual([]);
    const readme = join(p.templates, "python/README.md.hbs");
    await writeFile(readme, (await readFile(readme, "utf8")) + "\nOne more line.\n");
    expect(await check(["python"], ir, p)).toEqual([expect.stringContaining("generated/python/README.md (differs)")]);
  });

  it("check notices a hand edit and a deleted file in generated/", async () => {
    const p = await project();
    await generate(["typescript"], await specToIR(p.specs), p);
    const models = join(p.generated, "typescript/src/generated/models.ts");
    await writeFile(models, (await readFile(models, "utf8")) + "// edited\n");
    await rm(join(p.generated, "typescript/src/generated/codecs.ts"));
    const stale = await check(["typescript"], await specToIR(p.specs), p);
    expect(stale).toEqual([expect.stringContaining("codecs.ts (missing)"), expect.stringContaining("models.ts (differs)")]);
  });

  it("writes nothing when the spec has errors", async () => {
    const p = await project();
    await generate(["typescript"], await specToIR(p.specs), p);
    const before = await snapshot(p.generated);
    const spec = join(p.root, "spec/formation.yaml");
    await writeFile(spec, (await readFile(spec, "utf8")).replace("operationId: chat\n", "operationId: restoreSession\n"));
    const err = await specToIR(p.specs).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).message).toMatch(/formation\.yaml:\d+:\d+ +operationId "restoreSession" is already used/);
    expect(await snapshot(p.generated)).toEqual(before);
  });

  it("keeps files it did not generate and refuses to overwrite them", async () => {
    const p = await project();
    await generate(["typescript"], await specToIR(p.specs), p);
    await mkdir(join(p.generated, "typescript/dist"), { recursive: true });
    await writeFile(join(p.generated, "typescript/dist/index.js"), "built\n");
    await writeFile(join(p.generated, "typescript/NOTES.md"), "mine\n");
    await generate(["typescript"], await specToIR(p.specs), p);
    expect(await readFile(join(p.generated, "typescript/dist/index.js"), "utf8")).toBe("built\n");
    expect(await readFile(join(p.generated, "typescript/NOTES.md"), "utf8")).toBe("mine\n");
    // A user file where the generator now wants to write: refused, nothing changed.
    await writeFile(join(p.overrides, "typescript/NOTES.ts"), "export {};\n");
    await writeFile(join(p.generated, "typescript/src/NOTES.ts"), "user file\n");
    const before = await snapshot(p.generated);
    await expect(generate(["typescript"], await specToIR(p.specs), p)).rejects.toThrow(/not generated by muxi-sdkgen/);
    expect(await snapshot(p.generated)).toEqual(before);
  });
});
