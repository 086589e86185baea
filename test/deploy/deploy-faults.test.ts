/**
 * Deploy and rollback when things go wrong, on a `local` target with the real test service.
 * After each fault the test checks what the live models link, the flags file and the
 * history hold: a refusal changes nothing live, a failure after the switch is rolled back.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  appendFile,
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  readlink,
  rm,
  utimes,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import { deploy, type DeployOptions } from '../../src/core/deploy/deploy.js';
import { parseValue } from '../../src/core/deploy/flags.js';
import { layoutFor } from '../../src/core/deploy/target.js';
import { rollback } from '../../src/core/deploy/rollback.js';
import { ModelgateError } from '../../src/core/errors.js';
import { createLocalTransport } from '../../src/core/remote/local.js';
import type { Transport } from '../../src/core/remote/transport.js';
import {
  appLog,
  makeServerDir,
  SERVICE_SCRIPT,
  serviceActive,
  serviceCommands,
  startService,
  stopService,
} from '../support/service.js';
import { history, makeDotDotTarball, makeRelease, tempDir, testConfig, type Release } from './fixtures.js';
import { repoRoot } from '../support/shared.js';

const run = promisify(execFile);
const FIRST = 'macd_models_final_20260220_145749';
const SECOND = 'macd_models_final_20260301_090000';
const SEED_ENV_TEXT = '# macd-analysis settings\nAPI_KEY=not-a-real-key\nML_ENABLE_STACKING=0\n';

interface Server {
  dir: string;
  work: string;
  transport: Transport;
  config: ReturnType<typeof testConfig>;
  first: Release;
  lines: string[];
  options(release: Release, extra?: Partial<DeployOptions>): DeployOptions;
}

/** A server running FIRST (deployed by modelgate), with the service active. */
async function serverWithFirstRelease(
  t: TestContext,
  configOverrides: Record<string, unknown> = {},
  env?: string,
): Promise<Server> {
  const work = await tempDir(t);
  const dir = await makeServerDir(t, env === undefined ? {} : { env });
  await startService(t, dir);
  const config = testConfig(dir, configOverrides);
  const transport = createLocalTransport({ commandTimeoutMs: 60_000 });
  const lines: string[] = [];
  const options = (release: Release, extra: Partial<DeployOptions> = {}): DeployOptions => ({
    transport,
    config: config.deploy,
    tarball: release.tarball,
    manifest: release.manifest,
    phase: 'shadow',
    log: (line) => lines.push(line),
    pollMs: 150,
    ...extra,
  });
  const first = await makeRelease(work, FIRST);
  const result = await deploy(options(first, { runId: 'run-first' }));
  assert.equal(result.status, 'deployed', result.reason);
  return { dir, work, transport, config, first, lines, options };
}

async function waitFor(condition: () => Promise<boolean>, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail('the condition did not come true within 10 s');
}

async function assertLive(server: Server, id: string): Promise<void> {
  assert.equal(await readlink(path.join(server.dir, 'models')), `releases/${id}`);
  assert.equal(existsSync(path.join(server.dir, '.modelgate', 'lock')), false, 'the lock is released');
  assert.equal(
    existsSync(path.join(server.dir, '.modelgate', 'pending.json')),
    false,
    'nothing is left half-done',
  );
}

test('a release whose models fail to load is rolled back automatically; the service runs the old release', async (t) => {
  const server = await serverWithFirstRelease(t);
  const broken = await makeRelease(server.work, SECOND, { broken: true });
  const result = await deploy(server.options(broken, { runId: 'run-broken' }));
  assert.equal(result.status, 'rolled-back');
  assert.match(result.reason ?? '', /Traceback \(most recent call last\)/);
  assert.ok(
    result.logLines.some((l) => l.includes('PytorchStreamReader failed')),
    result.logLines.join('\n'),
  );
  assert.ok(
    result.logLines.some((l) => l.startsWith('(after rollback)') && l.includes('stacking loaded')),
    result.logLines.join('\n'),
  );
  await assertLive(server, FIRST);
  assert.ok(await serviceActive(server.dir));
  assert.equal(await readFile(path.join(server.dir, '.env'), 'utf8'), SEED_ENV_TEXT);
  const last = (await history(server.dir)).at(-1);
  assert.deepEqual(
    [last?.id, last?.previous, last?.result, last?.run_id],
    [SECOND, FIRST, 'rolled-back', 'run-broken'],
  );
  assert.deepEqual(
    result.steps.map((s) => [s.name, s.status]),
    [
      ['tarball', 'pass'],
      ['lock', 'pass'],
      ['preflight', 'pass'],
      ['upload', 'pass'],
      ['extract', 'pass'],
      ['backup', 'pass'],
      ['switch', 'pass'],
      ['flags', 'pass'],
      ['verify', 'fail'],
      ['rollback', 'pass'],
    ],
  );
  // A later rollback does not take the failed release for "the previous one": the first
  // deploy went onto a server without models, and the newest backup is the live release.
  const again = await rollback({
    transport: server.transport,
    config: server.config.deploy,
    rollback: server.config.rollback,
    level: 'release',
    log: () => {},
    pollMs: 150,
  });
  assert.equal(again.status, 'unchanged', again.reason);
  await assertLive(server, FIRST);
});

