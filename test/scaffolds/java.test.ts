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
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import javaProfile from "../../generator/emit/scaffolds/languages/java.js";
import { namer } from "../../generator/emit/scaffolds/view.js";
import type { IR } from "../../generator/ir/types.js";
import { defaultPaths, renderTarget, specToIR } from "../../generator/pipeline/pipeline.js";
import { serveMock, type MockServer } from "../mock-server/serve.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const VECTORS = join(ROOT, "test/vectors");
const MVN = process.env.MVN ?? "mvn";
const JAVA = process.env.JAVA ?? "java";
const JAVAC = process.env.JAVAC ?? "javac";
const CACHE = process.env.MUXI_JAVA_CACHE ?? join(tmpdir(), "muxi-scaffold-java");
const HOSTILE = ["test/fixtures/hostile/formation.yaml", "test/fixtures/hostile/server.yaml"].map((p) => join(ROOT, p));
// The mock's own fixtures have chat + listFormations: the smoke test's fallback while spec/ does not validate.
const MOCK_FIXTURES = ["test/mock-server/fixtures/formation.yaml", "test/mock-server/fixtures/server.yaml"].map((p) => join(ROOT, p));
const TIMEOUT = 600_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the mock server lives in this process, so a sync spawn would deadlock it. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}, timeout = TIMEOUT): Promise<Run> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, env: { ...process.env, MUXI_VECTORS_DIR: VECTORS, ...env }, timeout, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as NodeJS.ErrnoException).code) : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) + (err && !stderr ? String(err.message) : "") });
    });
  });
}

const show = (r: Run): string => `exit ${r.code}\n--- stdout\n${r.stdout.slice(-8000)}\n--- stderr\n${r.stderr.slice(-4000)}`;

/** Maven offline first (fast, no network); online only when ~/.m2 lacks something. */
async function mvn(args: string[], dir: string): Promise<Run> {
  const offline = await run(MVN, ["-B", "-o", ...args], dir);
  if (offline.code === 0 || !/offline|Cannot access|Could not (resolve|transfer|find)|has not been downloaded/i.test(offline.stdout + offline.stderr)) return offline;
  return run(MVN, ["-B", ...args], dir);
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const full = join(d, e.name);
      if (e.isDirectory()) {
        if (relative(dir, full) !== "target") await walk(full);
      } else out.push(relative(dir, full).split("\\").join("/"));
    }
  };
  await walk(dir);
  return out;
}

/** Makes `dir` hold exactly `files` (target/ aside), writing only what changed. */
async function syncTree(dir: string, files: Map<string, string>): Promise<void> {
  for (const path of await listFiles(dir)) if (!files.has(path)) await rm(join(dir, path));
  for (const [path, text] of files) {
    const full = join(dir, path);
    if ((await readFile(full, "utf8").catch(() => undefined)) === text) continue;
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, text);
  }
}

// Toolchain: detected once, up front; every test that needs it fails with this message.
let toolchainProblem: string | undefined;
let realIR: IR | undefined;
let realProblem = "";

beforeAll(async () => {
  await mkdir(CACHE, { recursive: true });
  const java = await run(JAVA, ["-version"], ROOT, {}, 60_000);
  const javac = await run(JAVAC, ["-version"], ROOT, {}, 60_000);
  const maven = await run(MVN, ["-v"], ROOT, {}, 60_000);
  const version = /version "(\d+)/.exec(java.stderr + java.stdout);
  if (java.code !== 0 || javac.code !== 0 || !version) {
    toolchainProblem = `a JDK 17+ (java and javac) is required for the java scaffold tests: ${(java.stderr || javac.stderr).trim() || "not found"}. Install it with apt-get install -y openjdk-17-jdk-headless`;
  } else if (Number(version[1]) < 17) {
    toolchainProblem = `Java 17+ is required for the java scaffold tests, found: ${version[0]}`;
  } else if (maven.code !== 0) {
    toolchainProblem = `Maven is required for the java scaffold tests: ${maven.stderr.trim() || "mvn not found"}. Install it with apt-get install -y maven`;
  }
  if (toolchainProblem) console.error(toolchainProblem);
  try {
    realIR = await specToIR(defaultPaths(ROOT).specs.map((p) => resolve(ROOT, p)));
  } catch (err) {
    realProblem = err instanceof SpecError ? `spec/ does not validate yet (${err.diagnostics.length} problem(s), first: ${err.diagnostics[0]?.message})` : String(err);
    console.warn(`java scaffold: real-spec checks skipped: ${realProblem}`);
  }
});

function needToolchain(): void {
  if (toolchainProblem) throw new Error(toolchainProblem);
}

