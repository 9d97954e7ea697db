// The Ruby scaffold (generated/ruby): rendered in memory for the hostile and mini fixtures and the
// real spec, written to a temp dir, syntax-checked with `ruby -wc` (every file) and tested with its
// own minitest suite (shared vectors, every SDK method, model round trips, webhooks), then driven
// against the spec-driven mock server (chat stream, signed server calls, named and data streams,
// binary bodies, both error shapes).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { IR } from "../../generator/ir/types.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { expectLiveChat, expectSmokeWire, rejections, SMOKE_ERRORS, useMock, withMock } from "./harness/mock.js";
import { lastJsonLine, runner, show } from "./harness/process.js";
import { HOSTILE, MINI, MOCK_FIXTURES, realIROrSkip, renderInto, ROOT, useRealSpec, useToolchain, useWorkDir, VECTORS } from "./harness/suite.js";

const RUBY = process.env.RUBY ?? "ruby";
const run = runner({ timeout: 120_000 });

const work = useWorkDir("muxi-ruby-");
const real = useRealSpec("ruby");
const needToolchain = useToolchain(async () => {
  const probe = await run(RUBY, ["-e", "require 'minitest'; require 'json'; require 'openssl'; puts RUBY_VERSION; exit(Gem::Version.new(RUBY_VERSION) >= Gem::Version.new('3.0') ? 0 : 3)"], ROOT);
  if (probe.code !== 0) return `Ruby 3.0+ with minitest is required for the ruby scaffold tests (${RUBY}): ${probe.stderr.trim() || probe.stdout.trim()}. Install: apt-get install -y ruby`;
});

/** Renders the scaffold for `ir` into work/<name>; returns the directory and its file list. */
async function scaffold(name: string, ir: IR): Promise<{ dir: string; files: string[] }> {
  const dir = join(work.dir, name);
  const files = await renderInto("ruby", ir, dir);
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
    const realIR = realIROrSkip(ctx, real, "ruby real-spec build");
    const { dir, files } = await scaffold("real", realIR);
    await checkAndTest(dir, files); // test/muxi_test.rb checks method_defined? for every SDK method
  });

  describe("against the mock server", () => {
    // The mock's own fixtures, whatever spec/ holds: they have every call the smoke program makes.
    const mock = useMock(() => specToIR(MOCK_FIXTURES));
    let dir: string;

    beforeAll(async () => {
      dir = (await scaffold("smoke", mock.ir)).dir;
      await writeFile(join(dir, "smoke.rb"), SMOKE);
    });

    it("chat stream, signed server calls, named/data streams, binary bodies, typed errors", async () => {
      needToolchain();
      const { requests } = mock.server;
      requests.length = 0;
      mock.server.setScript(SMOKE_ERRORS);
      const r = await run(RUBY, ["smoke.rb"], dir, { MOCK_URL: mock.server.url }, 60_000);
      mock.server.setScript(undefined);
      expect(r.code, show(r)).toBe(0);
      const out = lastJsonLine(r) as Record<string, any>;

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
      expect(rejections(requests)).toEqual([]);
      const chat = expectLiveChat(requests, "ruby", { find: (q) => q.operation === "chat" && q.stream === true });
      expect(chat?.body).toMatchObject({ message: "Hello!", stream: true });
      expectSmokeWire(requests);
    });

    it("real spec: a chat stream and a signed list_formations call", async (ctx) => {
      needToolchain();
      const realIR = realIROrSkip(ctx, real, "ruby real-spec smoke");
      await withMock(realIR, async (server) => {
        const realDir = (await scaffold("smoke-real", realIR)).dir;
        await writeFile(join(realDir, "smoke.rb"), SMOKE);
        const r = await run(RUBY, ["smoke.rb", "basic"], realDir, { MOCK_URL: server.url }, 60_000);
        expect(r.code, show(r)).toBe(0);
        const out = lastJsonLine(r) as Record<string, any>;
        expect(out.chat.text).toBe("Hello world");
        expect(out.formations).toBeDefined();
        expect(rejections(server.requests)).toEqual([]);
      });
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
