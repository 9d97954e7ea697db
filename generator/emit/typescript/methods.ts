// The MethodSpec table of a service: every SDK method as data the runtime interprets.
import type { Operation, Param, SdkMethod, Service } from "../../ir/types.js";
import { tsMethodName } from "./naming.js";
import type { ConversionPlanner } from "./type-expr.js";
import type { ModuleFile } from "./module-file.js";
import { typeAlias } from "./print/declarations.js";
import { array, cast, constant, json, keyed, name, object, pureCall, value, type Expr } from "./print/expressions.js";
import { ref, type TypeDoc } from "./print/types.js";

export function emitMethodTable(file: ModuleFile, service: Service, planner: ConversionPlanner): void {
  // `as const`: the checks at the end see each parameter's names and place.
  for (const op of service.operations) file.statement(constant(false, opConst(op), undefined, cast(operationLiteral(op, planner), "const satisfies OperationSpec")));
  // One exported constant per method, so a function that uses one keeps only that one in a bundle.
  const methods = service.operations.flatMap((op) => op.methods.map((m) => ({ m, literal: methodLiteral(op, m, planner) })));
  for (const { m, literal } of methods) file.statement(constant(true, specConst(m), ref("MethodSpec"), literal));
  file.statement(constant(true, "methods", undefined, object(methods.map(({ m }) => [tsMethodName(m.name), name(specConst(m))]))));
  file.import({ from: `./wire/${service.name}.js`, typeOnly: true, names: [`paths as ${WIRE_PATHS}`] }, { from: "../runtime/wire-check.js", typeOnly: true, names: ["WireChecked"] });
  const checks: TypeDoc = { kind: "tuple", items: service.operations.map((op) => ref("WireChecked", ref(WIRE_PATHS), { kind: "other", doc: `typeof ${opConst(op)}` })) };
  file.statement(typeAlias("WireChecks", checks, "Compile time only: each operation's route, method and parameter wire names, as openapi-typescript reads the spec."));
}

/** What the table's module imports openapi-typescript's `paths` as (op_/spec_ names cannot clash with it). */
const WIRE_PATHS = "WirePaths";

/** The exported constant holding a method's MethodSpec. */
export const specConst = (m: SdkMethod): string => `spec_${m.name}`;

/** The runtime's SSE event → item function for each stream format (imported by the table's module). */
export const STEPS = { chat: "chatStep", named: "namedStep", data: "dataStep" } as const;

/** The runtime's encoder for each body kind (runtime/body.ts). */
export const BODY_ENCODERS = { json: "jsonBody", text: "textBody", binary: "binaryBody" } as const;

const RUNTIME_SCHEMES = new Set(["ClientKey", "AdminKey", "MuxiHmac"]);

const opConst = (op: Operation): string => `op_${op.name}`;

function operationLiteral(op: Operation, planner: ConversionPlanner): Expr {
  const fields: [string, Expr][] = [
    ["id", value(op.name)],
    ["method", value(op.method)],
    ["path", value(op.path)],
    ["params", array(op.params.map((p) => paramLiteral(p, planner)))],
  ];
  if (op.body) {
    const b = op.body;
    fields.push(["body", object([["kind", value(b.kind)], ["contentType", value(b.contentType)], ["required", value(b.required)], ["encode", name(BODY_ENCODERS[b.kind])]])]);
  }
  // Schemes the runtime does not implement (bearer, OAuth…) are left to the caller's headers.
  fields.push(["auth", array(op.auth.filter((a) => RUNTIME_SCHEMES.has(a)).map(value))], ["userId", value(op.userId)], ["idempotent", value(op.idempotent)]);
  if (op.plainSelect) fields.push(["plainSelect", json(op.plainSelect)]);
  return object(fields);
}

/** Fields at their runtime default (wire = name, required false, kind "string") are left out. */
function paramLiteral(p: Param, planner: ConversionPlanner): Expr {
  const encode = planner.codecExpr(p.type);
  const parts: [string, Expr][] = [["name", value(p.name)]];
  if (p.wire !== p.name) parts.push(["wire", value(p.wire)]);
  parts.push(["in", value(p.in)]);
  if (p.required) parts.push(["required", value(true)]);
  if (p.kind !== "string") parts.push(["kind", value(p.kind)]);
  if (encode) parts.push(["encode", pureCall("K.encoder", [encode])]);
  if (p.whole) parts.push(["whole", value(true)]);
  if (p.fixed !== undefined) parts.push(["fixed", json(p.fixed)]);
  return object(parts);
}

function methodLiteral(op: Operation, m: SdkMethod, planner: ConversionPlanner): Expr {
  const parts: [string, Expr][] = [["name", value(m.name)], ["op", name(opConst(op))]];
  if (m.kind === "stream" && op.stream) {
    // The chat step reads only `ui` frames through a decoder (it normalises the tokens itself).
    const decoders = op.stream.events
      .filter((e) => op.stream!.format !== "chat" || e.name === "ui")
      .map((e) => [e.name, planner.codecExpr(e.type)] as const)
      .filter((d): d is readonly [string, Expr] => d[1] !== undefined)
      .map(([event, c]): [string, Expr] => [event, pureCall("K.decoder", [c])]);
    const stream: [string, Expr][] = [["step", name(STEPS[op.stream.format])]];
    if (op.stream.select) stream.push(["select", json(op.stream.select)]);
    if (decoders.length) stream.push(["decode", object(keyed(decoders))]);
    parts.push(["stream", object(stream)]);
  } else {
    const decode = op.response.type ? planner.codecExpr(op.response.type) : undefined;
    const response: [string, Expr][] = [["kind", value(op.response.kind)], ["envelope", value(op.response.envelope)]];
    if (decode) response.push(["decode", pureCall("K.decoder", [decode])]);
    parts.push(["response", object(response)]);
  }
  // Only the old positional forms: the runtime derives the others from the params (runtime/forms.ts).
  // Slot names, "?" for optional: the runtime (forms.ts) knows the kinds from the names and params.
  if (m.legacy.length > 0) parts.push(["legacy", array(m.legacy.map((form) => array(form.map((s) => value(s.param + (s.optional ? "?" : ""))))))]);
  return object(parts);
}
