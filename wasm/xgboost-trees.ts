/**
 * The trees of an XGBoost JSON model (save_model("model.json"), gbtree), read in WebAssembly.
 * The TypeScript reader in xgboost.ts parses the whole 3 MB document with JSON.parse and then
 * walks about a million array elements twice (layout, then tree shape); this reader scans the
 * document once, checks that it is JSON, finds learner.gradient_booster.model.trees, and reads
 * the trees straight into the evaluator's arrays. xgboost.ts then parses the document with that
 * array cut out (a few KB) and checks the rest as before.
 *
 * A fast path, like lightgbm-trees.ts: it takes only what XGBoost writes for numeric gbtree
 * models (no categorical splits, no vector leaves, no NaN tokens, no booleans for default_left,
 * no escaped keys on the way to the trees, no repeated keys there or in a tree, no keys a tree
 * does not have) and checks everything the TypeScript reader checks on the trees; anything else
 * declines, and the TypeScript reader reads the file and words any error.
 */
import { afterText, smallInteger, spells, take, textLimit, textStart } from './arena';
import { doubleBits, UNDECIDED } from './decimal';

const DECLINE_JSON: i32 = -1;
const DECLINE_LAYOUT: i32 = -2;
const DECLINE_VALUE: i32 = -3;
const DECLINE_TREE: i32 = -4;

// A tree's keys: the per-node arrays (which must hold num_nodes entries), the category lists,
// then id and tree_param.
const BASE_WEIGHTS: i32 = 0;
const DEFAULT_LEFT: i32 = 1;
const LEFT_CHILDREN: i32 = 2;
const LOSS_CHANGES: i32 = 3;
const PARENTS: i32 = 4;
const RIGHT_CHILDREN: i32 = 5;
const SPLIT_CONDITIONS: i32 = 6;
const SPLIT_INDICES: i32 = 7;
const SPLIT_TYPE: i32 = 8;
const SUM_HESSIAN: i32 = 9;
const NODE_LISTS: i32 = 10;
const CATEGORIES: i32 = 10;
const CATEGORIES_NODES: i32 = 11;
const CATEGORIES_SEGMENTS: i32 = 12;
const CATEGORIES_SIZES: i32 = 13;
const LISTS: i32 = 14;
const ID: i32 = 14;
const TREE_PARAM: i32 = 15;
const KEYS: i32 = 16;

let pos: usize = 0;
let end: usize = 0;
let strStart: usize = 0;
let strEnd: usize = 0;
let strEscaped: bool = false;
let numberBits: u64 = 0;

// Per list: where its elements (f64) are kept, room for how many, and how many (-1: absent). In
// static memory: the arena reuses everything after it for each file.
const listAt: usize = memory.data(LISTS * 8, 8);
const listRoom: usize = memory.data(LISTS * 4, 4);
const listCount: usize = memory.data(KEYS * 4, 4);

function countOf(k: i32): i32 {
  return load<i32>(listCount + ((<usize>k) << 2));
}
function setCount(k: i32, n: i32): void {
  store<i32>(listCount + ((<usize>k) << 2), n);
}
function listStart(k: i32): usize {
  return load<usize>(listAt + ((<usize>k) << 3));
}
function roomOf(k: i32): i32 {
  return load<i32>(listRoom + ((<usize>k) << 2));
}

let numNodes: i32 = 0;
let leafVector: i32 = 0;

/** The trees read so far: per tree, its block (n, then left, right, feature as i32, condition as f32, default_left as u8). */
let index: usize = 0;
let indexRoom: i32 = 0;
let trees: i32 = 0;
let totalNodes: i32 = 0;
let maxFeature: i32 = -1;
let seen: usize = 0;
let seenRoom: i32 = 0;

let treesStart: usize = 0;
let treesEnd: usize = 0;
let roots: usize = 0;
let left: usize = 0;
let right: usize = 0;
let feature: usize = 0;
let condition: usize = 0;
let defaultLeft: usize = 0;

