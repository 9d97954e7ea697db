// The Ruby scaffold (generated/ruby): rendered in memory for the hostile and mini fixtures and the
// real spec, written to a temp dir, syntax-checked with `ruby -wc` (every file) and tested with its
// own minitest suite (shared vectors, every SDK method, model round trips, webhooks), then driven
// against the spec-driven mock server (chat stream, signed server calls, named and data streams,
// binary bodies, both error shapes).
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import type { IR } from "../../generator/ir/types.js";
import { defaultPaths, renderTarget, specToIR } from "../../generator/pipeline/pipeline.js";
import { serveMock, type MockServer } from "../mock-server/serve.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const VECTORS = join(ROOT, "test/vectors");
const RUBY = process.env.RUBY ?? "ruby";
const fixture = (name: string): string[] => [`${name}/formation.yaml`, `${name}/server.yaml`].map((p) => join(ROOT, p));
const HOSTILE = fixture("test/fixtures/hostile");
const MINI = fixture("test/fixtures/mini");
// The mock's own fixtures cover every stream format, binary bodies and HMAC with queries.
const MOCK_FIXTURES = fixture("test/mock-server/fixtures");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the mock server lives in this process, so a sync spawn would block it. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}, timeout = 120_000): Promise<Run> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...env }, timeout, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as NodeJS.ErrnoException).code) : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) + (err && !stderr ? String(err.message) : "") });
    });
  });
}

const show = (r: Run): string => `exit ${r.code}\n--- stdout\n${r.stdout.slice(-6000)}\n--- stderr\n${r.stderr.slice(-6000)}`;

// Toolchain: detected once, up front; every test that needs it fails with this message.
let toolchainProblem: string | undefined;
let realIR: IR | undefined;
let realProblem = "";
let work: string;

