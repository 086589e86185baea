/**
 * SIGINT and SIGTERM become a cancellation of the deploy or rollback under way, instead of an
 * exit in the middle of it: the run stops before its next step, puts back what it changed and
 * releases the lock (core/deploy/cancel.ts). A cancelled Actions job gets SIGINT, SIGTERM 7.5 s
 * later and SIGKILL 2.5 s after that, so later signals do not cut the undoing short; a second
 * SIGINT (Ctrl-C twice in a terminal) exits at once, as its user asks.
 */
export async function cancelOnSignals<T>(
  log: (line: string) => void,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (!controller.signal.aborted) {
      log(
        `${name}: cancelling; the run stops before its next step, puts back what it changed and releases the lock`,
      );
      controller.abort(new Error(name));
    } else if (name === 'SIGINT') {
      log(
        `${name} again: exiting now; the next deploy or rollback undoes what this run left half done (a lock left behind is broken after deploy.stale_lock)`,
      );
      process.exit(130);
    } else log(`${name}: still putting back what this run changed`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await run(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
