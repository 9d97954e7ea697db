// Turns a method's JS arguments into wire pieces, using the method's calling
// forms (forms.ts). Decisions:
// - Trailing `undefined` arguments are dropped before matching, so `f(a, undefined)`
//   behaves like `f(a)`.
// - The first form whose slots all match wins; if none matches strictly, the first
//   form that matches when `undefined` may stand in any slot is used, so a missing
//   required value is reported by name (ValidationError) instead of "no form".
// - Keys of a params object that name no parameter are ignored (strict, no pass-through).
// - Required parameters are checked here, before anything is sent; a parameter with
//   a `fixed` value is filled in by the runtime and never taken from the caller.

import { ValidationError } from "./errors.js";
import { formsOf } from "./forms.js";
import type { MethodSpec, ParamSpec, Slot, ValueKind } from "./operation.js";
import type { RequestOptions } from "./options.js";

export interface BoundCall {
  pathValues: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
  /** X-Muxi-User-ID given as an argument or params field (wins over options/client). */
  userId?: string;
  options: RequestOptions;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

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
  const forms = all.map(
    (f) => `${m.name}(${f.map((s) => s.param + (s.optional ? "?" : "")).join(", ")})`,
  );
  throw new ValidationError(
    `${m.name}: arguments (${args.map(describe).join(", ")}) match none of: ${forms.join(" | ")}`,
  );
}

function encoded(p: ParamSpec, v: unknown): unknown {
  return p.encode ? p.encode(v) : v;
}

function mergeSelect(bound: BoundCall, select: MethodSpec["op"]["plainSelect"]): void {
  if (!select) return;
  if (select.query) Object.assign(bound.query, select.query);
  if (select.body) {
    bound.body = isPlainObject(bound.body)
      ? { ...bound.body, ...select.body }
      : (bound.body ?? { ...select.body });
  }
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

  const bound: BoundCall = { pathValues: {}, query: {}, headers: {}, options };
  let body: Record<string, unknown> | undefined;
  for (const p of m.op.params) {
    // A value fixed by the spec (e.g. confirm=clear-audit-log) is always sent, whatever the caller passed.
    const v = p.fixed !== undefined ? p.fixed : values.get(p.name);
    if (v === undefined || v === null) {
      if (p.required) throw new ValidationError(`${m.name}: missing required parameter "${p.name}"`);
      continue;
    }
    switch (p.in) {
      case "path":
        bound.pathValues[p.wire] = String(v);
        break;
      case "query":
        bound.query[p.wire] = encoded(p, v);
        break;
      case "header":
        bound.headers[p.wire] = String(encoded(p, v));
        break;
      case "body":
        if (p.whole) bound.body = encoded(p, v);
        else (body ??= {})[p.wire] = encoded(p, v);
        break;
    }
  }
  if (body) bound.body = isPlainObject(bound.body) ? { ...bound.body, ...body } : body;
  if (bound.body === undefined && m.op.body?.kind === "json" && m.op.body.required) bound.body = {};
  if (userId !== undefined) bound.userId = userId;
  mergeSelect(bound, m.stream ? m.stream.select : m.op.plainSelect);
  return bound;
}
