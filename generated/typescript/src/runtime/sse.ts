// Incremental Server-Sent Events parser over bytes, following the WHATWG
// "event stream interpretation" rules. Built for throughput: bytes are decoded
// once per chunk with a streaming TextDecoder (which also drops one leading BOM
// and keeps multi-byte characters split across chunks), line breaks are found
// with indexOf over the new text only, and a partial line is only appended to
// (never re-scanned), so a long line arriving in many small chunks costs O(n).
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
  readonly #decoder = new TextDecoder("utf-8");
  /**
   * The line not yet terminated. Appending builds a V8 rope (no copy) and the
   * text is never searched again: only new chunks are scanned for line breaks.
   */
  #partial = "";
  /** The previous chunk ended with CR: a LF at the start of the next chunk belongs to it. */
  #skipLf = false;
  #data = "";
  #hasData = false;
  #eventType = "";
  #lastId = "";
  #retry: number | undefined;

  /** Feeds raw bytes; returns the events completed by them (possibly none). */
  feed(chunk: Uint8Array): SseEvent[] {
    const out: SseEvent[] = [];
    const text = this.#decoder.decode(chunk, { stream: true });
    if (text.length > 0) this.#scan(text, out);
    return out;
  }

  /**
   * End of stream: WHATWG discards an unterminated block, so this returns no
   * events; it resets the parser so it could be reused for a new stream.
   */
  end(): SseEvent[] {
    this.#decoder.decode();
    this.#partial = "";
    this.#skipLf = false;
    this.#data = "";
    this.#hasData = false;
    this.#eventType = "";
    this.#retry = undefined;
    return [];
  }

  #scan(text: string, out: SseEvent[]): void {
    const len = text.length;
    let pos = 0;
    if (this.#skipLf) {
      this.#skipLf = false;
      if (text.charCodeAt(0) === LF) pos = 1;
    }
    // One CR search per chunk: most streams have none, and then a LF-only loop suffices.
    let cr = text.indexOf("\r", pos);
    let lf = text.indexOf("\n", pos);
    if (this.#partial !== "") {
      // Finish the partial line: only the new text is searched.
      const br = lf === -1 ? cr : cr === -1 ? lf : lf < cr ? lf : cr;
      if (br === -1) {
        this.#partial += pos === 0 ? text : text.slice(pos);
        return;
      }
      const line = this.#partial + text.slice(pos, br);
      this.#partial = "";
      this.#line(line, 0, line.length, out);
      pos = this.#afterBreak(text, br);
      if (lf !== -1 && lf < pos) lf = text.indexOf("\n", pos);
    }
    if (cr === -1) {
      while (lf !== -1) {
        this.#line(text, pos, lf, out);
        pos = lf + 1;
        // A blank line right after (the usual end of an event): dispatch without another search.
        if (text.charCodeAt(pos) === LF) {
          this.#dispatch(out);
          pos++;
        }
        lf = text.indexOf("\n", pos);
      }
    } else {
      while (pos < len) {
        if (lf !== -1 && lf < pos) lf = text.indexOf("\n", pos);
        if (cr !== -1 && cr < pos) cr = text.indexOf("\r", pos);
        const br = lf === -1 ? cr : cr === -1 ? lf : lf < cr ? lf : cr;
        if (br === -1) break;
        this.#line(text, pos, br, out);
        pos = this.#afterBreak(text, br);
      }
    }
    if (pos < len) this.#partial = text.slice(pos);
  }

  /** Position after the line break at `br` (CRLF counts once, even across chunks). */
  #afterBreak(text: string, br: number): number {
    let next = br + 1;
    if (text.charCodeAt(br) === CR) {
      if (next < text.length) {
        if (text.charCodeAt(next) === LF) next++;
      } else {
        this.#skipLf = true;
      }
    }
    return next;
  }

  /** Interprets text[start, end) as one line. */
  #line(text: string, start: number, end: number, out: SseEvent[]): void {
    if (start === end) {
      this.#dispatch(out);
      return;
    }
    const c0 = text.charCodeAt(start);
    if (c0 === COLON) return; // comment (e.g. ": keepalive")
    if (
      c0 === 100 /* d */ &&
      text.charCodeAt(start + 4) === COLON &&
      text.charCodeAt(start + 1) === 97 &&
      text.charCodeAt(start + 2) === 116 &&
      text.charCodeAt(start + 3) === 97 &&
      start + 4 < end
    ) {
      // Fast path for the most common line, "data:".
      const vs = text.charCodeAt(start + 5) === SPACE && start + 5 < end ? start + 6 : start + 5;
      this.#addData(text.slice(vs, end));
      return;
    }
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
      this.#addData(text.slice(valueStart, end));
    } else if (nameLen === 5 && text.startsWith("event", start)) {
      this.#eventType = text.slice(valueStart, end);
    } else if (nameLen === 2 && text.startsWith("id", start)) {
      const value = text.slice(valueStart, end);
      if (value.indexOf("\0") === -1) this.#lastId = value;
    } else if (nameLen === 5 && text.startsWith("retry", start)) {
      const value = text.slice(valueStart, end);
      if (/^\d+$/.test(value)) this.#retry = Number(value);
    }
    // Any other field name is ignored.
  }

  #addData(value: string): void {
    if (this.#hasData) this.#data += "\n" + value;
    else {
      this.#data = value;
      this.#hasData = true;
    }
  }

  #dispatch(out: SseEvent[]): void {
    if (this.#hasData) {
      const ev: SseEvent = { event: this.#eventType === "" ? "message" : this.#eventType, data: this.#data };
      if (this.#lastId !== "") ev.id = this.#lastId;
      if (this.#retry !== undefined) ev.retry = this.#retry;
      out.push(ev);
    }
    this.#data = "";
    this.#hasData = false;
    this.#eventType = "";
    this.#retry = undefined;
  }
}

/** Parses a whole byte or text payload at once (tests, small bodies). */
export function parseSse(input: Uint8Array | string): SseEvent[] {
  const p = new SseParser();
  return p.feed(typeof input === "string" ? new TextEncoder().encode(input) : input).concat(p.end());
}
