// Rust scaffold: crate `muxi` (edition 2021). Naming: snake_case members, PascalCase types and
// variants; keywords become raw identifiers (`r#type`), except the few Rust refuses as raw
// (`self`, `Self`, `super`, `crate`), which get a suffix. Everything Rust-specific that a template
// cannot spell from the shared view (union variants, boxed recursive fields, per-method argument
// lists, stream event enums) comes from the `rs*` helpers below. Templates: templates/rust/.
import type { IR, Model, Operation, Param, TypeRef } from "../../../ir/types.js";
import { unique } from "../../../ir/names.js";
import {
  braceEscape,
  capital,
  COMMENT_CONTROLS_BIDI,
  commentLines,
  enumValueName,
  escapeIf,
  isNonAscii,
  pascalName,
  pascalWords,
  screamingWords,
  shortHash,
  snakeName,
  stringLiteral,
} from "../naming-kit.js";
import type { LanguageProfile, NameRole, TypeContext } from "../profile.js";
import { namer } from "../view.js";

// Strict and reserved keywords (2015–2024 editions): all invalid as plain identifiers.
const KEYWORDS = (
  "as break const continue crate else enum extern false fn for if impl in let loop match mod move mut pub ref return " +
  "self Self static struct super trait true type unsafe use where while async await dyn abstract become box do final " +
  "macro override priv typeof unsized virtual yield try gen"
).split(" ");
// Keywords that cannot be raw identifiers.
const NOT_RAW = new Set(["self", "Self", "super", "crate", "_"]);
// Type names a model must not take: the prelude (models.rs and the clients use them unqualified)
// and what the clients import by name from the runtime.
const TYPE_RESERVED = (
  "Option Some None Result Ok Err String ToString Vec Box Copy Send Sized Sync Unpin Drop Fn FnMut FnOnce ToOwned " +
  "Clone PartialEq PartialOrd Eq Ord AsRef AsMut Into From Default Iterator Extend IntoIterator DoubleEndedIterator " +
  "ExactSizeIterator TryFrom TryInto FromIterator Error ErrorKind RequestOptions Request EventStream ChatEvent " +
  "ChatStream SseEvent Transport TransportConfig Method Op Auth UserId Step Arc FormationOptions ServerOptions Mode Value"
).split(" ");
// Inherent methods of the generated clients.
const METHOD_RESERVED = ["new", "with_options", "with_user", "base_url", "transport"];

const RESERVED = new Set([...KEYWORDS, ...TYPE_RESERVED, ...METHOD_RESERVED]);

// snake_case that keeps a leading underscore of the IR name.
const snake = (raw: string): string => snakeName(raw, true);

const pascal = (raw: string): string => pascalName(raw, "Value", "V");

/** Variant name of an enum value: PascalCase; a hash suffix when the value is not plain words. */
function variantName(value: string): string {
  return enumValueName(value, {
    empty: "Empty",
    digits: (v) => `V${v}`,
    lead: "alnum",
    plain: pascalWords,
    other: (v) => `${pascalWords(v) || "Value"}${capital(shortHash(v))}`,
    digitPrefix: "V",
  });
}

function escape(word: string, role: NameRole): string {
  switch (role) {
    case "type":
      return TYPE_RESERVED.includes(word) || word === "Self" ? `${word}Model` : word;
    case "enumMember":
      // Variants live in their enum's namespace; only `Self` cannot be one.
      return word === "Self" ? "SelfValue" : word;
    case "method":
      if (METHOD_RESERVED.includes(word)) return `${word}_op`;
      return NOT_RAW.has(word) ? `${word}_` : `r#${word}`;
    case "field":
    case "param":
      if (!KEYWORDS.includes(word)) return word;
      return NOT_RAW.has(word) ? `${word}_` : `r#${word}`;
    default:
      return KEYWORDS.includes(word) ? `${word}_` : word;
  }
}

function name(irName: string, role: NameRole): string {
  switch (role) {
    case "type":
      return pascal(irName);
    case "enumMember":
      return variantName(irName);
    case "constant":
      return snake(irName).toUpperCase();
    case "package":
      return "muxi";
    default:
      return snake(irName);
  }
}

/** Language name with reserved words escaped, as the shared view spells it. */
const nameOf = (irName: string, role: NameRole): string => namer(profile)(irName, role);

// ---- literals and docs ---------------------------------------------------------------------

