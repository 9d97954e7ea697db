import "./harness/assemble.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFormationFile, gunzip, readBundle } from "./.sdk/runtime/bundle.js";
import { readTar } from "./.sdk/runtime/tar.js";
import { topLevelScalars } from "./.sdk/runtime/yaml-scalars.js";
import { ServerClient } from "./.sdk/server-client.js";
import { StreamError } from "./.sdk/runtime/errors.js";
import type { NamedEvent } from "./.sdk/runtime/events.js";
import { json, startServer, type TestServer } from "./harness/server.js";
import { paxEntry, tar, tarGz } from "./harness/tar.js";

const AFS = `# my bot\nschema: "1.0.0"\nid: my-bot\nversion: "2.1.0"\ndescription: A bot\nagents:\n  - id: helper\n    version: 9.9.9\n`;
const bundle = tarGz([
  { name: "my-bot", dir: true },
  { name: "my-bot/formation.afs", content: AFS },
  { name: "my-bot/agents/helper.afs", content: "id: helper\nversion: 3.0.0\n" },
]);

describe("bundle reading", () => {
  it("finds <root>/formation.afs and reads id and version", async () => {
    expect(await readBundle({ bundle })).toMatchObject({
      formationId: "my-bot",
      version: "2.1.0",
      body: bundle,
    });
  });

  it("given values win; version defaults to 1.0.0", async () => {
    expect(await readBundle({ bundle, formationId: "other", version: "3.0.0" })).toMatchObject({
      formationId: "other",
      version: "3.0.0",
    });
    const noVersion = tarGz([{ name: "b/formation.yaml", content: "id: b-bot\n" }]);
    expect(await readBundle({ bundle: noVersion })).toMatchObject({ formationId: "b-bot", version: "1.0.0" });
  });

  it("accepts ArrayBuffer, Blob and ReadableStream", async () => {
    const ab = bundle.buffer.slice(bundle.byteOffset, bundle.byteOffset + bundle.byteLength);
    expect((await readBundle({ bundle: ab as ArrayBuffer })).formationId).toBe("my-bot");
    expect((await readBundle({ bundle: new Blob([bundle as BlobPart]) })).formationId).toBe("my-bot");
    expect((await readBundle({ bundle: new Blob([bundle as BlobPart]).stream() })).formationId).toBe(
      "my-bot",
    );
    // With id and version given nothing is read: the stream is passed through.
    const stream = new Blob([bundle as BlobPart]).stream();
    expect((await readBundle({ bundle: stream, formationId: "x", version: "1.0.0" })).body).toBe(stream);
  });

  it("formation.yml, ./-prefixed archives, ustar prefix and pax long names", async () => {
    expect(findFormationFile(tar([{ name: "x/formation.yml", content: "id: yml\n" }])).name).toBe(
      "x/formation.yml",
    );
    expect(
      findFormationFile(
        tar([
          { name: "./", dir: true },
          { name: "./formation.afs", content: "id: dot\n" },
        ]),
      ).text,
    ).toContain("dot");
    const deep = `${"d".repeat(120)}`;
    expect(findFormationFile(tar([{ name: `${deep}/formation.afs`, content: "id: deep\n" }])).name).toBe(
      `${deep}/formation.afs`,
    );
    const pax = Buffer.concat([paxEntry("p/formation.afs", "id: pax\n"), Buffer.alloc(1024)]);
    const names = [...readTar(new Uint8Array(pax))].map((e) => e.name);
    expect(names).toEqual(["p/formation.afs"]);
  });

  it("a formation file below the root is not taken (like the server)", () => {
    expect(() =>
      findFormationFile(
        tar([
          { name: "a/readme.md", content: "x" },
          { name: "a/sub/formation.afs", content: "id: no\n" },
        ]),
      ),
    ).toThrow(/formation\.afs/);
  });

  it("clear errors: no bundle, no formation file, no id", async () => {
    await expect(readBundle({})).rejects.toThrow(/bundle.*bundlePath/);
    await expect(readBundle({ bundle: tarGz([{ name: "x/readme.md", content: "hi" }]) })).rejects.toThrow(
      /formation\.afs/,
    );
    await expect(
      readBundle({ bundle: tarGz([{ name: "x/formation.afs", content: "version: 1.0.0\n" }]) }),
    ).rejects.toThrow(/id/);
    await expect(readBundle({ bundle: new Uint8Array([1, 2, 3]) })).rejects.toThrow(/Cannot read/);
  });

  it("gunzip works without DecompressionStream (node:zlib fallback)", async () => {
    const g = globalThis as { DecompressionStream?: unknown };
    const saved = g.DecompressionStream;
    g.DecompressionStream = undefined;
    try {
      expect(new TextDecoder().decode(await gunzip(new Uint8Array(gzipSync("hello"))))).toBe("hello");
    } finally {
      g.DecompressionStream = saved;
    }
  });

  it("reads top-level scalars only, with quotes and comments", () => {
    const y = `id: 'it''s'  # c\nversion: "1.2.3" # v\nnested:\n  id: inner\nname: plain value # comment\nurl: http://x#y\n`;
    expect(topLevelScalars(y, ["id", "version", "name", "url", "nested"])).toEqual({
      id: "it's",
      version: "1.2.3",
      name: "plain value",
      url: "http://x#y",
    });
  });
});

