// Normalises the chat SSE stream (formation-api.md §5.1) into ChatEvent.

import type { ChatEvent, ChatProgressType, ChatUiWidget } from "./events.js";
import { StreamError } from "./errors.js";
import type { Decoders } from "./operation.js";
import type { SseEvent } from "./sse.js";
import { isRecord, parseData, type StreamStep } from "./stream-step.js";

const PROGRESS = new Set<string>(["thinking", "planning", "progress", "tool_call", "finalizing"]);

function optStr(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** Copies the defined values only (so results compare cleanly and stay small). */
function compact<T extends object>(obj: T): T {
  for (const k of Object.keys(obj) as (keyof T)[]) if (obj[k] === undefined) delete obj[k];
  return obj;
}

/** `event: error` data → StreamError (code = data.type, message = data.error). */
export function chatStreamError(data: unknown): StreamError {
  const d = isRecord(data) ? data : {};
  const message =
    optStr(d.error) ?? optStr(d.message) ?? (typeof data === "string" && data !== "" ? data : "stream error");
  return new StreamError(message, { code: optStr(d.type) ?? "STREAM_ERROR", details: data });
}

/** One chat token item (the value of `token`) → ChatEvent. */
export function chatItem(token: unknown): ChatEvent {
  if (typeof token === "string") return { type: "text", text: token };
  if (!isRecord(token) || typeof token.type !== "string")
    return { type: "unknown", itemType: "", raw: token };
  const t = token.type;
  const content = optStr(token.content);
  if (t === "content" || t === "text") return { type: "text", text: content ?? "" };
  if (PROGRESS.has(t)) {
    return compact({
      type: t as ChatProgressType,
      content,
      stage: optStr(token.stage),
      toolName: optStr(token.tool_name),
      agentName: optStr(token.agent_name) ?? optStr(token.agent_used),
      raw: token,
    });
  }
  if (t === "completed") {
    return compact({
      type: "completed" as const,
      text: content ?? "",
      sessionId: optStr(token.session_id),
      requestId: optStr(token.request_id),
      streamDiscontinuity: token.stream_discontinuity === true,
      raw: token,
    });
  }
  if (t === "failed" || t === "cancelled") return compact({ type: t, content, raw: token });
  return { type: "unknown", itemType: t, raw: token };
}

/**
 * One SSE event → the chat event to yield. `event: error` (and a bare
 * `{"error": …}` frame) throws StreamError; `done` / `{"finished": true}` ends.
 */
export function chatStep(ev: SseEvent, decode?: Decoders): StreamStep<ChatEvent> {
  const data = parseData(ev.data);
  const decodeUi = decode?.ui;
  switch (ev.event) {
    case "error":
      throw chatStreamError(data);
    case "done":
      return { item: { type: "done" }, end: true };
    case "ui": {
      const frame = decodeUi ? decodeUi(data) : data;
      const list = isRecord(frame) && Array.isArray(frame.ui) ? frame.ui : Array.isArray(frame) ? frame : [];
      return { item: { type: "ui", widgets: list.filter(isRecord) as ChatUiWidget[] } };
    }
    case "message":
      break;
    default:
      return { item: { type: "unknown", itemType: ev.event, raw: data } };
  }
  if (isRecord(data)) {
    if (data.finished === true) return { item: { type: "done" }, end: true };
    if ("token" in data) return { item: chatItem(data.token) };
    if (data.error !== undefined && data.error !== null && data.error !== false) throw chatStreamError(data);
  }
  return { item: { type: "unknown", itemType: "", raw: data } };
}
