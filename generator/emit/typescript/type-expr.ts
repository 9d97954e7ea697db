// IR types → TypeScript type text and converter expressions.
import type { Model, TypeRef } from "../../ir/types.js";
import { tsTypeName } from "./naming.js";

export type Direction = "input" | "output";

/** TS type of `t`; `models` is the module alias models are reached through ("" when in the same module). */
export function tsType(t: TypeRef, dir: Direction, ns = ""): string {
  const base = ((): string => {
    switch (t.kind) {
      case "model":
        return ns + tsTypeName(t.name);
      case "primitive":
        return t.type === "integer" ? "number" : t.type;
      case "literal":
        return JSON.stringify(t.value);
      case "enum":
        return t.values.map((v) => JSON.stringify(v)).join(" | ") || "never";
      case "array":
        return `Array<${tsType(t.items, dir, ns)}>`;
      case "tuple":
        return `[${t.items.map((i) => tsType(i, dir, ns)).join(", ")}]`;
      case "map":
        return `Record<string, ${t.values ? tsType(t.values, dir, ns) : "unknown"}>`;
      case "union":
        return t.variants.map((v) => tsType(v, dir, ns)).join(" | ") || "unknown";
      case "binary":
        return dir === "input" ? "Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>" : "Uint8Array";
    }
  })();
  return t.nullable && base !== "null" ? `${base} | null` : base;
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
  codecExpr(t: TypeRef, codecs = "C", kit = "K"): string | undefined {
    if (!this.needs(t)) return undefined;
    switch (t.kind) {
      case "model":
        return codecs ? `${codecs}.${tsTypeName(t.name)}` : tsTypeName(t.name);
      case "array":
        return `/* @__PURE__ */ ${kit}.array(() => ${this.codecExpr(t.items, codecs, kit)})`;
      case "map":
        return `/* @__PURE__ */ ${kit}.record(() => ${this.codecExpr(t.values as TypeRef, codecs, kit)})`;
      case "union": {
        const parts = t.variants.map((v) => this.codecExpr(v, codecs, kit)).filter(Boolean);
        return `/* @__PURE__ */ ${kit}.union([${parts.map((p) => `() => ${p}`).join(", ")}])`;
      }
      default:
        return undefined;
    }
  }
}
