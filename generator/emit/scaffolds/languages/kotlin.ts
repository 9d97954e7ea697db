// Kotlin scaffold: Maven artifact org.muxi:muxi-sdk, package org.muxi.sdk (models in org.muxi.sdk.models).
// Naming: camelCase members, PascalCase types, SCREAMING_SNAKE constants; keywords in backticks.
// JSON is decoded by explicit generated expressions (helper `decode`), so no reflection is needed.
import type { IR, Model, Operation, TypeRef } from "../../../ir/types.js";
import {
  callLiterals,
  camelName,
  codePointsName,
  continuationLines,
  enumValueName,
  pascalName,
  screamingWords,
  stringLiteral,
  utf16Escape,
} from "../naming-kit.js";
import type { LanguageProfile, NameRole, TypeContext } from "../profile.js";
import { namer } from "../view.js";

// Hard keywords, plus the soft ones that would read oddly or break as a bare name.
const KEYWORDS = [
  "as", "break", "class", "continue", "do", "else", "false", "for", "fun", "if", "in", "interface", "is", "null",
  "object", "package", "return", "super", "this", "throw", "true", "try", "typealias", "typeof", "val", "var", "when",
  "while", "import",
];
// Type names the generated code (or the Kotlin prelude) already uses in the same scope as the models.
const TYPE_RESERVED = [
  "Any", "Array", "Boolean", "ByteArray", "Double", "Int", "List", "Long", "Map", "Nothing", "Pair", "Set", "String", "Unit",
  "Json", "JsonModel", "JsonValue", "Settings", "Retry", "Errors", "StreamSteps", "Call", "Runtime", "Transport", "HttpTransport", "HttpRequestData", "HttpResponseData",
  "FormationClient", "ServerClient", "RequestOptions", "MuxiStream", "ChatEvent", "StreamEvent", "SseEvent", "SseParser",
  "Hmac", "Urls", "Webhook", "Envelope", "MuxiError", "AuthenticationError", "AuthorizationError", "NotFoundError",
  "ConflictError", "ValidationError", "RateLimitError", "ServerError", "ConnectionError", "TimeoutError", "StreamError",
];
// Member names a generated class or method already uses for itself.
const MEMBER_RESERVED = ["options", "additionalProperties"];

const pascal = (raw: string): string => pascalName(raw, "Model");

/**
 * Enum constants from wire values. Plain words become SCREAMING_SNAKE; a value with other
 * characters is spelled by its code points (V_2A_2F for "*∕"), which keeps distinct values distinct.
 */
export function enumConstant(value: string): string {
  return enumValueName(value, { empty: "EMPTY", lead: "alnum", plain: screamingWords, other: (v) => `V_${codePointsName(v)}`, digitPrefix: "V_" });
}

function name(irName: string, role: NameRole): string {
  switch (role) {
    case "type":
      return pascal(irName);
    case "constant":
    case "enumMember":
      return enumConstant(irName);
    case "package":
      return "org.muxi.sdk";
    case "file":
      return pascal(irName);
    default:
      return camelName(irName);
  }
}

const reserved = new Set([...KEYWORDS, ...TYPE_RESERVED, ...MEMBER_RESERVED]);

// The reserved set mixes roles; each role escapes only what clashes in its own scope.
function escape(word: string, role: NameRole): string {
  if (role === "type" || role === "file") return TYPE_RESERVED.includes(word) ? `${word}Model` : word;
  if (KEYWORDS.includes(word)) return `\`${word}\``;
  if (role === "param" && word === "options") return "options_";
  if (role === "field" && word === "additionalProperties") return "additionalProperties_";
  return word;
}

/** The spelled name of a model, exactly as the view spells it. */
const typeName = (irName: string): string => namer(profile)(irName, "type");

function ktType(t: TypeRef, ctx: TypeContext): string {
  let s: string;
  switch (t.kind) {
    case "model":
      s = ctx.modelName(t.name);
      break;
    case "primitive":
      s = { string: "String", integer: "Long", number: "Double", boolean: "Boolean", null: "Any", unknown: "Any" }[t.type];
      if (t.type === "null" || t.type === "unknown") return "Any?";
      break;
    case "literal":
      s = typeof t.value === "string" ? "String" : typeof t.value === "boolean" ? "Boolean" : typeof t.value === "number" ? (Number.isInteger(t.value) ? "Long" : "Double") : "Any";
      if (t.value === null) return "Any?";
      break;
    case "enum":
      s = t.values.every((v) => typeof v === "string") ? "String" : t.values.every((v) => Number.isInteger(v)) ? "Long" : "Any";
      break;
    case "array":
      s = `List<${ktType(t.items, { ...ctx, optional: false })}>`;
      break;
    case "tuple":
      s = "List<Any?>";
      break;
    case "map":
      s = t.values === null ? "Map<String, Any?>" : `Map<String, ${ktType(t.values, { ...ctx, optional: false })}>`;
      break;
    case "union":
      // A union stays the raw JSON value; callers inspect it (Json.string/Json.obj) or decode a variant.
      return "Any?";
    case "binary":
      s = "ByteArray";
      break;
  }
  return t.nullable || ctx.optional ? `${s}?` : s;
}

