/**
 * The training gate: the metrics a training job wrote into the manifest against the rules in
 * `gate.training`. It decides which horizons the service may use (`enabled-horizons`) and
 * whether the release may go on at all, and names every broken rule in a sentence.
 *
 * Decisions, in the seed's terms:
 * - A horizon passes when every fail-rule written for it holds; warn-rules only report.
 *   A horizon in the manifest without any rule is not enabled (nothing vouches for it) and
 *   is reported as a warning, so adding a horizon to training never silently enables it.
 * - The gate passes when at least one horizon passes, no global fail-rule breaks and no
 *   base-model fail-rule breaks (a base model feeds every stacking horizon, so a broken one
 *   is not a per-horizon matter).
 * - A metric named by a rule but absent from the manifest breaks that rule (at its own
 *   severity) with a message saying so: a missing number never passes.
 * - Built-in warnings: the overfit gap (val_auc - test_auc above `warn.overfit_gap`) for
 *   enabled horizons and for base models and models carrying both numbers (a disabled
 *   horizon is not used, so its gap is noise); and any model or base model carrying
 *   `target_auc` whose val_auc (or oof_auc without val_auc) is below it.
 */
import type { Bound, TrainingGateConfig } from '../config/schema.js';
import type { Manifest } from '../manifest.js';
import { describeBound, evaluateBound, formatNumber, roundChange, type RuleStatus } from './rules.js';

export type Metrics = Manifest['metrics'];
type MetricTableName = 'horizons' | 'base' | 'models';

export interface RuleOutcome {
  scope: 'horizon' | 'base' | 'global' | 'builtin';
  subject: string;
  metric: string;
  value: number | null;
  threshold: string;
  baseline?: number | null;
  change?: number | null;
  severity: 'fail' | 'warn';
  status: RuleStatus;
  message: string;
}

/** One numeric metric next to the baseline manifest's value (only with a baseline). */
export interface MetricChange {
  table: MetricTableName | 'global';
  subject: string;
  metric: string;
  value: number | null;
  baseline: number | null;
  change: number | null;
}

export interface TrainingGateResult {
  passed: boolean;
  verdict: 'pass' | 'fail';
  enabledHorizons: string[];
  horizons: Record<string, { passed: boolean; failures: string[] }>;
  rules: RuleOutcome[];
  warnings: string[];
  metrics: Metrics;
  /** Every numeric metric with its change against the baseline; present only with a baseline. */
  changes?: MetricChange[];
}

/** A metric as the gate sees it: a number, absent, or present but not a number. */
type Lookup = { kind: 'number'; value: number } | { kind: 'missing' } | { kind: 'invalid'; raw: unknown };

function lookup(
  metrics: Metrics | undefined,
  table: MetricTableName,
  subject: string,
  metric: string,
): Lookup {
  const entry = metrics?.[table]?.[subject];
  if (!entry || !Object.prototype.hasOwnProperty.call(entry, metric)) return { kind: 'missing' };
  return asNumber(entry[metric]);
}

function asNumber(raw: unknown): Lookup {
  if (raw === undefined || raw === null) return { kind: 'missing' };
  if (typeof raw === 'number' && Number.isFinite(raw)) return { kind: 'number', value: raw };
  return { kind: 'invalid', raw };
}

/**
 * A global rule names a top-level metric (`n_features`) or a dotted path into the metrics
 * (`models.lstm.val_auc`), so that any number the manifest carries can be bounded.
 */
function lookupGlobal(metrics: Metrics | undefined, name: string): Lookup {
  if (!metrics) return { kind: 'missing' };
  let cur: unknown = metrics;
  for (const key of name.includes('.') && !Object.prototype.hasOwnProperty.call(metrics, name)
    ? name.split('.')
    : [name]) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key))
      return { kind: 'missing' };
    cur = (cur as Record<string, unknown>)[key];
  }
  return asNumber(cur);
}

function baselineValue(found: Lookup | undefined): number | null | undefined {
  if (found === undefined) return undefined;
  return found.kind === 'number' ? found.value : null;
}

interface RuleTarget {
  scope: 'horizon' | 'base' | 'global';
  subject: string;
  metric: string;
  /** How the value is named in messages: `4h test_auc`, `lgb oof_auc`, `n_features`. */
  label: string;
  /** Where the manifest should have carried the value, for the missing-metric message. */
  where: string;
  /** The config section holding the rule, for the fix in the message. */
  section: string;
  current: Lookup;
  baseline: Lookup | undefined;
}

