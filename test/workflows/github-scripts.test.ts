/**
 * The small github-script modules in .github/scripts, run with the real Octokit client that
 * actions/github-script hands them, against a GitHub REST stand-in on 127.0.0.1 that keeps
 * state (refs, pull requests, deployments, issues) the way GitHub does for these calls.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { getOctokit } from '@actions/github';
import { repoRoot } from '../support/shared.js';

const require = createRequire(import.meta.url);
const scripts = path.join(repoRoot, '.github', 'scripts');

type Json = Record<string, unknown>;
type ScriptArgs = { github: ReturnType<typeof getOctokit>; context: typeof context; core: Core };
const releasePullRequest = require(path.join(scripts, 'release-pr.cjs')) as (
  args: ScriptArgs,
) => Promise<number>;
const deployment = require(path.join(scripts, 'deployment.cjs')) as Record<
  'start' | 'finish' | 'record' | 'current',
  (args: ScriptArgs) => Promise<unknown>
>;
const shadowIssue = require(path.join(scripts, 'shadow-issue.cjs')) as (args: ScriptArgs) => Promise<number>;

const context = {
  repo: { owner: 'quant', repo: 'models' },
  sha: 'f'.repeat(40),
  runId: 4242,
  serverUrl: 'https://github.example',
};

class Core {
  outputs: Record<string, string> = {};
  logs: string[] = [];
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  info(message: string): void {
    this.logs.push(message);
  }
  warning(message: string): void {
    this.logs.push(`warning: ${message}`);
  }
}

/** What the stand-in holds; each handler reads and changes it like GitHub would. */
class FakeGitHub {
  refs = new Map<string, string>([['heads/main', 'base0']]);
  blobs = new Map<string, string>();
  trees = new Map<string, { base: string; entries: { path: string; sha: string }[] }>();
  commits = new Map<string, { tree: string; parents: string[]; message: string }>([
    ['base0', { tree: 'tree0', parents: [], message: 'base' }],
  ]);
  pulls: { number: number; head: string; base: string; title: string; body: string; state: string }[] = [];
  deployments: {
    id: number;
    environment: string;
    task: string;
    payload: Json;
    description: string;
    created_at: string;
  }[] = [];
  statuses = new Map<number, { state: string; description: string; created_at: string }[]>();
  issues: { number: number; title: string; body: string; state: string; comments: string[] }[] = [];
  requests: string[] = [];
  private next = 1;
  private clock = Date.parse('2026-02-20T15:00:00Z');

  private id(prefix: string): string {
    return `${prefix}${this.next++}`;
  }

  private now(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString().replace('.000', '');
  }

