// Java scaffold: Maven `org.muxi:muxi-sdk`, package `org.muxi.sdk` (Java 17). Naming: camelCase
// members, PascalCase types, UPPER_SNAKE enum constants; keywords and names Java code in scope
// would clash with get a suffix (`class_`, `ObjectModel`). Java has no type aliases or unions:
// aliases are spelled as their target type, unions as `Object` (the raw JSON value) with a helper
// class that converts it. Everything Java-specific a template cannot spell from the shared view
// comes from the `j*` helpers below. Templates: templates/java/.
import type { IR, Model, Operation, TypeRef } from "../../../ir/types.js";
import { unique } from "../../../ir/names.js";
import {
  camelName,
  capital,
  COMMENT_CONTROLS_BIDI,
  commentLines,
  enumValueName,
  escapeIf,
  isNonAscii,
  pascalName,
  screamingWords,
  shortHash,
  stringLiteral,
  utf16Escape,
} from "../naming-kit.js";
import type { LanguageProfile, NameRole, TypeContext } from "../profile.js";

// Keywords, literals and restricted identifiers (JLS 17 §3.9): none may name a member or a type.
const KEYWORDS = (
  "abstract assert boolean break byte case catch char class const continue default do double else enum extends final " +
  "finally float for goto if implements import instanceof int interface long native new package private protected " +
  "public return short static strictfp super switch synchronized this throw throws transient try void volatile while " +
  "true false null _ var yield record sealed permits"
).split(" ");
// Type names a model must not take: java.lang (implicitly imported), the java.util types the
// generated files import, and the SDK's own classes that clients and models use by simple name.
const TYPE_RESERVED = (
  "Object String Class Integer Long Double Float Short Byte Character Boolean Number Void Math StrictMath System " +
  "Runtime Thread ThreadGroup ThreadLocal Throwable Exception Error RuntimeException Iterable Comparable Runnable " +
  "Cloneable AutoCloseable Readable Appendable CharSequence Enum Record Override Deprecated FunctionalInterface " +
  "SafeVarargs SuppressWarnings Process ProcessBuilder ProcessHandle Package Module ModuleLayer ClassLoader " +
  "SecurityManager StackTraceElement StackWalker StringBuilder StringBuffer InheritableThreadLocal Compiler " +
  "IllegalArgumentException IllegalStateException NullPointerException UnsupportedOperationException " +
  "InterruptedException AssertionError " +
  "List Map ArrayList LinkedHashMap Objects Iterator Optional Base64 UUID Type Duration " +
  "FormationOptions ServerOptions RequestOptions Mode ChatEvent EventStream SseEvent " +
  "Webhook MuxiException AuthenticationException AuthorizationException NotFoundException ConflictException " +
  "ValidationException RateLimitException ServerException ConnectionException RequestTimeoutException " +
  "StreamException Version Json JsonMapper Types Wire Transport Call Op Step Errors Urls Hmac SseParser ChatDecoder"
).split(" ");
// Methods every object has, and the generated clients' own members.
const METHOD_RESERVED = ["getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait", "clone", "finalize", "withOptions", "withUser", "baseUrl", "transport"];
const RESERVED = new Set([...KEYWORDS, ...TYPE_RESERVED, ...METHOD_RESERVED]);

// Any Java identifier (underscores included) keeps its spelling.
const camel = (raw: string): string => camelName(raw, /^[A-Za-z_][A-Za-z0-9_]*$/);

const pascal = (raw: string): string => pascalName(raw, "Value", "V");

/** Enum constant of a value: UPPER_SNAKE; a hash suffix when the value is not plain words. */
function constantName(value: string): string {
  return enumValueName(value, {
    empty: "EMPTY",
    lead: "alnum",
    plain: screamingWords,
    other: (v) => `${screamingWords(v) || "VALUE"}_${shortHash(v).toUpperCase()}`,
    digitPrefix: "V_",
  });
}

function escape(word: string, role: NameRole): string {
  if (role === "type") return `${word}Model`;
  if (role === "enumMember" || role === "constant") return KEYWORDS.includes(word) ? `${word}_` : word;
  if (role === "field" || role === "param") return KEYWORDS.includes(word) ? `${word}_` : word;
  return `${word}_`;
}

