import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configSchema, type TrainingGateConfig } from '../../src/core/config/schema.js';
import { evaluateTrainingGate, gateFailures, type Metrics } from '../../src/core/gate/training.js';

/** The seed's numbers (seed/README.md and deploy-checklist.zh.md). */
function seedMetrics(): Metrics {
  return {
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
      tft: { val_auc: 0.531, test_auc: 0.5202 },
    },
  };
}

/** design.md's default rules, through the real schema (defaults and all). */
function gateConfig(training?: unknown): TrainingGateConfig {
  return configSchema.parse({
    release: { name: 'macd_models_final', artifacts: [{ path: 'lstm_1h.onnx', kind: 'onnx' }] },
    ...(training === undefined ? {} : { gate: { training } }),
  }).gate.training;
}

test("the seed's own metrics enable 1h only, warn on the overfit gap and the LSTM target, fail 4h and 24h", () => {
  const result = evaluateTrainingGate(seedMetrics(), gateConfig());
  assert.deepEqual(result.enabledHorizons, ['1h']);
  assert.equal(result.passed, true);
  assert.equal(result.verdict, 'pass');
  assert.deepEqual(result.horizons, {
    '1h': { passed: true, failures: [] },
    '4h': {
      passed: false,
      failures: ['4h test_auc 0.4874 is below the minimum 0.52', '4h n_oof 6112 is below the minimum 10000'],
    },
    '24h': { passed: false, failures: ['24h n_oof 992 is below the minimum 10000'] },
  });
  assert.deepEqual(result.warnings, [
    '1h overfit: val_auc 0.8331 - test_auc 0.548 = 0.2851 is above warn.overfit_gap 0.15',
    'lstm val_auc 0.5273 is below its target 0.57 (-7.5%)',
  ]);
  const overfit = result.rules.find((r) => r.scope === 'builtin' && r.metric === 'overfit_gap');
  assert.deepEqual(overfit, {
    scope: 'builtin',
    subject: '1h',
    metric: 'overfit_gap',
    value: 0.2851,
    threshold: 'warn.overfit_gap 0.15',
    severity: 'warn',
    status: 'warn',
    message: '1h overfit: val_auc 0.8331 - test_auc 0.548 = 0.2851 is above warn.overfit_gap 0.15',
  });
  const passing = result.rules.find((r) => r.subject === '1h' && r.metric === 'oof_auc');
  assert.equal(passing?.status, 'pass');
  assert.equal(passing?.message, '1h oof_auc 0.5879 holds min 0.55');
  assert.deepEqual(result.metrics.horizons['1h'], seedMetrics().horizons['1h']);
  assert.equal(result.changes, undefined);
});

test('a baseline shows each change, and max_drop fails a horizon whose metric fell too far', () => {
  const baseline = seedMetrics();
  const current = seedMetrics();
  current.horizons['1h'] = { oof_auc: 0.5579, test_auc: 0.551, val_auc: 0.69, n_oof: 26000 };
  const config = gateConfig({
    horizons: { '1h': { oof_auc: { min: 0.55, max_drop: 0.02 }, test_auc: { min: 0.52, max_drop: 0.02 } } },
  });
  const result = evaluateTrainingGate(current, config, baseline);
  assert.deepEqual(result.enabledHorizons, []);
  assert.equal(result.passed, false);
  const oof = result.rules.find((r) => r.subject === '1h' && r.metric === 'oof_auc');
  assert.deepEqual(oof, {
    scope: 'horizon',
    subject: '1h',
    metric: 'oof_auc',
    value: 0.5579,
    threshold: 'min 0.55, max_drop 0.02',
    baseline: 0.5879,
    change: -0.03,
    severity: 'fail',
    status: 'fail',
    message: '1h oof_auc 0.5579 fell by 0.03 from the baseline 0.5879, more than max_drop 0.02',
  });
  const test = result.rules.find((r) => r.subject === '1h' && r.metric === 'test_auc');
  assert.equal(test?.status, 'pass');
  assert.equal(test?.change, 0.003);
  assert.equal(test?.message, '1h test_auc 0.551 (+0.003 from 0.548) holds min 0.52, max_drop 0.02');
  const valChange = result.changes?.find(
    (c) => c.table === 'horizons' && c.subject === '1h' && c.metric === 'val_auc',
  );
  assert.deepEqual(valChange, {
    table: 'horizons',
    subject: '1h',
    metric: 'val_auc',
    value: 0.69,
    baseline: 0.8331,
    change: -0.1431,
  });
  const lstm = result.changes?.find(
    (c) => c.table === 'models' && c.subject === 'lstm' && c.metric === 'val_auc',
  );
  assert.equal(lstm?.change, 0);
  // Without a baseline the same rule only checks its floor.
  const alone = evaluateTrainingGate(current, config);
  assert.deepEqual(alone.enabledHorizons, ['1h']);
  assert.equal(
    alone.rules.find((r) => r.metric === 'oof_auc')?.threshold,
    'min 0.55, max_drop 0.02 (no baseline)',
  );
});

