// The Go scaffold (generated/go): rendered in memory for the real spec and the hostile fixture,
// written to a temp dir, checked with gofmt, `go vet ./...` and `go test ./...` (shared vectors),
// its README example compiled, then driven against the spec-driven mock server from a small
// program: a live-mode chat stream and a signed ServerClient call.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import goProfile, { goString } from "../../generator/emit/scaffolds/languages/go.js";
import { namer } from "../../generator/emit/scaffolds/view.js";
import type { IR, TypeRef } from "../../generator/ir/types.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { synthesise } from "../mock-server/synthesise.js";
import { modelMap } from "../mock-server/typeref-check.js";
import { missingMethods, readmeExample, sdkMethods } from "./harness/checks.js";
import { expectEveryMethodCalled, expectSmokeRun, type SmokeOutput, useMock } from "./harness/mock.js";
import { lastJsonLine, runner, show } from "./harness/process.js";
import { HOSTILE, MOCK_FIXTURES, realIROrSkip, renderInto, ROOT, useRealSpec, useToolchain, useWorkDir, VECTORS } from "./harness/suite.js";

// Generous: a cold build cache makes the first toolchain runs slow.
const TIMEOUT = 300_000;
const GO = process.env.GO ?? "go";
const GOFMT = process.env.GOFMT ?? "gofmt";
const MODULE = "github.com/muxi-ai/muxi-go";
// Offline and with the installed toolchain only: the scaffold has no dependencies to fetch.
const run = runner({ timeout: 240_000, env: { GOFLAGS: "-mod=mod", GOPROXY: "off", GOTOOLCHAIN: "local", GOWORK: "off", CGO_ENABLED: "0" } });

const work = useWorkDir("muxi-go-");
const real = useRealSpec("go");
const needToolchain = useToolchain(async () => {
  const probe = await run(GO, ["version"], ROOT);
  const fmt = await run(GOFMT, ["-l", work.dir], ROOT);
  if (probe.code !== 0 || fmt.code !== 0) {
    return `Go 1.21+ (go and gofmt) is required for the go scaffold tests: ${probe.stderr.trim() || fmt.stderr.trim()}. Install Go from https://go.dev/dl or apt-get install -y golang-go`;
  }
  if (!/go1\.(2[1-9]|[3-9]\d)/.test(probe.stdout)) return `Go 1.21+ is required for the go scaffold tests, found: ${probe.stdout.trim()}`;
});

/** Renders the scaffold for `ir` into work/<name>/sdk and returns that directory. */
async function scaffold(name: string, ir: IR): Promise<{ dir: string; files: Map<string, string> }> {
  const dir = join(work.dir, name, "sdk");
  const files = await renderInto("go", ir, dir, join(work.dir, name));
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
    const realIR = realIROrSkip(ctx, real, "go real-spec build");
    const { dir, files } = await scaffold("real", realIR);
    await vetAndTest(dir);
    const source = [...files].filter(([p]) => p.endsWith(".go")).map(([, t]) => t).join("\n");
    expect(missingMethods(realIR, goProfile, (n, s) => source.includes(`func (c *${s.client}) ${n}(`))).toEqual([]);

    const example = readmeExample(await readFile(join(dir, "README.md"), "utf8"), "go");
    await program(join(work.dir, "real", "readme"), example);
    const vet = await run(GO, ["vet", "."], join(work.dir, "real", "readme"));
    expect(vet.code, show(vet)).toBe(0);
  }, TIMEOUT);

  describe("against the mock server", () => {
    const mock = useMock(async () => real.ir ?? (await specToIR(MOCK_FIXTURES)));
    let prog: string;
    let signedOp: string;

    beforeAll(async () => {
      const { ir } = mock;
      signedOp = ir.services.find((s) => s.name === "server")?.operations.some((o) => o.name === "listFormations") ? "listFormations" : "";
      await scaffold("smoke", ir);
      prog = join(work.dir, "smoke", "prog");
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

    it("streams a chat (live mode, client key) and makes a signed listFormations call", async () => {
      needToolchain();
      expect(signedOp, "the smoke IR has no listFormations").toBe("listFormations");
      const built = await run(GO, ["build", "-o", "smoke", "."], prog);
      expect(built.code, show(built)).toBe(0);
      const { requests } = mock.server;
      requests.length = 0;
      const r = await run(join(prog, "smoke"), [], prog, { MOCK_URL: mock.server.url }, 60_000);
      expect(r.code, show(r)).toBe(0);
      const out = lastJsonLine(r) as SmokeOutput;
      expect(out.formations).toBeTruthy();
      expectSmokeRun(requests, "go", out);
    }, TIMEOUT);

    it("calls every SDK method once; the mock accepts every request", async () => {
      needToolchain();
      const { ir } = mock;
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
      const blocks = sdkMethods(ir).map(({ service: s, op: o, method: m }) => {
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
      });
      const dir = join(work.dir, "smoke", "every");
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
      mock.server.requests.length = 0;
      const r = await run(join(dir, "every"), [], dir, { MOCK_URL: mock.server.url }, 120_000);
      expect(r.code, show(r)).toBe(0);
      expectEveryMethodCalled(mock, lastJsonLine(r), blocks.length);
    }, TIMEOUT);
  });
});
