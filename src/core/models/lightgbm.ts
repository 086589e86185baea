/**
 * LightGBM text models (`model.txt`, `save_model()`), v2 to v4, evaluated the way LightGBM's
 * own predictor does (include/LightGBM/tree.h, src/boosting/gbdt_model_text.cpp): doubles
 * throughout, per-class sums over interleaved trees, then the objective's output transform.
 *
 * The file is validated completely at parse time (array lengths, child indexes, tree shape,
 * category bitsets, the byte offsets in `tree_sizes`), so evaluating a row can neither crash
 * nor loop, and a file real LightGBM would refuse to load is refused here too.
 */
import { ModelgateError } from '../errors.js';
import { readRow } from './tree-input.js';
import type { TreeModel, TreeModelInfo } from './tree-model.js';

/** LightGBM's kZeroThreshold: a float constant (1e-35f) widened to double. */
const ZERO_THRESHOLD = Math.fround(1e-35);
const INT32_LIMIT = 2 ** 31;

interface Field {
  value: string;
  line: number;
}

interface TreeBlock {
  index: number;
  /** 1-based line of `Tree=<index>`. */
  line: number;
  /** Character offset of the `Tree=` line (bytes, for the ASCII tree section). */
  offset: number;
  fields: Map<string, Field>;
}

/** One tree after validation, with tree-local indexes. */
interface ParsedTree {
  leaves: Float64Array;
  feature: Int32Array;
  threshold: Float64Array;
  decision: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  catBoundaries: Int32Array;
  catWords: Uint32Array;
}

type OutputTransform = (raw: number[]) => number[];

interface Objective {
  name: string;
  transform: OutputTransform;
}

class LightGbmModel implements TreeModel {
  readonly info: TreeModelInfo;
  private readonly scratch: Float64Array;

  constructor(
    private readonly file: string,
    info: TreeModelInfo,
    private readonly perIteration: number,
    private readonly averageOutput: boolean,
    private readonly objective: Objective,
    /** Per tree: the root node index, or `~leaf` for a single-leaf tree. */
    private readonly roots: Int32Array,
    private readonly feature: Int32Array,
    private readonly threshold: Float64Array,
    private readonly decision: Uint8Array,
    /** Children: a node index, or `~leaf` (global leaf index). */
    private readonly left: Int32Array,
    private readonly right: Int32Array,
    /** For categorical nodes: first bitset word and number of words in `catWords`. */
    private readonly catStart: Int32Array,
    private readonly catLength: Int32Array,
    private readonly catWords: Uint32Array,
    private readonly leafValue: Float64Array,
  ) {
    this.info = info;
    this.scratch = new Float64Array(info.features);
  }

  predictRaw(row: ArrayLike<number | null>): number[] {
    const x = readRow(row, this.scratch, this.file);
    // LightGBM's dense-row reader keeps only |v| > kZeroThreshold (or NaN); the rest become 0.
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      if (v >= -ZERO_THRESHOLD && v <= ZERO_THRESHOLD) x[i] = 0;
    }
    const k = this.perIteration;
    const sums = new Float64Array(k);
    const { roots, feature, threshold, decision, left, right, leafValue } = this;
    const trees = roots.length;
    // Hot loop: locals and typed arrays only; Tree::NumericalDecision inlined.
    for (let t = 0; t < trees; t++) {
      let node = roots[t] as number;
      while (node >= 0) {
        const type = decision[node] as number;
        let v = x[feature[node] as number] as number;
        let goLeft: boolean;
        if ((type & 1) !== 0) {
          goLeft = this.categoryIn(node, v);
        } else {
          const missing = (type >> 2) & 3;
          if (v !== v) {
            // NaN: missing under the NaN type, else read as 0.0.
            if (missing === 2) {
              node = (type & 2) !== 0 ? (left[node] as number) : (right[node] as number);
              continue;
            }
            v = 0;
          }
          if (missing === 1 && v >= -ZERO_THRESHOLD && v <= ZERO_THRESHOLD) goLeft = (type & 2) !== 0;
          else goLeft = v <= (threshold[node] as number);
        }
        node = goLeft ? (left[node] as number) : (right[node] as number);
      }
      const cls = t % k;
      sums[cls] = (sums[cls] as number) + (leafValue[~node] as number);
    }
    if (this.averageOutput) {
      const iterations = trees / k;
      for (let c = 0; c < k; c++) sums[c] = (sums[c] as number) / iterations;
    }
    return Array.from(sums);
  }

  predict(row: ArrayLike<number | null>): number[] {
    return this.objective.transform(this.predictRaw(row));
  }

  /** Tree::CategoricalDecision: NaN, negative (after truncation to int) and unlisted categories go right. */
  private categoryIn(node: number, value: number): boolean {
    if (Number.isNaN(value)) return false;
    // static_cast<int> truncates toward zero; values past INT_MAX come out negative on x86.
    if (value >= INT32_LIMIT || value <= -INT32_LIMIT) return false;
    const category = Math.trunc(value);
    if (category < 0) return false;
    const word = category >>> 5;
    if (word >= (this.catLength[node] as number)) return false;
    const bits = this.catWords[(this.catStart[node] as number) + word] as number;
    return ((bits >>> (category & 31)) & 1) === 1;
  }
}

