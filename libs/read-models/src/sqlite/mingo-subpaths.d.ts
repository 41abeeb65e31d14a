/**
 * The repository's tsconfig resolves modules the `node10` way, which ignores package.json "exports",
 * so TypeScript cannot see mingo's subpath entry points although Node (and Jest) load them fine.
 * These declarations point the type checker at the declarations mingo ships for them.
 */
declare module 'mingo/operators/update' {
  export * from 'mingo/types/operators/update';
}

declare module 'mingo/util' {
  export * from 'mingo/types/util';
}
