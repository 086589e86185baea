/**
 * XGBoost JSON models (`save_model("model.json")`, 1.0 to 3.x), evaluated the way XGBoost's
 * CPU predictor does: features and split values are float32, a row goes left when
 * `x < split`, missing values follow `default_left`, categorical nodes send the listed
 * categories right, and margins are accumulated in float32 starting from the base margin
 * (`base_score` turned into a margin by the objective's link). Outputs are float32 values, as
 * `Booster.predict` returns them.
 *
 * The whole file is validated at parse time (the layout, then array lengths, child indexes,
 * tree shape), so evaluating a row can neither crash nor loop.
 *
 * The layout is checked by hand rather than with zod: this module runs on the healthcheck's
 * tree worker, whose start is on the healthcheck's critical path, and zod (with yaml through
 * validation/describe.ts) would double what that thread loads before it can parse anything.
 * The messages are worded as describe.ts words zod's issues, so both read alike.
 */
import { ModelgateError } from '../errors.js';
import { locateJsonError, parseJsonLenient } from '../validation/json-text.js';
import { readRow } from './tree-input.js';
import { readXgboostTrees, type FastXgboostTrees } from './xgboost-fast.js';
import type { TreeModel, TreeModelInfo } from './tree-model.js';
import { describeValue, dottedPath } from '../validation/value-text.js';

type Path = readonly (string | number)[];

const f32 = Math.fround;
/** XGBoost refuses categories at or above 2^24 (the last integer a float holds exactly). */
const MAX_CATEGORY = 16777216;

/** The parts of an XGBoost JSON tree that are checked (the evaluator reads all but the training statistics), once `checkModel` and `checkGbtreeModel` have passed. */
interface TreeJson {
  left_children: number[];
  right_children: number[];
  parents: number[];
  loss_changes: (number | null)[];
  sum_hessian: (number | null)[];
  base_weights: (number | null)[];
  split_indices: number[];
  /** `null` stands for the bare NaN tokens older XGBoost versions write (see json-text.ts). */
  split_conditions: (number | null)[];
  default_left: (number | boolean)[];
  split_type?: number[];
  categories?: number[];
  categories_nodes?: number[];
  categories_segments?: number[];
  categories_sizes?: number[];
  tree_param: { num_nodes: string | number; size_leaf_vector?: string | number };
}

interface GbtreeModelJson {
  gbtree_model_param: { num_trees: string | number };
  tree_info: number[];
  trees: TreeJson[];
}

interface LearnerJson {
  feature_names?: string[];
  gradient_booster: { name: string };
  learner_model_param: {
    base_score: string | number;
    num_class: string | number;
    num_feature: string | number;
    num_target?: string | number;
  };
  objective: { name: string };
}

interface ModelJson {
  learner: LearnerJson;
  version?: number[];
}

type Link = 'identity' | 'logit' | 'log';
type Transform = 'identity' | 'sigmoid' | 'exp' | 'softmax' | 'argmax' | 'hinge';

/** Per objective: how base_score becomes a margin (ProbToMargin) and what predict applies (PredTransform). */
const OBJECTIVES: Record<string, { link: Link; transform: Transform }> = {
  'reg:squarederror': { link: 'identity', transform: 'identity' },
  'reg:linear': { link: 'identity', transform: 'identity' },
  'reg:squaredlogerror': { link: 'identity', transform: 'identity' },
  'reg:pseudohubererror': { link: 'identity', transform: 'identity' },
  'reg:absoluteerror': { link: 'identity', transform: 'identity' },
  'reg:quantileerror': { link: 'identity', transform: 'identity' },
  'reg:logistic': { link: 'logit', transform: 'sigmoid' },
  'binary:logistic': { link: 'logit', transform: 'sigmoid' },
  'binary:logitraw': { link: 'identity', transform: 'identity' },
  'binary:hinge': { link: 'identity', transform: 'hinge' },
  'count:poisson': { link: 'log', transform: 'exp' },
  'reg:gamma': { link: 'log', transform: 'exp' },
  'reg:tweedie': { link: 'log', transform: 'exp' },
  'survival:cox': { link: 'log', transform: 'exp' },
  'survival:aft': { link: 'log', transform: 'exp' },
  'multi:softprob': { link: 'identity', transform: 'softmax' },
  'multi:softmax': { link: 'identity', transform: 'argmax' },
  'rank:pairwise': { link: 'identity', transform: 'identity' },
  'rank:ndcg': { link: 'identity', transform: 'identity' },
  'rank:map': { link: 'identity', transform: 'identity' },
};

