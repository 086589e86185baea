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
import { readTreeSection, type FastTrees } from './lightgbm-fast.js';
import { readRow } from './tree-input.js';
import type { TreeModel, TreeModelInfo } from './tree-model.js';

/** LightGBM's kZeroThreshold: a float constant (1e-35f) widened to double. */
const ZERO_THRESHOLD = Math.fround(1e-35);
const INT32_LIMIT = 2 ** 31;

interface Field {
  /** What follows `key=`, without the line's carriage return. */
  value: string;
  line: number;
  /** Where `value` lies in the file's text: numeric lists are read from there, token by token, without splitting. */
  start: number;
  end: number;
}

/** The tree lines the evaluator reads; the others (split_gain, leaf_count, ...) are only checked to be key=value. */
const TREE_KEYS = [
  'num_leaves',
  'num_cat',
  'is_linear',
  'leaf_value',
  'split_feature',
  'threshold',
  'decision_type',
  'left_child',
  'right_child',
  'cat_boundaries',
  'cat_threshold',
] as const;

interface TreeBlock {
  index: number;
  /** 1-based line of `Tree=<index>`. */
  line: number;
  /** Character offset of the `Tree=` line (bytes, for the ASCII tree section). */
  offset: number;
  fields: Map<string, Field>;
}

/**
 * Every tree's nodes and leaves, in one set of arrays: trees are parsed straight into them at
 * their offsets (so a few thousand trees do not each allocate and copy their own arrays).
 * Children are tree-local while a tree is checked, then made global: a node index, or
 * `~leaf` with a global leaf index.
 */
