/**
 * CRC-32 (the gzip trailer's checksum) and crc32_combine, which gives the CRC of A+B from the
 * CRCs of A and B and B's length. The tarball is written out of order (its first entry, the
 * manifest, is known only after every file has been hashed), so its checksum is assembled
 * from parts.
 */
import zlib from 'node:zlib';

const POLY = 0xedb88320;

let table: Uint32Array | undefined;
function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? POLY ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** Byte-at-a-time CRC-32, for Node versions before zlib.crc32 (20.15 / 22.2). */
export function crc32Portable(data: Uint8Array, crc = 0): number {
  const t = crcTable();
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of `data`, continuing from `crc`; zlib's SIMD implementation when Node has it. */
export function crc32(data: Uint8Array, crc = 0): number {
  return native ? native(data, crc) >>> 0 : crc32Portable(data, crc);
}

/** a * b modulo the CRC polynomial (reflected), zlib's multmodp. */
function multmodp(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

let x2n: number[] | undefined;
/** x^(2^k) modulo the polynomial, for k = 0..31. */
function x2nTable(): number[] {
  if (x2n) return x2n;
  x2n = [];
  let p = 0x40000000; // x^1
  for (let k = 0; k < 32; k++) {
    x2n.push(p);
    p = multmodp(p, p);
  }
  return x2n;
}

/** x^(n * 2^k) modulo the polynomial; n may exceed 2^32 (bundles larger than 4 GiB). */
function x2nmodp(n: number, k: number): number {
  const t = x2nTable();
  let p = 0x80000000; // x^0
  while (n > 0) {
    if (n % 2 === 1) p = multmodp(t[k & 31]!, p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/** CRC-32 of A followed by B, given crc(A), crc(B) and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multmodp(x2nmodp(lengthB, 3), crcA >>> 0) ^ crcB) >>> 0;
}
