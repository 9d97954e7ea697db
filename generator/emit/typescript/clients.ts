// The generated client class of a service: one overloaded method per SDK method,
// each a one-line call into the runtime with its MethodSpec.
import type { IR, Model, Operation, SdkMethod, Service } from "../../ir/types.js";
import { docText, tsMethodName, tsVariable } from "./naming.js";
import { methodDocs, returnType, slotType } from "./signatures.js";
import type { ModuleFile } from "./module-file.js";
import { abstractClass, body, signature, type Method } from "./print/declarations.js";
import { call, name } from "./print/expressions.js";
import { lit, ref, typeDoc } from "./print/types.js";

export function emitClient(file: ModuleFile, service: Service, ir: IR, className: string, paramsTypes: Map<string, string>): void {
  const models = new Map(ir.models.map((m) => [m.name, m] as const));
  const methods: (Method & { name: string })[] = [];
  for (const op of service.operations) for (const m of op.methods) methods.push(method(op, m, models, paramsTypes.get(op.name)));
  file.block(abstractClass(className, ref("BaseClient", lit(service.name)), docText(`Every operation of the ${service.title}, generated from ${service.source}.`), methods));
}

function method(op: Operation, m: SdkMethod, models: Map<string, Model>, paramsType: string | undefined): Method & { name: string } {
  const returns = returnType(op, m, models);
  const params = paramsType && `P.${paramsType}`;
  const overloads = m.forms.map((form, index) => ({
    doc: methodDocs(op, m, index > 0),
    signature: signature(
      form.map((slot, i) => ({ name: tsVariable(slot.param), type: slotType(slot, op, form, params), optional: slot.optional && form.slice(i + 1).every((s) => s.optional) })),
      returns,
    ),
  }));
  const run = call(`this.${m.kind === "stream" ? "_stream" : "_call"}`, [name(`methods.${tsMethodName(m.name)}`), name("args")]);
  return {
    name: tsMethodName(m.name),
    overloads,
    implementation: [signature([{ name: "args", rest: true, type: { kind: "other", doc: "unknown[]" } }], returns), body([["return ", run.doc, " as ", typeDoc(returns), ";"]])],
  };
}