// Kotlin has no \U escape: above U+FFFF a surrogate pair.
const ktString = stringLiteral({
  quote: '"',
  escapes: { $: "\\$" },
  other: (c) => (c < 0x20 || c === 0x7f || c > 0xffff ? utf16Escape(c) : undefined),
});

/** KDoc-safe text: no comment terminator, no nested opener, one line per line. */
function ktDoc(text: string): string {
  return text
    .replace(/\*\//g, "*&#47;")
    .replace(/\/\*/g, "/&#42;")
    .replace(/\r\n?/g, "\n")
    .trim();
}

/**
 * A Kotlin expression decoding the JSON value `expr` (Any?) as `t`; `depth` names lambda
 * parameters so nested lambdas never shadow each other.
 */
function decodeExpr(t: TypeRef, expr: string, models: Map<string, Model>, depth = 0): string {
  const v = `v${depth + 1}`;
  // Items and map values that may be null keep null; everything else is checked by the Json helpers.
  const inner = (x: TypeRef): string =>
    x.nullable && !rawNullable(x, models) ? `${v}?.let { w${depth + 1} -> ${decodeExpr(x, `w${depth + 1}`, models, depth + 1)} }` : decodeExpr(x, v, models, depth + 1);
  const core = ((): string => {
    switch (t.kind) {
      case "model": {
        const m = models.get(t.name);
        if (m?.kind === "alias") return decodeExpr({ ...m.type, nullable: false }, expr, models, depth);
        return `${typeName(t.name)}.fromJson(${expr})`;
      }
      case "primitive":
        return { string: `Json.string(${expr})`, integer: `Json.long(${expr})`, number: `Json.double(${expr})`, boolean: `Json.bool(${expr})`, null: expr, unknown: expr }[t.type];
      case "literal":
        return typeof t.value === "string" ? `Json.string(${expr})` : typeof t.value === "boolean" ? `Json.bool(${expr})` : typeof t.value === "number" ? (Number.isInteger(t.value) ? `Json.long(${expr})` : `Json.double(${expr})`) : expr;
      case "enum":
        return t.values.every((x) => typeof x === "string") ? `Json.string(${expr})` : t.values.every((x) => Number.isInteger(x)) ? `Json.long(${expr})` : expr;
      case "array":
        return `Json.list(${expr}) { ${v} -> ${inner(t.items)} }`;
      case "tuple":
        return `Json.list(${expr}) { ${v} -> ${v} }`;
      case "map":
        return t.values === null ? `Json.obj(${expr})` : `Json.map(${expr}) { ${v} -> ${inner(t.values)} }`;
      case "union":
        return expr;
      case "binary":
        return `Json.bytes(${expr})`;
    }
  })();
  return core;
}

/** True when the Kotlin type of `t` is already nullable (Any?), so no null check is added. */
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

const profile: LanguageProfile = {
  id: "kotlin",
  reserved,
  escape,
  name,
  type: ktType,
  string: ktString,
  doc: ktDoc,
  operationExtras: (op: Operation) => callLiterals(op, ktString),
  helpers(ir: IR) {
    const models = new Map(ir.models.map((m) => [m.name, m] as const));
    return {
      /**
       * {{decode typeRef "expr" required}}: decode `expr` (a JSON value) as the type; when not
       * required, null stays null.
       */
      decode: (t, expr, required) => {
        const ref = t as TypeRef;
        const e = String(expr);
        const nullableOut = rawNullable(ref, models);
        if (nullableOut) return decodeExpr(ref, e, models);
        if (required === true && !ref.nullable) return decodeExpr(ref, e, models);
        return `${e}?.let { v0 -> ${decodeExpr(ref, "v0", models)} }`;
      },
      /** {{lines text "     * "}}: every line after the first starts with the prefix (doc comment bodies). */
      lines: (text, prefix) => continuationLines(String(text ?? ""), String(prefix)),
      /** {{concat a b c}}: the strings joined. */
      concat: (...args) => args.slice(0, -1).map((a) => String(a ?? "")).join(""),
      /** {{kjson value}}: a JSON value as a Kotlin string literal of its JSON text. */
      kjson: (v) => ktString(JSON.stringify(v ?? null)),
    };
  },
};

export default profile;
