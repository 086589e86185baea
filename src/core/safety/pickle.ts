/**
 * A static pickle walker: reads the opcode stream of protocols 0-5 and never executes it.
 *
 * It keeps a symbolic stack and memo, just enough to know which string a STACK_GLOBAL pops
 * (attackers hide `os`/`system` behind memo PUT/GET, protocol-0 STRING opcodes or decoys),
 * which callable a REDUCE calls (to count tensors) and what a persistent id holds (torch
 * storages). Everything a real unpickler would import is reported as a global, with the
 * opcode and offset; deciding whether it is safe is the allow-list's job.
 *
 * Parsing is strict where CPython is strict about bytes (unknown opcodes, truncated
 * arguments, junk after the last STOP are errors) and lenient where leniency can only show
 * more: a memo miss or a non-string STACK_GLOBAL operand is reported as an odd global
 * instead of stopping. Stack discipline (MARK, underflow) follows pickle.py, so a file that
 * CPython would reject before importing anything is recognised as not being a pickle.
 *
 * Memory: the input is read through a window (see `ByteSource`), long strings and byte
 * payloads (array data) are skipped rather than copied, and containers keep only their
 * first items, so what remains grows with the number of memoized objects, not with the
 * size of the arrays a pickle carries.
 */
import { readSync } from 'node:fs';

export interface PickleGlobal {
  module: string;
  name: string;
  /** Byte offset of the opcode that imports it (absolute in the scanned file or buffer). */
  offset: number;
  opcode: string;
}

export interface PickleScan {
  globals: PickleGlobal[];
  /** Persistent ids (PERSID/BINPERSID), as plain values; globals inside become `{ module, name }`. */
  persistentIds: unknown[][];
  /** Pickles read to their STOP. Concatenated pickles are walked one after another. */
  pickles: number;
  /** Why the walk stopped early (truncated data, junk, an invalid argument). Globals before it are kept. */
  error?: string;
  /** The error was running out of data (the input may simply have been cut short). */
  truncated?: boolean;
  /** Offset just past the last opcode read: after the last STOP, or where the error is. */
  end: number;
  /** The value each pickle returned, as plain data where it is plain (see `plainValue`). */
  values: unknown[];
  /** How many times each global (`module.name`) is called (REDUCE, NEWOBJ, INST, OBJ). */
  calls: Record<string, number>;
}

export interface PickleScanOptions {
  /** Stop after this many pickles (torch's legacy format is exactly five, then raw storages). */
  maxPickles?: number;
}

/** A global as it appears inside a persistent id or a returned value. */
export interface PickleGlobalRef {
  module: string;
  name: string;
}

// ---------------------------------------------------------------------------------------
// Symbolic values

/** Items a container keeps; past it they are counted, not stored (a list of 10M floats). */
const MAX_KEPT_ITEMS = 65536;
const MAX_KEPT_TEXT = 64 * 1024;
const MAX_INT_DIGITS = 4300; // CPython's default int/str conversion limit

type Sym =
  | null
  | boolean
  | number
  | bigint
  | string
  | SymBytes
  | SymSeq
  | SymDict
  | SymGlobal
  | SymObject
  | SymPersistent
  | SymOpaque;

interface SymBytes {
  t: 'bytes';
  length: number;
}
interface SymSeq {
  t: 'list' | 'tuple' | 'set' | 'frozenset';
  items: Sym[];
  dropped: number;
}
interface SymDict {
  t: 'dict';
  entries: [Sym, Sym][];
  dropped: number;
}
interface SymGlobal {
  t: 'global';
  module: string;
  name: string;
}
interface SymObject {
  t: 'object';
  callable: Sym;
  args: Sym;
}
interface SymPersistent {
  t: 'persistent';
  id: Sym;
}
/** Something we cannot or choose not to represent: a memo miss, a huge string, a buffer. */
interface SymOpaque {
  t: 'opaque';
  what: string;
}

function isObj(v: Sym): v is Exclude<Sym, null | boolean | number | bigint | string> {
  return typeof v === 'object' && v !== null;
}

function describe(v: Sym): string {
  if (v === null) return 'None';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  switch (v.t) {
    case 'opaque':
      return v.what;
    case 'global':
      return `${v.module}.${v.name}`;
    default:
      return `<${v.t}>`;
  }
}

function keep<T>(owner: { dropped: number }, list: T[], item: T): void {
  if (list.length < MAX_KEPT_ITEMS) list.push(item);
  else owner.dropped++;
}

/** Marks where `plainValue` stopped; never a string, so it cannot pass for a name or key. */
const CUT = Object.freeze({ cut: true });

/**
 * Plain-data view of a symbolic value: strings, numbers (bigint past 2^53), booleans, null,
 * arrays for lists/tuples/sets, objects for dicts, `{ module, name }` for globals,
 * `{ call, args }` for constructed objects, `{ bytes: n }` for byte payloads. Depth and the
 * number of nodes are bounded (nested containers could otherwise multiply); cycles (a list
 * appended to itself) and cut containers end in `{ cut: true }`.
 */
