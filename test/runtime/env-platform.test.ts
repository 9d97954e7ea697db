import "./harness/assemble.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { envFlag, readEnv } from "./.sdk/runtime/env.js";
import { CLIENT_HEADER_VALUE, SDK_HEADER_VALUE, clientInfo } from "./.sdk/runtime/platform.js";

describe("readEnv", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    delete (globalThis as { Deno?: unknown }).Deno;
  });

  it("reads process.env; empty counts as unset", () => {
    vi.stubEnv("MUXI_TEST_VAR", "v");
    expect(readEnv("MUXI_TEST_VAR")).toBe("v");
    vi.stubEnv("MUXI_TEST_VAR", "");
    expect(readEnv("MUXI_TEST_VAR")).toBeUndefined();
    expect(readEnv("MUXI_SURELY_UNSET_VAR")).toBeUndefined();
  });

  it("falls back to Deno.env and swallows permission errors", () => {
    (globalThis as { Deno?: unknown }).Deno = {
      env: { get: (n: string) => (n === "MUXI_ONLY_IN_DENO" ? "deno-value" : undefined) },
    };
    expect(readEnv("MUXI_ONLY_IN_DENO")).toBe("deno-value");
    (globalThis as { Deno?: unknown }).Deno = {
      env: {
        get: () => {
          throw new Error("PermissionDenied: Requires env access");
        },
      },
    };
    expect(readEnv("MUXI_ONLY_IN_DENO")).toBeUndefined();
  });

  it("MUXI_DEBUG style flags", () => {
    for (const [v, want] of [
      ["1", true],
      ["true", true],
      ["TRUE", true],
      ["yes", true],
      ["0", false],
      ["false", false],
      ["", false],
    ] as const) {
      vi.stubEnv("MUXI_DEBUG", v);
      expect(envFlag("MUXI_DEBUG")).toBe(want);
    }
  });
});

describe("platform headers", () => {
  it("X-Muxi-SDK and X-Muxi-Client for this Node", () => {
    expect(SDK_HEADER_VALUE).toBe("typescript/0.0.0-test");
    expect(CLIENT_HEADER_VALUE).toBe(`${process.platform}-${process.arch}/node${process.versions.node}`);
  });

  it("Deno, Bun, browsers", () => {
    expect(
      clientInfo({
        Deno: { version: { deno: "2.1.4" }, build: { os: "darwin", arch: "aarch64" } },
        process: { platform: "darwin", arch: "arm64", versions: { node: "22.0.0" } },
      }),
    ).toBe("darwin-aarch64/deno2.1.4");
    expect(
      clientInfo({
        Bun: { version: "1.1.0" },
        process: { platform: "linux", arch: "x64", versions: { node: "22.6.0", bun: "1.1.0" } },
      }),
    ).toBe("linux-x64/bun1.1.0");
    expect(clientInfo({})).toBeUndefined();
  });
});
