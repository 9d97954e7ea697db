// The IR of a small spec, snapshot-tested: any change to the ir stage shows up as a reviewable diff.
import { describe, expect, it } from "vitest";
import { specToIR } from "../../generator/pipeline/pipeline.js";

describe("ir", () => {
  it("matches the snapshot for test/fixtures/mini", async () => {
    const ir = await specToIR(["test/fixtures/mini/formation.yaml", "test/fixtures/mini/server.yaml"]);
    // The bundled documents are checked by the wire-types compile; the snapshot keeps the model.
    const withoutDocuments = { ...ir, services: ir.services.map(({ document: _d, ...s }) => s) };
    await expect(JSON.stringify(withoutDocuments, null, 2) + "\n").toMatchFileSnapshot("__snapshots__/mini-ir.json");
  });

  it("is JSON-serialisable without loss", async () => {
    const ir = await specToIR(["test/fixtures/mini/formation.yaml", "test/fixtures/mini/server.yaml"]);
    expect(JSON.parse(JSON.stringify(ir))).toEqual(ir);
  });

  it("derives calling forms: legacy positional first, then the default rule, then the object form", async () => {
    const ir = await specToIR(["test/fixtures/mini/formation.yaml", "test/fixtures/mini/server.yaml"]);
    const restore = ir.services[0].operations.find((o) => o.name === "restoreSession");
    expect(restore?.methods[0].forms.map((f) => f.map((s) => s.param))).toEqual([
      ["sessionId", "userId", "messages", "options"],
      ["sessionId", "params", "options"],
      ["params", "options"],
    ]);
    const chat = ir.services[0].operations.find((o) => o.name === "chat");
    expect(chat?.params.map((p) => p.name)).not.toContain("stream"); // chosen by the method, not the caller
    expect(chat?.methods.map((m) => `${m.name}:${m.kind}`)).toEqual(["chat:plain", "chatStream:stream"]);
    const deploy = ir.services[1].operations.find((o) => o.name === "deployFormation");
    expect(deploy?.methods.map((m) => `${m.name}:${m.kind}:${m.alias}`)).toEqual(["deployFormation:plain:false", "deployFormationStreaming:stream:false", "deployFormationStream:stream:true"]);
    const audit = ir.services[0].operations.find((o) => o.name === "clearAuditLog");
    expect(audit?.params).toEqual([expect.objectContaining({ name: "confirm", fixed: "clear-audit-log" })]);
    expect(audit?.methods[0].forms).toEqual([[{ param: "options", kind: "object", optional: true }]]);
  });
});