export function xgbTreesStart(): usize {
  return treesStart - textStart();
}
export function xgbTreesEnd(): usize {
  return treesEnd - textStart();
}
export function xgbNodeCount(): i32 {
  return totalNodes;
}
export function xgbMaxFeature(): i32 {
  return maxFeature;
}
export function xgbRootsAt(): usize {
  return roots;
}
export function xgbLeftAt(): usize {
  return left;
}
export function xgbRightAt(): usize {
  return right;
}
export function xgbFeatureAt(): usize {
  return feature;
}
export function xgbConditionAt(): usize {
  return condition;
}
export function xgbDefaultLeftAt(): usize {
  return defaultLeft;
}

function peek(): u32 {
  return pos < end ? <u32>load<u8>(pos) : 0;
}

function whitespace(): void {
  while (pos < end) {
    const c = <u32>load<u8>(pos);
    if (c != 32 && c != 10 && c != 13 && c != 9) return;
    pos++;
  }
}

function isHex(c: u32): bool {
  return c - 48 < 10 || (c | 32) - 97 < 6;
}

/** A JSON string at pos; its content is [strStart, strEnd), strEscaped when it holds an escape. */
function str(): bool {
  if (peek() != 34) return false;
  pos++;
  strStart = pos;
  strEscaped = false;
  while (pos < end) {
    const c = <u32>load<u8>(pos);
    if (c == 34) {
      strEnd = pos;
      pos++;
      return true;
    }
    if (c < 0x20) return false;
    if (c == 92) {
      strEscaped = true;
      if (pos + 1 >= end) return false;
      const e = <u32>load<u8>(pos + 1);
      if (e == 117) {
        if (pos + 5 >= end) return false;
        for (let k: usize = 2; k < 6; k++) if (!isHex(<u32>load<u8>(pos + k))) return false;
        pos += 6;
        continue;
      }
      if (e != 34 && e != 92 && e != 47 && e != 98 && e != 102 && e != 110 && e != 114 && e != 116)
        return false;
      pos += 2;
      continue;
    }
    pos++;
  }
  return false;
}

/** Whether the last string read is exactly `word` (ASCII, no escapes). */
function strIs(word: string): bool {
  return !strEscaped && spells(strStart, strEnd, word);
}

function literal(word: string): bool {
  const n = <usize>word.length;
  if (pos + n > end || !spells(pos, pos + n, word)) return false;
  pos += n;
  return true;
}

/**
 * A JSON number at pos. When `convert`, numberBits is its float64 (what JSON.parse gives), or
 * UNDECIDED for more than 18 significant digits or a value the conversion cannot round surely.
 */
function num(convert: bool): bool {
  const negative = peek() == 45;
  if (negative) pos++;
  let c = peek();
  if (c - 48 >= 10) return false;
  let man: u64 = 0;
  let digits: i32 = 0;
  let exp10: i32 = 0;
  let truncated = false;
  if (c == 48) {
    pos++;
    c = peek();
  } else {
    while (c - 48 < 10) {
      if (digits < 18) {
        man = man * 10 + (c - 48);
        digits++;
      } else {
        truncated = true;
        exp10++;
      }
      pos++;
      c = peek();
    }
  }
  if (c == 46) {
    pos++;
    c = peek();
    if (c - 48 >= 10) return false;
    while (c - 48 < 10) {
      if (man != 0 || c != 48) {
        if (digits < 18) {
          man = man * 10 + (c - 48);
          digits++;
          exp10--;
        } else truncated = true;
      } else exp10--;
      pos++;
      c = peek();
    }
  }
  if (c == 101 || c == 69) {
    pos++;
    c = peek();
    let negativeExponent = false;
    if (c == 45 || c == 43) {
      negativeExponent = c == 45;
      pos++;
      c = peek();
    }
    if (c - 48 >= 10) return false;
    let e: i32 = 0;
    while (c - 48 < 10) {
      // An exponent this long is out of any range, unless as many zeros lead the digits: not converted.
      if (e >= 100000) truncated = true;
      else e = e * 10 + <i32>(c - 48);
      pos++;
      c = peek();
    }
    exp10 += negativeExponent ? -e : e;
  }
  if (convert) numberBits = truncated ? UNDECIDED : doubleBits(man, exp10, negative);
  return true;
}

