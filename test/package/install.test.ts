// The package as a user gets it: built, packed, installed from the tarball into a fresh
// project, then loaded with require() and import(), its metadata and published files
// checked, its declarations scanned for `any`, and the README's examples type-checked
// against the installed declarations (ESM and CommonJS consumers).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT, ensureBuilt, PACKAGE_DIR, ROOT, run } from "./helpers.js";

const PUBLIC_EXPORTS = [
  "FormationClient",
  "ServerClient",
  "MuxiError",
  "AuthenticationError",
  "AuthorizationError",
  "NotFoundError",
  "ConflictError",
  "ValidationError",
  "RateLimitError",
  "ServerError",
  "ConnectionError",
  "TimeoutError",
  "StreamError",
  "Stream",
  "webhook",
  "verifySignature",
  "parse",
  "WebhookVerificationError",
  "version",
];

let work: string;
let project: string;
let installed: string;
let tarball: string;
const sourcePkg = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as Record<string, unknown>;

beforeAll(async () => {
  await ensureBuilt();
  work = mkdtempSync(join(tmpdir(), "muxi-sdk-install-"));
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], PACKAGE_DIR)) as Array<{ filename: string }>;
  tarball = join(work, packed[0]!.filename);
  project = join(work, "consumer");
  run("mkdir", ["-p", project], work);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }, null, 2));
  // No dependencies to fetch: the install works offline.
  run("npm", ["install", tarball, "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], project);
  installed = join(project, "node_modules/@muxi/sdk");
}, BUILD_TIMEOUT);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface LoadReport {
  exports: string[];
  types: Record<string, string>;
  version: string;
  client: string;
  errorChain: boolean;
  webhookOk: boolean;
}

const PROBE = `
  const names = ${JSON.stringify(PUBLIC_EXPORTS)};
  const types = {};
  for (const n of names) types[n] = typeof sdk[n];
  const f = new sdk.FormationClient({ serverUrl: "http://127.0.0.1:1", formationId: "my-assistant", clientKey: "k" });
  new sdk.ServerClient({ url: "http://127.0.0.1:1", keyId: "muxi_pk_x", secretKey: "muxi_sk_x" });
  const report = {
    exports: Object.keys(sdk).sort(),
    types,
    version: sdk.version,
    client: f.constructor.name,
    errorChain: sdk.RateLimitError.prototype instanceof sdk.MuxiError && sdk.StreamError.prototype instanceof sdk.MuxiError,
    webhookOk: typeof sdk.webhook.verifySignature === "function" && typeof sdk.webhook.parse === "function",
  };
  console.log(JSON.stringify(report));
`;

