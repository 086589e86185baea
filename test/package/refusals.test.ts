import assert from 'node:assert/strict';
import { appendFileSync, rmSync } from 'node:fs';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { InputError, ModelgateError } from '../../src/core/errors.js';
import { packageRelease, type PackageOptions } from '../../src/core/package/package.js';
import { parseReleaseTimestamp } from '../../src/core/package/timestamp.js';
import type { Report } from '../../src/core/report/types.js';
import { fixtureBundle, tempDir, TIMESTAMP } from './fixtures.js';

async function attempt(
  t: import('node:test').TestContext,
  prepare: (dir: string) => Promise<void>,
  extra: Partial<PackageOptions> = {},
) {
  const { dir, config } = await fixtureBundle(t);
  await prepare(dir);
  const outputDir = path.join(await tempDir(t), 'out');
  const promise = packageRelease({
    bundleDir: dir,
    config,
    configFile: 'modelgate.yml',
    timestamp: TIMESTAMP,
    outputDir,
    ...extra,
  });
  return { promise, outputDir, dir };
}

async function leftIn(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

test('a symbolic link in the bundle is refused, naming it', async (t) => {
  const { promise, outputDir } = await attempt(t, async (dir) => {
    await symlink('/etc/passwd', path.join(dir, 'passwd.json'));
  });
  await assert.rejects(promise, (error: ModelgateError) => {
    assert.match(error.message, /\/passwd\.json: is a symbolic link; a release holds regular files only/);
    return true;
  });
  assert.deepEqual(await leftIn(outputDir), []);
});

test('a link to a directory inside the bundle is refused too', async (t) => {
  const { promise } = await attempt(t, async (dir) => {
    await mkdir(path.join(dir, 'extra'));
    await symlink('extra', path.join(dir, 'alias'));
  });
  await assert.rejects(promise, /\/alias: is a symbolic link/);
});

test('an empty bundle is refused', async (t) => {
  const dir = path.join(await tempDir(t), 'empty');
  await mkdir(path.join(dir, 'sub'), { recursive: true });
  const { config } = await fixtureBundle(t);
  await assert.rejects(
    packageRelease({
      bundleDir: dir,
      config,
      configFile: 'modelgate.yml',
      timestamp: TIMESTAMP,
      outputDir: path.join(dir, '..', 'out'),
    }),
    /empty: the bundle is empty; point the bundle input at the training job's output directory/,
  );
});

for (const [name, reason] of [
  ['a b.txt', /"a b\.txt" contains a space; use only letters, digits, "\.", "_" and "-"/],
  ['-x', /"-x" starts with "-", which tools read as an option/],
  ['modèle.json', /"modèle\.json" contains "è"/],
  ['notes\nnext.txt', /contains a control character \(U\+000A\)/],
] as const) {
  test(`a name that is not portable is refused: ${JSON.stringify(name)}`, async (t) => {
    const { promise, outputDir } = await attempt(t, async (dir) => {
      await writeFile(path.join(dir, name), 'x');
    });
    await assert.rejects(promise, (error: ModelgateError) => {
      assert.match(error.message, /name is not portable/);
      assert.match(error.message, reason);
      assert.ok(error.file?.endsWith(name), error.file);
      return true;
    });
    assert.deepEqual(await leftIn(outputDir), []);
  });
}

test('names that differ only in case are refused', async (t) => {
  const { promise } = await attempt(t, async (dir) => {
    await mkdir(path.join(dir, 'Extra'));
    await writeFile(path.join(dir, 'Extra', 'a.json'), '{}');
    await mkdir(path.join(dir, 'extra'));
    await writeFile(path.join(dir, 'extra', 'b.json'), '{}');
  });
  await assert.rejects(promise, /"extra" and "Extra" differ only in case/);
});

test('a failed health report is refused, naming the failed checks', async (t) => {
  const report: Report = {
    passed: false,
    checks: [
      { name: 'integrity', status: 'pass', ms: 4, message: '5 files' },
      { name: 'golden', status: 'fail', ms: 30, message: 'lstm_1h.onnx output 0.61 differs from 0.52' },
      { name: 'safety', status: 'fail', ms: 2, message: 'stacking_meta_1h.pkl imports os.system' },
    ],
  };
  const { promise, outputDir } = await attempt(t, async () => undefined, { health: report });
  await assert.rejects(promise, (error: ModelgateError) => {
    assert.equal(error.kind, 'check');
    assert.match(
      error.message,
      /the health check failed \(golden, safety\) - golden: lstm_1h\.onnx output 0\.61 differs from 0\.52; safety: stacking_meta_1h\.pkl imports os\.system; fix the bundle and package again/,
    );
    return true;
  });
  assert.deepEqual(await leftIn(outputDir), []);
});

test('a health check run on the spot that fails is refused', async (t) => {
  let ran = false;
  const { promise } = await attempt(t, async () => undefined, {
    health: async () => {
      ran = true;
      return {
        passed: false,
        checks: [{ name: 'load', status: 'fail', ms: 1, message: 'cannot load tft_1h.onnx' }],
      };
    },
  });
  await assert.rejects(promise, /health check failed \(load\)/);
  assert.ok(ran);
});

test('a bad timestamp is an input error naming the input and quoting the value', async (t) => {
  for (const [value, what] of [
    ['2026-02-20', 'is not a release timestamp'],
    ['20260230_120000', 'is not a real date and time'],
    ['20260220_246000', 'is not a real date and time'],
  ] as const) {
    const { promise } = await attempt(t, async () => undefined, { timestamp: value });
    await assert.rejects(promise, (error: InputError) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.input, 'timestamp');
      assert.equal(
        error.message,
        `input timestamp: "${value}" ${what}; expected YYYYMMDD_HHMMSS in UTC, e.g. 20260220_145749`,
      );
      return true;
    });
  }
  assert.equal(parseReleaseTimestamp('20240229_235959').toISOString(), '2024-02-29T23:59:59.000Z');
});

