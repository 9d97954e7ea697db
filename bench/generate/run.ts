// bench/generate: time and peak memory of full TypeScript generation (split by stage) for the MUXI
// spec and the GitHub REST spec, next to openapi-typescript's types-only run on the same specs,
// measured in the same run. Each measurement is a fresh process; the median of N runs is printed.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "../..");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GITHUB = join(ROOT, "node_modules/@octokit/openapi/generated/api.github.com.json");
const MUXI = [join(ROOT, "spec/formation.yaml"), join(ROOT, "spec/server.yaml")];

interface Result {
  tool: string;
  total: number;
  timings: Record<string, number>;
  files: number;
  bytes: number;
  maxRssMb: number;
}

function measure(tool: string, specs: string[]): Result {
  const tsx = join(ROOT, "node_modules/.bin/tsx");
  const out = execFileSync(tsx, [join(import.meta.dirname, "measure.ts"), tool, ...specs], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split("\n").pop() as string) as Result;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function series(tool: string, specs: string[]): Result {
  const runs = Array.from({ length: RUNS }, () => measure(tool, specs));
  const pick = runs.find((r) => r.total === median(runs.map((x) => x.total))) as Result;
  return { ...pick, maxRssMb: median(runs.map((r) => r.maxRssMb)) };
}

const rows: [string, Result, Result][] = [
  ["MUXI (formation + server)", series("muxi-sdkgen", MUXI), series("openapi-typescript", MUXI)],
  ["GitHub REST (api.github.com)", series("muxi-sdkgen", [GITHUB]), series("openapi-typescript", [GITHUB])],
];

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
console.log(`bench/generate — median of ${RUNS} fresh-process runs each, ${new Date().toISOString().slice(0, 10)}, node ${process.version}\n`);
console.log("| spec | muxi-sdkgen full TS | openapi-typescript types only | ratio | muxi peak RSS | o-ts peak RSS |");
console.log("|---|---|---|---|---|---|");
for (const [name, ours, peer] of rows) {
  console.log(`| ${name} | ${s(ours.total)} | ${s(peer.total)} | ${(ours.total / peer.total).toFixed(2)}× | ${ours.maxRssMb.toFixed(0)} MB | ${peer.maxRssMb.toFixed(0)} MB |`);
}
for (const [name, ours] of rows) {
  console.log(`\n${name}: muxi-sdkgen by stage (${ours.files} files, ${(ours.bytes / 1024).toFixed(0)} KiB)`);
  for (const [stage, ms] of Object.entries(ours.timings)) console.log(`  ${stage.padEnd(20)} ${ms.toFixed(0).padStart(7)} ms`);
}
