// The Kotlin scaffold (generated/kotlin): rendered in memory for the hostile fixture and the real spec,
// written to a temp dir and built with Maven (kotlin-maven-plugin, JUnit 5 vector tests). For the real
// spec (or the mock's fixtures) two more JUnit tests are dropped into the build before it runs, with the
// spec-driven mock server up: a live chat stream plus a signed ServerClient call, and every SDK method
// called once. One Maven run per scaffold, because compiling Kotlin is the slow part.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import kotlinProfile from "../../generator/emit/scaffolds/languages/kotlin.js";
import { namer } from "../../generator/emit/scaffolds/view.js";
import type { IR, TypeRef } from "../../generator/ir/types.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { synthesise } from "../mock-server/synthesise.js";
import { modelMap } from "../mock-server/typeref-check.js";
import { expectGeneratedHeaders, missingMethods, readmeExample, sdkMethods } from "./harness/checks.js";
import { expectEveryMethodCalled, expectSmokeRun, type SmokeOutput, useMock } from "./harness/mock.js";
import { runner, show, type Run } from "./harness/process.js";
import { HOSTILE, MOCK_FIXTURES, realIROrSkip, render, renderInto, ROOT, useRealSpec, useToolchain, useWorkDir, VECTORS } from "./harness/suite.js";
import { writeTree } from "./harness/tree.js";

const MVN = process.env.MVN ?? "mvn";
const TEST_DIR = "src/test/kotlin/org/muxi/sdk";
const run = runner({ timeout: 900_000 });

const work = useWorkDir("muxi-kotlin-");
const real = useRealSpec("kotlin");
const needToolchain = useToolchain(async () => {
  const mvn = await run(MVN, ["-v"], ROOT, {}, 60_000);
  if (mvn.code !== 0 || !/Java version: (1[7-9]|[2-9]\d)/.test(mvn.stdout)) {
    return (
      "Maven with Java 17+ is required for the kotlin scaffold tests (apt-get install -y maven openjdk-17-jdk-headless; " +
      `Kotlin itself comes from Maven Central through kotlin-maven-plugin): ${(mvn.stderr || mvn.stdout).trim().slice(0, 500)}`
    );
  }
});

/** Renders the scaffold for `ir` into work/<name>, adds `extra` files, runs `mvn test` (vectors and extras). */
async function buildAndTest(name: string, ir: IR, extra: Map<string, string> = new Map(), env: Record<string, string> = {}): Promise<{ dir: string; files: Map<string, string>; mvn: Run }> {
  const dir = join(work.dir, name);
  const files = await renderInto("kotlin", ir, dir);
  await writeTree(dir, extra);
  const mvn = await run(MVN, ["-B", "-ntp", "test"], dir, { MUXI_VECTORS_DIR: VECTORS, ...env });
  expect(mvn.code, show(mvn)).toBe(0);
  expect(mvn.stdout).toMatch(/Tests run: \d+, Failures: 0, Errors: 0/);
  expect(mvn.stdout).toContain("BUILD SUCCESS");
  return { dir, files, mvn };
}

const ktStr = (s: string): string => kotlinProfile.string(s);

