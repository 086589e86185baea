/**
 * The WebAssembly reader of LightGBM's tree section (wasm/lightgbm-trees.ts) is a fast path:
 * every file it accepts must give exactly the arrays the TypeScript reader gives, and every
 * file it declines is read by the TypeScript reader. These tests hold it to that on real
 * models, on hundreds of mutated ones, and number by number against JavaScript's Number().
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readNumbers, readTreeSection } from '../../src/core/models/lightgbm-fast.js';
import { parseLightGbm } from '../../src/core/models/lightgbm.js';
import type { TreeModel } from '../../src/core/models/tree-model.js';
import { reference, repoRoot } from '../support/shared.js';
import { seededRandom } from '../support/random.js';

const ARRAYS = [
  'roots',
  'feature',
  'threshold',
  'decision',
  'left',
  'right',
  'catStart',
  'catLength',
  'leafValue',
];

/** A parse's outcome: the model's arrays (white-box: they are private to the evaluator) and info, or the error message. */
function outcome(
  parse: () => TreeModel,
): { arrays: Record<string, number[]>; info: unknown } | { error: string } {
  try {
    const model = parse();
    const fields = model as unknown as Record<string, ArrayLike<number>>;
    const arrays: Record<string, number[]> = {};
    for (const name of ARRAYS) arrays[name] = Array.from(fields[name]!, (x) => (Object.is(x, -0) ? -0 : x));
    arrays.catWords = Array.from(fields.catWords!);
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
    fast: outcome(() => parseLightGbm(text, file)),
    typescript: outcome(() => parseLightGbm(text, file, { fast: false })),
  };
}

/** The reader's verdict on a file, called directly (parseLightGbm hides whether it declined). */
function verdict(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const start = text.indexOf('\nTree=') + 1;
  const max = /\nmax_feature_idx=(\d+)\n/.exec(text);
  if (start === 0 || !max) return 'no trees';
  const read = readTreeSection(bytes, Buffer.byteLength(text.slice(0, start)), Number(max[1]));
  return 'trees' in read ? 'accepted' : `declined: ${read.declined}`;
}

/**
 * A sample model without its tree_sizes line: an edit that changes a tree's length would
 * otherwise be refused for its byte offsets, after the trees were read, and hide how they were read.
 */
function editableModel(): string {
  const text = readFileSync(path.join(repoRoot, 'samples', 'release', 'stacking_lgb_1h.txt'), 'latin1');
  return text.replace(/\ntree_sizes=[^\n]*/, '');
}

function modelFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt') && readFileSync(path.join(dir, f), 'latin1').startsWith('tree'))
        .map((f) => path.join(dir, f))
    : [];
}

test('the sample release models are read by the WebAssembly reader, into the TypeScript reader arrays', () => {
  const files = [
    ...modelFiles(path.join(repoRoot, 'samples', 'release')),
    // The seed-sized bundle is generated, not committed (samples/generate.py --scale seed).
    ...modelFiles(path.join(repoRoot, 'samples', 'seed')),
  ];
  assert.ok(files.length >= 6, 'samples/release holds six LightGBM models');
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    assert.equal(verdict(text), 'accepted', `${file}: the fast path must take a model LightGBM wrote`);
    const { fast, typescript } = bothWays(text, path.basename(file));
    assert.ok('arrays' in typescript, `${file} parses`);
    assert.deepEqual(fast, typescript, `${file}: same arrays both ways`);
  }
});