/** Any JSON value at pos, checked and skipped. */
function value(depth: i32): bool {
  if (depth > 512) return false;
  const c = peek();
  if (c == 34) return str();
  if (c == 116) return literal('true');
  if (c == 102) return literal('false');
  if (c == 110) return literal('null');
  if (c != 123 && c != 91) return num(false);
  const close: u32 = c == 123 ? 125 : 93;
  pos++;
  whitespace();
  if (peek() == close) {
    pos++;
    return true;
  }
  for (;;) {
    if (c == 123) {
      if (!str()) return false;
      whitespace();
      if (peek() != 58) return false;
      pos++;
      whitespace();
    }
    if (!value(depth + 1)) return false;
    whitespace();
    const next = peek();
    pos++;
    if (next == close) return true;
    if (next != 44) return false;
    whitespace();
  }
  return false;
}

/** The object at pos, on the way to the trees (level 0 is the document): finds its one key on the path. */
function level(depth: i32): i32 {
  if (peek() != 123) return DECLINE_LAYOUT;
  pos++;
  whitespace();
  let found = 0;
  if (peek() == 125) {
    pos++;
    return DECLINE_LAYOUT;
  }
  for (;;) {
    if (!str()) return DECLINE_JSON;
    // An escaped key could spell the key on the path, which JSON.parse would take.
    if (strEscaped) return DECLINE_LAYOUT;
    const onPath =
      depth == 0
        ? strIs('learner')
        : depth == 1
          ? strIs('gradient_booster')
          : depth == 2
            ? strIs('model')
            : strIs('trees');
    whitespace();
    if (peek() != 58) return DECLINE_JSON;
    pos++;
    whitespace();
    if (onPath) {
      if (found++ > 0) return DECLINE_LAYOUT;
      const result = depth == 3 ? treeList() : level(depth + 1);
      if (result < 0) return result;
    } else if (!value(depth + 1)) return DECLINE_JSON;
    whitespace();
    const next = peek();
    pos++;
    if (next == 125) break;
    if (next != 44) return DECLINE_JSON;
    whitespace();
  }
  return found == 1 ? 0 : DECLINE_LAYOUT;
}

function treeKey(): i32 {
  if (strIs('base_weights')) return BASE_WEIGHTS;
  if (strIs('default_left')) return DEFAULT_LEFT;
  if (strIs('left_children')) return LEFT_CHILDREN;
  if (strIs('loss_changes')) return LOSS_CHANGES;
  if (strIs('parents')) return PARENTS;
  if (strIs('right_children')) return RIGHT_CHILDREN;
  if (strIs('split_conditions')) return SPLIT_CONDITIONS;
  if (strIs('split_indices')) return SPLIT_INDICES;
  if (strIs('split_type')) return SPLIT_TYPE;
  if (strIs('sum_hessian')) return SUM_HESSIAN;
  if (strIs('categories')) return CATEGORIES;
  if (strIs('categories_nodes')) return CATEGORIES_NODES;
  if (strIs('categories_segments')) return CATEGORIES_SEGMENTS;
  if (strIs('categories_sizes')) return CATEGORIES_SIZES;
  if (strIs('id')) return ID;
  if (strIs('tree_param')) return TREE_PARAM;
  return -1;
}

