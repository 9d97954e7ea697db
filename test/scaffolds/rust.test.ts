// The Rust scaffold (generated/rust, crate `muxi`): rendered in memory for the hostile fixture and the
// real spec, written to crate directories under os.tmpdir(), built warning-free with cargo, its own
// tests run (the shared vectors), its README example compiled, and a small program driven against
// the spec-driven mock server: a live-mode chat stream and a MUXI-HMAC-signed ServerClient call.
// The generated code is laid out the way rustfmt would (its rustfmt.toml: 140 columns), so
// `cargo fmt --check` is part of the build check.
//
// Speed: every crate shares one CARGO_TARGET_DIR under os.tmpdir(), so ureq/serde are compiled
// once per machine; files are rewritten only when their text changed, so an unchanged scaffold is
// not recompiled. Each crate (all are named `muxi` 0.1.0) sits in its own one-member workspace
// under a directory named after it: cargo hashes a path package by its path relative to the
// workspace root, so without that the crates would share one fingerprint and a stale build of one
// could pass for another. First run ≈ 2–3 min on 2 cores, later ≈ 20 s.
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import rustProfile from "../../generator/emit/scaffolds/languages/rust.js";
import { namer } from "../../generator/emit/scaffolds/view.js";
import type { IR } from "../../generator/ir/types.js";
import { defaultPaths, renderTarget, specToIR } from "../../generator/pipeline/pipeline.js";
import { serveMock, type MockServer } from "../mock-server/serve.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const VECTORS = join(ROOT, "test/vectors");
const CARGO = process.env.CARGO ?? "cargo";
const CACHE = process.env.MUXI_RUST_CACHE ?? join(tmpdir(), "muxi-scaffold-rust");
const HOSTILE = ["test/fixtures/hostile/formation.yaml", "test/fixtures/hostile/server.yaml"].map((p) => join(ROOT, p));
// The mock's own fixtures have chat + listFormations: the smoke test's fallback while spec/ does not validate.
const MOCK_FIXTURES = ["test/mock-server/fixtures/formation.yaml", "test/mock-server/fixtures/server.yaml"].map((p) => join(ROOT, p));
const CARGO_ENV = { CARGO_TARGET_DIR: join(CACHE, "target"), CARGO_TERM_COLOR: "never", MUXI_VECTORS_DIR: VECTORS };
const BUILD_TIMEOUT = 900_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the mock server lives in this process, so a sync spawn would deadlock it. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}, timeout = BUILD_TIMEOUT): Promise<Run> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...CARGO_ENV, ...env }, timeout, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === "number" ? Number((err as NodeJS.ErrnoException).code) : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) + (err && !stderr ? String(err.message) : "") });
    });
  });
}

const show = (r: Run): string => `exit ${r.code}\n--- stdout\n${r.stdout.slice(-6000)}\n--- stderr\n${r.stderr.slice(-8000)}`;

/** Warnings and errors cargo reported for our crate (not for dependencies, which cargo silences). */
const diagnostics = (r: Run): string[] => r.stderr.split("\n").filter((l) => /^(warning|error)(\[\w+\])?: /.test(l) && !/generated \d+ warning/.test(l));

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out.push(relative(dir, full).split("\\").join("/"));
    }
  };
  await walk(dir);
  return out;
}

/** Makes `dir` hold exactly `files`, writing only what changed so cargo does not rebuild. */
async function syncTree(dir: string, files: Map<string, string>): Promise<void> {
  for (const path of await listFiles(dir)) {
    if (!files.has(path)) await rm(join(dir, path));
  }
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
  const probe = await run(CARGO, ["--version"], ROOT, {}, 60_000);
  const version = /cargo (\d+)\.(\d+)/.exec(probe.stdout);
  if (probe.code !== 0 || !version) {
    toolchainProblem = `cargo (Rust 1.85+) is required for the rust scaffold tests: ${probe.stderr.trim() || "not found"}. Install it with rustup (https://rustup.rs).`;
  } else if (Number(version[1]) === 1 && Number(version[2]) < 85) {
    toolchainProblem = `Rust 1.85+ is required for the rust scaffold tests (ureq 3), found: ${probe.stdout.trim()}`;
  } else if ((await run(CARGO, ["fmt", "--version"], ROOT, {}, 60_000)).code !== 0) {
    toolchainProblem = "rustfmt is required for the rust scaffold tests: rustup component add rustfmt";
  }
  if (toolchainProblem) console.error(toolchainProblem);
  try {
    realIR = await specToIR(defaultPaths(ROOT).specs.map((p) => resolve(ROOT, p)));
  } catch (err) {
    realProblem = err instanceof SpecError ? `spec/ does not validate yet (${err.diagnostics.length} problem(s), first: ${err.diagnostics[0]?.message})` : String(err);
    console.warn(`rust scaffold: real-spec checks skipped: ${realProblem}`);
  }
});

