// Environment variables where the runtime has them: process.env (Node, Bun),
// Deno.env (permission errors swallowed), nothing in browsers/edge.

interface EnvGlobals {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get(name: string): string | undefined } };
}

/** The variable's value, or undefined when unset, empty or unreadable. */
export function readEnv(name: string): string | undefined {
  const g = globalThis as EnvGlobals;
  let value: string | undefined;
  try {
    value = g.process?.env?.[name];
  } catch {
    value = undefined;
  }
  if (value === undefined) {
    try {
      value = g.Deno?.env?.get(name);
    } catch {
      value = undefined; // no --allow-env
    }
  }
  return value === undefined || value === "" ? undefined : value;
}

/** MUXI_DEBUG=1/true/yes/on. */
export function envFlag(name: string): boolean {
  const v = readEnv(name)?.trim().toLowerCase();
  return v === "1" || v === "true" || v === "yes" || v === "on";
}

export const ENV = {
  serverUrl: "MUXI_SERVER_URL",
  formationUrl: "MUXI_FORMATION_URL",
  clientKey: "MUXI_CLIENT_KEY",
  adminKey: "MUXI_ADMIN_KEY",
  keyId: "MUXI_KEY_ID",
  secretKey: "MUXI_SECRET_KEY",
  debug: "MUXI_DEBUG",
} as const;
