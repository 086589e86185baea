/**
 * A LightGBM text model written by hand (fixtures/hand-built-lightgbm.txt), whose every path is worked out below from the rules
 * of LightGBM's Tree::NumericalDecision / CategoricalDecision. It pins down the missing-value
 * semantics that the sample release's converted models (scikit-learn -> LightGBM text) rely on:
 * NaN-missing with default-left, zero-missing with default-right, no missing type, and
 * categorical bitsets spanning two words.
 *
 * Features: f0 numeric, f1 numeric, f2 categorical.
 *
 * Tree=0 (3 leaves)
 *   node 0: f0 <= -0.5, decision_type 10 = NaN-missing (8) | default-left (2): NaN goes left
 *           (where 0.0 would go right)
 *           left -> node 1, right -> leaf 1 (0.2)
 *   node 1: f1 <= 1.5, decision_type 4 = zero-missing, default right: |f1| <= 1e-35 and NaN
 *           (read as 0.0 first, since the missing type is not NaN) go right (where a plain
 *           0.0 <= 1.5 would go left)
 *           left -> leaf 0 (0.1), right -> leaf 2 (0.3)
 * Tree=1 (2 leaves, 1 categorical split)
 *   node 0: f2 in {0, 1, 3, 33}, decision_type 9 = categorical (1) | NaN-missing (8)
 *           cat_threshold words: 0b1011 = 11 (categories 0, 1, 3), 0b10 = 2 (category 33)
 *           in the set -> leaf 0 (1.0); otherwise, NaN, negative after truncation toward zero
 *           or beyond the 64 bits -> leaf 1 (-1.0)
 * Tree=2: a single leaf, 0.05
 * Tree=3 (2 leaves)
 *   node 0: f1 <= 0, decision_type 0 = no missing type: NaN becomes 0.0, which goes left
 *           left -> leaf 0 (0.01), right -> leaf 1 (0.02)
 *
 * LightGBM's dense-row reader also drops values with |v| <= 1e-35 (they become exactly 0).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseLightGbm } from '../../src/core/models/lightgbm.js';

const FIXTURE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures',
  'hand-built-lightgbm.txt',
);
const HAND_BUILT_MODEL = readFileSync(FIXTURE, 'utf8');

/** Row, then the leaves of Tree=0..3 it reaches by the rules above. */
const CASES: { row: (number | null)[]; leaves: [number, number, number, number]; why: string }[] = [
  {
    row: [null, -2, 1],
    leaves: [0.1, 1, 0.05, 0.01],
    why: 'f0 NaN: default-left to node 1; -2 <= 1.5; category 1 listed',
  },
  {
    row: [0, -2, 1],
    leaves: [0.2, 1, 0.05, 0.01],
    why: 'f0 = 0 is a value, not missing: 0 > -0.5 goes right',
  },
  {
    row: [-1, 0, 3],
    leaves: [0.3, 1, 0.05, 0.01],
    why: 'f1 exactly 0 at the zero-missing node: default right',
  },
  {
    row: [-1, null, 2],
    leaves: [0.3, -1, 0.05, 0.01],
    why: 'f1 NaN at zero-missing: read as 0, so missing, right; category 2 unlisted',
  },
  {
    row: [0.7, 5, 33],
    leaves: [0.2, 1, 0.05, 0.02],
    why: '0.7 > -0.5 right; category 33 is bit 1 of the second word',
  },
  {
    row: [-0.5, 1e-40, 64],
    leaves: [0.3, -1, 0.05, 0.01],
    why: '-0.5 <= -0.5 left; 1e-40 is zero; category 64 is past the bitset',
  },
  {
    row: [-3, -1.5, -1],
    leaves: [0.1, -1, 0.05, 0.01],
    why: '-1.5 <= 1.5 left; a negative category goes right',
  },
  {
    row: [null, null, null],
    leaves: [0.3, -1, 0.05, 0.01],
    why: 'NaN left at node 0, zero at node 1; NaN category right; NaN -> 0 at Tree=3',
  },
  {
    row: [-0.4999999999, -1.4, 3.9],
    leaves: [0.2, 1, 0.05, 0.01],
    why: 'just above -0.5 goes right; 3.9 truncates to category 3',
  },
  {
    row: [-1, -1e-36, -0.5],
    leaves: [0.3, 1, 0.05, 0.01],
    why: '-1e-36 is zero; -0.5 truncates toward zero to category 0, listed',
  },
  {
    row: [-1, 1e-30, 0],
    leaves: [0.1, 1, 0.05, 0.02],
    why: '1e-30 is above kZeroThreshold: a value, <= 1.5 left; > 0 right at Tree=3',
  },
  { row: [-1, 1.5, 1], leaves: [0.1, 1, 0.05, 0.02], why: '1.5 <= 1.5 goes left' },
  { row: [-1, 1.6, 1], leaves: [0.3, 1, 0.05, 0.02], why: '1.6 > 1.5 goes right' },
];

test('hand-built model: raw scores follow the worked-out paths', () => {
  const model = parseLightGbm(HAND_BUILT_MODEL, 'hand-built.txt');
  assert.equal(model.info.trees, 4);
  assert.deepEqual(model.info.featureNames, ['f0', 'f1', 'f2']);
  for (const { row, leaves, why } of CASES) {
    const expected = leaves.reduce((sum, v) => sum + v, 0);
    const [got] = model.predictRaw(row);
    assert.ok(
      Math.abs((got as number) - expected) < 1e-12,
      `${JSON.stringify(row)} (${why}): got ${got}, expected ${expected}`,
    );
    // regression: predict is the raw score.
    assert.deepEqual(model.predict(row), [got]);
  }
});

test('hand-built model as binary sigmoid:2: predict is 1 / (1 + exp(-2 * raw))', () => {
  const model = parseLightGbm(
    HAND_BUILT_MODEL.replace('objective=regression', 'objective=binary sigmoid:2'),
    'binary.txt',
  );
  for (const { row, leaves } of CASES) {
    const raw = leaves.reduce((sum, v) => sum + v, 0);
    const [p] = model.predict(row);
    assert.ok(
      Math.abs((p as number) - 1 / (1 + Math.exp(-2 * raw))) < 1e-12,
      `${JSON.stringify(row)}: got ${p}`,
    );
  }
});

test('hand-built model with average_output (random forest): the sum is divided by the 4 iterations', () => {
  const model = parseLightGbm(
    HAND_BUILT_MODEL.replace('feature_names=', 'average_output\nfeature_names='),
    'rf.txt',
  );
  for (const { row, leaves } of CASES) {
    const mean = leaves.reduce((sum, v) => sum + v, 0) / 4;
    const [got] = model.predictRaw(row);
    assert.ok(
      Math.abs((got as number) - mean) < 1e-12,
      `${JSON.stringify(row)}: got ${got}, expected ${mean}`,
    );
  }
});

test('hand-built model with other objectives: poisson is exp, regression sqrt squares with sign, cross_entropy is a sigmoid', () => {
  const row = [0.7, 5, 33];
  const raw = 0.2 + 1 + 0.05 + 0.02;
  const with_ = (objective: string) =>
    parseLightGbm(
      HAND_BUILT_MODEL.replace('objective=regression', `objective=${objective}`),
      `${objective}.txt`,
    ).predict(row)[0] as number;
  assert.ok(Math.abs(with_('poisson') - Math.exp(raw)) < 1e-12);
  assert.ok(Math.abs(with_('regression sqrt') - raw * raw) < 1e-12);
  assert.ok(Math.abs(with_('cross_entropy') - 1 / (1 + Math.exp(-raw))) < 1e-12);
});
