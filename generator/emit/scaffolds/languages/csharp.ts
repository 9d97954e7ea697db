// C# scaffold: namespace Muxi, a netstandard2.0 .csproj, and code that also compiles with mono's mcs
// (C# 7.2: no nullable reference types, no System.Text.Json). Naming: PascalCase types, methods and
// properties, camelCase parameters; keywords escaped with `@`. Aliases are spelled as their target
// (C# has no project-wide type aliases); JSON is decoded by generated expressions (helper `decode`).
import type { IR, Model, Operation, TypeRef } from "../../../ir/types.js";
import {
  callLiterals,
  camelName,
  codePointsName,
  continuationLines,
  enumValueName,
  escapeIf,
  isNonAscii,
  pascalName,
  pascalWords,
  stringLiteral,
  utf16Escape,
} from "../naming-kit.js";
import type { LanguageProfile, NameRole, TypeContext } from "../profile.js";
import { namer } from "../view.js";

const KEYWORDS = [
  "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
  "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
  "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long",
  "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected", "public",
  "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch",
  "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void",
  "volatile", "while",
  // Contextual keywords that read badly or break as parameter names in some positions.
  "await", "async", "var", "dynamic", "value", "yield", "nameof", "when", "where", "select", "from", "global",
];
// Type names the generated code uses next to the models (System names it imports, and its own runtime).
const TYPE_RESERVED = [
  "Object", "String", "Exception", "Task", "List", "Dictionary", "IEnumerable", "IEnumerator", "Func", "Action", "Math",
  "Convert", "Encoding", "Environment", "Console", "Random", "Guid", "TimeSpan", "DateTime", "DateTimeOffset", "Uri",
  "Type", "Stream", "Array", "Buffer", "Monitor", "Thread", "CancellationToken", "HttpClient", "HttpMethod",
  "HttpContent", "HttpRequestMessage", "HttpResponseMessage", "Json", "IJsonModel", "IJsonValue", "Call", "Runtime",
  "Settings", "Retry", "Errors", "StreamSteps", "Urls", "Hmac", "Webhook", "SseEvent", "SseParser", "ChatEvent",
  "StreamEvent", "RequestOptions", "FormationClient", "FormationClientOptions", "ServerClient", "ServerClientOptions",
  "MuxiException", "AuthenticationException", "AuthorizationException", "NotFoundException", "ConflictException",
  "ValidationException", "RateLimitException", "ServerException", "ConnectionException", "TimeoutException",
  "StreamException", "Muxi",
];
// Member names every generated model already has.
const MEMBER_RESERVED = ["ToJson", "FromJson", "AdditionalProperties", "Equals", "GetHashCode", "ToString", "GetType"];

/** Enum member names from wire values: PascalCase words, or the code points (V2A_2F) for other text. */
function enumMember(value: string): string {
  return enumValueName(value, { empty: "Empty", lead: "alnum", plain: pascalWords, other: (v) => `V${codePointsName(v)}`, digitPrefix: "V" });
}

function name(irName: string, role: NameRole): string {
  switch (role) {
    case "param":
      return camelName(irName);
    case "enumMember":
    case "constant":
      return enumMember(irName);
    case "package":
      return "Muxi";
    default:
      return pascalName(irName, "Value");
  }
}

const reserved = new Set([...KEYWORDS, ...TYPE_RESERVED, ...MEMBER_RESERVED]);

function escape(word: string, role: NameRole): string {
  if (role === "type" || role === "file") return TYPE_RESERVED.includes(word) ? `${word}Model` : word;
  // `@options` would still be `options` (the verbatim prefix names the same identifier).
  if (role === "param") return word === "options" ? "options_" : KEYWORDS.includes(word) ? `@${word}` : word;
  if (MEMBER_RESERVED.includes(word) || word === "Json") return `${word}_`;
  return word;
}

/** The spelled name of a model, exactly as the view spells it. */
const typeName = (irName: string): string => namer(profile)(irName, "type");

/** Value types get `?` when optional; reference types are nullable already. */
function isValueType(t: TypeRef, model?: (n: string) => Model | undefined): boolean {
  switch (t.kind) {
    case "primitive":
      return t.type === "integer" || t.type === "number" || t.type === "boolean";
    case "literal":
      return typeof t.value === "number" || typeof t.value === "boolean";
    case "enum":
      return t.values.length > 0 && t.values.every((v) => typeof v === "number");
    case "model": {
      const m = model?.(t.name);
      return m?.kind === "alias" ? isValueType(m.type, model) : false;
    }
    default:
      return false;
  }
}

function csType(t: TypeRef, ctx: TypeContext): string {
  const inner = (x: TypeRef): string => csType(x, { ...ctx, optional: false });
  let s: string;
  switch (t.kind) {
    case "model": {
      const m = ctx.model?.(t.name);
      if (m?.kind === "alias") return csType({ ...m.type, nullable: t.nullable || m.type.nullable }, ctx);
      return ctx.modelName(t.name);
    }
    case "primitive":
      s = { string: "string", integer: "long", number: "double", boolean: "bool", null: "object", unknown: "object" }[t.type];
      break;
    case "literal":
      s = typeof t.value === "string" ? "string" : typeof t.value === "boolean" ? "bool" : typeof t.value === "number" ? (Number.isInteger(t.value) ? "long" : "double") : "object";
      break;
    case "enum":
      s = t.values.every((v) => typeof v === "string") ? "string" : t.values.every((v) => Number.isInteger(v)) ? "long" : "object";
      break;
    case "array":
      s = `List<${inner(t.items)}>`;
      break;
    case "tuple":
      s = "List<object>";
      break;
    case "map":
      s = t.values === null ? "Dictionary<string, object>" : `Dictionary<string, ${inner(t.values)}>`;
      break;
    case "union":
      s = "object";
      break;
    case "binary":
      s = "byte[]";
      break;
  }
  return (t.nullable || ctx.optional) && isValueType(t, ctx.model) ? `${s}?` : s;
}

