// A generated module as a list of ts-morph structures, printed once with `printStructure`: the
// batched-structures rule of DESIGN §3 without a ts-morph Project, whose source files re-parse
// their text after every insertion (2.3 s for the GitHub spec's models alone).
import {
  printStructure,
  StructureKind,
  type ClassDeclarationStructure,
  type ExportDeclarationStructure,
  type FunctionDeclarationStructure,
  type ImportDeclarationStructure,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type StatementStructures,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";

type Loose<T extends { kind?: StructureKind }> = OptionalKind<T> | T;

export class StructureFile {
  readonly #statements: StatementStructures[] = [];

  addImportDeclarations(list: Loose<ImportDeclarationStructure>[]): void {
    for (const s of list) this.#statements.push({ ...s, kind: StructureKind.ImportDeclaration });
  }

  addImportDeclaration(s: Loose<ImportDeclarationStructure>): void {
    this.addImportDeclarations([s]);
  }

  addExportDeclaration(s: Loose<ExportDeclarationStructure>): void {
    this.#statements.push({ ...s, kind: StructureKind.ExportDeclaration });
  }

  addInterfaces(list: Loose<InterfaceDeclarationStructure>[]): void {
    for (const s of list) this.#statements.push({ ...s, kind: StructureKind.Interface });
  }

  addTypeAliases(list: Loose<TypeAliasDeclarationStructure>[]): void {
    for (const s of list) this.#statements.push({ ...s, kind: StructureKind.TypeAlias });
  }

  addVariableStatements(list: Loose<VariableStatementStructure>[]): void {
    for (const s of list) this.#statements.push({ ...s, kind: StructureKind.VariableStatement });
  }

  addVariableStatement(s: Loose<VariableStatementStructure>): void {
    this.addVariableStatements([s]);
  }

  addClass(s: Loose<ClassDeclarationStructure>): void {
    this.#statements.push({ ...s, kind: StructureKind.Class });
  }

  addFunctions(list: Loose<FunctionDeclarationStructure>[]): void {
    for (const s of list) this.#statements.push({ ...s, kind: StructureKind.Function });
  }

  /** The module's text: imports, a blank line, the rest (two-space indents; the format stage makes it prettier's). */
  print(): string {
    const isImport = (s: StatementStructures): boolean => s.kind === StructureKind.ImportDeclaration;
    const text = (statements: StatementStructures[]): string => printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 });
    const imports = this.#statements.filter(isImport);
    const rest = this.#statements.filter((s) => !isImport(s));
    return imports.length && rest.length ? `${text(imports)}\n${text(rest)}` : text(this.#statements);
  }
}
