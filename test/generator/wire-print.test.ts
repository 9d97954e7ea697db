// printWire lays out openapi-typescript's AST exactly as prettier formats astToString()'s output, for
// every document the generator accepts and for one made of the awkward cases (comments that break
// out or span odd line breaks, quotes, escapes, non-ASCII, names longer than a line).
import { join } from "node:path";
import { astToString } from "openapi-typescript";
import * as prettier from "prettier";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics/diagnostic.js";
import { printWire, UnsupportedLayout } from "../../generator/emit/typescript/wire-print.mjs";
import { layOut, wireNodesOf } from "../../generator/emit/typescript/wire-transform.mjs";
import { TS_OPTIONS } from "../../generator/format/options.mjs";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { specCases } from "./spec-cases.js";

const ROOT = join(import.meta.dirname, "../..");
const specSets: [string, string[], boolean][] = [
  ["MUXI", ["spec/formation.yaml", "spec/server.yaml"].map((p) => join(ROOT, p)), true],
  ["mapping", [join(ROOT, "test/fixtures/mapping/formation.yaml")], false],
  ...specCases().map((c): [string, string[], boolean] => [c.name, c.specs, c.conventions]),
];

async function expectPrettiersText(json: string): Promise<void> {
  const nodes = wireNodesOf(json);
  const source = astToString(nodes);
  const text = printWire(nodes);
  // An array of a negative number, which TypeScript prints as `-1[]` (no TypeScript): written `Array<-1>`, prettier's fixpoint.
  if (/-\d[\d.e]*\[\]/.test(source)) expect(await prettier.format(text, TS_OPTIONS)).toBe(text);
  else expect(text).toBe(await prettier.format(source, TS_OPTIONS));
}

const LONG = "a_name_long_enough_that_no_line_of_110_columns_holds_it_together_with_its_indentation_and_type";
const TEXTS = [
  'say "hi"',
  "it's",
  `both ' and "" quotes`,
  "back\\slash \\\" and \\'",
  "non-ASCII: café 日本語 😀 \u00a0",
  "controls \u0000\u0001\t\v\f\b",
  "separators \u2028 \u2029 \u0085",
  LONG + LONG,
];
const COMMENTS = [
  "ends the comment */ early",
  "several\nlines\n\n  indented  \nwith trailing spaces  ",
  "carriage\rreturn and CRLF\r\nline",
  "line\u2028separator and paragraph\u2029separator",
  "tab\tinside and \t leading tab\n\tnext",
  "zero width \u200b and BOM \ufeff\n\u200bnext",
  "*/ /* nested /** comment */",
];

/** A document that exercises every layout rule of printWire at least once. */
const EDGE_DOCUMENT = {
  openapi: "3.1.0",
  info: { title: "edge", version: "1" },
  paths: {
    ["/items/{id}/" + LONG]: {
      get: {
        operationId: "get" + LONG,
        description: COMMENTS.join("\n"),
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } } },
      },
    },
  },
  components: {
    schemas: {
      Base: { type: "object", required: ["kind"], properties: { kind: { type: "string" }, id: { type: "string" } }, discriminator: { propertyName: "kind" } },
      Item: {
        allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { extra: { type: "string" } } }],
        required: ["id"],
      },
      Everything: {
        type: "object",
        required: ["nullableRef"],
        properties: {
          ...Object.fromEntries(COMMENTS.map((c, i) => [`commented${i}`, { type: "string", description: c, title: c, default: c }])),
          ...Object.fromEntries(TEXTS.map((t, i) => [t, { type: "string", enum: [t, `${t}2`, null], nullable: true }])),
          "200": { type: "integer", const: -1 },
          "1e+21": { type: "number", enum: [1e21, -2.5, 0.1, 5e-324] },
          Infinity: { type: "boolean", const: true },
          "-1": { type: "string", format: "date-time", deprecated: true, readOnly: true },
          [LONG]: { type: "string", enum: [LONG, LONG + "2", LONG + "3"] },
          nullableRef: { $ref: "#/components/schemas/Base", nullable: true },
          nullableObject: { type: "object", nullable: true, properties: { a: { type: "string" } } },
          arrayOfUnion: { type: "array", items: { oneOf: [{ type: "string" }, { type: "number" }] } },
          arrayOfLongUnion: { type: "array", items: { enum: TEXTS } },
          nestedArray: { type: "array", items: { type: "array", items: { type: "string", nullable: true } } },
          tuple: { type: "array", prefixItems: [{ enum: ["a", "b"] }, { type: "object", properties: { t: { type: "string", description: "in a tuple\u2028\tbroken" } } }] },
          oneTuple: { type: "array", prefixItems: [{ enum: TEXTS }] },
          emptyTuple: { type: "array", prefixItems: [] },
          map: { type: "object", additionalProperties: { oneOf: [{ $ref: "#/components/schemas/Base" }, { type: "string" }] } },
          longMap: { type: "object", additionalProperties: { enum: TEXTS } },
          mixed: { type: "object", properties: { p: { type: "string" } }, additionalProperties: { type: "integer" } },
          patterns: { type: "object", patternProperties: { "^a": { type: "string" }, "^b": { type: "number" } } },
          union: { anyOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { u: { type: "string" } } }, { type: "null" }] },
          intersection: { allOf: [{ $ref: "#/components/schemas/Item" }, { type: "object", properties: { i: { type: "string" } } }, { $ref: "#/components/schemas/Base" }] },
          objectsAfterReferences: {
            allOf: [
              { $ref: "#/components/schemas/Item" },
              { $ref: "#/components/schemas/Base" },
              { type: "object", properties: { o: { type: "string" } } },
              { type: "object", properties: { p: { type: "string" } } },
            ],
          },
          unionOfIntersections: { anyOf: [{ allOf: [{ $ref: "#/components/schemas/Base" }, { $ref: "#/components/schemas/Item" }] }, { type: "string" }] },
          constObject: { const: { [LONG]: "x", "quoted key": [1, "two", null] } },
          typeList: { type: ["string", "number", "null"] },
          defs: { type: "object", $defs: { d: { type: "string" } } },
          anything: {},
        },
      },
    },
  },
};

