/**
 * The shadow gate: the trade logs a shadow deployment wrote, against `gate.shadow.rules`.
 *
 * Decisions:
 * - The window starts at `since` when given, else `window` before `now` (default: the
 *   current time), so a scheduled gate always judges "the last two days". A window of 0
 *   takes every bar. Bars before the start are counted as `outside_window` and ignored;
 *   bars dated more than FUTURE_TOLERANCE_MS after `now` are counted as `future_bars`,
 *   ignored and warned about: a clock ahead of the runner's or a corrupt timestamp must not
 *   make `hours_covered` reach `promote_after` (a shadow run that has not happened yet
 *   proves nothing).
 * - Verdict, in this order:
 *   1. fewer than `min_records` bars in the window -> `inconclusive`: too little data says
 *      nothing about the model, so no rule on the model is judged (each shows its value,
 *      status `skip`). Rules on the logs themselves (corrupt_lines, missing_fields,
 *      future_bars) count lines, not bars, and are judged all the same: a log that is all
 *      garbage, or a service clock hours ahead, fails them rather than hiding behind "too
 *      little data";
 *   2. any fail-severity rule broken (including the built-in collapse rule) -> `fail`;
 *   3. with `forPromotion`, bars covering less than `promote_after` -> `inconclusive`:
 *      the model looks healthy but has not been watched long enough to promote;
 *   4. otherwise `pass`.
 *   A broken rule with enough data is a failure even before `promote_after`: waiting longer
 *   does not make a broken model good.
 * - Built-in rule `collapse`: a prediction standard deviation below `collapse_std` fails even
 *   when every prediction sits inside the range (a model stuck at 0.51 is broken).
 * - A rule whose metric cannot be measured (no ML-covered bar to take a rate over) breaks at
 *   its own severity: a missing number never passes.
 * - Lines that are not JSON, or lack the fields, are counted, reported with examples as
 *   warnings, and never fatal; rules on `corrupt_lines` or `missing_fields` can make them so.
 *
 * Rule names are metric names: ml_coverage, stacking_activation, lstm_ok_rate, tft_ok_rate,
 * bull_prob_in_range (its `range` is the band, min/max bound the fraction inside it),
 * severe_errors, errors, records, hours_covered, corrupt_lines, missing_fields, future_bars,
 * bull_prob_mean, bull_prob_std, bull_prob_p05, bull_prob_p50, bull_prob_p95. On any other
 * metric `range: [lo, hi]` bounds the value itself.
 */
import { durationSeconds, type ShadowConfig, type ShadowRule } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import { readLines } from './lines.js';
import { formatNumber, type RuleStatus } from './rules.js';
import { ShadowAccumulator, type ShadowMetrics } from './shadow-metrics.js';
import { createLineParser, resolveFieldPaths } from './trade-log.js';

export type ShadowVerdict = 'pass' | 'fail' | 'inconclusive';

export interface ShadowRuleOutcome {
  /** `shadow` for a rule from gate.shadow.rules, `builtin` for the collapse rule. */
  scope: 'shadow' | 'builtin';
  subject: string;
  metric: string;
  value: number | null;
  threshold: string;
  severity: 'fail' | 'warn';
  /** `skip`: not judged, because there were too few records to judge anything. */
  status: RuleStatus | 'skip';
  message: string;
}

export interface ShadowGateResult {
  passed: boolean;
  verdict: ShadowVerdict;
  /** The verdict in one sentence. */
  summary: string;
  metrics: ShadowMetrics;
  rules: ShadowRuleOutcome[];
  /** The summary, then every broken fail-rule's message. */
  messages: string[];
  /** Warn-rules broken, bad lines, predictions outside [0, 1]. */
  warnings: string[];
  window: {
    since: string | null;
    now: string;
    min_records: number;
    promote_after_hours: number;
    for_promotion: boolean;
  };
}

