// Types of wire-transform.mjs (plain JavaScript, shared with the worker thread).
import type { Node } from "typescript";
export declare const WIRE_OPTIONS: { silent: boolean; alphabetize: boolean };
export declare function wireTypesOf(json: string): string;
export declare function wireNodesOf(json: string): Node[];
