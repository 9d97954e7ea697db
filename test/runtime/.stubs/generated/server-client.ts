// Test stand-in for the generated ServerClient base (deploy/update/status).

import { binaryBody } from "../runtime/body.js";
import { BaseClient } from "../runtime/client.js";
import { namedStep } from "../runtime/named-stream.js";
import type { NamedEvent } from "../runtime/events.js";
import type { MethodSpec, OperationSpec, Slot } from "../runtime/operation.js";
import type { RequestOptions } from "../runtime/options.js";
import type { Stream } from "../runtime/stream.js";

const OPTIONS: Slot = { param: "options", kind: "object", optional: true };
const PARAMS: Slot = { param: "params", kind: "object", optional: false };
const ID: Slot = { param: "id", kind: "string", optional: false };

const deployOp: OperationSpec = {
  id: "deployFormation",
  method: "POST",
  path: "/rpc/formations",
  params: [
    { name: "formationId", wire: "X-Formation-ID", in: "header", required: true, kind: "string" },
    { name: "version", wire: "X-Formation-Version", in: "header", required: false, kind: "string" },
    { name: "bundle", wire: "bundle", in: "body", required: true, kind: "unknown", whole: true },
  ],
  body: { kind: "binary", contentType: "application/gzip", required: true, encode: binaryBody },
  auth: ["MuxiHmac"],
  userId: "none",
  idempotent: false,
};

const updateOp: OperationSpec = {
  id: "updateFormation",
  method: "PUT",
  path: "/rpc/formations/{id}",
  params: [
    { name: "id", wire: "id", in: "path", required: true, kind: "string" },
    { name: "version", wire: "X-Formation-Version", in: "header", required: false, kind: "string" },
    { name: "bundle", wire: "bundle", in: "body", required: true, kind: "unknown", whole: true },
  ],
  body: { kind: "binary", contentType: "application/gzip", required: true, encode: binaryBody },
  auth: ["MuxiHmac"],
  userId: "none",
  idempotent: false,
};

const RESPONSE = { kind: "json", envelope: true } as const;

export const M = {
  deployFormation: { name: "deployFormation", op: deployOp, forms: [[PARAMS, OPTIONS]], response: RESPONSE },
  deployFormationStreaming: {
    name: "deployFormationStreaming",
    op: deployOp,
    forms: [[PARAMS, OPTIONS]],
    stream: { step: namedStep },
  },
  deployFormationStream: {
    name: "deployFormationStream",
    op: deployOp,
    forms: [[PARAMS, OPTIONS]],
    stream: { step: namedStep },
  },
  updateFormation: {
    name: "updateFormation",
    op: updateOp,
    response: RESPONSE,
    forms: [
      [ID, PARAMS, OPTIONS],
      [PARAMS, OPTIONS],
    ],
  },
  updateFormationStreaming: {
    name: "updateFormationStreaming",
    op: updateOp,
    forms: [
      [ID, PARAMS, OPTIONS],
      [PARAMS, OPTIONS],
    ],
    stream: { step: namedStep },
  },
  updateFormationStream: {
    name: "updateFormationStream",
    op: updateOp,
    forms: [
      [ID, PARAMS, OPTIONS],
      [PARAMS, OPTIONS],
    ],
    stream: { step: namedStep },
  },
  listFormations: {
    name: "listFormations",
    op: {
      id: "listFormations",
      method: "GET",
      path: "/rpc/formations",
      params: [],
          auth: ["MuxiHmac"],
      userId: "none",
      idempotent: false,
    },
    response: RESPONSE,
    forms: [[OPTIONS]],
  },
} satisfies Record<string, MethodSpec>;

type BundleParams = {
  bundle: Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>;
  formationId: string;
  version?: string;
};
type UpdateParams = Omit<BundleParams, "formationId">;

export abstract class GeneratedServerClient extends BaseClient<"server"> {
  deployFormation(params: BundleParams, options?: RequestOptions): Promise<Record<string, unknown>>;
  deployFormation(...args: unknown[]): Promise<Record<string, unknown>> {
    return this._call(M.deployFormation, args);
  }
  deployFormationStreaming(params: BundleParams, options?: RequestOptions): Stream<NamedEvent>;
  deployFormationStreaming(...args: unknown[]): Stream<NamedEvent> {
    return this._stream(M.deployFormationStreaming, args);
  }
  deployFormationStream(params: BundleParams, options?: RequestOptions): Stream<NamedEvent>;
  deployFormationStream(...args: unknown[]): Stream<NamedEvent> {
    return this._stream(M.deployFormationStream, args);
  }
  updateFormation(
    id: string,
    params: UpdateParams,
    options?: RequestOptions,
  ): Promise<Record<string, unknown>>;
  updateFormation(
    params: UpdateParams & { id: string },
    options?: RequestOptions,
  ): Promise<Record<string, unknown>>;
  updateFormation(...args: unknown[]): Promise<Record<string, unknown>> {
    return this._call(M.updateFormation, args);
  }
  updateFormationStreaming(id: string, params: UpdateParams, options?: RequestOptions): Stream<NamedEvent>;
  updateFormationStreaming(
    params: UpdateParams & { id: string },
    options?: RequestOptions,
  ): Stream<NamedEvent>;
  updateFormationStreaming(...args: unknown[]): Stream<NamedEvent> {
    return this._stream(M.updateFormationStreaming, args);
  }
  updateFormationStream(id: string, params: UpdateParams, options?: RequestOptions): Stream<NamedEvent>;
  updateFormationStream(params: UpdateParams & { id: string }, options?: RequestOptions): Stream<NamedEvent>;
  updateFormationStream(...args: unknown[]): Stream<NamedEvent> {
    return this._stream(M.updateFormationStream, args);
  }
  listFormations(options?: RequestOptions): Promise<Record<string, unknown>>;
  listFormations(...args: unknown[]): Promise<Record<string, unknown>> {
    return this._call(M.listFormations, args);
  }
}