/** Parses a LightGBM text model; throws ModelgateError naming `file`, the line and the fault. */
export function parseLightGbm(text: string, file: string): TreeModel {
  return new LightGbmParser(text, file).parse();
}

class LightGbmParser {
  private readonly lines: string[];
  private readonly hadCarriageReturns: boolean;

  constructor(
    text: string,
    private readonly file: string,
  ) {
    this.lines = text.split('\n');
    this.hadCarriageReturns = text.includes('\r');
  }

  private fail(message: string, line?: number): never {
    const at = line === undefined ? `${this.file}:` : `${this.file}:${line}`;
    throw new ModelgateError(
      `${at} ${message}`,
      'check',
      line === undefined ? { file: this.file } : { file: this.file, line },
    );
  }

  private lineAt(i: number): string {
    const raw = this.lines[i] ?? '';
    return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  }

  parse(): TreeModel {
    this.checkSubmodelLine();
    const { header, next } = this.readHeader();
    const trees = this.readTrees(next);

    const int = (key: string, min: number, fallback?: number): number => {
      const field = header.get(key);
      if (!field) {
        if (fallback !== undefined) return fallback;
        this.fail(`the header has no ${key}= line; LightGBM refuses a model without it`);
      }
      const n = Number(field.value);
      if (field.value.trim() === '' || !Number.isInteger(n) || n < min)
        this.fail(`${key}=${field.value} is not an integer >= ${min}`, field.line);
      return n;
    };
    const numClass = int('num_class', 1);
    const perIteration = int('num_tree_per_iteration', 1, numClass);
    int('label_index', 0);
    const maxFeature = int('max_feature_idx', 0);
    const features = maxFeature + 1;
    if (perIteration !== numClass) {
      this.fail(
        `num_tree_per_iteration=${perIteration} differs from num_class=${numClass}; only models with one tree per class per iteration are supported`,
        header.get('num_tree_per_iteration')?.line,
      );
    }
    const featureNames = this.listField(header, 'feature_names', features);
    this.listField(header, 'feature_infos', features);
    const objective = this.objective(header.get('objective'), numClass);
    const averageOutput = header.has('average_output');

    if (trees.length === 0) this.fail('the model contains no trees (no Tree= block before "end of trees")');
    if (trees.length % perIteration !== 0) {
      this.fail(
        `the model has ${trees.length} trees, not a multiple of num_tree_per_iteration=${perIteration}: a class's trees are missing`,
      );
    }
    const parsed = trees.map((block) => this.parseTree(block, maxFeature));
    this.checkTreeSizes(header.get('tree_sizes'), trees);
    const version = header.get('version')?.value;
    const info: TreeModelInfo = {
      format: 'lightgbm',
      trees: trees.length,
      features,
      objective: objective.name,
      classes: numClass,
      featureNames,
    };
    if (version !== undefined) info.version = version;
    return this.flatten(info, perIteration, averageOutput, objective, parsed);
  }

