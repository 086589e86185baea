/**
 * The whole life of a release on a `local` target, against the real test service: first
 * deploy onto a hand-made server (plain models/ directory), promote, a second deploy, and
 * each rollback level with its dry run and a second run that changes nothing.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, readlink, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { parseConfig } from '../../src/core/config/load.js';
import { deploy } from '../../src/core/deploy/deploy.js';
import { loadManifest } from '../../src/core/manifest.js';
import { manifestPathFor, packageRelease } from '../../src/core/package/package.js';
import { rollback } from '../../src/core/deploy/rollback.js';
import { createLocalTransport } from '../../src/core/remote/local.js';
import { appLog, makeServerDir, serviceActive, startService } from '../support/service.js';
import { history, makeRelease, tempDir, testConfig } from './fixtures.js';

const OLD_MODELS = { 'lstm_1h.onnx': 'old lstm', 'stacking_meta.json': '{"old": true}' };

test('deploy, promote, deploy again and roll back through every level on a local target', async (t) => {
  const work = await tempDir(t);
  const dir = await makeServerDir(t, {
    models: OLD_MODELS,
    env: '# settings\nAPI_KEY=secret\nML_ENABLE_STACKING=0\nML_ENABLE_STACKING=0\n',
  });
  await startService(t, dir);
  const { deploy: config, rollback: rollbackConfig } = testConfig(dir);
  const transport = createLocalTransport({ commandTimeoutMs: 60_000 });
  const lines: string[] = [];
  const log = (line: string): void => {
    lines.push(line);
  };
  const first = await makeRelease(work, 'macd_models_final_20260220_145749');
  const second = await makeRelease(work, 'macd_models_final_20260301_090000');

  // Dry run first: nothing on the server changes.
  const dry = await deploy({
    transport,
    config,
    tarball: first.tarball,
    manifest: first.manifest,
    phase: 'shadow',
    dryRun: true,
    log,
    pollMs: 150,
    actor: 'alice',
    runId: 'run-0',
  });
  assert.equal(dry.status, 'dry-run');
  assert.ok(
    dry.plan.some((p) => p.includes('move the plain directory')),
    dry.plan.join('\n'),
  );
  assert.ok((await lstat(path.join(dir, 'models'))).isDirectory(), 'dry run left models/ a plain directory');
  assert.equal(existsSync(path.join(dir, 'releases')), false);
  assert.equal(existsSync(path.join(dir, '.modelgate')), false);

  // 1. First deploy: the plain models/ directory is adopted as a release and backed up.
  const d1 = await deploy({
    transport,
    config,
    tarball: first.tarball,
    manifest: first.manifest,
    phase: 'shadow',
    log,
    pollMs: 150,
    actor: 'alice',
    runId: 'run-1',
  });
  assert.equal(d1.status, 'deployed', d1.reason);
  assert.match(d1.previousReleaseId ?? '', /^pre-modelgate-\d{8}_\d{6}$/);
  const adopted = d1.previousReleaseId as string;
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${first.id}`);
  assert.equal(await readFile(path.join(dir, 'releases', adopted, 'lstm_1h.onnx'), 'utf8'), 'old lstm');
  assert.deepEqual(await readFile(path.join(dir, 'models', 'lstm_1h.onnx')), first.files['lstm_1h.onnx']);
  assert.equal(await readlink(path.join(dir, 'backup', 'macd_models_backup.tar.gz')), `${adopted}.tar.gz`);
  assert.ok(existsSync(path.join(dir, 'backup', `${adopted}.tar.gz`)));
  // The duplicate flag line is collapsed; comments and other keys kept.
  assert.equal(
    await readFile(path.join(dir, '.env'), 'utf8'),
    '# settings\nAPI_KEY=secret\nML_ENABLE_STACKING=0\n',
  );
  assert.ok(
    d1.logLines.some((l) => l.includes('stacking loaded (ML_ENABLE_STACKING=0, shadow)')),
    d1.logLines.join('\n'),
  );
  assert.ok(d1.logLines.some((l) => l.includes('lstm loaded')));
  assert.equal(existsSync(path.join(dir, '.modelgate', 'lock')), false);
  assert.equal(existsSync(path.join(dir, '.modelgate', 'pending.json')), false);
  assert.deepEqual(await readdir(path.join(dir, '.modelgate', 'incoming')), []);
  assert.ok(await serviceActive(dir));
  assert.ok(
    lines.some((l) => /upload 100%/.test(l)),
    'upload progress is logged',
  );

  // 2. Promote: flags only, on the release already live.
  const p1 = await deploy({
    transport,
    config,
    manifest: first.manifest,
    phase: 'promote',
    log,
    pollMs: 150,
    actor: 'alice',
    runId: 'run-2',
  });
  assert.equal(p1.status, 'promoted', p1.reason);
  assert.equal(
    await readFile(path.join(dir, '.env'), 'utf8'),
    '# settings\nAPI_KEY=secret\nML_ENABLE_STACKING=1\n',
  );
  assert.ok(
    p1.logLines.some((l) => l.includes('stacking loaded (ML_ENABLE_STACKING=1, live)')),
    p1.logLines.join('\n'),
  );
  // Promoting a release that is not live is refused before anything changes.
  await assert.rejects(
    deploy({ transport, config, manifest: second.manifest, phase: 'promote', log, pollMs: 150 }),
    /refusing to promote macd_models_final_20260301_090000: the live release .* is macd_models_final_20260220_145749/,
  );

  // 3. Second deploy: back to shadow flags, first release backed up.
  const d2 = await deploy({
    transport,
    config,
    tarball: second.tarball,
    manifest: second.manifest,
    phase: 'shadow',
    log,
    pollMs: 150,
    actor: 'bob',
    runId: 'run-3',
  });
  assert.equal(d2.status, 'deployed', d2.reason);
  assert.equal(d2.previousReleaseId, first.id);
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${second.id}`);
  assert.equal(await readlink(path.join(dir, 'backup', 'macd_models_backup.tar.gz')), `${first.id}.tar.gz`);
  assert.equal(
    await readFile(path.join(dir, '.env'), 'utf8'),
    '# settings\nAPI_KEY=secret\nML_ENABLE_STACKING=0\n',
  );

  // 4. Rollback stacking: already at the shadow flags, so unchanged; after a promote it acts.
  await deploy({
    transport,
    config,
    manifest: second.manifest,
    phase: 'promote',
    log,
    pollMs: 150,
    runId: 'run-4',
  });
  const stackingDry = await rollback({
    transport,
    config,
    rollback: rollbackConfig,
    level: 'stacking',
    dryRun: true,
    log,
  });
  assert.equal(stackingDry.status, 'dry-run');
  assert.match(stackingDry.plan.join('\n'), /ML_ENABLE_STACKING=0 \(was 1\)/);
  assert.match(await readFile(path.join(dir, '.env'), 'utf8'), /ML_ENABLE_STACKING=1/);
  const s1 = await rollback({
    transport,
    config,
    rollback: rollbackConfig,
    level: 'stacking',
    log,
    pollMs: 150,
    runId: 'run-5',
  });
  assert.equal(s1.status, 'rolled-back', s1.reason);
  assert.equal(
    await readFile(path.join(dir, '.env'), 'utf8'),
    '# settings\nAPI_KEY=secret\nML_ENABLE_STACKING=0\n',
  );
  const s2 = await rollback({
    transport,
    config,
    rollback: rollbackConfig,
    level: 'stacking',
    log,
    pollMs: 150,
    runId: 'run-6',
  });
  assert.equal(s2.status, 'unchanged');

  // 5. Rollback release: back to the first release, then again: unchanged.
  const releaseDry = await rollback({
    transport,
    config,
    rollback: rollbackConfig,
    level: 'release',
    dryRun: true,
    log,
  });
  assert.match(releaseDry.plan.join('\n'), new RegExp(`switch models -> releases/${first.id}`));
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${second.id}`);
  const r1 = await rollback({
    transport,
    config,
    rollback: rollbackConfig,
    level: 'release',
    log,
    pollMs: 150,
    runId: 'run-7',
  });
  assert.equal(r1.status, 'rolled-back', r1.reason);
  assert.equal(r1.releaseId, first.id);
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${first.id}`);
  const r2 = await rollback({
    transport,
    config,
    rollback: rollbackConfig,
    level: 'release',
    log,
    pollMs: 150,
    runId: 'run-8',
  });
  assert.equal(r2.status, 'unchanged');
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${first.id}`);
  // With `to`: the adopted pre-modelgate models.
  const r3 = await rollback({
    transport,
    config,
    rollback: rollbackConfig,
    level: 'release',
    to: adopted,
    log,
    pollMs: 150,
    runId: 'run-9',
  });
  assert.equal(r3.status, 'rolled-back', r3.reason);
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${adopted}`);
  assert.equal(await readFile(path.join(dir, 'models', 'lstm_1h.onnx'), 'utf8'), 'old lstm');

  // 6. Rollback ml-off: the config edit, verified without the model patterns; then unchanged.
  const mlDry = await rollback({
    transport,
    config,
    rollback: rollbackConfig,
    level: 'ml-off',
    dryRun: true,
    log,
  });
  assert.match(
    mlDry.plan.join('\n'),
    /replace "use_ml_enhancement = True" with "use_ml_enhancement = False"/,
  );
  assert.match(await readFile(path.join(dir, 'live_config.py'), 'utf8'), /use_ml_enhancement = True/);
  const m1 = await rollback({
    transport,
    config,
    rollback: rollbackConfig,
    level: 'ml-off',
    log,
    pollMs: 150,
    runId: 'run-10',
  });
  assert.equal(m1.status, 'rolled-back', m1.reason);
  const liveConfig = await readFile(path.join(dir, 'live_config.py'), 'utf8');
  assert.equal(
    liveConfig,
    '# live trading config\nsymbol = "BTCUSDT"\nuse_ml_enhancement = False\nmax_position = 0.1\n',
  );
  assert.match(await appLog(dir), /ML disabled/);
  const m2 = await rollback({
    transport,
    config,
    rollback: rollbackConfig,
    level: 'ml-off',
    log,
    pollMs: 150,
    runId: 'run-11',
  });
  assert.equal(m2.status, 'unchanged');
  assert.equal(await readFile(path.join(dir, 'live_config.py'), 'utf8'), liveConfig);

  // Every action is in the history, in order, with its outcome.
  const entries = await history(dir);
  assert.deepEqual(
    entries.map((e) => [e.action, e.phase ?? e.level, e.result, e.run_id]),
    [
      ['deploy', 'shadow', 'deployed', 'run-1'],
      ['promote', 'promote', 'promoted', 'run-2'],
      ['promote', 'promote', 'failed', entries[2]?.run_id],
      ['deploy', 'shadow', 'deployed', 'run-3'],
      ['promote', 'promote', 'promoted', 'run-4'],
      ['rollback', 'stacking', 'rolled-back', 'run-5'],
      ['rollback', 'stacking', 'unchanged', 'run-6'],
      ['rollback', 'release', 'rolled-back', 'run-7'],
      ['rollback', 'release', 'unchanged', 'run-8'],
      ['rollback', 'release', 'rolled-back', 'run-9'],
      ['rollback', 'ml-off', 'rolled-back', 'run-10'],
      ['rollback', 'ml-off', 'unchanged', 'run-11'],
    ],
  );
  assert.deepEqual([entries[0]?.id, entries[0]?.previous, entries[0]?.actor], [first.id, adopted, 'alice']);
  assert.deepEqual([entries[3]?.id, entries[3]?.previous], [second.id, first.id]);
  assert.deepEqual([entries[7]?.id, entries[7]?.previous], [first.id, second.id]);
  assert.equal(existsSync(path.join(dir, '.modelgate', 'lock')), false);
  assert.ok(await serviceActive(dir));
});

test('old releases are pruned to keep_releases, never the live or the previous one', async (t) => {
  const work = await tempDir(t);
  const dir = await makeServerDir(t);
  await startService(t, dir);
  const { deploy: config } = testConfig(dir, { keep_releases: 2 });
  const transport = createLocalTransport({ commandTimeoutMs: 60_000 });
  const ids = [
    'macd_models_final_20260101_000000',
    'macd_models_final_20260102_000000',
    'macd_models_final_20260103_000000',
    'macd_models_final_20260104_000000',
  ];
  for (const id of ids) {
    const release = await makeRelease(work, id, { size: 4096 });
    const result = await deploy({
      transport,
      config,
      tarball: release.tarball,
      manifest: release.manifest,
      phase: 'shadow',
      log: () => {},
      pollMs: 150,
    });
    assert.equal(result.status, 'deployed', result.reason);
  }
  assert.deepEqual((await readdir(path.join(dir, 'releases'))).sort(), ids.slice(2));
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${ids[3]}`);
  const backups = (await readdir(path.join(dir, 'backup'))).sort();
  assert.deepEqual(backups, ['macd_models_backup.tar.gz', `${ids[1]}.tar.gz`, `${ids[2]}.tar.gz`]);
  // The first deploy had no models at all: it is recorded with no previous release.
  const entries = await history(dir);
  assert.equal(entries[0]?.previous, null);
  assert.deepEqual(
    entries.map((e) => e.id),
    ids,
  );
});

test('redeploying the live release re-verifies it and changes nothing else', async (t) => {
  const work = await tempDir(t);
  const dir = await makeServerDir(t);
  await startService(t, dir);
  const { deploy: config } = testConfig(dir);
  const transport = createLocalTransport({ commandTimeoutMs: 60_000 });
  const release = await makeRelease(work, 'macd_models_final_20260220_145749');
  const a = await deploy({
    transport,
    config,
    tarball: release.tarball,
    manifest: release.manifest,
    phase: 'shadow',
    log: () => {},
    pollMs: 150,
  });
  assert.equal(a.status, 'deployed', a.reason);
  const b = await deploy({
    transport,
    config,
    tarball: release.tarball,
    manifest: release.manifest,
    phase: 'shadow',
    log: () => {},
    pollMs: 150,
  });
  assert.equal(b.status, 'deployed', b.reason);
  assert.deepEqual(
    b.steps.filter((s) => s.status === 'skip').map((s) => s.name),
    ['upload', 'extract', 'switch'],
  );
  assert.equal(await readlink(path.join(dir, 'models')), `releases/${release.id}`);
  assert.equal((await readFile(path.join(dir, '.env'), 'utf8')).match(/ML_ENABLE_STACKING/g)?.length, 1);
});

test('a release made by packageRelease deploys, with its own manifest.json checked by the service', async (t) => {
  const work = await tempDir(t);
  const bundle = path.join(work, 'bundle');
  await mkdir(bundle);
  await writeFile(path.join(bundle, 'lstm_1h.onnx'), randomBytes(4096));
  await writeFile(
    path.join(bundle, 'stacking_meta_1h.json'),
    JSON.stringify({ base_models: [], meta_learner: { type: 'logistic', coef: [], intercept: 0 } }),
  );
  const { config: full } = parseConfig(
    'release:\n  name: macd_models_final\n  artifacts:\n    - { path: lstm_1h.onnx, kind: onnx }\n    - { path: stacking_meta_1h.json, kind: json }\n',
    'modelgate.yml',
  );
  const packaged = await packageRelease({
    bundleDir: bundle,
    config: full,
    configFile: 'modelgate.yml',
    timestamp: '20260220_145749',
    outputDir: path.join(work, 'out'),
  });
  const manifest = await loadManifest(manifestPathFor(packaged.tarball));
  const dir = await makeServerDir(t);
  await startService(t, dir);
  const { deploy: config } = testConfig(dir);
  const result = await deploy({
    transport: createLocalTransport({ commandTimeoutMs: 60_000 }),
    config,
    tarball: packaged.tarball,
    manifest,
    phase: 'shadow',
    log: () => {},
    pollMs: 150,
  });
  assert.equal(result.status, 'deployed', result.reason);
  assert.equal(await readlink(path.join(dir, 'models')), 'releases/macd_models_final_20260220_145749');
  assert.match(await appLog(dir), /manifest macd_models_final_20260220_145749 checked \(2 files\)/);
});