test('the reference LightGBM models: numeric ones are read fast and identically, categorical ones are declined', (t) => {
  const cases = [
    { parts: ['real-lightgbm-v4', 'regression_zero_missing', 'model.txt'], expect: 'accepted' },
    { parts: ['real-lightgbm-v4', 'multiclass_regime', 'model.txt'], expect: 'accepted' },
    { parts: ['leaves_dart_breast_cancer_v2', 'lg_dart_breast_cancer.model'], expect: 'accepted' },
    { parts: ['real-lightgbm-v4', 'binary_cat_nan', 'model.txt'], expect: 'declined: tree' },
    { parts: ['leaves_kddcup99_multiclass_v2', 'lg_kddcup99.model'], expect: 'declined: tree' },
  ];
  for (const c of cases) {
    const file = reference(t, 'lightgbm', ...c.parts);
    if (!file) return;
    const text = readFileSync(file, 'utf8');
    assert.equal(verdict(text), c.expect, file);
    const { fast, typescript } = bothWays(text, c.parts.join('/'));
    assert.ok('arrays' in typescript, `${file} parses`);
    assert.deepEqual(fast, typescript, `${file}: same arrays both ways`);
  }
});

const SPELLINGS = [
  '1e5',
  '-0',
  '+3',
  '.5',
  '5.',
  '-.25',
  '0x10',
  'inf',
  '-inf',
  'nan',
  'NaN',
  '1.0000000000000000001',
  '',
  '1e400',
  '1e-400',
  '4.9e-324',
  '99999999999999999999',
  '2',
  '-1',
  '0',
  '31',
  '127',
  '12',
  '1',
  '200',
  '-2147483649',
  '9007199254740993',
  '1_0',
  '1e',
  '--1',
  '1.2.3',
  'é',
];

/** One mutation of `text`'s tree section, chosen by `next`. */
function mutate(text: string, next: () => number): { text: string; what: string } {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.startsWith('Tree='));
  const last = lines.indexOf('end of trees');
  const pick = (): number => first + Math.floor(next() * (last - first));
  const n = pick();
  const line = lines[n]!;
  const kind = Math.floor(next() * 12);
  const eq = line.indexOf('=');
  switch (kind) {
    case 0:
    case 1:
    case 2: {
      // Replace one value of a key=value line.
      if (eq < 0) return { text, what: 'none' };
      const values = line.slice(eq + 1).split(' ');
      const k = Math.floor(next() * values.length);
      const spelling = SPELLINGS[Math.floor(next() * SPELLINGS.length)]!;
      values[k] = spelling;
      lines[n] = `${line.slice(0, eq + 1)}${values.join(' ')}`;
      return { text: lines.join('\n'), what: `line ${n + 1}: value ${k} -> ${JSON.stringify(spelling)}` };
    }
    case 3:
      lines.splice(n, 1);
      return { text: lines.join('\n'), what: `line ${n + 1} deleted` };
    case 4:
      lines.splice(n, 0, line);
      return { text: lines.join('\n'), what: `line ${n + 1} repeated` };
    case 5: {
      [lines[n], lines[n + 1]] = [lines[n + 1]!, line];
      return { text: lines.join('\n'), what: `lines ${n + 1} and ${n + 2} swapped` };
    }
    case 6:
      lines[n] = `${line}\r`;
      return { text: lines.join('\n'), what: `line ${n + 1} ends in CR` };
    case 7: {
      const at = Math.floor(next() * (line.length + 1));
      lines[n] = line.slice(0, at) + line.slice(at + 1);
      return { text: lines.join('\n'), what: `line ${n + 1}: character ${at} deleted` };
    }
    case 8: {
      const at = Math.floor(next() * (line.length + 1));
      const ch = ' =-.e\t9é'[Math.floor(next() * 8)]!;
      lines[n] = line.slice(0, at) + ch + line.slice(at);
      return { text: lines.join('\n'), what: `line ${n + 1}: ${JSON.stringify(ch)} inserted at ${at}` };
    }
    case 9: {
      // Swap two values inside a children line: often a valid other tree, sometimes a broken one.
      if (eq < 0) return { text, what: 'none' };
      const values = line.slice(eq + 1).split(' ');
      const a = Math.floor(next() * values.length);
      const b = Math.floor(next() * values.length);
      [values[a], values[b]] = [values[b]!, values[a]!];
      lines[n] = `${line.slice(0, eq + 1)}${values.join(' ')}`;
      return { text: lines.join('\n'), what: `line ${n + 1}: values ${a} and ${b} swapped` };
    }
    case 10: {
      // A number changed to a close, valid one: the fast path must take it and agree.
      if (eq < 0 || !/^(leaf_value|threshold)$/.test(line.slice(0, eq))) return { text, what: 'none' };
      const values = line.slice(eq + 1).split(' ');
      const k = Math.floor(next() * values.length);
      const v = Number(values[k]) * (1 + (next() - 0.5) * 1e-3);
      values[k] = [v.toPrecision(17), String(v), v.toExponential(12)][Math.floor(next() * 3)]!;
      lines[n] = `${line.slice(0, eq + 1)}${values.join(' ')}`;
      return { text: lines.join('\n'), what: `line ${n + 1}: value ${k} -> ${values[k]}` };
    }
    default: {
      const key = [
        'num_cat=1',
        'is_linear=1',
        'decision_type=1',
        'Tree=7',
        'end of trees',
        'num_leaves=0',
        '',
      ][Math.floor(next() * 7)]!;
      lines.splice(n, 0, key);
      return { text: lines.join('\n'), what: `line ${JSON.stringify(key)} inserted before line ${n + 1}` };
    }
  }
}

