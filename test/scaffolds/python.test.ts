// The Python scaffold (generated/python): rendered in memory for the real spec and the hostile
// fixture, written to a temp dir, byte-compiled and unit-tested with pytest (shared vectors),
// then driven against the spec-driven mock server: a live-mode chat stream and a signed
// ServerClient call.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import pythonProfile from "../../generator/emit/scaffolds/languages/python.js";
import { namer } from "../../generator/emit/scaffolds/view.js";
import type { IR } from "../../generator/ir/types.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { synthesise } from "../mock-server/synthesise.js";
import { modelMap } from "../mock-server/typeref-check.js";
import { missingMethods, readmeExample, sdkMethods } from "./harness/checks.js";
import { expectEveryMethodCalled, expectSmokeRun, type SmokeOutput, useMock } from "./harness/mock.js";
import { lastJsonLine, runner, show } from "./harness/process.js";
import { HOSTILE, MOCK_FIXTURES, realIROrSkip, renderInto, ROOT, useRealSpec, useToolchain, useWorkDir, VECTORS } from "./harness/suite.js";

// Generous: a cold build cache makes the first toolchain runs slow.
const TIMEOUT = 120_000;
const PYTHON = process.env.PYTHON ?? "python3";
const run = runner({ timeout: 120_000 });

const work = useWorkDir("muxi-python-");
const real = useRealSpec("python");
const needToolchain = useToolchain(async () => {
  const probe = await run(PYTHON, ["-c", "import sys, pytest; assert sys.version_info >= (3, 8); print(sys.version.split()[0], pytest.__version__)"], ROOT);
  if (probe.code !== 0) {
    return `Python 3.8+ with pytest is required for the python scaffold tests (${PYTHON}): ${probe.stderr.trim() || probe.stdout.trim()}. Install: apt-get install -y python3 python3-pytest (or pip install pytest)`;
  }
});

/** Renders the scaffold for `ir` into work/<name> and returns the directory. */
async function scaffold(name: string, ir: IR): Promise<string> {
  const dir = join(work.dir, name);
  await renderInto("python", ir, dir);
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
    const realIR = realIROrSkip(ctx, real, "python real-spec build");
    const dir = await scaffold("real", realIR);
    await compileAndTest(dir);
    // Every SDK method of the IR exists on its client, under its Python name.
    const listed = await run(PYTHON, ["-c", "import muxi,json;print(json.dumps({c:dir(getattr(muxi,c)) for c in ('FormationClient','ServerClient')}))"], dir);
    expect(listed.code, show(listed)).toBe(0);
    const members = JSON.parse(listed.stdout) as Record<string, string[]>;
    expect(missingMethods(realIR, pythonProfile, (n, s) => members[s.client]?.includes(n) === true)).toEqual([]);
    // The README quick start runs (every call matches a real signature) over a stubbed transport.
    const example = readmeExample(await readFile(join(dir, "README.md"), "utf8"), "python");
    await writeFile(join(dir, "readme_example.py"), example);
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
    const mock = useMock(async () => real.ir ?? (await specToIR(MOCK_FIXTURES)));
    let dir: string;
    let signedOp: string;

    beforeAll(async () => {
      const { ir } = mock;
      signedOp = ir.services.find((s) => s.name === "server")?.operations.some((o) => o.name === "listFormations") ? "listFormations" : "";
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

    it("streams a chat (live mode, client key) and makes a signed listFormations call", async () => {
      needToolchain();
      expect(signedOp, "the smoke IR has no listFormations").toBe("listFormations");
      const { requests } = mock.server;
      requests.length = 0;
      const r = await run(PYTHON, ["smoke.py"], dir, { MOCK_URL: mock.server.url, PYTHONDONTWRITEBYTECODE: "1" }, 60_000);
      expect(r.code, show(r)).toBe(0);
      const out = lastJsonLine(r) as SmokeOutput;
      expect(out.formations).toBeDefined();
      expectSmokeRun(requests, "python", out, { idempotencyKey: /^[0-9a-f-]{36}$/ });
    }, TIMEOUT);

    it("calls every SDK method once; the mock accepts every request", async () => {
      needToolchain();
      const { ir } = mock;
      const name = namer(pythonProfile);
      const models = modelMap(ir.models);
      // One call per SDK method: path params and a required user id positional, every other
      // parameter as a keyword with a synthesised wire value (model values as wire dicts).
      const calls = sdkMethods(ir).map(({ service: s, op: o, method: m }) => {
        const args: unknown[] = o.params.filter((p) => p.in === "path").map((p) => p.fixed ?? synthesise(p.type, models));
        if (o.userId === "required") args.push("user_123");
        const kwargs: Record<string, unknown> = {};
        for (const p of o.params) {
          if (p.in === "path" || p.fixed !== undefined) continue;
          kwargs[name(p.name, "param")] = p.type.kind === "binary" ? { $bytes: "H4sIAA==" } : synthesise(p.type, models);
        }
        if (o.userId === "optional") kwargs.user_id = "user_123";
        return { client: s.client, method: name(m.name, "method"), stream: m.kind === "stream", args, kwargs };
      });
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
      mock.server.requests.length = 0;
      const r = await run(PYTHON, ["every_method.py"], dir, { MOCK_URL: mock.server.url, PYTHONDONTWRITEBYTECODE: "1" }, 120_000);
      expect(r.code, show(r)).toBe(0);
      expectEveryMethodCalled(mock, lastJsonLine(r), calls.length);
    }, TIMEOUT);
  });
});
