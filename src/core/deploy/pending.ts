/**
 * `.modelgate/pending.json`: written before a deploy or promote changes anything live and
 * removed when it has finished (deployed, promoted or rolled back). If the run dies in
 * between (runner killed, connection lost for good), the next deploy or rollback finds it
 * under the lock and puts back what was live before (the release link and the flags file)
 * before doing its own work, so an interruption never leaves the server half-updated.
 */
import * as z from '../validation/zod.js';
import type { DeployConfig } from '../config/schema.js';
import { ModelgateError } from '../errors.js';
import { appendHistory } from './history.js';
import { readRemoteFile, removeRemoteFile, writeRemoteFile } from './remote-files.js';
import { listReleases, modelsState, switchModels } from './release-dir.js';
import { sh } from '../remote/quote.js';
import type { Target } from './target.js';
import { restartAndVerify } from './verify.js';

const pendingSchema = z.object({
  run_id: z.string(),
  actor: z.string(),
  action: z.enum(['deploy', 'promote']),
  phase: z.string(),
  id: z.string(),
  previous: z.nullable(z.string()),
  time: z.string(),
  flags: z.object({ path: z.string(), existed: z.boolean(), content: z.string() }),
});
export type Pending = z.infer<typeof pendingSchema>;

export async function writePending(target: Target, pending: Pending): Promise<void> {
  await writeRemoteFile(target, target.layout.pending, `${JSON.stringify(pending)}\n`);
}

export async function clearPending(target: Target): Promise<void> {
  await removeRemoteFile(target, target.layout.pending);
}

/**
 * Restores the state recorded by an interrupted run, then restarts the service on it and
 * verifies it, since the process still runs what the interrupted run switched to until it
 * restarts, and the run that recovers may itself stop before its own restart. True when
 * something was changed.
 */
export async function recoverInterrupted(
  target: Target,
  who: { actor: string; runId: string },
  options: { config: DeployConfig; log: (line: string) => void; pollMs?: number | undefined },
): Promise<boolean> {
  const { log } = options;
  const { layout } = target;
  const file = await readRemoteFile(target, layout.pending);
  if (!file.exists) return false;
  let pending: Pending;
  try {
    pending = pendingSchema.parse(JSON.parse(file.content.toString('utf8')));
  } catch {
    throw new ModelgateError(
      `${layout.pending} is unreadable: a deploy was interrupted and its record of what to restore is damaged. Check ${layout.models} and the flags file by hand, then remove ${layout.pending}`,
      'remote',
    );
  }
  log(
    `a ${pending.action} of ${pending.id} by ${pending.actor} (run ${pending.run_id}, ${pending.time}) did not finish; restoring what was live before it`,
  );
  const state = await modelsState(target);
  const live = state.kind === 'release' ? state.id : null;
  let models = `${layout.models} -> ${live === null ? '(none)' : `releases/${live}`} as it was`;
  if (live !== pending.previous) {
    const { releases } = await listReleases(target);
    if (pending.previous === null || releases.some((r) => r.id === pending.previous)) {
      await switchModels(target, pending.previous);
      models = `${layout.models} -> ${pending.previous === null ? '(none)' : `releases/${pending.previous}`}`;
      log(`restored ${models}`);
    } else {
      models = `not ${layout.models} (releases/${pending.previous} no longer exists; left at ${live ?? '(none)'})`;
      log(`releases/${pending.previous} no longer exists; ${layout.models} left at ${live ?? '(none)'}`);
    }
  }
  if (pending.flags.existed)
    await writeRemoteFile(target, pending.flags.path, Buffer.from(pending.flags.content, 'base64'));
  else await target.run(`removing ${pending.flags.path}`, sh`rm -f -- ${pending.flags.path}`);
  log(`restored ${pending.flags.path}`);
  const restarted = await restartAndVerify(target, options.config, {
    expect: true,
    log,
    pollMs: options.pollMs,
  }).catch((error: unknown) => ({
    ok: false,
    reason: error instanceof Error ? error.message : String(error),
  }));
  const service = restarted.ok
    ? 'the service restarted on it and verified'
    : `the service restarted on it but is not healthy: ${restarted.reason ?? 'verification failed'}`;
  log(restarted.ok ? 'restarted the service on what was restored; verified' : `warning: ${service}`);
  await appendHistory(target, {
    id: pending.id,
    previous: pending.previous,
    action: pending.action,
    phase: pending.phase,
    time: new Date().toISOString(),
    actor: who.actor,
    run_id: who.runId,
    result: 'interrupted',
    reason: `run ${pending.run_id} (${pending.actor}) stopped before finishing; restored ${models} and ${pending.flags.path}; ${service}`,
  });
  await clearPending(target);
  return true;
}
