/** `rollback`: a level (stacking, release, ml-off) applied on the target, then verified. */
import { rollback } from '../core/deploy/rollback.js';
import { booleanInput, choiceInput, optionalInput } from '../core/inputs/source.js';
import { InputError } from '../core/errors.js';
import { cancelOnSignals } from './cancel-on-signals.js';
import { loadConfigInput, openTarget, runIdentity } from './common.js';
import { deploySummary } from './deploy.js';
import type { Command } from './types.js';

export const rollbackCommand: Command = async (ctx) => {
  const loaded = await loadConfigInput(ctx);
  const level = choiceInput(ctx.inputs, 'level', ['stacking', 'release', 'ml-off'] as const);
  if (!level)
    throw new InputError('Input required and not supplied: level (stacking, release or ml-off)', 'level');
  const to = optionalInput(ctx.inputs, 'to');
  const dryRun = booleanInput(ctx.inputs, 'dry-run', false);
  const { transport, deploy } = await openTarget(ctx, loaded);
  let result;
  try {
    const log = (line: string): void => ctx.log.info(line);
    result = await cancelOnSignals(log, 'puts back what it changed and releases the lock', (signal) =>
      rollback({
        transport,
        config: deploy,
        rollback: loaded.config.rollback,
        level,
        ...(to ? { to } : {}),
        dryRun,
        ...runIdentity(ctx),
        log,
        signal,
      }),
    );
  } finally {
    await transport.close();
  }
  const failed = result.status === 'failed';
  const plan = result.plan.length
    ? `\n**Plan${dryRun ? ' (dry run, nothing changed)' : ''}:**\n\n${result.plan.map((p) => `1. ${p}`).join('\n')}\n`
    : '';
  return {
    outputs: { 'release-id': result.releaseId ?? '', level: result.level, status: result.status },
    summary:
      deploySummary(
        `Rollback ${level} on ${transport.description}: ${result.status}`,
        { ...result, logLines: [] },
        [
          ['Level', level],
          ['Live release', result.releaseId ?? 'unknown'],
        ],
      ) + plan,
    annotations: failed
      ? [
          {
            severity: 'error',
            message: `rollback ${level} failed: ${result.reason ?? 'see the job summary'}`,
            title: 'modelgate rollback',
          },
        ]
      : [],
    ...(failed ? { failure: `rollback ${level} failed: ${result.reason ?? ''}` } : {}),
  };
};