/** A list of numbers at pos into list `k`, as float64. */
function numberList(k: i32): i32 {
  if (peek() != 91) return DECLINE_LAYOUT;
  pos++;
  whitespace();
  let n: i32 = 0;
  if (peek() == 93) {
    pos++;
    setCount(k, 0);
    return 0;
  }
  for (;;) {
    if (!num(true)) return peek() == 110 || peek() == 116 || peek() == 102 ? DECLINE_VALUE : DECLINE_JSON;
    if (numberBits == UNDECIDED) return DECLINE_VALUE;
    if (n == roomOf(k)) {
      const room = n < 64 ? 128 : n << 1;
      const at = take((<usize>room) << 3);
      memory.copy(at, listStart(k), (<usize>n) << 3);
      store<usize>(listAt + ((<usize>k) << 3), at);
      store<i32>(listRoom + ((<usize>k) << 2), room);
    }
    store<u64>(listStart(k) + ((<usize>n) << 3), numberBits);
    n++;
    whitespace();
    const next = peek();
    pos++;
    if (next == 93) break;
    if (next != 44) return DECLINE_JSON;
    whitespace();
  }
  setCount(k, n);
  return 0;
}

/** Plain digits in the last string read (1 to 9 of them); -1 otherwise. */
function digitString(): i32 {
  return strEscaped ? -1 : smallInteger(strStart, strEnd);
}

/** tree_param: num_nodes and size_leaf_vector as strings of digits; other keys, any value. */
function treeParam(): i32 {
  if (peek() != 123) return DECLINE_LAYOUT;
  pos++;
  whitespace();
  numNodes = -1;
  leafVector = -1;
  if (peek() == 125) {
    pos++;
    return DECLINE_LAYOUT;
  }
  for (;;) {
    if (!str()) return DECLINE_JSON;
    if (strEscaped) return DECLINE_LAYOUT;
    const key = strIs('num_nodes') ? 0 : strIs('size_leaf_vector') ? 1 : -1;
    whitespace();
    if (peek() != 58) return DECLINE_JSON;
    pos++;
    whitespace();
    if (key < 0) {
      if (!value(8)) return DECLINE_JSON;
    } else {
      if (!str()) return peek() == 34 ? DECLINE_JSON : DECLINE_VALUE;
      const v = digitString();
      if (v < 0) return DECLINE_VALUE;
      if (key == 0) {
        if (numNodes != -1) return DECLINE_LAYOUT;
        numNodes = v;
      } else {
        if (leafVector != -1) return DECLINE_LAYOUT;
        leafVector = v;
      }
    }
    whitespace();
    const next = peek();
    pos++;
    if (next == 125) break;
    if (next != 44) return DECLINE_JSON;
    whitespace();
  }
  return numNodes >= 1 && leafVector <= 1 ? 0 : DECLINE_TREE;
}

function element(k: i32, i: i32): f64 {
  return load<f64>(listStart(k) + ((<usize>i) << 3));
}

/** An integer that an Int32Array holds as it is; NaN-free lists only reach here. */
function isInt32(v: f64): bool {
  return v == Math.trunc(v) && v >= -2147483648 && v <= 2147483647;
}

// A kept tree's block: its node count n, then n left children, n right children and n split
// features (i32), n conditions (f32), and n default_left flags (u8).
const BLOCK_LEFT: usize = 0;
const BLOCK_RIGHT: usize = 1;
const BLOCK_FEATURE: usize = 2;
const BLOCK_CONDITION: usize = 3;
const BLOCK_DEFAULT_LEFT: usize = 4;

/** Where part `part` of the block of a tree of `n` nodes starts. */
function blockPart(block: usize, n: i32, part: usize): usize {
  return block + 4 + ((<usize>n) << 2) * part;
}