export interface ShadowGateOptions {
  /** Trade-log files, read in this order (`.gz` is gunzipped). */
  files: string[];
  config: ShadowConfig;
  /** Window start; overrides `config.window`. */
  since?: Date;
  /** The end the window is measured back from. Default: the current time. */
  now?: Date;
  /** Judging a promotion: less than `promote_after` of data is inconclusive. */
  forPromotion?: boolean;
  /** The config file, named in configuration errors. */
  configFile?: string;
}

type MetricReader = (m: ShadowMetrics) => number | null;

const METRICS: Record<string, MetricReader> = {
  ml_coverage: (m) => m.ml_coverage,
  stacking_activation: (m) => m.stacking_activation,
  lstm_ok_rate: (m) => m.lstm_ok_rate,
  tft_ok_rate: (m) => m.tft_ok_rate,
  bull_prob_in_range: (m) => m.bull_prob_in_range,
  severe_errors: (m) => m.severe_errors,
  errors: (m) => m.errors,
  records: (m) => m.records,
  hours_covered: (m) => m.hours_covered,
  corrupt_lines: (m) => m.corrupt_lines,
  missing_fields: (m) => m.missing_fields,
  future_bars: (m) => m.future_bars,
  bull_prob_mean: (m) => m.bull_prob?.mean ?? null,
  bull_prob_std: (m) => m.bull_prob?.std ?? null,
  bull_prob_p05: (m) => m.bull_prob?.p05 ?? null,
  bull_prob_p50: (m) => m.bull_prob?.p50 ?? null,
  bull_prob_p95: (m) => m.bull_prob?.p95 ?? null,
};

/** Rules on the trade logs rather than the model: judged even with fewer than min_records bars. */
const LOG_HEALTH = new Set(['corrupt_lines', 'missing_fields', 'future_bars']);

/** Rates are taken over ML-covered bars; without one there is nothing to measure. */
const NEEDS_COVERAGE = new Set(['stacking_activation', 'lstm_ok_rate', 'tft_ok_rate', 'bull_prob_in_range']);

export const DEFAULT_RANGE: [number, number] = [0.3, 0.7];

function checkRules(config: ShadowConfig, configFile: string): void {
  for (const [name, rule] of Object.entries(config.rules)) {
    const at = `${configFile}: gate.shadow.rules.${name}`;
    if (!(name in METRICS)) {
      throw new ConfigError(`${at} names no shadow metric; use one of ${Object.keys(METRICS).join(', ')}`, {
        file: configFile,
      });
    }
    if (rule.range && !(rule.range[0] <= rule.range[1])) {
      throw new ConfigError(`${at}.range is [${rule.range.join(', ')}]: write the lower bound first`, {
        file: configFile,
      });
    }
    if (rule.min === undefined && rule.max === undefined && !(rule.range && name !== 'bull_prob_in_range')) {
      throw new ConfigError(
        `${at} has no bound: give it min, max${name === 'bull_prob_in_range' ? '' : ' or range'}`,
        { file: configFile },
      );
    }
  }
}

function threshold(name: string, rule: ShadowRule, range: [number, number]): string {
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`min ${rule.min}`);
  if (rule.max !== undefined) parts.push(`max ${rule.max}`);
  if (name === 'bull_prob_in_range') parts.push(`in [${range[0]}, ${range[1]}]`);
  else if (rule.range) parts.push(`range [${rule.range[0]}, ${rule.range[1]}]`);
  return parts.join(', ');
}

