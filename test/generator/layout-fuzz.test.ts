// Property-based companion of layout.test.ts: random small OpenAPI 3.1 documents that stress the
// layout of the generated modules (names and types of every length around the 110-column limit,
// snake_case names and so codecs, enums, nullable types, nested arrays, maps, unions with and without
// discriminator mappings, quotes and non-ASCII in values and docs, parameters, bodies, streams,
// legacy forms), each emitted and held to prettier's formatting of it, file by file.
//
// Hunting offline (prints the figures):
//   LAYOUT_FUZZ_RUNS=2000 LAYOUT_FUZZ_SEED=7 MUXI_SDKGEN_CACHE=0 npx vitest run test/generator/layout-fuzz.test.ts
// with LAYOUT_FUZZ_NOSHRINK=1 to stop at the first difference unshrunk, LAYOUT_FUZZ_TRACE=1 to see why
// specs are refused.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { format } from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import { emitTypeScript } from "../../generator/emit/typescript/index.js";
import { TS_OPTIONS } from "../../generator/format/options.mjs";
import { camelCase, memberName } from "../../generator/ir/names.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };
/** One spec file: its base name (the service's name) and its document. */
interface SpecFile {
  name: string;
  doc: Obj;
}

// ---- names and text ----

/** `arb` one time in `n`, else null (fc.option's `freq` is the other way round: null one time in `freq`). */
const oneIn = <T>(n: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/);
const words = (max: number): fc.Arbitrary<string[]> => fc.array(word, { minLength: 1, maxLength: max });
const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const pascal = (ws: string[]): string => ws.map(cap).join("");
const camel = (ws: string[]): string => ws[0] + ws.slice(1).map(cap).join("");
/** A name of 1 to `max` words in a style that needs renaming or not. */
const styled = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: words(max).map((ws) => ws.join("_")) },
    { weight: 2, arbitrary: words(max).map(camel) },
    { weight: 1, arbitrary: words(max).map((ws) => ws.join("-")) },
    { weight: 1, arbitrary: words(max).map((ws) => ws.join("_").toUpperCase()) },
  );
/** Names the TypeScript emitter must rename or quote. */
const awkward = fc.constantFrom("default", "delete", "class", "type", "then", "constructor", "1st_place", "naïve_value", "x", "_private", "$dollar", "with space", "params", "options", "client");
const schemaName = fc.oneof(
  { weight: 6, arbitrary: words(9).map(pascal) },
  { weight: 2, arbitrary: styled(6) },
  { weight: 1, arbitrary: fc.constantFrom("Record", "Promise", "String", "Codec", "K", "Stream", "ChatEvent", "Default", "Object") },
);
const propertyName = fc.oneof({ weight: 8, arbitrary: styled(9) }, { weight: 1, arbitrary: awkward });