  handle(method: string, url: URL, body: Json): [number, unknown] {
    const p = decodeURIComponent(url.pathname).replace(/^\/repos\/quant\/models/, '');
    this.requests.push(`${method} ${p}`);
    let m: RegExpExecArray | null;
    if (method === 'GET' && p === '') return [200, { default_branch: 'main' }];
    if (method === 'GET' && (m = /^\/git\/ref\/(.+)$/.exec(p))) {
      const sha = this.refs.get(m[1]!);
      return sha ? [200, { ref: `refs/${m[1]}`, object: { sha } }] : [404, { message: 'Not Found' }];
    }
    if (method === 'GET' && (m = /^\/git\/commits\/(\w+)$/.exec(p))) {
      const commit = this.commits.get(m[1]!);
      return commit ? [200, { sha: m[1], tree: { sha: commit.tree } }] : [404, { message: 'Not Found' }];
    }
    if (method === 'POST' && p === '/git/blobs') {
      const sha = this.id('blob');
      this.blobs.set(sha, String(body.content));
      return [201, { sha }];
    }
    if (method === 'POST' && p === '/git/trees') {
      const sha = this.id('tree');
      this.trees.set(sha, {
        base: String(body.base_tree),
        entries: body.tree as { path: string; sha: string }[],
      });
      return [201, { sha }];
    }
    if (method === 'POST' && p === '/git/commits') {
      const sha = this.id('commit');
      this.commits.set(sha, {
        tree: String(body.tree),
        parents: body.parents as string[],
        message: String(body.message),
      });
      return [201, { sha }];
    }
    if (method === 'PATCH' && (m = /^\/git\/refs\/(.+)$/.exec(p))) {
      if (!this.refs.has(m[1]!)) return [422, { message: 'Reference does not exist' }];
      this.refs.set(m[1]!, String(body.sha));
      return [200, { ref: `refs/${m[1]}`, object: { sha: body.sha } }];
    }
    if (method === 'POST' && p === '/git/refs') {
      const ref = String(body.ref).replace(/^refs\//, '');
      if (this.refs.has(ref)) return [422, { message: 'Reference already exists' }];
      this.refs.set(ref, String(body.sha));
      return [201, { ref: body.ref, object: { sha: body.sha } }];
    }
    if (method === 'GET' && p === '/pulls') {
      const head = url.searchParams.get('head')?.replace(/^quant:/, '');
      return [
        200,
        this.pulls.filter(
          (pr) =>
            pr.state === url.searchParams.get('state') &&
            pr.head === head &&
            pr.base === url.searchParams.get('base'),
        ),
      ];
    }
    if (method === 'POST' && p === '/pulls') {
      if (!this.refs.has(`heads/${String(body.head)}`)) return [422, { message: 'head does not exist' }];
      const pr = {
        number: this.pulls.length + 1,
        head: String(body.head),
        base: String(body.base),
        title: String(body.title),
        body: String(body.body),
        state: 'open',
      };
      this.pulls.push(pr);
      return [201, { ...pr, html_url: `https://github.example/quant/models/pull/${pr.number}` }];
    }
    if (method === 'PATCH' && (m = /^\/pulls\/(\d+)$/.exec(p))) {
      const pr = this.pulls[Number(m[1]) - 1]!;
      Object.assign(pr, { title: body.title, body: body.body });
      return [200, { ...pr, html_url: `https://github.example/quant/models/pull/${pr.number}` }];
    }
    if (method === 'POST' && p === '/deployments') {
      const d = {
        id: this.deployments.length + 100,
        environment: String(body.environment),
        task: String(body.task),
        payload: body.payload as Json,
        description: String(body.description),
        created_at: this.now(),
      };
      this.deployments.push(d);
      this.statuses.set(d.id, []);
      return [201, d];
    }
    if (method === 'GET' && p === '/deployments') {
      const list = this.deployments.filter(
        (d) =>
          d.environment === url.searchParams.get('environment') && d.task === url.searchParams.get('task'),
      );
      return [200, [...list].reverse()];
    }
    if ((m = /^\/deployments\/(\d+)\/statuses$/.exec(p))) {
      const list = this.statuses.get(Number(m[1]));
      if (!list) return [404, { message: 'Not Found' }];
      if (method === 'POST') {
        const s = {
          state: String(body.state),
          description: String(body.description),
          created_at: this.now(),
        };
        list.push(s);
        return [201, s];
      }
      return [200, [...list].reverse().slice(0, Number(url.searchParams.get('per_page') ?? 30))];
    }
    if (method === 'GET' && p === '/issues')
      return [200, this.issues.filter((i) => i.state === url.searchParams.get('state'))];
    if (method === 'POST' && p === '/issues') {
      const issue = {
        number: this.issues.length + 1,
        title: String(body.title),
        body: String(body.body),
        state: 'open',
        comments: [] as string[],
      };
      this.issues.push(issue);
      return [201, issue];
    }
    if (method === 'POST' && (m = /^\/issues\/(\d+)\/comments$/.exec(p))) {
      this.issues[Number(m[1]) - 1]!.comments.push(String(body.body));
      return [201, { id: 1 }];
    }
    return [404, { message: `no route ${method} ${p}` }];
  }
}

async function serve(t: TestContext): Promise<{ fake: FakeGitHub; github: ReturnType<typeof getOctokit> }> {
  const fake = new FakeGitHub();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [status, payload] = fake.handle(
        req.method ?? 'GET',
        new URL(req.url ?? '/', 'http://127.0.0.1'),
        text ? (JSON.parse(text) as Json) : {},
      );
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return {
    fake,
    github: getOctokit('test-token', { baseUrl: `http://127.0.0.1:${port}`, request: { retries: 0 } }),
  };
}

function withEnv<T>(t: TestContext, env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return run().finally(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

function scratch(t: TestContext): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-scripts-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const ID = 'macd_models_final_20260220_145749';
const manifest = {
  schema: 'modelgate/manifest@1',
  id: ID,
  bundle: { file: `${ID}.tar.gz`, sha256: 'a'.repeat(64), size: 123 },
  source: { repository: 'quant/models', sha: 'b'.repeat(40), run_id: '777' },
};

test('release-pr opens one pull request on release/<id> that changes models/manifest.json, and updates it on a rerun', async (t) => {
  const { fake, github } = await serve(t);
  const dir = scratch(t);
  writeFileSync(path.join(dir, 'm.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(
    path.join(dir, 'notes.md'),
    '# 模型发布 macd_models_final\n\n| horizon | oof_auc |\n|---|---|\n| 1h | 0.5879 |\n',
  );
  const env = {
    MANIFEST_FILE: path.join(dir, 'm.json'),
    NOTES_FILE: path.join(dir, 'notes.md'),
    GATE_SUMMARY: 'passed; horizons enabled: 1h',
    BASE_BRANCH: '',
  };

  const core = new Core();
  const number = await withEnv(t, env, () => releasePullRequest({ github, context, core }));
  assert.equal(number, 1);
  assert.equal(fake.pulls.length, 1);
  const pr = fake.pulls[0]!;
  assert.deepEqual([pr.head, pr.base, pr.title], [`release/${ID}`, 'main', `Release ${ID}`]);
  assert.match(pr.body, /^# 模型发布 macd_models_final/);
  assert.match(
    pr.body,
    /Training gate: passed; horizons enabled: 1h\nPackaged by https:\/\/github\.example\/quant\/models\/actions\/runs\/4242\n$/,
  );
  const firstSha = fake.refs.get(`heads/release/${ID}`)!;
  const commit = fake.commits.get(firstSha)!;
  assert.deepEqual(commit.parents, ['base0'], 'one commit on top of the base branch');
  const tree = fake.trees.get(commit.tree)!;
  assert.equal(tree.base, 'tree0');
  assert.deepEqual(
    tree.entries.map((e) => e.path),
    ['models/manifest.json'],
  );
  assert.deepEqual(JSON.parse(fake.blobs.get(tree.entries[0]!.sha)!), manifest);
  assert.deepEqual(core.outputs, {
    number: '1',
    url: 'https://github.example/quant/models/pull/1',
    branch: `release/${ID}`,
  });

  // Rerun (the same release packaged again): the branch moves, the pull request is updated, not duplicated.
  fake.refs.set('heads/main', 'base0');
  writeFileSync(path.join(dir, 'notes.md'), 'second notes');
  const again = await withEnv(t, env, () => releasePullRequest({ github, context, core: new Core() }));
  assert.equal(again, 1);
  assert.equal(fake.pulls.length, 1);
  assert.match(fake.pulls[0]!.body, /^second notes/);
  const secondSha = fake.refs.get(`heads/release/${ID}`)!;
  assert.notEqual(secondSha, firstSha, 'the branch moved to a fresh commit');
  assert.deepEqual(fake.commits.get(secondSha)!.parents, ['base0']);
  assert.equal(
    fake.requests.filter((r) => r === 'POST /git/refs').length,
    1,
    'the branch is created once, then moved',
  );
});

test('release-pr refuses a manifest the pull-request check could not use', async (t) => {
  const { fake, github } = await serve(t);
  const dir = scratch(t);
  for (const [what, bad, message] of [
    ['no run id', { ...manifest, source: { repository: 'quant/models' } }, /source\.run_id is missing/],
    ['no checksum', { ...manifest, bundle: { file: 'x.tar.gz' } }, /bundle\.sha256 is missing/],
    ['a branch-breaking id', { ...manifest, id: 'a..b' }, /id "a\.\.b" is not a release id/],
  ] as const) {
    writeFileSync(path.join(dir, 'm.json'), JSON.stringify(bad));
    await assert.rejects(
      withEnv(t, { MANIFEST_FILE: path.join(dir, 'm.json') }, () =>
        releasePullRequest({ github, context, core: new Core() }),
      ),
      message,
      what,
    );
  }
  assert.deepEqual(fake.requests, [], 'nothing is written to GitHub');
});

test('deployment records: start and finish, current = newest success, a failed deploy leaves the previous one live', async (t) => {
  const { fake, github } = await serve(t);
  const env = { SERVICE_ENVIRONMENT: 'macd-analysis' };
  const deploy = async (releaseId: string, phase: string, outcome: string, status: string) => {
    const core = new Core();
    await withEnv(t, { ...env, RELEASE_ID: releaseId, PHASE: phase, ARTIFACT_RUN_ID: '777' }, () =>
      deployment.start!({ github, context, core }),
    );
    await withEnv(
      t,
      {
        ...env,
        DEPLOYMENT_ID: core.outputs.id!,
        OUTCOME: outcome,
        DEPLOY_STATUS: status,
        RELEASE_ID: releaseId,
        PHASE: phase,
      },
      () => deployment.finish!({ github, context, core: new Core() }),
    );
    return Number(core.outputs.id);
  };
  const current = async () => {
    const core = new Core();
    await withEnv(t, env, () => deployment.current!({ github, context, core }));
    return core.outputs;
  };

  assert.deepEqual(await current(), { phase: 'none' });
  const first = await deploy('rel_1', 'shadow', 'success', 'deployed');
  assert.deepEqual(
    fake.statuses.get(first)!.map((s) => s.state),
    ['in_progress', 'success'],
  );
  assert.equal(fake.statuses.get(first)![1]!.description, 'live: rel_1 (shadow)');
  const live = await current();
  assert.deepEqual(
    { ...live, since: undefined },
    {
      'release-id': 'rel_1',
      phase: 'shadow',
      'artifact-run-id': '777',
      since: undefined,
      'deployment-id': String(first),
    },
  );
  assert.equal(
    live.since,
    fake.statuses.get(first)![1]!.created_at,
    'the shadow window starts when the release went live',
  );

  const failed = await deploy('rel_2', 'shadow', 'failure', 'rolled-back');
  assert.equal(fake.statuses.get(failed)!.at(-1)!.state, 'failure');
  assert.match(
    fake.statuses.get(failed)!.at(-1)!.description,
    /rel_2 \(shadow\) failed; rolled back to the previous release/,
  );
  assert.equal((await current())['release-id'], 'rel_1');

  await deploy('rel_1', 'promote', 'cancelled', '');
  assert.equal(fake.deployments.at(-1)!.description, 'rel_1 (promote)');
  assert.equal(fake.statuses.get(fake.deployments.at(-1)!.id)!.at(-1)!.state, 'error');
  assert.equal((await current()).phase, 'shadow');

  await deploy('rel_1', 'promote', 'success', 'promoted');
  assert.equal((await current()).phase, 'promote');

  await withEnv(
    t,
    {
      ...env,
      RELEASE_ID: 'rel_1',
      PHASE: 'rollback-stacking',
      DESCRIPTION: 'stacking off after a failed shadow gate',
    },
    () => deployment.record!({ github, context, core: new Core() }),
  );
  const after = await current();
  assert.equal(after.phase, 'rollback-stacking');
  assert.equal(
    fake.statuses.get(Number(after['deployment-id']))![0]!.description,
    'stacking off after a failed shadow gate',
  );

  await assert.rejects(
    withEnv(t, { ...env, RELEASE_ID: 'rel_1; rm -rf', PHASE: 'shadow' }, () =>
      deployment.start!({ github, context, core: new Core() }),
    ),
    /is not a release id/,
  );
  await assert.rejects(
    withEnv(t, { ...env, RELEASE_ID: 'rel_1', PHASE: 'live' }, () =>
      deployment.start!({ github, context, core: new Core() }),
    ),
    /PHASE "live"/,
  );
});

test('deployment current skips records it did not write', async (t) => {
  const { fake, github } = await serve(t);
  await withEnv(t, { RELEASE_ID: 'rel_1', PHASE: 'shadow', SERVICE_ENVIRONMENT: 'macd-analysis' }, () =>
    deployment.record!({ github, context, core: new Core() }),
  );
  fake.deployments.push({
    id: 999,
    environment: 'macd-analysis',
    task: 'deploy:modelgate',
    payload: { release_id: '$(x)', phase: 'shadow' },
    description: '',
    created_at: '',
  });
  fake.statuses.set(999, [{ state: 'success', description: '', created_at: '2026-03-01T00:00:00Z' }]);
  const core = new Core();
  await withEnv(t, { SERVICE_ENVIRONMENT: 'macd-analysis' }, () =>
    deployment.current!({ github, context, core }),
  );
  assert.equal(core.outputs['release-id'], 'rel_1');
  assert.ok(core.logs.some((l) => /warning: Deployment 999 .* skipped/.test(l)));
});

test('shadow-issue opens one issue per release with the report from a file, then comments', async (t) => {
  const { fake, github } = await serve(t);
  const dir = scratch(t);
  const report = {
    passed: false,
    verdict: 'fail',
    summary: 'ml_coverage 0.61 < 0.80',
    checks: [
      { name: 'shadow:ml_coverage', status: 'fail', ms: 0, message: 'ML coverage 61% | below 80%\nsee logs' },
      { name: 'shadow:severe_errors', status: 'pass', ms: 0, message: 'no severe errors' },
    ],
    note: 'a report may hold ``` fences',
  };
  writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report, null, 2));
  const env = {
    RELEASE_ID: ID,
    REPORT_FILE: path.join(dir, 'report.json'),
    PHASE: 'promote',
    ROLLBACK_OUTCOME: 'success',
    ROLLBACK_STATUS: 'rolled-back',
    SERVICE_ENVIRONMENT: 'macd-analysis',
  };
  const number = await withEnv(t, env, () => shadowIssue({ github, context, core: new Core() }));
  assert.equal(number, 1);
  const issue = fake.issues[0]!;
  assert.equal(issue.title, `Shadow gate failed: ${ID}`);
  assert.match(issue.body, /Stacking was rolled back \(`rollback level: stacking`, status rolled-back\)/);
  assert.match(issue.body, /\| shadow:ml_coverage \| fail \| ML coverage 61% \\\| below 80% see logs \|/);
  assert.doesNotMatch(issue.body, /\| shadow:severe_errors/);
  assert.match(issue.body, /^````json$/m, 'the fence is longer than any backtick run in the report');
  assert.ok(issue.body.includes(JSON.stringify(report, null, 2)));

  const again = await withEnv(t, { ...env, ROLLBACK_OUTCOME: 'failure', ROLLBACK_STATUS: '' }, () =>
    shadowIssue({ github, context, core: new Core() }),
  );
  assert.equal(again, 1);
  assert.equal(fake.issues.length, 1);
  assert.match(issue.comments[0]!, /\*\*The stacking rollback did not succeed \(failure\)\.\*\*/);

  await withEnv(t, { ...env, REPORT_FILE: path.join(dir, 'absent.json'), RELEASE_ID: 'other_1' }, () =>
    shadowIssue({ github, context, core: new Core() }),
  );
  assert.match(fake.issues[1]!.body, /_The gate wrote no report; see the run log\._/);
});