test('a metric new since the baseline cannot have dropped', () => {
  const baseline = seedMetrics();
  delete baseline.horizons['1h']!.test_auc;
  const config = gateConfig({ horizons: { '1h': { test_auc: { min: 0.52, max_drop: 0.01 } } } });
  const result = evaluateTrainingGate(seedMetrics(), config, baseline);
  const rule = result.rules.find((r) => r.metric === 'test_auc');
  assert.equal(rule?.status, 'pass');
  assert.equal(rule?.baseline, null);
  assert.equal(rule?.change, null);
});

test('a warn-severity rule reports without disabling its horizon', () => {
  const config = gateConfig({
    horizons: { '1h': { oof_auc: { min: 0.55 }, val_auc: { max: 0.75, severity: 'warn' } } },
    warn: { overfit_gap: 0.5 },
  });
  const result = evaluateTrainingGate(seedMetrics(), config);
  assert.deepEqual(result.enabledHorizons, ['1h']);
  assert.equal(result.passed, true);
  assert.deepEqual(result.warnings, [
    '1h val_auc 0.8331 is above the maximum 0.75',
    '4h is in the manifest but has no rules in gate.training.horizons; it is not enabled until rules are written for it',
    '24h is in the manifest but has no rules in gate.training.horizons; it is not enabled until rules are written for it',
    'lstm val_auc 0.5273 is below its target 0.57 (-7.5%)',
  ]);
  assert.equal(result.rules.find((r) => r.metric === 'val_auc')?.status, 'warn');
});

test('a metric the manifest lacks fails its rule with a message instead of crashing', () => {
  const metrics = seedMetrics();
  delete metrics.horizons['1h']!.n_oof;
  delete metrics.horizons['4h'];
  const result = evaluateTrainingGate(metrics, gateConfig());
  assert.deepEqual(result.horizons['1h'], {
    passed: false,
    failures: [
      '1h n_oof: the manifest has no metrics.horizons.1h.n_oof; the training job must write it to metrics.json, or remove the rule from gate.training.horizons.1h',
    ],
  });
  assert.equal(result.horizons['4h']?.failures.length, 3);
  assert.equal(result.rules.find((r) => r.subject === '4h' && r.metric === 'oof_auc')?.value, null);
  assert.equal(result.passed, false);
  assert.deepEqual(gateFailures(result)[0], 'no horizon passed its rules');
});

test('a metric that is not a number fails its rule', () => {
  const metrics = seedMetrics();
  metrics.horizons['1h']!.n_oof = 'lots';
  const result = evaluateTrainingGate(metrics, gateConfig());
  assert.deepEqual(result.horizons['1h']?.failures, [
    '1h n_oof is "lots", not a number; the training job must write a number to metrics.horizons.1h.n_oof',
  ]);
});

test('a broken global fail-rule fails the gate even with a passing horizon', () => {
  const metrics = { ...seedMetrics(), n_features: 12 };
  const config = gateConfig({
    horizons: { '1h': { oof_auc: { min: 0.55 } } },
    global: { n_features: { min: 16 }, 'models.lstm.test_auc': { min: 0.5 } },
  });
  const result = evaluateTrainingGate(metrics, config);
  assert.deepEqual(result.enabledHorizons, ['1h']);
  assert.equal(result.passed, false);
  assert.equal(result.verdict, 'fail');
  const global = result.rules.filter((r) => r.scope === 'global');
  assert.deepEqual(
    global.map((r) => [r.metric, r.status, r.message]),
    [
      ['n_features', 'fail', 'n_features 12 is below the minimum 16'],
      ['models.lstm.test_auc', 'pass', 'models.lstm.test_auc 0.5393 holds min 0.5'],
    ],
  );
  assert.deepEqual(gateFailures(result), ['n_features 12 is below the minimum 16']);
});

test('base-model rules: a fail-rule fails the gate, a warn-rule warns', () => {
  const config = gateConfig({
    horizons: { '1h': { oof_auc: { min: 0.55 } } },
    base: { tft: { oof_auc: { min: 0.53 } }, lstm: { oof_std: { max: 0.3, severity: 'warn' } } },
  });
  const result = evaluateTrainingGate(seedMetrics(), config);
  assert.equal(result.passed, false);
  assert.deepEqual(gateFailures(result), ['tft oof_auc 0.525 is below the minimum 0.53']);
  assert.ok(result.warnings.includes('lstm oof_std 0.3665 is above the maximum 0.3'));
});

test('every horizon failing fails the gate', () => {
  const metrics = seedMetrics();
  metrics.horizons['1h']!.test_auc = 0.51;
  const result = evaluateTrainingGate(metrics, gateConfig());
  assert.deepEqual(result.enabledHorizons, []);
  assert.equal(result.passed, false);
  assert.equal(result.verdict, 'fail');
  assert.deepEqual(result.horizons['1h']?.failures, ['1h test_auc 0.51 is below the minimum 0.52']);
  assert.ok(
    !result.warnings.some((w) => w.startsWith('1h overfit')),
    'a disabled horizon gets no overfit warning',
  );
});

test('a model under its target without val_auc is judged on oof_auc', () => {
  const metrics = seedMetrics();
  metrics.base.tft = { oof_auc: 0.525, target_auc: 0.55 };
  const result = evaluateTrainingGate(metrics, gateConfig());
  assert.ok(result.warnings.includes('tft oof_auc 0.525 is below its target 0.55 (-4.5%)'));
});
