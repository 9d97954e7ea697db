// Incremental Server-Sent Events parser over bytes, following the WHATWG
// "event stream interpretation" rules. Built for throughput: bytes are decoded
// once per chunk with a streaming TextDecoder (which also drops one leading BOM
// and keeps multi-byte characters split across chunks), line breaks are found
// with indexOf, and a partial line is kept as a list of pieces so a long line
// arriving in many small chunks is not re-copied on every chunk.
//
// Deliberate WHATWG behaviour: a block without any `data:` line is not dispatched
// (so `event: done` with no data yields nothing; the Go SDK yields it; MUXI's
// servers always send data with `done`). An unterminated final block is dropped.

export interface SseEvent {
  /** Event type; "message" when the block had no (or an empty) `event:` field. */
  event: string;
  /** `data:` lines joined with "\n". */
  data: string;
  /** The last event ID (WHATWG `lastEventId`): persists until another `id:` line changes it. */
  id?: string;
  /** `retry:` value (ms) given in this block, digits only. */
  retry?: number;
}

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;

export class SseParser {
  private readonly decoder = new TextDecoder("utf-8");
  /** Pieces of a line not yet terminated. */
  private pending: string[] = [];
  /** The previous chunk ended with CR: a LF at the start of the next chunk belongs to it. */
  private skipLf = false;
  private data = "";
  private hasData = false;
  private eventType = "";
  private lastId = "";
  private retry: number | undefined;
  private textStarted = false;

  /** Feeds raw bytes; returns the events completed by them (possibly none). */
  feed(chunk: Uint8Array): SseEvent[] {
    const out: SseEvent[] = [];
    const text = this.decoder.decode(chunk, { stream: true });
    if (text.length > 0) this.scan(text, out);
    return out;
  }

  /** Feeds already decoded text (same rules; for callers that hold strings). */
  feedText(text: string): SseEvent[] {
    const out: SseEvent[] = [];
    if (!this.textStarted && text.length > 0) {
      this.textStarted = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length > 0) this.scan(text, out);
    return out;
  }

  /**
   * End of stream: WHATWG discards an unterminated block, so this returns no
   * events; it resets the parser so it could be reused for a new stream.
   */
  end(): SseEvent[] {
    this.decoder.decode();
    this.pending = [];
    this.skipLf = false;
    this.data = "";
    this.hasData = false;
    this.eventType = "";
    this.retry = undefined;
    this.textStarted = false;
    return [];
  }

  private scan(text: string, out: SseEvent[]): void {
    const len = text.length;
    let pos = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (text.charCodeAt(0) === LF) pos = 1;
    }
    if (this.pending.length > 0) {
      // Finish the partial line: search only the new text.
      const br = firstBreak(text, pos);
      if (br === -1) {
        this.pending.push(pos === 0 ? text : text.slice(pos));
        return;
      }
      this.pending.push(text.slice(pos, br));
      const line = this.pending.join("");
      this.pending = [];
      this.line(line, 0, line.length, out);
      pos = this.afterBreak(text, br);
    }
    let lf = text.indexOf("\n", pos);
    let cr = text.indexOf("\r", pos);
    while (pos < len) {
      if (lf !== -1 && lf < pos) lf = text.indexOf("\n", pos);
      if (cr !== -1 && cr < pos) cr = text.indexOf("\r", pos);
      const br = lf === -1 ? cr : cr === -1 ? lf : lf < cr ? lf : cr;
      if (br === -1) {
        this.pending.push(text.slice(pos));
        return;
      }
      this.line(text, pos, br, out);
      pos = this.afterBreak(text, br);
    }
  }

  /** Position after the line break at `br` (CRLF counts once, even across chunks). */
  private afterBreak(text: string, br: number): number {
    let next = br + 1;
    if (text.charCodeAt(br) === CR) {
      if (next < text.length) {
        if (text.charCodeAt(next) === LF) next++;
      } else {
        this.skipLf = true;
      }
    }
    return next;
  }

  /** Interprets text[start, end) as one line. */
  private line(text: string, start: number, end: number, out: SseEvent[]): void {
    if (start === end) {
      this.dispatch(out);
      return;
    }
    if (text.charCodeAt(start) === COLON) return; // comment (e.g. ": keepalive")
    let colon = text.indexOf(":", start);
    if (colon >= end) colon = -1;
    const nameEnd = colon === -1 ? end : colon;
    let valueStart = end;
    if (colon !== -1) {
      valueStart = colon + 1;
      if (valueStart < end && text.charCodeAt(valueStart) === SPACE) valueStart++;
    }
    const nameLen = nameEnd - start;
    if (nameLen === 4 && text.startsWith("data", start)) {
      const value = text.slice(valueStart, end);
      if (this.hasData) this.data += "\n" + value;
      else {
        this.data = value;
        this.hasData = true;
      }
    } else if (nameLen === 5 && text.startsWith("event", start)) {
      this.eventType = text.slice(valueStart, end);
    } else if (nameLen === 2 && text.startsWith("id", start)) {
      const value = text.slice(valueStart, end);
      if (value.indexOf("\0") === -1) this.lastId = value;
    } else if (nameLen === 5 && text.startsWith("retry", start)) {
      const value = text.slice(valueStart, end);
      if (/^\d+$/.test(value)) this.retry = Number(value);
    }
    // Any other field name is ignored.
  }

  private dispatch(out: SseEvent[]): void {
    if (this.hasData) {
      const ev: SseEvent = { event: this.eventType === "" ? "message" : this.eventType, data: this.data };
      if (this.lastId !== "") ev.id = this.lastId;
      if (this.retry !== undefined) ev.retry = this.retry;
      out.push(ev);
    }
    this.data = "";
    this.hasData = false;
    this.eventType = "";
    this.retry = undefined;
  }
}

function firstBreak(text: string, from: number): number {
  const lf = text.indexOf("\n", from);
  const cr = text.indexOf("\r", from);
  return lf === -1 ? cr : cr === -1 ? lf : lf < cr ? lf : cr;
}

/** Parses a whole byte or text payload at once (tests, small bodies). */
export function parseSse(input: Uint8Array | string): SseEvent[] {
  const p = new SseParser();
  const events = typeof input === "string" ? p.feedText(input) : p.feed(input);
  return events.concat(p.end());
}
