// Minimal tar reader (ustar, pax `path` records, GNU long names): enough to
// find a file by name in a formation bundle. Not a general extractor.

export interface TarEntry {
  name: string;
  /** "0"/"" file, "5" directory, … (the raw typeflag). */
  type: string;
  data: Uint8Array;
}

const BLOCK = 512;
const latin = new TextDecoder("latin1");
const utf8 = new TextDecoder();

function cstring(b: Uint8Array, off: number, len: number, decoder = utf8): string {
  let end = off;
  while (end < off + len && b[end] !== 0) end++;
  return decoder.decode(b.subarray(off, end));
}

function size(b: Uint8Array, off: number): number {
  if ((b[off]! & 0x80) !== 0) {
    // base-256 (GNU) for huge files
    let n = b[off]! & 0x7f;
    for (let i = 1; i < 12; i++) n = n * 256 + b[off + i]!;
    return n;
  }
  const s = cstring(b, off, 12, latin).trim();
  return s === "" ? 0 : parseInt(s, 8);
}

function paxPath(data: Uint8Array): string | undefined {
  // Records: "<len> <key>=<value>\n"
  const text = utf8.decode(data);
  let pos = 0;
  let path: string | undefined;
  while (pos < text.length) {
    const sp = text.indexOf(" ", pos);
    if (sp === -1) break;
    const len = parseInt(text.slice(pos, sp), 10);
    if (!(len > 0)) break;
    const rec = text.slice(sp + 1, pos + len - 1);
    const eq = rec.indexOf("=");
    if (eq !== -1 && rec.slice(0, eq) === "path") path = rec.slice(eq + 1);
    pos += len;
  }
  return path;
}

export function* readTar(archive: Uint8Array): Generator<TarEntry> {
  let off = 0;
  let longName: string | undefined;
  while (off + BLOCK <= archive.length) {
    const h = archive.subarray(off, off + BLOCK);
    if (h.every((x) => x === 0)) return; // end-of-archive marker
    const n = size(h, 124);
    const type = String.fromCharCode(h[156] || 48);
    const dataStart = off + BLOCK;
    const data = archive.subarray(dataStart, Math.min(archive.length, dataStart + n));
    off = dataStart + Math.ceil(n / BLOCK) * BLOCK;
    if (type === "x") {
      longName = paxPath(data) ?? longName;
      continue;
    }
    if (type === "L") {
      longName = cstring(data, 0, data.length);
      continue;
    }
    if (type === "g" || type === "K") continue;
    let name = cstring(h, 0, 100);
    if (cstring(h, 257, 5, latin) === "ustar") {
      const prefix = cstring(h, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    if (longName !== undefined) {
      name = longName;
      longName = undefined;
    }
    yield { name, type: type === "\0" ? "0" : type, data };
  }
}
