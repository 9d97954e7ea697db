// A tiny ustar writer for building test bundles.

import { gzipSync } from "node:zlib";

function header(name: string, size: number, type: "0" | "5"): Buffer {
  const h = Buffer.alloc(512);
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf("/", 155);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100);
  h.write(type === "5" ? "0000755\0" : "0000644\0", 100);
  h.write("0000000\0", 108);
  h.write("0000000\0", 116);
  h.write(size.toString(8).padStart(11, "0") + "\0", 124);
  h.write("00000000000\0", 136);
  h.write("        ", 148);
  h.write(type, 156);
  h.write("ustar\0", 257);
  h.write("00", 263);
  h.write(prefix, 345, 155);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
  return h;
}

export function tar(entries: Array<{ name: string; content?: string | Buffer; dir?: boolean }>): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    if (e.dir) {
      parts.push(header(e.name.endsWith("/") ? e.name : `${e.name}/`, 0, "5"));
      continue;
    }
    const data = typeof e.content === "string" ? Buffer.from(e.content) : (e.content ?? Buffer.alloc(0));
    parts.push(header(e.name, data.length, "0"), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function tarGz(entries: Parameters<typeof tar>[0]): Uint8Array {
  return new Uint8Array(gzipSync(tar(entries)));
}

/** A pax extended header record block + the entry it names. */
export function paxEntry(path: string, content: string): Buffer {
  const rec = (k: string, v: string): string => {
    const body = ` ${k}=${v}\n`;
    let len = body.length + 1;
    while (String(len).length + body.length !== len) len = String(len).length + body.length;
    return `${len}${body}`;
  };
  const pax = Buffer.from(rec("path", path));
  const h = header("PaxHeaders/x", pax.length, "0");
  h[156] = "x".charCodeAt(0);
  // recompute checksum after changing the type
  h.write("        ", 148);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
  const data = Buffer.from(content);
  return Buffer.concat([
    h,
    pax,
    Buffer.alloc((512 - (pax.length % 512)) % 512),
    header("short-name", data.length, "0"),
    data,
    Buffer.alloc((512 - (data.length % 512)) % 512),
  ]);
}
