/**
 * The LightGBM reader takes numbers straight from the file's text when they are written the
 * way LightGBM writes them, and falls back to reading token by token for anything else. Both
 * must read a model the same: here the hand-built fixture is rewritten with other spellings
 * of the same numbers (runs of spaces, tabs, "+1", "1.0", "0x1", "1e0", CRLF, "inf") and must
 * predict exactly what the plain file predicts, and counts no line can hold are refused by
 * their token count, before anything that large is allocated. Files are read as UTF-8 (ASCII
 * ones through a faster path that must give the same text).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ModelgateError } from '../../src/core/errors.js';
import { parseLightGbm } from '../../src/core/models/lightgbm.js';
import { loadTreeModel, loadTreeModelSync } from '../../src/core/models/tree-model.js';

const HAND_BUILT = readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'hand-built-lightgbm.txt'),
  'utf8',
);

/** Rows that reach every leaf of the fixture (see lightgbm-hand-built.test.ts). */
const ROWS: (number | null)[][] = [
  [null, -2, 1],
  [0, -2, 1],
  [-1, 0, 3],
  [-1, null, 2],
  [0.7, 5, 33],
  [-0.5, 1e-40, 64],
  [-3, -1.5, -1],
  [null, null, null],
  [-1, 1.5, 1],
  [-1, 1.6, 1],
];

/** Replaces exactly one occurrence, so a fixture change cannot silently make a test vacuous. */
function edit(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `${JSON.stringify(from)} occurs exactly once`);
  return text.replace(from, to);
}

function predictions(text: string): number[][] {
  const model = parseLightGbm(text, 'm.txt');
  return ROWS.map((row) => model.predictRaw(row));
}

test('LightGBM: other spellings of the same numbers read exactly as the plain file', () => {
  const expected = predictions(HAND_BUILT);
  const respelt: [string, string, string][] = [
    ['runs of spaces', 'threshold=-0.5 1.5', 'threshold=  -0.5    1.5  '],
    ['a tab after a value', 'leaf_value=0.1 0.2 0.3', 'leaf_value=0.1\t 0.2 0.3\t'],
    ['a plus sign and exponents', 'leaf_value=0.1 0.2 0.3', 'leaf_value=+0.1 2e-1 0.3e0'],
    ['integers written as decimals', 'right_child=-2 -3', 'right_child=-2.0 -3'],
    ['a hexadecimal integer', 'left_child=1 -1', 'left_child=0x1 -1'],
    ['a positive sign on an integer', 'split_feature=0 1', 'split_feature=+0 1'],
    ['a category word in hexadecimal', 'cat_threshold=11 2', 'cat_threshold=0xb 2'],
  ];
  for (const [why, from, to] of respelt) {
    assert.deepEqual(predictions(edit(HAND_BUILT, from, to)), expected, why);
  }
  assert.deepEqual(predictions(HAND_BUILT.replace(/\n/g, '\r\n')), expected, 'CRLF line endings');
  // An infinite threshold is allowed (every value goes left of it), in C's spelling too.
  const inf = predictions(edit(HAND_BUILT, 'threshold=0\ndecision_type=0', 'threshold=inf\ndecision_type=0'));
  const plainInf = predictions(
    edit(HAND_BUILT, 'threshold=0\ndecision_type=0', 'threshold=1e999\ndecision_type=0'),
  );
  assert.deepEqual(inf, plainInf);
});

function expectError(text: string, message: string, line: number): void {
  assert.throws(
    () => parseLightGbm(text, 'm.txt'),
    (error: unknown) => {
      assert.ok(error instanceof ModelgateError, String(error));
      assert.equal(error.message, message);
      assert.equal(error.line, line);
      return true;
    },
  );
}

test('LightGBM: a count no line can hold is refused by its token count', () => {
  expectError(
    edit(HAND_BUILT, 'num_leaves=3', 'num_leaves=1000000000'),
    'm.txt:20 Tree=0: leaf_value has 3 values, expected num_leaves=1000000000',
    20,
  );
  expectError(
    edit(HAND_BUILT, 'num_cat=1', 'num_cat=1000000000'),
    'm.txt:45 Tree=1: cat_boundaries has 2 values, expected num_cat+1=1000000001',
    45,
  );
  expectError(
    edit(HAND_BUILT, 'cat_boundaries=0 2', 'cat_boundaries=0 2000000000'),
    'm.txt:46 Tree=1: cat_threshold has 2 values, expected cat_boundaries[1]=2000000000',
    46,
  );
});

test('LightGBM files are read as UTF-8, feature names included, by both readers', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'modelgate-spellings-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const plain = path.join(dir, 'plain.txt');
  const named = path.join(dir, 'named.txt');
  await writeFile(plain, HAND_BUILT);
  await writeFile(named, edit(HAND_BUILT, 'feature_names=f0 f1 f2', 'feature_names=prix_€ größe f2'));
  for (const load of [loadTreeModel, loadTreeModelSync]) {
    const ascii = await load(plain, 'lightgbm', 'plain.txt');
    assert.deepEqual(ascii.info.featureNames, ['f0', 'f1', 'f2']);
    assert.deepEqual(
      ROWS.map((row) => ascii.predictRaw(row)),
      predictions(HAND_BUILT),
    );
    const utf8 = await load(named, 'lightgbm', 'named.txt');
    assert.deepEqual(utf8.info.featureNames, ['prix_€', 'größe', 'f2']);
  }
});
