// Entry of the format stage: prettier over TypeScript, JSON and Markdown output.
// TypeScript goes through the babel-ts parser: the same printer, about twice as fast as "typescript".
// Results are cached by content (emitted modules by chunks of declarations), so a regeneration after
// a small spec change only reformats what changed. Text known before the format stage (overrides,
// wire types, each module as it is emitted) is handed to the Formatter early and formatted on a
// worker thread while the main thread is still emitting.
//
// Why the work goes where it goes (measured on 2 cores): one thread running prettier keeps about
// 1.5 cores busy (V8 compiles and collects garbage on background threads), and prettier starting
// cold spends much of its time warming up. So a second prettier (on the main thread, or another
// worker) pays off only for a lot of text; one warm worker is better below that.
import { AsyncLocalStorage } from "node:async_hooks";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { format, version as prettierVersion, type Options } from "prettier";
import { cacheGet, cacheKey, cachePut } from "../cache/cache.js";

const PARSERS: Record<string, string> = { ".ts": "babel-ts", ".mts": "babel-ts", ".js": "babel", ".mjs": "babel", ".json": "json", ".md": "markdown", ".yaml": "yaml", ".yml": "yaml" };
const OPTIONS = { printWidth: 110, trailingComma: "all" as const, endOfLine: "lf" as const };
/** Prettier options of TypeScript output. */
export const TS_OPTIONS: Options = { ...OPTIONS, parser: "babel-ts" };
/** Characters left for the format stage above which more workers start (cold) alongside a first, warm one. */
const PARALLEL_THRESHOLD = 4_000_000;
const MAX_WORKERS = Math.max(1, Math.min(availableParallelism(), 8));
/** Characters per chunk, about (see chunks()): few enough to reformat quickly, enough to look up few. */
const CHUNK_CHARS = 8_000;
/** Line comments, each ending in a non-blank: prettier prints them as they are, one per line. */
const HEADER = /^(\/\/[^\n]*\S\n)+$/;

interface Job {
  key: string;
  text: string;
  options: Options;
  resolve(text: string): void;
  reject(err: Error): void;
}
interface Lane {
  worker: Worker;
  jobs: Map<number, Job>;
}

const current = new AsyncLocalStorage<Formatter>();

/**
 * For emitters: a TypeScript body that will reach the format stage behind a header of line comments,
 * in `pieces`: top-level statements, each with the line breaks after it, which prettier formats alike
 * alone or together (a body that cannot be cut is one piece). If a Formatter is running, it formats
 * them now, in chunks of a few pieces cut where the content says (see chunks()), each cached on its
 * own, so a regeneration reformats what an API change touched, not whole modules; or it takes
 * `formatted`: the body's formatting done elsewhere with aheadOptions().
 */
export function formatAhead(pieces: string[], formatted?: Promise<string>): void {
  current.getStore()?.ahead(pieces, formatted);
}

/** The prettier options of a TypeScript file, if a Formatter is running (to format ahead elsewhere). */
export function aheadOptions(): Options | undefined {
  return current.getStore() && TS_OPTIONS;
}

/**
 * Hands `worker` (one formatting ahead with aheadOptions()) to the running Formatter, if any: it is
 * terminated when the Formatter closes, and once `ready`, it serves the Formatter as one of its
 * workers (see worker.mjs): warm, where a new one would start cold.
 */
export function lendWorker(worker: Worker, ready: Promise<unknown>): void {
  current.getStore()?.adopt(worker, ready);
}

/**
 * The formatting of one render. Each distinct text is formatted once: from the cache, else by
 * prettier, on the main thread when nothing was formatted ahead and there is not much to format,
 * else on workers (the largest files first, each to the first free worker) while the main thread
 * only dispatches. close() terminates the workers.
 */
export class Formatter {
  readonly #results = new Map<string, Promise<string>>(); // by cache key
  readonly #bodies = new Map<string, Promise<string>>(); // body formatted ahead → formatted body
  readonly #queue: Job[] = [];
  readonly #lanes: Lane[] = [];
  readonly #lent: Worker[] = [];
  readonly #writes: Promise<void>[] = [];
  readonly #exits: Promise<number>[] = [];
  #maxWorkers = 0;
  #joining = 0; // lent workers not ready yet: no other starts in their place
  #failure?: Error;
  #nextId = 0;

