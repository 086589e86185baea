/**
 * `rollback`: the seed's three hand-typed rollbacks, each under the deploy lock, each
 * followed by a restart and verification, each recorded in the history, each idempotent
 * (running it twice changes nothing the second time), and each with a dry run that prints
 * what it would do and changes nothing.
 * - `stacking`: the shadow flags again (`ML_ENABLE_STACKING=0`).
 * - `release`: `<models_dir>` back to `to`, or to the release that was live before the last
 *   deploy; when no release directory is left, from its backup archive, or the seed's
 *   `backup/macd_models_backup.tar.gz`.
 * - `ml-off`: the `rollback.ml_off` edit; fails when neither the pattern nor its replacement
 *   is in the file, instead of succeeding silently like `sed`.
 */
import { ModelgateError } from '../errors.js';
import { durationSeconds, type Config, type DeployConfig } from '../config/schema.js';
import { raw, sh } from '../remote/quote.js';
import type { Transport } from '../remote/transport.js';
import { defaultActor, defaultRunId } from './deploy.js';
import { applyFlags, describeFlags } from './flags.js';
import { appendHistory, previousOf, readHistory } from './history.js';
import { acquireLock } from './lock.js';
import { applyMlOff } from './ml-off.js';
import { recoverInterrupted } from './pending.js';
import {
  adoptPlainDirectory,
  listReleases,
  modelsState,
  switchModels,
  type ModelsState,
} from './release-dir.js';
import { readRemoteFile, writeRemoteFile } from './remote-files.js';
import { restoreArchive } from './restore.js';
import {
  checkReleaseId,
  inRoot,
  layoutFor,
  SEED_BACKUP,
  stamp,
  Steps,
  Target,
  type StepRecord,
} from './target.js';
import { restartAndVerify, type VerifyOutcome } from './verify.js';

export type RollbackLevel = 'stacking' | 'release' | 'ml-off';

export interface RollbackOptions {
  transport: Transport;
  config: DeployConfig;
  rollback: Config['rollback'];
  level: RollbackLevel;
  /** Release id for level `release` (default: the release live before the last deploy). */
  to?: string;
  dryRun?: boolean;
  actor?: string;
  runId?: string;
  log: (line: string) => void;
  lockTimeoutMs?: number;
  /** A fresh connection, used only to release the lock after the connection was lost. */
  reconnect?: () => Promise<Transport>;
  pollMs?: number;
  /** Stops a wait for the lock when cancelled (see cancel.ts); a rollback under way finishes. */
  signal?: AbortSignal;
}

export interface RollbackResult {
  /** The live release afterwards (null when the models dir is not a modelgate release). */
  releaseId: string | null;
  level: RollbackLevel;
  status: 'rolled-back' | 'unchanged' | 'dry-run' | 'failed';
  steps: StepRecord[];
  /** What was (or, in a dry run, would be) done, in order. */
  plan: string[];
  logLines: string[];
  reason?: string;
}

/** What a level will do, decided from the target's state without changing it. */
interface Decision {
  /** Nothing to change: the level is already in effect. */
  unchanged: boolean;
  plan: string[];
  /** The live release afterwards. */
  releaseId: string | null;
  apply: () => Promise<void>;
}

