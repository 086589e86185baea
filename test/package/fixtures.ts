/**
 * Bundles for the package tests: small real files in a temporary directory, in the shape of
 * the sample release (metrics.json with horizons/base/models, a stacking meta JSON).
 */
import { createHash, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestContext } from 'node:test';
import { configSchema, type Config } from '../../src/core/config/schema.js';
import { parseConfig } from '../../src/core/config/load.js';
import type { Report } from '../../src/core/report/types.js';
import { repoRoot } from '../support/shared.js';

export const run = promisify(execFile);
/** Debian's python has tarfile like any other; the one on PATH may not be usable in CI images. */
export const PYTHON = '/usr/bin/python3';
export const TIMESTAMP = '20260220_145749';

export const SEED_METRICS = {
  horizons: {
    '1h': { oof_auc: 0.5879, test_auc: 0.548, val_auc: 0.8331, n_oof: 24492 },
    '4h': { oof_auc: 0.5612, test_auc: 0.4874, val_auc: 0.7012, n_oof: 6112 },
    '24h': { oof_auc: 0.5702, test_auc: 0.5301, val_auc: 0.642, n_oof: 992 },
  },
  base: {
    lgb: { oof_auc: 0.5833, oof_std: 0.0963 },
    xgb: { oof_auc: 0.5808, oof_std: 0.0875 },
    lstm: { oof_auc: 0.5428, oof_std: 0.3665 },
    tft: { oof_auc: 0.525, oof_std: 0.2355 },
    cross_lgb: { oof_auc: 0.5815, oof_std: 0.0917 },
  },
  models: {
    lstm: { val_auc: 0.5273, test_auc: 0.5393, target_auc: 0.57 },
    tft: { val_auc: 0.525, test_auc: 0.5202 },
  },
};

export async function tempDir(t: TestContext, prefix = 'modelgate-package-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A small bundle: text models, incompressible "weights", metadata; returns its dir and config. */
export async function fixtureBundle(
  t: TestContext,
  options: { metrics?: unknown; meta?: unknown; weights?: number } = {},
): Promise<{ dir: string; config: Config }> {
  const dir = path.join(await tempDir(t), 'bundle');
  await mkdir(dir);
  const lgb = Array.from(
    { length: 400 },
    (_, i) =>
      `Tree=${i}\nnum_leaves=3\nsplit_feature=1 2\nthreshold=${(i / 7).toFixed(6)} 0.5\nleaf_value=0.1 -0.2 0.3\n`,
  ).join('\n');
  await writeFile(path.join(dir, 'stacking_lgb_1h.txt'), `tree\nversion=v4\n${lgb}end of trees\n`);
  await writeFile(path.join(dir, 'lstm_1h.onnx'), randomBytes(options.weights ?? 200_000));
  await writeFile(path.join(dir, 'stacking_meta_1h.pkl'), randomBytes(738));
  await writeFile(
    path.join(dir, 'stacking_meta_1h.json'),
    JSON.stringify(
      options.meta ?? {
        horizon: '1h',
        base_models: ['stacking_lgb_1h.txt'],
        meta_learner: { type: 'logistic', coef: [0.8], intercept: -0.3 },
      },
      null,
      2,
    ),
  );
  if (options.metrics !== null)
    await writeFile(path.join(dir, 'metrics.json'), JSON.stringify(options.metrics ?? SEED_METRICS, null, 2));
  const config = configSchema.parse({
    release: {
      name: 'macd_models_final',
      artifacts: [
        { path: 'lstm_1h.onnx', kind: 'onnx' },
        { path: 'stacking_lgb_1h.txt', kind: 'lightgbm' },
        { path: 'stacking_meta_1h.json', kind: 'json' },
        { path: 'stacking_meta_1h.pkl', kind: 'pickle' },
      ],
      stacking: {
        meta: 'stacking_meta_1h.json',
        learner: 'stacking_meta_1h.pkl',
        base: ['stacking_lgb_1h.txt'],
      },
    },
  });
  return { dir, config };
}

/** The committed sample release and its config (samples/release, samples/modelgate.yml). */
export async function sampleRelease(): Promise<{ dir: string; config: Config; configFile: string }> {
  const configFile = path.join(repoRoot, 'samples', 'modelgate.yml');
  const { config } = parseConfig(await readFile(configFile, 'utf8'), configFile);
  return { dir: path.join(repoRoot, 'samples', 'release'), config, configFile };
}

export async function sha256sum(file: string): Promise<string> {
  const { stdout } = await run('sha256sum', [file]);
  return stdout.split(' ')[0]!;
}

/**
 * `report` with its integrity check listing every file of `dir` (path, size, sha256), as the
 * healthcheck writes it: package refuses a report that does not vouch for the bundle's files.
 */
export async function vouchingFor(dir: string, report: Report): Promise<Report> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const absolute = path.join(e.parentPath, e.name);
        const bytes = await readFile(absolute);
        return {
          path: path.relative(dir, absolute).split(path.sep).join('/'),
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        };
      }),
  );
  return {
    ...report,
    checks: report.checks.map((c) => (c.name === 'integrity' ? { ...c, details: { files } } : c)),
  };
}
