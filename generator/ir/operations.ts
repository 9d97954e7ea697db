// OpenAPI operations → IR operations with their SDK methods and calling forms.
import { SpecError } from "../diagnostics/diagnostic.js";
import { isRef, joinPlace, type Place, type SpecSet } from "../load/spec-set.js";
import { camelCase, memberName, typeName, unique } from "./names.js";
import type { SchemaConverter } from "./schemas.js";
import type { AuthScheme, Body, HttpMethod, Operation, Param, Response, SdkMethod, Select, Slot, StreamInfo, TypeRef } from "./types.js";

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;
const USER_HEADER = "x-muxi-user-id";
/** Headers the runtime owns; a spec may document them but they are never method parameters. */
const RUNTIME_HEADERS = new Set(["x-muxi-idempotency-key", "x-muxi-sdk", "x-muxi-client", "accept", "content-type", "authorization", "x-muxi-client-key", "x-muxi-admin-key"]);

type Obj = Record<string, unknown>;

export interface LegacyEntry {
  name?: string;
  stream?: boolean;
  args?: string[];
  deprecated?: boolean;
}

export class OperationBuilder {
  /** Method names taken in this service. */
  private readonly names = new Set<string>();

  constructor(
    private readonly spec: SpecSet,
    private readonly schemas: SchemaConverter,
    private readonly rootSecurity: unknown,
  ) {}

  build(pathKey: string, method: (typeof HTTP_METHODS)[number], opPlace: Place, pathItemPlace: Place): Operation {
    const op = this.obj(opPlace);
    const name = unique(typeof op.operationId === "string" ? memberName(op.operationId) : camelCase(`${method} ${pathKey}`, method), this.names);
    const params = this.params(pathKey, opPlace, pathItemPlace, name);
    const bodyParts = op.requestBody !== undefined ? this.body(joinPlace(opPlace, "requestBody"), name, params) : undefined;
    const response = this.response(opPlace, name);
    const userId = op["x-muxi-user-id"] === "required" ? "required" : op["x-muxi-user-id"] === "optional" ? "optional" : "none";
    const idempotent = op["x-muxi-idempotent"] === true;
    const upper = method.toUpperCase() as HttpMethod;
    const stream = this.stream(opPlace, name);
    const streamExt = op["x-muxi-stream"] as Obj | undefined;
    // Fields that choose between the plain and the stream variant are set by the SDK, not the caller.
    const selected = new Set(
      [streamExt?.select, streamExt?.plain].flatMap((sel) =>
        isObj(sel) ? Object.entries(sel).flatMap(([where, vals]) => Object.keys(isObj(vals) ? vals : {}).map((k) => `${where}:${k}`)) : [],
      ),
    );
    const notSelected = (p: Param): boolean => !selected.has(`${p.in}:${p.wire}`);
    const operation: Operation = {
      name,
      method: upper,
      path: pathKey,
      summary: str(op.summary) ?? "",
      description: str(op.description) ?? "",
      tags: Array.isArray(op.tags) ? op.tags.map(String) : [],
      deprecated: op.deprecated === true,
      params: [...params, ...(bodyParts?.params ?? [])].filter(notSelected),
      ...(bodyParts ? { body: bodyParts.body } : {}),
      response,
      errors: Object.keys((op.responses ?? {}) as Obj)
        .map(Number)
        .filter((s) => s >= 400)
        .sort((a, b) => a - b),
      auth: this.auth(op),
      userId,
      idempotent,
      retryable: upper === "GET" || upper === "PUT" || upper === "DELETE" || (upper === "POST" && idempotent),
      ...(isObj(streamExt?.plain) ? { plainSelect: streamExt.plain as Select } : {}),
      ...(stream ? { stream } : {}),
      methods: [],
    };
    operation.methods = this.methods(operation, (op["x-muxi-legacy"] as LegacyEntry[] | undefined) ?? []);
    return operation;
  }

  private obj(place: Place): Obj {
    const r = this.spec.deref(place);
    if ("severity" in r) throw new SpecError([r]);
    const v = this.spec.value(r);
    return isObj(v) ? v : {};
  }

