/**
 * The WebAssembly reader of XGBoost JSON trees (wasm/xgboost-trees.ts) is a fast path: every
 * model it accepts must give exactly the evaluator the TypeScript reader builds, and every
 * model it declines is read by the TypeScript reader, whose errors stand. These tests hold it
 * to that on the sample and fixture models and on hundreds of mutated ones.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { TreeModel } from '../../src/core/models/tree-model.js';
import { readJsonNumber, readXgboostTrees } from '../../src/core/models/xgboost-fast.js';
import { parseXgboost } from '../../src/core/models/xgboost.js';
import { reference, repoRoot } from '../support/shared.js';
import { seededRandom } from '../support/random.js';

const FIELDS = [
  'base',
  'roots',
  'group',
  'weight',
  'left',
  'right',
  'feature',
  'condition',
  'defaultLeft',
  'catStart',
  'catLength',
  'catWords',
];

/** A parse's outcome: the evaluator's arrays (white-box: they are private to it) and info, or the error message. */
function outcome(
  parse: () => TreeModel,
): { arrays: Record<string, number[] | null>; info: unknown } | { error: string } {
  try {
    const model = parse();
    const fields = model as unknown as Record<string, ArrayLike<number> | null>;
    const arrays: Record<string, number[] | null> = {};
    for (const name of FIELDS) {
      const value = fields[name];
      arrays[name] = value === null || value === undefined ? null : Array.from(value);
    }
    return { arrays, info: model.info };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function bothWays(
  text: string,
  file: string,
): { fast: ReturnType<typeof outcome>; typescript: ReturnType<typeof outcome> } {
  return {
    fast: outcome(() => parseXgboost(text, file)),
    typescript: outcome(() => parseXgboost(text, file, { fast: false })),
  };
}

function verdict(text: string): string {
  const read = readXgboostTrees(text, Buffer.from(text, 'utf8'));
  return 'trees' in read ? 'accepted' : `declined: ${read.declined}`;
}

const fixture = (name: string): string => path.join(repoRoot, 'test', 'models', 'fixtures', name);

test('the sample and fixture XGBoost models: numeric gbtree models are read fast and identically, the others declined', () => {
  const cases: [string, string][] = [
    [path.join(repoRoot, 'samples', 'release', 'stacking_xgb_1h.json'), 'accepted'],
    [fixture('logitraw.json.txt'), 'accepted'],
    [fixture('multiclass.json.txt'), 'accepted'],
    [fixture('thresholds.json.txt'), 'accepted'],
    [fixture('dart.json.txt'), 'declined: layout'],
    // Categorical splits, and bare NaN tokens (not JSON) that the TypeScript reader tolerates.
    [fixture('binary-categorical.json.txt'), 'declined: json'],
  ];
  // The seed-sized bundle is generated, not committed (samples/generate.py --scale seed).
  const seed = path.join(repoRoot, 'samples', 'seed', 'stacking_xgb_1h.json');
  if (existsSync(seed)) cases.push([seed, 'accepted']);
  for (const [file, expected] of cases) {
    const text = readFileSync(file, 'utf8');
    assert.equal(verdict(text), expected, file);
    const { fast, typescript } = bothWays(text, path.basename(file));
    assert.ok('arrays' in typescript, `${file} parses`);
    assert.deepEqual(fast, typescript, `${file}: the same evaluator both ways`);
  }
});

test('the reference XGBoost model (categorical) is declined and read by the TypeScript reader', (t) => {
  const file = reference(t, 'xgboost', 'treelite_toy_categorical_1.4.0', 'xgb_toy_categorical_model.json');
  if (!file) return;
  const text = readFileSync(file, 'utf8');
  assert.match(verdict(text), /^declined/);
  const { fast, typescript } = bothWays(text, 'xgb_toy_categorical_model.json');
  assert.ok('arrays' in typescript);
  assert.deepEqual(fast, typescript);
});

type Json = Record<string, unknown>;

const VALUES: unknown[] = [
  0,
  1,
  -1,
  2,
  3,
  -2,
  1.5,
  -0.25,
  1e300,
  2147483648,
  -2147483649,
  1e-7,
  100,
  7,
  null,
  true,
  '1',
  [],
  {},
];
const SPELLINGS = [
  '1e400',
  '-0',
  '01',
  '1.',
  '.5',
  '-',
  '1e',
  'NaN',
  '99999999999999999999',
  '1E2',
  '1e-2',
  '0.0',
];
const TREE_LISTS = [
  'left_children',
  'right_children',
  'parents',
  'split_indices',
  'split_conditions',
  'default_left',
  'split_type',
  'loss_changes',
  'sum_hessian',
  'base_weights',
  'categories',
  'categories_nodes',
];

/** One structured or textual mutation of the model, chosen by `next`. */
function mutate(model: Json, next: () => number): { text: string; what: string } {
  const doc = structuredClone(model);
  const booster = (doc.learner as Json).gradient_booster as Json;
  const trees = (booster.model as Json).trees as Json[];
  const t = Math.floor(next() * trees.length);
  const tree = trees[t]!;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const kind = Math.floor(next() * 10);
  let what: string;
  if (kind <= 3) {
    const key = pick(TREE_LISTS);
    const list = (tree[key] ?? []) as unknown[];
    const at = Math.floor(next() * (list.length + 1));
    const value = pick(VALUES);
    if (next() < 0.2) list.splice(at, 1);
    else list[at] = value;
    tree[key] = list;
    what = `trees[${t}].${key}[${at}] -> ${JSON.stringify(value)}`;
  } else if (kind === 4) {
    const param = tree.tree_param as Json;
    const value = pick(['0', '1', String(Number(param.num_nodes) + 1), '2', 'x', 7, ' 3']);
    if (next() < 0.5) param.num_nodes = value;
    else param.size_leaf_vector = value;
    what = `trees[${t}].tree_param -> ${JSON.stringify(value)}`;
  } else if (kind === 5) {
    const key = pick(['extra', 'id', 'tree_param', 'split_type']);
    if (key === 'extra') tree.extra = 1;
    else delete tree[key];
    what = `trees[${t}]: ${key === 'extra' ? 'a key added' : `${key} removed`}`;
  } else if (kind === 6) {
    const change = pick(['dart', 'gblinear', 'no trees', 'num_feature', 'tree_info']);
    if (change === 'dart' || change === 'gblinear') booster.name = change;
    else if (change === 'no trees') (booster.model as Json).trees = [];
    else if (change === 'num_feature') ((doc.learner as Json).learner_model_param as Json).num_feature = '1';
    else ((booster.model as Json).tree_info as number[]).pop();
    what = change;
  } else {
    // A textual edit inside the trees: a number spelt another way, a character removed or added.
    const text = JSON.stringify(doc);
    const start = text.indexOf('"trees":[');
    const at = start + Math.floor(next() * (text.length - start));
    const edit = Math.floor(next() * 3);
    if (edit === 0) {
      const m = /-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(at));
      if (!m) return { text, what: 'none' };
      const s = pick(SPELLINGS);
      return {
        text: text.slice(0, at + m.index) + s + text.slice(at + m.index + m[0].length),
        what: `a number at ${at} -> ${s}`,
      };
    }
    if (edit === 1) return { text: text.slice(0, at) + text.slice(at + 1), what: `character ${at} removed` };
    const ch = pick([' ', '\n', ',', '"', '{', ']', '\\', 'é', '0', '-']);
    return { text: text.slice(0, at) + ch + text.slice(at), what: `${JSON.stringify(ch)} inserted at ${at}` };
  }
  // Half of the structured edits are written with spaces and newlines, as json.dumps(indent) would.
  return { text: next() < 0.5 ? JSON.stringify(doc) : JSON.stringify(doc, null, 1), what };
}

test('mutated models: the fast path and the TypeScript reader agree on every outcome, evaluator or error', () => {
  const original = JSON.parse(readFileSync(fixture('multiclass.json.txt'), 'utf8')) as Json;
  const next = seededRandom(20261203);
  let accepted = 0;
  let declined = 0;
  let failed = 0;
  for (let i = 0; i < 500; i++) {
    const { text, what } = mutate(original, next);
    const { fast, typescript } = bothWays(text, 'multiclass.json');
    assert.deepEqual(fast, typescript, `mutation ${i} (${what}): both readers must agree`);
    if ('error' in typescript) failed++;
    if (verdict(text) === 'accepted') accepted++;
    else declined++;
  }
  assert.ok(accepted >= 80, `the fast path took ${accepted} of 500 mutants`);
  assert.ok(declined >= 80 && failed >= 50, `${declined} declined, ${failed} refused by both`);
});

test('broken trees and JSON the TypeScript reader refuses are declined, and refused the same way', () => {
  const text = readFileSync(fixture('thresholds.json.txt'), 'utf8');
  const model = JSON.parse(text) as Json;
  const edit = (change: (tree: Json, doc: Json) => void): string => {
    const doc = structuredClone(model);
    const trees = (((doc.learner as Json).gradient_booster as Json).model as Json).trees as Json[];
    change(trees[0]!, doc);
    return JSON.stringify(doc);
  };
  const cases: [string, string][] = [
    ['a child that is the root', edit((t) => ((t.left_children as number[])[0] = 0))],
    ['a node that is its own child', edit((t) => ((t.right_children as number[])[0] = 0))],
    [
      'a node with two parents',
      edit((t) => ((t.right_children as number[])[0] = (t.left_children as number[])[0]!)),
    ],
    ['a child past the last node', edit((t) => ((t.left_children as number[])[0] = 99))],
    ['one child only', edit((t) => ((t.left_children as number[])[0] = -1))],
    ['a negative split index', edit((t) => ((t.split_indices as number[])[0] = -1))],
    ['default_left 2', edit((t) => ((t.default_left as number[])[0] = 2))],
    ['vector leaves', edit((t) => ((t.tree_param as Json).size_leaf_vector = '2'))],
    ['num_nodes past the lists', edit((t) => ((t.tree_param as Json).num_nodes = '99'))],
    ['a list of the wrong length', edit((t) => (t.parents as number[]).pop())],
    ['trailing text after the document', `${text.trim()} x`],
    ['a truncated document', text.slice(0, Math.floor(text.length * 0.7))],
  ];
  for (const [what, mutated] of cases) {
    assert.match(verdict(mutated), /^declined/, what);
    const { fast, typescript } = bothWays(mutated, 'thresholds.json');
    assert.ok('error' in typescript, `${what}: the TypeScript reader refuses it`);
    assert.deepEqual(fast, typescript, what);
  }
  // Repeated keys in a tree: JSON.parse keeps the last, and the fast path leaves them to it.
  const repeated = edit(() => undefined)
    .replace('"id":0', '"id":0,"id":1')
    .replace('"left_children":', '"parents":[],"left_children":');
  assert.equal(verdict(repeated), 'declined: layout');
  const rep = bothWays(repeated, 'thresholds.json');
  assert.ok('arrays' in rep.typescript, 'repeated keys are read');
  assert.deepEqual(rep.fast, rep.typescript, 'repeated keys');
  // A child that is the root, below the root: checkTree's last check.
  const backToRoot = edit((t) => {
    const lefts = t.left_children as number[];
    const k = lefts.findIndex((c, i) => i > 0 && c !== -1);
    lefts[k] = 0;
  });
  assert.match(verdict(backToRoot), /^declined/, 'a node below the root pointing back to it');
  const root = bothWays(backToRoot, 'thresholds.json');
  assert.ok('error' in root.typescript);
  assert.deepEqual(root.fast, root.typescript, 'a node below the root pointing back to it');
  // Two trees lists, the second spelt with an escape or not: JSON.parse keeps the last.
  const canonical = JSON.stringify(model);
  const trees = (((model.learner as Json).gradient_booster as Json).model as Json).trees as Json[];
  const other = structuredClone(trees);
  (other[0]!.split_conditions as number[])[0]! += 1;
  for (const key of ['"trees"', '"\\u0074rees"']) {
    const list = `"trees":${JSON.stringify(trees)}`;
    const twice = canonical.replace(list, `"trees":${JSON.stringify(other)},${key}:${JSON.stringify(trees)}`);
    assert.notEqual(twice, canonical);
    assert.match(verdict(twice), /^declined/, `trees twice (${key})`);
    const two = bothWays(twice, 'thresholds.json');
    assert.ok('arrays' in two.typescript, `trees twice (${key}) is read`);
    assert.deepEqual(two.fast, two.typescript, `trees twice (${key})`);
  }
  // A categorical split (here with no categories, so every category goes right) is the
  // TypeScript reader's to read.
  const categorical = edit((t) => ((t.split_type as number[])[0] = 1));
  assert.equal(verdict(categorical), 'declined: tree');
  const cat = bothWays(categorical, 'thresholds.json');
  assert.ok('arrays' in cat.typescript, 'a categorical split is read');
  assert.deepEqual(cat.fast, cat.typescript, 'a categorical split');
  // A split on a feature past num_feature: the reader does not know num_feature, so xgboost.ts
  // checks its largest split index and reads the file again in TypeScript, which words it.
  const pastFeatures = edit((t) => ((t.split_indices as number[])[0] = 99));
  const past = bothWays(pastFeatures, 'thresholds.json');
  assert.ok(
    'error' in past.typescript && /split_indices/.test(past.typescript.error),
    'a split past num_feature is refused',
  );
  assert.deepEqual(past.fast, past.typescript, 'a split past num_feature');
  // An escaped key on the way to the trees ("trees" spelt with \u0074): JSON.parse reads it as trees.
  const escaped = text.replace('"trees":', '"\\u0074rees":');
  assert.match(verdict(escaped), /^declined/);
  const both = bothWays(escaped, 'thresholds.json');
  assert.deepEqual(both.fast, both.typescript, 'an escaped key');
});

test('JSON numbers: the WebAssembly reader gives exactly what JSON.parse gives, or declines', () => {
  const next = seededRandom(11);
  const tokens = [
    '0',
    '-0',
    '1',
    '-1',
    '0.5',
    '1e5',
    '1E-5',
    '1e+5',
    '-0.0',
    '123456789012345678',
    '1234567890123456789',
    '0.30000000000000001665334536937734810635447502136230468750001',
    '9007199254740993',
    '1.7976931348623157e308',
    '1e309',
    '4.9e-324',
    '1e-400',
    '01',
    '1.',
    '.5',
    '-',
    '+1',
    '1e',
    '0x1',
    'NaN',
    '1.5e',
    '--1',
    // +Infinity spelt with an exponent longer than the leading zeros.
    `0.${'0'.repeat(99999)}1e1000000`,
  ];
  const bits = new BigUint64Array(1);
  const asDouble = new Float64Array(bits.buffer);
  for (let k = 0; k < 30000; k++) {
    bits[0] = (BigInt(Math.floor(next() * 2 ** 32)) << 32n) | BigInt(Math.floor(next() * 2 ** 32));
    const x = Number.isFinite(asDouble[0]) ? asDouble[0]! : 2.5;
    const f = Math.fround((next() - 0.5) * 10 ** Math.floor(next() * 20 - 10));
    tokens.push(
      JSON.stringify(x),
      JSON.stringify(f),
      x.toExponential(Math.floor(next() * 20)),
      f.toPrecision(1 + Math.floor(next() * 21)),
    );
  }
  let read = 0;
  for (const token of tokens) {
    let expected: unknown;
    try {
      expected = JSON.parse(token);
    } catch {
      expected = undefined;
    }
    const got = readJsonNumber(token);
    if (typeof expected !== 'number') {
      assert.equal(got, undefined, `${JSON.stringify(token)} is not a JSON number`);
      continue;
    }
    if (got === undefined) continue;
    read++;
    assert.ok(Object.is(got, expected), `${token}: read ${got}, JSON.parse gives ${expected}`);
  }
  assert.ok(read >= tokens.length * 0.8, `read ${read} of ${tokens.length}`);
});
