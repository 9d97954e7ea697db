// The intermediate representation: plain, language-neutral, JSON-serialisable.
// Emitters read only this, never the raw spec. Names here are neutral:
// `name` is camelCase for members and PascalCase for models; `wire` is the name on the wire.

export interface IR {
  services: Service[];
  /** Every named model of both specs, sorted by name. */
  models: Model[];
}

export type ServiceName = "formation" | "server";

export interface Service {
  name: ServiceName;
  /** PascalCase client class name: FormationClient, ServerClient. */
  client: string;
  title: string;
  version: string;
  description: string;
  /** The spec entry file, relative to the project root. */
  source: string;
  /** Operations in spec order (path order, then method order). */
  operations: Operation[];
  authSchemes: AuthSchemeInfo[];
  /** The spec bundled into one self-contained OpenAPI document, for emitters that hand it to OpenAPI tools. */
  document: Record<string, unknown>;
}

export interface AuthSchemeInfo {
  name: AuthScheme;
  kind: "apiKeyHeader" | "hmac";
  /** Header the credential travels in. */
  header: string;
  description: string;
}

export type AuthScheme = "ClientKey" | "AdminKey" | "MuxiHmac";
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Operation {
  /** operationId: the plain SDK method name (camelCase). */
  name: string;
  method: HttpMethod;
  /** Path relative to the service base, with `{wire}` placeholders. */
  path: string;
  summary: string;
  description: string;
  tags: string[];
  deprecated: boolean;
  /** Path params first (in path order), then query, header, body fields. */
  params: Param[];
  body?: Body;
  response: Response;
  /** Documented error statuses. */
  errors: number[];
  /** Alternative schemes; empty = no authentication. */
  auth: AuthScheme[];
  userId: "required" | "optional" | "none";
  idempotent: boolean;
  /** Whether the SDK may retry it (GET/PUT/DELETE, or an idempotent POST). */
  retryable: boolean;
  /** Wire values that select the plain variant of a route shared with a stream. */
  plainSelect?: Select;
  stream?: StreamInfo;
  /** Every SDK method this operation yields (plain, stream, aliases), with their calling forms. */
  methods: SdkMethod[];
}

export interface Select {
  body?: Record<string, unknown>;
  query?: Record<string, unknown>;
}

export interface Param {
  /** camelCase SDK name. */
  name: string;
  wire: string;
  in: "path" | "query" | "header" | "body";
  required: boolean;
  type: TypeRef;
  /** The JS kind of its values (picks between calling forms). */
  kind: Slot["kind"];
  description: string;
  default?: unknown;
  /** Set when the spec fixes the only allowed value; the SDK sends it itself and does not expose the param. */
  fixed?: unknown;
  /** For `in: "body"`: this param is the entire request body (raw bytes, or a non-object JSON body). */
  whole?: boolean;
  deprecated: boolean;
}

export interface Body {
  kind: "json" | "binary" | "text";
  contentType: string;
  required: boolean;
  /** The named model of a JSON object body, whose properties became `in: "body"` params. */
  model?: string;
}

export interface Response {
  status: number;
  kind: "json" | "text" | "binary" | "empty";
  contentType?: string;
  /** The payload type (for an envelope: the `data` type). */
  type?: TypeRef;
  envelope: boolean;
}

export interface StreamInfo {
  /** SDK name of the streaming method. */
  method: string;
  format: "chat" | "named" | "data";
  /** True when the route only streams (there is no plain method). */
  only: boolean;
  select?: Select;
  events: StreamEvent[];
}

export interface StreamEvent {
  /** SSE event name ("message" for frames without an event line). */
  name: string;
  type: TypeRef;
}

export interface SdkMethod {
  name: string;
  kind: "plain" | "stream";
  /** A second name of the operation's plain or stream method (old SDK names, or the same method on two routes). */
  alias: boolean;
  /** Marked deprecated (old names kept only for compatibility). */
  deprecated: boolean;
  /** Calling forms, most specific first: the `legacy` ones, the default form, the object form. */
  forms: Slot[][];
  /** The old positional forms (x-muxi-legacy) among `forms`; the others follow from the default rule. */
  legacy: Slot[][];
}

/**
 * A positional slot: a Param name, or "userId" (X-Muxi-User-ID), "params" (the
 * params object) or "options" (per-call options).
 */
export interface Slot {
  param: string;
  kind: "string" | "number" | "boolean" | "array" | "object" | "unknown";
  optional: boolean;
}

// ---- types -------------------------------------------------------------

export type TypeRef = (
  | { kind: "model"; name: string }
  | { kind: "primitive"; type: "string" | "integer" | "number" | "boolean" | "null" | "unknown"; format?: string }
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "enum"; values: (string | number)[] }
  | { kind: "array"; items: TypeRef }
  | { kind: "tuple"; items: TypeRef[] }
  /** An object with only additional properties; `values` null = free-form (passed through untouched). */
  | { kind: "map"; values: TypeRef | null }
  | { kind: "union"; variants: TypeRef[] }
  | { kind: "binary" }
) & { nullable?: boolean };

export type Model = ObjectModel | EnumModel | UnionModel | AliasModel;

interface ModelBase {
  name: string;
  description: string;
  deprecated: boolean;
  /** A valid example instance (wire form), when the spec has one. */
  example?: unknown;
  /** Where it is defined, `file#pointer`. */
  source: string;
  /** Its schema under components/schemas of a service's bundled `document` (absent for inline schemas). */
  wireSchema?: { service: ServiceName; name: string };
}

export interface ObjectModel extends ModelBase {
  kind: "object";
  properties: Property[];
  /** Extra keys: null = not allowed / not declared, "free" = any value, else their type. */
  additional: TypeRef | "free" | null;
}

export interface Property {
  name: string;
  wire: string;
  type: TypeRef;
  required: boolean;
  description: string;
  default?: unknown;
  deprecated: boolean;
  readOnly: boolean;
}

export interface EnumModel extends ModelBase {
  kind: "enum";
  values: (string | number)[];
}

export interface UnionModel extends ModelBase {
  kind: "union";
  variants: TypeRef[];
  discriminator?: { property: string; wire: string; mapping: Record<string, string> };
}

export interface AliasModel extends ModelBase {
  kind: "alias";
  type: TypeRef;
}
