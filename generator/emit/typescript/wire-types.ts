// Raw wire types (`paths`, `components`) of one service, produced by openapi-typescript
// from the service's bundled document.
import openapiTS, { astToString } from "openapi-typescript";

export async function emitWireTypes(document: Record<string, unknown>): Promise<string> {
  // openapi-typescript annotates the document it is given; hand it a copy so the IR stays as built.
  const ast = await openapiTS(structuredClone(document) as unknown as Parameters<typeof openapiTS>[0], { silent: true, alphabetize: true });
  return astToString(ast);
}
