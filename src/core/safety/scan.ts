/**
 * Finds every pickle in a file, by content rather than by name, and walks it statically:
 * plain pickles (any protocol, concatenated ones included), PyTorch checkpoints in both
 * formats, zips holding pickles, and `.npy` arrays of Python objects.
 *
 * Memory stays bounded: a zip's central directory and its pickle members are read, never
 * its tensor storages; the legacy torch format is walked for its five leading pickles and
 * the raw storages after them are left alone; pickles are read through a window.
 */
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { hasZipMagic, ZipReader, type ZipEntry } from '../bundle/zip.js';
import { ModelgateError } from '../errors.js';
import { isAllowedGlobal } from './allowlist.js';
import { opcodeName, scanPickle, scanPickleFd, type PickleGlobal, type PickleScan } from './pickle.js';

export type SafetyFormat = 'pickle' | 'torch-zip' | 'torch-legacy' | 'zip' | 'npy' | 'not-pickle';

export interface PickleFinding {
  /** The zip member holding the pickle; absent for the file itself. */
  member?: string;
  globals: PickleGlobal[];
  unsafe: PickleGlobal[];
  error?: string;
}

export interface FileSafety {
  file: string;
  format: SafetyFormat;
  pickles: PickleFinding[];
  unsafe: { member?: string; module: string; name: string }[];
  /** Zip members that are not pickles (storages, version records, other files). */
  skipped: string[];
  /** The container itself could not be read (a damaged zip or .npy header). */
  error?: string;
}

/** The value of the first pickle in torch's legacy format. */
const LEGACY_TORCH_MAGIC = 0x1950a86a20f9469cfc6cn;
const NPY_MAGIC = Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);
/** Extensions under which a byte stream is meant to be unpickled. */
const PICKLE_EXTENSIONS = new Set([
  '.pkl',
  '.pickle',
  '.pk',
  '.p',
  '.pt',
  '.pth',
  '.bin',
  '.ckpt',
  '.joblib',
  '.dat',
]);
const PICKLE_MEMBER = /\.(pkl|pickle)$/i;
/** A deflated pickle member is inflated in memory; past this it is refused, not skipped. */
const MAX_INFLATED_MEMBER = 256 * 1024 * 1024;
const MAX_NPY_HEADER = 1024 * 1024;
/** Members without a pickle header are walked on a hunch only up to this size. */
const MAX_SNIFFED_MEMBER = 64 * 1024 * 1024;
const PLAUSIBLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function picklishName(name: string): boolean {
  return PICKLE_EXTENSIONS.has(path.extname(name).toLowerCase());
}

