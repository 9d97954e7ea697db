// What a scaffold language provides to the generator: its naming rules and how IR
// types are spelled. Templates only lay out the view built from these.
import type { IR, Model, Operation, TypeRef } from "../../ir/types.js";

export interface LanguageProfile {
  /** Target name: generated/<id>, templates/<id>. */
  id: string;
  /** Words that cannot be identifiers (checked case-sensitively unless `caseInsensitiveReserved`). */
  reserved: ReadonlySet<string>;
  caseInsensitiveReserved?: boolean;
  /** Escapes a reserved word (e.g. `class` → `class_`, `r#type`, `@class`). */
  escape(word: string, role: NameRole): string;
  /** Naming style per role, from the IR's neutral camelCase/PascalCase names. */
  name(irName: string, role: NameRole): string;
  /** The language type of an IR type; `ctx` tells whether it is an input, an output, optional. */
  type(t: TypeRef, ctx: TypeContext): string;
  /** A string literal in the language (quotes and escapes included). */
  string(text: string): string;
  /** Text safe inside a doc comment of the language. */
  doc(text: string): string;
  /** File name (without directory) of a model's source file, when models get one file each. */
  modelFile?(model: Model): string;
  /** Extra per-operation values templates need (optional). */
  operationExtras?(op: Operation): Record<string, unknown>;
  /**
   * Extra handlebars helpers of this language (optional), registered after the shared ones;
   * e.g. a decode expression built from a field's `typeRef`.
   */
  helpers?(ir: IR): Record<string, (...args: unknown[]) => unknown>;
}

export type NameRole = "type" | "method" | "field" | "param" | "constant" | "enumMember" | "file" | "package";

export interface TypeContext {
  dir: "input" | "output";
  optional: boolean;
  /** Name the profile should use for a model reference (already language-named). */
  modelName(irName: string): string;
  /** The IR model of a model reference (its kind decides how some languages spell it). */
  model?(irName: string): Model | undefined;
}
