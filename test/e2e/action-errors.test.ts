/**
 * Every action, run from a copy of action.yml, actions/ and dist/ with no node_modules, the
 * way the runner runs it: a bad config fails the step with an annotation on the config file
 * and line; a missing required input fails it naming the input.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ACTION_NAMES } from '../../src/core/inputs/table.js';
import { repoRoot } from '../support/shared.js';
import { runAction } from './harness.js';

const sampleConfig = readFileSync(path.join(repoRoot, 'samples', 'modelgate.yml'), 'utf8');
const badConfig = sampleConfig.replace('keep_releases: 5', 'keep_releases: many');
const badLine = badConfig.split('\n').findIndex((l) => l.includes('keep_releases: many')) + 1;

const REQUIRED: Record<string, string> = {
  healthcheck: 'bundle',
  package: 'bundle',
  deploy: 'tarball',
  gate: 'manifest',
  rollback: 'level',
};

for (const name of ACTION_NAMES) {
  test(`${name}: a config error is an ::error annotation on the config file and line`, async () => {
    const run = await runAction(name, { files: { 'modelgate.yml': badConfig } });
    assert.notEqual(run.code, 0, run.stdout + run.stderr);
    const errors = run.annotations.filter((a) => a.command === 'error');
    assert.equal(errors.length, 1, run.stdout);
    assert.equal(errors[0]!.properties.file, 'modelgate.yml');
    assert.equal(errors[0]!.properties.line, String(badLine));
    assert.equal(
      errors[0]!.data,
      `modelgate.yml:${badLine} deploy.keep_releases: expected a number, got "many"`,
    );
    // Deploy and rollback still say how the step ended, for workflows that branch on it.
    if (name === 'deploy' || name === 'rollback') assert.deepEqual(run.outputs, { status: 'failed' });
    else assert.deepEqual(run.outputs, {});
  });

  test(`${name}: a missing required input is named`, async () => {
    const run = await runAction(name, { files: { 'modelgate.yml': sampleConfig } });
    assert.notEqual(run.code, 0);
    const errors = run.annotations.filter((a) => a.command === 'error');
    assert.equal(errors.length, 1, run.stdout);
    assert.match(errors[0]!.data, new RegExp(`^Input required and not supplied: ${REQUIRED[name]}\\b`));
  });
}

test('root action: command picks the action, and a bad command is refused', async () => {
  const bad = await runAction('root', {
    with: { command: 'launch' },
    files: { 'modelgate.yml': sampleConfig },
  });
  assert.notEqual(bad.code, 0);
  assert.match(
    bad.annotations.find((a) => a.command === 'error')!.data,
    /Input command: expected one of healthcheck, package, deploy, gate, rollback, got "launch"/,
  );
  const missing = await runAction('root', {
    with: { command: 'rollback' },
    files: { 'modelgate.yml': sampleConfig },
  });
  assert.match(
    missing.annotations.find((a) => a.command === 'error')!.data,
    /^Input required and not supplied: level/,
  );
});