/** Renders the scaffold for `ir` into the project directory CACHE/<name>. */
async function scaffold(name: string, ir: IR): Promise<{ dir: string; files: Map<string, string> }> {
  const files = await renderTarget("java", ir, defaultPaths(ROOT));
  const dir = join(CACHE, name);
  await syncTree(dir, files);
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
function missingMethods(ir: IR, files: Map<string, string>): string[] {
  const name = namer(javaProfile);
  const clientFile = (client: string): string => files.get(`src/main/java/org/muxi/sdk/${client}.java`) ?? "";
  return ir.services.flatMap((s) =>
    s.operations.flatMap((o) =>
      o.methods.map((m) => ` ${name(m.name, "method")}(`).filter((sig) => !new RegExp(`public [^;=]*${sig.replace(/[()$]/g, "\\$&")}`).test(clientFile(s.client))),
    ),
  );
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
      expect(missingMethods(ir, files)).toEqual([]);
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
      if (!realIR) {
        console.warn(`SKIPPED java real-spec build: ${realProblem}`);
        ctx.skip(realProblem);
        return;
      }
      const { dir, files } = await scaffold("real", realIR);
      await buildAndTest(dir);
      expect(missingMethods(realIR, files)).toEqual([]);

      const example = /```java\n([\s\S]*?)```/.exec(files.get("README.md") ?? "")?.[1];
      expect(example, "README has no java example").toBeDefined();
      const readmeDir = join(CACHE, "real-readme");
      await rm(readmeDir, { recursive: true, force: true });
      await mkdir(readmeDir, { recursive: true });
      await writeFile(join(readmeDir, "QuickStart.java"), example as string);
      const javac = await run(JAVAC, ["-Xlint:all", "-Werror", "-cp", join(dir, "target/classes"), "-d", join(readmeDir, "out"), "QuickStart.java"], readmeDir);
      expect(javac.code, show(javac)).toBe(0);
    },
    TIMEOUT,
  );

  describe("against the mock server", () => {
    let mock: MockServer;
    let ir: IR;

    beforeAll(async () => {
      ir = realIR ?? (await specToIR(MOCK_FIXTURES));
      mock = await serveMock(ir, { port: 0 });
    });

    afterAll(async () => {
      await mock?.close();
    });

    it(
      "streams a chat (live mode, client key) and makes a signed listFormations call",
      async () => {
        needToolchain();
        expect(
          ir.services.some((s) => s.operations.some((o) => o.name === "listFormations")),
          "the smoke IR has no listFormations",
        ).toBe(true);
        // The real-spec project is already compiled by the test above; the fallback IR gets its own.
        const { dir } = await scaffold(realIR ? "real" : "smoke", ir);
        const compiled = await mvn(["-q", "compile"], dir);
        expect(compiled.code, show(compiled)).toBe(0);
        const prog = join(CACHE, "smoke-program");
        await mkdir(prog, { recursive: true });
        await writeFile(join(prog, "Smoke.java"), SMOKE);
        mock.requests.length = 0;
        const r = await run(JAVA, ["-cp", join(dir, "target/classes"), "Smoke.java"], prog, { MOCK_URL: mock.url }, 120_000);
        expect(r.code, show(r)).toBe(0);
        const out = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as { text: string; types: string[]; formations: unknown };
        expect(out.text).toBe("Hello world");
        expect(out.types).toContain("completed");
        expect(out.types[out.types.length - 1]).toBe("done");
        expect(out.formations).toBeTruthy();

        const rejected = mock.requests.filter((q) => q.rejected);
        expect(rejected.map((q) => `${q.method} ${q.url}: ${q.rejected}`)).toEqual([]);
        const chat = mock.requests.find((q) => q.operation === "chat");
        expect(chat, "the mock saw no chat request").toBeDefined();
        expect(chat).toMatchObject({ mode: "live", formationId: "smoke-bot", stream: true, status: 200 });
        expect(chat?.body).toMatchObject({ message: "Hello!", stream: true });
        expect(chat?.headers["x-muxi-client-key"]).toBe("fmc_test");
        expect(chat?.headers["x-muxi-user-id"]).toBe("user_123");
        expect(chat?.headers["x-muxi-sdk"]).toMatch(/^java\/\d/);
        expect(chat?.headers["x-muxi-idempotency-key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        const signed = mock.requests.find((q) => q.operation === "listFormations");
        expect(signed, "the mock saw no listFormations request").toBeDefined();
        expect(signed?.status).toBe(200);
        expect(signed?.headers.authorization).toMatch(/^MUXI-HMAC key=muxi_pk_test, timestamp=\d{10}, signature=[A-Za-z0-9+/]{43}=$/);
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