function name(irName: string, role: NameRole): string {
  switch (role) {
    case "type":
    case "file":
      return pascal(irName);
    case "enumMember":
      return constantName(irName);
    case "constant":
      return screamingWords(irName) || "VALUE";
    case "package":
      return "org.muxi.sdk";
    default:
      return camel(irName);
  }
}

/** Language name with reserved words escaped (what the shared view's namer does). */
const nameOf = (irName: string, role: NameRole): string => {
  const n = name(irName, role);
  if (!RESERVED.has(n)) return n;
  // Type-only and method-only names are fine in other roles.
  if (role === "type" && !TYPE_RESERVED.includes(n) && !KEYWORDS.includes(n)) return n;
  if ((role === "field" || role === "param") && !KEYWORDS.includes(n)) return n;
  if (role === "method" && !KEYWORDS.includes(n) && !METHOD_RESERVED.includes(n)) return n;
  return escape(n, role);
};

// ---- literals and docs ---------------------------------------------------------------------

/**
 * A Java string literal. Non-ASCII and control characters become `\uXXXX` escapes, except line
 * ends, quotes and backslashes, whose `\u` forms javac would decode before lexing.
 */
const javaString = stringLiteral({ quote: '"', escapes: { "\b": "\\b", "\f": "\\f" }, other: escapeIf(isNonAscii, utf16Escape) });

/**
 * Javadoc-safe text: HTML-escaped; `*​/`, `@` tags and backslashes (a `\u` escape is decoded by
 * javac even inside comments) written as entities; control and bidi characters dropped.
 */
function docText(text: string): string {
  const escaped = text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\\/g, "&#92;")
    .replace(/@/g, "&#64;")
    .replace(/\*\//g, "*&#47;");
  return commentLines(escaped, COMMENT_CONTROLS_BIDI, "after").join("\n");
}

/** A Javadoc block (ending in a newline) at an indentation, or "" without text. */
function docBlock(text: unknown, indent: unknown): string {
  const body = docText(String(text ?? ""));
  if (!body) return "";
  const pad = " ".repeat(Number(indent) || 0);
  const lines = body.split("\n");
  if (lines.length === 1) return `${pad}/** ${lines[0]} */\n`;
  return `${pad}/**\n${lines.map((l) => `${pad} * ${l}`.trimEnd()).join("\n")}\n${pad} */\n`;
}

/** A Javadoc block from lines that are already Javadoc (escaped text, tags). */
function rawDoc(lines: string[], indent: number): string {
  const pad = " ".repeat(indent);
  return `${pad}/**\n${lines.map((l) => `${pad} * ${l}`.trimEnd()).join("\n")}\n${pad} */`;
}

/** A JSON value as a Java expression of the SDK's JSON model (String, Long, Double, Boolean, List, Map). */
function valueExpr(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return v ? "Boolean.TRUE" : "Boolean.FALSE";
  if (typeof v === "number") return Number.isInteger(v) ? `Long.valueOf(${v}L)` : `Double.valueOf(${v})`;
  if (typeof v === "string") return javaString(v);
  return `Json.parse(${javaString(JSON.stringify(v))})`;
}

// ---- types ----------------------------------------------------------------------------------

function literalType(v: string | number | boolean | null): string {
  if (typeof v === "string") return "String";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "number") return Number.isInteger(v) ? "Long" : "Double";
  return "Object";
}

/** The Java type of an IR type: boxed, so absent and null values fit. */
function javaType(t: TypeRef, ctx: TypeContext, seen: ReadonlySet<string> = new Set()): string {
  const inner = (x: TypeRef): string => javaType(x, ctx, seen);
  switch (t.kind) {
    case "model": {
      const m = ctx.model?.(t.name);
      if (m?.kind === "alias") return seen.has(m.name) ? "Object" : javaType(m.type, ctx, new Set([...seen, m.name]));
      if (m?.kind === "union") return "Object";
      return ctx.modelName(t.name);
    }
    case "primitive":
      if (t.type === "integer") return t.format === "int32" ? "Integer" : "Long";
      return { string: "String", number: "Double", boolean: "Boolean", null: "Object", unknown: "Object" }[t.type] ?? "Object";
    case "literal":
      return literalType(t.value);
    case "enum":
      return t.values.every((v) => typeof v === "string") ? "String" : "Object";
    case "array":
      return `List<${inner(t.items)}>`;
    case "tuple":
      return "List<Object>";
    case "map":
      return `Map<String, ${t.values ? inner(t.values) : "Object"}>`;
    case "union":
      return "Object";
    case "binary":
      return "byte[]";
  }
}

