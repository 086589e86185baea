/**
 * Turning a caller's row (golden vectors: numbers with `null` for missing) into the feature
 * buffer an evaluator walks. Shared by the LightGBM and XGBoost evaluators so both reject a
 * row of the wrong width with the same words.
 */
import { ModelgateError } from '../errors.js';

/**
 * Copies `row` into `out` (NaN for missing). Both frameworks refuse a matrix whose width differs
 * from the model's feature count, so a golden row of another width means the vector was written
 * for a different model, not that some features are missing.
 */
export function readRow(row: ArrayLike<number | null>, out: Float64Array, file: string): Float64Array {
  const features = out.length;
  if (row === null || typeof row !== 'object' || typeof row.length !== 'number') {
    throw new ModelgateError(
      `${file}: a row must be a list of ${features} numbers (null for missing)`,
      'check',
      {
        file,
      },
    );
  }
  if (row.length !== features) {
    throw new ModelgateError(
      `${file}: a row of ${row.length} value${row.length === 1 ? '' : 's'} was given, the model takes ${features} feature${features === 1 ? '' : 's'}: ` +
        'check that the golden rows were written for this model (missing values are null, not left out)',
      'check',
      { file },
    );
  }
  for (let i = 0; i < features; i++) {
    const value: unknown = row[i];
    const missing = value === null || value === undefined;
    if (!missing && typeof value !== 'number') {
      throw new ModelgateError(
        `${file}: feature ${i} of a row is ${JSON.stringify(value)}; expected a number or null (missing)`,
        'check',
        { file },
      );
    }
    // One store for both cases: a store V8 first meets at the first missing value, after it has
    // optimized the evaluator around this loop, makes it compile the evaluator again.
    out[i] = missing ? NaN : (value as number);
  }
  return out;
}
