/** `gate`: training rules on a manifest, or shadow rules on trade logs; report, summary, comment. */
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { durationSeconds } from '../core/config/schema.js';
import { ConfigError, InputError } from '../core/errors.js';
import { upsertStickyComment } from '../core/gate/comment.js';
import { pullShadowLogs, resolveLogFiles } from '../core/gate/log-source.js';
import {
  COMMENT_MARKER,
  renderComment,
  renderShadowMarkdown,
  renderTrainingMarkdown,
} from '../core/gate/render.js';
import { evaluateShadowGate, type ShadowGateResult } from '../core/gate/shadow.js';
import { evaluateTrainingGate, type TrainingGateResult } from '../core/gate/training.js';
import { booleanInput, choiceInput, optionalInput } from '../core/inputs/source.js';
import { loadManifest } from '../core/manifest.js';
import type { CheckResult } from '../core/report/types.js';
import { loadConfigInput, openTarget, reportPathInput, resolveIn, writeJsonFile } from './common.js';
import type { Annotation, Command, CommandContext } from './types.js';

type Verdict = 'pass' | 'fail' | 'inconclusive';

interface GateOutcome {
  verdict: Verdict;
  passed: boolean;
  markdown: string;
  checks: CheckResult[];
  annotations: Annotation[];
  enabledHorizons: string[];
  metrics: unknown;
  extra: Record<string, unknown>;
}

function parseSince(value: string): Date {
  const asNumber = Number(value);
  const date =
    Number.isFinite(asNumber) && /^\d+(\.\d+)?$/.test(value) ? new Date(asNumber * 1000) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InputError(
      `Input since: expected an ISO time such as 2026-02-20T15:00:00Z or unix seconds, got ${JSON.stringify(value)}`,
      'since',
    );
  }
  return date;
}

async function trainingGate(
  ctx: CommandContext,
  config: Awaited<ReturnType<typeof loadConfigInput>>,
): Promise<GateOutcome> {
  const manifestInput = optionalInput(ctx.inputs, 'manifest');
  if (!manifestInput)
    throw new InputError(
      'Input required and not supplied: manifest (mode training gates the metrics of a release manifest)',
      'manifest',
    );
  const manifestPath = resolveIn(ctx, manifestInput);
  const manifest = await loadManifest(manifestPath);
  const baselineInput = optionalInput(ctx.inputs, 'baseline');
  const baseline = baselineInput ? await loadManifest(resolveIn(ctx, baselineInput)) : undefined;
  const result: TrainingGateResult = evaluateTrainingGate(
    manifest.metrics,
    config.config.gate.training,
    baseline?.metrics,
  );
  const annotations: Annotation[] = result.rules
    .filter((r) => r.status !== 'pass')
    .map((r) => ({
      severity: r.status === 'fail' ? 'error' : 'warning',
      message: r.message,
      file: manifestInput,
      title: `gate ${r.subject} ${r.metric}`,
    }));
  return {
    verdict: result.verdict,
    passed: result.passed,
    markdown: renderTrainingMarkdown(result, {
      manifest: manifest.id,
      ...(baseline ? { baseline: baseline.id } : {}),
    }),
    checks: result.rules.map((r) => ({
      name: `${r.scope}:${r.subject}:${r.metric}`,
      status: r.status,
      ms: 0,
      message: r.message,
      details: r,
    })),
    annotations,
    enabledHorizons: result.enabledHorizons,
    metrics: result.metrics,
    extra: {
      mode: 'training',
      release: manifest.id,
      horizons: result.horizons,
      warnings: result.warnings,
      ...(result.changes ? { changes: result.changes } : {}),
    },
  };
}

