// Dart scaffold (package `muxi`, Dart 3, package:http + package:crypto): naming, reserved words,
// types and literals. Templates: templates/dart/.
import type { IR, Model, Operation, TypeRef } from "../../../ir/types.js";
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

// Reserved words (never identifiers), `await`/`yield` (reserved inside async code) and the built-in
// identifiers (never type names, and confusing as members): every one is escaped. Contextual words
// (type, on, of, show, when, base, …) are ordinary identifiers and stay as they are.
const KEYWORDS = new Set(
  ("assert break case catch class const continue default do else enum extends false final finally for if in is new null " +
    "rethrow return super switch this throw true try var void while with await yield abstract as covariant deferred " +
    "dynamic export extension external factory Function get implements import interface late library mixin operator " +
    "part required set static typedef").split(" "),
);
// Members every object has, and the members the templates give models and clients.
const MEMBERS = new Set(["hashCode", "runtimeType", "toString", "noSuchMethod", "toJson", "fromJson", "additionalProperties", "wire"]);
// Locals / parameters of generated methods.
const LOCALS = new Set(["options", "call", "data", "http"]);
// Types the package defines or Dart has: a model must not take their names.
const TYPES = new Set(
  ("JsonValue MuxiError RequestOptions ChatEvent StreamEvent Call Requester Credentials Url Hmac SseEvent SseParser Webhook " +
    "Object String int double num bool List Map Set Iterable Future Stream Duration DateTime " +
    "Uri Function Type Null Never Record Enum Error Exception Symbol Uint8List MapEntry RegExp Random FormatException " +
    "TimeoutException HttpDateParser").split(" "),
);

/** A public lowerCamelCase identifier: a leading underscore would make it library-private. */
function member(irName: string): string {
  const bare = irName.replace(/^_+/, "");
  return bare === "" ? "value" : /^[0-9]/.test(bare) ? `v${bare}` : bare;
}

/** Constant name of an enum value: lowerCamelCase, with a hash when the value is not plain words. */
export function enumMember(value: string): string {
  const base = (): string => member(camelCase(value, "value"));
  return enumValueName(value, { digits: (v) => `v${v}`, lead: "letter", plain: base, other: (v) => `${base()}${shortHash(v).toUpperCase()}` });
}

function name(irName: string, role: NameRole): string {
  switch (role) {
    case "type":
      return irName;
    case "enumMember":
    case "constant":
      return enumMember(irName);
    default:
      return member(irName);
  }
}

function escape(word: string, role: NameRole): string {
  if (role === "type") return TYPES.has(word) || KEYWORDS.has(word) ? `${word}Model` : word;
  if (role === "enumMember" || role === "constant") return KEYWORDS.has(word) || word === "values" ? `${word}_` : word;
  return KEYWORDS.has(word) || MEMBERS.has(word) || (role === "param" && LOCALS.has(word)) ? `${word}_` : word;
}

const RESERVED = new Set([...KEYWORDS, ...MEMBERS, ...LOCALS, ...TYPES, "values"]);

/** A single-quoted Dart string; `$` is escaped so nothing is interpolated. */
const string = stringLiteral({ quote: "'", escapes: { $: "\\$" }, other: escapeIf(isInvisible, braceEscape) });

/** `///` doc-comment text: every line gets its own `/// ` (templates indent continuation lines). */
const doc = (text: string): string => prefixLines(commentLines(text, COMMENT_CONTROLS), "/// ");

const modelType = (irName: string): string => escape(irName, "type");

function dartType(t: TypeRef, ctx: TypeContext): string {
  const base = bareType(t, ctx.model, 0);
  return (ctx.optional || t.nullable) && base !== "Object?" && base !== "dynamic" ? `${base}?` : base;
}

function bareType(t: TypeRef, model: TypeContext["model"], depth: number): string {
  switch (t.kind) {
    case "primitive":
      return { string: "String", integer: "int", number: "double", boolean: "bool", null: "Object?", unknown: "Object?" }[t.type];
    case "literal":
      return typeof t.value === "string" ? "String" : typeof t.value === "number" ? (Number.isInteger(t.value) ? "int" : "double") : typeof t.value === "boolean" ? "bool" : "Object?";
    case "enum":
      return t.values.every((v) => typeof v === "string") ? "String" : t.values.every((v) => Number.isInteger(v)) ? "int" : "Object?";
    case "array":
      return `List<${bareType(t.items, model, depth + 1)}>`;
    case "tuple":
      return "List<Object?>";
    case "map":
      return `Map<String, ${t.values ? bareType(t.values, model, depth + 1) : "Object?"}>`;
    case "binary":
      return "List<int>";
    case "union":
      return "Object?";
    case "model": {
      const m = model?.(t.name);
      if (!m || m.kind === "object") return modelType(t.name);
      if (m.kind === "enum") return bareType({ kind: "enum", values: m.values }, model, depth);
      if (m.kind === "alias" && depth < 8) return bareType(m.type, model, depth + 1);
      return "Object?";
    }
  }
}

/**
 * An expression turning the decoded-JSON value `expr` (typed `Object?`) into type `t`: casts for
 * primitives, `fromJson` for models, element-wise for lists and maps. `nullable`: `expr` may be null.
 */
