/**
 * `golden.json` (schema `modelgate/golden@1`, design.md "Golden vectors"): the inputs each
 * model was given by the training job and the outputs the training framework produced.
 * Other people's bundles are written to this contract, so it is validated strictly at the
 * boundary and every error names golden.json, the line and the field.
 */
import { readFile } from 'node:fs/promises';
import * as z from './validation/zod.js';
import { ModelgateError } from './errors.js';
import { parseJsonText } from './validation/json-text.js';
import {
  describeIssue,
  dottedPath,
  fieldsAt,
  LocatedDocument,
  valueAt,
  type Path,
} from './validation/describe.js';
import { PARSE_ONCE } from './validation/once.js';

export const GOLDEN_SCHEMA = 'modelgate/golden@1';
/** Used when golden.json gives no tolerance: float32 inference against a float32 export. */
export const DEFAULT_TOLERANCE: Tolerance = { atol: 1e-5, rtol: 1e-4 };

const toleranceSchema = z.strictObject({
  atol: z.number().check(z.nonnegative()),
  rtol: z.number().check(z.nonnegative()),
});
export type Tolerance = z.infer<typeof toleranceSchema>;

const tensorSchema = z
  .strictObject({
    dims: z.array(z.number().check(z.int(), z.nonnegative())),
    data: z.array(z.number()),
  })
  .check(
    z.superRefine((t, ctx) => {
      const expected = t.dims.reduce((a, b) => a * b, 1);
      if (expected !== t.data.length)
        ctx.addIssue({
          code: 'custom',
          path: ['data'],
          message: `expected ${expected} values for dims [${t.dims.join(', ')}], got ${t.data.length}`,
        });
    }),
  );
export type GoldenTensor = z.infer<typeof tensorSchema>;

const onnxEntrySchema = z.strictObject({
  inputs: z.record(z.string(), tensorSchema),
  outputs: z.record(z.string(), tensorSchema),
  tolerance: z.optional(toleranceSchema),
});

const treeEntrySchema = z
  .strictObject({
    rows: z.array(z.array(z.nullable(z.number())).check(z.minLength(1))).check(z.minLength(1)),
    outputs: z.array(z.array(z.number()).check(z.minLength(1))).check(z.minLength(1)),
    tolerance: z.optional(toleranceSchema),
  })
  .check(
    z.superRefine((e, ctx) => {
      if (e.outputs.length !== e.rows.length)
        ctx.addIssue({
          code: 'custom',
          path: ['outputs'],
          message: `expected one output per row (${e.rows.length}), got ${e.outputs.length}`,
        });
      const width = e.rows[0]?.length ?? 0;
      e.rows.forEach((row, i) => {
        if (row.length !== width)
          ctx.addIssue({
            code: 'custom',
            path: ['rows', i],
            message: `expected ${width} features like rows[0], got ${row.length}`,
          });
      });
      const outWidth = e.outputs[0]?.length ?? 0;
      e.outputs.forEach((out, i) => {
        if (out.length !== outWidth)
          ctx.addIssue({
            code: 'custom',
            path: ['outputs', i],
            message: `expected ${outWidth} values like outputs[0], got ${out.length}`,
          });
      });
    }),
  );

const stackingSchema = z
  .strictObject({
    base_outputs: z.array(z.array(z.number()).check(z.minLength(1))).check(z.minLength(1)),
    outputs: z.array(z.number()).check(z.minLength(1)),
    tolerance: z.optional(toleranceSchema),
  })
  .check(
    z.superRefine((s, ctx) => {
      if (s.outputs.length !== s.base_outputs.length)
        ctx.addIssue({
          code: 'custom',
          path: ['outputs'],
          message: `expected one probability per base_outputs row (${s.base_outputs.length}), got ${s.outputs.length}`,
        });
      const width = s.base_outputs[0]?.length ?? 0;
      s.base_outputs.forEach((row, i) => {
        if (row.length !== width)
          ctx.addIssue({
            code: 'custom',
            path: ['base_outputs', i],
            message: `expected ${width} base-model outputs like base_outputs[0], got ${row.length}`,
          });
      });
    }),
  );

// The training job may print more of its inference test (shadow_mode, per-model probs).
const inferenceSchema = z.looseObject({
  bull_prob: z.number().check(z.minimum(0), z.maximum(1)),
  regime: z.string().check(z.minLength(1)),
  direction: z.string().check(z.minLength(1)),
});

const topSchema = z.strictObject({
  schema: z.literal(GOLDEN_SCHEMA),
  tolerance: z._default(toleranceSchema, DEFAULT_TOLERANCE),
  models: z._default(z.record(z.string().check(z.minLength(1)), z.record(z.string(), z.unknown())), {}),
  stacking: z.optional(stackingSchema),
  inference: z.optional(inferenceSchema),
});

export interface OnnxGolden {
  kind: 'onnx';
  inputs: Record<string, GoldenTensor>;
  outputs: Record<string, GoldenTensor>;
  tolerance?: Tolerance;
}

