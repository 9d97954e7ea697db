// A streaming call's response body → the items its method yields: SSE events through the
// method's step (chat, named or data). Apart from the transport so that a bundle without
// streams does not carry the SSE parser.

import { ConnectionError, causeText } from "./errors.js";
import type { StreamSpec } from "./operation.js";
import { SseParser } from "./sse.js";

export async function* streamItems(
  res: Response,
  { step, decode }: StreamSpec,
): AsyncGenerator<unknown, void, undefined> {
  if (!res.body) return;
  const reader = res.body.getReader();
  const parser = new SseParser();
  try {
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (err) {
        throw new ConnectionError(`stream interrupted: ${causeText(err)}`, { cause: err });
      }
      if (r.done) {
        parser.end();
        return;
      }
      for (const ev of parser.feed(r.value)) {
        const s = step(ev, decode);
        if (s.item !== undefined) yield s.item;
        if (s.end) return;
      }
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