function plainValue(v: Sym, budget = { nodes: 200_000 }, depth = 0): unknown {
  if (!isObj(v)) return v;
  if (depth > 8 || --budget.nodes < 0) return CUT;
  switch (v.t) {
    case 'bytes':
      return { bytes: v.length };
    case 'list':
    case 'tuple':
    case 'set':
    case 'frozenset':
      return v.dropped
        ? [...v.items.map((x) => plainValue(x, budget, depth + 1)), CUT]
        : v.items.map((x) => plainValue(x, budget, depth + 1));
    case 'dict': {
      const out: Record<string, unknown> = {};
      for (const [k, val] of v.entries) out[describe(k)] = plainValue(val, budget, depth + 1);
      return out;
    }
    case 'global':
      return { module: v.module, name: v.name } satisfies PickleGlobalRef;
    case 'object':
      return { call: plainValue(v.callable, budget, depth + 1), args: plainValue(v.args, budget, depth + 1) };
    case 'persistent':
      return { persistent: plainValue(v.id, budget, depth + 1) };
    case 'opaque':
      return { opaque: v.what };
  }
}

// ---------------------------------------------------------------------------------------
// Byte sources

/** Raised inside the walker; turned into `PickleScan.error`. */
class Fault extends Error {
  constructor(
    message: string,
    readonly at: number,
    readonly truncated = false,
  ) {
    super(message);
  }
}

/** The file ended before the range the walker was given: it shrank while being read. */
class Shrunk extends Fault {
  constructor(at: number) {
    super(`cannot read past offset ${at}: the file is shorter than it was`, at, true);
  }
}

/**
 * A byte range read opcode by opcode: `[pos, end)` of a buffer in memory, or of an open file
 * read with `readSync` through a window (1 MiB unless told otherwise): the walker is
 * synchronous and only ever needs the next opcode and its argument, so it crosses a
 * multi-GB file without holding it. One class for both, with the window's bytes in plain
 * fields: the walker reads through it for every opcode, and two classes behind one interface
 * made V8 deoptimise and recompile the walker in the middle of a scan. `pos` and `end` are
 * absolute offsets.
 */
class ByteSource {
  /** The window holds bytes [bufStart, bufStart + bufLen) of the range. */
  readonly buf: Uint8Array;
  bufStart: number;
  bufLen: number;

  private constructor(
    /** The open file, or -1 when the whole range is `buf`. */
    private readonly fd: number,
    buf: Uint8Array,
    public pos: number,
    readonly end: number,
  ) {
    this.buf = buf;
    this.bufStart = pos;
    this.bufLen = fd < 0 ? buf.length : 0;
  }

  /** The largest `n` `fill` accepts. */
  get window(): number {
    return this.buf.length;
  }

  static memory(data: Uint8Array): ByteSource {
    return new ByteSource(-1, data, 0, data.length);
  }

  static file(fd: number, start: number, end: number, window: number): ByteSource {
    // Never larger than the range itself: a small zip member gets a small buffer.
    return new ByteSource(fd, Buffer.allocUnsafe(Math.max(1, Math.min(window, end - start))), start, end);
  }

  /** Makes `[pos, pos + n)` addressable in `buf` at `pos - bufStart` (n must be at most `window`). */
  fill(n: number): void {
    if (this.fd < 0) return;
    const want = Math.min(n, this.end - this.pos);
    if (this.pos >= this.bufStart && this.pos + want <= this.bufStart + this.bufLen) return;
    let len = 0;
    const wanted = Math.min(this.window, this.end - this.pos);
    while (len < wanted) {
      const got = readSync(this.fd, this.buf, len, wanted - len, this.pos + len);
      if (got === 0) break;
      len += got;
    }
    this.bufStart = this.pos;
    this.bufLen = len;
    // The file shrank since its size was taken: stop here rather than read stale bytes.
    if (len < want) throw new Shrunk(this.pos + len);
  }
}

// ---------------------------------------------------------------------------------------
// Reading arguments

const latin1 = new TextDecoder('latin1');
const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Loose = new TextDecoder('utf-8');

class Reader {
  constructor(private readonly src: ByteSource) {}

  get pos(): number {
    return this.src.pos;
  }
  get remaining(): number {
    return this.src.end - this.src.pos;
  }

  private need(n: number, what: string): void {
    if (!Number.isFinite(n))
      throw new Fault(`${what} at offset ${this.src.pos} announces a length past 2^53`, this.src.pos, true);
    if (n > this.remaining) {
      throw new Fault(
        `${what} needs ${n} bytes at offset ${this.src.pos}, only ${this.remaining} remain`,
        this.src.pos,
        true,
      );
    }
  }

  /** Up to `n` (small) bytes, as a view valid until the next read. */
  fixed(n: number, what: string): Uint8Array {
    this.need(n, what);
    const src = this.src;
    src.fill(n);
    const at = src.pos - src.bufStart;
    src.pos += n;
    return src.buf.subarray(at, at + n);
  }

  /** One byte, without the view `fixed` makes: most opcodes and arguments are one byte. */
  byte(what: string): number {
    this.need(1, what);
    const src = this.src;
    src.fill(1);
    return src.buf[src.pos++ - src.bufStart] as number;
  }

