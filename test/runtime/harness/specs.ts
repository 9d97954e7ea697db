// Hand-written MethodSpecs for runtime tests (the generator emits the real ones). For brevity
// `op()` also takes the plain method's response and fills in a body's encoder from its kind;
// `method()` puts the response on the MethodSpec and turns a stream `format` into its step.

import { binaryBody, jsonBody, textBody } from "../.sdk/runtime/body.js";
import { chatStep } from "../.sdk/runtime/chat-stream.js";
import { dataStep, namedStep } from "../.sdk/runtime/named-stream.js";
import type {
  ArgForm,
  BodySpec,
  MethodSpec,
  OperationSpec,
  ParamSpec,
  ResponseSpec,
  Slot,
  StreamSpec,
} from "../.sdk/runtime/operation.js";

const ENCODERS = { json: jsonBody, text: textBody, binary: binaryBody };
export const STEPS = { chat: chatStep, named: namedStep, data: dataStep };

const responses = new WeakMap<OperationSpec, ResponseSpec>();

type OpInput = Partial<Omit<OperationSpec, "body">> &
  Pick<OperationSpec, "id" | "method" | "path"> & {
    response?: ResponseSpec;
    body?: Omit<BodySpec, "encode">;
  };

export function op({ response, body, ...o }: OpInput): OperationSpec {
  const spec: OperationSpec = {
    params: [],
    auth: [],
    userId: "none",
    idempotent: false,
    ...o,
    ...(body ? { body: { ...body, encode: ENCODERS[body.kind] } } : {}),
  };
  responses.set(spec, response ?? { kind: "json", envelope: false });
  return spec;
}

export type StreamInput = Omit<StreamSpec, "step"> & { format: keyof typeof STEPS };

export function streamSpec({ format, ...s }: StreamInput): StreamSpec {
  return { step: STEPS[format], ...s };
}

export function param(
  name: string,
  wire: string,
  where: ParamSpec["in"],
  extra: Partial<ParamSpec> = {},
): ParamSpec {
  return { name, wire, in: where, required: where === "path", kind: "string", ...extra };
}

const OPTIONS: Slot = { param: "options", kind: "object", optional: true };

/** The default forms: (...pathParams, params?, options?) and (params, options?). */
export function defaultForms(o: OperationSpec): ArgForm[] {
  const path = o.params
    .filter((p) => p.in === "path")
    .map((p): Slot => ({ param: p.name, kind: "string", optional: false }));
  const hasParams = o.params.some((p) => p.in !== "path") || o.userId !== "none";
  const positional: Slot[] = [...path];
  if (hasParams) positional.push({ param: "params", kind: "object", optional: true });
  positional.push(OPTIONS);
  const forms: ArgForm[] = [positional];
  if (path.length > 0) forms.push([{ param: "params", kind: "object", optional: false }, OPTIONS]);
  return forms;
}

export function method(
  name: string,
  o: OperationSpec,
  extra: { stream?: StreamInput; forms?: ArgForm[] } = {},
): MethodSpec {
  return {
    name,
    op: o,
    forms: extra.forms ?? defaultForms(o),
    ...(extra.stream
      ? { stream: streamSpec(extra.stream) }
      : { response: responses.get(o) ?? { kind: "json", envelope: false } }),
  };
}

export { OPTIONS };
