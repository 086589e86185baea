/**
 * Files written by real PyTorch and scikit-learn (test/fixtures/safety/make.py) pass the
 * scanner, a pickle with an os.system hook does not, and a torch archive that lost a
 * storage is reported by name before torch.load would fail on the server.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync, deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ModelgateError } from '../../src/core/errors.js';
import { inspectTorchArchive } from '../../src/core/models/torch.js';
import { scanPickle } from '../../src/core/safety/pickle.js';
import { isFileSafe, safetyProblems, scanFileForPickles } from '../../src/core/safety/scan.js';
import { repoRoot } from '../support/shared.js';

const fixture = (name: string): string => path.join(repoRoot, 'test', 'fixtures', 'safety', name);
const names = (globals: { module: string; name: string }[]): string[] =>
  [...new Set(globals.map((g) => `${g.module}.${g.name}`))].sort();

test('a torch state dict saved in the zip format passes and its storages are all there', async () => {
  const result = await scanFileForPickles(fixture('state_dict_zip.pt'), 'state_dict_zip.pt');
  assert.equal(result.format, 'torch-zip');
  assert.ok(isFileSafe(result), safetyProblems(result).join('\n'));
  assert.deepEqual(names(result.pickles.flatMap((p) => p.globals)), [
    'collections.OrderedDict',
    'torch.FloatStorage',
    'torch._utils._rebuild_tensor_v2',
  ]);
  assert.deepEqual(
    result.pickles.map((p) => p.member),
    ['state_dict_zip/data.pkl'],
  );

  const info = await inspectTorchArchive(fixture('state_dict_zip.pt'));
  assert.equal(info.format, 'zip');
  assert.equal(info.prefix, 'state_dict_zip');
  assert.equal(info.version, '3');
  // LSTM(3, 4): weight_ih, weight_hh, bias_ih, bias_hh; Linear(4, 1): weight, bias.
  assert.equal(info.tensors, 6);
  assert.deepEqual(info.storages.map((s) => s.key).sort(), ['0', '1', '2', '3', '4', '5']);
  assert.deepEqual([...info.present].sort(), ['0', '1', '2', '3', '4', '5']);
  assert.deepEqual(info.missing, []);
  const weightIh = info.storages.find((s) => s.key === '0');
  assert.deepEqual(weightIh, {
    key: '0',
    storageType: 'torch.FloatStorage',
    location: 'cpu',
    numel: 48,
    bytes: 192,
  });
});

test('the same state dict in the legacy format passes; only its pickles are walked', async () => {
  const result = await scanFileForPickles(fixture('state_dict_legacy.pt'), 'state_dict_legacy.pt');
  assert.equal(result.format, 'torch-legacy');
  assert.ok(isFileSafe(result), safetyProblems(result).join('\n'));

  const info = await inspectTorchArchive(fixture('state_dict_legacy.pt'));
  assert.equal(info.format, 'legacy');
  assert.equal(info.tensors, 6);
  assert.equal(info.byteorder, 'little');
  assert.equal(info.storages.length, 6);
  assert.deepEqual([...info.present].sort(), info.storages.map((s) => s.key).sort());
});

test('a legacy checkpoint cut inside its storages is reported as truncated', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'modelgate-torch-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const data = await readFile(fixture('state_dict_legacy.pt'));
  const cut = path.join(dir, 'lstm_1h.pt');
  await writeFile(cut, data.subarray(0, data.length - 10));
  await assert.rejects(inspectTorchArchive(cut), (e: unknown) => {
    assert.ok(e instanceof ModelgateError);
    assert.equal(e.kind, 'check');
    assert.match(
      e.message,
      /^lstm_1h\.pt: storage \S+ (runs past the end of the file|is missing).*truncated/,
    );
    return true;
  });
});

test('a torch zip whose data/1 entry was removed names the missing storage', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'modelgate-torch-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'tft_1h.pt');
  await copyFile(fixture('missing_storage.pt'), file);
  await assert.rejects(inspectTorchArchive(file), (e: unknown) => {
    assert.ok(e instanceof ModelgateError);
    assert.equal(e.kind, 'check');
    assert.equal(e.file, 'tft_1h.pt');
    assert.match(
      e.message,
      /^tft_1h\.pt: data\.pkl references storage data\/1, which the archive does not contain/,
    );
    return true;
  });
  // Missing storages are a load problem, not a safety one: the pickle itself is clean.
  assert.ok(isFileSafe(await scanFileForPickles(file, 'tft_1h.pt')));
});

for (const protocol of [2, 4]) {
  test(`a scikit-learn LogisticRegression pickled at protocol ${protocol} passes`, async () => {
    const name = `logreg_p${protocol}.pkl`;
    const result = await scanFileForPickles(fixture(name), name);
    assert.equal(result.format, 'pickle');
    assert.ok(isFileSafe(result), safetyProblems(result).join('\n'));
    const found = names(result.pickles.flatMap((p) => p.globals));
    assert.ok(found.includes('sklearn.linear_model._logistic.LogisticRegression'));
    assert.ok(found.includes('numpy.core.multiarray._reconstruct'));
    // Protocol 2 has no bytes opcode: numpy's buffers travel through _codecs.encode.
    assert.equal(found.includes('_codecs.encode'), protocol === 2);
  });
}

test('a pickle carrying an os.system hook fails, naming the file and the global', async () => {
  const result = await scanFileForPickles(fixture('os_system.pkl'), 'models/os_system.pkl');
  assert.equal(isFileSafe(result), false);
  assert.deepEqual(result.unsafe, [{ module: 'posix', name: 'system' }]);
  const [problem] = safetyProblems(result);
  assert.match(problem ?? '', /^models\/os_system\.pkl: imports posix\.system \(STACK_GLOBAL at byte \d+\)/);
});

test('a deflated zip hiding that pickle under other names (protocol 4 and 0) is found by content', async () => {
  const result = await scanFileForPickles(fixture('deflated_payload.zip'), 'deflated_payload.zip');
  assert.equal(result.format, 'zip');
  assert.deepEqual(result.unsafe, [
    { member: 'model/hook.dat', module: 'posix', name: 'system' },
    { member: 'model/hook0.dat', module: 'posix', name: 'system' },
  ]);
  // A float .npy is not unpickled by numpy, and text is not a pickle.
  assert.deepEqual([...result.skipped].sort(), ['README.txt', 'model/weights.npy']);
});

test('the scan of a stored zip member reads only that member, offsets relative to it', async () => {
  const result = await scanFileForPickles(fixture('state_dict_zip.pt'), 'state_dict_zip.pt');
  const whole = await readFile(fixture('state_dict_zip.pt'));
  const dataPkl = result.pickles[0];
  assert.ok(dataPkl);
  // The walker's view of the member and of the file agree once the member's offset is known.
  const start = whole.indexOf(Buffer.from([0x80, 0x02]));
  const direct = scanPickle(whole.subarray(start));
  assert.deepEqual(
    dataPkl.globals.map((g) => g.offset),
    direct.globals.map((g) => g.offset),
  );
});

test('a compressed pickle cannot be vouched for, so it fails with the way out', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'modelgate-pickle-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const pickle = await readFile(fixture('logreg_p4.pkl'));
  for (const [name, data, kind] of [
    ['stacking_meta_1h.pkl', gzipSync(pickle), 'gzip'],
    ['stacking_meta.joblib', deflateSync(pickle), 'zlib'],
  ] as const) {
    await writeFile(path.join(dir, name), data);
    const result = await scanFileForPickles(path.join(dir, name), name);
    assert.equal(isFileSafe(result), false);
    assert.match(
      safetyProblems(result)[0] ?? '',
      new RegExp(`^${name.replace('.', '\\.')}: is ${kind}-compressed.*compress=0`),
    );
  }
  // Under a name nothing unpickles, compressed data is just data.
  await writeFile(path.join(dir, 'notes.gz'), gzipSync(pickle));
  assert.ok(isFileSafe(await scanFileForPickles(path.join(dir, 'notes.gz'), 'notes.gz')));
});
