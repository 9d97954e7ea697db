// Scaffold files on disk: written fresh, or synced so that build caches stay valid.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

export async function writeTree(dir: string, files: Map<string, string>): Promise<void> {
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** Every file below `dir` as a /-separated relative path ([] when it does not exist); `skip`: top-level directories left out. */
export async function listFiles(dir: string, skip: string[] = []): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const full = join(d, e.name);
      if (e.isDirectory()) {
        if (!skip.includes(relative(dir, full))) await walk(full);
      } else out.push(relative(dir, full).split("\\").join("/"));
    }
  };
  await walk(dir);
  return out;
}

/** Makes `dir` hold exactly `files` (`skip` aside), writing only what changed so a build tool does not rebuild. */
export async function syncTree(dir: string, files: Map<string, string>, skip: string[] = []): Promise<void> {
  for (const path of await listFiles(dir, skip)) if (!files.has(path)) await rm(join(dir, path));
  for (const [path, text] of files) {
    const full = join(dir, path);
    if ((await readFile(full, "utf8").catch(() => undefined)) === text) continue;
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, text);
  }
}
