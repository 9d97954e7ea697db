// The Python scaffold (generated/python): rendered in memory for the real spec and the hostile
// fixture, written to a temp dir, byte-compiled and unit-tested with pytest (shared vectors),
// then driven against the spec-driven mock server: a live-mode chat stream and a signed
// ServerClient call.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import pythonProfile from "../../generator/emit/scaffolds/languages/python.js";
import { namer } from "../../generator/emit/scaffolds/view.js";
import type { IR } from "../../generator/ir/types.js";
import { defaultPaths, renderTarget, specToIR } from "../../generator/pipeline/pipeline.js";
import { uncalled } from "../mock-server/coverage.js";
import { serveMock, type MockServer } from "../mock-server/serve.js";
import { synthesise } from "../mock-server/synthesise.js";
import { modelMap } from "../mock-server/typeref-check.js";

// Generous: a cold build cache makes the first toolchain runs slow.
const TIMEOUT = 120_000;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const VECTORS = join(ROOT, "test/vectors");
const PYTHON = process.env.PYTHON ?? "python3";
const HOSTILE = ["test/fixtures/hostile/formation.yaml", "test/fixtures/hostile/server.yaml"].map((p) => join(ROOT, p));
// The mock's own fixtures have chat + listFormations: the smoke test's fallback while spec/ does not validate.
const MOCK_FIXTURES = ["test/mock-server/fixtures/formation.yaml", "test/mock-server/fixtures/server.yaml"].map((p) => join(ROOT, p));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the mock server lives in this process, so a sync spawn would deadlock it. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}, timeout = 120_000): Promise<Run> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...env }, timeout, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as NodeJS.ErrnoException).code) : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) + (err && code === 1 && !stderr ? String(err.message) : "") });
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
  const probe = await run(PYTHON, ["-c", "import sys, pytest; assert sys.version_info >= (3, 8); print(sys.version.split()[0], pytest.__version__)"], ROOT);
  if (probe.code !== 0) {
    toolchainProblem = `Python 3.8+ with pytest is required for the python scaffold tests (${PYTHON}): ${probe.stderr.trim() || probe.stdout.trim()}. Install: apt-get install -y python3 python3-pytest (or pip install pytest)`;
    console.error(toolchainProblem);
  }
  try {
    realIR = await specToIR(defaultPaths(ROOT).specs.map((p) => resolve(ROOT, p)));
  } catch (err) {
    realProblem = err instanceof SpecError ? `spec/ does not validate yet (${err.diagnostics.length} problem(s), first: ${err.diagnostics[0]?.message})` : String(err);
    console.warn(`python scaffold: real-spec checks skipped: ${realProblem}`);
  }
  work = await mkdtemp(join(tmpdir(), "muxi-python-"));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function needToolchain(): void {
  if (toolchainProblem) throw new Error(toolchainProblem);
}

/** Renders the scaffold for `ir` into work/<name> and returns the directory. */
async function scaffold(name: string, ir: IR): Promise<string> {
  const files = await renderTarget("python", ir, defaultPaths(ROOT));
  const dir = join(work, name);
  await rm(dir, { recursive: true, force: true });
  await writeTree(dir, files);
  return dir;
}

async function compileAndTest(dir: string): Promise<void> {
  const compiled = await run(PYTHON, ["-m", "compileall", "-q", "muxi", "tests"], dir);
  expect(compiled.code, show(compiled)).toBe(0);
  const tested = await run(PYTHON, ["-m", "pytest", "-q", "-p", "no:cacheprovider"], dir, { MUXI_VECTORS_DIR: VECTORS });
  expect(tested.code, show(tested)).toBe(0);
  expect(tested.stdout).toMatch(/\d+ passed/);
}

