// The generated client class of a service: one overloaded method per SDK method,
// each a one-line call into the runtime with its MethodSpec.
import { Scope, StructureKind, type MethodDeclarationStructure, type OptionalKind, type MethodDeclarationOverloadStructure, type SourceFile } from "ts-morph";
import type { IR, Model, Operation, Param, SdkMethod, Service, Slot } from "../../ir/types.js";
import { docText, tsKey, tsMethodName, tsVariable } from "./naming.js";
import { tsType } from "./type-expr.js";

export function emitClient(file: SourceFile, service: Service, ir: IR, className: string): void {
  const models = new Map(ir.models.map((m) => [m.name, m] as const));
  const methods: OptionalKind<MethodDeclarationStructure>[] = [];
  for (const op of service.operations) for (const m of op.methods) methods.push(method(op, m, models));
  file.addClass({
    name: className,
    isExported: true,
    isAbstract: true,
    extends: "BaseClient",
    docs: [docText(`Every operation of the ${service.title}, generated from ${service.source}.`)],
    methods,
  });
}

function method(op: Operation, m: SdkMethod, models: Map<string, Model>): OptionalKind<MethodDeclarationStructure> {
  const returns = returnType(op, m, models);
  const overloads: OptionalKind<MethodDeclarationOverloadStructure>[] = m.forms.map((form) => ({
    parameters: form.map((slot, i) => ({ name: tsVariable(slot.param), type: slotType(slot, op, form), hasQuestionToken: slot.optional && form.slice(i + 1).every((s) => s.optional) })),
    returnType: returns,
    docs: docs(op, m),
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

function docs(op: Operation, m: SdkMethod): string[] {
  const lines = [docText(op.summary)];
  if (op.description) lines.push("", docText(op.description));
  lines.push("", `\`${op.method} ${docText(op.path)}\`${m.kind === "stream" ? " (server-sent events)" : ""}`);
  if (m.alias) lines.push(`Another name of \`${m.kind === "stream" ? op.stream?.method : op.name}\`.`);
  if (m.deprecated) lines.push(m.alias ? "@deprecated Old name, kept for compatibility." : "@deprecated");
  return [lines.join("\n")];
}

function slotType(slot: Slot, op: Operation, form: Slot[]): string {
  if (slot.param === "options") return "RequestOptions";
  if (slot.param === "userId") return "string";
  const exposed = op.params.filter((p) => p.fixed === undefined);
  if (slot.param === "params") {
    const positional = new Set(form.map((s) => s.param));
    // The object form (first slot) carries the path parameters and userId too.
    const all = form[0] === slot && !exposed.filter((p) => p.in === "path").some((p) => positional.has(p.name));
    const fields = exposed.filter((p) => (all || p.in !== "path") && !positional.has(p.name));
    const members = fields.map((p) => field(p));
    if (all && op.userId !== "none") members.push(`/** Sent as X-Muxi-User-ID. */ userId${op.userId === "required" ? "" : "?"}: string`);
    return `{ ${members.join("; ")} }`;
  }
  const p = exposed.find((q) => q.name === slot.param);
  return p ? tsType(p.type, "input", "T.") : "unknown";
}

function field(p: Param): string {
  const doc = p.description ? `/** ${docText(p.description).replace(/\n/g, " ")} */ ` : "";
  return `${doc}${tsKey(p.name)}${p.required ? "" : "?"}: ${tsType(p.type, "input", "T.")}`;
}

function returnType(op: Operation, m: SdkMethod, models: Map<string, Model>): string {
  if (m.kind === "stream" && op.stream) {
    if (op.stream.format === "chat") return "Stream<ChatEvent>";
    const events = op.stream.events.filter((e) => e.name !== "error");
    if (op.stream.format === "named") {
      return `Stream<${events.map((e) => `NamedEvent<${JSON.stringify(e.name)}, ${tsType(e.type, "output", "T.")}>`).join(" | ") || "never"}>`;
    }
    return `Stream<${events.map((e) => tsType(e.type, "output", "T.")).join(" | ") || "unknown"}>`;
  }
  const r = op.response;
  if (r.kind === "empty") return "Promise<void>";
  if (r.kind === "text") return "Promise<string>";
  if (r.kind === "binary") return "Promise<Uint8Array>";
  const t = r.type ? tsType(r.type, "output", "T.") : "unknown";
  const isObject = r.type?.kind === "model" && models.get(r.type.name)?.kind === "object";
  return r.envelope && isObject ? `Promise<WithMeta<${t}>>` : `Promise<${t}>`;
}
