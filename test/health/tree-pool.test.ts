import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ModelgateError } from '../../src/core/errors.js';
import { loadGolden } from '../../src/core/golden.js';
import { loadTreeModel } from '../../src/core/models/tree-model.js';
import { TreePool } from '../../src/core/health/tree-pool.js';
import { bundleOptions, workerBundleOptions } from '../../scripts/bundle-options.mjs';
import { repoRoot } from '../support/shared.js';
import { sampleDir, tempDir } from './support.js';

const run = promisify(execFile);

const FILES = [
  ['stacking_lgb_1h.txt', 'lightgbm'],
  ['stacking_xgb_1h.json', 'xgboost'],
  ['trend_regime_model.txt', 'lightgbm'],
] as const;

for (const useWorker of [true, false]) {
  test(`tree models parsed ${useWorker ? 'on the worker thread and this one' : 'on this thread only'} predict what the evaluators predict`, async () => {
    const golden = await loadGolden(path.join(sampleDir, 'golden.json'), 'golden.json');
    const pool = new TreePool(useWorker);
    try {
      assert.equal(pool.threaded, useWorker);
      // Nobody helps from this thread: with a worker, the worker parses every file.
      const handles = await Promise.all(
        FILES.map(([name, kind]) => pool.load(path.join(sampleDir, name), kind, name)),
      );
      assert.ok(handles.every((h) => h.thread === (useWorker ? 'worker' : 'main')));
      for (const [i, [name, kind]] of FILES.entries()) {
        const entry = golden.models[name];
        assert.equal(entry?.kind, 'tree');
        const direct = await loadTreeModel(path.join(sampleDir, name), kind, name);
        assert.deepEqual(handles[i]!.info, direct.info);
        assert.deepEqual(
          await handles[i]!.predict(entry.rows),
          entry.rows.map((r) => direct.predict(r)),
        );
      }
    } finally {
      await pool.close();
    }
  });
}

test('this thread takes the parses the worker has not started while many are left', async () => {
  const pool = new TreePool(true);
  try {
    // Nine jobs of unknown size: while the worker boots, this thread takes jobs until the
    // ones left would no longer keep the worker busy longer than a cold parse here.
    const copies = [0, 1, 2].flatMap((copy) => FILES.map(([name, kind]) => [copy, name, kind] as const));
    const loading = copies.map(([copy, name, kind]) =>
      pool.load(path.join(sampleDir, name), kind, `${copy}/${name}`),
    );
    await pool.parseQueuedHere();
    const handles = await Promise.all(loading);
    const here = handles.filter((h) => h.thread === 'main').length;
    assert.ok(here >= 1 && here <= 3, `${here} of 9 parsed here`);
    assert.equal(handles.length, 9);
  } finally {
    await pool.close();
  }
});

test('a parse error from the worker arrives as a ModelgateError naming the file and line', async (t) => {
  const dir = await tempDir(t);
  const file = path.join(dir, 'broken.txt');
  await writeFile(file, 'tree\nversion=v4\nnum_class=banana\n');
  const pool = new TreePool(true);
  try {
    const loading = pool.load(file, 'lightgbm', 'broken.txt');
    await assert.rejects(loading, (error: unknown) => {
      assert.ok(error instanceof ModelgateError, String(error));
      assert.match(error.message, /^broken\.txt/);
      assert.equal(error.file, 'broken.txt');
      assert.equal(error.line, 3, error.message);
      return true;
    });
  } finally {
    await pool.close();
  }
});

test('a prediction the model refuses (a row of the wrong width) is reported, not swallowed', async () => {
  const pool = new TreePool(true);
  try {
    const handle = await pool.load(
      path.join(sampleDir, 'stacking_lgb_1h.txt'),
      'lightgbm',
      'stacking_lgb_1h.txt',
    );
    await assert.rejects(
      handle.predict([[1, 2, 3]]),
      /stacking_lgb_1h\.txt: a row of 3 values was given, the model takes 16 features/,
    );
  } finally {
    await pool.close();
  }
});

test('bundled as npm run build bundles the actions, the pool parses on the worker in dist/chunks', async (t) => {
  const dir = await tempDir(t);
  const file = path.join(sampleDir, 'stacking_lgb_1h.txt');
  const entry = path.join(dir, 'entry.ts');
  await writeFile(
    entry,
    `import { TreePool } from ${JSON.stringify(path.join(repoRoot, 'src/core/health/tree-pool.ts'))};
      const pool = new TreePool();
      const handle = await pool.load(${JSON.stringify(file)}, 'lightgbm', 'stacking_lgb_1h.txt');
      console.log(JSON.stringify({ threaded: pool.threaded, thread: handle.thread, trees: handle.info.trees }));
      await pool.close();`,
  );
  // With one entry, the pool is inlined into dist/cli/index.js: the worker, built on its own
  // as npm run build builds it, is then found one folder over, in dist/chunks/.
  await build(bundleOptions({ 'cli/index': entry }, path.join(dir, 'dist')));
  await build(
    workerBundleOptions(path.join(repoRoot, 'src/core/health/tree-worker.ts'), path.join(dir, 'dist')),
  );
  await writeFile(path.join(dir, 'dist', 'package.json'), '{ "type": "module" }\n');
  const { stdout } = await run(process.execPath, [path.join(dir, 'dist', 'cli', 'index.js')]);
  const direct = await loadTreeModel(file, 'lightgbm');
  assert.deepEqual(JSON.parse(stdout), { threaded: true, thread: 'worker', trees: direct.info.trees });
});

test('a little work left over is left to the worker rather than parsed cold here', async () => {
  const pool = new TreePool(true);
  try {
    const file = path.join(sampleDir, 'stacking_lgb_1h.txt');
    const { size } = await stat(file);
    const loading = pool.load(file, 'lightgbm', 'stacking_lgb_1h.txt', size);
    await pool.parseQueuedHere();
    assert.equal((await loading).thread, 'worker');
  } finally {
    await pool.close();
  }
});

test('a file the worker cannot read is reported as loadTreeModel reports it', async (t) => {
  const dir = await tempDir(t);
  const pool = new TreePool(true);
  try {
    await assert.rejects(
      pool.load(path.join(dir, 'absent.txt'), 'lightgbm', 'models/absent.txt'),
      (error: unknown) => {
        assert.ok(error instanceof ModelgateError, String(error));
        assert.equal(error.message, 'models/absent.txt: cannot read the lightgbm model: file not found');
        assert.equal(error.file, 'models/absent.txt');
        return true;
      },
    );
  } finally {
    await pool.close();
  }
});
