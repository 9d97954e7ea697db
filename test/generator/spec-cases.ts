// The hostile and broken specs the generator tests run over: test/fixtures/corpus, the hostile
// fixture and, where this machine has them, the shared OpenAPI edge cases.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(import.meta.dirname, "../..");
const EDGE = "/work/shared/fixtures/openapi-edge-cases";

export interface SpecCase {
  name: string;
  specs: string[];
  conventions: boolean;
}

export function specCases(): SpecCase[] {
  const list: SpecCase[] = [];
  const corpus = join(ROOT, "test/fixtures/corpus");
  for (const f of readdirNames(corpus)) list.push({ name: `corpus/${f}`, specs: [join(corpus, f)], conventions: false });
  list.push({ name: "hostile", specs: ["formation", "server"].map((s) => join(ROOT, `test/fixtures/hostile/${s}.yaml`)), conventions: true });
  if (existsSync(EDGE)) {
    for (const dir of [EDGE, join(EDGE, "invalid")]) {
      for (const f of readdirNames(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== "external-shared.json")) {
        list.push({ name: `edge/${relative(EDGE, join(dir, f))}`, specs: [join(dir, f)], conventions: false });
      }
    }
  }
  return list;
}

function readdirNames(dir: string): string[] {
  // Synchronous listing so the cases exist when vitest collects the tests.
  return readdirSync(dir)
    .filter((f) => !f.startsWith("."))
    .sort();
}
