// What the methods and functions of a service look like to callers: the named params
// interface of each operation, the type of each calling-form slot, the return type and
// the JSDoc. Shared by the client classes (clients.ts) and the functions (functions.ts).
import type { Model, Operation, Param, SdkMethod, Slot } from "../../ir/types.js";
import { docText, tsKey, tsTypeName } from "./naming.js";
import { tsType } from "./type-expr.js";
import { intersection, keyword, lit, ref, union, type Member, type TypeDoc } from "./print/types.js";

/** Parameters a caller passes (those with a fixed value are sent by the runtime). */
export const exposedParams = (op: Operation): Param[] => op.params.filter((p) => p.fixed === undefined);

/** Members of the operation's params object: its query, header and body fields, and userId (X-Muxi-User-ID). */
export interface ParamsShape {
  fields: Param[];
  userId: boolean;
}

export function paramsShape(op: Operation): ParamsShape {
  const fields = exposedParams(op).filter((p) => p.in !== "path");
  return { fields, userId: op.userId !== "none" && !fields.some((p) => p.name === "userId") };
}

/**
 * `<Operation>Params` for every operation with a params object, named apart from the models
 * (both are exported from the package).
 */
export function paramsTypeNames(operations: Operation[], models: Model[]): Map<string, string> {
  const taken = new Set(models.map((m) => tsTypeName(m.name)));
  const names = new Map<string, string>();
  for (const op of operations) {
    const shape = paramsShape(op);
    if (shape.fields.length === 0 && !shape.userId) continue;
    const base = op.name.charAt(0).toUpperCase() + op.name.slice(1);
    let name = tsTypeName(`${base}Params`);
    for (let i = 2; taken.has(name); i++) name = `${base}Params${i}`;
    taken.add(name);
    names.set(op.name, name);
  }
  return names;
}

export function fieldMember(p: Param): Member & { jsdoc?: string } {
  return { key: tsKey(p.name), type: tsType(p.type, "input", "T."), optional: !p.required, jsdoc: p.description ? docText(p.description) : undefined };
}

export const USER_ID_DOC = "Sent as X-Muxi-User-ID.";

function inlineField(p: Param): Member {
  const doc = p.description ? `/** ${docText(p.description).replace(/\n/g, " ")} */` : undefined;
  return { key: tsKey(p.name), optional: !p.required, type: tsType(p.type, "input", "T."), doc };
}

/**
 * The TypeScript type of one slot of a calling form. `paramsType` is the operation's params
 * interface as the emitting module names it (e.g. `P.ChatParams`).
 */
export function slotType(slot: Slot, op: Operation, form: Slot[], paramsType: string | undefined): TypeDoc {
  if (slot.param === "options") return ref("RequestOptions");
  if (slot.param === "userId") return keyword("string");
  const exposed = exposedParams(op);
  if (slot.param === "params") {
    const positional = new Set(form.map((s) => s.param));
    const path = exposed.filter((p) => p.in === "path");
    // The object form (first slot, no path parameter positional) carries the path parameters too.
    const withPath = form[0] === slot && !path.some((p) => positional.has(p.name));
    const taken = paramsShape(op).fields.filter((p) => positional.has(p.name)).map((p) => lit(p.name));
    const parts: TypeDoc[] = [];
    if (paramsType) parts.push(taken.length ? ref("Omit", ref(paramsType), union(taken)) : ref(paramsType));
    if (withPath && path.length) parts.push({ kind: "object", members: path.filter((p) => !positional.has(p.name)).map(inlineField) });
    return parts.length ? intersection(parts) : { kind: "object", members: [] };
  }
  const p = exposed.find((q) => q.name === slot.param);
  return p ? tsType(p.type, "input", "T.") : keyword("unknown");
}

export function returnType(op: Operation, m: SdkMethod, models: Map<string, Model>): TypeDoc {
  if (m.kind === "stream" && op.stream) {
    if (op.stream.format === "chat") return ref("Stream", ref("ChatEvent"));
    const events = op.stream.events.filter((e) => e.name !== "error");
    if (op.stream.format === "named") return ref("Stream", union(events.map((e) => ref("NamedEvent", lit(e.name), tsType(e.type, "output", "T.")))));
    return ref("Stream", union(events.map((e) => tsType(e.type, "output", "T.")), keyword("unknown")));
  }
  const r = op.response;
  if (r.kind === "empty") return ref("Promise", keyword("void"));
  if (r.kind === "text") return ref("Promise", keyword("string"));
  if (r.kind === "binary") return ref("Promise", ref("Uint8Array"));
  const t = r.type ? tsType(r.type, "output", "T.") : keyword("unknown");
  const isObject = r.type?.kind === "model" && models.get(r.type.name)?.kind === "object";
  return ref("Promise", r.envelope && isObject ? ref("WithMeta", t) : t);
}

/**
 * A method's JSDoc. `brief` (the further overloads of a method: the first carries the description)
 * keeps the summary, the route and the tags; prettier's time grows with comment text, and a
 * description repeated on every overload roughly doubled it.
 */
export function methodDocs(op: Operation, m: SdkMethod, brief = false): string {
  const lines = [docText(op.summary)];
  if (op.description && !brief) lines.push("", docText(op.description));
  lines.push("", `\`${op.method} ${docText(op.path)}\`${m.kind === "stream" ? " (server-sent events)" : ""}`);
  if (m.alias) lines.push(`Another name of \`${m.kind === "stream" ? op.stream?.method : op.name}\`.`);
  if (m.deprecated) lines.push(m.alias ? "@deprecated Old name, kept for compatibility." : "@deprecated");
  return lines.join("\n");
}
