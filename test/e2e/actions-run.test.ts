/**
 * The bundles do their real work when run as the runner runs them: healthcheck passes the
 * sample release (onnxruntime-node's native binary loaded from the vendored copy), package
 * writes its outputs, and the gate runs in both modes.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/shared.js';
import { writeTradeLogs } from '../support/trade-logs.js';
import { runAction } from './harness.js';

const release = path.join(repoRoot, 'samples', 'release');
const config = readFileSync(path.join(repoRoot, 'samples', 'modelgate.yml'), 'utf8');

test('healthcheck: the sample release passes every check from the bundled action', async () => {
  const run = await runAction('healthcheck', {
    with: { bundle: release },
    files: { 'modelgate.yml': config },
  });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(run.outputs.passed, 'true');
  assert.equal(run.outputs.files, '21');
  assert.ok(Number(run.outputs['duration-ms']) > 0);
  const inference = JSON.parse(run.outputs.inference!) as {
    bull_prob: number;
    regime: string;
    direction: string;
  };
  const golden = JSON.parse(readFileSync(path.join(release, 'golden.json'), 'utf8')) as {
    inference: typeof inference;
  };
  assert.deepEqual(inference, golden.inference);
  const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8')) as {
    passed: boolean;
    checks: { name: string; status: string; details?: { trees?: { file: string; thread: string }[] } }[];
  };
  // The bundle found its tree worker (dist/chunks/tree-worker.cjs): without it every model is
  // parsed on the main thread with the same results, so only this says the worker ran.
  const trees = report.checks.find((c) => c.name === 'load')?.details?.trees ?? [];
  assert.equal(trees.length, 7);
  assert.ok(
    trees.some((t) => t.thread === 'worker'),
    `no tree model was parsed on the worker: ${trees.map((t) => `${t.file} ${t.thread}`).join(', ')}`,
  );
  assert.deepEqual(
    report.checks.map((c) => c.name),
    ['config', 'integrity', 'safety', 'load', 'stacking', 'golden', 'inference', 'command'],
  );
  assert.ok(report.checks.every((c) => c.status === 'pass' || (c.name === 'command' && c.status === 'skip')));
  assert.match(run.summary, /lstm_1h\.onnx/);
  assert.equal(run.annotations.filter((a) => a.command === 'error').length, 0);
});

test('package: writes the tarball, manifest and notes, and skips the upload without a runtime token', async () => {
  const run = await runAction('package', {
    with: { bundle: release, timestamp: '20260220_145749', 'output-dir': 'out' },
    files: { 'modelgate.yml': config },
  });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(run.outputs['release-id'], 'macd_models_final_20260220_145749');
  assert.equal(
    run.outputs.tarball,
    path.join(run.workspace, 'out', 'macd_models_final_20260220_145749.tar.gz'),
  );
  assert.ok(existsSync(run.outputs.tarball!));
  assert.match(run.outputs.sha256!, /^[0-9a-f]{64}$/);
  assert.equal(run.outputs['artifact-id'], '');
  const manifest = JSON.parse(readFileSync(run.outputs.manifest!, 'utf8')) as {
    id: string;
    bundle: { sha256: string };
  };
  assert.equal(manifest.bundle.sha256, run.outputs.sha256);
  assert.match(run.outputs.notes!, /macd_models_final_20260220_145749/);
  assert.ok(run.summary.length > 1000);
  const warning = run.annotations.find(
    (a) => a.command === 'warning' && /ACTIONS_RUNTIME_TOKEN/.test(a.data),
  );
  assert.ok(warning, run.stdout);
});

test('gate training: the sample manifest enables 1h only and passes', async () => {
  const pkg = await runAction('package', {
    with: { bundle: release, timestamp: '20260220_145749', 'output-dir': 'out', 'upload-artifact': 'false' },
    files: { 'modelgate.yml': config },
  });
  assert.equal(pkg.code, 0, pkg.stderr);
  const run = await runAction('gate', {
    with: { mode: 'training', manifest: pkg.outputs.manifest! },
    workspace: pkg.workspace,
  });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(run.outputs.verdict, 'pass');
  assert.equal(run.outputs['enabled-horizons'], '1h');
  const errors = run.annotations.filter((a) => a.command === 'error').map((a) => a.data);
  assert.ok(
    errors.some((e) => /4h/.test(e) && /test_auc/.test(e)),
    errors.join('\n'),
  );
  assert.ok(
    errors.some((e) => /24h/.test(e) && /n_oof/.test(e)),
    errors.join('\n'),
  );
});

test('gate shadow: healthy logs pass, collapsed predictions fail, too few records are inconclusive', async () => {
  const healthy = await runAction('gate', {
    with: { mode: 'shadow', logs: 'logs/*.jsonl', since: '2026-02-19T00:00:00Z' },
    files: { 'modelgate.yml': config },
  });
  // No files yet: the glob matches nothing.
  assert.notEqual(healthy.code, 0);

  const cases = [
    { name: 'healthy', options: { records: 400 }, code: 0, verdict: 'pass' },
    {
      name: 'collapsed',
      options: { records: 400, distribution: { kind: 'constant' as const, value: 0.5 } },
      code: 1,
      verdict: 'fail',
    },
    { name: 'few', options: { records: 5 }, code: 0, verdict: 'inconclusive' },
  ];
  for (const c of cases) {
    const first = await runAction('gate', {
      with: { mode: 'shadow', logs: 'x' },
      files: { 'modelgate.yml': config },
    });
    await writeTradeLogs(path.join(first.workspace, 'logs'), {
      ...c.options,
      start: new Date('2026-02-20T00:00:00Z'),
    });
    const run = await runAction('gate', {
      with: { mode: 'shadow', logs: 'logs/*.jsonl', since: '2026-02-19T00:00:00Z' },
      workspace: first.workspace,
    });
    assert.equal(run.outputs.verdict, c.verdict, `${c.name}: ${run.stdout}`);
    assert.equal(run.code, c.code, `${c.name}: ${run.stdout}`);
    assert.match(run.summary, /```mermaid/);
  }
});
