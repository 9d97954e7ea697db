// The seed examples of DESIGN §5, unchanged except for the import path and the glue that
// turns the fragments into one program (the `formation` alias, the draft client's call, the try body).
import { FormationClient, MuxiError, RateLimitError, ServerClient } from "../../../generated/typescript/src/index.js";

const client = new FormationClient({ serverUrl: "http://localhost:7890", formationId: "my-assistant", clientKey: "k" });
for await (const event of client.chatStream({ message: "Hello!" })) if (event.type === "text") process.stdout.write(event.text);
const formation = client;
for await (const chunk of await formation.chatStream({ message: "Hello!" }, "user_123")) { if (chunk.type === "done") break; }
const draft = new FormationClient({ serverUrl: "http://localhost:7890", formationId: "my-assistant", clientKey: "k", mode: "draft" });
await draft.getSessions("user_123");
await formation.getMemories("user_123");
await formation.addMemory("user_123", "preference", "User prefers TypeScript");
await formation.clearUserBuffer("user_123");
const r = await formation.associateUserIdentifiers({ identifiers: ["alice@email.com", { identifier: "U12345ABC", type: "slack" }], userId: null });
r.muxiUserId;
process.stdout.write(`\nmuxiUserId=${r.muxiUserId}\n`);
await formation.restoreSession({ sessionId: "sess_abc123", messages: [{ role: "user", content: "Hello", timestamp: "..." }], userId: "alice@email.com" });
const server = new ServerClient({ url: "http://localhost:7890", keyId: "muxi_pk_...", secretKey: "muxi_sk_..." });
await server.deployFormation({ bundlePath: "my-bot.tar.gz" });
await server.listFormations(); await server.stopFormation("my-bot"); await server.startFormation("my-bot");
try { await server.listFormations(); } catch (err) { if (err instanceof RateLimitError) process.stdout.write(`retryAfter=${err.retryAfter}\n`); if (err instanceof MuxiError) process.stdout.write(`code=${err.code}\n`); }