beforeAll(async () => {
  const probe = await run(RUBY, ["-e", "require 'minitest'; require 'json'; require 'openssl'; puts RUBY_VERSION; exit(Gem::Version.new(RUBY_VERSION) >= Gem::Version.new('3.0') ? 0 : 3)"], ROOT);
  if (probe.code !== 0) {
    toolchainProblem = `Ruby 3.0+ with minitest is required for the ruby scaffold tests (${RUBY}): ${probe.stderr.trim() || probe.stdout.trim()}. Install: apt-get install -y ruby`;
    console.error(toolchainProblem);
  }
  try {
    realIR = await specToIR(defaultPaths(ROOT).specs.map((p) => resolve(ROOT, p)));
  } catch (err) {
    realProblem = err instanceof SpecError ? `spec/ does not validate yet (${err.diagnostics.length} problem(s), first: ${err.diagnostics[0]?.message})` : String(err);
    console.warn(`ruby scaffold: real-spec checks skipped: ${realProblem}`);
  }
  work = await mkdtemp(join(tmpdir(), "muxi-ruby-"));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function needToolchain(): void {
  if (toolchainProblem) throw new Error(toolchainProblem);
}

/** Renders the scaffold for `ir` into work/<name>; returns the directory and its file list. */
async function scaffold(name: string, ir: IR): Promise<{ dir: string; files: string[] }> {
  const files = await renderTarget("ruby", ir, defaultPaths(ROOT));
  const dir = join(work, name);
  await rm(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return { dir, files: [...files.keys()] };
}

/** `ruby -wc` on every Ruby file (warnings are failures too), then the scaffold's minitest suite. */
async function checkAndTest(dir: string, files: string[]): Promise<void> {
  const rb = files.filter((f) => f.endsWith(".rb") || f.endsWith(".gemspec"));
  expect(rb.length).toBeGreaterThan(10);
  const results = await Promise.all(rb.map(async (f) => ({ f, r: await run(RUBY, ["-wc", f], dir) })));
  const failures = results.filter(({ r }) => r.code !== 0 || r.stderr.trim() !== "").map(({ f, r }) => `${f}: ${r.stdout}${r.stderr}`);
  expect(failures, failures.join("\n")).toEqual([]);
  const tested = await run(RUBY, ["-w", "-Ilib", "test/muxi_test.rb"], dir, { MUXI_VECTORS_DIR: VECTORS });
  expect(tested.code, show(tested)).toBe(0);
  expect(tested.stdout).toMatch(/\d+ runs, \d+ assertions, 0 failures, 0 errors/);
  expect(tested.stderr, "ruby -w warnings").toBe("");
}

describe("ruby scaffold", () => {
  it("hostile fixture: every file parses, the suite passes, hostile names are valid Ruby", async () => {
    needToolchain();
    const { dir, files } = await scaffold("hostile", await specToIR(HOSTILE));
    await checkAndTest(dir, files);
    const check = await run(
      RUBY,
      [
        "-Ilib",
        "-e",
        [
          "require 'muxi'",
          "c = Muxi::Models::ClassModel.from_wire('type' => 't', 'class' => 'c', 'self' => 1, 'userId' => 'a', 'user_id' => 'b', '123start' => 's', 'weird-name with spaces' => 'w', 'end' => '*/', 'object' => { 'this' => 'T', 'None' => 'n', 'nil' => 'x' })",
          "got = [c.type, c.class_, c.self_, c.user_id, c.user_id2, c._123start, c.weird_name_with_spaces, c.end_, c.object.this, c.object.none, c.object.nil_]",
          "abort(got.inspect) unless got == ['t', 'c', 1, 'b', 'a', 's', 'w', '*/', 'T', 'n', 'x']",
          "w = c.to_wire",
          "abort(w.inspect) unless w['class'] == 'c' && w['userId'] == 'a' && w['user_id'] == 'b' && w['object'] == { 'this' => 'T', 'None' => 'n', 'nil' => 'x' }",
          "abort('class') unless c.class == Muxi::Models::ClassModel",
          "abort('enum') unless Muxi::Models::End::ALL.include?('*/') && Muxi::Models::End::ALL.include?('#{x}'.sub('#', '$')) && Muxi::Models::End::END_ == 'end'",
          "f = Muxi::FormationClient.new(base_url: 'http://h/v1', client_key: 'k')",
          "abort('methods') unless %i[delete import stream_self].all? { |m| f.respond_to?(m) }",
          "abort(f.method(:delete).parameters.inspect) unless f.method(:delete).parameters.first(2) == [[:req, :class_], [:req, :for_]]",
          "abort('switch') unless Muxi::ServerClient.new(url: 'http://h').respond_to?(:switch)",
          "puts 'ok'",
        ].join("\n"),
      ],
      dir,
    );
    expect(check.code, show(check)).toBe(0);
  });

  it("mini fixture: every file parses and the suite passes", async () => {
    needToolchain();
    const { dir, files } = await scaffold("mini", await specToIR(MINI));
    await checkAndTest(dir, files);
  });

  it("real spec: every file parses, the suite passes and every SDK method exists", async (ctx) => {
    needToolchain();
    if (!realIR) {
      console.warn(`SKIPPED ruby real-spec build: ${realProblem}`);
      ctx.skip(realProblem);
      return;
    }
    const { dir, files } = await scaffold("real", realIR);
    await checkAndTest(dir, files); // test/muxi_test.rb checks method_defined? for every SDK method
  });

  describe("against the mock server", () => {
    let mock: MockServer;
    let dir: string;

    beforeAll(async () => {
      const ir = await specToIR(MOCK_FIXTURES);
      mock = await serveMock(ir, { port: 0 });
      dir = (await scaffold("smoke", ir)).dir;
      await writeFile(join(dir, "smoke.rb"), SMOKE);
    });

    afterAll(async () => {
      await mock?.close();
    });

    it("chat stream, signed server calls, named/data streams, binary bodies, typed errors", async () => {
      needToolchain();
      mock.requests.length = 0;
      mock.setScript((op, req) => {
        if (op.name === "restoreSession" && req.pathParams.session_id === "missing") return { status: 404 };
        if (op.name === "deployFormation" && req.headers["x-formation-id"] === "taken") return { status: 409, body: { error: "Conflict", message: "formation taken already exists", code: 409 } };
        if (op.name === "getMemories" && req.query.limit === "429") return { status: 429, headers: { "Retry-After": "0" } };
        return undefined;
      });
      const r = await run(RUBY, ["smoke.rb"], dir, { MOCK_URL: mock.url }, 60_000);
      mock.setScript(undefined);
      expect(r.code, show(r)).toBe(0);
      const out = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as Record<string, any>;

      expect(out.chat.text).toBe("Hello world");
      expect(out.chat.types).toEqual(["thinking", "text", "text", "completed", "ui", "done"]);
      expect(out.chat_plain).toBe("Muxi::Models::ChatResponse");
      expect(out.restore).toBe("Muxi::Models::RestoreResult");
      expect(out.logs).toEqual(["log", "log"]);
      expect(out.events).toBe(3);
      expect(out.artifact).toBe("1f8b08006d6f636b");
      expect(out.ping).toBe("pong");
      expect(out.deploy).toBe("Muxi::Models::DeployResult");
      expect(out.deploy_events.length).toBeGreaterThan(0);
      expect(out.deploy_events[out.deploy_events.length - 1]).toBe("complete");
      expect(out.logs2).toHaveProperty("lines");
      expect(out.not_found).toMatchObject({ class: "Muxi::NotFoundError", code: "RESOURCE_NOT_FOUND", status: 404 });
      expect(out.not_found.request_id).toMatch(/^req_mock_/);
      expect(out.conflict).toMatchObject({ class: "Muxi::ConflictError", code: "CONFLICT", status: 409, message: "formation taken already exists" });
      expect(out.rate_limited).toMatchObject({ class: "Muxi::RateLimitError", code: "RATE_LIMITED", retry_after: 0 });
      expect(out.missing_user).toBe("Muxi::ValidationError");

      // The mock refused nothing but the scripted errors, and saw the wire the spec describes.
      expect(mock.requests.filter((q) => q.rejected).map((q) => `${q.method} ${q.url}: ${q.rejected}`)).toEqual([]);
      const chat = mock.requests.find((q) => q.operation === "chat" && q.stream);
      expect(chat).toMatchObject({ mode: "live", formationId: "smoke-bot", status: 200, body: { message: "Hello!", stream: true } });
      expect(chat?.headers["x-muxi-client-key"]).toBe("fmc_test");
      expect(chat?.headers["x-muxi-user-id"]).toBe("user_123");
      expect(chat?.headers["x-muxi-sdk"]).toMatch(/^ruby\/\d/);
      expect(chat?.headers["x-muxi-idempotency-key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(mock.requests.find((q) => q.operation === "chat" && !q.stream)?.body).toMatchObject({ stream: false, session_id: "sess_1" });
      const restore = mock.requests.find((q) => q.operation === "restoreSession" && q.status === 200);
      expect(restore?.path).toBe("/api/smoke-bot/v1/sessions/sess%201%2F%C3%BC/restore");
      expect(restore?.pathParams.session_id).toBe("sess 1/ü");
      expect(mock.requests.find((q) => q.operation === "getMemories" && q.status === 200)?.query).toEqual({ limit: "5", include_archived: "false" });
      expect(mock.requests.find((q) => q.operation === "clearAuditLog")?.headers["x-muxi-admin-key"]).toBe("fma_test");
      const signed = mock.requests.filter((q) => q.service === "server" && q.operation !== "ping");
      expect(signed.length).toBeGreaterThanOrEqual(4);
      for (const q of signed) expect(q.headers.authorization).toMatch(/^MUXI-HMAC key=muxi_pk_test, timestamp=\d{10}, signature=[A-Za-z0-9+/]{43}=$/);
      const deploy = mock.requests.find((q) => q.operation === "deployFormation" && q.status === 201);
      expect(deploy?.headers["content-type"]).toBe("application/gzip");
      expect(deploy?.headers["x-formation-id"]).toBe("my-bot");
      expect(mock.requests.find((q) => q.operation === "getFormationLogs")?.url).toBe("/rpc/formations/my-bot/logs?lines=50");
      // GET getMemories was retried once on 429 with the same idempotency key.
      const limited = mock.requests.filter((q) => q.operation === "getMemories" && q.status === 429);
      expect(limited).toHaveLength(2);
      expect(limited[0].headers["x-muxi-idempotency-key"]).toBe(limited[1].headers["x-muxi-idempotency-key"]);
    });

    it("real spec: a chat stream and a signed list_formations call", async (ctx) => {
      needToolchain();
      if (!realIR) {
        console.warn(`SKIPPED ruby real-spec smoke: ${realProblem}`);
        ctx.skip(realProblem);
        return;
      }
      const real = await serveMock(realIR, { port: 0 });
      try {
        const realDir = (await scaffold("smoke-real", realIR)).dir;
        await writeFile(join(realDir, "smoke.rb"), SMOKE);
        const r = await run(RUBY, ["smoke.rb", "basic"], realDir, { MOCK_URL: real.url }, 60_000);
        expect(r.code, show(r)).toBe(0);
        const out = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as Record<string, any>;
        expect(out.chat.text).toBe("Hello world");
        expect(out.formations).toBeDefined();
        expect(real.requests.filter((q) => q.rejected).map((q) => `${q.method} ${q.url}: ${q.rejected}`)).toEqual([]);
      } finally {
        await real.close();
      }
    });
  });
});

// The smoke program: every call the mock fixtures allow (or, with argument "basic", the two the
// real spec is sure to have), printed as one JSON line.
const SMOKE = String.raw`$LOAD_PATH.unshift File.join(__dir__, "lib")
require "json"
require "muxi"

url = ENV.fetch("MOCK_URL")
basic = ARGV[0] == "basic"
out = {}
failure = lambda do |e|
  { class: e.class.name, code: e.code, status: e.status, message: e.message, request_id: e.request_id,
    retry_after: e.respond_to?(:retry_after) ? e.retry_after : nil }
end

formation = Muxi::FormationClient.new(server_url: url, formation_id: "smoke-bot", client_key: "fmc_test", admin_key: "fma_test")
server = Muxi::ServerClient.new(url: url, key_id: "muxi_pk_test", secret_key: "muxi_sk_test")

text = +""
types = []
formation.chat_stream({ message: "Hello!" }, user_id: "user_123") do |event|
  types << event.type
  text << event.text if event.type == "text"
end
out[:chat] = { text: text, types: types }
out[:formations] = Muxi::Runtime::Model.plain(server.list_formations)

unless basic
  out[:chat_plain] = formation.chat(message: "Hi", session_id: "sess_1").class.name
  messages = [{ "role" => "user", "content" => "Hello", "timestamp" => "2026-01-01T00:00:00Z" }]
  out[:restore] = formation.restore_session("sess 1/ü", { messages: messages }, user_id: "u1").class.name
  formation.get_memories({ limit: 5, include_archived: false }, user_id: "u1")
  formation.clear_audit_log
  out[:logs] = []
  formation.stream_logs(level: "INFO") do |event|
    out[:logs] << event.event
    break if out[:logs].size == 2 # a follow stream: leaving the block closes it
  end
  out[:events] = formation.stream_events.count
  out[:artifact] = formation.get_artifact_content("art_1", user_id: "u1").unpack1("H*")
  out[:ping] = server.ping
  bundle = "\x1f\x8b\x08\x00bundle".b
  out[:deploy] = server.deploy_formation(formation_id: "my-bot", bundle: bundle).class.name
  out[:deploy_events] = server.deploy_formation_streaming(formation_id: "my-bot", version: "1.0.0", bundle: bundle).map(&:event)
  out[:logs2] = Muxi::Runtime::Model.plain(server.get_formation_logs("my-bot", lines: 50))
  begin
    formation.restore_session("missing", { messages: messages }, user_id: "u1")
  rescue Muxi::MuxiError => e
    out[:not_found] = failure.call(e)
  end
  begin
    server.deploy_formation(formation_id: "taken", bundle: bundle)
  rescue Muxi::MuxiError => e
    out[:conflict] = failure.call(e)
  end
  begin
    formation.get_memories({ limit: 429 }, user_id: "u1", max_retries: 1)
  rescue Muxi::MuxiError => e
    out[:rate_limited] = failure.call(e)
  end
  begin
    formation.get_memories
  rescue Muxi::MuxiError => e
    out[:missing_user] = e.class.name
  end
end
puts JSON.generate(out)
`;
