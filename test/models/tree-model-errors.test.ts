/**
 * Malformed model files are refused at parse time with a message naming the file, the line
 * (LightGBM text) or the JSON path (XGBoost) and what is wrong, and never crash or loop later.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ModelgateError } from '../../src/core/errors.js';
import { parseLightGbm } from '../../src/core/models/lightgbm.js';
import { loadTreeModel } from '../../src/core/models/tree-model.js';
import { parseXgboost } from '../../src/core/models/xgboost.js';
import { reference } from '../support/shared.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const handBuilt = () => readFile(path.join(FIXTURES, 'hand-built-lightgbm.txt'), 'utf8');
const dartJson = () => readFile(path.join(FIXTURES, 'dart.json.txt'), 'utf8');
/** The same model spread over lines (as `json.dump(indent=2)` would), for line numbers in messages. */
const dartJsonLines = async () => JSON.stringify(JSON.parse(await dartJson()), null, 2);

function expectError(run: () => unknown, message: string, line?: number): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof ModelgateError, `expected a ModelgateError, got ${String(error)}`);
    assert.equal(error.message, message);
    assert.equal(error.kind, 'check');
    assert.equal(error.line, line);
    return true;
  });
}

/** Replaces exactly one occurrence, so a fixture change cannot silently make a test vacuous. */
function edit(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `${JSON.stringify(from)} occurs exactly once`);
  return text.replace(from, to);
}

test('LightGBM: a truncated file (cut inside Tree=3) names the tree and says it is truncated', async (t) => {
  const file = reference(t, 'lightgbm', 'real-lightgbm-v4', 'binary_cat_nan', 'model.txt');
  if (!file) return;
  const text = await readFile(file, 'utf8');
  const cut = text.slice(0, text.indexOf('Tree=3\n') + 400);
  expectError(
    () => parseLightGbm(cut, 'stacking_lgb_1h.txt'),
    'stacking_lgb_1h.txt:80 ends inside or after Tree=3 without an "end of trees" line: the file is truncated (re-export it with save_model and upload it again)',
    80,
  );
});

test('LightGBM: an array of the wrong length names the tree, the line and both counts', async () => {
  const text = edit(await handBuilt(), 'leaf_value=0.1 0.2 0.3', 'leaf_value=0.1 0.2');
  expectError(
    () => parseLightGbm(text, 'stacking_lgb_1h.txt'),
    'stacking_lgb_1h.txt:20 Tree=0: leaf_value has 2 values, expected num_leaves=3',
    20,
  );
});

test('LightGBM: a tree missing a line (incomplete tree) is refused', async () => {
  const text = edit(
    await handBuilt(),
    'left_child=-1\nright_child=-2\nleaf_value=1 -1\n',
    'right_child=-2\nleaf_value=1 -1\n',
  );
  expectError(
    () => parseLightGbm(text, 'm.txt'),
    'm.txt:30 Tree=1: no left_child= line; the tree is incomplete (truncated or hand-edited file?)',
    30,
  );
});

test('LightGBM: a child index outside the tree is refused', async () => {
  const text = edit(await handBuilt(), 'left_child=1 -1', 'left_child=5 -1');
  expectError(
    () => parseLightGbm(text, 'm.txt'),
    "m.txt:18 Tree=0: left_child of node 0 is 5, which is neither one of the tree's nodes 0..1 nor a leaf -1..-3 (~leaf)",
    18,
  );
});

test('LightGBM: children forming a cycle are refused (evaluation would never reach a leaf)', async () => {
  const text = edit(await handBuilt(), 'left_child=1 -1', 'left_child=1 0');
  expectError(
    () => parseLightGbm(text, 'm.txt'),
    'm.txt:18 Tree=0: left_child of node 1 is 0: the tree has a cycle',
    18,
  );
});

test('LightGBM: a split on a feature the model does not have is refused', async () => {
  const text = edit(await handBuilt(), 'split_feature=0 1', 'split_feature=0 3');
  expectError(
    () => parseLightGbm(text, 'm.txt'),
    'm.txt:14 Tree=0: split_feature: value 2 is "3", expected an integer in [0, 2] (the model has max_feature_idx=2)',
    14,
  );
});

test('LightGBM: an unknown objective is named', async () => {
  const text = edit(await handBuilt(), 'objective=regression', 'objective=lambdamart');
  expectError(
    () => parseLightGbm(text, 'm.txt'),
    'm.txt:7 unknown objective "lambdamart": LightGBM cannot load it (known: binary, multiclass, multiclassova, ' +
      'regression, regression_l1, quantile, huber, fair, mape, poisson, gamma, tweedie, cross_entropy, ' +
      'cross_entropy_lambda, lambdarank, rank_xendcg)',
    7,
  );
});

