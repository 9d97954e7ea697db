// Every schema of the areas the SDK users touch most has at least one example (validated
// against its schema by examples.test.ts), so a new schema without one fails CI.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const AREAS = [
  "formation/schemas/chat.yaml",
  "formation/schemas/sessions.yaml",
  "formation/schemas/memory.yaml",
  "formation/schemas/scheduler.yaml",
  "formation/schemas/credentials.yaml",
  "formation/schemas/users.yaml",
  "formation/schemas/events.yaml",
  "server/schemas/formations.yaml",
  "server/schemas/logs.yaml",
  "server/schemas/streams.yaml",
];

describe("examples cover the chat, sessions, memory, scheduler, credentials, identifiers, deploy and logs areas", () => {
  it.each(AREAS)("%s", (file) => {
    const schemas = parse(readFileSync(join(ROOT, "spec", file), "utf8")) as Record<string, Record<string, unknown>>;
    const missing = Object.entries(schemas).filter(([, s]) => s.example === undefined && s.examples === undefined).map(([name]) => name);
    expect(Object.keys(schemas).length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
