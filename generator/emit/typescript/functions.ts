// The functions of a service (`@muxi/sdk/formation`, `@muxi/sdk/server`): one per SDK method,
// `fn(client, ...pathParams, params?, options?)`. Each refers only to its own MethodSpec, so a
// bundler keeps the operations an app calls and drops the rest.
import { StructureKind, type FunctionDeclarationStructure } from "ts-morph";
import type { IR, Operation, SdkMethod, Service } from "../../ir/types.js";
import { specConst } from "./methods.js";
import { tsVariable } from "./naming.js";
import { exposedParams, methodDocs, paramsShape, returnType } from "./signatures.js";
import { tsType } from "./type-expr.js";
import type { StructureFile } from "./structure-file.js";

/** Names the function body uses for itself; a path parameter with one of them is renamed. */
const OWN = new Set(["client", "params", "options"]);

export function emitFunctions(file: StructureFile, service: Service, ir: IR, paramsTypes: Map<string, string>): void {
  const models = new Map(ir.models.map((m) => [m.name, m] as const));
  const functions: FunctionDeclarationStructure[] = [];
  // Old aliases are the classes' compatibility surface; the functions are new and have one name each.
  for (const op of service.operations) for (const m of op.methods) if (!m.alias) functions.push(fn(op, m, service, models, paramsTypes.get(op.name)));
  file.addFunctions(functions);
}

function fn(op: Operation, m: SdkMethod, service: Service, models: Parameters<typeof returnType>[2], paramsType: string | undefined): FunctionDeclarationStructure {
  const returns = returnType(op, m, models);
  const path = exposedParams(op).filter((p) => p.in === "path");
  const fields = paramsShape(op).fields;
  const parameters = [{ name: "client", type: `Connection<${JSON.stringify(service.name)}>` }];
  for (const p of path) parameters.push({ name: variable(p.name), type: tsType(p.type, "input", "T.") });
  const optional = { hasQuestionToken: true };
  if (fields.length > 0) parameters.push({ name: "params", type: paramsType ? `P.${paramsType}` : "{}", ...(fields.some((p) => p.required) ? {} : optional) });
  parameters.push({ name: "options", type: "RequestOptions", ...optional });
  const call = m.kind === "stream" ? "streamFn" : "callFn";
  return {
    kind: StructureKind.Function,
    name: tsVariable(m.name),
    isExported: true,
    docs: [methodDocs(op, m)],
    parameters,
    returnType: returns,
    statements: `return ${call}(client, M.${specConst(m)}, [${parameters.slice(1).map((p) => p.name).join(", ")}]) as ${returns};`,
  };
}

const variable = (name: string): string => (OWN.has(name) ? `${name}_` : tsVariable(name));
