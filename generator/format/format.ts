// Entry of the format stage: prettier over the JSON, Markdown, YAML and JavaScript that emitters
// write as plain text (the scaffolds' files, the package's README). TypeScript is not formatted
// here: emit/typescript lays its modules and wire types out with prettier's own layout algorithm
// (emit/typescript/print/), and overrides are copied as written, held to prettier's format by
// test/generator/overrides-format.test.ts; the stage passes such files through. Results are cached
// by content.
import { format, version as prettierVersion, type Options } from "prettier";
import { OPTIONS } from "./options.mjs";
import { cacheGet, cacheKey, cachePut } from "../cache/cache.js";

const PARSERS: Record<string, string> = { ".ts": "typescript", ".mts": "typescript", ".js": "babel", ".mjs": "babel", ".json": "json", ".md": "markdown", ".yaml": "yaml", ".yml": "yaml" };

/** The prettier options of a file, by its extension; undefined for files prettier does not format (LICENSE, .py…). */
export function formatOptions(path: string): Options | undefined {
  const parser = PARSERS[path.slice(path.lastIndexOf("."))];
  // The path too: without it prettier cannot tell a .ts file from a .tsx one, and writes `<T,>(…) =>`.
  return parser ? { ...OPTIONS, parser, filepath: path } : undefined;
}

/** `files`, sorted by path, formatted except those in `laidOut` (already in prettier's layout, or copied as written). */
export async function formatFiles(files: Map<string, string>, laidOut: ReadonlySet<string> = new Set()): Promise<Map<string, string>> {
  const out = await Promise.all([...files].map(async ([path, text]) => [path, laidOut.has(path) ? text : await formatText(path, text)] as const));
  return new Map(out.sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function formatText(path: string, text: string): Promise<string> {
  const options = formatOptions(path);
  if (!options) return text;
  const key = cacheKey(prettierVersion, JSON.stringify(options), text);
  const cached = await cacheGet("format", key);
  if (cached !== undefined) return cached;
  const formatted = await format(text, options);
  await cachePut("format", key, formatted);
  return formatted;
}
