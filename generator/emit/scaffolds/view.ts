// The template view of the IR for one language: every name and type already
// spelled in that language, so templates contain layout only.
import type { IR, Model, Operation, Param, SdkMethod, Service, TypeRef } from "../../ir/types.js";
import type { LanguageProfile, NameRole, TypeContext } from "./profile.js";

export interface Namer {
  (irName: string, role: NameRole): string;
}

/** Language name of an IR name, reserved words escaped. */
export function namer(profile: LanguageProfile): Namer {
  return (irName, role) => {
    const n = profile.name(irName, role);
    const probe = profile.caseInsensitiveReserved ? n.toLowerCase() : n;
    return profile.reserved.has(probe) ? profile.escape(n, role) : n;
  };
}

export function buildView(ir: IR, profile: LanguageProfile, sdk: Record<string, unknown>) {
  const name = namer(profile);
  const modelName = (n: string): string => name(n, "type");
  const modelsByName = new Map(ir.models.map((m) => [m.name, m] as const));
  const model = (n: string): Model | undefined => modelsByName.get(n);
  const type = (t: TypeRef, dir: TypeContext["dir"], optional = false): string => profile.type(t, { dir, optional, modelName, model });

  const modelView = (m: Model) => ({
    irName: m.name,
    name: modelName(m.name),
    kind: m.kind,
    isObject: m.kind === "object",
    isEnum: m.kind === "enum",
    isUnion: m.kind === "union",
    isAlias: m.kind === "alias",
    doc: profile.doc(m.description),
    deprecated: m.deprecated,
    file: profile.modelFile?.(m),
    fields:
      m.kind === "object"
        ? m.properties.map((p) => ({
            name: name(p.name, "field"),
            irName: p.name,
            wire: p.wire,
            wireLiteral: profile.string(p.wire),
            type: type(p.type, "output", !p.required),
            typeRef: p.type,
            required: p.required,
            nullable: p.type.nullable === true,
            doc: profile.doc(p.description),
            isModel: p.type.kind === "model",
          }))
        : [],
    freeForm: m.kind === "object" && m.additional !== null,
    values:
      m.kind === "enum"
        ? m.values.map((v) => ({ name: name(String(v), "enumMember"), value: v, literal: typeof v === "string" ? profile.string(v) : String(v), isString: typeof v === "string" }))
        : [],
    variants: m.kind === "union" ? m.variants.map((v) => type(v, "output")) : [],
    aliasOf: m.kind === "alias" ? type(m.type, "output") : undefined,
  });

  const param = (p: Param) => ({
    name: name(p.name, "param"),
    field: name(p.name, "field"),
    irName: p.name,
    wire: p.wire,
    wireLiteral: profile.string(p.wire),
    in: p.in,
    isPath: p.in === "path",
    isQuery: p.in === "query",
    isHeader: p.in === "header",
    isBody: p.in === "body",
    whole: p.whole === true,
    required: p.required,
    type: type(p.type, "input", !p.required),
    typeRef: p.type,
    fixed: p.fixed,
    fixedLiteral: p.fixed === undefined ? undefined : typeof p.fixed === "string" ? profile.string(p.fixed) : JSON.stringify(p.fixed),
    doc: profile.doc(p.description),
  });

  const method = (m: SdkMethod) => ({
    name: name(m.name, "method"),
    irName: m.name,
    isStream: m.kind === "stream",
    alias: m.alias,
    forms: m.forms,
  });

  const operation = (op: Operation) => {
    const params = op.params.map(param);
    const resp = op.response;
    const respModel = resp.type?.kind === "model" ? modelsByName.get(resp.type.name) : undefined;
    return {
      ...profile.operationExtras?.(op),
      name: name(op.name, "method"),
      irName: op.name,
      httpMethod: op.method,
      path: op.path,
      pathLiteral: profile.string(op.path),
      summary: profile.doc(op.summary),
      description: profile.doc(op.description),
      deprecated: op.deprecated,
      params,
      pathParams: params.filter((p) => p.isPath),
      queryParams: params.filter((p) => p.isQuery && p.fixed === undefined),
      headerParams: params.filter((p) => p.isHeader && p.fixed === undefined),
      bodyParams: params.filter((p) => p.isBody && !p.whole && p.fixed === undefined),
      fixedParams: params.filter((p) => p.fixed !== undefined),
      wholeBody: params.find((p) => p.whole),
      exposedParams: params.filter((p) => p.fixed === undefined),
      hasBody: op.body !== undefined,
      body: op.body,
      auth: op.auth,
      needsClientKey: op.auth.includes("ClientKey"),
      needsAdminKey: op.auth.includes("AdminKey"),
      needsHmac: op.auth.includes("MuxiHmac"),
      userId: op.userId,
      userIdRequired: op.userId === "required",
      readsUserId: op.userId !== "none",
      idempotent: op.idempotent,
      retryable: op.retryable,
      response: {
        kind: resp.kind,
        status: resp.status,
        envelope: resp.envelope,
        isJson: resp.kind === "json",
        isText: resp.kind === "text",
        isBinary: resp.kind === "binary",
        isEmpty: resp.kind === "empty",
        type: resp.type ? type(resp.type, "output") : undefined,
        typeRef: resp.type,
        modelName: respModel ? modelName(respModel.name) : undefined,
      },
      plainSelect: op.plainSelect,
      stream: op.stream
        ? {
            method: name(op.stream.method, "method"),
            format: op.stream.format,
            isChat: op.stream.format === "chat",
            isNamed: op.stream.format === "named",
            isData: op.stream.format === "data",
            only: op.stream.only,
            select: op.stream.select,
            selectBody: Object.entries(op.stream.select?.body ?? {}).map(([k, v]) => ({ wire: k, wireLiteral: profile.string(k), json: JSON.stringify(v) })),
            selectQuery: Object.entries(op.stream.select?.query ?? {}).map(([k, v]) => ({ wire: k, wireLiteral: profile.string(k), value: String(v), valueLiteral: profile.string(String(v)) })),
            events: op.stream.events.map((e) => ({ name: e.name, nameLiteral: profile.string(e.name), type: type(e.type, "output"), typeRef: e.type })),
          }
        : undefined,
      methods: op.methods.map(method),
      plainMethod: op.methods.find((m) => m.kind === "plain" && !m.alias) ? name(op.name, "method") : undefined,
    };
  };

  const service = (s: Service) => ({
    name: s.name,
    client: name(s.client, "type"),
    title: s.title,
    version: s.version,
    source: s.source,
    description: profile.doc(s.description),
    operations: s.operations.map(operation),
    isFormation: s.name === "formation",
    isServer: s.name === "server",
  });

  const services = ir.services.map(service);
  return {
    sdk,
    lang: profile.id,
    models: ir.models.map(modelView),
    services,
    formation: services.find((s) => s.isFormation),
    server: services.find((s) => s.isServer),
    sources: ir.services.map((s) => s.source).join(", "),
  };
}

export type ScaffoldView = ReturnType<typeof buildView>;