function judge(
  name: string,
  rule: ShadowRule,
  metrics: ShadowMetrics,
  range: [number, number],
): ShadowRuleOutcome {
  const value = (METRICS[name] as MetricReader)(metrics);
  const base = {
    scope: 'shadow' as const,
    subject: 'shadow',
    metric: name,
    value,
    threshold: threshold(name, rule, range),
    severity: rule.severity,
  };
  if (value === null) {
    const why =
      NEEDS_COVERAGE.has(name) || name.startsWith('bull_prob_')
        ? 'no bar in the window had ML coverage (a numeric bull_prob), so it cannot be measured'
        : 'no bar in the window to measure it on';
    return { ...base, status: rule.severity, message: `${name}: ${why}` };
  }
  const broken: string[] = [];
  if (rule.min !== undefined && value < rule.min) broken.push(`is below the minimum ${rule.min}`);
  if (rule.max !== undefined && value > rule.max) broken.push(`is above the maximum ${rule.max}`);
  if (rule.range && name !== 'bull_prob_in_range' && (value < rule.range[0] || value > rule.range[1])) {
    broken.push(`is outside the range [${rule.range[0]}, ${rule.range[1]}]`);
  }
  const what = name === 'bull_prob_in_range' ? ` (share of predictions in [${range[0]}, ${range[1]}])` : '';
  return broken.length === 0
    ? { ...base, status: 'pass', message: `${name} ${formatNumber(value)} holds ${base.threshold}` }
    : {
        ...base,
        status: rule.severity,
        message: `${name} ${formatNumber(value)}${what} ${broken.join(' and ')}`,
      };
}

function collapseRule(metrics: ShadowMetrics, collapseStd: number): ShadowRuleOutcome {
  const stats = metrics.bull_prob;
  const base = {
    scope: 'builtin' as const,
    subject: 'collapse',
    metric: 'bull_prob_std',
    threshold: `min ${collapseStd} (collapse_std)`,
    severity: 'fail' as const,
  };
  if (!stats || stats.count < 2) {
    return {
      ...base,
      value: stats ? stats.std : null,
      status: 'skip',
      message: 'collapse: fewer than two predictions, nothing to spread',
    };
  }
  if (stats.std >= collapseStd) {
    return {
      ...base,
      value: stats.std,
      status: 'pass',
      message: `bull_prob std ${formatNumber(stats.std)} holds min ${collapseStd}`,
    };
  }
  return {
    ...base,
    value: stats.std,
    status: 'fail',
    message:
      `bull_prob collapsed: std ${stats.std.toPrecision(3)} is below collapse_std ${collapseStd} ` +
      `(every prediction is about ${formatNumber(stats.mean)}); a model that always says the same is broken, even inside the range`,
  };
}

function hours(h: number): string {
  return `${h < 100 ? h.toFixed(1) : Math.round(h)} h`;
}

