// Python scaffold: package `muxi-sdk`, import `muxi`. Naming: snake_case members,
// PascalCase types, keywords escaped with a trailing underscore (PEP 8).
import type { Operation, TypeRef } from "../../../ir/types.js";
import { pascalName, snakeName, wireValueLiterals } from "../naming-kit.js";
import type { LanguageProfile, NameRole, TypeContext } from "../profile.js";

// keyword.kwlist. Soft keywords (match, case, type, _) are valid identifiers and stay.
const KEYWORDS = [
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
  "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];
// Names a generated method or dataclass already uses for itself.
const MEMBER_RESERVED = ["self", "options", "to_wire", "from_wire"];
// Names the package exports besides the models, and the typing names models.py uses.
const TYPE_RESERVED = [
  "Any", "Dict", "List", "Literal", "Mapping", "Optional", "Tuple", "Union",
  "RequestOptions", "ResponseMeta", "Stream", "ChatEvent", "ServerEvent", "Model",
  "MuxiError", "AuthenticationError", "AuthorizationError", "NotFoundError", "ConflictError", "ValidationError",
  "RateLimitError", "ServerError", "ConnectionError", "TimeoutError", "StreamError", "WebhookVerificationError",
];

// snake_case that keeps a leading underscore of the IR name.
const snake = (raw: string): string => snakeName(raw, true);

/** A JSON value as a Python literal. */
export function pyLiteral(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "None";
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pyLiteral).join(", ")}]`;
  return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${JSON.stringify(k)}: ${pyLiteral(x)}`).join(", ")}}`;
}

function pyType(t: TypeRef, ctx: TypeContext): string {
  let s: string;
  switch (t.kind) {
    case "model":
      s = ctx.modelName(t.name);
      break;
    case "primitive":
      s = { string: "str", integer: "int", number: "float", boolean: "bool", null: "None", unknown: "Any" }[t.type];
      break;
    case "literal":
      s = t.value === null ? "None" : `Literal[${pyLiteral(t.value)}]`;
      break;
    case "enum":
      s = `Literal[${t.values.map(pyLiteral).join(", ")}]`;
      break;
    case "array":
      s = `List[${pyType(t.items, { ...ctx, optional: false })}]`;
      break;
    case "tuple":
      s = t.items.length ? `Tuple[${t.items.map((i) => pyType(i, { ...ctx, optional: false })).join(", ")}]` : "Tuple[()]";
      break;
    case "map":
      s = `Dict[str, ${t.values ? pyType(t.values, { ...ctx, optional: false }) : "Any"}]`;
      break;
    case "union": {
      const vs = [...new Set(t.variants.map((v) => pyType(v, { ...ctx, optional: false })))];
      s = vs.length === 1 ? vs[0] : `Union[${vs.join(", ")}]`;
      break;
    }
    case "binary":
      s = "bytes";
      break;
  }
  if ((t.nullable || ctx.optional) && s !== "Any" && s !== "None" && !s.startsWith("Optional[")) s = `Optional[${s}]`;
  return s;
}

/** Python literals the client templates need for fixed and selecting wire values. */
function operationExtras(op: Operation): Record<string, unknown> {
  return {
    ...wireValueLiterals(op, "py", (wire, value) => ({ wireLiteral: JSON.stringify(wire), literal: pyLiteral(value) })),
    pyOpLiteral: JSON.stringify(op.name),
  };
}

const profile: LanguageProfile = {
  id: "python",
  reserved: new Set([...KEYWORDS, ...MEMBER_RESERVED, ...TYPE_RESERVED]),
  escape(word: string, role: NameRole): string {
    if (role === "type") return TYPE_RESERVED.includes(word) ? `${word}Model` : `${word}_`;
    // Type names never collide with member names (PascalCase vs snake_case), so only members escape.
    return `${word}_`;
  },
  name(irName: string, role: NameRole): string {
    switch (role) {
      case "type":
        return pascalName(irName, "Model");
      case "constant":
      case "enumMember":
        return snake(irName).toUpperCase();
      case "package":
        return "muxi";
      default:
        return snake(irName);
    }
  },
  type: pyType,
  string: (text) => JSON.stringify(text),
  doc: (text) =>
    text
      .replace(/\r\n?/g, "\n")
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, " ")
      .replace(/\\/g, "\\\\")
      .replace(/"/g, '\\"')
      .trim(),
  operationExtras,
};

export default profile;
