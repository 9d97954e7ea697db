// Drop-in compatibility: every method of the old hand-written SDK (reference/ts-sdk-surface.md),
// called with its old positional arguments, sends the request the real server expects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { serveMock, type MockServer, type RecordedRequest } from "../mock-server/serve.js";
import { tarGz } from "../runtime/harness/tar.js";
import { FormationClient, ServerClient } from "../../generated/typescript/src/index.js";

let mock: MockServer;
let formation: FormationClient;
let server: ServerClient;
const bundle = tarGz([{ name: "my-bot/formation.afs", content: "id: my-bot\nversion: 1.2.0\n" }]);

beforeAll(async () => {
  mock = await serveMock(await specToIR(["spec/formation.yaml", "spec/server.yaml"]));
  formation = new FormationClient({ serverUrl: mock.url, formationId: "my-assistant", clientKey: "fmc_test", adminKey: "fma_test", maxRetries: 0 });
  server = new ServerClient({ url: mock.url, keyId: "muxi_pk_test", secretKey: "muxi_sk_test", maxRetries: 0 });
});
afterAll(async () => mock?.close());

interface Expect {
  op: string;
  path: string;
  query?: Record<string, string>;
  user?: string;
  body?: unknown;
  stream?: boolean;
}

const F = "/api/my-assistant/v1";
const formationCases: [string, unknown[], Expect][] = [
  ["health", [], { op: "health", path: `${F}/health` }],
  ["getStatus", [], { op: "getStatus", path: `${F}/status` }],
  ["getConfig", [], { op: "getConfig", path: `${F}/config` }],
  ["getFormationInfo", [], { op: "getFormationInfo", path: `${F}/formation` }],
  ["getAgents", [], { op: "getAgents", path: `${F}/agents` }],
  ["getAgent", ["agent 1"], { op: "getAgent", path: `${F}/agents/agent%201` }],
  ["getMcpServers", [], { op: "getMcpServers", path: `${F}/mcp/servers` }],
  ["getMcpServer", ["s1"], { op: "getMcpServer", path: `${F}/mcp/servers/s1` }],
  ["getMcpTools", [], { op: "getMcpTools", path: `${F}/mcp/tools` }],
  ["getSecrets", [], { op: "getSecrets", path: `${F}/secrets` }],
  ["getSecret", ["API_KEY"], { op: "getSecret", path: `${F}/secrets/API_KEY` }],
  ["setSecret", ["API_KEY", "v"], { op: "setSecret", path: `${F}/secrets/API_KEY`, body: { value: "v" } }],
  ["deleteSecret", ["API_KEY"], { op: "deleteSecret", path: `${F}/secrets/API_KEY` }],
  ["chat", [{ message: "hi" }, "u1"], { op: "chat", path: `${F}/chat`, user: "u1", body: { message: "hi", stream: false } }],
  ["chatStream", [{ message: "hi" }, "u1"], { op: "chat", path: `${F}/chat`, user: "u1", body: { message: "hi", stream: true }, stream: true }],
  ["audioChat", [{ files: [{ filename: "a.wav", content: "AAAA", content_type: "audio/wav" }] }, "u1"], { op: "audioChat", path: `${F}/audiochat`, user: "u1" }],
  ["audioChatStream", [{ files: [{ filename: "a.wav", content: "AAAA", content_type: "audio/wav" }] }, "u1"], { op: "audioChat", path: `${F}/audiochat`, user: "u1", stream: true }],
  ["getSessions", ["u1", 10], { op: "getSessions", path: `${F}/sessions`, user: "u1", query: { limit: "10" } }],
  ["getSession", ["s1", "u1"], { op: "getSession", path: `${F}/sessions/s1`, user: "u1" }],
  ["getSessionMessages", ["s1", "u1"], { op: "getSessionMessages", path: `${F}/sessions/s1/messages`, user: "u1" }],
  ["restoreSession", ["s1", "u1", [{ role: "user", content: "Hello", timestamp: "2030-01-01T00:00:00Z" }]], { op: "restoreSession", path: `${F}/sessions/s1/restore`, user: "u1", body: { messages: [{ role: "user", content: "Hello", timestamp: "2030-01-01T00:00:00Z" }] } }],
  ["getRequests", ["u1"], { op: "getRequests", path: `${F}/requests`, user: "u1" }],
  ["getRequestStatus", ["r1", "u1"], { op: "getRequestStatus", path: `${F}/requests/r1`, user: "u1" }],
  ["cancelRequest", ["r1", "u1"], { op: "cancelRequest", path: `${F}/requests/r1`, user: "u1" }],
  ["getMemoryConfig", [], { op: "getMemoryConfig", path: `${F}/memory` }],
  ["getMemories", ["u1", 5], { op: "getMemories", path: `${F}/memories`, user: "u1", query: { limit: "5" } }],
  ["addMemory", ["u1", "preference", "likes TS"], { op: "addMemory", path: `${F}/memories`, user: "u1", body: { type: "preference", detail: "likes TS" } }],
  ["deleteMemory", ["u1", "m1"], { op: "deleteMemory", path: `${F}/memories/m1`, user: "u1" }],
  ["getUserBuffer", ["u1"], { op: "getUserBuffer", path: `${F}/memory/buffer`, user: "u1" }],
  ["clearUserBuffer", ["u1"], { op: "clearUserBuffer", path: `${F}/memory/buffer`, user: "u1" }],
  ["clearSessionBuffer", ["u1", "s1"], { op: "clearSessionBuffer", path: `${F}/memory/buffer/s1`, user: "u1" }],
  ["clearAllBuffers", [], { op: "clearUserBuffer", path: `${F}/memory/buffer` }],
  ["getBufferStats", [], { op: "getBufferStats", path: `${F}/memory/stats` }],
  ["getSchedulerConfig", [], { op: "getSchedulerConfig", path: `${F}/scheduler` }],
  ["getSchedulerJobs", ["u1"], { op: "getSchedulerJobs", path: `${F}/scheduler/jobs`, user: "u1" }],
  ["getSchedulerJob", ["j1"], { op: "getSchedulerJob", path: `${F}/scheduler/jobs/j1` }],
  ["deleteSchedulerJob", ["j1"], { op: "deleteSchedulerJob", path: `${F}/scheduler/jobs/j1` }],
  ["createSchedulerJob", ["recurring", "0 9 * * *", "Daily summary", "u1"], { op: "createSchedulerJob", path: `${F}/scheduler/jobs`, user: "u1", body: { type: "recurring", schedule: "0 9 * * *", message: "Daily summary" } }],
  ["updateSchedulerJob", ["j1", { message: "x" }], { op: "updateSchedulerJob", path: `${F}/scheduler/jobs/j1`, body: { message: "x" } }],
  ["pauseSchedulerJob", ["j1"], { op: "pauseSchedulerJob", path: `${F}/scheduler/jobs/j1/pause` }],
  ["resumeSchedulerJob", ["j1"], { op: "resumeSchedulerJob", path: `${F}/scheduler/jobs/j1/resume` }],
  ["getAsyncConfig", [], { op: "getAsyncConfig", path: `${F}/async` }],
  ["getA2AConfig", [], { op: "getA2AConfig", path: `${F}/a2a` }],
  ["getLoggingConfig", [], { op: "getLoggingConfig", path: `${F}/logging` }],
  ["getLoggingDestinations", [], { op: "getLoggingDestinations", path: `${F}/logging/destinations` }],
  ["listCredentialServices", [], { op: "listCredentialServices", path: `${F}/credentials/services` }],
  ["listCredentials", ["u1"], { op: "listCredentials", path: `${F}/credentials`, user: "u1" }],
  ["getCredential", ["c1", "u1"], { op: "getCredential", path: `${F}/credentials/c1`, user: "u1" }],
  ["deleteCredential", ["c1", "u1"], { op: "deleteCredential", path: `${F}/credentials/c1`, user: "u1" }],
  ["createCredential", ["u1", { service: "github", credential: { token: "t" } }], { op: "createCredential", path: `${F}/credentials`, user: "u1", body: { service: "github", credential: { token: "t" } } }],
  ["getUserIdentifiersForUser", ["usr_1"], { op: "getUserIdentifiersForUser", path: `${F}/users/identifiers/usr_1` }],
  ["linkUserIdentifier", ["usr_1", ["alice@email.com"]], { op: "linkUserIdentifier", path: `${F}/users/identifiers`, body: { muxi_user_id: "usr_1", identifiers: ["alice@email.com"] } }],
  ["unlinkUserIdentifier", ["alice@email.com"], { op: "unlinkUserIdentifier", path: `${F}/users/identifiers/alice%40email.com` }],
  ["resolveUser", ["alice@email.com"], { op: "getUser", path: `${F}/users/alice%40email.com` }],
  ["resolveUser", ["alice@email.com", true], { op: "resolveUser", path: `${F}/users/resolve`, body: { identifier: "alice@email.com" } }],
  ["getOverlordConfig", [], { op: "getOverlordConfig", path: `${F}/overlord` }],
  ["getOverlordSoul", [], { op: "getOverlordSoul", path: `${F}/overlord/soul` }],
  ["getLlmSettings", [], { op: "getLlmSettings", path: `${F}/llm/settings` }],
  ["getTriggers", [], { op: "getTriggers", path: `${F}/triggers` }],
  ["getTrigger", ["github-pr"], { op: "getTrigger", path: `${F}/triggers/github-pr` }],
  ["fireTrigger", ["github-pr", { pr: 1 }, false, "u1"], { op: "fireTrigger", path: `${F}/triggers/github-pr`, user: "u1", body: { data: { pr: 1 }, use_async: false } }],
  ["getSops", [], { op: "getSops", path: `${F}/sops` }],
  ["getSop", ["onboarding"], { op: "getSop", path: `${F}/sops/onboarding` }],
  ["getAuditLog", [], { op: "getAuditLog", path: `${F}/audit` }],
  ["clearAuditLog", [], { op: "clearAuditLog", path: `${F}/audit`, query: { confirm: "clear-audit-log" } }],
  ["streamEvents", ["u1"], { op: "streamEvents", path: `${F}/events`, user: "u1", stream: true }],
  ["streamRequest", ["u1", "s1", "r1"], { op: "streamRequest", path: `${F}/events/s1/r1`, user: "u1", stream: true }],
  ["streamLogs", [{ level: "ERROR" }], { op: "streamLogs", path: `${F}/logs`, query: { level: "ERROR" }, stream: true }],
];

