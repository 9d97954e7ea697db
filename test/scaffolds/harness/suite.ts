// What every scaffold test file sets up once: the specs it renders, a work directory, its toolchain.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, type TestContext } from "vitest";
import { SpecError } from "../../../generator/diagnostics/diagnostic.js";
import type { IR } from "../../../generator/ir/types.js";
import { defaultPaths, renderTarget, specToIR } from "../../../generator/pipeline/pipeline.js";
import { writeTree } from "./tree.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const VECTORS = join(ROOT, "test/vectors");

/** The two spec files of a fixture directory (relative to the repository). */
export const fixture = (dir: string): string[] => [`${dir}/formation.yaml`, `${dir}/server.yaml`].map((p) => join(ROOT, p));
export const HOSTILE = fixture("test/fixtures/hostile");
export const MINI = fixture("test/fixtures/mini");
// The mock's own fixtures have chat + listFormations, every stream format, binary bodies and HMAC
// with queries: the smoke tests' fallback while spec/ does not validate.
export const MOCK_FIXTURES = fixture("test/mock-server/fixtures");

/**
 * A fixture relative to the working directory (vitest runs in the project root), so that the
 * generated-file header names it the same way on every machine (golden files).
 */
export const portableFixture = (dir: string): string[] =>
  [`${dir}/formation.yaml`, `${dir}/server.yaml`].map((p) => relative(process.cwd(), join(ROOT, p)) || p);

/** A scaffold rendered in memory, as `generate` would write it. */
export const render = (target: string, ir: IR): Promise<Map<string, string>> => renderTarget(target, ir, defaultPaths(ROOT));

/** Renders `target` for `ir` into `dir`, after emptying `clean` (`dir` itself, or a parent holding more). */
export async function renderInto(target: string, ir: IR, dir: string, clean = dir): Promise<Map<string, string>> {
  const files = await render(target, ir);
  await rm(clean, { recursive: true, force: true });
  await writeTree(dir, files);
  return files;
}

/** A temp directory for the file's scaffolds, made before its tests and removed after. */
export function useWorkDir(prefix: string): { readonly dir: string } {
  const work = { dir: "" };
  beforeAll(async () => {
    work.dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (work.dir) await rm(work.dir, { recursive: true, force: true });
  });
  return work;
}

/**
 * The toolchain, probed once up front: `probe` returns what is missing (with how to install it),
 * and every test that needs the toolchain fails with that message (the returned check).
 */
export function useToolchain(probe: () => Promise<string | undefined>): () => void {
  let problem: string | undefined;
  beforeAll(async () => {
    problem = await probe();
    if (problem) console.error(problem);
  });
  return () => {
    if (problem) throw new Error(problem);
  };
}

export interface RealSpec {
  /** The IR of spec/, unless spec/ does not validate (yet). */
  ir?: IR;
  /** Why there is no IR. */
  problem: string;
}

/** The real spec (spec/formation.yaml + spec/server.yaml), loaded once before the file's tests. */
export function useRealSpec(lang: string): RealSpec {
  const real: RealSpec = { problem: "" };
  beforeAll(async () => {
    try {
      real.ir = await specToIR(defaultPaths(ROOT).specs.map((p) => resolve(ROOT, p)));
    } catch (err) {
      real.problem = err instanceof SpecError ? `spec/ does not validate yet (${err.diagnostics.length} problem(s), first: ${err.diagnostics[0]?.message})` : String(err);
      console.warn(`${lang} scaffold: real-spec checks skipped: ${real.problem}`);
    }
  });
  return real;
}

/** The real-spec IR; without one the test is skipped (`what` names it in the warning) rather than failed. */
export function realIROrSkip(ctx: TestContext, real: RealSpec, what: string): IR {
  if (!real.ir) {
    console.warn(`SKIPPED ${what}: ${real.problem}`);
    ctx.skip(real.problem);
  }
  return real.ir;
}
