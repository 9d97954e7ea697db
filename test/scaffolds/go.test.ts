// The Go scaffold (generated/go): rendered in memory for the real spec and the hostile fixture,
// written to a temp dir, checked with gofmt, `go vet ./...` and `go test ./...` (shared vectors),
// its README example compiled, then driven against the spec-driven mock server from a small
// program: a live-mode chat stream and a signed ServerClient call.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import goProfile, { goString } from "../../generator/emit/scaffolds/languages/go.js";
import { namer } from "../../generator/emit/scaffolds/view.js";
import type { IR, TypeRef } from "../../generator/ir/types.js";
import { defaultPaths, renderTarget, specToIR } from "../../generator/pipeline/pipeline.js";
import { uncalled } from "../mock-server/coverage.js";
import { serveMock, type MockServer } from "../mock-server/serve.js";
import { synthesise } from "../mock-server/synthesise.js";
import { modelMap } from "../mock-server/typeref-check.js";

// Generous: a cold build cache makes the first toolchain runs slow.
const TIMEOUT = 300_000;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const VECTORS = join(ROOT, "test/vectors");
const GO = process.env.GO ?? "go";
const GOFMT = process.env.GOFMT ?? "gofmt";
const HOSTILE = ["test/fixtures/hostile/formation.yaml", "test/fixtures/hostile/server.yaml"].map((p) => join(ROOT, p));
// The mock's own fixtures have chat + listFormations: the smoke test's fallback while spec/ does not validate.
const MOCK_FIXTURES = ["test/mock-server/fixtures/formation.yaml", "test/mock-server/fixtures/server.yaml"].map((p) => join(ROOT, p));
const MODULE = "github.com/muxi-ai/muxi-go";
// Offline and with the installed toolchain only: the scaffold has no dependencies to fetch.
const GO_ENV = { GOFLAGS: "-mod=mod", GOPROXY: "off", GOTOOLCHAIN: "local", GOWORK: "off", CGO_ENABLED: "0" };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the mock server lives in this process, so a sync spawn would deadlock it. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}, timeout = 240_000): Promise<Run> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...GO_ENV, ...env }, timeout, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
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

// Toolchain: detected once, up front; every test that needs it fails with this message.
let toolchainProblem: string | undefined;
let realIR: IR | undefined;
let realProblem = "";
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "muxi-go-"));
  const probe = await run(GO, ["version"], ROOT);
  const fmt = await run(GOFMT, ["-l", work], ROOT);
  if (probe.code !== 0 || fmt.code !== 0) {
    toolchainProblem = `Go 1.21+ (go and gofmt) is required for the go scaffold tests: ${probe.stderr.trim() || fmt.stderr.trim()}. Install Go from https://go.dev/dl or apt-get install -y golang-go`;
    console.error(toolchainProblem);
  } else if (!/go1\.(2[1-9]|[3-9]\d)/.test(probe.stdout)) {
    toolchainProblem = `Go 1.21+ is required for the go scaffold tests, found: ${probe.stdout.trim()}`;
    console.error(toolchainProblem);
  }
  try {
    realIR = await specToIR(defaultPaths(ROOT).specs.map((p) => resolve(ROOT, p)));
  } catch (err) {
    realProblem = err instanceof SpecError ? `spec/ does not validate yet (${err.diagnostics.length} problem(s), first: ${err.diagnostics[0]?.message})` : String(err);
    console.warn(`go scaffold: real-spec checks skipped: ${realProblem}`);
  }
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function needToolchain(): void {
  if (toolchainProblem) throw new Error(toolchainProblem);
}

/** Renders the scaffold for `ir` into work/<name>/sdk and returns that directory. */
async function scaffold(name: string, ir: IR): Promise<{ dir: string; files: Map<string, string> }> {
  const files = await renderTarget("go", ir, defaultPaths(ROOT));
  const dir = join(work, name, "sdk");
  await rm(join(work, name), { recursive: true, force: true });
  await writeTree(dir, files);
  return { dir, files };
}

async function vetAndTest(dir: string): Promise<void> {
  const fmt = await run(GOFMT, ["-l", "."], dir);
  expect(fmt.code, show(fmt)).toBe(0);
  expect(fmt.stdout.trim(), "files gofmt would change").toBe("");
  const vet = await run(GO, ["vet", "./..."], dir);
  expect(vet.code, show(vet)).toBe(0);
  const test = await run(GO, ["test", "-count=1", "./..."], dir, { MUXI_VECTORS_DIR: VECTORS });
  expect(test.code, show(test)).toBe(0);
  expect(test.stdout).toMatch(/^ok\s/m);
}

/** A program module next to the SDK, importing it through a replace directive. */
async function program(dir: string, main: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "go.mod"), `module example.com/prog\n\ngo 1.21\n\nrequire ${MODULE} v0.0.0\n\nreplace ${MODULE} => ../sdk\n`);
  await writeFile(join(dir, "main.go"), main);
}