const serverCases: [string, unknown[], Expect][] = [
  ["ping", [], { op: "ping", path: "/ping" }],
  ["health", [], { op: "serverHealth", path: "/health" }],
  ["status", [], { op: "status", path: "/rpc/server/status" }],
  ["listFormations", [], { op: "listFormations", path: "/rpc/formations" }],
  ["getFormation", ["my-bot"], { op: "getFormation", path: "/rpc/formations/my-bot" }],
  ["stopFormation", ["my-bot"], { op: "stopFormation", path: "/rpc/formations/my-bot/stop" }],
  ["startFormation", ["my-bot"], { op: "startFormation", path: "/rpc/formations/my-bot/start" }],
  ["restartFormation", ["my-bot"], { op: "restartFormation", path: "/rpc/formations/my-bot/restart" }],
  ["rollbackFormation", ["my-bot"], { op: "rollbackFormation", path: "/rpc/formations/my-bot/rollback" }],
  ["cancelUpdate", ["my-bot"], { op: "cancelUpdate", path: "/rpc/formations/my-bot/cancel-update" }],
  ["deleteFormation", ["my-bot"], { op: "deleteFormation", path: "/rpc/formations/my-bot" }],
  ["deployFormation", [{ bundle }], { op: "deployFormation", path: "/rpc/formations" }],
  ["updateFormation", ["my-bot", { bundle }], { op: "updateFormation", path: "/rpc/formations/my-bot" }],
  ["getFormationLogs", ["my-bot", 50], { op: "getFormationLogs", path: "/rpc/formations/my-bot/logs", query: { lines: "50" } }],
  ["getServerLogs", [20], { op: "getServerLogs", path: "/rpc/server/logs", query: { lines: "20" } }],
  ["deployFormationStream", [{ bundle }], { op: "deployFormation", path: "/rpc/formations", stream: true }],
  ["deployFormationStreaming", [{ bundle }], { op: "deployFormation", path: "/rpc/formations", stream: true }],
  ["updateFormationStream", ["my-bot", { bundle }], { op: "updateFormation", path: "/rpc/formations/my-bot", stream: true }],
  ["updateFormationStreaming", ["my-bot", { bundle }], { op: "updateFormation", path: "/rpc/formations/my-bot", stream: true }],
  ["startFormationStream", ["my-bot"], { op: "startFormation", path: "/rpc/formations/my-bot/start", stream: true }],
  ["restartFormationStream", ["my-bot"], { op: "restartFormation", path: "/rpc/formations/my-bot/restart", stream: true }],
  ["rollbackFormationStream", ["my-bot"], { op: "rollbackFormation", path: "/rpc/formations/my-bot/rollback", stream: true }],
  ["streamFormationLogs", ["my-bot", { stream: "stderr" }], { op: "getFormationLogs", path: "/rpc/formations/my-bot/logs", query: { follow: "true", stream: "stderr" }, stream: true }],
];

