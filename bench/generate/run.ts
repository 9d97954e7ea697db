// bench/generate: time and peak memory of full TypeScript generation (split by stage) for the MUXI
// spec and the GitHub REST spec, next to openapi-typescript's types-only run on the same specs,
// measured in the same run. Each measurement is a fresh process; the median of N runs is printed.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseDocument, type Document } from "yaml";

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

function measure(tool: string, specs: string[], cache: boolean): Result {
  const tsx = join(ROOT, "node_modules/.bin/tsx");
  const env = { ...process.env, MUXI_SDKGEN_CACHE: cache ? "1" : "0" };
  const out = execFileSync(tsx, [join(import.meta.dirname, "measure.ts"), tool, ...specs], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26, env });
  return JSON.parse(out.trim().split("\n").pop() as string) as Result;
}

const STAMP = Date.now().toString(36);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function medianRun(runs: Result[]): Result {
  const pick = runs.find((r) => r.total === median(runs.map((x) => x.total))) as Result;
  return { ...pick, maxRssMb: median(runs.map((r) => r.maxRssMb)) };
}

function series(tool: string, specs: string[], cache = false): Result {
  if (cache) measure(tool, specs, true); // prime the cache
  return medianRun(Array.from({ length: RUNS }, () => measure(tool, specs, cache)));
}

/**
 * Regenerating after an API change: on a copy of spec/ with the cache primed by one run, each run
 * first makes `edit` to one schema of the formation spec, with a token new to the cache (which
 * outlives this process: a fixed edit would be found there from the last time).
 */
function afterEdit(edit: (schema: string[], doc: Document, token: string) => void): Result {
  const dir = join(mkdtempSync(join(tmpdir(), "muxi-bench-")), "spec");
  try {
    cpSync(join(ROOT, "spec"), dir, { recursive: true });
    const specs = MUXI.map((p) => join(dir, p.slice(join(ROOT, "spec").length)));
    const file = join(dir, "formation/schemas/a2a.yaml");
    const schema = ["A2ARetryPolicy"];
    measure("muxi-sdkgen", specs, true);
    return medianRun(
      Array.from({ length: RUNS }, (_, run) => {
        const doc = parseDocument(readFileSync(file, "utf8"));
        if (!doc.hasIn(schema)) throw new Error(`bench/generate: ${file} has no ${schema.join(".")} to edit`);
        edit(schema, doc, `${STAMP}${run}`);
        writeFileSync(file, doc.toString());
        return measure("muxi-sdkgen", specs, true);
      }),
    );
  } finally {
    rmSync(dirname(dir), { recursive: true, force: true });
  }
}

// "cold": the cache off (openapi-typescript and the wire-type layout run on every spec); "warm":
// regenerating an unchanged spec, the cache primed by one run before; "after a … edit": regenerating
// after a change to one schema (a description: the docs change; a new field: the shape changes too).
const muxiPeer = series("openapi-typescript", MUXI);
const githubPeer = series("openapi-typescript", [GITHUB]);
const muxiFormattedPeer = series("openapi-typescript+prettier", MUXI);
const rows: [string, Result, Result][] = [
  ["MUXI (formation + server), cold", series("muxi-sdkgen", MUXI), muxiPeer],
  ["MUXI (formation + server), warm", series("muxi-sdkgen", MUXI, true), muxiPeer],
  ["MUXI, after a description edit", afterEdit((at, doc, token) => doc.setIn([...at, "description"], `Retry policy for outbound calls (edit ${token}).`)), muxiPeer],
  [
    "MUXI, after a field added",
    afterEdit((at, doc, token) => doc.setIn([...at, "properties", `jitter_${token}`], { type: "number", description: "Random share of each delay." })),
    muxiPeer,
  ],
  ["GitHub REST (api.github.com), cold", series("muxi-sdkgen", [GITHUB]), githubPeer],
  ["GitHub REST (api.github.com), warm", series("muxi-sdkgen", [GITHUB], true), githubPeer],
];

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
console.log(`bench/generate — median of ${RUNS} fresh-process runs each, ${new Date().toISOString().slice(0, 10)}, node ${process.version}\n`);
console.log("| spec | muxi-sdkgen full TS | openapi-typescript types only | ratio | muxi peak RSS | o-ts peak RSS |");
console.log("|---|---|---|---|---|---|");
for (const [name, ours, peer] of rows) {
  console.log(`| ${name} | ${s(ours.total)} | ${s(peer.total)} | ${(ours.total / peer.total).toFixed(2)}× | ${ours.maxRssMb.toFixed(0)} MB | ${peer.maxRssMb.toFixed(0)} MB |`);
}
const [, muxiCold] = rows[0];
console.log(
  `\nNot the peer the issue names, for scale: openapi-typescript with its output then formatted by prettier (the layout ours has), MUXI: ` +
    `${s(muxiFormattedPeer.total)}; muxi-sdkgen cold / that = ${(muxiCold.total / muxiFormattedPeer.total).toFixed(2)}×`,
);
for (const [name, ours] of rows) {
  console.log(`\n${name}: muxi-sdkgen by stage (${ours.files} files, ${(ours.bytes / 1024).toFixed(0)} KiB)`);
  for (const [stage, ms] of Object.entries(ours.timings)) console.log(`  ${stage.padEnd(20)} ${ms.toFixed(0).padStart(7)} ms`);
}