  private checkSubmodelLine(): void {
    // trim() would also strip a byte-order mark, which LightGBM does not.
    if (this.lineAt(0).startsWith('\ufeff')) {
      this.fail(
        'starts with a byte-order mark; LightGBM reads the first line as the model type and would refuse it',
        1,
      );
    }
    const first = this.lineAt(0).trim();
    if (first === 'tree') return;
    const shown = first.length > 40 ? `${first.slice(0, 37)}...` : first;
    const hint = first.startsWith('{')
      ? ' (this looks like JSON: an XGBoost model given as kind lightgbm?)'
      : '';
    this.fail(
      `is not a LightGBM text model: the first line is ${JSON.stringify(shown)} where LightGBM writes "tree"${hint}`,
      1,
    );
  }

  private readHeader(): { header: Map<string, Field>; next: number } {
    const header = new Map<string, Field>();
    let i = 1;
    for (; i < this.lines.length; i++) {
      const line = this.lineAt(i);
      if (line.startsWith('Tree=') || line === 'end of trees') break;
      if (line === '') continue;
      const eq = line.indexOf('=');
      if (eq < 0) header.set(line.trim(), { value: '', line: i + 1 });
      else header.set(line.slice(0, eq), { value: line.slice(eq + 1), line: i + 1 });
    }
    return { header, next: i };
  }

  private readTrees(start: number): TreeBlock[] {
    const trees: TreeBlock[] = [];
    let offset = 0;
    for (let j = 0; j < start; j++) offset += (this.lines[j] as string).length + 1;
    let i = start;
    while (i < this.lines.length) {
      const line = this.lineAt(i);
      if (line === 'end of trees') return trees;
      if (line === '') {
        offset += (this.lines[i] as string).length + 1;
        i++;
        continue;
      }
      if (!line.startsWith('Tree=')) {
        this.fail(
          `expected "Tree=${trees.length}" or "end of trees", found ${JSON.stringify(line.slice(0, 60))}`,
          i + 1,
        );
      }
      const index = Number(line.slice(5));
      if (!Number.isInteger(index) || index !== trees.length) {
        this.fail(`${line}: expected Tree=${trees.length} (trees are numbered in order from 0)`, i + 1);
      }
      const block: TreeBlock = { index, line: i + 1, offset, fields: new Map() };
      offset += (this.lines[i] as string).length + 1;
      i++;
      // A tree's key=value lines end at the first empty line, as in LightGBM's Tree(const char*).
      for (; i < this.lines.length; i++) {
        const field = this.lineAt(i);
        if (field === '') break;
        if (field.startsWith('Tree=') || field === 'end of trees') break;
        const eq = field.indexOf('=');
        if (eq <= 0)
          this.fail(`Tree=${index}: expected key=value, found ${JSON.stringify(field.slice(0, 60))}`, i + 1);
        block.fields.set(field.slice(0, eq), { value: field.slice(eq + 1), line: i + 1 });
        offset += (this.lines[i] as string).length + 1;
      }
      trees.push(block);
    }
    const last = trees[trees.length - 1];
    const where = last ? ` inside or after Tree=${last.index}` : '';
    this.fail(
      `ends${where} without an "end of trees" line: the file is truncated (re-export it with save_model and upload it again)`,
      this.lastLineNumber(),
    );
  }

  private lastLineNumber(): number {
    let n = this.lines.length;
    while (n > 1 && this.lineAt(n - 1) === '') n--;
    return n;
  }

  /** LightGBM seeks each tree at the byte offset given by the sizes before it, so they must be exact. */
  private checkTreeSizes(field: Field | undefined, trees: TreeBlock[]): void {
    if (!field || field.value.trim() === '') return;
    const sizes = field.value.trim().split(/ +/).map(Number);
    if (sizes.length !== trees.length) {
      this.fail(
        `tree_sizes lists ${sizes.length} trees but the file has ${trees.length}: the file is truncated or was edited`,
        field.line,
      );
    }
    const base = (trees[0] as TreeBlock).offset;
    let expected = base;
    for (let t = 0; t < trees.length; t++) {
      const tree = trees[t] as TreeBlock;
      if (tree.offset !== expected) {
        const cr = this.hadCarriageReturns
          ? ' (the file has CRLF line endings: was it re-saved on Windows?)'
          : '';
        this.fail(
          `tree_sizes puts Tree=${t} at byte ${expected - base} of the tree section but it is at byte ${tree.offset - base}; ` +
            `LightGBM seeks trees by these sizes and would fail to load this file${cr}`,
          field.line,
        );
      }
      const size = sizes[t] as number;
      if (!Number.isInteger(size) || size <= 0)
        this.fail(`tree_sizes has an invalid size ${JSON.stringify(String(size))}`, field.line);
      expected += size;
    }
  }

