// The runtime must compile with only web globals: tsc over the assembled SDK
// (overrides + generated stand-ins) with `types: []` (no @types/node, so any
// unguarded process/Buffer/require use fails), strict, lib ES2022 + DOM;
// and the emitted declarations contain no `any`.

import {
  REAL_GENERATED,
  REAL_SDK_DIR,
  REPO,
  SDK_DIR,
  assemble,
  hasRealGenerated,
} from "./harness/assemble.js";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function typecheck(sdkDir: string): void {
  const dir = mkdtempSync(join(tmpdir(), "muxi-tsc-"));
  try {
    const config = join(dir, "tsconfig.json");
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          types: [],
          strict: true,
          declaration: true,
          emitDeclarationOnly: true,
          outDir: join(dir, "out"),
          skipLibCheck: true,
          isolatedModules: true,
          verbatimModuleSyntax: true,
          noImplicitOverride: true,
        },
        include: [join(sdkDir, "**/*.ts")],
      }),
    );
    let out = "";
    try {
      execFileSync(process.execPath, [join(REPO, "node_modules/typescript/bin/tsc"), "-p", config], {
        encoding: "utf8",
      });
    } catch (err) {
      out = String((err as { stdout?: string }).stdout ?? err);
    }
    expect(out).toBe("");
    // No `any` in the exported declarations (comments stripped first).
    const offenders: string[] = [];
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) {
          if (name !== "generated") walk(p);
        } else if (name.endsWith(".d.ts")) {
          const code = readFileSync(p, "utf8")
            .replace(/\/\*[\s\S]*?\*\//g, "")
            .replace(/\/\/.*$/gm, "");
          if (/\bany\b/.test(code)) offenders.push(p);
        }
      }
    };
    walk(join(dir, "out"));
    expect(offenders).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("typecheck", () => {
  it(
    "compiles without Node types (web globals only), with the generated stand-ins",
    () => typecheck(SDK_DIR),
    120_000,
  );

  it.skipIf(!hasRealGenerated())(
    "compiles against the generator's real output",
    () => {
      assemble(REAL_SDK_DIR, REAL_GENERATED);
      typecheck(REAL_SDK_DIR);
    },
    120_000,
  );
});
