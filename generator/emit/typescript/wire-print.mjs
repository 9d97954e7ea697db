// Prints openapi-typescript's TypeScript AST as the text prettier makes of astToString()'s output
// (printWidth 110, trailingComma "all"), without running TypeScript's printer or prettier's
// parser and AST printer, the slow part of formatting the wire types: each node becomes the document
// prettier's estree printer would build for it, laid out by prettier's own document printer.
// Where prettier's output depends on the text TypeScript's printer would have made (string escapes,
// comment lines), that text is reproduced first. A construct openapi-typescript does not produce
// with our options throws UnsupportedLayout, naming it, rather than risk a layout prettier would not
// make (wire-transform.mjs then has prettier format TypeScript's print of it).
// Plain JavaScript: wire-transform.mjs and its worker thread (without the TypeScript loader) use it.
// test/generator/wire-print.test.ts checks it against prettier.
import { builders, printer } from "prettier/doc";
import ts from "typescript";
import { LAYOUT } from "../../format/options.mjs";
import { printNumber, printString } from "./print/leaves.mjs";

const { align, group, hardline, ifBreak, indent, indentIfBreak, join, line, lineSuffixBoundary, literalline, softline } = builders;
const K = ts.SyntaxKind;

/** @typedef {import("prettier/doc").builders.Doc} Doc */
/**
 * Where a type stands, as far as prettier's layout of unions and intersections cares: the type of a
 * member or alias, a type argument, a member of a union or intersection, an array's element type, the
 * element of a tuple of one or of several elements; "other" where openapi-typescript puts no union.
 * @typedef {"annotation" | "argument" | "constituent" | "element" | "tuple" | "tuples" | "other"} Place
 */

/** @param {readonly ts.Node[]} nodes top-level statements @returns {string} */
export function printWire(nodes) {
  if (nodes.length === 0) return "";
  const doc = [join(hardline, nodes.map(statement)), hardline];
  return printer.printDocToString(doc, LAYOUT).formatted;
}

/** A construct printWire does not lay out (openapi-typescript makes none with our options): the caller can let prettier do it. */
export class UnsupportedLayout extends Error {}

/** @param {ts.Node} node @param {string} [detail] @returns {never} */
function unsupported(node, detail = "") {
  throw new UnsupportedLayout(`printWire: cannot print ${ts.SyntaxKind[node.kind]}${detail ? ` (${detail})` : ""} as prettier would`);
}

// ── statements ──────────────────────────────────────────────────────────────────────────────────

/** @param {ts.Node} node @returns {Doc} */
function statement(node) {
  noComments(node);
  const exported = exportPrefix(node);
  if (ts.isInterfaceDeclaration(node)) return [exported, interfaceDeclaration(node)];
  if (ts.isTypeAliasDeclaration(node)) return [exported, typeAlias(node), ";"];
  return unsupported(node);
}

/** @param {ts.Node} node */
function exportPrefix(node) {
  const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  if (modifiers.some((m) => m.kind !== K.ExportKeyword)) unsupported(node, "modifiers other than export");
  return modifiers.length ? ["export", " "] : "";
}

/** @param {ts.InterfaceDeclaration} node */
function interfaceDeclaration(node) {
  if (node.typeParameters || node.heritageClauses) unsupported(node, "type parameters or heritage clauses");
  const members = node.members.map((m) => [member(m, 1), ";"]);
  return ["interface", " ", identifier(node.name), " ", "{", members.length ? [indent([hardline, join(hardline, members)]), hardline] : "", "}"];
}

/** prettier's assignment layout for a type alias: "break-lhs" when several type parameters have a constraint, else "fluid". @param {ts.TypeAliasDeclaration} node */
function typeAlias(node) {
  const params = node.typeParameters ?? [];
  const left = ["type ", identifier(node.name), params.length ? typeParameters(params) : ""];
  const right = type(node.type, 0, "annotation");
  if (params.length > 1 && params.some((p) => p.constraint || p.default)) return group([left, " =", " ", group(right)]);
  const id = Symbol("assignment");
  return group([group(left), " =", group(indent(line), { id }), lineSuffixBoundary, indentIfBreak(right, { groupId: id })]);
}

