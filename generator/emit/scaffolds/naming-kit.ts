// Mechanisms the language profiles share for spelling names, literals and comments. Only the
// mechanisms live here: which words are reserved, which style a role gets and which escapes a
// language needs stay in each profile (languages/<id>.ts), the one place its naming is decided.
import { camelCase, pascalCase, words } from "../../ir/names.js";
import type { Operation } from "../../ir/types.js";

// ---- identifiers ---------------------------------------------------------------------------

export const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * PascalCase: a name that is already an identifier keeps its spelling (first letter capitalised),
 * anything else is built from its words. `digit` goes before a leading digit.
 */
export function pascalName(raw: string, fallback: string, digit = "_"): string {
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(raw)) return capital(raw);
  const s = pascalCase(raw, fallback);
  return digit !== "_" && s.startsWith("_") ? digit + s.slice(1) : s;
}

/** camelCase: a name `keep` accepts stays (first letter lowered), anything else is built from its words. */
export function camelName(raw: string, keep = /^[a-z_][A-Za-z0-9]*$/): string {
  return keep.test(raw) ? raw.charAt(0).toLowerCase() + raw.slice(1) : camelCase(raw, "value");
}

/** The words of `raw` capitalised and joined ("in progress" → "InProgress"); "" without words. */
export const pascalWords = (raw: string): string => words(raw).map(capital).join("");

/** The words of `raw` upper-cased and joined by `_` ("in progress" → "IN_PROGRESS"); "" without words. */
export const screamingWords = (raw: string): string => words(raw).join("_").toUpperCase();

/** snake_case from the words of `raw`; a leading digit (and, if asked, a leading underscore of `raw`) gives a `_` prefix. */
export function snakeName(raw: string, keepLeadingUnderscore = false): string {
  const s = words(raw).join("_") || "value";
  return /^[0-9]/.test(s) || (keepLeadingUnderscore && raw.startsWith("_")) ? `_${s}` : s;
}

// ---- enum members from wire values ---------------------------------------------------------

/** A short stable tag (FNV-1a of the UTF-8 bytes, base 36): keeps names distinct when a value had to be simplified. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(36).slice(0, 5);
}

/** The code points of `text` in upper-case hex, joined by `_` ("*∕" → "2A_2215"): a name for text without words. */
export function codePointsName(text: string): string {
  return [...text].map((c) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(2, "0")).join("_");
}

/** How a language names an enum value; each rule is the profile's choice. */
export interface ValueNaming {
  /** The name of the empty string (otherwise it is an `other` value). */
  empty?: string;
  /** The name of an all-digit value (otherwise it is a `plain` value). */
  digits?(value: string): string;
  /** What a plain value may start with: a letter, or a letter or digit. */
  lead: "letter" | "alnum";
  /** A value of plain words ("in progress", "v1.2"): named from its words. */
  plain(value: string): string;
  /** Any other value: spelled out (code points) or tagged (shortHash) so that distinct values stay distinct. */
  other(value: string): string;
  /** Put before a `plain` or `other` name that would start with a digit. */
  digitPrefix?: string;
}

export function enumValueName(value: string, n: ValueNaming): string {
  if (value === "" && n.empty !== undefined) return n.empty;
  if (n.digits && /^[0-9]+$/.test(value)) return n.digits(value);
  const plain = (n.lead === "letter" ? /^[A-Za-z][A-Za-z0-9 _.-]*$/ : /^[A-Za-z0-9][A-Za-z0-9 _.-]*$/).test(value);
  const name = plain ? n.plain(value) : n.other(value);
  return n.digitPrefix !== undefined && /^[0-9]/.test(name) ? n.digitPrefix + name : name;
}

// ---- string literals -----------------------------------------------------------------------

export interface LiteralStyle {
  /** The quote character. It, the backslash, \n, \r and \t are always escaped. */
  quote: string;
  /** Further characters with a fixed escape (e.g. `$` where the language interpolates). */
  escapes?: Record<string, string>;
  /** The escape of any other code point, or undefined to write it as it is. */
  other(cp: number): string | undefined;
}

/** A string-literal function for a language: walks code points, fixed escapes first, then `other`. */
export function stringLiteral(style: LiteralStyle): (text: string) => string {
  const fixed = new Map<string, string>([
    [style.quote, `\\${style.quote}`],
    ["\\", "\\\\"],
    ["\n", "\\n"],
    ["\r", "\\r"],
    ["\t", "\\t"],
    ...Object.entries(style.escapes ?? {}),
  ]);
  return (text) => {
    let out = style.quote;
    for (const ch of text) out += fixed.get(ch) ?? style.other(ch.codePointAt(0)!) ?? ch;
    return out + style.quote;
  };
}

