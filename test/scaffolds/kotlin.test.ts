// The Kotlin scaffold (generated/kotlin): rendered in memory for the hostile fixture and the real spec,
// written to a temp dir and built with Maven (kotlin-maven-plugin, JUnit 5 vector tests). For the real
// spec (or the mock's fixtures) two more JUnit tests are dropped into the build before it runs, with the
// spec-driven mock server up: a live chat stream plus a signed ServerClient call, and every SDK method
// called once. One Maven run per scaffold, because compiling Kotlin is the slow part.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import kotlinProfile from "../../generator/emit/scaffolds/languages/kotlin.js";
import { namer } from "../../generator/emit/scaffolds/view.js";
import type { IR, Operation, TypeRef } from "../../generator/ir/types.js";
import { defaultPaths, renderTarget, specToIR } from "../../generator/pipeline/pipeline.js";
import { uncalled } from "../mock-server/coverage.js";
import { serveMock, type MockServer } from "../mock-server/serve.js";
import { synthesise } from "../mock-server/synthesise.js";
import { modelMap } from "../mock-server/typeref-check.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const VECTORS = join(ROOT, "test/vectors");
const MVN = process.env.MVN ?? "mvn";
const HOSTILE = ["test/fixtures/hostile/formation.yaml", "test/fixtures/hostile/server.yaml"].map((p) => join(ROOT, p));
// The mock's own fixtures have chat + listFormations: the smoke test's fallback while spec/ does not validate.
const MOCK_FIXTURES = ["test/mock-server/fixtures/formation.yaml", "test/mock-server/fixtures/server.yaml"].map((p) => join(ROOT, p));
const TEST_DIR = "src/test/kotlin/org/muxi/sdk";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the mock server lives in this process, so a sync spawn would deadlock it. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}, timeout = 900_000): Promise<Run> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...env }, timeout, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as NodeJS.ErrnoException).code) : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) + (err && !stderr ? String(err.message) : "") });
    });
  });
}

const show = (r: Run): string => `exit ${r.code}\n--- stdout\n${r.stdout.slice(-8000)}\n--- stderr\n${r.stderr.slice(-4000)}`;

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
  work = await mkdtemp(join(tmpdir(), "muxi-kotlin-"));
  const mvn = await run(MVN, ["-v"], ROOT, {}, 60_000);
  if (mvn.code !== 0 || !/Java version: (1[7-9]|[2-9]\d)/.test(mvn.stdout)) {
    toolchainProblem =
      "Maven with Java 17+ is required for the kotlin scaffold tests (apt-get install -y maven openjdk-17-jdk-headless; " +
      `Kotlin itself comes from Maven Central through kotlin-maven-plugin): ${(mvn.stderr || mvn.stdout).trim().slice(0, 500)}`;
    console.error(toolchainProblem);
  }
  try {
    realIR = await specToIR(defaultPaths(ROOT).specs.map((p) => resolve(ROOT, p)));
  } catch (err) {
    realProblem = err instanceof SpecError ? `spec/ does not validate yet (${err.diagnostics.length} problem(s), first: ${err.diagnostics[0]?.message})` : String(err);
    console.warn(`kotlin scaffold: real-spec checks skipped: ${realProblem}`);
  }
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function needToolchain(): void {
  if (toolchainProblem) throw new Error(toolchainProblem);
}