test('a promote that breaks the service restores the shadow flags', async (t) => {
  const server = await serverWithFirstRelease(t, {}, `${SEED_ENV_TEXT}MACD_TEST_FAIL_LIVE=1\n`);
  const result = await deploy(server.options(server.first, { phase: 'promote', runId: 'run-promote' }));
  assert.equal(result.status, 'rolled-back');
  assert.match(result.reason ?? '', /Traceback/);
  assert.equal(
    await readFile(path.join(server.dir, '.env'), 'utf8'),
    `${SEED_ENV_TEXT}MACD_TEST_FAIL_LIVE=1\n`,
  );
  await assertLive(server, FIRST);
  assert.ok(await serviceActive(server.dir));
  assert.equal((await history(server.dir)).at(-1)?.result, 'rolled-back');
});

test('a backup that tar cannot finish fails the deploy before the switch, and no cut archive is kept', async (t) => {
  const server = await serverWithFirstRelease(t);
  // tar that writes part of an archive and fails, as on a full disk; other uses pass through.
  const bin = path.join(server.work, 'bin');
  await mkdir(bin);
  const realTar = (await run('sh', ['-c', 'command -v tar'])).stdout.trim();
  await writeFile(
    path.join(bin, 'tar'),
    `#!/bin/sh\nif [ "$1" = "-czf" ]; then printf 'cut archive' > "$2"; exit 2; fi\nexec ${realTar} "$@"\n`,
  );
  await chmod(path.join(bin, 'tar'), 0o755);
  const transport = createLocalTransport({
    commandTimeoutMs: 60_000,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
  });
  const second = await makeRelease(server.work, SECOND);
  await assert.rejects(
    deploy(server.options(second, { transport, runId: 'run-second' })),
    /backing up releases\/macd_models_final_20260220_145749/,
  );
  await assertLive(server, FIRST);
  const backups = await readdir(path.join(server.dir, 'backup'));
  assert.ok(
    !backups.some((f) => f.startsWith(FIRST)),
    `no archive of ${FIRST} is kept: ${backups.join(', ')}`,
  );
  assert.ok(await serviceActive(server.dir));
});

/** The server's transport, with `appends` (to the history) failing as a cut connection does. */
function failingAppends(server: Server, failures: number): Transport {
  let left = failures;
  return {
    ...server.transport,
    exec: async (command, options) => {
      if (left > 0 && command.includes('history.jsonl') && command.includes('cat >>')) {
        left--;
        throw new ModelgateError('connection lost (test)', 'remote');
      }
      return server.transport.exec(command, options);
    },
  };
}

test('a history append cut once after a verified deploy is retried, and the deploy stands', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND);
  const result = await deploy({ ...server.options(second), transport: failingAppends(server, 1) });
  assert.equal(result.status, 'deployed', result.reason);
  await assertLive(server, SECOND);
  assert.deepEqual(
    (await history(server.dir)).map((e) => [e.id, e.result]),
    [
      [FIRST, 'deployed'],
      [SECOND, 'deployed'],
    ],
  );
});

test('a history that cannot be written after a verified deploy does not undo it, now or on the next run', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND);
  const result = await deploy({ ...server.options(second), transport: failingAppends(server, 2) });
  assert.equal(result.status, 'deployed', result.reason);
  const step = result.steps.find((s) => s.name === 'history');
  assert.match(
    step?.message ?? '',
    /not recorded in .*history\.jsonl \(connection lost \(test\)\); the release is live and verified/,
  );
  // No pending record is left for the next run to "recover" from.
  await assertLive(server, SECOND);
  const next = await rollback({
    transport: server.transport,
    config: server.config.deploy,
    rollback: server.config.rollback,
    level: 'stacking',
    log: () => {},
    pollMs: 150,
  });
  // The shadow flags are already off: nothing to change, and above all no restore of FIRST.
  assert.equal(next.status, 'unchanged', next.reason);
  assert.equal(await readlink(path.join(server.dir, 'models')), `releases/${SECOND}`);
});

test('a history line cut by a crash is closed before the next entry, so both neighbours survive', async (t) => {
  const server = await serverWithFirstRelease(t);
  await appendFile(path.join(server.dir, '.modelgate', 'history.jsonl'), '{"id":"cut mid-wr');
  const second = await makeRelease(server.work, SECOND);
  const result = await deploy(server.options(second));
  assert.equal(result.status, 'deployed', result.reason);
  const lines = (await readFile(path.join(server.dir, '.modelgate', 'history.jsonl'), 'utf8')).split('\n');
  assert.ok(lines.includes('{"id":"cut mid-wr'), 'the cut line stays on a line of its own');
  assert.deepEqual(
    lines.filter((l) => l.startsWith('{"id":"macd')).map((l) => (JSON.parse(l) as { id: string }).id),
    [FIRST, SECOND],
  );
});