const COMPRESSION_MAGIC: [string, number[]][] = [
  ['gzip', [0x1f, 0x8b]],
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['lz4', [0x04, 0x22, 0x4d, 0x18]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ['zlib', [0x78, 0x01]],
  ['zlib', [0x78, 0x5e]],
  ['zlib', [0x78, 0x9c]],
  ['zlib', [0x78, 0xda]],
];

function compressionOf(head: Uint8Array): string | undefined {
  return COMPRESSION_MAGIC.find(([, magic]) => startsWith(head, Uint8Array.from(magic)))?.[0];
}

function startsWith(data: Uint8Array, prefix: Uint8Array): boolean {
  if (data.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (data[i] !== prefix[i]) return false;
  return true;
}

/** `\x80` followed by a protocol number: how every protocol 2+ pickle begins. */
function hasProtoHeader(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x80 && (head[1] as number) <= 5;
}

function finding(scan: PickleScan, member?: string, shift = 0): PickleFinding {
  const globals = shift ? scan.globals.map((g) => ({ ...g, offset: g.offset - shift })) : scan.globals;
  const f: PickleFinding = { globals, unsafe: globals.filter((g) => !isAllowedGlobal(g.module, g.name)) };
  if (member !== undefined) f.member = member;
  if (scan.error !== undefined) f.error = scan.error;
  return f;
}

function summarise(
  file: string,
  format: SafetyFormat,
  pickles: PickleFinding[],
  skipped: string[] = [],
  error?: string,
): FileSafety {
  const unsafe: FileSafety['unsafe'] = [];
  for (const p of pickles) {
    for (const g of p.unsafe)
      unsafe.push(
        p.member === undefined
          ? { module: g.module, name: g.name }
          : { member: p.member, module: g.module, name: g.name },
      );
  }
  const result: FileSafety = { file, format, pickles, unsafe, skipped };
  if (error !== undefined) result.error = error;
  return result;
}

/** A file passes when no pickle in it imports anything off the allow-list and every walk finished. */
export function isFileSafe(s: FileSafety): boolean {
  return s.error === undefined && s.unsafe.length === 0 && s.pickles.every((p) => p.error === undefined);
}

/** One line per problem, naming the file, the member and the global. */
export function safetyProblems(s: FileSafety): string[] {
  const where = (member?: string): string => (member ? `${s.file} (${member})` : s.file);
  const out: string[] = [];
  if (s.error) out.push(`${s.file}: ${s.error}`);
  for (const p of s.pickles) {
    for (const g of p.unsafe) {
      out.push(
        `${where(p.member)}: imports ${g.module}.${g.name} (${g.opcode} at byte ${g.offset}), which is not on the allow-list of data types; unpickling it could run code`,
      );
    }
    if (p.error)
      out.push(
        `${where(p.member)}: the pickle could not be walked to its end (${p.error}); re-save it with pickle.dump / torch.save`,
      );
  }
  return out;
}

async function readHead(handle: FileHandle, n: number): Promise<Buffer> {
  const buf = Buffer.alloc(n);
  const { bytesRead } = await handle.read(buf, 0, n, 0);
  return buf.subarray(0, bytesRead);
}

/** An `.npy` header: where the data starts and whether numpy unpickles it (object dtype). */
function parseNpyHeader(head: Uint8Array): { dataStart: number; objects: boolean } | string {
  if (head.length < 10) return '.npy header is truncated';
  const major = head[6] as number;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const [lenAt, len] =
    major === 1 ? [10, view.getUint16(8, true)] : head.length >= 12 ? [12, view.getUint32(8, true)] : [0, -1];
  if (major < 1 || major > 3 || len < 0) return `.npy format version ${major} is not known`;
  if (lenAt + len > head.length)
    return `.npy header of ${len} bytes is truncated or larger than ${MAX_NPY_HEADER}`;
  const header = Buffer.from(head.subarray(lenAt, lenAt + len)).toString('latin1');
  // numpy unpickles the data when the dtype has objects; its descr then holds an `O` type code.
  const objects = /['"][|<>=]?O\d*['"]/.test(header);
  return { dataStart: lenAt + len, objects };
}

async function scanNpy(
  handle: FileHandle,
  size: number,
  displayName: string,
  member?: string,
): Promise<FileSafety> {
  const head = await readHead(handle, Math.min(size, MAX_NPY_HEADER));
  const npy = parseNpyHeader(head);
  if (typeof npy === 'string') return summarise(displayName, 'npy', [], [], npy);
  if (!npy.objects) return summarise(displayName, 'npy', []);
  const scan = scanPickleFd(handle.fd, npy.dataStart, size);
  return summarise(displayName, 'npy', [finding(scan, member, 0)]);
}

/** An error's message without the `file: ` prefix the zip reader puts on it. */
function reason(e: unknown, displayName: string): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.startsWith(`${displayName}: `) ? message.slice(displayName.length + 2) : message;
}

async function scanZip(file: string, displayName: string): Promise<FileSafety> {
  let zip: ZipReader;
  try {
    zip = await ZipReader.open(file, displayName);
  } catch (e) {
    return summarise(displayName, 'zip', [], [], reason(e, displayName));
  }
  try {
    const files = zip.entries.filter((e) => !e.name.endsWith('/'));
    const prefixes = new Set(files.map((e) => e.name.split('/')[0]));
    const prefix =
      prefixes.size === 1 && files.every((e) => e.name.includes('/')) ? `${[...prefixes][0]}/` : undefined;
    const torch = prefix !== undefined && zip.find(`${prefix}data.pkl`) !== undefined;
    const pickles: PickleFinding[] = [];
    const skipped: string[] = [];
    for (const entry of files) {
      try {
        const kind = await classifyMember(zip, entry, torch ? prefix : undefined);
        if (kind === 'skip') skipped.push(entry.name);
        else if (kind === 'npy') {
          const npy = await scanNpyMember(zip, entry);
          if (npy) pickles.push(npy);
          else skipped.push(entry.name);
        } else if (kind === 'maybe') {
          const found = await scanMember(zip, entry);
          if (found.scan && looksLikeProtocol0(found.scan, entry.name)) pickles.push(found.finding);
          else skipped.push(entry.name);
        } else pickles.push((await scanMember(zip, entry)).finding);
      } catch (e) {
        pickles.push({ member: entry.name, globals: [], unsafe: [], error: reason(e, displayName) });
      }
    }
    return summarise(displayName, torch ? 'torch-zip' : 'zip', pickles, skipped);
  } finally {
    await zip.close();
  }
}

async function classifyMember(
  zip: ZipReader,
  entry: ZipEntry,
  torchPrefix: string | undefined,
): Promise<'pickle' | 'npy' | 'maybe' | 'skip'> {
  if (torchPrefix !== undefined) {
    const rel = entry.name.slice(torchPrefix.length);
    if (rel === 'data.pkl') return 'pickle';
    // Raw tensor bytes and torch's own records: torch never unpickles them, and random
    // float bytes can look like a pickle header.
    if (rel.startsWith('data/') || rel.startsWith('.data/') || rel === 'version' || rel === 'byteorder')
      return 'skip';
  }
  if (PICKLE_MEMBER.test(entry.name)) return 'pickle';
  // Encrypted or exotic members cannot be sniffed; a loader could not read them either.
  if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) return 'skip';
  const head = await zip.readPrefix(entry, 8);
  if (startsWith(head, NPY_MAGIC)) return 'npy';
  if (hasProtoHeader(head)) return 'pickle';
  // Protocol 0/1 have no header: walk members that start with an opcode and decide after.
  return head.length > 0 && opcodeName(head[0] as number) !== undefined && entry.size <= MAX_SNIFFED_MEMBER
    ? 'maybe'
    : 'skip';
}

async function scanMember(
  zip: ZipReader,
  entry: ZipEntry,
): Promise<{ finding: PickleFinding; scan: PickleScan }> {
  if (entry.method === 0 && !(entry.flags & 1)) {
    const { start, end } = await zip.dataRange(entry);
    if (entry.compressedSize !== entry.size)
      throw new Error(`stored member ${entry.name} has differing sizes`);
    const scan = scanPickleFd(zip.fd, start, end);
    return { finding: finding(scan, entry.name, start), scan };
  }
  const scan = scanPickle(await zip.read(entry, MAX_INFLATED_MEMBER));
  return { finding: finding(scan, entry.name), scan };
}

async function scanNpyMember(zip: ZipReader, entry: ZipEntry): Promise<PickleFinding | undefined> {
  const head = await zip.readPrefix(entry, MAX_NPY_HEADER);
  const npy = parseNpyHeader(head);
  if (typeof npy === 'string') return { member: entry.name, globals: [], unsafe: [], error: npy };
  if (!npy.objects) return undefined;
  const data = await zip.read(entry, MAX_INFLATED_MEMBER);
  return finding(scanPickle(data.subarray(npy.dataStart)), entry.name);
}

/**
 * Scans one file. `displayName` (the bundle-relative path) is what results and messages
 * name. Never executes anything from the file.
 */
export async function scanFileForPickles(file: string, displayName: string): Promise<FileSafety> {
  const handle = await open(file, 'r').catch((e: unknown) => {
    throw new ModelgateError(
      `${displayName}: cannot be read for the safety scan (${(e as Error).message})`,
      'check',
      {
        file: displayName,
      },
    );
  });
  try {
    const { size } = await handle.stat();
    if (size === 0) return summarise(displayName, 'not-pickle', []);
    const head = await readHead(handle, Math.min(size, 64));
    if (hasZipMagic(head)) return await scanZip(file, displayName);
    if (startsWith(head, NPY_MAGIC)) return await scanNpy(handle, size, displayName);
    const scan = scanPickleFd(handle.fd, 0, size);
    if (scan.values[0] === LEGACY_TORCH_MAGIC) {
      // torch's legacy format (any pickle protocol): magic, protocol, sys info, the object,
      // storage keys; then raw storages, which torch never unpickles.
      return summarise(displayName, 'torch-legacy', [
        finding(scanPickleFd(handle.fd, 0, size, { maxPickles: 5 })),
      ]);
    }
    if (hasProtoHeader(head) || looksLikeProtocol0(scan, displayName))
      return summarise(displayName, 'pickle', [finding(scan)]);
    const compression = picklishName(displayName) ? compressionOf(head) : undefined;
    if (compression) {
      // joblib and friends compress pickles; what is inside cannot be checked from here.
      return summarise(
        displayName,
        'not-pickle',
        [],
        [],
        `is ${compression}-compressed, so the pickle inside cannot be checked; save it uncompressed (pickle.dump, or joblib.dump with compress=0)`,
      );
    }
    return summarise(displayName, 'not-pickle', []);
  } finally {
    await handle.close();
  }
}

/**
 * Protocol 0 and 1 pickles have no header. A file counts as one when a pickle was read to
 * its STOP, or when it imported something before failing (a truncated or junk-tailed
 * malicious pickle). Under a name that is not a pickle's, the import must also look like a
 * Python name, so a text file starting with `c` is not taken for a GLOBAL opcode. A file
 * that fails before importing anything cannot run code: CPython stops at the same byte.
 */
function looksLikeProtocol0(scan: PickleScan, displayName: string): boolean {
  if (picklishName(displayName)) return scan.pickles > 0 || scan.globals.length > 0;
  if (scan.pickles > 0 && scan.error === undefined) return true;
  return scan.globals.some((g) => PLAUSIBLE_NAME.test(g.module) && PLAUSIBLE_NAME.test(g.name));
}
