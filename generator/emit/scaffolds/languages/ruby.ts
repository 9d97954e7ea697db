// Ruby scaffold (gem `muxi`, module `Muxi`, Ruby 3.0+, stdlib only): naming, reserved words,
// types and literals. Templates: templates/ruby/.
import type { IR, Model, Operation, TypeRef } from "../../../ir/types.js";
import { words } from "../../../ir/names.js";
import {
  braceEscape,
  COMMENT_CONTROLS,
  commentLines,
  enumValueName,
  escapeIf,
  isInvisible,
  prefixLines,
  screamingWords,
  shortHash,
  stringLiteral,
} from "../naming-kit.js";
import type { LanguageProfile, NameRole, TypeContext } from "../profile.js";

const KEYWORDS = new Set(
  ("BEGIN END __ENCODING__ __END__ __FILE__ __LINE__ alias and begin break case class def defined? do else elsif end " +
    "ensure false for if in module next nil not or redo rescue retry return self super then true undef unless until when " +
    "while yield").split(" "),
);

// Methods every object has: an attribute or client method of that name would break Ruby itself
// (`class`, `hash`, `send`, …) or the generated code (`to_wire`, …).
const OBJECT_METHODS = new Set(
  ("class hash method methods send public_send object_id display freeze frozen? dup clone tap then itself inspect to_s " +
    "to_h to_json to_wire from_wire extend singleton_class instance_variables instance_variable_get " +
    "instance_variable_set instance_of? kind_of? is_a? respond_to? nil? equal? eql? initialize " +
    "additional_properties define_singleton_method").split(" "),
);

// Locals of a generated method: a path parameter must not take these names.
const METHOD_LOCALS = new Set(["params", "options", "block", "data"]);

// Core constants a model must not shadow inside Muxi::Models (templates name Ruby's own as ::X anyway).
const CORE_CONSTANTS = new Set(
  ("Object Class Module String Symbol Integer Float Numeric Array Hash Struct Time Date Proc Method Kernel Comparable " +
    "Enumerable Exception StandardError NilClass TrueClass FalseClass JSON Set IO File Dir Range Regexp BasicObject Data " +
    "Thread Random Math Process Signal Encoding Errno Rational Complex Binding Fiber Marshal ObjectSpace GC Muxi Models " +
    "Runtime Model").split(" "),
);

/** snake_case of an IR camelCase name, keeping a leading underscore ("_123start"). */
function snake(irName: string): string {
  const lead = irName.startsWith("_") ? "_" : "";
  const body = words(irName).join("_");
  return body === "" ? "value" : lead + body;
}

/** Constant name of an enum value: UPPER_SNAKE, with a hash when the value is not plain words. */
export function enumConstant(value: string): string {
  return enumValueName(value, {
    digits: (v) => `V${v}`,
    lead: "letter",
    plain: screamingWords,
    other: (v) => `${screamingWords(v) || "VALUE"}_${shortHash(v).toUpperCase()}`,
    digitPrefix: "V",
  });
}

function name(irName: string, role: NameRole): string {
  switch (role) {
    case "type":
      return irName; // IR model names are already PascalCase constants
    case "enumMember":
    case "constant":
      return enumConstant(irName);
    case "file":
    case "package":
      return snake(irName);
    default:
      return snake(irName);
  }
}

function escape(word: string, role: NameRole): string {
  switch (role) {
    case "type":
      return CORE_CONSTANTS.has(word) ? `${word}Model` : word;
    case "field":
    case "method":
      return KEYWORDS.has(word) || OBJECT_METHODS.has(word) ? `${word}_` : word;
    case "param":
      return KEYWORDS.has(word) || METHOD_LOCALS.has(word) ? `${word}_` : word;
    case "enumMember":
    case "constant":
      // `END`/`BEGIN` are keywords; `ALL` is the list of values the template adds.
      return KEYWORDS.has(word) || word === "ALL" ? `${word}_` : word;
    default:
      return word;
  }
}

const RESERVED = new Set([...KEYWORDS, ...OBJECT_METHODS, ...METHOD_LOCALS, ...CORE_CONSTANTS, "ALL"]);

/** A double-quoted Ruby string; `#` is escaped so nothing is interpolated. */
const string = stringLiteral({ quote: '"', escapes: { "#": "\\#" }, other: escapeIf(isInvisible, braceEscape) });

/** Comment text: every line gets its own `# ` (templates indent the continuation lines). */
const doc = (text: string): string => prefixLines(commentLines(text, COMMENT_CONTROLS), "# ");

const MODELS = "::Muxi::Models::";
const modelConst = (irName: string): string => MODELS + escape(irName, "type");

