/**
 * The WebAssembly module of the tree readers: scripts/build-wasm.mjs compiles this entry into
 * src/core/models/trees-wasm.ts. One module, one memory, per thread (models/tree-wasm.ts).
 */
export { textAt } from './arena';
export * from './lightgbm-trees';
export * from './xgboost-trees';
