/**
 * Verification through a `deploy.logs` command (the journalctl form), rather than a log file:
 * `{since}` is the restart time, and lines printed before the restart are not counted.
 */
import assert from 'node:assert/strict';
import { readlink } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { deploy } from '../../src/core/deploy/deploy.js';
import { dropOverlap, logSource } from '../../src/core/deploy/verify.js';
import { createLocalTransport } from '../../src/core/remote/local.js';
import { makeServerDir, serviceActive, startService } from '../support/service.js';
import { makeRelease, tempDir, testConfig } from './fixtures.js';

// Like `journalctl --since @{since}`: the app.log lines from that second on (lines without a
// timestamp, such as a traceback's, belong to the line before them).
const SINCE_COMMAND = `awk -v s="$(date -u -d @{since} +%Y-%m-%dT%H:%M:%S)" 'p || $1 >= s { p = 1; print }' logs/app.log`;

test('a logs command with {since} verifies a deploy, and an automatic rollback is judged on its own lines', async (t) => {
  const work = await tempDir(t);
  const dir = await makeServerDir(t);
  await startService(t, dir);
  const config = testConfig(dir, { log_file: undefined, logs: SINCE_COMMAND });
  assert.equal(logSource(config.deploy, dir).kind, 'command');
  const transport = createLocalTransport({ commandTimeoutMs: 60_000 });
  const [good, broken] = await Promise.all([
    makeRelease(work, 'macd_models_final_20260220_145749'),
    makeRelease(work, 'macd_models_final_20260301_090000', { broken: true }),
  ]);
  const first = await deploy({
    transport,
    config: config.deploy,
    tarball: good.tarball,
    manifest: good.manifest,
    phase: 'shadow',
    log: () => {},
    pollMs: 150,
  });
  assert.equal(first.status, 'deployed', first.reason);
  assert.ok(first.logLines.some((l) => l.includes('stacking loaded')));
  // The broken release's traceback is in the log when the rollback restarts, within the
  // same second: the rollback's verification must not count it.
  const second = await deploy({
    transport,
    config: config.deploy,
    tarball: broken.tarball,
    manifest: broken.manifest,
    phase: 'shadow',
    log: () => {},
    pollMs: 150,
  });
  assert.equal(second.status, 'rolled-back', second.reason);
  assert.match(second.reason ?? '', /Traceback/);
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${good.id}`);
  assert.ok(await serviceActive(dir));
});

test('a logs command that fails is reported, not scanned', async (t) => {
  const work = await tempDir(t);
  const dir = await makeServerDir(t);
  await startService(t, dir);
  const config = testConfig(dir, {
    log_file: undefined,
    logs: 'echo ERROR from the log tool >&2; exit 4 # {since}',
    verify: { expect: ['stacking'], fail: ['ERROR'], timeout: '2s', settle: '0s' },
  });
  const release = await makeRelease(work, 'macd_models_final_20260220_145749');
  const result = await deploy({
    transport: createLocalTransport({ commandTimeoutMs: 60_000 }),
    config: config.deploy,
    tarball: release.tarball,
    manifest: release.manifest,
    phase: 'shadow',
    log: () => {},
    pollMs: 150,
  });
  assert.equal(result.status, 'failed');
  assert.match(
    result.reason ?? '',
    /within 2 s \(deploy\.verify\.timeout\) the log since the restart lacks "stacking" and the log command \(deploy\.logs\) exited with 4/,
  );
});

test('lines printed before the restart are dropped from the start of the output', () => {
  const before = '-- Journal begins at Mon --\nold line\nTraceback (most recent call last):\n';
  const after =
    '-- Journal begins at Mon, ends at Tue --\nold line\nTraceback (most recent call last):\nstarting\nstacking loaded\n';
  assert.deepEqual(dropOverlap(before, after), ['starting', 'stacking loaded', '']);
  assert.deepEqual(dropOverlap('', 'a\nb'), ['a', 'b']);
  // Only a shared start is dropped: the same line later on is new.
  assert.deepEqual(dropOverlap('x\n', 'y\nx\n'), ['y', 'x', '']);
});
