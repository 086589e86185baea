import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { configSchema, type ShadowConfig } from '../../src/core/config/schema.js';
import { ConfigError } from '../../src/core/errors.js';
import { evaluateShadowGate, type ShadowGateResult } from '../../src/core/gate/shadow.js';
import { writeTradeLogs, type TradeLogOptions } from '../support/trade-logs.js';

const START = new Date('2026-02-20T00:00:00Z');
const DAY = 288; // 5-minute bars

function shadowConfig(overrides: Record<string, unknown> = {}): ShadowConfig {
  const config = configSchema.parse({
    release: { name: 'macd_models_final', artifacts: [{ path: 'lstm_1h.onnx', kind: 'onnx' }] },
    gate: { shadow: overrides },
  });
  return config.gate.shadow as ShadowConfig;
}

let root: string;
let counter = 0;
before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'modelgate-shadow-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Generates logs and gates them with `now` just after the last bar, so the 2d window holds them. */
async function gate(
  logs: TradeLogOptions,
  options: { config?: Record<string, unknown>; forPromotion?: boolean; since?: Date } = {},
): Promise<{ result: ShadowGateResult; files: string[] }> {
  const dir = path.join(root, `case-${++counter}`);
  const generated = await writeTradeLogs(dir, { start: START, ...logs });
  const now = new Date(generated.last.getTime() + 60_000);
  const result = await evaluateShadowGate({
    files: generated.files,
    config: shadowConfig(options.config),
    now,
    ...(options.since ? { since: options.since } : {}),
    ...(options.forPromotion ? { forPromotion: true } : {}),
  });
  return { result, files: generated.files };
}

function rule(result: ShadowGateResult, metric: string) {
  const found = result.rules.find((r) => r.metric === metric);
  assert.ok(found, `no rule ${metric} in ${result.rules.map((r) => r.metric).join(', ')}`);
  return found;
}

