// Server-sent event frames: serialisation, and the default frames of each IR stream format.
import type { Operation } from "../../generator/ir/types.js";
import { synthesise } from "./synthesise.js";
import type { Models } from "./typeref-check.js";
import type { SseFrame } from "./types.js";

/** One frame as bytes on the wire. */
export function formatFrame(frame: SseFrame): string {
  if (frame.raw !== undefined) return frame.raw;
  const lines: string[] = [];
  if (frame.comment !== undefined) lines.push(`: ${frame.comment}`);
  if (frame.event !== undefined) lines.push(`event: ${frame.event}`);
  if (frame.id !== undefined) lines.push(`id: ${frame.id}`);
  if (frame.retry !== undefined) lines.push(`retry: ${frame.retry}`);
  if (frame.data !== undefined) {
    const text = typeof frame.data === "string" ? frame.data : JSON.stringify(frame.data);
    for (const line of text.split(/\r\n|\r|\n/)) lines.push(`data: ${line}`);
  }
  return `${lines.join("\n")}\n\n`;
}

/** The chat stream exactly as the runtime writes it (formation-api.md §5.1, example A). */
export function chatFrames(sessionId: string, requestId: string): SseFrame[] {
  return [
    { comment: "keepalive" },
    { data: { token: { type: "thinking", content: "Thinking about it...", session_id: sessionId, request_id: requestId } } },
    { data: { token: { type: "content", content: "Hello " } } },
    { data: { token: { type: "content", content: "world" } } },
    { data: { token: { type: "completed", content: "Hello world", session_id: sessionId, request_id: requestId } } },
    {
      event: "ui",
      data: {
        ui: [
          {
            type: "options",
            id: "ui_a1b2c3",
            prompt: "Which region?",
            options: [
              { value: "us", label: "United States" },
              { value: "eu", label: "Europe" },
            ],
            multi: false,
          },
        ],
      },
    },
    { event: "done", data: { finished: true } },
  ];
}

const TERMINAL = new Set(["complete", "completed", "done", "finished", "end"]);

/**
 * Named-event streams (server deploy/update/..., log follow): one frame per event name except
 * `error` (two for `log`), a complete-like event last. Without a complete-like event the stream
 * is a follow stream: `open` is true and the connection stays up until the client goes.
 */
export function namedFrames(op: Operation, models: Models): { frames: SseFrame[]; open: boolean } {
  const events = (op.stream?.events ?? []).filter((e) => e.name !== "error");
  const ordered = [...events.filter((e) => !TERMINAL.has(e.name)), ...events.filter((e) => TERMINAL.has(e.name))];
  const frames: SseFrame[] = [];
  for (const e of ordered) {
    const payload = synthesise(e.type, models);
    const name = e.name === "message" ? undefined : e.name;
    frames.push({ event: name, data: payload });
    if (e.name === "log") frames.push({ event: name, data: payload });
  }
  return { frames, open: !events.some((e) => TERMINAL.has(e.name)) };
}

/** Data-only streams: a few frames of the `message` event's type; the stream then ends. */
export function dataFrames(op: Operation, models: Models): SseFrame[] {
  const events = op.stream?.events ?? [];
  const event = events.find((e) => e.name === "message") ?? events.find((e) => e.name !== "error");
  const payload = synthesise(event?.type, models);
  return [{ data: payload }, { data: payload }, { data: payload }];
}