describe("installed from the packed tarball", () => {
  it("require('@muxi/sdk') works (CommonJS build)", () => {
    writeFileSync(join(project, "probe.cjs"), `const sdk = require("@muxi/sdk");\n${PROBE}`);
    const report = JSON.parse(run("node", ["probe.cjs"], project)) as LoadReport;
    expectLoaded(report);
    expect(run("node", ["-p", "require.resolve('@muxi/sdk')"], project).trim()).toBe(join(installed, "dist/index.cjs"));
  });

  it("import('@muxi/sdk') works (ESM build)", () => {
    writeFileSync(join(project, "probe.mjs"), `const sdk = await import("@muxi/sdk");\n${PROBE}`);
    const report = JSON.parse(run("node", ["probe.mjs"], project)) as LoadReport;
    expectLoaded(report);
    writeFileSync(join(project, "resolve.mjs"), `console.log(import.meta.resolve("@muxi/sdk"));`);
    expect(run("node", ["resolve.mjs"], project).trim()).toBe(`file://${join(installed, "dist/index.js")}`);
  });

  // The function entries share the main entry's classes: an error from a function is an
  // instance of the MuxiError exported by "@muxi/sdk" (one copy of the runtime in dist/).
  const FUNCTIONS_PROBE = `
    const f = formation.createFormation({ url: "http://127.0.0.1:1", maxRetries: 0 });
    const s = server.createServer({ url: "http://127.0.0.1:1", keyId: "k", secretKey: "s", maxRetries: 0 });
    const e1 = await formation.health(f).catch((e) => e);
    const e2 = await server.listFormations(s).catch((e) => e);
    const e3 = await formation.getSession(new sdk.FormationClient({ url: "http://127.0.0.1:1", maxRetries: 0 }), "s1", { userId: "u" }).catch((e) => e);
    console.log(JSON.stringify({
      formation: typeof formation.chatStream, server: typeof server.deployFormation,
      shared: [e1, e2, e3].every((e) => e instanceof sdk.ConnectionError && e instanceof sdk.MuxiError),
    }));
  `;
  const expectFunctions = (out: string): void =>
    expect(JSON.parse(out)).toEqual({ formation: "function", server: "function", shared: true });

  it("require('@muxi/sdk/formation') and '@muxi/sdk/server' work and share the main entry's classes (CommonJS)", () => {
    writeFileSync(
      join(project, "functions.cjs"),
      `const sdk = require("@muxi/sdk"); const formation = require("@muxi/sdk/formation"); const server = require("@muxi/sdk/server");\n(async () => {${FUNCTIONS_PROBE}})();`,
    );
    expectFunctions(run("node", ["functions.cjs"], project));
  });

  it("import('@muxi/sdk/formation') and '@muxi/sdk/server' work and share the main entry's classes (ESM)", () => {
    writeFileSync(
      join(project, "functions.mjs"),
      `import * as sdk from "@muxi/sdk"; import * as formation from "@muxi/sdk/formation"; import * as server from "@muxi/sdk/server";\n${FUNCTIONS_PROBE}`,
    );
    expectFunctions(run("node", ["functions.mjs"], project));
  });

  it("has no dependencies and the publishing metadata", () => {
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as Record<string, unknown>;
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies", "bundledDependencies"]) {
      expect(pkg[field], field).toBeUndefined();
    }
    expect(pkg.name).toBe("@muxi/sdk");
    expect(pkg.version).toBe(sourcePkg.version);
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines).toEqual({ node: ">=18" });
    expect(pkg.publishConfig).toEqual({ access: "public", provenance: true });
    const entry = (name: string) => ({
      import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
      require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
    });
    expect(pkg.exports).toEqual({
      ".": entry("index"),
      "./formation": entry("formation"),
      "./server": entry("server"),
      "./package.json": "./package.json",
    });
    // The consumer's lockfile shows nothing besides the SDK itself was installed.
    expect(readdirSync(join(project, "node_modules")).filter((n) => !n.startsWith("."))).toEqual(["@muxi"]);
  });

  it("publishes only dist/, the README, the CHANGELOG, the LICENSE and package.json", () => {
    const files = listFiles(installed).sort();
    const entries = ["index", "formation", "server"].flatMap((e) => [".cjs", ".d.cts", ".d.ts", ".js"].map((x) => `dist/${e}${x}`));
    // Code the entries share is in chunks (one copy, so one MuxiError class for all entries).
    const chunks = files.filter((f) => /^dist\/[\w-]+\.(c?js|d\.c?ts)$/.test(f) && !entries.includes(f));
    expect(chunks.length).toBeGreaterThan(0);
    expect(files).toEqual(["CHANGELOG.md", "LICENSE", "README.md", ...[...entries, ...chunks].sort(), "package.json"].sort());
    expect(readFileSync(join(installed, "LICENSE"), "utf8")).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(sourcePkg.license).toBe("Apache-2.0");
    const changelog = readFileSync(join(installed, "CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`## [${String(sourcePkg.version)}]`);
    // The version is sent as X-Muxi-SDK; it must be the package's version in both builds.
    for (const ext of [".js", ".cjs"]) {
      const code = files.filter((f) => f.endsWith(ext)).map((f) => readFileSync(join(installed, f), "utf8"));
      expect(code.some((c) => c.includes(`VERSION = ${JSON.stringify(sourcePkg.version)}`)), ext).toBe(true);
    }
  });

  it("declares no `any` in its .d.ts / .d.cts files", () => {
    const found: string[] = [];
    const declarations = listFiles(installed).filter((f) => /\.d\.c?ts$/.test(f));
    expect(declarations.length).toBeGreaterThanOrEqual(6);
    for (const name of declarations) {
      const text = readFileSync(join(installed, name), "utf8");
      const sf = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.AnyKeyword) {
          const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
          found.push(`${name}:${line + 1}:${character + 1}  ${text.split("\n")[line]!.trim()}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
      expect(sf.statements.length, `${name} parsed`).toBeGreaterThan(0);
    }
    expect(found).toEqual([]);
  });

  it("the README's examples type-check against the installed declarations (ESM and CommonJS)", () => {
    const readme = readFileSync(join(installed, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(14);
    const files: string[] = [];
    blocks.forEach((code, i) => {
      const file = join(project, `readme-${String(i + 1).padStart(2, "0")}.mts`);
      // Each block is a module of its own; `export {}` keeps blocks without imports modules too.
      writeFileSync(file, `${code}\nexport {};\n`);
      files.push(file);
    });
    // A CommonJS consumer resolves the `require` condition (index.d.cts).
    const cts = join(project, "consumer.cts");
    writeFileSync(
      cts,
      [
        `import sdk = require("@muxi/sdk");`,
        `const c: sdk.FormationClient = new sdk.FormationClient({ url: "http://localhost:8271", clientKey: "k" });`,
        `const s: sdk.Stream<sdk.ChatEvent> = c.chatStream({ message: "hi" });`,
        `const e: sdk.MuxiError = new sdk.NotFoundError("nope");`,
        `void s; void e;`,
      ].join("\n"),
    );
    files.push(cts);
    const diagnostics = typecheck(files);
    expect(diagnostics).toEqual([]);
  }, 120_000); // a full program check, declarations included (skipLibCheck: false)

  it("TypeScript's old node10 resolution (no `exports`) finds the subpaths' types through typesVersions", () => {
    const file = join(project, "node10-consumer.ts");
    writeFileSync(
      file,
      [
        `import { createFormation, chatStream } from "@muxi/sdk/formation";`,
        `import { createServer, listFormations } from "@muxi/sdk/server";`,
        `import type { ChatEvent, Stream } from "@muxi/sdk";`,
        `const s: Stream<ChatEvent> = chatStream(createFormation({ url: "http://localhost:8271" }), { message: "hi" });`,
        `void s; void listFormations(createServer({ url: "http://localhost:7890" }));`,
      ].join("\n"),
    );
    expect(typecheck([file], "node10")).toEqual([]);
  }, 120_000);
});

function expectLoaded(report: LoadReport): void {
  for (const name of PUBLIC_EXPORTS) expect(report.exports, name).toContain(name);
  expect(report.types.FormationClient).toBe("function");
  expect(report.types.MuxiError).toBe("function");
  expect(report.types.webhook).toBe("object");
  expect(report.version).toBe(sourcePkg.version);
  expect(report.client).toBe("FormationClient");
  expect(report.errorChain).toBe(true);
  expect(report.webhookOk).toBe(true);
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** tsc --noEmit with the settings of a modern Node consumer (nodenext resolution, strict). */
function typecheck(files: string[], resolution: "nodenext" | "node10" = "nodenext"): string[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: resolution === "nodenext" ? ts.ModuleKind.NodeNext : ts.ModuleKind.CommonJS,
    moduleResolution: resolution === "nodenext" ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Node10,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: ["node"],
    typeRoots: [join(ROOT, "node_modules/@types")],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const file = d.file ? d.file.fileName.replace(`${project}/`, "") : "";
    return `${file}${where ? `:${where.line + 1}:${where.character + 1}` : ""}  ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
