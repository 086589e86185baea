import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { configSchema, type ShadowConfig } from '../../src/core/config/schema.js';
import {
  COMMENT_LIMIT,
  COMMENT_MARKER,
  fitMarkdown,
  gateProblems,
  renderComment,
  renderShadowMarkdown,
  renderTrainingMarkdown,
} from '../../src/core/gate/render.js';
import { evaluateShadowGate, type ShadowGateResult } from '../../src/core/gate/shadow.js';
import type { RuleOutcome, TrainingGateResult } from '../../src/core/gate/training.js';
import { writeTradeLogs } from '../support/trade-logs.js';

function fences(text: string): number {
  return text.split('\n').filter((l) => l.trimStart().startsWith('```')).length;
}

function trainingResult(ruleCount: number): TrainingGateResult {
  const rules: RuleOutcome[] = [];
  for (let i = 0; i < ruleCount; i++) {
    const failed = i % 7 === 0;
    rules.push({
      scope: 'global',
      subject: 'global',
      metric: `models.model_${i}.oof_auc`,
      value: 0.5 + (i % 50) / 1000,
      threshold: 'min 0.52, max_drop 0.02',
      baseline: 0.53,
      change: -0.01,
      severity: 'fail',
      status: failed ? 'fail' : 'pass',
      message: `models.model_${i}.oof_auc ${0.5 + (i % 50) / 1000} ${failed ? 'is below the minimum 0.52' : 'holds min 0.52'} | with a pipe`,
    });
  }
  return {
    passed: false,
    verdict: 'fail',
    enabledHorizons: ['1h'],
    horizons: {
      '1h': { passed: true, failures: [] },
      '4h': { passed: false, failures: ['4h test_auc 0.4874 is below the minimum 0.52'] },
    },
    rules,
    warnings: ['1h overfit: val_auc 0.8331 - test_auc 0.548 = 0.2851 is above warn.overfit_gap 0.15'],
    metrics: { horizons: { '1h': { oof_auc: 0.5879 } }, base: {}, models: {} },
  };
}

let root: string;
let shadow: ShadowGateResult;
before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'modelgate-render-'));
  const logs = await writeTradeLogs(root, {
    records: 600,
    corruptLines: 2,
    start: new Date('2026-02-20T00:00:00Z'),
  });
  const config = configSchema.parse({
    release: { name: 'r', artifacts: [{ path: 'a.onnx', kind: 'onnx' }] },
    gate: { shadow: {} },
  });
  shadow = await evaluateShadowGate({
    files: logs.files,
    config: config.gate.shadow as ShadowConfig,
    since: new Date(0),
  });
});
after(() => rm(root, { recursive: true, force: true }));