/** A Rust string literal; everything outside printable ASCII is a `\u{..}` escape. */
const rustString = stringLiteral({ quote: '"', other: escapeIf(isNonAscii, braceEscape) });

/**
 * Doc text safe in `///` comments: line ends normalised, control and bidi characters (which
 * rustc rejects in comments) removed. Lines stay separate: `rsDoc` prefixes each with `///`.
 */
const docText = (text: string): string => commentLines(text, COMMENT_CONTROLS_BIDI, "after").join("\n");

/** `///` comment lines (each ending in a newline) at an indentation, or "" without text. */
function docLines(text: unknown, indent: unknown): string {
  const body = docText(String(text ?? ""));
  if (!body) return "";
  const pad = " ".repeat(Number(indent) || 0);
  return body
    .split("\n")
    .map((l) => `${pad}/// ${l}`.trimEnd())
    .join("\n")
    .concat("\n");
}

/** A JSON value as a `serde_json::Value` expression. */
function valueExpr(v: unknown): string {
  if (v === null || v === undefined) return "serde_json::Value::Null";
  if (typeof v === "boolean") return `serde_json::Value::Bool(${v})`;
  if (typeof v === "number") return Number.isInteger(v) ? `serde_json::Value::from(${v}i64)` : `serde_json::Value::from(${v}f64)`;
  if (typeof v === "string") return `serde_json::Value::from(${rustString(v)})`;
  if (Array.isArray(v)) return `serde_json::Value::Array(vec![${v.map(valueExpr).join(", ")}])`;
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => `(String::from(${rustString(k)}), ${valueExpr(x)})`);
  return `serde_json::Value::Object(serde_json::Map::from_iter([${entries.join(", ")}]))`;
}

// ---- types ----------------------------------------------------------------------------------

function literalType(v: string | number | boolean | null): string {
  if (typeof v === "string") return "String";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "i64" : "f64";
  return "serde_json::Value";
}

/** The Rust type of an IR type; `boxed` names the models a reference must box (recursion). */
function rustType(t: TypeRef, ctx: TypeContext, boxed: ReadonlySet<string> = new Set()): string {
  const inner = (x: TypeRef): string => rustType(x, { ...ctx, optional: false }, new Set());
  let s: string;
  switch (t.kind) {
    case "model":
      s = ctx.modelName(t.name);
      if (boxed.has(t.name)) s = `Box<${s}>`;
      break;
    case "primitive":
      s = { string: "String", integer: "i64", number: "f64", boolean: "bool", null: "serde_json::Value", unknown: "serde_json::Value" }[t.type];
      break;
    case "literal":
      s = literalType(t.value);
      break;
    case "enum":
      s = t.values.every((v) => typeof v === "string") ? "String" : "serde_json::Value";
      break;
    case "array":
      s = `Vec<${inner(t.items)}>`;
      break;
    case "tuple":
      s = t.items.length ? `(${t.items.map(inner).join(", ")}${t.items.length === 1 ? "," : ""})` : "Vec<serde_json::Value>";
      break;
    case "map":
      s = t.values ? `std::collections::BTreeMap<String, ${inner(t.values)}>` : "serde_json::Map<String, serde_json::Value>";
      break;
    case "union":
      s = "serde_json::Value";
      break;
    case "binary":
      s = "Vec<u8>";
      break;
  }
  // Value already holds null; everything else that may be absent or null is an Option.
  if ((t.nullable || ctx.optional) && s !== "serde_json::Value") s = `Option<${s}>`;
  return s;
}

// ---- helpers over the IR ------------------------------------------------------------------

interface Ctx {
  models: Map<string, Model>;
  typeCtx: (optional: boolean) => TypeContext;
}

function makeCtx(ir: IR): Ctx {
  const models = new Map(ir.models.map((m) => [m.name, m] as const));
  const typeCtx = (optional: boolean): TypeContext => ({
    dir: "output",
    optional,
    modelName: (n) => nameOf(n, "type"),
    model: (n) => models.get(n),
  });
  return { models, typeCtx };
}

/** Models reachable from `t` without passing through a Vec or map (which already box). */
function directRefs(t: TypeRef, models: Map<string, Model>, out: Set<string>): void {
  if (t.kind === "model") {
    if (out.has(t.name)) return;
    out.add(t.name);
    const m = models.get(t.name);
    if (!m) return;
    if (m.kind === "object") for (const p of m.properties) directRefs(p.type, models, out);
    else if (m.kind === "union") for (const v of m.variants) directRefs(v, models, out);
    else if (m.kind === "alias") directRefs(m.type, models, out);
  } else if (t.kind === "union") for (const v of t.variants) directRefs(v, models, out);
  else if (t.kind === "tuple") for (const v of t.items) directRefs(v, models, out);
}

