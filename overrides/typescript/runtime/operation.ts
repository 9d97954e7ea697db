// The contract between generated code and the runtime: every SDK method is a
// MethodSpec (pure data emitted by the generator) interpreted by the runtime.

import type { BodyEncoder } from "./body.js";
import type { SseEvent } from "./sse.js";
import type { StreamStep } from "./stream-step.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Security scheme names from the spec; an operation lists the alternatives it accepts. */
export type AuthScheme = "ClientKey" | "AdminKey" | "MuxiHmac";

/** JS-level kind of a value, used to pick the calling form that matches the arguments. */
export type ValueKind = "string" | "number" | "boolean" | "array" | "object" | "unknown";

export interface ParamSpec {
  /** camelCase name in the SDK (`params` object key, positional slot name). */
  readonly name: string;
  /** Name on the wire (path placeholder, query key, header name or JSON body key); default `name`. */
  readonly wire?: string;
  readonly in: "path" | "query" | "header" | "body";
  /** Default false. */
  readonly required?: boolean;
  /** Default "string". */
  readonly kind?: ValueKind;
  /** Converts a public (camelCase) value to its wire form; absent when the value is already wire-shaped. */
  readonly encode?: (value: unknown) => unknown;
  /** For `in: "body"`: this parameter is the whole request body (raw bytes, a non-object JSON body). */
  readonly whole?: boolean;
  /** The only value the spec allows: the runtime sends it itself and callers never pass it. */
  readonly fixed?: unknown;
}

export interface BodySpec {
  readonly kind: "json" | "binary" | "text";
  readonly contentType: string;
  readonly required: boolean;
  /** Serialises the body: jsonBody, textBody or binaryBody (body.ts), named so bundles keep only those used. */
  readonly encode: BodyEncoder;
}

export interface ResponseSpec {
  readonly kind: "json" | "text" | "binary" | "empty";
  /** The body is the formation envelope: return `data` (+ requestId/timestamp). */
  readonly envelope: boolean;
  /** Wire → public converter for the (unwrapped) payload. */
  readonly decode?: (wire: unknown) => unknown;
}

/** Per event name, wire → public converter of its data. */
export type Decoders = Readonly<Record<string, (wire: unknown) => unknown>>;

export interface StreamSpec {
  /**
   * Turns each SSE event into what the stream yields: chatStep (the normalised chat union,
   * DESIGN §5.1), namedStep (events keep their SSE names, `error` rejects with StreamError) or
   * dataStep (every data frame as it came). A reference, so a bundle keeps only the ones it calls.
   */
  readonly step: (ev: SseEvent, decode: Decoders | undefined) => StreamStep<unknown>;
  /** Wire-level values that select the streaming variant of a shared route. */
  readonly select?: {
    readonly body?: Readonly<Record<string, unknown>>;
    readonly query?: Readonly<Record<string, unknown>>;
  };
  readonly decode?: Decoders;
}

export interface OperationSpec {
  /** The operationId (plain method name). */
  readonly id: string;
  readonly method: HttpMethod;
  /** Path relative to the service base, with `{wire_name}` placeholders. */
  readonly path: string;
  /** Path, query, header and body parameters; path parameters first, in path order. */
  readonly params: readonly ParamSpec[];
  readonly body?: BodySpec;
  readonly auth: readonly AuthScheme[];
  readonly userId: "required" | "optional" | "none";
  /** x-muxi-idempotent: a POST that may be retried. */
  readonly idempotent: boolean;
  /** Wire-level values that select the plain (non-stream) variant of a shared route, e.g. `stream: false`. */
  readonly plainSelect?: {
    readonly body?: Readonly<Record<string, unknown>>;
    readonly query?: Readonly<Record<string, unknown>>;
  };
}

/**
 * One positional slot of a calling form. `param` is a ParamSpec name, or
 * "userId" (the X-Muxi-User-ID value), or "params" (the whole params object),
 * or "options" (RequestOptions).
 */
export interface Slot {
  readonly param: string;
  readonly kind: ValueKind;
  readonly optional: boolean;
}

export type ArgForm = readonly Slot[];

export interface MethodSpec {
  /** SDK method name. */
  readonly name: string;
  readonly op: OperationSpec;
  /** How a plain method reads its response (plain methods). */
  readonly response?: ResponseSpec;
  /** How a streaming method reads its events (streaming methods). */
  readonly stream?: StreamSpec;
  /**
   * Extra calling forms (old positional signatures, `x-muxi-legacy`), tried first, as slot names
   * with `?` marking the optional ones (`["params", "userId?", "options?"]`); the slots' kinds follow
   * from the names and `op.params`. The default form `(...pathParams, params?, options?)` and the
   * object form `(params, options?)` are derived from `op.params` by the runtime (forms.ts), by the
   * same rule the generator uses.
   */
  readonly legacy?: readonly (readonly string[])[];
  /** All calling forms, when a hand-written spec wants exactly these (nothing is derived then). */
  readonly forms?: readonly ArgForm[];
}