  /** A payload of `n` bytes: a copy when at most `keep`, else skipped without reading. */
  payload(n: number, keep: number, what: string): Uint8Array | undefined {
    this.need(n, what);
    if (n > keep) {
      this.src.pos += n;
      return undefined;
    }
    const out = new Uint8Array(n);
    for (let done = 0; done < n;) {
      const step = Math.min(n - done, this.src.window);
      out.set(this.fixed(step, what), done);
      done += step;
    }
    return out;
  }

  /** Bytes up to the next `\n` (consumed, not returned); undefined content past `keep`. */
  line(keep: number, what: string): { bytes: Uint8Array | undefined; length: number } {
    const start = this.src.pos;
    let scanned = 0;
    let kept: Uint8Array[] | undefined = [];
    let keptLen = 0;
    for (;;) {
      if (start + scanned >= this.src.end) {
        this.src.pos = start;
        throw new Fault(`${what} at offset ${start - 1} has no terminating newline`, start, true);
      }
      this.src.pos = start + scanned;
      // Whatever is buffered from pos on; a refill only happens once it is used up.
      this.src.fill(1);
      const buf = this.src.buf.subarray(0, this.src.bufLen);
      const at = this.src.pos - this.src.bufStart;
      const chunkEnd = Math.min(buf.length, at + (this.src.end - this.src.pos));
      const nl = buf.indexOf(0x0a, at);
      const stop = nl >= 0 && nl < chunkEnd ? nl : chunkEnd;
      const chunk = buf.subarray(at, stop);
      if (kept) {
        if (keptLen + chunk.length <= keep) {
          kept.push(new Uint8Array(chunk)); // a copy: Buffer#slice would alias the window
          keptLen += chunk.length;
        } else kept = undefined;
      }
      scanned += chunk.length;
      if (nl >= 0 && nl < chunkEnd) {
        this.src.pos = start + scanned + 1;
        return { bytes: kept ? concat(kept, keptLen) : undefined, length: scanned };
      }
      if (chunk.length === 0) {
        this.src.pos = start;
        throw new Fault(`${what} at offset ${start - 1}: cannot read further`, start, true);
      }
    }
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function u16(b: Uint8Array): number {
  return (b[0] as number) | ((b[1] as number) << 8);
}
function u32(b: Uint8Array): number {
  return (
    ((b[0] as number) | ((b[1] as number) << 8) | ((b[2] as number) << 16)) + (b[3] as number) * 0x1000000
  );
}
function i32(b: Uint8Array): number {
  return (b[0] as number) | ((b[1] as number) << 8) | ((b[2] as number) << 16) | ((b[3] as number) << 24);
}
/** Unsigned 64-bit little endian; anything past 2^53 is returned as Infinity (never a valid length). */
function u64(b: Uint8Array): number {
  const lo = u32(b);
  const hi = u32(b.subarray(4));
  if (hi >= 0x200000) return Infinity;
  return hi * 0x100000000 + lo;
}

/** Two's complement little-endian integer of any length (LONG1/LONG4 payloads). */
function signedLittleEndian(bytes: Uint8Array): bigint | number {
  if (bytes.length === 0) return 0;
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] as number);
  if (((bytes[bytes.length - 1] as number) & 0x80) !== 0) value -= 1n << BigInt(bytes.length * 8);
  return Number.isSafeInteger(Number(value)) ? Number(value) : value;
}

function decodeUtf8(bytes: Uint8Array, what: string, at: number): string {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    // pickle decodes with 'surrogatepass': encoded lone surrogates (ED A0-BF xx) are legal.
    if (validUtf8WithSurrogates(bytes)) return utf8Loose.decode(bytes);
    throw new Fault(`${what} at offset ${at} is not valid UTF-8`, at);
  }
}

function validUtf8WithSurrogates(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return false;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff) return false;
    i += n + 1;
  }
  return true;
}

/** Python's `codecs.escape_decode` (the STRING opcode's quoting), returning raw bytes. */
function escapeDecode(s: Uint8Array, at: number): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as number;
    if (c !== 0x5c || i + 1 >= s.length) {
      if (c === 0x5c) throw new Fault(`STRING at offset ${at} ends with a lone backslash`, at);
      out.push(c);
      continue;
    }
    const e = s[++i] as number;
    const simple: Record<number, number> = {
      0x5c: 0x5c,
      0x27: 0x27,
      0x22: 0x22,
      0x61: 7,
      0x62: 8,
      0x66: 12,
      0x6e: 10,
      0x72: 13,
      0x74: 9,
      0x76: 11,
    };
    const mapped = simple[e];
    if (mapped !== undefined) out.push(mapped);
    else if (e === 0x0a) continue;
    else if (e >= 0x30 && e <= 0x37) {
      let v = e - 0x30;
      for (
        let k = 0;
        k < 2 && i + 1 < s.length && (s[i + 1] as number) >= 0x30 && (s[i + 1] as number) <= 0x37;
        k++
      ) {
        v = v * 8 + ((s[++i] as number) - 0x30);
      }
      out.push(v & 0xff);
    } else if (e === 0x78) {
      const hex = latin1.decode(s.subarray(i + 1, i + 3));
      if (!/^[0-9a-fA-F]{2}$/.test(hex))
        throw new Fault(`STRING at offset ${at} has an invalid \\x escape`, at);
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(0x5c, e);
  }
  return Uint8Array.from(out);
}

