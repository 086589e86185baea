/**
 * Writes trade logs in the service's shape (design.md, "The trade log"), one file per UTC day
 * (`trades_YYYYMMDD.jsonl`), for the shadow-gate tests and the benchmark. Proportions are
 * exact rather than random (bar i is covered when floor((i+1)*c) > floor(i*c)), so a test can
 * assert the metric to the last digit; only the prediction values come from a seeded PRNG.
 * Streams with back-pressure, so a million lines costs a few megabytes of memory.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { seededRandom } from './random.js';

export type Distribution =
  | { kind: 'normal'; mean: number; std: number }
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'constant'; value: number };

export interface TradeLogOptions {
  /** Bars to write (valid JSON lines with a timestamp). */
  records: number;
  /** Timestamp of the first bar. Default 2026-02-20T00:00:00Z. */
  start?: Date;
  /** Seconds between bars. Default 300 (5-minute bars: 288 a day). */
  intervalSeconds?: number;
  /** Fraction of bars with a numeric ml.bull_prob. Default 1. */
  coverage?: number;
  /** Fraction of covered bars with ml.stacking.active true. Default 1. */
  stackingActive?: number;
  /** Fraction of covered bars with ml.lstm.ok true. Default 1. */
  lstmOk?: number;
  /** Fraction of covered bars with ml.tft.ok true. Default 1. */
  tftOk?: number;
  /** Distribution of bull_prob (clipped to [0, 1]). Default normal(0.5, 0.05). */
  distribution?: Distribution;
  /** Bars carrying one severe error in ml.errors. Default 0. */
  severeErrors?: number;
  /** Lines that are not JSON, spread through the files. Default 0. */
  corruptLines?: number;
  /** JSON lines without a timestamp, spread through the files. Default 0. */
  missingFieldLines?: number;
  /** File name prefix. Default `trades_`. */
  prefix?: string;
  seed?: number;
}

export interface GeneratedLogs {
  /** Absolute paths, sorted by name (= by day). */
  files: string[];
  /** Every line written, records and corrupt ones. */
  lines: number;
  bytes: number;
  records: number;
  covered: number;
  /** Sum of every bull_prob written, for the expected mean. */
  bullProbSum: number;
  first: Date;
  last: Date;
}

/** True for exactly round(n * fraction) of the indices 0..n-1, spread evenly. */
function pick(index: number, fraction: number): boolean {
  return Math.floor((index + 1) * fraction) > Math.floor(index * fraction);
}

function sampler(distribution: Distribution, random: () => number): () => number {
  switch (distribution.kind) {
    case 'constant':
      return () => distribution.value;
    case 'uniform':
      return () => distribution.low + (distribution.high - distribution.low) * random();
    case 'normal':
      return () => {
        const u = 1 - random();
        const v = random();
        const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        return Math.min(1, Math.max(0, distribution.mean + distribution.std * z));
      };
  }
}

function dayName(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
}

const REGIMES = ['ranging', 'trending_up', 'trending_down'] as const;

export async function writeTradeLogs(dir: string, options: TradeLogOptions): Promise<GeneratedLogs> {
  await mkdir(dir, { recursive: true });
  const start = (options.start ?? new Date('2026-02-20T00:00:00Z')).getTime();
  const step = (options.intervalSeconds ?? 300) * 1000;
  const coverage = options.coverage ?? 1;
  const stacking = options.stackingActive ?? 1;
  const lstm = options.lstmOk ?? 1;
  const tft = options.tftOk ?? 1;
  const random = seededRandom(options.seed ?? 42);
  const sample = sampler(options.distribution ?? { kind: 'normal', mean: 0.5, std: 0.05 }, random);
  const prefix = options.prefix ?? 'trades_';
  const n = options.records;
  const corrupt = options.corruptLines ?? 0;
  const missing = options.missingFieldLines ?? 0;
  const severe = options.severeErrors ?? 0;

  const files: string[] = [];
  let out: WriteStream | undefined;
  let day = '';
  let batch = '';
  let lines = 0;
  let bytes = 0;
  let covered = 0;
  let bullProbSum = 0;

  const flush = async (): Promise<void> => {
    if (!out || batch === '') return;
    bytes += Buffer.byteLength(batch);
    const ok = out.write(batch);
    batch = '';
    if (!ok) await once(out, 'drain');
  };
  const close = async (): Promise<void> => {
    await flush();
    if (out) {
      out.end();
      await once(out, 'close');
    }
  };

  for (let i = 0; i < n; i++) {
    const ms = start + i * step;
    const d = dayName(ms);
    if (d !== day) {
      await close();
      day = d;
      const file = path.join(dir, `${prefix}${d}.jsonl`);
      files.push(file);
      out = createWriteStream(file, { highWaterMark: 1 << 20 });
    }
    // Corrupt and field-less lines sit between bars, evenly: a partial write at a crash, a
    // stray print, a record whose writer forgot the timestamp.
    if (pick(i, corrupt / n)) {
      batch +=
        lines % 2 === 0
          ? `{"ts":"${new Date(ms).toISOString()}","symbol":"BTCU\n`
          : `Traceback (most recent call last):\n`;
      lines++;
    }
    if (pick(i, missing / n)) {
      batch += `{"symbol":"BTCUSDT","ml":{"bull_prob":0.5}}\n`;
      lines++;
    }
    const ts = new Date(ms).toISOString().replace('.000Z', 'Z');
    const price = (40000 + 2000 * Math.sin(i / 500) + random() * 50).toFixed(2);
    const macd = (Math.sin(i / 37) * 12).toFixed(4);
    let ml: string;
    if (pick(i, coverage)) {
      const c = covered++;
      const p = sample();
      bullProbSum += p;
      const direction = p > 0.55 ? 'long' : p < 0.45 ? 'short' : 'neutral';
      const errors = pick(c, severe / Math.max(1, Math.round(n * coverage)))
        ? `[{"level":"critical","message":"feature pipeline returned NaN"}]`
        : '[]';
      ml =
        `{"shadow_mode":true,"bull_prob":${p},"regime":"${REGIMES[i % 3]}","direction":"${direction}",` +
        `"stacking":{"active":${pick(c, stacking)},"prob":${(p * 0.98).toFixed(6)}},` +
        `"lstm":{"ok":${pick(c, lstm)},"prob":${(p * 1.01).toFixed(6)}},` +
        `"tft":{"ok":${pick(c, tft)},"prob":${(p * 0.99).toFixed(6)}},"errors":${errors}}`;
    } else {
      ml = `{"shadow_mode":true,"bull_prob":null,"errors":[]}`;
    }
    batch += `{"ts":"${ts}","symbol":"BTCUSDT","price":${price},"macd":${macd},"signal":"hold","ml":${ml}}\n`;
    lines++;
    if (batch.length > 256 * 1024) await flush();
  }
  await close();
  return {
    files,
    lines,
    bytes,
    records: n,
    covered,
    bullProbSum,
    first: new Date(start),
    last: new Date(start + (n - 1) * step),
  };
}