  private listField(header: Map<string, Field>, key: string, count: number): string[] {
    const field = header.get(key);
    if (!field) this.fail(`the header has no ${key}= line; LightGBM refuses a model without it`);
    const items = field.value.split(' ').filter((s) => s !== '');
    if (items.length !== count) {
      this.fail(`${key} has ${items.length} entries, expected max_feature_idx+1=${count}`, field.line);
    }
    return items;
  }

  private objective(field: Field | undefined, numClass: number): Objective {
    // A model trained with a custom objective has no objective line; LightGBM then predicts raw scores.
    if (!field) return { name: 'custom', transform: (raw) => raw };
    const tokens = field.value.trim().split(/ +/);
    const name = tokens[0] ?? '';
    const param = (key: string): number | undefined => {
      const token = tokens.find((t) => t.startsWith(`${key}:`));
      if (token === undefined) return undefined;
      const value = Number(token.slice(key.length + 1));
      if (!Number.isFinite(value))
        this.fail(`objective ${key}:${token.slice(key.length + 1)} is not a number`, field.line);
      return value;
    };
    const sigmoid = (): number => {
      const s = param('sigmoid');
      if (s === undefined || s <= 0)
        this.fail(`objective=${field.value} needs sigmoid:<s> with s > 0`, field.line);
      return s;
    };
    const classesMatch = (): void => {
      const k = param('num_class');
      if (k !== numClass) {
        this.fail(`objective=${field.value} does not match num_class=${numClass}`, field.line);
      }
    };
    const sqrt = tokens.includes('sqrt');
    const identityOrSquare: OutputTransform = sqrt
      ? (raw) => raw.map((x) => Math.sign(x) * x * x)
      : (raw) => raw;
    const single = (): void => {
      if (numClass !== 1)
        this.fail(`objective=${name} predicts one value but num_class=${numClass}`, field.line);
    };
    switch (name) {
      case 'binary': {
        single();
        const s = sigmoid();
        return { name, transform: (raw) => raw.map((x) => 1 / (1 + Math.exp(-s * x))) };
      }
      case 'multiclass':
        classesMatch();
        return { name, transform: softmax };
      case 'multiclassova': {
        classesMatch();
        const s = sigmoid();
        return { name, transform: (raw) => raw.map((x) => 1 / (1 + Math.exp(-s * x))) };
      }
      case 'regression':
      case 'regression_l1':
      case 'quantile':
      case 'huber':
      case 'fair':
      case 'mape':
      case 'mean_absolute_percentage_error':
        single();
        return { name: sqrt ? `${name} sqrt` : name, transform: identityOrSquare };
      case 'poisson':
      case 'gamma':
      case 'tweedie':
        single();
        return { name, transform: (raw) => raw.map((x) => Math.exp(x)) };
      case 'cross_entropy':
      case 'xentropy':
        single();
        return { name, transform: (raw) => raw.map((x) => 1 / (1 + Math.exp(-x))) };
      case 'cross_entropy_lambda':
      case 'xentlambda':
        single();
        return { name, transform: (raw) => raw.map((x) => Math.log1p(Math.exp(x))) };
      case 'lambdarank':
      case 'rank_xendcg':
      case 'none':
      case 'null':
      case 'custom':
      case 'na':
        return { name, transform: (raw) => raw };
      default:
        return this.fail(
          `unknown objective ${JSON.stringify(name)}: LightGBM cannot load it (known: binary, multiclass, multiclassova, ` +
            'regression, regression_l1, quantile, huber, fair, mape, poisson, gamma, tweedie, cross_entropy, ' +
            'cross_entropy_lambda, lambdarank, rank_xendcg)',
          field.line,
        );
    }
  }

