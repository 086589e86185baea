/**
 * A deterministic `.tar.gz` writer: ustar entries in a fixed order with fixed metadata
 * (mtime from the release timestamp, uid/gid 0, empty owner names, mode 0644 for files and
 * 0755 for directories, no extended headers), compressed into one gzip member with a fixed
 * header (no name, mtime 0, OS 3). The same files and timestamp give the same bytes.
 *
 * Layout of the gzip member:
 *   [gzip header][stored deflate blocks: the first entry][deflate blocks: every other entry]
 *   [CRC-32][size]
 * The first entry (manifest.json) lists every file's sha256, which is known only once every
 * file has been read. Its length is known up front (hashes are fixed-width), so it is kept
 * uncompressed in stored blocks of known size: the rest of the stream is written after that
 * gap while the files are read and hashed once, and the gap is filled last. A few kilobytes
 * stored instead of deflated cost nothing measurable in size.
 *
 * Compression, and why it beats `tar -czf` and keeps up with pigz on the same cores:
 * - The rest of the tar stream is cut into blocks of at most 1 MiB and the blocks are
 *   deflated concurrently on libuv's threadpool (zlib's async API), the way pigz does it:
 *   each block is a raw deflate stream ended with Z_SYNC_FLUSH (the last with Z_FINISH),
 *   primed with the previous block's last 32 KiB as dictionary, and the CRC-32 is computed
 *   in order on the main thread. A file of 256 KiB or more starts and ends a block, so that
 *   a block holds one kind of data (weights, or text). Block boundaries depend only on the
 *   files' sizes, so the output is byte-identical whatever the timing or the number of cores.
 * - Model weights (float32 tensors in .pt and .onnx files) hardly compress: LZ77 finds
 *   almost no matches in them, and what gzip -6 gains there comes from the skewed byte
 *   distribution (the exponent bytes), which Huffman coding alone captures at a fraction of
 *   the cost. Each block is probed on a 32 KiB sample (four 8 KiB slices) with level 1 and
 *   with Huffman-only coding; when LZ matching saves less than 2% of the sample, the block is
 *   coded Huffman-only, otherwise at level 6 like gzip's default. On float weights that is
 *   3-4 times faster than level 6 at the same or a smaller size (Huffman-only even wins a
 *   little: it spends no bits on the rare useless matches); on text models (LightGBM,
 *   XGBoost JSON, metadata) it is gzip -6 itself. The tarball comes out within a fraction of
 *   a percent of `tar -czf`'s size, usually a little smaller.
 * The bytes are identical for the same zlib build; a Node.js release that changes its zlib
 * may change the compressed bytes (never the tar stream inside, nor any file's sha256).
 */
import { createHash, type Hash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import zlib from 'node:zlib';
import { ModelgateError } from '../errors.js';
import { crc32, crc32Combine } from './crc32.js';

export const TAR_BLOCK = 512;
/** GNU tar pads archives to 20 blocks; readers that expect whole records then never see a short one. */
const TAR_RECORD = 20 * TAR_BLOCK;
/** Largest size in ustar's 11 octal digits (8 GiB - 1). */
const USTAR_MAX_SIZE = 8 ** 11 - 1;
const DEFLATE_BLOCK = 1 << 20;
const WINDOW = 32 * 1024;
const STORED_MAX = 65535;
const SAMPLE_SLICE = 8 * 1024;
/** Files at least this large get blocks of their own, so that each block is one kind of data. */
const OWN_BLOCKS = 256 * 1024;
/** LZ matching must save at least this share of the Huffman-only size to be worth level 6. */
const LZ_WORTH = 0.98;
const FILE_MODE = 0o644;
const DIR_MODE = 0o755;

export interface TarFileEntry {
  /** Path inside the archive, `/`-separated, already checked to be portable. */
  path: string;
  absolute: string;
  size: number;
}

export interface WriteTarballOptions {
  /** Where to write (a temporary name: the caller renames it once complete). */
  file: string;
  /** Modification time of every entry, seconds since the epoch. */
  mtime: number;
  /** The first entry; its bytes are produced by `firstContent` after every file was hashed. */
  first: { path: string; size: number };
  /** Must return exactly `first.size` bytes. */
  firstContent: (sha256: ReadonlyMap<string, string>) => Buffer;
  /** Regular files, in the order they are archived (sorted by the caller). */
  files: readonly TarFileEntry[];
  /** Called before each file is read. */
  onFile?: (file: TarFileEntry) => void | Promise<void>;
  /** Blocks deflated at once; default cores + 1, at most the threadpool size - 1 (the bytes do not depend on it). */
  concurrency?: number;
}

export interface TarballResult {
  /** sha256 of the .tar.gz file. */
  sha256: string;
  /** Size of the .tar.gz file. */
  size: number;
  /** sha256 of every file, by archive path, from the bytes that went into the archive. */
  files: Map<string, string>;
  /** Length of the uncompressed tar stream. */
  tarSize: number;
}

function padTo(n: number, unit: number): number {
  return Math.ceil(n / unit) * unit;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** Splits a long path into ustar's prefix (155) and name (100) at a `/`. */
function splitName(name: string): { prefix: string; name: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', name };
  for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest.length > 0)
      return { prefix, name: rest };
  }
  throw new ModelgateError(
    `${name}: path too long for a portable tar archive (at most 100 characters per name, 255 in all); shorten it in the bundle`,
    'input',
    { file: name },
  );
}

