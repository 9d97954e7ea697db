// The operation tables are checked against openapi-typescript's `paths` at compile time
// (runtime/wire-check.ts): a parameter whose wire name or place its operation does not declare, or a
// route the spec does not have, fails tsc. On a copy of the generated SDK's sources, mutated.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { typeErrors } from "./type-errors.js";

const ROOT = join(import.meta.dirname, "../..");
let methods: string;
let original: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "muxi-wire-checks-"));
  await cp(join(ROOT, "generated/typescript/src"), join(dir, "src"), { recursive: true });
  methods = join(dir, "src/generated/formation-methods.ts");
  original = await readFile(methods, "utf8");
});

async function errorsAfter(from: string, to: string): Promise<string[]> {
  expect(original).toContain(from);
  await writeFile(methods, original.replace(from, to));
  try {
    return typeErrors(methods);
  } finally {
    await writeFile(methods, original);
  }
}

describe("operation tables against the wire types", () => {
  it("compile as generated", () => {
    expect(original).toMatch(/export type WireChecks = \[\s*WireChecked<WirePaths, typeof op_health>/);
    expect(typeErrors(methods)).toEqual([]);
  }, 30_000);

  it.each([
    ["a query parameter's wire name", '{ name: "activeOnly", wire: "active_only", in: "query"', '{ name: "activeOnly", wire: "activeOnly", in: "query"'],
    ["a body field's wire name", '{ name: "bodyUserId", wire: "user_id", in: "body" }', '{ name: "bodyUserId", wire: "userId", in: "body" }'],
    ["a header's name", 'wire: "X-Distillery-ID", in: "header"', 'wire: "X-Distillery-Id", in: "header"'],
    ["a parameter's place", '{ name: "activeOnly", wire: "active_only", in: "query"', '{ name: "activeOnly", wire: "active_only", in: "header"'],
    ["a route", 'path: "/health"', 'path: "/healthz"'],
    ["a method", 'id: "health",\n  method: "GET"', 'id: "health",\n  method: "POST"'],
  ])(
    "fail to compile with %s changed",
    async (_what, from, to) => {
      const errors = await errorsAfter(from, to);
      expect(errors.length).toBeGreaterThan(0);
      expect(
        errors.every((e) => /^formation-methods\.ts:\d+ TS2344 Type '\{ readonly id: "\w+"/.test(e)),
        errors.join("\n"),
      ).toBe(true);
    },
    30_000,
  );
});