/** The model references inside `t` that lead back to `owner` by value: those must be boxed. */
function boxedFor(owner: string, t: TypeRef, models: Map<string, Model>): Set<string> {
  const out = new Set<string>();
  if (t.kind !== "model") return out;
  const reach = new Set<string>();
  directRefs(t, models, reach);
  if (reach.has(owner)) out.add(t.name);
  return out;
}

/** Fields of an object model (boxing recursive references) and its free-form catch-all. */
function modelInfo(c: Ctx, irName: string) {
  const m = c.models.get(irName);
  if (!m) throw new Error(`rust: unknown model ${irName}`);
  const taken = new Set<string>();
  const fields =
    m.kind === "object"
      ? m.properties.map((p) => {
          const optional = !p.required || p.type.nullable === true;
          const ty = rustType(p.type, c.typeCtx(!p.required), boxedFor(m.name, p.type, c.models));
          return {
            name: unique(nameOf(p.name, "field"), taken),
            wireLiteral: rustString(p.wire),
            type: ty,
            // Absent optional fields are left out of the JSON; a required nullable field is sent as null.
            skipNone: ty.startsWith("Option<") && !p.required,
            optional,
            doc: docLines(p.description, 4),
            deprecated: p.deprecated,
          };
        })
      : [];
  const extra =
    m.kind === "object" && m.additional !== null
      ? {
          name: unique("extra", taken),
          type:
            m.additional === "free"
              ? "serde_json::Map<String, serde_json::Value>"
              : `std::collections::BTreeMap<String, ${rustType(m.additional, c.typeCtx(false))}>`,
        }
      : undefined;
  return { fields, extra, empty: fields.length === 0 && !extra };
}

