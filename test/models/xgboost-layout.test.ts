/**
 * An XGBoost JSON file whose layout is not the one XGBoost writes is refused naming the JSON
 * path of the first problem, what was expected and what was found, in the words
 * validation/describe.ts uses for every other file (the layout is checked by hand, without
 * zod, so that the tree worker loads only the evaluators).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ModelgateError } from '../../src/core/errors.js';
import { parseXgboost } from '../../src/core/models/xgboost.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const DAMAGED = ' (not an XGBoost JSON model, or a damaged one)';

type Json = Record<string, unknown>;

/** The DART fixture as an object (its NaN split values as null), changed by `change`. */
async function dart(change: (model: Json) => void): Promise<string> {
  const text = await readFile(path.join(FIXTURES, 'dart.json.txt'), 'utf8');
  const model = JSON.parse(text.replace(/\bNaN\b/g, 'null')) as Json;
  change(model);
  return JSON.stringify(model);
}

const learner = (m: Json): Json => m.learner as Json;
const param = (m: Json): Json => learner(m).learner_model_param as Json;
const booster = (m: Json): Json => learner(m).gradient_booster as Json;
const gbtreeModel = (m: Json): Json => (booster(m).gbtree as Json).model as Json;
const tree = (m: Json, t: number): Json => (gbtreeModel(m).trees as Json[])[t]!;

function expectLayout(text: string, message: string): void {
  assert.throws(
    () => parseXgboost(text, 'x.json'),
    (error: unknown) => {
      assert.ok(error instanceof ModelgateError, String(error));
      assert.equal(error.message, `x.json: ${message}${DAMAGED}`);
      assert.equal(error.kind, 'check');
      return true;
    },
  );
}

test('XGBoost layout: a missing or mistyped learner field is named with what was found', async () => {
  expectLayout(
    await dart((m) => delete param(m).num_feature),
    'learner.learner_model_param.num_feature: does not match any allowed form, got nothing',
  );
  expectLayout(
    await dart((m) => (param(m).base_score = true)),
    'learner.learner_model_param.base_score: does not match any allowed form, got true',
  );
  expectLayout(
    await dart((m) => (learner(m).objective = ['binary:logistic'])),
    'learner.objective: expected a mapping, got a list of 1',
  );
  expectLayout(
    await dart((m) => delete booster(m).name),
    'learner.gradient_booster.name: is required: expected a string',
  );
  expectLayout(
    await dart((m) => (learner(m).feature_names = ['a', 7, 'c', 'd'])),
    'learner.feature_names[1]: expected a string, got 7',
  );
  expectLayout(await dart((m) => (m.version = [1, '7', 4])), 'version[1]: expected a number, got "7"');
});

test('XGBoost layout: tree arrays and parameters are named down to the tree', async () => {
  const prefix = 'learner.gradient_booster.gbtree.model';
  expectLayout(
    await dart((m) => (gbtreeModel(m).trees = {})),
    `${prefix}.trees: expected a list, got a mapping`,
  );
  expectLayout(
    await dart((m) => delete tree(m, 2).split_conditions),
    `${prefix}.trees[2].split_conditions: expected a list of numbers`,
  );
  expectLayout(
    await dart((m) => ((tree(m, 1).default_left as unknown[])[0] = 2)),
    `${prefix}.trees[1].default_left: expected a list of 0/1 or true/false, got a list of 15`,
  );
  expectLayout(
    await dart((m) => (tree(m, 0).split_type = [0.5])),
    `${prefix}.trees[0].split_type: expected a list of integers, got a list of 1`,
  );
  expectLayout(
    await dart((m) => ((tree(m, 3).tree_param as Json).num_nodes = null)),
    `${prefix}.trees[3].tree_param.num_nodes: does not match any allowed form, got null`,
  );
  expectLayout(
    await dart((m) => (booster(m).weight_drop = 'none')),
    'learner.gradient_booster.weight_drop: expected a list of numbers, got "none"',
  );
});

test('XGBoost layout: the training statistics XGBoost loads (and prediction does not read) are checked as it checks them', async () => {
  // XGBoost's tree loader requires loss_changes, sum_hessian, base_weights and parents with one
  // entry per node; a model without them passes no prediction test but fails to load in the service.
  const prefix = 'learner.gradient_booster.gbtree.model';
  expectLayout(
    await dart((m) => delete tree(m, 1).loss_changes),
    `${prefix}.trees[1].loss_changes: expected a list of numbers`,
  );
  expectLayout(
    await dart((m) => ((tree(m, 0).parents as unknown[])[2] = 'x')),
    `${prefix}.trees[0].parents: expected a list of integers, got a list of 15`,
  );
  const shortened = await dart((m) => (tree(m, 2).sum_hessian as unknown[]).pop());
  assert.throws(
    () => parseXgboost(shortened, 'x.json'),
    (error: unknown) => {
      assert.ok(error instanceof ModelgateError, String(error));
      assert.match(
        error.message,
        new RegExp(
          `^x\\.json: ${prefix.replaceAll('.', '\\.')}\\.trees\\[2\\]\\.sum_hessian has (\\d+) entries, expected tree_param\\.num_nodes=(\\d+)$`,
        ),
      );
      const [, has, nodes] = /has (\d+) entries, expected tree_param\.num_nodes=(\d+)/.exec(error.message)!;
      assert.equal(Number(has) + 1, Number(nodes));
      return true;
    },
  );
});

test('XGBoost layout: the first problem in file order is the one reported', async () => {
  // Both the learner parameters and a tree are damaged: the learner comes first.
  expectLayout(
    await dart((m) => {
      delete tree(m, 0).left_children;
      param(m).num_class = [];
    }),
    'learner.learner_model_param.num_class: does not match any allowed form, got a list of 0',
  );
  // Within a tree, its arrays come before its parameters, left before right.
  expectLayout(
    await dart((m) => {
      (tree(m, 0).tree_param as Json).num_nodes = false;
      tree(m, 0).right_children = 'x';
      tree(m, 0).left_children = 'y';
    }),
    'learner.gradient_booster.gbtree.model.trees[0].left_children: expected a list of integers, got "y"',
  );
});
