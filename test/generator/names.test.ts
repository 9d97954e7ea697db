import { describe, expect, it } from "vitest";
import { camelCase, memberName, pascalCase, typeName, unique, words } from "../../generator/ir/names.js";

describe("neutral names", () => {
  it.each([
    ["user_id", "userId"],
    ["X-Formation-ID", "xFormationId"],
    ["X-Muxi-User-ID", "xMuxiUserId"],
    ["muxiUserId", "muxiUserId"],
    ["123start", "_123start"],
    ["weird-name with spaces", "weirdNameWithSpaces"],
    ["ünïcödé", "unicode"],
    ["*/", "value"],
    ["HTTPServer", "httpServer"],
  ])("camelCase(%j) = %j", (raw, expected) => expect(camelCase(raw)).toBe(expected));

  it.each([
    ["session_list", "SessionList"],
    ["a2a config", "A2aConfig"],
    ["", "Model"],
  ])("pascalCase(%j) = %j", (raw, expected) => expect(pascalCase(raw)).toBe(expected));

  it("keeps spec identifiers verbatim", () => {
    expect(memberName("getA2AConfig")).toBe("getA2AConfig");
    expect(memberName("GetThing")).toBe("getThing");
    expect(memberName("get-thing")).toBe("getThing");
    expect(typeName("UIWidget")).toBe("UIWidget");
    expect(typeName("ui_widget")).toBe("UiWidget");
  });

  it("splits case boundaries", () => expect(words("getMcpServerID")).toEqual(["get", "mcp", "server", "id"]));

  it("makes names unique in order", () => {
    const taken = new Set<string>();
    expect([unique("a", taken), unique("a", taken), unique("a", taken)]).toEqual(["a", "a2", "a3"]);
  });
});
