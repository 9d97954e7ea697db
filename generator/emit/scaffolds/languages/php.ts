// PHP scaffold (composer `muxi/muxi-php`, namespace `Muxi`, PHP 8.1+): naming, reserved words,
// types and literals. Templates: templates/php/.
import type { IR, Model, Operation, TypeRef } from "../../../ir/types.js";
import { pascalCase } from "../../../ir/names.js";
import {
  braceEscape,
  COMMENT_CONTROLS,
  commentLines,
  enumValueName,
  escapeIf,
  isInvisible,
  screamingWords,
  shortHash,
  stringLiteral,
} from "../naming-kit.js";
import type { LanguageProfile, NameRole, TypeContext } from "../profile.js";

// Words PHP refuses as class/enum names (compared lower-case: PHP names are case-insensitive).
const CLASS_RESERVED = new Set(
  ("abstract and array as break callable case catch class clone const continue declare default do echo else elseif " +
    "empty enddeclare endfor endforeach endif endswitch endwhile enum eval exit extends final finally fn for foreach " +
    "function global goto if implements include include_once instanceof insteadof interface isset list match namespace " +
    "new or print private protected public readonly require require_once return static switch throw trait try unset use " +
    "var while xor yield int float bool string true false null void iterable object mixed never parent self numeric resource " +
    "__halt_compiler __class__ __dir__ __file__ __function__ __line__ __method__ __namespace__ __trait__").split(" "),
);

// Methods of Muxi\Runtime\BaseClient that a generated method must not override.
const CLIENT_MEMBERS = new Set(["invoke", "invokestream", "options", "transport", "decodeevent"]);
// Model members the templates write themselves.
const MODEL_MEMBERS = new Set(["additionalproperties", "this"]);
// Locals of a generated method: a path parameter must not take these names.
const METHOD_LOCALS = new Set(["this", "params", "options", "spec", "data", "globals", "_server", "_get", "_post"]);

/** Enum case name of a value: PascalCase, with a hash when the value is not plain words. */
export function enumCaseName(value: string): string {
  const base = (): string => pascalCase(value, "Value");
  return enumValueName(value, { digits: (v) => `V${v}`, lead: "letter", plain: base, other: (v) => `${base().replace(/^_/, "V")}_${shortHash(v)}` });
}

// IR names are already PascalCase (models) and camelCase (members), which is PHP's style.
function name(irName: string, role: NameRole): string {
  switch (role) {
    case "type":
      return irName;
    case "enumMember":
      return enumCaseName(irName);
    case "constant":
      return screamingWords(irName) || "VALUE";
    default:
      return irName;
  }
}

function escape(word: string, role: NameRole): string {
  const lower = word.toLowerCase();
  switch (role) {
    case "type":
      return CLASS_RESERVED.has(lower) ? `${word}Model` : word;
    case "method":
      return CLIENT_MEMBERS.has(lower) || lower.startsWith("__") ? `${word}Op` : word;
    case "field":
      return MODEL_MEMBERS.has(lower) ? `${word}_` : word;
    case "param":
      return METHOD_LOCALS.has(lower) ? `${word}_` : word;
    case "enumMember":
    case "constant":
      // `class` cannot name a class constant or enum case (it is `X::class`).
      return lower === "class" ? `${word}_` : word;
    default:
      return word;
  }
}

// Every word any role may need to escape; `escape` decides per role.
const RESERVED = new Set([...CLASS_RESERVED, ...CLIENT_MEMBERS, ...MODEL_MEMBERS, ...METHOD_LOCALS]);

/** A double-quoted PHP string: `$` is escaped so nothing is interpolated. */
const string = stringLiteral({ quote: '"', escapes: { $: "\\$" }, other: escapeIf(isInvisible, braceEscape) });

