/**
 * The `modelgate.yml` schema: one zod schema that validates the file and emits
 * `schema/modelgate.schema.json` for editors. Defaults are the seed's values.
 */
import { z } from 'zod';

export const ARTIFACT_KINDS = ['onnx', 'torch', 'lightgbm', 'xgboost', 'pickle', 'json'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

/** `60s`, `90m`, `24h`, `2d`, `1w` or a number of seconds. */
export const DURATION_PATTERN = /^\d+(\.\d+)?\s*(ms|s|m|h|d|w)$/;
const duration = z
  .union([
    z.number().nonnegative(),
    z.string().regex(DURATION_PATTERN, 'expected a duration such as "60s", "24h" or "2d"'),
  ])
  .describe(
    'A duration: a number of seconds, or a number with a unit ms, s, m, h, d or w ("60s", "24h", "2d").',
  );

const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'expected a path relative to the bundle, without ".." or a leading "/"',
  });

export const artifactSchema = z
  .object({
    path: relativePath.describe('File name inside the bundle, e.g. lstm_1h.onnx.'),
    kind: z
      .enum(ARTIFACT_KINDS)
      .describe('How the file is checked: onnx, torch, lightgbm, xgboost, pickle or json.'),
  })
  .strict();

const bound = z
  .object({
    min: z.number().optional().describe('The metric must be at least this.'),
    max: z.number().optional().describe('The metric must be at most this.'),
    max_drop: z
      .number()
      .nonnegative()
      .optional()
      .describe('With a baseline manifest: the metric may fall by at most this much.'),
    severity: z.enum(['fail', 'warn']).default('fail').describe('fail stops the release; warn only reports.'),
  })
  .strict();
export type Bound = z.infer<typeof bound>;

const metricRules = z
  .record(z.string(), bound)
  .describe('Rules per metric name, e.g. { oof_auc: { min: 0.55 } }.');

const shadowRule = z
  .object({
    min: z.number().optional(),
    max: z.number().optional(),
    range: z
      .tuple([z.number(), z.number()])
      .optional()
      .describe('For bull_prob_in_range: the [low, high] band.'),
    severity: z.enum(['fail', 'warn']).default('fail'),
  })
  .strict();
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

/** The seed's training gate: 1h, 4h and 24h each need oof_auc >= 0.55, test_auc >= 0.52, n_oof >= 10000. */
function defaultTrainingGate() {
  return {
    horizons: { '1h': DEFAULT_HORIZON_RULES, '4h': DEFAULT_HORIZON_RULES, '24h': DEFAULT_HORIZON_RULES },
    base: {},
    global: {},
    warn: { overfit_gap: 0.15 },
  };
}

export const configSchema = z
  .object({
    release: z
      .object({
        name: z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-"')
          .describe('Release name; the tarball is <name>_<YYYYMMDD_HHMMSS>.tar.gz.'),
        artifacts: z
          .array(artifactSchema)
          .min(1)
          .describe('Every file a bundle must contain, with its kind.'),
        stacking: z
          .object({
            meta: relativePath.describe('The stacking meta JSON (base_models, meta_learner).'),
            learner: relativePath.describe('The pickled meta-learner.'),
            base: z
              .array(relativePath)
              .min(1)
              .describe('Base model files, in the order of the meta-learner columns.'),
          })
          .strict()
          .optional(),
        golden: relativePath.default('golden.json').describe('Golden vectors written by the training job.'),
      })
      .strict(),
    gate: z
      .object({
        training: z
          .object({
            horizons: z.record(z.string(), metricRules).default({
              '1h': DEFAULT_HORIZON_RULES,
              '4h': DEFAULT_HORIZON_RULES,
              '24h': DEFAULT_HORIZON_RULES,
            }),
            base: z
              .record(z.string(), metricRules)
              .default({})
              .describe('Rules per base model, e.g. { lstm: { oof_auc: { min: 0.57, severity: warn } } }.'),
            global: metricRules
              .default({})
              .describe('Rules on top-level metrics; a failure fails the whole gate.'),
            warn: z
              .object({
                overfit_gap: z
                  .number()
                  .nonnegative()
                  .default(0.15)
                  .describe('Warn when val_auc - test_auc exceeds this.'),
              })
              .strict()
              .default({ overfit_gap: 0.15 }),
          })
          .strict()
          .default(defaultTrainingGate),
        shadow: z
          .object({
            logs: z
              .string()
              .min(1)
              .default('data/live/trades_*.jsonl')
              .describe('Trade-log glob, relative to deploy.path on the target.'),
            window: duration.default('2d'),
            min_records: z.number().int().nonnegative().default(20),
            rules: z.record(z.string(), shadowRule).default(DEFAULT_SHADOW_RULES),
            fields: z
              .record(z.string(), z.string())
              .default({})
              .describe('Overrides of trade-log field paths, e.g. { bull_prob: ml.bull_prob }.'),
            collapse_std: z
              .number()
              .nonnegative()
              .default(0.001)
              .describe('A prediction std below this is a collapsed model.'),
            promote_after: duration.default('24h'),
          })
          .strict()
          .optional(),
      })
      .strict()
      .default(() => ({ training: defaultTrainingGate() })),
    deploy: z
      .object({
        target: z.enum(['ssh', 'local']).default('ssh'),
        host: z.string().min(1).optional(),
        port: z.number().int().min(1).max(65535).default(22),
        user: z
          .string()
          .regex(/^[a-z_][a-z0-9_.-]*\$?$/i, 'expected a user name')
          .default('root'),
        path: z
          .string()
          .min(1)
          .refine((p) => !/[\n\0]/.test(p), 'expected a path without newlines')
          .describe('The service directory on the target, e.g. /opt/macd-analysis.'),
        models_dir: z
          .string()
          .regex(/^[A-Za-z0-9._-]+$/, 'expected a single directory name')
          .default('models'),
        keep_releases: z.number().int().min(2).default(5),
        service: z.string().min(1).optional(),
        restart: z.string().min(1).describe('Command that restarts the service, run in deploy.path.'),
        is_active: z.string().min(1).describe('Command that exits 0 when the service is running.'),
        logs: z
          .string()
          .min(1)
          .optional()
          .describe(
            'Command that prints the service log since @{since} (unix seconds), or a file relative to deploy.path.',
          ),
        log_file: z
          .string()
          .min(1)
          .optional()
          .describe('A log file, relative to deploy.path, read from its size at restart.'),
        verify: z
          .object({
            expect: z.array(z.string()).default([]),
            fail: z.array(z.string()).default(['Traceback', 'ERROR', 'CRITICAL']),
            timeout: duration.default('60s'),
            // How long the service must stay active, with no failure line, once every expected
            // line is in: a release that loads and then crashes must not pass.
            settle: duration.default('5s'),
          })
          .strict()
          .default({ expect: [], fail: ['Traceback', 'ERROR', 'CRITICAL'], timeout: '60s', settle: '5s' }),
        flags: z
          .object({
            file: relativePath.default('.env'),
            shadow: z
              .record(
                z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'),
                z.string(),
              )
              .default({}),
            promote: z
              .record(
                z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'),
                z.string(),
              )
              .default({}),
          })
          .strict()
          .default({ file: '.env', shadow: {}, promote: {} }),
        lock_timeout: duration.default('5m'),
        stale_lock: duration.default('2h'),
        command_timeout: duration.default('120s'),
      })
      .strict()
      .optional(),
    rollback: z
      .object({
        ml_off: z
          .object({ file: relativePath, pattern: z.string().min(1), replace: z.string() })
          .strict()
          .optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

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
