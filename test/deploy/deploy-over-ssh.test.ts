/**
 * Deploy and rollback through a real OpenSSH sshd on 127.0.0.1 (test/support/sshd.ts), with
 * the real test service restarted by the configured command on the "server" side. The
 * connection-cut test runs through a TCP relay (test/support/relay.ts) that delivers a fixed
 * number of bytes and that the test can sever, as a network would.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import { deploy, type DeployOptions } from '../../src/core/deploy/deploy.js';
import { rollback, type RollbackOptions } from '../../src/core/deploy/rollback.js';
import { ModelgateError } from '../../src/core/errors.js';
import { connectSsh } from '../../src/core/remote/ssh.js';
import type { Transport } from '../../src/core/remote/transport.js';
import {
  appLog,
  makeServerDir,
  SERVICE_SCRIPT,
  serviceActive,
  startService,
  stopService,
} from '../support/service.js';
import { relay } from '../support/relay.js';
import { generateKey, startSshd, type Sshd } from '../support/sshd.js';
import { history, makeDotDotTarball, makeRelease, tempDir, testConfig, type Release } from './fixtures.js';

const run = promisify(execFile);
const FIRST = 'macd_models_final_20260220_145749';
const SECOND = 'macd_models_final_20260301_090000';
const THIRD = 'macd_models_final_20260302_090000';

interface Session {
  sshd: Sshd;
  connect(port?: number, knownHosts?: string): Promise<Transport>;
}

async function session(t: TestContext): Promise<Session | undefined> {
  const sshd = await startSshd(t);
  if (!sshd) return undefined;
  const open: Transport[] = [];
  t.after(async () => {
    for (const transport of open) await transport.close().catch(() => undefined);
  });
  return {
    sshd,
    connect: async (port = sshd.port, knownHosts?: string) => {
      const transport = await connectSsh({
        host: sshd.host,
        port,
        username: sshd.username,
        privateKey: sshd.privateKey,
        knownHosts: knownHosts ?? sshd.knownHostsLine.replace(`]:${sshd.port} `, `]:${port} `),
        commandTimeoutMs: 60_000,
        retries: 0,
      });
      open.push(transport);
      return transport;
    },
  };
}

function options(
  transport: Transport,
  config: ReturnType<typeof testConfig>,
  release: Release,
  extra: Partial<DeployOptions> = {},
): DeployOptions {
  return {
    transport,
    config: config.deploy,
    tarball: release.tarball,
    manifest: release.manifest,
    phase: 'shadow',
    log: () => {},
    pollMs: 150,
    ...extra,
  };
}

function rollbackOptions(
  transport: Transport,
  config: ReturnType<typeof testConfig>,
  extra: Partial<RollbackOptions> = {},
): RollbackOptions {
  return {
    transport,
    config: config.deploy,
    rollback: config.rollback,
    level: 'stacking',
    log: () => {},
    pollMs: 150,
    ...extra,
  };
}

test('over ssh: deploy, promote, every rollback level and a second deploy', async (t) => {
  const s = await session(t);
  if (!s) return;
  const work = await tempDir(t);
  const dir = await makeServerDir(t, { models: { 'lstm_1h.onnx': 'old lstm', 'stacking_meta.json': '{}' } });
  await startService(t, dir);
  const config = testConfig(dir, { target: 'ssh' });
  const transport = await s.connect();
  const [first, second] = await Promise.all([makeRelease(work, FIRST), makeRelease(work, SECOND)]);

  const dry = await deploy(options(transport, config, first, { dryRun: true }));
  assert.equal(dry.status, 'dry-run');
  assert.equal(existsSync(path.join(dir, '.modelgate')), false);

  const d1 = await deploy(options(transport, config, first, { runId: 'ssh-1' }));
  assert.equal(d1.status, 'deployed', d1.reason);
  const adopted = d1.previousReleaseId ?? '';
  assert.match(adopted, /^pre-modelgate-/);
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${FIRST}`);
  assert.ok(d1.logLines.some((l) => l.includes('stacking loaded (ML_ENABLE_STACKING=0, shadow)')));

  const p1 = await deploy(options(transport, config, first, { phase: 'promote', runId: 'ssh-2' }));
  assert.equal(p1.status, 'promoted', p1.reason);
  assert.match(await readFile(path.join(dir, '.env'), 'utf8'), /^ML_ENABLE_STACKING=1$/m);

  const s1 = await rollback(rollbackOptions(transport, config, { level: 'stacking', runId: 'ssh-3' }));
  assert.equal(s1.status, 'rolled-back', s1.reason);
  assert.equal((await readFile(path.join(dir, '.env'), 'utf8')).match(/ML_ENABLE_STACKING=0/g)?.length, 1);
  assert.equal(
    (await rollback(rollbackOptions(transport, config, { level: 'stacking' }))).status,
    'unchanged',
  );

  const d2 = await deploy(options(transport, config, second, { runId: 'ssh-4' }));
  assert.equal(d2.status, 'deployed', d2.reason);
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${SECOND}`);
  assert.equal(await readlink(path.join(dir, 'backup', 'macd_models_backup.tar.gz')), `${FIRST}.tar.gz`);

  const r1 = await rollback(rollbackOptions(transport, config, { level: 'release', runId: 'ssh-5' }));
  assert.equal(r1.status, 'rolled-back', r1.reason);
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${FIRST}`);
  assert.equal(
    (await rollback(rollbackOptions(transport, config, { level: 'release' }))).status,
    'unchanged',
  );

  const m1 = await rollback(rollbackOptions(transport, config, { level: 'ml-off', runId: 'ssh-6' }));
  assert.equal(m1.status, 'rolled-back', m1.reason);
  assert.match(await readFile(path.join(dir, 'live_config.py'), 'utf8'), /use_ml_enhancement = False/);
  assert.match(await appLog(dir), /ML disabled/);
  assert.equal((await rollback(rollbackOptions(transport, config, { level: 'ml-off' }))).status, 'unchanged');

  const entries = await history(dir);
  assert.deepEqual(
    entries
      .filter((e) => typeof e.run_id === 'string' && e.run_id.startsWith('ssh-'))
      .map((e) => [e.run_id, e.action, e.result]),
    [
      ['ssh-1', 'deploy', 'deployed'],
      ['ssh-2', 'promote', 'promoted'],
      ['ssh-3', 'rollback', 'rolled-back'],
      ['ssh-4', 'deploy', 'deployed'],
      ['ssh-5', 'rollback', 'rolled-back'],
      ['ssh-6', 'rollback', 'rolled-back'],
    ],
  );
  assert.equal(existsSync(path.join(dir, '.modelgate', 'lock')), false);
  assert.ok(await serviceActive(dir));
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('over ssh: a connection cut during the upload leaves production untouched, and the retry resumes', async (t) => {
  const s = await session(t);
  if (!s) return;
  const work = await tempDir(t);
  const dir = await makeServerDir(t);
  await startService(t, dir);
  const config = testConfig(dir, { target: 'ssh' });
  const first = await makeRelease(work, FIRST);
  const big = await makeRelease(work, SECOND, { size: 6 * 1024 * 1024 });
  const direct = await s.connect();
  assert.equal((await deploy(options(direct, config, first))).status, 'deployed');
  const envBefore = await readFile(path.join(dir, '.env'), 'utf8');
  const pidBefore = await readFile(path.join(dir, 'run', 'macd.pid'), 'utf8');

  const tarball = await readFile(big.tarball);
  const total = tarball.length;
  assert.equal(big.manifest.bundle?.size, total);
  // The deploy's connection carries at most half the tarball's size each way (handshake and
  // commands included), then holds the rest back: the upload can never finish through it,
  // and more than a third of the tarball always reaches the server, so the cut below always
  // lands between a third and a half, whatever the speed of either side.
  const budget = Math.floor(total / 2);
  const link = await relay(t, s.sshd.port, budget);
  const transport = await s.connect(link.port);
  let cutAt: number | undefined;
  const error = await deploy(
    options(transport, config, big, {
      runId: 'ssh-cut',
      // Only a guard against a hang: the budget keeps the upload from finishing, the cut ends it.
      uploadStallMs: 30_000,
      onUploadProgress: (p) => {
        if (cutAt === undefined && p.sent > total / 3) {
          cutAt = p.sent;
          link.cut();
        }
      },
    }),
  ).then(
    () => assert.fail('the deploy through the cut connection succeeded'),
    (thrown: unknown) => thrown,
  );
  assert.ok(error instanceof ModelgateError, `expected a ModelgateError, got ${String(error)}`);
  assert.ok(cutAt !== undefined, 'the connection was cut during the upload');
  const part = path.join(dir, '.modelgate', 'incoming', `${SECOND}.tar.gz.part`);
  // The transport's own report of the cut (not the stall guard, not a later step).
  const match = new RegExp(
    `upload to ${escapeRegExp(part)} stopped after (\\d+) of ${total} bytes were confirmed written \\(.+\\): lost the connection to 127\\.0\\.0\\.1:${link.port} \\(.+\\); the partial file holds them, so a retry can resume at byte \\1$`,
  ).exec(error.message);
  assert.ok(match, error.message);
  assert.equal(error.kind, 'remote');
  const confirmed = Number(match[1]);
  assert.ok(confirmed >= cutAt, `${confirmed} bytes confirmed, cut at ${cutAt}`);

  // Production untouched: same release live, same flags, the service never restarted; the
  // lock released (over a new connection) and the refusal recorded.
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${FIRST}`);
  assert.deepEqual(await readFile(path.join(dir, 'models', 'lstm_1h.onnx')), first.files['lstm_1h.onnx']);
  assert.equal(await readFile(path.join(dir, '.env'), 'utf8'), envBefore);
  assert.equal(await readFile(path.join(dir, 'run', 'macd.pid'), 'utf8'), pidBefore, 'not restarted');
  assert.ok(await serviceActive(dir), 'the service still runs');
  assert.equal(existsSync(path.join(dir, '.modelgate', 'lock')), false);
  assert.equal(existsSync(path.join(dir, 'releases', SECOND)), false);
  const failed = (await history(dir)).at(-1);
  assert.deepEqual([failed?.run_id, failed?.result], ['ssh-cut', 'failed']);
  assert.match(String(failed?.reason), /lost the connection/);

  // The partial upload: at least every confirmed byte, no more than the relay let through,
  // and exactly the start of the tarball.
  const partial = await readFile(part);
  assert.ok(
    partial.length >= confirmed && partial.length < budget,
    `the partial file has ${partial.length} bytes (confirmed ${confirmed}, budget ${budget}, tarball ${total})`,
  );
  assert.ok(
    partial.equals(tarball.subarray(0, partial.length)),
    'the partial file is a prefix of the tarball',
  );

  // The retry, over a direct connection, resumes from the partial file instead of starting over.
  const lines: string[] = [];
  const resent: number[] = [];
  const retry = await deploy(
    options(direct, config, big, {
      runId: 'ssh-retry',
      log: (l) => lines.push(l),
      onUploadProgress: (p) => resent.push(p.sent),
    }),
  );
  assert.equal(retry.status, 'deployed', retry.reason);
  assert.ok(
    lines.some((l) => l.includes('resuming the upload at')),
    lines.join('\n'),
  );
  assert.match(retry.steps.find((step) => step.name === 'upload')?.message ?? '', /^resumed at /);
  assert.ok(
    resent.length > 0 && resent.every((sent) => sent > partial.length),
    'nothing before the partial file was sent again',
  );
  assert.equal(resent.at(-1), total);
  assert.equal(existsSync(part), false, 'the partial file was used up');
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${SECOND}`);
  assert.deepEqual(await readFile(path.join(dir, 'models', 'lstm_1h.onnx')), big.files['lstm_1h.onnx']);
  assert.deepEqual(
    (await history(dir)).map((e) => e.result),
    ['deployed', 'failed', 'deployed'],
  );
});

test('over ssh: a release that breaks the service is rolled back; two deploys at once do not interleave', async (t) => {
  const s = await session(t);
  if (!s) return;
  const work = await tempDir(t);
  const dir = await makeServerDir(t);
  await startService(t, dir);
  const config = testConfig(dir, { target: 'ssh' });
  const [first, broken, second, third] = await Promise.all([
    makeRelease(work, FIRST),
    makeRelease(work, 'macd_models_final_20260225_000000', { broken: true }),
    makeRelease(work, SECOND),
    makeRelease(work, THIRD),
  ]);
  const transport = await s.connect();
  assert.equal((await deploy(options(transport, config, first))).status, 'deployed');

  const failed = await deploy(options(transport, config, broken));
  assert.equal(failed.status, 'rolled-back');
  assert.match(failed.reason ?? '', /Traceback/);
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${FIRST}`);
  assert.ok(await serviceActive(dir));

  const other = await s.connect();
  const results = await Promise.all([
    deploy(options(transport, config, second, { runId: 'a' })),
    deploy(options(other, config, third, { runId: 'b' })),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['deployed', 'deployed'],
  );
  const entries = (await history(dir)).slice(-2);
  assert.equal(entries[1]?.previous, entries[0]?.id);
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${String(entries[1]?.id)}`);
  assert.equal(existsSync(path.join(dir, '.modelgate', 'lock')), false);
});

test('over ssh: bad checksum, ".." entries, a full disk and shell metacharacters change nothing', async (t) => {
  const s = await session(t);
  if (!s) return;
  const work = await tempDir(t);
  const canary = path.join(work, 'pwned');
  const parent = path.join(work, `x; touch ${canary} $(touch ${canary}2) 'q`);
  await mkdir(parent, { recursive: true });
  const dir = await makeServerDir(t, { parent, name: 'macd analysis' });
  await startService(t, dir);
  const config = testConfig(dir, {
    target: 'ssh',
    flags: { file: '.env', shadow: { ML_ENABLE_STACKING: '0', NOTE: `$(touch ${canary}3)` }, promote: {} },
  });
  const transport = await s.connect();
  const first = await makeRelease(work, FIRST);
  const result = await deploy(options(transport, config, first));
  assert.equal(result.status, 'deployed', result.reason);
  assert.match(await readFile(path.join(dir, '.env'), 'utf8'), /^NOTE='\$\(touch .*pwned3\)'$/m);
  for (const suffix of ['', '2', '3']) assert.equal(existsSync(`${canary}${suffix}`), false);

  const second = await makeRelease(work, SECOND);
  const tampered = { ...second.manifest, bundle: { ...second.manifest.bundle!, sha256: 'b'.repeat(64) } };
  await assert.rejects(
    deploy({ ...options(transport, config, second), manifest: tampered }),
    /does not match the manifest's bundle\.sha256/,
  );
  const evil = await makeDotDotTarball(work, THIRD);
  await assert.rejects(deploy(options(transport, config, evil)), /\.\.\/escape\.txt/);
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${FIRST}`);
  assert.equal(existsSync(path.join(dir, 'releases', SECOND)), false);
  assert.equal(existsSync(path.join(dir, 'releases', THIRD)), false);
  assert.equal((await history(dir)).length, 1);

  // A full disk: a 1 MiB tmpfs as the service directory.
  const small = await mkdtemp(path.join(os.tmpdir(), 'modelgate-fulldisk-ssh-'));
  const smallDir = path.join(small, 'macd-analysis');
  let mounted = false;
  t.after(async () => {
    await stopService(smallDir);
    if (mounted) await run('umount', [small]).catch(() => run('umount', ['-l', small]));
    await rm(small, { recursive: true, force: true });
  });
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small]);
    mounted = true;
  } catch {
    console.log('# full-disk part skipped: cannot mount a tmpfs here (needs root)');
    return;
  }
  await makeServerDir(t, { parent: small, models: { 'lstm_1h.onnx': 'old lstm' } });
  await run(process.execPath, [SERVICE_SCRIPT, 'start', smallDir]);
  const smallConfig = testConfig(smallDir, { target: 'ssh' });
  const large = await makeRelease(work, 'macd_models_final_20260303_000000', { size: 300 * 1024 });
  await assert.rejects(
    deploy(options(transport, smallConfig, large)),
    /not enough free space at .*Nothing was uploaded/,
  );
  assert.equal(existsSync(path.join(smallDir, '.modelgate', 'incoming')), false);
  assert.equal(await readFile(path.join(smallDir, 'models', 'lstm_1h.onnx'), 'utf8'), 'old lstm');
});

test('over ssh: an unknown host key is refused before anything reaches the server', async (t) => {
  const s = await session(t);
  if (!s) return;
  const dir = await makeServerDir(t);
  const other = await generateKey(s.sshd.dir, 'not_the_host_key');
  await assert.rejects(
    s.connect(
      s.sshd.port,
      `[127.0.0.1]:${s.sshd.port} ${other.publicKey.split(' ').slice(0, 2).join(' ')}\n`,
    ),
    /host key for 127\.0\.0\.1:\d+ does not match known-hosts/,
  );
  await assert.rejects(
    s.connect(s.sshd.port, `deploy.example.com ${other.publicKey}\n`),
    /is not in known-hosts/,
  );
  assert.equal(existsSync(path.join(dir, '.modelgate')), false);
  assert.doesNotMatch(s.sshd.log(), /Accepted publickey/);
});
