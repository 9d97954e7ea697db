// The format stage's prettier options, in one place: the format stage formats with them, and the
// TypeScript emitter lays its output out with the same width (emit/typescript/print/,
// wire-print.mjs). Plain JavaScript: the wire types' worker thread runs without the TypeScript loader.

/** Options of every file prettier formats (the parser comes from the file's extension). */
export const OPTIONS = { printWidth: 110, trailingComma: "all", endOfLine: "lf" };

/**
 * TypeScript: prettier's own default parser for it, so `npx prettier --write` agrees; with a path,
 * without which prettier cannot tell a .ts file from a .tsx one and writes `<T,>(…) =>`.
 */
export const TS_OPTIONS = { ...OPTIONS, parser: "typescript", filepath: "module.ts" };

/** What prettier's document printer needs of them. */
export const LAYOUT = { printWidth: OPTIONS.printWidth, tabWidth: 2, useTabs: false };