/** @param {readonly ts.TypeParameterDeclaration[]} params */
function typeParameters(params) {
  return group(["<", indent([softline, join([",", line], params.map(typeParameter))]), ifBreak(","), softline, ">"]);
}

/** @param {ts.TypeParameterDeclaration} node */
function typeParameter(node) {
  if (node.default || node.modifiers?.length) unsupported(node, "default or modifiers");
  if (!node.constraint) return group(identifier(node.name));
  const id = Symbol("constraint");
  return group([identifier(node.name), " extends", group(indent(line), { id }), lineSuffixBoundary, indentIfBreak(type(node.constraint, 0, "other"), { groupId: id })]);
}

// ── members ─────────────────────────────────────────────────────────────────────────────────────

/** A member with its comments; `depth` is TypeScript's indent level there (its printer re-indents comments). @param {ts.TypeElement} node @param {number} depth */
function member(node, depth) {
  const comments = ts.getSyntheticLeadingComments(node) ?? [];
  if (ts.getSyntheticTrailingComments(node)?.length) unsupported(node, "trailing comment");
  const body = ts.isPropertySignature(node) ? propertySignature(node, depth) : ts.isIndexSignatureDeclaration(node) ? indexSignature(node, depth) : unsupported(node);
  return [...comments.flatMap((c) => [comment(c, node, depth), hardline]), body];
}

/** @param {ts.PropertySignature} node @param {number} depth */
function propertySignature(node, depth) {
  if (!node.type) unsupported(node, "no type");
  const declared = `${readonlyPrefix(node)}${propertyName(node.name)}${node.questionToken ? "?" : ""}: `;
  const typeDoc = type(node.type, depth, "annotation");
  return typeof typeDoc === "string" ? declared + typeDoc : group([declared, typeDoc]); // a group without lines lays out as its text
}

/** @param {ts.IndexSignatureDeclaration} node @param {number} depth */
function indexSignature(node, depth) {
  const [param, ...more] = node.parameters;
  const keyType = param.type && KEYWORDS.get(param.type.kind);
  if (more.length || !keyType || !ts.isIdentifier(param.name)) unsupported(node, "parameter other than `name: keyword`");
  const key = group([indent([softline, identifier(param.name), ":", " ", keyType]), softline]);
  return group([`${readonlyPrefix(node)}[`, key, "]: ", type(node.type, depth, "annotation")]);
}

/** @param {ts.PropertySignature | ts.IndexSignatureDeclaration} node */
function readonlyPrefix(node) {
  const modifiers = node.modifiers ?? [];
  if (modifiers.some((m) => m.kind !== K.ReadonlyKeyword)) unsupported(node, "modifiers other than readonly");
  return modifiers.length ? "readonly " : "";
}

/** Keys stay as TypeScript prints them: string keys are never identifiers here (openapi-typescript makes those Identifiers). @param {ts.PropertyName} node */
function propertyName(node) {
  if (ts.isIdentifier(node)) return identifier(node);
  if (ts.isStringLiteral(node)) return stringLiteral(node);
  // tsPropertyIndex() makes "Infinity" and "NaN" numeric literals, which prettier reads as identifiers.
  if (ts.isNumericLiteral(node)) return /^[A-Z]/i.test(node.text) ? node.text : printNumber(node.text);
  return unsupported(node);
}

// ── comments ────────────────────────────────────────────────────────────────────────────────────

/**
 * A `/* … *​/` comment before a member, as prettier prints the lines TypeScript's printer makes of it.
 * @param {ts.SynthesizedComment} c @param {ts.Node} node @param {number} depth
 */
function comment(c, node, depth) {
  if (c.kind !== K.MultiLineCommentTrivia || !c.hasTrailingNewLine) unsupported(node, "comment other than /* */ on its own line");
  const value = tsCommentText(`/*${c.text}*/`, depth).slice(2, -2);
  if (!value.includes("\n")) return ["/*", value, "*/"];
  const lines = `*${value}*`.split("\n").map((l) => l.trimStart());
  if (!lines.every((l) => l.startsWith("*"))) return ["/*", join(literalline, value.split("\n")), "*/"];
  // Re-indented, each line starting ` *` (prettier would keep two spaces ending a line, but TypeScript has trimmed them).
  const last = lines.length - 1;
  return ["/", lines.map((l, i) => (i === 0 ? [l.trimEnd(), hardline] : i === last ? [" ", l] : [" ", l.trimEnd(), hardline])), "/"];
}

