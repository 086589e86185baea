/**
 * A deploy cancelled while it runs (the front ends turn SIGINT and SIGTERM, what a cancelled
 * Actions job receives, into an abort): no new step starts, a verification that is waiting
 * stops waiting, and the run goes down its failure path, which switches back what it switched,
 * restores the flags and releases the lock. The undoing itself is not cancelled.
 */
import { ModelgateError } from '../errors.js';

export function cancelledError(signal: AbortSignal, before: string): ModelgateError {
  return new ModelgateError(`cancelled (${reasonOf(signal)}) before ${before}`, 'runtime');
}

export function reasonOf(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : String(reason ?? 'aborted');
}

/** Waits `ms`, or less when `signal` aborts meanwhile. */
export function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise((resolve) => setTimeout(resolve, ms));
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