/** One ustar header: fixed owner, modes and no extended fields, so the bytes depend only on name, size and mtime. */
export function ustarHeader(path: string, size: number, mtime: number, type: 'file' | 'directory'): Buffer {
  if (size > USTAR_MAX_SIZE)
    throw new ModelgateError(
      `${path}: ${size} bytes is more than a ustar archive holds (8 GiB); split the file`,
      'input',
      {
        file: path,
      },
    );
  const header = Buffer.alloc(TAR_BLOCK);
  const { prefix, name } = splitName(type === 'directory' ? `${path}/` : path);
  header.write(name, 0, 100, 'utf8');
  header.write(octal(type === 'directory' ? DIR_MODE : FILE_MODE, 8), 100, 8, 'ascii');
  header.write(octal(0, 8), 108, 8, 'ascii');
  header.write(octal(0, 8), 116, 8, 'ascii');
  header.write(octal(size, 12), 124, 12, 'ascii');
  header.write(octal(mtime, 12), 136, 12, 'ascii');
  header.write('        ', 148, 8, 'ascii');
  header.write(type === 'directory' ? '5' : '0', 156, 1, 'ascii');
  header.write('ustar\0', 257, 6, 'ascii');
  header.write('00', 263, 2, 'ascii');
  header.write(octal(0, 8), 329, 8, 'ascii');
  header.write(octal(0, 8), 337, 8, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return header;
}

type PlannedEntry = { type: 'directory'; path: string } | { type: 'file'; file: TarFileEntry };

/** Files in the given order, each preceded by the directories it needs that were not yet listed. */
function planEntries(files: readonly TarFileEntry[]): PlannedEntry[] {
  const entries: PlannedEntry[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!seen.has(dir)) {
        seen.add(dir);
        entries.push({ type: 'directory', path: dir });
      }
    }
    entries.push({ type: 'file', file });
  }
  return entries;
}

function deflateRaw(data: Buffer, options: zlib.ZlibOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zlib.deflateRaw(data, options, (error, out) => (error ? reject(error) : resolve(out)));
  });
}

function sampleOf(data: Buffer): Buffer {
  if (data.length <= 4 * SAMPLE_SLICE) return data;
  const slices: Buffer[] = [];
  for (let k = 0; k < 4; k++) {
    const start = Math.floor((k * (data.length - SAMPLE_SLICE)) / 3);
    slices.push(data.subarray(start, start + SAMPLE_SLICE));
  }
  return Buffer.concat(slices);
}

/** Whether LZ77 matching pays on this data (text) or only Huffman coding does (float weights). */
export async function worthMatching(data: Buffer): Promise<boolean> {
  const sample = sampleOf(data);
  const fast = await deflateRaw(sample, { level: 1 });
  const huffman = await deflateRaw(sample, { level: 6, strategy: zlib.constants.Z_HUFFMAN_ONLY });
  return fast.length < huffman.length * LZ_WORTH;
}

async function compressBlock(data: Buffer, dictionary: Buffer | undefined, last: boolean): Promise<Buffer> {
  const finishFlush = last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
  if (await worthMatching(data))
    return deflateRaw(data, { level: 6, finishFlush, ...(dictionary ? { dictionary } : {}) });
  return deflateRaw(data, { level: 6, strategy: zlib.constants.Z_HUFFMAN_ONLY, finishFlush });
}

/**
 * Receives the tar stream in order, cuts it into fixed blocks and deflates them on the
 * threadpool, writing the compressed blocks in order from `position`.
 */
