// Lays out the SDK the way the generator will: overrides/typescript/* next to a
// generated/ folder, here filled with hand-written stand-ins (test/runtime/stubs/generated).
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
const STUBS = join(here, "..", "stubs", "generated");

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== "generated" && name !== "node_modules") out.push(...files(p));
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

export function assemble(): void {
  for (const f of files(OVERRIDES)) put(join(SDK_DIR, relative(OVERRIDES, f)), readFileSync(f, "utf8"));
  for (const f of files(STUBS)) put(join(SDK_DIR, "generated", relative(STUBS, f)), readFileSync(f, "utf8"));
}

assemble();
