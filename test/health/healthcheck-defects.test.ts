/**
 * Each defect a tired person misses, planted in a copy of the sample release: each must fail
 * the right check with a message that names the file.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import {
  assertFails,
  check,
  copySample,
  healthcheck,
  reweightOnnx,
  sampleConfig,
  tempDir,
  writeManifest,
} from './support.js';

test('a flipped byte, with the manifest kept, fails integrity naming the file', async (t) => {
  const dir = await copySample(t);
  await writeManifest(dir);
  const file = path.join(dir, 'lstm_1h.pt');
  const data = await readFile(file);
  // In the middle of a weight tensor: the archive still opens, only the hash can tell.
  const at = Math.floor(data.length / 2);
  data[at] = data[at]! ^ 0x01;
  await writeFile(file, data);
  const report = await healthcheck(dir);
  const integrity = assertFails(report, 'integrity', 'lstm_1h.pt', 'sha256', 'manifest.json');
  assert.ok(
    integrity.problems?.some((p) => p.file?.endsWith(path.join('release', 'lstm_1h.pt'))),
    'annotation on the file',
  );
  assert.equal(check(report, 'config').status, 'pass');
  assert.equal(check(report, 'load').status, 'pass', check(report, 'load').message);
});

test('an ONNX export from other weights fails golden naming the file', async (t) => {
  const dir = await copySample(t);
  const file = path.join(dir, 'lstm_1h.onnx');
  const { data } = reweightOnnx(await readFile(file));
  await writeFile(file, data);
  const report = await healthcheck(dir);
  // Still a well-formed model of the same shapes: only golden can tell.
  assert.equal(check(report, 'load').status, 'pass', check(report, 'load').message);
  const golden = assertFails(report, 'golden', 'lstm_1h.onnx', 'golden.json', 'output probs');
  const row = (
    golden.details as { models: { model: string; status: string; maxAbsDiff: number }[] }
  ).models.find((m) => m.model === 'lstm_1h.onnx')!;
  assert.equal(row.status, 'fail');
  assert.ok(row.maxAbsDiff > 1e-4);
  assert.ok(golden.problems?.some((p) => p.severity === 'error' && p.file?.endsWith('lstm_1h.onnx')));
});

test('a LightGBM leaf edited by hand fails golden naming the file', async (t) => {
  const dir = await copySample(t);
  const file = path.join(dir, 'stacking_lgb_1h.txt');
  const text = await readFile(file, 'utf8');
  // Every leaf of the first tree moves, so whichever leaf a golden row reaches has changed.
  // A digit is replaced rather than a value rewritten: the edit keeps the tree's byte size,
  // so tree_sizes still holds and the file still loads; only golden can tell.
  let edited = false;
  const out = text.replace(/^leaf_value=(.*)$/m, (_, values: string) => {
    edited = true;
    const changed = values.split(' ').map((v) => v.replace(/[1-9]/, (d) => (d === '9' ? '1' : '9')));
    return `leaf_value=${changed.join(' ')}`;
  });
  assert.ok(edited);
  assert.equal(out.length, text.length);
  await writeFile(file, out);
  const report = await healthcheck(dir);
  assert.equal(check(report, 'load').status, 'pass', check(report, 'load').message);
  assertFails(report, 'golden', 'stacking_lgb_1h.txt', 'row ');
});

test("changed meta-learner coefficients fail golden's stacking entry naming the meta JSON", async (t) => {
  const dir = await copySample(t);
  const file = path.join(dir, 'stacking_meta_1h.json');
  const meta = JSON.parse(await readFile(file, 'utf8')) as { meta_learner: { coef: number[] } };
  meta.meta_learner.coef[0] = meta.meta_learner.coef[0]! + 0.5;
  await writeFile(file, JSON.stringify(meta, null, 2));
  const report = await healthcheck(dir);
  assert.equal(check(report, 'stacking').status, 'pass', 'the shape is still consistent');
  assertFails(report, 'golden', 'stacking_meta_1h.json', 'meta-learner probability', 'coefficients');
});

test('a missing artifact fails config naming the file', async (t) => {
  const dir = await copySample(t);
  await rm(path.join(dir, 'tft_1h.pt'));
  const report = await healthcheck(dir);
  const config = assertFails(report, 'config', 'tft_1h.pt', 'missing from the bundle', 'release.artifacts');
  assert.equal(config.problems?.[0]?.file, 'samples/modelgate.yml', 'annotated on the config that lists it');
  // The other checks still run: one missing file does not hide the rest.
  assert.equal(check(report, 'golden').status, 'pass');
});

test('an os.system pickle in place of the meta-learner fails safety naming the file and the global', async (t) => {
  const dir = await copySample(t);
  await writeFile(
    path.join(dir, 'stacking_meta_1h.pkl'),
    Buffer.from("cposix\nsystem\n(S'echo pwned'\ntR.", 'latin1'),
  );
  const report = await healthcheck(dir);
  const safety = assertFails(report, 'safety', 'stacking_meta_1h.pkl', 'posix.system');
  assert.ok(safety.problems?.some((p) => p.file?.endsWith('stacking_meta_1h.pkl')));
  // Nothing ran it: the stacking check names what the learner imports instead of a class.
  assertFails(report, 'stacking', 'stacking_meta_1h.pkl', 'posix.system');
});

const MAKE_TAR = `
import io, sys, tarfile
out, kind = sys.argv[1], sys.argv[2]
with tarfile.open(out, "w:gz") as tar:
    def add(name, data=b"x"):
        info = tarfile.TarInfo(name); info.size = len(data); tar.addfile(info, io.BytesIO(data))
    add("lstm_1h_meta.json", b"{}")
    if kind == "dotdot":
        add("../escaped.txt", b"pwned")
    else:
        link = tarfile.TarInfo("models_link"); link.type = tarfile.SYMTYPE; link.linkname = "/etc/passwd"; tar.addfile(link)
`;

for (const [kind, entry] of [
  ['dotdot', '../escaped.txt'],
  ['symlink', 'models_link'],
] as const) {
  test(`a tarball with a ${kind === 'dotdot' ? '../' : 'link'} entry is refused by safety, naming the entry`, async (t) => {
    const work = await tempDir(t);
    const tarball = path.join(work, 'inner', `bad_${kind}.tar.gz`);
    await mkdir(path.dirname(tarball));
    execFileSync('/usr/bin/python3', ['-c', MAKE_TAR, tarball, kind]);
    const scratch = path.join(work, 'scratch');
    await mkdir(scratch);
    const report = await healthcheck(tarball, { workDir: scratch });
    const safety = assertFails(report, 'safety', `bad_${kind}.tar.gz`, entry);
    assert.ok(safety.problems?.[0]?.file?.endsWith(`bad_${kind}.tar.gz`));
    for (const name of ['config', 'integrity', 'load', 'golden']) {
      const c = check(report, name);
      assert.equal(c.status, 'skip', `${name} is skipped: ${c.message}`);
      assert.match(c.message, /refused/);
    }
    // Nothing was written outside the extraction folder, which is gone.
    assert.equal(existsSync(path.join(work, 'escaped.txt')), false);
    assert.equal(existsSync(path.join(work, 'inner', 'escaped.txt')), false);
    assert.deepEqual(await readdir(scratch), []);
  });
}

test('a truncated ONNX file fails load naming the file', async (t) => {
  const dir = await copySample(t);
  const file = path.join(dir, 'tft_1h.onnx');
  await truncate(file, Math.floor((await stat(file)).size / 2));
  const report = await healthcheck(dir);
  const load = assertFails(report, 'load', 'tft_1h.onnx');
  assert.match(load.message, /tft_1h\.onnx: onnxruntime cannot load the model/);
  assert.ok(load.problems?.some((p) => p.severity === 'error' && p.file?.endsWith('tft_1h.onnx')));
  assert.equal(
    check(report, 'integrity').status,
    'pass',
    'without a manifest, a truncated file is for load to find',
  );
  // golden.json's recorded result is not shown as a pass by a bundle that cannot produce it.
  const inference = check(report, 'inference');
  assert.equal(inference.status, 'skip');
  assert.match(
    inference.message,
    /^not shown as a result: load, golden failed, so this bundle does not reproduce the recorded bull_prob/,
  );
  assert.equal(report.inference, undefined);
});

test('a JSON syntax error fails load naming the file and the line', async (t) => {
  const dir = await copySample(t);
  const file = path.join(dir, 'lstm_1h_meta.json');
  const lines = (await readFile(file, 'utf8')).split('\n');
  // Drop the comma at the end of line 2, as a hand edit would: the error is where line 3 starts.
  assert.match(lines[1]!, /^ {2}"best_head": .*,$/);
  lines[1] = lines[1]!.slice(0, -1);
  await writeFile(file, lines.join('\n'));
  const report = await healthcheck(dir);
  const load = assertFails(report, 'load', 'lstm_1h_meta.json:3:');
  assert.match(
    load.message,
    /^lstm_1h_meta\.json:3:3 not valid JSON: expected "," or "}" after the value of "best_head", got "\\""/,
  );
  const problem = load.problems?.find((p) => p.file?.endsWith('lstm_1h_meta.json'));
  assert.equal(problem?.line, 3);
});

test('a golden file the config names is required when listed in release.artifacts, and warned about when not', async (t) => {
  const { config } = await sampleConfig();
  const listed = await copySample(t);
  await rm(path.join(listed, 'golden.json'));
  const strict = await healthcheck(listed);
  assertFails(strict, 'config', 'golden.json');
  assert.match(
    check(strict, 'golden').message,
    /^golden\.json: not in the bundle, so no output was compared/,
  );
  assert.equal(check(strict, 'golden').status, 'fail');

  // Named as release.golden only: a bundle without it passes with a warning that says how to require it.
  const loose = await copySample(t);
  const report = await healthcheck(loose, {
    config: { ...config, release: { ...config.release, golden: 'golden_1h.json' } },
  });
  const golden = check(report, 'golden');
  assert.equal(golden.status, 'warn');
  assert.match(
    golden.message,
    /^golden_1h\.json: not in the bundle, .*list it in release\.artifacts so that a bundle without it fails$/,
  );
});

test('a tarball of the bundle folder, not of its contents, fails config with the tar command that fixes it', async (t) => {
  const copy = await copySample(t);
  const work = await tempDir(t);
  const tarball = path.join(work, 'release.tar.gz');
  // tar -czf release.tar.gz release: every entry under release/.
  execFileSync('tar', ['-czf', tarball, '-C', path.dirname(copy), path.basename(copy)]);
  const report = await healthcheck(tarball, { workDir: work });
  const config = assertFails(report, 'config');
  assert.match(
    config.message,
    /; the bundle's files are all under release\/ \(a tarball of the folder rather than of its contents\?\): pack it with tar -czf <name>\.tar\.gz -C release \. or point the bundle input at release$/,
  );
});
