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
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rustProfile from "../../generator/emit/scaffolds/languages/rust.js";
import type { IR } from "../../generator/ir/types.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { missingMethods, readmeExample } from "./harness/checks.js";
import { expectSmokeRun, type SmokeOutput, useMock } from "./harness/mock.js";
import { lastJsonLine, runner, show, type Run } from "./harness/process.js";
import { HOSTILE, MOCK_FIXTURES, realIROrSkip, render, ROOT, useRealSpec, useToolchain, VECTORS } from "./harness/suite.js";
import { syncTree } from "./harness/tree.js";

const CARGO = process.env.CARGO ?? "cargo";
const CACHE = process.env.MUXI_RUST_CACHE ?? join(tmpdir(), "muxi-scaffold-rust");
const BUILD_TIMEOUT = 900_000;
const run = runner({ timeout: BUILD_TIMEOUT, env: { CARGO_TARGET_DIR: join(CACHE, "target"), CARGO_TERM_COLOR: "never", MUXI_VECTORS_DIR: VECTORS } });

/** Warnings and errors cargo reported for our crate (not for dependencies, which cargo silences). */
const diagnostics = (r: Run): string[] => r.stderr.split("\n").filter((l) => /^(warning|error)(\[\w+\])?: /.test(l) && !/generated \d+ warning/.test(l));

const real = useRealSpec("rust");
const needToolchain = useToolchain(async () => {
  await mkdir(CACHE, { recursive: true });
  const probe = await run(CARGO, ["--version"], ROOT, {}, 60_000);
  const version = /cargo (\d+)\.(\d+)/.exec(probe.stdout);
  if (probe.code !== 0 || !version) {
    return `cargo (Rust 1.85+) is required for the rust scaffold tests: ${probe.stderr.trim() || "not found"}. Install it with rustup (https://rustup.rs).`;
  }
  if (Number(version[1]) === 1 && Number(version[2]) < 85) return `Rust 1.85+ is required for the rust scaffold tests (ureq 3), found: ${probe.stdout.trim()}`;
  if ((await run(CARGO, ["fmt", "--version"], ROOT, {}, 60_000)).code !== 0) return "rustfmt is required for the rust scaffold tests: rustup component add rustfmt";
});

/** Renders the scaffold for `ir` into the crate CACHE/<name>/<name> (plus extra files), the one member of workspace CACHE/<name>. */
async function scaffold(name: string, ir: IR, extra: Record<string, string> = {}): Promise<{ dir: string; files: Map<string, string> }> {
  const files = await render("rust", ir);
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
function readmeTarget(files: Map<string, string>): Record<string, string> {
  return { "examples/readme.rs": readmeExample(files.get("README.md"), "rust") };
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
function missingPubFns(ir: IR, files: Map<string, string>): string[] {
  return missingMethods(ir, rustProfile, (n, s) => (files.get(`src/${s.name}.rs`) ?? "").includes(`pub fn ${n}(&self`));
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
      expect(missingPubFns(ir, files)).toEqual([]);
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
      const realIR = realIROrSkip(ctx, real, "rust real-spec build");
      const files = await render("rust", realIR);
      // The smoke program rides along so the mock test below finds this crate already built.
      const { dir } = await scaffold("real", realIR, { ...readmeTarget(files), "examples/smoke.rs": SMOKE });
      await buildAndTest(dir);
      expect(missingPubFns(realIR, files)).toEqual([]);
    },
    BUILD_TIMEOUT,
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
        const { dir } = await scaffold(real.ir ? "real" : "smoke", ir, { "examples/smoke.rs": SMOKE, ...readmeTarget(await render("rust", ir)) });
        const { requests } = mock.server;
        requests.length = 0;
        const r = await run(CARGO, ["run", "--quiet", "--example", "smoke"], dir, { MOCK_URL: mock.server.url });
        expect(r.code, show(r)).toBe(0);
        const out = lastJsonLine(r) as SmokeOutput;
        expect(out.formations).toBeTruthy();
        const { chat, signed } = expectSmokeRun(requests, "rust", out);
        expect(chat?.body).toMatchObject({ message: "Hello!", stream: true });
        expect(signed?.status).toBe(200);
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
