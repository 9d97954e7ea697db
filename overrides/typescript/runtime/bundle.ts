// Deploy/update inputs: the bundle bytes plus the formation id and version,
// read from the bundle's formation file when the caller does not give them.

import { importNode } from "./webcrypto.js";
import { readTar } from "./tar.js";
import { topLevelScalars } from "./yaml-scalars.js";

export interface BundleInput {
  /** Path of a .tar.gz on disk (Node, Bun, Deno with node: compat). */
  bundlePath?: string;
  /**
   * The .tar.gz bytes. A ReadableStream is uploaded as it comes (never retried)
   * when formationId and version are given, else read first to find them.
   */
  bundle?: Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>;
  /** Formation id (default: `id:` in the bundle's formation file). */
  formationId?: string;
  /** Formation version (default: `version:` in the formation file, else "1.0.0" as the server does). */
  version?: string;
}

export interface ReadBundle {
  /** What to upload: the bytes, or the caller's Blob/stream untouched when nothing had to be read. */
  body: Uint8Array | Blob | ReadableStream<Uint8Array>;
  formationId: string | undefined;
  version: string;
}

const FORMATION_FILES = ["formation.afs", "formation.yaml", "formation.yml"];

async function bundleBytes(input: BundleInput): Promise<Uint8Array> {
  const b = input.bundle;
  if (b instanceof Uint8Array) return b;
  if (b instanceof ArrayBuffer) return new Uint8Array(b);
  if (typeof Blob !== "undefined" && b instanceof Blob) return new Uint8Array(await b.arrayBuffer());
  if (typeof ReadableStream !== "undefined" && b instanceof ReadableStream)
    return new Uint8Array(await new Response(b).arrayBuffer());
  if (b !== undefined)
    throw new TypeError("`bundle` must be a Uint8Array, ArrayBuffer, Blob or ReadableStream");
  if (input.bundlePath) {
    const fs = await importNode<{ readFile(path: string): Promise<Uint8Array> }>("node:fs/promises");
    const buf = await fs.readFile(input.bundlePath);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  throw new TypeError("A formation bundle is required: pass `bundle` (tar.gz bytes) or `bundlePath`");
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream === "function") {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  const zlib = await importNode<{ gunzipSync(b: Uint8Array): Uint8Array }>("node:zlib");
  return new Uint8Array(zlib.gunzipSync(bytes));
}

/** The formation file's text, looked up like the server: `<root>/formation.afs|yaml|yml`. */
export function findFormationFile(tar: Uint8Array): { name: string; text: string } {
  const files = new Map<string, Uint8Array>();
  let root: string | undefined;
  for (const e of readTar(tar)) {
    const name = e.name.replace(/^\/+/, "");
    // The server takes the first path component of the first entry as the root.
    root ??= name.split("/")[0];
    if (e.type === "0" || e.type === "7") files.set(name.replace(/^\.\//, ""), e.data);
  }
  const prefix = root === undefined || root === "." || root === "" ? "" : `${root}/`;
  for (const f of FORMATION_FILES) {
    const data = files.get(prefix + f);
    if (data) return { name: prefix + f, text: new TextDecoder().decode(data) };
  }
  throw new Error(
    `No ${FORMATION_FILES.join(" / ")} at the bundle root (${prefix || "./"}): is this a formation bundle?`,
  );
}

/** Reads the bundle and fills formationId/version from its formation file where not given. */
export async function readBundle(input: BundleInput, needId = true): Promise<ReadBundle> {
  let formationId = input.formationId;
  let version = input.version;
  const known = (!needId || !!formationId) && !!version;
  const b = input.bundle;
  if (known && b !== undefined && !(b instanceof ArrayBuffer)) {
    // Nothing to look up: upload the caller's bytes, Blob or stream as they are.
    return { body: b, formationId, version: version! };
  }
  const bytes = await bundleBytes(input);
  if (!known) {
    let file: { name: string; text: string };
    try {
      file = findFormationFile(await gunzip(bytes));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new Error(`Cannot read the formation id/version from the bundle: ${why}`, { cause: err });
    }
    const meta = topLevelScalars(file.text, ["id", "version"]);
    formationId ??= meta.id;
    version ??= meta.version;
    if (needId && !formationId) throw new Error(`${file.name} has no top-level \`id:\`; pass formationId`);
  }
  return { body: bytes, formationId, version: version ?? "1.0.0" };
}
