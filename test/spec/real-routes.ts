// The routes the real servers have, written by hand from the research catalogues
// (/work/shared/reference/formation-api.md §4 and server-api.md §2.1) — deliberately NOT read
// from the spec, so routes.test.ts can tell when the spec misses or invents a route.
//
// Formation paths are written as in spec/formation.yaml: without the `/v1` prefix.
// Left out on purpose: `GET /` and `GET /v1` (HTML status page), the `/mcp` MCP mount (not under
// /v1), and every route the catalogue marks [removed]. Server: `/docs` and the `/api`, `/draft`,
// `/mcp` proxies are left out (they are not part of the management API).

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** How the route is known: see formation-api.md §0. */
export type Evidence = "code" | "code-old" | "changelog" | "sdk/docs";

export interface RealRoute {
  readonly method: HttpMethod;
  readonly path: string;
  readonly evidence: Evidence;
  /** Catalogue section the route comes from. */
  readonly section: string;
}

const r = (method: HttpMethod, path: string, evidence: Evidence, section: string): RealRoute => ({
  method,
  path,
  evidence,
  section,
});

export const FORMATION_ROUTES: readonly RealRoute[] = [
  // §4.1 Health and status
  r("GET", "/health", "code-old", "4.1"),
  r("GET", "/status", "code-old", "4.1"),
  r("GET", "/config", "code-old", "4.1"),
  r("GET", "/formation", "code-old", "4.1"),
  // §4.2 Chat
  r("POST", "/chat", "code", "4.2"),
  r("POST", "/audiochat", "code", "4.2"),
  // §4.3 Sessions
  r("GET", "/sessions", "code", "4.3"),
  r("GET", "/sessions/{session_id}", "code", "4.3"),
  r("GET", "/sessions/{session_id}/messages", "code", "4.3"),
  r("POST", "/sessions/{session_id}/restore", "code", "4.3"),
  // §4.4 Requests
  r("GET", "/requests", "code", "4.4"),
  r("GET", "/requests/{request_id}", "code", "4.4"),
  r("DELETE", "/requests/{request_id}", "code", "4.4"),
  // §4.5 Event and log streams
  r("GET", "/events", "code", "4.5"),
  r("GET", "/events/{session_id}", "code", "4.5"),
  r("GET", "/events/{session_id}/{request_id}", "code", "4.5"),
  r("GET", "/logs", "code", "4.5"),
  // §4.6 Memory — client routes
  r("GET", "/memories", "code", "4.6"),
  r("POST", "/memories", "code", "4.6"),
  r("DELETE", "/memories/{memory_id}", "code", "4.6"),
  r("GET", "/history", "code", "4.6"),
  r("GET", "/memory/buffer", "code", "4.6"),
  r("DELETE", "/memory/buffer", "code", "4.6"),
  r("DELETE", "/memory/buffer/{session_id}", "code", "4.6"),
  r("POST", "/memories/distilled", "code", "4.6"),
  r("GET", "/memories/distilled/{processing_id}", "code", "4.6"),
  r("POST", "/memories/batch", "changelog", "4.6"),
  r("GET", "/memories/ingestion/{processing_id}", "changelog", "4.6"),
  r("GET", "/memories/provenance", "changelog", "4.6"),
  // §4.7 Memory — admin routes
  r("GET", "/memory", "code", "4.7"),
  r("GET", "/memory/stats", "code", "4.7"),
  r("POST", "/memory/rebuild", "code", "4.7"),
  r("GET", "/memory/rebuild/{job_id}", "changelog", "4.7"),
  r("POST", "/memory/backfill", "changelog", "4.7"),
  r("POST", "/memory/forget", "changelog", "4.7"),
  r("GET", "/memory/forget/{job_id}", "changelog", "4.7"),
  r("POST", "/memory/lint", "code", "4.7"),
  r("POST", "/memory/distilleries", "code", "4.7"),
  r("GET", "/memory/distilleries", "code", "4.7"),
  r("DELETE", "/memory/distilleries/{distillery_id}", "code", "4.7"),
  r("GET", "/memory/buffers", "code", "4.7"), // deprecated
  r("DELETE", "/memory/buffers", "code", "4.7"), // deprecated
  // §4.8 Artifacts
  r("GET", "/artifacts", "code", "4.8"),
  r("GET", "/artifacts/{artifact_id}", "code", "4.8"),
  r("GET", "/artifacts/{artifact_id}/content", "code", "4.8"),
  r("GET", "/artifacts/{artifact_id}/versions", "code", "4.8"),
  // §4.9 Scheduler
  r("GET", "/scheduler", "code", "4.9"),
  r("GET", "/scheduler/jobs", "code", "4.9"),
  r("POST", "/scheduler/jobs", "code", "4.9"),
  r("GET", "/scheduler/jobs/{job_id}", "code", "4.9"),
  r("DELETE", "/scheduler/jobs/{job_id}", "code", "4.9"),
  r("PUT", "/scheduler/jobs/{job_id}", "changelog", "4.9"),
  r("POST", "/scheduler/jobs/{job_id}/pause", "changelog", "4.9"),
  r("POST", "/scheduler/jobs/{job_id}/resume", "changelog", "4.9"),
  // §4.10 Async
  r("GET", "/async", "code-old", "4.10"),
  r("PATCH", "/async", "code-old", "4.10"),
  r("GET", "/async/jobs", "code-old", "4.10"),
  r("GET", "/async/jobs/{job_id}", "code-old", "4.10"),
  r("DELETE", "/async/jobs/{job_id}", "code-old", "4.10"),
  // §4.11 Triggers
  r("GET", "/triggers", "code", "4.11"),
  r("GET", "/triggers/{trigger_name}", "code", "4.11"),
  r("POST", "/triggers/{trigger_name}", "code", "4.11"),
  // §4.12 SOPs
  r("GET", "/sops", "code", "4.12"),
  r("GET", "/sops/{sop_name}", "code", "4.12"),
  // §4.13 Skills
  r("GET", "/skills", "code", "4.13"),
  r("GET", "/skills/{skill_name}", "code", "4.13"),
  r("GET", "/agents/{agent_id}/skills", "code", "4.13"),
  // §4.14 User identifiers
  r("GET", "/users/identifiers/{user_id}", "code", "4.14"),
  r("POST", "/users/identifiers", "code", "4.14"),
  r("DELETE", "/users/identifiers/{identifier}", "code", "4.14"),
  r("GET", "/users/{identifier}", "code", "4.14"),
  r("POST", "/users/resolve", "code", "4.14"),
  r("GET", "/users/{id}/channels", "changelog", "4.14"),
  r("PUT", "/users/{id}/channels", "changelog", "4.14"),
  // §4.15 Notifications
  r("POST", "/notifications", "code", "4.15"),
  // §4.16 Credentials
  r("GET", "/credentials/services", "code", "4.16"),
  r("GET", "/credentials", "code", "4.16"),
  r("POST", "/credentials", "code", "4.16"),
  r("GET", "/credentials/{credential_id}", "code", "4.16"),
  r("DELETE", "/credentials/{credential_id}", "code", "4.16"),
  // §4.17 Secrets
  r("GET", "/secrets", "code", "4.17"),
  r("POST", "/secrets", "code", "4.17"),
  r("POST", "/secrets/reload", "code", "4.17"),
  r("PUT", "/secrets/{key}", "code", "4.17"),
  r("DELETE", "/secrets/{key}", "code", "4.17"),
  r("GET", "/secrets/{key}", "sdk/docs", "4.17"),
  // §4.18 Agents and knowledge
  r("GET", "/agents", "code", "4.18"),
  r("GET", "/agents/{agent_id}", "code", "4.18"),
  r("POST", "/agents/{agent_id}/knowledge/sync", "code", "4.18"),
  r("POST", "/knowledge/rebuild", "code", "4.18"),
  // §4.19 MCP configuration (the `/v1/mcp` admin routes, not the `/mcp` mount)
  r("GET", "/mcp", "code-old", "4.19"),
  r("PATCH", "/mcp", "code-old", "4.19"),
  r("GET", "/mcp/servers", "code-old", "4.19"),
  r("POST", "/mcp/servers", "code-old", "4.19"),
  r("GET", "/mcp/servers/{server_id}", "code-old", "4.19"),
  r("PATCH", "/mcp/servers/{server_id}", "code-old", "4.19"),
  r("DELETE", "/mcp/servers/{server_id}", "code-old", "4.19"),
  r("GET", "/mcp/tools", "code-old", "4.19"),
  r("POST", "/mcp/tools/call", "code-old", "4.19"),
  // §4.20 Overlord / soul
  r("GET", "/overlord", "code", "4.20"),
  r("GET", "/overlord/persona", "code", "4.20"),
  r("GET", "/overlord/soul", "sdk/docs", "4.20"),
  // §4.21 LLM settings
  r("GET", "/llm/settings", "code-old", "4.21"),
  r("PATCH", "/llm/settings", "code-old", "4.21"),
  r("DELETE", "/llm/settings/{item}", "code-old", "4.21"),
  // §4.22 Logging configuration
  r("GET", "/logging", "code-old", "4.22"),
  r("GET", "/logging/destinations", "code-old", "4.22"),
  r("POST", "/logging/destinations", "code-old", "4.22"),
  r("PATCH", "/logging/destinations/{destination_id}", "code-old", "4.22"),
  r("DELETE", "/logging/destinations/{destination_id}", "code-old", "4.22"),
  // §4.23 A2A
  r("GET", "/a2a", "code-old", "4.23"),
  r("PATCH", "/a2a/outbound", "code-old", "4.23"),
  r("DELETE", "/a2a/outbound/{item}", "code-old", "4.23"),
  // §4.24 Audit
  r("GET", "/audit", "code", "4.24"),
  r("DELETE", "/audit", "code", "4.24"),
  // §4.25 Tuning / MUXI.md
  r("GET", "/tuning", "code", "4.25"),
  r("POST", "/tuning", "code", "4.25"),
  r("POST", "/tuning/run", "code", "4.25"),
  r("GET", "/tuning/pending", "changelog", "4.25"),
  r("PATCH", "/tuning/pending", "changelog", "4.25"),
  r("DELETE", "/tuning/pending", "changelog", "4.25"),
];