test('mutated models: the fast path and the TypeScript reader agree on every outcome, arrays or error', () => {
  const original = editableModel();
  const next = seededRandom(20261203);
  let accepted = 0;
  let declined = 0;
  let failed = 0;
  for (let i = 0; i < 600; i++) {
    const { text, what } = mutate(original, next);
    const { fast, typescript } = bothWays(text, 'stacking_lgb_1h.txt');
    assert.deepEqual(fast, typescript, `mutation ${i} (${what}): both readers must agree`);
    if ('error' in typescript) failed++;
    if (verdict(text) === 'accepted') accepted++;
    else declined++;
  }
  // Both kinds must occur, or the test would not test the fast path.
  assert.ok(accepted >= 100, `the fast path took ${accepted} of 600 mutants`);
  assert.ok(declined >= 100 && failed >= 50, `${declined} declined, ${failed} refused by both`);
});

test('broken tree shapes are declined and refused as the TypeScript reader refuses them', () => {
  const lines = editableModel().split('\n');
  const leftAt = lines.findIndex((l) => l.startsWith('left_child='));
  const rightAt = lines.findIndex((l) => l.startsWith('right_child='));
  const left = lines[leftAt]!.slice('left_child='.length).split(' ');
  const right = lines[rightAt]!.slice('right_child='.length).split(' ');
  const firstNode = left.findIndex((c) => Number(c) > 0);
  assert.ok(firstNode >= 0, 'the first tree has a node below the root');
  const edits: { what: string; side: string[]; at: number; value: string }[] = [
    { what: 'a child that is the root', side: left, at: firstNode, value: '0' },
    { what: 'a node that is its own child', side: right, at: 1, value: '1' },
    { what: 'a node with two parents', side: right, at: 0, value: left[firstNode]! },
    { what: 'a leaf with two parents', side: left, at: 0, value: right[right.length - 1]! },
    { what: 'a child past the last node', side: left, at: 0, value: String(left.length + 5) },
    { what: 'a leaf past the last leaf', side: right, at: 0, value: String(-left.length - 3) },
  ];
  for (const edit of edits) {
    const values = [...edit.side];
    values[edit.at] = edit.value;
    const changed = [...lines];
    changed[edit.side === left ? leftAt : rightAt] =
      `${edit.side === left ? 'left_child' : 'right_child'}=${values.join(' ')}`;
    const text = changed.join('\n');
    assert.equal(verdict(text), 'declined: shape', edit.what);
    const { fast, typescript } = bothWays(text, 'stacking_lgb_1h.txt');
    assert.ok('error' in typescript, `${edit.what}: refused`);
    assert.deepEqual(fast, typescript, edit.what);
  }
});

