// tsc --strict over a module and what it imports, in-process: its errors as "file.ts:line TS#### message".
import ts from "typescript";

export function typeErrors(entry: string): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: [],
    skipLibCheck: true,
  };
  return ts.getPreEmitDiagnostics(ts.createProgram([entry], options)).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${d.file?.fileName.split("/").pop()}:${line} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}
