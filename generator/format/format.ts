// Entry of the format stage: prettier over TypeScript, JSON and Markdown output.
// TypeScript goes through the babel-ts parser: the same printer, about twice as fast as "typescript".
// Large outputs are formatted on worker threads, and results are cached by content, so a
// regeneration after a small spec change only reformats the files that changed.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { format, version as prettierVersion, type Options } from "prettier";
import { cacheGet, cacheKey, cachePut } from "../cache/cache.js";

const PARSERS: Record<string, string> = { ".ts": "babel-ts", ".mts": "babel-ts", ".js": "babel", ".mjs": "babel", ".json": "json", ".md": "markdown", ".yaml": "yaml", ".yml": "yaml" };
const OPTIONS = { printWidth: 110, trailingComma: "all" as const, endOfLine: "lf" as const };
/** Below this many characters in total, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 400_000;

export async function formatFiles(files: Map<string, string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const todo: { path: string; text: string; options: Options; key: string }[] = [];
  for (const [path, text] of files) {
    const parser = PARSERS[path.slice(path.lastIndexOf("."))];
    if (!parser) {
      out.set(path, text);
      continue;
    }
    const options: Options = { ...OPTIONS, parser };
    const key = cacheKey(prettierVersion, JSON.stringify(options), text);
    const cached = await cacheGet("format", key);
    if (cached !== undefined) out.set(path, cached);
    else todo.push({ path, text, options, key });
  }
  const total = todo.reduce((n, f) => n + f.text.length, 0);
  const formatted = total > PARALLEL_THRESHOLD ? await formatInWorkers(todo) : await Promise.all(todo.map((f) => format(f.text, f.options)));
  await Promise.all(
    todo.map(async (f, i) => {
      out.set(f.path, formatted[i]);
      await cachePut("format", f.key, formatted[i]);
    }),
  );
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Largest files first, each to the worker with the least work queued. */
async function formatInWorkers(files: { text: string; options: Options }[]): Promise<string[]> {
  const count = Math.max(1, Math.min(availableParallelism(), 8, files.length));
  const pending = new Map<number, { resolve(text: string): void; reject(err: Error): void }>();
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url));
    worker.on("message", (msg: { id: number; text?: string; error?: string }) => {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error !== undefined) p?.reject(new Error(msg.error));
      else p?.resolve(msg.text as string);
    });
    return worker;
  });
  const load = new Array<number>(count).fill(0);
  try {
    const order = files.map((_, i) => i).sort((a, b) => files[b].text.length - files[a].text.length);
    const results = new Array<Promise<string>>(files.length);
    for (const i of order) {
      const w = load.indexOf(Math.min(...load));
      load[w] += files[i].text.length;
      results[i] = new Promise<string>((resolve, reject) => pending.set(i, { resolve, reject }));
      workers[w].postMessage({ id: i, text: files[i].text, options: files[i].options });
    }
    return await Promise.all(results);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
