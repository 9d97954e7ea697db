// C++17 scaffold: namespace muxi, CMake. Naming: PascalCase types, snake_case functions, fields and
// parameters, kPascal constants; keywords (and the macros libc may define) get a trailing underscore.
// Object-model fields are held in muxi::Box<T> (a value-semantic heap box) so that models can refer to
// each other in any order, recursion included; aliases are spelled as their target type.
import type { IR, Model, Operation, TypeRef } from "../../../ir/types.js";
import { callLiterals, codePointsName, continuationLines, enumValueName, pascalName, pascalWords, snakeName } from "../naming-kit.js";
import type { LanguageProfile, NameRole, TypeContext } from "../profile.js";
import { namer } from "../view.js";

const KEYWORDS = [
  "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch", "char",
  "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr", "constinit",
  "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete", "do", "double",
  "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if",
  "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or",
  "or_eq", "private", "protected", "public", "register", "reinterpret_cast", "requires", "return", "short", "signed",
  "sizeof", "static", "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local", "throw",
  "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile",
  "wchar_t", "while", "xor", "xor_eq", "final", "override", "import", "module",
  // Macros and names the C library or a POSIX system may define.
  "NULL", "EOF", "errno", "assert", "unix", "linux", "stdin", "stdout", "stderr", "major", "minor", "signal", "time",
  "main", "std", "muxi",
];
// Types the generated code defines next to the models.
const TYPE_RESERVED = [
  "Json", "Box", "Bytes", "Error", "AuthenticationError", "AuthorizationError", "NotFoundError", "ConflictError",
  "ValidationError", "RateLimitError", "ServerError", "ConnectionError", "TimeoutError", "StreamError", "Transport",
  "PosixTransport", "HttpRequest", "HttpResponse", "RequestOptions", "Call", "Runtime", "Settings", "Stream", "Step",
  "SseEvent", "SseParser", "ChatEvent", "StreamEvent", "FormationClient", "FormationClientOptions", "ServerClient",
  "ServerClientOptions", "Urls", "Webhook",
];
// Members every generated model or params struct has.
const MEMBER_RESERVED = ["additional_properties", "value", "options", "params"];

const pascal = (raw: string): string => pascalName(raw, "Value");

/** kPascal constants from wire values: the words, or the code points (kV2A_2F) for other text. */
function constant(value: string): string {
  return enumValueName(value, { empty: "kEmpty", lead: "alnum", plain: (v) => `k${pascalWords(v)}`, other: (v) => `kV${codePointsName(v)}` });
}

function name(irName: string, role: NameRole): string {
  switch (role) {
    case "type":
      return pascal(irName);
    case "constant":
    case "enumMember":
      return constant(irName);
    case "package":
      return "muxi";
    default:
      return snakeName(irName);
  }
}

const reserved = new Set([...KEYWORDS, ...TYPE_RESERVED, ...MEMBER_RESERVED]);

function escape(word: string, role: NameRole): string {
  if (role === "type" || role === "file") return TYPE_RESERVED.includes(word) ? `${word}Model` : word;
  if (KEYWORDS.includes(word)) return `${word}_`;
  if (role === "field" && (word === "additional_properties" || word === "value")) return `${word}_`;
  if (role === "param" && (word === "options" || word === "params")) return `${word}_`;
  return word;
}

/** The spelled name of a model, exactly as the view spells it. */
const typeName = (irName: string): string => namer(profile)(irName, "type");

function scalar(t: TypeRef, ctx: TypeContext): string {
  const inner = (x: TypeRef): string => cppType(x, { ...ctx, optional: false }, true);
  switch (t.kind) {
    case "model": {
      const m = ctx.model?.(t.name);
      if (m?.kind === "alias") return cppType({ ...m.type, nullable: false }, { ...ctx, optional: false }, true);
      return ctx.modelName(t.name);
    }
    case "primitive":
      return { string: "std::string", integer: "std::int64_t", number: "double", boolean: "bool", null: "Json", unknown: "Json" }[t.type];
    case "literal":
      return typeof t.value === "string" ? "std::string" : typeof t.value === "boolean" ? "bool" : typeof t.value === "number" ? (Number.isInteger(t.value) ? "std::int64_t" : "double") : "Json";
    case "enum":
      return t.values.every((v) => typeof v === "string") ? "std::string" : t.values.every((v) => Number.isInteger(v)) ? "std::int64_t" : "Json";
    case "array":
      return `std::vector<${inner(t.items)}>`;
    case "tuple":
      return "Json";
    case "map":
      return t.values === null ? "Json" : `std::map<std::string, ${inner(t.values)}>`;
    case "union":
      return "Json";
    case "binary":
      return "Bytes";
  }
}

