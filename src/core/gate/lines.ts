/**
 * Splits a file into lines at the speed of the disk: 1 MiB reads into a reused buffer,
 * `indexOf('\n')` on the raw bytes, and a string only for each complete line (so a UTF-8
 * character split between two reads is decoded whole). `readline` costs several times more
 * on a 300 MB log. Memory stays bounded: one read buffer plus the unfinished line, and a line
 * longer than `maxLineBytes` is reported and skipped rather than held. `.gz` files (rotated
 * logs) are gunzipped on the way.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { ModelgateError } from '../errors.js';

export interface LineHandlers {
  /** A complete line without its `\n` (and without a trailing `\r`); `number` counts from 1. */
  line(text: string, number: number): void;
  /** A line longer than `maxLineBytes`, skipped. */
  tooLong?(number: number, bytes: number): void;
}

export interface ReadLinesOptions {
  maxLineBytes?: number;
  /** Bytes per read (default 1 MiB). */
  readSize?: number;
}

/**
 * Read buffers of finished files, for the next file: a gate over 60 daily files would
 * otherwise leave 60 MiB of dead buffers behind. A buffer in use is never here, so
 * concurrent reads never share one.
 */
let spare: Buffer[] = [];

/**
 * The file's bytes in pieces. Plain files are read into one reused buffer: allocating a fresh
 * buffer per read leaves hundreds of megabytes of dead external memory for the garbage
 * collector to find late, and the peak memory then grows with the file. Each piece is valid
 * only until the next one is requested.
 */
async function* pieces(file: string, size: number): AsyncGenerator<Buffer> {
  if (file.endsWith('.gz')) {
    const raw = createReadStream(file, { highWaterMark: size });
    const gunzip = raw.pipe(createGunzip({ chunkSize: 256 * 1024 }));
    raw.on('error', (error) => gunzip.destroy(error));
    yield* gunzip as AsyncIterable<Buffer>;
    return;
  }
  const handle = await open(file, 'r');
  const buffer = spare.find((b) => b.length === size) ?? Buffer.allocUnsafe(size);
  spare = spare.filter((b) => b !== buffer);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    if (spare.length < 4) spare.push(buffer);
    await handle.close();
  }
}

/** Reads `file` line by line; resolves to the number of lines. */
export async function readLines(
  file: string,
  handlers: LineHandlers,
  options: ReadLinesOptions = {},
): Promise<number> {
  const maxLineBytes = options.maxLineBytes ?? 16 * 1024 * 1024;
  const gzip = file.endsWith('.gz');

  let number = 0;
  // The unfinished line: copies of the ends of earlier pieces, and their total length.
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let skipping = false;

  const emit = (bytes: Buffer, start: number, end: number): void => {
    number++;
    if (end > start && bytes[end - 1] === 13) end--;
    let text = bytes.toString('utf8', start, end);
    if (number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    handlers.line(text, number);
  };
  const endCarry = (tail: Buffer, end: number): void => {
    if (skipping) {
      number++;
      handlers.tooLong?.(number, carryBytes + end);
    } else {
      const whole = Buffer.concat([...carry, tail.subarray(0, end)]);
      emit(whole, 0, whole.length);
    }
    carry = [];
    carryBytes = 0;
    skipping = false;
  };
  const keep = (piece: Buffer): void => {
    carryBytes += piece.length;
    if (skipping) return;
    if (carryBytes > maxLineBytes) {
      skipping = true;
      carry = [];
    } else carry.push(Buffer.from(piece));
  };

  try {
    for await (const chunk of pieces(file, options.readSize ?? 1024 * 1024)) {
      let start = 0;
      let nl = chunk.indexOf(10);
      if (carryBytes > 0 || skipping) {
        if (nl === -1) {
          keep(chunk);
          continue;
        }
        endCarry(chunk, nl);
        start = nl + 1;
        nl = chunk.indexOf(10, start);
      }
      while (nl !== -1) {
        emit(chunk, start, nl);
        start = nl + 1;
        nl = chunk.indexOf(10, start);
      }
      if (start < chunk.length) keep(chunk.subarray(start));
    }
    if (carryBytes > 0) endCarry(Buffer.alloc(0), 0);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ModelgateError(
        `${file}: no such trade-log file; check the logs input or gate.shadow.logs`,
        'input',
        { file },
      );
    if (code === 'EACCES')
      throw new ModelgateError(
        `${file}: permission denied reading the trade log; make it readable by the runner`,
        'input',
        { file },
      );
    if (gzip && code?.startsWith('Z_')) {
      throw new ModelgateError(
        `${file}: not a complete gzip file (${(error as Error).message}); pass only finished, rotated logs as .gz`,
        'input',
        { file },
      );
    }
    throw error;
  }
  return number;
}
