import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  locateJsonError,
  parseJsonLenient
} from "./chunk-7MJOQLOW.js";
import {
  describeValue,
  dottedPath
} from "./chunk-OVS6HWYE.js";
import {
  ModelgateError
} from "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";

// src/core/models/tree-model.ts
import { isAscii } from "node:buffer";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";

// src/core/models/tree-input.ts
function readRow(row, out, file) {
  const features = out.length;
  if (row === null || typeof row !== "object" || typeof row.length !== "number") {
    throw new ModelgateError(
      `${file}: a row must be a list of ${features} numbers (null for missing)`,
      "check",
      {
        file
      }
    );
  }
  if (row.length !== features) {
    throw new ModelgateError(
      `${file}: a row of ${row.length} value${row.length === 1 ? "" : "s"} was given, the model takes ${features} feature${features === 1 ? "" : "s"}: check that the golden rows were written for this model (missing values are null, not left out)`,
      "check",
      { file }
    );
  }
  for (let i = 0; i < features; i++) {
    const value = row[i];
    const missing = value === null || value === void 0;
    if (!missing && typeof value !== "number") {
      throw new ModelgateError(
        `${file}: feature ${i} of a row is ${JSON.stringify(value)}; expected a number or null (missing)`,
        "check",
        { file }
      );
    }
    out[i] = missing ? NaN : value;
  }
  return out;
}