/** How far ahead of the gate's clock a bar may be dated: clocks of two hosts differ a little. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function lineWarnings(metrics: ShadowMetrics, now: Date): string[] {
  const warnings: string[] = [];
  const example = (kind: 'corrupt' | 'invalid'): string => {
    const p = metrics.problems.find((x) => x.kind === kind);
    return p ? ` (first: ${p.file}:${p.line} ${p.reason})` : '';
  };
  if (metrics.corrupt_lines > 0) {
    warnings.push(
      `${metrics.corrupt_lines} line(s) are not JSON objects and were not counted as bars${example('corrupt')}`,
    );
  }
  if (metrics.missing_fields > 0) {
    warnings.push(
      `${metrics.missing_fields} line(s) lack a timestamp or have a field of the wrong type and were not counted as bars${example('invalid')}`,
    );
  }
  if (metrics.bull_prob && metrics.bull_prob.outside_unit > 0) {
    warnings.push(
      `${metrics.bull_prob.outside_unit} bull_prob value(s) are outside [0, 1], so they are not probabilities`,
    );
  }
  if (metrics.future_bars > 0) {
    warnings.push(
      `${metrics.future_bars} bar(s) are dated more than ${FUTURE_TOLERANCE_MS / 60_000} min after the gate's clock (${now.toISOString()}) and were not counted: check the clock of the host that wrote them (timedatectl) and the trade log's timestamps`,
    );
  }
  if (metrics.records === 0 && metrics.outside_window > 0) {
    warnings.push(`all ${metrics.outside_window} bar(s) read are older than the window start`);
  }
  return warnings;
}

export async function evaluateShadowGate(options: ShadowGateOptions): Promise<ShadowGateResult> {
  const { config } = options;
  const configFile = options.configFile ?? 'modelgate.yml';
  checkRules(config, configFile);
  const fields = resolveFieldPaths(config.fields, configFile);
  const range = config.rules.bull_prob_in_range?.range ?? DEFAULT_RANGE;
  const now = options.now ?? new Date();
  const windowSeconds = durationSeconds(config.window);
  const since =
    options.since ?? (windowSeconds > 0 ? new Date(now.getTime() - windowSeconds * 1000) : undefined);
  const promoteAfterHours = durationSeconds(config.promote_after) / 3600;

  const accumulator = new ShadowAccumulator({
    range,
    ...(since ? { since: since.getTime() } : {}),
    until: now.getTime() + FUTURE_TOLERANCE_MS,
  });
  const parse = createLineParser(fields, configFile);
  for (const file of options.files) {
    accumulator.beginFile(file);
    await readLines(file, {
      line(text, number) {
        if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) {
          accumulator.addBlank();
          return;
        }
        const parsed = parse(text);
        if (parsed.ok) accumulator.add(parsed.record);
        else accumulator.addProblem(number, parsed.kind, parsed.reason);
      },
      tooLong(number, bytes) {
        accumulator.addProblem(
          number,
          'corrupt',
          `a line of ${bytes} bytes, too long to be a trade-log record`,
        );
      },
    });
  }
  const metrics = accumulator.metrics();

  const enough = metrics.records >= config.min_records;
  const rules = Object.entries(config.rules).map(([name, rule]) => judge(name, rule, metrics, range));
  rules.push(collapseRule(metrics, config.collapse_std));
  const warnings = lineWarnings(metrics, now);

  let verdict: ShadowVerdict;
  let summary: string;
  const span = `${metrics.records} bar(s) over ${hours(metrics.hours_covered)}`;
  if (!enough) {
    for (const rule of rules) {
      if (!(rule.scope === 'shadow' && LOG_HEALTH.has(rule.metric))) rule.status = 'skip';
    }
  }
  const failures = rules.filter((r) => r.status === 'fail').map((r) => r.message);
  const ignored =
    metrics.future_bars > 0
      ? `; ${metrics.future_bars} bar(s) dated after the gate's clock were not counted (see the warnings)`
      : '';
  if (!enough && failures.length > 0) {
    verdict = 'fail';
    summary = `shadow gate failed on the trade logs (${span}, fewer than min_records ${config.min_records}): ${failures.join('; ')}`;
  } else if (!enough) {
    verdict = 'inconclusive';
    summary =
      options.files.length === 0
        ? 'inconclusive: no trade-log file to read; the model is not judged'
        : `inconclusive: ${metrics.records} bar(s) in the window, fewer than min_records ${config.min_records}; ` +
          `too little data to judge the model, which is not the same as a bad model${ignored}`;
  } else if (failures.length > 0) {
    verdict = 'fail';
    summary = `shadow gate failed on ${span}: ${failures.join('; ')}`;
  } else if (options.forPromotion && metrics.hours_covered < promoteAfterHours) {
    verdict = 'inconclusive';
    summary =
      `inconclusive for promotion: the shadow logs cover ${hours(metrics.hours_covered)}, less than promote_after ` +
      `${String(config.promote_after)}; every rule holds so far, promote after it has held that long`;
  } else {
    verdict = 'pass';
    summary = `shadow gate passed on ${span}: every rule holds`;
  }
  warnings.unshift(...rules.filter((r) => r.status === 'warn').map((r) => r.message));

  return {
    passed: verdict === 'pass',
    verdict,
    summary,
    metrics,
    rules,
    messages: verdict === 'fail' ? [summary, ...failures] : [summary],
    warnings,
    window: {
      since: since ? since.toISOString() : null,
      now: now.toISOString(),
      min_records: config.min_records,
      promote_after_hours: promoteAfterHours,
      for_promotion: options.forPromotion === true,
    },
  };
}
