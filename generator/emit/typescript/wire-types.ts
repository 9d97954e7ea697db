// Raw wire types (`paths`, `components`) of one spec, produced by openapi-typescript.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";

export async function emitWireTypes(entry: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(resolve(entry)), { silent: true, alphabetize: true });
  return astToString(ast);
}
