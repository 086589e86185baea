/**
 * The WebAssembly reader of LightGBM's tree section (wasm/lightgbm-trees.ts, through
 * tree-wasm.ts). lightgbm.ts asks it first; it returns the same arrays the TypeScript
 * reader builds, or declines (anything unusual, valid or not), and the TypeScript reader then
 * reads the file and words its errors. Reading the seed bundle's six LightGBM files this way
 * takes about a tenth of the CPU: no JIT to warm up, no strings per number.
 */
import { loadText, treeWasm } from './tree-wasm.js';

/** Every tree's nodes and leaves, as lightgbm.ts lays them out (children global, `~leaf` for leaves). */
export interface FastTrees {
  roots: Int32Array;
  /** Byte offset of each tree's `Tree=` line in the file. */
  offsets: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  decision: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  leafValue: Float64Array;
}

/** Why the reader declined, for tests: layout, number, tree (categorical, linear, ...), shape. */
export type Declined = 'layout' | 'number' | 'tree' | 'shape' | 'unavailable';

const REASONS: Record<number, Declined> = { [-1]: 'layout', [-2]: 'number', [-3]: 'tree', [-4]: 'shape' };

/**
 * Reads the tree section of a LightGBM text model. `bytes`: the whole file, ASCII; `start`: the
 * byte offset of its first `Tree=` line; `maxFeature`: the header's max_feature_idx.
 */
export function readTreeSection(
  bytes: Uint8Array,
  start: number,
  maxFeature: number,
): { trees: FastTrees } | { declined: Declined } {
  const wasm = treeWasm();
  if (!wasm) return { declined: 'unavailable' };
  try {
    loadText(wasm, bytes);
    const count = wasm.parseTrees(start, maxFeature);
    if (count <= 0) return { declined: REASONS[count] ?? 'layout' };
    // Copies: the next file reuses the memory.
    const memory = wasm.memory.buffer;
    const nodes = wasm.nodeCount();
    return {
      trees: {
        roots: new Int32Array(memory, wasm.rootsAt(), count).slice(),
        offsets: new Int32Array(memory, wasm.offsetsAt(), count).slice(),
        feature: new Int32Array(memory, wasm.featureAt(), nodes).slice(),
        threshold: new Float64Array(memory, wasm.thresholdAt(), nodes).slice(),
        decision: new Uint8Array(memory, wasm.decisionAt(), nodes).slice(),
        left: new Int32Array(memory, wasm.leftAt(), nodes).slice(),
        right: new Int32Array(memory, wasm.rightAt(), nodes).slice(),
        leafValue: new Float64Array(memory, wasm.leafValueAt(), wasm.leafCount()).slice(),
      },
    };
  } catch {
    // A trap (out of memory): the TypeScript reader will say what it can.
    return { declined: 'unavailable' };
  }
}

/**
 * The reader's number conversion alone: the `count` space-separated numbers in `bytes` as it
 * reads them, or undefined when it declines. For tests, which compare it with Number().
 */
export function readNumbers(bytes: Uint8Array, count: number): Float64Array | undefined {
  const wasm = treeWasm();
  if (!wasm) return undefined;
  loadText(wasm, bytes);
  const out = wasm.readNumbers(0, bytes.length, count);
  return out === 0 ? undefined : new Float64Array(wasm.memory.buffer, out, count).slice();
}
