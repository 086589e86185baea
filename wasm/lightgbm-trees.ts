/**
 * LightGBM's tree section, read in WebAssembly (AssemblyScript; scripts/build-wasm.mjs compiles
 * wasm/trees.ts into src/core/models/trees-wasm.ts). The TypeScript reader in lightgbm.ts takes about
 * 160 ms of CPU for the seed bundle's 10 MB of trees, most of it the JIT warming up, compiling,
 * and converting numbers through strings; this module does the same work in a few tens.
 *
 * It is a fast path, not a second parser: it accepts only the canonical form LightGBM writes
 * (numeric splits, no categorical or linear trees, digits and decimal numbers without
 * spellings like "inf", LF line ends, no repeated keys) and checks everything the TypeScript
 * reader checks. Anything else, valid or not, makes it decline (a negative result), and the
 * TypeScript reader parses the file and words any error. So every file it accepts gives
 * exactly the arrays the TypeScript reader gives (test/models/lightgbm-wasm.test.ts compares
 * both on real and on mutated models).
 *
 * After the text (arena.ts), it takes one record per tree, then the output arrays.
 */
import { afterText, smallInteger, spells, take, textLimit, textStart } from './arena';
import { allDigits, doubleBits, eightDigits, UNDECIDED } from './decimal';

const NEWLINE: u32 = 10;
const SPACE: u32 = 32;
const EQUALS: u32 = 61;

/** Why the fast path declined; the TypeScript reader then reads the file. Only tests look at these. */
const DECLINE_LAYOUT: i32 = -1;
const DECLINE_NUMBER: i32 = -2;
const DECLINE_TREE: i32 = -3;
const DECLINE_SHAPE: i32 = -4;

// Per-tree record: offset of its Tree= line, num_leaves, then [start, end) of six fields (-1: absent).
const FIELDS: i32 = 6;
const LEAF_VALUE: i32 = 0;
const SPLIT_FEATURE: i32 = 1;
const THRESHOLD: i32 = 2;
const DECISION_TYPE: i32 = 3;
const LEFT_CHILD: i32 = 4;
const RIGHT_CHILD: i32 = 5;
const RECORD_BYTES: usize = (2 + 2 * FIELDS) << 2;

let text: usize = 0;
let textEnd: usize = 0;

let trees: i32 = 0;
let nodes: i32 = 0;
let leaves: i32 = 0;
let records: usize = 0;
let roots: usize = 0;
let offsets: usize = 0;
let feature: usize = 0;
let threshold: usize = 0;
let decision: usize = 0;
let left: usize = 0;
let right: usize = 0;
let leafValue: usize = 0;
let nodeRefs: usize = 0;
let leafRefs: usize = 0;
let stack: usize = 0;

export function treeCount(): i32 {
  return trees;
}
export function nodeCount(): i32 {
  return nodes;
}
export function leafCount(): i32 {
  return leaves;
}
export function rootsAt(): usize {
  return roots;
}
export function offsetsAt(): usize {
  return offsets;
}
export function featureAt(): usize {
  return feature;
}
export function thresholdAt(): usize {
  return threshold;
}
export function decisionAt(): usize {
  return decision;
}
export function leftAt(): usize {
  return left;
}
export function rightAt(): usize {
  return right;
}
export function leafValueAt(): usize {
  return leafValue;
}

function byteAt(i: usize): u32 {
  return i < textEnd ? <u32>load<u8>(i) : NEWLINE;
}

/** Set when a line of the tree section holds a byte outside ASCII. */
let highByte: bool = false;

/** The end of the line starting at `i` (its newline, or the end of the text). */
function lineEnd(i: usize): usize {
  let c: u32 = 0;
  while (i < textEnd && (c = <u32>load<u8>(i)) != NEWLINE) {
    if (c >= 0x80) highByte = true;
    i++;
  }
  return i;
}

