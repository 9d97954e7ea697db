// Response bodies: the formation envelope, the server's `{success, data}`, and both error shapes.
import { STATUS_CODES } from "node:http";
import type { Operation, ServiceName, TypeRef } from "../../generator/ir/types.js";
import { snakeName, synthesise } from "./synthesise.js";
import type { Models } from "./typeref-check.js";

export interface EnvelopeContext {
  service: ServiceName;
  op: Operation;
  requestId: string;
  idempotencyKey: string | null;
  nowMs: number;
}

function objectName(type: TypeRef | undefined): string {
  return type?.kind === "model" ? snakeName(type.name) : "object";
}

/** Wraps a payload as the operation's 2xx JSON body. */
export function wrapSuccess(data: unknown, ctx: EnvelopeContext): unknown {
  if (!ctx.op.response.envelope) return data;
  if (ctx.service === "server") return { success: true, data };
  return {
    object: objectName(ctx.op.response.type),
    timestamp: ctx.nowMs,
    type: ctx.op.name,
    request: { id: ctx.requestId, idempotency_key: ctx.idempotencyKey },
    success: true,
    error: null,
    data,
  };
}

/** The synthesised success payload of an operation (before wrapping). */
export function successPayload(op: Operation, models: Models): unknown {
  return synthesise(op.response.type, models);
}

const FORMATION_CODES: Record<number, string> = {
  400: "INVALID_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "RESOURCE_NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  409: "CONFLICT",
  422: "INVALID_PARAMS",
  429: "RATE_LIMITED",
  501: "METHOD_NOT_FOUND",
  503: "SYSTEM_OVERLOAD",
};

function errorType(code: string): string {
  if (["INVALID_REQUEST", "INVALID_PARAMS", "PARSE_ERROR"].includes(code)) return "error.validation";
  if (code === "UNAUTHORIZED") return "error.authentication";
  if (code === "FORBIDDEN") return "error.authorization";
  if (code.endsWith("NOT_FOUND")) return "error.not_found";
  return "error.internal";
}

/** The formation's error envelope (formation-api.md §3.2). */
export function formationError(
  status: number,
  message: string,
  ctx: Omit<EnvelopeContext, "op" | "service">,
  code = FORMATION_CODES[status] ?? "INTERNAL_ERROR",
): unknown {
  return {
    object: "error",
    timestamp: ctx.nowMs,
    type: errorType(code),
    request: { id: ctx.requestId, idempotency_key: ctx.idempotencyKey },
    success: false,
    error: { code, message, trace: null },
    data: {},
  };
}

/** The MUXI Server's error body (server-api.md §5). */
export function serverError(status: number, message: string, error = STATUS_CODES[status] ?? "Error"): unknown {
  return { error, message, code: status };
}

/** The mock's own request-validation failure. */
export function mockValidationError(message: string): unknown {
  return { error: "MockValidationError", message, code: 400 };
}
