/**
 * The runner-side tarball check (checkTarball): the tarball's sha256, size and entries
 * against the manifest, before anything is uploaded. Real tarballs made with `tar -czf`
 * (entries named `./...`) and with Python's tarfile (a `..` entry).
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { readTarballFile } from '../../src/core/bundle/tar.js';
import { checkTarball } from '../../src/core/deploy/tarball.js';
import { makeDotDotTarball, makeRelease, tempDir } from './fixtures.js';

const ID = 'macd_models_final_20260301_090000';

test('a tarball made with tar -czf -C dir . matches its manifest: files and extracted bytes', async (t) => {
  const dir = await tempDir(t);
  const release = await makeRelease(dir, ID);
  const inner = await readTarballFile(release.tarball, 'manifest.json');
  assert.ok(inner, 'the fixture packs manifest.json');
  const modelBytes = Object.values(release.files).reduce((sum, data) => sum + data.length, 0);

  const checked = await checkTarball(release.tarball, release.manifest);

  assert.equal(checked.sha256, release.manifest.bundle?.sha256);
  assert.equal(checked.size, release.manifest.bundle?.size);
  assert.equal(checked.files, Object.keys(release.files).length + 1, 'the model files and manifest.json');
  assert.equal(checked.extractedBytes, modelBytes + inner.length);
});

test('a tarball that is not the manifest’s is reported as such, even when an entry is also unsafe', async (t) => {
  const dir = await tempDir(t);
  const evil = await makeDotDotTarball(dir, ID);
  const bundle = evil.manifest.bundle;
  assert.ok(bundle);
  const wrong = { ...evil.manifest, bundle: { ...bundle, sha256: 'b'.repeat(64) } };
  await assert.rejects(
    checkTarball(evil.tarball, wrong),
    /does not match the manifest's bundle\.sha256 b{64} .*Nothing was uploaded$/,
  );
});

test('an unsafe entry in the tarball the manifest describes is refused, naming the entry', async (t) => {
  const dir = await tempDir(t);
  const evil = await makeDotDotTarball(dir, ID);
  await assert.rejects(
    checkTarball(evil.tarball, evil.manifest),
    /entry "\.\.\/escape\.txt" has a "\.\." component/,
  );
});

test('files missing from the tarball, or not in the manifest, or of another size are all listed', async (t) => {
  const dir = await tempDir(t);
  const release = await makeRelease(dir, ID);
  const [first, second, ...rest] = release.manifest.files;
  assert.ok(first && second);
  const manifest = {
    ...release.manifest,
    files: [{ ...second, size: second.size + 1 }, ...rest, { ...first, path: 'absent.onnx' }],
  };
  const error = await checkTarball(release.tarball, manifest).then(
    () => assert.fail('a mismatched tarball was accepted'),
    (e: unknown) => e as Error,
  );
  assert.match(error.message, /the tarball does not match the manifest of /);
  assert.ok(
    error.message.includes(`${second.path} is ${second.size} bytes, the manifest says ${second.size + 1}`),
  );
  assert.ok(error.message.includes('absent.onnx is listed in the manifest but not in the tarball'));
  assert.ok(error.message.includes(`${first.path} is in the tarball but not in the manifest`));
  assert.doesNotMatch(error.message, /manifest\.json is in the tarball/);
});
