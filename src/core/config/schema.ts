/**
 * The `modelgate.yml` schema: one zod schema that validates the file and emits
 * `schema/modelgate.schema.json` for editors. Defaults are the seed's values.
 */
import * as z from '../validation/zod.js';

export const ARTIFACT_KINDS = ['onnx', 'torch', 'lightgbm', 'xgboost', 'pickle', 'json'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

/** `60s`, `90m`, `24h`, `2d`, `1w` or a number of seconds. */
export const DURATION_PATTERN = /^\d+(\.\d+)?\s*(ms|s|m|h|d|w)$/;
const duration = z
  .union([
    z.number().check(z.nonnegative()),
    z.string().check(z.regex(DURATION_PATTERN, 'expected a duration such as "60s", "24h" or "2d"')),
  ])
  .check(
    z.describe(
      'A duration: a number of seconds, or a number with a unit ms, s, m, h, d or w ("60s", "24h", "2d").',
    ),
  );

const relativePath = z.string().check(
  z.minLength(1),
  z.refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'expected a path relative to the bundle, without ".." or a leading "/"',
  }),
);

export const artifactSchema = z.strictObject({
  path: relativePath.check(z.describe('File name inside the bundle, e.g. lstm_1h.onnx.')),
  kind: z
    .enum(ARTIFACT_KINDS)
    .check(z.describe('How the file is checked: onnx, torch, lightgbm, xgboost, pickle or json.')),
});

const bound = z.strictObject({
  min: z.optional(z.number()).check(z.describe('The metric must be at least this.')),
  max: z.optional(z.number()).check(z.describe('The metric must be at most this.')),
  max_drop: z
    .optional(z.number().check(z.nonnegative()))
    .check(z.describe('With a baseline manifest: the metric may fall by at most this much.')),
  severity: z
    ._default(z.enum(['fail', 'warn']), 'fail')
    .check(z.describe('fail stops the release; warn only reports.')),
});
export type Bound = z.infer<typeof bound>;

const metricRules = z
  .record(z.string(), bound)
  .check(z.describe('Rules per metric name, e.g. { oof_auc: { min: 0.55 } }.'));

const shadowRule = z.strictObject({
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  range: z
    .optional(z.tuple([z.number(), z.number()]))
    .check(z.describe('For bull_prob_in_range: the [low, high] band.')),
  severity: z._default(z.enum(['fail', 'warn']), 'fail'),
});
export type ShadowRule = z.infer<typeof shadowRule>;

/** gate.shadow.rules when the config names none; the release notes describe these too. */
export const DEFAULT_SHADOW_RULES: Record<string, ShadowRule> = {
  ml_coverage: { min: 0.8, severity: 'fail' },
  stacking_activation: { min: 0.9, severity: 'fail' },
  lstm_ok_rate: { min: 0.95, severity: 'fail' },
  tft_ok_rate: { min: 0.8, severity: 'fail' },
  bull_prob_in_range: { range: [0.3, 0.7], min: 0.95, severity: 'fail' },
  severe_errors: { max: 0, severity: 'fail' },
};

const DEFAULT_HORIZON_RULES = {
  oof_auc: { min: 0.55, severity: 'fail' as const },
  test_auc: { min: 0.52, severity: 'fail' as const },
  n_oof: { min: 10000, severity: 'fail' as const },
};

/**
 * Defaults are built afresh for each parse (zod copies only the top level of a default value),
 * so that a caller changing its parsed config never changes the next parse's.
 */
function defaultHorizons() {
  return {
    '1h': structuredClone(DEFAULT_HORIZON_RULES),
    '4h': structuredClone(DEFAULT_HORIZON_RULES),
    '24h': structuredClone(DEFAULT_HORIZON_RULES),
  };
}

/** The seed's training gate: 1h, 4h and 24h each need oof_auc >= 0.55, test_auc >= 0.52, n_oof >= 10000. */
function defaultTrainingGate() {
  return {
    horizons: defaultHorizons(),
    base: {},
    global: {},
    warn: { overfit_gap: 0.15 },
  };
}

