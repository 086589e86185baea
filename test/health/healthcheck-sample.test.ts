import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { formatSize } from '../../src/core/bundle/files.js';
import { HEALTH_CHECKS } from '../../src/core/health/healthcheck.js';
import { renderHealthSummary } from '../../src/core/health/render.js';
import { check, copySample, healthcheck, sampleDir, tempDir, writeManifest } from './support.js';

test('every check passes on samples/release with samples/modelgate.yml', async () => {
  const lines: string[] = [];
  const report = await healthcheck(sampleDir, { onProgress: (l) => lines.push(l) });
  const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'warn');
  assert.deepEqual(failing, [], 'no check should fail or warn');
  assert.equal(report.passed, true);
  assert.deepEqual(
    report.checks.map((c) => c.name),
    [...HEALTH_CHECKS],
  );
  assert.deepEqual(
    report.checks.map((c) => c.status),
    ['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'skip'],
  );
  for (const c of report.checks) {
    assert.equal(typeof c.ms, 'number');
    assert.ok(c.ms >= 0);
    assert.ok(c.message.length > 0);
  }
  assert.equal(lines.length, HEALTH_CHECKS.length, 'one progress line per check');

  const files = (await readdir(sampleDir)).length;
  assert.equal(report.files, files);
  assert.equal(report.files, 21);
  assert.ok(report.bytes > 0);
  assert.equal(report.bundle, sampleDir);
  assert.ok(report.durationMs > 0);
  assert.ok(report.inference);
  assert.equal(typeof report.inference.bull_prob, 'number');
  assert.ok(report.inference.regime.length > 0);
  assert.ok(['bullish', 'bearish', 'neutral'].includes(report.inference.direction));
  // The report is plain JSON: it survives a round trip unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
});

test('golden reproduces every entry of the sample with tiny differences, and reports them per model', async () => {
  const report = await healthcheck(sampleDir);
  const golden = check(report, 'golden');
  const rows = (
    golden.details as {
      models: {
        model: string;
        kind: string;
        golden: string;
        status: string;
        maxAbsDiff: number | null;
        values: number;
      }[];
    }
  ).models;
  const byModel = new Map(rows.map((r) => [r.model, r]));
  for (const model of [
    'lstm_1h.onnx',
    'tft_1h.onnx',
    'stacking_lgb_1h.txt',
    'stacking_xgb_1h.json',
    'vol_regime_model.txt',
    'stacking_meta_1h.json',
  ]) {
    const row = byModel.get(model);
    assert.ok(row, `golden details should list ${model}`);
    assert.equal(row.golden, 'entry');
    assert.equal(row.status, 'pass');
    assert.ok(row.values > 0);
    assert.ok(row.maxAbsDiff !== null && row.maxAbsDiff < 1e-5, `${model} differs by ${row.maxAbsDiff}`);
  }
  assert.equal(byModel.get('stacking_meta_1h.json')!.kind, 'stacking');
  // Trees are evaluated in the frameworks' own arithmetic: differences are at rounding level.
  assert.ok(byModel.get('stacking_lgb_1h.txt')!.maxAbsDiff! < 1e-12);
});

test('load reports ONNX inputs, outputs, types, dims and warm latency, and tree model facts', async () => {
  const report = await healthcheck(sampleDir);
  const details = check(report, 'load').details as {
    onnx: {
      file: string;
      inputs: { name: string; type: string; dims: (number | string)[] }[];
      outputs: { name: string }[];
      p50Ms: number;
      runs: number;
    }[];
    trees: {
      file: string;
      format: string;
      trees: number;
      features: number;
      objective: string;
      classes: number;
    }[];
    torch: { file: string; storages: number }[];
  };
  const lstm = details.onnx.find((o) => o.file === 'lstm_1h.onnx');
  assert.ok(lstm);
  assert.equal(lstm.inputs[0]!.name, 'x');
  assert.equal(lstm.inputs[0]!.type, 'float32');
  assert.equal(typeof lstm.inputs[0]!.dims[0], 'string', 'the batch dim is symbolic');
  assert.equal(lstm.outputs[0]!.name, 'probs');
  assert.ok(lstm.p50Ms > 0);
  assert.ok(lstm.runs >= 5);
  const xgb = details.trees.find((t) => t.file === 'stacking_xgb_1h.json');
  assert.ok(xgb);
  assert.equal(xgb.format, 'xgboost');
  assert.ok(xgb.trees > 0 && xgb.features === 16);
  const regime = details.trees.find((t) => t.file === 'vol_regime_model.txt');
  assert.ok(regime && regime.classes > 2);
  assert.equal(details.torch.length, 4);
  assert.ok(details.torch.every((t) => t.storages > 0));
});

