// The manifest of a generated target: every file it generated, with its SHA-256.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const MANIFEST = ".muxi-sdkgen-manifest.json";

export interface Manifest {
  generator: "muxi-sdkgen";
  files: Record<string, string>;
}

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

export function buildManifest(files: Map<string, string>): Manifest {
  const entries = [...files].map(([path, text]) => [path, sha256(text)] as const).sort(([a], [b]) => (a < b ? -1 : 1));
  return { generator: "muxi-sdkgen", files: Object.fromEntries(entries) };
}

export async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(dir, MANIFEST), "utf8")) as Manifest;
    return parsed && typeof parsed.files === "object" ? parsed : undefined;
  } catch {
    return undefined;
  }
}