class XgboostModel implements TreeModel {
  readonly info: TreeModelInfo;
  private readonly scratch: Float64Array;

  constructor(
    private readonly file: string,
    info: TreeModelInfo,
    private readonly transform: Transform,
    /** Base margin per class, float32. */
    private readonly base: Float32Array,
    private readonly roots: Int32Array,
    private readonly group: Int32Array,
    /** DART tree weights, or null for gbtree. */
    private readonly weight: Float32Array | null,
    /** Global child index, -1 for a leaf. */
    private readonly left: Int32Array,
    private readonly right: Int32Array,
    private readonly feature: Int32Array,
    /** Split value of an internal node, leaf value of a leaf. */
    private readonly condition: Float32Array,
    private readonly defaultLeft: Uint8Array,
    /** -1 for a numeric node; else the first bitset word of its categories in `catWords`. */
    private readonly catStart: Int32Array,
    private readonly catLength: Int32Array,
    private readonly catWords: Uint32Array,
  ) {
    this.info = info;
    this.scratch = new Float64Array(info.features);
  }

  predictRaw(row: ArrayLike<number | null>): number[] {
    const x = readRow(row, this.scratch, this.file);
    for (let i = 0; i < x.length; i++) x[i] = f32(x[i] as number);
    // Float32Array storage rounds every sum to float, as XGBoost's float prediction buffer does.
    const out = Float32Array.from(this.base);
    const { roots, group, weight, left, right, feature, condition, defaultLeft, catStart } = this;
    const trees = roots.length;
    for (let t = 0; t < trees; t++) {
      let node = roots[t] as number;
      let l = left[node] as number;
      while (l !== -1) {
        const value = x[feature[node] as number] as number;
        if (value !== value) node = defaultLeft[node] === 1 ? l : (right[node] as number);
        else if ((catStart[node] as number) >= 0)
          node = this.categoryListed(node, value) ? (right[node] as number) : l;
        else node = value < (condition[node] as number) ? l : (right[node] as number);
        l = left[node] as number;
      }
      const leaf = condition[node] as number;
      const g = group[t] as number;
      // CPU predictor: out_preds[g] += tree value; DART scales each tree's value first.
      out[g] = (out[g] as number) + (weight === null ? leaf : f32(leaf * (weight[t] as number)));
    }
    return Array.from(out);
  }

  predict(row: ArrayLike<number | null>): number[] {
    const margin = this.predictRaw(row);
    switch (this.transform) {
      case 'identity':
        return margin;
      case 'sigmoid':
        return margin.map((m) => f32(1 / f32(1 + f32(Math.exp(-m)))));
      case 'exp':
        return margin.map((m) => f32(Math.exp(m)));
      case 'hinge':
        return margin.map((m) => (m > 0 ? 1 : 0));
      case 'softmax':
        return softmaxFloat(margin);
      case 'argmax': {
        let best = 0;
        for (let k = 1; k < margin.length; k++)
          if ((margin[k] as number) > (margin[best] as number)) best = k;
        return [best];
      }
    }
  }

  /** common::Decision: invalid (negative, >= 2^24) and unlisted categories go left. */
  private categoryListed(node: number, value: number): boolean {
    if (value < 0 || value >= MAX_CATEGORY) return false;
    const category = Math.trunc(value);
    const word = category >>> 5;
    if (word >= (this.catLength[node] as number)) return false;
    const bits = this.catWords[(this.catStart[node] as number) + word] as number;
    return ((bits >>> (category & 31)) & 1) === 1;
  }
}

