// Bundle size of @muxi/sdk in a browser app: esbuild --bundle --minify --format=esm
// --platform=browser, raw and gzipped (zlib level 9), for
//   (a) a chat-streaming app (FormationClient + chatStream),
//   (b) every export (`export * from "@muxi/sdk"`),
// next to openapi-fetch's client measured in the same run (alone, and with eventsource-parser
// as the SSE parser a hand-rolled streaming chat would need). Then, for (a), which modules the
// bytes come from (esbuild metafile of the same app bundled from src/) and what the app would
// weigh without the parts it does not use.
//
// Run: npx tsx bench/bundle/run.ts   (builds the package first when dist/ is stale; prints tables)

import { build, type Metafile, type Plugin } from "esbuild";
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { ensureBuilt, isBuilt, PACKAGE_DIR, ROOT } from "../../test/package/helpers.js";

const BUDGET = 8 * 1024;
const TARGET = 6 * 1024;

const CHAT_APP = `
import { FormationClient } from "@muxi/sdk";
const c = new FormationClient({ serverUrl: "https://muxi.example.com", formationId: "my-assistant", clientKey: "k" });
const out = document.getElementById("out");
for await (const e of c.chatStream({ message: "hi" })) if (e.type === "text") out.append(e.text);
`;
// The same app on the function API (what the package README recommends for browser bundles).
const CHAT_APP_FN = `
import { createFormation, chatStream } from "@muxi/sdk/formation";
const c = createFormation({ serverUrl: "https://muxi.example.com", formationId: "my-assistant", clientKey: "k" });
const out = document.getElementById("out");
for await (const e of chatStream(c, { message: "hi" })) if (e.type === "text") out.append(e.text);
`;
const ALL_EXPORTS = `export * from "@muxi/sdk";`;
const OPENAPI_FETCH = `
import createClient from "openapi-fetch";
const c = createClient({ baseUrl: "https://muxi.example.com/api/my-assistant/v1" });
c.POST("/chat", { body: {} });
`;
const OPENAPI_FETCH_SSE = `
import createClient from "openapi-fetch";
import { createParser } from "eventsource-parser";
const c = createClient({ baseUrl: "https://muxi.example.com/api/my-assistant/v1", headers: { "X-Muxi-Client-Key": "k" } });
const out = document.getElementById("out");
const { response } = await c.POST("/chat", { body: { message: "hi", stream: true }, parseAs: "stream" });
const parser = createParser({ onEvent(ev) { const d = JSON.parse(ev.data); if (d.token) out.append(typeof d.token === "string" ? d.token : d.token.content ?? ""); } });
const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
for (;;) { const { done, value } = await reader.read(); if (done) break; parser.feed(value); }
`;

interface Measure {
  raw: number;
  gzip: number;
  metafile: Metafile;
}

/** "@muxi/sdk" → the built ESM file (what a bundler picks through the `import` condition), or src/. */
function sdkResolver(target: "dist" | "src", stubs: Record<string, string> = {}): Plugin {
  return {
    name: "muxi-sdk",
    setup(b) {
      b.onResolve({ filter: /^@muxi\/sdk(\/formation|\/server)?$/ }, (args) => {
        const entry = args.path.slice("@muxi/sdk/".length) || "index";
        return { path: target === "dist" ? join(PACKAGE_DIR, `dist/${entry}.js`) : join(PACKAGE_DIR, `src/${entry}.ts`) };
      });
      // Replaces modules of src/ (by path relative to it) with other source, for the what-if builds.
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const rel = relative(join(PACKAGE_DIR, "src"), args.path);
        return rel in stubs ? { contents: stubs[rel], loader: "ts", resolveDir: dirname(args.path) } : undefined;
      });
    },
  };
}

async function measure(code: string, plugins: Plugin[] = []): Promise<Measure> {
  const r = await build({
    stdin: { contents: code, resolveDir: ROOT, sourcefile: "app.js", loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins,
  });
  const bytes = r.outputFiles[0]!.contents;
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, metafile: r.metafile };
}

const kB = (n: number): string => `${(n / 1024).toFixed(1)} kB`;
const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);

function table(title: string, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : lpad(c, widths[i]!))).join("  ");
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

