// One YAML/JSON file parsed to plain data, with the source position of every node by JSON pointer.
import { readFile } from "node:fs/promises";
import jsyaml from "js-yaml";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostic, Location } from "../diagnostics/diagnostic.js";
import { joinPointer } from "./pointer.js";

export interface SourceFile {
  /** Path as given on the command line / relative to cwd; used in messages. */
  path: string;
  data: unknown;
  /** JSON pointer → position of the node (for maps: of the key that holds it); computed on first use. */
  positions(): Map<string, Location>;
}

export async function readSourceFile(path: string): Promise<SourceFile | Diagnostic> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    return { severity: "error", message: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`, at: { file: path, line: 1, col: 1 } };
  }
  return parseSource(path, text);
}

export function parseSource(path: string, text: string): SourceFile | Diagnostic {
  // Fast path: JSON.parse / js-yaml for the data; the position-keeping `yaml` parser runs only
  // when the file is broken (to locate the problem) or when a message needs a position.
  let data: unknown;
  try {
    data = path.endsWith(".json") ? JSON.parse(text) : jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: path });
  } catch {
    return located(path, text);
  }
  let positions: Map<string, Location> | undefined;
  return {
    path,
    data: data ?? null,
    positions: () => {
      const lineCounter = new LineCounter();
      return (positions ??= positionsOf(path, parseDocument(text, { lineCounter }), lineCounter));
    },
  };
}

/** The first problem of a file the fast parsers refused, located by the `yaml` parser. */
function located(path: string, text: string): Diagnostic {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  const pos = lineCounter.linePos(first?.pos[0] ?? 0);
  return {
    severity: "error",
    message: `invalid ${path.endsWith(".json") ? "JSON" : "YAML"}: ${first ? first.message.split("\n")[0] : "not parseable"}`,
    at: { file: path, line: pos.line, col: pos.col },
  };
}

function positionsOf(path: string, doc: Document, lineCounter: LineCounter): Map<string, Location> {
  const positions = new Map<string, Location>();
  const at = (offset: number | undefined): Location => {
    const p = lineCounter.linePos(offset ?? 0);
    return { file: path, line: p.line, col: p.col };
  };
  const walk = (node: Node | null | undefined, pointer: string, keyOffset?: number): void => {
    positions.set(pointer, at(keyOffset ?? node?.range?.[0]));
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        walk(pair.value as Node | null, joinPointer(pointer, key), keyNode?.range?.[0]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node, joinPointer(pointer, i)));
  };
  walk(doc.contents as Node | null, "");
  return positions;
}

/** The position of `pointer` or of its nearest ancestor that has one. */
export function locate(file: SourceFile, pointer: string): Location {
  const positions = file.positions();
  let p = pointer;
  for (;;) {
    const hit = positions.get(p);
    if (hit) return hit;
    if (p === "") return { file: file.path, line: 1, col: 1 };
    p = p.slice(0, p.lastIndexOf("/"));
  }
}