/** The field slot a tree key fills, FIELDS + 0/1/2 for num_leaves/num_cat/is_linear, -1 for keys the evaluator does not read, -2 for keys the fast path leaves to TypeScript. */
function keySlot(start: usize, eq: usize): i32 {
  if (spells(start, eq, 'leaf_value')) return LEAF_VALUE;
  if (spells(start, eq, 'split_feature')) return SPLIT_FEATURE;
  if (spells(start, eq, 'threshold')) return THRESHOLD;
  if (spells(start, eq, 'decision_type')) return DECISION_TYPE;
  if (spells(start, eq, 'left_child')) return LEFT_CHILD;
  if (spells(start, eq, 'right_child')) return RIGHT_CHILD;
  if (spells(start, eq, 'num_leaves')) return FIELDS;
  if (spells(start, eq, 'num_cat')) return FIELDS + 1;
  if (spells(start, eq, 'is_linear')) return FIELDS + 2;
  if (spells(start, eq, 'cat_boundaries') || spells(start, eq, 'cat_threshold')) return -2;
  return -1;
}

/**
 * Finds the Tree= blocks from `start` (a line start) to "end of trees", checks their layout and
 * records where each field lies. Returns the number of trees, or a decline.
 */
function scanTrees(start: usize): i32 {
  records = take(0);
  highByte = false;
  let count: i32 = 0;
  let i = start;
  for (;;) {
    if (i >= textEnd) return DECLINE_LAYOUT; // no "end of trees": truncated
    let end = lineEnd(i);
    if (end == i) {
      i = end + 1;
      continue;
    }
    if (spells(i, end, 'end of trees')) break;
    if (!(end - i > 5 && spells(i, i + 5, 'Tree=')) || smallInteger(i + 5, end) != count)
      return DECLINE_LAYOUT;
    const record = take(RECORD_BYTES);
    store<i32>(record, <i32>(i - text));
    store<i32>(record, -1, 4);
    for (let f = 0; f < FIELDS; f++) store<i32>(record + 8 + ((<usize>f) << 3), -1);
    let seenCat = false;
    let seenLinear = false;
    // Key=value lines up to an empty line, the next Tree= or "end of trees".
    for (;;) {
      i = end + 1;
      if (i >= textEnd) return DECLINE_LAYOUT;
      end = lineEnd(i);
      if (end == i || (end - i >= 5 && spells(i, i + 5, 'Tree=')) || spells(i, end, 'end of trees')) break;
      let eq = i;
      while (eq < end && load<u8>(eq) != EQUALS) eq++;
      if (eq == i || eq == end) return DECLINE_LAYOUT;
      const slot = keySlot(i, eq);
      if (slot == -2) continue;
      if (slot < 0) continue;
      if (slot == FIELDS) {
        if (load<i32>(record, 4) != -1) return DECLINE_LAYOUT;
        const n = smallInteger(eq + 1, end);
        if (n < 1) return DECLINE_TREE;
        store<i32>(record, n, 4);
      } else if (slot == FIELDS + 1) {
        // Categorical trees are left to TypeScript.
        if (seenCat || !spells(eq + 1, end, '0')) return DECLINE_TREE;
        seenCat = true;
      } else if (slot == FIELDS + 2) {
        if (seenLinear || !spells(eq + 1, end, '0')) return DECLINE_TREE;
        seenLinear = true;
      } else {
        const at = record + 8 + ((<usize>slot) << 3);
        if (load<i32>(at) != -1) return DECLINE_LAYOUT;
        store<i32>(at, <i32>(eq + 1 - text));
        store<i32>(at, <i32>(end - text), 4);
      }
    }
    // LightGBM refuses a tree without num_cat; the TypeScript reader words it.
    if (!seenCat || load<i32>(record, 4) == -1) return DECLINE_TREE;
    // num_leaves sizes the output arrays: no more leaves than leaf_value has room for (a value
    // and a space each), as the TypeScript reader's allocate checks, or a 300-byte file could
    // ask for gigabytes.
    if (!hasField(record, LEAF_VALUE)) return DECLINE_TREE;
    const room = (fieldEnd(record, LEAF_VALUE) - fieldStart(record, LEAF_VALUE) + 1) >> 1;
    if (<usize>load<i32>(record, 4) > room) return DECLINE_TREE;
    count++;
    // `i` is the line that closed the block (empty, Tree= or "end of trees"): the loop reads it again.
  }
  // Offsets past a multi-byte character would differ from the TypeScript reader's character offsets.
  return highByte ? DECLINE_LAYOUT : count;
}

