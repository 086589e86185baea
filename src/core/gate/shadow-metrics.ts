/**
 * The shadow gate's metrics, accumulated one bar at a time in constant memory: counters,
 * Welford's running mean and variance, and a fixed 1,000-bin histogram over [0, 1] from which
 * the quantiles are read (to within 0.001, then clamped to the exact min and max, so a
 * constant prediction reports its exact value). A million bars cost the same memory as ten.
 */
import type { TradeRecord } from './trade-log.js';

/** Bins of the histogram the quantiles are read from. */
export const FINE_BINS = 1000;
/** Bins of the histogram shown in reports (each the sum of FINE_BINS / DISPLAY_BINS fine bins). */
export const DISPLAY_BINS = 20;
/** How many bad lines are kept as examples; the rest are only counted. */
export const PROBLEM_SAMPLES = 20;

export interface Histogram {
  /** DISPLAY_BINS + 1 edges from 0 to 1. */
  edges: number[];
  counts: number[];
}

export interface BullProbStats {
  count: number;
  mean: number;
  /** Population standard deviation. */
  std: number;
  min: number;
  max: number;
  p05: number;
  p50: number;
  p95: number;
  /** Values outside [0, 1]: not probabilities, counted in the first or last bin. */
  outside_unit: number;
  histogram: Histogram;
}

export interface LineProblem {
  file: string;
  line: number;
  kind: 'corrupt' | 'invalid';
  reason: string;
}

export interface FileStats {
  path: string;
  lines: number;
  records: number;
  corrupt: number;
  invalid: number;
  outside_window: number;
  /** Bars dated after the gate's clock (with its tolerance): ignored. */
  future_bars: number;
}

export interface ShadowMetrics {
  /** Bars in the window (valid lines). */
  records: number;
  /** Bars with a numeric bull_prob. */
  ml_records: number;
  /** ml_records / records; null without records. */
  ml_coverage: number | null;
  /** Covered bars with stacking active / ml_records; null without covered bars. */
  stacking_activation: number | null;
  lstm_ok_rate: number | null;
  tft_ok_rate: number | null;
  /** Covered bars whose bull_prob is inside the configured range / ml_records. */
  bull_prob_in_range: number | null;
  bull_prob_range: [number, number];
  bull_prob: BullProbStats | null;
  /** Severe entries in the errors lists (trade-log.ts says which are severe). */
  severe_errors: number;
  /** Every entry in the errors lists. */
  errors: number;
  /** Hours between the first and the last bar in the window. */
  hours_covered: number;
  first_ts: string | null;
  last_ts: string | null;
  /** Every line read, in or out of the window. */
  lines: number;
  blank_lines: number;
  /** Lines that are not a JSON object. */
  corrupt_lines: number;
  /** JSON objects without a timestamp or with a gate field of the wrong type. */
  missing_fields: number;
  /** Valid bars older than the window start. */
  outside_window: number;
  /**
   * Valid bars dated after the gate's clock plus its tolerance: a service clock ahead of
   * the runner's, or a corrupt timestamp. Ignored, so that one bar dated next year cannot make
   * `hours_covered` pass `promote_after`.
   */
  future_bars: number;
  files: FileStats[];
  /** The first PROBLEM_SAMPLES bad lines. */
  problems: LineProblem[];
}

export interface AccumulatorOptions {
  /** The in-range band for bull_prob. */
  range: [number, number];
  /** Bars before this (ms since the epoch) are outside the window. */
  since?: number;
  /** Bars after this (ms since the epoch) are from the future, and ignored. */
  until?: number;
}

export class ShadowAccumulator {
  private readonly range: [number, number];
  private readonly since: number;
  private readonly until: number;
  private readonly fine = new Float64Array(FINE_BINS);
  private records = 0;
  private covered = 0;
  private stacking = 0;
  private lstm = 0;
  private tft = 0;
  private inRange = 0;
  private outsideUnit = 0;
  private severe = 0;
  private errors = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;
  private firstTs = Infinity;
  private lastTs = -Infinity;
  private lines = 0;
  private blank = 0;
  private corrupt = 0;
  private invalid = 0;
  private outside = 0;
  private future = 0;
  private readonly files: FileStats[] = [];
  private readonly problems: LineProblem[] = [];
  private file: FileStats | undefined;

  constructor(options: AccumulatorOptions) {
    this.range = options.range;
    this.since = options.since ?? -Infinity;
    this.until = options.until ?? Infinity;
  }

  beginFile(path: string): void {
    this.file = { path, lines: 0, records: 0, corrupt: 0, invalid: 0, outside_window: 0, future_bars: 0 };
    this.files.push(this.file);
  }