function needToolchain(): void {
  if (toolchainProblem) throw new Error(toolchainProblem);
}

/** Renders the scaffold for `ir` into the crate CACHE/<name>/<name> (plus extra files), the one member of workspace CACHE/<name>. */
async function scaffold(name: string, ir: IR, extra: Record<string, string> = {}): Promise<{ dir: string; files: Map<string, string> }> {
  const files = await renderTarget("rust", ir, defaultPaths(ROOT));
  const workspace = join(CACHE, name);
  await mkdir(workspace, { recursive: true });
  for (const e of await readdir(workspace)) if (!["Cargo.toml", "Cargo.lock", name].includes(e)) await rm(join(workspace, e), { recursive: true, force: true });
  const manifest = `[workspace]\nmembers = [${JSON.stringify(name)}]\nresolver = "2"\n`;
  if ((await readFile(join(workspace, "Cargo.toml"), "utf8").catch(() => "")) !== manifest) await writeFile(join(workspace, "Cargo.toml"), manifest);
  const dir = join(workspace, name);
  await syncTree(dir, new Map([...files, ...Object.entries(extra)]));
  return { dir, files };
}

/** The README's Rust example, as an example target of the crate. */
function readmeExample(files: Map<string, string>): Record<string, string> {
  const example = /```rust\n([\s\S]*?)```/.exec(files.get("README.md") ?? "")?.[1];
  expect(example, "README has no rust example").toBeDefined();
  return { "examples/readme.rs": example as string };
}

/** rustfmt-clean, `cargo build --all-targets` (library, tests, examples) with no warnings, then `cargo test` (the vectors). */
async function buildAndTest(dir: string): Promise<Run> {
  const fmt = await run(CARGO, ["fmt", "--check"], dir, {}, 120_000);
  expect(fmt.code, `files rustfmt would change:\n${show(fmt)}`).toBe(0);
  const build = await run(CARGO, ["build", "--all-targets"], dir);
  expect(build.code, show(build)).toBe(0);
  expect(diagnostics(build), show(build)).toEqual([]);
  const test = await run(CARGO, ["test"], dir);
  expect(test.code, show(test)).toBe(0);
  expect(test.stdout).toMatch(/test result: ok\. 7 passed; 0 failed/);
  return test;
}

/** Every SDK method of the IR is a `pub fn` of its client. */
function missingMethods(ir: IR, files: Map<string, string>): string[] {
  const name = namer(rustProfile);
  return ir.services.flatMap((s) =>
    s.operations.flatMap((o) =>
      o.methods.map((m) => `pub fn ${name(m.name, "method")}(&self`).filter((sig) => !(files.get(`src/${s.name}.rs`) ?? "").includes(sig)),
    ),
  );
}