/**
 * Reads exactly `count` space-separated decimal numbers from text[start, end) into f64s at
 * `out`, each equal to what JavaScript's Number() gives for it. A token is [+-]digits[.digits]
 * or [+-].digits, with an optional exponent; a token of another form, of more than 18
 * significant digits, or one the algorithm cannot round with certainty declines.
 */
function readDoubles(start: usize, end: usize, out: usize, count: i32): bool {
  let n: i32 = 0;
  let i = start;
  while (i < end) {
    let c = <u32>load<u8>(i);
    if (c == SPACE) {
      i++;
      continue;
    }
    if (n == count) return false;
    let negative = false;
    if (c == 45 || c == 43) {
      negative = c == 45;
      c = i + 1 < end ? <u32>load<u8>(++i) : SPACE;
    }
    let man: u64 = 0;
    let digits: i32 = 0;
    let exp10: i32 = 0;
    let any = false;
    while (c - 48 < 10) {
      any = true;
      if (man != 0 || c != 48) {
        man = man * 10 + (c - 48);
        digits++;
      }
      c = ++i < end ? <u32>load<u8>(i) : SPACE;
    }
    if (c == 46) {
      c = ++i < end ? <u32>load<u8>(i) : SPACE;
      // Eight digits at a time once the first significant digit is in.
      while (man != 0 && digits <= 10 && i + 8 <= end) {
        const v = load<u64>(i);
        if (!allDigits(v)) break;
        man = man * 100000000 + eightDigits(v);
        digits += 8;
        exp10 -= 8;
        i += 8;
        c = i < end ? <u32>load<u8>(i) : SPACE;
      }
      while (c - 48 < 10) {
        any = true;
        if (man != 0 || c != 48) {
          if (digits == 20) return false;
          man = man * 10 + (c - 48);
          digits++;
        }
        exp10--;
        c = ++i < end ? <u32>load<u8>(i) : SPACE;
      }
    }
    if (!any || digits > 18) return false;
    if (c == 101 || c == 69) {
      c = ++i < end ? <u32>load<u8>(i) : SPACE;
      let negativeExponent = false;
      if (c == 45 || c == 43) {
        negativeExponent = c == 45;
        c = ++i < end ? <u32>load<u8>(i) : SPACE;
      }
      let e: i32 = 0;
      let eDigits: i32 = 0;
      while (c - 48 < 10) {
        // An exponent this long is out of any range, unless as many zeros lead the digits: declined.
        if (e >= 100000) return false;
        e = e * 10 + <i32>(c - 48);
        eDigits++;
        c = ++i < end ? <u32>load<u8>(i) : SPACE;
      }
      if (eDigits == 0) return false;
      exp10 += negativeExponent ? -e : e;
    }
    if (c != SPACE) return false;
    const bits = doubleBits(man, exp10, negative);
    if (bits == UNDECIDED) return false;
    store<u64>(out + ((<usize>n) << 3), bits);
    n++;
  }
  return n == count;
}

/** Reads exactly `count` space-separated integers ([-]digits, at most 15) in [min, max] into i32s (or u8s) at `out`. */
function readIntegers(
  start: usize,
  end: usize,
  out: usize,
  count: i32,
  min: i64,
  max: i64,
  bytes: bool,
): bool {
  let n: i32 = 0;
  let i = start;
  while (i < end) {
    let c = <u32>load<u8>(i);
    if (c == SPACE) {
      i++;
      continue;
    }
    if (n == count) return false;
    const negative = c == 45;
    if (negative) c = ++i < end ? <u32>load<u8>(i) : SPACE;
    const first = i;
    let value: i64 = 0;
    while (c - 48 < 10) {
      value = value * 10 + <i64>(c - 48);
      c = ++i < end ? <u32>load<u8>(i) : SPACE;
      if (i - first > 15) return false;
    }
    if (i == first || c != SPACE) return false;
    if (negative) value = -value;
    if (value < min || value > max) return false;
    if (bytes) store<u8>(out + <usize>n, <u8>value);
    else store<i32>(out + ((<usize>n) << 2), <i32>value);
    n++;
  }
  return n == count;
}