  /** Runs `emit` with this Formatter receiving its formatAhead() and lendWorker() calls. */
  run<T>(emit: () => T): T {
    return current.run(this, emit);
  }

  /** Starts formatting `files` (for a formatFiles() to come) on a worker; resolves once they are sent. */
  async prefetch(files: Map<string, string>): Promise<void> {
    const { results, queued } = this.#request(files, false);
    for (const r of results) r.catch(() => undefined); // awaited by formatFiles(); not unhandled if it never comes
    await queued;
  }

  /** See formatAhead. */
  ahead(pieces: string[], formatted?: Promise<string>): void {
    const body = pieces.join("");
    if (this.#bodies.has(body) || !/^\S/.test(body)) return; // (leading blank lines would be kept after a header)
    if (formatted) {
      const key = cacheKey(prettierVersion, JSON.stringify(TS_OPTIONS), body);
      formatted = formatted.then((text) => (this.#writes.push(cachePut("format", key, text)), text));
    } else {
      const parts = chunks(pieces);
      const { results, queued } = this.#request(new Map(parts.map((c, i) => [`${i}.ts`, c])), false);
      queued.catch(() => undefined);
      // Prettier drops a chunk's trailing blank line; between chunks it is put back, as a whole-file run keeps it.
      formatted = Promise.all(results).then((texts) => texts.map((t, i) => (i < parts.length - 1 && parts[i].endsWith("\n\n") ? `${t}\n` : t)).join(""));
    }
    formatted.catch(() => undefined); // awaited where the file is formatted; never unhandled meanwhile
    this.#bodies.set(body, formatted);
  }

  /** See lendWorker. */
  adopt(worker: Worker, ready: Promise<unknown>): void {
    this.#lent.push(worker);
    this.#joining++;
    const join = (ok: boolean): void => {
      this.#joining--;
      if (ok && !this.#failure) this.#addLane(worker);
      this.#pump();
    };
    ready.then(() => join(true), () => join(false));
  }

  /** `laidOut`: files already in prettier's layout, passed through. */
  async formatFiles(files: Map<string, string>, laidOut: ReadonlySet<string> = new Set()): Promise<Map<string, string>> {
    const { results, queued } = this.#request(new Map([...files].filter(([p]) => !laidOut.has(p))), true);
    await queued;
    if (this.#maxWorkers === 0) for (const job of this.#queue.splice(0)) await format(job.text, job.options).then(job.resolve, job.reject);
    const texts = await Promise.all(results);
    await Promise.all(this.#writes);
    const paths = [...files.keys()].filter((p) => !laidOut.has(p));
    const out = [...paths.map((p, i) => [p, texts[i]] as const), ...[...laidOut].map((p) => [p, files.get(p) as string] as const)];
    return new Map(out.sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  async close(): Promise<void> {
    this.#fail(new Error("formatter closed"));
    this.#exits.push(...this.#lent.map((w) => w.terminate()));
    await Promise.all([...this.#writes, ...this.#exits]);
  }

  /** One result per file (memoised by content); `queued` settles once the misses are looked up and handed out. */
  #request(files: Map<string, string>, stage: boolean): { results: Promise<string>[]; queued: Promise<void> } {
    const fresh: Job[] = [];
    const results = [...files].map(([path, text]) => {
      const parser = PARSERS[path.slice(path.lastIndexOf("."))];
      if (!parser) return Promise.resolve(text);
      const options: Options = { ...OPTIONS, parser };
      const key = cacheKey(prettierVersion, JSON.stringify(options), text);
      let result = this.#results.get(key);
      if (!result) {
        result = new Promise<string>((resolve, reject) => fresh.push({ key, text, options, resolve, reject }));
        this.#results.set(key, result);
      }
      return result;
    });
    return { results, queued: this.#enqueue(fresh, stage) };
  }

  async #enqueue(jobs: Job[], stage: boolean): Promise<void> {
    const ahead = jobs.map((j) => (j.options.parser === "babel-ts" ? this.#formattedAhead(j.text) : undefined));
    jobs.forEach((j, i) => ahead[i]?.then(j.resolve, j.reject));
    jobs = jobs.filter((_, i) => !ahead[i]);
    const cached = await Promise.all(jobs.map((j) => cacheGet("format", j.key)));
    const todo = jobs.filter((j, i) => (cached[i] === undefined ? true : (j.resolve(cached[i]), false)));
    if (!todo.length) return;
    const size = todo.reduce((n, j) => n + j.text.length, 0);
    this.#maxWorkers = Math.max(this.#maxWorkers, !stage ? 1 : size > PARALLEL_THRESHOLD ? MAX_WORKERS : 0);
    for (const j of todo.sort((a, b) => b.text.length - a.text.length)) {
      const resolve = j.resolve;
      j.resolve = (text) => {
        resolve(text);
        this.#writes.push(cachePut("format", j.key, text));
      };
      if (this.#failure) j.reject(this.#failure);
      // Before the format stage, the main thread is busy emitting and cannot hand out work later: all to a worker now.
      else if (!stage) this.#post(this.#lanes[0] ?? this.#spawn(), j);
      else this.#queue.push(j);
    }
    this.#queue.sort((a, b) => b.text.length - a.text.length);
    this.#pump();
  }

  /** The formatted file, if `text` is a header + a body formatted ahead. */
  #formattedAhead(text: string): Promise<string> | undefined {
    for (const [body, formatted] of this.#bodies) {
      const header = text.endsWith(body) ? text.slice(0, text.length - body.length) : "";
      if (HEADER.test(header) && !header.includes("prettier-ignore")) return formatted.then((f) => header + f);
    }
    return undefined;
  }

  /** Hands queued jobs to idle workers, starting workers up to the limit. */
  #pump(): void {
    while (this.#queue.length && !this.#failure) {
      const lane = this.#lanes.find((l) => l.jobs.size === 0) ?? (this.#lanes.length + this.#joining < this.#maxWorkers ? this.#spawn() : undefined);
      if (!lane) return;
      this.#post(lane, this.#queue.shift() as Job);
    }
  }

  #post(lane: Lane, job: Job): void {
    const id = this.#nextId++;
    lane.jobs.set(id, job);
    lane.worker.postMessage({ id, text: job.text, options: job.options });
  }

  #spawn(): Lane {
    // execArgv: [] — the worker is plain JavaScript: no need for the TypeScript loader the generator runs under.
    return this.#addLane(new Worker(new URL("./worker.mjs", import.meta.url), { execArgv: [] }));
  }

  #addLane(worker: Worker): Lane {
    const lane: Lane = { worker, jobs: new Map() };
    worker.on("message", (msg: { id?: number; text?: string; error?: string }) => {
      const job = msg.id === undefined ? undefined : lane.jobs.get(msg.id);
      if (!job) return; // a lent worker's own messages
      lane.jobs.delete(msg.id as number);
      if (msg.error !== undefined) job.reject(new Error(msg.error));
      else job.resolve(msg.text as string);
      this.#pump();
    });
    worker.on("error", (err) => this.#fail(err));
    worker.on("exit", (code) => this.#fail(new Error(`prettier worker exited with code ${code}`)));
    this.#lanes.push(lane);
    return lane;
  }

  /** A failed worker fails every pending job (none is lost or left hanging), and all workers stop. */
  #fail(err: Error): void {
    this.#failure ??= err;
    for (const job of [...this.#queue.splice(0), ...this.#lanes.flatMap((l) => [...l.jobs.values()])]) job.reject(this.#failure);
    for (const lane of this.#lanes.splice(0)) this.#exits.push(lane.worker.terminate());
  }
}

/**
 * Consecutive pieces joined into chunks, a chunk ending after a piece whose hash falls in the lowest
 * piece.length / CHUNK_CHARS of its range (FNV-1a's high bits: its low bits hardly vary with the
 * text): boundaries depend on the pieces alone, so an edit changes its own chunk and no other.
 */
export function chunks(pieces: string[]): string[] {
  const out: string[] = [];
  let chunk = "";
  for (const piece of pieces) {
    chunk += piece;
    if (fnv1a(piece) < (2 ** 32 * piece.length) / CHUNK_CHARS) {
      out.push(chunk);
      chunk = "";
    }
  }
  if (chunk) out.push(chunk);
  return out;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