/** Checks the tree just read (xgboost.ts, checkTree) and keeps it as a block. */
function keepTree(): i32 {
  const n = numNodes;
  // Required lists (the layout check), of num_nodes entries each; split_type may be absent.
  for (let k: i32 = 0; k < NODE_LISTS; k++) {
    const count = countOf(k);
    if (count == -1) {
      if (k != SPLIT_TYPE) return DECLINE_LAYOUT;
    } else if (count != n) return DECLINE_TREE;
  }
  for (let k = CATEGORIES; k < LISTS; k++) if (countOf(k) > 0) return DECLINE_TREE;
  // Integer lists and flags, as the layout check wants them.
  for (let i: i32 = 0; i < n; i++) {
    if (!isInt32(element(LEFT_CHILDREN, i)) || !isInt32(element(RIGHT_CHILDREN, i))) return DECLINE_VALUE;
    if (!isInt32(element(PARENTS, i)) || !isInt32(element(SPLIT_INDICES, i))) return DECLINE_VALUE;
    const dl = element(DEFAULT_LEFT, i);
    if (dl != 0 && dl != 1) return DECLINE_VALUE;
    if (countOf(SPLIT_TYPE) == n && element(SPLIT_TYPE, i) != 0) return DECLINE_TREE;
  }
  if (n > seenRoom) {
    seenRoom = n < 256 ? 256 : n << 1;
    seen = take(<usize>seenRoom);
  }
  memory.fill(seen, 0, <usize>n);
  const block = take(blockPart(0, n, BLOCK_DEFAULT_LEFT) + <usize>n);
  store<i32>(block, n);
  const bl = blockPart(block, n, BLOCK_LEFT);
  const br = blockPart(block, n, BLOCK_RIGHT);
  const bf = blockPart(block, n, BLOCK_FEATURE);
  const bc = blockPart(block, n, BLOCK_CONDITION);
  const bd = blockPart(block, n, BLOCK_DEFAULT_LEFT);
  for (let i: i32 = 0; i < n; i++) {
    const l = <i32>element(LEFT_CHILDREN, i);
    const r = <i32>element(RIGHT_CHILDREN, i);
    const at = (<usize>i) << 2;
    store<i32>(bl + at, l);
    store<i32>(br + at, r);
    store<f32>(bc + at, <f32>element(SPLIT_CONDITIONS, i));
    if (l == -1 || r == -1) {
      if (l != -1 || r != -1) return DECLINE_TREE;
      store<i32>(bf + at, 0);
      store<u8>(bd + <usize>i, 0);
      continue;
    }
    if (l == i || r == i || l <= 0 || l >= n || r <= 0 || r >= n) return DECLINE_TREE;
    if (load<u8>(seen + <usize>l) == 1) return DECLINE_TREE;
    store<u8>(seen + <usize>l, 1);
    if (load<u8>(seen + <usize>r) == 1) return DECLINE_TREE;
    store<u8>(seen + <usize>r, 1);
    const f = <i32>element(SPLIT_INDICES, i);
    if (f < 0) return DECLINE_TREE;
    if (f > maxFeature) maxFeature = f;
    store<i32>(bf + at, f);
    store<u8>(bd + <usize>i, <u8>element(DEFAULT_LEFT, i));
  }
  if (trees == indexRoom) {
    const room = trees < 256 ? 512 : trees << 1;
    const at = take((<usize>room) << 3);
    memory.copy(at, index, (<usize>trees) << 3);
    index = at;
    indexRoom = room;
  }
  store<usize>(index + ((<usize>trees) << 3), block);
  trees++;
  totalNodes += n;
  return 0;
}

