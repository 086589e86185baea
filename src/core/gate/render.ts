/**
 * The gate's reports as Markdown: the job summary and the sticky pull-request comment, for
 * a training result and for a shadow result. Both show every rule (value, threshold, status,
 * change against the baseline when there is one), the enabled horizons or the data window,
 * the warnings, and for shadow mode the prediction histogram as a Mermaid `xychart-beta`
 * chart, which GitHub renders in comments and summaries.
 *
 * A comment is capped at GitHub's 65,536 characters: `renderComment` cuts the longest
 * sections first, at line boundaries outside code blocks, and leaves a pointer to the job
 * summary where it cut.
 */
import type { Problem } from '../report/types.js';
import type { RuleStatus } from './rules.js';
import type { ShadowGateResult, ShadowVerdict } from './shadow.js';
import type { RuleOutcome, TrainingGateResult } from './training.js';

/** Hidden in the comment body; finds the gate's comment again on the next run. */
export const COMMENT_MARKER = '<!-- modelgate:gate -->';
/** GitHub rejects issue comments longer than this. */
export const COMMENT_LIMIT = 65_536;

export type GateRenderInput =
  { mode: 'training'; result: TrainingGateResult } | { mode: 'shadow'; result: ShadowGateResult };

type Verdict = ShadowVerdict;
type Status = RuleStatus | 'skip';

const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '⏳' };
const STATUS_ICON: Record<Status, string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  skip: '⏸️ not judged',
};

/** A number for a table: integers as they are, others to 4 decimals, tiny ones to 3 significant digits. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 0.001) return value.toPrecision(3);
  return String(Number(value.toFixed(4)));
}

function signed(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value > 0 ? `+${formatValue(value)}` : formatValue(value);
}

/** Text safe inside a table cell: no line breaks, no column separators. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

interface Row {
  rule: string;
  value: number | null;
  threshold: string;
  status: Status;
  change?: number | null;
  baseline?: number | null;
}

function rulesTable(rows: readonly Row[]): string[] {
  if (rows.length === 0) return ['_No rules configured._'];
  const withChange = rows.some((r) => r.baseline !== undefined);
  const head = withChange
    ? '| rule | value | threshold | status | change |'
    : '| rule | value | threshold | status |';
  const sep = withChange ? '|---|---:|---|---|---:|' : '|---|---:|---|---|';
  const lines = [head, sep];
  for (const r of rows) {
    const cells = [cell(r.rule), formatValue(r.value), cell(r.threshold), STATUS_ICON[r.status]];
    if (withChange) {
      cells.push(
        r.change === undefined || r.change === null
          ? '—'
          : `${signed(r.change)} (from ${formatValue(r.baseline)})`,
      );
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

function bulletList(items: readonly string[]): string[] {
  return items.map((w) => `- ${w.replace(/\r?\n/g, ' ')}`);
}

function trainingRuleName(r: RuleOutcome): string {
  switch (r.scope) {
    case 'horizon':
      return `${r.subject} ${r.metric}`;
    case 'base':
      return `base ${r.subject} ${r.metric}`;
    case 'global':
      return r.metric;
    case 'builtin':
      return `${r.subject} ${r.metric} (built-in)`;
  }
}

export interface TrainingRenderOptions {
  /** The release id of the manifest gated. */
  manifest?: string;
  /** The release id of the baseline manifest, when changes were computed against one. */
  baseline?: string;
}