describe("go scaffold", () => {
  it("hostile fixture: gofmt-clean, vets and passes its unit tests", async () => {
    needToolchain();
    const { dir, files } = await scaffold("hostile", await specToIR(HOSTILE));
    await vetAndTest(dir);
    const models = files.get("models.go") ?? "";
    // Hostile wire names keep their exact spelling in the tags; keywords are escaped in parameters.
    expect(models).toContain('`json:"weird-name with spaces,omitempty"`');
    expect(models).toContain('`json:"ünïcödé,omitempty"`');
    expect(models).toMatch(/UserID2 \*string `json:"userId,omitempty"`/);
    expect(files.get("formation.go")).toContain("func (c *FormationClient) Delete(ctx context.Context, class string, for_ int64, params *DeleteParams");
    expect(files.get("server.go")).toContain("func (c *ServerClient) Switch(ctx context.Context, case_ string");
  }, TIMEOUT);

  it("real spec: gofmt-clean, vets, passes its unit tests, has every SDK method; the README example compiles", async (ctx) => {
    needToolchain();
    if (!realIR) {
      console.warn(`SKIPPED go real-spec build: ${realProblem}`);
      ctx.skip(realProblem);
      return;
    }
    const { dir, files } = await scaffold("real", realIR);
    await vetAndTest(dir);
    const name = namer(goProfile);
    const source = [...files].filter(([p]) => p.endsWith(".go")).map(([, t]) => t).join("\n");
    const missing = realIR.services.flatMap((s) =>
      s.operations.flatMap((o) =>
        o.methods.map((m) => `func (c *${s.client}) ${name(m.name, "method")}(`).filter((sig) => !source.includes(sig)),
      ),
    );
    expect(missing).toEqual([]);

    const readme = await readFile(join(dir, "README.md"), "utf8");
    const example = /```go\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, "README has no go example").toBeDefined();
    await program(join(work, "real", "readme"), example as string);
    const vet = await run(GO, ["vet", "."], join(work, "real", "readme"));
    expect(vet.code, show(vet)).toBe(0);
  }, TIMEOUT);

  describe("against the mock server", () => {
    let mock: MockServer;
    let prog: string;
    let signedOp: string;
    let ir: IR;

    beforeAll(async () => {
      ir = realIR ?? (await specToIR(MOCK_FIXTURES));
      signedOp = ir.services.find((s) => s.name === "server")?.operations.some((o) => o.name === "listFormations") ? "listFormations" : "";
      mock = await serveMock(ir, { port: 0 });
      await scaffold("smoke", ir);
      prog = join(work, "smoke", "prog");
      await program(
        prog,
        `package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	muxi "${MODULE}"
)

func main() {
	ctx := context.Background()
	url := os.Getenv("MOCK_URL")
	client, err := muxi.NewFormationClient(muxi.FormationConfig{ServerURL: url, FormationID: "smoke-bot", Mode: "live", ClientKey: "fmc_test"})
	check(err)
	stream, err := client.ChatStream(ctx, &muxi.ChatParams{Message: "Hello!"}, muxi.WithUserID("user_123"))
	check(err)
	defer stream.Close()
	var text strings.Builder
	var types []string
	for stream.Next() {
		ev := stream.Current()
		types = append(types, ev.Type)
		if ev.Type == "text" {
			text.WriteString(ev.Text)
		}
	}
	check(stream.Err())

	server, err := muxi.NewServerClient(muxi.ServerConfig{URL: url, KeyID: "muxi_pk_test", SecretKey: "muxi_sk_test"})
	check(err)
	var meta muxi.ResponseMeta
	formations, err := server.ListFormations(ctx, muxi.WithResponseMeta(&meta))
	check(err)
	out, _ := json.Marshal(map[string]any{"text": text.String(), "types": types, "formations": formations, "meta": meta})
	fmt.Println(string(out))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
`,
      );
    });

    afterAll(async () => {
      await mock?.close();
    });

    it("streams a chat (live mode, client key) and makes a signed listFormations call", async () => {
      needToolchain();
      expect(signedOp, "the smoke IR has no listFormations").toBe("listFormations");
      const built = await run(GO, ["build", "-o", "smoke", "."], prog);
      expect(built.code, show(built)).toBe(0);
      mock.requests.length = 0;
      const r = await run(join(prog, "smoke"), [], prog, { MOCK_URL: mock.url }, 60_000);
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
      expect(chat?.headers["x-muxi-client-key"]).toBe("fmc_test");
      expect(chat?.headers["x-muxi-user-id"]).toBe("user_123");
      expect(chat?.headers["x-muxi-sdk"]).toMatch(/^go\/\d/);
      expect(chat?.headers["x-muxi-idempotency-key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const signed = mock.requests.find((q) => q.operation === "listFormations");
      expect(signed, "the mock saw no listFormations request").toBeDefined();
      expect(signed?.headers.authorization).toMatch(/^MUXI-HMAC key=muxi_pk_test, timestamp=\d{10}, signature=[A-Za-z0-9+/]{43}=$/);
    }, TIMEOUT);

    it("calls every SDK method once; the mock accepts every request", async () => {
      needToolchain();
      const name = namer(goProfile);
      const models = modelMap(ir.models);
      const pathArg = (t: TypeRef, v: unknown): string => {
        if (t.kind === "primitive" && t.type === "integer") return `int64(${Number(v)})`;
        if (t.kind === "primitive" && t.type === "number") return `float64(${Number(v)})`;
        if (t.kind === "primitive" && t.type === "boolean") return String(v === true);
        const lit = goString(typeof v === "string" ? v : JSON.stringify(v));
        return t.kind === "model" ? `muxi.${name(t.name, "type")}(${lit})` : lit;
      };
      // One block per SDK method: params loaded from synthesised wire JSON,
      // path params and a required user id positional, an optional user id as an option.
      const blocks = ir.services.flatMap((s) =>
        s.operations.flatMap((o) =>
          o.methods.map((m) => {
            const method = name(m.name, "method");
            const recv = s.name === "formation" ? "fc" : "sc";
            const args = ["ctx", ...o.params.filter((p) => p.in === "path").map((p) => pathArg(p.type, p.fixed ?? synthesise(p.type, models)))];
            if (o.userId === "required") args.push('"user_123"');
            const lines: string[] = [];
            const exposed = o.params.filter((p) => p.in !== "path" && p.fixed === undefined);
            if (exposed.length) {
              // Each field is loaded from its synthesised wire JSON (json.Unmarshal into the field itself).
              lines.push(`var p muxi.${name(o.name, "type")}Params`);
              for (const p of exposed) {
                const field = `p.${name(p.name, "field")}`;
                if (p.whole && p.type.kind === "binary") lines.push(`${field} = []byte{0x1f, 0x8b, 0x08, 0x00}`);
                else lines.push(`check(${goString(`${method}.${p.wire}`)}, json.Unmarshal([]byte(${goString(JSON.stringify(synthesise(p.type, models)))}), &${field}))`);
              }
              args.push("&p");
            }
            if (o.userId === "optional") args.push('muxi.WithUserID("user_123")');
            const callExpr = `${recv}.${method}(${args.join(", ")})`;
            if (m.kind === "stream") {
              lines.push(`s, err := ${callExpr}`, "if err == nil {", "\ts.Next() // follow streams stay open: one event is enough", "\terr = s.Err()", "\ts.Close()", "}");
            } else if (o.response.kind === "empty") {
              lines.push(`err := ${callExpr}`);
            } else {
              lines.push(`_, err := ${callExpr}`);
            }
            lines.push(`check(${goString(`${s.client}.${method}`)}, err)`);
            return `\t{\n${lines.map((l) => `\t\t${l}`).join("\n")}\n\t}`;
          }),
        ),
      );
      const dir = join(work, "smoke", "every");
      await program(
        dir,
        `package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	muxi "${MODULE}"
)

var failures = []string{}

func check(what string, err error) {
	if err != nil {
		failures = append(failures, what+": "+err.Error())
	}
}

func main() {
	ctx := context.Background()
	url := os.Getenv("MOCK_URL")
	fc, err := muxi.NewFormationClient(muxi.FormationConfig{ServerURL: url, FormationID: "smoke-bot", ClientKey: "fmc_test", AdminKey: "fma_test"})
	if err != nil {
		panic(err)
	}
	sc, err := muxi.NewServerClient(muxi.ServerConfig{URL: url, KeyID: "muxi_pk_test", SecretKey: "muxi_sk_test"})
	if err != nil {
		panic(err)
	}
	_, _ = fc, sc
${blocks.join("\n")}
	out, _ := json.Marshal(failures)
	fmt.Println(string(out))
}
`,
      );
      const built = await run(GO, ["build", "-o", "every", "."], dir);
      expect(built.code, show(built)).toBe(0);
      mock.requests.length = 0;
      const r = await run(join(dir, "every"), [], dir, { MOCK_URL: mock.url }, 120_000);
      expect(r.code, show(r)).toBe(0);
      expect(JSON.parse(r.stdout.trim().split("\n").pop() ?? "[]")).toEqual([]);
      expect(mock.requests.filter((q) => q.rejected).map((q) => `${q.method} ${q.url}: ${q.rejected}`)).toEqual([]);
      expect(uncalled(ir, mock.requests)).toEqual([]);
      expect(mock.requests.length).toBeGreaterThanOrEqual(blocks.length);
    }, TIMEOUT);
  });
});