function evaluateRule(target: RuleTarget, bound: Bound): RuleOutcome {
  const base = {
    scope: target.scope,
    subject: target.subject,
    metric: target.metric,
    severity: bound.severity,
  } as const;
  const baseline = baselineValue(target.baseline);
  const withBaseline = baseline === undefined ? {} : { baseline };
  if (target.current.kind !== 'number') {
    const message =
      target.current.kind === 'missing'
        ? `${target.label}: the manifest has no ${target.where}; the training job must write it to metrics.json, or remove the rule from ${target.section}`
        : `${target.label} is ${JSON.stringify(target.current.raw)}, not a number; the training job must write a number to ${target.where}`;
    return {
      ...base,
      value: null,
      threshold: describeBound(bound, baseline !== undefined),
      ...withBaseline,
      ...(baseline === undefined ? {} : { change: null }),
      status: bound.severity,
      message,
    };
  }
  const value = target.current.value;
  const result = evaluateBound(value, bound, baseline);
  const changeText =
    result.change === null ? '' : ` (${signed(result.change)} from ${formatNumber(baseline as number)})`;
  const message =
    result.broken.length === 0
      ? `${target.label} ${value}${changeText} holds ${result.threshold}`
      : `${target.label} ${value} ${result.broken.join(' and ')}`;
  return {
    ...base,
    value,
    threshold: result.threshold,
    ...withBaseline,
    ...(baseline === undefined ? {} : { change: result.change }),
    status: result.status,
    message,
  };
}

function signed(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}

function builtin(
  subject: string,
  metric: string,
  value: number,
  threshold: string,
  message: string,
): RuleOutcome {
  return { scope: 'builtin', subject, metric, value, threshold, severity: 'warn', status: 'warn', message };
}

/** val_auc - test_auc above the configured gap: the validation set flatters the model. */
function overfitWarning(
  metrics: Metrics,
  table: MetricTableName,
  subject: string,
  gap: number,
): RuleOutcome | undefined {
  const val = lookup(metrics, table, subject, 'val_auc');
  const test = lookup(metrics, table, subject, 'test_auc');
  if (val.kind !== 'number' || test.kind !== 'number') return undefined;
  const diff = roundChange(val.value - test.value);
  if (diff <= gap) return undefined;
  return builtin(
    subject,
    'overfit_gap',
    diff,
    `warn.overfit_gap ${gap}`,
    `${subject} overfit: val_auc ${val.value} - test_auc ${test.value} = ${formatNumber(diff)} is above warn.overfit_gap ${gap}`,
  );
}

/** A model that carries its own target_auc and misses it (the seed's LSTM: 0.5273 against 0.57). */
function targetWarning(metrics: Metrics, table: MetricTableName, subject: string): RuleOutcome | undefined {
  const target = lookup(metrics, table, subject, 'target_auc');
  if (target.kind !== 'number') return undefined;
  const val = lookup(metrics, table, subject, 'val_auc');
  const metric = val.kind === 'number' ? 'val_auc' : 'oof_auc';
  const found = val.kind === 'number' ? val : lookup(metrics, table, subject, 'oof_auc');
  if (found.kind !== 'number' || found.value >= target.value) return undefined;
  const pct = ((found.value - target.value) / target.value) * 100;
  return builtin(
    subject,
    metric,
    found.value,
    `target_auc ${target.value}`,
    `${subject} ${metric} ${found.value} is below its target ${target.value} (${pct.toFixed(1)}%)`,
  );
}

function numericChanges(metrics: Metrics, baseline: Metrics): MetricChange[] {
  const changes: MetricChange[] = [];
  for (const table of ['horizons', 'base', 'models'] as const) {
    const subjects = union(Object.keys(metrics[table] ?? {}), Object.keys(baseline[table] ?? {}));
    for (const subject of subjects) {
      const names = union(
        Object.keys(metrics[table]?.[subject] ?? {}),
        Object.keys(baseline[table]?.[subject] ?? {}),
      );
      for (const metric of names) {
        const now = lookup(metrics, table, subject, metric);
        const before = lookup(baseline, table, subject, metric);
        if (now.kind === 'invalid' || before.kind === 'invalid') continue;
        if (now.kind === 'missing' && before.kind === 'missing') continue;
        changes.push(change(table, subject, metric, now, before));
      }
    }
  }
  for (const metric of union(Object.keys(metrics), Object.keys(baseline))) {
    if (metric === 'horizons' || metric === 'base' || metric === 'models') continue;
    const now = lookupGlobal(metrics, metric);
    const before = lookupGlobal(baseline, metric);
    if (now.kind === 'number' || before.kind === 'number') {
      if (now.kind !== 'invalid' && before.kind !== 'invalid')
        changes.push(change('global', 'global', metric, now, before));
    }
  }
  return changes;
}

