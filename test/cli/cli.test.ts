/**
 * The CLI as a user runs it (bin/modelgate.js over the committed dist/cli): the inputs come
 * from action.yml, outputs are JSON on stdout, and a bad config is one line on stderr with
 * exit code 2.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadActionSpec, ACTION_NAMES } from '../../src/core/inputs/table.js';
import { repoRoot } from '../support/shared.js';

const bin = path.join(repoRoot, 'bin', 'modelgate.js');

function modelgate(args: string[], cwd = repoRoot) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--help lists the five commands; <command> --help lists every input of its action.yml', () => {
  const help = modelgate(['--help']);
  assert.equal(help.code, 0);
  for (const name of ACTION_NAMES) assert.match(help.stdout, new RegExp(`^  ${name} `, 'm'));
  for (const name of ACTION_NAMES) {
    const r = modelgate([name, '--help']);
    assert.equal(r.code, 0);
    for (const input of loadActionSpec(name).inputs)
      assert.match(r.stdout, new RegExp(`^  --${input.name} `, 'm'), `${name} --${input.name}`);
  }
});

test('a config error is one line on stderr naming file, line and field, with exit code 2', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-'));
  const config = readFileSync(path.join(repoRoot, 'samples', 'modelgate.yml'), 'utf8').replace(
    'n_oof: { min: 10000 }',
    'n_oof: { min: "ten thousand" }',
  );
  writeFileSync(path.join(dir, 'modelgate.yml'), config);
  const line = config.split('\n').findIndex((l) => l.includes('ten thousand')) + 1;
  const r = modelgate(['gate', '--manifest', 'm.json'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    `modelgate gate: modelgate.yml:${line} gate.training.horizons.1h.n_oof.min: expected a number, got "ten thousand"\n`,
  );
});

test('unknown flags and missing inputs are usage errors (exit 2) naming the input', () => {
  const unknown = modelgate(['healthcheck', '--bundel', 'x', '--config', 'samples/modelgate.yml']);
  assert.equal(unknown.code, 2);
  assert.match(
    unknown.stderr,
    /unknown input --bundel for healthcheck \(did you mean --bundle\?\); valid inputs: --bundle, /,
  );
  const missing = modelgate(['rollback', '--config', 'samples/modelgate.yml']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /Input required and not supplied: level/);
  const bad = modelgate([
    'deploy',
    '--tarball',
    'x.tar.gz',
    '--phase',
    'live',
    '--config',
    'samples/modelgate.yml',
  ]);
  assert.equal(bad.code, 2);
});

test('a healthcheck prints its outputs as JSON on stdout and its summary on stderr', () => {
  const r = modelgate([
    'healthcheck',
    '--bundle',
    'samples/release',
    '--config',
    'samples/modelgate.yml',
    '--report',
    path.join(os.tmpdir(), `hc-${process.pid}.json`),
  ]);
  assert.equal(r.code, 0, r.stderr);
  const outputs = JSON.parse(r.stdout) as Record<string, string>;
  assert.deepEqual(Object.keys(outputs).sort(), ['duration-ms', 'files', 'inference', 'passed', 'report']);
  assert.equal(outputs.passed, 'true');
  assert.match(r.stderr, /golden/);
});

test('an inconclusive shadow gate exits 3, a failed one 1', async () => {
  const { writeTradeLogs } = await import('../support/trade-logs.js');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-gate-'));
  await writeTradeLogs(path.join(dir, 'few'), { records: 3 });
  await writeTradeLogs(path.join(dir, 'flat'), {
    records: 300,
    distribution: { kind: 'constant', value: 0.5 },
  });
  const args = (logs: string) => [
    'gate',
    '--mode',
    'shadow',
    '--logs',
    `${logs}/*.jsonl`,
    '--since',
    '2026-01-01T00:00:00Z',
    '--config',
    path.join(repoRoot, 'samples', 'modelgate.yml'),
  ];
  const few = modelgate(args('few'), dir);
  assert.equal(few.code, 3, few.stderr);
  assert.equal((JSON.parse(few.stdout) as { verdict: string }).verdict, 'inconclusive');
  const flat = modelgate(args('flat'), dir);
  assert.equal(flat.code, 1, flat.stderr);
  assert.equal((JSON.parse(flat.stdout) as { verdict: string }).verdict, 'fail');
});

test('a deploy or rollback stopped by an error still prints status failed on stdout', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-'));
  const r = modelgate([
    'rollback',
    '--target',
    'local',
    '--path',
    dir,
    '--level',
    'release',
    '--to',
    'nope_20260101_000000',
    '--config',
    path.join(repoRoot, 'samples', 'modelgate.yml'),
  ]);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { status: 'failed' });
  assert.match(
    r.stderr,
    /modelgate rollback: rollback release: releases\/nope_20260101_000000 is not on local/,
  );
});

test('a report path that cannot be written is an input error naming the report input', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-'));
  const blocker = path.join(dir, 'modelgate.yml');
  writeFileSync(blocker, 'not a folder');
  const r = modelgate([
    'healthcheck',
    '--bundle',
    'samples/release',
    '--config',
    'samples/modelgate.yml',
    '--report',
    path.join(blocker, 'report.json'),
  ]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(
    r.stderr,
    /modelgate healthcheck: input report: cannot write the report to .*modelgate\.yml\/report\.json \(a file stands where a folder of the path should be\); set report to a writable file path/,
  );
});

test('a secret not given as a flag is read from its MODELGATE_ environment variable', () => {
  const args = ['rollback', '--level', 'stacking', '--target', 'ssh', '--host', '127.0.0.1', '--port', '1'];
  const config = ['--username', 'u', '--config', 'samples/modelgate.yml'];
  const without = modelgate([...args, ...config]);
  assert.match(without.stderr, /Input required and not supplied: private-key/);
  const r = spawnSync(process.execPath, [bin, ...args, ...config], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', MODELGATE_PRIVATE_KEY: 'not a key' },
  });
  // Past the key: the next thing missing is the host key.
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /Input required and not supplied: known-hosts/);
  assert.doesNotMatch(r.stderr, /not a key/);
});

test('a flag given twice is refused', () => {
  const twice = modelgate(['healthcheck', '--bundle', 'samples/release', '--bundle', 'samples/seed']);
  assert.equal(twice.code, 2);
  assert.match(twice.stderr, /--bundle is given twice; give it once/);
});