test('a deploy cancelled while it verifies the restart switches back, restores the flags and releases the lock', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND);
  const controller = new AbortController();
  const { deploy: settings } = server.config;
  const result = await deploy(
    server.options(second, {
      // A line only FIRST logs: SECOND's verification would wait the whole 60 s without the
      // cancellation, and the rollback to FIRST verifies at once.
      config: {
        ...settings,
        verify: { ...settings.verify, expect: [`manifest ${FIRST} checked`], timeout: '60s' },
      },
      signal: controller.signal,
      log: (line) => {
        server.lines.push(line);
        if (line.startsWith('restarted:')) controller.abort(new Error('SIGINT'));
      },
    }),
  );
  assert.equal(result.status, 'rolled-back', result.reason);
  assert.match(result.reason ?? '', /^cancelled \(SIGINT\) while verifying the restart/);
  await assertLive(server, FIRST);
  assert.equal(await readFile(path.join(server.dir, '.env'), 'utf8'), SEED_ENV_TEXT);
  assert.deepEqual(
    (await history(server.dir)).map((e) => [e.id, e.result]),
    [
      [FIRST, 'deployed'],
      [SECOND, 'rolled-back'],
    ],
  );
  assert.ok(await serviceActive(server.dir));
});

test('a deploy cancelled before the switch stops before its next step, with nothing live changed', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND);
  const controller = new AbortController();
  await assert.rejects(
    deploy(
      server.options(second, {
        signal: controller.signal,
        log: (line) => {
          if (line.startsWith('✓ upload:')) controller.abort(new Error('SIGTERM'));
        },
      }),
    ),
    /cancelled \(SIGTERM\) before extract/,
  );
  await assertLive(server, FIRST);
  assert.equal((await history(server.dir)).at(-1)?.result, 'failed');
});

test('a rollback cancelled while it waits for the lock stops waiting', async (t) => {
  const server = await serverWithFirstRelease(t, { lock_timeout: '60s' });
  await writeFile(path.join(server.dir, '.modelgate', 'lock'), '{"actor":"someone","run_id":"1"}\n');
  const controller = new AbortController();
  await assert.rejects(
    rollback({
      transport: server.transport,
      config: server.config.deploy,
      rollback: server.config.rollback,
      level: 'stacking',
      signal: controller.signal,
      log: (line) => {
        if (line.startsWith('waiting for the lock')) controller.abort(new Error('SIGINT'));
      },
      pollMs: 150,
    }),
    /cancelled \(SIGINT\) before taking the lock .*\.modelgate\/lock/,
  );
  assert.equal(
    await readFile(path.join(server.dir, '.modelgate', 'lock'), 'utf8'),
    '{"actor":"someone","run_id":"1"}\n',
  );
});

test('modelgate deploy interrupted by SIGINT puts back what it switched and releases the lock (exit 1)', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND);
  const manifestFile = path.join(server.work, `${SECOND}.manifest.json`);
  await writeFile(manifestFile, JSON.stringify(second.manifest));
  const commands = serviceCommands(server.dir);
  const configFile = path.join(server.work, 'modelgate.yml');
  // JSON is YAML. A line only FIRST logs: SECOND's verification waits until the signal.
  await writeFile(
    configFile,
    JSON.stringify({
      release: { name: 'macd_models_final', artifacts: [{ path: 'lstm_1h.onnx', kind: 'onnx' }] },
      deploy: {
        target: 'local',
        path: server.dir,
        restart: commands.restart,
        is_active: commands.is_active,
        log_file: 'logs/app.log',
        verify: { expect: [`manifest ${FIRST} checked`], fail: ['Traceback'], timeout: '60s', settle: '1s' },
        flags: { file: '.env', shadow: { ML_ENABLE_STACKING: '0' }, promote: { ML_ENABLE_STACKING: '1' } },
      },
    }),
  );
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'bin', 'modelgate.js'),
      'deploy',
      '--tarball',
      second.tarball,
      '--manifest',
      manifestFile,
      '--config',
      configFile,
    ],
    { env: { ...process.env, GITHUB_ACTIONS: '' } },
  );
  t.after(() => child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (!sent && stderr.includes('restarted:')) {
      sent = true;
      child.kill('SIGINT');
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.ok(sent, stderr);
  assert.equal(code, 1, stderr);
  assert.match(stderr, /SIGINT: cancelling; the run stops before its next step/);
  assert.equal((JSON.parse(stdout) as { status: string }).status, 'rolled-back');
  await assertLive(server, FIRST);
  assert.ok(await serviceActive(server.dir));
});

test('a release that loads and then dies within deploy.verify.settle is rolled back', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND, { crashesLater: true });
  const { deploy: settings } = server.config;
  const result = await deploy(
    server.options(second, {
      config: { ...settings, verify: { ...settings.verify, timeout: '5s', settle: '3s' } },
    }),
  );
  assert.equal(result.status, 'rolled-back', result.reason);
  assert.match(
    result.reason ?? '',
    /within 5 s \(deploy\.verify\.timeout\) the is-active command .* did not succeed/,
  );
  await assertLive(server, FIRST);
  assert.ok(await serviceActive(server.dir));
});

