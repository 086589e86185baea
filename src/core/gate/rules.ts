/**
 * One bound (`{ min, max, max_drop, severity }` from the config) against one metric value.
 * Shared by the training gate's horizon, base-model and global rules so that a bound reads
 * and reports the same way wherever it is written.
 */
import type { Bound } from '../config/schema.js';

export type RuleStatus = 'pass' | 'warn' | 'fail';

export interface BoundEvaluation {
  status: RuleStatus;
  /** The bound in words, e.g. `min 0.55, max_drop 0.02`. */
  threshold: string;
  /** What broke, as clauses that follow the value: `is below the minimum 0.55`. Empty when it held. */
  broken: string[];
  /** value - baseline, when both are known. */
  change: number | null;
}

/** Values written by training jobs are compared as written; only derived numbers are rounded. */
const EPSILON = 1e-12;

/** A number as a person reads it: as written when it came from a file, 4 decimals when computed. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(4)));
}

/** Strips float noise from a difference (0.030000000000000027 -> 0.03) for reports and JSON. */
export function roundChange(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}

export function describeBound(bound: Bound, hasBaseline: boolean): string {
  const parts: string[] = [];
  if (bound.min !== undefined) parts.push(`min ${bound.min}`);
  if (bound.max !== undefined) parts.push(`max ${bound.max}`);
  if (bound.max_drop !== undefined)
    parts.push(`max_drop ${bound.max_drop}${hasBaseline ? '' : ' (no baseline)'}`);
  return parts.length ? parts.join(', ') : 'no bound';
}

/**
 * Checks `value` against `bound`. `baseline` is the same metric in the baseline manifest:
 * `undefined` when no baseline manifest was given, `null` when the baseline lacks the metric
 * (a new metric cannot have dropped, so max_drop holds).
 */
export function evaluateBound(value: number, bound: Bound, baseline?: number | null): BoundEvaluation {
  const broken: string[] = [];
  if (bound.min !== undefined && value < bound.min) broken.push(`is below the minimum ${bound.min}`);
  if (bound.max !== undefined && value > bound.max) broken.push(`is above the maximum ${bound.max}`);
  const change = typeof baseline === 'number' ? roundChange(value - baseline) : null;
  if (bound.max_drop !== undefined && change !== null && -change > bound.max_drop + EPSILON) {
    broken.push(
      `fell by ${formatNumber(-change)} from the baseline ${formatNumber(baseline as number)}, more than max_drop ${bound.max_drop}`,
    );
  }
  return {
    status: broken.length === 0 ? 'pass' : bound.severity,
    threshold: describeBound(bound, baseline !== undefined),
    broken,
    change,
  };
}
