// Swift scaffold (Swift package `Muxi`, Swift 5.7+, Foundation URLSession, CryptoKit/CommonCrypto
// guarded): naming, reserved words, types and literals. Templates: templates/swift/.
import type { IR, Operation, TypeRef } from "../../../ir/types.js";
import { camelCase } from "../../../ir/names.js";
import {
  braceEscape,
  COMMENT_CONTROLS,
  commentLines,
  enumValueName,
  escapeIf,
  isInvisible,
  prefixLines,
  shortHash,
  stringLiteral,
} from "../naming-kit.js";
import type { LanguageProfile, NameRole, TypeContext } from "../profile.js";

// Keywords: escaped with backticks (`default`), which Swift accepts in declarations and uses.
const KEYWORDS = new Set(
  ("associatedtype class deinit enum extension fileprivate func import init inout internal let open operator private " +
    "precedencegroup protocol public rethrows static struct subscript typealias var break case catch continue default " +
    "defer do else fallthrough for guard if in repeat return throw switch where while Any as await false is nil super " +
    "throws true try async some any Protocol Type Self self").split(" "),
);
// Words that cannot be identifiers even in backticks (or would be confusing): suffixed with `_`.
const HARD = new Set(["self", "Self", "Type", "Protocol", "init", "deinit", "subscript", "_"]);
// Names the generated types define or use themselves.
const TYPE_TAKEN = new Set(
  ("JSONValue MuxiError RequestOptions ChatEvent StreamEvent Call Requester Credentials Url Hmac SseEvent SseParser Webhook AnyKey " +
    "String Int Double Bool Data Date URL Array Dictionary Optional Error Codable Decodable Encodable Equatable Hashable " +
    "Sendable Any AnyObject Never Void Result Task Character Float Set Substring UnicodeScalar CodingKey Decoder Encoder " +
    // Foundation types the runtime itself uses.
    "URLRequest URLSession URLComponents URLError HTTPURLResponse JSONEncoder JSONDecoder DateFormatter Locale TimeZone " +
    "UUID ProcessInfo NSObject TimeInterval AsyncThrowingStream").split(" "),
);
// Names the templates use themselves, per role: a model's extra-keys property, a method's
// locals and last parameter, the client's stored property, an enum struct's own members.
const TAKEN_BY_ROLE: Partial<Record<NameRole, Set<string>>> = {
  field: new Set(["additionalProperties"]),
  param: new Set(["options", "call"]),
  method: new Set(["http"]),
  enumMember: new Set(["rawValue", "allKnown"]),
};
const MEMBER_TAKEN = new Set(Object.values(TAKEN_BY_ROLE).flatMap((s) => [...(s ?? [])]));

/** Static member name of an enum value: lowerCamelCase, with a hash when the value is not plain words. */
export function enumMember(value: string): string {
  const base = (): string => camelCase(value, "value");
  return enumValueName(value, { digits: (v) => `v${v}`, lead: "letter", plain: base, other: (v) => `${base().replace(/^_/, "v")}_${shortHash(v)}` });
}

function name(irName: string, role: NameRole): string {
  switch (role) {
    case "enumMember":
    case "constant":
      return enumMember(irName);
    default:
      return irName; // IR names are PascalCase types and camelCase members, as Swift wants
  }
}

function escape(word: string, role: NameRole): string {
  if (role === "type") return TYPE_TAKEN.has(word) || KEYWORDS.has(word) ? `${word}Model` : word;
  if (HARD.has(word) || TAKEN_BY_ROLE[role]?.has(word)) return `${word}_`;
  return KEYWORDS.has(word) ? `\`${word}\`` : word;
}

const RESERVED = new Set([...KEYWORDS, ...HARD, ...TYPE_TAKEN, ...MEMBER_TAKEN]);

/** A Swift string literal; `\(` cannot occur because every backslash is escaped. */
const string = stringLiteral({ quote: '"', other: escapeIf(isInvisible, braceEscape) });

/** `///` doc-comment text: every line gets its own `/// ` (templates indent continuation lines). */
const doc = (text: string): string => prefixLines(commentLines(text, COMMENT_CONTROLS), "/// ");

/** The Swift type name of a model (escaped); union/alias models are typealiases, enums RawRepresentable structs. */
const modelType = (irName: string): string => escape(irName, "type");

function swiftType(t: TypeRef, ctx: TypeContext): string {
  const base = bareType(t);
  return ctx.optional || t.nullable ? `${base}?` : base;
}