describe("python scaffold", () => {
  it("hostile fixture: compiles, imports and passes its unit tests (vectors, model round trips)", async () => {
    needToolchain();
    const dir = await scaffold("hostile", await specToIR(HOSTILE));
    await compileAndTest(dir);
    // The hostile names came out as valid, escaped Python.
    const check = await run(
      PYTHON,
      [
        "-c",
        [
          "import muxi, inspect",
          "from muxi import models",
          "c = models.Class.from_wire({'type': 't', 'class': 'c', 'self': 1, 'userId': 'a', 'user_id': 'b', 'ünïcödé': 'u', '123start': 's', 'weird-name with spaces': 'w'})",
          "assert (c.type, c.class_, c.self_, c.user_id, c.user_id2, c.unicode, c._123start, c.weird_name_with_spaces) == ('t', 'c', 1, 'b', 'a', 'u', 's', 'w'), c",
          "assert c.to_wire()['class'] == 'c' and c.to_wire()['userId'] == 'a'",
          "f = muxi.FormationClient(base_url='http://h/v1', client_key='k')",
          "assert [n for n in ('delete', 'import_', 'stream_self') if not hasattr(f, n)] == []",
          "assert list(inspect.signature(f.delete).parameters)[:2] == ['class_', 'for_']",
          "assert hasattr(muxi.ServerClient(url='http://h'), 'switch')",
          "print('ok')",
        ].join("\n"),
      ],
      dir,
    );
    expect(check.code, show(check)).toBe(0);
  }, TIMEOUT);

  it("real spec: compiles, imports, passes its unit tests and has every SDK method", async (ctx) => {
    needToolchain();
    if (!realIR) {
      console.warn(`SKIPPED python real-spec build: ${realProblem}`);
      ctx.skip(realProblem);
      return;
    }
    const dir = await scaffold("real", realIR);
    await compileAndTest(dir);
    // Every SDK method of the IR exists on its client, under its Python name.
    const name = namer(pythonProfile);
    const listed = await run(PYTHON, ["-c", "import muxi,json;print(json.dumps({c:dir(getattr(muxi,c)) for c in ('FormationClient','ServerClient')}))"], dir);
    expect(listed.code, show(listed)).toBe(0);
    const members = JSON.parse(listed.stdout) as Record<string, string[]>;
    const missing = realIR.services.flatMap((s) =>
      s.operations.flatMap((o) => o.methods.map((m) => `${s.client}.${name(m.name, "method")}`)).filter((n) => {
        const [client, method] = n.split(".");
        return !members[client]?.includes(method);
      }),
    );
    expect(missing).toEqual([]);
    // The README quick start runs (every call matches a real signature) over a stubbed transport.
    const readme = await readFile(join(dir, "README.md"), "utf8");
    const example = /```python\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, "README has no python example").toBeDefined();
    await writeFile(join(dir, "readme_example.py"), example as string);
    await writeFile(join(dir, "my-bot.tar.gz"), "bundle");
    const stubbed = await run(
      PYTHON,
      [
        "-c",
        [
          "import muxi.transport as t",
          "class Empty:",
          "    def read1(self, n): return b''",
          "    def close(self): pass",
          "t.Transport.request = lambda self, op, **kw: (None, t.ResponseMeta())",
          "t.Transport.stream = lambda self, op, **kw: Empty()",
          "exec(compile(open('readme_example.py').read(), 'README.md', 'exec'))",
        ].join("\n"),
      ],
      dir,
    );
    expect(stubbed.code, show(stubbed)).toBe(0);
  }, TIMEOUT);

  describe("against the mock server", () => {
    let mock: MockServer;
    let dir: string;
    let signedOp: string;
    let ir: IR;

    beforeAll(async () => {
      ir = realIR ?? (await specToIR(MOCK_FIXTURES));
      signedOp = ir.services.find((s) => s.name === "server")?.operations.some((o) => o.name === "listFormations") ? "listFormations" : "";
      mock = await serveMock(ir, { port: 0 });
      dir = await scaffold("smoke", ir);
      await writeFile(
        join(dir, "smoke.py"),
        [
          "import json, os",
          "from muxi import FormationClient, ServerClient, meta_of",
          "from muxi._codec import encode",
          "url = os.environ['MOCK_URL']",
          "client = FormationClient(server_url=url, formation_id='smoke-bot', mode='live', client_key='fmc_test')",
          "events = list(client.chat_stream(message='Hello!', user_id='user_123'))",
          "text = ''.join(e.text for e in events if e.type == 'text')",
          "server = ServerClient(url=url, key_id='muxi_pk_test', secret_key='muxi_sk_test')",
          "formations = server.list_formations()",
          "print(json.dumps({'text': text, 'types': [e.type for e in events], 'formations': encode(formations),",
          "                  'request_id': getattr(meta_of(formations), 'request_id', None)}))",
        ].join("\n") + "\n",
      );
    });

    afterAll(async () => {
      await mock?.close();
    });

    it("streams a chat (live mode, client key) and makes a signed listFormations call", async () => {
      needToolchain();
      expect(signedOp, "the smoke IR has no listFormations").toBe("listFormations");
      mock.requests.length = 0;
      const r = await run(PYTHON, ["smoke.py"], dir, { MOCK_URL: mock.url, PYTHONDONTWRITEBYTECODE: "1" }, 60_000);
      expect(r.code, show(r)).toBe(0);
      const out = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as { text: string; types: string[]; formations: unknown };
      expect(out.text).toBe("Hello world");
      expect(out.types).toContain("completed");
      expect(out.types[out.types.length - 1]).toBe("done");
      expect(out.formations).toBeDefined();

      const rejected = mock.requests.filter((q) => q.rejected);
      expect(rejected.map((q) => `${q.method} ${q.url}: ${q.rejected}`)).toEqual([]);
      const chat = mock.requests.find((q) => q.operation === "chat");
      expect(chat, "the mock saw no chat request").toBeDefined();
      expect(chat).toMatchObject({ mode: "live", formationId: "smoke-bot", stream: true, status: 200 });
      expect(chat?.headers["x-muxi-client-key"]).toBe("fmc_test");
      expect(chat?.headers["x-muxi-user-id"]).toBe("user_123");
      expect(chat?.headers["x-muxi-sdk"]).toMatch(/^python\/\d/);
      expect(chat?.headers["x-muxi-idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
      const signed = mock.requests.find((q) => q.operation === "listFormations");
      expect(signed, "the mock saw no listFormations request").toBeDefined();
      expect(signed?.headers.authorization).toMatch(/^MUXI-HMAC key=muxi_pk_test, timestamp=\d{10}, signature=[A-Za-z0-9+/]{43}=$/);
    }, TIMEOUT);

    it("calls every SDK method once; the mock accepts every request", async () => {
      needToolchain();
      const name = namer(pythonProfile);
      const models = modelMap(ir.models);
      // One call per SDK method: path params and a required user id positional, every other
      // parameter as a keyword with a synthesised wire value (model values as wire dicts).
      const calls = ir.services.flatMap((s) =>
        s.operations.flatMap((o) =>
          o.methods.map((m) => {
            const args: unknown[] = o.params.filter((p) => p.in === "path").map((p) => p.fixed ?? synthesise(p.type, models));
            if (o.userId === "required") args.push("user_123");
            const kwargs: Record<string, unknown> = {};
            for (const p of o.params) {
              if (p.in === "path" || p.fixed !== undefined) continue;
              kwargs[name(p.name, "param")] = p.type.kind === "binary" ? { $bytes: "H4sIAA==" } : synthesise(p.type, models);
            }
            if (o.userId === "optional") kwargs.user_id = "user_123";
            return { client: s.client, method: name(m.name, "method"), stream: m.kind === "stream", args, kwargs };
          }),
        ),
      );
      await writeFile(join(dir, "calls.json"), JSON.stringify(calls));
      await writeFile(
        join(dir, "every_method.py"),
        [
          "import base64, json, os, traceback",
          "import muxi",
          "url = os.environ['MOCK_URL']",
          "clients = {",
          "    'FormationClient': muxi.FormationClient(server_url=url, formation_id='smoke-bot', client_key='fmc_test', admin_key='fma_test'),",
          "    'ServerClient': muxi.ServerClient(url=url, key_id='muxi_pk_test', secret_key='muxi_sk_test'),",
          "}",
          "def value(v):",
          "    return base64.b64decode(v['$bytes']) if isinstance(v, dict) and set(v) == {'$bytes'} else v",
          "failures = []",
          "for c in json.load(open('calls.json')):",
          "    try:",
          "        result = getattr(clients[c['client']], c['method'])(*c['args'], **{k: value(v) for k, v in c['kwargs'].items()})",
          "        if c['stream']:",
          "            with result:",
          "                for event in result:",
          "                    break  # follow streams stay open: one event is enough",
          "    except Exception as err:",
          "        failures.append(f\"{c['client']}.{c['method']}: {err!r}\")",
          "print(json.dumps(failures))",
        ].join("\n") + "\n",
      );
      mock.requests.length = 0;
      const r = await run(PYTHON, ["every_method.py"], dir, { MOCK_URL: mock.url, PYTHONDONTWRITEBYTECODE: "1" }, 120_000);
      expect(r.code, show(r)).toBe(0);
      expect(JSON.parse(r.stdout.trim().split("\n").pop() ?? "[]")).toEqual([]);
      expect(mock.requests.filter((q) => q.rejected).map((q) => `${q.method} ${q.url}: ${q.rejected}`)).toEqual([]);
      expect(uncalled(ir, mock.requests)).toEqual([]);
      expect(mock.requests.length).toBeGreaterThanOrEqual(calls.length);
    }, TIMEOUT);
  });
});
