// @ts-check
/* global module, require */
/**
 * Opens an issue when shadow-watch.yml's gate fails and it rolled stacking back: what failed,
 * what was done, and the gate's JSON report, read from a file (never interpolated into code).
 * One open issue per release: a second failure of the same release adds a comment instead.
 *
 *   await require('./.github/scripts/shadow-issue.cjs')({ github, context, core })
 *
 * env: RELEASE_ID (required), REPORT_FILE, PHASE, ROLLBACK_OUTCOME, ROLLBACK_STATUS,
 * SERVICE_ENVIRONMENT.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS: actions/github-script require()s this file
const fs = require('node:fs');

const REPORT_LIMIT = 40000;

/** @param {string} name @param {string} [fallback] */
function env(name, fallback = '') {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

/** Table cells come from the report: keep them on one line and out of the table syntax. @param {unknown} value */
function cell(value) {
  return String(value ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|')
    .slice(0, 300);
}

/** @param {string} file */
function readReport(file) {
  if (!file || !fs.existsSync(file)) return { report: undefined, text: '' };
  const text = fs.readFileSync(file, 'utf8');
  try {
    return { report: JSON.parse(text), text };
  } catch {
    return { report: undefined, text };
  }
}

/** @param {any} report @param {string} text */
function reportMarkdown(report, text) {
  if (!text) return '_The gate wrote no report; see the run log._';
  const lines = [];
  if (report && typeof report === 'object') {
    if (report.summary) lines.push(`**${cell(report.summary)}**`, '');
    const checks = Array.isArray(report.checks)
      ? report.checks.filter((/** @type {any} */ c) => c?.status !== 'pass')
      : [];
    if (checks.length > 0) {
      lines.push('| check | status | message |', '|---|---|---|');
      for (const c of checks) lines.push(`| ${cell(c.name)} | ${cell(c.status)} | ${cell(c.message)} |`);
      lines.push('');
    }
  }
  const shown =
    text.length > REPORT_LIMIT
      ? `${text.slice(0, REPORT_LIMIT)}\n… (truncated; the full report is the run's shadow-gate-report artifact)`
      : text;
  // A fence longer than any backtick run in the report, so the report cannot close it.
  const longest = Math.max(2, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  lines.push(
    '<details><summary>Gate report (JSON)</summary>',
    '',
    `${fence}json`,
    shown,
    fence,
    '',
    '</details>',
  );
  return lines.join('\n');
}

/** @param {{ github: any, context: any, core: any }} args */
module.exports = async function shadowIssue({ github, context, core }) {
  const releaseId = env('RELEASE_ID');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(releaseId))
    throw new Error(`RELEASE_ID ${JSON.stringify(releaseId)} is not a release id`);
  const repo = context.repo;
  const runUrl = `${context.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${context.runId}`;
  const { report, text } = readReport(env('REPORT_FILE'));
  const outcome = env('ROLLBACK_OUTCOME', 'skipped');
  const rollback =
    outcome === 'success'
      ? `Stacking was rolled back (\`rollback level: stacking\`, status ${cell(env('ROLLBACK_STATUS', 'unknown'))}): the service runs with the shadow flags.`
      : `**The stacking rollback did not succeed (${cell(outcome)}).** Roll back by hand: run the rollback action with level stacking, release or ml-off.`;
  const title = `Shadow gate failed: ${releaseId}`;
  const body = [
    `The shadow gate failed for release \`${releaseId}\` (phase ${cell(env('PHASE', 'unknown'))}) on ${cell(env('SERVICE_ENVIRONMENT', 'macd-analysis'))}.`,
    '',
    rollback,
    '',
    `Run: ${runUrl}`,
    '',
    reportMarkdown(report, text),
  ].join('\n');

  const issues = await github.paginate(github.rest.issues.listForRepo, {
    ...repo,
    state: 'open',
    per_page: 100,
  });
  const existing = issues.find((/** @type {any} */ issue) => !issue.pull_request && issue.title === title);
  if (existing) {
    await github.rest.issues.createComment({ ...repo, issue_number: existing.number, body });
    core.info(`Commented on issue #${existing.number}`);
    core.setOutput('number', String(existing.number));
    return existing.number;
  }
  const { data: issue } = await github.rest.issues.create({ ...repo, title, body });
  core.info(`Opened issue #${issue.number}`);
  core.setOutput('number', String(issue.number));
  return issue.number;
};
