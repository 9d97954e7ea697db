// The pipeline, stage by stage: load → validate → ir → emit → format → (write | compare).
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { SpecError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { formatFiles } from "../format/format.js";
import { buildIR } from "../ir/build.js";
import type { IR } from "../ir/types.js";
import { loadSpecSet } from "../load/spec-set.js";
import { validate, type ValidateOptions } from "../validate/validate.js";
import { sha256, readManifest } from "../write/manifest.js";
import { writeTarget } from "../write/write.js";
import { scaffoldTargets, emitScaffold } from "../emit/scaffolds/index.js";

export interface ProjectPaths {
  root: string;
  specs: string[];
  overrides: string;
  templates: string;
  generated: string;
}

export function defaultPaths(root = process.cwd()): ProjectPaths {
  return {
    root,
    specs: [join(root, "spec/formation.yaml"), join(root, "spec/server.yaml")].map((p) => relative(process.cwd(), p) || p),
    overrides: join(root, "overrides"),
    templates: join(root, "templates"),
    generated: join(root, "generated"),
  };
}

export type Timings = Record<string, number>;

/** load + validate + ir; throws SpecError (with every problem, located) when the spec is not usable. */
export async function specToIR(specs: string[], options: ValidateOptions = { conventions: true }, timings: Timings = {}): Promise<IR> {
  let t = performance.now();
  const { spec, diagnostics } = await loadSpecSet(specs);
  timings.load = performance.now() - t;
  t = performance.now();
  const problems: Diagnostic[] = [...diagnostics, ...(diagnostics.length ? [] : validate(spec, options))];
  timings.validate = performance.now() - t;
  const errors = problems.filter((d) => d.severity === "error");
  if (errors.length) throw new SpecError(errors);
  t = performance.now();
  const ir = buildIR(spec);
  timings.ir = performance.now() - t;
  return ir;
}

export const TARGETS = ["typescript", ...scaffoldTargets()];

/** Renders one target fully in memory: relative path → final text. */
export async function renderTarget(target: string, ir: IR, paths: ProjectPaths, timings: Timings = {}): Promise<Map<string, string>> {
  let t = performance.now();
  let files: Map<string, string>;
  let laidOut = new Set<string>();
  if (target === "typescript") {
    // Loaded here: openapi-typescript (and TypeScript with it) takes most of a second, which `lint` and `mock` need not spend.
    const { emitTypeScript } = await import("../emit/typescript/index.js");
    const overrides = await readTree(join(paths.overrides, "typescript"));
    const pkg = JSON.parse(overrides.get("package/package.json") ?? "{}") as { version?: string };
    files = await emitTypeScript({ ir, overrides, version: pkg.version ?? "0.0.0" });
    laidOut = new Set(files.keys()); // final as emitted: nothing for prettier to do
  } else {
    files = await emitScaffold(target, ir, join(paths.templates, target));
  }
  timings[`emit:${target}`] = performance.now() - t;
  t = performance.now();
  const formatted = await formatFiles(files, laidOut);
  timings[`format:${target}`] = performance.now() - t;
  return formatted;
}

export async function generate(targets: string[], ir: IR, paths: ProjectPaths, timings: Timings = {}): Promise<number> {
  // Render everything before writing anything: a failure leaves generated/ as it was.
  const rendered = new Map<string, Map<string, string>>();
  for (const target of targets) rendered.set(target, await renderTarget(target, ir, paths, timings));
  const t = performance.now();
  let count = 0;
  for (const [target, files] of rendered) count += (await writeTarget(join(paths.generated, target), files)).written;
  timings.write = performance.now() - t;
  return count;
}

/** Files of generated/ that differ from what the current inputs produce. */
export async function check(targets: string[], ir: IR, paths: ProjectPaths, timings: Timings = {}): Promise<string[]> {
  const stale: string[] = [];
  for (const target of targets) {
    const dir = join(paths.generated, target);
    const files = await renderTarget(target, ir, paths, timings);
    const manifest = await readManifest(dir);
    for (const [path, text] of files) {
      const onDisk = await readFile(join(dir, path), "utf8").catch(() => undefined);
      if (onDisk === undefined) stale.push(`${relative(process.cwd(), join(dir, path))} (missing)`);
      else if (sha256(onDisk) !== sha256(text)) stale.push(`${relative(process.cwd(), join(dir, path))} (differs)`);
    }
    for (const path of Object.keys(manifest?.files ?? {})) {
      if (!files.has(path)) stale.push(`${relative(process.cwd(), join(dir, path))} (no longer generated)`);
    }
    if (!manifest) stale.push(`${relative(process.cwd(), dir)} (no manifest)`);
  }
  return stale;
}

async function readTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out.set(relative(dir, full).split("\\").join("/"), await readFile(full, "utf8"));
    }
  };
  await walk(dir);
  return out;
}