describe("rust scaffold", () => {
  it("finds a Rust toolchain (cargo 1.85+ with rustfmt)", () => {
    needToolchain();
  });

  it(
    "hostile fixture: builds warning-free, passes the shared vectors, keeps wire names and escapes keywords",
    async () => {
      needToolchain();
      const ir = await specToIR(HOSTILE);
      const { dir, files } = await scaffold("hostile", ir);
      await buildAndTest(dir);
      expect(missingMethods(ir, files)).toEqual([]);
      const models = files.get("src/models.rs") ?? "";
      expect(models).toContain('#[serde(rename = "weird-name with spaces", default, skip_serializing_if = "Option::is_none")]');
      expect(models).toContain('#[serde(rename = "\\u{fc}n\\u{ef}c\\u{f6}d\\u{e9}"');
      expect(models).toMatch(/#\[serde\(rename = "type"\)\]\n\s+pub r#type: String,/);
      expect(models).toMatch(/#\[serde\(rename = "userId", default, skip_serializing_if = "Option::is_none"\)\]\n\s+pub user_id2: Option<String>,/);
      expect(models).toMatch(/pub self_: Option<i64>,/);
      // Hostile text never leaves a comment or a string literal.
      expect(models).not.toMatch(/^[^/]*\*\/ with \$\{bad\}/m);
      expect(files.get("src/formation.rs")).toContain("pub fn delete(&self, class: &str, r#for: i64, params: DeleteParams) -> Result<Class>");
      expect(files.get("src/formation.rs")).toContain("pub fn import(&self, class: &str, r#for: i64, params: ImportParams) -> Result<Object>");
      expect(files.get("src/server.rs")).toContain("pub fn switch(&self, case: &str) -> Result<String>");
    },
    BUILD_TIMEOUT,
  );

  it(
    "real spec: builds warning-free, passes the shared vectors, has every SDK method; the README example compiles",
    async (ctx) => {
      needToolchain();
      if (!realIR) {
        console.warn(`SKIPPED rust real-spec build: ${realProblem}`);
        ctx.skip(realProblem);
        return;
      }
      const files = await renderTarget("rust", realIR, defaultPaths(ROOT));
      // The smoke program rides along so the mock test below finds this crate already built.
      const { dir } = await scaffold("real", realIR, { ...readmeExample(files), "examples/smoke.rs": SMOKE });
      await buildAndTest(dir);
      expect(missingMethods(realIR, files)).toEqual([]);
    },
    BUILD_TIMEOUT,
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
        const { dir } = await scaffold(realIR ? "real" : "smoke", ir, { "examples/smoke.rs": SMOKE, ...readmeExample(await renderTarget("rust", ir, defaultPaths(ROOT))) });
        mock.requests.length = 0;
        const r = await run(CARGO, ["run", "--quiet", "--example", "smoke"], dir, { MOCK_URL: mock.url });
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
        expect(chat?.headers["x-muxi-sdk"]).toMatch(/^rust\/\d/);
        expect(chat?.headers["x-muxi-idempotency-key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        const signed = mock.requests.find((q) => q.operation === "listFormations");
        expect(signed, "the mock saw no listFormations request").toBeDefined();
        expect(signed?.status).toBe(200);
        expect(signed?.headers.authorization).toMatch(/^MUXI-HMAC key=muxi_pk_test, timestamp=\d{10}, signature=[A-Za-z0-9+/]{43}=$/);
      },
      BUILD_TIMEOUT,
    );
  });
});

// The smoke program: prints one JSON line with the streamed text, the event types and the formations.
const SMOKE = `use muxi::formation::ChatParams;
use muxi::{ChatEvent, FormationClient, FormationOptions, Mode, ServerClient, ServerOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("MOCK_URL")?;
    let client = FormationClient::new(FormationOptions {
        server_url: Some(url.clone()),
        formation_id: Some("smoke-bot".into()),
        mode: Mode::Live,
        client_key: Some("fmc_test".into()),
        ..Default::default()
    })?;
    let mut text = String::new();
    let mut types = Vec::new();
    let params = ChatParams { message: "Hello!".into(), ..Default::default() };
    for event in client.with_user("user_123").chat_stream(params)? {
        let event = event?;
        types.push(event.type_name());
        if let ChatEvent::Text { text: delta } = &event {
            text.push_str(delta);
        }
    }
    let server = ServerClient::new(ServerOptions {
        url: Some(url),
        key_id: Some("muxi_pk_test".into()),
        secret_key: Some("muxi_sk_test".into()),
        ..Default::default()
    })?;
    let formations = server.list_formations()?;
    let out = serde_json::json!({ "text": text, "types": types, "formations": formations });
    println!("{out}");
    Ok(())
}
`;
