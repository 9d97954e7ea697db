// All files of a spec, with $ref resolution across them. Refs stay in the data;
// consumers resolve them through `deref`, which also names every hop for messages.
import { dirname, join, normalize } from "node:path";
import type { Diagnostic, Location } from "../diagnostics/diagnostic.js";
import { joinPointer, splitPointer } from "./pointer.js";
import { locate, readSourceFile, type SourceFile } from "./source-file.js";

/** A place in the spec: a file and a JSON pointer into it. */
export interface Place {
  file: string;
  pointer: string;
}

export class SpecSet {
  readonly files = new Map<string, SourceFile>();

  constructor(readonly entries: string[]) {}

  value(place: Place): unknown {
    let node: unknown = this.files.get(place.file)?.data;
    for (const seg of splitPointer(place.pointer)) {
      if (node === null || typeof node !== "object") return undefined;
      node = (node as Record<string, unknown>)[seg];
    }
    return node;
  }

  locate(place: Place): Location {
    const file = this.files.get(place.file);
    return file ? locate(file, place.pointer) : { file: place.file, line: 1, col: 1 };
  }

  /** The place a `$ref` string written at `from` points to. */
  target(from: Place, ref: string): Place {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? "" : decodeURIComponent(ref.slice(hash + 1));
    const file = filePart === "" ? from.file : normalize(join(dirname(from.file), filePart));
    return { file, pointer };
  }

  /**
   * Follows `$ref` chains from `place` to the first node that is not a bare reference.
   * Returns the final place, or a diagnostic for a dangling or circular chain.
   */
  deref(place: Place): Place | Diagnostic {
    const seen = new Set<string>();
    let current = place;
    for (;;) {
      const node = this.value(current);
      const ref = isRef(node) ? node.$ref : undefined;
      if (ref === undefined) return current;
      const key = `${current.file}#${current.pointer}`;
      if (seen.has(key)) return { severity: "error", message: `circular $ref chain through "${ref}"`, at: this.locate(current) };
      seen.add(key);
      const next = this.target(current, ref);
      if (!this.files.has(next.file)) {
        return { severity: "error", message: `$ref "${ref}" points to a file that is missing or unreadable (${next.file})`, at: this.locate(joinPlace(current, "$ref")) };
      }
      if (this.value(next) === undefined) {
        return { severity: "error", message: `$ref "${ref}" does not resolve`, at: this.locate(joinPlace(current, "$ref")) };
      }
      current = next;
    }
  }
}

/**
 * The schema name a place defines, if it is a named-schema location: `components/schemas/<Name>`
 * of any file, or a top-level key of a schemas file (not an entry; path keys start with "/").
 */
export function namedSchemaAt(spec: SpecSet, place: Place): string | undefined {
  const segs = splitPointer(place.pointer);
  if (segs.length === 3 && segs[0] === "components" && segs[1] === "schemas") return segs[2];
  if (segs.length === 1 && !segs[0].startsWith("/") && !spec.entries.includes(place.file)) return segs[0];
  return undefined;
}

export function joinPlace(place: Place, ...segments: (string | number)[]): Place {
  return { file: place.file, pointer: joinPointer(place.pointer, ...segments) };
}

export function isRef(node: unknown): node is { $ref: string } {
  return node !== null && typeof node === "object" && typeof (node as { $ref?: unknown }).$ref === "string";
}

/** Reads the entry files and every file they reference, transitively. */
export async function loadSpecSet(entries: string[]): Promise<{ spec: SpecSet; diagnostics: Diagnostic[] }> {
  const spec = new SpecSet(entries.map((e) => normalize(e)));
  const diagnostics: Diagnostic[] = [];
  const pending: string[] = [...spec.entries];
  const requested = new Set(pending);
  while (pending.length > 0) {
    const path = pending.shift() as string;
    const loaded = await readSourceFile(path);
    if ("severity" in loaded) {
      // A missing referenced file is reported where it is referenced (validate); bad YAML is reported here.
      if (spec.entries.includes(path) || !loaded.message.startsWith("cannot read")) diagnostics.push(loaded);
      continue;
    }
    spec.files.set(path, loaded);
    walkRefs(loaded.data, "", (ref) => {
      const hash = ref.indexOf("#");
      const filePart = hash === -1 ? ref : ref.slice(0, hash);
      if (filePart === "" || /^[a-z]+:\/\//i.test(filePart)) return;
      const target = normalize(join(dirname(path), filePart));
      if (!requested.has(target)) {
        requested.add(target);
        pending.push(target);
      }
    });
  }
  return { spec, diagnostics };
}

/** Calls `visit` for every `$ref` string in `data`. */
export function walkRefs(data: unknown, pointer: string, visit: (ref: string, pointer: string) => void): void {
  if (Array.isArray(data)) {
    data.forEach((item, i) => walkRefs(item, joinPointer(pointer, i), visit));
  } else if (data !== null && typeof data === "object") {
    for (const [key, value] of Object.entries(data)) {
      if (key === "$ref" && typeof value === "string") visit(value, pointer);
      else walkRefs(value, joinPointer(pointer, key), visit);
    }
  }
}
