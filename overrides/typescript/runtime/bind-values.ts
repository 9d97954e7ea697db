// From a call's values to its wire pieces: the part shared by the client classes
// (which first match the arguments against the calling forms, bind.ts) and the
// functions (whose one form is fixed: path parameters, then params, then options).
// Required parameters are checked here, before anything is sent; a parameter with a
// `fixed` value is filled in by the runtime and never taken from the caller.

import { ValidationError } from "./errors.js";
import type { MethodSpec, ParamSpec } from "./operation.js";
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

export function bindValues(
  m: MethodSpec,
  values: ReadonlyMap<string, unknown>,
  userId: string | undefined,
  options: RequestOptions,
): BoundCall {
  const bound: BoundCall = { pathValues: {}, query: {}, headers: {}, options };
  let body: Record<string, unknown> | undefined;
  for (const p of m.op.params) {
    // A value fixed by the spec (e.g. confirm=clear-audit-log) is always sent, whatever the caller passed.
    const v = p.fixed !== undefined ? p.fixed : values.get(p.name);
    if (v === undefined || v === null) {
      if (p.required) throw new ValidationError(`${m.name}: missing required parameter "${p.name}"`);
      continue;
    }
    const wire = p.wire ?? p.name;
    switch (p.in) {
      case "path":
        bound.pathValues[wire] = String(v);
        break;
      case "query":
        bound.query[wire] = encoded(p, v);
        break;
      case "header":
        bound.headers[wire] = String(encoded(p, v));
        break;
      case "body":
        if (p.whole) bound.body = encoded(p, v);
        else (body ??= {})[wire] = encoded(p, v);
        break;
    }
  }
  if (body) bound.body = isPlainObject(bound.body) ? { ...bound.body, ...body } : body;
  if (bound.body === undefined && m.op.body?.kind === "json" && m.op.body.required) bound.body = {};
  if (userId !== undefined) bound.userId = userId;
  mergeSelect(bound, m.stream ? m.stream.select : m.op.plainSelect);
  return bound;
}

/** `fn(...pathParams, params?, options?)`: the one calling form of the functions. */
export function bindDefault(m: MethodSpec, args: readonly unknown[]): BoundCall {
  const values = new Map<string, unknown>();
  let i = 0;
  let hasOthers = false;
  for (const p of m.op.params) {
    if (p.fixed !== undefined) continue;
    if (p.in === "path") values.set(p.name, args[i++]);
    else hasOthers = true;
  }
  let userId: string | undefined;
  const params = hasOthers ? args[i++] : undefined;
  if (isPlainObject(params)) {
    for (const p of m.op.params)
      if (p.in !== "path" && params[p.name] !== undefined) values.set(p.name, params[p.name]);
    if (typeof params.userId === "string") userId = params.userId;
  }
  return bindValues(m, values, userId, (args[i] as RequestOptions | undefined) ?? {});
}
