// Matches a request path to an IR operation. Formation operations are served under
// `/api/{id}/v1`, `/draft/{id}/v1` and `/v1`; server operations at their own paths.
import type { IR, Operation, Service, ServiceName } from "../../generator/ir/types.js";
import type { FormationMode } from "./types.js";

export type RouteMatch =
  | {
      kind: "match";
      service: ServiceName;
      op: Operation;
      mode?: FormationMode;
      formationId?: string;
      /** Percent-decoded path values by wire name. */
      pathParams: Record<string, string>;
    }
  | { kind: "bad-path"; service: ServiceName; op: Operation; mode?: FormationMode; formationId?: string; message: string }
  | { kind: "method-not-allowed"; allowed: string[]; message: string }
  | { kind: "not-found"; message: string };

interface Template {
  op: Operation;
  /** Literal segment, or `{wire}` placeholder name. */
  segments: { literal?: string; param?: string }[];
}

export interface Router {
  match(method: string, rawPath: string): RouteMatch;
}

function compile(service: Service | undefined): Template[] {
  if (!service) return [];
  return service.operations.map((op) => ({
    op,
    segments: op.path
      .split("/")
      .slice(1)
      .map((seg) => {
        const m = /^\{([^}]+)\}$/.exec(seg);
        return m ? { param: m[1] } : { literal: seg };
      }),
  }));
}

/** Decodes one path segment; undefined when the escapes are malformed. */
function decodeSegment(seg: string): string | undefined {
  try {
    return decodeURIComponent(seg);
  } catch {
    return undefined;
  }
}

/** More literal segments earlier = more specific (`/memories/batch` beats `/memories/{id}`). */
function specificity(t: Template): string {
  return t.segments.map((s) => (s.literal !== undefined ? "1" : "0")).join("");
}

function matchIn(
  templates: Template[],
  service: ServiceName,
  method: string,
  rest: string[],
  extra: { mode?: FormationMode; formationId?: string },
): RouteMatch {
  const decoded = rest.map(decodeSegment);
  const bad = decoded.findIndex((d) => d === undefined);
  const candidates: { t: Template; params: Record<string, string> }[] = [];
  for (const t of templates) {
    if (t.segments.length !== rest.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < rest.length && ok; i++) {
      const seg = t.segments[i];
      if (seg.literal !== undefined) ok = seg.literal === rest[i] || seg.literal === decoded[i];
      else params[seg.param as string] = decoded[i] ?? rest[i];
    }
    if (ok) candidates.push({ t, params });
  }
  const label = `/${rest.join("/")}`;
  if (!candidates.length) return { kind: "not-found", message: `no ${service} operation has the path ${label}` };
  const withMethod = candidates.filter((c) => c.t.op.method === method);
  if (!withMethod.length) {
    const allowed = [...new Set(candidates.map((c) => c.t.op.method))];
    return { kind: "method-not-allowed", allowed, message: `${method} is not allowed on ${label} (allowed: ${allowed.join(", ")})` };
  }
  withMethod.sort((a, b) => (specificity(a.t) < specificity(b.t) ? 1 : specificity(a.t) > specificity(b.t) ? -1 : 0));
  const { t, params } = withMethod[0];
  const op = t.op;
  if (bad >= 0) return { kind: "bad-path", service, op, ...extra, message: `malformed percent-encoding in path segment "${rest[bad]}"` };
  const empty = Object.entries(params).find(([, v]) => v === "");
  if (empty) return { kind: "bad-path", service, op, ...extra, message: `path parameter ${empty[0]} is empty (${op.path})` };
  return { kind: "match", service, op, pathParams: params, ...extra };
}

export function createRouter(ir: IR): Router {
  const formation = compile(ir.services.find((s) => s.name === "formation"));
  const server = compile(ir.services.find((s) => s.name === "server"));
  return {
    match(method: string, rawPath: string): RouteMatch {
      const segs = rawPath.split("/").slice(1);
      // /api/{id}/v1/... and /draft/{id}/v1/...
      if ((segs[0] === "api" || segs[0] === "draft") && segs.length >= 3 && segs[2] === "v1") {
        const formationId = decodeSegment(segs[1]) ?? "";
        const mode: FormationMode = segs[0] === "api" ? "live" : "draft";
        if (!formationId) return { kind: "not-found", message: `empty formation id in ${rawPath}` };
        return matchIn(formation, "formation", method, segs.slice(3), { mode, formationId });
      }
      if (segs[0] === "v1") return matchIn(formation, "formation", method, segs.slice(1), { mode: "direct" });
      return matchIn(server, "server", method, segs, {});
    },
  };
}
