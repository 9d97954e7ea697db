// The C++ scaffold (generated/cpp): rendered in memory for the hostile fixture and the real spec,
// written to a temp dir, built with CMake (C++17, -Wall -Wextra -Werror) and its shared-vector tests
// run with ctest; then, against the spec-driven mock server, a small program makes a live chat stream
// and a signed ServerClient call, and another calls every SDK method once.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import cppProfile from "../../generator/emit/scaffolds/languages/cpp.js";
import { namer } from "../../generator/emit/scaffolds/view.js";
import type { IR } from "../../generator/ir/types.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { synthesise } from "../mock-server/synthesise.js";
import { modelMap } from "../mock-server/typeref-check.js";
import { expectGeneratedHeaders, missingMethods, readmeExample, sdkMethods } from "./harness/checks.js";
import { expectEveryMethodCalled, expectSmokeRun, type SmokeOutput, useMock } from "./harness/mock.js";
import { lastJsonLine, runner, show } from "./harness/process.js";
import { HOSTILE, MOCK_FIXTURES, realIROrSkip, renderInto, ROOT, useRealSpec, useToolchain, useWorkDir, VECTORS } from "./harness/suite.js";

const CMAKE = process.env.CMAKE ?? "cmake";
const CTEST = process.env.CTEST ?? "ctest";
const CXX = process.env.CXX ?? "g++";
const JOBS = "2";
const run = runner({ timeout: 600_000 });

const work = useWorkDir("muxi-cpp-");
const real = useRealSpec("cpp");
const needToolchain = useToolchain(async () => {
  const probes = await Promise.all([run(CMAKE, ["--version"], ROOT), run(CTEST, ["--version"], ROOT), run(CXX, ["--version"], ROOT)]);
  const bad = probes.find((p) => p.code !== 0);
  if (bad) return `CMake 3.16+ and a C++17 compiler are required for the cpp scaffold tests (apt-get install -y cmake g++): ${bad.stderr.trim()}`;
});

/** Renders the scaffold for `ir` into work/<name>/sdk, builds it in work/<name>/build, runs ctest. */
async function buildAndTest(name: string, ir: IR): Promise<{ dir: string; build: string; files: Map<string, string> }> {
  const dir = join(work.dir, name, "sdk");
  const build = join(work.dir, name, "build");
  const files = await renderInto("cpp", ir, dir, join(work.dir, name));
  const configure = await run(CMAKE, ["-S", dir, "-B", build, "-DCMAKE_CXX_FLAGS=-Werror"], dir);
  expect(configure.code, show(configure)).toBe(0);
  const made = await run(CMAKE, ["--build", build, "-j", JOBS], dir);
  expect(made.code, show(made)).toBe(0);
  const test = await run(CTEST, ["--test-dir", build, "--output-on-failure"], dir, { MUXI_VECTORS_DIR: VECTORS });
  expect(test.code, show(test)).toBe(0);
  expect(test.stdout).toMatch(/100% tests passed, 0 tests failed out of 7/);
  return { dir, build, files };
}

/** Compiles one program against the built library. */
async function program(dir: string, build: string, name: string, source: string): Promise<string> {
  await writeFile(join(dir, `${name}.cpp`), source);
  const exe = join(dir, name);
  const r = await run(CXX, ["-std=c++17", "-O0", "-I", join(dir, "include"), `${name}.cpp`, join(build, "libmuxi.a"), "-o", exe], dir);
  expect(r.code, show(r)).toBe(0);
  return exe;
}

const cppStr = (s: string): string => cppProfile.string(s);