test('with a manifest inside the bundle, integrity compares every size and hash', async (t) => {
  const dir = await copySample(t);
  await writeManifest(dir);
  const report = await healthcheck(dir);
  const integrity = check(report, 'integrity');
  assert.equal(integrity.status, 'pass', integrity.message);
  assert.match(integrity.message, /every size and sha256 matches manifest\.json/);
  assert.equal(check(report, 'config').status, 'pass', 'the manifest is not an unlisted artifact');
  assert.equal(report.files, 21);
});

test('a .tar.gz of the sample is extracted, checked, and the extraction folder removed', async (t) => {
  const work = await tempDir(t);
  const tarball = path.join(work, 'macd_models_final_20260220_145749.tar.gz');
  execFileSync('tar', ['-czf', tarball, '-C', sampleDir, '.']);
  const scratch = path.join(work, 'scratch');
  await mkdir(scratch);
  const report = await healthcheck(tarball, { workDir: scratch });
  assert.equal(report.passed, true, report.checks.map((c) => `${c.name}: ${c.message}`).join('\n'));
  assert.equal(report.files, 21);
  assert.deepEqual(await readdir(scratch), [], 'the extraction folder is removed');
});

test('the job summary shows one row per check, the inference result and the golden and ONNX tables', async () => {
  const report = await healthcheck(sampleDir);
  const md = renderHealthSummary(report);
  assert.match(md, /^## ✅ Healthcheck passed/);
  // Sizes read as package's progress and release notes write them (decimal units).
  assert.ok(md.includes(`21 files, ${formatSize(report.bytes)}, checked in `));
  assert.ok(check(report, 'integrity').message.startsWith(`21 files, ${formatSize(report.bytes)};`));
  for (const name of HEALTH_CHECKS) assert.match(md, new RegExp(`\\| ${name} \\|`));
  assert.match(md, /\| ✓ \| golden \|/);
  assert.match(md, /\| – \| command \| – \| no command input \|/);
  assert.match(md, new RegExp(`- bull_prob: ${report.inference!.bull_prob}`));
  assert.match(md, /### Golden vectors/);
  assert.match(md, /\| ✓ \| lstm_1h\.onnx \| onnx \| entry \|/);
  assert.match(md, /### ONNX models/);
  assert.match(md, /\| lstm_1h\.onnx \| `x` float32\[batch, 48, 16\]/);
  assert.doesNotMatch(md, /What needs attention/);
});

test('a model without a golden entry gets a smoke run and is reported as golden: none', async (t) => {
  const dir = await copySample(t);
  const file = path.join(dir, 'golden.json');
  const golden = JSON.parse(await readFile(file, 'utf8')) as { models: Record<string, unknown> };
  delete golden.models['tft_1h.onnx'];
  delete golden.models['vol_regime_model.txt'];
  await writeFile(file, JSON.stringify(golden));
  const report = await healthcheck(dir);
  const check_ = check(report, 'golden');
  assert.equal(check_.status, 'pass', check_.message);
  assert.match(
    check_.message,
    /2 models without an entry got a smoke run: tft_1h\.onnx, vol_regime_model\.txt$/,
  );
  const rows = (
    check_.details as {
      models: { model: string; golden: string; status: string; maxAbsDiff: number | null }[];
    }
  ).models;
  for (const model of ['tft_1h.onnx', 'vol_regime_model.txt']) {
    const row = rows.find((r) => r.model === model);
    assert.deepEqual([row?.golden, row?.status, row?.maxAbsDiff], ['none', 'pass', null]);
  }
  assert.match(renderHealthSummary(report), /\| ✓ \| tft_1h\.onnx \| onnx \| none \(smoke run\) \|/);
});
