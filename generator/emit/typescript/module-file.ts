// A generated module as prettier documents (see print/), rendered one top-level statement at a time.
import { hardline, join, render, type Doc } from "./print/doc.js";
import { importDecl, type Import } from "./print/declarations.js";

/** Blocks (interfaces, classes, functions, the imports) have a blank line around them; constants and type aliases do not. */
type Kind = "block" | "statement";

export class ModuleFile {
  readonly #imports: Import[] = [];
  readonly #statements: { kind: Kind; doc: Doc }[] = [];

  import(...list: Import[]): void {
    this.#imports.push(...list);
  }

  block(doc: Doc): void {
    this.#statements.push({ kind: "block", doc });
  }

  statement(doc: Doc): void {
    this.#statements.push({ kind: "statement", doc });
  }

  /** The module's text in prettier's layout: its statements (the imports as one), a blank line around blocks. */
  text(): string {
    const all = [...(this.#imports.length ? [{ kind: "block" as Kind, doc: join(hardline, this.#imports.map(importDecl)) }] : []), ...this.#statements];
    return all
      .map((s, i) => {
        const next = all[i + 1];
        return render(s.doc) + (next && (s.kind === "block" || next.kind === "block") ? "\n\n" : "\n");
      })
      .join("");
  }
}
