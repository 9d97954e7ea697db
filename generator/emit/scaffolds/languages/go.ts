// Go scaffold: module github.com/muxi-ai/muxi-go, package muxi. Exported PascalCase names with
// Go initialisms (ID, URL, ...); unexported camelCase params; keywords escaped with a trailing "_".
import type { Operation, TypeRef } from "../../../ir/types.js";
import { words } from "../../../ir/names.js";
import { stringLiteral, wireValueLiterals } from "../naming-kit.js";
import type { LanguageProfile, NameRole, TypeContext } from "../profile.js";

const KEYWORDS = [
  "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto",
  "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
];
// Predeclared identifiers a parameter must not shadow (the signature or body may use them),
// and the locals/receiver every generated method uses.
const PREDECLARED = [
  "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64", "int", "int8", "int16",
  "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "true", "false", "iota",
  "nil", "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new",
  "panic", "print", "println", "real", "recover",
];
const LOCALS = ["c", "ctx", "params", "opts", "call", "out", "err", "body", "decoders", "json", "http", "context", "time", "fmt"];
// Exported names of the runtime: a model with one of these names gets a "Model" suffix.
const RUNTIME_TYPES = [
  "FormationConfig", "ServerConfig", "RequestOption", "ResponseMeta", "Stream", "ChatEvent", "ServerEvent", "Error",
  "Ptr", "Version", "NewFormationClient", "NewServerClient", "VerifyWebhook", "ParseWebhook", "DefaultWebhookTolerance",
  "WithUserID", "WithTimeout", "WithHeader", "WithIdempotencyKey", "WithMaxRetries", "WithResponseMeta",
];

// https://go.dev/wiki/CodeReviewComments#initialisms (the subset that shows up in MUXI names).
const INITIALISMS = new Set(["id", "url", "uri", "http", "https", "api", "json", "html", "sse", "ui", "uuid", "ip", "sql", "tls", "ttl", "cpu", "db", "sdk", "pid", "io"]);