/** Python's 'raw-unicode-escape' codec (the UNICODE opcode): latin-1 plus \uXXXX/\UXXXXXXXX. */
function rawUnicodeEscape(s: Uint8Array, at: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as number;
    if (c === 0x5c && i + 1 < s.length && (s[i + 1] === 0x75 || s[i + 1] === 0x55)) {
      // An escape only when the backslash itself is not escaped (odd run of backslashes).
      let run = 0;
      for (let k = i; k >= 0 && s[k] === 0x5c; k--) run++;
      if (run % 2 === 1) {
        const digits = s[i + 1] === 0x75 ? 4 : 8;
        const hex = latin1.decode(s.subarray(i + 2, i + 2 + digits));
        if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) {
          throw new Fault(`UNICODE at offset ${at} has a truncated \\${digits === 4 ? 'u' : 'U'} escape`, at);
        }
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) throw new Fault(`UNICODE at offset ${at} escapes a code point past U+10FFFF`, at);
        out += String.fromCodePoint(cp);
        i += 1 + digits;
        continue;
      }
    }
    out += String.fromCharCode(c);
  }
  return out;
}

function parseIntText(text: string, what: string, at: number): number | bigint {
  const t = text.trim().replace(/_/g, '');
  if (t.length > MAX_INT_DIGITS)
    throw new Fault(`${what} at offset ${at} has more than ${MAX_INT_DIGITS} digits`, at);
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/.exec(t);
  if (!m) throw new Fault(`${what} at offset ${at} is not an integer: ${JSON.stringify(t.slice(0, 40))}`, at);
  const body = (m[2] as string)
    .replace(/^0[oO]/, '0o')
    .replace(/^0[bB]/, '0b')
    .replace(/^0[xX]/, '0x');
  let v = BigInt(body);
  if (m[1] === '-') v = -v;
  return Number.isSafeInteger(Number(v)) ? Number(v) : v;
}

// ---------------------------------------------------------------------------------------
// The walker

const OPCODE_NAMES: Record<number, string> = {
  0x28: 'MARK',
  0x2e: 'STOP',
  0x30: 'POP',
  0x31: 'POP_MARK',
  0x32: 'DUP',
  0x46: 'FLOAT',
  0x49: 'INT',
  0x4a: 'BININT',
  0x4b: 'BININT1',
  0x4c: 'LONG',
  0x4d: 'BININT2',
  0x4e: 'NONE',
  0x50: 'PERSID',
  0x51: 'BINPERSID',
  0x52: 'REDUCE',
  0x53: 'STRING',
  0x54: 'BINSTRING',
  0x55: 'SHORT_BINSTRING',
  0x56: 'UNICODE',
  0x58: 'BINUNICODE',
  0x61: 'APPEND',
  0x62: 'BUILD',
  0x63: 'GLOBAL',
  0x64: 'DICT',
  0x7d: 'EMPTY_DICT',
  0x65: 'APPENDS',
  0x67: 'GET',
  0x68: 'BINGET',
  0x69: 'INST',
  0x6a: 'LONG_BINGET',
  0x6c: 'LIST',
  0x5d: 'EMPTY_LIST',
  0x6f: 'OBJ',
  0x70: 'PUT',
  0x71: 'BINPUT',
  0x72: 'LONG_BINPUT',
  0x73: 'SETITEM',
  0x74: 'TUPLE',
  0x29: 'EMPTY_TUPLE',
  0x75: 'SETITEMS',
  0x47: 'BINFLOAT',
  0x80: 'PROTO',
  0x81: 'NEWOBJ',
  0x82: 'EXT1',
  0x83: 'EXT2',
  0x84: 'EXT4',
  0x85: 'TUPLE1',
  0x86: 'TUPLE2',
  0x87: 'TUPLE3',
  0x88: 'NEWTRUE',
  0x89: 'NEWFALSE',
  0x8a: 'LONG1',
  0x8b: 'LONG4',
  0x42: 'BINBYTES',
  0x43: 'SHORT_BINBYTES',
  0x8c: 'SHORT_BINUNICODE',
  0x8d: 'BINUNICODE8',
  0x8e: 'BINBYTES8',
  0x8f: 'EMPTY_SET',
  0x90: 'ADDITEMS',
  0x91: 'FROZENSET',
  0x92: 'NEWOBJ_EX',
  0x93: 'STACK_GLOBAL',
  0x94: 'MEMOIZE',
  0x95: 'FRAME',
  0x96: 'BYTEARRAY8',
  0x97: 'NEXT_BUFFER',
  0x98: 'READONLY_BUFFER',
};

/** Name of a pickle opcode byte, or undefined when the byte is not an opcode. */
export function opcodeName(byte: number): string | undefined {
  return OPCODE_NAMES[byte];
}

