// The specs must describe exactly the routes the real servers have (test/spec/real-routes.ts,
// written by hand from the research catalogues): no route missing, none invented.

import { describe, expect, it } from "vitest";
import { FORMATION_ROUTES, SERVER_ROUTES, type RealRoute } from "./real-routes";
import { loadSpec } from "./spec-loader";

/** Route identity ignores path parameter names: `/users/{id}` and `/users/{user_id}` are one route. */
const routeKey = (method: string, path: string): string =>
  `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, "{}")}`;

function compare(specFile: string, real: readonly RealRoute[]): { missing: string[]; extra: string[]; problems: string[] } {
  const spec = loadSpec(specFile);
  const inSpec = new Map<string, string>();
  for (const op of spec.operations) inSpec.set(routeKey(op.method, op.path), `${op.method} ${op.path}`);
  const inReal = new Map<string, string>();
  for (const route of real) inReal.set(routeKey(route.method, route.path), `${route.method} ${route.path} [${route.evidence}, §${route.section}]`);
  const missing = [...inReal].filter(([key]) => !inSpec.has(key)).map(([, label]) => label);
  const extra = [...inSpec].filter(([key]) => !inReal.has(key)).map(([, label]) => label);
  return { missing, extra, problems: spec.problems };
}

function report(specFile: string, result: ReturnType<typeof compare>): string {
  const lines = [`${specFile} does not match the real routes.`];
  if (result.problems.length) lines.push(`Problems reading paths (${result.problems.length}):`, ...result.problems.map((p) => `  ! ${p}`));
  if (result.missing.length) lines.push(`Missing from the spec (${result.missing.length}):`, ...result.missing.map((m) => `  - ${m}`));
  if (result.extra.length) lines.push(`In the spec but not a real route (${result.extra.length}):`, ...result.extra.map((e) => `  + ${e}`));
  return lines.join("\n");
}

describe("real route table", () => {
  it("has no duplicates", () => {
    for (const table of [FORMATION_ROUTES, SERVER_ROUTES]) {
      const keys = table.map((r) => routeKey(r.method, r.path));
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    }
  });

  it("has the counts of the catalogues (formation-api.md §8: 104 + 17; server-api.md §2.1: 19)", () => {
    expect(FORMATION_ROUTES.filter((r) => r.evidence === "code" || r.evidence === "code-old")).toHaveLength(104);
    expect(FORMATION_ROUTES.filter((r) => r.evidence === "changelog" || r.evidence === "sdk/docs")).toHaveLength(17);
    expect(SERVER_ROUTES).toHaveLength(19);
  });
});

describe("spec routes equal the real routes", () => {
  it("spec/server.yaml", () => {
    const result = compare("spec/server.yaml", SERVER_ROUTES);
    const ok = result.missing.length === 0 && result.extra.length === 0 && result.problems.length === 0;
    expect(ok, report("spec/server.yaml", result)).toBe(true);
  });

  it("spec/formation.yaml", () => {
    const result = compare("spec/formation.yaml", FORMATION_ROUTES);
    const ok = result.missing.length === 0 && result.extra.length === 0 && result.problems.length === 0;
    expect(ok, report("spec/formation.yaml", result)).toBe(true);
  });
});
