// Runs the built ESM bundle (dist/index.js, and dist/server.js for the function API, with the
// chunks they share) as vm modules in a context that has only web globals — what an edge runtime
// gives — and makes signed Server API calls and a chat stream against the test's servers. Needs `node --experimental-vm-modules` (vm.SourceTextModule), so
// edge.test.ts runs it as a child process. Prints one JSON report on stdout.
//
// usage: node --experimental-vm-modules edge-runner.mjs <dist/index.js> <server url> <formation url>
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import vm from "node:vm";

const [bundlePath, serverUrl, formationUrl] = process.argv.slice(2);

// The web platform an edge runtime offers (Cloudflare Workers, Vercel/Netlify edge, Deno Deploy).
// JavaScript built-ins (Promise, JSON, Uint8Array, …) come with the context itself.
const WEB_GLOBALS = {
  fetch,
  crypto: globalThis.crypto,
  ReadableStream,
  WritableStream,
  TransformStream,
  TextDecoder,
  TextEncoder,
  Headers,
  Request,
  Response,
  AbortController,
  AbortSignal,
  DOMException,
  setTimeout,
  clearTimeout,
  URL,
  URLSearchParams,
  atob,
  btoa,
  console,
  queueMicrotask,
};

const context = vm.createContext({ ...WEB_GLOBALS });
const dynamicImports = [];
const staticImports = [];
const dist = dirname(bundlePath);
const modules = new Map();

/** A file of dist/ as a module of the context, once per file (the promise is kept: links run concurrently). */
function distModule(file) {
  let mod = modules.get(file);
  if (!mod) {
    mod = readFile(join(dist, file), "utf8").then(
      (source) =>
        new vm.SourceTextModule(source, {
          context,
          identifier: `file:///@muxi/sdk/dist/${file}`,
          // Nothing Node-only may be loaded on these paths: record and refuse any dynamic import.
          importModuleDynamically: (specifier) => {
            dynamicImports.push(specifier);
            throw new Error(`dynamic import of ${specifier} is not available here`);
          },
        }),
    );
    modules.set(file, mod);
  }
  return mod;
}

/** Only dist/'s own chunks may be imported; anything else (node:*, packages) is recorded and refused. */
function link(specifier) {
  const own = /^\.\/([\w-]+\.js)$/.exec(specifier);
  if (own) return distModule(own[1]);
  staticImports.push(specifier);
  throw new Error(`the bundle imports ${specifier}`);
}

const [mod, serverFns] = await Promise.all([distModule("index.js"), distModule("server.js")]);
for (const m of [mod, serverFns]) await m.link(link);
for (const m of [mod, serverFns]) await m.evaluate();
context.sdk = mod.namespace;
context.serverFns = serverFns.namespace;
context.SERVER_URL = serverUrl;
context.FORMATION_URL = formationUrl;

// Runs inside the context: every global it touches is the context's.
const script = `(async () => {
  const report = {
    globals: {
      process: typeof process, Buffer: typeof Buffer, require: typeof require, module: typeof module,
      global: typeof global, setImmediate: typeof setImmediate, fetch: typeof fetch, subtle: typeof crypto.subtle,
    },
    exports: Object.keys(sdk).sort(),
  };

  const server = new sdk.ServerClient({ url: SERVER_URL, keyId: "muxi_pk_test", secretKey: "muxi_sk_test", maxRetries: 0 });
  const list = await server.listFormations();
  report.listFormations = { total: list.total, ids: list.formations.map((f) => f.id), restartCount: list.formations[0].restartCount };
  try {
    await server.getFormation("does-not-exist");
    report.notFound = "no error";
  } catch (err) {
    report.notFound = { name: err.name, muxi: err instanceof sdk.MuxiError, notFound: err instanceof sdk.NotFoundError, status: err.status, code: err.code };
  }

  // The function API (@muxi/sdk/server): signed too, and its errors are the main entry's classes.
  const conn = serverFns.createServer({ url: SERVER_URL, keyId: "muxi_pk_test", secretKey: "muxi_sk_test", maxRetries: 0 });
  const viaFn = await serverFns.listFormations(conn);
  const fnError = await serverFns.getFormation(conn, "does-not-exist").catch((err) => err);
  report.functions = { ids: viaFn.formations.map((f) => f.id), notFound: fnError instanceof sdk.NotFoundError };

  const formation = new sdk.FormationClient({ url: FORMATION_URL, clientKey: "edge-client-key", maxRetries: 0 });
  const events = [];
  for await (const e of formation.chatStream({ message: "Hello from the edge" }, "user_edge")) {
    events.push(e.type === "text" ? "text:" + e.text : e.type === "completed" ? "completed:" + e.text + ":" + e.sessionId : e.type);
  }
  report.chat = events;

  const body = '{"id":"req_1","status":"completed","response":[{"type":"text","text":"hi"}]}';
  report.webhook = await sdk.webhook.verifySignature(body, WEBHOOK_HEADER, "whsec_edge", { now: WEBHOOK_NOW });
  return JSON.stringify(report);
})()`;

try {
  // A webhook signature made by the test (node:crypto) — checked with the SDK's Web Crypto code.
  context.WEBHOOK_HEADER = process.env.WEBHOOK_HEADER;
  context.WEBHOOK_NOW = Number(process.env.WEBHOOK_NOW);
  const json = await vm.runInContext(script, context);
  const report = JSON.parse(json);
  report.dynamicImports = dynamicImports;
  report.staticImports = staticImports;
  console.log(JSON.stringify(report));
} catch (err) {
  console.log(JSON.stringify({ error: String(err?.stack ?? err), dynamicImports, staticImports }));
  process.exitCode = 1;
}
