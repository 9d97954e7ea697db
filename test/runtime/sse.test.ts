import "./harness/assemble.js";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SseParser, parseSse, type SseEvent } from "./.sdk/runtime/sse.js";

interface Case {
  name: string;
  input: string;
  chunks?: string[];
  chunks_b64?: string[];
  events: SseEvent[];
}
const { cases } = JSON.parse(readFileSync(new URL("../vectors/sse.json", import.meta.url), "utf8")) as {
  cases: Case[];
};
const enc = new TextEncoder();

function run(chunks: Uint8Array[]): SseEvent[] {
  const p = new SseParser();
  const out: SseEvent[] = [];
  for (const c of chunks) out.push(...p.feed(c));
  out.push(...p.end());
  return out;
}

describe("SSE vectors", () => {
  for (const c of cases) {
    it(c.name, () => {
      const chunks = c.chunks_b64
        ? c.chunks_b64.map((b) => new Uint8Array(Buffer.from(b, "base64")))
        : (c.chunks ?? [c.input]).map((s) => enc.encode(s));
      // Chunks given must add up to the input.
      expect(Buffer.concat(chunks).toString("utf8")).toBe(c.input);
      expect(run(chunks)).toStrictEqual(c.events);
      // And the whole input at once, and one byte at a time, give the same.
      expect(run([enc.encode(c.input)])).toStrictEqual(c.events);
      const bytes = enc.encode(c.input);
      expect(run(Array.from(bytes, (b) => Uint8Array.of(b)))).toStrictEqual(c.events);
      expect(parseSse(c.input)).toStrictEqual(c.events);
    });
  }
});

// Valid streams from a generator: events with multi-line data (incl. multi-byte
// UTF-8), optional event/id/retry fields, comments, and any mix of CR/LF/CRLF.
const textChar = fc.constantFrom("a", "b", "z", " ", ":", "é", "☃", "𝄞", "h", "{", '"', "0");
const lineText = fc.array(textChar, { maxLength: 12 }).map((a) => a.join(""));
const eol = fc.constantFrom("\n", "\r", "\r\n");
const eventName = fc.constantFrom("message", "progress", "log", "ui", "x-é");
const block = fc.record({
  comment: fc.option(lineText, { nil: undefined }),
  event: fc.option(eventName, { nil: undefined }),
  id: fc.option(fc.stringMatching(/^[a-z0-9]{1,6}$/), { nil: undefined }),
  retry: fc.option(fc.nat(100000), { nil: undefined }),
  data: fc.array(lineText, { minLength: 1, maxLength: 4 }),
});
const streamArb = fc.record({
  bom: fc.boolean(),
  blocks: fc.array(block, { maxLength: 8 }),
  eols: fc.array(eol, { minLength: 1, maxLength: 50 }),
});

function render(s: {
  bom: boolean;
  blocks: Array<{ comment?: string; event?: string; id?: string; retry?: number; data: string[] }>;
  eols: string[];
}): { text: string; events: SseEvent[] } {
  let n = 0;
  let prev = "";
  // A CR followed by a LF-first line end would merge into one CRLF: use CRLF then.
  const nl = (): string => {
    let e = s.eols[n++ % s.eols.length]!;
    if (prev === "\r" && e === "\n") e = "\r\n";
    prev = e;
    return e;
  };
  let text = s.bom ? "\ufeff" : "";
  const events: SseEvent[] = [];
  let lastId = "";
  for (const b of s.blocks) {
    if (b.comment !== undefined) text += `:${b.comment}${nl()}`;
    if (b.event !== undefined) text += `event: ${b.event}${nl()}`;
    if (b.id !== undefined) {
      text += `id: ${b.id}${nl()}`;
      lastId = b.id;
    }
    if (b.retry !== undefined) text += `retry: ${b.retry}${nl()}`;
    for (const d of b.data) text += `data: ${d}${nl()}`;
    text += nl();
    const ev: SseEvent = { event: b.event ?? "message", data: b.data.join("\n") };
    if (lastId) ev.id = lastId;
    if (b.retry !== undefined) ev.retry = b.retry;
    events.push(ev);
  }
  return { text, events };
}

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  out.push(bytes.subarray(prev));
  return out;
}

describe("SSE parser property: any chunking gives the same events", () => {
  it("random streams, random splits (incl. inside UTF-8 chars and CRLF)", () => {
    fc.assert(
      fc.property(streamArb, fc.array(fc.nat(), { maxLength: 30 }), (s, cuts) => {
        const { text, events } = render(s);
        const bytes = enc.encode(text);
        expect(run([bytes])).toStrictEqual(events);
        expect(run(split(bytes, cuts))).toStrictEqual(events);
      }),
      { numRuns: 500 },
    );
  });

  it("1-byte chunks", () => {
    fc.assert(
      fc.property(streamArb, (s) => {
        const { text, events } = render(s);
        const bytes = enc.encode(text);
        expect(run(Array.from(bytes, (b) => Uint8Array.of(b)))).toStrictEqual(events);
      }),
      { numRuns: 200 },
    );
  });

  it("a stream whose line ends are all CR, split right after every CR", () => {
    const text = "data: a\r\r\rdata: b\r\n\r\n";
    const bytes = enc.encode(text);
    const cuts: number[] = [];
    bytes.forEach((b, i) => b === 13 && cuts.push(i + 1));
    expect(run(split(bytes, cuts))).toStrictEqual([
      { event: "message", data: "a" },
      { event: "message", data: "b" },
    ]);
  });
});
