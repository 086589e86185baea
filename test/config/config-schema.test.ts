/** The JSON Schema shipped for editors is the loader's schema, and the sample config meets both. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { loadConfig, parseConfig } from '../../src/core/config/load.js';
import { configJsonSchema } from '../../scripts/emit-schema.js';
import { repoRoot } from '../support/shared.js';

const schemaFile = path.join(repoRoot, 'schema', 'modelgate.schema.json');

test('schema/modelgate.schema.json is generated from the config schema and up to date', () => {
  assert.equal(readFileSync(schemaFile, 'utf8'), configJsonSchema());
});

test('samples/modelgate.yml validates against the JSON Schema and loads', async () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  const sample = parse(readFileSync(path.join(repoRoot, 'samples', 'modelgate.yml'), 'utf8'));
  assert.ok(validate(sample), JSON.stringify(validate.errors));
  const { config } = await loadConfig('samples/modelgate.yml', repoRoot);
  assert.equal(config.release.artifacts.length, 21);
  assert.equal(config.deploy?.port, 22222);
});

test('the JSON Schema rejects what the loader rejects', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  assert.equal(
    validate({ release: { name: 'x', artifacts: [{ path: 'a.onnx', kind: 'tensorflow' }] } }),
    false,
  );
  assert.equal(
    validate({ release: { name: 'x', artifacts: [{ path: 'a.onnx', kind: 'onnx' }] }, extra: 1 }),
    false,
  );
});

test('each parse gets its own defaults: changing one parsed config never changes the next', async () => {
  const minimal = [
    'release:',
    '  name: x',
    '  artifacts: [{ path: a.onnx, kind: onnx }]',
    'gate:',
    '  shadow: {}',
    'deploy:',
    '  host: 127.0.0.1',
    '  path: /opt/x',
    '  restart: "true"',
    '  is_active: "true"',
    '',
  ].join('\n');
  const first = parseConfig(minimal, 'modelgate.yml').config;
  const second = parseConfig(minimal, 'modelgate.yml').config;
  assert.deepEqual(first, second);
  first.gate.training.horizons['1h']!.oof_auc!.min = 0.99;
  first.gate.shadow!.rules['ml_coverage']!.min = 0.01;
  first.deploy!.verify.fail.push('Segfault');
  first.deploy!.flags.shadow['X'] = '1';
  const third = parseConfig(minimal, 'modelgate.yml').config;
  assert.deepEqual(third, second);
  assert.equal(second.gate.training.horizons['4h']!.oof_auc!.min, 0.55);
});
