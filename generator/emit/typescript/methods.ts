// The MethodSpec table of a service: every SDK method as data the runtime interprets.
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { Operation, Param, SdkMethod, Service } from "../../ir/types.js";
import { tsMethodName } from "./naming.js";
import type { ConversionPlanner } from "./type-expr.js";
import type { StructureFile } from "./structure-file.js";

export function emitMethodTable(file: StructureFile, service: Service, planner: ConversionPlanner): void {
  // `as const`: the checks at the end see each parameter's names and place.
  const ops = service.operations.map((op) => ({
    kind: StructureKind.VariableStatement as const,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: opConst(op), initializer: `${operationLiteral(op, planner)} as const satisfies OperationSpec` }],
  }));
  file.addVariableStatements(ops);
  // One exported constant per method, so a function that uses one keeps only that one in a bundle.
  const specs = service.operations.flatMap((op) => op.methods.map((m) => ({ m, literal: methodLiteral(op, m, planner) })));
  file.addVariableStatements(
    specs.map(({ m, literal }) => ({
      kind: StructureKind.VariableStatement as const,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: specConst(m), type: "MethodSpec", initializer: literal }],
    })),
  );
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: "methods", initializer: `{ ${specs.map(({ m }) => `${tsMethodName(m.name)}: ${specConst(m)}`).join(",\n")} }` }],
  });
  file.addImportDeclarations([
    { moduleSpecifier: `./wire/${service.name}.js`, namedImports: [{ name: "paths", alias: WIRE_PATHS }], isTypeOnly: true },
    { moduleSpecifier: "../runtime/wire-check.js", namedImports: ["WireChecked"], isTypeOnly: true },
  ]);
  file.addTypeAliases([
    {
      isExported: true,
      name: "WireChecks",
      docs: ["Compile time only: each operation's route, method and parameter wire names, as openapi-typescript reads the spec."],
      type: `[${service.operations.map((op) => `WireChecked<${WIRE_PATHS}, typeof ${opConst(op)}>`).join(", ")}]`,
    },
  ]);
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

function operationLiteral(op: Operation, planner: ConversionPlanner): string {
  const fields: string[] = [
    `id: ${JSON.stringify(op.name)}`,
    `method: ${JSON.stringify(op.method)}`,
    `path: ${JSON.stringify(op.path)}`,
    `params: [${op.params.map((p) => paramLiteral(p, planner)).join(", ")}]`,
  ];
  if (op.body) fields.push(`body: { kind: ${JSON.stringify(op.body.kind)}, contentType: ${JSON.stringify(op.body.contentType)}, required: ${op.body.required}, encode: ${BODY_ENCODERS[op.body.kind]} }`);
  // Schemes the runtime does not implement (bearer, OAuth…) are left to the caller's headers.
  fields.push(`auth: ${JSON.stringify(op.auth.filter((a) => RUNTIME_SCHEMES.has(a)))}`, `userId: ${JSON.stringify(op.userId)}`, `idempotent: ${op.idempotent}`);
  if (op.plainSelect) fields.push(`plainSelect: ${JSON.stringify(op.plainSelect)}`);
  return `{ ${fields.join(", ")} }`;
}

/** Fields at their runtime default (wire = name, required false, kind "string") are left out. */
function paramLiteral(p: Param, planner: ConversionPlanner): string {
  const encode = planner.codecExpr(p.type);
  const parts = [`name: ${JSON.stringify(p.name)}`];
  if (p.wire !== p.name) parts.push(`wire: ${JSON.stringify(p.wire)}`);
  parts.push(`in: ${JSON.stringify(p.in)}`);
  if (p.required) parts.push("required: true");
  if (p.kind !== "string") parts.push(`kind: ${JSON.stringify(p.kind)}`);
  if (encode) parts.push(`encode: /* @__PURE__ */ K.encoder(${encode})`);
  if (p.whole) parts.push("whole: true");
  if (p.fixed !== undefined) parts.push(`fixed: ${JSON.stringify(p.fixed)}`);
  return `{ ${parts.join(", ")} }`;
}

function methodLiteral(op: Operation, m: SdkMethod, planner: ConversionPlanner): string {
  const parts = [`name: ${JSON.stringify(m.name)}`, `op: ${opConst(op)}`];
  if (m.kind === "stream" && op.stream) {
    // The chat step reads only `ui` frames through a decoder (it normalises the tokens itself).
    const decoders = op.stream.events
      .filter((e) => op.stream!.format !== "chat" || e.name === "ui")
      .map((e) => [e.name, planner.codecExpr(e.type)] as const)
      .filter(([, c]) => c !== undefined)
      .map(([name, c]) => `${JSON.stringify(name)}: /* @__PURE__ */ K.decoder(${c})`);
    const stream = [`step: ${STEPS[op.stream.format]}`];
    if (op.stream.select) stream.push(`select: ${JSON.stringify(op.stream.select)}`);
    if (decoders.length) stream.push(`decode: { ${decoders.join(", ")} }`);
    parts.push(`stream: { ${stream.join(", ")} }`);
  } else {
    const decode = op.response.type ? planner.codecExpr(op.response.type) : undefined;
    parts.push(`response: { kind: ${JSON.stringify(op.response.kind)}, envelope: ${op.response.envelope}${decode ? `, decode: /* @__PURE__ */ K.decoder(${decode})` : ""} }`);
  }
  // Only the old positional forms: the runtime derives the others from the params (runtime/forms.ts).
  // Slot names, "?" for optional: the runtime (forms.ts) knows the kinds from the names and params.
  if (m.legacy.length > 0) parts.push(`legacy: ${JSON.stringify(m.legacy.map((form) => form.map((s) => s.param + (s.optional ? "?" : ""))))}`);
  return `{ ${parts.join(", ")} }`;
}
