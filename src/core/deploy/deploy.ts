/**
 * `deploy`: the seed's scp + `tar -xzf` over the live directory + restart + journalctl +
 * `echo >> .env`, made safe. Phase `shadow` (the default) installs a new release; phase
 * `promote` sets the promote flags on the release already live. The sequence (see the
 * issue): lock, preflight, upload (resumable), checksum on the target, safe extract into
 * `releases/<id>`, backup, atomic switch, flags, restart, verify; any failure after the
 * switch switches back, restores the flags, restarts and verifies again. Every outcome is
 * appended to the history, and the lock is always released.
 *
 * Refusals before anything live changed (lock held, preflight, checksum, unsafe tarball)
 * throw a ModelgateError. After an automatic rollback the result has status `rolled-back`
 * and a reason; the action entry fails the step in that case.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { formatSize } from '../bundle/files.js';
import { ModelgateError } from '../errors.js';
import { durationSeconds, type DeployConfig } from '../config/schema.js';
import type { Manifest } from '../manifest.js';
import type { Transport, UploadProgress } from '../remote/transport.js';
import { applyFlags, describeFlags } from './flags.js';
import { appendHistory, previousOf, readHistory, type HistoryEntry } from './history.js';
import { acquireLock, type HeldLock } from './lock.js';
import { cancelledError } from './cancel.js';
import { clearPending, recoverInterrupted, writePending } from './pending.js';
import { preflight } from './preflight.js';
import {
  adoptPlainDirectory,
  backupRelease,
  extractRelease,
  listReleases,
  modelsState,
  prune,
  switchModels,
  verifyReleaseDir,
  type ModelsState,
} from './release-dir.js';
import { readRemoteFile, writeRemoteFile, type RemoteText } from './remote-files.js';
import { checkTarball, type CheckedTarball } from './tarball.js';
import { checkReleaseId, layoutFor, stamp, Steps, Target, type StepRecord } from './target.js';
import { uploadTarball, type UploadOutcome } from './upload.js';
import { restartAndVerify, type VerifyOutcome } from './verify.js';
import { sh } from '../remote/quote.js';

export type DeployPhase = 'shadow' | 'promote';

export interface DeployOptions {
  transport: Transport;
  config: DeployConfig;
  /** The release tarball; not needed for `promote`. */
  tarball?: string;
  manifest: Manifest;
  phase: DeployPhase;
  dryRun?: boolean;
  /** Who deploys (default: GITHUB_ACTOR, else the local user name). */
  actor?: string;
  /** Run id recorded in the lock and the history (default: GITHUB_RUN_ID, else generated). */
  runId?: string;
  log: (line: string) => void;
  /** Overrides deploy.lock_timeout. */
  lockTimeoutMs?: number;
  /**
   * A fresh connection to the same target. Used only to clean up after the connection was
   * lost (switch back, restore flags, release the lock), never to repeat a step.
   */
  reconnect?: () => Promise<Transport>;
  /** Sees every upload progress report (the tests cut the connection from here). */
  onUploadProgress?: (p: UploadProgress) => void;
  /** Delay between verification polls (default 500 ms). */
  pollMs?: number;
  /** Cancels the run (see cancel.ts): it stops before its next step and undoes what it changed. */
  signal?: AbortSignal;
  /** Fail the upload when nothing was sent for this long (default: deploy.command_timeout). */
  uploadStallMs?: number;
}

export type DeployStatus = 'deployed' | 'promoted' | 'rolled-back' | 'dry-run' | 'failed';

export interface DeployResult {
  releaseId: string;
  previousReleaseId: string | null;
  status: DeployStatus;
  steps: StepRecord[];
  /** Log lines that verification matched (or the failure it saw). */
  logLines: string[];
  /** What a dry run would do, or what this run did, in order. */
  plan: string[];
  reason?: string;
}

export function defaultActor(): string {
  return process.env.GITHUB_ACTOR || os.userInfo().username;
}