/** server-api.md §2.1 (route table of muxi-ai/server `src/pkg/api/server.go`), all [code]. */
export const SERVER_ROUTES: readonly RealRoute[] = [
  r("GET", "/health", "code", "2.2"),
  r("GET", "/ping", "code", "2.2"),
  r("POST", "/rpc/formations", "code", "2.3"),
  r("GET", "/rpc/formations", "code", "2.4"),
  r("GET", "/rpc/formations/{id}", "code", "2.5"),
  r("PUT", "/rpc/formations/{id}", "code", "2.6"),
  r("DELETE", "/rpc/formations/{id}", "code", "2.7"),
  r("POST", "/rpc/formations/{id}/start", "code", "2.8"),
  r("POST", "/rpc/formations/{id}/stop", "code", "2.8"),
  r("POST", "/rpc/formations/{id}/restart", "code", "2.8"),
  r("POST", "/rpc/formations/{id}/rollback", "code", "2.8"),
  r("POST", "/rpc/formations/{id}/cancel-update", "code", "2.8"),
  r("GET", "/rpc/formations/{id}/logs", "code", "2.9"),
  r("GET", "/rpc/formations/{id}/download", "code", "2.10"),
  r("POST", "/rpc/formations/{id}/draft/files", "code", "2.12"),
  r("GET", "/rpc/server/status", "code", "2.11"),
  r("GET", "/rpc/server/logs", "code", "2.11"),
  r("POST", "/rpc/dev/run", "code", "2.12"),
  r("POST", "/rpc/dev/stop", "code", "2.12"),
];
