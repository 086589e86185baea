/**
 * A small zip reader over a file handle, for PyTorch checkpoints and zips that may hold
 * pickles. It trusts only the central directory: torch writes local headers with zero
 * sizes and a data descriptor (flag 0x0808), and the central directory is what torch's own
 * reader uses. Entries are read one at a time with a size cap; nothing else is loaded.
 */
import { open, type FileHandle } from 'node:fs/promises';
import zlib from 'node:zlib';
import { ModelgateError } from '../errors.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; others are refused on read. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024;
const MAX_ENTRIES = 1_000_000;

/** Whether `head` starts like a zip archive (a local file header, or an empty archive). */
export function hasZipMagic(head: Uint8Array): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))
  );
}

let crcTable: Uint32Array | undefined;
function crc32(data: Uint8Array): number {
  // zlib.crc32 exists from Node 20.15; keep a table fallback for older 20.x.
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  if (typeof native === 'function') return native(data) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of data) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return Number.POSITIVE_INFINITY;
  return Number(v);
}

export class ZipReader {
  private constructor(
    private readonly handle: FileHandle,
    /** The name used in error messages. */
    readonly displayName: string,
    readonly fileSize: number,
    readonly entries: ZipEntry[],
  ) {}

  /** The numeric descriptor, for synchronous windowed reads of stored entries. */
  get fd(): number {
    return this.handle.fd;
  }

  private static fail(displayName: string, message: string): ModelgateError {
    return new ModelgateError(`${displayName}: ${message}`, 'check', { file: displayName });
  }

  private fail(message: string): ModelgateError {
    return ZipReader.fail(this.displayName, message);
  }