describe("deploy/update through ServerClient", () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer();
    dir = mkdtempSync(join(tmpdir(), "muxi-bundle-"));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  function accept(): void {
    server.handle((req, res) => {
      if (req.headers.accept === "text/event-stream") {
        res.writeHead(200, { "Content-Type": "text/event-stream" });
        res.end(
          'event: progress\ndata: {"stage":"extracting","message":"Extracting"}\n\nevent: complete\ndata: {"formation_id":"my-bot","port":8001,"status":"running"}\n\n',
        );
        return;
      }
      json(res, req.method === "POST" ? 201 : 200, {
        success: true,
        data: { formation_id: "my-bot", status: "running" },
      });
    });
  }

  it("deployFormation({ bundle }): raw bytes, application/gzip, X-Formation-ID and -Version, HMAC", async () => {
    accept();
    const c = new ServerClient({ url: `${server.url}/`, keyId: "muxi_pk_x", secretKey: "muxi_sk_x" });
    await expect(c.deployFormation({ bundle })).resolves.toMatchObject({ formation_id: "my-bot" });
    const r = server.requests[0]!;
    expect(r.method).toBe("POST");
    expect(r.path).toBe("/rpc/formations");
    expect(r.headers["content-type"]).toBe("application/gzip");
    expect(r.headers["x-formation-id"]).toBe("my-bot");
    expect(r.headers["x-formation-version"]).toBe("2.1.0");
    expect(r.headers.authorization).toMatch(
      /^MUXI-HMAC key=muxi_pk_x, timestamp=\d+, signature=[A-Za-z0-9+/]+=*$/,
    );
    expect(new Uint8Array(r.body)).toEqual(bundle);
  });

  it("deployFormation({ bundlePath }) reads the file (Node only)", async () => {
    accept();
    const p = join(dir, "my-bot.tar.gz");
    writeFileSync(p, bundle);
    const c = new ServerClient({ url: server.url, keyId: "k", secretKey: "s" });
    await c.deployFormation({ bundlePath: p, version: "2.1.0" });
    expect(new Uint8Array(server.requests[0]!.body)).toEqual(bundle);
    expect(server.requests[0]!.headers["x-formation-id"]).toBe("my-bot");
  });

  it("updateFormation(id, { bundle }) and ({ id, bundle }): PUT with the version header", async () => {
    accept();
    const c = new ServerClient({ url: server.url, keyId: "k", secretKey: "s" });
    await c.updateFormation("my-bot", { bundle });
    await c.updateFormation({ id: "my-bot", bundle, version: "2.1.0" });
    for (const r of server.requests) {
      expect([r.method, r.path, r.headers["x-formation-version"], r.headers["content-type"]]).toEqual([
        "PUT",
        "/rpc/formations/my-bot",
        "2.1.0",
        "application/gzip",
      ]);
      expect(r.headers["x-formation-id"]).toBeUndefined();
      expect(new Uint8Array(r.body)).toEqual(bundle);
    }
  });

  it("a ReadableStream bundle with id and version is streamed up as it is", async () => {
    accept();
    const c = new ServerClient({ url: server.url });
    await c.deployFormation({
      bundle: new Blob([bundle as BlobPart]).stream(),
      formationId: "my-bot",
      version: "2.1.0",
    });
    expect(new Uint8Array(server.requests[0]!.body)).toEqual(bundle);
    expect(server.requests[0]!.headers["x-formation-id"]).toBe("my-bot");
  });

  it("deployFormationStreaming / deployFormationStream / updateFormationStreaming yield named events", async () => {
    accept();
    const c = new ServerClient({ url: server.url, keyId: "k", secretKey: "s" });
    const seen: string[] = [];
    for await (const e of c.deployFormationStreaming({ bundle }) as AsyncIterable<NamedEvent>)
      seen.push(e.type);
    for await (const e of c.deployFormationStream({ bundle }) as AsyncIterable<NamedEvent>) seen.push(e.type);
    for await (const e of c.updateFormationStreaming("my-bot", { bundle }) as AsyncIterable<NamedEvent>)
      seen.push(e.type);
    for await (const e of c.updateFormationStream({ id: "my-bot", bundle }) as AsyncIterable<NamedEvent>)
      seen.push(e.type);
    expect(seen).toEqual([
      "progress",
      "complete",
      "progress",
      "complete",
      "progress",
      "complete",
      "progress",
      "complete",
    ]);
    expect(server.requests.map((r) => [r.method, r.path, r.headers.accept])).toEqual([
      ["POST", "/rpc/formations", "text/event-stream"],
      ["POST", "/rpc/formations", "text/event-stream"],
      ["PUT", "/rpc/formations/my-bot", "text/event-stream"],
      ["PUT", "/rpc/formations/my-bot", "text/event-stream"],
    ]);
  });

  it("a streaming deploy error rejects with StreamError(stage)", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.end(
        'event: error\ndata: {"error":"VersionMismatch","message":"version differs","stage":"validating"}\n\n',
      );
    });
    const c = new ServerClient({ url: server.url });
    const err = await (async () => {
      for await (const _ of c.deployFormationStreaming({ bundle })) void _;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StreamError);
    expect(err).toMatchObject({ code: "VersionMismatch", stage: "validating" });
  });

  it("a bad bundle rejects the stream (no request sent)", async () => {
    accept();
    const c = new ServerClient({ url: server.url });
    await expect(
      (async () => {
        for await (const _ of c.deployFormationStreaming({})) void _;
      })(),
    ).rejects.toThrow(/bundlePath/);
    expect(server.requests).toHaveLength(0);
  });
});