describe('gate report rendering', () => {
  it('renders a training result: rules with change, horizons, warnings', () => {
    const md = renderTrainingMarkdown(trainingResult(3), {
      manifest: 'macd_models_final_20260220_145749',
      baseline: 'macd_models_final_20260101_000000',
    });
    assert.match(md, /^## ❌ modelgate training gate: fail\n/);
    assert.match(md, /\*\*Enabled horizons:\*\* `1h` · disabled: `4h`/);
    assert.match(
      md,
      /\*\*Release:\*\* `macd_models_final_20260220_145749` · \*\*baseline:\*\* `macd_models_final_20260101_000000`/,
    );
    assert.match(md, /\| rule \| value \| threshold \| status \| change \|/);
    assert.match(
      md,
      /\| models\.model_0\.oof_auc \| 0\.5 \| min 0\.52, max_drop 0\.02 \| ❌ fail \| -0\.01 \(from 0\.53\) \|/,
    );
    assert.match(md, /\| models\.model_1\.oof_auc \| 0\.501 \| .* \| ✅ pass \|/);
    assert.match(md, /\| 4h \| ❌ no \| 4h test_auc 0\.4874 is below the minimum 0\.52 \|/);
    assert.match(md, /### Warnings\n\n- 1h overfit/);
    // A pipe in a message does not break the table.
    assert.match(md, /- models\.model_0\.oof_auc 0\.5 is below the minimum 0\.52 \| with a pipe/);
  });

  it('renders a shadow result with the histogram as a Mermaid chart', () => {
    const md = renderShadowMarkdown(shadow);
    assert.match(md, /^## ✅ modelgate shadow gate: pass\n/);
    assert.match(md, /\| ml_coverage \| 1 \| min 0\.8 \| ✅ pass \|/);
    assert.match(
      md,
      /\| bull_prob_std \(collapse, built-in\) \| 0\.0\d+ \| min 0\.001 \(collapse_std\) \| ✅ pass \|/,
    );
    const chart =
      /```mermaid\nxychart-beta\n {4}title "bull_prob, 600 predictions"\n {4}x-axis "bull_prob \(bin start\)" \[("\d\.\d\d", ){19}"0\.95"\]\n {4}y-axis "bars" 0 --> (\d+)\n {4}bar \[([\d, ]+)\]\n```/.exec(
        md,
      );
    assert.ok(chart, md);
    const counts = (chart[3] ?? '').split(', ').map(Number);
    assert.equal(counts.length, 20);
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      600,
    );
    assert.equal(Number(chart[2]), Math.max(...counts));
    assert.match(md, /### Warnings\n\n- 2 line\(s\) are not JSON objects/);
    assert.match(md, /### Bad lines \(first 2\)/);
    assert.equal(fences(md), 2);
  });

  it('renders an inconclusive shadow result as not judged', () => {
    const md = renderShadowMarkdown({
      ...shadow,
      verdict: 'inconclusive',
      passed: false,
      rules: shadow.rules.map((r) => ({ ...r, status: 'skip' as const })),
    });
    assert.match(md, /^## ⏳ modelgate shadow gate: inconclusive/);
    assert.match(md, /\| ml_coverage \| 1 \| min 0\.8 \| ⏸️ not judged \|/);
  });

  it('keeps a short comment whole, behind the marker', () => {
    const md = renderShadowMarkdown(shadow);
    assert.equal(renderComment(md), `${COMMENT_MARKER}\n${md}`);
  });

  it('cuts a huge rules table to 65,536 characters with a pointer to the job summary', () => {
    const md = renderTrainingMarkdown(trainingResult(5000));
    assert.ok(md.length > 3 * COMMENT_LIMIT, `only ${md.length} characters`);
    const comment = renderComment(md, 'https://github.com/acme/models/actions/runs/1');
    assert.ok(comment.length <= COMMENT_LIMIT, `${comment.length} characters`);
    assert.ok(comment.length > COMMENT_LIMIT - 2000, `cut far more than needed: ${comment.length}`);
    assert.ok(comment.startsWith(`${COMMENT_MARKER}\n## ❌ modelgate training gate: fail`));
    assert.match(
      comment,
      /_… \d+ more line\(s\) cut to fit a GitHub comment; the full report is in the \[job summary\]\(https:\/\/github\.com\/acme\/models\/actions\/runs\/1\)\._/,
    );
    // The short sections after the long ones survive.
    assert.match(comment, /### Horizons/);
    assert.match(comment, /### Warnings\n\n- 1h overfit/);
    // Table rows are cut whole.
    for (const line of comment.split('\n')) if (line.startsWith('| models.')) assert.match(line, /\|$/);
  });

  it('never leaves the Mermaid block open when cutting a shadow report', () => {
    const files = Array.from({ length: 4000 }, (_, i) => ({
      path: `/var/tmp/modelgate-logs/trades_${String(20260101 + i)}.jsonl`,
      lines: 288,
      records: 288,
      corrupt: 0,
      invalid: 0,
      outside_window: 0,
      future_bars: 0,
    }));
    const big = { ...shadow, metrics: { ...shadow.metrics, files } };
    const comment = renderComment(renderShadowMarkdown(big));
    assert.ok(comment.length <= COMMENT_LIMIT);
    assert.equal(fences(comment), 2);
    assert.match(comment, /```mermaid\nxychart-beta/);
    assert.match(comment, /the full report is in this run's job summary/);
  });

  it('shortens a single line longer than the limit', () => {
    const md = `## title\n\n${'x'.repeat(200_000)}\n\n### Warnings\n\n- w\n`;
    const out = fitMarkdown(md, 1000, (n) => `(${n} cut)`);
    assert.ok(out.length <= 1000, String(out.length));
    assert.match(out, /^## title/);
  });

  it('turns failing rules into error annotations and warnings into warnings', () => {
    const problems = gateProblems({ mode: 'training', result: trainingResult(8) }, 'manifest.json');
    assert.deepEqual(
      problems.map((p) => p.severity),
      ['error', 'error'],
    );
    assert.equal(problems[0]?.file, 'manifest.json');
  });
});