const HIGHEST_PROTOCOL = 5;

class Walker {
  stack: Sym[] = [];
  metastack: Sym[][] = [];
  /**
   * Kept across concatenated pickles, as one `Unpickler` reused for several `load()` calls
   * keeps it; a fresh unpickler would fail on a stale index before running anything.
   */
  readonly memo = new Map<number, Sym>();
  readonly globals: PickleGlobal[] = [];
  readonly persistentIds: unknown[][] = [];
  readonly values: unknown[] = [];
  readonly calls: Record<string, number> = {};
  pickles = 0;

  constructor(readonly r: Reader) {}

  underflow(op: string, at: number): never {
    throw new Fault(`${op} at offset ${at} pops from an empty stack`, at);
  }

  /** A method, not `this.stack.push`: MARK-popping arguments replace `this.stack` first. */
  push(v: Sym): void {
    this.stack.push(v);
  }

  pop(op: string, at: number): Sym {
    if (this.stack.length === 0) this.underflow(op, at);
    return this.stack.pop() as Sym;
  }

  top(op: string, at: number): Sym {
    if (this.stack.length === 0) this.underflow(op, at);
    return this.stack[this.stack.length - 1] as Sym;
  }

  popMark(op: string, at: number): Sym[] {
    const items = this.stack;
    const previous = this.metastack.pop();
    if (previous === undefined) throw new Fault(`${op} at offset ${at} has no MARK to pop to`, at);
    this.stack = previous;
    return items;
  }

  addGlobal(module: string, name: string, offset: number, opcode: string): SymGlobal {
    this.globals.push({ module, name, offset, opcode });
    return { t: 'global', module, name };
  }

  call(callable: Sym, args: Sym): SymObject {
    if (isObj(callable) && callable.t === 'global') {
      const key = `${callable.module}.${callable.name}`;
      this.calls[key] = (this.calls[key] ?? 0) + 1;
    }
    return { t: 'object', callable, args };
  }

  seq(t: SymSeq['t'], items: Sym[]): SymSeq {
    const dropped = Math.max(0, items.length - MAX_KEPT_ITEMS);
    return { t, items: dropped ? items.slice(0, MAX_KEPT_ITEMS) : items, dropped };
  }

  extend(target: Sym, items: Sym[]): void {
    if (isObj(target) && (target.t === 'list' || target.t === 'set')) {
      for (const item of items) keep(target, target.items, item);
    }
  }

  setItems(target: Sym, items: Sym[], op: string, at: number): void {
    if (items.length % 2 !== 0) throw new Fault(`${op} at offset ${at} has an odd number of items`, at);
    if (isObj(target) && target.t === 'dict') {
      for (let i = 0; i < items.length; i += 2)
        keep(target, target.entries, [items[i] as Sym, items[i + 1] as Sym]);
    }
  }

  text(bytes: Uint8Array | undefined, length: number, decode: (b: Uint8Array) => string): Sym {
    if (bytes === undefined) return { t: 'opaque', what: `<text of ${length} bytes>` };
    return decode(bytes);
  }

  /** The operand of STACK_GLOBAL or a GLOBAL name as the report spells it. */
  operand(v: Sym): string {
    if (typeof v === 'string') return v;
    if (isObj(v) && v.t === 'opaque' && v.what === 'memo miss') return 'unknown';
    return describe(v);
  }

  globalLine(op: string, at: number): string {
    const { bytes, length } = this.r.line(MAX_KEPT_TEXT, op);
    if (bytes === undefined) return `<${length}-byte name>`;
    return decodeUtf8(bytes, op, at);
  }

  /** Walks one pickle up to and including its STOP. */
  walkOne(): void {
    this.stack = [];
    this.metastack = [];
    const r = this.r;
    for (;;) {
      const at = r.pos;
      const code = r.byte('opcode');
      const op = OPCODE_NAMES[code];
      if (op === undefined) {
        throw new Fault(
          `byte 0x${code.toString(16).padStart(2, '0')} at offset ${at} is not a pickle opcode`,
          at,
        );
      }
      const handler = OPCODES[code];
      if (handler === undefined) throw new Fault(`opcode ${op} at offset ${at} is not handled`, at);
      if (handler(this, op, at, code) === STOP) return;
    }
  }
}

/**
 * What each opcode does to the walker, one small function per opcode (or per family).
 *
 * A table rather than one switch in `walkOne`: a real bundle's pickles are a few thousand
 * opcodes, which is enough for V8 to optimise a loop that runs them, and compiling one
 * function holding every opcode took its optimising compiler ~50 ms of CPU per healthcheck,
 * long after the walk was done. Called through the table, `walkOne` stays small, and only the
 * handlers a long pickle runs often get optimised, each on its own.
 */
const STOP = true;
// A handler returns STOP after the pickle's last opcode, and nothing otherwise.
type Handler = (w: Walker, op: string, at: number, code: number) => typeof STOP | void;

function intLine(w: Walker, op: string, at: number, what: string): number | bigint {
  const { bytes } = w.r.line(64, op);
  if (bytes === undefined) throw new Fault(`${what} at offset ${at} is too long`, at);
  return parseIntText(latin1.decode(bytes), op, at);
}

