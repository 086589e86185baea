/**
 * The WebAssembly reader of an XGBoost JSON model's trees (wasm/xgboost-trees.ts, through
 * tree-wasm.ts). xgboost.ts asks it first: it checks that the document is JSON, finds
 * learner.gradient_booster.model.trees and returns the trees as the evaluator lays them out,
 * with where the list lies in the text, so that xgboost.ts parses only the rest with JSON.parse.
 * Anything but the numeric gbtree form XGBoost writes is declined, and the TypeScript reader
 * reads the whole file and words its errors.
 */
import { loadText, treeWasm } from './tree-wasm.js';

/** Every tree's nodes, as xgboost.ts's flatten lays them out (children global, -1 at leaves). */
export interface FastXgboostTrees {
  roots: Int32Array;
  left: Int32Array;
  right: Int32Array;
  feature: Int32Array;
  condition: Float32Array;
  defaultLeft: Uint8Array;
  /** The largest split_indices of a split node (-1 when no tree splits): checked against num_feature by the caller. */
  maxFeature: number;
  /** The text without the trees list (an empty list in its place), for JSON.parse. */
  rest: string;
}

export type XgboostDeclined = 'json' | 'layout' | 'value' | 'tree' | 'unavailable';

const REASONS: Record<number, XgboostDeclined> = {
  [-1]: 'json',
  [-2]: 'layout',
  [-3]: 'value',
  [-4]: 'tree',
};

/** Reads the trees of the model whose text is `text` and UTF-8 bytes `bytes`. */
export function readXgboostTrees(
  text: string,
  bytes: Uint8Array,
): { trees: FastXgboostTrees } | { declined: XgboostDeclined } {
  const wasm = treeWasm();
  if (!wasm) return { declined: 'unavailable' };
  try {
    loadText(wasm, bytes);
    const count = wasm.xgbParse();
    if (count <= 0) return { declined: REASONS[count] ?? 'layout' };
    const memory = wasm.memory.buffer;
    const nodes = wasm.xgbNodeCount();
    // Byte offsets; in a text with characters outside ASCII (a feature name), the characters before them.
    let start = wasm.xgbTreesStart();
    let end = wasm.xgbTreesEnd();
    if (bytes.length !== text.length) {
      const chars = (to: number): number =>
        Buffer.from(bytes.buffer, bytes.byteOffset, to).toString('utf8').length;
      start = chars(start);
      end = chars(end);
    }
    return {
      trees: {
        roots: new Int32Array(memory, wasm.xgbRootsAt(), count).slice(),
        left: new Int32Array(memory, wasm.xgbLeftAt(), nodes).slice(),
        right: new Int32Array(memory, wasm.xgbRightAt(), nodes).slice(),
        feature: new Int32Array(memory, wasm.xgbFeatureAt(), nodes).slice(),
        condition: new Float32Array(memory, wasm.xgbConditionAt(), nodes).slice(),
        defaultLeft: new Uint8Array(memory, wasm.xgbDefaultLeftAt(), nodes).slice(),
        maxFeature: wasm.xgbMaxFeature(),
        rest: `${text.slice(0, start)}[]${text.slice(end)}`,
      },
    };
  } catch {
    return { declined: 'unavailable' };
  }
}

/** The reader's JSON number conversion alone, for tests (which compare it with JSON.parse); undefined when it declines. */
export function readJsonNumber(token: string): number | undefined {
  const wasm = treeWasm();
  if (!wasm) return undefined;
  loadText(wasm, Buffer.from(token, 'utf8'));
  const bits = wasm.xgbReadNumber();
  if (bits === 0x7ff8000000000001n) return undefined;
  return new Float64Array(new BigUint64Array([bits]).buffer)[0];
}
