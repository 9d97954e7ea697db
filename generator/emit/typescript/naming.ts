// TypeScript naming: reserved words, names the generated modules use themselves,
// and quoting of property keys. The one place TS-specific names are decided.

import { camelCase } from "../../ir/names.js";
import { str } from "./print/doc.js";

const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with as implements interface " +
    "let package private protected public static yield await async arguments eval of type declare namespace module abstract any " +
    "boolean number string symbol object never unknown undefined bigint infer is keyof readonly require global constructor").split(" "),
);

/** Names the generated modules import or that exist globally; models must not shadow them. */
const TAKEN_TYPES = new Set(
  ("Array Record Promise Uint8Array ArrayBuffer Blob ReadableStream Stream RequestOptions WithMeta NamedEvent ChatEvent BaseClient " +
    "Object String Number Boolean Date Error Map Set Symbol Function Partial Required Readonly Pick Omit Exclude Extract " +
    "Codec MethodSpec Response Request Headers URL JSON Math BigInt Iterable AsyncIterable " +
    // the generated modules' namespace imports
    "K T C M P").split(" "),
);

/** Members of the runtime's client classes that generated methods must not override. */
const CLIENT_MEMBERS = new Set(["constructor", "transport", "toString", "valueOf", "hasOwnProperty", "then"]);

export function tsTypeName(irName: string): string {
  return TAKEN_TYPES.has(irName) || RESERVED.has(irName.toLowerCase()) ? `${irName}Model` : irName;
}

/** The name codecs.ts imports a service's wire `components` under: no model name has an inner "_". */
export function tsWireComponents(service: string): string {
  return `Wire_${camelCase(service)}`;
}

export function tsMethodName(irName: string): string {
  return CLIENT_MEMBERS.has(irName) || irName.startsWith("_") ? `${irName}Op` : irName;
}

/** A positional parameter / local variable name. */
export function tsVariable(irName: string): string {
  return RESERVED.has(irName) ? `${irName}_` : irName;
}

/**
 * A property key as written in an interface or object literal: quoted unless an ASCII identifier,
 * its non-ASCII characters escaped. Prettier unquotes a key that its own (ES5, older than the
 * engine's) Unicode tables read as an identifier, but never one holding an escape; and it measures
 * a key by its width, which is then its length.
 */
export function tsKey(key: string): string {
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return key;
  return str(key).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Text safe inside a JSDoc block: no comment terminator, no stray control characters. */
export function docText(text: string): string {
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u2028\u2029]/g, " ")
    .trim();
}
