// What a stream decoder makes of one SSE event.

export interface StreamStep<T> {
  /** The item to yield, if any. */
  item?: T;
  /** True when the stream is finished after `item` (the connection is then closed). */
  end?: boolean;
}

/** JSON payload of an event, or the raw text when it is not JSON. */
export function parseData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