async function shadowGate(
  ctx: CommandContext,
  loaded: Awaited<ReturnType<typeof loadConfigInput>>,
  forPromotion: boolean,
): Promise<GateOutcome> {
  const shadow = loaded.config.gate.shadow;
  if (!shadow) {
    throw new ConfigError(
      `${loaded.file}: has no gate.shadow section; add one (logs, window, min_records, rules) to run the shadow gate`,
      { file: loaded.file, line: loaded.lineOf(['gate']) },
    );
  }
  const sinceInput = optionalInput(ctx.inputs, 'since');
  const since = sinceInput ? parseSince(sinceInput) : undefined;
  const logsInput = optionalInput(ctx.inputs, 'logs');
  let files: string[];
  let scratch: string | undefined;
  try {
    if (logsInput) {
      const specs = logsInput
        .split(/\n/)
        .map((s) => s.trim())
        .filter(Boolean);
      files = await resolveLogFiles(specs, ctx.workspace);
    } else {
      const { transport, deploy } = await openTarget(ctx, loaded);
      scratch = await mkdtemp(path.join(ctx.tempDir, 'modelgate-logs-'));
      try {
        const pulled = await ctx.log.group(`Pull trade logs from ${transport.description}`, () =>
          pullShadowLogs(transport, shadow.logs, deploy.path, scratch!, since ?? windowStart(shadow.window)),
        );
        for (const f of pulled.remote) ctx.log.info(`pulled ${f}`);
        files = pulled.files;
      } finally {
        await transport.close();
      }
    }
    const result: ShadowGateResult = await ctx.log.group(`Shadow gate over ${files.length} file(s)`, () =>
      evaluateShadowGate({
        files,
        config: shadow,
        ...(since ? { since } : {}),
        forPromotion,
        configFile: loaded.file,
      }),
    );
    const annotations: Annotation[] = result.rules
      .filter((r) => r.status === 'fail' || r.status === 'warn')
      .map((r) => ({
        severity: r.status === 'fail' ? 'error' : 'warning',
        message: r.message,
        title: `shadow gate ${r.metric}`,
      }));
    if (result.verdict === 'inconclusive')
      annotations.push({ severity: 'warning', message: result.summary, title: 'shadow gate inconclusive' });
    return {
      verdict: result.verdict,
      passed: result.passed,
      markdown: renderShadowMarkdown(result),
      checks: result.rules.map((r) => ({
        name: `${r.scope}:${r.metric}`,
        status: r.status,
        ms: 0,
        message: r.message,
        details: r,
      })),
      annotations,
      enabledHorizons: [],
      metrics: result.metrics,
      extra: {
        mode: 'shadow',
        summary: result.summary,
        window: result.window,
        warnings: result.warnings,
        files,
      },
    };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/** The oldest time the window reaches back to; a window of 0 takes every file. */
function windowStart(window: number | string): Date | undefined {
  const ms = durationSeconds(window) * 1000;
  return ms > 0 ? new Date(Date.now() - ms) : undefined;
}

async function postComment(ctx: CommandContext, markdown: string): Promise<void> {
  const token = ctx.inputs.get('github-token');
  ctx.secret(token);
  if (!token) {
    ctx.log.warning('comment: true but no github-token: the pull-request comment was not posted');
    return;
  }
  const api = ctx.github?.pullRequestComments(token);
  if (!api) {
    ctx.log.notice(
      'comment: true, but this run is not for a pull request: the result is only in the job summary',
    );
    return;
  }
  const { action, id } = await upsertStickyComment(
    api,
    renderComment(markdown, ctx.github?.runUrl()),
    COMMENT_MARKER,
  );
  ctx.log.info(`Pull-request comment ${action} (id ${id})`);
}

export const gateCommand: Command = async (ctx) => {
  const loaded = await loadConfigInput(ctx);
  const mode = choiceInput(ctx.inputs, 'mode', ['training', 'shadow'] as const, 'training') ?? 'training';
  const comment = booleanInput(ctx.inputs, 'comment', false);
  const reportPath = reportPathInput(ctx, `modelgate-gate-${mode}.json`);
  // Only the shadow gate judges promotion: too little data then fails the step.
  const promote = mode === 'shadow' && booleanInput(ctx.inputs, 'promote', false);
  const outcome =
    mode === 'training' ? await trainingGate(ctx, loaded) : await shadowGate(ctx, loaded, promote);
  await writeJsonFile(reportPath, {
    passed: outcome.passed,
    verdict: outcome.verdict,
    checks: outcome.checks,
    enabled_horizons: outcome.enabledHorizons,
    metrics: outcome.metrics,
    ...outcome.extra,
  });
  if (comment) await postComment(ctx, outcome.markdown);
  const failure =
    outcome.verdict === 'fail'
      ? `${mode} gate failed`
      : outcome.verdict === 'inconclusive' && promote
        ? 'shadow gate inconclusive: not enough data to promote yet'
        : undefined;
  return {
    outputs: {
      passed: String(outcome.passed),
      verdict: outcome.verdict,
      'enabled-horizons': outcome.enabledHorizons.join(','),
      metrics: JSON.stringify(outcome.metrics),
      report: reportPath,
    },
    summary: outcome.markdown,
    annotations: outcome.annotations,
    ...(failure ? { failure } : {}),
    ...(outcome.verdict === 'inconclusive' ? { exitCode: 3 } : {}),
  };
};