function version(pkgDir: string): string {
  return (JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string }).version;
}

async function main(): Promise<void> {
  if (!isBuilt()) {
    console.log("building the package (dist/ is missing or stale) …");
    await ensureBuilt();
  }
  const sdkVersion = version(PACKAGE_DIR);
  const ofVersion = version(join(ROOT, "node_modules/openapi-fetch"));
  const espVersion = version(join(ROOT, "node_modules/eventsource-parser"));
  const esbuildVersion = version(join(ROOT, "node_modules/esbuild"));

  const chat = await measure(CHAT_APP, [sdkResolver("dist")]);
  const chatFn = await measure(CHAT_APP_FN, [sdkResolver("dist")]);
  const all = await measure(ALL_EXPORTS, [sdkResolver("dist")]);
  const of = await measure(OPENAPI_FETCH);
  const ofSse = await measure(OPENAPI_FETCH_SSE);

  const verdict = (m: Measure): string => (m.gzip <= TARGET ? "within target" : m.gzip <= BUDGET ? "within budget, over target" : "OVER BUDGET");
  table(
    `Bundle size — esbuild ${esbuildVersion} --bundle --minify --format=esm --platform=browser; gzip level 9`,
    ["bundle", "raw", "gzip"],
    [
      [`@muxi/sdk ${sdkVersion}: chat-streaming app, function API (chatStream from @muxi/sdk/formation)`, kB(chatFn.raw), kB(chatFn.gzip)],
      [`@muxi/sdk ${sdkVersion}: chat-streaming app, client class (FormationClient.chatStream)`, kB(chat.raw), kB(chat.gzip)],
      [`@muxi/sdk ${sdkVersion}: all exports (export * from "@muxi/sdk")`, kB(all.raw), kB(all.gzip)],
      [`openapi-fetch ${ofVersion}: createClient + POST /chat`, kB(of.raw), kB(of.gzip)],
      [`openapi-fetch ${ofVersion} + eventsource-parser ${espVersion}: hand-rolled chat stream`, kB(ofSse.raw), kB(ofSse.gzip)],
    ],
  );
  console.log(
    `\nchat app budget: ${kB(BUDGET)} gzip (target ${kB(TARGET)}) → function API ${kB(chatFn.gzip)}: ${verdict(chatFn)}; ` +
      `client class ${kB(chat.gzip)}: ${verdict(chat)} (a class keeps every method of its API)`,
  );

  // Where the chat app's bytes come from: the same app bundled from src/ (one input per module).
  const fromSrc = await measure(CHAT_APP, [sdkResolver("src")]);
  console.log(
    `\ndist/index.js is one module, so sideEffects:false cannot drop whole modules there: the chat app from dist/ is ` +
      `${kB(chat.gzip)} gzip, from src/ ${kB(fromSrc.gzip)} (the difference is mostly the Server API's method table, server-methods.ts, ` +
      `kept alive by its module-level K.*() calls).`,
  );
  modulesTable(`Chat app from src/ (${kB(fromSrc.raw)} raw, ${kB(fromSrc.gzip)} gzip): minified bytes per module (esbuild metafile)`, fromSrc, 14);

  // What if: the parts the chat app does not use, taken out.
  const methodsSrc = readFileSync(join(PACKAGE_DIR, "src/generated/formation-methods.ts"), "utf8");
  const chatOnlyMethods = onlyMethods(methodsSrc, ["chat", "chatStream"]);
  const slimClient = `
    import { BaseClient } from "../runtime/client.js";
    import { methods } from "./formation-methods.js";
    export abstract class GeneratedFormationClient extends BaseClient {
      public chatStream(...args: unknown[]) { return this._stream(methods.chatStream, args); }
    }`;
  const codecsSrc = readFileSync(join(PACKAGE_DIR, "src/generated/codecs.ts"), "utf8");
  const whatIf: Array<[string, Record<string, string>]> = [
    ["generated K.*() calls marked /* @__PURE__ */ (codecs, method table)", { "generated/formation-methods.ts": pure(methodsSrc), "generated/codecs.ts": pure(codecsSrc) }],
    ["method table cut to chat/chatStream", { "generated/formation-methods.ts": chatOnlyMethods }],
    ["method table cut + /* @__PURE__ */", { "generated/formation-methods.ts": pure(chatOnlyMethods), "generated/codecs.ts": pure(codecsSrc) }],
    [
      "method table cut + /* @__PURE__ */ + client class with chatStream only",
      { "generated/formation-methods.ts": pure(chatOnlyMethods), "generated/codecs.ts": pure(codecsSrc), "generated/formation-client.ts": slimClient },
    ],
  ];
  const rows: string[][] = [["as built (from src/)", kB(fromSrc.raw), kB(fromSrc.gzip), "-"]];
  let floor: Measure | undefined;
  for (const [label, stubs] of whatIf) {
    floor = await measure(CHAT_APP, [sdkResolver("src", stubs)]);
    rows.push([label, kB(floor.raw), kB(floor.gzip), `-${kB(fromSrc.gzip - floor.gzip)}`]);
  }
  table("Chat app what-if (same runtime, generated parts cut down)", ["variant", "raw", "gzip", "gzip saved"], rows);
  modulesTable(`The last variant (${kB(floor!.raw)} raw, ${kB(floor!.gzip)} gzip): what remains is the runtime`, floor!, 20);
}