describe("cpp scaffold", () => {
  it("hostile fixture: builds warning-free and passes the vector tests", async () => {
    needToolchain();
    const { files } = await buildAndTest("hostile", await specToIR(HOSTILE));
    const models = files.get("include/muxi/models.hpp") ?? "";
    // Keywords and hostile names become valid members; wire names keep their exact spelling.
    expect(models).toContain("std::string class_{};");
    expect(models).toContain("std::optional<std::string> default_{};");
    expect(models).toContain("Box<ClassNested> nested{};");
    expect(models).toContain("inline const End End::kV2A_2F{\"*/\"};");
    const impl = files.get("src/models.cpp") ?? "";
    expect(impl).toContain('write_field(o, "weird-name with spaces", v.weird_name_with_spaces);');
    expect(impl).toContain('read_field(j, "\\303\\274n\\303\\257c\\303\\266d\\303\\251", out.unicode);');
    expect(files.get("include/muxi/formation_client.hpp")).toContain("Class delete_(std::string class_, std::int64_t for_, const DeleteParams& params");
    expect(files.get("include/muxi/server_client.hpp")).toContain("std::string switch_(std::string case_");
    // Every generated source starts with the generated-file header.
    expectGeneratedHeaders(files, /\.(hpp|cpp)$/);
  }, 600_000);

  describe("real spec (or the mock's fixtures) against the mock server", () => {
    const mock = useMock(async () => real.ir ?? (await specToIR(MOCK_FIXTURES)));
    let built: { dir: string; build: string; files: Map<string, string> } | undefined;

    async function sdk(): Promise<{ dir: string; build: string; files: Map<string, string> }> {
      built ??= await buildAndTest("real", mock.ir);
      return built;
    }

    it("builds warning-free, passes the vector tests and declares every SDK method; the README example compiles", async (ctx) => {
      needToolchain();
      const { dir, files } = await sdk();
      const realIR = realIROrSkip(ctx, real, "cpp real-spec checks (built the mock fixtures instead)");
      const headers = (files.get("include/muxi/formation_client.hpp") ?? "") + (files.get("include/muxi/server_client.hpp") ?? "");
      expect(missingMethods(realIR, cppProfile, (n) => headers.includes(` ${n}(`))).toEqual([]);

      await writeFile(join(dir, "readme.cpp"), readmeExample(files.get("README.md"), "cpp"));
      const compiled = await run(CXX, ["-std=c++17", "-fsyntax-only", "-Wall", "-Wextra", "-Werror", "-I", join(dir, "include"), "readme.cpp"], dir);
      expect(compiled.code, show(compiled)).toBe(0);
    }, 600_000);

    it("streams a chat (live mode, client key) and makes a signed listFormations call", async () => {
      needToolchain();
      const { dir, build } = await sdk();
      const exe = await program(
        dir,
        build,
        "smoke",
        `#include <iostream>
#include "muxi/muxi.hpp"

int main(int argc, char** argv) {
  std::string url = argv[1];
  muxi::FormationClientOptions fo;
  fo.server_url = url;
  fo.formation_id = "smoke-bot";
  fo.client_key = "fmc_test";
  muxi::FormationClient client(fo);
  muxi::FormationClient::ChatParams chat;
  chat.message = "Hello!";
  muxi::RequestOptions as_user;
  as_user.user_id = "user_123";
  std::string text;
  muxi::Json types = muxi::Json::array();
  for (const auto& ev : client.chat_stream(chat, as_user)) {
    types.push_back(ev.type);
    if (ev.type == "text") text += *ev.text;
  }
  muxi::ServerClientOptions so;
  so.url = url;
  so.key_id = "muxi_pk_test";
  so.secret_key = "muxi_sk_test";
  muxi::ServerClient server(so);
  auto formations = server.list_formations();
  muxi::Json out = muxi::Json::object();
  out.set("text", text);
  out.set("types", types);
  out.set("formations", muxi::to_json(formations));
  std::cout << out.dump() << std::endl;
}
`,
      );
      const { requests } = mock.server;
      requests.length = 0;
      const r = await run(exe, [mock.server.url], dir, {}, 60_000);
      expect(r.code, show(r)).toBe(0);
      const out = lastJsonLine(r) as SmokeOutput;
      expect(out.formations).toBeTruthy();
      expectSmokeRun(requests, "cpp", out);
    }, 600_000);

    it("calls every SDK method once; the mock accepts every request", async () => {
      needToolchain();
      const { dir, build } = await sdk();
      const { ir } = mock;
      const name = namer(cppProfile);
      const models = modelMap(ir.models);
      const raw = (v: unknown): string => `muxi::Json::parse(R"MUXI(${JSON.stringify(v)})MUXI")`;
      // One block per SDK method: params filled from synthesised wire JSON via from_json, path
      // params decoded the same way, the user id in the options.
      const blocks = sdkMethods(ir).map(({ service: s, op: o, method: m }) => {
        const method = name(m.name, "method");
        const extras = cppProfile.operationExtras?.(o) as { paramsType: string; hasParams: boolean };
        const recv = s.name === "formation" ? "fc" : "sc";
        const lines: string[] = [];
        const args: string[] = [];
        for (const p of o.params.filter((x) => x.in === "path")) {
          const v = `path_${args.length}`;
          lines.push(`${p.type.kind === "primitive" && p.type.type === "integer" ? "std::int64_t" : "std::string"} ${v}{};`, `muxi::from_json(${raw(p.fixed ?? synthesise(p.type, models))}, ${v});`);
          args.push(v);
        }
        if (extras.hasParams) {
          lines.push(`muxi::${s.client}::${extras.paramsType} p;`);
          for (const p of o.params.filter((x) => x.in !== "path" && x.fixed === undefined)) {
            const field = name(p.name, "field");
            if (p.whole && o.body?.kind !== "json") lines.push(`p.${field} = std::string("\\x1f\\x8b\\x08\\x00", 4);`);
            else lines.push(`muxi::from_json(${raw(synthesise(p.type, models))}, p.${field});`);
          }
          args.push("p");
        }
        args.push("o");
        const call = `${recv}.${method}(${args.join(", ")})`;
        if (m.kind === "stream") {
          const ev = o.stream?.format === "chat" ? "muxi::ChatEvent" : "muxi::StreamEvent";
          lines.push(`auto st = ${call};`, `${ev} ev;`, "st.next(ev);  // follow streams stay open: one event is enough");
        } else {
          lines.push(`${call};`);
        }
        return `  try {\n${lines.map((l) => `    ${l}`).join("\n")}\n  } catch (const std::exception& e) {\n    failures.push_back(std::string(${cppStr(`${s.client}.${method}`)}) + ": " + e.what());\n  }`;
      });
      const exe = await program(
        dir,
        build,
        "every",
        `#include <iostream>
#include "muxi/muxi.hpp"

int main(int argc, char** argv) {
  std::string url = argv[1];
  muxi::FormationClientOptions fo;
  fo.server_url = url;
  fo.formation_id = "smoke-bot";
  fo.client_key = "fmc_test";
  fo.admin_key = "fma_test";
  muxi::FormationClient fc(fo);
  muxi::ServerClientOptions so;
  so.url = url;
  so.key_id = "muxi_pk_test";
  so.secret_key = "muxi_sk_test";
  muxi::ServerClient sc(so);
  muxi::RequestOptions o;
  o.user_id = "user_123";
  std::vector<std::string> failures;
${blocks.join("\n")}
  muxi::Json out = muxi::Json::array();
  for (const auto& f : failures) out.push_back(f);
  std::cout << out.dump() << std::endl;
}
`,
      );
      mock.server.requests.length = 0;
      const r = await run(exe, [mock.server.url], dir, {}, 120_000);
      expect(r.code, show(r)).toBe(0);
      expectEveryMethodCalled(mock, lastJsonLine(r), blocks.length);
    }, 600_000);
  });
});
