// Command line: generate, check, lint, mock, release.
import { formatDiagnostic, SpecError } from "../diagnostics/diagnostic.js";
import { check, defaultPaths, generate, specToIR, TARGETS, type Timings } from "../pipeline/pipeline.js";
import { lint } from "./lint.js";

const USAGE = `usage: muxi-sdkgen <command> [options]

commands:
  help                         this text (also --help, -h)
  generate [--target <name>]   regenerate generated/ (all targets, or one: ${TARGETS.join(", ")})
  check [--target <name>]      exit 1 and list stale files when generated/ is not what spec/, overrides/ and templates/ give
  lint                         validate the spec: project rules + Redocly
  mock [--port <n>]            serve the spec-driven mock server on 127.0.0.1
  release [--dry-run]          regenerate + check, build, test, pack, publint, attw, then npm publish @muxi/sdk

options:
  --spec <a.yaml,b.yaml>       spec entry files (default spec/formation.yaml,spec/server.yaml)
  --verbose                    per-stage timings`;

interface Args {
  command?: string;
  target?: string;
  spec?: string[];
  verbose: boolean;
  port?: number;
  dryRun: boolean;
}

function parse(argv: string[]): Args {
  const args: Args = { verbose: false, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--verbose" || a === "-v") args.verbose = true;
    else if (a === "--help" || a === "-h") args.command = "help";
    else if (a === "--target") args.target = argv[++i];
    else if (a === "--spec") args.spec = (argv[++i] ?? "").split(",").filter(Boolean);
    else if (a === "--port") args.port = Number(argv[++i]);
    else if (a === "--dry-run") args.dryRun = true;
    else if (!args.command && !a.startsWith("-")) args.command = a;
    else throw new UsageError(`unknown argument "${a}"`);
  }
  return args;
}

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  const timings: Timings = {};
  try {
    const args = parse(argv);
    const paths = defaultPaths();
    if (args.spec) paths.specs = args.spec;
    if (args.target && !TARGETS.includes(args.target)) throw new UsageError(`unknown target "${args.target}" (known: ${TARGETS.join(", ")})`);
    const targets = args.target ? [args.target] : TARGETS;
    switch (args.command) {
      case "generate": {
        const ir = await specToIR(paths.specs, { conventions: true }, timings);
        const count = await generate(targets, ir, paths, timings);
        report(`generated ${count} files for ${targets.join(", ")}`, started, timings, args.verbose);
        return 0;
      }
      case "check": {
        const ir = await specToIR(paths.specs, { conventions: true }, timings);
        const stale = await check(targets, ir, paths, timings);
        if (stale.length) {
          console.error(`generated/ is out of date (run \`muxi-sdkgen generate\`):\n${stale.map((s) => `  ${s}`).join("\n")}`);
          return 1;
        }
        report(`generated/ is in sync (${targets.join(", ")})`, started, timings, args.verbose);
        return 0;
      }
      case "lint":
        return await lint(paths.specs);
      case "mock": {
        const { serveMock } = await import("../../test/mock-server/serve.js");
        const ir = await specToIR(paths.specs, { conventions: true }, timings);
        const server = await serveMock(ir, { port: args.port ?? 0 });
        console.log(`mock server listening on ${server.url} (Ctrl-C to stop)`);
        return await new Promise<number>(() => undefined);
      }
      case "release": {
        const { release } = await import("./release.js");
        return await release({ dryRun: args.dryRun, paths });
      }
      case "help":
        console.log(USAGE);
        return 0;
      default:
        console.error(USAGE);
        return args.command ? 64 : 0;
    }
  } catch (err) {
    if (err instanceof SpecError) {
      for (const d of err.diagnostics) console.error(formatDiagnostic(d));
      console.error(`${err.diagnostics.length} problem(s); nothing was written`);
      return 2;
    }
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      return 64;
    }
    console.error(`muxi-sdkgen: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

function report(summary: string, started: number, timings: Timings, verbose: boolean): void {
  console.log(`${summary} in ${((performance.now() - started) / 1000).toFixed(2)}s`);
  if (verbose) for (const [stage, ms] of Object.entries(timings)) console.log(`  ${stage.padEnd(24)} ${ms.toFixed(1)} ms`);
}
