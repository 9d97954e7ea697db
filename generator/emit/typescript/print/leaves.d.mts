// Types of leaves.mjs (plain JavaScript, shared with the wire types' worker thread).
export declare function printString(raw: string): string;
export declare function printNumber(text: string): string;