/** A `java.lang.reflect.Type` expression for a Java type spelled by javaType. */
function typeExpr(type: string): string {
  const list = /^List<(.+)>$/.exec(type);
  if (list) return `Types.list(${typeExpr(list[1])})`;
  const map = /^Map<String, (.+)>$/.exec(type);
  if (map) return `Types.map(${typeExpr(map[1])})`;
  return `${type}.class`;
}

// ---- helpers over the IR ------------------------------------------------------------------

interface Ctx {
  models: Map<string, Model>;
  typeCtx: TypeContext;
}

function makeCtx(ir: IR): Ctx {
  const models = new Map(ir.models.map((m) => [m.name, m] as const));
  return { models, typeCtx: { dir: "output", optional: true, modelName: (n) => nameOf(n, "type"), model: (n) => models.get(n) } };
}

/** Accessor names of a field (`getClass_`, `setUserId2`). */
const accessor = (prefix: string, field: string): string => `${prefix}${capital(field)}`;

function modelInfo(c: Ctx, irName: string) {
  const m = c.models.get(irName);
  if (!m) throw new Error(`java: unknown model ${irName}`);
  const taken = new Set<string>();
  const fields =
    m.kind === "object"
      ? m.properties.map((p) => {
          const n = unique(nameOf(p.name, "field"), taken);
          return {
            name: n,
            getter: accessor("get", n),
            setter: accessor("set", n),
            wireLiteral: javaString(p.wire),
            type: javaType(p.type, c.typeCtx),
            doc: docBlock([p.description, p.deprecated ? "Deprecated." : ""].filter(Boolean).join("\n\n"), 4),
            required: p.required,
          };
        })
      : [];
  const extra = m.kind === "object" && m.additional !== null ? { name: unique("extra", taken), type: m.additional === "free" ? "Object" : javaType(m.additional, c.typeCtx) } : undefined;
  if (extra) {
    Object.assign(extra, { getter: accessor("get", extra.name) });
  }
  return { fields, extra };
}

function enumInfo(c: Ctx, irName: string) {
  const m = c.models.get(irName);
  if (!m || m.kind !== "enum") throw new Error(`java: ${irName} is not an enum`);
  const taken = new Set<string>();
  return {
    values: m.values.map((v) => ({
      name: unique(nameOf(String(v), "enumMember"), taken),
      value: typeof v === "string" ? javaString(v) : Number.isInteger(v) ? `Long.valueOf(${v}L)` : `Double.valueOf(${v})`,
      doc: docText(JSON.stringify(v)),
    })),
  };
}

function unionInfo(c: Ctx, irName: string) {
  const m = c.models.get(irName);
  if (!m || m.kind !== "union") throw new Error(`java: ${irName} is not a union`);
  const taken = new Set<string>(["decode"]);
  const variants = m.variants.map((v) => {
    const type = javaType(v, c.typeCtx);
    const isObjectModel = v.kind === "model" && c.models.get(v.name)?.kind === "object";
    return { type, typeExpr: typeExpr(type), isObjectModel, method: unique(`as${pascal(type.replace(/[<>, ]+/g, " "))}`, taken) };
  });
  const d = m.discriminator;
  const tags = d
    ? Object.entries(d.mapping).map(([value, model]) => ({ literal: javaString(value), type: nameOf(model, "type") }))
    : [];
  return { variants, discriminated: !!d, tagLiteral: d ? javaString(d.wire) : undefined, tags, list: variants.map((v) => `{@code ${v.type.replace(/[<>]/g, (x) => (x === "<" ? "&lt;" : "&gt;"))}}`).join(", ") };
}