const prose = fc.constantFrom("a", "e", "word ", " ", "'", '"', "\\", "é", "漢字", "😀", "*/", "/*", "`", "${x}", "<b>", "@see", "\n", "\n\n", "  ", "\t", "*", "-", ".");
/** A description: plain words, or text with quotes, backslashes, comment markers, non-ASCII and newlines. */
const text = fc.oneof(
  { weight: 3, arbitrary: words(30).map((ws) => ws.join(" ")) },
  { weight: 2, arbitrary: fc.string({ unit: prose, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
);
const stringValue = fc.oneof(
  { weight: 4, arbitrary: styled(8) },
  { weight: 2, arbitrary: fc.string({ unit: prose, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom("", "it's", 'say "hi"', 'both \' and ""', "back\\slash", '\\"', "'\"'", "ünïcödé") },
);
const numberValue = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer(),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0.5, 0.1, 2.5, 1e21, -1e-7, 1.5e300, 123456789012, -3),
);

// ---- schemas ----

const ref = (name: string): Obj => ({ $ref: `#/components/schemas/${name}` });
const PRIMITIVES = ["string", "number", "integer", "boolean"] as const;

/** A property's (or parameter's, or payload's) schema: `depth` levels of nesting at most. */
function typeSchema(refs: string[], depth: number): fc.Arbitrary<Obj> {
  const primitive = fc.constantFrom(...PRIMITIVES).map((type): Obj => ({ type }));
  const leaves: fc.WeightedArbitrary<Obj>[] = [
    { weight: 3, arbitrary: primitive },
    { weight: 1, arbitrary: fc.constantFrom(...PRIMITIVES).map((type): Obj => ({ type: [type, "null"] })) },
    { weight: 1, arbitrary: fc.constantFrom<Obj>({ type: "string", format: "date-time" }, { type: "string", format: "binary" }, { type: ["string", "number"] }, {}, { type: "null" }) },
    { weight: 2, arbitrary: enumSchema },
    { weight: 1, arbitrary: fc.oneof(stringValue, numberValue, fc.boolean()).map((v): Obj => ({ const: v })) },
  ];
  if (refs.length) {
    const target = fc.constantFrom(...refs);
    leaves.push({ weight: 5, arbitrary: target.map(ref) }, { weight: 2, arbitrary: fc.tuple(target, fc.constantFrom("oneOf", "anyOf")).map(([n, k]): Obj => ({ [k]: [ref(n), { type: "null" }] })) });
  }
  if (depth <= 0) return fc.oneof(...leaves);
  const inner = typeSchema(refs, depth - 1);
  const nullable = fc.boolean();
  return fc.oneof(
    ...leaves,
    { weight: 3, arbitrary: fc.tuple(inner, nullable).map(([items, n]): Obj => ({ type: n ? ["array", "null"] : "array", items })) },
    { weight: 2, arbitrary: inner.map((v): Obj => ({ type: "object", additionalProperties: v })) },
    { weight: 2, arbitrary: fc.tuple(fc.array(inner, { minLength: 2, maxLength: 4 }), fc.boolean()).map(([vs, n]): Obj => ({ oneOf: n ? [...vs, { type: "null" }] : vs })) },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((items): Obj => ({ type: "array", prefixItems: items })) },
    { weight: 1, arbitrary: objectSchema(refs, depth - 1) },
  );
}

const enumSchema: fc.Arbitrary<Obj> = fc.oneof(
  fc.uniqueArray(stringValue, { minLength: 1, maxLength: 14 }).map((values): Obj => ({ type: "string", enum: values })),
  fc.uniqueArray(numberValue, { minLength: 1, maxLength: 10 }).map((values): Obj => ({ type: "number", enum: values })),
  fc.uniqueArray(fc.oneof(stringValue, numberValue), { minLength: 2, maxLength: 8 }).map((values): Obj => ({ enum: values })),
  fc.uniqueArray(stringValue, { minLength: 1, maxLength: 6 }).map((values): Obj => ({ type: ["string", "null"], enum: [...values, null] })),
);

/** An object schema with properties (a model of its own when inline). */
function objectSchema(refs: string[], depth: number): fc.Arbitrary<Obj> {
  const property = fc.record({
    name: propertyName,
    schema: typeSchema(refs, depth),
    description: fc.option(text, { freq: 3 }),
    required: fc.boolean(),
    default: oneIn(8, fc.oneof(stringValue, numberValue, fc.boolean())),
    // The SDK name, verbatim: quoted keys in the models.
    custom: oneIn(
      15,
      fc.oneof(
        styled(6).map((n) => camelCase(n)),
        mappingKey,
      ),
    ),
  });
  const options = { minLength: 1, maxLength: 7, selector: (p: { name: string }) => p.name };
  return fc
    .tuple(fc.uniqueArray(property, options), fc.option(text, { freq: 2 }), fc.constantFrom<Json | undefined>(undefined, undefined, undefined, true, {}), fc.boolean())
    .map(([list, description, additional, deprecated]) => {
      const properties: Obj = {};
      for (const p of list) {
        properties[p.name] = {
          ...p.schema,
          ...(p.description !== null ? { description: p.description } : {}),
          ...(p.default !== null ? { default: p.default } : {}),
          ...(p.custom !== null ? { "x-muxi-name": p.custom } : {}),
        };
      }
      return {
        type: "object",
        ...(description !== null ? { description } : {}),
        ...(deprecated ? { deprecated: true } : {}),
        properties,
        required: list.filter((p) => p.required).map((p) => p.name),
        ...(additional !== undefined ? { additionalProperties: additional } : {}),
      };
    });
}

/** Discriminator values: identifiers, and ones a key must quote. */
const mappingKey = fc.oneof(styled(4), fc.constantFrom("text-setting", "with space", "1abc", "é", "a.b", "", "'q'", '"dq"'));

/** A union of named object schemas, with or without a discriminator (and mapping). */
function unionSchema(objects: string[]): fc.Arbitrary<Obj> {
  return fc
    .tuple(
      fc.shuffledSubarray(objects, { minLength: 1, maxLength: Math.min(5, objects.length) }),
      fc.constantFrom("oneOf", "anyOf"),
      fc.option(propertyName),
      fc.boolean(),
      fc.array(mappingKey, { maxLength: 5 }),
    )
    .map(([variants, key, property, mapped, keys]): Obj => {
      const out: Obj = { [key]: variants.map(ref) };
      if (property !== null) {
        const mapping: Obj = {};
        if (mapped) variants.forEach((v, i) => (mapping[keys[i] ?? v] = `#/components/schemas/${v}`));
        out.discriminator = { propertyName: property, ...(mapped ? { mapping } : {}) };
      }
      return out;
    });
}

// ---- operations ----

const HTTP = ["get", "post", "put", "patch", "delete"] as const;
const SCHEMES: Obj = {
  ClientKey: { type: "apiKey", in: "header", name: "X-Muxi-Client-Key" },
  AdminKey: { type: "apiKey", in: "header", name: "X-Muxi-Admin-Key" },
  Bearer: { type: "http", scheme: "bearer" },
};

interface OpDraft {
  segments: string[];
  pathParams: string[];
  method: (typeof HTTP)[number];
  operationId: string | null;
  op: Obj;
}

function operation(refs: string[], objects: string[]): fc.Arbitrary<OpDraft> {
  const type = typeSchema(refs, 2);
  const param = (where: "query" | "header"): fc.Arbitrary<Obj> =>
    fc
      .record({
        name: where === "header" ? words(5).map((ws) => ["x", ...ws].map(cap).join("-")) : propertyName,
        schema: type,
        required: fc.boolean(),
        description: fc.option(text, { freq: 3 }),
        // An identifier: a parameter's name may be a positional one (a quoted x-muxi-name makes code that does not parse).
        custom: oneIn(
          15,
          styled(6).map((n) => camelCase(n)),
        ),
      })
      .map(({ description, custom, ...p }): Obj => ({ ...p, in: where, ...(description !== null ? { description } : {}), ...(custom !== null ? { "x-muxi-name": custom } : {}) }));
  const jsonContent = (schema: Obj): Obj => ({ "application/json": { schema } });
  const body = fc.oneof(
    { weight: 4, arbitrary: objects.length ? fc.constantFrom(...objects).map(ref) : objectSchema(refs, 1) },
    { weight: 2, arbitrary: type },
    { weight: 1, arbitrary: objectSchema(refs, 1) },
  );
  const requestBody = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(body, fc.boolean()).map(([schema, required]): Obj => ({ required, content: jsonContent(schema) })) },
    { weight: 1, arbitrary: fc.constantFrom<Obj>({ content: { "text/plain": { schema: { type: "string" } } } }, { required: true, content: { "application/octet-stream": {} } }) },
  );
  const payload = fc.oneof({ weight: 4, arbitrary: refs.length ? fc.constantFrom(...refs).map(ref) : type }, { weight: 3, arbitrary: type });
  const success = fc.oneof(
    { weight: 5, arbitrary: payload.map((schema): Obj => ({ "200": { description: "ok", content: jsonContent(schema) } })) },
    { weight: 1, arbitrary: fc.constant<Obj>({ "204": { description: "no content" } }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Obj>(
        { "200": { description: "text", content: { "text/plain": { schema: { type: "string" } } } } },
        { "200": { description: "bytes", content: { "application/octet-stream": {} } } },
      ),
    },
    {
      weight: 1,
      arbitrary: (objects.length ? fc.constantFrom(...objects).map(ref) : payload).map((data): Obj => ({
        "200": {
          description: "enveloped",
          content: jsonContent({
            allOf: [
              { type: "object", properties: { request_id: { type: "string" } } },
              { type: "object", properties: { data } },
            ],
          }),
        },
      })),
    },
  );
  const stream = fc.record({
    format: fc.constantFrom("chat", "named", "data"),
    method: fc.option(styled(6), { freq: 2 }),
    events: fc.uniqueArray(fc.tuple(fc.oneof(styled(3), fc.constantFrom("ui", "error", "done", "with-dash", "1st")), payload), { minLength: 1, maxLength: 4, selector: ([n]) => n }),
    alsoPlain: fc.boolean(),
    // Wire values that pick the stream (or the plain) variant: keys of every kind, any JSON values.
    select: oneIn(3, fc.dictionary(fc.oneof(propertyName, mappingKey), fc.oneof(fc.boolean(), stringValue, numberValue, fc.constant(null)), { minKeys: 1, maxKeys: 3 })),
    plain: oneIn(
      3,
      fc.dictionary(
        fc.oneof(propertyName, mappingKey),
        fc.oneof(
          fc.boolean(),
          stringValue,
          fc.array(numberValue, { maxLength: 8 }),
          fc.jsonValue({ maxDepth: 2 }).map((v) => v as Json),
        ),
        { minKeys: 1, maxKeys: 3 },
      ),
    ),
  });
  return fc
    .record({
      segments: fc.array(fc.oneof(word, styled(3)), { minLength: 1, maxLength: 5 }),
      pathParams: fc.uniqueArray(fc.oneof(styled(4), fc.constantFrom("client", "params", "options", "default")), { maxLength: 3 }),
      method: fc.constantFrom(...HTTP),
      operationId: fc.option(fc.oneof({ weight: 6, arbitrary: styled(12) }, { weight: 1, arbitrary: awkward }), { freq: 10 }),
      summary: fc.option(text, { freq: 8 }),
      description: fc.option(text, { freq: 2 }),
      query: fc.array(param("query"), { maxLength: 4 }),
      headers: fc.array(param("header"), { maxLength: 2 }),
      pathType: oneIn(3, type),
      requestBody: fc.option(requestBody, { freq: 2 }),
      success,
      errors: fc.subarray(["400", "404", "500"]),
      security: fc.subarray(["ClientKey", "AdminKey", "Bearer"]),
      userId: fc.constantFrom(undefined, "required", "optional"),
      idempotent: fc.boolean(),
      deprecated: fc.boolean(),
      stream: oneIn(5, stream),
      legacy: oneIn(5, fc.tuple(fc.option(styled(5)), fc.boolean(), fc.nat())),
    })
    .map((d): OpDraft => {
      const op: Obj = {};
      if (d.operationId !== null) op.operationId = d.operationId;
      if (d.summary !== null) op.summary = d.summary;
      if (d.description !== null) op.description = d.description;
      const parameters: Json[] = d.pathParams.map((name) => ({ name, in: "path", required: true, schema: d.pathType ?? { type: "string" } }));
      parameters.push(...d.query, ...d.headers);
      if (parameters.length) op.parameters = parameters;
      if (d.requestBody) op.requestBody = d.requestBody;
      const responses: Obj = { ...d.success };
      for (const e of d.errors) responses[e] = { description: "error" };
      op.security = d.security.map((s) => ({ [s]: [] }));
      if (d.userId) op["x-muxi-user-id"] = d.userId;
      if (d.idempotent) op["x-muxi-idempotent"] = true;
      if (d.deprecated) op.deprecated = true;
      const enveloped = JSON.stringify(d.success).includes('"enveloped"');
      if (enveloped) op["x-muxi-envelope"] = true;
      if (d.stream) {
        const events: Obj = {};
        for (const [name, schema] of d.stream.events) events[name] = schema;
        op["x-muxi-stream"] = {
          format: d.stream.format,
          events,
          ...(d.stream.method !== null ? { method: d.stream.method } : {}),
          ...(d.stream.select !== null ? { select: { query: d.stream.select } } : {}),
          ...(d.stream.plain !== null ? { plain: { body: d.stream.plain } } : {}),
        };
        const sse = { "text/event-stream": { schema: { type: "string" } } };
        if (d.stream.alsoPlain && responses["200"]) responses["201"] = { description: "events", content: sse };
        else responses["200"] = { description: "events", content: sse };
      }
      op.responses = responses;
      if (d.legacy) {
        // Positional forms of the names the operation has (parameters, userId, params).
        const [name, deprecated, pick] = d.legacy;
        const known = ["userId", "params", ...[...d.pathParams, ...d.query.map((p) => (typeof p["x-muxi-name"] === "string" ? p["x-muxi-name"] : String(p.name)))].map((n) => camelCase(n))];
        const args = known.filter((_, i) => (pick >> i) & 1);
        op["x-muxi-legacy"] = [{ ...(name !== null ? { name } : {}), ...(deprecated ? { deprecated } : {}), args }];
      }
      return { segments: d.segments, pathParams: d.pathParams, method: d.method, operationId: d.operationId, op };
    });
}

// ---- documents ----

// The service's name is in file names, imports, class names and `BaseClient<"name">`.
const serviceName = fc.oneof(
  fc.constantFrom("formation", "server", "a"),
  fc.stringMatching(/^[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,8}){0,2}$/),
  words(10).map((ws) => ws.join("-")),
);

