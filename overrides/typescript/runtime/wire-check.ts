// Compile-time checks of the generated operation tables against openapi-typescript's reading of the
// spec (the wire types): each table's route and method must be the spec's, and every parameter's
// wire name one its operation declares in the place the table sends it. Types only: nothing here
// reaches a bundle.

import type { OperationSpec } from "./operation.js";

/** The keys of T, none for `never` (which openapi-typescript writes where a place has no parameters). */
type Keys<T> = [T] extends [never] ? never : keyof T;

/** Wire names operation W (openapi-typescript's `paths[route][method]`) declares in place `In`. */
type Declared<W, In, ContentType> = In extends "body"
  ? W extends { requestBody?: infer B }
    ? NonNullable<B> extends { content: infer C }
      ? Keys<NonNullable<C[ContentType & keyof C]>>
      : never
    : never
  : W extends { parameters: infer P }
    ? Keys<NonNullable<P[In & keyof P]>>
    : never;

type WireName<P> = P extends { readonly wire: infer X }
  ? X
  : P extends { readonly name: infer N }
    ? N
    : never;
type ContentTypeOf<O> = O extends { readonly body: { readonly contentType: infer T } } ? T : never;

/** Parameters Ps, each as it is when W declares its wire name, else `never`. A whole body has no name to check. */
type DeclaredParams<W, Ps, ContentType> = {
  readonly [K in keyof Ps]: Ps[K] extends { readonly whole: true }
    ? Ps[K]
    : Ps[K] extends { readonly in: infer In }
      ? WireName<Ps[K]> extends Declared<W, In, ContentType>
        ? Ps[K]
        : never
      : never;
};

/**
 * The operation table O describes on the wire: `Paths[O.path][o.method]`; `never` when the spec has
 * no such route, or the route no such method (openapi-typescript writes `?: never` for those).
 */
type WireOperation<Paths, O extends OperationSpec> = O["path"] extends keyof Paths
  ? NonNullable<Paths[O["path"]][Lowercase<O["method"]> & keyof Paths[O["path"]]]>
  : never;

/**
 * Compiles only when the spec, as openapi-typescript reads it into `Paths`, has operation table
 * O's route and method, and declares every parameter of O by its wire name, in the place O sends it.
 */
export type WireChecked<
  Paths,
  O extends OperationSpec & {
    readonly id: [WireOperation<Paths, O>] extends [never] ? "the spec has no such route and method" : string;
    readonly params: DeclaredParams<WireOperation<Paths, O>, O["params"], ContentTypeOf<O>>;
  },
> = O;