/**
 * TypeScript's printer writes each line of a multi-line comment trimmed, indented by the writer's indent
 * (4 spaces a level) plus the line's own leading whitespace; its line breaks include \r, U+2028 and U+2029.
 * @param {string} text @param {number} depth
 */
function tsCommentText(text, depth) {
  return text
    .split(/\r\n?|[\n\u2028\u2029]/)
    .map((l, i) => (i === 0 ? l.trim() : " ".repeat(depth * 4 + tsIndentWidth(l)) + l.trim()))
    .join("\n");
}

/** TypeScript's calculateIndent: leading single-line whitespace, tabs to the next multiple of 4. @param {string} l */
function tsIndentWidth(l) {
  let width = 0;
  for (const ch of l) {
    if (ch === "\t") width += 4 - (width % 4);
    else if (/[ \v\f\u00a0\u0085\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/.test(ch)) width++;
    else break;
  }
  return width;
}

/** @param {ts.Node} node */
function noComments(node) {
  if (ts.getSyntheticLeadingComments(node)?.length || ts.getSyntheticTrailingComments(node)?.length) unsupported(node, "comment");
}

// ── types ───────────────────────────────────────────────────────────────────────────────────────

const KEYWORDS = new Map([
  [K.AnyKeyword, "any"],
  [K.BooleanKeyword, "boolean"],
  [K.NeverKeyword, "never"],
  [K.NumberKeyword, "number"],
  [K.ObjectKeyword, "object"],
  [K.StringKeyword, "string"],
  [K.UndefinedKeyword, "undefined"],
  [K.UnknownKeyword, "unknown"],
  [K.VoidKeyword, "void"],
]);

/**
 * prettier's reading of the type TypeScript prints: parentheses dropped (prettier adds its own) and
 * one-member unions and intersections (which tsDedupe can leave) reduced to the member.
 * @param {ts.TypeNode} node @returns {ts.TypeNode}
 */
function unwrap(node) {
  for (;;) {
    if (ts.isParenthesizedTypeNode(node)) node = node.type;
    else if ((ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) && node.types.length === 1) node = node.types[0];
    else return node;
  }
}

/** @param {ts.TypeNode} outer @param {number} depth TypeScript's indent level (for comments in type literals) @param {Place} place @returns {Doc} */
function type(outer, depth, place) {
  noComments(outer);
  const node = unwrap(outer);
  if (node !== outer) noComments(node);
  const keyword = KEYWORDS.get(node.kind);
  if (keyword) return keyword;
  if (ts.isLiteralTypeNode(node)) return literal(node, place);
  if (ts.isIdentifier(node)) return stringLiteralText(node);
  if (ts.isTypeReferenceNode(node)) return typeReference(node, depth);
  if (ts.isIndexedAccessTypeNode(node)) return concat(type(node.objectType, depth, "other"), "[", type(node.indexType, depth, "other"), "]");
  if (ts.isArrayTypeNode(node)) return arrayType(node, depth);
  if (ts.isTupleTypeNode(node)) return tuple(node, depth);
  if (ts.isTypeLiteralNode(node)) return typeLiteral(node, depth);
  if (ts.isMappedTypeNode(node)) return mappedType(node, depth);
  if (ts.isTypeOperatorNode(node)) return typeOperator(node, depth);
  if (ts.isUnionTypeNode(node)) return union(node, depth, place);
  if (ts.isIntersectionTypeNode(node)) return withParens(intersection(node, depth), node, place);
  return unsupported(node);
}

/** @param {ts.LiteralTypeNode} node @param {Place} place */
function literal(node, place) {
  const { literal } = node;
  if (literal.kind === K.NullKeyword) return "null";
  if (literal.kind === K.TrueKeyword) return "true";
  if (literal.kind === K.FalseKeyword) return "false";
  if (ts.isStringLiteral(literal)) return stringLiteral(literal);
  if (ts.isNumericLiteral(literal)) return printNumber(literal.text);
  if (ts.isPrefixUnaryExpression(literal) && literal.operator === K.MinusToken && ts.isNumericLiteral(literal.operand)) {
    if (place === "element") unsupported(node, "negative number as array element"); // see arrayType
    return `-${printNumber(literal.operand.text)}`;
  }
  return unsupported(literal);
}

/**
 * `X[]`; an array of a negative number is written `Array<-1>`: TypeScript prints `-1[]`, which does
 * not parse (and prettier makes `-1[]` of `(-1)[]` too).
 * @param {ts.ArrayTypeNode} node @param {number} depth
 */
function arrayType(node, depth) {
  if (isNegativeArray(node)) return ["Array<", type(unwrap(node.elementType), depth, "argument"), ">"];
  return concat(type(node.elementType, depth, "element"), "[]");
}

/** An array of a negative number, written as the type reference `Array<-1>` (see arrayType). @param {ts.TypeNode} node */
function isNegativeArray(node) {
  if (!ts.isArrayTypeNode(node)) return false;
  const element = unwrap(node.elementType);
  return ts.isLiteralTypeNode(element) && ts.isPrefixUnaryExpression(element.literal);
}

/** @param {ts.TypeReferenceNode} node @param {number} depth */
function typeReference(node, depth) {
  if (!ts.isIdentifier(node.typeName)) unsupported(node, "qualified name");
  return node.typeArguments?.length ? [identifier(node.typeName), typeArguments(node.typeArguments, depth)] : identifier(node.typeName);
}

/** @param {readonly ts.TypeNode[]} args @param {number} depth */
function typeArguments(args, depth) {
  const printed = args.map((a) => type(a, depth, "argument"));
  if (printed.length === 1 && hugs(unwrap(args[0]))) return ["<", printed[0], ">"];
  return group(["<", indent([softline, join([",", line], printed)]), softline, ">"]);
}

/** TypeScript prints a tuple's elements on lines of their own, one level deeper. @param {ts.TupleTypeNode} node @param {number} depth */
function tuple(node, depth) {
  if (!node.elements.length) return group(["[", "]"]);
  const place = node.elements.length > 1 ? "tuples" : "tuple";
  const items = node.elements.map((e) => group(type(e, depth + 1, place)));
  return group(["[", indent([softline, join([",", line], items), ifBreak(",")]), softline, "]"]);
}

/** TypeScript prints every type literal over several lines, which makes prettier break it too. @param {ts.TypeLiteralNode} node @param {number} depth */
function typeLiteral(node, depth) {
  if (!node.members.length) return group("{}");
  const members = node.members.map((m) => member(m, depth + 1));
  return group(["{", indent([line, join([";", line], members), ifBreak(";")]), line, "}"], { shouldBreak: true });
}

/** @param {ts.MappedTypeNode} node @param {number} depth */
function mappedType(node, depth) {
  const { typeParameter: param, questionToken, readonlyToken, nameType } = node;
  if (readonlyToken || nameType || !param.constraint || !node.type || node.members?.length) unsupported(node, "readonly, `as`, no constraint or no type");
  const optional = !questionToken ? "" : questionToken.kind === K.MinusToken ? "-?" : questionToken.kind === K.PlusToken ? "+?" : "?";
  const key = group(["[", indent([softline, identifier(param.name), " in ", type(param.constraint, depth, "other")]), softline, "]"]);
  return group(["{", indent([line, group([key, optional, ": ", type(node.type, depth + 1, "annotation")]), ifBreak(";")]), line, "}"], { shouldBreak: true });
}

/** @param {ts.TypeOperatorNode} node @param {number} depth */
function typeOperator(node, depth) {
  if (node.operator !== K.KeyOfKeyword) unsupported(node, ts.tokenToString(node.operator));
  return ["keyof", " ", type(node.type, depth, "other")];
}

/** @param {ts.UnionTypeNode} node @param {number} depth @param {Place} place */
function union(node, depth, place) {
  const types = node.types.map(unwrap);
  const printed = types.map((t) => type(t, depth, "constituent"));
  if (hugsUnion(types)) return withParens(join(" | ", printed), node, place);
  const parts = group(printed.map((p, i) => [i === 0 ? ifBreak("| ") : [line, "| "], align(2, p)]));
  switch (place) {
    case "annotation":
      return group(indent([softline, parts]));
    case "argument":
    case "tuple":
      return parts;
    case "tuples":
      return group([indent([ifBreak(["(", softline]), parts]), softline, ifBreak(")")]);
    case "constituent":
    case "element":
      return ["(", group([indent([softline, parts]), softline]), ")"];
  }
  return unsupported(node, "in this position");
}

/** @param {ts.IntersectionTypeNode} node @param {number} depth */
function intersection(node, depth) {
  const types = node.types.map(unwrap);
  let indented = false; // once a non-object follows an object after the first member, later members are indented
  return group(
    types.map((t, i) => {
      const printed = type(t, depth, "constituent");
      if (i === 0) return printed;
      const object = isObjectType(t);
      const previousObject = isObjectType(types[i - 1]);
      if (object && previousObject) return [" & ", indented ? indent(printed) : printed];
      if (!object && !previousObject) return indent([" &", line, printed]);
      if (i > 1) indented = true;
      return [" & ", i > 1 ? indent(printed) : printed];
    }),
  );
}

/** A union or intersection inside another, or an array's element type, is parenthesized; a non-hugging union gets its own layout above. @param {Doc} doc @param {ts.TypeNode} node @param {Place} place */
function withParens(doc, node, place) {
  if (place === "constituent" || place === "element") return ["(", doc, ")"];
  if (place === "other") unsupported(node, "in this position");
  return doc;
}

/** prettier's shouldHugType: a type that type arguments keep on the line of `<`. @param {ts.TypeNode} node */
function hugs(node) {
  return (
    KEYWORDS.has(node.kind) ||
    ts.isLiteralTypeNode(node) ||
    ts.isIdentifier(node) ||
    (ts.isTypeReferenceNode(node) && !node.typeArguments) ||
    isObjectType(node) ||
    (ts.isUnionTypeNode(node) && hugsUnion(node.types.map(unwrap)))
  );
}

/** One type literal or type reference with only `null`/`void` besides: `X | null` stays on one line. @param {ts.TypeNode[]} types */
function hugsUnion(types) {
  const object = types.find((t) => ts.isTypeLiteralNode(t) || ts.isTypeReferenceNode(t) || isNegativeArray(t));
  return object !== undefined && types.every((t) => t === object || t.kind === K.VoidKeyword || (ts.isLiteralTypeNode(t) && t.literal.kind === K.NullKeyword));
}

/** @param {ts.TypeNode} node */
function isObjectType(node) {
  return ts.isTypeLiteralNode(node) || ts.isMappedTypeNode(node);
}

/** Adjacent strings joined: the same layout (widths add up), a smaller document to lay out. @param {...Doc} docs @returns {Doc} */
function concat(...docs) {
  return docs.every((d) => typeof d === "string") ? docs.join("") : docs;
}

// ── names and literals ──────────────────────────────────────────────────────────────────────────

/** @param {ts.Identifier} node */
function identifier(node) {
  if (!/^[A-Za-z_$][\w$]*$/.test(node.text)) unsupported(node, `"${node.text}" is no identifier`);
  return node.text;
}

/** openapi-typescript's string literal types are Identifiers holding JSON.stringify()'s text. @param {ts.Identifier} node */
function stringLiteralText(node) {
  if (!/^"(?:[^"\\]|\\.)*"$/s.test(node.text)) unsupported(node, `"${node.text}" is no string literal`);
  return printString(node.text);
}

/** TypeScript escapes non-ASCII characters too; the quotes are prettier's choice. @param {ts.StringLiteral} node */
function stringLiteral(node) {
  return printString(`"${escapeString(node.text)}"`);
}

/** @type {Record<string, string>} */
const ESCAPES = {
  "\t": "\\t",
  "\v": "\\v",
  "\f": "\\f",
  "\b": "\\b",
  "\r": "\\r",
  "\n": "\\n",
  "\\": "\\\\",
  '"': '\\"',
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
  "\u0085": "\\u0085",
};

/** TypeScript's escapeNonAsciiString for double quotes. @param {string} s */
function escapeString(s) {
  return s
    .replace(/[\\"\u0000-\u001f\u2028\u2029\u0085]/g, (c, offset) => {
      if (c === "\0") return /[0-9]/.test(s.charAt(offset + 1)) ? "\\x00" : "\\0";
      return ESCAPES[c] ?? utf16Escape(c);
    })
    .replace(/[^\u0000-\u007f]/g, utf16Escape);
}

/** @param {string} c */
function utf16Escape(c) {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}