interface Nodes {
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  decision: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** For categorical nodes: first bitset word and number of words in `catWords`. */
  catStart: Int32Array;
  catLength: Int32Array;
  catWords: number[];
  leafValue: Float64Array;
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
    // Every value is stored back, so V8 has seen the store before it optimizes this loop (a
    // store seen only once a row held a zero made it compile predictRaw again).
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      x[i] = v >= -ZERO_THRESHOLD && v <= ZERO_THRESHOLD ? 0 : v;
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

export interface LightGbmParseOptions {
  /** The file's bytes (UTF-8), when the caller has them; else `text` is encoded again. */
  bytes?: Uint8Array;
  /** False: read the trees in TypeScript only, never through lightgbm-fast.ts (tests compare both). */
  fast?: boolean;
}

/** Parses a LightGBM text model; throws ModelgateError naming `file`, the line and the fault. */
export function parseLightGbm(text: string, file: string, options: LightGbmParseOptions = {}): TreeModel {
  const bytes = options.fast === false ? undefined : (options.bytes ?? Buffer.from(text, 'utf8'));
  return new LightGbmParser(text, file, bytes).parse();
}

class LightGbmParser {
  private readonly hadCarriageReturns: boolean;
  /** The current line: its 1-based number and where it lies in `text` (without its carriage return). */
  private lineNumber = 0;
  private lineStart = 0;
  private lineEnd = 0;
  /** Where the line after the current one starts; past the end of `text` once the last line is read. */
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
    /** The file's bytes, for lightgbm-fast.ts; undefined to read in TypeScript only. */
    private readonly bytes?: Uint8Array,
  ) {
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

  /**
   * Moves to the next line (as `text.split('\n')` would cut it, so a final newline is followed
   * by an empty line); false when there is none. Lines are scanned in place: a few-MB model has
   * tens of thousands of them, and most are only checked to be key=value.
   */
  private nextLine(): boolean {
    const text = this.text;
    if (this.next > text.length) return false;
    let newline = text.indexOf('\n', this.next);
    if (newline < 0) newline = text.length;
    this.lineStart = this.next;
    this.lineEnd = newline > this.next && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    this.next = newline + 1;
    this.lineNumber++;
    return true;
  }

  private currentLine(): string {
    return this.text.slice(this.lineStart, this.lineEnd);
  }

  /**
   * Whether the current line is exactly `word`. The comparison runs on every line, not only on
   * lines of the right length: V8 optimizes the scanning loops from what they have run, and a
   * comparison first run at the file's last line ("end of trees") threw the optimized loop away
   * and compiled it again, for every file (about 30 ms of compiling each time).
   */
  private lineIs(word: string): boolean {
    const start = this.lineStart;
    const same = this.text.startsWith(word, start);
    return this.lineEnd - start === word.length && same;
  }

  parse(): TreeModel {
    this.nextLine();
    this.checkSubmodelLine();
    const { header, more } = this.readHeader();
    const fast = more ? this.readTreesFast(header) : undefined;
    const blocks = fast ? [] : this.readTrees(this.text, more);
    const treeCount = fast ? fast.roots.length : blocks.length;

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

    if (treeCount === 0) this.fail('the model contains no trees (no Tree= block before "end of trees")');
    if (treeCount % perIteration !== 0) {
      this.fail(
        `the model has ${treeCount} trees, not a multiple of num_tree_per_iteration=${perIteration}: a class's trees are missing`,
      );
    }
    let nodes: Nodes;
    if (fast) {
      const n = fast.left.length;
      nodes = { ...fast, catStart: new Int32Array(n), catLength: new Int32Array(n), catWords: [] };
    } else {
      nodes = this.allocate(blocks);
      let nodeBase = 0;
      let leafBase = 0;
      blocks.forEach((block, t) => {
        const leaves = this.parseTree(block, maxFeature, nodes, t, nodeBase, leafBase);
        nodeBase += leaves - 1;
        leafBase += leaves;
      });
    }
    this.checkTreeSizes(header.get('tree_sizes'), fast ? fast.offsets : blocks.map((b) => b.offset));
    const version = header.get('version')?.value;
    const info: TreeModelInfo = {
      format: 'lightgbm',
      trees: treeCount,
      features,
      objective: objective.name,
      classes: numClass,
      featureNames,
    };
    if (version !== undefined) info.version = version;
    return new LightGbmModel(
      this.file,
      info,
      perIteration,
      averageOutput,
      objective,
      nodes.roots,
      nodes.feature,
      nodes.threshold,
      nodes.decision,
      nodes.left,
      nodes.right,
      nodes.catStart,
      nodes.catLength,
      Uint32Array.from(nodes.catWords),
      nodes.leafValue,
    );
  }

  /**
   * Arrays for every tree's nodes and leaves, sized from each tree's num_leaves. A num_leaves
   * that is not a count this tree can hold (not an integer, or more leaves than its leaf_value
   * line has room for) counts as one leaf here: parseTree refuses it, in order, before any
   * later tree is written.
   */
  private allocate(trees: TreeBlock[]): Nodes {
    let nodes = 0;
    let leaves = 0;
    let most = 1;
    for (const block of trees) {
      const field = block.fields.get('num_leaves');
      const values = block.fields.get('leaf_value');
      const n = field ? Number(field.value) : NaN;
      const room = values ? (values.end - values.start + 1) / 2 : 0;
      const count = Number.isInteger(n) && n >= 1 && n <= room ? n : 1;
      nodes += count - 1;
      leaves += count;
      if (count > most) most = count;
    }
    this.sizeScratch(most);
    return {
      roots: new Int32Array(trees.length),
      feature: new Int32Array(nodes),
      threshold: new Float64Array(nodes),
      decision: new Uint8Array(nodes),
      left: new Int32Array(nodes),
      right: new Int32Array(nodes),
      catStart: new Int32Array(nodes),
      catLength: new Int32Array(nodes),
      catWords: [],
      leafValue: new Float64Array(leaves),
    };
  }

  private checkSubmodelLine(): void {
    // trim() would also strip a byte-order mark, which LightGBM does not.
    const line = this.currentLine();
    if (line.startsWith('\ufeff')) {
      this.fail(
        'starts with a byte-order mark; LightGBM reads the first line as the model type and would refuse it',
        1,
      );
    }
    const first = line.trim();
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

  /** The header's key=value lines; stops on the first tree (or the end of trees), which becomes the current line. */
  private readHeader(): { header: Map<string, Field>; more: boolean } {
    const header = new Map<string, Field>();
    while (this.nextLine()) {
      const line = this.currentLine();
      if (line.startsWith('Tree=') || line === 'end of trees') return { header, more: true };
      if (line === '') continue;
      const eq = line.indexOf('=');
      const field = (value: string, start: number): Field => ({
        value,
        line: this.lineNumber,
        start,
        end: this.lineEnd,
      });
      if (eq < 0) header.set(line.trim(), field('', this.lineEnd));
      else header.set(line.slice(0, eq), field(line.slice(eq + 1), this.lineStart + eq + 1));
    }
    return { header, more: false };
  }

  /**
   * The Tree= blocks from the current line (when `more`) to "end of trees". `text` is
   * this.text, passed in: this runs once per file, and V8 gives a function its type feedback only
   * after it has run a while, so a property read before the loop was unseen code to the
   * optimizer, which then compiled the loop a second time.
   */
  private readTrees(text: string, more: boolean): TreeBlock[] {
    const trees: TreeBlock[] = [];
    while (more) {
      if (this.lineEnd === this.lineStart) {
        more = this.nextLine();
        continue;
      }
      if (this.lineIs('end of trees')) return trees;
      if (!text.startsWith('Tree=', this.lineStart)) {
        this.fail(
          `expected "Tree=${trees.length}" or "end of trees", found ${JSON.stringify(this.currentLine().slice(0, 60))}`,
          this.lineNumber,
        );
      }
      const index = Number(text.slice(this.lineStart + 5, this.lineEnd));
      if (!Number.isInteger(index) || index !== trees.length) {
        this.fail(
          `${this.currentLine()}: expected Tree=${trees.length} (trees are numbered in order from 0)`,
          this.lineNumber,
        );
      }
      const block: TreeBlock = { index, line: this.lineNumber, offset: this.lineStart, fields: new Map() };
      // A tree's key=value lines end at the first empty line, as in LightGBM's Tree(const char*).
      while ((more = this.nextLine())) {
        const start = this.lineStart;
        const end = this.lineEnd;
        if (end === start || text.startsWith('Tree=', start) || this.lineIs('end of trees')) break;
        const eq = text.indexOf('=', start);
        if (eq <= start || eq >= end) {
          this.fail(
            `Tree=${index}: expected key=value, found ${JSON.stringify(this.currentLine().slice(0, 60))}`,
            this.lineNumber,
          );
        }
        const key = treeKey(text, start, eq);
        if (key !== undefined) {
          block.fields.set(key, {
            value: text.slice(eq + 1, end),
            line: this.lineNumber,
            start: eq + 1,
            end,
          });
        }
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
    const lines = this.text.split('\n');
    const blank = (i: number): boolean => lines[i] === '' || lines[i] === '\r';
    let n = lines.length;
    while (n > 1 && blank(n - 1)) n--;
    return n;
  }

  /**
   * The tree section through lightgbm-fast.ts, from the current line (the first Tree=), when
   * the file's bytes are at hand and the header gives max_feature_idx as plain digits; undefined
   * when it declines, and the TypeScript reader reads the trees.
   */
  private readTreesFast(header: Map<string, Field>): FastTrees | undefined {
    const maxFeature = header.get('max_feature_idx')?.value;
    if (!this.bytes || this.hadCarriageReturns || maxFeature === undefined || !/^\d{1,9}$/.test(maxFeature)) {
      return undefined;
    }
    // The tree section is ASCII (the reader declines otherwise); a header with feature names
    // outside ASCII puts it further in the bytes than in the text.
    const start =
      this.bytes.length === this.text.length
        ? this.lineStart
        : Buffer.byteLength(this.text.slice(0, this.lineStart), 'utf8');
    const read = readTreeSection(this.bytes, start, Number(maxFeature));
    return 'trees' in read ? read.trees : undefined;
  }

  /** LightGBM seeks each tree at the byte offset given by the sizes before it, so they must be exact. */
  private checkTreeSizes(field: Field | undefined, offsets: ArrayLike<number>): void {
    if (!field || field.value.trim() === '') return;
    // LightGBM writes single spaces; a regular expression for the rare run of them cost the first
    // file parsed (cold) about 3 ms.
    const value = field.value.trim();
    const sizes = (value.includes('  ') ? value.split(/ +/) : value.split(' ')).map(Number);
    if (sizes.length !== offsets.length) {
      this.fail(
        `tree_sizes lists ${sizes.length} trees but the file has ${offsets.length}: the file is truncated or was edited`,
        field.line,
      );
    }
    const base = offsets[0] as number;
    let expected = base;
    for (let t = 0; t < offsets.length; t++) {
      const offset = offsets[t] as number;
      if (offset !== expected) {
        const cr = this.hadCarriageReturns
          ? ' (the file has CRLF line endings: was it re-saved on Windows?)'
          : '';
        this.fail(
          `tree_sizes puts Tree=${t} at byte ${expected - base} of the tree section but it is at byte ${offset - base}; ` +
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

  /** Parses, checks and places tree `t` at `nodeBase`/`leafBase` in `out`; returns its number of leaves. */
  private parseTree(
    block: TreeBlock,
    maxFeature: number,
    out: Nodes,
    t: number,
    nodeBase: number,
    leafBase: number,
  ): number {
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
    this.doubles(
      need('leaf_value'),
      out.leafValue,
      leafBase,
      numLeaves,
      `${where}: leaf_value`,
      'num_leaves',
      false,
    );
    if (nodes === 0) {
      out.roots[t] = ~leafBase;
      return numLeaves;
    }
    out.roots[t] = nodeBase;
    const countName = `num_leaves-1`;
    this.integers(
      need('split_feature'),
      out.feature,
      nodeBase,
      nodes,
      `${where}: split_feature`,
      countName,
      0,
      maxFeature,
      ` (the model has max_feature_idx=${maxFeature})`,
    );
    const thresholdField = need('threshold');
    this.doubles(thresholdField, out.threshold, nodeBase, nodes, `${where}: threshold`, countName, true);
    const decisionField = block.fields.get('decision_type');
    // LightGBM defaults a missing decision_type to 0 (numeric, no missing handling): the array starts zeroed.
    if (decisionField) {
      this.integers(
        decisionField,
        out.decision,
        nodeBase,
        nodes,
        `${where}: decision_type`,
        countName,
        0,
        127,
      );
    }
    const leftField = need('left_child');
    const rightField = need('right_child');
    const int32 = 2 ** 31;
    this.integers(leftField, out.left, nodeBase, nodes, `${where}: left_child`, countName, -int32, int32 - 1);
    this.integers(
      rightField,
      out.right,
      nodeBase,
      nodes,
      `${where}: right_child`,
      countName,
      -int32,
      int32 - 1,
    );

    let catBoundaries: Int32Array = new Int32Array(0);
    let catWords: Uint32Array = new Uint32Array(0);
    if (numCat > 0) {
      const boundaryField = need('cat_boundaries');
      catBoundaries = this.room(
        boundaryField,
        numCat + 1,
        `${where}: cat_boundaries`,
        'num_cat+1',
        Int32Array,
      );
      this.integers(
        boundaryField,
        catBoundaries,
        0,
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
      const thresholdWords = need('cat_threshold');
      const wordsName = `cat_boundaries[${numCat}]`;
      catWords = this.room(thresholdWords, words, `${where}: cat_threshold`, wordsName, Uint32Array);
      this.integers(thresholdWords, catWords, 0, words, `${where}: cat_threshold`, wordsName, 0, 2 ** 32 - 1);
    }
    const { decision, threshold } = out;
    const decisionLine = decisionField?.line ?? block.line;
    for (let n = 0; n < nodes; n++) {
      const type = decision[nodeBase + n] as number;
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
        const index = threshold[nodeBase + n] as number;
        if (!Number.isInteger(index) || index < 0 || index >= numCat) {
          this.fail(
            `${where}: categorical node ${n} has threshold ${index}, expected an index into cat_boundaries below num_cat=${numCat}`,
            thresholdField.line,
          );
        }
      }
    }
    this.checkShape(where, [leftField, rightField], out, nodeBase, nodes, numLeaves);

    // Checked: make the children global, and point categorical nodes at their bitsets.
    const { left, right } = out;
    const wordBase = out.catWords.length;
    for (let n = nodeBase; n < nodeBase + nodes; n++) {
      const l = left[n] as number;
      const r = right[n] as number;
      left[n] = l >= 0 ? nodeBase + l : ~(leafBase + ~l);
      right[n] = r >= 0 ? nodeBase + r : ~(leafBase + ~r);
      if (((decision[n] as number) & 1) !== 0) {
        const index = threshold[n] as number;
        const begin = catBoundaries[index] as number;
        out.catStart[n] = wordBase + begin;
        out.catLength[n] = (catBoundaries[index + 1] as number) - begin;
      }
    }
    for (const word of catWords) out.catWords.push(word);
    return numLeaves;
  }

  /**
   * Every child index names a node or a leaf of this tree, every node but the root and every
   * leaf is a child exactly once, and every node hangs off the root: so a walk ends at a leaf.
   * The tree's nodes are out[base, base + nodes), with tree-local children.
   */
  private checkShape(
    where: string,
    fields: [Field, Field],
    out: Nodes,
    base: number,
    nodes: number,
    numLeaves: number,
  ): void {
    const children = [out.left, out.right] as const;
    if (this.leafRefs.length < numLeaves) this.sizeScratch(numLeaves);
    const nodeRefs = this.nodeRefs.fill(0, 0, nodes);
    const leafRefs = this.leafRefs.fill(0, 0, numLeaves);
    for (let n = 0; n < nodes; n++) {
      for (let side = 0; side < 2; side++) {
        const child = children[side]![base + n] as number;
        if (child >= nodes || child < -numLeaves) {
          const name = side === 0 ? 'left_child' : 'right_child';
          const range = nodes === 1 ? 'node 0' : `nodes 0..${nodes - 1}`;
          this.fail(
            `${where}: ${name} of node ${n} is ${child}, which is neither one of the tree's ${range} nor a leaf -1..-${numLeaves} (~leaf)`,
            fields[side]!.line,
          );
        }
        if (child >= 0) {
          const name = side === 0 ? 'left_child' : 'right_child';
          if (child === 0 || child === n) {
            this.fail(`${where}: ${name} of node ${n} is ${child}: the tree has a cycle`, fields[side]!.line);
          }
          if (nodeRefs[child] === 1) {
            this.fail(
              `${where}: node ${child} is the child of two nodes: the tree has a cycle or a shared subtree`,
              fields[side]!.line,
            );
          }
          nodeRefs[child] = 1;
        } else {
          const leaf = ~child;
          if (leafRefs[leaf] === 1)
            this.fail(`${where}: leaf ${leaf} (${child}) is the child of two nodes`, fields[side]!.line);
          leafRefs[leaf] = 1;
        }
      }
    }
    // With one parent per node, a walk from the root visits each reachable node once; a node it
    // misses sits on a cycle detached from the root.
    const stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    let reached = 0;
    while (top > 0) {
      const n = stack[--top] as number;
      reached++;
      for (const list of children) {
        const child = list[base + n] as number;
        if (child >= 0) stack[top++] = child;
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

  // Scratch arrays for checkShape, reused by every tree. They are sized once, for the largest
  // tree (allocate): growing them from inside checkShape, on whichever tree first needed more,
  // ran code V8 had no feedback for and made it compile checkShape a second and third time.
  private nodeRefs = new Uint8Array(0);
  private leafRefs = new Uint8Array(0);
  private stack = new Int32Array(0);

  /** Room for a tree of `leaves` leaves (and leaves - 1 nodes). */
  private sizeScratch(leaves: number): void {
    this.nodeRefs = new Uint8Array(leaves);
    this.leafRefs = new Uint8Array(leaves);
    this.stack = new Int32Array(leaves);
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

  /**
   * An array for the field's `count` values. A count the line has no room for (each value
   * takes a character and a space) is refused with the token count before anything that size
   * is allocated.
   */
  private room<T extends Int32Array | Uint32Array>(
    field: Field,
    count: number,
    what: string,
    countName: string,
    type: new (length: number) => T,
  ): T {
    if (count > (field.end - field.start + 1) / 2) this.tokens(field, count, what, countName);
    return new type(count);
  }

  /** Reads the field's `count` numbers into out[offset, offset + count). */
  private doubles(
    field: Field,
    out: Float64Array,
    offset: number,
    count: number,
    what: string,
    countName: string,
    allowInfinite: boolean,
  ): void {
    if (readDoubles(this.text, field.start, field.end, out, offset, count, allowInfinite)) return;
    // Anything unusual (another spelling, a wrong count, a bad value): token by token, which words the error.
    const tokens = this.tokens(field, count, what, countName);
    for (let i = 0; i < count; i++) {
      const token = tokens[i] as string;
      const value = parseDouble(token);
      if (Number.isNaN(value) || (!allowInfinite && !Number.isFinite(value))) {
        this.fail(
          `${what}: value ${i + 1} ${JSON.stringify(token.slice(0, 30))} is not a ${allowInfinite ? '' : 'finite '}number`,
          field.line,
        );
      }
      out[offset + i] = value;
    }
  }

  /** Reads the field's `count` integers, each in [min, max], into out[offset, offset + count). */
  private integers(
    field: Field,
    out: Int32Array | Uint32Array | Uint8Array,
    offset: number,
    count: number,
    what: string,
    countName: string,
    min: number,
    max: number,
    hint = '',
  ): void {
    if (readIntegers(this.text, field.start, field.end, out, offset, count, min, max)) return;
    const tokens = this.tokens(field, count, what, countName);
    for (let i = 0; i < count; i++) {
      const token = tokens[i] as string;
      const value = Number(token);
      if (!Number.isInteger(value) || value < min || value > max) {
        this.fail(
          `${what}: value ${i + 1} is ${JSON.stringify(token.slice(0, 30))}, expected an integer in [${min}, ${max}]${hint}`,
          field.line,
        );
      }
      out[offset + i] = value;
    }
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

/** The known tree key spelt by text[start, eq), or undefined for a line the evaluator does not read. */
function treeKey(text: string, start: number, eq: number): (typeof TREE_KEYS)[number] | undefined {
  const length = eq - start;
  for (const key of TREE_KEYS) if (key.length === length && text.startsWith(key, start)) return key;
  return undefined;
}

/** A token ends at a space or at the end of the field. */
function charAt(text: string, i: number, end: number): number {
  return i < end ? text.charCodeAt(i) : 32;
}

/**
 * Reads exactly `count` space-separated integers in [min, max] from text[start, end) into
 * out[offset, offset + count), as LightGBM writes them (an optional minus and decimal digits).
 * False, with `out` partly written, for anything else: another spelling Number() accepts
 * ("+1", "1.0"), a count or a value out of bounds. The caller then reads the tokens one by
 * one, which words the error.
 */
function readIntegers(
  text: string,
  start: number,
  end: number,
  out: Int32Array | Uint32Array | Uint8Array,
  offset: number,
  count: number,
  min: number,
  max: number,
): boolean {
  let n = 0;
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    if (n === count) return false;
    const negative = c === 45;
    if (negative) c = charAt(text, ++i, end);
    const first = i;
    let value = 0;
    while (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      c = charAt(text, ++i, end);
    }
    // Up to 15 digits the sum above is exact.
    if (i === first || i - first > 15 || c !== 32) return false;
    if (negative) value = -value;
    if (value < min || value > max) return false;
    out[offset + n++] = value;
  }
  return n === count;
}

/**
 * Reads exactly `count` space-separated numbers from text[start, end) into
 * out[offset, offset + count), each converted by Number() as the token-by-token path does
 * (correctly rounded, as LightGBM's own reader). A token must start like a number (a digit, a
 * sign or a dot); anything else (inf/nan spellings, a count or a value out of bounds) gives
 * false, and the caller reads token by token.
 */
function readDoubles(
  text: string,
  start: number,
  end: number,
  out: Float64Array,
  offset: number,
  count: number,
  allowInfinite: boolean,
): boolean {
  let n = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    if (n === count) return false;
    // Digits, '.', '-', '+'.
    if (!((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43)) return false;
    let next = text.indexOf(' ', i);
    if (next < 0 || next > end) next = end;
    const value = Number(text.slice(i, next));
    if (value !== value || (!allowInfinite && (value === Infinity || value === -Infinity))) return false;
    out[offset + n++] = value;
    i = next;
  }
  return n === count;
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