/**
 * Every child names a node or leaf of this tree, each node but the root and each leaf is a
 * child exactly once, and every node hangs off the root (lightgbm.ts, checkShape).
 */
function shapeIsSound(base: i32, count: i32, numLeaves: i32): bool {
  memory.fill(nodeRefs, 0, <usize>count);
  memory.fill(leafRefs, 0, <usize>numLeaves);
  for (let n: i32 = 0; n < count; n++) {
    for (let side = 0; side < 2; side++) {
      const child = load<i32>((side == 0 ? left : right) + ((<usize>(base + n)) << 2));
      if (child >= count || child < -numLeaves) return false;
      if (child >= 0) {
        if (child == 0 || child == n) return false;
        if (load<u8>(nodeRefs + <usize>child) == 1) return false;
        store<u8>(nodeRefs + <usize>child, 1);
      } else {
        const leaf = ~child;
        if (load<u8>(leafRefs + <usize>leaf) == 1) return false;
        store<u8>(leafRefs + <usize>leaf, 1);
      }
    }
  }
  store<i32>(stack, 0);
  let depth: i32 = 1;
  let reached: i32 = 0;
  while (depth > 0) {
    depth--;
    const n = load<i32>(stack + ((<usize>depth) << 2));
    // A node that is someone's child twice was refused above, so this bound is never reached
    // on a tree; it keeps a walk that cycles through the root from running on.
    if (++reached > count) return false;
    const l = load<i32>(left + ((<usize>(base + n)) << 2));
    const r = load<i32>(right + ((<usize>(base + n)) << 2));
    if (l >= 0) {
      store<i32>(stack + ((<usize>depth) << 2), l);
      depth++;
    }
    if (r >= 0) {
      store<i32>(stack + ((<usize>depth) << 2), r);
      depth++;
    }
  }
  if (reached != count) return false;
  for (let l: i32 = 0; l < numLeaves; l++) if (load<u8>(leafRefs + <usize>l) != 1) return false;
  return true;
}

function fieldStart(record: usize, field: i32): usize {
  return text + <usize>load<i32>(record + 8 + ((<usize>field) << 3));
}

function fieldEnd(record: usize, field: i32): usize {
  return text + <usize>load<i32>(record + 8 + ((<usize>field) << 3), 4);
}

function hasField(record: usize, field: i32): bool {
  return load<i32>(record + 8 + ((<usize>field) << 3)) >= 0;
}

/**
 * Parses the tree section that starts at text offset `start` (the first Tree= line) for a
 * model with features 0..maxFeature. Returns the number of trees, or a negative decline.
 */