/** One tree object at pos. */
function tree(): i32 {
  if (peek() != 123) return DECLINE_LAYOUT;
  pos++;
  whitespace();
  for (let k: i32 = 0; k < KEYS; k++) setCount(k, -1);
  numNodes = -1;
  if (peek() == 125) {
    pos++;
    return DECLINE_LAYOUT;
  }
  for (;;) {
    if (!str()) return DECLINE_JSON;
    const k = treeKey();
    whitespace();
    if (peek() != 58) return DECLINE_JSON;
    pos++;
    whitespace();
    if (k < 0 || countOf(k) != -1) return DECLINE_LAYOUT;
    let result: i32 = 0;
    if (k < LISTS) result = numberList(k);
    else if (k == ID) {
      if (!num(false)) return DECLINE_VALUE;
      setCount(k, 0);
    } else {
      result = treeParam();
      setCount(k, 0);
    }
    if (result < 0) return result;
    whitespace();
    const next = peek();
    pos++;
    if (next == 125) break;
    if (next != 44) return DECLINE_JSON;
    whitespace();
  }
  if (countOf(TREE_PARAM) == -1) return DECLINE_LAYOUT;
  return keepTree();
}

/** learner.gradient_booster.model.trees: the list of trees at pos. */
function treeList(): i32 {
  if (peek() != 91) return DECLINE_LAYOUT;
  treesStart = pos;
  pos++;
  whitespace();
  if (peek() == 93) return DECLINE_LAYOUT;
  for (;;) {
    const result = tree();
    if (result < 0) return result;
    whitespace();
    const next = peek();
    pos++;
    if (next == 93) break;
    if (next != 44) return DECLINE_JSON;
    whitespace();
  }
  treesEnd = pos;
  return 0;
}

/**
 * Reads the document in the text (textAt). Returns the number of trees, or a negative decline;
 * on success xgbTreesStart/End say where the trees list lies in the text.
 */
export function xgbParse(): i32 {
  afterText();
  pos = textStart();
  end = textLimit();
  trees = 0;
  totalNodes = 0;
  maxFeature = -1;
  indexRoom = 0;
  seenRoom = 0;
  for (let k: i32 = 0; k < LISTS; k++) store<i32>(listRoom + ((<usize>k) << 2), 0);
  whitespace();
  const result = level(0);
  if (result < 0) return result;
  whitespace();
  if (pos != end) return DECLINE_JSON;
  roots = take((<usize>trees) << 2);
  left = take((<usize>totalNodes) << 2);
  right = take((<usize>totalNodes) << 2);
  feature = take((<usize>totalNodes) << 2);
  condition = take((<usize>totalNodes) << 2);
  defaultLeft = take(<usize>totalNodes);
  let base: i32 = 0;
  for (let t: i32 = 0; t < trees; t++) {
    const block = load<usize>(index + ((<usize>t) << 3));
    const n = load<i32>(block);
    const bl = blockPart(block, n, BLOCK_LEFT);
    const br = blockPart(block, n, BLOCK_RIGHT);
    const bf = blockPart(block, n, BLOCK_FEATURE);
    const bc = blockPart(block, n, BLOCK_CONDITION);
    const bd = blockPart(block, n, BLOCK_DEFAULT_LEFT);
    store<i32>(roots + ((<usize>t) << 2), base);
    for (let i: i32 = 0; i < n; i++) {
      const at = (<usize>i) << 2;
      const to = (<usize>(base + i)) << 2;
      const l = load<i32>(bl + at);
      // A leaf has -1 on both sides; children become global node indexes.
      store<i32>(left + to, l == -1 ? -1 : base + l);
      store<i32>(right + to, l == -1 ? -1 : base + load<i32>(br + at));
    }
    memory.copy(feature + ((<usize>base) << 2), bf, (<usize>n) << 2);
    memory.copy(condition + ((<usize>base) << 2), bc, (<usize>n) << 2);
    memory.copy(defaultLeft + <usize>base, bd, <usize>n);
    base += n;
  }
  return trees;
}

/**
 * The JSON number reader alone, for tests that compare it with JSON.parse: the float64 bits of
 * the number that fills the text (textAt), or UNDECIDED when it declines or the text is not one
 * JSON number.
 */
export function xgbReadNumber(): u64 {
  afterText();
  pos = textStart();
  end = textLimit();
  if (!num(true) || pos != end) return UNDECIDED;
  return numberBits;
}