export const configSchema = z.strictObject({
  release: z.strictObject({
    name: z
      .string()
      .check(
        z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-"'),
        z.describe('Release name; the tarball is <name>_<YYYYMMDD_HHMMSS>.tar.gz.'),
      ),
    artifacts: z
      .array(artifactSchema)
      .check(z.minLength(1), z.describe('Every file a bundle must contain, with its kind.')),
    stacking: z.optional(
      z.strictObject({
        meta: relativePath.check(z.describe('The stacking meta JSON (base_models, meta_learner).')),
        learner: relativePath.check(z.describe('The pickled meta-learner.')),
        base: z
          .array(relativePath)
          .check(z.minLength(1), z.describe('Base model files, in the order of the meta-learner columns.')),
      }),
    ),
    golden: z
      ._default(relativePath, 'golden.json')
      .check(z.describe('Golden vectors written by the training job.')),
  }),
  gate: z._default(
    z.strictObject({
      training: z._default(
        z.strictObject({
          horizons: z._default(z.record(z.string(), metricRules), defaultHorizons),
          base: z
            ._default(z.record(z.string(), metricRules), {})
            .check(
              z.describe('Rules per base model, e.g. { lstm: { oof_auc: { min: 0.57, severity: warn } } }.'),
            ),
          global: z
            ._default(metricRules, {})
            .check(z.describe('Rules on top-level metrics; a failure fails the whole gate.')),
          warn: z._default(
            z.strictObject({
              overfit_gap: z
                ._default(z.number().check(z.nonnegative()), 0.15)
                .check(z.describe('Warn when val_auc - test_auc exceeds this.')),
            }),
            { overfit_gap: 0.15 },
          ),
        }),
        defaultTrainingGate,
      ),
      shadow: z.optional(
        z.strictObject({
          logs: z
            ._default(z.string().check(z.minLength(1)), 'data/live/trades_*.jsonl')
            .check(z.describe('Trade-log glob, relative to deploy.path on the target.')),
          window: z._default(duration, '2d'),
          min_records: z._default(z.number().check(z.int(), z.nonnegative()), 20),
          rules: z._default(z.record(z.string(), shadowRule), () => structuredClone(DEFAULT_SHADOW_RULES)),
          fields: z
            ._default(z.record(z.string(), z.string()), {})
            .check(z.describe('Overrides of trade-log field paths, e.g. { bull_prob: ml.bull_prob }.')),
          collapse_std: z
            ._default(z.number().check(z.nonnegative()), 0.001)
            .check(z.describe('A prediction std below this is a collapsed model.')),
          promote_after: z._default(duration, '24h'),
        }),
      ),
    }),
    () => ({ training: defaultTrainingGate() }),
  ),
  deploy: z.optional(
    z.strictObject({
      target: z._default(z.enum(['ssh', 'local']), 'ssh'),
      host: z.optional(z.string().check(z.minLength(1))),
      port: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(65535)), 22),
      user: z._default(z.string().check(z.regex(/^[a-z_][a-z0-9_.-]*\$?$/i, 'expected a user name')), 'root'),
      path: z.string().check(
        z.minLength(1),
        z.refine((p) => !/[\n\0]/.test(p), 'expected a path without newlines'),
        z.describe('The service directory on the target, e.g. /opt/macd-analysis.'),
      ),
      models_dir: z._default(
        z.string().check(z.regex(/^[A-Za-z0-9._-]+$/, 'expected a single directory name')),
        'models',
      ),
      keep_releases: z._default(z.number().check(z.int(), z.minimum(2)), 5),
      service: z.optional(z.string().check(z.minLength(1))),
      restart: z
        .string()
        .check(z.minLength(1), z.describe('Command that restarts the service, run in deploy.path.')),
      is_active: z
        .string()
        .check(z.minLength(1), z.describe('Command that exits 0 when the service is running.')),
      logs: z
        .optional(z.string().check(z.minLength(1)))
        .check(
          z.describe(
            'Command that prints the service log since @{since} (unix seconds), or a file relative to deploy.path.',
          ),
        ),
      log_file: z
        .optional(z.string().check(z.minLength(1)))
        .check(z.describe('A log file, relative to deploy.path, read from its size at restart.')),
      verify: z._default(
        z.strictObject({
          expect: z._default(z.array(z.string()), []),
          fail: z._default(z.array(z.string()), ['Traceback', 'ERROR', 'CRITICAL']),
          timeout: z._default(duration, '60s'),
          // How long the service must stay active, with no failure line, once every expected
          // line is in: a release that loads and then crashes must not pass.
          settle: z._default(duration, '5s'),
        }),
        () => ({ expect: [], fail: ['Traceback', 'ERROR', 'CRITICAL'], timeout: '60s', settle: '5s' }),
      ),
      flags: z._default(
        z.strictObject({
          file: z._default(relativePath, '.env'),
          shadow: z._default(
            z.record(
              z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name')),
              z.string(),
            ),
            {},
          ),
          promote: z._default(
            z.record(
              z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name')),
              z.string(),
            ),
            {},
          ),
        }),
        () => ({ file: '.env', shadow: {}, promote: {} }),
      ),
      lock_timeout: z._default(duration, '5m'),
      stale_lock: z._default(duration, '2h'),
      command_timeout: z._default(duration, '120s'),
    }),
  ),
  rollback: z._default(
    z.strictObject({
      ml_off: z.optional(
        z.strictObject({
          file: relativePath,
          pattern: z.string().check(z.minLength(1)),
          replace: z.string(),
        }),
      ),
    }),
    {},
  ),
});

export type Config = z.infer<typeof configSchema>;
export type DeployConfig = NonNullable<Config['deploy']>;
export type ShadowConfig = NonNullable<Config['gate']['shadow']>;
export type TrainingGateConfig = Config['gate']['training'];

/** Seconds in a duration value from the config. */
export function durationSeconds(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/.exec(value);
  if (!m) throw new Error(`not a duration: ${value}`);
  const n = Number(m[1]);
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[
    m[2] as 'ms' | 's' | 'm' | 'h' | 'd' | 'w'
  ];
  return n * unit;
}
