// The Java scaffold (generated/java, Maven org.muxi:muxi-sdk, package org.muxi.sdk): rendered in
// memory for the hostile fixture and the real spec, written to project directories under
// os.tmpdir(), compiled warning-free (javac -Xlint:all) and tested with Maven + JUnit 5 (the shared
// vectors, one dynamic test per case), its README example compiled with javac, and a small program
// (run with the single-file source launcher) driven against the spec-driven mock server: a
// live-mode chat stream and a MUXI-HMAC-signed ServerClient call.
//
// Maven runs offline (`-o`) once ~/.m2 holds the pinned plugins and JUnit; the first run on a
// machine goes online once to fill it. Files are rewritten only when their text changed, and each
// project keeps its target/ between runs. First run ≈ 1–2 min, later ≈ 40 s.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import javaProfile from "../../generator/emit/scaffolds/languages/java.js";
import type { IR } from "../../generator/ir/types.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { missingMethods, readmeExample } from "./harness/checks.js";
import { expectSmokeRun, type SmokeOutput, useMock } from "./harness/mock.js";
import { lastJsonLine, runner, show, type Run } from "./harness/process.js";
import { HOSTILE, MOCK_FIXTURES, realIROrSkip, render, ROOT, useRealSpec, useToolchain, VECTORS } from "./harness/suite.js";
import { syncTree } from "./harness/tree.js";

const MVN = process.env.MVN ?? "mvn";
const JAVA = process.env.JAVA ?? "java";
const JAVAC = process.env.JAVAC ?? "javac";
const CACHE = process.env.MUXI_JAVA_CACHE ?? join(tmpdir(), "muxi-scaffold-java");
const TIMEOUT = 600_000;
const run = runner({ timeout: TIMEOUT, env: { MUXI_VECTORS_DIR: VECTORS } });

/** Maven offline first (fast, no network); online only when ~/.m2 lacks something. */
async function mvn(args: string[], dir: string): Promise<Run> {
  const offline = await run(MVN, ["-B", "-o", ...args], dir);
  if (offline.code === 0 || !/offline|Cannot access|Could not (resolve|transfer|find)|has not been downloaded/i.test(offline.stdout + offline.stderr)) return offline;
  return run(MVN, ["-B", ...args], dir);
}

const real = useRealSpec("java");
const needToolchain = useToolchain(async () => {
  await mkdir(CACHE, { recursive: true });
  const java = await run(JAVA, ["-version"], ROOT, {}, 60_000);
  const javac = await run(JAVAC, ["-version"], ROOT, {}, 60_000);
  const maven = await run(MVN, ["-v"], ROOT, {}, 60_000);
  const version = /version "(\d+)/.exec(java.stderr + java.stdout);
  if (java.code !== 0 || javac.code !== 0 || !version) {
    return `a JDK 17+ (java and javac) is required for the java scaffold tests: ${(java.stderr || javac.stderr).trim() || "not found"}. Install it with apt-get install -y openjdk-17-jdk-headless`;
  }
  if (Number(version[1]) < 17) return `Java 17+ is required for the java scaffold tests, found: ${version[0]}`;
  if (maven.code !== 0) return `Maven is required for the java scaffold tests: ${maven.stderr.trim() || "mvn not found"}. Install it with apt-get install -y maven`;
});

/** Renders the scaffold for `ir` into the project directory CACHE/<name>. */
async function scaffold(name: string, ir: IR): Promise<{ dir: string; files: Map<string, string> }> {
  const files = await render("java", ir);
  const dir = join(CACHE, name);
  // target/ stays: Maven then compiles only what changed.
  await syncTree(dir, files, ["target"]);
  return { dir, files };
}

/** `mvn test`: javac -Xlint:all without warnings, then every JUnit test (the vectors) passes. */
async function buildAndTest(dir: string): Promise<void> {
  const r = await mvn(["-Dmaven.compiler.failOnWarning=true", "test"], dir);
  expect(r.code, show(r)).toBe(0);
  const warnings = r.stdout.split("\n").filter((l) => /^\[WARNING\] .*\.java/.test(l));
  expect(warnings, show(r)).toEqual([]);
  const report = await readFile(join(dir, "target/surefire-reports/TEST-org.muxi.sdk.VectorsTest.xml"), "utf8");
  const attr = (name: string): number => Number(new RegExp(`<testsuite [^>]*\\b${name}="(\\d+)"`).exec(report)?.[1] ?? NaN);
  expect({ failures: attr("failures"), errors: attr("errors"), skipped: attr("skipped") }).toEqual({ failures: 0, errors: 0, skipped: 0 });
  expect(attr("tests")).toBeGreaterThanOrEqual(60);
}

/** Every SDK method of the IR is a public method of its client. */
function missingPublicMethods(ir: IR, files: Map<string, string>): string[] {
  const clientFile = (client: string): string => files.get(`src/main/java/org/muxi/sdk/${client}.java`) ?? "";
  const escaped = (n: string): string => n.replace(/[()$]/g, "\\$&");
  return missingMethods(ir, javaProfile, (n, s) => new RegExp(`public [^;=]* ${escaped(n)}\\(`).test(clientFile(s.client)));
}