/** common::Softmax: float exponentials shifted by the maximum, summed in double. */
function softmaxFloat(margin: number[]): number[] {
  let max = margin[0] ?? 0;
  for (const m of margin) if (m > max) max = m;
  const e = margin.map((m) => f32(Math.exp(f32(m - max))));
  let sum = 0;
  for (const v of e) sum += v;
  const total = f32(sum);
  return e.map((v) => f32(v / total));
}

export interface XgboostParseOptions {
  /** The file's bytes (UTF-8), when the caller has them; else `text` is encoded again. */
  bytes?: Uint8Array;
  /** False: read the trees in TypeScript only, never through xgboost-fast.ts (tests compare both). */
  fast?: boolean;
}

type LocatedFail = (message: string, line?: number, column?: number) => never;

/** Parses an XGBoost JSON model; throws ModelgateError naming `file` and the fault. */
export function parseXgboost(text: string, file: string, options: XgboostParseOptions = {}): TreeModel {
  const fail: LocatedFail = (message, line, column) => {
    const at =
      line === undefined
        ? `${file}:`
        : column === undefined
          ? `${file}:${line}`
          : `${file}:${line}:${column}`;
    throw new ModelgateError(`${at} ${message}`, 'check', { file, line, column });
  };

  const start = text.trimStart();
  if (!start.startsWith('{')) {
    const first = (start.split('\n')[0] ?? '').trim();
    const hint =
      first === 'tree' ? ' (the first line is "tree": a LightGBM text model given as kind xgboost?)' : '';
    fail(
      `is not an XGBoost JSON model: it does not start with "{"${hint}; export it with save_model("model.json")`,
      1,
    );
  }
  if (hasBinaryBytes(text)) {
    fail(
      'is not a JSON text (it holds binary bytes: UBJSON?); export the model with save_model("model.json")',
      1,
    );
  }
  if (options.fast !== false) {
    const read = readXgboostTrees(text, options.bytes ?? Buffer.from(text, 'utf8'));
    if ('trees' in read) {
      let rest: unknown;
      try {
        rest = JSON.parse(read.trees.rest);
      } catch {
        rest = undefined;
      }
      const model = rest === undefined ? undefined : modelFrom(rest, file, fail, read.trees);
      if (model) return model;
    }
  }
  let document: unknown;
  try {
    document = parseJsonLenient(text);
  } catch {
    const problem = locateJsonError(text);
    if (problem.truncated) {
      fail(
        'is not valid JSON: it ends in the middle of the model, so the file is truncated (export it again and re-upload it)',
        problem.line,
        problem.column,
      );
    }
    fail(`is not valid JSON: ${problem.message}`, problem.line, problem.column);
  }
  return modelFrom(document, file, fail) as TreeModel;
}

/**
 * The model in a parsed document. With `fast`, the document is the file without its trees list
 * and the trees come from xgboost-fast.ts, which checked them as checkTreeLayout and checkTree
 * do; undefined when they cannot stand in (a booster other than gbtree, a split index past
 * num_feature), and the caller reads the whole file in TypeScript, which words the error.
 */
