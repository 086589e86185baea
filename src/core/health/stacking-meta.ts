/**
 * The stacking meta JSON (release.stacking.meta): which base models feed the meta-learner,
 * in which column order, and the meta-learner's coefficients (design.md "Golden vectors").
 */
import { readFile } from 'node:fs/promises';
import * as z from '../validation/zod.js';
import { ModelgateError } from '../errors.js';
import { describeIssue, dottedPath, LocatedDocument } from '../validation/describe.js';
import { parseJsonText } from '../validation/json-text.js';
import type { HealthContext } from './context.js';
import { PARSE_ONCE } from '../validation/once.js';

// The training job writes metrics and settings beside these; they are read by the gate.
const metaSchema = z.looseObject({
  base_models: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  meta_learner: z.looseObject({
    type: z.literal('logistic'),
    coef: z.array(z.number()).check(z.minLength(1)),
    intercept: z.number(),
  }),
});

export type StackingMeta = z.infer<typeof metaSchema>;

/** The meta-learner's probability for one row of base-model outputs. */
export function metaProbability(meta: StackingMeta, baseOutputs: readonly number[]): number {
  const { coef, intercept } = meta.meta_learner;
  let z = intercept;
  for (let i = 0; i < coef.length; i++) z += coef[i]! * baseOutputs[i]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The bundle's stacking meta, parsed once: `load` has usually parsed the JSON already; the
 * text is only read again to put a line number on a schema error.
 */
export async function stackingMetaOf(ctx: HealthContext): Promise<StackingMeta> {
  const rel = ctx.config.release.stacking?.meta;
  if (!rel)
    throw new ModelgateError(
      `${ctx.configFile}: release.stacking is not set, so there is no stacking meta JSON to read`,
      'check',
    );
  const file = ctx.byPath.get(rel);
  if (!file)
    throw new ModelgateError(
      `${rel}: the stacking meta JSON (release.stacking.meta) is missing from the bundle`,
      'check',
      { file: rel },
    );
  let value = ctx.json.get(rel);
  let text: string | undefined;
  if (value === undefined) {
    text = await readFile(file.absolute, 'utf8');
    value = parseJsonText(text, rel).value;
    ctx.json.set(rel, value);
  }
  const parsed = metaSchema.safeParse(value, PARSE_ONCE);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const line = new LocatedDocument(text ?? (await readFile(file.absolute, 'utf8'))).lineOf(issue.path);
  throw new ModelgateError(
    `${rel}:${line} ${dottedPath(issue.path)}: ${describeIssue(issue, value)}`,
    'check',
    {
      file: rel,
      line,
    },
  );
}