export interface TreeGolden {
  kind: 'tree';
  /** Feature vectors; null is a missing value. */
  rows: (number | null)[][];
  outputs: number[][];
  tolerance?: Tolerance;
}

export type GoldenEntry = OnnxGolden | TreeGolden;

export interface Golden {
  schema: typeof GOLDEN_SCHEMA;
  tolerance: Tolerance;
  models: Record<string, GoldenEntry>;
  stacking?: z.infer<typeof stackingSchema>;
  inference?: z.infer<typeof inferenceSchema>;
}

export type GoldenInference = z.infer<typeof inferenceSchema>;

/** Parses golden.json text; errors name `file`, the line and the dotted field. */
export function parseGolden(text: string, file: string): Golden {
  return goldenFromValue(parseJsonText(text, file).value, file, () => text);
}

/**
 * Validates golden.json already parsed as JSON (the healthcheck's load check parses every
 * JSON file once); `textOf` supplies the text only when an error needs its line.
 */
export function goldenFromValue(value: unknown, file: string, textOf: () => string): Golden {
  /** `prefix` places an entry's issue (validated on its own schema) in the whole file. */
  const fail = (issue: z.core.$ZodIssue, schema: z.ZodMiniType, prefix: Path = []): never => {
    const path = [...prefix, ...issue.path];
    const where = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path;
    const line = new LocatedDocument(textOf()).lineOf(where);
    const located = { ...issue, path } as z.core.$ZodIssue;
    const message =
      issue.code === 'custom'
        ? issue.message
        : issue.code === 'invalid_value' && valueAt(value, path) === undefined
          ? `is required: expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`
          : describeIssue(located, value, fieldsAt(schema, issue.path));
    throw new ModelgateError(`${file}:${line} ${dottedPath(where)}: ${message}`, 'input', { file, line });
  };
  const top = topSchema.safeParse(value, PARSE_ONCE);
  if (!top.success) {
    fail(top.error.issues[0]!, topSchema);
  }
  const parsed = top.data!;
  const models: Record<string, GoldenEntry> = {};
  for (const [name, raw] of Object.entries(parsed.models)) {
    // The entry's own fields say which model family it is for; the file's kind is checked later.
    const tree = 'rows' in raw;
    const schema = tree ? treeEntrySchema : onnxEntrySchema;
    if (!tree && !('inputs' in raw) && !('outputs' in raw)) {
      const line = new LocatedDocument(textOf()).lineOf(['models', name]);
      throw new ModelgateError(
        `${file}:${line} models.${name}: expected "inputs" and "outputs" (ONNX) or "rows" and "outputs" (LightGBM, XGBoost)`,
        'input',
        { file, line },
      );
    }
    const entry = schema.safeParse(raw, PARSE_ONCE);
    if (!entry.success) {
      fail(entry.error.issues[0]!, schema, ['models', name]);
    }
    models[name] = tree
      ? { kind: 'tree', ...(entry.data as z.infer<typeof treeEntrySchema>) }
      : { kind: 'onnx', ...(entry.data as z.infer<typeof onnxEntrySchema>) };
  }
  return { ...parsed, schema: GOLDEN_SCHEMA, models };
}

/** Reads and parses golden.json; `displayName` is how messages name the file. */
export async function loadGolden(file: string, displayName = file): Promise<Golden> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ModelgateError(
      `${displayName}: cannot read golden vectors: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      'input',
      {
        file: displayName,
      },
    );
  }
  return parseGolden(text, displayName);
}

/** numpy.allclose's rule, with `expected` as the reference: |a - b| <= atol + rtol * |b|. */
export function withinTolerance(actual: number, expected: number, tolerance: Tolerance): boolean {
  return Math.abs(actual - expected) <= tolerance.atol + tolerance.rtol * Math.abs(expected);
}

export interface Comparison {
  /** Values compared. */
  count: number;
  /** Largest |actual - expected|; Infinity when any actual value is NaN or infinite. */
  maxAbsDiff: number;
  /** Values beyond tolerance. */
  mismatches: number;
  /** The value furthest beyond its allowance, for the message. */
  worst?: { index: number; actual: number; expected: number; allowed: number };
}

export function compareValues(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: Tolerance,
): Comparison {
  let maxAbsDiff = 0;
  let mismatches = 0;
  let worst: Comparison['worst'];
  let worstExcess = -Infinity;
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    const a = actual[i]!;
    const b = expected[i]!;
    const diff = Number.isFinite(a) ? Math.abs(a - b) : Number.POSITIVE_INFINITY;
    if (diff > maxAbsDiff) maxAbsDiff = diff;
    const allowed = tolerance.atol + tolerance.rtol * Math.abs(b);
    if (!(diff <= allowed)) {
      mismatches++;
      if (diff - allowed > worstExcess) {
        worstExcess = diff - allowed;
        worst = { index: i, actual: a, expected: b, allowed };
      }
    }
  }
  return { count: n, maxAbsDiff, mismatches, ...(worst ? { worst } : {}) };
}
