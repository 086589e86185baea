/**
 * The sticky pull-request comment through the real @actions/github Octokit against a local
 * HTTP server that plays GitHub's REST API for issue comments and records every call.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createIssueCommentsApi } from '../../src/actions/github-comments.js';
import { upsertStickyComment } from '../../src/core/gate/comment.js';
import { COMMENT_MARKER, renderComment } from '../../src/core/gate/render.js';
import { repoRoot } from '../support/shared.js';

interface Recorded {
  method: string;
  path: string;
  body?: { body?: string };
  authorization?: string;
}

/** GitHub's issue-comment endpoints for one repository, in memory. */
class FakeGitHub {
  readonly calls: Recorded[] = [];
  comments: { id: number; body: string }[] = [];
  private nextId = 1000;
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((e) => (e ? reject(e) : resolve())));
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse, text: string): void {
    const url = new URL(req.url ?? '/', this.url);
    const body = text ? (JSON.parse(text) as { body?: string }) : undefined;
    this.calls.push({
      method: req.method ?? '',
      path: `${url.pathname}${url.search}`,
      ...(body ? { body } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    const comment = (c: { id: number; body: string }) => ({
      id: c.id,
      body: c.body,
      user: { login: 'github-actions[bot]' },
    });
    if (url.pathname === '/repos/acme/models/issues/7/comments' && req.method === 'GET') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      this.send(res, 200, this.comments.slice((page - 1) * perPage, page * perPage).map(comment));
      return;
    }
    if (url.pathname === '/repos/acme/models/issues/7/comments' && req.method === 'POST') {
      const created = { id: this.nextId++, body: body?.body ?? '' };
      this.comments.push(created);
      this.send(res, 201, comment(created));
      return;
    }
    const patch = /^\/repos\/acme\/models\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (patch && req.method === 'PATCH') {
      const found = this.comments.find((c) => c.id === Number(patch[1]));
      if (!found) {
        this.send(res, 404, { message: 'Not Found' });
        return;
      }
      found.body = body?.body ?? '';
      this.send(res, 200, comment(found));
      return;
    }
    this.send(res, 404, { message: 'Not Found' });
  }
}

const github = new FakeGitHub();
before(() => github.start());
after(() => github.stop());
beforeEach(() => {
  github.calls.length = 0;
  // 150 comments from people: two pages at 100 a page before the gate's comment.
  github.comments = Array.from({ length: 150 }, (_, i) => ({
    id: i + 1,
    body: i === 42 ? 'see <!-- other-bot:marker -->' : `review ${i + 1}`,
  }));
});

function api() {
  return createIssueCommentsApi({
    token: 'test-token',
    owner: 'acme',
    repo: 'models',
    issueNumber: 7,
    baseUrl: github.url,
  });
}

const LIST = '/repos/acme/models/issues/7/comments';

describe('sticky PR comment through @actions/github', () => {
  it('creates the comment once, then lists and updates it in place', async () => {
    const first = renderComment('## ✅ modelgate shadow gate: pass\n\nrun 1\n');
    const created = await upsertStickyComment(api(), first, COMMENT_MARKER);
    assert.equal(created.action, 'created');
    assert.deepEqual(
      github.calls.map((c) => `${c.method} ${c.path}`),
      [
        `GET ${LIST}?per_page=100&page=1`,
        `GET ${LIST}?per_page=100&page=2`,
        `GET ${LIST}?per_page=100&page=3`,
        `POST ${LIST}`,
      ],
    );
    const post = github.calls[3];
    assert.ok(post?.body?.body?.startsWith(`${COMMENT_MARKER}\n`));
    assert.match(post?.body?.body ?? '', /run 1/);
    assert.equal(post?.authorization, 'token test-token');

    github.calls.length = 0;
    const second = renderComment('## ❌ modelgate shadow gate: fail\n\nrun 2\n');
    const updated = await upsertStickyComment(api(), second, COMMENT_MARKER);
    assert.deepEqual(updated, { action: 'updated', id: created.id });
    assert.deepEqual(
      github.calls.map((c) => `${c.method} ${c.path}`),
      [
        `GET ${LIST}?per_page=100&page=1`,
        `GET ${LIST}?per_page=100&page=2`,
        `PATCH /repos/acme/models/issues/comments/${created.id}`,
      ],
    );
    assert.equal(github.calls[2]?.body?.body, second);

    // A third run still finds the one comment: never a duplicate.
    await upsertStickyComment(api(), renderComment('run 3'), COMMENT_MARKER);
    const marked = github.comments.filter((c) => c.body.includes(COMMENT_MARKER));
    assert.equal(marked.length, 1);
    assert.match(marked[0]?.body ?? '', /run 3/);
    assert.equal(github.comments.length, 151);
  });

  it('updates the first marked comment on the first page without reading further', async () => {
    github.comments[5] = { id: 6, body: `${COMMENT_MARKER}\nold` };
    github.comments[120] = { id: 121, body: `${COMMENT_MARKER}\nolder duplicate from a race` };
    const result = await upsertStickyComment(api(), 'new body', COMMENT_MARKER);
    assert.deepEqual(result, { action: 'updated', id: 6 });
    assert.deepEqual(
      github.calls.map((c) => `${c.method} ${c.path}`),
      [`GET ${LIST}?per_page=100&page=1`, `PATCH /repos/acme/models/issues/comments/6`],
    );
    // The marker is added when the body lacks it, so the next run finds the comment again.
    assert.equal(github.calls[1]?.body?.body, `${COMMENT_MARKER}\nnew body`);
  });

  it('reports an API failure instead of creating a duplicate', async () => {
    const broken = createIssueCommentsApi({
      token: 't',
      owner: 'acme',
      repo: 'nope',
      issueNumber: 7,
      baseUrl: github.url,
    });
    await assert.rejects(upsertStickyComment(broken, 'x', COMMENT_MARKER), /Not Found/);
    assert.deepEqual(
      github.calls.map((c) => c.method),
      ['GET'],
    );
  });
});

describe('pull request from the workflow context', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'modelgate-context-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  async function contextFor(payload: unknown): Promise<unknown> {
    const event = path.join(dir, `event-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(event, JSON.stringify(payload));
    const script =
      "import('./src/actions/github-comments.ts').then((m) => process.stdout.write(JSON.stringify(m.pullRequestFromContext() ?? null)))";
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: repoRoot,
      env: {
        ...process.env,
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'acme/models',
        GITHUB_EVENT_NAME: 'pull_request',
      },
    });
    return JSON.parse(stdout) as unknown;
  }

  it('finds the pull request number, and nothing on a push', async () => {
    assert.deepEqual(await contextFor({ pull_request: { number: 42 } }), {
      owner: 'acme',
      repo: 'models',
      issueNumber: 42,
    });
    assert.equal(await contextFor({ ref: 'refs/heads/main' }), null);
  });
});