/** One service: its schemas (`names`; `objects` among them are object schemas) and operations. */
function serviceDoc(names: string[], objects: string[], title: string, depth: number): fc.Arbitrary<Obj> {
  const schemas = fc.tuple(
    ...names.map((n) =>
      objects.includes(n)
        ? objectSchema(names, depth)
        : fc.oneof({ weight: 3, arbitrary: enumSchema }, { weight: 2, arbitrary: objects.length ? unionSchema(objects) : enumSchema }, { weight: 2, arbitrary: typeSchema(names, depth + 1) }),
    ),
    ...names.map(() => fc.option(text, { freq: 3 })),
  );
  return fc.tuple(schemas, fc.array(operation(names, objects), { maxLength: 5 }), fc.option(text, { freq: 3 })).map(([parts, drafts, description]): Obj => {
    const components: Obj = {};
    names.forEach((n, i) => {
      const s = parts[i] as Obj;
      const d = parts[names.length + i] as string | null;
      // Not a bare $ref: two schemas that are each other's would be a circular chain.
      const schema = "$ref" in s ? { oneOf: [s, { type: "null" }] } : s;
      components[n] = d !== null ? { ...schema, description: d } : schema;
    });
    const paths: Obj = {};
    const ids = new Set<string>();
    for (const draft of drafts) {
      const path = "/" + [...draft.segments, ...draft.pathParams.map((p) => `{${p}}`)].join("/");
      const item = (paths[path] ??= {}) as Obj;
      const method = [draft.method, ...HTTP].find((m) => item[m] === undefined);
      if (!method) continue;
      // operationIds (and the method names made of them) unique; a repeated one is left out, and the IR derives one.
      if (draft.operationId !== null) {
        const key = memberName(draft.operationId);
        if (ids.has(key)) delete draft.op.operationId;
        ids.add(key);
      }
      item[method] = draft.op;
    }
    return {
      openapi: "3.1.0",
      info: { title, version: "1.0.0", ...(description !== null ? { description } : {}) },
      paths,
      components: { schemas: components, securitySchemes: SCHEMES },
    };
  });
}

