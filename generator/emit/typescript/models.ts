// Public models: one interface or type alias per IR model, camelCase members.
import { StructureKind, type InterfaceDeclarationStructure, type TypeAliasDeclarationStructure } from "ts-morph";
import type { Model, Property } from "../../ir/types.js";
import { docText, tsKey, tsTypeName } from "./naming.js";
import { tsType } from "./type-expr.js";
import type { StructureFile } from "./structure-file.js";

export function emitModels(file: StructureFile, models: Model[]): void {
  const interfaces: InterfaceDeclarationStructure[] = [];
  const aliases: TypeAliasDeclarationStructure[] = [];
  for (const m of models) {
    const docs = modelDocs(m);
    if (m.kind === "object") {
      interfaces.push({
        kind: StructureKind.Interface,
        name: tsTypeName(m.name),
        isExported: true,
        docs,
        properties: m.properties.map((p) => ({
          name: tsKey(p.name),
          type: tsType(p.type, "output"),
          hasQuestionToken: !p.required,
          isReadonly: false,
          docs: propertyDocs(p),
        })),
        ...(m.additional !== null ? { indexSignatures: [{ keyName: "key", keyType: "string", returnType: "unknown" }] } : {}),
      });
    } else {
      const type =
        m.kind === "enum"
          ? m.values.map((v) => JSON.stringify(v)).join(" | ")
          : m.kind === "union"
            ? m.variants.map((v) => tsType(v, "output")).join(" | ")
            : tsType(m.type, "output");
      aliases.push({ kind: StructureKind.TypeAlias, name: tsTypeName(m.name), isExported: true, type: type || "unknown", docs });
    }
  }
  file.addInterfaces(interfaces);
  file.addTypeAliases(aliases);
  if (models.length === 0) file.addExportDeclaration({}); // still a module when the spec has no schemas
}

function modelDocs(m: Model): string[] {
  const text = [docText(m.description), m.deprecated ? "@deprecated" : ""].filter(Boolean).join("\n");
  return text ? [text] : [];
}

function propertyDocs(p: Property): string[] {
  const parts = [docText(p.description)];
  if (p.wire !== p.name) parts.push(`Wire name: \`${docText(p.wire)}\`.`);
  if (p.default !== undefined) parts.push(`@defaultValue ${docText(JSON.stringify(p.default))}`);
  if (p.deprecated) parts.push("@deprecated");
  const text = parts.filter(Boolean).join("\n");
  return text ? [text] : [];
}
