#!/usr/bin/env node
// The muxi-sdkgen command. The generator is TypeScript, run through tsx's loader. Its heavy
// dependencies load first, when the command needs them: through tsx's hooks they load ~0.5 s slower.
import { register } from "tsx/esm/api";

if (process.argv.slice(2).some((a) => ["generate", "check", "release"].includes(a))) {
  await Promise.all(["typescript", "openapi-typescript", "prettier"].map((m) => import(m)));
}
register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