describe("kotlin scaffold", () => {
  it("hostile fixture: compiles and passes the vector tests", async () => {
    needToolchain();
    const { files, mvn } = await buildAndTest("hostile", await specToIR(HOSTILE));
    expect(mvn.stdout).toMatch(/Tests run: [1-9]\d*, Failures: 0, Errors: 0, Skipped: 0/);
    const model = files.get("src/main/kotlin/org/muxi/sdk/models/Class.kt") ?? "";
    // Keywords in backticks; wire names keep their exact spelling.
    expect(model).toContain("val `class`: String,");
    expect(model).toContain('"weird-name with spaces" to this.weirdNameWithSpaces,');
    expect(model).toContain('userId2 = o["userId"]?.let { v0 -> Json.string(v0) },');
    expect(files.get("src/main/kotlin/org/muxi/sdk/models/End.kt")).toContain('val V_24_7B_78_7D = End("\\${x}")');
    expect(files.get("src/main/kotlin/org/muxi/sdk/FormationClient.kt")).toContain("fun delete(`class`: String, `for`: Long, default: Boolean? = null");
    expect(files.get("src/main/kotlin/org/muxi/sdk/ServerClient.kt")).toContain("fun switch(case: String, options: RequestOptions = RequestOptions()): String");
    expectGeneratedHeaders(files, /\.kt$/);
  }, 900_000);

  describe("real spec (or the mock's fixtures) against the mock server", () => {
    const mock = useMock(async () => real.ir ?? (await specToIR(MOCK_FIXTURES)));
    let built: Promise<{ dir: string; files: Map<string, string>; mvn: Run }> | undefined;
    let everyCount = 0;

    /** The JUnit tests that talk to the mock: a smoke test and one that calls every SDK method. */
    function mockTests(): Map<string, string> {
      const { ir } = mock;
      const name = namer(kotlinProfile);
      const models = modelMap(ir.models);
      const helpers = kotlinProfile.helpers?.(ir) ?? {};
      // A Kotlin expression of the parameter's type, decoded from synthesised wire JSON by the SDK's own codec.
      const value = (t: TypeRef, v: unknown): string => String(helpers.decode(t, `Json.parse(${ktStr(JSON.stringify(v))})`, true));
      const blocks = sdkMethods(ir).map(({ service: s, op: o, method: m }) => {
        const recv = s.name === "formation" ? "fc" : "sc";
        const args = o.params
          .filter((p) => p.fixed === undefined)
          .map((p) => `${name(p.name, "param")} = ${p.whole && o.body?.kind !== "json" ? "byteArrayOf(0x1f, 0x8b.toByte(), 0x08, 0x00)" : value(p.type, synthesise(p.type, models))}`);
        args.push("options = o");
        const call = `${recv}.${name(m.name, "method")}(${args.join(", ")})`;
        // Follow streams stay open: one event is enough.
        const body = m.kind === "stream" ? `${call}.use { s -> val i = s.iterator(); if (i.hasNext()) i.next() }` : call;
        return `        try { ${body} } catch (e: Exception) { failures.add(${ktStr(`${s.client}.${name(m.name, "method")}`)} + ": " + e) }`;
      });
      everyCount = blocks.length;
      // Chunks of 40 calls per function keep each JVM method well under its size limit.
      const chunks: string[][] = [];
      for (let i = 0; i < blocks.length; i += 40) chunks.push(blocks.slice(i, i + 40));
      const every = `package org.muxi.sdk

import java.io.File
import org.muxi.sdk.models.*
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.Test

@Suppress("DEPRECATION")
class MockEveryMethodTest {
    private val failures = ArrayList<String>()

${chunks
  .map(
    (c, i) => `    private fun part${i}(fc: FormationClient, sc: ServerClient, o: RequestOptions) {
${c.join("\n")}
    }`,
  )
  .join("\n\n")}

    @Test
    fun everyMethod() {
        val url = System.getenv("MOCK_URL")
        assumeTrue(url != null, "MOCK_URL not set")
        val fc = FormationClient(serverUrl = url, formationId = "every-bot", clientKey = "fmc_test", adminKey = "fma_test")
        val sc = ServerClient(url = url, keyId = "muxi_pk_test", secretKey = "muxi_sk_test")
        val o = RequestOptions(userId = "user_123")
${chunks.map((_, i) => `        part${i}(fc, sc, o)`).join("\n")}
        File(System.getenv("EVERY_OUT")).writeText(Json.stringify(failures))
    }
}
`;
      const smoke = `package org.muxi.sdk

import java.io.File
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.Test

class MockSmokeTest {
    @Test
    fun chatStreamAndSignedCall() {
        val url = System.getenv("MOCK_URL")
        assumeTrue(url != null, "MOCK_URL not set")
        val client = FormationClient(serverUrl = url, formationId = "smoke-bot", clientKey = "fmc_test")
        val text = StringBuilder()
        val types = ArrayList<String>()
        client.chatStream(message = "Hello!", options = RequestOptions(userId = "user_123")).use { stream ->
            for (event in stream) {
                types.add(event.type)
                if (event.type == "text") text.append(event.text)
            }
        }
        val server = ServerClient(url = url, keyId = "muxi_pk_test", secretKey = "muxi_sk_test")
        val formations = server.listFormations()
        File(System.getenv("SMOKE_OUT")).writeText(Json.stringify(mapOf("text" to text.toString(), "types" to types, "formations" to formations)))
    }
}
`;
      return new Map([
        [`${TEST_DIR}/MockSmokeTest.kt`, smoke],
        [`${TEST_DIR}/MockEveryMethodTest.kt`, every],
      ]);
    }

    /** The README's quick start, compiled with the tests (only for the real spec, whose methods it calls). */
    async function readmeTest(): Promise<Map<string, string>> {
      if (!real.ir) return new Map();
      const example = readmeExample((await render("kotlin", real.ir)).get("README.md"), "kotlin");
      return new Map([["src/test/kotlin/readme/ReadmeExample.kt", `package readme\n\n${example}`]]);
    }

    function sdk(): Promise<{ dir: string; files: Map<string, string>; mvn: Run }> {
      built ??= (async () => {
        mock.server.requests.length = 0;
        const extra = new Map([...mockTests(), ...(await readmeTest())]);
        return buildAndTest("real", mock.ir, extra, { MOCK_URL: mock.server.url, SMOKE_OUT: join(work.dir, "smoke.json"), EVERY_OUT: join(work.dir, "every.json") });
      })();
      return built;
    }

    it("compiles, passes the vector tests and has every SDK method; the README example compiles", async (ctx) => {
      needToolchain();
      const { files } = await sdk();
      const realIR = realIROrSkip(ctx, real, "kotlin real-spec checks (built the mock fixtures instead)");
      const source = (files.get("src/main/kotlin/org/muxi/sdk/FormationClient.kt") ?? "") + (files.get("src/main/kotlin/org/muxi/sdk/ServerClient.kt") ?? "");
      expect(missingMethods(realIR, kotlinProfile, (n) => source.includes(`fun ${n}(`))).toEqual([]);
    }, 900_000);

    it("streams a chat (live mode, client key) and makes a signed listFormations call", async () => {
      needToolchain();
      await sdk();
      const out = JSON.parse(await readFile(join(work.dir, "smoke.json"), "utf8")) as SmokeOutput;
      expect(out.formations).toBeTruthy();
      const { requests } = mock.server;
      // The every-method test runs in the same build, as every-bot.
      expectSmokeRun(requests, "kotlin", out, { find: (q) => q.operation === "chat" && q.formationId === "smoke-bot" });
    }, 900_000);

    it("calls every SDK method once; the mock accepts every request", async () => {
      needToolchain();
      await sdk();
      expectEveryMethodCalled(mock, JSON.parse(await readFile(join(work.dir, "every.json"), "utf8")), everyCount);
    }, 900_000);
  });
});
