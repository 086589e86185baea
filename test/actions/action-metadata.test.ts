/** Every action.yml carries design.md's contract: inputs, outputs, runtime, entry, branding. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ACTION_NAMES, loadActionSpec } from '../../src/core/inputs/table.js';
import { actionSpecsModule, ACTION_SPECS_FILE } from '../../scripts/action-specs.js';
import { rootActionYaml } from '../../scripts/root-action.js';
import { ACTION_SPECS } from '../../src/core/inputs/action-specs.js';
import { repoRoot } from '../support/shared.js';

// design.md "Action contracts": the names workflows rely on.
const CONTRACT: Record<string, { inputs: string[]; outputs: string[] }> = {
  healthcheck: {
    inputs: ['bundle', 'manifest', 'report', 'command', 'config'],
    outputs: ['passed', 'report', 'files', 'duration-ms', 'inference'],
  },
  package: {
    inputs: ['bundle', 'name', 'timestamp', 'output-dir', 'upload-artifact', 'config'],
    outputs: ['tarball', 'manifest', 'notes', 'release-id', 'sha256', 'size', 'artifact-id'],
  },
  deploy: {
    inputs: [
      'tarball',
      'manifest',
      'phase',
      'target',
      'path',
      'host',
      'port',
      'username',
      'private-key',
      'passphrase',
      'known-hosts',
      'dry-run',
      'config',
    ],
    outputs: ['release-id', 'previous-release-id', 'status'],
  },
  gate: {
    inputs: [
      'mode',
      'manifest',
      'logs',
      'since',
      'host',
      'port',
      'username',
      'private-key',
      'passphrase',
      'known-hosts',
      'comment',
      'config',
    ],
    outputs: ['passed', 'enabled-horizons', 'metrics', 'report'],
  },
  rollback: {
    inputs: [
      'level',
      'to',
      'target',
      'path',
      'host',
      'port',
      'username',
      'private-key',
      'passphrase',
      'known-hosts',
      'dry-run',
      'config',
    ],
    outputs: ['release-id', 'level', 'status'],
  },
};

for (const name of ACTION_NAMES) {
  test(`actions/${name}/action.yml declares the contract's inputs and outputs and runs on node24`, () => {
    const spec = loadActionSpec(name);
    assert.equal(spec.main, `../../dist/${name}/index.js`);
    const inputs = spec.inputs.map((i) => i.name);
    for (const input of CONTRACT[name]!.inputs)
      assert.ok(inputs.includes(input), `${name} lacks input ${input}`);
    const outputs = spec.outputs.map((o) => o.name);
    for (const output of CONTRACT[name]!.outputs)
      assert.ok(outputs.includes(output), `${name} lacks output ${output}`);
    assert.equal(spec.inputs.find((i) => i.name === 'config')?.default, 'modelgate.yml');
    const yml = readFileSync(spec.file, 'utf8');
    assert.match(yml, /using: 'node24'/);
    assert.match(yml, /branding:\n {2}icon: '[a-z-]+'\n {2}color: '[a-z]+'/);
  });
}

test('the root action.yml is generated from the five and up to date', () => {
  assert.equal(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8'), rootActionYaml());
});

test('secrets are declared without defaults that could leak them', () => {
  for (const name of ['deploy', 'gate', 'rollback'] as const) {
    const spec = loadActionSpec(name);
    for (const secret of ['private-key', 'passphrase'])
      assert.equal(spec.inputs.find((i) => i.name === secret)?.default, '');
  }
});

test('the input tables the CLI loads are generated from the action.yml files and up to date', () => {
  assert.equal(readFileSync(path.join(repoRoot, ACTION_SPECS_FILE), 'utf8'), actionSpecsModule());
  for (const name of ACTION_NAMES) {
    const { file: _file, ...fromYaml } = loadActionSpec(name);
    assert.deepEqual(ACTION_SPECS[name], fromYaml);
  }
});