/** A word in an exported name: initialisms upper-cased (also before a number: id2 → ID2). */
function capital(w: string): string {
  const m = /^([a-z]+)([0-9]+)$/.exec(w);
  if (INITIALISMS.has(w) || (m && INITIALISMS.has(m[1]))) return w.toUpperCase();
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function exported(raw: string): string {
  const s = words(raw).map(capital).join("") || "Value";
  return /^[0-9]/.test(s) ? `X${s}` : s;
}

function unexported(raw: string): string {
  const ws = words(raw);
  if (!ws.length) return "value";
  const [head, ...rest] = ws;
  const s = head + rest.map(capital).join("");
  return /^[0-9]/.test(s) ? `x${s}` : s;
}

/** A Go interpreted string literal; invalid code points (lone surrogates) become U+FFFD. */
export const goString = stringLiteral({
  quote: '"',
  other: (cp) =>
    cp < 0x20 || cp === 0x7f
      ? `\\x${cp.toString(16).padStart(2, "0")}`
      : cp >= 0xd800 && cp <= 0xdfff
        ? "\\uFFFD"
        : cp === 0x2028 || cp === 0x2029 || cp === 0xfeff
          ? `\\u${cp.toString(16).toUpperCase()}`
          : undefined,
});

/** A JSON value as a Go expression of type any. */
export function goLiteral(v: unknown): string {
  if (v === null || v === undefined) return "nil";
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  if (typeof v === "string") return goString(v);
  if (Array.isArray(v)) return `[]any{${v.map(goLiteral).join(", ")}}`;
  return `map[string]any{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${goString(k)}: ${goLiteral(x)}`).join(", ")}}`;
}

// encoding/json's isValidTag: letters, digits and this punctuation only.
const TAG_SAFE = /^[\p{L}\p{N}!#$%&()*+\-./:;<=>?@[\]^_{|}~ ]+$/u;

function goType(t: TypeRef, ctx: TypeContext): string {
  const inner = (x: TypeRef): string => goType(x, { ...ctx, optional: false });
  let s: string;
  let nilable = false;
  switch (t.kind) {
    case "model":
      s = ctx.modelName(t.name);
      break;
    case "primitive":
      s = { string: "string", integer: "int64", number: "float64", boolean: "bool", null: "any", unknown: "any" }[t.type];
      nilable = s === "any";
      break;
    case "literal":
      s = typeof t.value === "string" ? "string" : typeof t.value === "boolean" ? "bool" : typeof t.value === "number" ? "float64" : "any";
      nilable = s === "any";
      break;
    case "enum":
      s = t.values.every((v) => typeof v === "number") ? "int64" : "string";
      break;
    case "array":
      s = `[]${inner(t.items)}`;
      nilable = true;
      break;
    case "tuple":
      s = "[]any";
      nilable = true;
      break;
    case "map":
      s = `map[string]${t.values ? inner(t.values) : "any"}`;
      nilable = true;
      break;
    case "union":
      s = "any";
      nilable = true;
      break;
    case "binary":
      s = "[]byte";
      nilable = true;
      break;
  }
  // Optional and nullable values are pointers, so "absent" differs from the zero value.
  if ((t.nullable || ctx.optional) && !nilable) s = `*${s}`;
  return s;
}

/** Go expressions the client templates need for fixed and selecting wire values. */
function operationExtras(op: Operation): Record<string, unknown> {
  const auth = op.auth.map((a) => goString(a)).join(", ");
  return {
    // `text`: the value as the text a query or header carries.
    ...wireValueLiterals(op, "go", (wire, value) => ({ wireLiteral: goString(wire), literal: goLiteral(value), text: goString(typeof value === "string" ? value : JSON.stringify(value)) })),
    goOp: `operation{name: ${goString(op.name)}, method: ${goString(op.method)}, path: ${goString(op.path)}, auth: []string{${auth}}, userID: ${goString(op.userId)}, retryable: ${op.retryable}, response: ${goString(op.response.kind)}, envelope: ${op.response.envelope}, contentType: ${goString(op.body?.contentType ?? "")}}`,
    goParamsType: `${exported(op.name)}Params`,
    goHasParams: op.params.some((p) => p.in !== "path" && p.fixed === undefined),
  };
}

const profile: LanguageProfile = {
  id: "go",
  reserved: new Set([...KEYWORDS, ...PREDECLARED, ...LOCALS, ...RUNTIME_TYPES]),
  escape(word: string, role: NameRole): string {
    if (role === "type") return RUNTIME_TYPES.includes(word) ? `${word}Model` : word;
    // Exported names (fields, methods, constants) never collide with keywords or locals.
    if (role === "field" || role === "method" || role === "constant" || role === "enumMember") return word;
    return `${word}_`;
  },
  name(irName: string, role: NameRole | "jsonTag" | "jsonTagOmitEmpty"): string {
    switch (role) {
      case "param":
        return unexported(irName);
      case "package":
        return "muxi";
      case "file":
        return words(irName).join("_") || "value";
      case "enumMember":
        // The raw enum value: a clean word list names it, anything else is spelled in hex so
        // distinct values always get distinct names.
        return /^[A-Za-z][A-Za-z0-9]*([_\-. ][A-Za-z0-9]+)*$/.test(irName)
          ? exported(irName)
          : `X${[...new TextEncoder().encode(irName)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
      case "jsonTag":
      case "jsonTagOmitEmpty":
        // Used by the model template ({{name wire "jsonTag"}}): the value of a json struct tag. A wire
        // name encoding/json cannot spell in a tag (quotes, commas, backslashes...) is not mapped.
        if (!TAG_SAFE.test(irName)) return "-";
        return role === "jsonTag" ? irName : `${irName},omitempty`;
      default:
        return exported(irName);
    }
  },
  type: goType,
  string: goString,
  // Comments are "//" lines: the text is kept on one line.
  doc: (text) => text.replace(/[\x00-\x1f\x7f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim(),
  operationExtras,
};

export default profile;