test('LightGBM: linear trees are refused rather than mis-predicted', async () => {
  const text = (await handBuilt()).replace('is_linear=0', 'is_linear=1');
  expectError(
    () => parseLightGbm(text, 'm.txt'),
    "m.txt:26 Tree=0: is_linear=1: linear trees (linear_tree=true) are not supported by modelgate's evaluator; train without linear_tree or check this model by hand",
    26,
  );
});

test('LightGBM: a file that is not a model at all, and an XGBoost file given as LightGBM', async (t) => {
  expectError(
    () => parseLightGbm('hello world\nthis is not a model\n', 'notes.txt'),
    'notes.txt:1 is not a LightGBM text model: the first line is "hello world" where LightGBM writes "tree"',
    1,
  );
  const withBom = `\ufeff${await handBuilt()}`;
  expectError(
    () => parseLightGbm(withBom, 'bom.txt'),
    'bom.txt:1 starts with a byte-order mark; LightGBM reads the first line as the model type and would refuse it',
    1,
  );
  expectError(
    () => parseLightGbm('', 'empty.txt'),
    'empty.txt:1 is not a LightGBM text model: the first line is "" where LightGBM writes "tree"',
    1,
  );
  const file = reference(t, 'xgboost', 'treelite_toy_categorical_1.4.0', 'xgb_toy_categorical_model.json');
  if (!file) return;
  expectError(
    () => parseLightGbm(readFileSync(file, 'utf8'), 'model.json'),
    'model.json:1 is not a LightGBM text model: the first line is "{\\"learner\\":{\\"attributes\\":{},\\"gradient..." where LightGBM writes "tree" (this looks like JSON: an XGBoost model given as kind lightgbm?)',
    1,
  );
});

test('LightGBM: tree_sizes that do not match the file (CRLF re-save) are refused, as LightGBM would fail', async (t) => {
  const file = reference(t, 'lightgbm', 'real-lightgbm-v4', 'binary_cat_nan', 'model.txt');
  if (!file) return;
  const crlf = (await readFile(file, 'utf8')).replace(/\n/g, '\r\n');
  expectError(
    () => parseLightGbm(crlf, 'm.txt'),
    'm.txt:10 tree_sizes puts Tree=1 at byte 1716 of the tree section but it is at byte 1737; LightGBM seeks trees by these sizes and would fail to load this file (the file has CRLF line endings: was it re-saved on Windows?)',
    10,
  );
});

test('XGBoost: a JSON syntax error names the line and column', async () => {
  const text = edit(await dartJsonLines(), '"num_trees": "6"', '"num_trees": "6",,');
  expectError(
    () => parseXgboost(text, 'stacking_xgb_1h.json'),
    'stacking_xgb_1h.json:14:30 is not valid JSON: expected a property name in double quotes, got ","',
    14,
  );
});

test('XGBoost: a truncated JSON file is called truncated, also when cut inside a number', async () => {
  const text = await dartJsonLines();
  expectError(
    () => parseXgboost(text.slice(0, 2000), 'stacking_xgb_1h.json'),
    'stacking_xgb_1h.json:89:8 is not valid JSON: it ends in the middle of the model, so the file is truncated (export it again and re-upload it)',
    89,
  );
  // XGBoost's own single-line file, cut between a mantissa and its exponent ("-1.0350324E").
  const compact = await dartJson();
  const insideNumber = compact.slice(0, compact.indexOf('E', compact.indexOf('"base_weights":')) + 1);
  assert.match(insideNumber, /\dE$/);
  expectError(
    () => parseXgboost(insideNumber, 'stacking_xgb_1h.json'),
    `stacking_xgb_1h.json:1:${insideNumber.length} is not valid JSON: it ends in the middle of the model, so the file is truncated (export it again and re-upload it)`,
    1,
  );
});

test('XGBoost: not a model (other JSON, a LightGBM text) is refused', async () => {
  expectError(
    () => parseXgboost('{"hello": 1}', 'x.json'),
    'x.json: not an XGBoost JSON model: there is no "learner" object at the top level; export it with save_model("model.json")',
  );
  expectError(
    () => parseXgboost('{L\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0007learner{', 'model.ubj'),
    'model.ubj:1 is not a JSON text (it holds binary bytes: UBJSON?); export the model with save_model("model.json")',
    1,
  );
  const lightgbmText = await handBuilt();
  expectError(
    () => parseXgboost(lightgbmText, 'model.txt'),
    'model.txt:1 is not an XGBoost JSON model: it does not start with "{" (the first line is "tree": a LightGBM text model given as kind xgboost?); export it with save_model("model.json")',
    1,
  );
});