function modelFrom(
  document: unknown,
  file: string,
  fail: LocatedFail,
  fast?: FastXgboostTrees,
): TreeModel | undefined {
  if (document === null || typeof document !== 'object' || !('learner' in document)) {
    fail(
      'not an XGBoost JSON model: there is no "learner" object at the top level; export it with save_model("model.json")',
    );
  }
  const layout = (check: () => void): void => {
    try {
      check();
    } catch (error) {
      if (!(error instanceof LayoutProblem)) throw error;
      fail(`${dottedPath(error.path)}: ${error.what} (not an XGBoost JSON model, or a damaged one)`);
    }
  };
  layout(() => checkModel(document));
  const { learner, version } = document as ModelJson;
  // Checked to be a mapping; the booster's own fields are checked once its name is known.
  const boosterJson = learner.gradient_booster as unknown as Record<string, unknown>;

  const objectiveName = learner.objective.name;
  const objective = OBJECTIVES[objectiveName];
  if (!objective) {
    fail(
      `unknown objective ${JSON.stringify(objectiveName)} (learner.objective.name); supported: ${Object.keys(OBJECTIVES).join(', ')}`,
    );
  }

  const count = (value: string | number, what: string, min: number): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      fail(`${what} is ${JSON.stringify(value)}, expected an integer >= ${min}`);
    return n;
  };
  const features = count(
    learner.learner_model_param.num_feature,
    'learner.learner_model_param.num_feature',
    1,
  );
  const numClass = count(learner.learner_model_param.num_class, 'learner.learner_model_param.num_class', 0);
  const targets =
    learner.learner_model_param.num_target === undefined
      ? 1
      : count(learner.learner_model_param.num_target, 'learner.learner_model_param.num_target', 1);
  if (targets > 1)
    fail(
      `the model has num_target=${targets}: multi-output models are not supported by modelgate's evaluator`,
    );
  const groups = Math.max(1, numClass);
  const multiclass = objective.transform === 'softmax' || objective.transform === 'argmax';
  if (multiclass !== groups > 1) {
    fail(`objective ${objectiveName} does not match learner_model_param.num_class=${numClass}`);
  }

  let model: GbtreeModelJson;
  let weights: Float32Array | null = null;
  const boosterName = learner.gradient_booster.name;
  const boosterPath = ['learner', 'gradient_booster'];
  if (boosterName === 'gbtree') {
    layout(() => checkGbtreeModel(boosterJson.model, [...boosterPath, 'model']));
    model = (boosterJson as unknown as { model: GbtreeModelJson }).model;
  } else if (boosterName === 'dart') {
    if (fast) return undefined;
    layout(() => {
      const gbtree = boosterJson.gbtree;
      checkObject(gbtree, [...boosterPath, 'gbtree']);
      checkGbtreeModel(gbtree.model, [...boosterPath, 'gbtree', 'model']);
      checkList(boosterJson, 'weight_drop', boosterPath, 'numbers');
    });
    const dart = boosterJson as unknown as {
      gbtree: { model: GbtreeModelJson };
      weight_drop: (number | null)[];
    };
    model = dart.gbtree.model;
    const drops = dart.weight_drop;
    if (drops.length !== model.trees.length) {
      fail(
        `learner.gradient_booster.weight_drop has ${drops.length} weights for ${model.trees.length} trees`,
      );
    }
    weights = new Float32Array(drops.length);
    drops.forEach((w, i) => {
      if (w === null || !Number.isFinite(w))
        fail(`learner.gradient_booster.weight_drop[${i}] is not a finite number`);
      (weights as Float32Array)[i] = w;
    });
  } else {
    return fail(
      `the model uses the ${JSON.stringify(boosterName)} booster; only tree boosters (gbtree, dart) are supported by modelgate's evaluator`,
    );
  }

  const modelPath =
    boosterName === 'dart' ? 'learner.gradient_booster.gbtree.model' : 'learner.gradient_booster.model';
  const trees = model.trees;
  const treeCount = fast ? fast.roots.length : trees.length;
  const declared = count(model.gbtree_model_param.num_trees, `${modelPath}.gbtree_model_param.num_trees`, 0);
  if (declared !== treeCount) {
    fail(
      `${modelPath}.gbtree_model_param.num_trees is ${declared} but the file holds ${treeCount} trees: it is incomplete`,
    );
  }
  if (treeCount === 0) fail('the model contains no trees');
  if (model.tree_info.length !== treeCount) {
    fail(`${modelPath}.tree_info has ${model.tree_info.length} entries for ${treeCount} trees`);
  }
  model.tree_info.forEach((g, i) => {
    if (g < 0 || g >= groups)
      fail(`${modelPath}.tree_info[${i}] is ${g}, expected a class index below ${groups}`);
  });

  // binary:logitraw inherited the logit link until XGBoost 1.6 gave it the identity (1.7.4
  // verified: base_score 0.7 becomes a margin of 0.7).
  const link =
    objectiveName === 'binary:logitraw' && version !== undefined && compareVersions(version, [1, 6, 0]) < 0
      ? 'logit'
      : objective.link;
  const base = baseMargins(learner.learner_model_param.base_score, link, groups, objectiveName, fail);
  if (fast && fast.maxFeature >= features) return undefined;
  const checked = fast
    ? []
    : trees.map((tree, t) => checkTree(tree, `${modelPath}.trees[${t}]`, features, fail));

  const info: TreeModelInfo = {
    format: 'xgboost',
    trees: treeCount,
    features,
    objective: objectiveName,
    classes: groups,
  };
  if (version) info.version = version.join('.');
  const names = learner.feature_names;
  if (names && names.length > 0) {
    if (names.length !== features) {
      fail(`learner.feature_names has ${names.length} names for num_feature=${features}`);
    }
    info.featureNames = names;
  }
  const group = Int32Array.from(model.tree_info);
  if (!fast) return flatten(file, info, objective.transform, base, group, weights, checked);
  const nodes = fast.left.length;
  return new XgboostModel(
    file,
    info,
    objective.transform,
    base,
    fast.roots,
    group,
    weights,
    fast.left,
    fast.right,
    fast.feature,
    fast.condition,
    fast.defaultLeft,
    new Int32Array(nodes).fill(-1),
    new Int32Array(nodes),
    new Uint32Array(0),
  );
}