export function renderTrainingMarkdown(
  result: TrainingGateResult,
  options: TrainingRenderOptions = {},
): string {
  const verdict: Verdict = result.verdict;
  const out: string[] = [`## ${VERDICT_ICON[verdict]} modelgate training gate: ${verdict}`, ''];
  if (options.manifest) {
    out.push(
      `**Release:** \`${options.manifest}\`` +
        (options.baseline ? ` · **baseline:** \`${options.baseline}\`` : ''),
      '',
    );
  }
  const all = Object.keys(result.horizons);
  const disabled = all.filter((h) => !result.enabledHorizons.includes(h));
  out.push(
    `**Enabled horizons:** ${result.enabledHorizons.length ? result.enabledHorizons.map((h) => `\`${h}\``).join(', ') : 'none'}` +
      (disabled.length ? ` · disabled: ${disabled.map((h) => `\`${h}\``).join(', ')}` : ''),
  );
  const failures = result.rules.filter((r) => r.status === 'fail');
  if (result.enabledHorizons.length === 0) out.push('', 'No horizon passed its rules.');
  out.push('', '### Rules', '');
  out.push(
    ...rulesTable(
      result.rules.map((r) => ({
        rule: trainingRuleName(r),
        value: r.value,
        threshold: r.threshold,
        status: r.status,
        ...(r.baseline !== undefined ? { baseline: r.baseline, change: r.change ?? null } : {}),
      })),
    ),
  );
  if (all.length) {
    out.push('', '### Horizons', '', '| horizon | enabled | why not |', '|---|---|---|');
    for (const h of all) {
      const info = result.horizons[h];
      out.push(
        `| ${cell(h)} | ${info?.passed ? '✅ yes' : '❌ no'} | ${cell(info?.failures.join('; ') ?? '')} |`,
      );
    }
  }
  if (failures.length) out.push('', '### Failures', '', ...bulletList(failures.map((r) => r.message)));
  if (result.warnings.length) out.push('', '### Warnings', '', ...bulletList(result.warnings));
  return out.join('\n') + '\n';
}

/** A Mermaid bar chart of a histogram; GitHub renders ```mermaid blocks. */
export function mermaidHistogram(
  edges: readonly number[],
  counts: readonly number[],
  title: string,
): string[] {
  const labels = counts.map((_, i) => `"${(edges[i] ?? 0).toFixed(2)}"`);
  const max = Math.max(1, ...counts);
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${title.replace(/"/g, "'")}"`,
    `    x-axis "bull_prob (bin start)" [${labels.join(', ')}]`,
    `    y-axis "bars" 0 --> ${max}`,
    `    bar [${counts.join(', ')}]`,
    '```',
  ];
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(2)}%`;
}

export function renderShadowMarkdown(result: ShadowGateResult): string {
  const m = result.metrics;
  const out: string[] = [
    `## ${VERDICT_ICON[result.verdict]} modelgate shadow gate: ${result.verdict}`,
    '',
    result.summary.replace(/\r?\n/g, ' '),
    '',
  ];
  const window = result.window.since
    ? `${result.window.since} → ${result.window.now}`
    : `everything up to ${result.window.now}`;
  out.push(
    `**Window:** ${window} · **bars:** ${m.records} (min_records ${result.window.min_records}) · ` +
      `**hours covered:** ${formatValue(m.hours_covered)}` +
      (result.window.for_promotion
        ? ` (promote_after ${formatValue(result.window.promote_after_hours)} h)`
        : '') +
      ` · **ML coverage:** ${percent(m.ml_coverage)} · **files:** ${m.files.length} · **lines:** ${m.lines}` +
      ` · **corrupt lines:** ${m.corrupt_lines} · **missing fields:** ${m.missing_fields}` +
      (m.outside_window ? ` · **outside window:** ${m.outside_window}` : '') +
      (m.future_bars ? ` · **dated in the future (ignored):** ${m.future_bars}` : ''),
  );
  out.push('', '### Rules', '');
  out.push(
    ...rulesTable(
      result.rules.map((r) => ({
        rule: r.scope === 'builtin' ? `${r.metric} (${r.subject}, built-in)` : r.metric,
        value: r.value,
        threshold: r.threshold,
        status: r.status,
      })),
    ),
  );
  const failures = result.rules.filter((r) => r.status === 'fail');
  if (failures.length) out.push('', '### Failures', '', ...bulletList(failures.map((r) => r.message)));
  if (result.warnings.length) out.push('', '### Warnings', '', ...bulletList(result.warnings));
  const p = m.bull_prob;
  out.push('', '### Predictions (bull_prob)', '');
  if (!p) out.push('_No bar in the window carried a bull_prob._');
  else {
    out.push(
      `mean ${formatValue(p.mean)} · std ${formatValue(p.std)} · p05 ${formatValue(p.p05)} · p50 ${formatValue(p.p50)} · ` +
        `p95 ${formatValue(p.p95)} · min ${formatValue(p.min)} · max ${formatValue(p.max)} · ` +
        `in [${m.bull_prob_range[0]}, ${m.bull_prob_range[1]}]: ${percent(m.bull_prob_in_range)}`,
      '',
      ...mermaidHistogram(p.histogram.edges, p.histogram.counts, `bull_prob, ${p.count} predictions`),
    );
  }
  if (m.problems.length) {
    out.push(
      '',
      '### Bad lines (first ' + m.problems.length + ')',
      '',
      '| file | line | kind | reason |',
      '|---|---:|---|---|',
    );
    for (const x of m.problems) out.push(`| ${cell(x.file)} | ${x.line} | ${x.kind} | ${cell(x.reason)} |`);
  }
  if (m.files.length) {
    out.push(
      '',
      '### Files',
      '',
      '| file | lines | bars | corrupt | missing fields | outside window | future |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const f of m.files)
      out.push(
        `| ${cell(f.path)} | ${f.lines} | ${f.records} | ${f.corrupt} | ${f.invalid} | ${f.outside_window} | ${f.future_bars} |`,
      );
  }
  return out.join('\n') + '\n';
}

