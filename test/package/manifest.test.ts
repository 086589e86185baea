import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ModelgateError } from '../../src/core/errors.js';
import { manifestSchema } from '../../src/core/manifest.js';
import { notesPathFor } from '../../src/core/package/manifest-build.js';
import { gatherMetrics } from '../../src/core/package/metrics.js';
import { manifestPathFor, packageRelease } from '../../src/core/package/package.js';
import { fixtureBundle, tempDir, TIMESTAMP } from './fixtures.js';

const META = {
  horizon: '1h',
  base_models: ['stacking_lgb_1h.txt'],
  meta_learner: { type: 'logistic', coef: [0.8], intercept: -0.3 },
  metrics: { oof_auc: 0.5879, test_auc: 0.548, val_auc: 0.8331, n_oof: 24492, roc_curve: [[0, 0]] },
  base_metrics: { lgb: { oof_auc: 0.5833, oof_std: 0.0963 } },
};

test('without metrics.json the metrics come from the stacking meta JSON', async (t) => {
  const { dir, config } = await fixtureBundle(t, { metrics: null, meta: META });
  const { metrics, sources } = await gatherMetrics(dir, ['stacking_meta_1h.json'], config);
  assert.deepEqual(sources, ['stacking_meta_1h.json']);
  assert.deepEqual(metrics, {
    horizons: { '1h': { oof_auc: 0.5879, test_auc: 0.548, val_auc: 0.8331, n_oof: 24492 } },
    base: { lgb: { oof_auc: 0.5833, oof_std: 0.0963 } },
    models: {},
  });
});

test("a meta JSON without a horizon field is named by its file's suffix", async (t) => {
  const { horizon: _, ...meta } = META;
  const { dir, config } = await fixtureBundle(t, { metrics: null, meta });
  const { metrics } = await gatherMetrics(dir, ['stacking_meta_1h.json'], config);
  assert.deepEqual(Object.keys(metrics.horizons), ['1h']);
});

test('metrics.json wins where both give a number, and adds what the meta lacks', async (t) => {
  const metricsJson = {
    horizons: { '1h': { test_auc: 0.55 }, '4h': { oof_auc: 0.5612, n_oof: 6112 } },
    models: { lstm: { val_auc: 0.5273, target_auc: 0.57 } },
    n_features: 16,
  };
  const { dir, config } = await fixtureBundle(t, { metrics: metricsJson, meta: META });
  const { metrics, sources } = await gatherMetrics(dir, ['metrics.json', 'stacking_meta_1h.json'], config);
  assert.deepEqual(sources, ['stacking_meta_1h.json', 'metrics.json']);
  assert.deepEqual(metrics.horizons['1h'], {
    oof_auc: 0.5879,
    test_auc: 0.55,
    val_auc: 0.8331,
    n_oof: 24492,
  });
  assert.deepEqual(metrics.horizons['4h'], { oof_auc: 0.5612, n_oof: 6112 });
  assert.deepEqual(metrics.models, { lstm: { val_auc: 0.5273, target_auc: 0.57 } });
  assert.equal(metrics.n_features, 16);
});

test('a malformed metrics.json is refused, naming the file and the field', async (t) => {
  const { dir, config } = await fixtureBundle(t, { metrics: { horizons: { '1h': { oof_auc: [0.5] } } } });
  await assert.rejects(gatherMetrics(dir, ['metrics.json'], config), (e: Error) => {
    assert.match(
      e.message,
      /^metrics\.json: horizons\.1h\.oof_auc: .*, got a list of 1; the training job must write/,
    );
    return true;
  });
  await writeFile(path.join(dir, 'metrics.json'), '{"horizons": ');
  await assert.rejects(
    gatherMetrics(dir, ['metrics.json'], config),
    /metrics\.json:1:14 not valid JSON: .*; the training job must write it again$/,
  );
  // Python's json.dump writes a bare NaN; the manifest is strict JSON and cannot carry it.
  await writeFile(path.join(dir, 'metrics.json'), '{\n  "horizons": {"1h": {"oof_auc": NaN}}\n}');
  await assert.rejects(gatherMetrics(dir, ['metrics.json'], config), (e: ModelgateError) => {
    assert.match(e.message, /metrics\.json:2 not valid JSON: a bare NaN, which the manifest cannot carry/);
    assert.equal(e.line, 2);
    return true;
  });
});

test('files the config does not list are kind "other"; both manifests pass the manifest schema', async (t) => {
  const { dir, config } = await fixtureBundle(t);
  await writeFile(path.join(dir, 'README.txt'), 'notes from the training job\n');
  const result = await packageRelease({
    bundleDir: dir,
    config,
    configFile: 'modelgate.yml',
    timestamp: TIMESTAMP,
    outputDir: await tempDir(t),
  });
  const kinds = Object.fromEntries(result.manifest.files.map((f) => [f.path, f.kind]));
  assert.deepEqual(kinds, {
    'README.txt': 'other',
    'lstm_1h.onnx': 'onnx',
    'metrics.json': 'other',
    'stacking_lgb_1h.txt': 'lightgbm',
    'stacking_meta_1h.json': 'json',
    'stacking_meta_1h.pkl': 'pickle',
  });
  assert.ok(manifestSchema.safeParse(result.manifest).success);
  assert.equal(result.manifest.health, undefined, 'no health check, no health summary');
  assert.equal(result.manifest.source, undefined, 'outside Actions there is no source');
});

test('the manifest and notes sit beside the tarball under its id', () => {
  assert.equal(
    manifestPathFor('/out/macd_models_final_20260220_145749.tar.gz'),
    '/out/macd_models_final_20260220_145749.manifest.json',
  );
  assert.equal(
    notesPathFor('/out/macd_models_final_20260220_145749.tar.gz'),
    '/out/macd_models_final_20260220_145749.notes.md',
  );
  assert.equal(manifestPathFor('release.tgz'), 'release.manifest.json');
});
