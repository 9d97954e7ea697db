// SSE throughput: bytes → events, with JSON.parse of every event's data,
// for our parser (overrides/typescript/runtime/sse.ts) vs eventsource-parser 3.x
// (createParser + a streaming TextDecoder, as a fetch consumer would use it).
// Event sizes ~100 B and ~4 KiB, delivered in 64 B and 16 KiB chunks.
// Run: npx tsx bench/sse/run.ts   (prints a table; no assertions)

import { createParser } from "eventsource-parser";
import { SseParser } from "../../overrides/typescript/runtime/sse.js";

const TARGET_BYTES = 4 * 1024 * 1024;
const WARMUP = 5;
const ROUNDS = 21;

function makeStream(eventSize: number): { bytes: Uint8Array; events: number } {
  const enc = new TextEncoder();
  const parts: string[] = [": keepalive\n\n"];
  let total = 0;
  let events = 0;
  const words = ["hello", "wörld", "streaming", "token", "☃", "data", "formation", "agent"];
  while (total < TARGET_BYTES) {
    let content = "";
    for (let i = 0; content.length < eventSize - 90; i++) content += `${words[(events + i) % words.length]} `;
    const frame = `data: {"token":{"type":"content","content":${JSON.stringify(content)},"request_id":"req_${events}"}}\n\n`;
    parts.push(frame);
    total += frame.length;
    events++;
  }
  parts.push('event: done\ndata: {"finished": true}\n\n');
  return { bytes: enc.encode(parts.join("")), events: events + 1 };
}

function chunk(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, Math.min(bytes.length, i + size)));
  return out;
}

function runOurs(chunks: Uint8Array[]): number {
  const p = new SseParser();
  let n = 0;
  for (const c of chunks) {
    const evs = p.feed(c);
    for (let i = 0; i < evs.length; i++) {
      JSON.parse(evs[i]!.data);
      n++;
    }
  }
  p.end();
  return n;
}

function runTheirs(chunks: Uint8Array[]): number {
  let n = 0;
  const parser = createParser({
    onEvent(ev) {
      JSON.parse(ev.data);
      n++;
    },
  });
  const decoder = new TextDecoder();
  for (const c of chunks) parser.feed(decoder.decode(c, { stream: true }));
  parser.feed(decoder.decode());
  return n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => number, expected: number): number {
  const t0 = performance.now();
  const n = fn();
  const ms = performance.now() - t0;
  if (n !== expected) throw new Error(`expected ${expected} events, got ${n}`);
  return ms;
}

interface Row {
  event: string;
  chunk: string;
  oursMBs: number;
  theirsMBs: number;
  oursEvs: number;
  theirsEvs: number;
  /** Median of per-round ratios (each round runs both back to back: robust to load drift). */
  pairedRatio: number;
}

const rows: Row[] = [];
for (const [label, size] of [
  ["~100 B", 100],
  ["~4 KiB", 4096],
] as const) {
  const { bytes, events } = makeStream(size);
  for (const [clabel, csize] of [
    ["64 B", 64],
    ["16 KiB", 16384],
  ] as const) {
    const chunks = chunk(bytes, csize);
    for (let i = 0; i < WARMUP; i++) {
      time(() => runOurs(chunks), events);
      time(() => runTheirs(chunks), events);
    }
    const ours: number[] = [];
    const theirs: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate the order so neither side always runs on a warmer heap.
      if (i % 2 === 0) {
        ours.push(time(() => runOurs(chunks), events));
        theirs.push(time(() => runTheirs(chunks), events));
      } else {
        theirs.push(time(() => runTheirs(chunks), events));
        ours.push(time(() => runOurs(chunks), events));
      }
      ratios.push(theirs[i]! / ours[i]!);
    }
    const mb = bytes.length / (1024 * 1024);
    const o = median(ours) / 1000;
    const t = median(theirs) / 1000;
    rows.push({
      event: label,
      chunk: clabel,
      oursMBs: mb / o,
      theirsMBs: mb / t,
      oursEvs: events / o,
      theirsEvs: events / t,
      pairedRatio: median(ratios),
    });
  }
}

const fmt = (n: number, d = 1): string => n.toFixed(d);
const kfmt = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : `${(n / 1e3).toFixed(0)}k`);
console.log(
  `SSE bytes → events + JSON.parse, ${(TARGET_BYTES / 1048576).toFixed(0)} MiB per run, median of ${ROUNDS} rounds after ${WARMUP} warm-ups (Node ${process.versions.node})`,
);
console.log("");
console.log(
  "| event size | chunk size | ours MB/s | eventsource-parser MB/s | ours events/s | theirs events/s | ours/theirs (medians) | ours/theirs (paired) |",
);
console.log("|---|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(
    `| ${r.event} | ${r.chunk} | ${fmt(r.oursMBs)} | ${fmt(r.theirsMBs)} | ${kfmt(r.oursEvs)} | ${kfmt(r.theirsEvs)} | ${fmt(r.oursMBs / r.theirsMBs, 2)}x | ${fmt(r.pairedRatio, 2)}x |`,
  );
}