test('a flags file owned by another user than a non-root deploy user is refused by the preflight', async (t) => {
  const server = await serverWithFirstRelease(t);
  // The tests run as root; an `id` that answers uid 1000 stands in for a non-root deploy user.
  const bin = path.join(server.work, 'bin');
  await mkdir(bin);
  await writeFile(
    path.join(bin, 'id'),
    '#!/bin/sh\n[ "$1" = "-u" ] && { echo 1000; exit 0; }\nexec /usr/bin/id "$@"\n',
  );
  await chmod(path.join(bin, 'id'), 0o755);
  const transport = createLocalTransport({
    commandTimeoutMs: 60_000,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
  });
  const second = await makeRelease(server.work, SECOND);
  await assert.rejects(
    deploy(server.options(second, { transport })),
    /the flags file \S*\.env belongs to uid 0, not to the deploy user \(uid 1000\); rewriting it would change its owner/,
  );
  await assertLive(server, FIRST);
  assert.equal(
    existsSync(path.join(server.dir, '.modelgate', 'incoming', `${SECOND}.tar.gz.part`)),
    false,
    'nothing was uploaded',
  );
  assert.equal(existsSync(path.join(server.dir, 'releases', SECOND)), false);
});

test('a rollback whose history cannot be written still reports what it did, with a warning', async (t) => {
  const server = await serverWithFirstRelease(t);
  await appendFile(path.join(server.dir, '.env'), 'ML_ENABLE_STACKING=1\n');
  const lines: string[] = [];
  const result = await rollback({
    transport: failingAppends(server, 2),
    config: server.config.deploy,
    rollback: server.config.rollback,
    level: 'stacking',
    log: (l) => lines.push(l),
    pollMs: 150,
  });
  assert.equal(result.status, 'rolled-back', result.reason);
  assert.ok(
    lines.some((l) =>
      /^warning: could not record the rollback in \S*history\.jsonl: connection lost \(test\)$/.test(l),
    ),
    lines.join('\n'),
  );
  const env = await readFile(path.join(server.dir, '.env'), 'utf8');
  assert.match(env, /^ML_ENABLE_STACKING=0$/m);
  assert.doesNotMatch(env, /ML_ENABLE_STACKING=1/);
});

test('a tarball that does not match the manifest checksum is refused before anything is uploaded', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND);
  const before = await history(server.dir);
  const tampered = { ...second.manifest, bundle: { ...second.manifest.bundle!, sha256: 'a'.repeat(64) } };
  await assert.rejects(deploy({ ...server.options(second), manifest: tampered }), (error: unknown) => {
    assert.ok(error instanceof ModelgateError);
    assert.match(error.message, /does not match the manifest's bundle\.sha256 a{64}.*Nothing was uploaded/);
    return true;
  });
  await assertLive(server, FIRST);
  assert.equal(existsSync(path.join(server.dir, 'releases', SECOND)), false);
  assert.deepEqual(await readdir(path.join(server.dir, '.modelgate', 'incoming')), []);
  assert.deepEqual(await history(server.dir), before, 'nothing happened, nothing recorded');
});

test('bytes corrupted on the way are caught by the sha256 on the target', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND);
  // A transport that flips one byte of what it delivers, as a bad link or disk would.
  const corrupting: Transport = {
    ...server.transport,
    upload: async (local, remote, options) => {
      await server.transport.upload(local, remote, options);
      const bytes = await readFile(remote);
      const middle = Math.floor(bytes.length / 2);
      bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
      await writeFile(remote, bytes);
    },
  };
  await assert.rejects(
    deploy({ ...server.options(second), transport: corrupting }),
    /the uploaded tarball does not match the manifest: sha256 [0-9a-f]{64}.*The upload was removed/,
  );
  await assertLive(server, FIRST);
  assert.deepEqual(await readdir(path.join(server.dir, '.modelgate', 'incoming')), []);
  assert.equal(existsSync(path.join(server.dir, 'releases', SECOND)), false);
  const last = (await history(server.dir)).at(-1);
  assert.deepEqual([last?.id, last?.result], [SECOND, 'failed']);
  assert.match(String(last?.reason), /does not match the manifest/);
});

test('a tarball with a ".." entry is refused, and nothing is written outside', async (t) => {
  const server = await serverWithFirstRelease(t);
  const evil = await makeDotDotTarball(server.work, SECOND);
  await assert.rejects(deploy(server.options(evil)), /\.\.\/escape\.txt/);
  await assertLive(server, FIRST);
  assert.equal(existsSync(path.join(server.dir, 'escape.txt')), false);
  assert.equal(existsSync(path.join(server.dir, 'releases', 'escape.txt')), false);
  assert.equal(existsSync(path.join(server.dir, 'releases', SECOND)), false);
});