// Non-ASCII as \u escapes: the source stays ASCII whatever encoding a compiler assumes.
const csString = stringLiteral({ quote: '"', other: escapeIf(isNonAscii, utf16Escape) });

/** XML doc text: markup characters escaped; line breaks are laid out by the template (helper `lines`). */
function csDoc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r\n?/g, "\n").trim();
}

function decodeExpr(t: TypeRef, expr: string, models: Map<string, Model>, depth = 0): string {
  const v = `x${depth + 1}`;
  const item = (x: TypeRef): string => (x.nullable ? optional(x, v, models, depth + 1) : decodeExpr(x, v, models, depth + 1));
  switch (t.kind) {
    case "model": {
      const m = models.get(t.name);
      if (m?.kind === "alias") return decodeExpr({ ...m.type, nullable: false }, expr, models, depth);
      // Fully qualified: a property of the model being decoded may bear the type's name.
      return `global::Muxi.${typeName(t.name)}.FromJson(${expr})`;
    }
    case "primitive":
      return { string: `Json.String(${expr})`, integer: `Json.Long(${expr})`, number: `Json.Double(${expr})`, boolean: `Json.Bool(${expr})`, null: expr, unknown: expr }[t.type];
    case "literal":
      return typeof t.value === "string" ? `Json.String(${expr})` : typeof t.value === "boolean" ? `Json.Bool(${expr})` : typeof t.value === "number" ? (Number.isInteger(t.value) ? `Json.Long(${expr})` : `Json.Double(${expr})`) : expr;
    case "enum":
      return t.values.every((x) => typeof x === "string") ? `Json.String(${expr})` : t.values.every((x) => Number.isInteger(x)) ? `Json.Long(${expr})` : expr;
    case "array":
      return `Json.List(${expr}, ${v} => ${item(t.items)})`;
    case "tuple":
      return `Json.List(${expr}, ${v} => ${v})`;
    case "map":
      return t.values === null ? `Json.Obj(${expr})` : `Json.Map(${expr}, ${v} => ${item(t.values)})`;
    case "union":
      return expr;
    case "binary":
      return `Json.Bytes(${expr})`;
  }
}

/** Decodes `expr` keeping null: `Json.Ref(...)` for reference types, `Json.Val(...)` for value types (T?). */
function optional(t: TypeRef, expr: string, models: Map<string, Model>, depth: number): string {
  if (rawNullable(t, models)) return decodeExpr(t, expr, models, depth);
  const w = `y${depth}`;
  const fn = isValueType(t, (n) => models.get(n)) ? "Val" : "Ref";
  return `Json.${fn}(${expr}, ${w} => ${decodeExpr({ ...t, nullable: false }, w, models, depth)})`;
}

function rawNullable(t: TypeRef, models: Map<string, Model>): boolean {
  if (t.kind === "union") return true;
  if (t.kind === "primitive" && (t.type === "unknown" || t.type === "null")) return true;
  if (t.kind === "literal" && t.value === null) return true;
  if (t.kind === "model") {
    const m = models.get(t.name);
    if (m?.kind === "alias") return rawNullable(m.type, models);
  }
  return false;
}

/**
 * {{member name owner "Taken"...}}: a member name that differs from its enclosing type's (C# forbids
 * the two being equal) and from the other names given.
 */
function member(...args: unknown[]): string {
  const [n, owner, ...taken] = args.slice(0, -1).map(String);
  return n === owner || taken.includes(n) ? `${n}_` : n;
}

const profile: LanguageProfile = {
  id: "csharp",
  reserved,
  escape,
  name,
  type: csType,
  string: csString,
  doc: csDoc,
  operationExtras: (op: Operation) => callLiterals(op, csString),
  helpers(ir: IR) {
    const models = new Map(ir.models.map((m) => [m.name, m] as const));
    return {
      /** {{decode typeRef "expr" required}}: decode a JSON value (object) as the type; null stays null unless required. */
      decode: (t, expr, required) => {
        const ref = t as TypeRef;
        const e = String(expr);
        if (required === true && !ref.nullable) return decodeExpr(ref, e, models);
        return optional(ref, e, models, 0);
      },
      member,
      /** {{concat a b c}}: the strings joined. */
      concat: (...args) => args.slice(0, -1).map((a) => String(a ?? "")).join(""),
      /** {{lines text "/// "}}: every line after the first starts with the prefix. */
      lines: (text, prefix) => continuationLines(String(text ?? ""), String(prefix)),
      /** {{csjson value}}: a JSON value as a C# string literal of its JSON text. */
      csjson: (v) => csString(JSON.stringify(v ?? null)),
      /** {{isValue typeRef}}: true when the C# type is a value type (gets `?` when optional). */
      isValue: (t) => isValueType(t as TypeRef, (n) => models.get(n)),
    };
  },
};

export default profile;
