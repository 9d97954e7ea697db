// Language-neutral names: ASCII identifiers in camelCase / PascalCase.
// Each emitter maps them further (reserved words, casing) in its own naming file.

/** Splits any wire name into lower-case ASCII words: "X-Formation-ID" → ["x", "formation", "id"]. */
export function words(raw: string): string[] {
  return raw
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x00-\x7f]/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

export function camelCase(raw: string, fallback = "value"): string {
  const ws = words(raw);
  if (ws.length === 0) return fallback;
  const name = ws[0] + ws.slice(1).map(capital).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

export function pascalCase(raw: string, fallback = "Model"): string {
  const ws = words(raw);
  if (ws.length === 0) return fallback;
  const name = ws.map(capital).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Returns `name`, or `name2`, `name3`... — the first not in `taken`; records it. */
export function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}${i}`;
  taken.add(candidate);
  return candidate;
}

const IDENT = /^[A-Za-z][A-Za-z0-9]*$/;

/** A spec-given member name (operationId): kept verbatim when already an identifier. */
export function memberName(raw: string, fallback = "value"): string {
  if (IDENT.test(raw)) return raw.charAt(0).toLowerCase() + raw.slice(1);
  return camelCase(raw, fallback);
}

/** A spec-given type name (schema key): kept verbatim (first letter capitalised) when already an identifier. */
export function typeName(raw: string, fallback = "Model"): string {
  if (IDENT.test(raw)) return capital(raw);
  return pascalCase(raw, fallback);
}
