/**
 * Each bad config gives one message naming the file, the line, the field and what was
 * expected. The expected strings are written out by hand from the config contract.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig, parseConfig } from '../../src/core/config/load.js';
import { ConfigError } from '../../src/core/errors.js';

const VALID = `release:
  name: macd_models_final
  artifacts:
    - { path: lstm_1h.onnx, kind: onnx }
    - { path: stacking_meta_1h.json, kind: json }
    - { path: stacking_meta_1h.pkl, kind: pickle }
    - { path: stacking_lgb_1h.txt, kind: lightgbm }
  stacking:
    meta: stacking_meta_1h.json
    learner: stacking_meta_1h.pkl
    base: [stacking_lgb_1h.txt]
gate:
  training:
    horizons:
      1h: { oof_auc: { min: 0.55 }, n_oof: { min: 10000 } }
deploy:
  path: /opt/macd-analysis
  restart: systemctl restart macd-analysis
  is_active: systemctl is-active macd-analysis
`;

function messageOf(text: string): string {
  try {
    parseConfig(text, 'modelgate.yml');
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('the config was accepted');
}

test('a valid config loads with the seed defaults filled in', () => {
  const { config } = parseConfig(VALID, 'modelgate.yml');
  assert.equal(config.release.golden, 'golden.json');
  assert.equal(config.deploy?.port, 22);
  assert.equal(config.deploy?.models_dir, 'models');
  assert.deepEqual(config.deploy?.verify.fail, ['Traceback', 'ERROR', 'CRITICAL']);
  assert.equal(config.gate.training.warn.overfit_gap, 0.15);
  assert.equal(config.gate.training.horizons['1h']?.n_oof?.severity, 'fail');
});

const cases: [string, string, string][] = [
  [
    'a word where a number belongs',
    VALID.replace('n_oof: { min: 10000 }', 'n_oof: { min: "ten thousand" }'),
    'modelgate.yml:15 gate.training.horizons.1h.n_oof.min: expected a number, got "ten thousand"',
  ],
  [
    'an unknown artifact kind',
    VALID.replace('kind: onnx', 'kind: tensorflow'),
    'modelgate.yml:4 release.artifacts[0].kind: expected one of "onnx", "torch", "lightgbm", "xgboost", "pickle", "json", got "tensorflow"',
  ],
  [
    'a misspelt field',
    VALID.replace('  restart:', '  restrat:'),
    'modelgate.yml:18 deploy.restrat: unknown field "restrat": did you mean "restart"?',
  ],
  [
    'a missing release name',
    VALID.replace('  name: macd_models_final\n', ''),
    'modelgate.yml:1 release.name: is required: expected a string',
  ],
  [
    'an empty artifact list',
    VALID.replace(/ {2}artifacts:\n( {4}- .*\n)+/, '  artifacts: []\n'),
    'modelgate.yml:3 release.artifacts: expected at least 1 item(s), got a list of 0',
  ],
  [
    'a path that climbs out of the bundle',
    VALID.replace('path: lstm_1h.onnx', 'path: ../lstm_1h.onnx'),
    'modelgate.yml:4 release.artifacts[0].path: expected a path relative to the bundle, without ".." or a leading "/", got "../lstm_1h.onnx"',
  ],
  [
    'a stacking base that is not an artifact',
    VALID.replace('base: [stacking_lgb_1h.txt]', 'base: [stacking_xgb_1h.json]'),
    'modelgate.yml:11 release.stacking.base[0]: "stacking_xgb_1h.json" is not in release.artifacts; add it there or remove it from the base list',
  ],
  [
    'an artifact listed twice',
    VALID.replace(
      '    - { path: stacking_lgb_1h.txt, kind: lightgbm }\n',
      '    - { path: stacking_lgb_1h.txt, kind: lightgbm }\n    - { path: lstm_1h.onnx, kind: onnx }\n',
    ),
    'modelgate.yml:8 release.artifacts[4].path: "lstm_1h.onnx" is listed twice (also at release.artifacts[0])',
  ],
  [
    'a port out of range',
    VALID.replace('  path: /opt', '  port: 70000\n  path: /opt'),
    'modelgate.yml:17 deploy.port: expected at most 65535, got 70000',
  ],
  [
    'a duration without a unit',
    VALID.replace(
      '  is_active: systemctl is-active macd-analysis\n',
      '  is_active: systemctl is-active macd-analysis\n  verify: { timeout: "soon" }\n',
    ),
    'modelgate.yml:20 deploy.verify.timeout: expected a duration such as "60s", "24h" or "2d", got "soon"',
  ],
  [
    'a target that is neither ssh nor local',
    VALID.replace('  path: /opt', '  target: ftp\n  path: /opt'),
    'modelgate.yml:17 deploy.target: expected one of "ssh", "local", got "ftp"',
  ],
  [
    'a flag name that is not an environment variable',
    VALID.replace(
      '  is_active: systemctl is-active macd-analysis\n',
      '  is_active: systemctl is-active macd-analysis\n  flags:\n    shadow: { "ML-STACKING": "0" }\n',
    ),
    'modelgate.yml:21 deploy.flags.shadow.ML-STACKING: expected an environment variable name, got "ML-STACKING"',
  ],
  [
    'an unknown top-level section',
    VALID + 'alerts: {}\n',
    'modelgate.yml:20 alerts: unknown field "alerts"; expected one of release, gate, deploy, rollback',
  ],
  [
    'min above max',
    VALID.replace('oof_auc: { min: 0.55 }', 'oof_auc: { min: 0.55, max: 0.5 }'),
    'modelgate.yml:15 gate.training.horizons.1h.oof_auc: min (0.55) is greater than max (0.5)',
  ],
  ['broken YAML', VALID.replace('  stacking:\n', '  stacking: [\n'), 'modelgate.yml:9 YAML syntax error'],
  [
    'a list at the top level',
    '- release\n',
    'modelgate.yml:1 (top level): expected a mapping with release, gate, deploy and rollback sections',
  ],
];

for (const [what, text, expected] of cases) {
  test(`config error: ${what}`, () => {
    const message = messageOf(text);
    if (what === 'broken YAML') assert.ok(message.startsWith(expected), message);
    else assert.equal(message, expected);
  });
}

test('a missing config file names the path and the fix', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cfg-'));
  await assert.rejects(loadConfig('modelgate.yml', dir), (error: Error) => {
    assert.equal(
      error.message,
      `modelgate.yml: config file not found (looked in ${path.join(dir, 'modelgate.yml')}); create it (see samples/modelgate.yml) or set the config input`,
    );
    return true;
  });
  await writeFile(path.join(dir, 'modelgate.yml'), VALID);
  const loaded = await loadConfig('modelgate.yml', dir);
  assert.equal(loaded.lineOf(['deploy', 'restart']), 18);
});