/** Shared event types of named streams, keyed by their event list (deploy, update, start... share one). */
function namedEvents(ir: IR, c: Ctx) {
  const byKey = new Map<string, { name: string; variants: { eventLiteral: string; event: string; name: string; type: string; typeExpr: string }[]; fallback: string; ops: string[]; service: string }>();
  const byOp = new Map<string, string>();
  for (const s of ir.services) {
    const taken = new Set<string>([nameOf(s.client, "type")]);
    for (const op of s.operations) {
      if (op.stream?.format !== "named") continue;
      const events = op.stream.events.filter((e) => e.name !== "error");
      const key = `${s.name}:${JSON.stringify(events)}`;
      let entry = byKey.get(key);
      if (!entry) {
        const vt = new Set<string>();
        const variants = events.map((e) => {
          // Qualified: a record named after an event must not shadow a model of the same name.
          const type = javaType(e.type, { ...c.typeCtx, modelName: (n) => `org.muxi.sdk.models.${nameOf(n, "type")}` });
          return { event: e.name, eventLiteral: javaString(e.name), name: unique(pascal(e.name), vt), type, typeExpr: typeExpr(type) };
        });
        entry = { name: unique(`${pascal(op.name)}Event`, taken), variants, fallback: unique("Other", vt), ops: [], service: s.name };
        byKey.set(key, entry);
      }
      entry.ops.push(op.name);
      byOp.set(op.name, entry.name);
    }
  }
  return { list: [...byKey.values()], byOp };
}

function findOp(ir: IR, opName: string): Operation {
  for (const s of ir.services) {
    const op = s.operations.find((o) => o.name === opName);
    if (op) return op;
  }
  throw new Error(`java: unknown operation ${opName}`);
}

