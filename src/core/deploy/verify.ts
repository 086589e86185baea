/**
 * Restart and verification. The restart is the configured command (run in deploy.path);
 * verification polls until, within `verify.timeout`, the is-active command succeeds and the
 * log written since the restart contains every `expect` pattern, and fails at once when a
 * `fail` pattern appears. Patterns are plain, case-sensitive substrings of a log line.
 *
 * The log since the restart comes from `deploy.log_file` (read from its size before the
 * restart; a file that shrank was rotated and is read from the start) or from the
 * `deploy.logs` command, where `{since}` is replaced by the restart's unix time on the
 * target (so `journalctl --since @{since}` gets journalctl's own `@<seconds>` form). A
 * `deploy.logs` value without spaces or `{since}` is taken as a file, like `log_file`.
 */
import path from 'node:path';
import type { DeployConfig } from '../config/schema.js';
import { durationSeconds } from '../config/schema.js';
import { sh } from '../remote/quote.js';
import { reasonOf, sleepUnlessAborted } from './cancel.js';
import { inRoot, tail, type Target } from './target.js';

export interface VerifyOutcome {
  ok: boolean;
  reason?: string;
  /** The first line matching each expect pattern, and the failing line, if any. */
  lines: string[];
}

export interface VerifyOptions {
  /** Whether the expect patterns apply (not after `ml-off`, when the models are not loaded). */
  expect: boolean;
  log: (line: string) => void;
  /** Delay between polls. Default 500 ms. */
  pollMs?: number;
  /** Stops the wait (a failed verification) when the run is cancelled (see cancel.ts). */
  signal?: AbortSignal | undefined;
}

const MAX_LOG_BYTES = 4 * 1024 * 1024;

type LogSource = { kind: 'file'; file: string } | { kind: 'command'; command: string } | { kind: 'none' };

export function logSource(config: DeployConfig, root: string): LogSource {
  if (config.log_file) return { kind: 'file', file: path.posix.resolve(root, config.log_file) };
  const logs = config.logs;
  if (!logs) return { kind: 'none' };
  if (!/\s/.test(logs) && !logs.includes('{since}'))
    return { kind: 'file', file: path.posix.resolve(root, logs) };
  return { kind: 'command', command: logs };
}

/** Restarts the service and verifies it; never throws for a failed verification. */
export async function restartAndVerify(
  target: Target,
  config: DeployConfig,
  options: VerifyOptions,
): Promise<VerifyOutcome> {
  const { layout } = target;
  const source = logSource(config, layout.root);
  const expect = options.expect ? config.verify.expect : [];
  if (expect.length > 0 && source.kind === 'none')
    return {
      ok: false,
      reason:
        'deploy.verify.expect lists patterns but neither deploy.logs nor deploy.log_file says where the log is',
      lines: [],
    };

  // Where the log stands before the restart.
  const mark = await target.run(
    'reading the log position',
    source.kind === 'file'
      ? sh`if [ -f ${source.file} ]; then wc -c < ${source.file}; else echo 0; fi`
      : 'date +%s',
  );
  const position = Number(mark.stdout.trim()) || 0;
  // A log command filters by whole seconds: lines written in the second before the restart
  // (an earlier attempt's traceback, say) come back too. What it prints before the restart
  // is that overlap, and is dropped from what it prints afterwards.
  const baseline = source.kind === 'command' ? (await poll(target, config, source, position)).text : '';

  const restart = await target.exec(inRoot(layout, config.restart));
  if (restart.code !== 0)
    return {
      ok: false,
      reason: `the restart command (deploy.restart: ${config.restart}) failed (exit ${restart.code})${tail(restart)}`,
      lines: [],
    };
  options.log(`restarted: ${config.restart}`);

  const deadline = Date.now() + durationSeconds(config.verify.timeout) * 1000;
  const settleMs = durationSeconds(config.verify.settle) * 1000;
  const pollMs = options.pollMs ?? 500;
  if (options.expect && expect.length === 0)
    options.log(
      'warning: deploy.verify.expect is empty, so the service is judged by is_active alone; list lines it logs once its models are loaded',
    );
  let activeOk = false;
  let lastActive = '';
  /** When the service was first seen active with every expected line, since it stayed so. */
  let healthySince: number | undefined;
  let logProblem: string | undefined;
  for (;;) {
    const { text, problem, activeCode, activeLine } = await poll(target, config, source, position);
    logProblem = problem;
    const lines = dropOverlap(baseline, text);
    const failing = lines.find((line) => config.verify.fail.some((p) => line.includes(p)));
    if (failing !== undefined) {
      const index = lines.indexOf(failing);
      const context = lines.slice(index, index + 6).filter((l) => l.trim() !== '');
      return { ok: false, reason: `the service log shows a failure: ${failing.trim()}`, lines: context };
    }
    const matched = expect.map((p) => lines.find((line) => line.includes(p)));
    activeOk = activeCode === 0;
    lastActive = `exit ${activeCode}${activeLine ? `: ${activeLine}` : ''}`;
    const allSeen = matched.every((m) => m !== undefined);
    if (activeOk && allSeen) {
      // Seen once is not enough: a service that loads and then crashes (on its first bar, on
      // a lazily loaded model) would pass. It must stay active, with no failure line, for
      // deploy.verify.settle and at least one more poll.
      if (healthySince === undefined) healthySince = Date.now();
      else if (Date.now() - healthySince >= settleMs)
        return {
          ok: true,
          lines: unique(matched.filter((m): m is string => m !== undefined).map((l) => l.trim())),
        };
    } else healthySince = undefined;
    if (options.signal?.aborted)
      return {
        ok: false,
        reason: `cancelled (${reasonOf(options.signal)}) while verifying the restart`,
        lines: lines.filter((l) => l.trim() !== '').slice(-10),
      };
    // Once healthy, the settle period runs to its end even past the timeout.
    if (healthySince === undefined && Date.now() >= deadline) {
      const missing = expect.filter((_, i) => matched[i] === undefined);
      const why = [
        activeOk ? undefined : `the is-active command (${config.is_active}) did not succeed (${lastActive})`,
        missing.length > 0
          ? `the log since the restart lacks ${missing.map((m) => JSON.stringify(m)).join(', ')}`
          : undefined,
        logProblem,
      ].filter(Boolean);
      const seconds = durationSeconds(config.verify.timeout);
      return {
        ok: false,
        reason: `within ${seconds} s (deploy.verify.timeout) ${why.join(' and ')}`,
        lines: lines.filter((l) => l.trim() !== '').slice(-10),
      };
    }
    await sleepUnlessAborted(pollMs, options.signal);
  }
}