test('a full disk is refused by the preflight, before anything is uploaded', async (t) => {
  // One clean-up hook, in order: the service (its working directory is on the tmpfs), the
  // mount, then the directory.
  const work = await mkdtemp(path.join(os.tmpdir(), 'modelgate-fulldisk-'));
  const mountPoint = path.join(work, 'small-disk');
  const dir = path.join(mountPoint, 'macd-analysis');
  let mounted = false;
  t.after(async () => {
    await stopService(dir);
    if (mounted) await run('umount', [mountPoint]).catch(() => run('umount', ['-l', mountPoint]));
    await rm(work, { recursive: true, force: true });
  });
  await mkdir(mountPoint);
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]);
    mounted = true;
  } catch (error) {
    const reason = `cannot mount a 1 MiB tmpfs here (${(error as Error).message.split('\n')[0]}); the full-disk test needs root`;
    if (process.env.CI === 'true' && process.getuid?.() === 0) throw new Error(reason);
    t.skip(reason);
    return;
  }
  await makeServerDir(t, { parent: mountPoint, models: { 'lstm_1h.onnx': 'old lstm' } });
  await run(process.execPath, [SERVICE_SCRIPT, 'start', dir]);
  const config = testConfig(dir);
  const release = await makeRelease(work, FIRST, { size: 300 * 1024 });
  await assert.rejects(
    deploy({
      transport: createLocalTransport({ commandTimeoutMs: 60_000 }),
      config: config.deploy,
      tarball: release.tarball,
      manifest: release.manifest,
      phase: 'shadow',
      log: () => {},
      pollMs: 150,
    }),
    /not enough free space at .*small-disk\/macd-analysis: .* free, .* needed .*Nothing was uploaded/,
  );
  assert.equal(existsSync(path.join(dir, '.modelgate', 'incoming')), false);
  assert.equal(existsSync(path.join(dir, 'releases')), false);
  assert.equal(await readFile(path.join(dir, 'models', 'lstm_1h.onnx'), 'utf8'), 'old lstm');
  assert.equal(existsSync(path.join(dir, '.modelgate', 'lock')), false);
  const entries = await history(dir);
  assert.deepEqual([entries.length, entries[0]?.result], [1, 'failed']);
  assert.ok(await serviceActive(dir));
});

test('two deploys at once: one waits for the other, and nothing interleaves', async (t) => {
  const server = await serverWithFirstRelease(t);
  const [a, b] = await Promise.all([
    makeRelease(server.work, SECOND),
    makeRelease(server.work, 'macd_models_final_20260302_090000'),
  ]);
  const logs: [string[], string[]] = [[], []];
  const results = await Promise.all([
    deploy({ ...server.options(a, { runId: 'run-a', actor: 'alice' }), log: (l) => logs[0].push(l) }),
    deploy({ ...server.options(b, { runId: 'run-b', actor: 'bob' }), log: (l) => logs[1].push(l) }),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['deployed', 'deployed'],
  );
  const entries = (await history(server.dir)).slice(1);
  assert.equal(entries.length, 2);
  // The second to finish saw the first one's release as live: they ran one after the other.
  assert.equal(entries[1]?.previous, entries[0]?.id);
  assert.equal(entries[0]?.previous, FIRST);
  const waiter = entries[1]?.run_id === 'run-a' ? logs[0] : logs[1];
  const holder = entries[1]?.run_id === 'run-a' ? 'bob (run run-b' : 'alice (run run-a';
  assert.ok(
    waiter.some((l) => l.includes(`waiting for the lock: held by ${holder}`)),
    waiter.join('\n'),
  );
  await assertLive(server, String(entries[1]?.id));
});

test('a lock held by another run makes a deploy fail after the timeout, naming the holder; a stale one is removed', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND);
  const lock = path.join(server.dir, '.modelgate', 'lock');
  const holder = {
    actor: 'carol',
    run_id: '4242-1',
    action: 'deploy',
    host: 'runner-7',
    pid: 99,
    time: '2026-02-20T15:00:00.000Z',
    token: 'abc',
  };
  await writeFile(lock, `${JSON.stringify(holder)}\n`);
  await assert.rejects(
    deploy(server.options(second, { lockTimeoutMs: 1200 })),
    /lock is held by carol \(run 4242-1, deploy, on runner-7 pid 99, since 2026-02-20T15:00:00.000Z\).*gave up after waiting/,
  );
  assert.equal(existsSync(lock), true, 'somebody else’s lock is left alone');
  assert.equal(await readlink(path.join(server.dir, 'models')), `releases/${FIRST}`);
  assert.equal((await history(server.dir)).length, 1);

  // Three hours old: older than stale_lock (2h by default).
  const old = new Date(Date.now() - 3 * 3600 * 1000);
  await utimes(lock, old, old);
  const result = await deploy(server.options(second));
  assert.equal(result.status, 'deployed', result.reason);
  assert.ok(server.lines.some((l) => /is \d+ s old \(stale after 7200 s\): carol/.test(l)));
  await assertLive(server, SECOND);
});

