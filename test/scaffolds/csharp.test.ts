// The C# scaffold (generated/csharp): rendered in memory for the hostile fixture and the real spec,
// written to a temp dir and compiled with mono's mcs (C# 7.2, warnings as errors) — the library and
// its vector-test program, which mono then runs; then, against the spec-driven mock server, a small
// program makes a live chat stream and a signed ServerClient call, and another calls every SDK method.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import csharpProfile from "../../generator/emit/scaffolds/languages/csharp.js";
import { namer } from "../../generator/emit/scaffolds/view.js";
import type { IR, Operation, TypeRef } from "../../generator/ir/types.js";
import { defaultPaths, renderTarget, specToIR } from "../../generator/pipeline/pipeline.js";
import { uncalled } from "../mock-server/coverage.js";
import { serveMock, type MockServer } from "../mock-server/serve.js";
import { synthesise } from "../mock-server/synthesise.js";
import { modelMap } from "../mock-server/typeref-check.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const VECTORS = join(ROOT, "test/vectors");
const MCS = process.env.MCS ?? "mcs";
const MONO = process.env.MONO ?? "mono";
const HOSTILE = ["test/fixtures/hostile/formation.yaml", "test/fixtures/hostile/server.yaml"].map((p) => join(ROOT, p));
// The mock's own fixtures have chat + listFormations: the smoke test's fallback while spec/ does not validate.
const MOCK_FIXTURES = ["test/mock-server/fixtures/formation.yaml", "test/mock-server/fixtures/server.yaml"].map((p) => join(ROOT, p));
const MCS_FLAGS = ["-langversion:7.2", "-warnaserror+", "-nologo", "-r:System.Net.Http.dll"];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the mock server lives in this process, so a sync spawn would deadlock it. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}, timeout = 300_000): Promise<Run> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...env }, timeout, maxBuffer: 32 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as NodeJS.ErrnoException).code) : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) + (err && !stderr ? String(err.message) : "") });
    });
  });
}

const show = (r: Run): string => `exit ${r.code}\n--- stdout\n${r.stdout.slice(-6000)}\n--- stderr\n${r.stderr.slice(-6000)}`;

async function writeTree(dir: string, files: Map<string, string>): Promise<void> {
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

let toolchainProblem: string | undefined;
let realIR: IR | undefined;
let realProblem = "";
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "muxi-csharp-"));
  // The probe compiles a line that needs System.Net.Http, which mono-mcs alone does not bring.
  await writeFile(join(work, "probe.cs"), "class P { static void Main() { new System.Net.Http.HttpClient().Dispose(); } }\n");
  const probe = await run(MCS, [...MCS_FLAGS, "-out:probe.exe", "probe.cs"], work);
  const mono = await run(MONO, ["--version"], work);
  if (probe.code !== 0 || mono.code !== 0) {
    toolchainProblem =
      "mono's C# compiler and runtime with System.Net.Http are required for the csharp scaffold tests " +
      `(apt-get install -y mono-mcs mono-runtime libmono-system-net-http4.0-cil): ${(probe.stderr + probe.stdout + mono.stderr).trim()}`;
    console.error(toolchainProblem);
  }
  try {
    realIR = await specToIR(defaultPaths(ROOT).specs.map((p) => resolve(ROOT, p)));
  } catch (err) {
    realProblem = err instanceof SpecError ? `spec/ does not validate yet (${err.diagnostics.length} problem(s), first: ${err.diagnostics[0]?.message})` : String(err);
    console.warn(`csharp scaffold: real-spec checks skipped: ${realProblem}`);
  }
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function needToolchain(): void {
  if (toolchainProblem) throw new Error(toolchainProblem);
}

