// Prettier's document builders and layout algorithm (`prettier/doc`), and the leaves the generated
// modules are made of. The emitters build the documents prettier's TypeScript printer would build
// for the code they write, so the text comes out in prettier's layout without prettier parsing and
// re-printing ~500 KB of it (test/generator/layout.test.ts holds every module to prettier's output).
import { builders, printer, utils } from "prettier/doc";
import { LAYOUT } from "../../../format/options.mjs";
import { printNumber, printString } from "./leaves.mjs";

export type Doc = builders.Doc;
export const { group, indent, align, line, softline, hardline, ifBreak, join, conditionalGroup, indentIfBreak, fill } = builders;
export const { breakParent } = builders;
export const { willBreak } = utils;

export function render(doc: Doc): string {
  return printer.printDocToString(doc, LAYOUT).formatted;
}

/** A string literal as prettier prints it: double quotes unless the text holds more double than single quotes. */
export const str = (value: string): string => printString(JSON.stringify(value));

/** A literal value (string, number, boolean, null) as code. */
export function literal(value: unknown): string {
  return typeof value === "string" ? str(value) : typeof value === "number" ? printNumber(String(value)) : String(value);
}

/**
 * A JSDoc block: one line when the text is, else one line per text line. `/**` is written as
 * prettier writes a block comment whose every line starts with `*`: re-indented to the code.
 */
export function jsdoc(text: string): Doc {
  if (!text.includes("\n")) return `/** ${text} */`;
  // Prettier trims the end of each line of such a comment.
  return join(hardline, ["/**", ...text.split("\n").map((l) => (l.trimEnd() ? ` * ${l.trimEnd()}` : " *")), " */"]);
}
