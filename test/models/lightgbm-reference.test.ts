/**
 * The LightGBM evaluator reproduces what LightGBM itself predicted for the reference models:
 * three models trained by LightGBM 4.6 (multi-word categorical bitsets, NaN- and
 * zero-missing splits, multiclass softmax) and two v2-era files (DART; 13-class raw scores).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { loadTreeModel } from '../../src/core/models/tree-model.js';
import { reference } from '../support/shared.js';
import { assertRowsClose, readTable } from './tree-expect.js';

interface Expected {
  rows: (number | null)[][];
  outputs: number[][];
}

const V4_MODELS = [
  { name: 'binary_cat_nan', objective: 'binary', classes: 1, trees: 45, features: 12 },
  { name: 'multiclass_regime', objective: 'multiclass', classes: 3, trees: 60, features: 10 },
  { name: 'regression_zero_missing', objective: 'regression', classes: 1, trees: 30, features: 10 },
];

for (const spec of V4_MODELS) {
  test(`LightGBM 4.6 ${spec.name}: every expected.json output is reproduced`, async (t) => {
    const modelFile = reference(t, 'lightgbm', 'real-lightgbm-v4', spec.name, 'model.txt');
    const expectedFile = reference(t, 'lightgbm', 'real-lightgbm-v4', spec.name, 'expected.json');
    if (!modelFile || !expectedFile) return;
    const model = await loadTreeModel(modelFile, 'lightgbm', `${spec.name}/model.txt`);
    assert.equal(model.info.format, 'lightgbm');
    assert.equal(model.info.version, 'v4');
    assert.equal(model.info.objective, spec.objective);
    assert.equal(model.info.classes, spec.classes);
    assert.equal(model.info.trees, spec.trees);
    assert.equal(model.info.features, spec.features);
    assert.equal(model.info.featureNames?.length, spec.features);

    const expected = JSON.parse(await readFile(expectedFile, 'utf8')) as Expected;
    assert.ok(expected.rows.length >= 50, 'the reference holds at least 50 rows');
    const got = expected.rows.map((row) => model.predict(row));
    assertRowsClose(spec.name, got, expected.outputs);
  });
}

test('the NaN rows of binary_cat_nan take the missing-value branches (not the zero branches)', async (t) => {
  const modelFile = reference(t, 'lightgbm', 'real-lightgbm-v4', 'binary_cat_nan', 'model.txt');
  const expectedFile = reference(t, 'lightgbm', 'real-lightgbm-v4', 'binary_cat_nan', 'expected.json');
  if (!modelFile || !expectedFile) return;
  const model = await loadTreeModel(modelFile, 'lightgbm');
  const expected = JSON.parse(await readFile(expectedFile, 'utf8')) as Expected;
  // If null were read as 0 the predictions would differ: guards against a silent fallback.
  let changed = 0;
  for (const row of expected.rows) {
    if (!row.includes(null)) continue;
    const zeroed = row.map((v) => v ?? 0);
    if (Math.abs((model.predict(row)[0] as number) - (model.predict(zeroed)[0] as number)) > 1e-9) changed++;
  }
  assert.ok(changed > 0, 'some rows with missing values predict differently from the same rows with zeros');
});

test('LightGBM v2 DART breast-cancer model: the 57 probabilities are reproduced', async (t) => {
  const modelFile = reference(t, 'lightgbm', 'leaves_dart_breast_cancer_v2', 'lg_dart_breast_cancer.model');
  const rowsFile = reference(t, 'lightgbm', 'leaves_dart_breast_cancer_v2', 'breast_cancer_test.tsv');
  const predFile = reference(
    t,
    'lightgbm',
    'leaves_dart_breast_cancer_v2',
    'lg_dart_breast_cancer_true_predictions.txt',
  );
  if (!modelFile || !rowsFile || !predFile) return;
  const model = await loadTreeModel(modelFile, 'lightgbm');
  assert.equal(model.info.version, 'v2');
  assert.equal(model.info.objective, 'binary');
  const rows = await readTable(rowsFile);
  const want = await readTable(predFile);
  assert.equal(rows.length, 57);
  assertRowsClose(
    'dart',
    rows.map((row) => model.predict(row)),
    want,
  );
});

test('LightGBM v2 kddcup99 13-class model: the 504 rows of raw scores are reproduced', async (t) => {
  const modelFile = reference(t, 'lightgbm', 'leaves_kddcup99_multiclass_v2', 'lg_kddcup99.model');
  const rowsFile = reference(t, 'lightgbm', 'leaves_kddcup99_multiclass_v2', 'kddcup99_test.tsv');
  const predFile = reference(
    t,
    'lightgbm',
    'leaves_kddcup99_multiclass_v2',
    'lg_kddcup99_true_predictions.txt',
  );
  if (!modelFile || !rowsFile || !predFile) return;
  const model = await loadTreeModel(modelFile, 'lightgbm');
  assert.equal(model.info.classes, 13);
  assert.equal(model.info.trees, 130);
  assert.equal(model.info.features, 41);
  const rows = await readTable(rowsFile);
  const want = await readTable(predFile);
  assert.equal(rows.length, 504);
  assertRowsClose(
    'kddcup99',
    rows.map((row) => model.predictRaw(row)),
    want,
  );
  // predict() is the softmax of the raw scores: one probability per class, summing to 1.
  const probabilities = model.predict(rows[0] as number[]);
  assert.equal(probabilities.length, 13);
  assert.ok(Math.abs(probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-12);
});
