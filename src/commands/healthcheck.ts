/** `healthcheck`: inputs -> runHealthcheck -> report file, outputs, summary, annotations. */
import { runHealthcheck } from '../core/health/healthcheck.js';
import { renderHealthSummary } from '../core/health/render.js';
import { optionalInput, requiredInput } from '../core/inputs/source.js';
import type { CheckResult } from '../core/report/types.js';
import { loadConfigInput, reportPathInput, resolveIn, writeJsonFile } from './common.js';
import type { Annotation, Command } from './types.js';

export function checkAnnotations(checks: readonly CheckResult[]): Annotation[] {
  const out: Annotation[] = [];
  for (const check of checks) {
    if (check.problems?.length) {
      for (const p of check.problems) out.push({ ...p, title: `modelgate ${check.name}` });
    } else if (check.status === 'fail' || check.status === 'warn') {
      out.push({
        severity: check.status === 'fail' ? 'error' : 'warning',
        message: `${check.name}: ${check.message}`,
        title: `modelgate ${check.name}`,
      });
    }
  }
  return out;
}

export const healthcheckCommand: Command = async (ctx) => {
  const loaded = await loadConfigInput(ctx);
  const bundle = resolveIn(ctx, requiredInput(ctx.inputs, 'bundle'));
  const manifest = optionalInput(ctx.inputs, 'manifest');
  const command = optionalInput(ctx.inputs, 'command');
  const reportPath = reportPathInput(ctx, 'modelgate-healthcheck.json');
  const report = await ctx.log.group(`Healthcheck of ${bundle}`, () =>
    runHealthcheck({
      bundle,
      config: loaded.config,
      configFile: loaded.file,
      ...(manifest ? { manifest: resolveIn(ctx, manifest) } : {}),
      ...(command ? { command } : {}),
      workDir: ctx.tempDir,
      onProgress: (line) => ctx.log.info(line),
    }),
  );
  await writeJsonFile(reportPath, report);
  const failed = report.checks.filter((c) => c.status === 'fail').map((c) => c.name);
  return {
    outputs: {
      passed: String(report.passed),
      report: reportPath,
      files: String(report.files),
      'duration-ms': String(Math.round(report.durationMs)),
      inference: report.inference ? JSON.stringify(report.inference) : '',
    },
    summary: renderHealthSummary(report),
    annotations: checkAnnotations(report.checks),
    ...(report.passed ? {} : { failure: `healthcheck failed: ${failed.join(', ')} (report: ${reportPath})` }),
  };
};