function bareType(t: TypeRef): string {
  switch (t.kind) {
    case "primitive":
      return { string: "String", integer: "Int", number: "Double", boolean: "Bool", null: "JSONValue", unknown: "JSONValue" }[t.type];
    case "literal":
      return typeof t.value === "string" ? "String" : typeof t.value === "number" ? (Number.isInteger(t.value) ? "Int" : "Double") : typeof t.value === "boolean" ? "Bool" : "JSONValue";
    case "enum":
      return t.values.every((v) => typeof v === "string") ? "String" : t.values.every((v) => Number.isInteger(v)) ? "Int" : "JSONValue";
    case "array":
      return `[${bareType(t.items)}]`;
    case "tuple":
      return "[JSONValue]";
    case "map":
      return `[String: ${t.values ? bareType(t.values) : "JSONValue"}]`;
    case "binary":
      return "Data";
    case "union":
      return "JSONValue";
    case "model":
      return modelType(t.name);
  }
}

/** A JSON value as a JSONValue expression. */
function swiftJSON(v: unknown): string {
  if (v === null || v === undefined) return ".null";
  if (typeof v === "string") return `.string(${string(v)})`;
  if (typeof v === "number") return `.number(${Number.isInteger(v) ? `${v}` : String(v)})`;
  if (typeof v === "boolean") return `.bool(${v})`;
  if (Array.isArray(v)) return `.array([${v.map(swiftJSON).join(", ")}])`;
  const entries = Object.entries(v as Record<string, unknown>);
  return entries.length === 0 ? ".object([:])" : `.object([${entries.map(([k, x]) => `${string(k)}: ${swiftJSON(x)}`).join(", ")}])`;
}

/** Models that reach themselves through plain (non-collection) properties: a struct cannot, so they are classes. */
function cyclicModels(ir: IR): Set<string> {
  const models = new Map(ir.models.map((m) => [m.name, m] as const));
  const direct = (t: TypeRef, out: Set<string>, seen: Set<string>): void => {
    if (t.kind === "model") {
      const m = models.get(t.name);
      if (m?.kind === "object") out.add(t.name);
      else if (m?.kind === "alias" && !seen.has(m.name)) direct(m.type, out, new Set([...seen, m.name]));
    }
  };
  const edges = new Map<string, Set<string>>();
  for (const m of ir.models) {
    const out = new Set<string>();
    if (m.kind === "object") for (const p of m.properties) direct(p.type, out, new Set());
    edges.set(m.name, out);
  }
  const cyclic = new Set<string>();
  for (const start of edges.keys()) {
    const stack = [...(edges.get(start) ?? [])];
    const seen = new Set<string>();
    while (stack.length) {
      const n = stack.pop()!;
      if (n === start) {
        cyclic.add(start);
        break;
      }
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(edges.get(n) ?? []));
    }
  }
  return cyclic;
}

function helpers(ir: IR): Record<string, (...args: unknown[]) => unknown> {
  const cyclic = cyclicModels(ir);
  return {
    /** {{swiftNonOptional type}}: the type without its trailing `?` (for `decode(T.self, …)`). */
    swiftNonOptional: (t) => String(t ?? "").replace(/\?$/, ""),
    /** {{swiftIsClass model}}: whether the model must be a class (it contains itself). */
    swiftIsClass: (m) => cyclic.has(String((m as { irName?: string }).irName)),
    /** {{swiftEnumRaw model}}: "String" / "Int" when the enum can be a RawRepresentable struct, else "". */
    swiftEnumRaw: (m) => {
      const values = ((m as { values?: { value: unknown }[] }).values ?? []).map((v) => v.value);
      if (values.length > 0 && values.every((v) => typeof v === "string")) return "String";
      if (values.length > 0 && values.every((v) => Number.isInteger(v))) return "Int";
      return "";
    },
    /** {{swiftJSON value}}: a JSON value as a JSONValue literal. */
    swiftJSON: (v) => swiftJSON(v),
    /** {{swiftSelect select}}: a Select ({body:{…}, query:{…}}) as `[(place, wire, JSONValue)]`. */
    swiftSelect: (sel) => {
      const entries = Object.entries((sel ?? {}) as Record<string, Record<string, unknown> | undefined>).flatMap(([place, values]) =>
        Object.entries(values ?? {}).map(([wire, value]) => `(${string(place)}, ${string(wire)}, ${swiftJSON(value)})`),
      );
      return `[${entries.join(", ")}]`;
    },
    /** {{swiftLabel name}}: an argument label; every keyword but inout/var/let may be one without backticks. */
    swiftLabel: (n) => {
      const s = String(n);
      const bare = s.replace(/^`(.*)`$/, "$1");
      return ["inout", "var", "let"].includes(bare) ? s : bare;
    },
  };
}

/** Per operation: whether the method has parameters besides path ones. */
function operationExtras(op: Operation): Record<string, unknown> {
  const params = op.params.filter((p) => p.in !== "path" && p.fixed === undefined);
  return { swiftHasParams: params.length > 0 };
}

const profile: LanguageProfile = {
  id: "swift",
  reserved: RESERVED,
  escape,
  name,
  type: swiftType,
  string,
  doc,
  helpers,
  operationExtras,
};

export default profile;
