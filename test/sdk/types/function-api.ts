// Compiled (never run) by all-functions.test.ts under --strict: what the function API accepts
// and, through @ts-expect-error (unused ones are errors too), what it must refuse.
import { FormationClient, type ChatEvent, type ChatParams, type Stream } from "../../../generated/typescript/src/index.js";
import { chatStream, createFormation, getSession, health } from "../../../generated/typescript/src/formation.js";
import { createServer, listFormations } from "../../../generated/typescript/src/server.js";

const formation = createFormation({ url: "http://localhost:8271", clientKey: "k" });
const server = createServer({ url: "http://localhost:7890", keyId: "muxi_pk_x", secretKey: "muxi_sk_x" });

const params: ChatParams = { message: "hi", sessionId: "sess_1", userId: "user_1" };
const events: Stream<ChatEvent> = chatStream(formation, params, { signal: AbortSignal.timeout(1000) });
const viaInstance: Stream<ChatEvent> = chatStream(new FormationClient({ url: "http://localhost:8271" }), params);
const session: Promise<{ requestId?: string }> = getSession(formation, "sess_1", { userId: "user_1" });
const list = listFormations(server).then((r) => r.formations.map((f) => f.id));

// @ts-expect-error: the functions of one API do not take the other's connection
void health(server);
// @ts-expect-error: `message` is required
void chatStream(formation, {});
// @ts-expect-error: the path parameter comes first
void getSession(formation, { userId: "user_1" });

export { events, viaInstance, session, list };