export function parseTrees(start: u32, maxFeature: i32): i32 {
  afterText();
  text = textStart();
  textEnd = textLimit();
  trees = 0;
  const count = scanTrees(text + <usize>start);
  if (count <= 0) return count < 0 ? count : DECLINE_LAYOUT;
  let totalNodes: i32 = 0;
  let totalLeaves: i32 = 0;
  let most: i32 = 1;
  for (let t: i32 = 0; t < count; t++) {
    const numLeaves = load<i32>(records + <usize>t * RECORD_BYTES, 4);
    totalNodes += numLeaves - 1;
    totalLeaves += numLeaves;
    if (numLeaves > most) most = numLeaves;
  }
  roots = take((<usize>count) << 2);
  offsets = take((<usize>count) << 2);
  feature = take((<usize>totalNodes) << 2);
  threshold = take((<usize>totalNodes) << 3);
  decision = take(<usize>totalNodes);
  left = take((<usize>totalNodes) << 2);
  right = take((<usize>totalNodes) << 2);
  leafValue = take((<usize>totalLeaves) << 3);
  nodeRefs = take(<usize>most);
  leafRefs = take(<usize>most);
  stack = take((<usize>most) << 2);
  memory.fill(decision, 0, <usize>totalNodes);

  let nodeBase: i32 = 0;
  let leafBase: i32 = 0;
  for (let t: i32 = 0; t < count; t++) {
    const record = records + <usize>t * RECORD_BYTES;
    store<i32>(offsets + ((<usize>t) << 2), load<i32>(record));
    const numLeaves = load<i32>(record, 4);
    const splits = numLeaves - 1;
    // scanTrees saw leaf_value, with room for num_leaves values.
    if (
      !readDoubles(
        fieldStart(record, LEAF_VALUE),
        fieldEnd(record, LEAF_VALUE),
        leafValue + ((<usize>leafBase) << 3),
        numLeaves,
      )
    )
      return DECLINE_NUMBER;
    // Leaf values must be finite (thresholds may be infinite): readDoubles never yields an
    // infinity (doubleBits declines out of range), so both are read alike.
    if (splits == 0) {
      store<i32>(roots + ((<usize>t) << 2), ~leafBase);
      leafBase += numLeaves;
      continue;
    }
    store<i32>(roots + ((<usize>t) << 2), nodeBase);
    if (
      !hasField(record, SPLIT_FEATURE) ||
      !hasField(record, THRESHOLD) ||
      !hasField(record, LEFT_CHILD) ||
      !hasField(record, RIGHT_CHILD)
    )
      return DECLINE_TREE;
    if (
      !readIntegers(
        fieldStart(record, SPLIT_FEATURE),
        fieldEnd(record, SPLIT_FEATURE),
        feature + ((<usize>nodeBase) << 2),
        splits,
        0,
        maxFeature,
        false,
      )
    )
      return DECLINE_NUMBER;
    if (
      !readDoubles(
        fieldStart(record, THRESHOLD),
        fieldEnd(record, THRESHOLD),
        threshold + ((<usize>nodeBase) << 3),
        splits,
      )
    )
      return DECLINE_NUMBER;
    if (hasField(record, DECISION_TYPE)) {
      if (
        !readIntegers(
          fieldStart(record, DECISION_TYPE),
          fieldEnd(record, DECISION_TYPE),
          decision + <usize>nodeBase,
          splits,
          0,
          127,
          true,
        )
      )
        return DECLINE_NUMBER;
      for (let n: i32 = 0; n < splits; n++) {
        const type = <i32>load<u8>(decision + <usize>(nodeBase + n));
        // Missing type 3 does not exist; categorical splits are left to TypeScript.
        if (((type >> 2) & 3) == 3 || (type & 1) != 0) return DECLINE_TREE;
      }
    }
    const int32 = <i64>2147483648;
    if (
      !readIntegers(
        fieldStart(record, LEFT_CHILD),
        fieldEnd(record, LEFT_CHILD),
        left + ((<usize>nodeBase) << 2),
        splits,
        -int32,
        int32 - 1,
        false,
      )
    )
      return DECLINE_NUMBER;
    if (
      !readIntegers(
        fieldStart(record, RIGHT_CHILD),
        fieldEnd(record, RIGHT_CHILD),
        right + ((<usize>nodeBase) << 2),
        splits,
        -int32,
        int32 - 1,
        false,
      )
    )
      return DECLINE_NUMBER;
    if (!shapeIsSound(nodeBase, splits, numLeaves)) return DECLINE_SHAPE;
    // Children become global: a node index, or ~leaf with a global leaf index.
    for (let n = nodeBase; n < nodeBase + splits; n++) {
      const l = load<i32>(left + ((<usize>n) << 2));
      const r = load<i32>(right + ((<usize>n) << 2));
      store<i32>(left + ((<usize>n) << 2), l >= 0 ? nodeBase + l : ~(leafBase + ~l));
      store<i32>(right + ((<usize>n) << 2), r >= 0 ? nodeBase + r : ~(leafBase + ~r));
    }
    nodeBase += splits;
    leafBase += numLeaves;
  }
  trees = count;
  nodes = totalNodes;
  leaves = totalLeaves;
  return count;
}

/**
 * The number reader alone, for tests that compare it with JavaScript's Number() token by token:
 * reads `count` numbers from text[start, end) (offsets in the text given to textAt); returns
 * where they were written, or 0 when it declines.
 */
export function readNumbers(start: u32, end: u32, count: i32): usize {
  afterText();
  text = textStart();
  textEnd = textLimit();
  const out = take((<usize>count) << 3);
  return readDoubles(text + <usize>start, text + <usize>end, out, count) ? out : 0;
}