/** The documented Ruby type (YARD style) of an IR type. */
function rubyType(t: TypeRef, ctx: TypeContext): string {
  const base = bareType(t, ctx.model, 0);
  return ctx.optional || t.nullable ? `${base}, nil` : base;
}

function bareType(t: TypeRef, model: TypeContext["model"], depth: number): string {
  switch (t.kind) {
    case "primitive":
      return { string: "String", integer: "Integer", number: "Float", boolean: "Boolean", null: "nil", unknown: "Object" }[t.type];
    case "literal":
      return typeof t.value === "string" ? "String" : typeof t.value === "number" ? "Numeric" : typeof t.value === "boolean" ? "Boolean" : "nil";
    case "enum":
      return t.values.every((v) => typeof v === "string") ? "String" : "Object";
    case "array":
    case "tuple":
      return t.kind === "array" ? `Array<${bareType(t.items, model, depth + 1)}>` : "Array";
    case "map":
      return t.values ? `Hash{String => ${bareType(t.values, model, depth + 1)}}` : "Hash";
    case "binary":
      return "String";
    case "union":
      return t.variants.map((v) => bareType(v, model, depth + 1)).join(", ");
    case "model": {
      const m = model?.(t.name);
      if (!m || m.kind === "object") return modelConst(t.name).slice(2);
      if (m.kind === "enum") return "String";
      if (m.kind === "alias" && depth < 8) return bareType(m.type, model, depth + 1);
      return "Object";
    }
  }
}

/** Renders a JSON value as a Ruby literal (string keys). */
function rubyValue(v: unknown): string {
  if (v === null || v === undefined) return "nil";
  if (typeof v === "string") return string(v);
  if (typeof v === "number" || typeof v === "boolean") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(rubyValue).join(", ")}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  return entries.length === 0 ? "{}" : `{ ${entries.map(([k, x]) => `${string(k)} => ${rubyValue(x)}`).join(", ")} }`;
}

/** An expression decoding the (non-nil) wire value `expr` into models; identity for plain values. */
function decode(t: TypeRef | undefined, expr: string, models: Map<string, Model>, depth = 0): string {
  if (!t) return expr;
  const x = `v${depth}`;
  switch (t.kind) {
    case "model": {
      const m = models.get(t.name);
      if (m?.kind === "object") return `${modelConst(t.name)}.from_wire(${expr})`;
      if (m?.kind === "alias" && depth < 8) return decode(m.type, expr, models, depth + 1);
      return expr;
    }
    case "array": {
      const inner = decode(t.items, x, models, depth + 1);
      return inner === x ? expr : `${expr}.map { |${x}| ${x}.nil? ? nil : ${inner} }`;
    }
    case "map": {
      const inner = t.values ? decode(t.values, x, models, depth + 1) : x;
      return inner === x ? expr : `${expr}.transform_values { |${x}| ${x}.nil? ? nil : ${inner} }`;
    }
    default:
      return expr;
  }
}

function helpers(ir: IR): Record<string, (...args: unknown[]) => unknown> {
  const models = new Map(ir.models.map((m) => [m.name, m] as const));
  return {
    /** {{rbRead typeRef "hash" wireLiteral}}: an attribute read from a wire hash, decoded; nil when absent. */
    rbRead: (t, data, wire) => {
      const src = `${String(data)}[${String(wire)}]`;
      const dec = decode(t as TypeRef | undefined, "v", models, 1);
      return dec === "v" ? src : `${src}&.then { |v| ${dec} }`;
    },
    /** {{rbDecodeHash typeRef "data"}}: decodes `data` when it is a Hash/Array and the type has models. */
    rbDecode: (t, expr) => {
      const e = String(expr);
      const dec = decode(t as TypeRef | undefined, e, models);
      return dec === e ? e : `${e}.is_a?(::Hash) || ${e}.is_a?(::Array) ? ${dec} : ${e}`;
    },
    /** {{rbValue x}}: any JSON value as a Ruby literal. */
    rbValue: (v) => rubyValue(v),
    /** {{rbSym name}}: a symbol literal (`:name`, or `:"odd name"`). */
    rbSym: (v) => {
      const s = String(v);
      return /^[A-Za-z_][A-Za-z0-9_]*[?!]?$/.test(s) ? `:${s}` : `:${string(s)}`;
    },
  };
}

/** Whether the method takes a `params` hash, and must. */
function operationExtras(op: Operation): Record<string, unknown> {
  const params = op.params.filter((p) => p.in !== "path" && p.fixed === undefined);
  return { rbHasParams: params.length > 0, rbParamsRequired: params.some((p) => p.required) };
}

const profile: LanguageProfile = {
  id: "ruby",
  reserved: RESERVED,
  escape,
  name,
  type: rubyType,
  string,
  doc,
  helpers,
  operationExtras,
};

export default profile;
