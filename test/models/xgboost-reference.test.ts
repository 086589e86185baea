/**
 * The XGBoost evaluator reproduces XGBoost's own predictions: the treelite 1.4 categorical toy
 * (JSON booleans for default_left, bare NaN tokens), and fixtures saved by XGBoost 1.7.4
 * (test/models/fixtures/make-xgboost-fixtures.py) for base_score links, float32 accumulation,
 * multiclass, DART and categorical rows with invalid and unseen categories.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseXgboost } from '../../src/core/models/xgboost.js';
import { loadTreeModel } from '../../src/core/models/tree-model.js';
import { reference } from '../support/shared.js';
import { assertRowsClose, readLibsvm, readTable } from './tree-expect.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('treelite toy (XGBoost 1.4, categorical): the 20 margins are reproduced', async (t) => {
  const dir = ['xgboost', 'treelite_toy_categorical_1.4.0'];
  const modelFile = reference(t, ...dir, 'xgb_toy_categorical_model.json');
  const rowsFile = reference(t, ...dir, 'xgb_toy_categorical.test');
  const predFile = reference(t, ...dir, 'xgb_toy_categorical.test.pred');
  if (!modelFile || !rowsFile || !predFile) return;
  const text = await readFile(modelFile, 'utf8');
  assert.throws(
    () => JSON.parse(text),
    SyntaxError,
    'the file holds bare NaN tokens that JSON.parse rejects',
  );

  const model = await loadTreeModel(modelFile, 'xgboost');
  assert.deepEqual(
    {
      format: model.info.format,
      objective: model.info.objective,
      classes: model.info.classes,
      trees: model.info.trees,
    },
    { format: 'xgboost', objective: 'reg:squarederror', classes: 1, trees: 5 },
  );
  assert.equal(model.info.version, '1.4.0');
  const rows = await readLibsvm(rowsFile, model.info.features);
  const want = await readTable(predFile);
  assert.equal(rows.length, 20);
  assertRowsClose(
    'toy margins',
    rows.map((row) => model.predictRaw(row)),
    want,
  );
  // reg:squarederror: predict is the margin itself.
  assertRowsClose(
    'toy predict',
    rows.map((row) => model.predict(row)),
    want,
  );
});

interface FixtureExpected {
  xgboost: string;
  rows: (number | null)[][];
  margins: number[] | number[][];
  predictions: number[] | number[][];
}

async function fixture(name: string): Promise<{ text: string; expected: FixtureExpected }> {
  const text = await readFile(path.join(FIXTURES, `${name}.json.txt`), 'utf8');
  const expected = JSON.parse(
    await readFile(path.join(FIXTURES, `${name}.expected.json`), 'utf8'),
  ) as FixtureExpected;
  return { text, expected };
}

const asRows = (values: number[] | number[][]): number[][] => values.map((v) => (Array.isArray(v) ? v : [v]));

/** XGBoost computes in float32, and so does the evaluator: outputs agree to the bit. */
function assertExact(label: string, got: number[][], want: number[][]): void {
  assertRowsClose(label, got, want);
  assert.deepEqual(got, want, `${label}: float32 arithmetic reproduces XGBoost bit for bit`);
}

test('XGBoost 1.7.4 binary:logistic, base_score 0.3, categorical split, missing and invalid categories', async () => {
  const { text, expected } = await fixture('binary-categorical');
  const model = parseXgboost(text, 'binary-categorical.json');
  assert.equal(model.info.objective, 'binary:logistic');
  assert.equal(model.info.version, '1.7.4');
  assertExact(
    'margins',
    expected.rows.map((r) => model.predictRaw(r)),
    asRows(expected.margins),
  );
  assertExact(
    'probabilities',
    expected.rows.map((r) => model.predict(r)),
    asRows(expected.predictions),
  );
});

test('XGBoost 1.7.4 multi:softprob: per-class margins and softmax probabilities', async () => {
  const { text, expected } = await fixture('multiclass');
  const model = parseXgboost(text, 'multiclass.json');
  assert.equal(model.info.classes, 3);
  assertExact(
    'margins',
    expected.rows.map((r) => model.predictRaw(r)),
    asRows(expected.margins),
  );
  assertExact(
    'probabilities',
    expected.rows.map((r) => model.predict(r)),
    asRows(expected.predictions),
  );
});

test('XGBoost 1.7.4 DART: tree weights (weight_drop) scale each tree', async () => {
  const { text, expected } = await fixture('dart');
  const model = parseXgboost(text, 'dart.json');
  assertExact(
    'margins',
    expected.rows.map((r) => model.predictRaw(r)),
    asRows(expected.margins),
  );
  assertExact(
    'probabilities',
    expected.rows.map((r) => model.predict(r)),
    asRows(expected.predictions),
  );
});

test('XGBoost 1.7.4 binary:logitraw: base_score is the margin itself (no logit) and predict is the margin', async () => {
  const { text, expected } = await fixture('logitraw');
  const model = parseXgboost(text, 'logitraw.json');
  assertExact(
    'margins',
    expected.rows.map((r) => model.predictRaw(r)),
    asRows(expected.margins),
  );
  assertExact(
    'predict',
    expected.rows.map((r) => model.predict(r)),
    asRows(expected.predictions),
  );
});

test('base_score as a 3.1-style bracketed vector gives the same margins as the scalar form', async () => {
  const { text, expected } = await fixture('binary-categorical');
  assert.ok(text.includes('"base_score":"3E-1"'), 'the 1.7 file spells base_score as a scalar string');
  const vector = parseXgboost(text.replace('"base_score":"3E-1"', '"base_score":"[3E-1]"'), 'vector.json');
  assertExact(
    'margins',
    expected.rows.map((r) => vector.predictRaw(r)),
    asRows(expected.margins),
  );
});

test('default_left as JSON booleans (before 1.6) reads like 0/1', async () => {
  const { text, expected } = await fixture('dart');
  const withBooleans = text.replace(/"default_left":\[([^\]]*)\]/g, (_m, list: string) => {
    const flags = list.split(',').map((s) => (s.trim() === '1' ? 'true' : 'false'));
    return `"default_left":[${flags.join(',')}]`;
  });
  assert.notEqual(withBooleans, text);
  const model = parseXgboost(withBooleans, 'booleans.json');
  assertExact(
    'margins',
    expected.rows.map((r) => model.predictRaw(r)),
    asRows(expected.margins),
  );
});

test('rows on split values (given as doubles) branch as XGBoost does: float32 rounding, then x < split', async () => {
  const { text, expected } = await fixture('thresholds');
  const model = parseXgboost(text, 'thresholds.json');
  assert.ok(expected.rows.length >= 30, 'three rows per split of the five trees');
  assertExact(
    'margins',
    expected.rows.map((r) => model.predictRaw(r)),
    asRows(expected.margins),
  );
  // The fixture is only a test if doubles just below a split land on it after rounding.
  const roundsUp = expected.rows.some((row) => row.some((v) => v !== null && Math.fround(v) !== v));
  assert.ok(roundsUp, 'some row values are not float32 values');
});