const LOG_RC = '::modelgate-log-exit=';

interface Poll {
  activeCode: number;
  activeLine: string;
  text: string;
  problem?: string;
}

/** One round trip per poll: the is-active command's exit code, then the log since the restart. */
async function poll(
  target: Target,
  config: DeployConfig,
  source: LogSource,
  position: number,
): Promise<Poll> {
  // Configured commands go on lines of their own: a trailing `# comment` in one must not
  // swallow the text that follows it.
  const active = `a=$( (\n${inRoot(target.layout, config.is_active)}\n) 2>&1 ); rc=$?; printf '%s\n' "$rc"; printf '%s\n' "$a" | head -n 1`;
  let log = '';
  if (source.kind === 'file')
    log = sh`f=${source.file}; if [ -f "$f" ]; then n=$(wc -c < "$f"); if [ "$n" -lt ${position} ]; then o=1; else o=${position + 1}; fi; tail -c +"$o" -- "$f" | head -c ${MAX_LOG_BYTES}; fi`;
  else if (source.kind === 'command') {
    const command = source.command.split('{since}').join(sh`${String(position)}`);
    // Its stderr is not scanned: a tool's complaint is not the service's log.
    log = `(\n${inRoot(target.layout, command)}\n) 2>/dev/null; printf '\n${LOG_RC}%s\n' "$?"`;
  }
  const result = await target.exec([active, log].join('\n'), { timeoutMs: 60_000 });
  const first = result.stdout.indexOf('\n');
  const second = result.stdout.indexOf('\n', first + 1);
  const activeCode = Number(result.stdout.slice(0, first));
  const activeLine = result.stdout.slice(first + 1, second < 0 ? undefined : second).trim();
  let text = second < 0 ? '' : result.stdout.slice(second + 1);
  let problem: string | undefined;
  const marker = text.lastIndexOf(`\n${LOG_RC}`);
  if (marker >= 0) {
    const code = Number(text.slice(marker + LOG_RC.length + 1).trim());
    text = text.slice(0, marker);
    if (code !== 0) problem = `the log command (deploy.logs) exited with ${code}`;
  }
  if (result.code !== 0 || first < 0 || !Number.isInteger(activeCode))
    return {
      activeCode: Number.isInteger(activeCode) && first >= 0 ? activeCode : 1,
      activeLine,
      text,
      problem: `checking the service failed (exit ${result.code})${tail(result, 3)}`,
    };
  return { activeCode, activeLine, text, ...(problem ? { problem } : {}) };
}

/**
 * The lines of `text` after those it shares with `baseline` at its start. journalctl's
 * `-- ... --` marker lines (which differ between runs) are skipped while matching.
 */
export function dropOverlap(baseline: string, text: string): string[] {
  const lines = text.split('\n');
  if (!baseline) return lines;
  const seen = new Map<string, number>();
  for (const line of baseline.split('\n'))
    if (line.trim() !== '' && !line.startsWith('-- ')) seen.set(line, (seen.get(line) ?? 0) + 1);
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '' || line.startsWith('-- ')) continue;
    const count = seen.get(line) ?? 0;
    if (count === 0) break;
    seen.set(line, count - 1);
  }
  return lines.slice(i);
}

function unique(lines: string[]): string[] {
  return [...new Set(lines)];
}
