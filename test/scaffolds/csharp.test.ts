// The C# scaffold (generated/csharp): rendered in memory for the hostile fixture and the real spec,
// written to a temp dir and compiled with mono's mcs (C# 7.2, warnings as errors) — the library and
// its vector-test program, which mono then runs; then, against the spec-driven mock server, a small
// program makes a live chat stream and a signed ServerClient call, and another calls every SDK method.
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import csharpProfile from "../../generator/emit/scaffolds/languages/csharp.js";
import { namer } from "../../generator/emit/scaffolds/view.js";
import type { IR, TypeRef } from "../../generator/ir/types.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { synthesise } from "../mock-server/synthesise.js";
import { modelMap } from "../mock-server/typeref-check.js";
import { expectGeneratedHeaders, missingMethods, readmeExample, sdkMethods } from "./harness/checks.js";
import { expectEveryMethodCalled, expectSmokeRun, type SmokeOutput, useMock } from "./harness/mock.js";
import { lastJsonLine, runner, show } from "./harness/process.js";
import { HOSTILE, MOCK_FIXTURES, realIROrSkip, renderInto, useRealSpec, useToolchain, useWorkDir, VECTORS } from "./harness/suite.js";

const MCS = process.env.MCS ?? "mcs";
const MONO = process.env.MONO ?? "mono";
const MCS_FLAGS = ["-langversion:7.2", "-warnaserror+", "-nologo", "-r:System.Net.Http.dll"];
const run = runner({ timeout: 300_000 });

const work = useWorkDir("muxi-csharp-");
const real = useRealSpec("csharp");
const needToolchain = useToolchain(async () => {
  // The probe compiles a line that needs System.Net.Http, which mono-mcs alone does not bring.
  await writeFile(join(work.dir, "probe.cs"), "class P { static void Main() { new System.Net.Http.HttpClient().Dispose(); } }\n");
  const probe = await run(MCS, [...MCS_FLAGS, "-out:probe.exe", "probe.cs"], work.dir);
  const mono = await run(MONO, ["--version"], work.dir);
  if (probe.code !== 0 || mono.code !== 0) {
    return (
      "mono's C# compiler and runtime with System.Net.Http are required for the csharp scaffold tests " +
      `(apt-get install -y mono-mcs mono-runtime libmono-system-net-http4.0-cil): ${(probe.stderr + probe.stdout + mono.stderr).trim()}`
    );
  }
});

/** Renders the scaffold for `ir` into work/<name>/sdk, compiles Muxi.dll and runs the vector tests. */
async function buildAndTest(name: string, ir: IR): Promise<{ dir: string; files: Map<string, string> }> {
  const dir = join(work.dir, name, "sdk");
  const files = await renderInto("csharp", ir, dir, join(work.dir, name));
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
    expectGeneratedHeaders(files, /\.cs$/);
    expect(files.get("Muxi.csproj")).toContain("<TargetFramework>netstandard2.0</TargetFramework>");
  }, 300_000);

  describe("real spec (or the mock's fixtures) against the mock server", () => {
    const mock = useMock(async () => real.ir ?? (await specToIR(MOCK_FIXTURES)));
    let built: { dir: string; files: Map<string, string> } | undefined;

    async function sdk(): Promise<{ dir: string; files: Map<string, string> }> {
      built ??= await buildAndTest("real", mock.ir);
      return built;
    }

    it("compiles warning-free, passes the vector tests and has every SDK method; the README example compiles", async (ctx) => {
      needToolchain();
      const { dir, files } = await sdk();
      const realIR = realIROrSkip(ctx, real, "csharp real-spec checks (built the mock fixtures instead)");
      const source = (files.get("src/FormationClient.cs") ?? "") + (files.get("src/ServerClient.cs") ?? "");
      // Plain calls are async (…Async); streams are enumerated synchronously.
      expect(missingMethods(realIR, csharpProfile, (n, _s, m) => source.includes(` ${n}${m.kind === "stream" ? "" : "Async"}(`))).toEqual([]);

      await writeFile(join(dir, "readme.cs"), readmeExample(files.get("README.md"), "csharp"));
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
      const { requests } = mock.server;
      requests.length = 0;
      const r = await run(MONO, [exe, mock.server.url], dir, {}, 60_000);
      expect(r.code, show(r)).toBe(0);
      const out = lastJsonLine(r) as SmokeOutput;
      expect(out.formations).toBeTruthy();
      expectSmokeRun(requests, "csharp", out);
    }, 300_000);

    it("calls every SDK method once; the mock accepts every request", async () => {
      needToolchain();
      const { dir } = await sdk();
      const { ir } = mock;
      const name = namer(csharpProfile);
      const models = modelMap(ir.models);
      const helpers = csharpProfile.helpers?.(ir) ?? {};
      // A C# expression of the parameter's type, decoded from synthesised wire JSON by the SDK's own codec.
      const value = (t: TypeRef, v: unknown): string => String(helpers.decode(t, `Json.Parse(${csStr(JSON.stringify(v))})`, true));
      const blocks = sdkMethods(ir).map(({ service: s, op: o, method: m }) => {
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
      });
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
      mock.server.requests.length = 0;
      const r = await run(MONO, [exe, mock.server.url], dir, {}, 120_000);
      expect(r.code, show(r)).toBe(0);
      expectEveryMethodCalled(mock, lastJsonLine(r), blocks.length);
    }, 300_000);
  });
});
