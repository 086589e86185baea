import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFile, copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { BundleSurvey, surveyBundle } from '../../src/core/health/head-start.js';
import type { HealthReport } from '../../src/core/health/healthcheck.js';
import { loadTreeModel } from '../../src/core/models/tree-model.js';
import { check, copySample, healthcheck, sampleDir, tempDir } from './support.js';

const run = promisify(execFile);

/** Every file's sha256 as `sha256sum` (coreutils) computes it, by path inside the bundle. */
async function sha256sum(dir: string, files: string[]): Promise<Map<string, string>> {
  const { stdout } = await run('sha256sum', files, { cwd: dir, maxBuffer: 1 << 20 });
  return new Map(
    stdout
      .trim()
      .split('\n')
      .map((line) => {
        const [hash, name] = line.split(/ [ *]/);
        return [name!, hash!];
      }),
  );
}

interface IntegrityDetails {
  files: { path: string; size: number; sha256: string }[];
  hashedEarly: number;
}

function integrity(report: HealthReport): IntegrityDetails {
  return check(report, 'integrity').details as IntegrityDetails;
}

/** Status and message of each check, without the timings some messages carry (p50 latency). */
function outcome(report: HealthReport): { name: string; status: string; message: string }[] {
  return report.checks.map((c) => ({
    name: c.name,
    status: c.status,
    message: c.message.replace(/p50 [^)]*\)/g, 'p50 …)'),
  }));
}

test('a healthcheck with a head start reports what one without it does, with every hash from the early worker', async () => {
  const head = surveyBundle(sampleDir);
  assert.ok(head, 'a worker should start for a bundle folder');
  const early = await healthcheck(sampleDir, { headStart: head });
  const plain = await healthcheck(sampleDir);

  assert.equal(early.passed, true);
  assert.deepEqual(outcome(early), outcome(plain));
  const files = integrity(early).files;
  assert.equal(integrity(early).hashedEarly, files.length);
  assert.equal(integrity(plain).hashedEarly, 0);
  assert.deepEqual(files, integrity(plain).files);
  const expected = await sha256sum(
    sampleDir,
    files.map((f) => f.path),
  );
  for (const f of files) assert.equal(f.sha256, expected.get(f.path), f.path);
  // The tree models were parsed on the worker, from its guesses or on request.
  const trees = (check(early, 'load').details as { trees: { file: string; thread: string }[] }).trees;
  assert.equal(trees.length, 7);
  assert.ok(trees.every((t) => t.thread === 'worker'));
});

test('parses the survey guessed at but has not begun can still be taken over by this thread', async (t) => {
  // 40 copies of one LightGBM file (over 8 MB): the worker parses one at a time, largest first.
  const dir = await tempDir(t);
  const names = Array.from({ length: 40 }, (_, i) => `model_${String(i).padStart(2, '0')}.txt`);
  for (const name of names)
    await copyFile(path.join(sampleDir, 'trend_regime_model.txt'), path.join(dir, name));
  const head = surveyBundle(dir);
  assert.ok(head);
  try {
    const { size } = await stat(path.join(dir, names[0]!));
    // Every hash in: the worker has queued a guess for each file and begun the first.
    await Promise.all(names.map((name) => head.survey.sha256(name, size)));
    const loading = names.map((name) => head.pool.load(path.join(dir, name), 'lightgbm', name, size));
    // The first answer comes after the worker has read every request above.
    await Promise.race(loading);
    await head.pool.parseQueuedHere();
    const handles = await Promise.all(loading);
    const threads = new Set(handles.map((h) => h.thread));
    assert.deepEqual([...threads].sort(), ['main', 'worker'], 'both threads parsed some of the files');
    const direct = await loadTreeModel(path.join(dir, names[0]!), 'lightgbm', names[0]);
    for (const h of handles) assert.deepEqual(h.info, direct.info);
  } finally {
    await head.pool.close();
  }
});

test('a file that changed after the early worker hashed it is hashed again as it is now', async (t) => {
  const bundle = await copySample(t);
  const head = surveyBundle(bundle);
  assert.ok(head);
  const changed = 'stacking_meta.pkl';
  const before = await stat(path.join(bundle, changed));
  await head.survey.sha256(changed, before.size);
  // A byte more: the size no longer matches what the worker hashed.
  await appendFile(path.join(bundle, changed), '.');

  const report = await healthcheck(bundle, { headStart: head });
  const details = integrity(report);
  assert.equal(details.hashedEarly, details.files.length - 1);
  const row = details.files.find((f) => f.path === changed);
  assert.equal(row?.size, before.size + 1);
  assert.equal(row?.sha256, (await sha256sum(bundle, [changed])).get(changed));
});

test('a head start for another folder is closed unused, and the healthcheck does the work itself', async (t) => {
  const other = await copySample(t);
  const head = surveyBundle(other);
  assert.ok(head);
  const report = await healthcheck(sampleDir, { headStart: head });
  assert.equal(report.passed, true);
  assert.equal(integrity(report).hashedEarly, 0);
  assert.equal(head.pool.threaded, false, 'the unused worker is stopped');
});

test('when the survey is gone its hashes are refused, and a file it never listed has none', async () => {
  const survey = new BundleSurvey('/nowhere');
  const pending = survey.sha256('a.bin', 3);
  survey.note({ survey: 'listed', files: [{ path: 'a.bin', size: 3 }] });
  assert.equal(survey.sha256('b.bin', 3), undefined, 'not listed');
  assert.equal(survey.sha256('a.bin', 4), undefined, 'listed at another size');
  survey.gone(new Error('the worker died'));
  await assert.rejects(pending!, /the worker died/);
  assert.equal(survey.head('a.bin', 3), undefined);
});

test('a survey of a path that is not a folder does not start', () => {
  assert.equal(surveyBundle(path.join(sampleDir, 'golden.json')), undefined);
  assert.equal(surveyBundle(path.join(sampleDir, 'no-such-folder')), undefined);
});
