import { SseParser } from "../../../overrides/typescript/runtime/sse.js";
let content = ""; for (let i = 0; content.length < 10; i++) content += "word ";
const parts: string[] = []; let total = 0, n = 0;
while (total < 4 * 1024 * 1024) { const f = `data: {"token":{"type":"content","content":${JSON.stringify(content)},"request_id":"req_${n++}"}}\n\n`; parts.push(f); total += f.length; }
const text = parts.join(""); const chunks: string[] = [];
for (let i = 0; i < text.length; i += 64) chunks.push(text.slice(i, i + 64));
let t = 0;
for (let r = 0; r < 60; r++) { const p = new SseParser(); for (const c of chunks) t += p.feedText(c).length; }
console.log(t);