export async function rollback(options: RollbackOptions): Promise<RollbackResult> {
  const { config, level } = options;
  if (level !== 'stacking' && level !== 'release' && level !== 'ml-off')
    throw new ModelgateError(`rollback level "${String(level)}" is not stacking, release or ml-off`, 'input');
  if (options.to !== undefined && level !== 'release')
    throw new ModelgateError(`the input "to" applies only to level release, not ${level}`, 'input');
  if (options.to !== undefined) checkReleaseId(options.to, 'to');
  const target = new Target(options.transport, layoutFor(config), options.reconnect);
  const steps = new Steps(options.log);
  const who = { actor: options.actor ?? defaultActor(), runId: options.runId ?? defaultRunId() };
  options.log(
    `rollback ${level} on ${target.description}:${target.layout.root}${options.dryRun ? ' (dry run)' : ''}`,
  );

  if (options.dryRun) {
    const state = await modelsState(target);
    const decision = await decide(target, options, state);
    const plan = decision.unchanged
      ? [...decision.plan]
      : [...decision.plan, `restart: ${config.restart}`, verifyPlan(config, level)];
    plan.push(`append to ${target.layout.history}`);
    for (const line of plan) options.log(`would: ${line}`);
    return {
      releaseId: decision.releaseId,
      level,
      status: 'dry-run',
      steps: steps.records,
      plan,
      logLines: [],
    };
  }

  const lock = await steps.run('lock', async () => {
    const held = await acquireLock(target, {
      actor: who.actor,
      runId: who.runId,
      action: `rollback ${level}`,
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
  let before: ModelsState | undefined;
  // What the rollback did is done: a history it cannot write is a warning (retried once), not
  // a failure of a rollback that worked.
  const record = async (result: string, releaseId: string | null, reason?: string): Promise<void> => {
    try {
      await target.withRecovery(() =>
        appendHistory(target, {
          id: releaseId,
          previous: before?.kind === 'release' ? before.id : null,
          action: 'rollback',
          level,
          time: new Date().toISOString(),
          actor: who.actor,
          run_id: who.runId,
          result,
          ...(reason ? { reason } : {}),
        }),
      );
    } catch (error) {
      options.log(
        `warning: could not record the rollback in ${target.layout.history}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  try {
    const recovered = await recoverInterrupted(target, who, {
      config,
      log: options.log,
      pollMs: options.pollMs,
    });
    before = await modelsState(target);
    const state = before;
    let decision: Decision;
    try {
      decision = await steps.run(level, async () => {
        const d = await decide(target, options, state);
        if (!d.unchanged) await d.apply();
        return { value: d, message: d.plan.join('; ') };
      });
    } catch (error) {
      await record(
        'failed',
        state.kind === 'release' ? state.id : null,
        error instanceof Error ? error.message : String(error),
      );
      throw error;
    }
    const plan = [...decision.plan];
    if (decision.unchanged && !recovered) {
      // Already in effect: no restart, but say whether the service is running.
      const active = await target.exec(inRoot(target.layout, config.is_active));
      if (active.code === 0) {
        steps.add('verify', 'skip', 0, `already in effect; the service is active, not restarted`);
        await record('unchanged', decision.releaseId);
        return {
          releaseId: decision.releaseId,
          level,
          status: 'unchanged',
          steps: steps.records,
          plan,
          logLines: [],
        };
      }
      options.log(`already in effect, but the service is not active (exit ${active.code}); restarting it`);
    }
    const started = Date.now();
    let verify: VerifyOutcome;
    try {
      verify = await restartAndVerify(target, config, {
        expect: level !== 'ml-off',
        log: options.log,
        pollMs: options.pollMs,
      });
    } catch (error) {
      verify = { ok: false, reason: error instanceof Error ? error.message : String(error), lines: [] };
    }
    steps.add(
      'verify',
      verify.ok ? 'pass' : 'fail',
      Date.now() - started,
      verify.ok ? 'service active; log checked' : (verify.reason ?? 'failed'),
    );
    plan.push(`restarted: ${config.restart}`);
    const status = verify.ok ? 'rolled-back' : 'failed';
    await record(status, decision.releaseId, verify.ok ? undefined : verify.reason);
    return {
      releaseId: decision.releaseId,
      level,
      status,
      steps: steps.records,
      plan,
      logLines: verify.lines,
      ...(verify.ok ? {} : { reason: verify.reason }),
    };
  } finally {
    try {
      await lock.release();
    } catch (error) {
      options.log(
        `could not release the lock: ${error instanceof Error ? error.message : String(error)}; remove it by hand once this run has stopped`,
      );
    }
  }
}

function verifyPlan(config: DeployConfig, level: RollbackLevel): string {
  const expect = level === 'ml-off' ? [] : config.verify.expect;
  return `verify within ${durationSeconds(config.verify.timeout)} s: ${config.is_active} succeeds, the log shows ${expect.map((p) => JSON.stringify(p)).join(', ') || '(no expect patterns)'} and none of ${config.verify.fail.map((p) => JSON.stringify(p)).join(', ')}`;
}

async function decide(target: Target, options: RollbackOptions, state: ModelsState): Promise<Decision> {
  const live = state.kind === 'release' ? state.id : null;
  switch (options.level) {
    case 'stacking':
      return decideStacking(target, options, live);
    case 'ml-off':
      return decideMlOff(target, options, live);
    case 'release':
      return decideRelease(target, options, state);
  }
}

async function decideStacking(
  target: Target,
  options: RollbackOptions,
  live: string | null,
): Promise<Decision> {
  const flags = options.config.flags.shadow;
  if (Object.keys(flags).length === 0)
    throw new ModelgateError(
      'rollback stacking: deploy.flags.shadow is empty, so there is no flag to turn stacking off; set it (e.g. ML_ENABLE_STACKING: "0")',
      'config',
    );
  const file = await readRemoteFile(target, target.layout.flagsFile);
  const edit = applyFlags(file.content.toString('utf8'), flags);
  if (!edit.changed)
    return {
      unchanged: true,
      plan: [`${file.path} already has ${describeFlags(flags)}`],
      releaseId: live,
      apply: async () => {},
    };
  return {
    unchanged: false,
    plan: [
      `set in ${file.path}: ${edit.changes.map((c) => `${c.key}=${c.to} (was ${c.from ?? 'absent'}${c.duplicatesRemoved ? `, ${c.duplicatesRemoved} duplicate(s) removed` : ''})`).join(', ')}`,
    ],
    releaseId: live,
    apply: () => writeRemoteFile(target, file.path, edit.text),
  };
}

async function decideMlOff(target: Target, options: RollbackOptions, live: string | null): Promise<Decision> {
  const spec = options.rollback.ml_off;
  if (!spec)
    throw new ModelgateError(
      'rollback ml-off: rollback.ml_off is not configured; add { file, pattern, replace } (e.g. live_config.py, "use_ml_enhancement = True", "use_ml_enhancement = False")',
      'config',
    );
  const path = `${target.layout.root}/${spec.file}`;
  const file = await readRemoteFile(target, path);
  if (!file.exists)
    throw new ModelgateError(
      `rollback ml-off: ${path} does not exist on ${target.description}; check rollback.ml_off.file`,
      'check',
    );
  const edit = applyMlOff(file.content.toString('utf8'), spec.pattern, spec.replace);
  if (edit.state === 'missing')
    throw new ModelgateError(
      `rollback ml-off: ${file.path} contains neither ${JSON.stringify(spec.pattern)} (rollback.ml_off.pattern) nor ${JSON.stringify(spec.replace)} (rollback.ml_off.replace); nothing was changed. Fix the pattern to match the file`,
      'check',
      { file: spec.file },
    );
  if (edit.state === 'already')
    return {
      unchanged: true,
      plan: [`${file.path} already has ${JSON.stringify(spec.replace)}`],
      releaseId: live,
      apply: async () => {},
    };
  return {
    unchanged: false,
    plan: [
      `replace ${JSON.stringify(spec.pattern)} with ${JSON.stringify(spec.replace)} in ${file.path} (${edit.count} occurrence${edit.count === 1 ? '' : 's'})`,
    ],
    releaseId: live,
    apply: () => writeRemoteFile(target, file.path, edit.text),
  };
}

async function decideRelease(
  target: Target,
  options: RollbackOptions,
  state: ModelsState,
): Promise<Decision> {
  const { layout } = target;
  if (state.kind === 'foreign')
    throw new ModelgateError(
      `rollback release: ${state.detail}; make ${layout.models} a directory (or remove it) so modelgate can manage it`,
      'remote',
    );
  const live = state.kind === 'release' ? state.id : null;
  const history = await readHistory(target, options.log);
  const { releases } = await listReleases(target);
  const have = new Set(releases.map((r) => r.id));
  // The history decides (null: the last deploy went onto a server with no models); only a
  // server without history falls back to the newest other release directory.
  const fromHistory = previousOf(history);
  let wanted = options.to ?? fromHistory ?? undefined;
  if (wanted === undefined && fromHistory === undefined) wanted = releases.find((r) => r.id !== live)?.id;
  if (wanted !== undefined && wanted === live)
    return {
      unchanged: true,
      plan: [`${layout.modelsName} already points at releases/${wanted}`],
      releaseId: wanted,
      apply: async () => {},
    };

  const plan: string[] = [];
  let source: { archive: string; id: string } | undefined;
  if (wanted === undefined || !have.has(wanted)) {
    const archives = await target.exec(
      sh`cd -- ${layout.backup} 2>/dev/null || exit 0; ${raw(wanted ? sh`[ -f ${`${wanted}.tar.gz`} ] && echo own;` : '')} if [ -e ${SEED_BACKUP} ]; then printf 'seed %s\\n' "$(readlink -- ${SEED_BACKUP})"; fi`,
    );
    const lines = archives.stdout.split('\n');
    if (wanted && lines.includes('own'))
      source = { archive: `${layout.backup}/${wanted}.tar.gz`, id: wanted };
    else if (options.to === undefined) {
      const seed = lines.find((l) => l.startsWith('seed '));
      if (seed !== undefined) {
        const link = seed.slice(5);
        const fromLink = /^([A-Za-z0-9][A-Za-z0-9._-]*)\.tar\.gz$/.exec(link)?.[1];
        const id = fromLink && !fromLink.includes('..') ? fromLink : `restored-${stamp()}`;
        source = { archive: `${layout.backup}/${SEED_BACKUP}`, id };
      }
    }
    if (!source) {
      const known = [...have].filter((id) => id !== live);
      throw new ModelgateError(
        wanted
          ? `rollback release: releases/${wanted} is not on ${target.description} and there is no backup/${wanted}.tar.gz${options.to ? '' : ` or backup/${SEED_BACKUP}`}; ` +
              (known.length ? `releases available: ${known.join(', ')}` : 'no other release is available')
          : `rollback release: nothing to roll back to on ${target.description}: ${fromHistory === null ? 'the last deploy went onto a server with no models' : 'no previous release in the history and no other release directory'}, and there is no backup/${SEED_BACKUP}`,
        'check',
      );
    }
    if (source.id === live)
      return {
        unchanged: true,
        plan: [`${layout.modelsName} already points at releases/${source.id}`],
        releaseId: live,
        apply: async () => {},
      };
    plan.push(`restore ${source.archive} into releases/${source.id} (no release directory is left)`);
  }
  const id = source?.id ?? (wanted as string);
  const adopted = state.kind === 'directory' ? `pre-modelgate-${stamp()}` : undefined;
  if (adopted)
    plan.unshift(
      `move the plain directory ${layout.models} into releases/${adopted} (kept, so it can be rolled back to)`,
    );
  plan.push(`switch ${layout.modelsName} -> releases/${id} (was ${live ?? (adopted ? adopted : 'absent')})`);
  // The flags stay as they are: say so when they are not the shadow flags, since the release
  // rolled back to then runs with them (the stacking level turns them off).
  const flagsFile = await readRemoteFile(target, layout.flagsFile);
  const shadow = options.config.flags.shadow;
  const drift = flagsFile.exists ? applyFlags(flagsFile.content.toString('utf8'), shadow).changes : [];
  if (drift.length > 0)
    plan.push(
      `leave ${layout.flagsFile} as it is (${drift.map((c) => `${c.key}=${c.from ?? '(unset)'}`).join(', ')}, not the shadow ${describeFlags(shadow)}); run rollback --level stacking as well to go back to the shadow flags`,
    );
  return {
    unchanged: false,
    plan,
    releaseId: id,
    apply: async () => {
      if (adopted) await adoptPlainDirectory(target, adopted);
      if (source) await restoreArchive(target, source.archive, source.id);
      await switchModels(target, id);
    },
  };
}