test('values the TypeScript reader refuses are declined, and refused the same way', () => {
  const lines = editableModel().split('\n');
  const edit = (key: string, at: number, value: string): string => {
    const n = lines.findIndex((l) => l.startsWith(`${key}=`));
    const values = lines[n]!.slice(key.length + 1).split(' ');
    values[at] = value;
    const changed = [...lines];
    changed[n] = `${key}=${values.join(' ')}`;
    return changed.join('\n');
  };
  const maxFeature = Number(/\nmax_feature_idx=(\d+)/.exec(lines.join('\n'))![1]);
  const cases: [string, string][] = [
    ['decision_type 12: missing type 3, which does not exist', edit('decision_type', 0, '12')],
    ['decision_type 1: a categorical split in a tree with num_cat=0', edit('decision_type', 0, '1')],
    ['decision_type 128', edit('decision_type', 0, '128')],
    ['split_feature past max_feature_idx', edit('split_feature', 0, String(maxFeature + 1))],
    ['split_feature -1', edit('split_feature', 0, '-1')],
    ['split_feature 2^64 + 1, which wraps to 1 in 64 bits', edit('split_feature', 0, '18446744073709551617')],
    ['left_child 2^31', edit('left_child', 0, '2147483648')],
    ['leaf_value inf', edit('leaf_value', 0, 'inf')],
    ['leaf_value 1e400 (infinite)', edit('leaf_value', 0, '1e400')],
    ['threshold nan', edit('threshold', 0, 'nan')],
    ['threshold 1.5-2 (two numbers run together)', edit('threshold', 0, '1.5-2')],
    ['leaf_value 1.5x', edit('leaf_value', 0, '1.5x')],
    [
      'num_leaves one more than leaf_value holds',
      edit('num_leaves', 0, String(Number(lines.find((l) => l.startsWith('num_leaves='))!.slice(11)) + 1)),
    ],
    ['is_linear=1', edit('is_linear', 0, '1')],
    // A finite-looking spelling of +Infinity: an exponent longer than the digits' leading zeros.
    ['leaf_value 0.000...1e1000000', edit('leaf_value', 0, `0.${'0'.repeat(99999)}1e1000000`)],
  ];
  // num_leaves past what leaf_value holds is declined before it sizes anything (not after
  // growing the memory to gigabytes).
  assert.equal(verdict(edit('num_leaves', 0, '999999999')), 'declined: tree');
  for (const [what, text] of cases) {
    assert.match(verdict(text), /^declined/, what);
    const { fast, typescript } = bothWays(text, 'stacking_lgb_1h.txt');
    assert.ok('error' in typescript, `${what}: the TypeScript reader refuses it`);
    assert.deepEqual(fast, typescript, what);
  }
  // A tree of one leaf (no splits), as LightGBM writes for a class with nothing to split on.
  const tree1 = lines.indexOf('Tree=1');
  const tree2 = lines.indexOf('Tree=2');
  const singleLeaf = [
    ...lines.slice(0, tree1 + 1),
    'num_leaves=1',
    'num_cat=0',
    'leaf_value=-0.125',
    'is_linear=0',
    'shrinkage=1',
    '',
    '',
    ...lines.slice(tree2),
  ].join('\n');
  assert.equal(verdict(singleLeaf), 'accepted', 'a single-leaf tree');
  const leaf = bothWays(singleLeaf, 'stacking_lgb_1h.txt');
  assert.ok('arrays' in leaf.typescript, 'a single-leaf tree is read');
  assert.deepEqual(leaf.fast, leaf.typescript, 'a single-leaf tree');
  // Spellings the TypeScript reader accepts and the fast path leaves to it: same model.
  for (const [what, text] of [
    ['split_feature 00000000000000001 (17 digits)', edit('split_feature', 0, '00000000000000001')],
    ['threshold +0.5', edit('threshold', 0, '+0.5')],
    ['leaf_value 1.00000000000000000001 (21 digits)', edit('leaf_value', 0, '1.00000000000000000001')],
  ] as const) {
    const { fast, typescript } = bothWays(text, 'stacking_lgb_1h.txt');
    assert.ok('arrays' in typescript, `${what}: the TypeScript reader takes it`);
    assert.deepEqual(fast, typescript, what);
  }
});