describe("java scaffold", () => {
  it("finds a JDK 17+ and Maven", () => {
    needToolchain();
  });

  it(
    "hostile fixture: compiles warning-free, passes the shared vectors, keeps wire names and escapes keywords",
    async () => {
      needToolchain();
      const ir = await specToIR(HOSTILE);
      const { dir, files } = await scaffold("hostile", ir);
      await buildAndTest(dir);
      expect(missingPublicMethods(ir, files)).toEqual([]);
      const model = files.get("src/main/java/org/muxi/sdk/models/ClassModel.java") ?? "";
      expect(model).toContain('@Wire("weird-name with spaces")\n    private String weirdNameWithSpaces;');
      expect(model).toContain('@Wire("\\u00fcn\\u00efc\\u00f6d\\u00e9")');
      expect(model).toContain('@Wire("class")\n    private String class_;');
      expect(model).toContain('@Wire("userId")\n    private String userId2;');
      expect(model).toContain("private ObjectModel object;");
      // Hostile text never closes a comment early.
      expect(model).toContain("A model called Class *&#47; with ${bad} `ticks`");
      const formation = files.get("src/main/java/org/muxi/sdk/FormationClient.java") ?? "";
      expect(formation).toContain("public ClassModel delete(String class_, Long for_, DeleteParams params, RequestOptions options)");
      expect(formation).toContain("public ObjectModel import_(String class_, Long for_, ImportParams params, RequestOptions options)");
      expect(files.get("src/main/java/org/muxi/sdk/ServerClient.java")).toContain("public String switch_(String case_, RequestOptions options)");
    },
    TIMEOUT,
  );

  it(
    "real spec: compiles warning-free, passes the shared vectors, has every SDK method; the README example compiles",
    async (ctx) => {
      needToolchain();
      const realIR = realIROrSkip(ctx, real, "java real-spec build");
      const { dir, files } = await scaffold("real", realIR);
      await buildAndTest(dir);
      expect(missingPublicMethods(realIR, files)).toEqual([]);

      const example = readmeExample(files.get("README.md"), "java");
      const readmeDir = join(CACHE, "real-readme");
      await rm(readmeDir, { recursive: true, force: true });
      await mkdir(readmeDir, { recursive: true });
      await writeFile(join(readmeDir, "QuickStart.java"), example);
      const javac = await run(JAVAC, ["-Xlint:all", "-Werror", "-cp", join(dir, "target/classes"), "-d", join(readmeDir, "out"), "QuickStart.java"], readmeDir);
      expect(javac.code, show(javac)).toBe(0);
    },
    TIMEOUT,
  );

  describe("against the mock server", () => {
    const mock = useMock(async () => real.ir ?? (await specToIR(MOCK_FIXTURES)));

    it(
      "streams a chat (live mode, client key) and makes a signed listFormations call",
      async () => {
        needToolchain();
        const { ir } = mock;
        expect(
          ir.services.some((s) => s.operations.some((o) => o.name === "listFormations")),
          "the smoke IR has no listFormations",
        ).toBe(true);
        // The real-spec project is already compiled by the test above; the fallback IR gets its own.
        const { dir } = await scaffold(real.ir ? "real" : "smoke", ir);
        const compiled = await mvn(["-q", "compile"], dir);
        expect(compiled.code, show(compiled)).toBe(0);
        const prog = join(CACHE, "smoke-program");
        await mkdir(prog, { recursive: true });
        await writeFile(join(prog, "Smoke.java"), SMOKE);
        const { requests } = mock.server;
        requests.length = 0;
        const r = await run(JAVA, ["-cp", join(dir, "target/classes"), "Smoke.java"], prog, { MOCK_URL: mock.server.url }, 120_000);
        expect(r.code, show(r)).toBe(0);
        const out = lastJsonLine(r) as SmokeOutput;
        expect(out.formations).toBeTruthy();
        const { chat, signed } = expectSmokeRun(requests, "java", out);
        expect(chat?.body).toMatchObject({ message: "Hello!", stream: true });
        expect(signed?.status).toBe(200);
      },
      TIMEOUT,
    );
  });
});

// The smoke program: prints one JSON line with the streamed text, the event types and the formations.
const SMOKE = `import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.muxi.sdk.ChatEvent;
import org.muxi.sdk.EventStream;
import org.muxi.sdk.FormationClient;
import org.muxi.sdk.FormationOptions;
import org.muxi.sdk.Mode;
import org.muxi.sdk.ServerClient;
import org.muxi.sdk.ServerOptions;
import org.muxi.sdk.internal.Json;
import org.muxi.sdk.internal.JsonMapper;

public class Smoke {
    public static void main(String[] args) {
        String url = System.getenv("MOCK_URL");
        FormationClient client = new FormationClient(new FormationOptions()
                .serverUrl(url)
                .formationId("smoke-bot")
                .mode(Mode.LIVE)
                .clientKey("fmc_test"));
        StringBuilder text = new StringBuilder();
        List<String> types = new ArrayList<>();
        try (EventStream<ChatEvent> events = client.withUser("user_123").chatStream(new FormationClient.ChatParams().setMessage("Hello!"))) {
            for (ChatEvent event : events) {
                types.add(event.type());
                if (event instanceof ChatEvent.Text t) {
                    text.append(t.text());
                }
            }
        }
        ServerClient server = new ServerClient(new ServerOptions().url(url).keyId("muxi_pk_test").secretKey("muxi_sk_test"));
        Object formations = server.listFormations();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", text.toString());
        out.put("types", types);
        out.put("formations", JsonMapper.toJson(formations));
        System.out.println(Json.write(out));
    }
}
`;