test('config values with shell metacharacters are passed literally, never run', async (t) => {
  const work = await tempDir(t);
  const canary = path.join(work, 'pwned');
  const parent = path.join(work, `a dir; touch ${canary}; $(touch ${canary}2) \`touch ${canary}3\` 'q" & x`);
  await mkdir(parent, { recursive: true });
  const dir = await makeServerDir(t, { parent, name: 'macd-analysis $HOME' });
  await startService(t, dir);
  const value = `$(touch ${canary}4); \`touch ${canary}5\` 'x' "y"`;
  const config = testConfig(dir, {
    flags: {
      file: 'conf dir/.env;touch x',
      shadow: { ML_ENABLE_STACKING: '0', NOTE: value },
      promote: { ML_ENABLE_STACKING: '1' },
    },
  });
  await mkdir(path.join(dir, 'conf dir'));
  const release = await makeRelease(work, FIRST);
  const result = await deploy({
    transport: createLocalTransport({ commandTimeoutMs: 60_000 }),
    config: config.deploy,
    tarball: release.tarball,
    manifest: release.manifest,
    phase: 'shadow',
    log: () => {},
    pollMs: 150,
  });
  assert.equal(result.status, 'deployed', result.reason);
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${FIRST}`);
  // The flags file is the literal name, and the value reads back exactly.
  const flags = await readFile(path.join(dir, 'conf dir', '.env;touch x'), 'utf8');
  const note = flags.split('\n').find((l) => l.startsWith('NOTE='));
  assert.equal(parseValue((note ?? '').slice('NOTE='.length)), value);
  for (const suffix of ['', '2', '3', '4', '5'])
    assert.equal(existsSync(`${canary}${suffix}`), false, `${canary}${suffix} was created`);
  assert.equal(existsSync(path.join(dir, 'x')), false);
  assert.equal(existsSync(path.join(process.cwd(), 'x')), false);
});

test('a flag value with shell metacharacters is written literally to the flags file', async (t) => {
  const work = await tempDir(t);
  const canary = path.join(work, 'pwned');
  const dir = await makeServerDir(t);
  await startService(t, dir);
  const value = `$(touch ${canary}) \`touch ${canary}\``;
  const config = testConfig(dir, {
    flags: { file: '.env', shadow: { ML_ENABLE_STACKING: '0', NOTE: value }, promote: {} },
  });
  const release = await makeRelease(work, FIRST);
  const result = await deploy({
    transport: createLocalTransport({ commandTimeoutMs: 60_000 }),
    config: config.deploy,
    tarball: release.tarball,
    manifest: release.manifest,
    phase: 'shadow',
    log: () => {},
    pollMs: 150,
  });
  assert.equal(result.status, 'deployed', result.reason);
  assert.equal(await readFile(path.join(dir, '.env'), 'utf8'), `${SEED_ENV_TEXT}NOTE='${value}'\n`);
  assert.equal(existsSync(canary), false);
  // A path with a newline is refused outright.
  assert.throws(() => layoutFor({ ...config.deploy, path: '/opt/x\n; touch /tmp/y' }), /contains a newline/);
});

test('an upload cut in the middle resumes on retry, and production is untouched meanwhile', async (t) => {
  const server = await serverWithFirstRelease(t);
  const big = await makeRelease(server.work, SECOND, { size: 3 * 1024 * 1024 });
  const part = path.join(server.dir, '.modelgate', 'incoming', `${SECOND}.tar.gz.part`);
  const total = big.manifest.bundle?.size ?? 0;
  await assert.rejects(
    deploy(
      server.options(big, {
        runId: 'run-cut',
        onUploadProgress: (p) => {
          if (p.sent > total / 3) throw new ModelgateError('connection cut (test)', 'remote');
        },
      }),
    ),
    /connection cut \(test\)/,
  );
  await assertLive(server, FIRST);
  const partial = (await readFile(part)).length;
  assert.ok(partial > 0 && partial < total, `partial upload of ${partial} of ${total} bytes`);
  assert.ok(await serviceActive(server.dir));
  assert.equal((await history(server.dir)).at(-1)?.result, 'failed');

  server.lines.length = 0;
  const retry = await deploy(server.options(big, { runId: 'run-retry' }));
  assert.equal(retry.status, 'deployed', retry.reason);
  assert.ok(
    server.lines.some((l) => l.includes('resuming the upload at')),
    server.lines.join('\n'),
  );
  assert.match(retry.steps.find((s) => s.name === 'upload')?.message ?? '', /^resumed at /);
  await assertLive(server, SECOND);
  assert.equal(existsSync(part), false);
});

test('a partial upload that is not a prefix of the tarball is started over', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND);
  const part = path.join(server.dir, '.modelgate', 'incoming', `${SECOND}.tar.gz.part`);
  await writeFile(part, 'not the tarball');
  const result = await deploy(server.options(second));
  assert.equal(result.status, 'deployed', result.reason);
  assert.ok(server.lines.some((l) => l.includes('does not match this tarball; starting over')));
});

