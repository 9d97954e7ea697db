// Build of @muxi/sdk: three entries (the clients, and the functions of each API), bundled to
// dist/ as ESM (.js + .d.ts) and CommonJS (.cjs + .d.cts). Code the entries share goes to shared
// chunks in both formats, so there is one MuxiError class whichever entry threw. The declaration
// build type-checks the sources and fails on any type error.
import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", formation: "src/formation.ts", server: "src/server.ts" },
  format: ["esm", "cjs"],
  dts: true,
  outDir: "dist",
  clean: true,
  // Universal code: no Node built-ins are bundled or assumed (Node-only paths use a dynamic import()).
  platform: "neutral",
  target: "es2022",
  splitting: true,
  sourcemap: false,
  minify: false,
  shims: false,
});