/** Renders the scaffold for `ir` into work/<name>/sdk, compiles Muxi.dll and runs the vector tests. */
async function buildAndTest(name: string, ir: IR): Promise<{ dir: string; files: Map<string, string> }> {
  const files = await renderTarget("csharp", ir, defaultPaths(ROOT));
  const dir = join(work, name, "sdk");
  await rm(join(work, name), { recursive: true, force: true });
  await writeTree(dir, files);
  const sources = (await readdir(join(dir, "src"))).filter((f) => f.endsWith(".cs")).map((f) => `src/${f}`);
  const lib = await run(MCS, [...MCS_FLAGS, "-target:library", "-out:Muxi.dll", ...sources], dir);
  expect(lib.code, show(lib)).toBe(0);
  const tests = await run(MCS, [...MCS_FLAGS, "-target:exe", "-out:tests.exe", ...sources, "tests/VectorTests.cs"], dir);
  expect(tests.code, show(tests)).toBe(0);
  const vectors = await run(MONO, ["tests.exe"], dir, { MUXI_VECTORS_DIR: VECTORS });
  expect(vectors.code, show(vectors)).toBe(0);
  expect(vectors.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  return { dir, files };
}

/** Compiles one program against Muxi.dll (copied next to it so mono finds it). */
async function program(dir: string, name: string, source: string): Promise<string> {
  await writeFile(join(dir, `${name}.cs`), source);
  // Deprecated methods are called on purpose (every method once).
  const r = await run(MCS, [...MCS_FLAGS, "-nowarn:618", "-target:exe", "-r:Muxi.dll", `-out:${name}.exe`, `${name}.cs`], dir);
  expect(r.code, show(r)).toBe(0);
  return `${name}.exe`;
}

const csStr = (s: string): string => csharpProfile.string(s);

describe("csharp scaffold", () => {
  it("hostile fixture: compiles warning-free with mcs and passes the vector tests", async () => {
    needToolchain();
    const { files } = await buildAndTest("hostile", await specToIR(HOSTILE));
    const models = files.get("src/Models.cs") ?? "";
    // Keywords become verbatim identifiers, a member named like its class is renamed, wire names stay exact.
    expect(models).toContain("public string Class_ { get; set; }");
    expect(models).toContain('Json.Put(o__, "weird-name with spaces", this.WeirdNameWithSpaces);');
    expect(models).toContain('Json.Put(o__, "\\u00fcn\\u00efc\\u00f6d\\u00e9", this.Unicode);');
    expect(models).toContain('public static readonly End End_ = new End("end");');
    expect(models).toContain("public sealed class ObjectModel : IJsonModel");
    expect(files.get("src/FormationClient.cs")).toContain("public async Task<Class> DeleteAsync(string @class, long @for, bool? @default = null");
    expect(files.get("src/ServerClient.cs")).toContain("public Task<string> SwitchAsync(string @case, RequestOptions options = null)");
    for (const [path, text] of files) if (path.endsWith(".cs")) expect(text.startsWith("// Generated by muxi-sdkgen"), path).toBe(true);
    expect(files.get("Muxi.csproj")).toContain("<TargetFramework>netstandard2.0</TargetFramework>");
  }, 300_000);

  describe("real spec (or the mock's fixtures) against the mock server", () => {
    let mock: MockServer;
    let ir: IR;
    let built: { dir: string; files: Map<string, string> } | undefined;

    beforeAll(async () => {
      ir = realIR ?? (await specToIR(MOCK_FIXTURES));
      mock = await serveMock(ir, { port: 0 });
    });

    afterAll(async () => {
      await mock?.close();
    });

    async function sdk(): Promise<{ dir: string; files: Map<string, string> }> {
      built ??= await buildAndTest("real", ir);
      return built;
    }

    it("compiles warning-free, passes the vector tests and has every SDK method; the README example compiles", async (ctx) => {
      needToolchain();
      const { dir, files } = await sdk();
      if (!realIR) {
        console.warn(`SKIPPED csharp real-spec checks (built the mock fixtures instead): ${realProblem}`);
        ctx.skip(realProblem);
        return;
      }
      const name = namer(csharpProfile);
      const source = (files.get("src/FormationClient.cs") ?? "") + (files.get("src/ServerClient.cs") ?? "");
      const missing = realIR.services.flatMap((s) =>
        s.operations.flatMap((o) => o.methods.map((m) => ` ${name(m.name, "method")}${m.kind === "stream" ? "" : "Async"}(`).filter((sig) => !source.includes(sig))),
      );
      expect(missing).toEqual([]);

      const example = /```csharp\n([\s\S]*?)```/.exec(files.get("README.md") ?? "")?.[1];
      expect(example, "README has no csharp example").toBeDefined();
      await writeFile(join(dir, "readme.cs"), example as string);
      const compiled = await run(MCS, [...MCS_FLAGS, "-target:library", "-r:Muxi.dll", "-out:readme.dll", "readme.cs"], dir);
      expect(compiled.code, show(compiled)).toBe(0);
    }, 300_000);

    it("streams a chat (live mode, client key) and makes a signed listFormations call", async () => {
      needToolchain();
      const { dir } = await sdk();
      const exe = await program(
        dir,
        "smoke",
        `using System;
using System.Collections.Generic;
using System.Text;
using Muxi;

static class Smoke
{
    static int Main(string[] args)
    {
        var url = args[0];
        var client = new FormationClient(new FormationClientOptions { ServerUrl = url, FormationId = "smoke-bot", ClientKey = "fmc_test" });
        var text = new StringBuilder();
        var types = new List<object>();
        foreach (var ev in client.ChatStream(message: "Hello!", options: new RequestOptions { UserId = "user_123" }))
        {
            types.Add(ev.Type);
            if (ev.Type == "text") text.Append(ev.Text);
        }
        var server = new ServerClient(new ServerClientOptions { Url = url, KeyId = "muxi_pk_test", SecretKey = "muxi_sk_test" });
        var formations = server.ListFormationsAsync().GetAwaiter().GetResult();
        Console.WriteLine(Json.Stringify(new Dictionary<string, object> { { "text", text.ToString() }, { "types", types }, { "formations", formations } }));
        return 0;
    }
}
`,
      );
      mock.requests.length = 0;
      const r = await run(MONO, [exe, mock.url], dir, {}, 60_000);
      expect(r.code, show(r)).toBe(0);
      const out = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as { text: string; types: string[]; formations: unknown };
      expect(out.text).toBe("Hello world");
      expect(out.types).toContain("completed");
      expect(out.types[out.types.length - 1]).toBe("done");
      expect(out.formations).toBeTruthy();

      expect(mock.requests.filter((q) => q.rejected).map((q) => `${q.method} ${q.url}: ${q.rejected}`)).toEqual([]);
      const chat = mock.requests.find((q) => q.operation === "chat");
      expect(chat, "the mock saw no chat request").toBeDefined();
      expect(chat).toMatchObject({ mode: "live", formationId: "smoke-bot", stream: true, status: 200 });
      expect(chat?.headers["x-muxi-client-key"]).toBe("fmc_test");
      expect(chat?.headers["x-muxi-user-id"]).toBe("user_123");
      expect(chat?.headers["x-muxi-sdk"]).toMatch(/^csharp\/\d/);
      expect(chat?.headers["x-muxi-idempotency-key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const signed = mock.requests.find((q) => q.operation === "listFormations");
      expect(signed, "the mock saw no listFormations request").toBeDefined();
      expect(signed?.headers.authorization).toMatch(/^MUXI-HMAC key=muxi_pk_test, timestamp=\d{10}, signature=[A-Za-z0-9+/]{43}=$/);
    }, 300_000);

    it("calls every SDK method once; the mock accepts every request", async () => {
      needToolchain();
      const { dir } = await sdk();
      const name = namer(csharpProfile);
      const models = modelMap(ir.models);
      const helpers = csharpProfile.helpers?.(ir) ?? {};
      // A C# expression of the parameter's type, decoded from synthesised wire JSON by the SDK's own codec.
      const value = (t: TypeRef, v: unknown): string => String(helpers.decode(t, `Json.Parse(${csStr(JSON.stringify(v))})`, true));
      const blocks = ir.services.flatMap((s) =>
        s.operations.flatMap((o: Operation) =>
          o.methods.map((m) => {
            const recv = s.name === "formation" ? "fc" : "sc";
            const args = o.params
              .filter((p) => p.fixed === undefined)
              .map((p) => `${name(p.name, "param")}: ${p.whole && o.body?.kind !== "json" ? "new byte[] { 0x1f, 0x8b, 0x08, 0x00 }" : value(p.type, synthesise(p.type, models))}`);
            args.push("options: o");
            const label = csStr(`${s.client}.${name(m.name, "method")}`);
            const body =
              m.kind === "stream"
                ? `foreach (var ev in ${recv}.${name(m.name, "method")}(${args.join(", ")})) break; /* follow streams stay open: one event is enough */`
                : `${recv}.${name(m.name, "method")}Async(${args.join(", ")}).GetAwaiter().GetResult();`;
            return `        try { ${body} } catch (Exception e) { failures.Add(${label} + ": " + e.Message); }`;
          }),
        ),
      );
      const exe = await program(
        dir,
        "every",
        `using System;
using System.Collections.Generic;
using Muxi;

static class Every
{
    static int Main(string[] args)
    {
        var url = args[0];
        var fc = new FormationClient(new FormationClientOptions { ServerUrl = url, FormationId = "smoke-bot", ClientKey = "fmc_test", AdminKey = "fma_test" });
        var sc = new ServerClient(new ServerClientOptions { Url = url, KeyId = "muxi_pk_test", SecretKey = "muxi_sk_test" });
        var o = new RequestOptions { UserId = "user_123" };
        var failures = new List<object>();
${blocks.join("\n")}
        Console.WriteLine(Json.Stringify(failures));
        return 0;
    }
}
`,
      );
      mock.requests.length = 0;
      const r = await run(MONO, [exe, mock.url], dir, {}, 120_000);
      expect(r.code, show(r)).toBe(0);
      expect(JSON.parse(r.stdout.trim().split("\n").pop() ?? "[]")).toEqual([]);
      expect(mock.requests.filter((q) => q.rejected).map((q) => `${q.method} ${q.url}: ${q.rejected}`)).toEqual([]);
      expect(uncalled(ir, mock.requests)).toEqual([]);
      expect(mock.requests.length).toBeGreaterThanOrEqual(blocks.length);
    }, 300_000);
  });
});
