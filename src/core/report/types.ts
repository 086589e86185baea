/**
 * The JSON report written by healthcheck and gate (design.md):
 * `{ "passed": bool, "checks": [ { "name", "status", "ms", "message", "details" } ], ... }`.
 */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  name: string;
  status: CheckStatus;
  ms: number;
  message: string;
  /** Structured facts behind the message (per-file results, tables). JSON-serialisable. */
  details?: unknown;
  /** Problems tied to a file, turned into annotations by the action entry. */
  problems?: Problem[];
}

export interface Problem {
  severity: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
}

export interface Report {
  passed: boolean;
  checks: CheckResult[];
}

/** A report passes when no check failed; warnings and skips do not fail it. */
export function reportPassed(checks: readonly CheckResult[]): boolean {
  return checks.every((c) => c.status !== 'fail');
}
