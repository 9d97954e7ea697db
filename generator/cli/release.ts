// `muxi-sdkgen release [--dry-run]`: publishes @muxi/sdk from generated/typescript.
//
//   1. preflight   version and CHANGELOG entry; for a real release a clean tree and `repository`
//   2. regenerate  generate --target typescript, then check that generated/typescript is in sync
//   3. build       npm --prefix generated/typescript run build
//   4. test        vitest run test/package (install from the tarball, browser, edge)
//   5. pack        npm pack into a temp dir; the file list is printed
//   6. publint     publint run --strict <tarball>
//   7. attw        attw <tarball> (Are the Types Wrong?)
//   8. publish     npm publish --dry-run, or npm publish --provenance --access public
//
// Any failing step stops the release with exit code 1.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { check, generate, specToIR, type ProjectPaths } from "../pipeline/pipeline.js";

export interface ReleaseOptions {
  dryRun: boolean;
  paths: ProjectPaths;
}

class StepFailed extends Error {}

interface PackResult {
  filename: string;
  integrity: string;
  shasum: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string; size: number }>;
}

export async function release({ dryRun, paths }: ReleaseOptions): Promise<number> {
  const root = paths.root;
  const pkgDir = join(paths.generated, "typescript");
  const bin = (name: string): string => join(root, "node_modules/.bin", name);
  const sourcePkgPath = join(paths.overrides, "typescript/package/package.json");
  const pkg = JSON.parse(readFileSync(sourcePkgPath, "utf8")) as { name: string; version: string; repository?: unknown };
  const label = `${pkg.name}@${pkg.version}${dryRun ? " (dry run)" : ""}`;
  const work = mkdtempSync(join(tmpdir(), "muxi-sdk-release-"));
  const summary: Array<[string, string]> = [];
  let step = 0;

  const run = (cmd: string, args: string[], options: SpawnSyncOptions = {}): string => {
    console.log(`$ ${[relative(root, cmd) || cmd, ...args].join(" ")}`);
    const capture = options.stdio === "pipe";
    const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", stdio: "inherit", ...options });
    if (capture && r.stderr) process.stderr.write(r.stderr);
    if (r.error) throw new StepFailed(`${cmd}: ${r.error.message}`);
    if (r.status !== 0) throw new StepFailed(`${cmd} ${args.join(" ")} exited with ${r.status}${capture ? `\n${r.stdout}` : ""}`);
    return capture ? String(r.stdout) : "";
  };
  const section = async (name: string, body: () => Promise<string> | string): Promise<void> => {
    step++;
    console.log(`\n== ${step}. ${name}`);
    const started = performance.now();
    const result = await body();
    summary.push([name, `${result} (${((performance.now() - started) / 1000).toFixed(1)}s)`]);
  };

  console.log(`Releasing ${label}`);
  try {
    await section("preflight", () => {
      const changelog = readFileSync(join(paths.overrides, "typescript/package/CHANGELOG.md"), "utf8");
      if (!changelog.includes(`## [${pkg.version}]`)) {
        throw new StepFailed(`overrides/typescript/package/CHANGELOG.md has no "## [${pkg.version}]" entry`);
      }
      const problems: string[] = [];
      const dirty = spawnSync("git", ["status", "--porcelain", "--", "spec", "overrides", "templates", "generator", "generated/typescript"], {
        cwd: root,
        encoding: "utf8",
      });
      if (dirty.status === 0 && dirty.stdout.trim()) problems.push(`uncommitted changes:\n${dirty.stdout.trimEnd()}`);
      if (!pkg.repository) problems.push(`package.json has no "repository": npm publish --provenance needs it to match the GitHub repository`);
      if (problems.length && !dryRun) throw new StepFailed(problems.join("\n"));
      for (const p of problems) console.warn(`warning (dry run): ${p}`);
      return `version ${pkg.version}, CHANGELOG entry present${problems.length ? `, ${problems.length} warning(s)` : ""}`;
    });

    await section("regenerate + check", async () => {
      const count = await generate(["typescript"], await specToIR(paths.specs, { conventions: true }), paths);
      // A fresh IR for the check, as `muxi-sdkgen check` would build it: the render must not
      // depend on state left by the generate before it.
      const stale = await check(["typescript"], await specToIR(paths.specs, { conventions: true }), paths);
      if (stale.length) throw new StepFailed(`generated/typescript is not in sync after generate:\n  ${stale.join("\n  ")}`);
      return `${count} files, in sync`;
    });

    await section("build", () => {
      run("npm", ["--prefix", relative(root, pkgDir), "run", "build"]);
      const missing = ["index.js", "index.cjs", "index.d.ts", "index.d.cts"].filter((f) => !existsSync(join(pkgDir, "dist", f)));
      if (missing.length) throw new StepFailed(`dist/ lacks ${missing.join(", ")}`);
      return "dist/index.{js,cjs,d.ts,d.cts}";
    });

    await section("package tests", () => {
      run(bin("vitest"), ["run", "test/package"]);
      return "vitest run test/package passed";
    });

    let tarball = "";
    let packed: PackResult | undefined;
    await section("pack", () => {
      const out = run("npm", ["pack", "--json", "--pack-destination", work], { cwd: pkgDir, stdio: "pipe" });
      packed = (JSON.parse(out) as PackResult[])[0]!;
      tarball = join(work, packed.filename);
      for (const f of packed.files) console.log(`  ${String(f.size).padStart(8)}  ${f.path}`);
      console.log(`  ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.integrity}`);
      return `${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} kB packed`;
    });

    await section("publint --strict", () => {
      run(bin("publint"), ["run", "--strict", tarball]);
      return "no issues";
    });

    await section("attw", () => {
      // No @types lookup in the registry: the package ships its own types.
      run(bin("attw"), [tarball, "--no-definitely-typed", "--format", "table"]);
      return "no problems";
    });

    await section(dryRun ? "npm publish --dry-run" : "npm publish --provenance --access public", () => {
      // What publish sends must be the tarball that was just checked.
      const now = JSON.parse(run("npm", ["pack", "--dry-run", "--json"], { cwd: pkgDir, stdio: "pipe" })) as PackResult[];
      if (now[0]?.integrity !== packed?.integrity) throw new StepFailed("generated/typescript changed after it was packed and checked");
      if (dryRun) {
        run("npm", ["publish", "--dry-run"], { cwd: pkgDir });
        return `would publish ${pkg.name}@${pkg.version} (${packed!.integrity.slice(0, 22)}…)`;
      }
      run("npm", ["publish", "--provenance", "--access", "public"], { cwd: pkgDir });
      return `published ${pkg.name}@${pkg.version}`;
    });
  } catch (err) {
    console.error(`\nrelease of ${label} stopped at step ${step}: ${err instanceof Error ? err.message : String(err)}`);
    printSummary(summary);
    return 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  printSummary(summary);
  console.log(dryRun ? `\nDry run complete: nothing was published.` : `\nReleased ${pkg.name}@${pkg.version}.`);
  return 0;
}

function printSummary(summary: Array<[string, string]>): void {
  if (!summary.length) return;
  console.log("\nsummary:");
  const width = Math.max(...summary.map(([name]) => name.length));
  for (const [name, result] of summary) console.log(`  ✓ ${name.padEnd(width)}  ${result}`);
}
