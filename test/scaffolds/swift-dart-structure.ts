// Structural checks for scaffolds that cannot be compiled here (Swift, Dart): a small tokenizer for
// C-family sources (line and nested block comments, string literals with escapes and
// interpolation) that reports unbalanced brackets, unterminated strings or comments, and comment
// terminators that leaked into code.

export type Dialect = "swift" | "dart";

export interface Token {
  kind: "code" | "string" | "comment";
  text: string;
  line: number;
}

export interface Scan {
  tokens: Token[];
  problems: string[];
}

const OPEN: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSE = new Set(Object.values(OPEN));

/**
 * Tokenizes `src` and checks it. Swift strings are `"…"` with `\(…)` interpolation; Dart strings
 * are `'…'` / `"…"` with `${…}` / `$name` interpolation, and raw `r'…'`. Multi-line strings are
 * reported (the templates never emit them). Both languages nest block comments.
 */
export function scan(src: string, dialect: Dialect): Scan {
  const tokens: Token[] = [];
  const problems: string[] = [];
  const stack: { ch: string; line: number; interp: boolean }[] = [];
  let i = 0;
  let line = 1;
  let code = "";
  let codeLine = 1;

  const emit = (kind: Token["kind"], text: string, at: number): void => {
    if (code) tokens.push({ kind: "code", text: code, line: codeLine });
    code = "";
    if (text) tokens.push({ kind, text, line: at });
    line += (text.match(/\n/g) ?? []).length;
    codeLine = line;
  };

  /** A string literal whose opening quote is at `i` (after an optional Dart `r`). */
  const string = (raw: boolean): void => {
    const startLine = line;
    const quote = src[i];
    if (src.startsWith(quote.repeat(3), i)) problems.push(`line ${startLine}: multi-line string literal`);
    let start = raw ? i - 1 : i;
    i++;
    while (i < src.length) {
      const ch = src[i];
      if (ch === "\n") {
        problems.push(`line ${startLine}: unterminated string literal`);
        break;
      }
      if (ch === "\\" && !raw) {
        if (dialect === "swift" && src[i + 1] === "(") {
          emit("string", src.slice(start, i + 2), startLine);
          i += 2;
          interpolation("(");
          start = i;
          continue;
        }
        i += 2;
        continue;
      }
      if (dialect === "dart" && ch === "$" && !raw) {
        if (src[i + 1] === "{") {
          emit("string", src.slice(start, i + 2), startLine);
          i += 2;
          interpolation("{");
          start = i;
          continue;
        }
        if (!/[A-Za-z_]/.test(src[i + 1] ?? "")) problems.push(`line ${startLine}: a lone "$" in a Dart string (must be \\$)`);
      }
      i++;
      if (ch === quote) break;
    }
    emit("string", src.slice(start, i), startLine);
  };

  /** The code of an interpolation, up to and including its closing bracket. */
  const interpolation = (opener: string): void => {
    stack.push({ ch: opener, line, interp: true });
    codeUntil(stack.length - 1);
  };

  /** Scans code until the bracket at stack index `floor` closes (or the source ends). */
  const codeUntil = (floor: number): void => {
    while (i < src.length) {
      const ch = src[i];
      if (ch === "/" && src[i + 1] === "/") {
        const end = src.indexOf("\n", i);
        const stop = end < 0 ? src.length : end;
        emit("comment", src.slice(i, stop), line);
        i = stop;
        continue;
      }
      if (ch === "/" && src[i + 1] === "*") {
        const start = i;
        const startLine = line;
        let depth = 0;
        do {
          if (src.startsWith("/*", i)) {
            depth++;
            i += 2;
          } else if (src.startsWith("*/", i)) {
            depth--;
            i += 2;
          } else i++;
        } while (depth > 0 && i < src.length);
        if (depth !== 0) problems.push(`line ${startLine}: unterminated block comment`);
        emit("comment", src.slice(start, i), startLine);
        continue;
      }
      if (ch === '"' || (dialect === "dart" && ch === "'")) {
        string(false);
        continue;
      }
      if (dialect === "dart" && ch === "r" && /['"]/.test(src[i + 1] ?? "") && !/[A-Za-z0-9_$]/.test(src[i - 1] ?? "")) {
        i++;
        string(true);
        continue;
      }
      if (ch === "*" && src[i + 1] === "/") problems.push(`line ${line}: "*/" in code (a comment terminator leaked)`);
      if (ch === "\n") line++;
      if (OPEN[ch]) stack.push({ ch, line, interp: false });
      else if (CLOSE.has(ch)) {
        const top = stack.pop();
        if (!top) problems.push(`line ${line}: unmatched "${ch}"`);
        else if (OPEN[top.ch] !== ch) problems.push(`line ${line}: "${ch}" closes "${top.ch}" from line ${top.line}`);
        if (top?.interp && stack.length === floor) {
          i++;
          code += ch;
          emit("code", "", line);
          return;
        }
      }
      code += ch;
      i++;
    }
  };

  codeUntil(-1);
  emit("code", "", line);
  for (const open of stack) problems.push(`line ${open.line}: "${open.ch}" never closed`);
  return { tokens, problems };
}

/** The source with every string literal and comment blanked out. */
export function codeOnly(tokens: Token[]): string {
  return tokens.map((t) => (t.kind === "code" ? t.text : t.kind === "string" ? "''" : "")).join("");
}
