// `<Operation>Params`: one exported interface per operation with a params object, so the
// methods' overloads and the functions name it instead of repeating its fields inline.
import type { Operation } from "../../ir/types.js";
import { docText } from "./naming.js";
import { fieldMember, paramsShape, USER_ID_DOC } from "./signatures.js";
import type { ModuleFile } from "./module-file.js";
import { interfaceDecl } from "./print/declarations.js";
import { keyword } from "./print/types.js";

export function emitParams(file: ModuleFile, operations: Operation[], names: Map<string, string>): void {
  let count = 0;
  for (const op of operations) {
    const name = names.get(op.name);
    if (!name) continue;
    const shape = paramsShape(op);
    const members = shape.fields.map(fieldMember);
    // Optional even where the operation needs a user: the client's default userId or a positional one may give it.
    if (shape.userId) members.push({ key: "userId", type: keyword("string"), optional: true, jsdoc: USER_ID_DOC });
    file.block(interfaceDecl({ name, doc: docText(`Parameters of \`${op.name}\` (\`${op.method} ${op.path}\`).`), members }));
    count++;
  }
  if (count === 0) file.statement("export {};"); // still a module
}
