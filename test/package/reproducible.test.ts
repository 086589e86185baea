import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { loadManifest, parseManifest } from '../../src/core/manifest.js';
import { manifestPathFor, packageRelease } from '../../src/core/package/package.js';
import { PYTHON, run, sampleRelease, sha256sum, tempDir, TIMESTAMP, vouchingFor } from './fixtures.js';

test('packaging the sample release twice with the same timestamp gives the same bytes', async (t) => {
  const sample = await sampleRelease();
  const out = await tempDir(t);
  const common = {
    bundleDir: sample.dir,
    config: sample.config,
    configFile: sample.configFile,
    timestamp: TIMESTAMP,
  };
  const first = await packageRelease({
    ...common,
    outputDir: path.join(out, 'a'),
    env: { GITHUB_RUN_ID: '1' },
  });
  const second = await packageRelease({
    ...common,
    outputDir: path.join(out, 'b'),
    env: { GITHUB_RUN_ID: '2' },
  });
  assert.equal(first.releaseId, 'macd_models_final_20260220_145749');
  assert.equal(path.basename(first.tarball), 'macd_models_final_20260220_145749.tar.gz');
  assert.equal(first.sha256, second.sha256);
  assert.deepEqual(await readFile(first.tarball), await readFile(second.tarball));
  assert.equal(await sha256sum(first.tarball), first.sha256);
  assert.equal((await readFile(first.tarball)).length, first.size);

  const later = await packageRelease({
    ...common,
    timestamp: '20260220_145750',
    outputDir: path.join(out, 'c'),
  });
  assert.notEqual(later.sha256, first.sha256, 'the timestamp is every entry mtime');

  // Nothing but the three outputs, under their final names.
  assert.deepEqual((await readdir(path.join(out, 'a'))).sort(), [
    'macd_models_final_20260220_145749.manifest.json',
    'macd_models_final_20260220_145749.notes.md',
    'macd_models_final_20260220_145749.tar.gz',
  ]);
  assert.equal(first.manifestPath, manifestPathFor(first.tarball));
});

test('GNU tar lists manifest.json first and every file 0644 owned by 0/0; Python tarfile agrees', async (t) => {
  const sample = await sampleRelease();
  const out = await tempDir(t);
  const result = await packageRelease({
    bundleDir: sample.dir,
    config: sample.config,
    configFile: sample.configFile,
    timestamp: TIMESTAMP,
    outputDir: out,
  });
  const { stdout } = await run('tar', ['-tzvf', result.tarball]);
  const lines = stdout.trim().split('\n');
  assert.match(lines[0]!, /^-rw-r--r-- 0\/0 +\d+ 2026-02-20 14:57 manifest\.json$/);
  assert.equal(lines.length, result.manifest.files.length + 1);
  for (const line of lines)
    assert.match(line, /^-rw-r--r-- 0\/0 +\d+ 2026-02-20 14:57 [A-Za-z0-9._-]+$/, line);
  const names = lines.map((l) => l.split(/\s+/).at(-1));
  assert.deepEqual(
    names.slice(1),
    result.manifest.files.map((f) => f.path),
  );

  const script = [
    'import json, sys, tarfile',
    'with tarfile.open(sys.argv[1], "r:gz") as t:',
    '    print(json.dumps([[m.name, m.mode, m.uid, m.gid, m.uname, m.gname, m.mtime, m.type.decode(), m.size] for m in t.getmembers()]))',
  ].join('\n');
  const py = await run(PYTHON, ['-c', script, result.tarball]);
  const members = JSON.parse(py.stdout) as [
    string,
    number,
    number,
    number,
    string,
    string,
    number,
    string,
    number,
  ][];
  assert.equal(members[0]![0], 'manifest.json');
  assert.deepEqual(
    members.map((m) => m[0]),
    names,
  );
  for (const [, mode, uid, gid, uname, gname, mtime, type] of members) {
    assert.deepEqual(
      [mode, uid, gid, uname, gname, mtime, type],
      [0o644, 0, 0, '', '', Date.UTC(2026, 1, 20, 14, 57, 49) / 1000, '0'],
    );
  }
  await run('gzip', ['-t', result.tarball]);
});

test("the manifest's checksums match sha256sum of the extracted files", async (t) => {
  const sample = await sampleRelease();
  const out = await tempDir(t);
  const env = { GITHUB_REPOSITORY: 'quant/macd-analysis', GITHUB_SHA: 'a'.repeat(40), GITHUB_RUN_ID: '4242' };
  const result = await packageRelease({
    bundleDir: sample.dir,
    config: sample.config,
    configFile: sample.configFile,
    timestamp: TIMESTAMP,
    outputDir: out,
    env,
    health: await vouchingFor(sample.dir, {
      passed: true,
      checks: [{ name: 'integrity', status: 'pass', ms: 41.4, message: '21 files' }],
    }),
  });
  const extracted = path.join(out, 'extracted');
  await run('mkdir', [extracted]);
  await run('tar', ['-xzf', result.tarball, '-C', extracted]);
  const inner = parseManifest(await readFile(path.join(extracted, 'manifest.json'), 'utf8'), 'manifest.json');
  const beside = await loadManifest(result.manifestPath);
  assert.equal(inner.files.length, 21);
  for (const file of inner.files) {
    assert.equal(await sha256sum(path.join(extracted, file.path)), file.sha256, file.path);
    assert.equal((await readFile(path.join(extracted, file.path))).length, file.size);
  }
  assert.deepEqual(beside.files, inner.files);
  assert.equal(inner.files.find((f) => f.path === 'lstm_1h.onnx')?.kind, 'onnx');
  assert.equal(inner.files.find((f) => f.path === 'golden.json')?.kind, 'json');

  // The tarball's checksum, the run's facts and timings live only beside it.
  assert.deepEqual(inner.bundle, { file: 'macd_models_final_20260220_145749.tar.gz' });
  assert.deepEqual(beside.bundle, {
    file: 'macd_models_final_20260220_145749.tar.gz',
    sha256: result.sha256,
    size: result.size,
  });
  assert.deepEqual(inner.health, { passed: true, checks: [{ name: 'integrity', status: 'pass' }] });
  assert.deepEqual(beside.health, {
    passed: true,
    checks: [{ name: 'integrity', status: 'pass', ms: 41, message: '21 files' }],
  });
  assert.deepEqual(inner.source, { repository: 'quant/macd-analysis', sha: 'a'.repeat(40) });
  assert.deepEqual(beside.source, { repository: 'quant/macd-analysis', sha: 'a'.repeat(40), run_id: '4242' });
  assert.equal(inner.created, '2026-02-20T14:57:49Z');
  assert.equal(inner.schema, 'modelgate/manifest@1');
  assert.deepEqual(inner.metrics.horizons['4h'], {
    oof_auc: 0.5612,
    test_auc: 0.4874,
    val_auc: 0.7012,
    n_oof: 6112,
  });
  assert.deepEqual(beside, result.manifest);
});