const HANDLERS: Record<number, Handler> = {
  // PROTO
  0x80: (w, op, at) => {
    const proto = w.r.byte(op);
    if (proto > HIGHEST_PROTOCOL) throw new Fault(`unsupported pickle protocol ${proto} at offset ${at}`, at);
  },
  // FRAME
  0x95: (w, op, at) => {
    const n = u64(w.r.fixed(8, op));
    if (n > w.r.remaining)
      throw new Fault(`FRAME at offset ${at} announces ${n} bytes, only ${w.r.remaining} remain`, at, true);
  },
  // STOP
  0x2e: (w, op, at) => {
    w.values.push(plainValue(w.pop(op, at)));
    w.pickles++;
    return STOP;
  },

  // MARK
  0x28: (w) => {
    w.metastack.push(w.stack);
    w.stack = [];
  },
  // POP: pops a MARK when the current frame is empty (pickle.py)
  0x30: (w, op, at) => {
    if (w.stack.length > 0) w.stack.pop();
    else w.popMark(op, at);
  },
  // POP_MARK
  0x31: (w, op, at) => {
    w.popMark(op, at);
  },
  // DUP
  0x32: (w, op, at) => {
    w.push(w.top(op, at));
  },

  // NONE, NEWTRUE, NEWFALSE
  0x4e: (w) => {
    w.push(null);
  },
  0x88: (w) => {
    w.push(true);
  },
  0x89: (w) => {
    w.push(false);
  },
  // INT
  0x49: (w, op, at) => {
    const { bytes } = w.r.line(MAX_INT_DIGITS + 16, op);
    if (bytes === undefined) throw new Fault(`INT at offset ${at} is too long`, at);
    const t = latin1.decode(bytes);
    w.push(t === '00' ? false : t === '01' ? true : parseIntText(t, op, at));
  },
  // LONG
  0x4c: (w, op, at) => {
    const { bytes } = w.r.line(MAX_INT_DIGITS + 16, op);
    if (bytes === undefined) throw new Fault(`LONG at offset ${at} is too long`, at);
    w.push(parseIntText(latin1.decode(bytes).replace(/L$/, ''), op, at));
  },
  // BININT, BININT1, BININT2
  0x4a: (w, op) => {
    w.push(i32(w.r.fixed(4, op)));
  },
  0x4b: (w, op) => {
    w.push(w.r.byte(op));
  },
  0x4d: (w, op) => {
    w.push(u16(w.r.fixed(2, op)));
  },
  // LONG1
  0x8a: (w, op) => {
    const n = w.r.byte(op);
    const bytes = w.r.payload(n, 255, op) as Uint8Array;
    w.push(signedLittleEndian(bytes));
  },
  // LONG4
  0x8b: (w, op, at) => {
    const n = i32(w.r.fixed(4, op));
    if (n < 0) throw new Fault(`LONG4 at offset ${at} has a negative byte count`, at);
    const bytes = w.r.payload(n, 64, op);
    w.push(bytes === undefined ? { t: 'opaque', what: `<${n}-byte integer>` } : signedLittleEndian(bytes));
  },
  // FLOAT
  0x46: (w, op, at) => {
    const { bytes } = w.r.line(1024, op);
    const t = bytes === undefined ? '' : latin1.decode(bytes).trim();
    const v = /^[+-]?(nan|inf|infinity)$/i.test(t) ? NaN : Number(t);
    if (t === '' || (Number.isNaN(v) && !/nan|inf/i.test(t))) {
      throw new Fault(`FLOAT at offset ${at} is not a number`, at);
    }
    w.push(v);
  },
  // BINFLOAT
  0x47: (w, op) => {
    const b = w.r.fixed(8, op);
    w.push(new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, false));
  },

  // STRING: a quoted, backslash-escaped line. Decoded as latin-1 so any byte string a loader
  // could accept (encoding='latin1' or 'bytes') still yields the operand.
  0x53: (w, op, at) => {
    const { bytes, length } = w.r.line(MAX_KEPT_TEXT, op);
    if (bytes !== undefined) {
      const q = bytes[0];
      if (bytes.length < 2 || (q !== 0x27 && q !== 0x22) || bytes[bytes.length - 1] !== q) {
        throw new Fault(`STRING at offset ${at} is not quoted`, at);
      }
      w.push(latin1.decode(escapeDecode(bytes.subarray(1, -1), at)));
    } else w.push({ t: 'opaque', what: `<text of ${length} bytes>` });
  },
  // BINSTRING
  0x54: (w, op, at) => {
    const n = i32(w.r.fixed(4, op));
    if (n < 0) throw new Fault(`BINSTRING at offset ${at} has a negative byte count`, at);
    w.push(w.text(w.r.payload(n, MAX_KEPT_TEXT, op), n, (b) => latin1.decode(b)));
  },
  // SHORT_BINSTRING
  0x55: (w, op) => {
    const n = w.r.byte(op);
    w.push(latin1.decode(w.r.payload(n, 255, op) as Uint8Array));
  },
  // UNICODE
  0x56: (w, op, at) => {
    const { bytes, length } = w.r.line(MAX_KEPT_TEXT, op);
    w.push(w.text(bytes, length, (b) => rawUnicodeEscape(b, at)));
  },
  // BINUNICODE, SHORT_BINUNICODE, BINUNICODE8
  0x58: binUnicode,
  0x8c: binUnicode,
  0x8d: binUnicode,
  // BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8
  0x42: binBytes,
  0x43: binBytes,
  0x8e: binBytes,
  0x96: binBytes,
  // NEXT_BUFFER: an out-of-band buffer the loader supplies; we have none.
  0x97: (w) => {
    w.push({ t: 'opaque', what: 'out-of-band buffer' });
  },
  // READONLY_BUFFER
  0x98: (w, op, at) => {
    w.top(op, at);
  },

  // EMPTY_TUPLE, TUPLE, TUPLE1-3
  0x29: (w) => {
    w.push(w.seq('tuple', []));
  },
  0x74: (w, op, at) => {
    w.push(w.seq('tuple', w.popMark(op, at)));
  },
  0x85: smallTuple,
  0x86: smallTuple,
  0x87: smallTuple,
  // EMPTY_LIST, LIST, APPEND, APPENDS
  0x5d: (w) => {
    w.push(w.seq('list', []));
  },
  0x6c: (w, op, at) => {
    w.push(w.seq('list', w.popMark(op, at)));
  },
  0x61: (w, op, at) => {
    const v = w.pop(op, at);
    w.extend(w.top(op, at), [v]);
  },
  0x65: appendMarked,
  // EMPTY_DICT, DICT, SETITEM, SETITEMS
  0x7d: (w) => {
    w.push({ t: 'dict', entries: [], dropped: 0 });
  },
  0x64: (w, op, at) => {
    const d: SymDict = { t: 'dict', entries: [], dropped: 0 };
    w.setItems(d, w.popMark(op, at), op, at);
    w.push(d);
  },
  0x73: (w, op, at) => {
    const v = w.pop(op, at);
    const k = w.pop(op, at);
    w.setItems(w.top(op, at), [k, v], op, at);
  },
  0x75: (w, op, at) => {
    const items = w.popMark(op, at);
    w.setItems(w.top(op, at), items, op, at);
  },
  // EMPTY_SET, ADDITEMS, FROZENSET
  0x8f: (w) => {
    w.push(w.seq('set', []));
  },
  0x90: appendMarked,
  0x91: (w, op, at) => {
    w.push(w.seq('frozenset', w.popMark(op, at)));
  },

  // GET, BINGET, LONG_BINGET
  0x67: memoGet,
  0x68: memoGet,
  0x6a: memoGet,
  // PUT, BINPUT, LONG_BINPUT
  0x70: memoPut,
  0x71: memoPut,
  0x72: memoPut,
  // MEMOIZE
  0x94: (w, op, at) => {
    w.memo.set(w.memo.size, w.top(op, at));
  },

  // GLOBAL
  0x63: (w, op, at) => {
    const module = w.globalLine(op, at);
    const name = w.globalLine(op, at);
    w.push(w.addGlobal(module, name, at, op));
  },
  // STACK_GLOBAL
  0x93: (w, op, at) => {
    const name = w.pop(op, at);
    const module = w.pop(op, at);
    w.push(w.addGlobal(w.operand(module), w.operand(name), at, op));
  },
  // INST
  0x69: (w, op, at) => {
    const module = w.globalLine(op, at);
    const name = w.globalLine(op, at);
    const g = w.addGlobal(module, name, at, op);
    const args = w.popMark(op, at);
    w.push(w.call(g, w.seq('tuple', args)));
  },
  // EXT1, EXT2, EXT4
  0x82: extension,
  0x83: extension,
  0x84: extension,
  // OBJ
  0x6f: (w, op, at) => {
    const args = w.popMark(op, at);
    if (args.length === 0) throw new Fault(`OBJ at offset ${at} has no class`, at);
    const cls = args.shift() as Sym;
    w.push(w.call(cls, w.seq('tuple', args)));
  },
  // REDUCE, NEWOBJ
  0x52: callWithArgs,
  0x81: callWithArgs,
  // NEWOBJ_EX
  0x92: (w, op, at) => {
    w.pop(op, at); // kwargs
    callWithArgs(w, op, at);
  },
  // BUILD
  0x62: (w, op, at) => {
    w.pop(op, at); // state
    w.top(op, at);
  },

  // PERSID
  0x50: (w, op) => {
    const { bytes, length } = w.r.line(MAX_KEPT_TEXT, op);
    const pid: Sym =
      bytes === undefined ? { t: 'opaque', what: `<${length}-byte id>` } : latin1.decode(bytes);
    w.persistentIds.push([plainValue(pid)]);
    w.push({ t: 'persistent', id: pid });
  },
  // BINPERSID
  0x51: (w, op, at) => {
    const pid = w.pop(op, at);
    const plain = plainValue(pid);
    w.persistentIds.push(Array.isArray(plain) ? plain : [plain]);
    w.push({ t: 'persistent', id: pid });
  },
};