  /** Opens `file` and reads its central directory. Close the reader when done. */
  static async open(file: string, displayName = file): Promise<ZipReader> {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const entries = await ZipReader.readDirectory(handle, size, displayName);
      return new ZipReader(handle, displayName, size, entries);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  private static async readAt(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
    const buf = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await handle.read(buf, got, length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  }

  private static async readDirectory(
    handle: FileHandle,
    size: number,
    displayName: string,
  ): Promise<ZipEntry[]> {
    const fail = (m: string): ModelgateError => ZipReader.fail(displayName, m);
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await ZipReader.readAt(handle, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0)
      throw fail(
        'not a readable zip archive (no end-of-central-directory record); the file is truncated or not a zip',
      );
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const locatorAt = size - tailLength + eocd - 20;
      const locator = locatorAt >= 0 ? await ZipReader.readAt(handle, locatorAt, 20) : Buffer.alloc(0);
      if (locator.length === 20 && locator.readUInt32LE(0) === ZIP64_LOCATOR_SIG) {
        const recordAt = u64(locator, 8);
        const record = recordAt + 56 <= size ? await ZipReader.readAt(handle, recordAt, 56) : Buffer.alloc(0);
        if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIG)
          throw fail('broken ZIP64 end-of-central-directory record');
        count = u64(record, 32);
        cdSize = u64(record, 40);
        cdOffset = u64(record, 48);
      }
    }
    if (count > MAX_ENTRIES)
      throw fail(`zip lists ${count} entries; more than ${MAX_ENTRIES} is not a model archive`);
    if (cdSize > MAX_CENTRAL_DIRECTORY)
      throw fail(`zip central directory of ${cdSize} bytes is larger than ${MAX_CENTRAL_DIRECTORY}`);
    if (cdOffset + cdSize > size)
      throw fail('zip central directory lies past the end of the file (truncated?)');
    const cd = await ZipReader.readAt(handle, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL_SIG)
        throw fail(`zip central directory entry ${n + 1} is damaged`);
      const flags = cd.readUInt16LE(at + 8);
      const method = cd.readUInt16LE(at + 10);
      const crc = cd.readUInt32LE(at + 16);
      let compressedSize = cd.readUInt32LE(at + 20);
      let usize = cd.readUInt32LE(at + 24);
      const nameLen = cd.readUInt16LE(at + 28);
      const extraLen = cd.readUInt16LE(at + 30);
      const commentLen = cd.readUInt16LE(at + 32);
      let localHeaderOffset = cd.readUInt32LE(at + 42);
      const end = at + 46 + nameLen + extraLen + commentLen;
      if (end > cd.length) throw fail(`zip central directory entry ${n + 1} is damaged`);
      const rawName = cd.subarray(at + 46, at + 46 + nameLen);
      const name = flags & 0x800 ? rawName.toString('utf8') : rawName.toString('latin1');
      const extra = cd.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen);
      for (let e = 0; e + 4 <= extra.length;) {
        const id = extra.readUInt16LE(e);
        const len = extra.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let p = e + 4;
          const take = (): number => {
            if (p + 8 > e + 4 + len || p + 8 > extra.length)
              throw fail(`zip entry ${name} has a short ZIP64 extra field`);
            const v = u64(extra, p);
            p += 8;
            return v;
          };
          if (usize === 0xffffffff) usize = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
        }
        e += 4 + len;
      }
      entries.push({ name, method, flags, crc32: crc, compressedSize, size: usize, localHeaderOffset });
      at = end;
    }
    return entries;
  }

  find(name: string): ZipEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  /** Absolute `[start, end)` of an entry's (possibly compressed) data in the file. */
  async dataRange(entry: ZipEntry): Promise<{ start: number; end: number }> {
    const header = await ZipReader.readAt(this.handle, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIG)
      throw this.fail(`zip entry ${entry.name} has no local header where the directory says`);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const end = start + entry.compressedSize;
    if (end > this.fileSize)
      throw this.fail(`zip entry ${entry.name} runs past the end of the file (truncated?)`);
    return { start, end };
  }

  private checkReadable(entry: ZipEntry): void {
    if (entry.flags & 1) throw this.fail(`zip entry ${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8)
      throw this.fail(
        `zip entry ${entry.name} uses compression method ${entry.method}; only stored and deflate are read`,
      );
  }

  /** The whole uncompressed entry, refused past `maxBytes`; the CRC is checked. */
  async read(entry: ZipEntry, maxBytes: number): Promise<Buffer> {
    this.checkReadable(entry);
    if (entry.size > maxBytes)
      throw this.fail(
        `zip entry ${entry.name} is ${entry.size} bytes, more than the ${maxBytes} this reader accepts`,
      );
    const { start, end } = await this.dataRange(entry);
    const raw = await ZipReader.readAt(this.handle, start, end - start);
    let data: Buffer;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size)
        throw this.fail(`zip entry ${entry.name} is stored but its sizes differ`);
      data = raw;
    } else {
      try {
        data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
      } catch (e) {
        throw this.fail(
          `zip entry ${entry.name} does not inflate to its ${entry.size} bytes: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }
    if (data.length !== entry.size)
      throw this.fail(`zip entry ${entry.name} holds ${data.length} bytes, the directory says ${entry.size}`);
    if (crc32(data) !== entry.crc32)
      throw this.fail(`zip entry ${entry.name} fails its CRC-32 check (corrupted)`);
    return data;
  }

  /** Up to `n` leading bytes of the uncompressed entry (for sniffing its format); no CRC check. */
  async readPrefix(entry: ZipEntry, n: number): Promise<Buffer> {
    this.checkReadable(entry);
    const { start, end } = await this.dataRange(entry);
    if (entry.method === 0) return ZipReader.readAt(this.handle, start, Math.min(n, end - start));
    const raw = await ZipReader.readAt(this.handle, start, Math.min(end - start, 16 * 1024));
    try {
      const out = zlib.inflateRawSync(raw, {
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
        maxOutputLength: 32 * 1024 * 1024,
      });
      return out.subarray(0, n);
    } catch {
      return Buffer.alloc(0);
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
