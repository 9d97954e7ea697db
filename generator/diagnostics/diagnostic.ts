// A problem found in the spec, located at file:line:col.
export interface Location {
  file: string; // path relative to the working directory
  line: number;
  col: number;
}

export interface Diagnostic {
  severity: "error" | "warning";
  message: string;
  at?: Location;
}

export class SpecError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "SpecError";
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.at ? `${d.at.file}:${d.at.line}:${d.at.col}  ` : "";
  return `${where}${d.severity === "warning" ? "warning: " : ""}${d.message}`;
}
