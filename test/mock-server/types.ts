// Types shared by the spec-driven mock server's modules (and by tests that use it).
import type { Operation, ServiceName } from "../../generator/ir/types.js";

/** How a formation request reached the mock: `/api/{id}/v1` (live), `/draft/{id}/v1`, or `/v1` (direct). */
export type FormationMode = "live" | "draft" | "direct";

export interface RecordedRequest {
  method: string;
  /** The raw request path, without the query string (percent-encoded as sent). */
  path: string;
  /** The raw request target (path + query) as sent. */
  url: string;
  service?: ServiceName;
  /** Name of the matched IR operation. */
  operation?: string;
  /** Formation requests only. */
  mode?: FormationMode;
  /** The `{formationId}` of `/api/{id}/v1` or `/draft/{id}/v1`. */
  formationId?: string;
  /** Percent-decoded path parameter values, by wire name. */
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON; the raw text when it is not JSON; bytes for a binary body; absent when empty. */
  body?: unknown;
  /** True when the request selected the operation's stream variant. */
  stream?: boolean;
  /** Why the mock refused it (absent = accepted). */
  rejected?: string;
  /** Status the mock answered with. */
  status?: number;
}

export interface Credentials {
  /** Formation client key (default `fmc_test`). */
  clientKey?: string;
  /** Formation admin key (default `fma_test`). */
  adminKey?: string;
  /** MUXI-HMAC key id (default `muxi_pk_test`). */
  keyId?: string;
  /** MUXI-HMAC secret (default `muxi_sk_test`). */
  secretKey?: string;
}

export const DEFAULT_CREDENTIALS: Required<Credentials> = {
  clientKey: "fmc_test",
  adminKey: "fma_test",
  keyId: "muxi_pk_test",
  secretKey: "muxi_sk_test",
};

/** One server-sent event frame. */
export interface SseFrame {
  /** `event:` line. */
  event?: string;
  /** Payload: a string is sent as is (one `data:` line per line), anything else as one-line JSON. */
  data?: unknown;
  id?: string;
  retry?: number;
  /** A `: comment` line (e.g. `keepalive`). */
  comment?: string;
  /** Bytes written verbatim instead of a formatted frame (for malformed-stream tests). */
  raw?: string;
}

/** A scripted answer; every field is optional and falls back to what the mock would do. */
export interface MockReply {
  status?: number;
  headers?: Record<string, string>;
  /** The whole response body: a string or bytes are sent as is, anything else as JSON. */
  body?: unknown;
  /** Payload to wrap in the operation's envelope (ignored when `body` is set). */
  data?: unknown;
  /** Answer as `text/event-stream` with these frames (overrides body/data). */
  sse?: SseFrame[];
  /** After the frames, keep the stream open until the client disconnects. */
  keepOpen?: boolean;
  /** Wait this long before sending the status line. */
  delayMs?: number;
  /** Wait this long between SSE frames. */
  frameDelayMs?: number;
  /** Destroy the socket: "before" any response bytes (a reset), "after" the headers and body/frames (a truncation). */
  destroy?: "before" | "after";
}

export type MockScript = (op: Operation, req: RecordedRequest) => MockReply | undefined;

export interface MockOptions {
  port?: number;
  host?: "127.0.0.1";
  credentials?: Credentials;
  /** Clock in milliseconds (default Date.now); used for HMAC windows and envelope timestamps. */
  now?: () => number;
  /** Called for every valid request; a returned reply overrides the synthesised one. */
  script?: MockScript;
}

export interface MockServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `<url>/v1`: a formation's direct base URL. */
  formationBase: string;
  /** Same as url: the MUXI Server origin. */
  serverBase: string;
  /** Every request received, in order. Clear with `requests.length = 0`. */
  requests: RecordedRequest[];
  /** Replace (or remove) the script hook, e.g. per test. */
  setScript(script: MockScript | undefined): void;
  close(): Promise<void>;
}
