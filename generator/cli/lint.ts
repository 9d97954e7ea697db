// `muxi-sdkgen lint`: the project's rules (validate stage) plus Redocly, both as file:line:col lines.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { formatDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { loadSpecSet } from "../load/spec-set.js";
import { validate } from "../validate/validate.js";

export async function lint(specs: string[]): Promise<number> {
  const { spec, diagnostics } = await loadSpecSet(specs);
  const ours: Diagnostic[] = [...diagnostics, ...(diagnostics.length ? [] : validate(spec, { conventions: true }))];
  for (const d of ours) console.log(formatDiagnostic(d));
  const redocly = await runRedocly(specs);
  for (const line of redocly.lines) console.log(line);
  const errors = ours.filter((d) => d.severity === "error").length + redocly.errors;
  const warnings = ours.filter((d) => d.severity === "warning").length + redocly.warnings;
  console.log(`${errors} error(s), ${warnings} warning(s) in ${specs.join(", ")}`);
  return errors > 0 ? 1 : 0;
}

interface RedoclyProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { source: { ref: string }; start?: { line: number; col: number } }[];
}

async function runRedocly(specs: string[]): Promise<{ lines: string[]; errors: number; warnings: number }> {
  const results = await Promise.all(specs.map(runRedoclyOn));
  return {
    lines: results.flatMap((r) => r.lines),
    errors: results.reduce((n, r) => n + r.errors, 0),
    warnings: results.reduce((n, r) => n + r.warnings, 0),
  };
}

/** One file per run: with several files Redocly prints one JSON report each, back to back. */
async function runRedoclyOn(spec: string): Promise<{ lines: string[]; errors: number; warnings: number }> {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve("@redocly/cli/package.json")), "bin/cli.js");
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "lint", "--format=json", spec], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", () => undefined);
    child.on("error", reject);
    child.on("close", () => resolve(out));
  });
  const start = output.indexOf("{");
  const parsed = JSON.parse(start >= 0 ? output.slice(start) : '{"problems":[]}') as { problems: RedoclyProblem[] };
  const lines = parsed.problems.map((p) => {
    const loc = p.location[0];
    const file = loc ? relative(process.cwd(), loc.source.ref) : "?";
    const at = loc?.start ? `${file}:${loc.start.line}:${loc.start.col}` : file;
    return `${at}  ${p.severity === "warn" ? "warning: " : ""}${p.message} (redocly ${p.ruleId})`;
  });
  const errors = parsed.problems.filter((p) => p.severity === "error").length;
  return { lines, errors, warnings: parsed.problems.length - errors };
}
