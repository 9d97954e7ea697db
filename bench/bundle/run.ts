// Bundle size of @muxi/sdk in a browser app: esbuild --bundle --minify --format=esm
// --platform=browser, raw and gzipped (zlib level 9), for
//   (a) a chat-streaming app on the function API (createFormation + chatStream from
//       "@muxi/sdk/formation"; the budget applies to it),
//   (b) the same app on the client class (FormationClient.chatStream: a class keeps every method),
//   (c) every export (`export * from "@muxi/sdk"`),
// next to openapi-fetch's client measured in the same run (alone, and with eventsource-parser
// as the SSE parser a hand-rolled streaming chat would need). Then, for (a) and (b), which
// modules the bytes come from (esbuild metafile of the same app bundled from src/).
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

/** "@muxi/sdk[/formation|/server]" → the built ESM entry (what a bundler picks through the `import` condition), or src/. */
function sdkResolver(target: "dist" | "src"): Plugin {
  return {
    name: "muxi-sdk",
    setup(b) {
      b.onResolve({ filter: /^@muxi\/sdk(\/formation|\/server)?$/ }, (args) => {
        const entry = args.path.slice("@muxi/sdk/".length) || "index";
        return { path: target === "dist" ? join(PACKAGE_DIR, `dist/${entry}.js`) : join(PACKAGE_DIR, `src/${entry}.ts`) };
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
    `\nchat app budget: ${kB(BUDGET)} gzip (target ${kB(TARGET)}) → function API ${kB(chatFn.gzip)} (${chatFn.gzip} B): ${verdict(chatFn)}; ` +
      `client class ${kB(chat.gzip)}: ${verdict(chat)} (a class keeps every method of its API)`,
  );

  // Where the bytes come from: the same apps bundled from src/ (one input per module).
  const fnFromSrc = await measure(CHAT_APP_FN, [sdkResolver("src")]);
  modulesTable(`(a) function API chat app from src/ (${kB(fnFromSrc.raw)} raw, ${kB(fnFromSrc.gzip)} gzip): minified bytes per module`, fnFromSrc, 24);
  const classFromSrc = await measure(CHAT_APP, [sdkResolver("src")]);
  modulesTable(`(b) client class chat app from src/ (${kB(classFromSrc.raw)} raw, ${kB(classFromSrc.gzip)} gzip): minified bytes per module`, classFromSrc, 8);
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

await main();
