// IR types → TypeScript types (as prettier lays them out) and converter expressions.
import type { Model, TypeRef } from "../../ir/types.js";
import { tsTypeName } from "./naming.js";
import { keyword, lit, NULL, ref, union, type TypeDoc } from "./print/types.js";
import { array, arrow, name, pureCall, type Expr } from "./print/expressions.js";

export type Direction = "input" | "output";

/** TS type of `t`; `ns` is the module alias models are reached through ("" when in the same module). */
export function tsType(t: TypeRef, dir: Direction, ns = ""): TypeDoc {
  const base = ((): TypeDoc => {
    switch (t.kind) {
      case "model":
        return ref(ns + tsTypeName(t.name));
      case "primitive":
        return t.type === "null" ? NULL : keyword(t.type === "integer" ? "number" : t.type);
      case "literal":
        return t.value === null ? NULL : lit(t.value);
      case "enum":
        return union(t.values.map((v) => (v === null ? NULL : lit(v))));
      case "array":
        return ref("Array", tsType(t.items, dir, ns));
      case "tuple":
        return { kind: "tuple", items: t.items.map((i) => tsType(i, dir, ns)) };
      case "map":
        return ref("Record", keyword("string"), t.values ? tsType(t.values, dir, ns) : keyword("unknown"));
      case "union":
        return union(t.variants.map((v) => tsType(v, dir, ns)), keyword("unknown"));
      case "binary":
        return dir === "input" ? union([ref("Uint8Array"), ref("ArrayBuffer"), ref("Blob"), ref("ReadableStream", ref("Uint8Array"))]) : ref("Uint8Array");
    }
  })();
  return t.nullable && base.kind !== "null" ? union([base, NULL]) : base;
}

/** Decides which models need a converter (a renamed field somewhere inside). */
export class ConversionPlanner {
  private readonly memo = new Map<string, boolean>();

  constructor(private readonly models: Map<string, Model>) {}

  modelNeeds(name: string): boolean {
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    this.memo.set(name, false); // cycles: assume no until proven
    const m = this.models.get(name);
    let needs = false;
    if (m?.kind === "object") {
      needs = m.properties.some((p) => p.name !== p.wire || this.needs(p.type)) || (m.additional !== null && m.additional !== "free" && this.needs(m.additional));
    } else if (m?.kind === "union") needs = m.variants.some((v) => this.needs(v));
    else if (m?.kind === "alias") needs = this.needs(m.type);
    this.memo.set(name, needs);
    return needs;
  }

  needs(t: TypeRef): boolean {
    switch (t.kind) {
      case "model":
        return this.modelNeeds(t.name);
      case "array":
        return this.needs(t.items);
      case "map":
        return t.values !== null && this.needs(t.values);
      case "union":
        return t.variants.some((v) => this.needs(v));
      default:
        return false;
    }
  }

  // Tuples (e.g. [identifier, type]) pass through unchanged: their items are positional, not keyed.

  /** An expression evaluating to a Codec for `t`, or undefined when values pass unchanged. */
  codecExpr(t: TypeRef, codecs = "C", kit = "K"): Expr | undefined {
    if (!this.needs(t)) return undefined;
    const of = (inner: TypeRef): Expr => arrow(this.codecExpr(inner, codecs, kit) as Expr);
    switch (t.kind) {
      case "model":
        return name(codecs ? `${codecs}.${tsTypeName(t.name)}` : tsTypeName(t.name));
      case "array":
        return pureCall(`${kit}.array`, [of(t.items)]);
      case "map":
        return pureCall(`${kit}.record`, [of(t.values as TypeRef)]);
      case "union":
        return pureCall(`${kit}.union`, [array(t.variants.filter((v) => this.needs(v)).map(of))]);
      default:
        return undefined;
    }
  }
}
