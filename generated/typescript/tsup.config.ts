// Build of @muxi/sdk: one entry, bundled to dist/ as ESM (index.js + index.d.ts) and
// CommonJS (index.cjs + index.d.cts). The declaration build type-checks the sources
// and fails on any type error.
import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  outDir: "dist",
  clean: true,
  // Universal code: no Node built-ins are bundled or assumed (Node-only paths use a dynamic import()).
  platform: "neutral",
  target: "es2022",
  splitting: false,
  sourcemap: false,
  minify: false,
  shims: false,
});