function change(
  table: MetricChange['table'],
  subject: string,
  metric: string,
  now: Lookup,
  before: Lookup,
): MetricChange {
  const value = now.kind === 'number' ? now.value : null;
  const baseline = before.kind === 'number' ? before.value : null;
  return {
    table,
    subject,
    metric,
    value,
    baseline,
    change: value !== null && baseline !== null ? roundChange(value - baseline) : null,
  };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

export function evaluateTrainingGate(
  metrics: Metrics,
  config: TrainingGateConfig,
  baseline?: Metrics,
): TrainingGateResult {
  const rules: RuleOutcome[] = [];
  const warnings: string[] = [];
  const horizons: TrainingGateResult['horizons'] = {};

  const horizonNames = union(Object.keys(config.horizons), Object.keys(metrics.horizons ?? {}));
  for (const horizon of horizonNames) {
    const bounds = Object.entries(config.horizons[horizon] ?? {});
    if (bounds.length === 0) {
      warnings.push(
        `${horizon} is in the manifest but has no rules in gate.training.horizons; it is not enabled until rules are written for it`,
      );
      horizons[horizon] = { passed: false, failures: ['no rules in gate.training.horizons'] };
      continue;
    }
    const failures: string[] = [];
    for (const [metric, bound] of bounds) {
      const outcome = evaluateRule(
        {
          scope: 'horizon',
          subject: horizon,
          metric,
          label: `${horizon} ${metric}`,
          where: `metrics.horizons.${horizon}.${metric}`,
          section: `gate.training.horizons.${horizon}`,
          current: lookup(metrics, 'horizons', horizon, metric),
          baseline: baseline ? lookup(baseline, 'horizons', horizon, metric) : undefined,
        },
        bound,
      );
      rules.push(outcome);
      if (outcome.status === 'fail') failures.push(outcome.message);
      if (outcome.status === 'warn') warnings.push(outcome.message);
    }
    horizons[horizon] = { passed: failures.length === 0, failures };
    if (failures.length === 0) {
      const overfit = overfitWarning(metrics, 'horizons', horizon, config.warn.overfit_gap);
      if (overfit) rules.push(overfit);
    }
  }

  let otherFailure = false;
  for (const [model, modelRules] of Object.entries(config.base)) {
    for (const [metric, bound] of Object.entries(modelRules)) {
      const outcome = evaluateRule(
        {
          scope: 'base',
          subject: model,
          metric,
          label: `${model} ${metric}`,
          where: `metrics.base.${model}.${metric}`,
          section: `gate.training.base.${model}`,
          current: lookup(metrics, 'base', model, metric),
          baseline: baseline ? lookup(baseline, 'base', model, metric) : undefined,
        },
        bound,
      );
      rules.push(outcome);
      if (outcome.status === 'fail') otherFailure = true;
      if (outcome.status === 'warn') warnings.push(outcome.message);
    }
  }

  for (const [metric, bound] of Object.entries(config.global)) {
    const outcome = evaluateRule(
      {
        scope: 'global',
        subject: 'global',
        metric,
        label: metric,
        where: `metrics.${metric}`,
        section: 'gate.training.global',
        current: lookupGlobal(metrics, metric),
        baseline: baseline ? lookupGlobal(baseline, metric) : undefined,
      },
      bound,
    );
    rules.push(outcome);
    if (outcome.status === 'fail') otherFailure = true;
    if (outcome.status === 'warn') warnings.push(outcome.message);
  }

  for (const table of ['base', 'models'] as const) {
    for (const subject of Object.keys(metrics[table] ?? {})) {
      for (const found of [
        overfitWarning(metrics, table, subject, config.warn.overfit_gap),
        targetWarning(metrics, table, subject),
      ]) {
        if (found) rules.push(found);
      }
    }
  }
  for (const outcome of rules) if (outcome.scope === 'builtin') warnings.push(outcome.message);

  const enabledHorizons = horizonNames.filter((h) => horizons[h]?.passed);
  const passed = enabledHorizons.length > 0 && !otherFailure;
  return {
    passed,
    verdict: passed ? 'pass' : 'fail',
    enabledHorizons,
    horizons,
    rules,
    warnings,
    metrics,
    ...(baseline ? { changes: numericChanges(metrics, baseline) } : {}),
  };
}

/** The failures that made the gate fail, in the order they were found (for the summary line). */
export function gateFailures(result: TrainingGateResult): string[] {
  const failures = result.rules.filter((r) => r.status === 'fail').map((r) => r.message);
  if (result.enabledHorizons.length === 0) failures.unshift('no horizon passed its rules');
  return failures;
}