/** Renders the scaffold for `ir` into work/<name>, adds `extra` files, runs `mvn test` (vectors and extras). */
async function buildAndTest(name: string, ir: IR, extra: Map<string, string> = new Map(), env: Record<string, string> = {}): Promise<{ dir: string; files: Map<string, string>; mvn: Run }> {
  const files = await renderTarget("kotlin", ir, defaultPaths(ROOT));
  const dir = join(work, name);
  await rm(dir, { recursive: true, force: true });
  await writeTree(dir, files);
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
    for (const [path, text] of files) if (path.endsWith(".kt")) expect(text.startsWith("// Generated by muxi-sdkgen"), path).toBe(true);
  }, 900_000);

  describe("real spec (or the mock's fixtures) against the mock server", () => {
    let mock: MockServer;
    let ir: IR;
    let built: Promise<{ dir: string; files: Map<string, string>; mvn: Run }> | undefined;
    let everyCount = 0;

    beforeAll(async () => {
      ir = realIR ?? (await specToIR(MOCK_FIXTURES));
      mock = await serveMock(ir, { port: 0 });
    });

    afterAll(async () => {
      await mock?.close();
    });

    /** The JUnit tests that talk to the mock: a smoke test and one that calls every SDK method. */
    function mockTests(): Map<string, string> {
      const name = namer(kotlinProfile);
      const models = modelMap(ir.models);
      const helpers = kotlinProfile.helpers?.(ir) ?? {};
      // A Kotlin expression of the parameter's type, decoded from synthesised wire JSON by the SDK's own codec.
      const value = (t: TypeRef, v: unknown): string => String(helpers.decode(t, `Json.parse(${ktStr(JSON.stringify(v))})`, true));
      const blocks = ir.services.flatMap((s) =>
        s.operations.flatMap((o: Operation) =>
          o.methods.map((m) => {
            const recv = s.name === "formation" ? "fc" : "sc";
            const args = o.params
              .filter((p) => p.fixed === undefined)
              .map((p) => `${name(p.name, "param")} = ${p.whole && o.body?.kind !== "json" ? "byteArrayOf(0x1f, 0x8b.toByte(), 0x08, 0x00)" : value(p.type, synthesise(p.type, models))}`);
            args.push("options = o");
            const call = `${recv}.${name(m.name, "method")}(${args.join(", ")})`;
            // Follow streams stay open: one event is enough.
            const body = m.kind === "stream" ? `${call}.use { s -> val i = s.iterator(); if (i.hasNext()) i.next() }` : call;
            return `        try { ${body} } catch (e: Exception) { failures.add(${ktStr(`${s.client}.${name(m.name, "method")}`)} + ": " + e) }`;
          }),
        ),
      );
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
    async function readmeExample(): Promise<Map<string, string>> {
      if (!realIR) return new Map();
      const files = await renderTarget("kotlin", realIR, defaultPaths(ROOT));
      const example = /```kotlin\n([\s\S]*?)```/.exec(files.get("README.md") ?? "")?.[1];
      expect(example, "README has no kotlin example").toBeDefined();
      return new Map([["src/test/kotlin/readme/ReadmeExample.kt", `package readme\n\n${example as string}`]]);
    }

    function sdk(): Promise<{ dir: string; files: Map<string, string>; mvn: Run }> {
      built ??= (async () => {
        mock.requests.length = 0;
        const extra = new Map([...mockTests(), ...(await readmeExample())]);
        return buildAndTest("real", ir, extra, { MOCK_URL: mock.url, SMOKE_OUT: join(work, "smoke.json"), EVERY_OUT: join(work, "every.json") });
      })();
      return built;
    }

    it("compiles, passes the vector tests and has every SDK method; the README example compiles", async (ctx) => {
      needToolchain();
      const { files } = await sdk();
      if (!realIR) {
        console.warn(`SKIPPED kotlin real-spec checks (built the mock fixtures instead): ${realProblem}`);
        ctx.skip(realProblem);
        return;
      }
      const name = namer(kotlinProfile);
      const source = (files.get("src/main/kotlin/org/muxi/sdk/FormationClient.kt") ?? "") + (files.get("src/main/kotlin/org/muxi/sdk/ServerClient.kt") ?? "");
      const missing = realIR.services.flatMap((s) => s.operations.flatMap((o) => o.methods.map((m) => `fun ${name(m.name, "method")}(`).filter((sig) => !source.includes(sig))));
      expect(missing).toEqual([]);
    }, 900_000);

    it("streams a chat (live mode, client key) and makes a signed listFormations call", async () => {
      needToolchain();
      await sdk();
      const out = JSON.parse(await readFile(join(work, "smoke.json"), "utf8")) as { text: string; types: string[]; formations: unknown };
      expect(out.text).toBe("Hello world");
      expect(out.types).toContain("completed");
      expect(out.types[out.types.length - 1]).toBe("done");
      expect(out.formations).toBeTruthy();

      expect(mock.requests.filter((q) => q.rejected).map((q) => `${q.method} ${q.url}: ${q.rejected}`)).toEqual([]);
      const chat = mock.requests.find((q) => q.operation === "chat" && q.formationId === "smoke-bot");
      expect(chat, "the mock saw no chat request").toBeDefined();
      expect(chat).toMatchObject({ mode: "live", formationId: "smoke-bot", stream: true, status: 200 });
      expect(chat?.headers["x-muxi-client-key"]).toBe("fmc_test");
      expect(chat?.headers["x-muxi-user-id"]).toBe("user_123");
      expect(chat?.headers["x-muxi-sdk"]).toMatch(/^kotlin\/\d/);
      expect(chat?.headers["x-muxi-idempotency-key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const signed = mock.requests.find((q) => q.operation === "listFormations");
      expect(signed, "the mock saw no listFormations request").toBeDefined();
      expect(signed?.headers.authorization).toMatch(/^MUXI-HMAC key=muxi_pk_test, timestamp=\d{10}, signature=[A-Za-z0-9+/]{43}=$/);
    }, 900_000);

    it("calls every SDK method once; the mock accepts every request", async () => {
      needToolchain();
      await sdk();
      expect(JSON.parse(await readFile(join(work, "every.json"), "utf8"))).toEqual([]);
      expect(mock.requests.filter((q) => q.rejected).map((q) => `${q.method} ${q.url}: ${q.rejected}`)).toEqual([]);
      expect(uncalled(ir, mock.requests)).toEqual([]);
      expect(mock.requests.length).toBeGreaterThanOrEqual(everyCount);
    }, 900_000);
  });
});