type Fail = (message: string) => never;

/** ProbToMargin of base_score: a scalar string ("5E-1") before 3.1, a bracketed vector ("[5E-1]") since. */
function baseMargins(
  raw: string | number,
  link: Link,
  groups: number,
  objective: string,
  fail: Fail,
): Float32Array {
  const text = String(raw).trim();
  const items = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1).split(',') : [text];
  const values = items.map((s) => Number(s.trim()));
  if (values.some((v, i) => !Number.isFinite(v) || (items[i] as string).trim() === '')) {
    fail(
      `learner.learner_model_param.base_score is ${JSON.stringify(raw)}, expected a number or a bracketed list of numbers`,
    );
  }
  if (values.length !== 1 && values.length !== groups) {
    fail(`learner.learner_model_param.base_score has ${values.length} values for ${groups} classes`);
  }
  const out = new Float32Array(groups);
  for (let g = 0; g < groups; g++) {
    const p = f32(values[values.length === 1 ? 0 : g] as number);
    if (link === 'logit') {
      if (!(p > 0 && p < 1)) fail(`base_score ${p} is outside (0, 1), which ${objective} requires`);
      out[g] = f32(-Math.log(f32(f32(1 / p) - 1)));
    } else if (link === 'log') {
      if (!(p > 0)) fail(`base_score ${p} must be positive for ${objective}`);
      out[g] = f32(Math.log(p));
    } else {
      out[g] = p;
    }
  }
  return out;
}

/** The per-node arrays, each of which must have tree_param.num_nodes entries. */
const NODE_ARRAYS = [
  'left_children',
  'right_children',
  'parents',
  'split_indices',
  'split_conditions',
  'default_left',
  'split_type',
  // Training statistics the evaluator does not read; XGBoost's loader refuses a tree whose
  // arrays are missing or of another length, so the service would not start with it.
  'loss_changes',
  'sum_hessian',
  'base_weights',
] as const;

interface CheckedTree {
  left: Int32Array;
  right: Int32Array;
  feature: Int32Array;
  condition: Float32Array;
  defaultLeft: Uint8Array;
  /** The categorical nodes (in node order) and their category lists. */
  categories: Map<number, number[]>;
}

