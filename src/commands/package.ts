/** `package`: bundle dir -> reproducible tarball, manifest, notes; optional artifact upload. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from '../core/validation/zod.js';
import { ModelgateError } from '../core/errors.js';
import { runHealthcheck } from '../core/health/healthcheck.js';
import { booleanInput, choiceInput, optionalInput, requiredInput } from '../core/inputs/source.js';
import { packageRelease } from '../core/package/package.js';
import type { Report } from '../core/report/types.js';
import { describeIssue, dottedPath } from '../core/validation/describe.js';
import { parseJsonText } from '../core/validation/json-text.js';
import { cancelOnSignals } from './cancel-on-signals.js';
import { checkAnnotations } from './healthcheck.js';
import { loadConfigInput, resolveIn } from './common.js';
import type { Annotation, Command, CommandContext, CommandResult } from './types.js';

const reportSchema = z.object({
  passed: z.boolean(),
  checks: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['pass', 'warn', 'fail', 'skip']),
      ms: z.number(),
      message: z.string(),
      details: z.optional(z.unknown()),
    }),
  ),
});

async function readHealthReport(file: string): Promise<Report> {
  let value: unknown;
  try {
    value = parseJsonText(await readFile(file, 'utf8'), file).value;
  } catch (error) {
    const where = error instanceof ModelgateError ? error : undefined;
    throw new ModelgateError(
      `${where ? where.message : `${file}: cannot read the health report (${(error as Error).message})`}; pass the report the healthcheck action wrote`,
      'input',
      { file, line: where?.line },
    );
  }
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ModelgateError(
      `${file}: ${dottedPath(issue.path)}: ${describeIssue(issue, value)}; expected a modelgate healthcheck report`,
      'input',
      { file },
    );
  }
  return parsed.data;
}

async function upload(
  ctx: CommandContext,
  enabled: boolean,
  name: string,
  files: string[],
  dir: string,
  notes: Annotation[],
): Promise<string> {
  if (!enabled) {
    ctx.log.info('Artifact upload skipped (upload-artifact: false).');
    return '';
  }
  if (!ctx.inActions || !ctx.github) {
    ctx.log.notice('Not running inside GitHub Actions: artifact upload skipped.');
    return '';
  }
  if (!ctx.env.ACTIONS_RUNTIME_TOKEN) {
    notes.push({
      severity: 'warning',
      message:
        'ACTIONS_RUNTIME_TOKEN is not set, so the tarball was not uploaded as an artifact; run this action as a step of a GitHub-hosted or self-hosted runner job, or set upload-artifact: false',
    });
    return '';
  }
  try {
    const id = await ctx.log.group(`Upload artifact ${name}`, () =>
      ctx.github!.uploadArtifact(name, files, dir),
    );
    return id === undefined ? '' : String(id);
  } catch (error) {
    notes.push({
      severity: 'warning',
      message: `artifact upload failed: ${(error as Error).message}; the tarball is still at ${files[0]}`,
    });
    return '';
  }
}

export const packageCommand: Command = async (ctx): Promise<CommandResult> => {
  const loaded = await loadConfigInput(ctx);
  const bundleDir = resolveIn(ctx, requiredInput(ctx.inputs, 'bundle'));
  const name = optionalInput(ctx.inputs, 'name');
  const timestamp = optionalInput(ctx.inputs, 'timestamp');
  const language = choiceInput(ctx.inputs, 'language', ['en', 'zh'] as const, 'en') ?? 'en';
  const uploadEnabled = booleanInput(ctx.inputs, 'upload-artifact', true);
  const outputInput = optionalInput(ctx.inputs, 'output-dir');
  const outputDir = outputInput
    ? resolveIn(ctx, outputInput)
    : path.join(ctx.inActions ? ctx.tempDir : ctx.workspace, 'modelgate-release');
  const reportInput = optionalInput(ctx.inputs, 'health-report');
  const health = reportInput
    ? await readHealthReport(resolveIn(ctx, reportInput))
    : () =>
        ctx.log.group('Healthcheck', () =>
          runHealthcheck({
            bundle: bundleDir,
            config: loaded.config,
            configFile: loaded.file,
            workDir: ctx.tempDir,
            onProgress: (l) => ctx.log.info(l),
          }),
        );
  const annotations: Annotation[] = [];
  let healthChecks: Report['checks'] = typeof health === 'function' ? [] : health.checks;
  let result;
  try {
    const log = (line: string): void => ctx.log.info(line);
    result = await ctx.log.group('Package', () =>
      cancelOnSignals(log, 'removes its unfinished files', (signal) =>
        packageRelease({
          bundleDir,
          config: loaded.config,
          configFile: loaded.file,
          ...(name ? { name } : {}),
          ...(timestamp ? { timestamp } : {}),
          outputDir,
          language,
          ...(typeof health === 'function'
            ? {
                health: async () => {
                  const report = await health();
                  healthChecks = report.checks;
                  return report;
                },
              }
            : { health, healthSource: reportInput }),
          env: ctx.env,
          onProgress: log,
          signal,
        }),
      ),
    );
  } catch (error) {
    // A failed healthcheck stops packaging: annotate the files it named, then fail once.
    if (!(error instanceof ModelgateError) || !healthChecks.some((c) => c.status === 'fail')) throw error;
    return { outputs: {}, annotations: checkAnnotations(healthChecks), failure: error.message };
  }
  const artifactId = await upload(
    ctx,
    uploadEnabled,
    result.releaseId,
    [result.tarball, result.manifestPath],
    outputDir,
    annotations,
  );
  return {
    outputs: {
      tarball: result.tarball,
      manifest: result.manifestPath,
      notes: result.notes,
      'release-id': result.releaseId,
      sha256: result.sha256,
      size: String(result.size),
      'artifact-id': artifactId,
    },
    summary: result.notes,
    annotations,
  };
};
