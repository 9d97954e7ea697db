// Debug logging: method, URL, status, attempt and timing, and the request
// headers with every credential redacted. Never prints keys, secrets or signatures.

export type DebugSink = (line: string) => void;

const SECRET_HEADER = /authorization|key|secret|token|signature|cookie|password/i;
const PUBLIC_HEADERS = new Set(["x-muxi-idempotency-key"]);
const SECRET_QUERY = /key|secret|token|signature|password|auth/i;

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] = SECRET_HEADER.test(k) && !PUBLIC_HEADERS.has(k.toLowerCase()) ? "[redacted]" : v;
  }
  return out;
}

/** The URL with the values of credential-looking query parameters redacted. */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q === -1) return url;
  const parts = url
    .slice(q + 1)
    .split("&")
    .map((p) => {
      const eq = p.indexOf("=");
      const key = eq === -1 ? p : p.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {
        // keep as is
      }
      return eq !== -1 && SECRET_QUERY.test(name) ? `${key}=[redacted]` : p;
    });
  return `${url.slice(0, q)}?${parts.join("&")}`;
}

export class DebugLog {
  readonly #sink: DebugSink | undefined;

  constructor(sink: DebugSink | undefined) {
    this.#sink = sink;
  }

  #line(mark: string, method: string, url: string, rest: string): void {
    this.#sink?.(`[muxi] ${mark} ${method} ${redactUrl(url)} ${rest}`);
  }

  request(method: string, url: string, attempt: number, headers: Readonly<Record<string, string>>): void {
    if (this.#sink)
      this.#line("→", method, url, `(attempt ${attempt}) ${JSON.stringify(redactHeaders(headers))}`);
  }

  response(method: string, url: string, attempt: number, status: number, ms: number): void {
    this.#line("←", method, url, `${status} (attempt ${attempt}, ${ms} ms)`);
  }

  failure(method: string, url: string, attempt: number, error: unknown, ms: number): void {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.#line("✕", method, url, `${what} (attempt ${attempt}, ${ms} ms)`);
  }

  retry(method: string, url: string, delayMs: number): void {
    this.#line("↻", method, url, `retrying in ${delayMs} ms`);
  }
}

/** `debug: true` → console.debug; a function → that function; else off. */
export function debugSink(debug: boolean | DebugSink | undefined): DebugSink | undefined {
  if (typeof debug === "function") return debug;
  if (debug === true) return (line) => console.debug(line);
  return undefined;
}
