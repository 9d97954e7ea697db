// Shared by the package tests: where the package is, and a build that runs once when
// dist/ is missing or older than its inputs, even when several test files ask at once.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const ROOT = resolve(import.meta.dirname, "../..");
/** The package under test (MUXI_PACKAGE_DIR overrides it, e.g. to test a copy). */
export const PACKAGE_DIR = resolve(process.env.MUXI_PACKAGE_DIR ?? join(ROOT, "generated/typescript"));
export const DIST = join(PACKAGE_DIR, "dist");
export const DIST_FILES = ["index.js", "index.cjs", "index.d.ts", "index.d.cts", "formation.js", "formation.cjs", "server.js", "server.cjs"];
export const BUILD_TIMEOUT = 240_000;

const INPUTS = ["src", "package.json", "tsup.config.ts", "tsconfig.json"];

function newestInput(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestInput(join(path, name)));
  return newest;
}

/** True when every dist file exists and is newer than every input of the build. */
export function isBuilt(dir = PACKAGE_DIR): boolean {
  const outputs = DIST_FILES.map((f) => join(dir, "dist", f));
  if (!outputs.every((f) => existsSync(f))) return false;
  const oldestOutput = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return Math.max(...INPUTS.map((p) => newestInput(join(dir, p)))) <= oldestOutput;
}

/**
 * Runs the package's `build` script (`npm --prefix <dir> run build`, the root `build` script)
 * unless dist/ is up to date. A directory lock in the temp dir makes concurrent callers wait
 * for one build instead of racing on dist/.
 */
export async function ensureBuilt(dir = PACKAGE_DIR): Promise<void> {
  const lock = join(tmpdir(), `muxi-sdk-build-${createHash("sha256").update(dir).digest("hex").slice(0, 12)}.lock`);
  const deadline = Date.now() + BUILD_TIMEOUT;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch {
      // Another test process is building; a lock whose owner is gone is taken over.
      if (lockIsStale(lock)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lock}`);
      else await sleep(250);
    }
  }
  try {
    if (isBuilt(dir)) return;
    const r = spawnSync("npm", ["--prefix", dir, "run", "build"], { cwd: ROOT, encoding: "utf8", timeout: BUILD_TIMEOUT });
    if (r.status !== 0 || !isBuilt(dir)) {
      throw new Error(`npm --prefix ${dir} run build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A lock whose owner process is gone (or that never got its pid file) may be taken over. */
function lockIsStale(lock: string): boolean {
  let owner = 0;
  try {
    owner = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    // no pid file (yet)
  }
  if (!owner) {
    try {
      return Date.now() - statSync(lock).mtimeMs > 10_000;
    } catch {
      return false; // released meanwhile: just retry
    }
  }
  try {
    process.kill(owner, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Runs a command; throws with its output when it fails. */
export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: BUILD_TIMEOUT });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd} (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
