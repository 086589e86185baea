/**
 * Walking a bundle directory, hashing its files, and showing their sizes the same way in
 * every report. Files are streamed, never read whole into memory: a seed-sized bundle is
 * tens of MB, and real ones grow.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ModelgateError } from '../errors.js';

export interface BundleFile {
  /** Path relative to the bundle root, with `/` separators. */
  path: string;
  absolute: string;
  size: number;
  mode: number;
}

export interface BundleListing {
  files: BundleFile[];
  /** Entries that are neither regular files nor directories (links, sockets, devices). */
  special: { path: string; type: string }[];
}

/** Lists regular files under `root`, sorted by path; links and devices are reported, not followed. */
export async function listBundle(root: string): Promise<BundleListing> {
  const files: BundleFile[] = [];
  const special: { path: string; type: string }[] = [];
  async function walk(dir: string, rel: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(abs, relPath);
      else if (entry.isFile()) {
        const st = await lstat(abs);
        files.push({ path: relPath, absolute: abs, size: st.size, mode: st.mode & 0o7777 });
      } else special.push({ path: relPath, type: entry.isSymbolicLink() ? 'symbolic link' : 'special file' });
    }
  }
  let st;
  try {
    st = await lstat(root);
  } catch {
    throw new ModelgateError(
      `${root}: bundle not found; pass the directory the training job wrote (or its .tar.gz, to the healthcheck)`,
      'input',
      { file: root },
    );
  }
  if (!st.isDirectory())
    throw new ModelgateError(
      `${root}: expected a bundle directory, found a file${/\.(tar\.gz|tgz)$/i.test(root) ? ' (a tarball: extract it first, or check it with the healthcheck, which takes tarballs as they are)' : ''}`,
      'input',
      { file: root },
    );
  await walk(root, '');
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, special };
}

/**
 * Files up to this size are read whole and hashed in one call: a stream's per-chunk events and
 * buffers cost about a third more than the hash itself. Larger files are streamed, so memory
 * stays bounded.
 */
const WHOLE_FILE_BYTES = 16 * 1024 * 1024;

/**
 * A bundle file's sha256 (hex) and its first bytes (at most 64), for telling its kind.
 * `blocking` reads it in 1 MB steps through one reused buffer with synchronous calls: for a
 * worker thread with nothing else to do meanwhile, where it is about twice as fast as reading
 * through the thread pool into a fresh buffer per file.
 */
export async function hashBundleFile(
  file: BundleFile,
  read: 'async' | 'blocking' = 'async',
): Promise<{ sha256: string; head: Buffer }> {
  if (read === 'blocking') return hashBlocking(file.absolute);
  if (file.size > WHOLE_FILE_BYTES) {
    let head = Buffer.alloc(0);
    const sha256 = await sha256File(file.absolute, undefined, (chunk) => {
      if (head.length === 0) head = Buffer.from(chunk.subarray(0, 64));
    });
    return { sha256, head };
  }
  // Read to the end whatever the listed size: a file that changed since is hashed as it is now.
  const bytes = await readFile(file.absolute);
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    head: Buffer.from(bytes.subarray(0, 64)),
  };
}

let readBuffer: Buffer | undefined;

function hashBlocking(absolute: string): { sha256: string; head: Buffer } {
  readBuffer ??= Buffer.allocUnsafe(1 << 20);
  const buffer = readBuffer;
  const hash = createHash('sha256');
  let head: Buffer | undefined;
  const fd = openSync(absolute, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      head ??= Buffer.from(buffer.subarray(0, Math.min(n, 64)));
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), head: head ?? Buffer.alloc(0) };
}

/** sha256 (hex) of a file, or of its first `bytes` bytes (a partial upload), streamed with large reads. */
export function sha256File(file: string, bytes?: number, onChunk?: (chunk: Buffer) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    // createReadStream's `end` is inclusive, so an empty prefix cannot be expressed with it.
    if (bytes === 0) {
      resolve(hash.digest('hex'));
      return;
    }
    const stream = createReadStream(file, {
      highWaterMark: 1 << 20,
      ...(bytes === undefined ? {} : { end: bytes - 1 }),
    });
    stream.on('data', (chunk) => {
      onChunk?.(chunk as Buffer);
      hash.update(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}

/** Sizes as the seed writes them: 5.4 MB, 596 KB, 738 B (decimal units), wherever a size is shown. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}
