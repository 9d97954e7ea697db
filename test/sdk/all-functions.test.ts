// The function API (`@muxi/sdk/formation`, `@muxi/sdk/server`): every function called against the
// spec-driven mock server, and the request it sends compared with the one its client method
// sends for the same arguments (the method given the same default form).
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IR } from "../../generator/ir/types.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { FormationClient, ServerClient } from "../../generated/typescript/src/index.js";
import * as formationFns from "../../generated/typescript/src/formation.js";
import * as serverFns from "../../generated/typescript/src/server.js";
import { serveMock, type MockServer } from "../mock-server/serve.js";
import type { RecordedRequest } from "../mock-server/types.js";
import { sampleArgs } from "./sample-args.js";

type Fn = (...a: unknown[]) => unknown;

const exec = promisify(execFile);

let ir: IR;
let mock: MockServer;
const clients: Record<string, { connection: unknown; instance: Record<string, Fn>; fns: Record<string, unknown> }> = {};

beforeAll(async () => {
  ir = await specToIR(["spec/formation.yaml", "spec/server.yaml"]);
  mock = await serveMock(ir);
  const formationOptions = { serverUrl: mock.url, formationId: "my-assistant", clientKey: "fmc_test", adminKey: "fma_test", maxRetries: 0 };
  const serverOptions = { url: mock.url, keyId: "muxi_pk_test", secretKey: "muxi_sk_test", maxRetries: 0 };
  clients.formation = {
    connection: formationFns.createFormation(formationOptions),
    instance: new FormationClient(formationOptions) as unknown as Record<string, Fn>,
    fns: formationFns,
  };
  clients.server = {
    connection: serverFns.createServer(serverOptions),
    instance: new ServerClient(serverOptions) as unknown as Record<string, Fn>,
    fns: serverFns,
  };
});

afterAll(async () => {
  await mock?.close();
});

const spec = await specToIR(["spec/formation.yaml", "spec/server.yaml"]);
// Old names kept on the classes have no function; the hand-written overrides have their own tests.
const OVERRIDDEN = new Set(["resolveUser", "deployFormation", "deployFormationStreaming", "updateFormation", "updateFormationStreaming"]);
const cases = spec.services.flatMap((s) =>
  s.operations.flatMap((op) => op.methods.filter((m) => !m.alias && !OVERRIDDEN.has(m.name)).map((m) => [`${s.name}.${m.name}`, s.name, op.name, m.name] as const)),
);

/** What must be equal between the two requests (ids, signatures and timestamps differ by design). */
function comparable(r: RecordedRequest): Record<string, unknown> {
  const { authorization: _a, "x-muxi-idempotency-key": _k, "content-length": _l, connection: _c, host: _h, ...headers } = r.headers;
  return { method: r.method, url: r.url, operation: r.operation, rejected: r.rejected, headers, body: r.body instanceof Uint8Array ? [...r.body] : r.body };
}

async function run(result: unknown, stream: boolean): Promise<void> {
  if (!stream) return void (await result);
  let events = 0;
  for await (const _event of result as AsyncIterable<unknown>) if (++events >= 2) break;
  expect(events).toBeGreaterThan(0);
}

describe("every function against the mock server, sending what its method sends", () => {
  it.each(cases)("%s", async (_label, serviceName, opName, methodName) => {
    const op = ir.services.find((s) => s.name === serviceName)!.operations.find((o) => o.name === opName)!;
    const method = op.methods.find((m) => m.name === methodName)!;
    const { connection, instance, fns } = clients[serviceName]!;
    const fn = fns[methodName] as Fn;
    expect(typeof fn, `${methodName} is exported`).toBe("function");

    const before = mock.requests.length;
    await run(fn(connection, ...sampleArgs(ir, op)), method.kind === "stream");
    await run(instance[methodName]!(...sampleArgs(ir, op)), method.kind === "stream");
    const [viaFunction, viaMethod] = mock.requests.slice(before);
    expect(viaFunction!.rejected, viaFunction!.rejected).toBeUndefined();
    expect(viaFunction!.operation).toBe(op.name);
    expect(comparable(viaFunction!)).toEqual(comparable(viaMethod!));
  });

  it("exports a function for every method but the old aliases, and nothing else but the connection helpers", () => {
    for (const service of ir.services) {
      const methods = service.operations.flatMap((op) => op.methods.filter((m) => !m.alias).map((m) => m.name));
      const helpers = service.name === "formation" ? ["createFormation", "associateUserIdentifiers"] : ["createServer"];
      expect(Object.keys(clients[service.name]!.fns).sort()).toEqual([...methods, ...helpers].sort());
    }
  });

  it("a client instance is a connection too", async () => {
    const before = mock.requests.length;
    await formationFns.health(clients.formation!.instance as unknown as FormationClient);
    expect(mock.requests[before]!.operation).toBe("health");
  });

  it("types: what the functions accept and refuse (test/sdk/types/function-api.ts under --strict)", async () => {
    const tsc = join(import.meta.dirname, "../../node_modules/typescript/bin/tsc");
    const file = join(import.meta.dirname, "types/function-api.ts");
    const args = [
      tsc,
      "--noEmit",
      "--strict",
      "--target",
      "ES2022",
      "--module",
      "ESNext",
      "--moduleResolution",
      "Bundler",
      "--lib",
      "ES2022,DOM,DOM.Iterable",
      "--types",
      "node",
      "--skipLibCheck",
      file,
    ];
    const out = await exec(process.execPath, args).then(
      (r) => r.stdout,
      (e: { stdout: string }) => e.stdout,
    );
    expect(out).toBe("");
  }, 60_000);
});