describe('shadow gate on generated trade logs', () => {
  it('passes healthy logs and reports every metric', async () => {
    const { result } = await gate({ records: DAY });
    assert.equal(result.verdict, 'pass');
    assert.equal(result.passed, true);
    assert.deepEqual(result.messages, ['shadow gate passed on 288 bar(s) over 23.9 h: every rule holds']);
    const m = result.metrics;
    assert.equal(m.records, DAY);
    assert.equal(m.ml_coverage, 1);
    assert.equal(m.stacking_activation, 1);
    assert.equal(m.lstm_ok_rate, 1);
    assert.equal(m.tft_ok_rate, 1);
    assert.equal(m.severe_errors, 0);
    assert.equal(m.hours_covered, (DAY - 1) / 12);
    assert.ok(m.bull_prob);
    assert.ok(Math.abs(m.bull_prob.mean - 0.5) < 0.01, `mean ${m.bull_prob.mean}`);
    assert.ok(m.bull_prob.std > 0.04 && m.bull_prob.std < 0.06, `std ${m.bull_prob.std}`);
    assert.ok(m.bull_prob.p05 < m.bull_prob.p50 && m.bull_prob.p50 < m.bull_prob.p95);
    assert.equal(m.bull_prob.histogram.edges.length, 21);
    assert.equal(
      m.bull_prob.histogram.counts.reduce((a, b) => a + b, 0),
      DAY,
    );
    for (const r of result.rules) assert.equal(r.status, 'pass', r.message);
    assert.deepEqual(result.warnings, []);
  });

  it('fails low ML coverage, naming ml_coverage', async () => {
    const { result } = await gate({ records: DAY, coverage: 0.5 });
    assert.equal(result.verdict, 'fail');
    assert.equal(result.passed, false);
    assert.equal(result.metrics.ml_coverage, 0.5);
    assert.equal(result.metrics.ml_records, DAY / 2);
    assert.equal(rule(result, 'ml_coverage').status, 'fail');
    assert.deepEqual(result.messages.slice(1), ['ml_coverage 0.5 is below the minimum 0.8']);
    assert.match(
      result.summary,
      /^shadow gate failed on 288 bar\(s\) over 23\.9 h: ml_coverage 0\.5 is below the minimum 0\.8$/,
    );
    // The rates over covered bars are unaffected.
    assert.equal(rule(result, 'stacking_activation').status, 'pass');
  });

  it('fails when stacking is off', async () => {
    const { result } = await gate({ records: DAY, stackingActive: 0 });
    assert.equal(result.verdict, 'fail');
    assert.equal(result.metrics.stacking_activation, 0);
    assert.deepEqual(result.messages.slice(1), ['stacking_activation 0 is below the minimum 0.9']);
  });

  it('fails a model whose normal-output rates are low', async () => {
    const { result } = await gate({ records: 480, lstmOk: 0.9, tftOk: 0.75 });
    assert.equal(result.verdict, 'fail');
    assert.equal(result.metrics.lstm_ok_rate, 0.9);
    assert.equal(result.metrics.tft_ok_rate, 0.75);
    assert.deepEqual(result.messages.slice(1), [
      'lstm_ok_rate 0.9 is below the minimum 0.95',
      'tft_ok_rate 0.75 is below the minimum 0.8',
    ]);
  });

  it('fails collapsed predictions even though they sit inside the range', async () => {
    const { result } = await gate({ records: DAY, distribution: { kind: 'constant', value: 0.512 } });
    assert.equal(result.verdict, 'fail');
    assert.equal(rule(result, 'bull_prob_in_range').status, 'pass');
    assert.equal(result.metrics.bull_prob_in_range, 1);
    const collapse = rule(result, 'bull_prob_std');
    assert.equal(collapse.scope, 'builtin');
    assert.equal(collapse.status, 'fail');
    assert.equal(result.metrics.bull_prob?.p50, 0.512);
    assert.equal(result.messages.length, 2);
    assert.match(
      result.messages[1] ?? '',
      /^bull_prob collapsed: std \S+ is below collapse_std 0\.001 \(every prediction is about 0\.512\); a model that always says the same is broken, even inside the range$/,
    );
  });

  it('fails a nearly constant model too, with collapse_std from the config', async () => {
    const near = { records: DAY, distribution: { kind: 'normal' as const, mean: 0.5, std: 0.0004 } };
    assert.equal((await gate(near)).result.verdict, 'fail');
    const relaxed = await gate(near, { config: { collapse_std: 0.0001 } });
    assert.equal(relaxed.result.verdict, 'pass', relaxed.result.summary);
  });

  it('fails predictions outside the range', async () => {
    const { result } = await gate({
      records: DAY * 2,
      distribution: { kind: 'uniform', low: 0.5, high: 0.9 },
    });
    assert.equal(result.verdict, 'fail');
    const inRange = rule(result, 'bull_prob_in_range');
    assert.equal(inRange.status, 'fail');
    assert.ok(inRange.value !== null && Math.abs(inRange.value - 0.5) < 0.08, `in range ${inRange.value}`);
    assert.match(
      result.messages[1] ?? '',
      /^bull_prob_in_range 0\.\d+ \(share of predictions in \[0\.3, 0\.7\]\) is below the minimum 0\.95$/,
    );
    assert.equal(rule(result, 'bull_prob_std').status, 'pass');
  });

  it('fails on severe errors and tells them from warnings', async () => {
    const { result } = await gate({ records: DAY, severeErrors: 3 });
    assert.equal(result.verdict, 'fail');
    assert.equal(result.metrics.severe_errors, 3);
    assert.deepEqual(result.messages.slice(1), ['severe_errors 3 is above the maximum 0']);
  });

  it('is inconclusive, not failed, with fewer records than min_records', async () => {
    const { result } = await gate({ records: 12, coverage: 0.25 });
    assert.equal(result.verdict, 'inconclusive');
    assert.equal(result.passed, false);
    assert.equal(
      result.summary,
      'inconclusive: 12 bar(s) in the window, fewer than min_records 20; too little data to judge the model, which is not the same as a bad model',
    );
    assert.deepEqual(result.messages, [result.summary]);
    // The values are still shown, but nothing is judged on them.
    assert.equal(result.metrics.ml_coverage, 0.25);
    for (const r of result.rules) assert.equal(r.status, 'skip', r.metric);
  });

  it('counts and reports corrupt lines and lines without fields, and still judges', async () => {
    const { result, files } = await gate({ records: DAY, corruptLines: 5, missingFieldLines: 3 });
    const m = result.metrics;
    assert.equal(m.corrupt_lines, 5);
    assert.equal(m.missing_fields, 3);
    assert.equal(m.records, DAY);
    assert.equal(m.lines, DAY + 8);
    assert.equal(result.verdict, 'pass');
    assert.equal(result.warnings.length, 2);
    assert.match(
      result.warnings[0] ?? '',
      /^5 line\(s\) are not JSON objects and were not counted as bars \(first: .*trades_20260220\.jsonl:\d+ not JSON/,
    );
    assert.match(
      result.warnings[1] ?? '',
      /^3 line\(s\) lack a timestamp .* \(first: .*:\d+ ts is missing: every bar needs a timestamp\)$/,
    );
    // The reported line numbers point at the bad lines themselves.
    const lines = (await readFile(files[0] as string, 'utf8')).split('\n');
    assert.equal(m.problems.length, 8);
    for (const p of m.problems) {
      const text = lines[p.line - 1] ?? '';
      if (p.kind === 'corrupt') assert.throws(() => JSON.parse(text), `line ${p.line}: ${text}`);
      else assert.equal((JSON.parse(text) as { ts?: string }).ts, undefined);
    }
  });

  it('merges daily files and measures hours across them', async () => {
    const { result, files } = await gate({ records: DAY * 3 }, { since: new Date(0) });
    assert.equal(files.length, 3);
    assert.deepEqual(
      files.map((f) => path.basename(f)),
      ['trades_20260220.jsonl', 'trades_20260221.jsonl', 'trades_20260222.jsonl'],
    );
    assert.equal(result.metrics.files.length, 3);
    assert.deepEqual(
      result.metrics.files.map((f) => f.records),
      [DAY, DAY, DAY],
    );
    assert.equal(result.metrics.records, DAY * 3);
    assert.equal(result.metrics.hours_covered, (DAY * 3 - 1) / 12);
    assert.equal(result.metrics.first_ts, '2026-02-20T00:00:00.000Z');
    assert.equal(result.metrics.last_ts, '2026-02-22T23:55:00.000Z');
    assert.equal(result.verdict, 'pass');
  });

  it('takes only the window (2d back from now) out of several days', async () => {
    const { result } = await gate({ records: DAY * 3 });
    // now = last bar + 1 min; the window starts 48 h before it: the last bar and 575 before it.
    assert.equal(result.metrics.records, 576);
    assert.equal(result.metrics.outside_window, DAY * 3 - 576);
    assert.equal(result.metrics.hours_covered, 575 / 12);
    assert.equal(result.window.since, '2026-02-20T23:56:00.000Z');
  });

  it('is inconclusive for promotion before promote_after, and passes as a plain gate', async () => {
    const logs = { records: 72 }; // 6 h
    const promotion = await gate(logs, { forPromotion: true });
    assert.equal(promotion.result.verdict, 'inconclusive');
    assert.equal(
      promotion.result.summary,
      'inconclusive for promotion: the shadow logs cover 5.9 h, less than promote_after 24h; every rule holds so far, promote after it has held that long',
    );
    for (const r of promotion.result.rules) assert.equal(r.status, 'pass');
    assert.equal((await gate(logs)).result.verdict, 'pass');
    assert.equal((await gate({ records: DAY + 1 }, { forPromotion: true })).result.verdict, 'pass');
  });

  it('does not count bars dated after its clock: one bar from next year cannot satisfy promote_after', async () => {
    const dir = path.join(root, `case-${++counter}`);
    const generated = await writeTradeLogs(dir, { start: START, records: 72 }); // 6 h
    const last = generated.files[generated.files.length - 1] as string;
    const lines = (await readFile(last, 'utf8')).trimEnd().split('\n');
    const bar = JSON.parse(lines[lines.length - 1] as string) as { ts: string };
    const now = new Date(generated.last.getTime() + 60_000);
    // A bar four minutes ahead is clock skew and counts; one a year ahead does not.
    const skewed = new Date(now.getTime() + 4 * 60_000).toISOString();
    const nextYear = new Date(now.getTime() + 365 * 86_400_000).toISOString();
    await appendFile(
      last,
      `${JSON.stringify({ ...bar, ts: skewed })}\n${JSON.stringify({ ...bar, ts: nextYear })}\n`,
    );

    const evaluate = (config: Record<string, unknown> = {}) =>
      evaluateShadowGate({ files: generated.files, config: shadowConfig(config), now, forPromotion: true });
    const { verdict, metrics, warnings } = await evaluate();
    assert.equal(verdict, 'inconclusive');
    assert.equal(metrics.records, 73);
    assert.equal(metrics.future_bars, 1);
    assert.equal(metrics.files.at(-1)?.future_bars, 1);
    assert.ok(metrics.hours_covered < 7, `hours_covered ${metrics.hours_covered}`);
    assert.ok(
      warnings.some(
        (w) =>
          w.startsWith("1 bar(s) are dated more than 5 min after the gate's clock") &&
          w.includes('timedatectl'),
      ),
      warnings.join('\n'),
    );
    // A rule on future_bars makes them fatal.
    const strict = await evaluate({ rules: { future_bars: { max: 0 } } });
    assert.equal(strict.verdict, 'fail');
    assert.equal(rule(strict, 'future_bars').value, 1);
  });

  it('fails a log whose every bar is from the future on a future_bars rule, though too few bars remain', async () => {
    const dir = path.join(root, `case-${++counter}`);
    const generated = await writeTradeLogs(dir, { start: START, records: 100 });
    // The runner's clock is eight hours behind the service that wrote the bars.
    const now = new Date(START.getTime() - 8 * 3_600_000);
    const evaluate = (config: Record<string, unknown> = {}) =>
      evaluateShadowGate({ files: generated.files, config: shadowConfig(config), now });
    const plain = await evaluate();
    assert.equal(plain.verdict, 'inconclusive');
    assert.equal(plain.metrics.future_bars, 100);
    assert.match(
      plain.summary,
      /; 100 bar\(s\) dated after the gate's clock were not counted \(see the warnings\)$/,
    );
    const strict = await evaluate({ rules: { future_bars: { max: 0 } } });
    assert.equal(strict.verdict, 'fail');
    assert.equal(rule(strict, 'future_bars').status, 'fail');
    assert.match(
      strict.summary,
      /^shadow gate failed on the trade logs \(0 bar\(s\) over .*fewer than min_records 20\): future_bars /,
    );
    // Rules on the model itself (here the built-in collapse rule) are still not judged on no data.
    assert.equal(rule(strict, 'bull_prob_std').status, 'skip');
  });

  it('fails a broken model before promote_after rather than waiting', async () => {
    const { result } = await gate({ records: 72, coverage: 0.1 }, { forPromotion: true });
    assert.equal(result.verdict, 'fail');
  });

  it('reads rotated .gz logs like plain ones', async () => {
    const dir = path.join(root, 'gz');
    const generated = await writeTradeLogs(dir, { start: START, records: DAY * 2, corruptLines: 2 });
    const plain = await evaluateShadowGate({
      files: generated.files,
      config: shadowConfig(),
      since: new Date(0),
    });
    execFileSync('gzip', ['-k', generated.files[0] as string]);
    const gz = await evaluateShadowGate({
      files: [`${generated.files[0]}.gz`, generated.files[1] as string],
      config: shadowConfig(),
      since: new Date(0),
    });
    const strip = (r: ShadowGateResult) => ({ ...r.metrics, files: [], problems: [] });
    assert.deepEqual(strip(gz), strip(plain));
  });

  it('follows field paths configured in gate.shadow.fields', async () => {
    const file = path.join(root, 'custom.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 30; i++) {
      lines.push(
        JSON.stringify({
          time: 1771545600 + i * 300,
          pred: {
            p: 0.4 + (i % 10) / 50,
            stack: i % 2 === 0,
            lstm_ok: true,
            tft_ok: true,
            errs: i === 3 ? ['boom'] : [],
          },
        }),
      );
    }
    await writeFile(file, lines.join('\n'));
    const result = await evaluateShadowGate({
      files: [file],
      since: new Date(0),
      config: shadowConfig({
        fields: {
          ts: 'time',
          bull_prob: 'pred.p',
          stacking_active: 'pred.stack',
          lstm_ok: 'pred.lstm_ok',
          tft_ok: 'pred.tft_ok',
          errors: 'pred.errs',
        },
      }),
    });
    assert.equal(result.metrics.records, 30);
    assert.equal(result.metrics.ml_coverage, 1);
    assert.equal(result.metrics.stacking_activation, 0.5);
    assert.equal(result.metrics.severe_errors, 1);
    assert.equal(result.metrics.hours_covered, (29 * 300) / 3600);
    assert.deepEqual(result.messages.slice(1), [
      'stacking_activation 0.5 is below the minimum 0.9',
      'severe_errors 1 is above the maximum 0',
    ]);
  });

  it('rejects a rule on an unknown metric and an unknown field name', async () => {
    await assert.rejects(
      evaluateShadowGate({ files: [], config: shadowConfig({ rules: { ml_coverge: { min: 0.8 } } }) }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /gate\.shadow\.rules\.ml_coverge names no shadow metric; use one of ml_coverage/.test(error.message),
    );
    await assert.rejects(
      evaluateShadowGate({ files: [], config: shadowConfig({ fields: { bullprob: 'x.y' } }) }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /gate\.shadow\.fields\.bullprob is not a trade-log field/.test(error.message),
    );
  });

  it('is inconclusive with no file at all', async () => {
    const result = await evaluateShadowGate({ files: [], config: shadowConfig() });
    assert.equal(result.verdict, 'inconclusive');
    assert.equal(result.summary, 'inconclusive: no trade-log file to read; the model is not judged');
  });
});