/** True when `t` names an object model (directly or through aliases). */
function isObjectModel(t: TypeRef, model?: (n: string) => Model | undefined): boolean {
  if (t.kind !== "model") return false;
  const m = model?.(t.name);
  if (m?.kind === "alias") return isObjectModel(m.type, model);
  return m === undefined || m.kind === "object";
}

/** True when the spelled type already has an empty state (Json null). */
function isJsonLike(t: TypeRef, model?: (n: string) => Model | undefined): boolean {
  if (t.kind === "union" || t.kind === "tuple") return true;
  if (t.kind === "map" && t.values === null) return true;
  if (t.kind === "primitive" && (t.type === "unknown" || t.type === "null")) return true;
  if (t.kind === "literal" && t.value === null) return true;
  if (t.kind === "model") {
    const m = model?.(t.name);
    if (m?.kind === "alias") return isJsonLike(m.type, model);
  }
  return false;
}

/**
 * Model fields (output): object models in Box<T> (any order, recursion); other optional values in
 * std::optional. Params (input): std::optional for every optional value (models are complete there).
 * `nested` = inside a container, where no optional wrapper is needed.
 */
function cppType(t: TypeRef, ctx: TypeContext, nested = false): string {
  const s = scalar(t, ctx);
  if (nested) return s;
  if (isJsonLike(t, ctx.model)) return s;
  if (ctx.dir === "output" && isObjectModel(t, ctx.model)) return `Box<${s}>`;
  return ctx.optional || t.nullable ? `std::optional<${s}>` : s;
}

function cppString(text: string): string {
  let out = '"';
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const ch = String.fromCharCode(b);
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "?" && bytes[i + 1] === 0x3f) out += "\\?"; // never a trigraph
    else if (b < 0x20 || b >= 0x7f) out += "\\" + b.toString(8).padStart(3, "0"); // octal: at most 3 digits, never greedy
    else out += ch;
  }
  return out + '"';
}

/** Text for `///` comments: a backslash could splice the next line into the comment, so it is spelled out. */
function cppDoc(text: string): string {
  return text.replace(/\\/g, "&#92;").replace(/\r\n?/g, "\n").trim();
}

const profile: LanguageProfile = {
  id: "cpp",
  reserved,
  escape,
  name,
  type: (t, ctx) => cppType(t, ctx),
  string: cppString,
  doc: cppDoc,
  operationExtras(op: Operation) {
    const exposed = op.params.filter((p) => p.fixed === undefined && p.in !== "path");
    const literals = callLiterals(op, cppString);
    return {
      paramsType: `${pascal(op.name)}Params`,
      hasParams: exposed.length > 0,
      paramsRequired: exposed.some((p) => p.required),
      ...literals,
      // An initializer list.
      authLiteral: `{${literals.authLiteral}}`,
    };
  },
  helpers(ir: IR) {
    const models = new Map(ir.models.map((m) => [m.name, m] as const));
    return {
      /** {{cppTypeOf typeRef}}: the C++ type of a result (plain models, no Box). */
      cppTypeOf: (t) => (t ? cppType(t as TypeRef, { dir: "input", optional: false, modelName: typeName, model: (n) => models.get(n) }) : "Json"),
      /** {{lines text "/// "}}: every line after the first starts with the prefix. */
      lines: (text, prefix) => continuationLines(String(text ?? ""), String(prefix)),
      /** {{cppjson value}}: a JSON value as a C++ string literal of its JSON text. */
      cppjson: (v) => cppString(JSON.stringify(v ?? null)),
      /** {{typeOf irModelName}}: the spelled C++ name of a model. */
      typeOf: (n) => typeName(String(n)),
    };
  },
};

export default profile;