export function renderGateMarkdown(input: GateRenderInput, options: TrainingRenderOptions = {}): string {
  return input.mode === 'training'
    ? renderTrainingMarkdown(input.result, options)
    : renderShadowMarkdown(input.result);
}

/** Failing rules as error annotations, warn-rules as warnings (the action entry emits them). */
export function gateProblems(input: GateRenderInput, file?: string): Problem[] {
  const rules: { status: Status; message: string }[] = input.result.rules;
  const problems: Problem[] = [];
  for (const r of rules) {
    if (r.status !== 'fail' && r.status !== 'warn') continue;
    problems.push({
      severity: r.status === 'fail' ? 'error' : 'warning',
      message: r.message,
      ...(file ? { file } : {}),
    });
  }
  if (input.mode === 'shadow' && input.result.verdict === 'inconclusive') {
    problems.push({ severity: 'warning', message: input.result.summary, ...(file ? { file } : {}) });
  }
  return problems;
}

interface Section {
  lines: string[];
  /** Lines cut from the end of this section. */
  dropped: number;
}

function isFence(line: string): boolean {
  return line.trimStart().startsWith('```');
}

function sectionsOf(markdown: string): Section[] {
  const sections: Section[] = [{ lines: [], dropped: 0 }];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (isFence(line)) inFence = !inFence;
    if (!inFence && /^#{2,3} /.test(line) && (sections.at(-1) as Section).lines.length > 0)
      sections.push({ lines: [], dropped: 0 });
    (sections.at(-1) as Section).lines.push(line);
  }
  return sections;
}

/**
 * Fits `markdown` into `limit` characters (UTF-16 code units, never fewer than GitHub's
 * count): while too long, the longest section loses lines from its end, never leaving a code
 * block open, and says where the rest is. A section keeps at least its first line; a first
 * line too long on its own is shortened.
 */
export function fitMarkdown(
  markdown: string,
  limit: number,
  pointer: (droppedLines: number) => string,
): string {
  if (markdown.length <= limit) return markdown;
  const sections = sectionsOf(markdown);
  const text = (s: Section): string => s.lines.join('\n') + (s.dropped ? `\n\n${pointer(s.dropped)}\n` : '');
  const total = (): number => sections.reduce((n, s) => n + text(s).length, 0) + sections.length - 1;
  for (let round = 0; round < sections.length * 2 + 4; round++) {
    const excess = total() - limit;
    if (excess <= 0) break;
    const longest = sections.reduce((a, b) => (text(b).length > text(a).length ? b : a));
    const target = text(longest).length - excess;
    // Drop whole lines until the section (with its pointer) fits its share.
    const pointerLength = `\n\n${pointer(longest.dropped + longest.lines.length)}\n`.length;
    let keep = longest.lines.length;
    let length = longest.lines.join('\n').length;
    while (keep > 1 && length + pointerLength > target) {
      keep--;
      length -= (longest.lines[keep] as string).length + 1;
    }
    // Never end inside a code block: cut before an unclosed fence.
    let open = -1;
    for (let i = 0; i < keep; i++) if (isFence(longest.lines[i] as string)) open = open === -1 ? i : -1;
    if (open > 0) keep = open;
    if (keep < longest.lines.length) {
      longest.dropped += longest.lines.length - keep;
      longest.lines = longest.lines.slice(0, keep);
      continue;
    }
    // One line left and still too long: shorten the line itself.
    const first = longest.lines[0] ?? '';
    let end = Math.max(0, first.length - excess - 1);
    if (end > 0 && /[\uDC00-\uDFFF]/.test(first[end] ?? '')) end--;
    longest.lines = [`${first.slice(0, end)}…`];
  }
  const fitted = sections.map(text).join('\n');
  return fitted.length <= limit ? fitted : fitted.slice(0, limit);
}

export interface CommentOptions {
  marker?: string;
  limit?: number;
}

/**
 * The pull-request comment: the marker, then `markdown`, cut to the limit with a pointer to
 * the job summary (`summaryUrl`, the run's page, when known).
 */
export function renderComment(markdown: string, summaryUrl?: string, options: CommentOptions = {}): string {
  const marker = options.marker ?? COMMENT_MARKER;
  const limit = options.limit ?? COMMENT_LIMIT;
  const where = summaryUrl ? `the [job summary](${summaryUrl})` : "this run's job summary";
  const pointer = (n: number): string =>
    `_… ${n} more line(s) cut to fit a GitHub comment; the full report is in ${where}._`;
  return `${marker}\n${fitMarkdown(markdown, limit - marker.length - 1, pointer)}`;
}
