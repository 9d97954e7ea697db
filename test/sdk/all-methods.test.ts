// Every method of both generated clients, called against the spec-driven mock server, which
// rejects any request its operation does not allow (wire names, auth, HMAC, user header, …).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IR } from "../../generator/ir/types.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { serveMock, type MockServer } from "../mock-server/serve.js";
import { uncalled } from "../mock-server/coverage.js";
import { FormationClient, ServerClient } from "../../generated/typescript/src/index.js";
import { sampleArgs } from "./sample-args.js";

let ir: IR;
let mock: MockServer;
let formation: FormationClient;
let server: ServerClient;

beforeAll(async () => {
  ir = await specToIR(["spec/formation.yaml", "spec/server.yaml"]);
  mock = await serveMock(ir);
  formation = new FormationClient({ serverUrl: mock.url, formationId: "my-assistant", clientKey: "fmc_test", adminKey: "fma_test", maxRetries: 0 });
  server = new ServerClient({ url: mock.url, keyId: "muxi_pk_test", secretKey: "muxi_sk_test", maxRetries: 0 });
});

afterAll(async () => {
  await mock?.close();
});

const cases = await (async () => {
  const spec = await specToIR(["spec/formation.yaml", "spec/server.yaml"]);
  return spec.services.flatMap((s) => s.operations.flatMap((op) => op.methods.map((m) => [`${s.client}.${m.name}`, s.name, op.name, m.name] as const)));
})();

describe("every generated method against the mock server", () => {
  it.each(cases)("%s", async (_label, serviceName, opName, methodName) => {
    const service = ir.services.find((s) => s.name === serviceName)!;
    const op = service.operations.find((o) => o.name === opName)!;
    const method = op.methods.find((m) => m.name === methodName)!;
    const client = (serviceName === "formation" ? formation : server) as unknown as Record<string, (...a: unknown[]) => unknown>;
    expect(typeof client[methodName], `${methodName} exists`).toBe("function");
    const before = mock.requests.length;
    const result = client[methodName](...sampleArgs(ir, op));
    if (method.kind === "stream") {
      let events = 0;
      for await (const _event of result as AsyncIterable<unknown>) if (++events >= 2) break;
      expect(events).toBeGreaterThan(0);
    } else {
      await result;
    }
    const sent = mock.requests.slice(before);
    expect(sent.length).toBe(1);
    expect(sent[0].rejected, sent[0].rejected).toBeUndefined();
    expect(sent[0].operation).toBe(op.name);
    expect(Boolean(sent[0].stream)).toBe(method.kind === "stream");
  });

  it("left no method uncalled", () => {
    expect(uncalled(ir, mock.requests)).toEqual([]);
  });
});
