// Hostile and broken specs (test/fixtures/corpus, test/fixtures/hostile, the shared OpenAPI edge
// cases): each gives a located error or TypeScript that compiles under --strict with its strings
// intact — never a crash, never a change to generated/.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import type { IR, TypeRef } from "../../generator/ir/types.js";
import { defaultPaths, renderTarget, specToIR } from "../../generator/pipeline/pipeline.js";
import { specCases } from "./spec-cases.js";

const ROOT = join(import.meta.dirname, "../..");
const run = promisify(execFile);

/**
 * openapi-typescript emits wire types that do not compile for these documents (a known limitation of
 * its deep `$ref` into responses); only the wire file is excused, our own output must still compile.
 */
const UPSTREAM_WIRE_BUGS = new Set(["edge/ref-deep.yaml"]);

const work = { dir: "", compiled: new Map<string, string[]>() };
const results = new Map<string, { kind: "error"; messages: string[] } | { kind: "code"; dir: string; ir: IR }>();
let generatedHashBefore = "";

async function hashTree(dir: string): Promise<string> {
  const h = createHash("sha256");
  if (!existsSync(dir)) return "none";
  for (const e of (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()) {
    h.update(e).update(await readFile(e));
  }
  return h.digest("hex");
}

beforeAll(async () => {
  generatedHashBefore = await hashTree(join(ROOT, "generated/typescript/src"));
  work.dir = await mkdtemp(join(tmpdir(), "muxi-corpus-"));
  // One copy of the runtime, shared by every case through a symlink (type-checked once).
  const paths = defaultPaths(ROOT);
  const cases = specCases();
  for (const c of cases) {
    try {
      const ir = await specToIR(c.specs, { conventions: c.conventions });
      const files = await renderTarget("typescript", ir, paths);
      const dir = join(work.dir, c.name.replace(/[^A-Za-z0-9]+/g, "_"));
      for (const [path, text] of files) {
        const keep = path.startsWith("src/generated/") || (path.startsWith("src/runtime/") && c === cases[0]);
        if (!keep) continue;
        const target = path.startsWith("src/runtime/") ? join(work.dir, "runtime", path.slice("src/runtime/".length)) : join(dir, path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text);
      }
      await symlink(join(work.dir, "runtime"), join(dir, "src/runtime")).catch(() => undefined);
      results.set(c.name, { kind: "code", dir, ir });
    } catch (err) {
      if (!(err instanceof SpecError)) throw new Error(`${c.name}: crashed: ${(err as Error).stack}`);
      results.set(c.name, { kind: "error", messages: err.diagnostics.map((d) => `${d.at ? `${d.at.file}:${d.at.line}:${d.at.col}` : "?"}  ${d.message}`) });
    }
  }
  if (!existsSync(join(work.dir, "runtime"))) {
    const files = await renderTarget("typescript", await specToIR(["test/fixtures/mini/formation.yaml"], { conventions: false }), paths);
    for (const [path, text] of files) {
      if (!path.startsWith("src/runtime/")) continue;
      const target = join(work.dir, "runtime", path.slice("src/runtime/".length));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }
  }
  await writeFile(
    join(work.dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        types: [],
        skipLibCheck: true,
      },
      include: ["*/src/generated/**/*.ts", "runtime/**/*.ts"],
    }),
  );
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const out = await run(process.execPath, [tsc, "-p", join(work.dir, "tsconfig.json"), "--pretty", "false"], { maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => r.stdout,
    (e: { stdout: string }) => e.stdout,
  );
  for (const line of out.split("\n").filter(Boolean)) {
    const file = line.split("(")[0];
    const key = relative(work.dir, file).split("/")[0];
    work.compiled.set(key, [...(work.compiled.get(key) ?? []), line]);
  }
}, 600_000);

afterAll(async () => {
  // generated/ of the repository is never touched by any of this.
  expect(await hashTree(join(ROOT, "generated/typescript/src"))).toBe(generatedHashBefore);
});

describe("hostile and broken specs", () => {
  it("has at least 20 own corpus specs", () => {
    expect(specCases().filter((c) => c.name.startsWith("corpus/")).length).toBeGreaterThanOrEqual(20);
  });

  it.each(specCases().map((c) => [c.name]))("%s: a located error or strict-compiling code", (name) => {
    const r = results.get(name);
    expect(r, "no result").toBeDefined();
    if (!r) return;
    if (r.kind === "error") {
      expect(r.messages.length).toBeGreaterThan(0);
      for (const m of r.messages) expect(m, m).toMatch(/^[^?].*:\d+:\d+  \S/);
      return;
    }
    const errors = (work.compiled.get(basename(r.dir)) ?? []).filter((e) => !(UPSTREAM_WIRE_BUGS.has(name) && e.includes("/src/generated/wire/")));
    expect(errors, "tsc errors").toEqual([]);
    const literals = stringLiterals(join(r.dir, "src/generated/models.ts"));
    for (const v of enumValues(r.ir)) expect(literals.has(v), `enum value ${JSON.stringify(v)} kept`).toBe(true);
    for (const s of r.ir.services) {
      const methods = stringLiterals(join(r.dir, `src/generated/${s.name}-methods.ts`));
      for (const op of s.operations) {
        expect(methods.has(op.path), `path ${JSON.stringify(op.path)} kept`).toBe(true);
        for (const p of op.params) if (p.wire) expect(methods.has(p.wire), `wire name ${JSON.stringify(p.wire)} kept`).toBe(true);
      }
    }
  });

  it("sorts the expected outcomes", () => {
    const outcome = (n: string) => results.get(n)?.kind;
    for (const n of [
      "invalid-yaml",
      "dangling-ref",
      "circular-ref-chain",
      "duplicate-operation-id",
      "missing-paths",
      "not-a-mapping",
      "bad-openapi-version",
      "undeclared-path-param",
      "bad-extensions",
      "dangling-external-file",
      "duplicate-keys",
      "empty-file",
      "non-identifier-sdk-name",
    ]) {
      expect(outcome(`corpus/${n}.yaml`), n).toBe("error");
    }
    for (const n of [
      "circular-schema",
      "negative-enum-array",
      "reserved-operation-names",
      "reserved-model-names",
      "invalid-identifiers",
      "comment-breakout",
      "template-breakout",
      "quotes-newlines",
      "non-ascii",
      "deep-nesting",
      "property-collision",
    ]) {
      expect(outcome(`corpus/${n}.yaml`), n).toBe("code");
    }
    expect(outcome("hostile")).toBe("code");
  });
});

/** The values (unescaped) of every string literal in a TS file. */
function stringLiterals(path: string): Set<string> {
  const text = readFileSync(path, "utf8");
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, false);
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.add(n.text);
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

function enumValues(ir: IR): string[] {
  const out: string[] = [];
  const walk = (t: TypeRef): void => {
    if (t.kind === "enum") for (const v of t.values) if (typeof v === "string") out.push(v);
    if (t.kind === "array") walk(t.items);
    if (t.kind === "union") t.variants.forEach(walk);
  };
  for (const m of ir.models) {
    if (m.kind === "enum") for (const v of m.values) if (typeof v === "string") out.push(v);
    if (m.kind === "object") m.properties.forEach((p) => walk(p.type));
  }
  return out;
}
