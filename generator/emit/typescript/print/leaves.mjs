// Literals as prettier prints them, for the module printer (print/) and the wire-type printer
// (wire-print.mjs). Plain JavaScript: the wire types' worker thread runs without the TypeScript loader.

/** prettier's printString: double quotes unless the text holds more of them than single quotes. @param {string} raw a quoted literal */
export function printString(raw) {
  const content = raw.slice(1, -1);
  let doubles = 0;
  let singles = 0;
  for (const ch of content) {
    if (ch === '"') doubles++;
    else if (ch === "'") singles++;
  }
  const quote = doubles > singles ? "'" : '"';
  if (raw[0] === quote) return raw;
  const other = quote === '"' ? "'" : '"';
  const body = content.replace(/\\(["'\\])|(["'])/g, (match, escaped, bare) => (escaped ? (escaped === other ? other : match) : bare === quote ? `\\${bare}` : bare));
  return quote + body + quote;
}

/** prettier's printNumber: lower case, no `+` or leading zeros in the exponent, no trailing zeros or dot. @param {string} text */
export function printNumber(text) {
  if (text.length === 1) return text;
  return text
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, "$1$2")
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, "$1")
    .replace(/^([+-])?\./, "$10.")
    .replace(/(\.\d+?)0+(?=e|$)/, "$1")
    .replace(/\.(?=e|$)/, "");
}
