import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { formatSize } from '../../src/core/bundle/files.js';
import { formatMetric } from '../../src/core/package/notes.js';
import { packageRelease } from '../../src/core/package/package.js';
import type { Report } from '../../src/core/report/types.js';
import { fixtureBundle, sampleRelease, tempDir, TIMESTAMP, vouchingFor } from './fixtures.js';

const HEALTH: Report = {
  passed: true,
  checks: [
    { name: 'config', status: 'pass', ms: 3, message: 'modelgate.yml is valid' },
    { name: 'integrity', status: 'pass', ms: 41, message: '21 files' },
    { name: 'load', status: 'pass', ms: 2940, message: 'every model loads' },
    { name: 'command', status: 'skip', ms: 0, message: 'no command' },
  ],
};

/** The lines of one `## heading` section. */
function section(notes: string, heading: string): string {
  const start = notes.indexOf(`\n## ${heading}\n`);
  assert.notEqual(start, -1, `no section ${heading}`);
  const end = notes.indexOf('\n## ', start + 4);
  return notes.slice(start, end === -1 ? undefined : end);
}

async function sampleNotes(t: import('node:test').TestContext, language: 'en' | 'zh') {
  const sample = await sampleRelease();
  return packageRelease({
    bundleDir: sample.dir,
    config: sample.config,
    configFile: sample.configFile,
    timestamp: TIMESTAMP,
    outputDir: await tempDir(t),
    language,
    health: await vouchingFor(sample.dir, HEALTH),
  });
}

