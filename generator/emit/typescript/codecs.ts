// Per-model converters between the public camelCase models and the snake_case wire.
import type { Model } from "../../ir/types.js";
import { tsTypeName, tsWireComponents } from "./naming.js";
import type { ConversionPlanner } from "./type-expr.js";
import type { ModuleFile } from "./module-file.js";
import { str } from "./print/doc.js";
import { array, arrow, cast, constant, keyed, name, object, pureCall, value, type Expr } from "./print/expressions.js";
import { ref, typeDoc, type TypeDoc } from "./print/types.js";

/** Emits a Codec for every model that needs one; returns how many. */
export function emitCodecs(file: ModuleFile, models: Model[], planner: ConversionPlanner): number {
  const wireServices = new Set<string>();
  const statements = [];
  for (const m of models) {
    if (!planner.modelNeeds(m.name)) continue;
    const id = tsTypeName(m.name);
    const codecType = ref("K.Codec", ref(`T.${id}`));
    let init: Expr;
    if (m.kind === "object") {
      const fields = m.properties.flatMap((p) => {
        const codec = planner.codecExpr(p.type, "", "K");
        if (p.name === p.wire && !codec) return [];
        return [array([value(p.name), value(p.wire), ...(codec ? [arrow(codec)] : [])])];
      });
      // With its wire type named, tsc checks each wire name against openapi-typescript's reading of the spec.
      const types: TypeDoc[] = [ref(`T.${id}`)];
      if (m.wireSchema) {
        wireServices.add(m.wireSchema.service);
        types.push({ kind: "other", doc: `${tsWireComponents(m.wireSchema.service)}["schemas"][${str(m.wireSchema.name)}]` });
      }
      init = pureCall("K.object", [array(fields)], types);
    } else if (m.kind === "union") {
      const variants = array(m.variants.map((v) => arrow(planner.codecExpr(v, "", "K") ?? name("K.identity"))));
      const disc = m.discriminator;
      const map = disc
        ? object([
            ["wire", value(disc.wire)],
            ["name", value(disc.property)],
            ["map", object(keyed(Object.entries(disc.mapping).filter(([, model]) => planner.modelNeeds(model)).map(([v, model]) => [v, arrow(name(tsTypeName(model)))])))],
          ])
        : undefined;
      init = cast(pureCall("K.union", map ? [variants, map] : [variants]), typeDoc(codecType));
    } else {
      const expr = planner.codecExpr(m.kind === "alias" ? m.type : { kind: "primitive", type: "unknown" }, "", "K");
      init = cast(expr ?? name("K.identity"), typeDoc(codecType));
    }
    // Pure: a bundler may drop the codecs of models an application never touches.
    statements.push(constant(true, id, codecType, init));
  }
  file.import(...[...wireServices].sort().map((s) => ({ from: `./wire/${s}.js`, typeOnly: true, names: [`components as ${tsWireComponents(s)}`] })));
  for (const s of statements) file.statement(s);
  return statements.length;
}
