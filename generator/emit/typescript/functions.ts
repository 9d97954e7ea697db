// The functions of a service (`@muxi/sdk/formation`, `@muxi/sdk/server`): one per SDK method,
// `fn(client, ...pathParams, params?, options?)`. Each refers only to its own MethodSpec, so a
// bundler keeps the operations an app calls and drops the rest.
import type { IR, Operation, SdkMethod, Service } from "../../ir/types.js";
import { specConst } from "./methods.js";
import { tsVariable } from "./naming.js";
import { exposedParams, methodDocs, paramsShape, returnType } from "./signatures.js";
import { tsType } from "./type-expr.js";
import type { ModuleFile } from "./module-file.js";
import type { Doc } from "./print/doc.js";
import { functionDecl, signature, type Parameter } from "./print/declarations.js";
import { array, call, name } from "./print/expressions.js";
import { lit, ref, typeDoc } from "./print/types.js";

/** Names the function body uses for itself; a path parameter with one of them is renamed. */
const OWN = new Set(["client", "params", "options"]);

export function emitFunctions(file: ModuleFile, service: Service, ir: IR, paramsTypes: Map<string, string>): void {
  const models = new Map(ir.models.map((m) => [m.name, m] as const));
  // Old aliases are the classes' compatibility surface; the functions are new and have one name each.
  for (const op of service.operations) for (const m of op.methods) if (!m.alias) file.block(fn(op, m, service, models, paramsTypes.get(op.name)));
}

function fn(op: Operation, m: SdkMethod, service: Service, models: Parameters<typeof returnType>[2], paramsType: string | undefined): Doc {
  const returns = returnType(op, m, models);
  const path = exposedParams(op).filter((p) => p.in === "path");
  const fields = paramsShape(op).fields;
  const parameters: Parameter[] = [{ name: "client", type: ref("Connection", lit(service.name)) }];
  for (const p of path) parameters.push({ name: variable(p.name), type: tsType(p.type, "input", "T.") });
  if (fields.length > 0) parameters.push({ name: "params", type: paramsType ? ref(`P.${paramsType}`) : { kind: "object", members: [] }, optional: !fields.some((p) => p.required) });
  parameters.push({ name: "options", type: ref("RequestOptions"), optional: true });
  const run = call(m.kind === "stream" ? "streamFn" : "callFn", [name("client"), name(`M.${specConst(m)}`), array(parameters.slice(1).map((p) => name(p.name)))]);
  return functionDecl(tsVariable(m.name), methodDocs(op, m), signature(parameters, returns), [["return ", run.doc, " as ", typeDoc(returns), ";"]]);
}

const variable = (name: string): string => (OWN.has(name) ? `${name}_` : tsVariable(name));
