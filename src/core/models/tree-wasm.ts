/**
 * The WebAssembly tree readers (wasm/, compiled into trees-wasm.ts): one instance per thread,
 * made on first use. Its memory holds one file's text and what the reader built from it until
 * the next file; lightgbm-fast.ts and xgboost-fast.ts copy their results out.
 */
import { TREES_WASM } from './trees-wasm.js';

/** The part of the WebAssembly API used here (the project's TypeScript libraries do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/** What the module exports (wasm/trees.ts). */
export interface TreeWasm {
  memory: { buffer: ArrayBuffer };
  textAt(size: number): number;
  // LightGBM (wasm/lightgbm-trees.ts)
  parseTrees(start: number, maxFeature: number): number;
  treeCount(): number;
  nodeCount(): number;
  leafCount(): number;
  rootsAt(): number;
  offsetsAt(): number;
  featureAt(): number;
  thresholdAt(): number;
  decisionAt(): number;
  leftAt(): number;
  rightAt(): number;
  leafValueAt(): number;
  readNumbers(start: number, end: number, count: number): number;
  // XGBoost (wasm/xgboost-trees.ts)
  xgbParse(): number;
  xgbTreesStart(): number;
  xgbTreesEnd(): number;
  xgbNodeCount(): number;
  xgbMaxFeature(): number;
  xgbRootsAt(): number;
  xgbLeftAt(): number;
  xgbRightAt(): number;
  xgbFeatureAt(): number;
  xgbConditionAt(): number;
  xgbDefaultLeftAt(): number;
  xgbReadNumber(): bigint;
}

let instance: TreeWasm | null | undefined;

/** The instance, or null when WebAssembly is unavailable (node --jitless). */
export function treeWasm(): TreeWasm | null {
  if (instance === undefined) {
    try {
      const api = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
      const module = new api.Module(Buffer.from(TREES_WASM, 'base64'));
      instance = new api.Instance(module, {}).exports as TreeWasm;
    } catch {
      instance = null;
    }
  }
  return instance;
}

/** Copies `bytes` into the instance's memory as the text to read; returns its address. */
export function loadText(wasm: TreeWasm, bytes: Uint8Array): number {
  const at = wasm.textAt(bytes.length);
  new Uint8Array(wasm.memory.buffer, at, bytes.length).set(bytes);
  return at;
}
