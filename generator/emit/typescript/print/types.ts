// Type expressions as prettier lays them out. A TypeDoc keeps what prettier's choices depend on:
// whether a type is a plain reference, an object literal, null…, and a union's members.
import { align, group, ifBreak, indent, join, line, literal, softline, type Doc } from "./doc.js";

export type TypeDoc =
  | { kind: "keyword"; name: string } // string, number, unknown, never, void…
  | { kind: "null" }
  | { kind: "literal"; text: string }
  | { kind: "ref"; name: string; args: TypeDoc[] }
  | { kind: "tuple"; items: TypeDoc[] }
  | { kind: "object"; members: Member[] }
  | { kind: "union"; members: TypeDoc[] }
  | { kind: "intersection"; members: TypeDoc[] }
  | { kind: "other"; doc: Doc }; // e.g. `typeof op_x`: never hugged, never broken

export interface Member {
  key: string; // as written: quoted where it must be (naming.ts tsKey)
  optional: boolean;
  type: TypeDoc;
  doc?: Doc; // a leading comment
}

export const keyword = (name: string): TypeDoc => ({ kind: "keyword", name });
export const ref = (name: string, ...args: TypeDoc[]): TypeDoc => ({ kind: "ref", name, args });
export const lit = (value: string | number | boolean): TypeDoc => ({ kind: "literal", text: literal(value) });
export const NULL: TypeDoc = { kind: "null" };

/** A union of `members`, flattened; one member is itself, none is `never`. */
export function union(members: TypeDoc[], empty: TypeDoc = keyword("never")): TypeDoc {
  const flat = members.flatMap((m) => (m.kind === "union" ? m.members : [m]));
  return flat.length === 0 ? empty : flat.length === 1 ? flat[0] : { kind: "union", members: flat };
}

export function intersection(members: TypeDoc[]): TypeDoc {
  return members.length === 1 ? members[0] : { kind: "intersection", members };
}

/** Where a type stands decides how prettier wraps a union there: after a `:` it may go on the next line, indented. */
export type Place = "annotation" | "inline";

/** The type as prettier prints it at `place` (a property's or parameter's annotation, or elsewhere). */
export function typeDoc(t: TypeDoc, place: Place = "inline"): Doc {
  switch (t.kind) {
    case "keyword":
      return t.name;
    case "null":
      return "null";
    case "literal":
      return t.text;
    case "other":
      return t.doc;
    case "ref":
      return t.args.length ? [t.name, typeArgs(t.args)] : t.name;
    case "tuple":
      return group(["[", indent([softline, join([",", line], t.items.map((i) => group(tupleItem(i, t.items.length)))), ifBreak(",")]), softline, "]"]);
    case "object":
      return objectType(t.members);
    case "intersection":
      return intersectionDoc(t.members);
    case "union": {
      if (hugs(t)) return join(" | ", t.members.map((m) => typeDoc(m)));
      const body = group([ifBreak("| "), join([line, "| "], t.members.map((m) => align(2, typeDoc(m))))]);
      return place === "annotation" ? group(indent([softline, body])) : body;
    }
  }
}

/** Among other items, a union that breaks is wrapped in parentheses (prettier's printUnionType). */
function tupleItem(t: TypeDoc, count: number): Doc {
  const doc = typeDoc(t);
  if (t.kind !== "union" || hugs(t) || count < 2) return doc;
  return group([indent([ifBreak(["(", softline]), doc]), softline, ifBreak(")")]);
}

/** `key?: type` (its comment before it). */
export function memberDoc(m: Member): Doc {
  const body = group([m.key, m.optional ? "?" : "", ":", " ", typeDoc(m.type, "annotation")]);
  return m.doc ? [m.doc, " ", body] : body;
}

/** An inline object type: on one line when it fits. */
function objectType(members: Member[]): Doc {
  if (members.length === 0) return "{}";
  return group(["{", indent([line, join([";", line], members.map(memberDoc)), ifBreak(";")]), line, "}"]);
}

export function typeArgs(args: TypeDoc[]): Doc {
  if (args.length === 1 && (isSimple(args[0]) || args[0].kind === "object" || (args[0].kind === "union" && hugs(args[0])))) return ["<", typeDoc(args[0]), ">"];
  return group(["<", indent([softline, join([",", line], args.map((a) => typeDoc(a)))]), softline, ">"]);
}

const isSimple = (t: TypeDoc): boolean => t.kind === "keyword" || t.kind === "null" || t.kind === "literal" || (t.kind === "ref" && t.args.length === 0);
const isObject = (t: TypeDoc): boolean => t.kind === "object";

/** One reference or object type, the rest `null`: printed inline, never broken as a union. */
export function hugs(t: Extract<TypeDoc, { kind: "union" }>): boolean {
  const others = t.members.filter((m) => !(m.kind === "null" || (m.kind === "keyword" && m.name === "void")));
  return others.length === 1 && others.length < t.members.length && (others[0].kind === "ref" || others[0].kind === "object");
}

/** Prettier's rule: objects are joined to their neighbours with ` & `; other types break before `&`. */
function intersectionDoc(members: TypeDoc[]): Doc {
  const out: Doc[] = [];
  let wasIndented = false;
  members.forEach((m, i) => {
    const doc = typeDoc(m);
    if (i === 0) out.push(doc);
    else if (!isObject(members[i - 1]) && !isObject(m)) out.push(indent([" &", line, doc]));
    else if (isObject(members[i - 1]) && isObject(m)) out.push(" & ", wasIndented ? indent(doc) : doc);
    else {
      if (i > 1) wasIndented = true;
      out.push(" & ", i > 1 ? indent(doc) : doc);
    }
  });
  return group(out);
}
