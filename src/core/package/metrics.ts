/**
 * The metrics a release carries into its manifest, from the bundle's own metadata:
 * `metrics.json` written by the training job (`{ horizons, base, models, ...top-level }`),
 * and the stacking meta JSON (`metrics` for its horizon, `base_metrics` per base model).
 * metrics.json wins where both give the same number: it is the training job's summary.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from '../validation/zod.js';
import type { Config } from '../config/schema.js';
import { ModelgateError } from '../errors.js';
import type { Manifest, MetricTable } from '../manifest.js';
import { describeIssue, dottedPath } from '../validation/describe.js';
import { parseJsonText } from '../validation/json-text.js';

export const METRICS_FILE = 'metrics.json';

type Metrics = Manifest['metrics'];
type MetricValue = MetricTable[string][string];

const metricValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);
const metricTable = z.record(z.string(), z.record(z.string(), metricValue));
const metricsFileSchema = z.looseObject({
  horizons: z.optional(metricTable),
  base: z.optional(metricTable),
  models: z.optional(metricTable),
});

export interface GatheredMetrics {
  metrics: Metrics;
  /** Bundle paths the metrics came from, for messages and notes. */
  sources: string[];
}

/**
 * The healthcheck's reader, for errors with the line and column. A bare NaN or Infinity
 * (Python's json.dump) is refused: the manifest is strict JSON and could not carry it.
 */
async function readJson(bundleDir: string, file: string): Promise<unknown> {
  const absolute = path.join(bundleDir, file);
  const again = 'the training job must write it again';
  let parsed;
  try {
    parsed = parseJsonText(await readFile(absolute, 'utf8'), absolute);
  } catch (error) {
    const where = error instanceof ModelgateError ? error : undefined;
    throw new ModelgateError(
      `${where?.message ?? `${absolute}: cannot read (${(error as Error).message})`}; ${again}`,
      'input',
      { file: absolute, line: where?.line, column: where?.column },
      { cause: error },
    );
  }
  const bare = parsed.nonStandard[0];
  if (bare)
    throw new ModelgateError(
      `${absolute}:${bare.line} not valid JSON: a bare ${bare.token}, which the manifest cannot carry; ${again} with json.dump(..., allow_nan=False) after replacing non-finite values`,
      'input',
      { file: absolute, line: bare.line },
    );
  return parsed.value;
}

/** Only plain metric values; nested objects (curves, confusion matrices) stay out of the manifest. */
function metricValues(value: unknown): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    const parsed = metricValue.safeParse(v);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

/** The horizon a stacking meta JSON is about: its `horizon` field, else its name (`stacking_meta_1h.json`). */
function metaHorizon(meta: Record<string, unknown>, file: string): string | undefined {
  if (typeof meta.horizon === 'string' && meta.horizon) return meta.horizon;
  return /_(\d+[a-z]+)\.json$/i.exec(path.basename(file))?.[1];
}

function merge(into: MetricTable, from: MetricTable): void {
  for (const [subject, values] of Object.entries(from))
    into[subject] = { ...(into[subject] ?? {}), ...values };
}

export async function gatherMetrics(
  bundleDir: string,
  files: readonly string[],
  config: Config,
): Promise<GatheredMetrics> {
  const metrics: Metrics = { horizons: {}, base: {}, models: {} };
  const sources: string[] = [];
  const present = new Set(files);

  const metaFile = config.release.stacking?.meta;
  if (metaFile && present.has(metaFile)) {
    const meta = await readJson(bundleDir, metaFile);
    if (meta && typeof meta === 'object' && !Array.isArray(meta)) {
      const record = meta as Record<string, unknown>;
      const horizon = metaHorizon(record, metaFile);
      const own = metricValues(record.metrics);
      if (horizon && Object.keys(own).length > 0) metrics.horizons[horizon] = own;
      if (record.base_metrics && typeof record.base_metrics === 'object') {
        for (const [model, values] of Object.entries(record.base_metrics as Record<string, unknown>)) {
          const v = metricValues(values);
          if (Object.keys(v).length > 0) metrics.base[model] = v;
        }
      }
      if (Object.keys(own).length > 0 || Object.keys(metrics.base).length > 0) sources.push(metaFile);
    }
  }

  if (present.has(METRICS_FILE)) {
    const raw = await readJson(bundleDir, METRICS_FILE);
    const parsed = metricsFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ModelgateError(
        `${METRICS_FILE}: ${dottedPath(issue.path)}: ${describeIssue(issue, raw)}; the training job must write { "horizons": { "1h": { "oof_auc": 0.58 } }, "base": {...}, "models": {...} } with numbers as values`,
        'input',
        { file: path.join(bundleDir, METRICS_FILE) },
      );
    }
    const { horizons, base, models, ...rest } = parsed.data;
    merge(metrics.horizons, horizons ?? {});
    merge(metrics.base, base ?? {});
    merge(metrics.models, models ?? {});
    for (const [key, value] of Object.entries(rest)) {
      const v = metricValue.safeParse(value);
      if (v.success) metrics[key] = v.data;
    }
    sources.push(METRICS_FILE);
  }
  return { metrics, sources };
}