  private parseTree(block: TreeBlock, maxFeature: number): ParsedTree {
    const where = `Tree=${block.index}`;
    const need = (key: string): Field => {
      const field = block.fields.get(key);
      if (!field) {
        this.fail(
          `${where}: no ${key}= line; the tree is incomplete (truncated or hand-edited file?)`,
          block.line,
        );
      }
      return field;
    };
    const integer = (key: string, min: number): number => {
      const field = need(key);
      const n = Number(field.value);
      if (field.value.trim() === '' || !Number.isInteger(n) || n < min) {
        this.fail(`${where}: ${key}=${field.value} is not an integer >= ${min}`, field.line);
      }
      return n;
    };
    const numLeaves = integer('num_leaves', 1);
    const numCat = integer('num_cat', 0);
    const linear = block.fields.get('is_linear');
    if (linear && linear.value.trim() !== '0') {
      this.fail(
        `${where}: is_linear=${linear.value}: linear trees (linear_tree=true) are not supported by modelgate's evaluator; ` +
          'train without linear_tree or check this model by hand',
        linear.line,
      );
    }
    const nodes = numLeaves - 1;
    const leaves = this.doubles(need('leaf_value'), numLeaves, `${where}: leaf_value`, 'num_leaves', false);
    if (nodes === 0) {
      return {
        leaves,
        feature: new Int32Array(0),
        threshold: new Float64Array(0),
        decision: new Uint8Array(0),
        left: new Int32Array(0),
        right: new Int32Array(0),
        catBoundaries: new Int32Array(0),
        catWords: new Uint32Array(0),
      };
    }
    const countName = `num_leaves-1`;
    const feature = this.int32s(
      need('split_feature'),
      nodes,
      `${where}: split_feature`,
      countName,
      0,
      maxFeature,
      ` (the model has max_feature_idx=${maxFeature})`,
    );
    const threshold = this.doubles(need('threshold'), nodes, `${where}: threshold`, countName, true);
    const decisionField = block.fields.get('decision_type');
    // LightGBM defaults a missing decision_type to 0 (numeric, no missing handling).
    const decision = decisionField
      ? Uint8Array.from(this.integers(decisionField, nodes, `${where}: decision_type`, countName, 0, 127))
      : new Uint8Array(nodes);
    const leftField = need('left_child');
    const rightField = need('right_child');
    const int32 = 2 ** 31;
    const left = this.int32s(leftField, nodes, `${where}: left_child`, countName, -int32, int32 - 1);
    const right = this.int32s(rightField, nodes, `${where}: right_child`, countName, -int32, int32 - 1);

    let catBoundaries: Int32Array = new Int32Array(0);
    let catWords: Uint32Array = new Uint32Array(0);
    if (numCat > 0) {
      const boundaryField = need('cat_boundaries');
      catBoundaries = this.int32s(
        boundaryField,
        numCat + 1,
        `${where}: cat_boundaries`,
        'num_cat+1',
        0,
        2 ** 31 - 1,
      );
      for (let c = 0; c < numCat; c++) {
        if ((catBoundaries[c + 1] as number) < (catBoundaries[c] as number) || catBoundaries[0] !== 0) {
          this.fail(`${where}: cat_boundaries must start at 0 and never decrease`, boundaryField.line);
        }
      }
      const words = catBoundaries[numCat] as number;
      catWords = Uint32Array.from(
        this.integers(
          need('cat_threshold'),
          words,
          `${where}: cat_threshold`,
          `cat_boundaries[${numCat}]`,
          0,
          2 ** 32 - 1,
        ),
      );
    }
    const decisionLine = decisionField?.line ?? block.line;
    for (let n = 0; n < nodes; n++) {
      const type = decision[n] as number;
      if (((type >> 2) & 3) === 3) {
        this.fail(
          `${where}: decision_type ${type} of node ${n} has missing type 3 (only 0 none, 1 zero, 2 NaN exist)`,
          decisionLine,
        );
      }
      if ((type & 1) !== 0) {
        if (numCat === 0) {
          this.fail(
            `${where}: node ${n} is categorical (decision_type ${type}) but the tree has num_cat=0`,
            decisionLine,
          );
        }
        const index = threshold[n] as number;
        if (!Number.isInteger(index) || index < 0 || index >= numCat) {
          this.fail(
            `${where}: categorical node ${n} has threshold ${index}, expected an index into cat_boundaries below num_cat=${numCat}`,
            need('threshold').line,
          );
        }
      }
    }
    this.checkShape(where, [leftField, rightField], [left, right], numLeaves);
    return { leaves, feature, threshold, decision, left, right, catBoundaries, catWords };
  }