function variantBase(t: TypeRef, c: Ctx): string {
  switch (t.kind) {
    case "model":
      return nameOf(t.name, "type").replace(/^r#/, "");
    case "primitive":
      return { string: "String", integer: "Integer", number: "Number", boolean: "Bool", null: "Null", unknown: "Value" }[t.type];
    case "array":
      return "List";
    case "map":
      return "Map";
    case "tuple":
      return "Tuple";
    case "literal":
    case "enum":
      return "Value";
    default:
      return "Value";
  }
}

/** Variants of a union model: untagged enum members, plus a catch-all that keeps unknown shapes. */
function unionInfo(c: Ctx, irName: string) {
  const m = c.models.get(irName);
  if (!m || m.kind !== "union") throw new Error(`rust: ${irName} is not a union`);
  const taken = new Set<string>();
  const variants = m.variants.map((v) => ({
    name: unique(variantBase(v, c), taken),
    type: rustType({ ...v, nullable: false }, c.typeCtx(false), boxedFor(m.name, v, c.models)),
    isModel: v.kind === "model",
  }));
  const fallback = unique("Unknown", taken);
  const d = m.discriminator;
  const tags = d
    ? Object.entries(d.mapping)
        .map(([value, model]) => ({ literal: rustString(value), variant: variants[m.variants.findIndex((v) => v.kind === "model" && v.name === model)]?.name }))
        .filter((t) => t.variant !== undefined)
    : [];
  return { variants, fallback, discriminated: !!d, tagLiteral: d ? rustString(d.wire) : undefined, tags };
}

/** Members of an enum model, names made unique within the enum. */
function enumInfo(c: Ctx, irName: string) {
  const m = c.models.get(irName);
  if (!m || m.kind !== "enum") throw new Error(`rust: ${irName} is not an enum`);
  const taken = new Set<string>();
  const values = m.values.map((v) => ({
    name: unique(nameOf(String(v), "enumMember"), taken),
    value: valueExpr(v),
    test: typeof v === "string" ? `v.as_str() == Some(${rustString(v)})` : Number.isInteger(v) ? `v.as_i64() == Some(${v})` : `v.as_f64() == Some(${v}f64)`,
    doc: docText(JSON.stringify(v).replace(/`/g, "'")),
  }));
  return { values, fallback: unique("Unknown", taken) };
}

// ---- operations -----------------------------------------------------------------------------

const STRINGY = (t: TypeRef, models: Map<string, Model>): boolean => {
  if (t.kind === "primitive") return t.type === "string";
  if (t.kind === "enum") return t.values.every((v) => typeof v === "string");
  if (t.kind === "literal") return typeof t.value === "string";
  if (t.kind === "model") {
    const m = models.get(t.name);
    return m?.kind === "alias" ? STRINGY(m.type, models) : false;
  }
  return false;
};

function pathArgType(p: Param, c: Ctx): { type: string; toStr: (n: string) => string } {
  const t = p.type;
  if (STRINGY(t, c.models)) return { type: "&str", toStr: (n) => n };
  if (t.kind === "primitive" && (t.type === "integer" || t.type === "number" || t.type === "boolean")) {
    return { type: t.type === "integer" ? "i64" : t.type === "number" ? "f64" : "bool", toStr: (n) => `&${n}.to_string()` };
  }
  return { type: "&str", toStr: (n) => n };
}

/** Shared event enums of named streams, keyed by their event list (deploy, update, start... share one). */
function namedEventEnums(ir: IR, c: Ctx) {
  const byKey = new Map<string, { name: string; variants: { event: string; eventLiteral: string; name: string; type: string }[]; fallback: string; ops: string[]; service: string }>();
  const byOp = new Map<string, string>();
  const taken = new Set(ir.models.map((m) => nameOf(m.name, "type")));
  for (const s of ir.services) {
    for (const op of s.operations) {
      if (op.stream?.format !== "named") continue;
      const events = op.stream.events.filter((e) => e.name !== "error");
      const key = `${s.name}:${JSON.stringify(events)}`;
      let entry = byKey.get(key);
      if (!entry) {
        const vt = new Set<string>();
        const variants = events.map((e) => ({
          event: e.name,
          eventLiteral: rustString(e.name),
          name: unique(nameOf(e.name, "enumMember"), vt),
          type: rustType(e.type, c.typeCtx(false)),
        }));
        entry = { name: unique(`${pascal(op.name)}Event`, taken), variants, fallback: unique("Other", vt), ops: [], service: s.name };
        byKey.set(key, entry);
      }
      entry.ops.push(op.name);
      byOp.set(op.name, entry.name);
    }
  }
  return { enums: [...byKey.values()], byOp };
}

function opInfo(ir: IR, c: Ctx, events: ReturnType<typeof namedEventEnums>, opName: string) {
  let op: Operation | undefined;
  for (const s of ir.services) op ??= s.operations.find((o) => o.name === opName);
  if (!op) throw new Error(`rust: unknown operation ${opName}`);
  const taken = new Set<string>();
  const pathArgs = op.params
    .filter((p) => p.in === "path")
    .map((p) => {
      const n = unique(nameOf(p.name, "param"), taken);
      const { type, toStr } = pathArgType(p, c);
      return { name: n, type, wireLiteral: rustString(p.wire), value: toStr(n) };
    });
  const userIdArg = op.userId === "required" ? unique(taken.has("user_id") ? "muxi_user_id" : "user_id", taken) : undefined;
  const exposed = op.params.filter((p) => p.in !== "path" && p.fixed === undefined);
  const paramsStruct = exposed.length ? `${pascal(op.name)}Params` : undefined;
  const paramsArg = paramsStruct ? unique("params", taken) : undefined;
  const local = unique("req", taken);
  const fieldTaken = new Set<string>();
  const fields = exposed.map((p) => {
    const ty = p.type.kind === "binary" ? "Vec<u8>" : rustType(p.type, { ...c.typeCtx(!p.required), dir: "input" });
    return {
      name: unique(nameOf(p.name, "field"), fieldTaken),
      type: ty,
      doc: docLines(p.description || (p.in === "header" ? `Sent as the \`${p.wire}\` header.` : ""), 4),
      wireLiteral: rustString(p.wire),
      in: p.in,
      isQuery: p.in === "query",
      isHeader: p.in === "header",
      isBody: p.in === "body" && !p.whole,
      isWhole: p.whole === true,
      wholeBinary: p.whole === true && p.type.kind === "binary",
      required: p.required && !ty.startsWith("Option<"),
      isOption: ty.startsWith("Option<"),
    };
  });
  const fixed = op.params
    .filter((p) => p.fixed !== undefined)
    .map((p) => ({ in: p.in, isQuery: p.in === "query", isHeader: p.in === "header", isBody: p.in === "body", wireLiteral: rustString(p.wire), value: valueExpr(p.fixed), text: rustString(typeof p.fixed === "string" ? p.fixed : JSON.stringify(p.fixed)) }));
  const select = (sel: { body?: Record<string, unknown>; query?: Record<string, unknown> } | undefined) => ({
    body: Object.entries(sel?.body ?? {}).map(([k, v]) => ({ wireLiteral: rustString(k), value: valueExpr(v) })),
    query: Object.entries(sel?.query ?? {}).map(([k, v]) => ({ wireLiteral: rustString(k), text: rustString(String(v)) })),
  });
  const resp = op.response;
  const ret =
    resp.kind === "empty"
      ? "()"
      : resp.kind === "text"
        ? "String"
        : resp.kind === "binary"
          ? "Vec<u8>"
          : resp.type
            ? rustType(resp.type, c.typeCtx(false))
            : "serde_json::Value";
  const stream = op.stream;
  let streamItem: string | undefined;
  let decode: string | undefined;
  if (stream) {
    if (stream.format === "chat") {
      streamItem = "ChatEvent";
      decode = "crate::runtime::chat::decode";
    } else if (stream.format === "named") {
      streamItem = events.byOp.get(op.name);
      decode = `${streamItem}::decode`;
    } else {
      const ev = stream.events.find((e) => e.name === "message") ?? stream.events[0];
      streamItem = ev ? rustType(ev.type, c.typeCtx(false)) : "serde_json::Value";
      decode = `crate::runtime::decode_data::<${streamItem}>`;
    }
  }
  const args = [
    ...pathArgs.map((a) => `${a.name}: ${a.type}`),
    ...(userIdArg ? [`${userIdArg}: &str`] : []),
    ...(paramsArg ? [`${paramsArg}: ${paramsStruct}`] : []),
  ];
  const callArgs = [...pathArgs.map((a) => a.name), ...(userIdArg ? [userIdArg] : []), ...(paramsArg ? [paramsArg] : [])];
  // Only the spec's three schemes have credentials in the SDK; other names (foreign specs) are skipped.
  const auth = op.auth.filter((a) => ["ClientKey", "AdminKey", "MuxiHmac"].includes(a)).map((a) => `Auth::${a}`);
  // The operation's descriptor, laid out as rustfmt would (one line when it fits in 140 columns).
  const constName = screamingWords(op.name) || "OP";
  const opFields = [
    `method: Method::${op.method.charAt(0) + op.method.slice(1).toLowerCase()}`,
    `path: ${rustString(op.path)}`,
    `auth: ${auth.length ? `&[${auth.join(", ")}]` : "&[]"}`,
    `user_id: ${op.userId === "required" ? "UserId::Required" : op.userId === "optional" ? "UserId::Optional" : "UserId::None"}`,
    `retryable: ${op.retryable}`,
    `envelope: ${op.response.envelope}`,
  ];
  const oneLine = `const ${constName}: Op = Op { ${opFields.join(", ")} };`;
  const rhs = `Op { ${opFields.join(", ")} };`;
  const constDef =
    oneLine.length <= 140
      ? oneLine
      : rhs.length + 4 <= 140
        ? `const ${constName}: Op =\n    ${rhs}`
        : `const ${constName}: Op = Op {\n${opFields.map((f) => `    ${f},\n`).join("")}};`;
  const route = `\`${op.method} ${op.path.replace(/`/g, "'")}\``;
  const doc = docLines([op.summary, op.description, route, op.deprecated ? "**Deprecated.**" : ""].filter(Boolean).join("\n\n"), 4);
  const methodName = nameOf(op.methods.find((m) => !m.alias)?.name ?? op.name, "method");
  const plainSel = select(op.plainSelect);
  const streamSel = select(stream?.select);
  const setsAnything = pathArgs.length > 0 || !!userIdArg || op.body?.kind === "json" || fields.length > 0 || fixed.length > 0;
  return {
    plainMut: setsAnything || plainSel.body.length + plainSel.query.length > 0,
    streamMut: setsAnything || streamSel.body.length + streamSel.query.length > 0,
    doc,
    methodName,
    constName,
    constDef,
    method: op.method.charAt(0) + op.method.slice(1).toLowerCase(),
    pathLiteral: rustString(op.path),
    args: args.join(", "),
    callArgs: callArgs.join(", "),
    pathArgs,
    userIdArg,
    paramsStruct,
    paramsArg,
    local,
    fields,
    queryFields: fields.filter((f) => f.isQuery),
    headerFields: fields.filter((f) => f.isHeader),
    bodyFields: fields.filter((f) => f.isBody),
    wholeField: fields.find((f) => f.isWhole),
    bodyContentType: op.body ? rustString(op.body.contentType) : undefined,
    jsonBody: op.body?.kind === "json",
    fixed,
    plainSelect: select(op.plainSelect),
    streamSelect: select(stream?.select),
    auth: auth.length ? `&[${auth.join(", ")}]` : "&[]",
    userId: op.userId === "required" ? "UserId::Required" : op.userId === "optional" ? "UserId::Optional" : "UserId::None",
    retryable: op.retryable,
    envelope: resp.envelope,
    respKind: resp.kind,
    ret,
    send: resp.kind === "empty" ? "send_empty" : resp.kind === "text" ? "send_text" : resp.kind === "binary" ? "send_bytes" : "send_json",
    streamItem,
    decode,
  };
}