test('a file the config lists but the bundle lacks is refused', async (t) => {
  const { promise } = await attempt(t, async (dir) => rmSync(path.join(dir, 'lstm_1h.onnx')));
  await assert.rejects(
    promise,
    /missing lstm_1h\.onnx, listed in release\.artifacts of modelgate\.yml; add it to the bundle or remove it from the config/,
  );
});

test('a bundle that already holds a manifest.json is refused', async (t) => {
  const { promise } = await attempt(t, async (dir) => writeFile(path.join(dir, 'manifest.json'), '{}'));
  await assert.rejects(promise, /manifest\.json: the bundle already holds a manifest/);
});

test('an output directory inside the bundle is refused', async (t) => {
  const { dir, config } = await fixtureBundle(t);
  await assert.rejects(
    packageRelease({
      bundleDir: dir,
      config,
      configFile: 'modelgate.yml',
      timestamp: TIMESTAMP,
      outputDir: path.join(dir, 'dist'),
    }),
    (error: InputError) => error.input === 'output-dir' && /is inside the bundle/.test(error.message),
  );
});

test('a file removed while packaging fails the run and leaves no partial tarball', async (t) => {
  const messages: string[] = [];
  const { promise, outputDir, dir } = await attempt(t, async () => undefined, {
    onProgress: (message) => {
      messages.push(message);
      // The first file is being added: a later one disappears under our feet.
      if (message.startsWith('adding lstm_1h.onnx')) rmSync(path.join(dir, 'stacking_meta_1h.json'));
    },
  });
  await assert.rejects(
    promise,
    /stacking_meta_1h\.json: changed while it was being packaged \(it was removed\)/,
  );
  assert.ok(messages.some((m) => m.startsWith('adding lstm_1h.onnx')));
  assert.deepEqual(await leftIn(outputDir), [], 'no tarball, manifest, notes or temporary file');
});

test('a file that grows while packaging fails the run and leaves nothing behind', async (t) => {
  const { promise, outputDir, dir } = await attempt(t, async () => undefined, {
    onProgress: (message) => {
      if (message.startsWith('adding stacking_lgb_1h.txt'))
        appendFileSync(path.join(dir, 'stacking_meta_1h.pkl'), 'more');
    },
  });
  await assert.rejects(
    promise,
    /stacking_meta_1h\.pkl: changed while it was being packaged \(its size went from 738 to 742 bytes\)/,
  );
  assert.deepEqual(await leftIn(outputDir), []);
});

test('an output directory that cannot be created is an input error', async (t) => {
  const { dir, config } = await fixtureBundle(t);
  const blocker = path.join(await tempDir(t), 'file');
  await writeFile(blocker, 'not a directory');
  await assert.rejects(
    packageRelease({
      bundleDir: dir,
      config,
      configFile: 'modelgate.yml',
      timestamp: TIMESTAMP,
      outputDir: path.join(blocker, 'out'),
    }),
    (error: InputError) => error.input === 'output-dir' && /cannot create .*\(ENOTDIR\)/.test(error.message),
  );
});

test('a tarball given as the bundle is refused with what to do instead', async (t) => {
  const { config } = await fixtureBundle(t);
  const dir = await tempDir(t);
  const tarball = path.join(dir, 'bundle.tar.gz');
  await writeFile(tarball, 'not read');
  await assert.rejects(
    packageRelease({
      bundleDir: tarball,
      config,
      configFile: 'modelgate.yml',
      timestamp: TIMESTAMP,
      outputDir: path.join(dir, 'out'),
    }),
    /bundle\.tar\.gz: expected a bundle directory, found a file \(a tarball: extract it first, or check it with the healthcheck, which takes tarballs as they are\)/,
  );
  assert.deepEqual(await leftIn(path.join(dir, 'out')), []);
});

test('a package cancelled part way removes its unfinished files', async (t) => {
  const controller = new AbortController();
  let files = 0;
  const { promise, outputDir } = await attempt(t, async () => undefined, {
    signal: controller.signal,
    onProgress: (line) => {
      // Cancelled once the first file is being added, as SIGINT would.
      if (line.startsWith('adding ') && ++files === 1) controller.abort(new Error('SIGINT'));
    },
  });
  await assert.rejects(promise, /cancelled \(SIGINT\) before \S+; nothing was written/);
  assert.deepEqual(await leftIn(outputDir), []);
});
