// Prettier's document builders and layout algorithm (`prettier/doc`), and the leaves the generated
// modules are made of. The emitters build the documents prettier's TypeScript printer would build
// for the code they write, so the text comes out in prettier's layout without prettier parsing and
// re-printing ~500 KB of it (test/generator/layout.test.ts holds every module to prettier's output).
import { builders, printer } from "prettier/doc";

export type Doc = builders.Doc;
export const { group, indent, align, line, softline, hardline, ifBreak, join, conditionalGroup, indentIfBreak } = builders;

/** The options of the format stage that the layout depends on. */
const LAYOUT = { printWidth: 110, tabWidth: 2, useTabs: false } as const;

export function render(doc: Doc): string {
  return printer.printDocToString(doc, LAYOUT).formatted;
}

/**
 * A string literal as prettier prints it: double quotes unless the text holds more double than
 * single quotes; JSON's escapes otherwise kept.
 */
export function str(value: string): string {
  let doubles = 0;
  let singles = 0;
  for (const c of value) {
    if (c === '"') doubles++;
    else if (c === "'") singles++;
  }
  const json = JSON.stringify(value);
  if (doubles <= singles) return json;
  const body = json.slice(1, -1).replace(/\\(.)|'/g, (m, escaped: string | undefined) => (escaped === '"' ? '"' : escaped !== undefined ? m : "\\'"));
  return `'${body}'`;
}

/** A number literal as prettier prints it (JSON's `1e+21` → `1e21`). */
export function num(value: number): string {
  return String(value).toLowerCase().replace("e+", "e");
}

/** A literal value (string, number, boolean, null) as code. */
export function literal(value: unknown): string {
  return typeof value === "string" ? str(value) : typeof value === "number" ? num(value) : String(value);
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
