/**
 * `npm run demo` walks the whole lifecycle on this machine. Run here in a temporary folder,
 * against the committed dist/cli, and checked by what it prints and leaves behind.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from '../support/shared.js';

const run = promisify(execFile);

test('the demo runs every step, from healthcheck to each rollback level, without network or SSH', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'modelgate-demo-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'scripts', 'demo.ts')],
    {
      cwd: repoRoot,
      env: { ...process.env, MODELGATE_DEMO_DIR: dir },
      timeout: 120_000,
    },
  );
  for (const step of [
    'Healthcheck the release bundle',
    'Package it',
    'Training gate',
    'Deploy in shadow phase',
    'an hour of bars',
    'Shadow gate on the trade logs',
    'Promote',
    'Rollback level stacking: back to the shadow flags',
    'Rollback level release',
    'Rollback level ml-off',
    'Where to look',
  ]) {
    assert.ok(stdout.includes(step), `missing step "${step}" in:\n${stdout}`);
  }
  assert.match(stdout, /enabled-horizons\s+1h/);
  assert.match(stdout, /fail 24h n_oof 992 is below the minimum 10000/);
  assert.match(stdout, /status\s+promoted/);
  const server = path.join(dir, 'server', 'macd-analysis');
  // After the release rollback the hand-installed models are live again, and ML is off.
  assert.match(await readlink(path.join(server, 'models')), /^releases\/pre-modelgate-\d{8}_\d{6}$/);
  assert.match(await readFile(path.join(server, 'live_config.py'), 'utf8'), /use_ml_enhancement = False/);
  const env = await readFile(path.join(server, '.env'), 'utf8');
  assert.equal(env.match(/^ML_ENABLE_STACKING=/gm)?.length, 1);
  const history = (await readFile(path.join(server, '.modelgate', 'history.jsonl'), 'utf8'))
    .trim()
    .split('\n');
  assert.equal(history.length, 5);
});
