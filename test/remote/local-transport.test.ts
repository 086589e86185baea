/**
 * The `local` transport: real /bin/sh commands, real file copies.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { createLocalTransport } from '../../src/core/remote/local.js';
import { shellQuote } from '../../src/core/remote/quote.js';
import { tempDir } from '../deploy/fixtures.js';

test('exec runs through /bin/sh with stdin, and reports exit code, stdout and stderr', async () => {
  const transport = createLocalTransport({ commandTimeoutMs: 10_000 });
  const result = await transport.exec('read -r line; echo "got $line"; echo oops >&2; exit 3', {
    stdin: 'hello\n',
  });
  assert.deepEqual(result, { code: 3, stdout: 'got hello\n', stderr: 'oops\n' });
  const bytes = randomBytes(1 << 16);
  const echoed = await transport.exec('base64', { stdin: bytes });
  assert.deepEqual(Buffer.from(echoed.stdout.replace(/\s+/g, ''), 'base64'), bytes);
});

test('a command that runs past its timeout is killed with everything it started', async (t) => {
  const dir = await tempDir(t);
  const marker = path.join(dir, 'survived');
  const transport = createLocalTransport({ commandTimeoutMs: 60_000 });
  // The subshell would write the marker after 3 s unless the whole group is killed.
  const result = await transport.exec(`(sleep 3; touch ${shellQuote(marker)}) & sleep 30`, {
    timeoutMs: 500,
  });
  assert.equal(result.code, 124);
  assert.match(result.stderr, /killed after 500 ms/);
  await new Promise((resolve) => setTimeout(resolve, 3500));
  assert.equal(await readFile(marker).catch(() => undefined), undefined);
});

test('a command that leaves a daemon holding its output still returns', async () => {
  const transport = createLocalTransport({ commandTimeoutMs: 20_000 });
  const result = await transport.exec('sleep 5 & echo started');
  assert.equal(result.code, 0);
  assert.equal(result.stdout, 'started\n');
});

test('upload copies, resumes from an offset, and stops when the progress callback throws', async (t) => {
  const dir = await tempDir(t);
  const source = path.join(dir, 'source.bin');
  const target = path.join(dir, 'target.bin');
  const data = randomBytes(5 * 1024 * 1024 + 123);
  await writeFile(source, data);
  const transport = createLocalTransport({ commandTimeoutMs: 10_000 });
  assert.equal(await transport.size(target), undefined);
  await assert.rejects(
    transport.upload(source, target, {
      onProgress: (p) => {
        if (p.sent > 2 * 1024 * 1024) throw new Error('cut');
      },
    }),
    /cut/,
  );
  const partial = (await transport.size(target)) ?? 0;
  assert.ok(partial > 0 && partial < data.length);
  // Garbage past the offset is cut off before the rest is appended.
  await writeFile(target, Buffer.concat([data.subarray(0, partial), Buffer.from('garbage')]));
  const seen: number[] = [];
  await transport.upload(source, target, { offset: partial, onProgress: (p) => seen.push(p.sent) });
  assert.deepEqual(await readFile(target), data);
  assert.equal(seen.at(-1), data.length);
  assert.ok((seen[0] ?? 0) > partial);
  const back = path.join(dir, 'back.bin');
  await transport.download(target, back);
  assert.deepEqual(await readFile(back), data);
  assert.equal(await transport.size(target), data.length);
});
