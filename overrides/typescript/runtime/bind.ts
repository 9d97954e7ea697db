// Turns a method's JS arguments into wire pieces, using the method's calling
// forms (forms.ts). Decisions:
// - Trailing `undefined` arguments are dropped before matching, so `f(a, undefined)`
//   behaves like `f(a)`.
// - The first form whose slots all match wins; if none matches strictly, the first
//   form that matches when `undefined` may stand in any slot is used, so a missing
//   required value is reported by name (ValidationError) instead of "no form".
// - Keys of a params object that name no parameter are ignored (strict, no pass-through).

import { bindValues, isPlainObject, type BoundCall } from "./bind-values.js";
import { ValidationError } from "./errors.js";
import { formsOf } from "./forms.js";
import type { MethodSpec, Slot, ValueKind } from "./operation.js";
import type { RequestOptions } from "./options.js";

export type { BoundCall } from "./bind-values.js";

function kindMatches(kind: ValueKind, v: unknown): boolean {
  switch (kind) {
    case "string":
      return typeof v === "string";
    case "number":
      return typeof v === "number";
    case "boolean":
      return typeof v === "boolean";
    case "array":
      return Array.isArray(v);
    case "object":
      return isPlainObject(v);
    default:
      return true;
  }
}

function slotMatches(slot: Slot, v: unknown, lenient: boolean): boolean {
  if (v === undefined) return slot.optional || lenient;
  if (slot.param === "options") return isPlainObject(v);
  if (slot.param === "userId") return typeof v === "string" || v === null;
  return kindMatches(slot.kind, v);
}

function formMatches(form: readonly Slot[], args: readonly unknown[], lenient: boolean): boolean {
  if (args.length > form.length) return false;
  for (let i = 0; i < form.length; i++) if (!slotMatches(form[i]!, args[i], lenient)) return false;
  return true;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function pickForm(m: MethodSpec, args: readonly unknown[]): readonly Slot[] {
  const all = formsOf(m);
  for (const f of all) if (formMatches(f, args, false)) return f;
  for (const f of all) if (formMatches(f, args, true)) return f;
  const forms = all.map((f) => `${m.name}(${f.map((s) => s.param + (s.optional ? "?" : "")).join(", ")})`);
  throw new ValidationError(
    `${m.name}: arguments (${args.map(describe).join(", ")}) match none of: ${forms.join(" | ")}`,
  );
}

export function bindArgs(m: MethodSpec, args: readonly unknown[]): BoundCall {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  const given = n === args.length ? args : args.slice(0, n);
  const form = pickForm(m, given);

  const values = new Map<string, unknown>();
  let options: RequestOptions = {};
  let userId: string | undefined;
  form.forEach((slot, i) => {
    const v = given[i];
    if (v === undefined) return;
    if (slot.param === "options") options = v as RequestOptions;
    else if (slot.param === "userId") userId = v === null ? undefined : (v as string);
    else if (slot.param === "params") {
      const params = v as Record<string, unknown>;
      for (const p of m.op.params)
        if (params[p.name] !== undefined && !values.has(p.name)) values.set(p.name, params[p.name]);
      if (typeof params.userId === "string") userId ??= params.userId;
    } else values.set(slot.param, v);
  });
  return bindValues(m, values, userId, options);
}