test('numbers: the WebAssembly reader gives exactly what Number() gives, or declines', () => {
  const next = seededRandom(7);
  const tokens: string[] = [
    '0',
    '-0',
    '+0',
    '.5',
    '5.',
    '-.5',
    '+.5',
    '00000.5',
    '1e308',
    '1.7976931348623157e308',
    '1.7976931348623159e308',
    '4.9e-324',
    '2.2250738585072014e-308',
    '2.2250738585072011e-308',
    '1e-400',
    '1e400',
    '123456789012345678',
    '1234567890123456789',
    '0.000000000000000000001234',
    '9007199254740993',
    '9007199254740995',
    '18014398509481985',
    '1.0000000180025095e-35',
    '0.41074551972513673',
    'inf',
    'nan',
    '-inf',
    '0x10',
    '1_0',
    '1e',
    '1e+',
    '--1',
    '+-1',
    '1.2.3',
    'e5',
    '.',
    '-',
    '1e5e5',
    '1.5E-3',
    '1.5e+03',
    '7e22',
    '7e23',
    '1e22',
    '123456789e-30',
  ];
  // Odd integers between 2^53 and 10^18 are halfway between two doubles: ties go to even.
  for (let k = 0; k < 2000; k++)
    tokens.push(String(2n ** 53n + 1n + 2n * BigInt(Math.floor(next() * 2 ** 40))));
  const bits = new BigUint64Array(1);
  const asDouble = new Float64Array(bits.buffer);
  for (let k = 0; k < 60000; k++) {
    bits[0] = (BigInt(Math.floor(next() * 2 ** 32)) << 32n) | BigInt(Math.floor(next() * 2 ** 32));
    const x = Number.isFinite(asDouble[0]) ? asDouble[0]! : 1.5;
    const y = (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
    tokens.push(
      x.toPrecision(17),
      String(x),
      y.toPrecision(1 + Math.floor(next() * 18)),
      y.toExponential(Math.floor(next() * 17)),
      Math.abs(y).toFixed(Math.floor(next() * 20)),
    );
  }
  for (const f of modelFiles(path.join(repoRoot, 'samples', 'release'))) {
    for (const line of readFileSync(f, 'latin1').split('\n')) {
      if (/^(leaf_value|threshold|internal_value|split_gain)=/.test(line))
        tokens.push(...line.slice(line.indexOf('=') + 1).split(' '));
    }
  }
  let read = 0;
  for (const token of tokens) {
    const got = readNumbers(Buffer.from(token, 'latin1'), 1);
    if (got === undefined) continue;
    read++;
    assert.ok(
      Object.is(got[0], Number(token)),
      `${JSON.stringify(token)}: read ${got[0]}, Number() gives ${Number(token)}`,
    );
  }
  assert.ok(read >= tokens.length * 0.9, `read ${read} of ${tokens.length} tokens`);
  // A list reads as its tokens do, whatever the spaces between them.
  const list = readNumbers(Buffer.from('  1.5 -2e3   0.1 '), 3);
  assert.deepEqual(list && Array.from(list), [1.5, -2000, 0.1]);
  assert.equal(readNumbers(Buffer.from('1 2'), 3), undefined, 'too few');
  assert.equal(readNumbers(Buffer.from('1 2 3 4'), 3), undefined, 'too many');
  const infinite = `0.${'0'.repeat(99999)}1e1000000`;
  const long = readNumbers(Buffer.from(infinite), 1);
  assert.ok(long === undefined || Object.is(long[0], Number(infinite)), 'a long exponent is not cut short');
  for (const run of ['1.5-2', '1e5.5', '2+3', '1.5.5']) {
    assert.equal(
      readNumbers(Buffer.from(run), 2),
      undefined,
      `${run} is not two numbers (Number() gives NaN)`,
    );
  }
});
