import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../src/core/errors.js';
import {
  createLineParser,
  DEFAULT_FIELDS,
  isSevereError,
  resolveFieldPaths,
} from '../../src/core/gate/trade-log.js';

const parse = createLineParser(DEFAULT_FIELDS);

describe('trade-log line parser', () => {
  it('reads the design.md example line', () => {
    const line =
      '{"ts":"2026-02-20T15:00:00Z","symbol":"BTCUSDT","ml":{"shadow_mode":true,"bull_prob":0.452,' +
      '"regime":"ranging","direction":"neutral","stacking":{"active":true,"prob":0.47},' +
      '"lstm":{"ok":true,"prob":0.51},"tft":{"ok":true,"prob":0.49},"errors":[]}}';
    assert.deepEqual(parse(line), {
      ok: true,
      record: {
        ts: Date.parse('2026-02-20T15:00:00Z'),
        bullProb: 0.452,
        stackingActive: true,
        lstmOk: true,
        tftOk: true,
        errors: 0,
        severeErrors: 0,
      },
    });
  });

  it('takes a bar without ml, or with a null bull_prob, as a bar without coverage', () => {
    for (const line of [
      '{"ts":1771599600}',
      '{"ts":1771599600000,"ml":null}',
      '{"ts":"2026-02-20T15:00:00Z","ml":{"bull_prob":null}}',
    ]) {
      const parsed = parse(line);
      assert.ok(parsed.ok, line);
      assert.equal(parsed.record.bullProb, undefined);
      assert.equal(parsed.record.ts, 1771599600000);
    }
  });

  it('tells corrupt lines from lines with missing or mistyped fields', () => {
    assert.deepEqual(parse('[1,2]'), { ok: false, kind: 'corrupt', reason: 'not a JSON object' });
    const truncated = parse('{"ts":"2026-02-20T15:0');
    assert.equal(truncated.ok, false);
    assert.equal(!truncated.ok && truncated.kind, 'corrupt');
    assert.deepEqual(parse('{"symbol":"BTCUSDT"}'), {
      ok: false,
      kind: 'invalid',
      reason: 'ts is missing: every bar needs a timestamp',
    });
    assert.deepEqual(parse('{"ts":"yesterday"}'), {
      ok: false,
      kind: 'invalid',
      reason: 'ts is "yesterday": expected an ISO-8601 time or unix seconds',
    });
    assert.deepEqual(parse('{"ts":1,"ml":{"bull_prob":"0.4"}}'), {
      ok: false,
      kind: 'invalid',
      reason: 'ml.bull_prob: expected a number, got "0.4"',
    });
    assert.deepEqual(parse('{"ts":1,"ml":{"lstm":{"ok":"yes"}}}'), {
      ok: false,
      kind: 'invalid',
      reason: 'ml.lstm.ok: expected true or false, got "yes"',
    });
    assert.deepEqual(parse('{"ts":1,"ml":{"errors":"boom"}}'), {
      ok: false,
      kind: 'invalid',
      reason: 'ml.errors: expected a list, got "boom"',
    });
  });

  it('counts severe errors: strings, and objects at error level or above', () => {
    const parsed = parse(
      JSON.stringify({
        ts: 1,
        ml: {
          errors: [
            'Traceback ...',
            { level: 'warning', msg: 'slow' },
            { severity: 'CRITICAL' },
            { level: 'error' },
            { msg: 'no level' },
            { level: 'info' },
          ],
        },
      }),
    );
    assert.ok(parsed.ok);
    assert.equal(parsed.record.errors, 6);
    assert.equal(parsed.record.severeErrors, 4);
    assert.equal(isSevereError({ level: 'Warn' }), false);
  });

  it('refuses unknown field names and malformed paths', () => {
    assert.throws(() => resolveFieldPaths({ bull: 'ml.p' }), ConfigError);
    assert.throws(() => resolveFieldPaths({ bull_prob: 'ml..p' }), /expected a dotted path/);
    assert.throws(
      () => createLineParser(resolveFieldPaths({ bull_prob: 'ts' }), 'gate.yml'),
      (e: unknown) => {
        assert.ok(e instanceof ConfigError);
        assert.match(e.message, /^gate\.yml: gate\.shadow\.fields: two fields share the path ts;/);
        assert.equal(e.file, 'gate.yml');
        return true;
      },
    );
    assert.throws(
      () => createLineParser(resolveFieldPaths({ bull_prob: 'ts.p' })),
      /^ConfigError: modelgate\.yml: gate\.shadow\.fields: ts\.p runs through another field/,
    );
    assert.equal(resolveFieldPaths({ bull_prob: 'pred.p' }).bull_prob, 'pred.p');
  });
});
