// Which SDK methods no accepted request exercised. A method is approximated by its operation
// plus the variant: a stream method is covered by an accepted stream request, a plain one by a plain request.
import type { IR, ServiceName } from "../../generator/ir/types.js";
import type { RecordedRequest } from "./types.js";

export interface UncalledMethod {
  service: ServiceName;
  client: string;
  operation: string;
  method: string;
  kind: "plain" | "stream";
}

export function uncalledMethods(ir: IR, requests: readonly RecordedRequest[]): UncalledMethod[] {
  const seen = new Set<string>();
  for (const r of requests) {
    if (r.rejected || !r.operation || !r.service) continue;
    seen.add(`${r.service} ${r.operation} ${r.stream ? "stream" : "plain"}`);
  }
  const out: UncalledMethod[] = [];
  for (const service of ir.services) {
    for (const op of service.operations) {
      for (const m of op.methods) {
        if (!seen.has(`${service.name} ${op.name} ${m.kind}`))
          out.push({ service: service.name, client: service.client, operation: op.name, method: m.name, kind: m.kind });
      }
    }
  }
  return out;
}

/** Names of the SDK methods (IR `operations[].methods[].name`) no accepted request covered. */
export function uncalled(ir: IR, requests: readonly RecordedRequest[]): string[] {
  return uncalledMethods(ir, requests).map((m) => m.method);
}