/** Text inside a `/** … *\/` block: no terminator, no control characters, one ` * ` per line. */
const doc = (text: string): string => commentLines(text.replace(/\*\//g, "*\\/"), COMMENT_CONTROLS).join("\n * ").trim();

const MODELS_NS = "\\Muxi\\Models\\";

function modelClass(irName: string): string {
  return MODELS_NS + escape(irName, "type");
}

/** The PHP type of an IR type (a property or parameter declaration). */
function phpType(t: TypeRef, ctx: TypeContext): string {
  const base = bareType(t, ctx.model, new Set());
  if (base === "mixed" || base.includes("|")) return base;
  return ctx.optional || t.nullable ? `?${base}` : base;
}

function bareType(t: TypeRef, model: TypeContext["model"], seen: Set<string>): string {
  switch (t.kind) {
    case "primitive":
      return { string: "string", integer: "int", number: "float", boolean: "bool", null: "mixed", unknown: "mixed" }[t.type];
    case "literal":
      return typeof t.value === "string" ? "string" : typeof t.value === "number" ? (Number.isInteger(t.value) ? "int" : "float") : typeof t.value === "boolean" ? "bool" : "mixed";
    case "enum":
      return t.values.every((v) => typeof v === "string") ? "string" : t.values.every((v) => Number.isInteger(v)) ? "int" : "mixed";
    case "array":
    case "tuple":
    case "map":
      return "array";
    case "binary":
      return "string";
    case "union":
      return "mixed";
    case "model": {
      const m = model?.(t.name);
      if (!m || m.kind === "object") return modelClass(t.name);
      if (m.kind === "enum") return bareType({ kind: "enum", values: m.values }, model, seen);
      if (m.kind === "alias" && !seen.has(m.name)) return bareType(m.type, model, new Set([...seen, m.name]));
      return "mixed";
    }
  }
}

/** Renders a JSON value as a PHP literal (arrays use `[...]`). */
function phpValue(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return string(v);
  if (typeof v === "number" || typeof v === "boolean") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(phpValue).join(", ")}]`;
  return `[${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${string(k)} => ${phpValue(x)}`).join(", ")}]`;
}

/** An expression decoding the wire value `expr` of type `t` into models (identity for plain values). */
function decode(t: TypeRef | undefined, expr: string, models: Map<string, Model>, depth = 0): string {
  if (!t) return expr;
  const x = `$v${depth}`;
  switch (t.kind) {
    case "model": {
      const m = models.get(t.name);
      if (m?.kind === "object") return `${modelClass(t.name)}::fromArray(${expr})`;
      if (m?.kind === "alias" && depth < 8) return decode(m.type, expr, models, depth + 1);
      return expr;
    }
    case "array":
    case "map": {
      const item = t.kind === "array" ? t.items : t.values;
      const inner = item ? decode(item, x, models, depth + 1) : x;
      return inner === x ? expr : `array_map(fn ($${x.slice(1)}) => ${x} === null ? null : ${inner}, ${expr})`;
    }
    default:
      return expr;
  }
}

function helpers(ir: IR): Record<string, (...args: unknown[]) => unknown> {
  const models = new Map(ir.models.map((m) => [m.name, m] as const));
  return {
    /** {{phpDecode typeRef "$expr"}}: the decoded value (models built from arrays). */
    phpDecode: (t, expr) => decode(t as TypeRef | undefined, String(expr), models),
    /** {{phpRead typeRef "$data" wireLiteral}}: a property read from a wire array, decoded; null when absent. */
    phpRead: (t, data, wire) => {
      const src = `${String(data)}[${String(wire)}]`;
      const dec = decode(t as TypeRef | undefined, src, models);
      return dec === src ? `${src} ?? null` : `isset(${src}) ? ${dec} : null`;
    },
    /** {{phpDecodeArray typeRef "$data"}}: decodes `$data` when it is an array and the type has models. */
    phpDecodeArray: (t, expr) => {
      const e = String(expr);
      const dec = decode(t as TypeRef | undefined, e, models);
      return dec === e ? e : `is_array(${e}) ? ${dec} : ${e}`;
    },
    /** {{phpNullable type}}: a return type that admits null (servers may omit `data`). */
    phpNullable: (t) => {
      const s = typeof t === "string" && t !== "" ? t : "mixed";
      return s === "mixed" || s.startsWith("?") || s.includes("|") ? s : `?${s}`;
    },
    /** {{phpValue x}}: any JSON value as a PHP literal. */
    phpValue: (v) => phpValue(v),
    /** {{phpEnumBacking model}}: "string" / "int" when the enum can be a backed enum, else "". */
    phpEnumBacking: (m) => {
      const values = ((m as { values?: { value: unknown }[] }).values ?? []).map((v) => v.value);
      if (values.length > 0 && values.every((v) => typeof v === "string")) return "string";
      if (values.length > 0 && values.every((v) => Number.isInteger(v))) return "int";
      return "";
    },
  };
}

/** Values templates need per operation: whether the method takes a `$params` array, and must. */
function operationExtras(op: Operation): Record<string, unknown> {
  const params = op.params.filter((p) => p.in !== "path" && p.fixed === undefined);
  return { phpHasParams: params.length > 0, phpParamsRequired: params.some((p) => p.required) };
}

const profile: LanguageProfile = {
  id: "php",
  reserved: RESERVED,
  caseInsensitiveReserved: true,
  escape,
  name,
  type: phpType,
  string,
  doc,
  helpers,
  operationExtras,
};

export default profile;