function modulesTable(title: string, m: Measure, top: number): void {
  const output = Object.values(m.metafile.outputs)[0]!;
  const modules = Object.entries(output.inputs)
    .map(([path, info]) => ({ path: relative(PACKAGE_DIR, join(ROOT, path)), bytes: info.bytesInOutput }))
    .filter((x) => x.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const total = modules.reduce((n, x) => n + x.bytes, 0);
  table(
    title,
    ["module", "bytes", "share"],
    modules.slice(0, top).map((x) => [x.path, String(x.bytes), `${((100 * x.bytes) / total).toFixed(1)}%`]),
  );
  if (modules.length > top) console.log(`(${modules.length - top} smaller modules: ${modules.slice(top).reduce((n, x) => n + x.bytes, 0)} bytes)`);
}

/** Marks the generated module-level codec calls (`K.object(…)`, `K.decoder(…)`, …) side-effect free. */
function pure(src: string): string {
  return src.replace(/(?<![\w.])K\.([A-Za-z]+)(<[^>]*>)?\(/g, "/* @__PURE__ */ K.$1$2(");
}

/**
 * formation-methods.ts keeping only the named methods: the `methods` object literal is cut to
 * those entries, so the op_* constants and codecs the others use become dead code esbuild drops.
 */
function onlyMethods(src: string, keep: string[]): string {
  const start = src.indexOf("export const methods");
  if (start < 0) throw new Error("formation-methods.ts: `export const methods` not found");
  const open = src.indexOf("{", src.indexOf("=", start));
  // Top-level entries of the object literal: `name: { ... },` at depth 1.
  const entries: Array<{ name: string; text: string }> = [];
  let depth = 0;
  let entryStart = open + 1;
  let end = -1;
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    if (ch === '"' || ch === "'" || ch === "`") {
      // skip string literals
      const q = ch;
      for (i++; i < src.length && src[i] !== q; i++) if (src[i] === "\\") i++;
      continue;
    }
    if (ch === "{" || ch === "[" || ch === "(") depth++;
    else if (ch === "}" || ch === "]" || ch === ")") {
      depth--;
      if (depth === 0) {
        end = i;
        break;
      }
    } else if (ch === "," && depth === 1) {
      const text = src.slice(entryStart, i).trim();
      if (text) entries.push({ name: /^"?([A-Za-z0-9_$]+)"?\s*:/.exec(text)?.[1] ?? "", text });
      entryStart = i + 1;
    }
  }
  const last = src.slice(entryStart, end).trim();
  if (last) entries.push({ name: /^"?([A-Za-z0-9_$]+)"?\s*:/.exec(last)?.[1] ?? "", text: last });
  const kept = entries.filter((e) => keep.includes(e.name));
  if (kept.length !== keep.length) throw new Error(`formation-methods.ts: found ${kept.map((e) => e.name).join(", ")} of ${keep.join(", ")}`);
  return `${src.slice(0, open + 1)}\n${kept.map((e) => e.text).join(",\n")}\n${src.slice(end)}`;
}

await main();
