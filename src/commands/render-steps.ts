/** The step table deploy and rollback put in the job summary. */
const ICON: Record<string, string> = { pass: '✅', fail: '❌', skip: '⏭️', warn: '⚠️' };

export function renderSteps(
  steps: readonly { name: string; status: string; ms: number; message: string }[],
): string {
  if (steps.length === 0) return '';
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '| step | status | time | detail |',
    '|---|---|---:|---|',
    ...steps.map(
      (s) => `| ${s.name} | ${ICON[s.status] ?? s.status} | ${Math.round(s.ms)} ms | ${esc(s.message)} |`,
    ),
  ].join('\n');
}