  /**
   * Every child index names a node or a leaf of this tree, every node but the root and every
   * leaf is a child exactly once, and every node hangs off the root: so a walk ends at a leaf.
   */
  private checkShape(
    where: string,
    fields: [Field, Field],
    children: [Int32Array, Int32Array],
    numLeaves: number,
  ): void {
    const nodes = children[0].length;
    const nodeRefs = new Uint8Array(nodes);
    const leafRefs = new Uint8Array(numLeaves);
    for (let n = 0; n < nodes; n++) {
      for (let side = 0; side < 2; side++) {
        const field = fields[side] as Field;
        const name = side === 0 ? 'left_child' : 'right_child';
        const child = (children[side] as Int32Array)[n] as number;
        if (child >= nodes || child < -numLeaves) {
          const range = nodes === 1 ? 'node 0' : `nodes 0..${nodes - 1}`;
          this.fail(
            `${where}: ${name} of node ${n} is ${child}, which is neither one of the tree's ${range} nor a leaf -1..-${numLeaves} (~leaf)`,
            field.line,
          );
        }
        if (child >= 0) {
          if (child === 0 || child === n) {
            this.fail(`${where}: ${name} of node ${n} is ${child}: the tree has a cycle`, field.line);
          }
          if (nodeRefs[child] === 1) {
            this.fail(
              `${where}: node ${child} is the child of two nodes: the tree has a cycle or a shared subtree`,
              field.line,
            );
          }
          nodeRefs[child] = 1;
        } else {
          const leaf = ~child;
          if (leafRefs[leaf] === 1)
            this.fail(`${where}: leaf ${leaf} (${child}) is the child of two nodes`, field.line);
          leafRefs[leaf] = 1;
        }
      }
    }
    // With one parent per node, a walk from the root visits each reachable node once; a node it
    // misses sits on a cycle detached from the root.
    let reached = 0;
    const stack = [0];
    while (stack.length > 0) {
      const n = stack.pop() as number;
      reached++;
      for (const list of children) {
        const child = list[n] as number;
        if (child >= 0) stack.push(child);
      }
    }
    if (reached !== nodes) {
      this.fail(
        `${where}: ${nodes - reached} of ${nodes} nodes cannot be reached from the root: the children form a cycle`,
        fields[0].line,
      );
    }
    for (let l = 0; l < numLeaves; l++) {
      if (leafRefs[l] !== 1) this.fail(`${where}: leaf ${l} is not the child of any node`, fields[0].line);
    }
  }

  /** The field's space-separated values, which must be exactly `count` (named `countName` in messages). */
  private tokens(field: Field, count: number, what: string, countName: string): string[] {
    const value = field.value.trim();
    // LightGBM separates with single spaces; tolerate runs of them without a regex per line.
    const parts = value === '' ? [] : value.split(' ');
    const tokens = value.includes('  ') ? parts.filter((p) => p !== '') : parts;
    if (tokens.length !== count) {
      this.fail(
        `${what} has ${tokens.length} value${tokens.length === 1 ? '' : 's'}, expected ${countName}=${count}`,
        field.line,
      );
    }
    return tokens;
  }