const spec: fc.Arbitrary<SpecFile[]> = fc
  .record({
    names: fc.uniqueArray(schemaName, { maxLength: 8, selector: (n) => n.toLowerCase() }),
    objectFlags: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    services: fc.uniqueArray(serviceName, { minLength: 1, maxLength: 2 }),
    split: fc.nat(),
    title: text,
    depth: fc.constantFrom(1, 1, 1, 2),
  })
  .chain(({ names, objectFlags, services, split, title, depth }) => {
    const objects = names.filter((_, i) => objectFlags[i]);
    // Each schema lives in one service's document (names are unique across the spec); refs stay within it.
    const owner = (i: number): number => (services.length > 1 ? (split >> i) & 1 : 0);
    return fc.tuple(
      ...services.map((service, s) => {
        const own = names.filter((_, i) => owner(i) === s);
        return serviceDoc(
          own,
          objects.filter((n) => own.includes(n)),
          `${title} ${service}`,
          depth,
        ).map((doc): SpecFile => ({ name: service, doc }));
      }),
    );
  });

// ---- the property ----

const RUNS = Number(process.env.LAYOUT_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.LAYOUT_FUZZ_SEED ?? 20240611);
const TRACE = Boolean(process.env.LAYOUT_FUZZ_TRACE);

let dir = "";
const stats = { runs: 0, refused: 0, files: 0, lines: 0, nearLimit: 0 };

