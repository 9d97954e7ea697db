// Public stream event types (DESIGN §5.1).

/** A UI widget from an `event: ui` frame (options, action_link, mcp_resource, …), as sent. */
export interface ChatUiWidget {
  type: string;
  id?: string;
  [key: string]: unknown;
}

/** An answer delta (`{"token":"Hi"}` or `{"token":{"type":"content","content":"Hi"}}`). */
export interface ChatTextEvent {
  type: "text";
  text: string;
}

export type ChatProgressType = "thinking" | "planning" | "progress" | "tool_call" | "finalizing";

/** A progress item; `raw` is the item as the server sent it (wire names). */
export interface ChatProgressEvent {
  type: ChatProgressType;
  content?: string;
  stage?: string;
  toolName?: string;
  agentName?: string;
  raw: unknown;
}

/** The full authoritative answer; when `streamDiscontinuity` is true, replace the text streamed so far. */
export interface ChatCompletedEvent {
  type: "completed";
  text: string;
  sessionId?: string;
  requestId?: string;
  streamDiscontinuity: boolean;
  raw: unknown;
}

export interface ChatTerminalEvent {
  type: "failed" | "cancelled";
  content?: string;
  raw: unknown;
}

export interface ChatUiEvent {
  type: "ui";
  widgets: ChatUiWidget[];
}

/** The server finished the turn; the stream ends after this event. */
export interface ChatDoneEvent {
  type: "done";
}

/**
 * An item this SDK does not know yet, yielded as it came (never dropped).
 * `itemType` is the item's own `type` (or the SSE event name); a separate
 * `type: "unknown"` keeps `event.type === "text"` narrowing exact.
 */
export interface ChatUnknownEvent {
  type: "unknown";
  itemType: string;
  raw: unknown;
}

export type ChatEvent =
  | ChatTextEvent
  | ChatProgressEvent
  | ChatCompletedEvent
  | ChatTerminalEvent
  | ChatUiEvent
  | ChatDoneEvent
  | ChatUnknownEvent;

/** An event of a server stream that keeps its SSE name (`progress`, `complete`, `connected`, `log`, …). */
export interface NamedEvent<N extends string = string, T = unknown> {
  type: N;
  data: T;
}
