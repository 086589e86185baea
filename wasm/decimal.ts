/**
 * Decimal to float64, correctly rounded: Clinger's fast path when the mantissa and the power of
 * ten are both exact doubles, else Eisel-Lemire as in Go's strconv (eisel_lemire.go), with its
 * table of 128-bit mantissas of powers of ten, rounded down (scripts/build-wasm.mjs computes it).
 * Undecided cases (out of range, too close to a halfway point) are left to the caller, which
 * declines to the TypeScript reader and its Number().
 */
import { POWERS_OF_TEN, MIN_EXP10, MAX_EXP10 } from './powers-of-ten';

/** Exact doubles 1e0..1e22: Clinger's fast path. */
const EXACT_POWERS: usize = memory.data<f64>([
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
]);

/** 64x64 -> the high 64 bits of the 128-bit product. */
function mulHigh(a: u64, b: u64): u64 {
  const aLo = a & 0xffffffff;
  const aHi = a >> 32;
  const bLo = b & 0xffffffff;
  const bHi = b >> 32;
  const p0 = aLo * bLo;
  const p1 = aLo * bHi;
  const p2 = aHi * bLo;
  const mid = (p0 >> 32) + (p1 & 0xffffffff) + (p2 & 0xffffffff);
  return aHi * bHi + (p1 >> 32) + (p2 >> 32) + (mid >> 32);
}

export const UNDECIDED: u64 = 0x7ff8000000000001;

/**
 * man * 10^exp10, correctly rounded, as float64 bits; UNDECIDED when the algorithm cannot tell
 * (out of range, or too close to a halfway point). Eisel-Lemire, as in Go's strconv
 * (eisel_lemire.go), with its table of 128-bit mantissas rounded down.
 */
function eiselLemire(man: u64, exp10: i32, negative: bool): u64 {
  if (man == 0) return negative ? 0x8000000000000000 : 0;
  if (exp10 < MIN_EXP10 || exp10 > MAX_EXP10) return UNDECIDED;
  const zeros = clz<u64>(man);
  man <<= zeros;
  // Computed in i32 on purpose: in a u64 expression the constant product would not sign-extend.
  const scaled: i32 = ((217706 * exp10) >> 16) + 64 + 1023;
  let exp2: u64 = <u64>scaled - zeros;
  const entry = POWERS_OF_TEN + ((<usize>(exp10 - MIN_EXP10)) << 4);
  const tableLo = load<u64>(entry);
  const tableHi = load<u64>(entry, 8);
  let xHi = mulHigh(man, tableHi);
  let xLo = man * tableHi;
  if ((xHi & 0x1ff) == 0x1ff && xLo + man < man) {
    const yHi = mulHigh(man, tableLo);
    const yLo = man * tableLo;
    let mergedHi = xHi;
    const mergedLo = xLo + yHi;
    if (mergedLo < xLo) mergedHi++;
    if ((mergedHi & 0x1ff) == 0x1ff && mergedLo + 1 == 0 && yLo + man < man) return UNDECIDED;
    xHi = mergedHi;
    xLo = mergedLo;
  }
  const msb = xHi >> 63;
  let mantissa = xHi >> (msb + 9);
  exp2 -= 1 ^ msb;
  if (xLo == 0 && (xHi & 0x1ff) == 0 && (mantissa & 3) == 1) return UNDECIDED;
  mantissa += mantissa & 1;
  mantissa >>= 1;
  if (mantissa >> 53 > 0) {
    mantissa >>= 1;
    exp2 += 1;
  }
  if (exp2 - 1 >= 0x7ff - 1) return UNDECIDED;
  let bits = (exp2 << 52) | (mantissa & 0x000fffffffffffff);
  if (negative) bits |= 0x8000000000000000;
  return bits;
}

/** Eight ASCII digits (little-endian in `v`) as a number. */
export function eightDigits(v: u64): u64 {
  v -= 0x3030303030303030;
  v = v * 10 + (v >> 8);
  return (
    ((v & 0x000000ff000000ff) * 0x000f424000000064 + ((v >> 16) & 0x000000ff000000ff) * 0x0000271000000001) >>
    32
  );
}

export function allDigits(v: u64): bool {
  return (
    ((v & 0xf0f0f0f0f0f0f0f0) | (((v + 0x0606060606060606) & 0xf0f0f0f0f0f0f0f0) >> 4)) == 0x3333333333333333
  );
}

/** The float64 bits nearest to man * 10^exp10 (negated when `negative`), always finite, or UNDECIDED (out of range included). */
export function doubleBits(man: u64, exp10: i32, negative: bool): u64 {
  if (man <= 0x20000000000000 && exp10 >= -22 && exp10 <= 22) {
    // Clinger: an exact mantissa and an exact power of ten round once.
    let v = <f64>man;
    v =
      exp10 < 0
        ? v / load<f64>(EXACT_POWERS + ((<usize>-exp10) << 3))
        : v * load<f64>(EXACT_POWERS + ((<usize>exp10) << 3));
    return reinterpret<u64>(negative ? -v : v);
  }
  return eiselLemire(man, exp10, negative);
}
