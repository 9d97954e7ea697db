// Hand-written MethodSpecs for runtime tests (the generator will emit the real ones).

import type {
  ArgForm,
  MethodSpec,
  OperationSpec,
  ParamSpec,
  Slot,
  StreamSpec,
} from "../.sdk/runtime/operation.js";

export function op(o: Partial<OperationSpec> & Pick<OperationSpec, "id" | "method" | "path">): OperationSpec {
  return {
    params: [],
    response: { kind: "json", envelope: false },
    auth: [],
    userId: "none",
    idempotent: false,
    ...o,
  };
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
  extra: { stream?: StreamSpec; forms?: ArgForm[] } = {},
): MethodSpec {
  const m: MethodSpec = {
    name,
    op: o,
    forms: extra.forms ?? defaultForms(o),
    ...(extra.stream ? { stream: extra.stream } : {}),
  };
  return m;
}

export { OPTIONS };