/** Emits the spec's modules; returns the first that prettier would change, around the first line it changes. */
async function mismatch(files: SpecFile[]): Promise<string | undefined> {
  const sub = join(dir, String(++stats.runs));
  const paths = files.map((f) => join(sub, `${f.name}.json`));
  await mkdir(sub, { recursive: true });
  await Promise.all(files.map((f, i) => writeFile(paths[i], JSON.stringify(f.doc, null, 2))));
  const ir = await specToIR(paths, { conventions: false })
    .catch((err: unknown) => {
      if (!(err instanceof SpecError)) throw err;
      if (TRACE) console.error(`refused: ${err.message.split("\n")[0]}`);
      return undefined; // refused with a located error: nothing emitted
    })
    .finally(() => rm(sub, { recursive: true, force: true }));
  if (!ir) {
    stats.refused++;
    return undefined;
  }
  for (const [path, text] of await emitTypeScript({ ir, overrides: new Map(), version: "0.0.0" })) {
    stats.files++;
    for (const l of text.split("\n")) {
      stats.lines++;
      if (l.length > 100 && l.length <= 115) stats.nearLimit++;
    }
    const formatted = await format(text, TS_OPTIONS);
    if (formatted === text) continue;
    const [a, b] = [text.split("\n"), formatted.split("\n")];
    const i = a.findIndex((l, k) => l !== b[k]);
    const around = (lines: string[]): string => lines.slice(Math.max(0, i - 3), i + 6).join("\n");
    return `${path} differs from prettier's at line ${i + 1}:\n${around(a)}\n--- prettier:\n${around(b)}`;
  }
  return undefined;
}