function opInfo(ir: IR, c: Ctx, events: ReturnType<typeof namedEvents>, opName: string) {
  const op = findOp(ir, opName);
  const taken = new Set<string>(["call"]);
  const pathArgs = op.params
    .filter((p) => p.in === "path")
    .map((p) => {
      const type = javaType(p.type, c.typeCtx);
      return { name: unique(nameOf(p.name, "param"), taken), type: type === "String" || type === "Long" || type === "Double" || type === "Boolean" || type === "Integer" ? type : "String", wireLiteral: javaString(p.wire) };
    });
  const userIdArg = op.userId === "required" ? unique("userId", taken) : undefined;
  const exposed = op.params.filter((p) => p.in !== "path" && p.fixed === undefined);
  const paramsClass = exposed.length ? `${pascal(op.name)}Params` : undefined;
  const paramsArg = paramsClass ? unique("params", taken) : undefined;
  const optionsArg = unique("options", taken);
  const paramsRequired = exposed.some((p) => p.required);
  const fieldTaken = new Set<string>();
  const fields = exposed.map((p) => {
    const n = unique(nameOf(p.name, "field"), fieldTaken);
    return {
      name: n,
      getter: accessor("get", n),
      setter: accessor("set", n),
      type: p.type.kind === "binary" ? "byte[]" : javaType(p.type, c.typeCtx),
      doc: docBlock(p.description || (p.in === "header" ? `Sent as the {@code ${p.wire.replace(/[{}]/g, "")}} header.` : ""), 8),
      wireLiteral: javaString(p.wire),
      isQuery: p.in === "query",
      isHeader: p.in === "header",
      isBody: p.in === "body" && !p.whole,
      isWhole: p.whole === true,
      wholeBinary: p.whole === true && p.type.kind === "binary",
      required: p.required,
    };
  });
  const fixed = op.params
    .filter((p) => p.fixed !== undefined)
    .map((p) => ({ isQuery: p.in === "query", isHeader: p.in === "header", isBody: p.in === "body", wireLiteral: javaString(p.wire), value: valueExpr(p.fixed) }));
  const select = (sel: { body?: Record<string, unknown>; query?: Record<string, unknown> } | undefined) => ({
    body: Object.entries(sel?.body ?? {}).map(([k, v]) => ({ wireLiteral: javaString(k), value: valueExpr(v) })),
    query: Object.entries(sel?.query ?? {}).map(([k, v]) => ({ wireLiteral: javaString(k), value: valueExpr(v) })),
  });
  const resp = op.response;
  const ret = resp.kind === "empty" ? "void" : resp.kind === "text" ? "String" : resp.kind === "binary" ? "byte[]" : resp.type ? javaType(resp.type, c.typeCtx) : "Object";
  const send =
    resp.kind === "empty"
      ? "call.sendEmpty()"
      : resp.kind === "text"
        ? "call.sendText()"
        : resp.kind === "binary"
          ? "call.sendBytes()"
          : ret.includes("<")
            ? `call.<${ret}>sendJson(${typeExpr(ret)})`
            : `call.sendJson(${typeExpr(ret)})`;
  const stream = op.stream;
  let streamItem: string | undefined;
  let decoder: string | undefined;
  if (stream) {
    if (stream.format === "chat") {
      streamItem = "ChatEvent";
      decoder = "ChatDecoder::decode";
    } else if (stream.format === "named") {
      streamItem = events.byOp.get(op.name);
      decoder = `${streamItem}::decode`;
    } else {
      const ev = stream.events.find((e) => e.name === "message") ?? stream.events[0];
      streamItem = ev ? javaType(ev.type, c.typeCtx) : "Object";
      decoder = `EventStream.data(${typeExpr(streamItem)})`;
    }
  }
  const head = [...pathArgs.map((a) => `${a.type} ${a.name}`), ...(userIdArg ? [`String ${userIdArg}`] : [])];
  const headNames = [...pathArgs.map((a) => a.name), ...(userIdArg ? [userIdArg] : [])];
  // Calling forms: the full one (…, params, options), then shorter ones that fill in defaults.
  const full = [...head, ...(paramsArg ? [`${paramsClass} ${paramsArg}`] : []), `RequestOptions ${optionsArg}`];
  const forms: { args: string; call: string }[] = [
    { args: [...head, ...(paramsArg ? [`${paramsClass} ${paramsArg}`] : [])].join(", "), call: [...headNames, ...(paramsArg ? [paramsArg] : []), "null"].join(", ") },
  ];
  if (paramsArg && !paramsRequired) forms.push({ args: head.join(", "), call: [...headNames, `new ${paramsClass}()`, "null"].join(", ") });
  const route = `<code>${docText(`${op.method} ${op.path}`).replace(/[{}]/g, (x) => (x === "{" ? "&#123;" : "&#125;"))}</code>`;
  const text = docText([op.summary, op.description].filter(Boolean).join("\n\n"));
  const docFor = (extra: string[]): string =>
    rawDoc([...(text ? [...text.split("\n"), ""] : []), `<p>${route}`, ...extra, ...(op.deprecated ? ["", "@deprecated deprecated by the API"] : [])], 4);
  // Only the spec's three schemes have credentials in the SDK; other names (foreign specs) are skipped.
  const known: Record<string, string> = { ClientKey: "Op.Auth.CLIENT_KEY", AdminKey: "Op.Auth.ADMIN_KEY", MuxiHmac: "Op.Auth.MUXI_HMAC" };
  const auth = op.auth.filter((a) => a in known).map((a) => known[a]);
  const constName = screamingWords(op.name) || "OP";
  return {
    constName,
    constDef: `private static final Op ${constName} = new Op(${javaString(op.method)}, ${javaString(op.path)}, List.of(${auth.join(", ")}), Op.UserId.${op.userId.toUpperCase()}, ${op.retryable}, ${op.response.envelope});`,
    deprecated: op.deprecated,
    docPlain: docFor([]),
    docStream: docFor(["", "<p>Streams the response ({@code text/event-stream}); close the stream (try-with-resources) to end it early."]),
    methodName: nameOf(op.methods.find((m) => !m.alias)?.name ?? op.name, "method"),
    fullArgs: full.join(", "),
    fullCall: [...headNames, ...(paramsArg ? [paramsArg] : []), optionsArg].join(", "),
    forms,
    pathArgs,
    userIdArg,
    paramsClass,
    paramsArg,
    optionsArg,
    fields,
    jsonBody: op.body?.kind === "json",
    bodyContentType: op.body ? javaString(op.body.contentType) : undefined,
    fixed,
    plainSelect: select(op.plainSelect),
    streamSelect: select(stream?.select),
    ret,
    isVoid: ret === "void",
    send,
    streamItem,
    decoder,
  };
}

