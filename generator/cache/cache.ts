// A content-addressed cache for pure, expensive steps (prettier, openapi-typescript): the
// key is a hash of everything the result depends on, so a hit can never be stale. It lives in
// node_modules/.cache/muxi-sdkgen; MUXI_SDKGEN_CACHE=0 turns it off.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const ROOT = process.env.MUXI_SDKGEN_CACHE === "0" ? undefined : join(process.cwd(), "node_modules/.cache/muxi-sdkgen");

export function cacheKey(...parts: string[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
}

export async function cacheGet(area: string, key: string): Promise<string | undefined> {
  return ROOT ? readFile(join(ROOT, area, key), "utf8").catch(() => undefined) : undefined;
}

/** cacheGet without yielding: for a caller that must start work before it returns (see emit/typescript/wire-types.ts). */
export function cacheGetSync(area: string, key: string): string | undefined {
  try {
    return ROOT ? readFileSync(join(ROOT, area, key), "utf8") : undefined;
  } catch {
    return undefined;
  }
}

export async function cachePut(area: string, key: string, value: string): Promise<void> {
  if (!ROOT) return;
  await mkdir(join(ROOT, area), { recursive: true });
  await writeFile(join(ROOT, area, key), value).catch(() => undefined);
}