  private doubles(
    field: Field,
    count: number,
    what: string,
    countName: string,
    allowInfinite: boolean,
  ): Float64Array {
    const tokens = this.tokens(field, count, what, countName);
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const token = tokens[i] as string;
      const value = parseDouble(token);
      if (Number.isNaN(value) || (!allowInfinite && !Number.isFinite(value))) {
        this.fail(
          `${what}: value ${i + 1} ${JSON.stringify(token.slice(0, 30))} is not a ${allowInfinite ? '' : 'finite '}number`,
          field.line,
        );
      }
      out[i] = value;
    }
    return out;
  }

  private integers(
    field: Field,
    count: number,
    what: string,
    countName: string,
    min: number,
    max: number,
    hint = '',
  ): number[] {
    const tokens = this.tokens(field, count, what, countName);
    const out = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      const token = tokens[i] as string;
      const value = Number(token);
      if (!Number.isInteger(value) || value < min || value > max) {
        this.fail(
          `${what}: value ${i + 1} is ${JSON.stringify(token.slice(0, 30))}, expected an integer in [${min}, ${max}]${hint}`,
          field.line,
        );
      }
      out[i] = value;
    }
    return out;
  }

  private int32s(
    field: Field,
    count: number,
    what: string,
    countName: string,
    min: number,
    max: number,
    hint = '',
  ): Int32Array {
    return Int32Array.from(this.integers(field, count, what, countName, min, max, hint));
  }

  private flatten(
    info: TreeModelInfo,
    perIteration: number,
    averageOutput: boolean,
    objective: Objective,
    trees: ParsedTree[],
  ): TreeModel {
    let nodes = 0;
    let leaves = 0;
    let words = 0;
    for (const tree of trees) {
      nodes += tree.left.length;
      leaves += tree.leaves.length;
      words += tree.catWords.length;
    }
    const roots = new Int32Array(trees.length);
    const feature = new Int32Array(nodes);
    const threshold = new Float64Array(nodes);
    const decision = new Uint8Array(nodes);
    const left = new Int32Array(nodes);
    const right = new Int32Array(nodes);
    const catStart = new Int32Array(nodes);
    const catLength = new Int32Array(nodes);
    const catWords = new Uint32Array(words);
    const leafValue = new Float64Array(leaves);
    let nodeBase = 0;
    let leafBase = 0;
    let wordBase = 0;
    const relocate = (child: number): number => (child >= 0 ? nodeBase + child : ~(leafBase + ~child));
    trees.forEach((tree, t) => {
      const n = tree.left.length;
      roots[t] = n === 0 ? ~leafBase : nodeBase;
      feature.set(tree.feature, nodeBase);
      threshold.set(tree.threshold, nodeBase);
      decision.set(tree.decision, nodeBase);
      for (let i = 0; i < n; i++) {
        left[nodeBase + i] = relocate(tree.left[i] as number);
        right[nodeBase + i] = relocate(tree.right[i] as number);
        if (((tree.decision[i] as number) & 1) !== 0) {
          const index = tree.threshold[i] as number;
          const begin = tree.catBoundaries[index] as number;
          catStart[nodeBase + i] = wordBase + begin;
          catLength[nodeBase + i] = (tree.catBoundaries[index + 1] as number) - begin;
        }
      }
      catWords.set(tree.catWords, wordBase);
      leafValue.set(tree.leaves, leafBase);
      nodeBase += n;
      leafBase += tree.leaves.length;
      wordBase += tree.catWords.length;
    });
    return new LightGbmModel(
      this.file,
      info,
      perIteration,
      averageOutput,
      objective,
      roots,
      feature,
      threshold,
      decision,
      left,
      right,
      catStart,
      catLength,
      catWords,
      leafValue,
    );
  }
}

/** Common::Softmax: exponentials shifted by the maximum, in doubles. */
function softmax(raw: number[]): number[] {
  let max = raw[0] ?? 0;
  for (const x of raw) if (x > max) max = x;
  const out = raw.map((x) => Math.exp(x - max));
  let sum = 0;
  for (const e of out) sum += e;
  return out.map((e) => e / sum);
}

/** Doubles as LightGBM writes them (%.17g), including the inf/nan spellings of C's printf. */
function parseDouble(token: string): number {
  const value = Number(token);
  if (!Number.isNaN(value)) return value;
  switch (token.toLowerCase()) {
    case 'inf':
    case '+inf':
    case 'infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
    default:
      return NaN;
  }
}
