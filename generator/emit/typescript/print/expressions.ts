// Expressions and constants as prettier lays them out: the data tables of the generated modules
// (object and array literals, calls marked pure, arrows returning a value, `as` casts).
import { tsKey } from "../naming.js";
import { breakParent, conditionalGroup, fill, group, ifBreak, indent, join, line, literal, softline, willBreak, type Doc } from "./doc.js";
import { assignment } from "./declarations.js";
import { typeArgs, typeDoc, type TypeDoc } from "./types.js";

/** An expression with what prettier's layout choices depend on. */
export interface Expr {
  doc: Doc;
  /** "literal": a boolean or a number prettier reads as one; "signed": null or a negative number (a unary expression). */
  kind: "literal" | "signed" | "string" | "name" | "member" | "object" | "array" | "call" | "arrow" | "cast";
  /** Members of an object or array literal: prettier breaks an array of several such literals. */
  size?: number;
  /** For a call's last argument: prettier may keep the call's parentheses around it and break it instead. */
  expandable?: boolean;
  /** How it is printed so hugged, where that differs. */
  expanded?: Doc;
  /** A number: prettier fills an array of numbers instead of giving each its line. */
  numeric?: boolean;
}

/** A string, number, boolean or null. */
export function value(v: unknown): Expr {
  const doc = literal(v);
  if (typeof v === "string") return { doc, kind: "string" };
  const kind = v === null || doc.startsWith("-") ? "signed" : "literal";
  return typeof v === "number" ? { doc, kind, numeric: true } : { doc, kind };
}
/** An identifier or `a.b`. */
export const name = (text: string): Expr => ({ doc: text, kind: text.includes(".") ? "member" : "name" });

export function object(props: [key: string, value: Expr][]): Expr {
  if (props.length === 0) return { doc: "{}", kind: "object", size: 0 };
  const doc = group(["{", indent([line, join([",", line], props.map(([k, v]) => property(k, v)))]), ifBreak(","), line, "}"]);
  return { doc, kind: "object", size: props.length, expandable: true };
}

/** A JSON value as a literal. */
export function json(v: unknown): Expr {
  if (Array.isArray(v)) return array(v.map(json));
  if (v !== null && typeof v === "object") return object(keyed(Object.entries(v).map(([k, x]) => [k, json(x)])));
  return value(v);
}

/** Properties with their keys as prettier writes string keys ("as-needed"): quoted only where they must be. */
export function keyed(props: [key: string, value: Expr][]): [string, Expr][] {
  return props.map(([k, v]) => [tsKey(k), v]);
}

export function array(items: Expr[]): Expr {
  if (items.length === 0) return { doc: "[]", kind: "array", size: 0 };
  if (items.every((i) => i.numeric)) {
    // Numbers only: as many on a line as fit (prettier's printArrayItemsConcisely).
    const id = Symbol("array");
    const parts = items.flatMap((i, k) => (k === items.length - 1 ? [[i.doc, ifBreak(",", "", { groupId: id })]] : [[i.doc, ","], line]));
    return { doc: group(["[", indent([softline, fill(parts)]), softline, "]"], { id }), kind: "array", size: items.length, expandable: true };
  }
  // Several object (or array) literals of more than one member each: one per line, always.
  const shouldBreak = items.length > 1 && items.every((i) => i.kind === items[0].kind && (i.kind === "object" || i.kind === "array") && (i.size ?? 0) > 1);
  const doc = group(["[", indent([softline, join([",", line], items.map((i) => group(i.doc)))]), ifBreak(","), softline, "]"], { shouldBreak });
  return { doc, kind: "array", size: items.length, expandable: true };
}

/** `() => body`; hugged as a call's last argument, its body may go on the next line, closed by a trailing comma. */
export function arrow(body: Expr): Expr {
  const doc = group(["()", " =>", group(indent([line, body.doc]))]);
  if (body.kind !== "call") return { doc, kind: "arrow" };
  return { doc, kind: "arrow", expandable: true, expanded: group(["()", " =>", group([indent([line, body.doc]), ifBreak(","), softline])]) };
}

/** `callee<types>(args)` */
export function call(callee: string, args: Expr[], types: TypeDoc[] = []): Expr {
  return { doc: group([callee, types.length ? typeArgs(types) : "", callArguments(args)]), kind: "call" };
}

/** `/* @__PURE__ *\/ callee<types>(args)`: pure, so a bundler may drop what an application never uses. */
export function pureCall(callee: string, args: Expr[], types: TypeDoc[] = []): Expr {
  return { doc: ["/* @__PURE__ */ ", call(callee, args, types).doc], kind: "call" };
}

/** `expr as type` */
export function cast(expr: Expr, type: Doc): Expr {
  return { doc: [expr.doc, " as ", type], kind: "cast" };
}

/** `[export ]const name[: type] = init;` */
export function constant(exported: boolean, id: string, type: TypeDoc | undefined, init: Expr): Doc {
  const left = type ? [id, ": ", typeDoc(type, "annotation")] : id;
  return [exported ? "export " : "", group(["const ", assignment(left, " =", init.doc)]), ";"];
}

/**
 * `key: value` in prettier's layout for it: a key shorter than 5 columns never has its value on the
 * next line (little to gain), nor has a boolean or a number (not `null`, nor a negative number: a
 * unary expression); a string or `a.b` after a longer key moves to the next line whole; anything
 * else breaks inside itself first.
 */
function property(key: string, v: Expr): Doc {
  const short = key.length < 5;
  if (short || v.kind === "literal") return group([key, ": ", v.doc]);
  if (v.kind === "string" || v.kind === "member") return group([key, ":", group(indent([line, v.doc]))]);
  return assignment(key, ":", v.doc);
}

/** Prettier keeps a last object, array or arrow argument hugged by the parentheses when that fits better. */
function callArguments(args: Expr[]): Doc {
  if (args.length === 0) return "()";
  const printed = args.map((a) => a.doc);
  const last = args[args.length - 1];
  const penultimate = args[args.length - 2];
  const groupLast = last.expandable && (!penultimate || penultimate.kind !== last.kind);
  if (!groupLast) return group(["(", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ")"]);
  const head = printed.slice(0, -1).flatMap((d) => [d, ",", line]);
  const allBroken = group(["(", indent([line, join([",", line], printed)]), ifBreak(","), line, ")"], { shouldBreak: true });
  const expanded = last.expanded ?? last.doc;
  const hugged = ["(", ...head, group(expanded, { shouldBreak: true }), ")"];
  if (willBreak(expanded)) return [breakParent, conditionalGroup([hugged, allBroken])];
  return conditionalGroup([["(", ...head, expanded, ")"], hugged, allBroken]);
}
