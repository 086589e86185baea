/**
 * The job summary, read like the seed's health section: one row per check with its status
 * and time, the inference result, then what failed or warned (per file), the golden-vector
 * differences per model and the ONNX models' inputs, outputs and latency.
 */
import { formatSize } from '../bundle/files.js';
import type { CheckResult, CheckStatus } from '../report/types.js';
import { formatDiff, formatTolerance, type GoldenRow } from './check-golden.js';
import type { OnnxLoadDetails } from './check-load.js';
import { formatMs } from './context.js';
import type { HealthReport } from './healthcheck.js';
import { formatDims } from '../models/onnx.js';

const SYMBOL: Record<CheckStatus, string> = { pass: '✓', warn: '⚠', fail: '✗', skip: '–' };

/** Escapes text for one Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

export function renderHealthSummary(report: HealthReport): string {
  const out: string[] = [];
  const failed = report.checks.filter((c) => c.status === 'fail');
  const title = report.passed
    ? '✅ Healthcheck passed'
    : `❌ Healthcheck failed (${failed.map((c) => c.name).join(', ')})`;
  out.push(`## ${title}: ${code(report.bundle)}`, '');
  out.push(
    `${report.files} files, ${formatSize(report.bytes)}, checked in ${formatMs(report.durationMs)}`,
    '',
  );

  out.push('| | check | time | result |', '|---|---|---:|---|');
  for (const c of report.checks) {
    out.push(
      `| ${SYMBOL[c.status]} | ${c.name} | ${c.status === 'skip' ? '–' : formatMs(c.ms)} | ${cell(firstLine(c.message))} |`,
    );
    for (const u of userChecks(c))
      out.push(
        `| ${SYMBOL[u.status]} | ${c.name} › ${cell(u.name)} | ${u.ms === undefined ? '' : formatMs(u.ms)} | ${cell(firstLine(u.message))} |`,
      );
  }
  out.push('');

  if (report.inference) {
    out.push('**Inference test** (golden.json):', '');
    out.push(
      `- bull_prob: ${report.inference.bull_prob}`,
      `- regime: ${report.inference.regime}`,
      `- direction: ${report.inference.direction}`,
      '',
    );
  }

  const attention = report.checks.filter((c) => c.status === 'fail' || c.status === 'warn');
  if (attention.length) {
    out.push('### What needs attention', '');
    for (const c of attention) {
      out.push(`#### ${SYMBOL[c.status]} ${c.name}`, '');
      const lines = c.problems?.length ? c.problems.map((p) => p.message) : [c.message];
      for (const line of lines) {
        const [head, ...rest] = line.split('\n');
        out.push(`- ${head}`);
        if (rest.length) out.push('', '  ```', ...rest.map((r) => `  ${r}`), '  ```');
      }
      out.push('');
    }
  }

  const golden = report.checks.find((c) => c.name === 'golden');
  const rows = goldenRows(golden);
  if (rows.length) {
    out.push('### Golden vectors', '');
    out.push(
      '| | model | kind | golden | values | max \\|diff\\| | tolerance |',
      '|---|---|---|---|---:|---:|---|',
    );
    for (const r of rows) {
      const tol = r.tolerance ? formatTolerance(r.tolerance) : '';
      out.push(
        `| ${SYMBOL[r.status]} | ${cell(r.model)} | ${r.kind} | ${r.golden === 'entry' ? 'entry' : r.status === 'skip' ? 'none (does not load)' : 'none (smoke run)'} | ${r.values || ''} | ${r.maxAbsDiff === null ? '–' : formatDiff(r.maxAbsDiff)} | ${tol} |`,
      );
    }
    out.push('');
  }

  const onnx = onnxRows(report.checks.find((c) => c.name === 'load'));
  if (onnx.length) {
    out.push('### ONNX models', '');
    out.push('| model | inputs | outputs | session | p50 (warm) |', '|---|---|---|---:|---:|');
    for (const m of onnx) {
      const io = (values: OnnxLoadDetails['inputs']): string =>
        values.map((v) => `${code(v.name)} ${v.type}${v.tensor ? formatDims(v.dims) : ''}`).join('<br>');
      const p50 = m.p50Ms === undefined ? '–' : `${formatMs(m.p50Ms)} (${m.runs} runs)`;
      out.push(`| ${cell(m.file)} | ${io(m.inputs)} | ${io(m.outputs)} | ${formatMs(m.openMs)} | ${p50} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function userChecks(
  check: CheckResult,
): { name: string; status: CheckStatus; message: string; ms?: number }[] {
  if (check.name !== 'command') return [];
  const checks = (check.details as { checks?: unknown } | undefined)?.checks;
  return Array.isArray(checks)
    ? (checks as { name: string; status: CheckStatus; message: string; ms?: number }[])
    : [];
}

function goldenRows(check: CheckResult | undefined): GoldenRow[] {
  const models = (check?.details as { models?: unknown } | undefined)?.models;
  return Array.isArray(models) ? (models as GoldenRow[]) : [];
}

function onnxRows(check: CheckResult | undefined): OnnxLoadDetails[] {
  const onnx = (check?.details as { onnx?: unknown } | undefined)?.onnx;
  return Array.isArray(onnx) ? (onnx as OnnxLoadDetails[]) : [];
}
