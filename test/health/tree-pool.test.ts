import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ModelgateError } from '../../src/core/errors.js';
import { loadGolden } from '../../src/core/golden.js';
import { loadTreeModel } from '../../src/core/models/tree-model.js';
import { TreePool } from '../../src/core/health/tree-pool.js';
import { sampleDir, tempDir } from './support.js';

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

test('this thread takes the parses the worker has not started', async () => {
  const pool = new TreePool(true);
  try {
    const loading = FILES.map(([name, kind]) => pool.load(path.join(sampleDir, name), kind, name));
    // The worker is still booting: everything queued is parsed here.
    await pool.parseQueuedHere();
    const handles = await Promise.all(loading);
    assert.ok(handles.some((h) => h.thread === 'main'));
    assert.equal(handles.length, 3);
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
