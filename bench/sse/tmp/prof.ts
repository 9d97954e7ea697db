import { createParser } from "eventsource-parser";
import { SseParser } from "/work/main/overrides/typescript/runtime/sse.ts";
const enc = new TextEncoder();
function makeStream(eventSize: number): string {
  const parts: string[] = [];
  let total = 0, events = 0;
  while (total < 4 * 1024 * 1024) {
    let content = "";
    for (let i = 0; content.length < eventSize - 90; i++) content += "word ";
    const frame = `data: {"token":{"type":"content","content":${JSON.stringify(content)},"request_id":"req_${events}"}}\n\n`;
    parts.push(frame); total += frame.length; events++;
  }
  return parts.join("");
}
for (const [size, csize] of [[100, 64], [100, 16384], [4096, 64], [4096, 16384]]) {
  const text = makeStream(size);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += csize) chunks.push(text.slice(i, i + csize));
  const ours = () => { const p = new SseParser(); let n = 0; for (const c of chunks) n += p.feedText(c).length; return n; };
  const theirs = () => { let n = 0; const p = createParser({ onEvent() { n++; } }); for (const c of chunks) p.feed(c); return n; };
  const bch = chunks.map((c) => enc.encode(c));
  const dec = () => { const d = new TextDecoder(); let n = 0; for (const c of bch) n += d.decode(c, { stream: true }).length; return n; };
  const jp = () => { let n = 0; const p = new SseParser(); for (const c of chunks) for (const e of p.feedText(c)) { JSON.parse(e.data); n++; } return n; };
  const res: Record<string, number[]> = { ours: [], theirs: [], decode: [], oursJson: [] };
  for (let r = 0; r < 15; r++) for (const [k, f] of Object.entries({ ours, theirs, decode: dec, oursJson: jp })) { const t = performance.now(); f(); res[k]!.push(performance.now() - t); }
  const med = (a: number[]) => a.sort((x, y) => x - y)[7]!.toFixed(1);
  console.log(size, csize, Object.entries(res).map(([k, v]) => `${k}=${med(v)}ms`).join(" "));
}
