// Base URLs and request URLs.

export interface FormationLocation {
  /** Full base URL ending in /v1, used verbatim (one trailing slash trimmed). */
  baseUrl?: string;
  /** The formation's own origin; `/v1` is appended. */
  url?: string;
  /** MUXI Server origin; with `formationId` gives `{serverUrl}/api|draft/{formationId}/v1`. */
  serverUrl?: string;
  formationId?: string;
  mode?: "live" | "draft";
}

function trimSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47) end--;
  return s.slice(0, end);
}

/** Precedence: baseUrl > url > serverUrl + formationId. */
export function formationBaseUrl(loc: FormationLocation): string {
  if (loc.baseUrl) return loc.baseUrl.endsWith("/") ? loc.baseUrl.slice(0, -1) : loc.baseUrl;
  if (loc.url) return `${trimSlashes(loc.url)}/v1`;
  if (loc.serverUrl) {
    if (!loc.formationId) {
      throw new Error(
        "FormationClient: `formationId` is required with `serverUrl` (or pass `url` / `baseUrl`)",
      );
    }
    const mode = loc.mode ?? "live";
    if (mode !== "live" && mode !== "draft")
      throw new Error(`FormationClient: mode must be "live" or "draft", got ${String(mode)}`);
    const prefix = mode === "draft" ? "draft" : "api";
    return `${trimSlashes(loc.serverUrl)}/${prefix}/${encodeURIComponent(loc.formationId)}/v1`;
  }
  throw new Error(
    "FormationClient: no formation address; pass `serverUrl` + `formationId`, `url` or `baseUrl` " +
      "(or set MUXI_SERVER_URL / MUXI_FORMATION_URL)",
  );
}

/** Server origin with trailing slashes removed. */
export function serverBaseUrl(url: string | undefined): string {
  if (!url) throw new Error("ServerClient: `url` is required (or set MUXI_SERVER_URL)");
  return trimSlashes(url);
}

function queryValue(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

/**
 * `base` + path template with every `{name}` replaced by its percent-encoded value
 * (encodeURIComponent, so a "/" in an id stays inside its segment) + query.
 * Query: undefined/null skipped; arrays become repeated keys (`a=1&a=2`);
 * booleans `true`/`false`; Dates ISO strings; other objects JSON. Keys and values
 * are percent-encoded (space → %20).
 */
export function buildUrl(
  base: string,
  pathTemplate: string,
  pathValues: Readonly<Record<string, string>> = {},
  query: Readonly<Record<string, unknown>> = {},
): string {
  const path = pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = pathValues[name];
    if (v === undefined) throw new Error(`Missing path parameter "${name}" for ${pathTemplate}`);
    return encodeURIComponent(v);
  });
  const root = base.endsWith("/") ? base.slice(0, -1) : base;
  let url = root + (path === "" || path.startsWith("/") ? path : `/${path}`);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const k = encodeURIComponent(key);
    if (Array.isArray(value)) {
      for (const item of value)
        if (item !== undefined && item !== null) parts.push(`${k}=${encodeURIComponent(queryValue(item))}`);
    } else {
      parts.push(`${k}=${encodeURIComponent(queryValue(value))}`);
    }
  }
  if (parts.length > 0) url += (url.includes("?") ? "&" : "?") + parts.join("&");
  return url;
}
