// Overrides are copied into the package as written (the format stage does not touch them), so they
// are kept in the format stage's prettier format here: a change that is not fails with its path.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { formatOptions } from "../../generator/format/format.js";

const DIR = join(import.meta.dirname, "../../overrides/typescript");
const files = readdirSync(DIR, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(DIR, join(e.parentPath, e.name)))
  .sort();

describe("overrides/typescript", () => {
  it("has files of every kind the package copies", () => {
    expect(files.filter((f) => f.endsWith(".ts")).length).toBeGreaterThan(20);
    expect(files).toContain("package/README.md");
    expect(files).toContain("package/package.json");
  });

  it.each(files.filter((f) => formatOptions(f)))("%s is in prettier's format (fix: npx prettier --write with the format stage's options)", async (file) => {
    const text = readFileSync(join(DIR, file), "utf8");
    expect(text).toBe(await format(text, formatOptions(file)));
  });
});