test('a run that dies after the switch is undone by the next run', async (t) => {
  const server = await serverWithFirstRelease(t, { stale_lock: '1s' });
  const second = await makeRelease(server.work, SECOND);
  // The runner "dies" when it is about to restart: every later call fails, as after
  // the machine or the connection is gone for good (and there is no reconnect).
  let dead = false;
  const dying: Transport = {
    ...server.transport,
    exec: async (command, options) => {
      if (dead || command.includes(' restart ')) {
        dead = true;
        throw new ModelgateError('connection lost (test)', 'remote');
      }
      return server.transport.exec(command, options);
    },
  };
  const result = await deploy({ ...server.options(second), transport: dying });
  assert.equal(result.status, 'failed');
  // Half-done: the link switched, lock and pending record left behind.
  assert.equal(await readlink(path.join(server.dir, 'models')), `releases/${SECOND}`);
  assert.ok(existsSync(path.join(server.dir, '.modelgate', 'pending.json')));
  assert.ok(existsSync(path.join(server.dir, '.modelgate', 'lock')));
  await appendFile(path.join(server.dir, '.env'), 'ML_ENABLE_STACKING=1\n');

  await new Promise((resolve) => setTimeout(resolve, 1100));
  const lines: string[] = [];
  const after = await rollback({
    transport: server.transport,
    config: server.config.deploy,
    rollback: server.config.rollback,
    level: 'stacking',
    log: (l) => lines.push(l),
    pollMs: 150,
  });
  assert.equal(after.status, 'rolled-back', after.reason);
  assert.ok(
    lines.some((l) => l.includes('did not finish; restoring what was live before it')),
    lines.join('\n'),
  );
  await assertLive(server, FIRST);
  assert.equal(await readFile(path.join(server.dir, '.env'), 'utf8'), SEED_ENV_TEXT);
  const entries = await history(server.dir);
  assert.deepEqual(
    entries.map((e) => e.result),
    ['deployed', 'interrupted', 'rolled-back'],
  );
  assert.match(
    String(entries[1]?.reason),
    new RegExp(
      `restored \\S*models -> releases/${FIRST} and .*\\.env; the service restarted on it and verified$`,
    ),
  );
  assert.ok(await serviceActive(server.dir));
});

test('a run that recovers an interrupted deploy restarts the service on what it restored, even if it then fails', async (t) => {
  const server = await serverWithFirstRelease(t, { stale_lock: '1s' });
  const second = await makeRelease(server.work, SECOND);
  // Dies right after the switch, before its restart... so the service still runs FIRST; make
  // it run SECOND's files as an interrupted restart would have.
  let dead = false;
  const dying: Transport = {
    ...server.transport,
    exec: async (command, options) => {
      if (dead || command.includes(' restart ')) {
        if (!dead) await server.transport.exec(command, options);
        dead = true;
        throw new ModelgateError('connection lost (test)', 'remote');
      }
      return server.transport.exec(command, options);
    },
  };
  await deploy({ ...server.options(second), transport: dying });
  await waitFor(async () => (await appLog(server.dir)).includes(`manifest ${SECOND} checked`));
  await new Promise((resolve) => setTimeout(resolve, 1100));

  // A rollback that recovers, then fails on its own (no such release to go to).
  await assert.rejects(
    rollback({
      transport: server.transport,
      config: server.config.deploy,
      rollback: server.config.rollback,
      level: 'release',
      to: 'macd_models_final_20200101_000000',
      log: () => {},
      pollMs: 150,
    }),
    /macd_models_final_20200101_000000/,
  );
  assert.equal(await readlink(path.join(server.dir, 'models')), `releases/${FIRST}`);
  const log = await appLog(server.dir);
  assert.ok(
    log.lastIndexOf(`manifest ${FIRST} checked`) > log.lastIndexOf(`manifest ${SECOND} checked`),
    'the service was restarted on FIRST',
  );
  assert.ok(await serviceActive(server.dir));
});

test('rollback ml-off fails when the pattern is found neither before nor after the edit', async (t) => {
  const server = await serverWithFirstRelease(t);
  const liveConfig = path.join(server.dir, 'live_config.py');
  await writeFile(liveConfig, '# someone renamed the setting\nuse_ml = True\n');
  await assert.rejects(
    rollback({
      transport: server.transport,
      config: server.config.deploy,
      rollback: server.config.rollback,
      level: 'ml-off',
      log: () => {},
      pollMs: 150,
    }),
    /live_config\.py contains neither "use_ml_enhancement = True" \(rollback\.ml_off\.pattern\) nor "use_ml_enhancement = False"/,
  );
  assert.equal(await readFile(liveConfig, 'utf8'), '# someone renamed the setting\nuse_ml = True\n');
  const last = (await history(server.dir)).at(-1);
  assert.deepEqual([last?.action, last?.level, last?.result], ['rollback', 'ml-off', 'failed']);
  await assertLive(server, FIRST);
  assert.doesNotMatch(await appLog(server.dir), /ML disabled/);
});

