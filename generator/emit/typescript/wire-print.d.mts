// Types of wire-print.mjs (plain JavaScript, shared with the worker thread).
import type { Node } from "typescript";
export declare function printWire(nodes: readonly Node[]): string;
export declare class UnsupportedLayout extends Error {}