function helpers(ir: IR): Record<string, (...args: unknown[]) => unknown> {
  const c = makeCtx(ir);
  const events = namedEvents(ir, c);
  const cache = new Map<string, unknown>();
  const memo = <T>(key: string, f: () => T): T => {
    if (!cache.has(key)) cache.set(key, f());
    return cache.get(key) as T;
  };
  const op = (n: string) => memo(`o:${n}`, () => opInfo(ir, c, events, n));
  const ops = (service: unknown) => (ir.services.find((s) => s.name === service)?.operations ?? []).map((o) => op(o.name));
  return {
    jModel: (irName) => memo(`m:${String(irName)}`, () => modelInfo(c, String(irName))),
    jEnum: (irName) => memo(`e:${String(irName)}`, () => enumInfo(c, String(irName))),
    jUnion: (irName) => memo(`u:${String(irName)}`, () => unionInfo(c, String(irName))),
    jAlias: (irName) => {
      const m = c.models.get(String(irName));
      return m?.kind === "alias" ? javaType(m.type, c.typeCtx) : "Object";
    },
    jOp: (opName) => op(String(opName)),
    jOps: ops,
    jOpsWithParams: (service) => ops(service).filter((o) => o.paramsClass !== undefined),
    jEvents: (service) => events.list.filter((e) => e.service === service),
    jHasOp: (opName) => ir.services.some((s) => s.operations.some((o) => o.name === String(opName))),
    /** `{@link #name}` (a template cannot write `}}}`). */
    jLink: (n) => `{@link #${String(n)}}`,
    /** `{@code text}`, text Javadoc-escaped. */
    jCode: (t) =>
      `{@code ${String(t ?? "")
        .replace(/[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]/g, " ")
        .replace(/\*\//g, "*\\/")
        .replace(/\\u/g, "\\\\u")
        .replace(/[{}@]/g, "")}}`,
    /** Joins its arguments: {{jDoc (jConcat a " " b) 0}}. */
    jConcat: (...args) => args.slice(0, -1).map((a) => String(a ?? "")).join(""),
    /**
     * A model's Javadoc from its IR description, plus extra paragraphs that are already Javadoc:
     * {{jModelDoc irName "One of ..."}}.
     */
    jModelDoc: (irName, ...rest) => {
      const m = c.models.get(String(irName));
      const text = docText([m?.description ?? "", m?.deprecated ? "Deprecated." : ""].filter(Boolean).join("\n\n"));
      const extra = rest.slice(0, -1).map(String).filter(Boolean);
      const lines = [...(text ? text.split("\n") : []), ...extra.flatMap((e, i) => (i > 0 || text ? ["", ...e.split("\n")] : e.split("\n")))];
      return lines.length ? `${rawDoc(lines, 0)}\n` : "";
    },
    /** A service client's Javadoc: title, version and description. */
    jServiceDoc: (service) => {
      const s = ir.services.find((x) => x.name === service);
      return s ? `${rawDoc(docText(`${s.title} ${s.version}\n\n${s.description}`).split("\n"), 0)}\n` : "";
    },
    /** A Javadoc block at an indentation, its texts as paragraphs: {{jDoc 4 summary description}}. */
    jDoc: (indent, ...texts) =>
      docBlock(
        texts
          .slice(0, -1)
          .map((t) => String(t ?? "").trim())
          .filter(Boolean)
          .join("\n\n"),
        typeof indent === "number" ? indent : 0,
      ),
  };
}

const profile: LanguageProfile = {
  id: "java",
  reserved: RESERVED,
  escape,
  name: (irName, role) => name(irName, role),
  type: (t, ctx) => javaType(t, ctx),
  string: javaString,
  doc: docText,
  modelFile: (m: Model) => nameOf(m.name, "type"),
  helpers,
};

export default profile;