  private current(): FileStats {
    if (!this.file) this.beginFile('(input)');
    return this.file as FileStats;
  }

  addBlank(): void {
    this.lines++;
    this.blank++;
    this.current().lines++;
  }

  addProblem(line: number, kind: 'corrupt' | 'invalid', reason: string): void {
    const file = this.current();
    this.lines++;
    file.lines++;
    if (kind === 'corrupt') {
      this.corrupt++;
      file.corrupt++;
    } else {
      this.invalid++;
      file.invalid++;
    }
    if (this.problems.length < PROBLEM_SAMPLES) this.problems.push({ file: file.path, line, kind, reason });
  }

  add(record: TradeRecord): void {
    const file = this.current();
    this.lines++;
    file.lines++;
    if (record.ts < this.since) {
      this.outside++;
      file.outside_window++;
      return;
    }
    if (record.ts > this.until) {
      this.future++;
      file.future_bars++;
      return;
    }
    this.records++;
    file.records++;
    if (record.ts < this.firstTs) this.firstTs = record.ts;
    if (record.ts > this.lastTs) this.lastTs = record.ts;
    this.errors += record.errors;
    this.severe += record.severeErrors;
    const p = record.bullProb;
    if (p === undefined) return;
    this.covered++;
    if (record.stackingActive) this.stacking++;
    if (record.lstmOk) this.lstm++;
    if (record.tftOk) this.tft++;
    if (p >= this.range[0] && p <= this.range[1]) this.inRange++;
    if (p < 0 || p > 1) this.outsideUnit++;
    if (p < this.min) this.min = p;
    if (p > this.max) this.max = p;
    const delta = p - this.mean;
    this.mean += delta / this.covered;
    this.m2 += delta * (p - this.mean);
    const bin = p <= 0 ? 0 : p >= 1 ? FINE_BINS - 1 : Math.floor(p * FINE_BINS);
    this.fine[bin] = (this.fine[bin] as number) + 1;
  }

  /** The value below which a fraction `q` of the predictions fall. */
  private quantile(q: number): number {
    const rank = q * this.covered;
    let cumulative = 0;
    for (let i = 0; i < FINE_BINS; i++) {
      const count = this.fine[i] as number;
      if (count > 0 && cumulative + count >= rank) {
        const value = (i + (rank - cumulative) / count) / FINE_BINS;
        return Math.min(this.max, Math.max(this.min, value));
      }
      cumulative += count;
    }
    return this.max;
  }

  private histogram(): Histogram {
    const per = FINE_BINS / DISPLAY_BINS;
    const counts = new Array<number>(DISPLAY_BINS).fill(0);
    for (let i = 0; i < FINE_BINS; i++) {
      const b = Math.floor(i / per);
      counts[b] = (counts[b] as number) + (this.fine[i] as number);
    }
    const edges = Array.from(
      { length: DISPLAY_BINS + 1 },
      (_, i) => Math.round((i / DISPLAY_BINS) * 1e6) / 1e6,
    );
    return { edges, counts };
  }

  metrics(): ShadowMetrics {
    const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);
    const hasTs = this.records > 0;
    return {
      records: this.records,
      ml_records: this.covered,
      ml_coverage: rate(this.covered, this.records),
      stacking_activation: rate(this.stacking, this.covered),
      lstm_ok_rate: rate(this.lstm, this.covered),
      tft_ok_rate: rate(this.tft, this.covered),
      bull_prob_in_range: rate(this.inRange, this.covered),
      bull_prob_range: [this.range[0], this.range[1]],
      bull_prob:
        this.covered === 0
          ? null
          : {
              count: this.covered,
              mean: this.mean,
              std: Math.sqrt(this.m2 / this.covered),
              min: this.min,
              max: this.max,
              p05: this.quantile(0.05),
              p50: this.quantile(0.5),
              p95: this.quantile(0.95),
              outside_unit: this.outsideUnit,
              histogram: this.histogram(),
            },
      severe_errors: this.severe,
      errors: this.errors,
      hours_covered: hasTs ? (this.lastTs - this.firstTs) / 3_600_000 : 0,
      first_ts: hasTs ? new Date(this.firstTs).toISOString() : null,
      last_ts: hasTs ? new Date(this.lastTs).toISOString() : null,
      lines: this.lines,
      blank_lines: this.blank,
      corrupt_lines: this.corrupt,
      missing_fields: this.invalid,
      outside_window: this.outside,
      future_bars: this.future,
      files: this.files.map((f) => ({ ...f })),
      problems: this.problems.map((p) => ({ ...p })),
    };
  }
}
