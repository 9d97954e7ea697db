// Lays out the SDK the way the generator will: overrides/typescript/* next to a
// generated/ folder, here filled with hand-written stand-ins (test/runtime/.stubs/generated).
// Tests import the runtime from test/runtime/.sdk so that `../generated/version.js`
// and `./generated/*.js` resolve without creating overrides/typescript/generated/.
// Runs when imported (first import of every test file); writes are atomic
// (temp file + rename) and skipped when unchanged, so parallel workers are safe.

import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = join(here, "..", "..", "..");
export const OVERRIDES = join(REPO, "overrides", "typescript");
export const SDK_DIR = join(here, "..", ".sdk");
// Dot-folder: the stand-ins import ../runtime/*.js, which only resolves once assembled,
// so they are kept out of the repo-wide tsconfig include globs.
const STUBS = join(here, "..", ".stubs", "generated");
/** The generator's real output, when it has been generated. */
export const REAL_GENERATED = join(REPO, "generated", "typescript", "src", "generated");
export const REAL_SDK_DIR = join(here, "..", ".sdk-real");

function files(dir: string, skipGenerated = true): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      // overrides/typescript/package holds the npm package files, not sources.
      const skip = name === "node_modules" || (skipGenerated && (name === "generated" || name === "package"));
      if (!skip) out.push(...files(p, skipGenerated));
    } else if (name.endsWith(".ts")) out.push(p);
  }
  return out;
}

function put(target: string, content: string): void {
  try {
    if (readFileSync(target, "utf8") === content) return;
  } catch {
    // missing: write it
  }
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, target);
}

/** overrides + `generatedDir` laid out in `target` (as the generator lays out src/). */
export function assemble(target = SDK_DIR, generatedDir = STUBS): void {
  for (const f of files(OVERRIDES)) put(join(target, relative(OVERRIDES, f)), readFileSync(f, "utf8"));
  for (const f of files(generatedDir, false))
    put(join(target, "generated", relative(generatedDir, f)), readFileSync(f, "utf8"));
}

export function hasRealGenerated(): boolean {
  try {
    return statSync(join(REAL_GENERATED, "formation-client.ts")).isFile();
  } catch {
    return false;
  }
}

assemble();