export function defaultRunId(): string {
  return process.env.GITHUB_RUN_ID
    ? `${process.env.GITHUB_RUN_ID}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}`
    : `local-${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const { config, manifest } = options;
  const id = checkReleaseId(manifest.id, 'manifest id');
  const target = new Target(options.transport, layoutFor(config), options.reconnect);
  const steps = new Steps(options.log, options.signal);
  const who = { actor: options.actor ?? defaultActor(), runId: options.runId ?? defaultRunId() };
  if (options.phase !== 'shadow' && options.phase !== 'promote')
    throw new ModelgateError(`phase "${String(options.phase)}" is not shadow or promote`, 'input');
  options.log(
    `${options.phase === 'shadow' ? 'deploying' : 'promoting'} ${id} to ${target.description}:${target.layout.root}${options.dryRun ? ' (dry run)' : ''}`,
  );

  let checked: CheckedTarball | undefined;
  if (options.phase === 'shadow') {
    if (!options.tarball)
      throw new ModelgateError('deploy needs the tarball (input tarball) for phase shadow', 'input', {});
    const tarball = options.tarball;
    checked = await steps.run('tarball', async () => {
      const c = await checkTarball(tarball, manifest);
      return {
        value: c,
        message: `${c.files} files, ${formatSize(c.size)}, sha256 ${c.sha256.slice(0, 12)}… matches the manifest; no unsafe entries`,
      };
    });
  }
  if (options.dryRun) return dryRun(target, options, steps, checked);

  const lock = await steps.run('lock', async () => {
    const held = await acquireLock(target, {
      actor: who.actor,
      runId: who.runId,
      action: options.phase === 'shadow' ? 'deploy' : 'promote',
      timeoutMs: options.lockTimeoutMs ?? durationSeconds(config.lock_timeout) * 1000,
      staleMs: durationSeconds(config.stale_lock) * 1000,
      log: options.log,
      signal: options.signal,
    });
    return {
      value: held,
      message: `${target.layout.lock} held by ${held.holder.actor} (run ${held.holder.run_id})`,
    };
  });
  try {
    await recoverInterrupted(target, who, { config, log: options.log, pollMs: options.pollMs });
    return options.phase === 'shadow'
      ? await shadow(target, options, steps, who, checked as CheckedTarball)
      : await promote(target, options, steps, who);
  } finally {
    await releaseLock(lock, options.log);
  }
}

async function releaseLock(lock: HeldLock, log: (line: string) => void): Promise<void> {
  try {
    await lock.release();
  } catch (error) {
    log(
      `could not release the lock: ${error instanceof Error ? error.message : String(error)}; remove it by hand once this run has stopped`,
    );
  }
}

interface Who {
  actor: string;
  runId: string;
}

type Outcome = Pick<HistoryEntry, 'id' | 'previous' | 'result' | 'reason'>;

/**
 * Writes this run's history entries for `phase`. With `finished`, the same command removes
 * the pending record: the run ended in a state it vouches for, so no later run restores over it.
 */
function historyWriter(
  target: Target,
  who: Who,
  phase: DeployPhase,
): (outcome: Outcome, finished: boolean) => Promise<void> {
  return (outcome, finished) =>
    appendHistory(
      target,
      {
        id: outcome.id,
        previous: outcome.previous,
        action: phase === 'shadow' ? 'deploy' : 'promote',
        phase,
        time: new Date().toISOString(),
        actor: who.actor,
        run_id: who.runId,
        result: outcome.result,
        reason: outcome.reason,
      },
      { finished },
    );
}

/** What is live and what was live before it, from the link and the history. */
function previousFor(state: ModelsState, id: string, history: HistoryEntry[]): string | null {
  if (state.kind === 'release') return state.id === id ? (previousOf(history, id) ?? null) : state.id;
  if (state.kind === 'directory') return `pre-modelgate-${stamp()}`;
  return null;
}

async function shadow(
  target: Target,
  options: DeployOptions,
  steps: Steps,
  who: Who,
  checked: CheckedTarball,
): Promise<DeployResult> {
  const { config, manifest } = options;
  const { layout } = target;
  const id = manifest.id;
  const part = `${layout.incoming}/${id}.tar.gz.part`;
  const plan: string[] = [];
  const record = historyWriter(target, who, 'shadow');

  let previous: string | null = null;
  let switched = false;
  let flagsBefore: RemoteText | undefined;
  let flagsWritten = false;
  try {
    await steps.run('preflight', async () => {
      const facts = await preflight(target, config, {
        tarballBytes: checked.size,
        extractedBytes: checked.extractedBytes,
      });
      return {
        value: facts,
        message: `${formatSize(facts.freeBytes)} free (${formatSize(facts.requiredBytes)} needed); service ${facts.serviceActive ? 'active' : `not active now (${facts.isActiveOutput || 'is-active failed'})`}`,
      };
    });

    const { releases } = await listReleases(target);
    const existing = releases.some((r) => r.id === id)
      ? await verifyReleaseDir(target, `${layout.releases}/${id}`, manifest)
      : undefined;
    const state = await modelsState(target);
    if (state.kind === 'foreign')
      throw new ModelgateError(
        `${target.description}: ${state.detail}; make ${layout.models} a directory (or remove it) so modelgate can manage it`,
        'remote',
      );
    if (existing?.ok) {
      steps.add('upload', 'skip', 0, `releases/${id} is already on the target and matches the manifest`);
      steps.add('extract', 'skip', 0, `releases/${id} verified (${existing.checkedBy})`);
    } else {
      if (existing && state.kind === 'release' && state.id === id)
        throw new ModelgateError(
          `${target.description}: the live release releases/${id} no longer matches its manifest (${existing.problems.slice(0, 3).join('; ')}); roll back to another release first`,
          'check',
        );
      await steps.run('upload', async () => {
        const outcome = await uploadTarballStep(target, options, part, checked);
        return {
          value: outcome,
          message: `${outcome.resumedFrom > 0 ? `resumed at ${formatSize(outcome.resumedFrom)}, ` : ''}sent ${formatSize(outcome.sent)}; sha256 verified ${outcome.verifiedBy === 'target' ? 'on the target' : 'by reading it back'}`,
        };
      });
      plan.push(`uploaded ${options.tarball ?? ''} to ${part}`);
      await steps.run('extract', async () => {
        const outcome = await extractRelease(target, part, manifest);
        await target.exec(sh`rm -f -- ${part}`);
        return {
          value: outcome,
          message: `releases/${id}: ${manifest.files.length} files match the manifest (${outcome.checkedBy})`,
        };
      });
      plan.push(`extracted into releases/${id}`);
    }

    const history = await readHistory(target, options.log);
    previous = previousFor(state, id, history);
    const alreadyLive = state.kind === 'release' && state.id === id;
    flagsBefore = await readRemoteFile(target, layout.flagsFile);
    await writePending(target, {
      run_id: who.runId,
      actor: who.actor,
      action: 'deploy',
      phase: 'shadow',
      id,
      previous: alreadyLive ? id : previous,
      time: new Date().toISOString(),
      flags: {
        path: flagsBefore.path,
        existed: flagsBefore.exists,
        content: flagsBefore.content.toString('base64'),
      },
    });

    await steps.run('backup', async () => {
      if (state.kind === 'directory' && previous) {
        await adoptPlainDirectory(target, previous);
        plan.push(`moved the plain ${layout.modelsName}/ directory into releases/${previous}`);
      }
      if (!previous || alreadyLive)
        return {
          value: undefined,
          message: alreadyLive ? `${id} is already live` : 'nothing live to back up',
        };
      const archive = await backupRelease(target, previous);
      plan.push(`archived releases/${previous} into ${archive}`);
      return {
        value: undefined,
        message: `${previous} archived in backup/${previous}.tar.gz (backup/macd_models_backup.tar.gz points at it)`,
      };
    });

    if (!alreadyLive) {
      await steps.run('switch', async () => {
        switched = true;
        await switchModels(target, id);
        plan.push(`switched ${layout.modelsName} -> releases/${id}`);
        return {
          value: undefined,
          message: `${layout.modelsName} -> releases/${id} (was ${previous ?? 'absent'})`,
        };
      });
    } else steps.add('switch', 'skip', 0, `${layout.modelsName} already points at releases/${id}`);

    await flagsStep(steps, target, flagsBefore, config.flags.shadow, plan, () => {
      flagsWritten = true;
    });
  } catch (error) {
    if (!switched && !flagsWritten) {
      // Nothing live changed: a refusal. Record it (best effort) and report it as thrown.
      await bestEffort(options.log, () =>
        target.withRecovery(() =>
          record(
            {
              id,
              previous,
              result: 'failed',
              reason: error instanceof Error ? error.message : String(error),
            },
            true,
          ),
        ),
      );
      throw error;
    }
    const reason = error instanceof Error ? error.message : String(error);
    return autoRollback(target, options, steps, who, {
      id,
      previous,
      switched,
      flagsBefore,
      flagsWritten,
      reason,
      verify: undefined,
      plan,
    });
  }

  const verify = await verifyStep(target, options, steps);
  if (!verify.ok)
    return autoRollback(target, options, steps, who, {
      id,
      previous,
      switched,
      flagsBefore,
      flagsWritten,
      reason: verify.reason ?? 'verification failed',
      verify,
      plan,
    });
  plan.push(`restarted and verified`);

  // The release is live and verified: neither the record nor the clean-up may turn that into
  // a failure. A pending record left behind, though, would make the next run restore the
  // previous release, so it goes on its own when the history cannot be written.
  await steps.run('history', async () => {
    let recorded = `recorded in ${layout.history}`;
    try {
      await target.withRecovery(() => record({ id, previous, result: 'deployed' }, true));
    } catch (error) {
      await bestEffort(options.log, () => target.withRecovery(() => clearPending(target)));
      recorded = `not recorded in ${layout.history} (${error instanceof Error ? error.message : String(error)}); the release is live and verified`;
    }
    let removed: string[] = [];
    await bestEffort(options.log, async () => {
      removed = await prune(target, config.keep_releases, new Set([id, ...(previous ? [previous] : [])]));
    });
    return {
      value: undefined,
      message: `${recorded}${removed.length > 0 ? `; removed ${removed.join(', ')}` : ''}`,
    };
  });
  return {
    releaseId: id,
    previousReleaseId: previous,
    status: 'deployed',
    steps: steps.records,
    logLines: verify.lines,
    plan,
  };
}

function uploadTarballStep(
  target: Target,
  options: DeployOptions,
  part: string,
  checked: CheckedTarball,
): Promise<UploadOutcome> {
  return uploadTarball(target, {
    localFile: options.tarball as string,
    remotePart: part,
    size: checked.size,
    sha256: checked.sha256,
    log: options.log,
    stallMs: options.uploadStallMs ?? durationSeconds(options.config.command_timeout) * 1000,
    ...(options.onUploadProgress ? { onProgress: options.onUploadProgress } : {}),
  });
}

/**
 * The `flags` step of both phases: writes the flags when they differ from `before` (calling
 * `onWrite` first, since from then on the live state may have changed) and notes them in the plan.
 */
async function flagsStep(
  steps: Steps,
  target: Target,
  before: RemoteText,
  flags: Record<string, string>,
  plan: string[],
  onWrite: () => void,
): Promise<void> {
  await steps.run('flags', async () => {
    const message = await setFlags(target, before, flags, onWrite);
    plan.push(`flags: ${describeFlags(flags)}`);
    return { value: undefined, message };
  });
}

/** Writes the flags when they differ; returns the step message. */
async function setFlags(
  target: Target,
  before: RemoteText,
  flags: Record<string, string>,
  onWrite: () => void,
): Promise<string> {
  const edit = applyFlags(before.content.toString('utf8'), flags);
  if (!edit.changed) return `${target.layout.flagsFile} already has ${describeFlags(flags)}`;
  onWrite();
  await writeRemoteFile(target, before.path, edit.text);
  return `${before.path}: ${edit.changes
    .map(
      (c) =>
        `${c.key}=${c.to}${c.from === undefined ? ' (added)' : c.from !== c.to ? ` (was ${c.from})` : ''}${c.duplicatesRemoved > 0 ? ` (${c.duplicatesRemoved} duplicate line(s) removed)` : ''}`,
    )
    .join(', ')}`;
}

interface Failure {
  id: string;
  previous: string | null;
  switched: boolean;
  flagsBefore: RemoteText | undefined;
  flagsWritten: boolean;
  reason: string;
  verify: VerifyOutcome | undefined;
  plan: string[];
}

/**
 * Puts back what was live (the release link and the flags file), restarts and verifies.
 * Each action is retried once on a fresh connection when the connection was lost.
 */
async function autoRollback(
  target: Target,
  options: DeployOptions,
  steps: Steps,
  who: Who,
  f: Failure,
): Promise<DeployResult> {
  const { config } = options;
  const record = historyWriter(target, who, options.phase);
  steps.undoing();
  options.log(`rolling back: ${f.reason}`);
  let restored: VerifyOutcome;
  try {
    restored = await steps.run('rollback', async () => {
      if (f.switched) await target.withRecovery(() => switchModels(target, f.previous));
      const before = f.flagsBefore;
      if (f.flagsWritten && before) {
        await target.withRecovery(() =>
          before.exists
            ? writeRemoteFile(target, before.path, before.content)
            : target.run(`removing ${before.path}`, sh`rm -f -- ${before.path}`).then(() => undefined),
        );
      }
      const outcome = await target.withRecovery(() =>
        restartAndVerify(target, config, {
          expect: f.previous !== null,
          log: options.log,
          pollMs: options.pollMs,
        }),
      );
      const what = [
        f.switched
          ? `${target.layout.modelsName} -> ${f.previous === null ? '(none)' : `releases/${f.previous}`}`
          : undefined,
        f.flagsWritten ? 'flags restored' : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      if (!outcome.ok)
        throw new ModelgateError(
          `restored (${what}) but the service is still not healthy: ${outcome.reason ?? ''}`,
          'remote',
        );
      return { value: outcome, message: `${what}; service healthy again` };
    });
  } catch (error) {
    const reason = `${f.reason}; automatic rollback failed: ${error instanceof Error ? error.message : String(error)}`;
    // Not finished: the pending record stays, so the next run restores what was live.
    await bestEffort(options.log, () =>
      target.withRecovery(() => record({ id: f.id, previous: f.previous, result: 'failed', reason }, false)),
    );
    return {
      releaseId: f.id,
      previousReleaseId: f.previous,
      status: 'failed',
      steps: steps.records,
      logLines: f.verify?.lines ?? [],
      plan: f.plan,
      reason,
    };
  }
  await bestEffort(options.log, () =>
    target.withRecovery(() =>
      record({ id: f.id, previous: f.previous, result: 'rolled-back', reason: f.reason }, true),
    ),
  );
  return {
    releaseId: f.id,
    previousReleaseId: f.previous,
    status: 'rolled-back',
    steps: steps.records,
    logLines: [...(f.verify?.lines ?? []), ...restored.lines.map((l) => `(after rollback) ${l}`)],
    plan: f.plan,
    reason: f.reason,
  };
}

async function promote(
  target: Target,
  options: DeployOptions,
  steps: Steps,
  who: Who,
): Promise<DeployResult> {
  const { config, manifest } = options;
  const { layout } = target;
  const id = manifest.id;
  const plan: string[] = [];
  const record = historyWriter(target, who, 'promote');
  const state = await modelsState(target);
  const history = await readHistory(target, options.log);
  const previous = state.kind === 'release' && state.id === id ? (previousOf(history, id) ?? null) : null;
  let flagsBefore: RemoteText | undefined;
  let flagsWritten = false;
  try {
    await steps.run('live', async () => {
      if (state.kind !== 'release' || state.id !== id)
        throw new ModelgateError(
          `refusing to promote ${id}: the live release on ${target.description} is ${state.kind === 'release' ? state.id : `not a modelgate release (${layout.models} is ${state.kind})`}; deploy ${id} with phase shadow first`,
          'check',
        );
      return { value: undefined, message: `${layout.modelsName} -> releases/${id}` };
    });
    flagsBefore = await readRemoteFile(target, layout.flagsFile);
    await writePending(target, {
      run_id: who.runId,
      actor: who.actor,
      action: 'promote',
      phase: 'promote',
      id,
      previous: id,
      time: new Date().toISOString(),
      flags: {
        path: flagsBefore.path,
        existed: flagsBefore.exists,
        content: flagsBefore.content.toString('base64'),
      },
    });
    await flagsStep(steps, target, flagsBefore, config.flags.promote, plan, () => {
      flagsWritten = true;
    });
  } catch (error) {
    if (!flagsWritten) {
      await bestEffort(options.log, () =>
        record(
          { id, previous, result: 'failed', reason: error instanceof Error ? error.message : String(error) },
          true,
        ),
      );
      throw error;
    }
    return autoRollback(target, options, steps, who, {
      id,
      previous: id,
      switched: false,
      flagsBefore,
      flagsWritten,
      reason: error instanceof Error ? error.message : String(error),
      verify: undefined,
      plan,
    });
  }
  const verify = await verifyStep(target, options, steps);
  if (!verify.ok)
    return autoRollback(target, options, steps, who, {
      id,
      previous: id,
      switched: false,
      flagsBefore,
      flagsWritten,
      reason: verify.reason ?? 'verification failed',
      verify,
      plan,
    });
  await steps.run('history', async () => {
    await record({ id, previous, result: 'promoted' }, true);
    return { value: undefined, message: `recorded in ${layout.history}` };
  });
  return {
    releaseId: id,
    previousReleaseId: previous,
    status: 'promoted',
    steps: steps.records,
    logLines: verify.lines,
    plan,
  };
}

/** Read-only: what a deploy would do, from the target's current state. */
async function dryRun(
  target: Target,
  options: DeployOptions,
  steps: Steps,
  checked: CheckedTarball | undefined,
): Promise<DeployResult> {
  const { config, manifest } = options;
  const { layout } = target;
  const id = manifest.id;
  const plan: string[] = [];
  const state = await modelsState(target);
  const history = await readHistory(target, options.log);
  const flags = await readRemoteFile(target, layout.flagsFile);
  const lock = await target.exec(sh`cat -- ${layout.lock} 2>/dev/null`);
  const pending = await target.exec(sh`[ -f ${layout.pending} ]`);
  if (lock.code === 0 && lock.stdout.trim()) plan.push(`wait for the lock, held now: ${lock.stdout.trim()}`);
  else plan.push(`take the lock ${layout.lock}`);
  if (pending.code === 0) plan.push(`restore what was live before an interrupted run (${layout.pending})`);
  let previous: string | null = null;
  if (options.phase === 'shadow') {
    const c = checked as CheckedTarball;
    await steps.run('preflight', async () => {
      const facts = await preflight(target, config, {
        tarballBytes: c.size,
        extractedBytes: c.extractedBytes,
      });
      return {
        value: facts,
        message: `${formatSize(facts.freeBytes)} free (${formatSize(facts.requiredBytes)} needed)`,
      };
    });
    if (state.kind === 'foreign')
      throw new ModelgateError(
        `${target.description}: ${state.detail}; make it a directory (or remove it) so modelgate can manage it`,
        'remote',
      );
    previous = previousFor(state, id, history);
    plan.push(
      `upload ${options.tarball ?? ''} (${formatSize(c.size)}) to ${layout.incoming}/${id}.tar.gz.part and check its sha256 ${c.sha256} on the target`,
    );
    plan.push(`extract into ${layout.releases}/${id} and check ${c.files} files against the manifest`);
    if (state.kind === 'directory')
      plan.push(
        `move the plain directory ${layout.models} into ${layout.releases}/${previous} (so it can be rolled back to)`,
      );
    if (previous && !(state.kind === 'release' && state.id === id)) {
      plan.push(
        `archive ${layout.releases}/${previous} into ${layout.backup}/${previous}.tar.gz and point backup/macd_models_backup.tar.gz at it`,
      );
      plan.push(`switch ${layout.models} -> releases/${id} (atomic rename of a new link)`);
    } else if (!previous) plan.push(`link ${layout.models} -> releases/${id}`);
  } else {
    if (state.kind !== 'release' || state.id !== id)
      throw new ModelgateError(
        `refusing to promote ${id}: the live release is ${state.kind === 'release' ? state.id : `not a modelgate release (${state.kind})`}; deploy it first`,
        'check',
      );
    previous = previousOf(history, id) ?? null;
  }
  const wanted = options.phase === 'shadow' ? config.flags.shadow : config.flags.promote;
  const edit = applyFlags(flags.content.toString('utf8'), wanted);
  plan.push(
    edit.changed
      ? `set in ${flags.path}: ${edit.changes.map((c) => `${c.key}=${c.to} (now ${c.from ?? 'absent'})`).join(', ')}`
      : `${flags.path} already has ${describeFlags(wanted)}`,
  );
  plan.push(`restart: ${config.restart}`);
  plan.push(
    `verify within ${durationSeconds(config.verify.timeout)} s: ${config.is_active} succeeds, the log shows ${config.verify.expect.map((p) => JSON.stringify(p)).join(', ') || '(no expect patterns)'} and none of ${config.verify.fail.map((p) => JSON.stringify(p)).join(', ')}`,
  );
  plan.push(`on failure: switch back to ${previous ?? '(none)'}, restore ${flags.path}, restart and verify`);
  plan.push(
    `append to ${layout.history}${options.phase === 'shadow' ? `; keep the newest ${config.keep_releases} releases` : ''}`,
  );
  for (const line of plan) options.log(`would: ${line}`);
  return {
    releaseId: id,
    previousReleaseId: previous,
    status: 'dry-run',
    steps: steps.records,
    logLines: [],
    plan,
  };
}

/** Restart and verification as one step; a failed verification is a failed step, not a throw. */
async function verifyStep(target: Target, options: DeployOptions, steps: Steps): Promise<VerifyOutcome> {
  const { config } = options;
  const started = Date.now();
  let outcome: VerifyOutcome;
  const cancellation = steps.cancellation;
  try {
    if (cancellation?.aborted) throw cancelledError(cancellation, 'the restart');
    outcome = await restartAndVerify(target, config, {
      expect: true,
      log: options.log,
      pollMs: options.pollMs,
      signal: cancellation,
    });
  } catch (error) {
    outcome = { ok: false, reason: error instanceof Error ? error.message : String(error), lines: [] };
  }
  const expect = config.verify.expect.map((p) => JSON.stringify(p)).join(', ');
  steps.add(
    'verify',
    outcome.ok ? 'pass' : 'fail',
    Date.now() - started,
    outcome.ok
      ? `service active; the log shows ${expect || 'no failure pattern'}`
      : (outcome.reason ?? 'failed'),
  );
  return outcome;
}

async function bestEffort(log: (line: string) => void, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    log(`warning: ${error instanceof Error ? error.message : String(error)}`);
  }
}
