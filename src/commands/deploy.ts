/** `deploy`: tarball + manifest -> the target, through deploy() over the chosen transport. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readTarballFile } from '../core/bundle/tar.js';
import { deploy, type DeployResult } from '../core/deploy/deploy.js';
import { ModelgateError } from '../core/errors.js';
import { booleanInput, choiceInput, optionalInput, requiredInput } from '../core/inputs/source.js';
import { loadManifest, parseManifest, type Manifest } from '../core/manifest.js';
import { manifestPathFor } from '../core/package/package.js';
import { cancelOnSignals } from './cancel-on-signals.js';
import { loadConfigInput, openTarget, resolveIn, runIdentity } from './common.js';
import { renderSteps } from './render-steps.js';
import type { Command, CommandContext } from './types.js';

/** The manifest input, else `<id>.manifest.json` beside the tarball, else manifest.json inside it. */
export async function resolveManifest(ctx: CommandContext, tarball: string): Promise<Manifest> {
  const given = optionalInput(ctx.inputs, 'manifest');
  if (given) return loadManifest(resolveIn(ctx, given));
  const beside = manifestPathFor(tarball);
  if (existsSync(beside)) return loadManifest(beside);
  // package writes manifest.json as the first entry: read just that, not the whole release.
  const inside = await readTarballFile(tarball, 'manifest.json');
  if (!inside) {
    throw new ModelgateError(
      `${tarball}: no manifest beside it (${path.basename(beside)}) or inside it; pass the manifest input or package the bundle with modelgate package`,
      'input',
      { file: tarball },
    );
  }
  return parseManifest(inside.toString('utf8'), `${tarball}:manifest.json`);
}

export function deploySummary(
  title: string,
  result: Pick<DeployResult, 'steps' | 'logLines' | 'reason'> & { status: string },
  facts: [string, string][],
): string {
  const lines = [
    `## ${title}`,
    '',
    ...facts.map(([k, v]) => `- **${k}:** ${v}`),
    '',
    renderSteps(result.steps),
  ];
  if (result.reason) lines.push('', `**Reason:** ${result.reason}`);
  if (result.logLines.length)
    lines.push(
      '',
      '<details><summary>Matched service log lines</summary>',
      '',
      '```',
      ...result.logLines.slice(-50),
      '```',
      '</details>',
    );
  return `${lines.join('\n')}\n`;
}

export const deployCommand: Command = async (ctx) => {
  const loaded = await loadConfigInput(ctx);
  const tarball = resolveIn(ctx, requiredInput(ctx.inputs, 'tarball'));
  if (!existsSync(tarball))
    throw new ModelgateError(
      `${tarball}: tarball not found; pass the tarball output of the package action`,
      'input',
      { file: tarball },
    );
  const phase = choiceInput(ctx.inputs, 'phase', ['shadow', 'promote'] as const, 'shadow') ?? 'shadow';
  const dryRun = booleanInput(ctx.inputs, 'dry-run', false);
  const manifest = await resolveManifest(ctx, tarball);
  const { transport, deploy: settings } = await openTarget(ctx, loaded);
  let result: DeployResult;
  try {
    const log = (line: string): void => ctx.log.info(line);
    result = await cancelOnSignals(log, 'puts back what it changed and releases the lock', (signal) =>
      deploy({
        transport,
        config: settings,
        tarball,
        manifest,
        phase,
        dryRun,
        ...runIdentity(ctx),
        log,
        signal,
      }),
    );
  } finally {
    await transport.close();
  }
  const failed = result.status === 'rolled-back' || result.status === 'failed';
  return {
    outputs: {
      'release-id': result.releaseId,
      'previous-release-id': result.previousReleaseId ?? '',
      status: result.status,
    },
    summary: deploySummary(
      `Deploy ${manifest.id} (${phase}) to ${transport.description}: ${result.status}`,
      result,
      [
        ['Release', result.releaseId],
        ['Previous', result.previousReleaseId ?? 'none'],
        ['Target', `${transport.description} ${settings.path}`],
      ],
    ),
    annotations: failed
      ? [
          {
            severity: 'error',
            message: `deploy ${result.status}: ${result.reason ?? 'see the job summary'}`,
            title: 'modelgate deploy',
          },
        ]
      : [],
    ...(failed ? { failure: `deploy ${result.status}: ${result.reason ?? ''}` } : {}),
  };
};