class ParallelDeflate {
  private block: Buffer;
  private fill = 0;
  private dispatched = 0;
  private previous: Buffer | undefined;
  private readonly pending: Promise<Buffer>[] = [];
  private crc = 0;

  constructor(
    private readonly out: FileHandle,
    private position: number,
    private readonly total: number,
    private readonly limit: number,
  ) {
    this.block = Buffer.allocUnsafe(Math.min(DEFLATE_BLOCK, total));
  }

  /** Bytes of tar stream received so far. */
  get length(): number {
    return this.dispatched + this.fill;
  }

  /** Free bytes in the current block; the stream must never outgrow its planned length. */
  private room(): number {
    if (this.block.length === 0) throw new Error(`tar stream longer than the planned ${this.total} bytes`);
    return this.block.length - this.fill;
  }

  async put(data: Buffer): Promise<void> {
    let offset = 0;
    while (offset < data.length) {
      const n = Math.min(this.room(), data.length - offset);
      data.copy(this.block, this.fill, offset, offset + n);
      this.fill += n;
      offset += n;
      if (this.fill === this.block.length) await this.dispatch();
    }
  }

  async zeros(count: number): Promise<void> {
    while (count > 0) {
      const n = Math.min(this.room(), count);
      this.block.fill(0, this.fill, this.fill + n);
      this.fill += n;
      count -= n;
      if (this.fill === this.block.length) await this.dispatch();
    }
  }

  /** Reads exactly `size` bytes of `source` straight into the blocks, hashing them on the way. */
  async read(source: FileHandle, size: number, hash: Hash, entry: TarFileEntry): Promise<void> {
    let at = 0;
    while (at < size) {
      const want = Math.min(this.room(), size - at);
      const { bytesRead } = await source.read(this.block, this.fill, want, at);
      if (bytesRead === 0) throw changed(entry, `it ended after ${at} of ${size} bytes`);
      hash.update(this.block.subarray(this.fill, this.fill + bytesRead));
      this.fill += bytesRead;
      at += bytesRead;
      if (this.fill === this.block.length) await this.dispatch();
    }
    const probe = Buffer.alloc(1);
    const { bytesRead } = await source.read(probe, 0, 1, size);
    if (bytesRead !== 0) throw changed(entry, `it grew past the ${size} bytes it had when listed`);
  }

  /** Ends the current block early (at a file boundary), so that a block holds one kind of data. */
  async cut(): Promise<void> {
    if (this.fill === 0) return;
    this.block = this.block.subarray(0, this.fill);
    await this.dispatch();
  }

  private async dispatch(): Promise<void> {
    const data = this.block;
    this.crc = crc32(data, this.crc);
    this.dispatched += data.length;
    const last = this.dispatched === this.total;
    const job = compressBlock(data, this.previous, last);
    // Marked handled now; the rejection is still raised where the job is awaited, in order.
    job.catch(() => undefined);
    this.pending.push(job);
    this.previous = data.length >= WINDOW ? data.subarray(data.length - WINDOW) : data;
    this.block = Buffer.allocUnsafe(Math.min(DEFLATE_BLOCK, this.total - this.dispatched));
    this.fill = 0;
    while (this.pending.length >= this.limit) await this.writeOne();
  }

  private async writeOne(): Promise<void> {
    const out = await this.pending.shift()!;
    await writeAll(this.out, out, this.position);
    this.position += out.length;
  }

  /** Waits for every block; returns the CRC-32 of the stream and the offset after the last block. */
  async finish(): Promise<{ crc: number; end: number }> {
    if (this.dispatched !== this.total || this.fill !== 0)
      throw new Error(
        `tar stream length ${this.dispatched + this.fill} differs from the planned ${this.total}`,
      );
    while (this.pending.length > 0) await this.writeOne();
    return { crc: this.crc, end: this.position };
  }
}

function changed(entry: TarFileEntry, how: string): ModelgateError {
  return new ModelgateError(
    `${entry.path}: changed while it was being packaged (${how}); package again once nothing is writing to the bundle`,
    'input',
    { file: entry.absolute },
  );
}

async function writeAll(handle: FileHandle, data: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}

/** Raw deflate stored blocks (not final) holding `data`, as many as its length needs. */
function storedBlocks(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < data.length; at += STORED_MAX) {
    const chunk = data.subarray(at, at + STORED_MAX);
    const head = Buffer.alloc(5);
    head[0] = 0; // BFINAL 0, BTYPE 00 (stored), padded to the byte
    head.writeUInt16LE(chunk.length, 1);
    head.writeUInt16LE(~chunk.length & 0xffff, 3);
    parts.push(head, chunk);
  }
  return Buffer.concat(parts);
}