function checkTree(tree: TreeJson, where: string, features: number, fail: Fail): CheckedTree {
  const n = Number(tree.tree_param.num_nodes);
  if (!Number.isInteger(n) || n < 1)
    fail(`${where}.tree_param.num_nodes is ${JSON.stringify(tree.tree_param.num_nodes)}`);
  const leafSize =
    tree.tree_param.size_leaf_vector === undefined ? 0 : Number(tree.tree_param.size_leaf_vector);
  if (leafSize > 1)
    fail(`${where} has vector leaves (size_leaf_vector=${leafSize}): multi-output trees are not supported`);
  for (const name of NODE_ARRAYS) {
    const list = tree[name];
    if (list !== undefined && list.length !== n) {
      fail(`${where}.${name} has ${list.length} entries, expected tree_param.num_nodes=${n}`);
    }
  }
  const left = new Int32Array(tree.left_children);
  const right = new Int32Array(tree.right_children);
  const feature = new Int32Array(n);
  const condition = new Float32Array(n);
  const defaultLeft = new Uint8Array(n);
  const categories = new Map<number, number[]>();
  const seen = new Uint8Array(n);

  const catNodes = tree.categories_nodes ?? [];
  const catSegments = tree.categories_segments ?? [];
  const catSizes = tree.categories_sizes ?? [];
  const catValues = tree.categories ?? [];
  if (catSegments.length !== catNodes.length || catSizes.length !== catNodes.length) {
    fail(`${where}: categories_nodes, categories_segments and categories_sizes must have the same length`);
  }

  for (let i = 0; i < n; i++) {
    const l = left[i] as number;
    const r = right[i] as number;
    const splitType = tree.split_type?.[i] ?? 0;
    if (splitType !== 0 && splitType !== 1)
      fail(`${where}.split_type[${i}] is ${splitType}, expected 0 (numeric) or 1 (categorical)`);
    const value = tree.split_conditions[i];
    if (l === -1 || r === -1) {
      if (l !== -1 || r !== -1)
        fail(`${where}: node ${i} has one child (left ${l}, right ${r}); a leaf has -1 on both sides`);
      if (value === null || value === undefined || !Number.isFinite(value)) {
        fail(`${where}.split_conditions[${i}] is the value of leaf ${i} but is not a finite number`);
      }
      condition[i] = value;
      continue;
    }
    for (let side = 0; side < 2; side++) {
      const child = side === 0 ? l : r;
      if (child === i) fail(`${where}: node ${i} is its own child: the tree has a cycle`);
      if (!Number.isInteger(child) || child <= 0 || child >= n) {
        fail(`${where}: node ${i} has child ${child}, outside the tree's nodes 1..${n - 1}`);
      }
      if (seen[child] === 1)
        fail(`${where}: node ${child} is the child of two nodes: the tree has a cycle or shared subtree`);
      seen[child] = 1;
    }
    const f = tree.split_indices[i] as number;
    if (f < 0 || f >= features)
      fail(`${where}.split_indices[${i}] is ${f}, outside the model's ${features} features`);
    feature[i] = f;
    const dl = tree.default_left[i];
    defaultLeft[i] = dl === true || dl === 1 ? 1 : 0;
    if (dl !== true && dl !== false && dl !== 0 && dl !== 1)
      fail(`${where}.default_left[${i}] is ${String(dl)}, expected 0/1 or a boolean`);
    if (splitType === 1) {
      categories.set(i, []);
    } else {
      if (value === null || value === undefined || Number.isNaN(value)) {
        fail(`${where}.split_conditions[${i}] is NaN on the numeric split of node ${i}`);
      }
      condition[i] = value;
    }
  }
  catNodes.forEach((node, k) => {
    const list = categories.get(node);
    if (node < 0 || node >= n || list === undefined) {
      fail(`${where}.categories_nodes[${k}] is ${node}, which is not a categorical split (split_type 1)`);
    }
    const begin = catSegments[k] as number;
    const size = catSizes[k] as number;
    if (begin < 0 || size < 0 || begin + size > catValues.length) {
      fail(
        `${where}: categories_segments[${k}]/categories_sizes[${k}] point outside categories (${catValues.length} entries)`,
      );
    }
    for (let j = begin; j < begin + size; j++) {
      const c = catValues[j] as number;
      if (c < 0 || c >= MAX_CATEGORY)
        fail(`${where}.categories[${j}] is ${c}, expected a category in [0, 2^24)`);
      list.push(c);
    }
  });
  // Root has no parent and each other node at most one, so a walk from the root ends. Nodes
  // not reached are allowed: XGBoost keeps pruned (deleted) nodes in the arrays.
  if (seen[0] === 1) fail(`${where}: a node points back to the root: the tree has a cycle`);
  return { left, right, feature, condition, defaultLeft, categories };
}

