/**
 * package uploads its tarball and manifest through @actions/artifact when the runner gives it
 * a runtime token: here a loopback stand-in for the Actions results service (the Twirp
 * CreateArtifact/FinalizeArtifact calls and the blob upload), so no network is used.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoRoot } from '../support/shared.js';
import { runAction } from './harness.js';

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

test('package uploads the tarball and manifest as one artifact and outputs its id', async (t) => {
  const calls: { method: string; path: string; json?: Record<string, unknown> }[] = [];
  let uploaded = 0;
  const server = createServer(async (req, res) => {
    const data = await body(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/twirp/')) {
      const json = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
      calls.push({ method: req.method ?? '', path: url.pathname, json });
      res.setHeader('content-type', 'application/json');
      if (url.pathname.endsWith('/CreateArtifact')) {
        res.end(
          JSON.stringify({
            ok: true,
            signedUploadUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/blob/artifact.zip?sig=x`,
          }),
        );
      } else if (url.pathname.endsWith('/FinalizeArtifact')) {
        res.end(JSON.stringify({ ok: true, artifactId: '4242' }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
      return;
    }
    // The blob upload (Azure block blob: blocks, then the block list).
    calls.push({ method: req.method ?? '', path: url.pathname });
    uploaded += url.searchParams.get('comp') === 'blocklist' ? 0 : data.length;
    res.statusCode = 201;
    res.setHeader('x-ms-request-id', 'r');
    res.setHeader('x-ms-version', '2023-11-03');
    res.setHeader('etag', '"0x1"');
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const port = (server.address() as AddressInfo).port;
  const claims = Buffer.from(
    JSON.stringify({
      scp: 'Actions.ExampleScope Actions.Results:ce7f54c7-61c7-4aae-887f-30da475f5f1a:ca395085-040a-526b-2ce8-bdc85f692774',
    }),
  ).toString('base64url');
  const token = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${claims}.sig`;

  const run = await runAction('package', {
    with: {
      bundle: path.join(repoRoot, 'samples', 'release'),
      timestamp: '20260220_145749',
      'output-dir': 'out',
    },
    files: { 'modelgate.yml': readFileSync(path.join(repoRoot, 'samples', 'modelgate.yml'), 'utf8') },
    env: { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: `http://127.0.0.1:${port}/` },
  });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(run.outputs['artifact-id'], '4242');
  const create = calls.find((c) => c.path.endsWith('/CreateArtifact'));
  assert.equal(create?.json?.name, 'macd_models_final_20260220_145749');
  assert.ok(calls.some((c) => c.path.endsWith('/FinalizeArtifact')));
  // The zip holds the tarball (stored, not recompressed), so it is at least as big.
  assert.ok(uploaded >= Number(run.outputs.size), `uploaded ${uploaded} bytes`);
  assert.ok(!run.stdout.includes(token));
});