function binUnicode(w: Walker, op: string, at: number, code: number): void {
  const r = w.r;
  const n = code === 0x8c ? r.byte(op) : code === 0x58 ? u32(r.fixed(4, op)) : u64(r.fixed(8, op));
  w.push(w.text(r.payload(n, MAX_KEPT_TEXT, op), n, (b) => decodeUtf8(b, op, at)));
}

function binBytes(w: Walker, op: string, _at: number, code: number): void {
  const r = w.r;
  const n = code === 0x43 ? r.byte(op) : code === 0x42 ? u32(r.fixed(4, op)) : u64(r.fixed(8, op));
  r.payload(n, 0, op);
  w.push({ t: 'bytes', length: n });
}

function smallTuple(w: Walker, op: string, at: number, code: number): void {
  const n = code - 0x84;
  if (w.stack.length < n) w.underflow(op, at);
  w.push(w.seq('tuple', w.stack.splice(w.stack.length - n, n)));
}

/** APPENDS and ADDITEMS. */
function appendMarked(w: Walker, op: string, at: number): void {
  const items = w.popMark(op, at);
  w.extend(w.top(op, at), items);
}

function memoGet(w: Walker, op: string, at: number, code: number): void {
  const key =
    code === 0x67 ? intLine(w, op, at, 'GET') : code === 0x68 ? w.r.byte(op) : u32(w.r.fixed(4, op));
  const v = typeof key === 'number' ? w.memo.get(key) : undefined;
  // CPython stops on a memo miss; reporting it instead lets a STACK_GLOBAL built on it be
  // named (module "unknown") rather than hidden behind an error.
  w.push(v === undefined ? { t: 'opaque', what: 'memo miss' } : v);
}