function flatten(
  file: string,
  info: TreeModelInfo,
  transform: Transform,
  base: Float32Array,
  group: Int32Array,
  weight: Float32Array | null,
  trees: CheckedTree[],
): TreeModel {
  let nodes = 0;
  let words = 0;
  for (const tree of trees) {
    nodes += tree.left.length;
    for (const list of tree.categories.values()) words += bitsetWords(list);
  }
  const roots = new Int32Array(trees.length);
  const left = new Int32Array(nodes);
  const right = new Int32Array(nodes);
  const feature = new Int32Array(nodes);
  const condition = new Float32Array(nodes);
  const defaultLeft = new Uint8Array(nodes);
  const catStart = new Int32Array(nodes).fill(-1);
  const catLength = new Int32Array(nodes);
  const catWords = new Uint32Array(words);
  let nodeBase = 0;
  let wordBase = 0;
  trees.forEach((tree, t) => {
    const n = tree.left.length;
    roots[t] = nodeBase;
    for (let i = 0; i < n; i++) {
      const l = tree.left[i] as number;
      left[nodeBase + i] = l === -1 ? -1 : nodeBase + l;
      right[nodeBase + i] = l === -1 ? -1 : nodeBase + (tree.right[i] as number);
    }
    for (const [i, list] of tree.categories) {
      const size = bitsetWords(list);
      catStart[nodeBase + i] = wordBase;
      catLength[nodeBase + i] = size;
      for (const c of list)
        catWords[wordBase + (c >>> 5)] = ((catWords[wordBase + (c >>> 5)] as number) | (1 << (c & 31))) >>> 0;
      wordBase += size;
    }
    feature.set(tree.feature, nodeBase);
    condition.set(tree.condition, nodeBase);
    defaultLeft.set(tree.defaultLeft, nodeBase);
    nodeBase += n;
  });
  return new XgboostModel(
    file,
    info,
    transform,
    base,
    roots,
    group,
    weight,
    left,
    right,
    feature,
    condition,
    defaultLeft,
    catStart,
    catLength,
    catWords,
  );
}

/** Control characters that JSON never holds raw: a UBJSON (.ubj) or other binary file. */
function hasBinaryBytes(text: string): boolean {
  const end = Math.min(text.length, 4096);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) return true;
  }
  return false;
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function bitsetWords(categories: number[]): number {
  let max = -1;
  for (const c of categories) if (c > max) max = c;
  return max < 0 ? 0 : (max >>> 5) + 1;
}

