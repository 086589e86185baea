/**
 * SIGINT and SIGTERM become a cancellation of the work under way, instead of an exit in the
 * middle of it: a deploy or rollback stops before its next step, puts back what it changed and
 * releases the lock (core/deploy/cancel.ts); a package stops before its next file and removes
 * its unfinished files. A cancelled Actions job gets SIGINT, SIGTERM 7.5 s later and SIGKILL
 * 2.5 s after that, so later signals do not cut the clean-up short; a second SIGINT (Ctrl-C
 * twice in a terminal) exits at once, as its user asks.
 */
export async function cancelOnSignals<T>(
  log: (line: string) => void,
  cleanUp: string,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (!controller.signal.aborted) {
      log(`${name}: cancelling; the run stops before its next step and ${cleanUp}`);
      controller.abort(new Error(name));
    } else if (name === 'SIGINT') {
      log(`${name} again: exiting now, without cleaning up`);
      process.exit(130);
    } else log(`${name}: still cleaning up`);
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
