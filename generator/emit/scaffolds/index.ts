// Entry of emit/scaffolds: handlebars templates over the IR, one folder per language.
import type { IR } from "../../ir/types.js";

export function scaffoldTargets(): string[] {
  return [];
}

export async function emitScaffold(target: string, ir: IR, templateDir: string): Promise<Map<string, string>> {
  void ir;
  throw new Error(`no scaffold templates for "${target}" in ${templateDir}`);
}