  private params(pathKey: string, opPlace: Place, pathItemPlace: Place, opName: string): Param[] {
    const byKey = new Map<string, { p: Obj; place: Place }>();
    for (const owner of [pathItemPlace, opPlace]) {
      const list = this.spec.value(joinPlace(owner, "parameters"));
      if (!Array.isArray(list)) continue;
      list.forEach((_, i) => {
        const place = this.derefPlace(joinPlace(owner, "parameters", i));
        const p = this.obj(place);
        byKey.set(`${p.in}:${String(p.name).toLowerCase()}`, { p, place });
      });
    }
    const taken = new Set<string>(["userId", "params", "options"]);
    const out: Param[] = [];
    const pathOrder = [...pathKey.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const entries = [...byKey.values()].filter(({ p }) => {
      const lower = String(p.name).toLowerCase();
      return !(p.in === "header" && (lower === USER_HEADER || RUNTIME_HEADERS.has(lower))) && p.in !== "cookie";
    });
    const rank = (p: Obj): number => (p.in === "path" ? pathOrder.indexOf(String(p.name)) : 1000 + ["query", "header"].indexOf(String(p.in)));
    entries.sort((a, b) => rank(a.p) - rank(b.p));
    for (const { p, place } of entries) {
      const schemaPlace = joinPlace(place, "schema");
      const schema = this.obj(schemaPlace);
      const type = this.spec.value(schemaPlace) === undefined ? ({ kind: "primitive", type: "string" } as TypeRef) : this.schemas.typeAt(schemaPlace, opName + typeName(camelCase(String(p.name), "Param")));
      const fixed = fixedValue(schema);
      const required = p.in === "path" || p.required === true;
      out.push({
        name: unique(str(p["x-muxi-name"]) ?? camelCase(String(p.name), "param"), taken),
        wire: String(p.name),
        in: p.in as Param["in"],
        required,
        type,
        kind: kindOf(type, this.schemas.models),
        description: str(p.description) ?? "",
        ...(schema.default !== undefined ? { default: schema.default } : {}),
        ...(fixed !== undefined && required ? { fixed } : {}),
        deprecated: p.deprecated === true,
      });
    }
    return out;
  }

  private derefPlace(place: Place): Place {
    const r = this.spec.deref(place);
    if ("severity" in r) throw new SpecError([r]);
    return r;
  }

  private body(place: Place, opName: string, params: Param[]): { body: Body; params: Param[] } {
    const rb = this.obj(place);
    const content = (rb.content ?? {}) as Obj;
    const types = Object.keys(content);
    const contentType = types.find((t) => /json/.test(t)) ?? types[0] ?? "application/octet-stream";
    const schemaPlace = joinPlace(this.derefPlace(place), "content", contentType, "schema");
    const required = rb.required === true;
    const kind: Body["kind"] = /json/.test(contentType) ? "json" : /^text\//.test(contentType) ? "text" : "binary";
    const taken = new Set(["userId", "params", "options", ...params.map((p) => p.name)]);
    const wholeName = unique(str(rb["x-muxi-name"]) ?? "body", taken);
    if (kind !== "json") {
      const type: TypeRef = kind === "binary" ? { kind: "binary" } : { kind: "primitive", type: "string" };
      return { body: { kind, contentType, required }, params: [wholeParam(wholeName, type, "unknown", required, str(rb.description))] };
    }
    const type = this.schemas.typeAt(schemaPlace, `${typeName(opName)}Request`);
    const model = type.kind === "model" ? this.schemas.models.get(type.name) : undefined;
    if (!model || model.kind !== "object" || type.nullable) {
      return { body: { kind, contentType, required }, params: [wholeParam(wholeName, type, kindOf(type, this.schemas.models), required, str(rb.description))] };
    }
    const fields: Param[] = model.properties
      .filter((prop) => !prop.readOnly)
      .map((prop) => {
        const fixed = prop.type.kind === "literal" && prop.required ? prop.type.value : undefined;
        return {
          name: unique(prop.name, taken),
          wire: prop.wire,
          in: "body" as const,
          required: prop.required && required,
          type: prop.type,
          kind: kindOf(prop.type, this.schemas.models),
          description: prop.description,
          ...(prop.default !== undefined ? { default: prop.default } : {}),
          ...(fixed !== undefined ? { fixed } : {}),
          deprecated: prop.deprecated,
        };
      });
    return { body: { kind, contentType, required, model: model.name }, params: fields };
  }

  private response(opPlace: Place, opName: string): Response {
    const responses = (this.obj(opPlace).responses ?? {}) as Obj;
    const success = Object.keys(responses)
      .filter((s) => /^2\d\d$/.test(s))
      .sort();
    // The plain result is the lowest 2xx that is not only an event stream (deploy: 200 SSE, 201 JSON).
    const hasPlainContent = (s: string): boolean => {
      const content = (this.obj(this.derefPlace(joinPlace(opPlace, "responses", s))).content ?? {}) as Obj;
      const types = Object.keys(content);
      return types.length === 0 || types.some((t) => t !== "text/event-stream");
    };
    const status = success.find(hasPlainContent) ?? success[0];
    if (!status) return { status: 200, kind: "empty", envelope: false };
    const respPlace = this.derefPlace(joinPlace(opPlace, "responses", status));
    const content = (this.obj(respPlace).content ?? {}) as Obj;
    const types = Object.keys(content).filter((t) => t !== "text/event-stream");
    const envelope = this.obj(opPlace)["x-muxi-envelope"] === true;
    const contentType = types.find((t) => /json/.test(t)) ?? types[0];
    if (!contentType) return { status: Number(status), kind: "empty", envelope: false };
    const schemaPlace = joinPlace(respPlace, "content", contentType, "schema");
    if (!/json/.test(contentType)) {
      const kind = /^text\//.test(contentType) ? "text" : "binary";
      return { status: Number(status), kind, contentType, envelope: false, type: kind === "text" ? { kind: "primitive", type: "string" } : { kind: "binary" } };
    }
    const hint = `${typeName(opName)}Response`;
    const type = envelope ? this.envelopeData(schemaPlace, hint) : this.spec.value(schemaPlace) === undefined ? undefined : this.schemas.typeAt(schemaPlace, hint);
    return { status: Number(status), kind: "json", contentType, envelope, ...(type ? { type } : {}) };
  }

  /** The `data` schema inside `allOf: [Envelope, {properties: {data: X}}]`. */
  private envelopeData(place: Place, hint: string): TypeRef {
    const final = this.derefPlace(place);
    const s = this.obj(final);
    const members = Array.isArray(s.allOf) ? s.allOf.map((_, i) => joinPlace(final, "allOf", i)) : [final];
    for (const m of members.reverse()) {
      const mp = this.derefPlace(m);
      const props = this.obj(mp).properties;
      if (isObj(props) && props.data !== undefined) return this.schemas.typeAt(joinPlace(mp, "properties", "data"), hint);
    }
    return { kind: "primitive", type: "unknown" };
  }

  private auth(op: Obj): AuthScheme[] {
    const security = op.security !== undefined ? op.security : this.rootSecurity;
    if (!Array.isArray(security)) return [];
    const names = security.flatMap((req) => (isObj(req) ? Object.keys(req) : []));
    return [...new Set(names)] as AuthScheme[];
  }

  private stream(opPlace: Place, opName: string): StreamInfo | undefined {
    const op = this.obj(opPlace);
    const ext = op["x-muxi-stream"];
    if (!isObj(ext)) return undefined;
    const method = memberName(str(ext.method) ?? opName);
    const eventsPlace = joinPlace(opPlace, "x-muxi-stream", "events");
    const events = Object.keys(isObj(ext.events) ? ext.events : {}).map((name) => ({
      name,
      type: this.schemas.typeAt(joinPlace(eventsPlace, name), `${typeName(method)}${typeName(camelCase(name, "Event"))}Event`),
    }));
    const responses = (op.responses ?? {}) as Obj;
    const hasJson = Object.entries(responses).some(([status, r]) => {
      if (!/^2/.test(status)) return false;
      const resolved = isRef(r) ? this.obj(this.spec.target(opPlace, r.$ref)) : (r as Obj);
      return Object.keys((resolved?.content ?? {}) as Obj).some((t) => t !== "text/event-stream");
    });
    return {
      method,
      format: ext.format === "chat" || ext.format === "named" ? ext.format : "data",
      only: method === opName || !hasJson,
      ...(isObj(ext.select) ? { select: ext.select as Select } : {}),
      events,
    };
  }

  /** The plain/stream/alias methods of an operation with their calling forms. */
  private methods(op: Operation, legacy: LegacyEntry[]): SdkMethod[] {
    const out: SdkMethod[] = [];
    const slot = (p: Param, optional: boolean): Slot => ({ param: p.name, kind: p.kind, optional });
    const exposed = op.params.filter((p) => p.fixed === undefined);
    const pathParams = exposed.filter((p) => p.in === "path");
    const others = exposed.filter((p) => p.in !== "path");
    const options: Slot = { param: "options", kind: "object", optional: true };
    const defaultForm: Slot[] = [
      ...pathParams.map((p) => slot(p, false)),
      ...(others.length > 0 ? [{ param: "params", kind: "object" as const, optional: !others.some((p) => p.required) }] : []),
      options,
    ];
    const objectForm: Slot[] | undefined = pathParams.length > 0 ? [{ param: "params", kind: "object", optional: false }, options] : undefined;
    const legacyForm = (args: string[]): Slot[] => [
      ...args.map((a) => {
        if (a === "userId") return { param: "userId", kind: "string" as const, optional: op.userId !== "required" };
        if (a === "params") return { param: "params", kind: "object" as const, optional: !others.some((p) => p.required) };
        const p = exposed.find((q) => q.name === a);
        return p ? slot(p, !p.required) : { param: a, kind: "unknown" as const, optional: true };
      }),
      options,
    ];
    const derived = [defaultForm, ...(objectForm ? [objectForm] : [])];
    const withForms = (legacyForms: Slot[][]): Pick<SdkMethod, "forms" | "legacy"> => {
      const forms = dedupe([...legacyForms, ...derived]);
      const derivedKeys = new Set(derived.map((f) => JSON.stringify(f)));
      return { forms, legacy: forms.filter((f) => !derivedKeys.has(JSON.stringify(f))) };
    };
    const kinds: ("plain" | "stream")[] = op.stream ? (op.stream.only ? ["stream"] : ["plain", "stream"]) : ["plain"];
    for (const kind of kinds) {
      const name = kind === "stream" ? (op.stream as StreamInfo).method : op.name;
      const extra = legacy.filter((e) => (e.name === undefined || e.name === name) && (kind === "stream" ? e.stream === true || op.stream?.only : e.stream !== true) && e.args);
      out.push({ name, kind, alias: false, deprecated: op.deprecated, ...withForms(extra.map((e) => legacyForm(e.args as string[]))) });
      for (const e of legacy) {
        const isStream = e.stream === true || (op.stream?.only ?? false);
        if (e.name === undefined || e.name === op.name || e.name === op.stream?.method || isStream !== (kind === "stream")) continue;
        out.push({
          name: memberName(e.name),
          kind,
          alias: true,
          deprecated: op.deprecated || e.deprecated === true,
          ...withForms(e.args ? [legacyForm(e.args)] : []),
        });
      }
    }
    return out;
  }
}

type Models = SchemaConverter["models"];

function kindOf(t: TypeRef, models: Models): Slot["kind"] {
  switch (t.kind) {
    case "primitive":
      return t.type === "integer" || t.type === "number" ? "number" : t.type === "string" || t.type === "boolean" ? t.type : "unknown";
    case "literal":
      return typeof t.value === "string" ? "string" : typeof t.value === "number" ? "number" : typeof t.value === "boolean" ? "boolean" : "unknown";
    case "enum":
      return t.values.every((v) => typeof v === "string") ? "string" : "unknown";
    case "array":
    case "tuple":
      return "array";
    case "map":
      return "object";
    case "model": {
      const m = models.get(t.name);
      if (!m || m.kind === "object") return "object";
      if (m.kind === "enum") return m.values.every((v) => typeof v === "string") ? "string" : "unknown";
      if (m.kind === "alias") return kindOf(m.type, models);
      return "unknown";
    }
    default:
      return "unknown";
  }
}

function dedupe(forms: Slot[][]): Slot[][] {
  const seen = new Set<string>();
  return forms.filter((f) => {
    const k = JSON.stringify(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function wholeParam(name: string, type: TypeRef, kind: Param["kind"], required: boolean, description: string | undefined): Param {
  return { name, wire: "", in: "body", required, type, kind, description: description ?? "", whole: true, deprecated: false };
}

function fixedValue(schema: Obj): unknown {
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length === 1) return schema.enum[0];
  return undefined;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
