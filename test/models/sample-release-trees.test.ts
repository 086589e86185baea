/**
 * The tree models of the committed sample release (samples/release: LightGBM text converted
 * from scikit-learn, XGBoost JSON from Debian's xgboost) reproduce their golden.json outputs,
 * which were computed by the training frameworks themselves, to 1e-6.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { loadTreeModel } from '../../src/core/models/tree-model.js';
import { repoRoot } from '../support/shared.js';
import { assertRowsClose } from './tree-expect.js';

const RELEASE = path.join(repoRoot, 'samples', 'release');

interface GoldenTreeEntry {
  rows?: (number | null)[][];
  outputs?: number[][];
}

test('sample release: every LightGBM and XGBoost golden entry is reproduced', async (t) => {
  const goldenFile = path.join(RELEASE, 'golden.json');
  if (!existsSync(goldenFile)) {
    t.skip('samples/release/golden.json is absent (run samples/generate.py)');
    return;
  }
  const golden = JSON.parse(await readFile(goldenFile, 'utf8')) as {
    models: Record<string, GoldenTreeEntry>;
  };
  let checked = 0;
  for (const [name, entry] of Object.entries(golden.models)) {
    const kind = name.endsWith('.txt') ? 'lightgbm' : name.endsWith('.json') ? 'xgboost' : undefined;
    if (!kind || !entry.rows || !entry.outputs) continue;
    const model = await loadTreeModel(path.join(RELEASE, name), kind, name);
    assertRowsClose(
      name,
      entry.rows.map((row) => model.predict(row)),
      entry.outputs,
    );
    checked++;
  }
  assert.ok(checked >= 2, `at least one LightGBM and one XGBoost entry were checked (${checked})`);
});