function decode(t: TypeRef | undefined, expr: string, models: Map<string, Model>, nullable: boolean, depth = 0): string {
  const q = nullable ? "?" : "";
  if (!t) return expr;
  const x = `e${depth}`;
  switch (t.kind) {
    case "primitive":
      if (t.type === "integer") return `(${expr} as num${q})${q}.toInt()`;
      if (t.type === "number") return `(${expr} as num${q})${q}.toDouble()`;
      if (t.type === "string") return `${expr} as String${q}`;
      if (t.type === "boolean") return `${expr} as bool${q}`;
      return expr;
    case "literal":
      return typeof t.value === "string" ? `${expr} as String${q}` : typeof t.value === "boolean" ? `${expr} as bool${q}` : typeof t.value === "number" ? `(${expr} as num${q})${q}.${Number.isInteger(t.value) ? "toInt" : "toDouble"}()` : expr;
    case "enum":
      return t.values.every((v) => typeof v === "string") ? `${expr} as String${q}` : t.values.every((v) => Number.isInteger(v)) ? `(${expr} as num${q})${q}.toInt()` : expr;
    case "binary":
      return `(${expr} as List${q})${q}.cast<int>()`;
    case "array": {
      const inner = decode(t.items, x, models, t.items.nullable === true, depth + 1);
      return `(${expr} as List${q})${q}.map((${x}) => ${inner}).toList()`;
    }
    case "map": {
      const inner = t.values ? decode(t.values, x, models, t.values.nullable === true, depth + 1) : x;
      return `(${expr} as Map${q})${q}.map((k, ${x}) => MapEntry(k as String, ${inner}))`;
    }
    case "model": {
      const m = models.get(t.name);
      if (m?.kind === "object") {
        const call = `${modelType(t.name)}.fromJson(${expr} as Map<String, dynamic>)`;
        return nullable ? `${expr} == null ? null : ${call}` : call;
      }
      if (m?.kind === "enum") return decode({ kind: "enum", values: m.values }, expr, models, nullable, depth);
      if (m?.kind === "alias" && depth < 8) return decode(m.type, expr, models, nullable, depth + 1);
      return expr;
    }
    default:
      return expr;
  }
}

function helpers(ir: IR): Record<string, (...args: unknown[]) => unknown> {
  const models = new Map(ir.models.map((m) => [m.name, m] as const));
  return {
    /** {{dartRead typeRef "json" wireLiteral optional}}: a field read from a decoded-JSON map. */
    dartRead: (t, data, wire, optional) => {
      const tr = t as TypeRef;
      return decode(tr, `${String(data)}[${String(wire)}]`, models, optional === true || tr?.nullable === true);
    },
    /** {{dartDecode typeRef "data"}}: a response payload decoded into its type (a cast error if it is not). */
    dartDecode: (t, expr) => decode(t as TypeRef | undefined, String(expr), models, (t as TypeRef | undefined)?.nullable === true),
    /** {{dartDecodeEvent typeRef}}: an event's `data` decoded into its model when it is one, else as it came. */
    dartDecodeEvent: (t) => {
      const tr = t as TypeRef | undefined;
      const m = tr?.kind === "model" ? models.get(tr.name) : undefined;
      return m?.kind === "object" ? `data is Map<String, dynamic> ? ${modelType(m.name)}.fromJson(data) : data` : "data";
    },
    /** {{dartSelect select}}: a Select ({body:{…}, query:{…}}) as a list of (place, wire, value) records. */
    dartSelect: (sel) => {
      const entries = Object.entries((sel ?? {}) as Record<string, Record<string, unknown> | undefined>).flatMap(([place, values]) =>
        Object.entries(values ?? {}).map(([wire, value]) => `(${string(place)}, ${string(wire)}, ${dartValue(value)})`),
      );
      return `[${entries.join(", ")}]`;
    },
    /** {{dartValue x}}: any JSON value as a Dart literal. */
    dartValue: (v) => dartValue(v),
    /** {{dartNullable type}}: a return type that admits null (servers may omit `data`). */
    dartNullable: (t) => {
      const s = typeof t === "string" && t !== "" ? t : "Object?";
      return s.endsWith("?") || s === "dynamic" ? s : `${s}?`;
    },
  };
}

function dartValue(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return string(v);
  if (typeof v === "number" || typeof v === "boolean") return JSON.stringify(v);
  if (Array.isArray(v)) return `<Object?>[${v.map(dartValue).join(", ")}]`;
  return `<String, Object?>{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${string(k)}: ${dartValue(x)}`).join(", ")}}`;
}

/** Per operation: whether the method has named parameters besides `options`. */
function operationExtras(op: Operation): Record<string, unknown> {
  const params = op.params.filter((p) => p.in !== "path" && p.fixed === undefined);
  return { dartHasParams: params.length > 0 };
}

const profile: LanguageProfile = {
  id: "dart",
  reserved: RESERVED,
  escape,
  name,
  type: dartType,
  string,
  doc,
  helpers,
  operationExtras,
};

export default profile;