/** Where and how the document departs from the layout XGBoost writes. */
class LayoutProblem {
  constructor(
    readonly path: readonly (string | number)[],
    readonly what: string,
  ) {}
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrongType(value: unknown, path: Path, expected: string): never {
  throw new LayoutProblem(
    path,
    value === undefined
      ? `is required: expected ${expected}`
      : `expected ${expected}, got ${describeValue(value)}`,
  );
}

function checkObject(value: unknown, path: Path): asserts value is Record<string, unknown> {
  if (!isObject(value)) wrongType(value, path, 'a mapping');
}

function checkString(value: unknown, path: Path): void {
  if (typeof value !== 'string') wrongType(value, path, 'a string');
}

/** A count or a score, which XGBoost writes as a string ("5E-1") and older versions as a number. */
function isNumeric(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function notNumeric(value: unknown, path: Path): never {
  throw new LayoutProblem(path, `does not match any allowed form, got ${describeValue(value)}`);
}

function checkNumeric(value: unknown, path: Path, optional = false): void {
  if ((optional && value === undefined) || isNumeric(value)) return;
  notNumeric(value, path);
}

type ListRule = 'integers' | 'numbers' | 'flags';

const LIST_MESSAGE: Record<ListRule, string> = {
  integers: 'expected a list of integers',
  numbers: 'expected a list of numbers',
  flags: 'expected a list of 0/1 or true/false',
};

/** Whether every element follows the rule; tree arrays hold most of a model's bytes, so one plain loop each. */
function listFollows(list: unknown[], rule: ListRule): boolean {
  const n = list.length;
  if (rule === 'integers') {
    for (let i = 0; i < n; i++) if (!Number.isInteger(list[i])) return false;
  } else if (rule === 'numbers') {
    // `null` stands for the bare NaN tokens older XGBoost versions write (see json-text.ts).
    for (let i = 0; i < n; i++) {
      const x = list[i];
      if (x !== null && typeof x !== 'number') return false;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = list[i];
      if (x !== 0 && x !== 1 && typeof x !== 'boolean') return false;
    }
  }
  return true;
}

/** `parent[key]` must be a list whose elements follow `rule` (or be absent, when optional). */
function checkList(
  parent: Record<string, unknown>,
  key: string,
  path: Path,
  rule: ListRule,
  optional = false,
): void {
  const value = parent[key];
  if (optional && value === undefined) return;
  if (Array.isArray(value) && listFollows(value, rule)) return;
  const message = LIST_MESSAGE[rule];
  throw new LayoutProblem(
    [...path, key],
    value === undefined ? message : `${message}, got ${describeValue(value)}`,
  );
}

/** The learner fields the evaluator reads, in the order their problems are reported. */
function checkModel(document: unknown): void {
  checkObject(document, []);
  const learner = document.learner;
  checkObject(learner, ['learner']);
  const names = learner.feature_names;
  if (names !== undefined) {
    if (!Array.isArray(names)) wrongType(names, ['learner', 'feature_names'], 'a list');
    names.forEach((name: unknown, i) => checkString(name, ['learner', 'feature_names', i]));
  }
  const booster = learner.gradient_booster;
  checkObject(booster, ['learner', 'gradient_booster']);
  checkString(booster.name, ['learner', 'gradient_booster', 'name']);
  const param = learner.learner_model_param;
  const paramPath = ['learner', 'learner_model_param'];
  checkObject(param, paramPath);
  checkNumeric(param.base_score, [...paramPath, 'base_score']);
  checkNumeric(param.num_class, [...paramPath, 'num_class']);
  checkNumeric(param.num_feature, [...paramPath, 'num_feature']);
  checkNumeric(param.num_target, [...paramPath, 'num_target'], true);
  const objective = learner.objective;
  checkObject(objective, ['learner', 'objective']);
  checkString(objective.name, ['learner', 'objective', 'name']);
  const version = document.version;
  if (version !== undefined) {
    if (!Array.isArray(version)) wrongType(version, ['version'], 'a list');
    version.forEach((v: unknown, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) wrongType(v, ['version', i], 'a number');
    });
  }
}

function checkGbtreeModel(model: unknown, path: Path): void {
  checkObject(model, path);
  const param = model.gbtree_model_param;
  checkObject(param, [...path, 'gbtree_model_param']);
  checkNumeric(param.num_trees, [...path, 'gbtree_model_param', 'num_trees']);
  checkList(model, 'tree_info', path, 'integers');
  const trees = model.trees;
  if (!Array.isArray(trees)) wrongType(trees, [...path, 'trees'], 'a list');
  trees.forEach((tree: unknown, t) => checkTreeLayout(tree, [...path, 'trees', t]));
}

function checkTreeLayout(tree: unknown, path: Path): void {
  checkObject(tree, path);
  checkList(tree, 'left_children', path, 'integers');
  checkList(tree, 'right_children', path, 'integers');
  checkList(tree, 'parents', path, 'integers');
  checkList(tree, 'split_indices', path, 'integers');
  checkList(tree, 'split_conditions', path, 'numbers');
  checkList(tree, 'default_left', path, 'flags');
  checkList(tree, 'split_type', path, 'integers', true);
  checkList(tree, 'categories', path, 'integers', true);
  checkList(tree, 'categories_nodes', path, 'integers', true);
  checkList(tree, 'categories_segments', path, 'integers', true);
  checkList(tree, 'categories_sizes', path, 'integers', true);
  checkList(tree, 'loss_changes', path, 'numbers');
  checkList(tree, 'sum_hessian', path, 'numbers');
  checkList(tree, 'base_weights', path, 'numbers');
  const param = tree.tree_param;
  if (!isObject(param)) wrongType(param, [...path, 'tree_param'], 'a mapping');
  if (!isNumeric(param.num_nodes)) notNumeric(param.num_nodes, [...path, 'tree_param', 'num_nodes']);
  if (param.size_leaf_vector !== undefined && !isNumeric(param.size_leaf_vector))
    notNumeric(param.size_leaf_vector, [...path, 'tree_param', 'size_leaf_vector']);
}