/** A method's signature line(s) at indent 4, vertical when too long for one line (as rustfmt lays it out). */
function signature(info: ReturnType<typeof opInfo>, methodIrName: string, isStream: boolean): string {
  const name = nameOf(methodIrName, "method");
  const ret = `Result<${isStream ? `EventStream<${info.streamItem}>` : info.ret}>`;
  const params = ["&self", ...(info.args ? info.args.split(", ") : [])];
  const one = `    pub fn ${name}(${params.join(", ")}) -> ${ret} {`;
  if (one.length <= 140) return one;
  return `    pub fn ${name}(\n${params.map((p) => `        ${p},\n`).join("")}    ) -> ${ret} {`;
}

function helpers(ir: IR): Record<string, (...args: unknown[]) => unknown> {
  const c = makeCtx(ir);
  const events = namedEventEnums(ir, c);
  const cache = new Map<string, unknown>();
  const memo = <T>(key: string, f: () => T): T => {
    if (!cache.has(key)) cache.set(key, f());
    return cache.get(key) as T;
  };
  return {
    rsModel: (irName) => memo(`m:${String(irName)}`, () => modelInfo(c, String(irName))),
    rsUnion: (irName) => memo(`u:${String(irName)}`, () => unionInfo(c, String(irName))),
    rsEnum: (irName) => memo(`e:${String(irName)}`, () => enumInfo(c, String(irName))),
    rsOp: (opName) => memo(`o:${String(opName)}`, () => opInfo(ir, c, events, String(opName))),
    /** The signature of one SDK method: {{rsSig op.irName m.irName m.isStream}}. */
    rsSig: (opName, methodName, isStream) =>
      signature(memo(`o:${String(opName)}`, () => opInfo(ir, c, events, String(opName))), String(methodName), isStream === true),
    /** Every operation of a service (for the descriptor consts). */
    rsOps: (service) =>
      (ir.services.find((s) => s.name === service)?.operations ?? []).map((op) => memo(`o:${op.name}`, () => opInfo(ir, c, events, op.name))),
    rsEventEnums: (service) => events.enums.filter((e) => e.service === service),
    /** rsOp of every operation of a service that takes a params struct. */
    rsOpsWithParams: (service) =>
      (ir.services.find((s) => s.name === service)?.operations ?? [])
        .map((op) => memo(`o:${op.name}`, () => opInfo(ir, c, events, op.name)))
        .filter((o) => o.paramsStruct !== undefined),
    rsAlias: (irName) => {
      const m = c.models.get(String(irName));
      return m?.kind === "alias" ? rustType(m.type, c.typeCtx(false)) : "serde_json::Value";
    },
    /** Whether the spec has an operation of that name (the README shows only calls that exist). */
    rsHasOp: (opName) => ir.services.some((s) => s.operations.some((o) => o.name === String(opName))),
    /** `///` lines at an indentation: {{rsDoc text 4}}. */
    rsDoc: (text, indent) => docLines(text, typeof indent === "number" ? indent : 0),
  };
}

const profile: LanguageProfile = {
  id: "rust",
  reserved: RESERVED,
  escape,
  name,
  type: (t, ctx) => rustType(t, ctx),
  string: rustString,
  doc: docText,
  helpers,
};

export default profile;
