import "./harness/assemble.js";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildUrl, formationBaseUrl, serverBaseUrl } from "./.sdk/runtime/url.js";

interface Case {
  kind: "formationBase" | "serverBase" | "buildUrl";
  options: Record<string, unknown>;
  expected?: string;
  error?: string;
}
const cases = JSON.parse(readFileSync(new URL("../vectors/urls.json", import.meta.url), "utf8")) as Case[];

describe("URL vectors", () => {
  for (const c of cases) {
    it(`${c.kind} ${JSON.stringify(c.options)}`, () => {
      const run = (): string => {
        if (c.kind === "formationBase") return formationBaseUrl(c.options);
        if (c.kind === "serverBase") return serverBaseUrl(c.options.url as string);
        const o = c.options as {
          base: string;
          path: string;
          pathValues: Record<string, string>;
          query: Record<string, unknown>;
        };
        return buildUrl(o.base, o.path, o.pathValues, o.query);
      };
      if (c.error) expect(run).toThrow(new RegExp(c.error));
      else expect(run()).toBe(c.expected);
    });
  }

  it("a missing path value is an error", () => {
    expect(() => buildUrl("http://h", "/a/{id}", {}, {})).toThrow(/id/);
  });
});
