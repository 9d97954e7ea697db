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

  /**
   * The module's text (two-space indents; the format stage makes it prettier's) in pieces: its
   * top-level statements (the imports as one), each with the line breaks that follow it, which
   * prettier formats alike alone or together (see formatAhead). Joined, they are the module.
   */
  pieces(): string[] {
    const text = (statements: StatementStructures[]): string => printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 });
    const imports = this.#statements.filter((s) => s.kind === StructureKind.ImportDeclaration);
    const rest = this.#statements.filter((s) => s.kind !== StructureKind.ImportDeclaration);
    const pieces = [...(imports.length ? [text(imports)] : []), ...rest.map((s) => text([s]))];
    const kinds = [...(imports.length ? [StructureKind.ImportDeclaration] : []), ...rest.map((s) => s.kind)];
    // Separated as printStructure separates them: a blank line around blocks and after the imports.
    return pieces.map((p, i) => (i < pieces.length - 1 && (BLOCKS.has(kinds[i]) || BLOCKS.has(kinds[i + 1])) ? `${p}\n` : p));
  }
}

const BLOCKS = new Set([StructureKind.ImportDeclaration, StructureKind.Interface, StructureKind.Class, StructureKind.Function, StructureKind.Enum, StructureKind.Module]);
