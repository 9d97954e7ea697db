// A small, dependency-light reader of the multi-file OpenAPI specs for the spec tests.
// It parses every YAML file with the `yaml` package and resolves `$ref`s relative to the file
// they appear in (`./other.yaml#/Pointer`, `#/local/pointer`), so the tests see exactly what
// the files say, independent of any bundler.

import { readFileSync } from "node:fs";
import { dirname, resolve as resolvePath, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The repository root; spec paths given to `loadSpec` are relative to it. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Where a node lives: absolute file path + JSON pointer inside it. */
export interface Loc {
  readonly file: string;
  readonly pointer: string;
}

export const locString = (loc: Loc, root: string = REPO_ROOT): string =>
  `${relative(root, loc.file)}#${loc.pointer}`;

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const escapePointer = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");
const unescapePointer = (seg: string): string => decodeURIComponent(seg).replace(/~1/g, "/").replace(/~0/g, "~");

export const childLoc = (loc: Loc, ...keys: (string | number)[]): Loc => ({
  file: loc.file,
  pointer: loc.pointer + keys.map((k) => "/" + escapePointer(String(k))).join(""),
});

export class SpecLoader {
  private readonly files = new Map<string, Json>();

  /** Parsed content of a YAML file (cached). */
  file(path: string): Json {
    const abs = resolvePath(path);
    let doc = this.files.get(abs);
    if (doc === undefined) {
      doc = parse(readFileSync(abs, "utf8")) as Json;
      this.files.set(abs, doc);
    }
    return doc;
  }

  /** The node at `pointer` in `file`. Throws when it does not exist. */
  at(loc: Loc): Json {
    let node: Json = this.file(loc.file);
    if (loc.pointer === "" || loc.pointer === "/") return node;
    for (const raw of loc.pointer.replace(/^\//, "").split("/")) {
      const seg = unescapePointer(raw);
      if (Array.isArray(node)) node = node[Number(seg)] as Json;
      else if (isObject(node)) node = node[seg] as Json;
      else node = undefined as unknown as Json;
      if (node === undefined) throw new Error(`unresolvable pointer ${locString(loc)}`);
    }
    return node;
  }

  /** Where a `$ref` written in `from.file` points. */
  refTarget(ref: string, from: Loc): Loc {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? "" : ref.slice(hash + 1);
    const file = filePart === "" ? from.file : resolvePath(dirname(from.file), filePart);
    return { file, pointer };
  }

  /**
   * Follows `$ref` chains until a node without `$ref` (sibling keys of a `$ref` are dropped;
   * use `deref` for schemas, where they matter).
   */
  follow(node: Json, loc: Loc, seen: Set<string> = new Set()): { node: Json; loc: Loc } {
    while (isObject(node) && typeof node.$ref === "string") {
      const target = this.refTarget(node.$ref, loc);
      const key = locString(target);
      if (seen.has(key)) throw new Error(`$ref cycle at ${key}`);
      seen.add(key);
      loc = target;
      node = this.at(target);
    }
    return { node, loc };
  }

  /**
   * A fully dereferenced copy of a schema (or any node): every `$ref` is replaced by its target.
   * A `$ref` with sibling keywords (allowed in OpenAPI 3.1) becomes `{allOf: [target], ...siblings}`.
   * A recursive reference (a schema that contains itself) is replaced by `{}` (anything).
   */
  deref(node: Json, loc: Loc, stack: readonly string[] = [], nameMap = false): Json {
    if (Array.isArray(node)) return node.map((item, i) => this.deref(item, childLoc(loc, i), stack));
    if (!isObject(node)) return node;
    if (!nameMap && typeof node.$ref === "string") {
      const target = this.refTarget(node.$ref, loc);
      const key = locString(target);
      const { $ref: _ignored, ...siblings } = node;
      const resolved = stack.includes(key) ? {} : this.deref(this.at(target), target, [...stack, key]);
      if (Object.keys(siblings).length === 0) return resolved;
      return { allOf: [resolved], ...this.derefEntries(siblings, loc, stack, false) };
    }
    return this.derefEntries(node, loc, stack, nameMap);
  }

  private derefEntries(node: JsonObject, loc: Loc, stack: readonly string[], nameMap: boolean): JsonObject {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) {
      if (nameMap) {
        // `properties`, `$defs`...: every value is a schema, whatever its name.
        out[k] = this.deref(v, childLoc(loc, k), stack);
      } else if (DATA_KEYWORDS.has(k)) {
        // Example and constant values are data, not schema: never rewrite `$ref`-looking keys in them.
        out[k] = v;
      } else {
        out[k] = this.deref(v, childLoc(loc, k), stack, SCHEMA_MAP_KEYWORDS.has(k));
      }
    }
    return out;
  }
}

const DATA_KEYWORDS = new Set(["example", "examples", "const", "enum", "default"]);
const SCHEMA_MAP_KEYWORDS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

export interface Operation {
  readonly method: string; // upper case
  readonly path: string;
  readonly op: JsonObject;
  readonly loc: Loc;
  /** Parameters declared on the path item (shared by its operations). */
  readonly pathParams: readonly Json[];
  readonly pathItemLoc: Loc;
}

/** The entry document and its operations. */
export interface LoadedSpec {
  readonly loader: SpecLoader;
  readonly entry: string;
  readonly root: JsonObject;
  readonly rootLoc: Loc;
  readonly operations: Operation[];
  /** Problems found while walking `paths` (unresolvable path item refs and the like). */
  readonly problems: string[];
}

export function loadSpec(entry: string): LoadedSpec {
  const loader = new SpecLoader();
  const file = resolvePath(REPO_ROOT, entry);
  const rootLoc: Loc = { file, pointer: "" };
  const root = loader.file(file);
  if (!isObject(root)) throw new Error(`${entry}: not a YAML mapping`);
  const operations: Operation[] = [];
  const problems: string[] = [];
  const paths = root.paths;
  if (isObject(paths)) {
    for (const [path, rawItem] of Object.entries(paths)) {
      let item: Json;
      let itemLoc: Loc;
      try {
        ({ node: item, loc: itemLoc } = loader.follow(rawItem, childLoc(rootLoc, "paths", path)));
      } catch (err) {
        problems.push(`${path}: ${(err as Error).message}`);
        continue;
      }
      if (!isObject(item)) {
        problems.push(`${path}: path item is not a mapping`);
        continue;
      }
      const pathParams = Array.isArray(item.parameters) ? item.parameters : [];
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!isObject(op)) continue;
        operations.push({
          method: method.toUpperCase(),
          path,
          op,
          loc: childLoc(itemLoc, method),
          pathParams,
          pathItemLoc: itemLoc,
        });
      }
    }
  } else if (paths !== undefined && paths !== null) {
    problems.push("`paths` is not a mapping");
  }
  return { loader, entry, root, rootLoc, operations, problems };
}
