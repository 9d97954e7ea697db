// The generated client class of a service: one overloaded method per SDK method,
// each a one-line call into the runtime with its MethodSpec.
import { Scope, StructureKind, type MethodDeclarationStructure, type OptionalKind, type MethodDeclarationOverloadStructure } from "ts-morph";
import type { IR, Model, Operation, SdkMethod, Service } from "../../ir/types.js";
import { docText, tsMethodName, tsVariable } from "./naming.js";
import { methodDocs, returnType, slotType } from "./signatures.js";
import type { StructureFile } from "./structure-file.js";

export function emitClient(file: StructureFile, service: Service, ir: IR, className: string, paramsTypes: Map<string, string>): void {
  const models = new Map(ir.models.map((m) => [m.name, m] as const));
  const methods: OptionalKind<MethodDeclarationStructure>[] = [];
  for (const op of service.operations) for (const m of op.methods) methods.push(method(op, m, models, paramsTypes.get(op.name)));
  file.addClass({
    name: className,
    isExported: true,
    isAbstract: true,
    extends: `BaseClient<${JSON.stringify(service.name)}>`,
    docs: [docText(`Every operation of the ${service.title}, generated from ${service.source}.`)],
    methods,
  });
}

function method(op: Operation, m: SdkMethod, models: Map<string, Model>, paramsType: string | undefined): OptionalKind<MethodDeclarationStructure> {
  const returns = returnType(op, m, models);
  const params = paramsType && `P.${paramsType}`;
  const overloads: OptionalKind<MethodDeclarationOverloadStructure>[] = m.forms.map((form, index) => ({
    parameters: form.map((slot, i) => ({ name: tsVariable(slot.param), type: slotType(slot, op, form, params), hasQuestionToken: slot.optional && form.slice(i + 1).every((s) => s.optional) })),
    returnType: returns,
    docs: [methodDocs(op, m, index > 0)],
  }));
  const call = m.kind === "stream" ? "_stream" : "_call";
  return {
    kind: StructureKind.Method,
    name: tsMethodName(m.name),
    scope: Scope.Public,
    overloads,
    parameters: [{ name: "args", isRestParameter: true, type: "unknown[]" }],
    returnType: returns,
    statements: `return this.${call}(methods.${tsMethodName(m.name)}, args) as ${returns};`,
  };
}
