// `<Operation>Params`: one exported interface per operation with a params object, so the
// methods' overloads and the functions name it instead of repeating its fields inline.
import { StructureKind, type InterfaceDeclarationStructure } from "ts-morph";
import type { Operation } from "../../ir/types.js";
import { docText } from "./naming.js";
import { fieldMember, paramsShape, USER_ID_DOC } from "./signatures.js";
import type { StructureFile } from "./structure-file.js";

export function emitParams(file: StructureFile, operations: Operation[], names: Map<string, string>): void {
  const interfaces: InterfaceDeclarationStructure[] = [];
  for (const op of operations) {
    const name = names.get(op.name);
    if (!name) continue;
    const shape = paramsShape(op);
    const properties = shape.fields.map(fieldMember);
    // Optional even where the operation needs a user: the client's default userId or a positional one may give it.
    if (shape.userId) properties.push({ name: "userId", type: "string", hasQuestionToken: true, docs: [USER_ID_DOC] });
    interfaces.push({ kind: StructureKind.Interface, name, isExported: true, docs: [docText(`Parameters of \`${op.name}\` (\`${op.method} ${op.path}\`).`)], properties });
  }
  file.addInterfaces(interfaces);
  if (interfaces.length === 0) file.addExportDeclaration({}); // still a module
}