function memoPut(w: Walker, op: string, at: number, code: number): void {
  let key: number | bigint;
  if (code === 0x70) {
    key = intLine(w, op, at, 'PUT');
    if (key < 0) throw new Fault(`PUT at offset ${at} has a negative index`, at);
  } else key = code === 0x71 ? w.r.byte(op) : u32(w.r.fixed(4, op));
  const v = w.top(op, at);
  if (typeof key === 'number') w.memo.set(key, v);
}

function extension(w: Walker, op: string, at: number, code: number): void {
  const r = w.r;
  const ext = code === 0x82 ? r.byte(op) : code === 0x83 ? u16(r.fixed(2, op)) : i32(r.fixed(4, op));
  // The object comes from copyreg's extension registry, whatever the loader put there.
  w.push(w.addGlobal('copyreg.extension', String(ext), at, op));
}

/** REDUCE and NEWOBJ: a callable and its argument tuple. */
function callWithArgs(w: Walker, op: string, at: number): void {
  const args = w.pop(op, at);
  const fn = w.pop(op, at);
  w.push(w.call(fn, args));
}

const OPCODES: (Handler | undefined)[] = Array.from({ length: 256 }, (_, code) => HANDLERS[code]);

function walk(src: ByteSource, options: PickleScanOptions = {}): PickleScan {
  const reader = new Reader(src);
  const walker = new Walker(reader);
  const maxPickles = options.maxPickles ?? Infinity;
  let error: string | undefined;
  let truncated = false;
  let end = src.pos;
  try {
    if (src.pos >= src.end) {
      error = 'empty: no pickle data';
    }
    while (error === undefined && walker.pickles < maxPickles && src.pos < src.end) {
      const start = src.pos;
      try {
        walker.walkOne();
        end = src.pos;
      } catch (e) {
        if (!(e instanceof Fault)) throw e;
        end = e.at;
        truncated = e.truncated;
        if (walker.pickles === 0 || e instanceof Shrunk) error = e.message;
        else if (e.at === start) error = `unexpected bytes after pickle ${walker.pickles}: ${e.message}`;
        else error = `pickle ${walker.pickles + 1} (from offset ${start}): ${e.message}`;
      }
    }
  } catch (e) {
    // Defensive: a bug in the walker must surface as a failed scan, never as a pass.
    error = `internal scanner error at offset ${src.pos}: ${e instanceof Error ? e.message : String(e)}`;
    end = src.pos;
  }
  const result: PickleScan = {
    globals: walker.globals,
    persistentIds: walker.persistentIds,
    pickles: walker.pickles,
    end,
    values: walker.values,
    calls: walker.calls,
  };
  if (error !== undefined) result.error = error;
  if (truncated) result.truncated = true;
  return result;
}

/** Walks every pickle in `data` (concatenated pickles included) without executing anything. */
export function scanPickle(data: Uint8Array, options?: PickleScanOptions): PickleScan {
  return walk(ByteSource.memory(data), options);
}

/**
 * Same walk over `[start, end)` of an open file, through a bounded window (1 MiB unless
 * `window` says otherwise; the result does not depend on it).
 */
export function scanPickleFd(
  fd: number,
  start: number,
  end: number,
  options: PickleScanOptions & { window?: number } = {},
): PickleScan {
  return walk(ByteSource.file(fd, start, end, Math.max(64, options.window ?? 1 << 20)), options);
}
