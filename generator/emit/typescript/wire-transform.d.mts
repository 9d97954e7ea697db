// Types of wire-transform.mjs (plain JavaScript, shared with the worker thread).
import type { Node } from "typescript";
export declare const WIRE_OPTIONS: { silent: boolean; alphabetize: boolean };
export declare function wireTypesOf(json: string): Promise<string>;
export declare function layOut(nodes: readonly Node[]): Promise<string>;
export declare function wireNodesOf(json: string): Node[];
