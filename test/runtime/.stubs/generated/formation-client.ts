// Test stand-in for the generated FormationClient base: a few methods, in the
// shape the generator emits (data MethodSpecs + thin methods over BaseClient).

import { jsonBody } from "../runtime/body.js";
import { chatStep } from "../runtime/chat-stream.js";
import { BaseClient } from "../runtime/client.js";
import type { ChatEvent } from "../runtime/events.js";
import type { MethodSpec, Slot } from "../runtime/operation.js";
import type { RequestOptions, WithMeta } from "../runtime/options.js";
import type { Stream } from "../runtime/stream.js";
import type { ResolvedUser } from "./models.js";

const OPTIONS: Slot = { param: "options", kind: "object", optional: true };
const PARAMS: Slot = { param: "params", kind: "object", optional: true };

function camelToSnake(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(camelToSnake);
  if (typeof v !== "object" || v === null) return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), camelToSnake(x)]),
  );
}

function snakeToCamel(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snakeToCamel);
  if (typeof v !== "object" || v === null) return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [
      k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      snakeToCamel(x),
    ]),
  );
}

const chatOp = {
  id: "chat",
  method: "POST",
  path: "/chat",
  params: [
    { name: "message", wire: "message", in: "body", required: true, kind: "string" },
    { name: "sessionId", wire: "session_id", in: "body", required: false, kind: "string" },
  ],
  body: { kind: "json", contentType: "application/json", required: true, encode: jsonBody },
  auth: ["ClientKey"],
  userId: "optional",
  idempotent: true,
  plainSelect: { body: { stream: false } },
} as const satisfies MethodSpec["op"];
const RESPONSE = { kind: "json", envelope: true, decode: snakeToCamel } as const;

const chatForms = [
  [
    { param: "params", kind: "object", optional: false },
    { param: "userId", kind: "string", optional: true },
    OPTIONS,
  ],
] as const;

export const M = {
  chat: { name: "chat", op: chatOp, forms: chatForms, response: RESPONSE },
  chatStream: {
    name: "chatStream",
    op: chatOp,
    forms: chatForms,
    stream: { step: chatStep, select: { body: { stream: true } } },
  },
  linkUserIdentifier: {
    name: "linkUserIdentifier",
    op: {
      id: "linkUserIdentifier",
      method: "POST",
      path: "/users/identifiers",
      params: [
        { name: "muxiUserId", wire: "muxi_user_id", in: "body", required: false, kind: "string" },
        { name: "identifiers", wire: "identifiers", in: "body", required: true, kind: "array" },
      ],
      body: { kind: "json", contentType: "application/json", required: true, encode: jsonBody },
      auth: ["ClientKey"],
      userId: "none",
      idempotent: false,
    },
    response: RESPONSE,
    forms: [
      [PARAMS, OPTIONS],
      [
        { param: "muxiUserId", kind: "string", optional: false },
        { param: "identifiers", kind: "array", optional: false },
        OPTIONS,
      ],
    ],
  },
  getUser: {
    name: "getUser",
    op: {
      id: "getUser",
      method: "GET",
      path: "/users/{identifier}",
      params: [{ name: "identifier", wire: "identifier", in: "path", required: true, kind: "string" }],
      auth: ["ClientKey"],
      userId: "none",
      idempotent: false,
    },
    response: RESPONSE,
    forms: [
      [{ param: "identifier", kind: "string", optional: false }, OPTIONS],
      [{ param: "params", kind: "object", optional: false }, OPTIONS],
    ],
  },
  resolveUser: {
    name: "resolveUser",
    op: {
      id: "resolveUser",
      method: "POST",
      path: "/users/resolve",
      params: [
        { name: "identifier", wire: "identifier", in: "body", required: true, kind: "string" },
        { name: "identifierType", wire: "identifier_type", in: "body", required: false, kind: "string" },
      ],
      body: { kind: "json", contentType: "application/json", required: true, encode: jsonBody },
      auth: ["ClientKey"],
      userId: "none",
      idempotent: false,
    },
    response: RESPONSE,
    forms: [[PARAMS, OPTIONS]],
  },
} satisfies Record<string, MethodSpec>;

export { camelToSnake };

export abstract class GeneratedFormationClient extends BaseClient<"formation"> {
  chat(
    params: { message: string; sessionId?: string },
    userId?: string,
    options?: RequestOptions,
  ): Promise<WithMeta<Record<string, unknown>>>;
  chat(...args: unknown[]): Promise<WithMeta<Record<string, unknown>>> {
    return this._call(M.chat, args);
  }

  chatStream(
    params: { message: string; sessionId?: string },
    userId?: string,
    options?: RequestOptions,
  ): Stream<ChatEvent>;
  chatStream(...args: unknown[]): Stream<ChatEvent> {
    return this._stream(M.chatStream, args);
  }

  linkUserIdentifier(
    params: { muxiUserId?: string; identifiers: unknown[] },
    options?: RequestOptions,
  ): Promise<unknown>;
  linkUserIdentifier(muxiUserId: string, identifiers: unknown[], options?: RequestOptions): Promise<unknown>;
  linkUserIdentifier(...args: unknown[]): Promise<unknown> {
    return this._call(M.linkUserIdentifier, args);
  }

  getUser(identifier: string, options?: RequestOptions): Promise<WithMeta<ResolvedUser>>;
  getUser(...args: unknown[]): Promise<WithMeta<ResolvedUser>> {
    return this._call(M.getUser, args);
  }

  resolveUser(
    params: { identifier: string; identifierType?: string },
    options?: RequestOptions,
  ): Promise<WithMeta<ResolvedUser>>;
  resolveUser(...args: unknown[]): Promise<WithMeta<ResolvedUser>> {
    return this._call(M.resolveUser, args);
  }
}
