// Types of options.mjs (plain JavaScript, shared with the wire types' worker thread).
import type { Options } from "prettier";
export declare const OPTIONS: Options;
export declare const TS_OPTIONS: Options;
export declare const LAYOUT: { printWidth: number; tabWidth: number; useTabs: boolean };