test('rollback release restores from the backup archive when the release directory is gone', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND);
  assert.equal((await deploy(server.options(second))).status, 'deployed');
  await rm(path.join(server.dir, 'releases', FIRST), { recursive: true });
  const result = await rollback({
    transport: server.transport,
    config: server.config.deploy,
    rollback: server.config.rollback,
    level: 'release',
    log: () => {},
    pollMs: 150,
  });
  assert.equal(result.status, 'rolled-back', result.reason);
  assert.match(
    result.plan.join('\n'),
    new RegExp(`restore .*backup/${FIRST}\\.tar\\.gz into releases/${FIRST}`),
  );
  await assertLive(server, FIRST);
  assert.deepEqual(
    await readFile(path.join(server.dir, 'models', 'lstm_1h.onnx')),
    server.first.files['lstm_1h.onnx'],
  );
  assert.ok(await serviceActive(server.dir));
});

test('a backup archive damaged after it was written is refused by its own manifest, and nothing changes', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND);
  assert.equal((await deploy(server.options(second))).status, 'deployed');
  await rm(path.join(server.dir, 'releases', FIRST), { recursive: true });
  // The archive is still a valid tar.gz, with one model's bytes changed inside.
  const archive = path.join(server.dir, 'backup', `${FIRST}.tar.gz`);
  const unpacked = path.join(server.work, 'unpacked');
  await mkdir(unpacked);
  await run('tar', ['-xzf', archive, '-C', unpacked]);
  await writeFile(path.join(unpacked, 'lstm_1h.onnx'), 'changed on disk');
  await run('tar', ['-czf', archive, '-C', unpacked, '.']);
  await assert.rejects(
    rollback({
      transport: server.transport,
      config: server.config.deploy,
      rollback: server.config.rollback,
      level: 'release',
      log: () => {},
      pollMs: 150,
    }),
    new RegExp(
      `backup/${FIRST}\\.tar\\.gz does not match its own manifest\\.json \\(.*lstm_1h\\.onnx.*\\); it was damaged after it was written and is not restored`,
    ),
  );
  await assertLive(server, SECOND);
  assert.deepEqual(await readdir(path.join(server.dir, 'releases')), [SECOND]);
  assert.ok(await serviceActive(server.dir));
});

test('a release rollback after a promote keeps the live flags and says so in its plan', async (t) => {
  const server = await serverWithFirstRelease(t);
  const second = await makeRelease(server.work, SECOND);
  assert.equal((await deploy(server.options(second))).status, 'deployed');
  assert.equal((await deploy(server.options(second, { phase: 'promote' }))).status, 'promoted');
  const result = await rollback({
    transport: server.transport,
    config: server.config.deploy,
    rollback: server.config.rollback,
    level: 'release',
    log: () => {},
    pollMs: 150,
  });
  assert.equal(result.status, 'rolled-back', result.reason);
  assert.match(
    result.plan.join('\n'),
    /leave \S*\.env as it is \(ML_ENABLE_STACKING=1, not the shadow ML_ENABLE_STACKING=0\); run rollback --level stacking as well/,
  );
  assert.match(await readFile(path.join(server.dir, '.env'), 'utf8'), /^ML_ENABLE_STACKING=1$/m);
});

test("rollback release falls back to the seed's hand-made backup archive", async (t) => {
  const dir = await makeServerDir(t, {
    models: { 'lstm_1h.onnx': 'BROKEN by hand', 'stacking_meta.json': '{}' },
  });
  // The seed's manual backup: `tar -czf backup/macd_models_backup.tar.gz models` of good models.
  const seedSrc = path.join(dir, 'seed-src');
  await mkdir(path.join(seedSrc, 'models'), { recursive: true });
  await writeFile(path.join(seedSrc, 'models', 'lstm_1h.onnx'), 'good lstm');
  await writeFile(path.join(seedSrc, 'models', 'stacking_meta.json'), '{}');
  await mkdir(path.join(dir, 'backup'));
  await run('tar', ['-czf', path.join(dir, 'backup', 'macd_models_backup.tar.gz'), '-C', seedSrc, 'models']);
  await rm(seedSrc, { recursive: true });
  const config = testConfig(dir);
  const transport = createLocalTransport({ commandTimeoutMs: 60_000 });
  const dry = await rollback({
    transport,
    config: config.deploy,
    rollback: config.rollback,
    level: 'release',
    dryRun: true,
    log: () => {},
  });
  assert.match(dry.plan.join('\n'), /restore .*macd_models_backup\.tar\.gz into releases\/restored-/);
  const result = await rollback({
    transport,
    config: config.deploy,
    rollback: config.rollback,
    level: 'release',
    log: () => {},
    pollMs: 150,
  });
  assert.equal(result.status, 'rolled-back', result.reason);
  assert.match(result.releaseId ?? '', /^restored-\d{8}_\d{6}$/);
  assert.equal(await readFile(path.join(dir, 'models', 'lstm_1h.onnx'), 'utf8'), 'good lstm');
  // The hand-installed models were kept as a release of their own.
  const kept = (await readdir(path.join(dir, 'releases'))).filter((n) => n.startsWith('pre-modelgate-'));
  assert.equal(kept.length, 1);
  assert.equal(
    await readFile(path.join(dir, 'releases', kept[0] as string, 'lstm_1h.onnx'), 'utf8'),
    'BROKEN by hand',
  );
  assert.ok(await serviceActive(dir));
});