/** C0 controls, DEL and the Unicode line/paragraph separators: characters that break or hide in a source line. */
export const isInvisible = (cp: number): boolean => cp < 0x20 || cp === 0x7f || cp === 0x2028 || cp === 0x2029;

/** Anything outside printable ASCII. */
export const isNonAscii = (cp: number): boolean => cp < 0x20 || cp >= 0x7f;

/** An `other` rule: code points `when` accepts get `escape`, the rest are written as they are. */
export const escapeIf =
  (when: (cp: number) => boolean, escape: (cp: number) => string) =>
  (cp: number): string | undefined =>
    when(cp) ? escape(cp) : undefined;

/** `\u{hex}` (Rust, Swift, Dart, PHP, Ruby). */
export const braceEscape = (cp: number): string => `\\u{${cp.toString(16)}}`;

/** `\uXXXX`, as a surrogate pair above U+FFFF (Java, Kotlin, C#: languages without a longer escape). */
export function utf16Escape(cp: number): string {
  const unit = (u: number): string => `\\u${u.toString(16).padStart(4, "0")}`;
  if (cp <= 0xffff) return unit(cp);
  return unit(Math.floor((cp - 0x10000) / 0x400) + 0xd800) + unit(((cp - 0x10000) % 0x400) + 0xdc00);
}

/**
 * The literals an operation's plain call needs in the cpp, csharp and kotlin templates: the
 * selecting body values (as JSON text) and query values, and the auth scheme names (comma-separated).
 */
export function callLiterals(op: Operation, literal: (text: string) => string) {
  return {
    plainSelectBody: Object.entries(op.plainSelect?.body ?? {}).map(([k, v]) => ({ wireLiteral: literal(k), jsonLiteral: literal(JSON.stringify(v)) })),
    plainSelectQuery: Object.entries(op.plainSelect?.query ?? {}).map(([k, v]) => ({ wireLiteral: literal(k), valueLiteral: literal(String(v)) })),
    authLiteral: op.auth.map((a) => literal(a)).join(", "),
  };
}

/**
 * An operation's fixed parameters (per place) and selecting values (plain and stream call) as
 * `pair(wire, value)`, under the template names `<prefix>FixedQuery` … `<prefix>StreamSelectQuery`:
 * for templates (python, go) that write these values inline.
 */
export function wireValueLiterals<T>(op: Operation, prefix: string, pair: (wire: string, value: unknown) => T): Record<string, T[]> {
  const fixed = (where: string): T[] => op.params.filter((p) => p.in === where && p.fixed !== undefined).map((p) => pair(p.wire, p.fixed));
  const pairs = (obj: Record<string, unknown> | undefined): T[] => Object.entries(obj ?? {}).map(([k, v]) => pair(k, v));
  return {
    [`${prefix}FixedQuery`]: fixed("query"),
    [`${prefix}FixedHeaders`]: fixed("header"),
    [`${prefix}FixedBody`]: fixed("body"),
    [`${prefix}PlainSelectBody`]: pairs(op.plainSelect?.body),
    [`${prefix}PlainSelectQuery`]: pairs(op.plainSelect?.query),
    [`${prefix}StreamSelectBody`]: pairs(op.stream?.select?.body),
    [`${prefix}StreamSelectQuery`]: pairs(op.stream?.select?.query),
  };
}

// ---- comments ------------------------------------------------------------------------------

/** What a `//`-style or block doc comment cannot hold: controls (but tab and line ends), DEL, line separators. */
export const COMMENT_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g;

/** Controls (tab included) and bidi overrides: what rustc rejects in comments and what disguises Javadoc. */
export const COMMENT_CONTROLS_BIDI = /[\x00-\x09\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Comment text as lines: line ends normalised, `drop` (a global pattern) blanked, trailing blanks cut
 * per line. `trim` says whether the text is trimmed before blanking (so a blanked character at an end
 * stays a space) or after: languages differ, and each keeps its output.
 */
export function commentLines(text: string, drop: RegExp, trim: "before" | "after" = "before"): string[] {
  const lines = (trim === "before" ? text.trim() : text)
    .replace(/\r\n?/g, "\n")
    .replace(drop, " ")
    .split("\n")
    .map((l) => l.trimEnd());
  return trim === "before" ? lines : lines.join("\n").trim().split("\n");
}

/** Lines joined so every line after the first starts with `prefix` (an empty one with the prefix's mark alone). */
export function prefixLines(lines: string[], prefix: string): string {
  const bare = prefix.trimEnd();
  return lines.map((l, i) => (i === 0 ? l : l === "" ? bare : prefix + l)).join("\n");
}

/** Text whose line breaks continue a comment: `prefix` after every newline, no blanks left before a newline. */
export function continuationLines(text: string, prefix: string): string {
  return text.replace(/\n/g, `\n${prefix}`).replace(/[ \t]+\n/g, "\n");
}
