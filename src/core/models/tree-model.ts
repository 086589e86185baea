/**
 * The common face of the tree-ensemble evaluators (LightGBM text, XGBoost JSON) that the
 * healthcheck uses to recompute a bundle's golden vectors without Python. Each evaluator
 * reproduces its framework's own arithmetic (LightGBM: doubles; XGBoost: float32), because a
 * golden vector is only useful if a correct model matches it to the last few ulps.
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ModelgateError } from '../errors.js';
import { parseLightGbm } from './lightgbm.js';
import { parseXgboost } from './xgboost.js';

export interface TreeModelInfo {
  format: 'lightgbm' | 'xgboost';
  trees: number;
  /** Row width the model takes (LightGBM max_feature_idx+1, XGBoost num_feature). */
  features: number;
  /** The objective as the file names it, e.g. `binary`, `multiclass`, `binary:logistic`. */
  objective: string;
  /** Columns of predictRaw: the number of classes for multiclass, else 1 (binary, regression). */
  classes: number;
  /** LightGBM `v4`, XGBoost `1.7.4`. */
  version?: string;
  featureNames?: string[];
}

export interface TreeModel {
  readonly info: TreeModelInfo;
  /** Raw scores (margins), one per class (1 for binary/regression). Missing = null or NaN. */
  predictRaw(row: ArrayLike<number | null>): number[];
  /**
   * What the framework's default predict returns: [p] for binary, class probabilities for
   * multiclass, [value] for regression (XGBoost multi:softmax: [class index], as Booster.predict).
   */
  predict(row: ArrayLike<number | null>): number[];
}

export type TreeModelKind = TreeModelInfo['format'];

/**
 * Reads and parses a model file. `displayName` (default: `file`) is the name used in error
 * messages and annotations, e.g. the path inside the bundle rather than a temporary directory.
 */
export async function loadTreeModel(
  file: string,
  kind: TreeModelKind,
  displayName: string = file,
): Promise<TreeModel> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw unreadable(error, kind, displayName);
  }
  return parseTreeModel(bytes, kind, displayName);
}

/**
 * `loadTreeModel` with a blocking read: for the healthcheck's tree worker, which has nothing
 * else to do meanwhile, and for which a read in 512 KB steps through the event loop only adds
 * round trips.
 */
export function loadTreeModelSync(file: string, kind: TreeModelKind, displayName: string = file): TreeModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw unreadable(error, kind, displayName);
  }
  return parseTreeModel(bytes, kind, displayName);
}

/**
 * Models are ASCII unless a feature name is not, and ASCII decodes byte for byte (as Latin-1)
 * about a quarter faster than through UTF-8, which the rest still goes through. The bytes go
 * along, for the WebAssembly readers (lightgbm-fast.ts, xgboost-fast.ts).
 */
function parseTreeModel(bytes: Buffer, kind: TreeModelKind, displayName: string): TreeModel {
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  return kind === 'lightgbm'
    ? parseLightGbm(text, displayName, { bytes })
    : parseXgboost(text, displayName, { bytes });
}

function unreadable(error: unknown, kind: TreeModelKind, displayName: string): ModelgateError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
  return new ModelgateError(`${displayName}: cannot read the ${kind} model: ${why}`, 'check', {
    file: displayName,
  });
}
