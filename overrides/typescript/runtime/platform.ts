// Identification headers and UUIDs, without Node-only APIs.

import { VERSION } from "../generated/version.js";

export const SDK_HEADER_VALUE = `typescript/${VERSION}`;

export interface RuntimeGlobals {
  process?: { platform?: string; arch?: string; versions?: { node?: string; bun?: string } };
  Deno?: { version?: { deno?: string }; build?: { os?: string; arch?: string } };
  Bun?: { version?: string };
}

/** `<os>-<arch>/<runtime><version>` for Deno, Bun and Node; undefined elsewhere. */
export function clientInfo(g: RuntimeGlobals): string | undefined {
  try {
    if (g.Deno?.version?.deno) {
      const os = g.Deno.build?.os ?? "unknown";
      const arch = g.Deno.build?.arch ?? "unknown";
      return `${os}-${arch}/deno${g.Deno.version.deno}`;
    }
    const p = g.process;
    const bun = g.Bun?.version ?? p?.versions?.bun;
    if (bun && p?.platform && p.arch) return `${p.platform}-${p.arch}/bun${bun}`;
    if (p?.versions?.node && p.platform && p.arch) return `${p.platform}-${p.arch}/node${p.versions.node}`;
  } catch {
    // Locked-down globals: send nothing rather than guess.
  }
  return undefined; // browsers and edge runtimes: OS/arch unknown, header omitted
}

/** `X-Muxi-Client` value (`linux-x64/node20.20.2`), undefined when the runtime cannot tell. */
export const CLIENT_HEADER_VALUE: string | undefined = clientInfo(globalThis as RuntimeGlobals);

/**
 * UUID v4 from crypto.getRandomValues (randomUUID is missing on plain-http pages), or
 * Math.random where there is no Web Crypto global (Node 18 without the flag).
 */
export function uuid(): string {
  const b = new Uint8Array(16);
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c) c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = (Math.random() * 256) | 0;
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
