/**
 * One deployment at a time on a target: `<path>/.modelgate/lock`. The holder (who, which
 * run, which action, since when) is written to a private temporary file which is then
 * hard-linked to the lock name; `ln` fails when the name exists, so the create is atomic on
 * every POSIX file system, and the lock is never seen half-written. A second deploy or
 * rollback waits (polling) up to the lock timeout and then fails naming the holder. A lock
 * older than `stale_lock` is left behind by a run that died (runner killed, machine lost):
 * it is moved aside, checked to be the same lock that was judged stale, and removed.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import * as z from '../validation/zod.js';
import { ModelgateError } from '../errors.js';
import { sh } from '../remote/quote.js';
import { cancelledError, sleepUnlessAborted } from './cancel.js';
import type { Target } from './target.js';

const holderSchema = z.object({
  actor: z.string(),
  run_id: z.string(),
  action: z.string(),
  host: z.string(),
  pid: z.number(),
  time: z.string(),
  token: z.string(),
});
export type LockHolder = z.infer<typeof holderSchema>;

export interface LockRequest {
  actor: string;
  runId: string;
  action: string;
  timeoutMs: number;
  staleMs: number;
  log: (line: string) => void;
  /** Delay between attempts while waiting; grows to 4x. Default 500 ms. */
  pollMs?: number;
  /** Stops waiting for the lock when the run is cancelled (see cancel.ts). */
  signal?: AbortSignal | undefined;
}

export interface HeldLock {
  holder: LockHolder;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): Promise<void>;
}

interface Observed {
  state: 'acquired' | 'held' | 'vanished';
  ageSeconds?: number;
  raw?: string;
  holder?: LockHolder;
}

export async function acquireLock(target: Target, request: LockRequest): Promise<HeldLock> {
  const { layout } = target;
  const holder: LockHolder = {
    actor: request.actor,
    run_id: request.runId,
    action: request.action,
    host: os.hostname(),
    pid: process.pid,
    time: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  const content = `${JSON.stringify(holder)}\n`;
  const started = Date.now();
  let delay = request.pollMs ?? 500;
  let lastReported = 0;
  for (;;) {
    if (request.signal?.aborted) throw cancelledError(request.signal, `taking the lock ${layout.lock}`);
    const seen = await tryAcquire(target, content, holder.token);
    if (seen.state === 'acquired') {
      if (lastReported)
        request.log(`lock acquired after waiting ${Math.round((Date.now() - started) / 1000)} s`);
      return {
        holder,
        release: async () => {
          await target.withRecovery(() =>
            target.run(
              'releasing the lock',
              sh`if grep -qF -- ${holder.token} ${layout.lock} 2>/dev/null; then rm -f -- ${layout.lock}; fi`,
            ),
          );
        },
      };
    }
    if (seen.state === 'vanished') continue;
    const age = seen.ageSeconds ?? 0;
    if (age * 1000 > request.staleMs) {
      request.log(
        `the lock ${layout.lock} is ${age} s old (stale after ${Math.round(request.staleMs / 1000)} s): ${describeHolder(seen)}; removing it`,
      );
      await breakStale(target, seen.raw ?? '');
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= request.timeoutMs) {
      throw new ModelgateError(
        `${layout.lock} is held by ${describeHolder(seen)}, ${age} s ago; gave up after waiting ${Math.round(waited / 1000)} s (deploy.lock_timeout). ` +
          `Wait for that run to finish and retry; if it is certainly no longer running, remove the lock file (it is treated as stale after deploy.stale_lock)`,
        'remote',
      );
    }
    if (lastReported === 0 || Date.now() - lastReported > 30_000) {
      request.log(`waiting for the lock: held by ${describeHolder(seen)}`);
      lastReported = Date.now();
    }
    await sleepUnlessAborted(Math.min(delay, Math.max(0, request.timeoutMs - waited)), request.signal);
    delay = Math.min(delay * 1.5, (request.pollMs ?? 500) * 4);
  }
}

async function tryAcquire(target: Target, content: string, token: string): Promise<Observed> {
  const { layout } = target;
  const tmp = `${layout.state}/lock.${token}`;
  const script = sh`r=${layout.root}; s=${layout.state}; l=${layout.lock}; t=${tmp}
[ -d "$r" ] || { echo "$r does not exist: create the service directory first (deploy.path)" >&2; exit 3; }
[ -d "$s" ] || mkdir -- "$s" 2>/dev/null || [ -d "$s" ] || { echo "cannot create $s: check that deploy.path is writable by the deploy user" >&2; exit 3; }
cat > "$t" || { rm -f -- "$t"; exit 3; }
if ln -- "$t" "$l" 2>/dev/null; then rm -f -- "$t"; echo acquired; exit 0; fi
rm -f -- "$t"
m=$(stat -c %Y -- "$l" 2>/dev/null) || { echo vanished; exit 0; }
echo held; echo "$(( $(date +%s) - m ))"; cat -- "$l" 2>/dev/null`;
  const result = await target.run(`taking the lock ${layout.lock}`, script, { stdin: content });
  const [state, age, ...rest] = result.stdout.split('\n');
  if (state === 'acquired') return { state: 'acquired' };
  if (state === 'vanished') return { state: 'vanished' };
  if (state !== 'held')
    throw new ModelgateError(
      `${target.description}: unexpected output while taking the lock: ${result.stdout.slice(0, 200)}`,
      'remote',
    );
  const raw = rest.join('\n');
  const parsed = (() => {
    try {
      return holderSchema.safeParse(JSON.parse(raw));
    } catch {
      return undefined;
    }
  })();
  return {
    state: 'held',
    ageSeconds: Math.max(0, Number(age) || 0),
    raw,
    holder: parsed?.success ? parsed.data : undefined,
  };
}

/**
 * Moves the stale lock aside and removes it only if it is the lock that was judged stale; a
 * lock taken meanwhile by another run is put back.
 */
async function breakStale(target: Target, judged: string): Promise<void> {
  const { layout } = target;
  const aside = `${layout.state}/lock.stale-${randomBytes(6).toString('hex')}`;
  const script = sh`l=${layout.lock}; a=${aside}
mv -- "$l" "$a" 2>/dev/null || exit 0
if [ "$(cat -- "$a")" = "$(cat)" ]; then rm -f -- "$a"; echo removed; else ln -- "$a" "$l" 2>/dev/null; rm -f -- "$a"; echo restored; fi`;
  await target.run('removing a stale lock', script, { stdin: judged.replace(/\n+$/, '') });
}

function describeHolder(seen: Observed): string {
  const h = seen.holder;
  if (!h) return `an unreadable holder (${JSON.stringify((seen.raw ?? '').slice(0, 120))})`;
  return `${h.actor} (run ${h.run_id}, ${h.action}, on ${h.host} pid ${h.pid}, since ${h.time})`;
}