describe("printWire", () => {
  it.each(specSets)("%s: prettier's text", async (_name, specs, conventions) => {
    const ir = await specToIR(specs, { conventions }).catch((err: unknown) => {
      if (err instanceof SpecError) return undefined; // refused with a located error: no wire types to print
      throw err;
    });
    for (const service of ir?.services ?? []) await expectPrettiersText(JSON.stringify(service.document));
  });

  it("gives prettier's text for quotes, escapes, odd comments, long names and every type layout", async () => {
    await expectPrettiersText(JSON.stringify(EDGE_DOCUMENT));
  });

  it("gives prettier's text for shapes openapi-typescript makes rarely if ever: one type argument, long type aliases", async () => {
    const f = ts.factory;
    const ref = (name: string, ...args: ts.TypeNode[]) => f.createTypeReferenceNode(name, args.length ? args : undefined);
    const lit = (s: string) => f.createLiteralTypeNode(f.createStringLiteral(s));
    const alias = (name: string, type: ts.TypeNode, params?: ts.TypeParameterDeclaration[]) => f.createTypeAliasDeclaration(undefined, name, params, type);
    const longUnion = f.createUnionTypeNode([lit(LONG), lit(LONG + "2")]);
    const keyOf = (name: string) => f.createTypeParameterDeclaration(undefined, name, f.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, ref("T")));
    const nodes = [
      alias("One", ref("Array", ref(LONG))),
      alias("OneHugging", ref("Array", f.createUnionTypeNode([ref(LONG), f.createLiteralTypeNode(f.createNull())]))),
      alias("OneUnion", ref("Array", longUnion)),
      alias("Union", longUnion),
      alias("Params", f.createIntersectionTypeNode([ref("T"), ref(LONG)]), [f.createTypeParameterDeclaration(undefined, "T"), keyOf("K" + LONG)]),
      alias("ParamsAndLongName", ref(LONG), [f.createTypeParameterDeclaration(undefined, "T"), keyOf("K")]),
    ];
    expect(printWire(nodes)).toBe(await prettier.format(astToString(nodes), TS_OPTIONS));
  });

  it("throws, naming the construct, where it cannot give prettier's text; the wire types then come from prettier", async () => {
    const f = ts.factory;
    const enumDeclaration = f.createEnumDeclaration(undefined, "E", [f.createEnumMember("A", f.createStringLiteral("a"))]);
    expect(() => printWire([enumDeclaration])).toThrow(UnsupportedLayout);
    expect(() => printWire([enumDeclaration])).toThrow(/EnumDeclaration/);
    expect(await layOut([enumDeclaration])).toBe('enum E {\n  A = "a",\n}\n');
  });

  it("writes an array of a negative number as Array<-1> (TypeScript and prettier write `-1[]`, which does not parse)", async () => {
    const f = ts.factory;
    const minusOne = f.createLiteralTypeNode(f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral(1)));
    const alias = f.createTypeAliasDeclaration(undefined, "A", undefined, f.createArrayTypeNode(minusOne));
    const text = printWire([alias]);
    expect(text).toBe("type A = Array<-1>;\n");
    expect(await prettier.format(text, TS_OPTIONS)).toBe(text);
    // A reference to prettier: with null, a union it keeps on the line of a long key.
    const minusTwoAndAHalf = f.createLiteralTypeNode(f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral("2.5")));
    const nullable = f.createUnionTypeNode([f.createArrayTypeNode(minusTwoAndAHalf), f.createLiteralTypeNode(f.createNull())]);
    const holder = f.createInterfaceDeclaration(undefined, "B", undefined, undefined, [f.createPropertySignature(undefined, "k".repeat(100), undefined, nullable)]);
    const long = printWire([holder]);
    expect(long).toContain(`${"k".repeat(100)}: Array<-2.5> | null;`);
    expect(await prettier.format(long, TS_OPTIONS)).toBe(long);
  });
});
