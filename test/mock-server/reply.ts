// Writes the answer to a valid request: the synthesised default for its operation, or a scripted
// MockReply (status, body, SSE frames, delays, resets, truncation).
import type { ServerResponse } from "node:http";
import type { Operation, ServiceName } from "../../generator/ir/types.js";
import { formationError, serverError, successPayload, wrapSuccess, type EnvelopeContext } from "./responses.js";
import { chatFrames, dataFrames, formatFrame, namedFrames } from "./sse-frames.js";
import type { Models } from "./typeref-check.js";
import type { MockReply, RecordedRequest, SseFrame } from "./types.js";

export interface ReplyContext extends EnvelopeContext {
  models: Models;
  recorded: RecordedRequest;
  /** Resolves when the client has gone (or the mock is closing). */
  gone: Promise<void>;
}

const sleep = (ms: number, gone: Promise<void>): Promise<void> =>
  ms > 0 ? Promise.race([new Promise<void>((r) => setTimeout(r, ms).unref()), gone]) : Promise.resolve();

const alive = (res: ServerResponse): boolean => !res.destroyed && !res.writableEnded;

function defaultFrames(op: Operation, ctx: ReplyContext): { frames: SseFrame[]; open: boolean } {
  switch (op.stream?.format) {
    case "chat": {
      const body = ctx.recorded.body as { session_id?: unknown } | undefined;
      const sessionId = typeof body?.session_id === "string" ? body.session_id : "sess_mock_1";
      return { frames: chatFrames(sessionId, ctx.requestId), open: false };
    }
    case "named":
      return namedFrames(op, ctx.models);
    default:
      return { frames: dataFrames(op, ctx.models), open: false };
  }
}

function errorBody(service: ServiceName, status: number, message: string, ctx: ReplyContext): unknown {
  return service === "formation" ? formationError(status, message, ctx) : serverError(status, message);
}

/** The body and content type of a plain (non-stream) answer. */
function plainBody(op: Operation, status: number, reply: MockReply | undefined, ctx: ReplyContext): { bytes?: Uint8Array; contentType?: string } {
  const json = (v: unknown): { bytes: Uint8Array; contentType: string } => ({ bytes: Buffer.from(JSON.stringify(v)), contentType: "application/json" });
  if (reply?.body !== undefined) {
    if (typeof reply.body === "string") return { bytes: Buffer.from(reply.body), contentType: "text/plain; charset=utf-8" };
    if (reply.body instanceof Uint8Array) return { bytes: reply.body, contentType: "application/octet-stream" };
    return json(reply.body);
  }
  if (status >= 400) return json(errorBody(ctx.service, status, `mock error ${status}`, ctx));
  if (reply?.data !== undefined) return json(wrapSuccess(reply.data, ctx));
  switch (op.response.kind) {
    case "json":
      return json(wrapSuccess(successPayload(op, ctx.models), ctx));
    case "text":
      return {
        bytes: Buffer.from(op.name === "ping" || op.path === "/ping" ? "pong" : "mock line 1\nmock line 2\n"),
        contentType: op.response.contentType ?? "text/plain",
      };
    case "binary":
      return { bytes: Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0x6d, 0x6f, 0x63, 0x6b]), contentType: op.response.contentType ?? "application/octet-stream" };
    case "empty":
      return {};
  }
}

async function writeSse(res: ServerResponse, reply: MockReply | undefined, frames: SseFrame[], open: boolean, ctx: ReplyContext, chat: boolean): Promise<void> {
  res.writeHead(reply?.status ?? 200, {
    "Content-Type": chat ? "text/event-stream; charset=utf-8" : "text/event-stream",
    "Cache-Control": "no-cache",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
    ...reply?.headers,
  });
  res.flushHeaders();
  for (const frame of frames) {
    if (!alive(res)) return;
    res.write(formatFrame(frame));
    if (reply?.frameDelayMs) await sleep(reply.frameDelayMs, ctx.gone);
  }
  if (!alive(res)) return;
  if (reply?.destroy === "after") return void res.socket?.destroy();
  if (reply?.keepOpen ?? open) await ctx.gone;
  if (alive(res)) res.end();
}

export async function writeReply(res: ServerResponse, op: Operation, stream: boolean, reply: MockReply | undefined, ctx: ReplyContext): Promise<void> {
  if (reply?.delayMs) await sleep(reply.delayMs, ctx.gone);
  if (!alive(res)) return;
  if (reply?.destroy === "before") return void res.socket?.destroy();
  const overridden = reply?.body !== undefined || reply?.data !== undefined || (reply?.status ?? 0) >= 400;
  if (reply?.sse || (stream && !overridden)) {
    const defaults = defaultFrames(op, ctx);
    ctx.recorded.status = reply?.status ?? 200;
    return writeSse(res, reply, reply?.sse ?? defaults.frames, reply?.sse ? false : defaults.open, ctx, op.stream?.format === "chat");
  }
  const status = reply?.status ?? op.response.status;
  ctx.recorded.status = status;
  const { bytes, contentType } = status === 204 || status === 304 ? {} : plainBody(op, status, reply, ctx);
  const headers: Record<string, string | number> = {};
  if (contentType) headers["Content-Type"] = contentType;
  headers["Content-Length"] = (bytes?.length ?? 0) + (reply?.destroy === "after" ? 64 : 0);
  res.writeHead(status, { ...headers, ...reply?.headers });
  if (reply?.destroy === "after") {
    res.write(bytes ?? new Uint8Array(0));
    return new Promise<void>((r) => setTimeout(() => (res.socket?.destroy(), r()), 10).unref());
  }
  res.end(bytes);
}
