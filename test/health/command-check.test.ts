import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCommand } from '../../src/core/health/check-command.js';
import { newContext } from '../../src/core/health/context.js';
import { renderHealthSummary } from '../../src/core/health/render.js';
import { check, healthcheck, sampleConfig, sampleDir } from './support.js';

async function run(command: string | undefined, options: { timeoutMs?: number } = {}) {
  const loaded = await sampleConfig();
  const ctx = newContext({
    bundle: sampleDir,
    config: loaded.config,
    configFile: 'samples/modelgate.yml',
    ...(command ? { command } : {}),
  });
  return checkCommand(ctx, options);
}

const node = JSON.stringify(process.execPath);

test("a command's JSON checks join the report, with the bundle path in MODELGATE_BUNDLE", async () => {
  const script = [
    'console.error("progress goes to stderr");',
    'console.log(JSON.stringify({ checks: [',
    '{ name: "features", status: "pass", message: "bundle " + process.env.MODELGATE_BUNDLE, ms: 12 },',
    '{ name: "drift", status: "warn", message: "feature rsi_14 drifted", file: "lstm_1h_meta.json", line: 3 } ] }))',
  ].join(' ');
  const outcome = await run(`${node} -e '${script}'`);
  assert.equal(outcome.status, 'warn');
  assert.match(outcome.message, /^2 checks from `.*` \(1 pass, 1 warn\): drift: feature rsi_14 drifted$/);
  const details = outcome.details as { checks: { name: string; status: string; message: string }[] };
  assert.deepEqual(
    details.checks.map((c) => [c.name, c.status]),
    [
      ['features', 'pass'],
      ['drift', 'warn'],
    ],
  );
  assert.equal(details.checks[0]!.message, `bundle ${sampleDir}`);
  assert.deepEqual(outcome.problems, [
    { severity: 'warning', message: 'drift: feature rsi_14 drifted', file: 'lstm_1h_meta.json', line: 3 },
  ]);
});

test('a failing user check fails the command check', async () => {
  const outcome = await run(
    `echo '{"checks":[{"name":"schema","status":"fail","message":"column 7 missing"},{"name":"ok","status":"pass"}]}'`,
  );
  assert.equal(outcome.status, 'fail');
  assert.match(outcome.message, /\(1 pass, 1 fail\): schema: column 7 missing$/);
});

test('a non-zero exit fails the check with the tail of its stderr', async () => {
  const outcome = await run(
    'for i in $(seq 1 30); do echo "trace line $i" >&2; done; echo \'{"checks":[]}\'; exit 3',
  );
  assert.equal(outcome.status, 'fail');
  assert.match(outcome.message, /exited with code 3; stderr ends with:\n/);
  assert.match(outcome.message, /trace line 30$/);
  assert.match(outcome.message, /trace line 11\n/);
  assert.doesNotMatch(outcome.message, /trace line 10\n/, 'only the last 20 lines');
  assert.equal((outcome.details as { exitCode: number }).exitCode, 3);
});

test('output that is not JSON fails the check, saying what it printed', async () => {
  const outcome = await run('echo "checking features..."; echo "all good"');
  assert.equal(outcome.status, 'fail');
  assert.equal(
    outcome.message,
    'command `echo "checking features..."; echo "all good"` must print {"checks": [...]} as JSON on stdout, but its output begins "checking features..."; send logs to stderr (stderr was empty)',
  );
});

test('JSON of the wrong shape fails the check naming the field', async () => {
  const outcome = await run(`echo '{"checks":[{"name":"x","status":"ok"}]}'`);
  assert.equal(outcome.status, 'fail');
  assert.match(
    outcome.message,
    /printed JSON that is not \{"checks": \[\.\.\.\]\}: checks\[0\]\.status: expected one of "pass", "warn", "fail", "skip", got "ok"/,
  );
});

test('a command that hangs is killed at its timeout and fails the check', async () => {
  const outcome = await run('echo started >&2; sleep 30', { timeoutMs: 300 });
  assert.equal(outcome.status, 'fail');
  assert.match(outcome.message, /did not finish within 300 ms and was killed; stderr ends with:\nstarted$/);
});

test('without a command the check is skipped', async () => {
  const outcome = await run(undefined);
  assert.equal(outcome.status, 'skip');
  assert.equal(outcome.message, 'no command input');
});

test("in a healthcheck, the command's checks show in the report and the summary", async () => {
  const report = await healthcheck(sampleDir, {
    command: `echo '{"checks":[{"name":"feature-pipeline","status":"pass","message":"16 features","ms":30}]}'`,
  });
  const command = check(report, 'command');
  assert.equal(command.status, 'pass', command.message);
  assert.equal(report.passed, true);
  const md = renderHealthSummary(report);
  assert.match(md, /\| ✓ \| command › feature-pipeline \| 30 ms \| 16 features \|/);
});