function storedLength(length: number): number {
  return length + 5 * Math.ceil(length / STORED_MAX);
}

/** gzip member header: deflate, no flags, mtime 0, no extra flags, OS 3 (Unix) everywhere. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]);

async function openForArchive(entry: TarFileEntry): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    // O_NOFOLLOW: a file replaced by a link after the listing is refused, not followed.
    handle = await open(entry.absolute, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw changed(entry, 'it was removed');
    if (code === 'ELOOP') throw changed(entry, 'it became a symbolic link');
    throw new ModelgateError(`${entry.path}: cannot read (${code ?? (error as Error).message})`, 'input', {
      file: entry.absolute,
    });
  }
  const st = await handle.stat();
  if (!st.isFile()) {
    await handle.close();
    throw changed(entry, 'it is no longer a regular file');
  }
  if (st.size !== entry.size) {
    await handle.close();
    throw changed(entry, `its size went from ${entry.size} to ${st.size} bytes`);
  }
  return handle;
}

async function sha256Of(handle: FileHandle, length: number): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(Math.min(length, 4 << 20) || 1);
  for (let at = 0; at < length;) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, length - at), at);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    at += bytesRead;
  }
  return hash.digest('hex');
}

/**
 * One block more than the cores keeps them busy while the main thread reads and hashes, but
 * one threadpool thread stays free so that file reads never queue behind compression.
 */
function defaultConcurrency(): number {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.min(cores + 1, pool - 1);
}

/**
 * Writes the archive to `options.file`. On error the file is left as it is (the caller owns
 * the temporary name and removes it).
 */
export async function writeTarball(options: WriteTarballOptions): Promise<TarballResult> {
  const { mtime, first, files } = options;
  const entries = planEntries(files);
  const firstHeader = ustarHeader(first.path, first.size, mtime, 'file');
  const firstLength = TAR_BLOCK + padTo(first.size, TAR_BLOCK);
  let restLength = 2 * TAR_BLOCK;
  for (const entry of entries)
    restLength += TAR_BLOCK + (entry.type === 'file' ? padTo(entry.file.size, TAR_BLOCK) : 0);
  const tarSize = padTo(firstLength + restLength, TAR_RECORD);
  restLength = tarSize - firstLength;
  const bodyOffset = GZIP_HEADER.length + storedLength(firstLength);
  const limit = Math.max(2, options.concurrency ?? defaultConcurrency());

  const out = await open(options.file, 'w+', 0o644);
  try {
    const body = new ParallelDeflate(out, bodyOffset, restLength, limit);
    const hashes = new Map<string, string>();
    for (const entry of entries) {
      if (entry.type === 'directory') {
        await body.put(ustarHeader(entry.path, 0, mtime, 'directory'));
        continue;
      }
      const file = entry.file;
      await options.onFile?.(file);
      const source = await openForArchive(file);
      const alone = file.size >= OWN_BLOCKS;
      try {
        const hash = createHash('sha256');
        if (alone) await body.cut();
        await body.put(ustarHeader(file.path, file.size, mtime, 'file'));
        await body.read(source, file.size, hash, file);
        await body.zeros(padTo(file.size, TAR_BLOCK) - file.size);
        if (alone) await body.cut();
        hashes.set(file.path, hash.digest('hex'));
      } finally {
        await source.close();
      }
    }
    // End-of-archive (two zero blocks) and the padding to a whole record.
    await body.zeros(restLength - body.length);
    const { crc: restCrc, end } = await body.finish();

    const content = options.firstContent(hashes);
    if (content.length !== first.size)
      throw new Error(`${first.path} is ${content.length} bytes, ${first.size} were reserved for it`);
    const firstTar = Buffer.concat([
      firstHeader,
      content,
      Buffer.alloc(firstLength - TAR_BLOCK - content.length),
    ]);
    const crc = crc32Combine(crc32(firstTar), restCrc, restLength);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc, 0);
    trailer.writeUInt32LE(tarSize % 2 ** 32, 4);
    await writeAll(out, trailer, end);
    await writeAll(out, Buffer.concat([GZIP_HEADER, storedBlocks(firstTar)]), 0);
    const size = end + trailer.length;
    return { sha256: await sha256Of(out, size), size, files: hashes, tarSize };
  } finally {
    await out.close();
  }
}
