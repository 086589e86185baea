/**
 * The workflows in .github/workflows and every action.yml pass GitHub's parser and the
 * templates' policy (scripts/validate-workflows.ts); each product workflow has the triggers,
 * permissions, concurrency and environments docs/workflows.md promises; and a deliberately
 * broken copy is rejected by the same validator, in-process and through the CLI.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import {
  contextReferences,
  defaultFiles,
  formatProblem,
  isActionFile,
  parseActionFile,
  validateFiles,
  validateWorkflow,
  type Problem,
  type ValidateOptions,
} from '../../scripts/validate-workflows.js';
import { repoRoot } from '../support/shared.js';

type Json = unknown;
type Rec = Record<string, Json>;

const options: ValidateOptions = { root: repoRoot };
const workflowsDir = path.join(repoRoot, '.github', 'workflows');
const PRODUCT = ['retrain-gate.yml', 'model-pr.yml', 'deploy.yml', 'shadow-watch.yml', 'fleet-deploy.yml'];
const ACTIONS = ['healthcheck', 'package', 'deploy', 'gate', 'rollback'];

function rec(value: Json): Rec {
  assert.ok(
    value !== null && typeof value === 'object' && !Array.isArray(value),
    `expected a mapping, got ${JSON.stringify(value)}`,
  );
  return value as Rec;
}

function workflow(name: string): Rec {
  return rec(parse(readFileSync(path.join(workflowsDir, name), 'utf8')));
}

function jobs(wf: Rec): Record<string, Rec> {
  return rec(wf.jobs) as Record<string, Rec>;
}

function steps(job: Rec): Rec[] {
  return (job.steps as Json[]).map(rec);
}

function stepsUsing(job: Rec, prefix: string): Rec[] {
  return steps(job).filter((s) => typeof s.uses === 'string' && s.uses.startsWith(prefix));
}

function only<T>(items: T[], what: string): T {
  assert.equal(items.length, 1, `expected exactly one ${what}, found ${items.length}`);
  return items[0]!;
}

function shown(problems: Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

for (const file of defaultFiles(repoRoot)) {
  const name = path.relative(repoRoot, file);
  test(`${name} passes the workflow parser and the policy`, async () => {
    const problems = await validateFiles([file], options);
    assert.deepEqual(problems, [], shown(problems));
  });
}

test('the default file set is every workflow, the root action and the five actions', () => {
  const names = defaultFiles(repoRoot).map((f) => path.relative(repoRoot, f).split(path.sep).join('/'));
  for (const wf of ['ci.yml', ...PRODUCT])
    assert.ok(names.includes(`.github/workflows/${wf}`), `${wf} is not validated`);
  assert.ok(names.includes('action.yml'));
  for (const a of ACTIONS) assert.ok(names.includes(`actions/${a}/action.yml`));
});

test('the action parser sees every input and output each action.yml declares', () => {
  for (const file of defaultFiles(repoRoot).filter(isActionFile)) {
    const { spec, problems } = parseActionFile(file, options);
    assert.deepEqual(problems, [], shown(problems));
    const raw = rec(parse(readFileSync(file, 'utf8')));
    assert.deepEqual([...spec!.inputs.keys()], Object.keys(rec(raw.inputs)), file);
    assert.deepEqual([...spec!.outputs], Object.keys(rec(raw.outputs)), file);
    for (const [name, input] of Object.entries(rec(raw.inputs))) {
      assert.equal(spec!.inputs.get(name)!.required, rec(input).required === true, `${file} ${name}`);
    }
  }
});

// Exact permissions per job: adding a scope must be a deliberate change here and in the docs.
const PERMISSIONS: Record<string, Record<string, Rec>> = {
  'retrain-gate.yml': {
    release: { contents: 'read', actions: 'read' },
    'pull-request': { contents: 'write', 'pull-requests': 'write' },
  },
  'model-pr.yml': { check: { contents: 'read', actions: 'read', 'pull-requests': 'write' } },
  'deploy.yml': { deploy: { contents: 'read', actions: 'read', deployments: 'write' } },
  'shadow-watch.yml': {
    watch: { contents: 'read', deployments: 'read' },
    promote: { contents: 'read', actions: 'read', deployments: 'write' },
    rollback: { contents: 'read', deployments: 'write', issues: 'write' },
  },
  'fleet-deploy.yml': {
    canary: { contents: 'read', actions: 'read' },
    gate: { contents: 'read' },
    'canary-rollback': { contents: 'read' },
    rest: { contents: 'read', actions: 'read' },
  },
};

const TRIGGERS: Record<string, string[]> = {
  'retrain-gate.yml': ['schedule', 'workflow_dispatch'],
  'model-pr.yml': ['pull_request'],
  'deploy.yml': ['push', 'workflow_dispatch'],
  'shadow-watch.yml': ['schedule', 'workflow_dispatch'],
  'fleet-deploy.yml': ['workflow_dispatch'],
};

for (const name of PRODUCT) {
  test(`${name}: triggers, and least-privilege permissions declared per job`, () => {
    const wf = workflow(name);
    assert.deepEqual(Object.keys(rec(wf.on)).sort(), [...TRIGGERS[name]!].sort());
    assert.deepEqual(wf.permissions, {}, 'the workflow level grants nothing; each job asks');
    const expected = PERMISSIONS[name]!;
    assert.deepEqual(Object.keys(jobs(wf)).sort(), Object.keys(expected).sort());
    for (const [id, job] of Object.entries(jobs(wf)))
      assert.deepEqual(job.permissions, expected[id], `${name} job ${id}`);
  });

  test(`${name}: every ./actions step passes only declared inputs and all required ones`, () => {
    const specs = new Map(
      ACTIONS.map((a) => [
        `./actions/${a}`,
        rec(parse(readFileSync(path.join(repoRoot, 'actions', a, 'action.yml'), 'utf8'))),
      ]),
    );
    let count = 0;
    for (const [id, job] of Object.entries(jobs(workflow(name)))) {
      for (const step of stepsUsing(job, './')) {
        const spec = specs.get(step.uses as string);
        assert.ok(spec, `${name} job ${id} uses ${String(step.uses)}, which is not one of the five actions`);
        const inputs = rec(spec.inputs);
        const given = Object.keys(rec(step.with ?? {}));
        for (const key of given)
          assert.ok(key in inputs, `${name} job ${id}: ${String(step.uses)} has no input ${key}`);
        for (const [input, def] of Object.entries(inputs)) {
          if (rec(def).required === true)
            assert.ok(given.includes(input), `${name} job ${id}: ${String(step.uses)} needs ${input}`);
        }
        count++;
      }
    }
    assert.ok(count > 0, `${name} uses none of the actions`);
  });

  test(`${name}: third-party actions pinned, untrusted values and secrets never inside scripts`, () => {
    const text = readFileSync(path.join(workflowsDir, name), 'utf8');
    for (const [id, job] of Object.entries(jobs(workflow(name)))) {
      for (const step of steps(job)) {
        if (typeof step.uses === 'string' && !step.uses.startsWith('./'))
          assert.match(step.uses, /@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/, `${name} job ${id}`);
        const scripts = [step.run, rec(step.with ?? {}).script].filter(
          (s): s is string => typeof s === 'string',
        );
        for (const script of scripts)
          assert.deepEqual(
            contextReferences(script),
            [],
            `${name} job ${id}: a script interpolates an expression`,
          );
      }
    }
    // Secrets only through secrets.*, and only into inputs or env, never a script (checked above).
    for (const m of text.matchAll(/secrets\.([A-Za-z_]+)/g))
      assert.ok(['DEPLOY_SSH_KEY', 'DEPLOY_SSH_PASSPHRASE', 'MODELGATE_PR_TOKEN'].includes(m[1]!), m[0]);
    assert.doesNotMatch(text, /insecure-skip-host-key-check/);
  });
}

test('retrain-gate: runs where the training output is, gates, and opens the pull request from a separate job', () => {
  const wf = workflow('retrain-gate.yml');
  assert.ok(Array.isArray(rec(wf.on).schedule));
  assert.deepEqual(Object.keys(rec(rec(rec(wf.on).workflow_dispatch).inputs)), [
    'training_run_id',
    'training_artifact',
    'timestamp',
  ]);
  const { release, 'pull-request': pr } = jobs(wf) as { release: Rec; 'pull-request': Rec };
  assert.match(String(release['runs-on']), /"self-hosted", "h800"/);
  const order = steps(release)
    .map((s) => s.uses)
    .filter((u): u is string => typeof u === 'string' && u.startsWith('./actions/'));
  assert.deepEqual(order, ['./actions/healthcheck', './actions/package', './actions/gate']);
  const gate = only(stepsUsing(release, './actions/gate'), 'gate step');
  assert.equal(rec(gate.with).mode, 'training');
  assert.equal(rec(gate.with).manifest, '${{ steps.package.outputs.manifest }}');
  assert.equal(
    rec(only(stepsUsing(release, './actions/package'), 'package step').with)['upload-artifact'],
    true,
  );
  assert.deepEqual(pr.needs, 'release');
  assert.equal(pr.if, "needs.release.outputs.passed == 'true'");
  const script = only(stepsUsing(pr, 'actions/github-script@'), 'github-script step');
  assert.match(String(rec(script.with).script), /require\('\.\/\.github\/scripts\/release-pr\.cjs'\)/);
  assert.match(String(rec(script.env).MANIFEST_FILE), /\.manifest\.json$/);
  assert.match(String(rec(script.env).NOTES_FILE), /\.notes\.md$/);
  assert.deepEqual(wf.concurrency, { group: 'retrain-gate', 'cancel-in-progress': false });
});

test('model-pr: verifies the downloaded bundle before the healthcheck, gates against the base manifest, one sticky comment', () => {
  const wf = workflow('model-pr.yml');
  assert.deepEqual(rec(rec(wf.on).pull_request).paths, ['models/**']);
  const check = jobs(wf).check!;
  const names = steps(check).map((s) => String(s.uses ?? s.run ?? ''));
  const download = names.findIndex((n) => n.startsWith('actions/download-artifact@'));
  const verify = names.findIndex((n) => n.includes('release.mjs verify'));
  const health = names.indexOf('./actions/healthcheck');
  assert.ok(download >= 0 && download < verify && verify < health, names.join('\n'));
  const dl = rec(steps(check)[download]!.with);
  assert.equal(dl['run-id'], '${{ steps.release.outputs.run-id }}');
  assert.equal(dl.name, '${{ steps.release.outputs.id }}');
  const gate = rec(only(stepsUsing(check, './actions/gate'), 'gate step').with);
  assert.equal(gate.baseline, '${{ steps.release.outputs.baseline }}');
  assert.match(String(gate.comment), /head\.repo\.full_name == github\.repository/);
  const base = only(
    stepsUsing(check, 'actions/checkout@').filter((s) => rec(s.with).ref !== undefined),
    'base-branch checkout',
  );
  assert.equal(rec(base.with).ref, '${{ github.base_ref }}');
  assert.deepEqual(wf.concurrency, {
    group: 'model-pr-${{ github.event.pull_request.number }}',
    'cancel-in-progress': true,
  });
});

test('deploy: on merge to main and by hand, approved in production, never two at once, with a Deployment record', () => {
  const wf = workflow('deploy.yml');
  assert.deepEqual(rec(rec(wf.on).push), { branches: ['main'], paths: ['models/manifest.json'] });
  const inputs = rec(rec(rec(wf.on).workflow_dispatch).inputs);
  assert.deepEqual(Object.keys(inputs), ['release_id', 'phase', 'dry_run']);
  assert.deepEqual(rec(inputs.phase).options, ['shadow', 'promote']);
  const job = jobs(wf).deploy!;
  assert.deepEqual(job.environment, { name: 'production' });
  assert.deepEqual(job.concurrency, { group: 'deploy-production', 'cancel-in-progress': false });
  const list = steps(job);
  const deploy = list.findIndex((s) => s.uses === './actions/deploy');
  const scripts = list
    .map((s, i) => [i, String(rec(s.with ?? {}).script ?? '')] as const)
    .filter(([, s]) => s.includes('deployment.cjs'));
  assert.deepEqual(
    scripts.map(([i, s]) => [
      i < deploy ? 'before' : 'after',
      /\.start\(/.test(s) ? 'start' : /\.finish\(/.test(s) ? 'finish' : '?',
    ]),
    [
      ['before', 'start'],
      ['after', 'finish'],
    ],
  );
  assert.match(String(list[scripts[1]![0]]!.if), /always\(\)/);
  const w = rec(list[deploy]!.with);
  assert.equal(w['private-key'], '${{ secrets.DEPLOY_SSH_KEY }}');
  assert.equal(w.passphrase, '${{ secrets.DEPLOY_SSH_PASSPHRASE }}');
  assert.equal(w['known-hosts'], '${{ vars.DEPLOY_KNOWN_HOSTS }}');
  assert.equal(w.tarball, '${{ steps.verify.outputs.tarball }}');
});

test('shadow-watch: hourly; promote after a pass behind production approval; rollback stacking and an issue on fail', () => {
  const wf = workflow('shadow-watch.yml');
  const cron = String(rec((rec(wf.on).schedule as Json[])[0]).cron);
  assert.match(cron, /^\d{1,2} \* \* \* \*$/, 'hourly');
  assert.deepEqual(wf.concurrency, { group: 'shadow-watch', 'cancel-in-progress': false });
  const { watch, promote, rollback } = jobs(wf) as Record<'watch' | 'promote' | 'rollback', Rec>;
  const gate = only(stepsUsing(watch, './actions/gate'), 'gate step');
  assert.equal(rec(gate.with).mode, 'shadow');
  assert.equal(gate['continue-on-error'], true);
  assert.match(String(rec(gate.with).promote), /phase == 'shadow'/);
  assert.match(String(promote.if), /verdict == 'pass'/);
  assert.deepEqual(promote.environment, { name: 'production' });
  assert.deepEqual(promote.concurrency, { group: 'deploy-production', 'cancel-in-progress': false });
  assert.equal(rec(only(stepsUsing(promote, './actions/deploy'), 'deploy step').with).phase, 'promote');
  assert.match(String(rollback.if), /verdict == 'fail'/);
  assert.equal(rec(only(stepsUsing(rollback, './actions/rollback'), 'rollback step').with).level, 'stacking');
  const issue = stepsUsing(rollback, 'actions/github-script@').find((s) =>
    String(rec(s.with).script).includes('shadow-issue.cjs'),
  );
  assert.ok(issue, 'an issue step');
  assert.match(String(rec(issue.env).REPORT_FILE), /shadow-gate\.json$/);
  for (const job of [watch, rollback])
    assert.deepEqual(job.environment, { name: 'production-watch', deployment: false });
});

test('fleet-deploy: canary first, a gate between, then the rest two at a time, stopping at the first failure', () => {
  const all = jobs(workflow('fleet-deploy.yml'));
  const { canary, gate, rest } = all as Record<'canary' | 'gate' | 'rest', Rec>;
  assert.equal(canary.needs, undefined);
  assert.equal(gate.needs, 'canary');
  assert.deepEqual(rest.needs, ['canary', 'gate']);
  assert.equal(
    rec(only(stepsUsing(canary, './actions/deploy'), 'canary deploy').with).host,
    '${{ vars.FLEET_CANARY_HOST }}',
  );
  const g = rec(only(stepsUsing(gate, './actions/gate'), 'canary gate').with);
  assert.equal(g.mode, 'shadow');
  assert.equal(g.since, '${{ needs.canary.outputs.deployed-at }}');
  assert.equal(g.host, '${{ vars.FLEET_CANARY_HOST }}');
  const strategy = rec(rest.strategy);
  assert.equal(strategy['max-parallel'], 2);
  assert.equal(strategy['fail-fast'], true);
  assert.deepEqual(rec(strategy.matrix).host, '${{ fromJSON(vars.FLEET_HOSTS) }}');
  assert.equal(
    rec(only(stepsUsing(rest, './actions/deploy'), 'rest deploy').with).host,
    '${{ matrix.host }}',
  );
  assert.match(String(all['canary-rollback']!.if), /needs\.gate\.outputs\.verdict == 'fail'/);
});

// The acceptance check: a broken copy is rejected, with messages that say what to fix.
function brokenCopies(dir: string): Record<string, string> {
  const deploy = readFileSync(path.join(workflowsDir, 'deploy.yml'), 'utf8');
  const replace = (text: string, from: string | RegExp, to: string): string => {
    const out = text.replace(from, to);
    assert.notEqual(out, text, `the fixture edit ${String(from)} no longer applies to deploy.yml`);
    return out;
  };
  const files: Record<string, string> = {
    'bad-trigger.yml': replace(deploy, /^ {2}push:$/m, '  pushh:'),
    'bad-input.yml': replace(
      deploy,
      'tarball: ${{ steps.verify.outputs.tarball }}',
      'tarbal: ${{ steps.verify.outputs.tarball }}',
    ),
    'bad-run.yml': replace(
      deploy,
      'run: node .github/scripts/release.mjs resolve --manifest models/manifest.json --release "$RELEASE_ID" --out "$RESOLVED"',
      'run: node .github/scripts/release.mjs resolve --manifest models/manifest.json --release "${{ github.head_ref }}"',
    ),
    'bad-policy.yml': replace(
      replace(
        replace(
          replace(deploy, 'actions/checkout@v5', 'actions/checkout@main'),
          /^permissions: \{\}$/m,
          'permissions: write-all',
        ),
        /^ {4}concurrency:\n.*\n.*\n/m,
        '',
      ),
      'private-key: ${{ secrets.DEPLOY_SSH_KEY }}',
      'private-key: ${{ vars.DEPLOY_SSH_KEY }}',
    ),
    'bad-output.yml': replace(
      deploy,
      'tarball: ${{ steps.verify.outputs.tarball }}',
      'tarball: ${{ steps.deploy.outputs.tarball }}',
    ),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return files;
}

const EXPECTED_REJECTIONS: Record<string, { rule: string; message: RegExp }[]> = {
  'bad-trigger.yml': [{ rule: 'schema', message: /Unexpected value 'pushh'/ }],
  'bad-input.yml': [
    {
      rule: 'action-input',
      message: /passes input "tarbal", which \.\/actions\/deploy does not declare; did you mean "tarball"\?/,
    },
    { rule: 'action-required', message: /does not pass input "tarball", which \.\/actions\/deploy requires/ },
  ],
  'bad-run.yml': [
    {
      rule: 'untrusted-in-script',
      message:
        /run: of step "Resolve the release" interpolates \$\{\{ github\.head_ref \}\}: an untrusted value/,
    },
  ],
  'bad-policy.yml': [
    { rule: 'pinned', message: /actions\/checkout@main is pinned to "main"/ },
    { rule: 'permissions', message: /permissions: write-all grants every scope/ },
    {
      rule: 'concurrency',
      message: /job deploy changes the server \(deploy or rollback\) but no concurrency group/,
    },
    { rule: 'secret-source', message: /input private-key of step "Deploy" comes from vars\.DEPLOY_SSH_KEY/ },
  ],
  'bad-output.yml': [{ rule: 'step-output', message: /\.\/actions\/deploy has no output "tarball"/ }],
};

test('a deliberately broken copy of deploy.yml is rejected with messages that name the fix', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-workflows-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  brokenCopies(dir);
  for (const [name, expected] of Object.entries(EXPECTED_REJECTIONS)) {
    const problems = await validateWorkflow(path.join(dir, name), options);
    for (const { rule, message } of expected) {
      assert.ok(
        problems.some((p) => p.rule === rule && message.test(p.message) && typeof p.line === 'number'),
        `${name}: expected a ${rule} problem matching ${message}, got:\n${shown(problems)}`,
      );
    }
  }
});

test('the CLI exits 1 on the broken copies and 0 on the repository', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-workflows-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files = Object.keys(brokenCopies(dir)).map((f) => path.join(dir, f));
  const cli = (args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'scripts', 'validate-workflows.ts'), ...args],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_ACTIONS: '' },
      },
    );
  const broken = cli(files);
  assert.equal(broken.status, 1, broken.stderr);
  assert.match(broken.stdout, /bad-trigger\.yml:\d+:\d+: Unexpected value 'pushh' \[schema\]/);
  assert.match(broken.stdout, /bad-input\.yml:\d+:\d+: step "Deploy" passes input "tarbal"/);
  assert.match(broken.stdout, /bad-run\.yml:\d+:\d+: .*github\.head_ref/);
  assert.match(broken.stderr, /problem\(s\) in 5 workflow\(s\)/);
  const clean = cli([]);
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  assert.match(clean.stdout, /\d+ workflow\(s\) and \d+ action file\(s\): no problems/);
  const annotated = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'scripts', 'validate-workflows.ts'), files[0]!],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: 'true' },
    },
  );
  assert.match(
    annotated.stdout,
    /^::error file=.*bad-trigger\.yml,line=\d+,col=\d+,title=schema::Unexpected value 'pushh'$/m,
  );
});

test('a broken action.yml is rejected by the action parser, and a missing entry point when asked', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-action-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const source = readFileSync(path.join(repoRoot, 'actions', 'deploy', 'action.yml'), 'utf8');
  mkdirSync(path.join(dir, 'runtime'));
  writeFileSync(
    path.join(dir, 'runtime', 'action.yml'),
    source.replace("using: 'node24'", "using: 'node26'"),
  );
  mkdirSync(path.join(dir, 'entry'));
  writeFileSync(path.join(dir, 'entry', 'action.yml'), source);
  const root = { root: dir };
  const runtime = parseActionFile(path.join(dir, 'runtime', 'action.yml'), root);
  assert.ok(
    runtime.problems.some((p) => p.rule === 'action-schema' && /Unexpected value 'node26'/.test(p.message)),
    shown(runtime.problems),
  );
  assert.equal(runtime.spec, undefined);
  assert.deepEqual(parseActionFile(path.join(dir, 'entry', 'action.yml'), root).problems, []);
  const entry = parseActionFile(path.join(dir, 'entry', 'action.yml'), { ...root, checkEntryPoints: true });
  assert.ok(
    entry.problems.some(
      (p) =>
        p.rule === 'action-entry' &&
        /runs\.main \.\.\/\.\.\/dist\/deploy\/index\.js does not exist/.test(p.message),
    ),
    shown(entry.problems),
  );
  // A workflow using the broken action is told so.
  writeFileSync(
    path.join(dir, 'wf.yml'),
    'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./runtime\n',
  );
  const problems = await validateWorkflow(path.join(dir, 'wf.yml'), root);
  assert.ok(
    problems.some((p) => p.rule === 'action-missing' && /whose action\.yml is invalid/.test(p.message)),
    shown(problems),
  );
});

test('permissions: a job without any, and a write scope no step uses, are reported', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-perm-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'perm.yml');
  writeFileSync(
    file,
    [
      'on: push',
      'jobs:',
      '  none:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo hi',
      '  unused:',
      '    runs-on: ubuntu-latest',
      '    permissions: { contents: read, issues: write }',
      '    steps:',
      '      - uses: actions/checkout@v5',
      '  used:',
      '    runs-on: ubuntu-latest',
      '    permissions: { issues: write }',
      '    steps:',
      '      - uses: actions/github-script@v7',
      '        env: { TITLE: "${{ github.event.head_commit.message }}" }',
      '        with: { script: "await github.rest.issues.create({ ...context.repo, title: process.env.TITLE })" }',
      '',
    ].join('\n'),
  );
  const problems = await validateWorkflow(file, options);
  assert.deepEqual(
    problems.map((p) => [p.rule, p.line]),
    [
      ['permissions', 3],
      ['unused-write', 9],
    ],
    shown(problems),
  );
  assert.match(problems[1]!.message, /grants issues: write but no step uses the token/);
});

test('docs/workflows.md documents every workflow, secret, variable and environment the workflows use', () => {
  const docs = readFileSync(path.join(repoRoot, 'docs', 'workflows.md'), 'utf8');
  for (const name of PRODUCT)
    assert.match(docs, new RegExp(`^## \`${name.replace('.', '\\.')}\`$`, 'm'), `no section for ${name}`);
  for (const name of PRODUCT) {
    const text = readFileSync(path.join(workflowsDir, name), 'utf8');
    for (const m of text.matchAll(/\b(secrets|vars)\.([A-Z][A-Z0-9_]*)/g))
      assert.ok(docs.includes(`\`${m[2]}\``), `${name} uses ${m[0]}, which the docs do not mention`);
    for (const job of Object.values(jobs(workflow(name)))) {
      const env =
        job.environment === undefined
          ? undefined
          : typeof job.environment === 'string'
            ? job.environment
            : String(rec(job.environment).name);
      if (env)
        assert.ok(
          docs.includes(`\`${env}\``),
          `${name} uses environment ${env}, which the docs do not mention`,
        );
    }
  }
});
