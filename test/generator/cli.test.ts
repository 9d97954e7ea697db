// The muxi-sdkgen command as a user runs it: exit codes, usage, located spec errors, nothing written.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "generator/cli/bin.mjs");

function cli(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, MUXI_SDKGEN_CACHE: "0" } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("muxi-sdkgen", () => {
  it("prints its usage for --help and exits 0", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: muxi-sdkgen <command>/);
    expect(r.stdout).toContain("generate [--target <name>]");
  });

  it("refuses an unknown command or argument with its usage and exit code 64", async () => {
    for (const args of [["deploy"], ["generate", "--frobnicate"], ["generate", "--target", "cobol"]]) {
      const r = await cli(args);
      expect(r.code, args.join(" ")).toBe(64);
      expect(r.stderr).toContain("usage: muxi-sdkgen");
    }
  });

  it("reports a broken spec as file:line:col lines, exits 2 and writes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "muxi-cli-"));
    await cp(join(ROOT, "test/fixtures/mini"), join(dir, "spec"), { recursive: true });
    const spec = join(dir, "spec/formation.yaml");
    const text = await readFile(spec, "utf8");
    await writeFile(spec, text.replace("operationId: chat\n", "operationId: restoreSession\n"));
    const line = text.slice(0, text.indexOf("operationId: chat\n")).split("\n").length;
    const r = await cli(["generate", "--target", "typescript"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^spec/formation\\.yaml:${line}:\\d+ +operationId "restoreSession" is already used`, "m"));
    expect(r.stderr).toContain("nothing was written");
    expect(await readdir(dir)).toEqual(["spec"]);
  });
});
