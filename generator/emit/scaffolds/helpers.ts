// Handlebars helpers shared by every scaffold language.
import type Handlebars from "handlebars";
import type { LanguageProfile } from "./profile.js";

export function registerHelpers(hb: typeof Handlebars, profile: LanguageProfile): void {
  const h: Record<string, (...args: unknown[]) => unknown> = {
    eq: (a, b) => a === b,
    ne: (a, b) => a !== b,
    and: (...args) => args.slice(0, -1).every(Boolean),
    or: (...args) => args.slice(0, -1).some(Boolean),
    not: (a) => !a,
    json: (v) => JSON.stringify(v),
    /** A string literal in the template's language. */
    str: (v) => profile.string(String(v ?? "")),
    /** Doc-comment-safe text in the template's language. */
    doc: (v) => profile.doc(String(v ?? "")),
    upper: (v) => String(v ?? "").toUpperCase(),
    lower: (v) => String(v ?? "").toLowerCase(),
    inc: (v) => Number(v) + 1,
    join: (list, sep) => (Array.isArray(list) ? list.join(typeof sep === "string" ? sep : ", ") : ""),
    /** Indents every line but the first by n spaces. */
    indent: (text, n) => String(text ?? "").replace(/\n(?=.)/g, "\n" + " ".repeat(Number(n) || 0)),
    /** Name an IR name in this language: {{name irName "method"}}. */
    name: (irName, role) => profile.name(String(irName), role as Parameters<LanguageProfile["name"]>[1]),
    last: (list, index) => Array.isArray(list) && index === list.length - 1,
  };
  for (const [k, fn] of Object.entries(h)) hb.registerHelper(k, fn as Handlebars.HelperDelegate);
}
