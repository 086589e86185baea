/**
 * `command`: a check of the user's own (input `command`), run in a shell with the bundle's
 * directory in MODELGATE_BUNDLE. It prints `{"checks": [...]}` on stdout; those checks join
 * the report. A non-zero exit, output that is not that JSON, or a timeout fails the check
 * with the tail of its stderr.
 */
import { existsSync } from 'node:fs';
import * as z from '../validation/zod.js';
import type { CheckStatus, Problem } from '../report/types.js';
import { describeIssue, dottedPath } from '../validation/describe.js';
import { formatMs, plural, worst, type CheckOutcome, type HealthContext } from './context.js';
import { PARSE_ONCE } from '../validation/once.js';

const userCheckSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  status: z.enum(['pass', 'warn', 'fail', 'skip']),
  message: z._default(z.string(), ''),
  ms: z.optional(z.number().check(z.nonnegative())),
  details: z.optional(z.unknown()),
  file: z.optional(z.string()),
  line: z.optional(z.number().check(z.int(), z.positive())),
});

const outputSchema = z.looseObject({ checks: z.array(userCheckSchema) });

export type UserCheck = z.infer<typeof userCheckSchema>;

export interface CommandOptions {
  /** Default 10 minutes: a hung command must not hold the job until the runner's 6-hour limit. */
  timeoutMs?: number;
  /** Largest stdout accepted, in bytes. */
  maxStdout?: number;
}

const STDERR_TAIL_LINES = 20;
const STDERR_KEEP = 16 * 1024;

export interface CommandRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderrTail: string;
  timedOut: boolean;
  overflow: boolean;
  ms: number;
}

/**
 * Runs `command` in bash (sh when bash is absent) in its own process group, so a timeout kills
 * all of it. node:child_process is loaded here, when a command is configured, not with the
 * healthcheck: most healthchecks run none, and loading it costs every one of them about 2 ms.
 */
export async function runUserCommand(
  command: string,
  env: NodeJS.ProcessEnv,
  options: CommandOptions = {},
): Promise<CommandRun> {
  const { spawn } = await import('node:child_process');
  const timeoutMs = options.timeoutMs ?? 10 * 60 * 1000;
  const maxStdout = options.maxStdout ?? 16 * 1024 * 1024;
  const shell = existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh';
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(shell, ['-c', command], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    let outBytes = 0;
    let overflow = false;
    let err = '';
    let timedOut = false;
    const killGroup = (): void => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxStdout) {
        overflow = true;
        killGroup();
        return;
      }
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderrTail: tail(err),
        timedOut,
        overflow,
        ms: performance.now() - started,
      });
    });
  });
}

function tail(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  return lines.slice(-STDERR_TAIL_LINES).join('\n');
}

export async function checkCommand(ctx: HealthContext, options: CommandOptions = {}): Promise<CheckOutcome> {
  const command = ctx.command?.trim();
  if (!command) return { status: 'skip', message: 'no command input' };
  const env = { ...process.env, MODELGATE_BUNDLE: ctx.root, MODELGATE_CONFIG: ctx.configFile };
  const run = await runUserCommand(command, env, options);
  const withStderr = (message: string): string =>
    run.stderrTail ? `${message}; stderr ends with:\n${run.stderrTail}` : `${message} (stderr was empty)`;
  const failed = (message: string): CheckOutcome => {
    const full = withStderr(message);
    return {
      status: 'fail',
      message: full,
      details: { command, exitCode: run.code, signal: run.signal, stderrTail: run.stderrTail },
      problems: [{ severity: 'error', message: full }],
    };
  };
  if (run.timedOut)
    return failed(
      `command \`${command}\` did not finish within ${formatMs(options.timeoutMs ?? 600_000)} and was killed`,
    );
  if (run.overflow)
    return failed(
      `command \`${command}\` printed more than ${options.maxStdout ?? 16 * 1024 * 1024} bytes on stdout and was killed; print only the {"checks": [...]} JSON`,
    );
  if (run.code !== 0)
    return failed(
      `command \`${command}\` exited with ${run.code === null ? `signal ${run.signal}` : `code ${run.code}`}`,
    );

  let value: unknown;
  try {
    value = JSON.parse(run.stdout);
  } catch {
    const first = run.stdout.trim().split('\n')[0] ?? '';
    const shown = first
      ? `begins ${JSON.stringify(first.length > 80 ? `${first.slice(0, 77)}...` : first)}`
      : 'is empty';
    return failed(
      `command \`${command}\` must print {"checks": [...]} as JSON on stdout, but its output ${shown}; send logs to stderr`,
    );
  }
  const parsed = outputSchema.safeParse(value, PARSE_ONCE);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return failed(
      `command \`${command}\` printed JSON that is not {"checks": [...]}: ${dottedPath(issue.path)}: ${describeIssue(issue, value)}`,
    );
  }

  const checks = parsed.data.checks;
  const problems: Problem[] = checks
    .filter((c) => c.status === 'fail' || c.status === 'warn')
    .map((c) => ({
      severity: c.status === 'fail' ? 'error' : 'warning',
      message: `${c.name}: ${c.message}`,
      ...(c.file ? { file: c.file } : {}),
      ...(c.line ? { line: c.line } : {}),
    }));
  const statuses = checks.map((c) => c.status as CheckStatus);
  const status = checks.length ? worst(statuses) : 'warn';
  const details = { command, checks, ms: Math.round(run.ms) };
  if (!checks.length) return { status, message: `command \`${command}\` reported no checks`, details };
  const bad = checks.find((c) => c.status === status && (status === 'fail' || status === 'warn'));
  const counts = (['pass', 'warn', 'fail', 'skip'] as const)
    .map((s) => [s, checks.filter((c) => c.status === s).length] as const)
    .filter(([, n]) => n)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  const message = `${plural(checks.length, 'check')} from \`${command}\` (${counts})${bad ? `: ${bad.name}: ${bad.message}` : ''}`;
  return {
    status: status === 'skip' ? 'pass' : status,
    message,
    details,
    ...(problems.length ? { problems } : {}),
  };
}
