// Public models: one interface or type alias per IR model, camelCase members.
import type { Model, Property } from "../../ir/types.js";
import { docText, tsKey, tsTypeName } from "./naming.js";
import { tsType } from "./type-expr.js";
import type { ModuleFile } from "./module-file.js";
import { interfaceDecl, typeAlias } from "./print/declarations.js";
import { keyword, lit, union } from "./print/types.js";

export function emitModels(file: ModuleFile, models: Model[]): void {
  const aliases = [];
  for (const m of models) {
    const doc = modelDocs(m);
    if (m.kind === "object") {
      file.block(
        interfaceDecl({
          name: tsTypeName(m.name),
          doc,
          members: m.properties.map((p) => ({ key: tsKey(p.name), type: tsType(p.type, "output"), optional: !p.required, jsdoc: propertyDocs(p) })),
          index: m.additional !== null ? keyword("unknown") : undefined,
        }),
      );
    } else {
      const type =
        m.kind === "enum" ? union(m.values.map((v) => lit(v)), keyword("unknown")) : m.kind === "union" ? union(m.variants.map((v) => tsType(v, "output")), keyword("unknown")) : tsType(m.type, "output");
      aliases.push(typeAlias(tsTypeName(m.name), type, doc));
    }
  }
  for (const a of aliases) file.statement(a);
  if (models.length === 0) file.statement("export {};"); // still a module when the spec has no schemas
}

function modelDocs(m: Model): string | undefined {
  return [docText(m.description), m.deprecated ? "@deprecated" : ""].filter(Boolean).join("\n") || undefined;
}

function propertyDocs(p: Property): string | undefined {
  const parts = [docText(p.description)];
  if (p.wire !== p.name) parts.push(`Wire name: \`${docText(p.wire)}\`.`);
  if (p.default !== undefined) parts.push(`@defaultValue ${docText(JSON.stringify(p.default))}`);
  if (p.deprecated) parts.push("@deprecated");
  return parts.filter(Boolean).join("\n") || undefined;
}
