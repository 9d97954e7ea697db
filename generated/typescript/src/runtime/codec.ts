// Wire (snake_case) ⇄ public (camelCase) converters. Generated code describes each
// model as a field table; these helpers interpret it. Unknown keys pass through
// untouched, so free-form data and fields newer than the SDK are never lost.

export interface Codec<T = unknown> {
  fromWire(wire: unknown): T;
  toWire(value: T): unknown;
}

/**
 * [public name, wire name, converter of the value (lazy: models may refer to each other)]. Given the
 * model (T) and its wire type (W, from openapi-typescript), tsc checks both names against them.
 */
export type Field<T = unknown, W = unknown> = readonly [name: KeyOf<T>, wire: KeyOf<W>, codec?: () => Codec];
type KeyOf<T> = unknown extends T ? string : keyof T & string;

/** Untyped entry points for the generated method tables (their values arrive as `unknown`). */
export const encoder =
  <T>(codec: Codec<T>) =>
  (value: unknown): unknown =>
    codec.toWire(value as T);
export const decoder =
  <T>(codec: Codec<T>) =>
  (wire: unknown): unknown =>
    codec.fromWire(wire);

/** For values that pass unchanged. */
export const identity: Codec = { fromWire: (wire) => wire, toWire: (value) => value };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

export function object<T, W = unknown>(fields: readonly Field<T, W>[]): Codec<T> {
  const byWire = new Map<string, Field>();
  const byName = new Map<string, Field>();
  for (const f of fields) {
    byWire.set(f[1], f);
    byName.set(f[0], f);
  }
  const convert = (input: unknown, index: Map<string, Field>, toWire: boolean): unknown => {
    if (!isRecord(input)) return input;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(input)) {
      const field = index.get(key);
      const value = input[key];
      if (!field) out[key] = value;
      else {
        const codec = field[2]?.();
        out[toWire ? field[1] : field[0]] =
          codec && value != null ? (toWire ? codec.toWire(value) : codec.fromWire(value)) : value;
      }
    }
    return out;
  };
  return {
    fromWire: (wire) => convert(wire, byWire, false) as T,
    toWire: (value) => convert(value, byName, true),
  };
}

export function array<T>(item: () => Codec<T>): Codec<T[]> {
  return {
    fromWire: (wire) => (Array.isArray(wire) ? wire.map((w) => item().fromWire(w)) : (wire as T[])),
    toWire: (value) => (Array.isArray(value) ? value.map((v) => item().toWire(v)) : value),
  };
}

/** A map whose keys are data (never renamed) and whose values are converted. */
export function record<T>(value: () => Codec<T>): Codec<Record<string, T>> {
  const map = (input: unknown, f: (v: unknown) => unknown): unknown =>
    isRecord(input) ? Object.fromEntries(Object.entries(input).map(([k, v]) => [k, f(v)])) : input;
  return {
    fromWire: (wire) => map(wire, (v) => value().fromWire(v)) as Record<string, T>,
    toWire: (v) => map(v, (x) => value().toWire(x as T)),
  };
}

/**
 * A union. With a discriminator the variant is chosen by its wire/public value;
 * without one, objects go to the variant that recognises most of their keys.
 */
export function union(
  variants: readonly (() => Codec)[],
  discriminator?: { wire: string; name: string; map: Readonly<Record<string, () => Codec>> },
): Codec {
  const pick = (input: unknown, toWire: boolean): Codec | undefined => {
    if (!isRecord(input)) return undefined;
    if (discriminator) {
      const tag = input[toWire ? discriminator.name : discriminator.wire];
      const hit = typeof tag === "string" ? discriminator.map[tag] : undefined;
      if (hit) return hit();
    }
    let best: Codec | undefined;
    let bestScore = 0;
    for (const v of variants) {
      const codec = v();
      const probe = toWire ? codec.toWire(input) : codec.fromWire(input);
      const score = isRecord(probe) ? Object.keys(probe).filter((k) => !(k in input)).length : 0;
      if (score > bestScore) [best, bestScore] = [codec, score];
    }
    return best;
  };
  return {
    fromWire: (wire) => pick(wire, false)?.fromWire(wire) ?? wire,
    toWire: (value) => pick(value, true)?.toWire(value) ?? value,
  };
}