// ---- regressions: minimal specs of the differences the property found ----

const doc = (schemas: Obj, paths: Obj = {}): Obj => ({ openapi: "3.1.0", info: { title: "Regression", version: "1" }, paths, components: { schemas } });
/** A streaming operation whose x-muxi-stream carries `extra` (select/plain: JSON written as object literals). */
const streaming = (extra: Obj): Obj => ({
  "/s": {
    post: {
      operationId: "send",
      responses: { "200": { description: "events", content: { "text/event-stream": { schema: { type: "string" } } } } },
      "x-muxi-stream": { format: "data", events: { item: { type: "string" } }, ...extra },
    },
  },
});
const longKey = `a_selector_key_long_enough_to_leave_no_room_for_its_value_${"k".repeat(42)}`;

const regressions: [string, SpecFile[]][] = [
  [
    // A union among other tuple items breaks inside parentheses.
    "a breaking union in a tuple",
    [{ name: "a", doc: doc({ Pair: { type: "array", prefixItems: [{ type: "number" }, { enum: [`first_value_${"x".repeat(90)}`, "second_value", null] }] } }) }],
  ],
  [
    // Prettier unquotes "é" (an identifier to it), but not "\u00e9".
    "a non-ASCII discriminator value",
    [
      {
        name: "a",
        doc: doc({
          Setting: { oneOf: [{ $ref: "#/components/schemas/TextSetting" }], discriminator: { propertyName: "kind", mapping: { é: "#/components/schemas/TextSetting" } } },
          TextSetting: { type: "object", properties: { kind: { type: "string" }, text_value: { type: "string" } } },
        }),
      },
    ],
  ],
  [
    // "漢!" is 4 characters but 5 columns: no short key, so the string goes to the next line.
    "a wide key before a long string",
    [{ name: "a", doc: doc({}, streaming({ select: { query: { "漢!": "v".repeat(110) } } })) }],
  ],
  [
    // As many numbers on a line as fit.
    "an array of numbers",
    [{ name: "a", doc: doc({}, streaming({ plain: { body: { [longKey]: [1, -2, 3.5] } } })) }],
  ],
  [
    // `-1.5` (a unary expression) and `null` go to the next line after a long key; `1.5` and `true` do not.
    "a negative number and null after a long key",
    [{ name: "a", doc: doc({}, streaming({ select: { query: { [longKey]: -1.5, [`other_${longKey}`]: null, [`third_${longKey}`]: 1.5 } } })) }],
  ],
];

describe("layout of the generated modules, random specs", () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "layout-fuzz-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(regressions)("%s: prettier changes nothing", async (_name, files) => {
    expect(await mismatch(files)).toBeUndefined();
    expect(stats.refused).toBe(0);
  });

  it(
    `${RUNS} random specs (seed ${SEED}): prettier changes nothing`,
    async () => {
      const t = performance.now();
      const before = { ...stats };
      await fc.assert(
        fc.asyncProperty(spec, async (files) => {
          expect(await mismatch(files)).toBeUndefined();
        }),
        // Shrinking a failure over specs this size can take many minutes: when the time is up, what it has is reported.
        { numRuns: RUNS, seed: SEED, endOnFailure: Boolean(process.env.LAYOUT_FUZZ_NOSHRINK), interruptAfterTimeLimit: RUNS * 500 + 120_000 },
      );
      if (process.env.LAYOUT_FUZZ_RUNS) console.log(`seed ${SEED}: ${RUNS} runs in ${((performance.now() - t) / 1000).toFixed(1)} s`, stats);
      // Most samples are specs the generator accepts: the property is about their layout.
      expect(stats.refused - before.refused).toBeLessThan(RUNS / 10);
    },
    RUNS * 1000 + 180_000,
  );
});