test('XGBoost: an unknown objective is named', async () => {
  const text = edit(await dartJson(), '"name":"binary:logistic"', '"name":"reg:fancy"');
  expectError(
    () => parseXgboost(text, 'x.json'),
    'x.json: unknown objective "reg:fancy" (learner.objective.name); supported: reg:squarederror, reg:linear, ' +
      'reg:squaredlogerror, reg:pseudohubererror, reg:absoluteerror, reg:quantileerror, reg:logistic, binary:logistic, ' +
      'binary:logitraw, binary:hinge, count:poisson, reg:gamma, reg:tweedie, survival:cox, survival:aft, ' +
      'multi:softprob, multi:softmax, rank:pairwise, rank:ndcg, rank:map',
  );
});

test('XGBoost: wrong array length, out-of-range child, a self-loop and a wrong type are refused', async () => {
  const text = await dartJson();
  const tree0 = text.match(/"left_children":\[[^\]]*\]/)?.[0];
  assert.ok(tree0, 'the fixture has left_children');
  const values = tree0
    .slice(tree0.indexOf('[') + 1, -1)
    .split(',')
    .map((s) => Number(s.trim()));
  const withLeft = (list: number[] | string) =>
    text.replace(tree0, `"left_children":${typeof list === 'string' ? list : `[${list.join(',')}]`}`);

  expectError(
    () => parseXgboost(withLeft(values.slice(1)), 'x.json'),
    `x.json: learner.gradient_booster.gbtree.model.trees[0].left_children has ${values.length - 1} entries, expected tree_param.num_nodes=${values.length}`,
  );
  expectError(
    () => parseXgboost(withLeft([50, ...values.slice(1)]), 'x.json'),
    `x.json: learner.gradient_booster.gbtree.model.trees[0]: node 0 has child 50, outside the tree's nodes 1..${values.length - 1}`,
  );
  expectError(
    () => parseXgboost(withLeft([values[0] as number, 1, ...values.slice(2)]), 'x.json'),
    'x.json: learner.gradient_booster.gbtree.model.trees[0]: node 1 is its own child: the tree has a cycle',
  );
  expectError(
    () => parseXgboost(withLeft('"oops"'), 'x.json'),
    'x.json: learner.gradient_booster.gbtree.model.trees[0].left_children: expected a list of integers, got "oops" (not an XGBoost JSON model, or a damaged one)',
  );
});

test('a row with fewer (or more) features than the model takes is refused with both counts', async () => {
  const lightgbm = parseLightGbm(await handBuilt(), 'm.txt');
  expectError(
    () => lightgbm.predict([1, 2]),
    'm.txt: a row of 2 values was given, the model takes 3 features: check that the golden rows were written for this model (missing values are null, not left out)',
  );
  expectError(
    () => lightgbm.predictRaw([1, 2, 3, 4]),
    'm.txt: a row of 4 values was given, the model takes 3 features: check that the golden rows were written for this model (missing values are null, not left out)',
  );
  expectError(
    () => lightgbm.predict([1, 2, 'a' as unknown as number]),
    'm.txt: feature 2 of a row is "a"; expected a number or null (missing)',
  );
  const xgboost = parseXgboost(await dartJson(), 'x.json');
  expectError(
    () => xgboost.predict([1]),
    'x.json: a row of 1 value was given, the model takes 4 features: check that the golden rows were written for this model (missing values are null, not left out)',
  );
});

test('loadTreeModel names the display name when the file cannot be read', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'modelgate-trees-'));
  try {
    await assert.rejects(
      loadTreeModel(path.join(dir, 'absent.txt'), 'lightgbm', 'models/absent.txt'),
      (error: unknown) => {
        assert.ok(error instanceof ModelgateError);
        assert.equal(error.message, 'models/absent.txt: cannot read the lightgbm model: file not found');
        assert.equal(error.file, 'models/absent.txt');
        return true;
      },
    );
    const bad = path.join(dir, 'bad.txt');
    await writeFile(bad, 'tree\nversion=v4\n');
    await assert.rejects(
      loadTreeModel(bad, 'lightgbm', 'bad.txt'),
      /^ModelgateError: bad\.txt:2 ends without an "end of trees" line/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
