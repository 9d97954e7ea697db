// Top-level declarations as prettier lays them out: imports, interfaces, type aliases, constants.
import { group, hardline, ifBreak, indent, indentIfBreak, join, jsdoc, line, softline, str, type Doc } from "./doc.js";
import { hugs, memberDoc, typeDoc, type Member, type TypeDoc } from "./types.js";

export interface Import {
  from: string;
  typeOnly?: boolean;
  namespace?: string;
  /** `name`, `name as alias` or `type name`. */
  names?: string[];
}

export function importDecl(i: Import): Doc {
  const head = i.typeOnly ? "import type " : "import ";
  let what: Doc;
  if (i.namespace) what = `* as ${i.namespace}`;
  else {
    const names = i.names ?? [];
    // One specifier never breaks; more break one per line when the import is too long.
    what = names.length === 1 ? `{ ${names[0]} }` : group(["{", indent([line, join([",", line], names)]), ifBreak(","), line, "}"]);
  }
  return [head, what, " from ", str(i.from), ";"];
}

/** A comment (if any) on the line before `decl`. */
export function documented(doc: string | undefined, decl: Doc): Doc {
  return doc ? [jsdoc(doc), hardline, decl] : decl;
}

export interface InterfaceDecl {
  name: string;
  doc?: string;
  members: (Member & { jsdoc?: string })[];
  /** `[key: string]: <type>;` before the members. */
  index?: TypeDoc;
}

export function interfaceDecl(i: InterfaceDecl): Doc {
  const lines: Doc[] = [];
  if (i.index) lines.push([group(["[", group([indent([softline, "key: string"]), softline]), "]: ", typeDoc(i.index, "annotation")]), ";"]);
  for (const m of i.members) lines.push(documented(m.jsdoc, [memberDoc(m), ";"]));
  const body: Doc = lines.length ? ["{", indent([hardline, join(hardline, lines)]), hardline, "}"] : "{}";
  return documented(i.doc, ["export interface ", i.name, " ", body]);
}

export function typeAlias(name: string, type: TypeDoc, doc?: string): Doc {
  return documented(doc, ["export ", assignment(`type ${name}`, " =", typeDoc(type), type.kind === "union" && !hugs(type)), ";"]);
}

/**
 * `left = right` in prettier's two layouts that occur here: a union that may break goes on the next
 * line as a whole ("break-after-operator"); anything else follows `=` and moves to the next line
 * only if breaking its own groups does not make it fit ("fluid").
 */
export function assignment(left: Doc, operator: string, right: Doc, breakAfterOperator = false): Doc {
  if (breakAfterOperator) return group([group(left), operator, group(indent([line, right]))]);
  const id = Symbol("assignment");
  return group([group(left), operator, group(indent(line), { id }), indentIfBreak(right, { groupId: id })]);
}

export interface Parameter {
  name: string;
  type: TypeDoc;
  optional?: boolean;
  rest?: boolean;
}

/**
 * `(params): returns` — prettier breaks the parameters one per line (the return type stays on the
 * closing line) when the whole does not fit; a lone object-literal parameter stays hugged.
 */
export function signature(params: Parameter[], returns: TypeDoc): Doc {
  const printed = params.map((p) => [p.rest ? "..." : "", p.name, p.optional ? "?" : "", ": ", typeDoc(p.type, "annotation")]);
  const tail = [": ", typeDoc(returns)];
  if (params.length === 1 && params[0].type.kind === "object" && !params[0].rest) return group(["(", printed[0], ")", ...tail]);
  if (params.length === 0) return group(["()", ...tail]);
  const trailingComma = params[params.length - 1].rest ? "" : ifBreak(",");
  return group(["(", indent([softline, join([",", line], printed)]), trailingComma, softline, ")", ...tail]);
}

/** `{ statements }` of a function or method body. */
export function body(statements: Doc[]): Doc {
  return [" {", indent([hardline, join(hardline, statements)]), hardline, "}"];
}

export interface Method {
  /** Signatures before the implementation, each with its comment. */
  overloads: { doc?: string; signature: Doc }[];
  implementation: Doc;
}

/** An exported abstract class of public methods, a blank line between methods. */
export function abstractClass(name: string, base: TypeDoc, doc: string | undefined, methods: (Method & { name: string })[]): Doc {
  const members = methods.map((m) => join(hardline, [...m.overloads.map((o) => documented(o.doc, ["public ", m.name, o.signature, ";"])), ["public ", m.name, m.implementation]]));
  const bodyDoc = members.length ? ["{", indent([hardline, join([hardline, hardline], members)]), hardline, "}"] : "{}";
  return documented(doc, ["export abstract class ", name, " extends ", typeDoc(base), " ", bodyDoc]);
}

export function functionDecl(name: string, doc: string | undefined, sig: Doc, statements: Doc[]): Doc {
  return documented(doc, ["export function ", name, sig, body(statements)]);
}