test("the sample's notes carry its numbers in the seed's sections", async (t) => {
  const result = await sampleNotes(t, 'en');
  const notes = result.notes;
  assert.equal(await readFile(result.notesPath, 'utf8'), notes);
  assert.ok(notes.startsWith('# Deployment checklist - macd_models_final_20260220_145749\n'));
  assert.ok(notes.includes(`**sha256**: \`${result.sha256}\``));
  assert.ok(notes.includes('**Enabled horizons**: 1h'));

  const inventory = section(notes, 'Model files');
  assert.match(
    inventory,
    /### Core models\n\n\*\*Multi-Horizon LSTM\*\*:\n- lstm_1h\.onnx \(\d+ KB\) - ONNX model\n- lstm_1h\.pt \(\d+ KB\) - PyTorch model\n- lstm_1h_meta\.json \(\d+ KB\) - JSON metadata\n/,
  );
  assert.match(inventory, /\*\*Stacking Ensemble\*\*:\n(- stacking_\S+ \(\d+ (KB|B)\) - .*\n){9}\n/);
  assert.match(inventory, /### Other models\n\n\*\*TFT\*\*:\n- tft_1h\.onnx/);
  assert.match(
    inventory,
    /\*\*Regime models\*\*:\n- trend_regime_model\.txt \(\d+ KB\) - LightGBM model\n- vol_regime_model\.txt/,
  );
  assert.match(
    inventory,
    /\*\*LightGBM\*\*:\n- lgb_cross_asset_1h\.txt \(\d+ KB\) - LightGBM model\n- lgb_direction_model_1h\.txt/,
  );
  assert.match(inventory, /- metrics\.json \(\d+ B\) - JSON metadata/);

  const performance = section(notes, 'Performance');
  assert.ok(performance.includes('| Horizon | oof_auc | test_auc | val_auc | n_oof | Gate |'));
  assert.ok(performance.includes('| 1h | 0.5879 | 0.5480 | 0.8331 | 24,492 | ✓ enabled |'));
  assert.ok(performance.includes('| 4h | 0.5612 | 0.4874 | 0.7012 | 6,112 | ✗ disabled |'));
  assert.ok(performance.includes('| 24h | 0.5702 | 0.5301 | 0.6420 | 992 | ✗ disabled |'));
  assert.ok(performance.includes('| Model | oof_auc | oof_std |'));
  for (const row of [
    '| lgb | 0.5833 | 0.0963 |',
    '| xgb | 0.5808 | 0.0875 |',
    '| lstm | 0.5428 | 0.3665 |',
    '| tft | 0.5250 | 0.2355 |',
    '| cross_lgb | 0.5815 | 0.0917 |',
  ])
    assert.ok(performance.includes(row), row);
  assert.ok(performance.includes('| lstm | 0.5393 | 0.5273 | 0.5700 |'));

  const health = section(notes, 'Health check');
  assert.ok(health.includes('| integrity | ✓ pass | 41 ms | 21 files |'));
  assert.ok(health.includes('| load | ✓ pass | 2.94 s | every model loads |'));
  assert.ok(health.includes('| command | – skip | 0 ms | no command |'));

  const deploy = section(notes, 'Deployment steps');
  assert.ok(
    deploy.includes(`echo "${result.sha256}  macd_models_final_20260220_145749.tar.gz" | sha256sum -c -`),
  );
  assert.ok(
    deploy.includes('modelgate deploy --tarball macd_models_final_20260220_145749.tar.gz --phase shadow'),
  );
  assert.ok(
    deploy.includes('modelgate deploy --tarball macd_models_final_20260220_145749.tar.gz --phase promote'),
  );
  assert.ok(deploy.includes('ssh -p 22222 root@203.0.113.10'));
  assert.ok(deploy.includes('- ML coverage ≥ 80%'));

  const checklist = section(notes, 'Deployment checklist');
  for (const heading of [
    '### Before deployment',
    '### During deployment',
    '### After deployment',
    '### Go live',
  ])
    assert.ok(checklist.includes(heading), heading);
  assert.ok(checklist.includes('- [x] Health check passed'));
  assert.ok(checklist.includes('- [x] Training gate passed (enabled horizons: 1h)'));
  assert.ok(checklist.includes('- [ ] Set ML_ENABLE_STACKING=1'));
  assert.ok(checklist.includes('- [ ] Shadow mode stable for 24h'));

  const risks = section(notes, 'Risks');
  assert.ok(
    risks.includes(
      '1. **Validation overfit (1h)** ⚠️\n   - Val AUC 0.8331 vs Test AUC 0.5480: gap 0.2851, above 0.15',
    ),
  );
  assert.ok(
    risks.includes(
      '2. **4h/24h not usable** ⚠️\n   - 4h: test_auc 0.4874 (min 0.52), n_oof 6,112 (min 10000)\n   - 24h: n_oof 992 (min 10000)\n   - Use only: 1h',
    ),
  );
  assert.ok(
    risks.includes('3. **LSTM AUC below its target** ⚠️\n   - Target: 0.57, actual: 0.5273\n   - Gap: -7.5%'),
  );
  assert.ok(risks.includes('- ✅ Stacking sample-size gate (n_oof ≥ 10,000)'));
  assert.ok(risks.includes('- ✅ Shadow mode by default (ML_ENABLE_STACKING=0 until promote)'));
  assert.ok(risks.includes('modelgate rollback --level stacking'));
  assert.ok(risks.includes('modelgate rollback --level release'));
  assert.ok(
    risks.includes(
      '# 3. turn ML off entirely (use_ml_enhancement = False in live_config.py), restart\nmodelgate rollback --level ml-off',
    ),
  );
});

test("zh notes use the seed's Chinese headings", async (t) => {
  const { notes } = await sampleNotes(t, 'zh');
  for (const heading of [
    '# 部署清单 - macd_models_final_20260220_145749',
    '## 模型文件清单',
    '### 核心模型',
    '### 其他模型',
    '## 性能指标',
    '### 基模型 OOF 表现',
    '## 健康检查结果',
    '## 部署步骤',
    '### 5. 正式开启 (确认稳定后)',
    '## 部署检查清单',
    '### 部署前',
    '### 部署中',
    '### 部署后',
    '### 正式开启',
    '## 风险提示',
    '### 已知问题',
    '### 缓解措施',
    '### 回退方案',
  ])
    assert.ok(notes.includes(`${heading}\n`), heading);
  assert.ok(notes.includes('**状态**: ✅ 健康检查通过，准备部署'));
  assert.ok(notes.includes('| 1h | 0.5879 | 0.5480 | 0.8331 | 24,492 | ✓ 启用 |'));
  assert.ok(notes.includes('2. **4h/24h 不可用** ⚠️'));
  assert.ok(notes.includes('   - 目标: 0.57, 实际: 0.5273\n   - 差距: -7.5%'));
  assert.ok(notes.includes('- [ ] ML 覆盖率 ≥ 80%'));
});

test('without a health check or a passing horizon the notes say so', async (t) => {
  const metrics = {
    horizons: { '1h': { oof_auc: 0.51, test_auc: 0.5, n_oof: 500 } },
    base: {},
    models: {},
  };
  const { dir, config } = await fixtureBundle(t, { metrics });
  const result = await packageRelease({
    bundleDir: dir,
    config,
    configFile: 'modelgate.yml',
    timestamp: TIMESTAMP,
    outputDir: await tempDir(t),
  });
  assert.ok(result.notes.includes('**Status**: ❌ Training gate failed: do not deploy'));
  assert.ok(result.notes.includes('**Enabled horizons**: none'));
  assert.ok(result.notes.includes('No health check was run for this package.'));
  assert.ok(result.notes.includes('   - No horizon passed the training gate: do not deploy'));
  assert.ok(result.notes.includes('- [ ] Health check passed'));
  assert.equal(result.gate.passed, false);
});

test('sizes and metrics are written the way the seed writes them', () => {
  assert.equal(formatSize(738), '738 B');
  assert.equal(formatSize(596_000), '596 KB');
  assert.equal(formatSize(5_452_595), '5.5 MB');
  assert.equal(formatMetric(0.548), '0.5480');
  assert.equal(formatMetric(24492), '24,492');
  assert.equal(formatMetric(null), '—');
  assert.equal(formatMetric('a|b'), 'a\\|b');
});
