// Per-model converters between the public camelCase models and the snake_case wire.
import { VariableDeclarationKind, type VariableStatementStructure, StructureKind } from "ts-morph";
import type { Model } from "../../ir/types.js";
import { tsTypeName, tsWireComponents } from "./naming.js";
import type { ConversionPlanner } from "./type-expr.js";
import type { StructureFile } from "./structure-file.js";

/** Emits a Codec for every model that needs one; returns how many. */
export function emitCodecs(file: StructureFile, models: Model[], planner: ConversionPlanner): number {
  const statements: VariableStatementStructure[] = [];
  const wireServices = new Set<string>();
  for (const m of models) {
    if (!planner.modelNeeds(m.name)) continue;
    const name = tsTypeName(m.name);
    let init: string;
    if (m.kind === "object") {
      const fields = m.properties
        .map((p) => {
          const codec = planner.codecExpr(p.type, "", "K");
          if (p.name === p.wire && !codec) return undefined;
          return `[${JSON.stringify(p.name)}, ${JSON.stringify(p.wire)}${codec ? `, () => ${codec}` : ""}]`;
        })
        .filter(Boolean);
      // With its wire type named, tsc checks each wire name against openapi-typescript's reading of the spec.
      if (m.wireSchema) wireServices.add(m.wireSchema.service);
      const wire = m.wireSchema ? `, ${tsWireComponents(m.wireSchema.service)}["schemas"][${JSON.stringify(m.wireSchema.name)}]` : "";
      init = `/* @__PURE__ */ K.object<T.${name}${wire}>([${fields.join(", ")}])`;
    } else if (m.kind === "union") {
      const variants = m.variants.map((v) => planner.codecExpr(v, "", "K") ?? "K.identity").map((e) => `() => ${e}`);
      const disc = m.discriminator;
      const map = disc
        ? `{ wire: ${JSON.stringify(disc.wire)}, name: ${JSON.stringify(disc.property)}, map: { ${Object.entries(disc.mapping)
            .filter(([, model]) => planner.modelNeeds(model))
            .map(([value, model]) => `${JSON.stringify(value)}: () => ${tsTypeName(model)}`)
            .join(", ")} } }`
        : "";
      init = `/* @__PURE__ */ K.union([${variants.join(", ")}]${map ? `, ${map}` : ""}) as K.Codec<T.${name}>`;
    } else {
      const expr = planner.codecExpr(m.kind === "alias" ? m.type : { kind: "primitive", type: "unknown" }, "", "K");
      init = `${expr ?? "K.identity"} as K.Codec<T.${name}>`;
    }
    // Pure: a bundler may drop the codecs of models an application never touches.
    statements.push({
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name, type: `K.Codec<T.${name}>`, initializer: init }],
    });
  }
  file.addImportDeclarations(
    [...wireServices].sort().map((s) => ({ moduleSpecifier: `./wire/${s}.js`, isTypeOnly: true, namedImports: [{ name: "components", alias: tsWireComponents(s) }] })),
  );
  file.addVariableStatements(statements);
  return statements.length;
}