async function call(client: unknown, method: string, args: unknown[], expectation: Expect): Promise<RecordedRequest> {
  const before = mock.requests.length;
  const fn = (client as Record<string, (...a: unknown[]) => unknown>)[method];
  expect(typeof fn, `${method} exists`).toBe("function");
  const result = fn.apply(client, args);
  if (expectation.stream) {
    for await (const _e of result as AsyncIterable<unknown>) break;
  } else await result;
  const sent = mock.requests.slice(before);
  expect(sent).toHaveLength(1);
  return sent[0];
}

function check(sent: RecordedRequest, e: Expect): void {
  expect(sent.rejected, sent.rejected).toBeUndefined();
  expect(sent.operation).toBe(e.op);
  expect(sent.path).toBe(e.path);
  if (e.query) expect(sent.query).toEqual(e.query);
  expect(sent.headers["x-muxi-user-id"]).toBe(e.user);
  if (e.body !== undefined) expect(sent.body).toEqual(e.body);
  expect(Boolean(sent.stream)).toBe(Boolean(e.stream));
}

describe("old FormationClient surface", () => {
  it.each(formationCases)("%s(%j)", async (method, args, e) => check(await call(formation, method, args, e), e));
});

describe("old ServerClient surface", () => {
  it.each(serverCases)("%s(%j)", async (method, args, e) => check(await call(server, method, args, e), e));

  it("deploys the bundle's own id and version as raw gzip", async () => {
    const sent = await call(server, "deployFormation", [{ bundle }], { op: "deployFormation", path: "/rpc/formations" });
    expect(sent.headers["content-type"]).toBe("application/gzip");
    expect(sent.headers["x-formation-id"]).toBe("my-bot");
    expect(sent.headers["x-formation-version"]).toBe("1.2.0");
    expect(Buffer.from(sent.body as Uint8Array).equals(Buffer.from(bundle))).toBe(true);
  });

  it("ping returns the text body", async () => {
    expect(await server.ping()).toBe("pong");
  });
});
