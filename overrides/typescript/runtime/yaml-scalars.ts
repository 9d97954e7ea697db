// Reads top-level scalar keys (`id:`, `version:`) from a formation file without
// a YAML library. Handles plain, 'single' and "double" quoted values and
// trailing comments; anything nested or multi-line is ignored.

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"')) {
    const end = findClosingDouble(v);
    const body = v.slice(1, end === -1 ? undefined : end);
    return body.replace(/\\(["\\/nt])/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
  }
  if (v.startsWith("'")) {
    let out = "";
    for (let i = 1; i < v.length; i++) {
      if (v[i] === "'") {
        if (v[i + 1] === "'") {
          out += "'";
          i++;
          continue;
        }
        break;
      }
      out += v[i];
    }
    return out;
  }
  // Plain scalar: a comment starts at " #".
  const hash = v.search(/\s#/);
  return (hash === -1 ? v : v.slice(0, hash)).trim();
}

function findClosingDouble(v: string): number {
  for (let i = 1; i < v.length; i++) {
    if (v[i] === "\\") i++;
    else if (v[i] === '"') return i;
  }
  return -1;
}

/** Values of the requested top-level keys (only those present with a scalar value). */
export function topLevelScalars(text: string, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const wanted = new Set(keys);
  for (const line of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    if (line === "" || line[0] === " " || line[0] === "\t" || line[0] === "#" || line.startsWith("---"))
      continue;
    const m = /^([A-Za-z_][\w-]*)\s*:(?:\s+|$)(.*)$/.exec(line);
    if (!m || !wanted.has(m[1]!) || m[1]! in out) continue;
    const value = unquote(m[2] ?? "");
    if (value !== "" && !/^[|>&*!]/.test(value)) out[m[1]!] = value;
  }
  return out;
}
