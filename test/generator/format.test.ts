// The format stage: prettier over the text files an emitter writes, by extension; files an emitter
// laid out itself (or copied as written) and files prettier has no parser for pass through as they are.
import { describe, expect, it } from "vitest";

process.env.MUXI_SDKGEN_CACHE = "0"; // every text through prettier (read when the cache module loads, below)
const { formatFiles, formatOptions } = await import("../../generator/format/format.js");

const FILES = new Map([
  ["src/a.ts", "export const a = {b: 1,\n  c: [1,2,3]}\n"],
  ["README.md", "# Title\n\n* one\n* two\n\n```ts\nconst x = {a:1}\n```\n"],
  ["package.json", '{"name":"x",\n"version":"1.0.0"}'],
  ["config.yaml", "a:   1\nb: [1,2]\n"],
  ["LICENSE", "not formatted  \n"],
]);

describe("format stage", () => {
  it("formats TypeScript, Markdown, JSON and YAML with prettier, sorted by path; leaves other files as they are", async () => {
    const out = await formatFiles(FILES);
    expect([...out.keys()]).toEqual([...FILES.keys()].sort());
    expect(out.get("src/a.ts")).toBe("export const a = { b: 1, c: [1, 2, 3] };\n");
    expect(out.get("README.md")).toBe("# Title\n\n- one\n- two\n\n```ts\nconst x = { a: 1 };\n```\n");
    expect(out.get("package.json")).toBe('{ "name": "x", "version": "1.0.0" }\n');
    expect(out.get("config.yaml")).toBe("a: 1\nb: [1, 2]\n");
    expect(out.get("LICENSE")).toBe("not formatted  \n");
  });

  it("passes files laid out elsewhere through untouched", async () => {
    const out = await formatFiles(FILES, new Set(["src/a.ts", "package.json"]));
    expect(out.get("src/a.ts")).toBe(FILES.get("src/a.ts"));
    expect(out.get("package.json")).toBe(FILES.get("package.json"));
    expect(out.get("README.md")).toMatch(/^- one$/m);
  });

  it("reports prettier's error for text it cannot parse", async () => {
    await expect(formatFiles(new Map([["broken.ts", "export const = ;"]]))).rejects.toThrow(/Unexpected token|expected/i);
  });

  it("knows the options of a file by its extension", () => {
    expect(formatOptions("a/b.ts")?.parser).toBe("typescript");
    expect(formatOptions("README.md")?.parser).toBe("markdown");
    expect(formatOptions("LICENSE")).toBeUndefined();
  });
});