// src/core/models/lightgbm.ts
var ZERO_THRESHOLD = Math.fround(1e-35);
var INT32_LIMIT = 2 ** 31;
var TREE_KEYS = [
  "num_leaves",
  "num_cat",
  "is_linear",
  "leaf_value",
  "split_feature",
  "threshold",
  "decision_type",
  "left_child",
  "right_child",
  "cat_boundaries",
  "cat_threshold"
];
var LightGbmModel = class {
  constructor(file, info, perIteration, averageOutput, objective, roots, feature, threshold, decision, left, right, catStart, catLength, catWords, leafValue) {
    this.file = file;
    this.perIteration = perIteration;
    this.averageOutput = averageOutput;
    this.objective = objective;
    this.roots = roots;
    this.feature = feature;
    this.threshold = threshold;
    this.decision = decision;
    this.left = left;
    this.right = right;
    this.catStart = catStart;
    this.catLength = catLength;
    this.catWords = catWords;
    this.leafValue = leafValue;
    this.info = info;
    this.scratch = new Float64Array(info.features);
  }
  file;
  perIteration;
  averageOutput;
  objective;
  roots;
  feature;
  threshold;
  decision;
  left;
  right;
  catStart;
  catLength;
  catWords;
  leafValue;
  info;
  scratch;
  predictRaw(row) {
    const x = readRow(row, this.scratch, this.file);
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      x[i] = v >= -ZERO_THRESHOLD && v <= ZERO_THRESHOLD ? 0 : v;
    }
    const k = this.perIteration;
    const sums = new Float64Array(k);
    const { roots, feature, threshold, decision, left, right, leafValue } = this;
    const trees = roots.length;
    for (let t = 0; t < trees; t++) {
      let node = roots[t];
      while (node >= 0) {
        const type = decision[node];
        let v = x[feature[node]];
        let goLeft;
        if ((type & 1) !== 0) {
          goLeft = this.categoryIn(node, v);
        } else {
          const missing = type >> 2 & 3;
          if (v !== v) {
            if (missing === 2) {
              node = (type & 2) !== 0 ? left[node] : right[node];
              continue;
            }
            v = 0;
          }
          if (missing === 1 && v >= -ZERO_THRESHOLD && v <= ZERO_THRESHOLD) goLeft = (type & 2) !== 0;
          else goLeft = v <= threshold[node];
        }
        node = goLeft ? left[node] : right[node];
      }
      const cls = t % k;
      sums[cls] = sums[cls] + leafValue[~node];
    }
    if (this.averageOutput) {
      const iterations = trees / k;
      for (let c = 0; c < k; c++) sums[c] = sums[c] / iterations;
    }
    return Array.from(sums);
  }
  predict(row) {
    return this.objective.transform(this.predictRaw(row));
  }
  /** Tree::CategoricalDecision: NaN, negative (after truncation to int) and unlisted categories go right. */
  categoryIn(node, value) {
    if (Number.isNaN(value)) return false;
    if (value >= INT32_LIMIT || value <= -INT32_LIMIT) return false;
    const category = Math.trunc(value);
    if (category < 0) return false;
    const word = category >>> 5;
    if (word >= this.catLength[node]) return false;
    const bits = this.catWords[this.catStart[node] + word];
    return (bits >>> (category & 31) & 1) === 1;
  }
};
function parseLightGbm(text, file) {
  return new LightGbmParser(text, file).parse();
}
var LightGbmParser = class {
  constructor(text, file) {
    this.text = text;
    this.file = file;
    this.hadCarriageReturns = text.includes("\r");
  }
  text;
  file;
  hadCarriageReturns;
  /** The current line: its 1-based number and where it lies in `text` (without its carriage return). */
  lineNumber = 0;
  lineStart = 0;
  lineEnd = 0;
  /** Where the line after the current one starts; past the end of `text` once the last line is read. */
  next = 0;
  fail(message, line) {
    const at = line === void 0 ? `${this.file}:` : `${this.file}:${line}`;
    throw new ModelgateError(
      `${at} ${message}`,
      "check",
      line === void 0 ? { file: this.file } : { file: this.file, line }
    );
  }
  /**
   * Moves to the next line (as `text.split('\n')` would cut it, so a final newline is followed
   * by an empty line); false when there is none. Lines are scanned in place: a few-MB model has
   * tens of thousands of them, and most are only checked to be key=value.
   */
  nextLine() {
    const text = this.text;
    if (this.next > text.length) return false;
    let newline = text.indexOf("\n", this.next);
    if (newline < 0) newline = text.length;
    this.lineStart = this.next;
    this.lineEnd = newline > this.next && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    this.next = newline + 1;
    this.lineNumber++;
    return true;
  }
  currentLine() {
    return this.text.slice(this.lineStart, this.lineEnd);
  }
  /**
   * Whether the current line is exactly `word`. The comparison runs on every line, not only on
   * lines of the right length: V8 optimizes the scanning loops from what they have run, and a
   * comparison first run at the file's last line ("end of trees") threw the optimized loop away
   * and compiled it again, for every file (about 30 ms of compiling each time).
   */
  lineIs(word) {
    const start = this.lineStart;
    const same = this.text.startsWith(word, start);
    return this.lineEnd - start === word.length && same;
  }
  parse() {
    this.nextLine();
    this.checkSubmodelLine();
    const { header, more } = this.readHeader();
    const trees = this.readTrees(this.text, more);
    const int = (key, min, fallback) => {
      const field = header.get(key);
      if (!field) {
        if (fallback !== void 0) return fallback;
        this.fail(`the header has no ${key}= line; LightGBM refuses a model without it`);
      }
      const n = Number(field.value);
      if (field.value.trim() === "" || !Number.isInteger(n) || n < min)
        this.fail(`${key}=${field.value} is not an integer >= ${min}`, field.line);
      return n;
    };
    const numClass = int("num_class", 1);
    const perIteration = int("num_tree_per_iteration", 1, numClass);
    int("label_index", 0);
    const maxFeature = int("max_feature_idx", 0);
    const features = maxFeature + 1;
    if (perIteration !== numClass) {
      this.fail(
        `num_tree_per_iteration=${perIteration} differs from num_class=${numClass}; only models with one tree per class per iteration are supported`,
        header.get("num_tree_per_iteration")?.line
      );
    }
    const featureNames = this.listField(header, "feature_names", features);
    this.listField(header, "feature_infos", features);
    const objective = this.objective(header.get("objective"), numClass);
    const averageOutput = header.has("average_output");
    if (trees.length === 0) this.fail('the model contains no trees (no Tree= block before "end of trees")');
    if (trees.length % perIteration !== 0) {
      this.fail(
        `the model has ${trees.length} trees, not a multiple of num_tree_per_iteration=${perIteration}: a class's trees are missing`
      );
    }
    const nodes = this.allocate(trees);
    let nodeBase = 0;
    let leafBase = 0;
    trees.forEach((block, t) => {
      const leaves = this.parseTree(block, maxFeature, nodes, t, nodeBase, leafBase);
      nodeBase += leaves - 1;
      leafBase += leaves;
    });
    this.checkTreeSizes(header.get("tree_sizes"), trees);
    const version = header.get("version")?.value;
    const info = {
      format: "lightgbm",
      trees: trees.length,
      features,
      objective: objective.name,
      classes: numClass,
      featureNames
    };
    if (version !== void 0) info.version = version;
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
      nodes.leafValue
    );
  }
  /**
   * Arrays for every tree's nodes and leaves, sized from each tree's num_leaves. A num_leaves
   * that is not a count this tree can hold (not an integer, or more leaves than its leaf_value
   * line has room for) counts as one leaf here: parseTree refuses it, in order, before any
   * later tree is written.
   */
  allocate(trees) {
    let nodes = 0;
    let leaves = 0;
    let most = 1;
    for (const block of trees) {
      const field = block.fields.get("num_leaves");
      const values = block.fields.get("leaf_value");
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
      leafValue: new Float64Array(leaves)
    };
  }
  checkSubmodelLine() {
    const line = this.currentLine();
    if (line.startsWith("\uFEFF")) {
      this.fail(
        "starts with a byte-order mark; LightGBM reads the first line as the model type and would refuse it",
        1
      );
    }
    const first = line.trim();
    if (first === "tree") return;
    const shown = first.length > 40 ? `${first.slice(0, 37)}...` : first;
    const hint = first.startsWith("{") ? " (this looks like JSON: an XGBoost model given as kind lightgbm?)" : "";
    this.fail(
      `is not a LightGBM text model: the first line is ${JSON.stringify(shown)} where LightGBM writes "tree"${hint}`,
      1
    );
  }
  /** The header's key=value lines; stops on the first tree (or the end of trees), which becomes the current line. */
  readHeader() {
    const header = /* @__PURE__ */ new Map();
    while (this.nextLine()) {
      const line = this.currentLine();
      if (line.startsWith("Tree=") || line === "end of trees") return { header, more: true };
      if (line === "") continue;
      const eq = line.indexOf("=");
      const field = (value, start) => ({
        value,
        line: this.lineNumber,
        start,
        end: this.lineEnd
      });
      if (eq < 0) header.set(line.trim(), field("", this.lineEnd));
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
  readTrees(text, more) {
    const trees = [];
    while (more) {
      if (this.lineEnd === this.lineStart) {
        more = this.nextLine();
        continue;
      }
      if (this.lineIs("end of trees")) return trees;
      if (!text.startsWith("Tree=", this.lineStart)) {
        this.fail(
          `expected "Tree=${trees.length}" or "end of trees", found ${JSON.stringify(this.currentLine().slice(0, 60))}`,
          this.lineNumber
        );
      }
      const index = Number(text.slice(this.lineStart + 5, this.lineEnd));
      if (!Number.isInteger(index) || index !== trees.length) {
        this.fail(
          `${this.currentLine()}: expected Tree=${trees.length} (trees are numbered in order from 0)`,
          this.lineNumber
        );
      }
      const block = { index, line: this.lineNumber, offset: this.lineStart, fields: /* @__PURE__ */ new Map() };
      while (more = this.nextLine()) {
        const start = this.lineStart;
        const end = this.lineEnd;
        if (end === start || text.startsWith("Tree=", start) || this.lineIs("end of trees")) break;
        const eq = text.indexOf("=", start);
        if (eq <= start || eq >= end) {
          this.fail(
            `Tree=${index}: expected key=value, found ${JSON.stringify(this.currentLine().slice(0, 60))}`,
            this.lineNumber
          );
        }
        const key = treeKey(text, start, eq);
        if (key !== void 0) {
          block.fields.set(key, {
            value: text.slice(eq + 1, end),
            line: this.lineNumber,
            start: eq + 1,
            end
          });
        }
      }
      trees.push(block);
    }
    const last = trees[trees.length - 1];
    const where = last ? ` inside or after Tree=${last.index}` : "";
    this.fail(
      `ends${where} without an "end of trees" line: the file is truncated (re-export it with save_model and upload it again)`,
      this.lastLineNumber()
    );
  }
  lastLineNumber() {
    const lines = this.text.split("\n");
    const blank = (i) => lines[i] === "" || lines[i] === "\r";
    let n = lines.length;
    while (n > 1 && blank(n - 1)) n--;
    return n;
  }
  /** LightGBM seeks each tree at the byte offset given by the sizes before it, so they must be exact. */
  checkTreeSizes(field, trees) {
    if (!field || field.value.trim() === "") return;
    const value = field.value.trim();
    const sizes = (value.includes("  ") ? value.split(/ +/) : value.split(" ")).map(Number);
    if (sizes.length !== trees.length) {
      this.fail(
        `tree_sizes lists ${sizes.length} trees but the file has ${trees.length}: the file is truncated or was edited`,
        field.line
      );
    }
    const base = trees[0].offset;
    let expected = base;
    for (let t = 0; t < trees.length; t++) {
      const tree = trees[t];
      if (tree.offset !== expected) {
        const cr = this.hadCarriageReturns ? " (the file has CRLF line endings: was it re-saved on Windows?)" : "";
        this.fail(
          `tree_sizes puts Tree=${t} at byte ${expected - base} of the tree section but it is at byte ${tree.offset - base}; LightGBM seeks trees by these sizes and would fail to load this file${cr}`,
          field.line
        );
      }
      const size = sizes[t];
      if (!Number.isInteger(size) || size <= 0)
        this.fail(`tree_sizes has an invalid size ${JSON.stringify(String(size))}`, field.line);
      expected += size;
    }
  }
  listField(header, key, count) {
    const field = header.get(key);
    if (!field) this.fail(`the header has no ${key}= line; LightGBM refuses a model without it`);
    const items = field.value.split(" ").filter((s) => s !== "");
    if (items.length !== count) {
      this.fail(`${key} has ${items.length} entries, expected max_feature_idx+1=${count}`, field.line);
    }
    return items;
  }
  objective(field, numClass) {
    if (!field) return { name: "custom", transform: (raw) => raw };
    const tokens = field.value.trim().split(/ +/);
    const name = tokens[0] ?? "";
    const param = (key) => {
      const token = tokens.find((t) => t.startsWith(`${key}:`));
      if (token === void 0) return void 0;
      const value = Number(token.slice(key.length + 1));
      if (!Number.isFinite(value))
        this.fail(`objective ${key}:${token.slice(key.length + 1)} is not a number`, field.line);
      return value;
    };
    const sigmoid = () => {
      const s = param("sigmoid");
      if (s === void 0 || s <= 0)
        this.fail(`objective=${field.value} needs sigmoid:<s> with s > 0`, field.line);
      return s;
    };
    const classesMatch = () => {
      const k = param("num_class");
      if (k !== numClass) {
        this.fail(`objective=${field.value} does not match num_class=${numClass}`, field.line);
      }
    };
    const sqrt = tokens.includes("sqrt");
    const identityOrSquare = sqrt ? (raw) => raw.map((x) => Math.sign(x) * x * x) : (raw) => raw;
    const single = () => {
      if (numClass !== 1)
        this.fail(`objective=${name} predicts one value but num_class=${numClass}`, field.line);
    };
    switch (name) {
      case "binary": {
        single();
        const s = sigmoid();
        return { name, transform: (raw) => raw.map((x) => 1 / (1 + Math.exp(-s * x))) };
      }
      case "multiclass":
        classesMatch();
        return { name, transform: softmax };
      case "multiclassova": {
        classesMatch();
        const s = sigmoid();
        return { name, transform: (raw) => raw.map((x) => 1 / (1 + Math.exp(-s * x))) };
      }
      case "regression":
      case "regression_l1":
      case "quantile":
      case "huber":
      case "fair":
      case "mape":
      case "mean_absolute_percentage_error":
        single();
        return { name: sqrt ? `${name} sqrt` : name, transform: identityOrSquare };
      case "poisson":
      case "gamma":
      case "tweedie":
        single();
        return { name, transform: (raw) => raw.map((x) => Math.exp(x)) };
      case "cross_entropy":
      case "xentropy":
        single();
        return { name, transform: (raw) => raw.map((x) => 1 / (1 + Math.exp(-x))) };
      case "cross_entropy_lambda":
      case "xentlambda":
        single();
        return { name, transform: (raw) => raw.map((x) => Math.log1p(Math.exp(x))) };
      case "lambdarank":
      case "rank_xendcg":
      case "none":
      case "null":
      case "custom":
      case "na":
        return { name, transform: (raw) => raw };
      default:
        return this.fail(
          `unknown objective ${JSON.stringify(name)}: LightGBM cannot load it (known: binary, multiclass, multiclassova, regression, regression_l1, quantile, huber, fair, mape, poisson, gamma, tweedie, cross_entropy, cross_entropy_lambda, lambdarank, rank_xendcg)`,
          field.line
        );
    }
  }
  /** Parses, checks and places tree `t` at `nodeBase`/`leafBase` in `out`; returns its number of leaves. */
  parseTree(block, maxFeature, out, t, nodeBase, leafBase) {
    const where = `Tree=${block.index}`;
    const need = (key) => {
      const field = block.fields.get(key);
      if (!field) {
        this.fail(
          `${where}: no ${key}= line; the tree is incomplete (truncated or hand-edited file?)`,
          block.line
        );
      }
      return field;
    };
    const integer = (key, min) => {
      const field = need(key);
      const n = Number(field.value);
      if (field.value.trim() === "" || !Number.isInteger(n) || n < min) {
        this.fail(`${where}: ${key}=${field.value} is not an integer >= ${min}`, field.line);
      }
      return n;
    };
    const numLeaves = integer("num_leaves", 1);
    const numCat = integer("num_cat", 0);
    const linear = block.fields.get("is_linear");
    if (linear && linear.value.trim() !== "0") {
      this.fail(
        `${where}: is_linear=${linear.value}: linear trees (linear_tree=true) are not supported by modelgate's evaluator; train without linear_tree or check this model by hand`,
        linear.line
      );
    }
    const nodes = numLeaves - 1;
    this.doubles(
      need("leaf_value"),
      out.leafValue,
      leafBase,
      numLeaves,
      `${where}: leaf_value`,
      "num_leaves",
      false
    );
    if (nodes === 0) {
      out.roots[t] = ~leafBase;
      return numLeaves;
    }
    out.roots[t] = nodeBase;
    const countName = `num_leaves-1`;
    this.integers(
      need("split_feature"),
      out.feature,
      nodeBase,
      nodes,
      `${where}: split_feature`,
      countName,
      0,
      maxFeature,
      ` (the model has max_feature_idx=${maxFeature})`
    );
    const thresholdField = need("threshold");
    this.doubles(thresholdField, out.threshold, nodeBase, nodes, `${where}: threshold`, countName, true);
    const decisionField = block.fields.get("decision_type");
    if (decisionField) {
      this.integers(
        decisionField,
        out.decision,
        nodeBase,
        nodes,
        `${where}: decision_type`,
        countName,
        0,
        127
      );
    }
    const leftField = need("left_child");
    const rightField = need("right_child");
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
      int32 - 1
    );
    let catBoundaries = new Int32Array(0);
    let catWords = new Uint32Array(0);
    if (numCat > 0) {
      const boundaryField = need("cat_boundaries");
      catBoundaries = this.room(
        boundaryField,
        numCat + 1,
        `${where}: cat_boundaries`,
        "num_cat+1",
        Int32Array
      );
      this.integers(
        boundaryField,
        catBoundaries,
        0,
        numCat + 1,
        `${where}: cat_boundaries`,
        "num_cat+1",
        0,
        2 ** 31 - 1
      );
      for (let c = 0; c < numCat; c++) {
        if (catBoundaries[c + 1] < catBoundaries[c] || catBoundaries[0] !== 0) {
          this.fail(`${where}: cat_boundaries must start at 0 and never decrease`, boundaryField.line);
        }
      }
      const words = catBoundaries[numCat];
      const thresholdWords = need("cat_threshold");
      const wordsName = `cat_boundaries[${numCat}]`;
      catWords = this.room(thresholdWords, words, `${where}: cat_threshold`, wordsName, Uint32Array);
      this.integers(thresholdWords, catWords, 0, words, `${where}: cat_threshold`, wordsName, 0, 2 ** 32 - 1);
    }
    const { decision, threshold } = out;
    const decisionLine = decisionField?.line ?? block.line;
    for (let n = 0; n < nodes; n++) {
      const type = decision[nodeBase + n];
      if ((type >> 2 & 3) === 3) {
        this.fail(
          `${where}: decision_type ${type} of node ${n} has missing type 3 (only 0 none, 1 zero, 2 NaN exist)`,
          decisionLine
        );
      }
      if ((type & 1) !== 0) {
        if (numCat === 0) {
          this.fail(
            `${where}: node ${n} is categorical (decision_type ${type}) but the tree has num_cat=0`,
            decisionLine
          );
        }
        const index = threshold[nodeBase + n];
        if (!Number.isInteger(index) || index < 0 || index >= numCat) {
          this.fail(
            `${where}: categorical node ${n} has threshold ${index}, expected an index into cat_boundaries below num_cat=${numCat}`,
            thresholdField.line
          );
        }
      }
    }
    this.checkShape(where, [leftField, rightField], out, nodeBase, nodes, numLeaves);
    const { left, right } = out;
    const wordBase = out.catWords.length;
    for (let n = nodeBase; n < nodeBase + nodes; n++) {
      const l = left[n];
      const r = right[n];
      left[n] = l >= 0 ? nodeBase + l : ~(leafBase + ~l);
      right[n] = r >= 0 ? nodeBase + r : ~(leafBase + ~r);
      if ((decision[n] & 1) !== 0) {
        const index = threshold[n];
        const begin = catBoundaries[index];
        out.catStart[n] = wordBase + begin;
        out.catLength[n] = catBoundaries[index + 1] - begin;
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
  checkShape(where, fields, out, base, nodes, numLeaves) {
    const children = [out.left, out.right];
    if (this.leafRefs.length < numLeaves) this.sizeScratch(numLeaves);
    const nodeRefs = this.nodeRefs.fill(0, 0, nodes);
    const leafRefs = this.leafRefs.fill(0, 0, numLeaves);
    for (let n = 0; n < nodes; n++) {
      for (let side = 0; side < 2; side++) {
        const child = children[side][base + n];
        if (child >= nodes || child < -numLeaves) {
          const name = side === 0 ? "left_child" : "right_child";
          const range = nodes === 1 ? "node 0" : `nodes 0..${nodes - 1}`;
          this.fail(
            `${where}: ${name} of node ${n} is ${child}, which is neither one of the tree's ${range} nor a leaf -1..-${numLeaves} (~leaf)`,
            fields[side].line
          );
        }
        if (child >= 0) {
          const name = side === 0 ? "left_child" : "right_child";
          if (child === 0 || child === n) {
            this.fail(`${where}: ${name} of node ${n} is ${child}: the tree has a cycle`, fields[side].line);
          }
          if (nodeRefs[child] === 1) {
            this.fail(
              `${where}: node ${child} is the child of two nodes: the tree has a cycle or a shared subtree`,
              fields[side].line
            );
          }
          nodeRefs[child] = 1;
        } else {
          const leaf = ~child;
          if (leafRefs[leaf] === 1)
            this.fail(`${where}: leaf ${leaf} (${child}) is the child of two nodes`, fields[side].line);
          leafRefs[leaf] = 1;
        }
      }
    }
    const stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    let reached = 0;
    while (top > 0) {
      const n = stack[--top];
      reached++;
      for (const list of children) {
        const child = list[base + n];
        if (child >= 0) stack[top++] = child;
      }
    }
    if (reached !== nodes) {
      this.fail(
        `${where}: ${nodes - reached} of ${nodes} nodes cannot be reached from the root: the children form a cycle`,
        fields[0].line
      );
    }
    for (let l = 0; l < numLeaves; l++) {
      if (leafRefs[l] !== 1) this.fail(`${where}: leaf ${l} is not the child of any node`, fields[0].line);
    }
  }
  // Scratch arrays for checkShape, reused by every tree. They are sized once, for the largest
  // tree (allocate): growing them from inside checkShape, on whichever tree first needed more,
  // ran code V8 had no feedback for and made it compile checkShape a second and third time.
  nodeRefs = new Uint8Array(0);
  leafRefs = new Uint8Array(0);
  stack = new Int32Array(0);
  /** Room for a tree of `leaves` leaves (and leaves - 1 nodes). */
  sizeScratch(leaves) {
    this.nodeRefs = new Uint8Array(leaves);
    this.leafRefs = new Uint8Array(leaves);
    this.stack = new Int32Array(leaves);
  }
  /** The field's space-separated values, which must be exactly `count` (named `countName` in messages). */
  tokens(field, count, what, countName) {
    const value = field.value.trim();
    const parts = value === "" ? [] : value.split(" ");
    const tokens = value.includes("  ") ? parts.filter((p) => p !== "") : parts;
    if (tokens.length !== count) {
      this.fail(
        `${what} has ${tokens.length} value${tokens.length === 1 ? "" : "s"}, expected ${countName}=${count}`,
        field.line
      );
    }
    return tokens;
  }
  /**
   * An array for the field's `count` values. A count the line has no room for (each value
   * takes a character and a space) is refused with the token count before anything that size
   * is allocated.
   */
  room(field, count, what, countName, type) {
    if (count > (field.end - field.start + 1) / 2) this.tokens(field, count, what, countName);
    return new type(count);
  }
  /** Reads the field's `count` numbers into out[offset, offset + count). */
  doubles(field, out, offset, count, what, countName, allowInfinite) {
    if (readDoubles(this.text, field.start, field.end, out, offset, count, allowInfinite)) return;
    const tokens = this.tokens(field, count, what, countName);
    for (let i = 0; i < count; i++) {
      const token = tokens[i];
      const value = parseDouble(token);
      if (Number.isNaN(value) || !allowInfinite && !Number.isFinite(value)) {
        this.fail(
          `${what}: value ${i + 1} ${JSON.stringify(token.slice(0, 30))} is not a ${allowInfinite ? "" : "finite "}number`,
          field.line
        );
      }
      out[offset + i] = value;
    }
  }
  /** Reads the field's `count` integers, each in [min, max], into out[offset, offset + count). */
  integers(field, out, offset, count, what, countName, min, max, hint = "") {
    if (readIntegers(this.text, field.start, field.end, out, offset, count, min, max)) return;
    const tokens = this.tokens(field, count, what, countName);
    for (let i = 0; i < count; i++) {
      const token = tokens[i];
      const value = Number(token);
      if (!Number.isInteger(value) || value < min || value > max) {
        this.fail(
          `${what}: value ${i + 1} is ${JSON.stringify(token.slice(0, 30))}, expected an integer in [${min}, ${max}]${hint}`,
          field.line
        );
      }
      out[offset + i] = value;
    }
  }
};
function softmax(raw) {
  let max = raw[0] ?? 0;
  for (const x of raw) if (x > max) max = x;
  const out = raw.map((x) => Math.exp(x - max));
  let sum = 0;
  for (const e of out) sum += e;
  return out.map((e) => e / sum);
}
function treeKey(text, start, eq) {
  const length = eq - start;
  for (const key of TREE_KEYS) if (key.length === length && text.startsWith(key, start)) return key;
  return void 0;
}
function charAt(text, i, end) {
  return i < end ? text.charCodeAt(i) : 32;
}
function readIntegers(text, start, end, out, offset, count, min, max) {
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
    if (i === first || i - first > 15 || c !== 32) return false;
    if (negative) value = -value;
    if (value < min || value > max) return false;
    out[offset + n++] = value;
  }
  return n === count;
}
function readDoubles(text, start, end, out, offset, count, allowInfinite) {
  let n = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    if (n === count) return false;
    if (!(c >= 48 && c <= 57 || c === 46 || c === 45 || c === 43)) return false;
    let next = text.indexOf(" ", i);
    if (next < 0 || next > end) next = end;
    const value = Number(text.slice(i, next));
    if (value !== value || !allowInfinite && (value === Infinity || value === -Infinity)) return false;
    out[offset + n++] = value;
    i = next;
  }
  return n === count;
}
function parseDouble(token) {
  const value = Number(token);
  if (!Number.isNaN(value)) return value;
  switch (token.toLowerCase()) {
    case "inf":
    case "+inf":
    case "infinity":
      return Infinity;
    case "-inf":
    case "-infinity":
      return -Infinity;
    default:
      return NaN;
  }
}

// src/core/models/xgboost.ts
var f32 = Math.fround;
var MAX_CATEGORY = 16777216;
var OBJECTIVES = {
  "reg:squarederror": { link: "identity", transform: "identity" },
  "reg:linear": { link: "identity", transform: "identity" },
  "reg:squaredlogerror": { link: "identity", transform: "identity" },
  "reg:pseudohubererror": { link: "identity", transform: "identity" },
  "reg:absoluteerror": { link: "identity", transform: "identity" },
  "reg:quantileerror": { link: "identity", transform: "identity" },
  "reg:logistic": { link: "logit", transform: "sigmoid" },
  "binary:logistic": { link: "logit", transform: "sigmoid" },
  "binary:logitraw": { link: "identity", transform: "identity" },
  "binary:hinge": { link: "identity", transform: "hinge" },
  "count:poisson": { link: "log", transform: "exp" },
  "reg:gamma": { link: "log", transform: "exp" },
  "reg:tweedie": { link: "log", transform: "exp" },
  "survival:cox": { link: "log", transform: "exp" },
  "survival:aft": { link: "log", transform: "exp" },
  "multi:softprob": { link: "identity", transform: "softmax" },
  "multi:softmax": { link: "identity", transform: "argmax" },
  "rank:pairwise": { link: "identity", transform: "identity" },
  "rank:ndcg": { link: "identity", transform: "identity" },
  "rank:map": { link: "identity", transform: "identity" }
};
var XgboostModel = class {
  constructor(file, info, transform, base, roots, group, weight, left, right, feature, condition, defaultLeft, catStart, catLength, catWords) {
    this.file = file;
    this.transform = transform;
    this.base = base;
    this.roots = roots;
    this.group = group;
    this.weight = weight;
    this.left = left;
    this.right = right;
    this.feature = feature;
    this.condition = condition;
    this.defaultLeft = defaultLeft;
    this.catStart = catStart;
    this.catLength = catLength;
    this.catWords = catWords;
    this.info = info;
    this.scratch = new Float64Array(info.features);
  }
  file;
  transform;
  base;
  roots;
  group;
  weight;
  left;
  right;
  feature;
  condition;
  defaultLeft;
  catStart;
  catLength;
  catWords;
  info;
  scratch;
  predictRaw(row) {
    const x = readRow(row, this.scratch, this.file);
    for (let i = 0; i < x.length; i++) x[i] = f32(x[i]);
    const out = Float32Array.from(this.base);
    const { roots, group, weight, left, right, feature, condition, defaultLeft, catStart } = this;
    const trees = roots.length;
    for (let t = 0; t < trees; t++) {
      let node = roots[t];
      let l = left[node];
      while (l !== -1) {
        const value = x[feature[node]];
        if (value !== value) node = defaultLeft[node] === 1 ? l : right[node];
        else if (catStart[node] >= 0)
          node = this.categoryListed(node, value) ? right[node] : l;
        else node = value < condition[node] ? l : right[node];
        l = left[node];
      }
      const leaf = condition[node];
      const g = group[t];
      out[g] = out[g] + (weight === null ? leaf : f32(leaf * weight[t]));
    }
    return Array.from(out);
  }
  predict(row) {
    const margin = this.predictRaw(row);
    switch (this.transform) {
      case "identity":
        return margin;
      case "sigmoid":
        return margin.map((m) => f32(1 / f32(1 + f32(Math.exp(-m)))));
      case "exp":
        return margin.map((m) => f32(Math.exp(m)));
      case "hinge":
        return margin.map((m) => m > 0 ? 1 : 0);
      case "softmax":
        return softmaxFloat(margin);
      case "argmax": {
        let best = 0;
        for (let k = 1; k < margin.length; k++)
          if (margin[k] > margin[best]) best = k;
        return [best];
      }
    }
  }
  /** common::Decision: invalid (negative, >= 2^24) and unlisted categories go left. */
  categoryListed(node, value) {
    if (value < 0 || value >= MAX_CATEGORY) return false;
    const category = Math.trunc(value);
    const word = category >>> 5;
    if (word >= this.catLength[node]) return false;
    const bits = this.catWords[this.catStart[node] + word];
    return (bits >>> (category & 31) & 1) === 1;
  }
};
function softmaxFloat(margin) {
  let max = margin[0] ?? 0;
  for (const m of margin) if (m > max) max = m;
  const e = margin.map((m) => f32(Math.exp(f32(m - max))));
  let sum = 0;
  for (const v of e) sum += v;
  const total = f32(sum);
  return e.map((v) => f32(v / total));
}
function parseXgboost(text, file) {
  const fail = (message, line, column) => {
    const at = line === void 0 ? `${file}:` : column === void 0 ? `${file}:${line}` : `${file}:${line}:${column}`;
    throw new ModelgateError(`${at} ${message}`, "check", { file, line, column });
  };
  const start = text.trimStart();
  if (!start.startsWith("{")) {
    const first = (start.split("\n")[0] ?? "").trim();
    const hint = first === "tree" ? ' (the first line is "tree": a LightGBM text model given as kind xgboost?)' : "";
    fail(
      `is not an XGBoost JSON model: it does not start with "{"${hint}; export it with save_model("model.json")`,
      1
    );
  }
  if (hasBinaryBytes(text)) {
    fail(
      'is not a JSON text (it holds binary bytes: UBJSON?); export the model with save_model("model.json")',
      1
    );
  }
  let document;
  try {
    document = parseJsonLenient(text);
  } catch {
    const problem = locateJsonError(text);
    if (problem.truncated) {
      fail(
        "is not valid JSON: it ends in the middle of the model, so the file is truncated (export it again and re-upload it)",
        problem.line,
        problem.column
      );
    }
    fail(`is not valid JSON: ${problem.message}`, problem.line, problem.column);
  }
  if (document === null || typeof document !== "object" || !("learner" in document)) {
    fail(
      'not an XGBoost JSON model: there is no "learner" object at the top level; export it with save_model("model.json")'
    );
  }
  const layout = (check) => {
    try {
      check();
    } catch (error) {
      if (!(error instanceof LayoutProblem)) throw error;
      fail(`${dottedPath(error.path)}: ${error.what} (not an XGBoost JSON model, or a damaged one)`);
    }
  };
  layout(() => checkModel(document));
  const { learner, version } = document;
  const boosterJson = learner.gradient_booster;
  const objectiveName = learner.objective.name;
  const objective = OBJECTIVES[objectiveName];
  if (!objective) {
    fail(
      `unknown objective ${JSON.stringify(objectiveName)} (learner.objective.name); supported: ${Object.keys(OBJECTIVES).join(", ")}`
    );
  }
  const count = (value, what, min) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      fail(`${what} is ${JSON.stringify(value)}, expected an integer >= ${min}`);
    return n;
  };
  const features = count(
    learner.learner_model_param.num_feature,
    "learner.learner_model_param.num_feature",
    1
  );
  const numClass = count(learner.learner_model_param.num_class, "learner.learner_model_param.num_class", 0);
  const targets = learner.learner_model_param.num_target === void 0 ? 1 : count(learner.learner_model_param.num_target, "learner.learner_model_param.num_target", 1);
  if (targets > 1)
    fail(
      `the model has num_target=${targets}: multi-output models are not supported by modelgate's evaluator`
    );
  const groups = Math.max(1, numClass);
  const multiclass = objective.transform === "softmax" || objective.transform === "argmax";
  if (multiclass !== groups > 1) {
    fail(`objective ${objectiveName} does not match learner_model_param.num_class=${numClass}`);
  }
  let model;
  let weights = null;
  const boosterName = learner.gradient_booster.name;
  const boosterPath = ["learner", "gradient_booster"];
  if (boosterName === "gbtree") {
    layout(() => checkGbtreeModel(boosterJson.model, [...boosterPath, "model"]));
    model = boosterJson.model;
  } else if (boosterName === "dart") {
    layout(() => {
      const gbtree = boosterJson.gbtree;
      checkObject(gbtree, [...boosterPath, "gbtree"]);
      checkGbtreeModel(gbtree.model, [...boosterPath, "gbtree", "model"]);
      checkList(boosterJson, "weight_drop", boosterPath, "numbers");
    });
    const dart = boosterJson;
    model = dart.gbtree.model;
    const drops = dart.weight_drop;
    if (drops.length !== model.trees.length) {
      fail(
        `learner.gradient_booster.weight_drop has ${drops.length} weights for ${model.trees.length} trees`
      );
    }
    weights = new Float32Array(drops.length);
    drops.forEach((w, i) => {
      if (w === null || !Number.isFinite(w))
        fail(`learner.gradient_booster.weight_drop[${i}] is not a finite number`);
      weights[i] = w;
    });
  } else {
    return fail(
      `the model uses the ${JSON.stringify(boosterName)} booster; only tree boosters (gbtree, dart) are supported by modelgate's evaluator`
    );
  }
  const modelPath = boosterName === "dart" ? "learner.gradient_booster.gbtree.model" : "learner.gradient_booster.model";
  const trees = model.trees;
  const declared = count(model.gbtree_model_param.num_trees, `${modelPath}.gbtree_model_param.num_trees`, 0);
  if (declared !== trees.length) {
    fail(
      `${modelPath}.gbtree_model_param.num_trees is ${declared} but the file holds ${trees.length} trees: it is incomplete`
    );
  }
  if (trees.length === 0) fail("the model contains no trees");
  if (model.tree_info.length !== trees.length) {
    fail(`${modelPath}.tree_info has ${model.tree_info.length} entries for ${trees.length} trees`);
  }
  model.tree_info.forEach((g, i) => {
    if (g < 0 || g >= groups)
      fail(`${modelPath}.tree_info[${i}] is ${g}, expected a class index below ${groups}`);
  });
  const link = objectiveName === "binary:logitraw" && version !== void 0 && compareVersions(version, [1, 6, 0]) < 0 ? "logit" : objective.link;
  const base = baseMargins(learner.learner_model_param.base_score, link, groups, objectiveName, fail);
  const checked = trees.map((tree, t) => checkTree(tree, `${modelPath}.trees[${t}]`, features, fail));
  const info = {
    format: "xgboost",
    trees: trees.length,
    features,
    objective: objectiveName,
    classes: groups
  };
  if (version) info.version = version.join(".");
  const names = learner.feature_names;
  if (names && names.length > 0) {
    if (names.length !== features) {
      fail(`learner.feature_names has ${names.length} names for num_feature=${features}`);
    }
    info.featureNames = names;
  }
  return flatten(file, info, objective.transform, base, Int32Array.from(model.tree_info), weights, checked);
}
function baseMargins(raw, link, groups, objective, fail) {
  const text = String(raw).trim();
  const items = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1).split(",") : [text];
  const values = items.map((s) => Number(s.trim()));
  if (values.some((v, i) => !Number.isFinite(v) || items[i].trim() === "")) {
    fail(
      `learner.learner_model_param.base_score is ${JSON.stringify(raw)}, expected a number or a bracketed list of numbers`
    );
  }
  if (values.length !== 1 && values.length !== groups) {
    fail(`learner.learner_model_param.base_score has ${values.length} values for ${groups} classes`);
  }
  const out = new Float32Array(groups);
  for (let g = 0; g < groups; g++) {
    const p = f32(values[values.length === 1 ? 0 : g]);
    if (link === "logit") {
      if (!(p > 0 && p < 1)) fail(`base_score ${p} is outside (0, 1), which ${objective} requires`);
      out[g] = f32(-Math.log(f32(f32(1 / p) - 1)));
    } else if (link === "log") {
      if (!(p > 0)) fail(`base_score ${p} must be positive for ${objective}`);
      out[g] = f32(Math.log(p));
    } else {
      out[g] = p;
    }
  }
  return out;
}
var NODE_ARRAYS = [
  "left_children",
  "right_children",
  "parents",
  "split_indices",
  "split_conditions",
  "default_left",
  "split_type",
  // Training statistics the evaluator does not read; XGBoost's loader refuses a tree whose
  // arrays are missing or of another length, so the service would not start with it.
  "loss_changes",
  "sum_hessian",
  "base_weights"
];
function checkTree(tree, where, features, fail) {
  const n = Number(tree.tree_param.num_nodes);
  if (!Number.isInteger(n) || n < 1)
    fail(`${where}.tree_param.num_nodes is ${JSON.stringify(tree.tree_param.num_nodes)}`);
  const leafSize = tree.tree_param.size_leaf_vector === void 0 ? 0 : Number(tree.tree_param.size_leaf_vector);
  if (leafSize > 1)
    fail(`${where} has vector leaves (size_leaf_vector=${leafSize}): multi-output trees are not supported`);
  for (const name of NODE_ARRAYS) {
    const list = tree[name];
    if (list !== void 0 && list.length !== n) {
      fail(`${where}.${name} has ${list.length} entries, expected tree_param.num_nodes=${n}`);
    }
  }
  const left = new Int32Array(tree.left_children);
  const right = new Int32Array(tree.right_children);
  const feature = new Int32Array(n);
  const condition = new Float32Array(n);
  const defaultLeft = new Uint8Array(n);
  const categories = /* @__PURE__ */ new Map();
  const seen = new Uint8Array(n);
  const catNodes = tree.categories_nodes ?? [];
  const catSegments = tree.categories_segments ?? [];
  const catSizes = tree.categories_sizes ?? [];
  const catValues = tree.categories ?? [];
  if (catSegments.length !== catNodes.length || catSizes.length !== catNodes.length) {
    fail(`${where}: categories_nodes, categories_segments and categories_sizes must have the same length`);
  }
  for (let i = 0; i < n; i++) {
    const l = left[i];
    const r = right[i];
    const splitType = tree.split_type?.[i] ?? 0;
    if (splitType !== 0 && splitType !== 1)
      fail(`${where}.split_type[${i}] is ${splitType}, expected 0 (numeric) or 1 (categorical)`);
    const value = tree.split_conditions[i];
    if (l === -1 || r === -1) {
      if (l !== -1 || r !== -1)
        fail(`${where}: node ${i} has one child (left ${l}, right ${r}); a leaf has -1 on both sides`);
      if (value === null || value === void 0 || !Number.isFinite(value)) {
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
    const f = tree.split_indices[i];
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
      if (value === null || value === void 0 || Number.isNaN(value)) {
        fail(`${where}.split_conditions[${i}] is NaN on the numeric split of node ${i}`);
      }
      condition[i] = value;
    }
  }
  catNodes.forEach((node, k) => {
    const list = categories.get(node);
    if (node < 0 || node >= n || list === void 0) {
      fail(`${where}.categories_nodes[${k}] is ${node}, which is not a categorical split (split_type 1)`);
    }
    const begin = catSegments[k];
    const size = catSizes[k];
    if (begin < 0 || size < 0 || begin + size > catValues.length) {
      fail(
        `${where}: categories_segments[${k}]/categories_sizes[${k}] point outside categories (${catValues.length} entries)`
      );
    }
    for (let j = begin; j < begin + size; j++) {
      const c = catValues[j];
      if (c < 0 || c >= MAX_CATEGORY)
        fail(`${where}.categories[${j}] is ${c}, expected a category in [0, 2^24)`);
      list.push(c);
    }
  });
  if (seen[0] === 1) fail(`${where}: a node points back to the root: the tree has a cycle`);
  return { left, right, feature, condition, defaultLeft, categories };
}
function flatten(file, info, transform, base, group, weight, trees) {
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
      const l = tree.left[i];
      left[nodeBase + i] = l === -1 ? -1 : nodeBase + l;
      right[nodeBase + i] = l === -1 ? -1 : nodeBase + tree.right[i];
    }
    for (const [i, list] of tree.categories) {
      const size = bitsetWords(list);
      catStart[nodeBase + i] = wordBase;
      catLength[nodeBase + i] = size;
      for (const c of list)
        catWords[wordBase + (c >>> 5)] = (catWords[wordBase + (c >>> 5)] | 1 << (c & 31)) >>> 0;
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
    catWords
  );
}
function hasBinaryBytes(text) {
  const end = Math.min(text.length, 4096);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || c > 13 && c < 32) return true;
  }
  return false;
}
function compareVersions(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
function bitsetWords(categories) {
  let max = -1;
  for (const c of categories) if (c > max) max = c;
  return max < 0 ? 0 : (max >>> 5) + 1;
}
var LayoutProblem = class {
  constructor(path, what) {
    this.path = path;
    this.what = what;
  }
  path;
  what;
};
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function wrongType(value, path, expected) {
  throw new LayoutProblem(
    path,
    value === void 0 ? `is required: expected ${expected}` : `expected ${expected}, got ${describeValue(value)}`
  );
}
function checkObject(value, path) {
  if (!isObject(value)) wrongType(value, path, "a mapping");
}
function checkString(value, path) {
  if (typeof value !== "string") wrongType(value, path, "a string");
}
function isNumeric(value) {
  return typeof value === "string" || typeof value === "number" && Number.isFinite(value);
}
function notNumeric(value, path) {
  throw new LayoutProblem(path, `does not match any allowed form, got ${describeValue(value)}`);
}
function checkNumeric(value, path, optional = false) {
  if (optional && value === void 0 || isNumeric(value)) return;
  notNumeric(value, path);
}
var LIST_MESSAGE = {
  integers: "expected a list of integers",
  numbers: "expected a list of numbers",
  flags: "expected a list of 0/1 or true/false"
};
function listFollows(list, rule) {
  const n = list.length;
  if (rule === "integers") {
    for (let i = 0; i < n; i++) if (!Number.isInteger(list[i])) return false;
  } else if (rule === "numbers") {
    for (let i = 0; i < n; i++) {
      const x = list[i];
      if (x !== null && typeof x !== "number") return false;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = list[i];
      if (x !== 0 && x !== 1 && typeof x !== "boolean") return false;
    }
  }
  return true;
}
function checkList(parent, key, path, rule, optional = false) {
  const value = parent[key];
  if (optional && value === void 0) return;
  if (Array.isArray(value) && listFollows(value, rule)) return;
  const message = LIST_MESSAGE[rule];
  throw new LayoutProblem(
    [...path, key],
    value === void 0 ? message : `${message}, got ${describeValue(value)}`
  );
}
function checkModel(document) {
  checkObject(document, []);
  const learner = document.learner;
  checkObject(learner, ["learner"]);
  const names = learner.feature_names;
  if (names !== void 0) {
    if (!Array.isArray(names)) wrongType(names, ["learner", "feature_names"], "a list");
    names.forEach((name, i) => checkString(name, ["learner", "feature_names", i]));
  }
  const booster = learner.gradient_booster;
  checkObject(booster, ["learner", "gradient_booster"]);
  checkString(booster.name, ["learner", "gradient_booster", "name"]);
  const param = learner.learner_model_param;
  const paramPath = ["learner", "learner_model_param"];
  checkObject(param, paramPath);
  checkNumeric(param.base_score, [...paramPath, "base_score"]);
  checkNumeric(param.num_class, [...paramPath, "num_class"]);
  checkNumeric(param.num_feature, [...paramPath, "num_feature"]);
  checkNumeric(param.num_target, [...paramPath, "num_target"], true);
  const objective = learner.objective;
  checkObject(objective, ["learner", "objective"]);
  checkString(objective.name, ["learner", "objective", "name"]);
  const version = document.version;
  if (version !== void 0) {
    if (!Array.isArray(version)) wrongType(version, ["version"], "a list");
    version.forEach((v, i) => {
      if (typeof v !== "number" || !Number.isFinite(v)) wrongType(v, ["version", i], "a number");
    });
  }
}
function checkGbtreeModel(model, path) {
  checkObject(model, path);
  const param = model.gbtree_model_param;
  checkObject(param, [...path, "gbtree_model_param"]);
  checkNumeric(param.num_trees, [...path, "gbtree_model_param", "num_trees"]);
  checkList(model, "tree_info", path, "integers");
  const trees = model.trees;
  if (!Array.isArray(trees)) wrongType(trees, [...path, "trees"], "a list");
  trees.forEach((tree, t) => checkTreeLayout(tree, [...path, "trees", t]));
}
function checkTreeLayout(tree, path) {
  checkObject(tree, path);
  checkList(tree, "left_children", path, "integers");
  checkList(tree, "right_children", path, "integers");
  checkList(tree, "parents", path, "integers");
  checkList(tree, "split_indices", path, "integers");
  checkList(tree, "split_conditions", path, "numbers");
  checkList(tree, "default_left", path, "flags");
  checkList(tree, "split_type", path, "integers", true);
  checkList(tree, "categories", path, "integers", true);
  checkList(tree, "categories_nodes", path, "integers", true);
  checkList(tree, "categories_segments", path, "integers", true);
  checkList(tree, "categories_sizes", path, "integers", true);
  checkList(tree, "loss_changes", path, "numbers");
  checkList(tree, "sum_hessian", path, "numbers");
  checkList(tree, "base_weights", path, "numbers");
  const param = tree.tree_param;
  if (!isObject(param)) wrongType(param, [...path, "tree_param"], "a mapping");
  if (!isNumeric(param.num_nodes)) notNumeric(param.num_nodes, [...path, "tree_param", "num_nodes"]);
  if (param.size_leaf_vector !== void 0 && !isNumeric(param.size_leaf_vector))
    notNumeric(param.size_leaf_vector, [...path, "tree_param", "size_leaf_vector"]);
}

// src/core/models/tree-model.ts
async function loadTreeModel(file, kind, displayName = file) {
  let text;
  try {
    text = decode(await readFile(file));
  } catch (error) {
    throw unreadable(error, kind, displayName);
  }
  return parseTreeModel(text, kind, displayName);
}
function loadTreeModelSync(file, kind, displayName = file) {
  let text;
  try {
    text = decode(readFileSync(file));
  } catch (error) {
    throw unreadable(error, kind, displayName);
  }
  return parseTreeModel(text, kind, displayName);
}
function decode(bytes) {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}
function parseTreeModel(text, kind, displayName) {
  return kind === "lightgbm" ? parseLightGbm(text, displayName) : parseXgboost(text, displayName);
}
function unreadable(error, kind, displayName) {
  const code = error.code;
  const why = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory" : error.message;
  return new ModelgateError(`${displayName}: cannot read the ${kind} model: ${why}`, "check", {
    file: displayName
  });
}
export {
  loadTreeModel,
  loadTreeModelSync
};
