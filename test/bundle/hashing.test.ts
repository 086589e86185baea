import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sha256File } from '../../src/core/bundle/files.js';

/** What sha256sum prints for `input` (a file, or stdin when `input` is a Buffer). */
function sha256sum(input: string | Buffer): string {
  const out =
    typeof input === 'string'
      ? execFileSync('sha256sum', [input], { encoding: 'utf8' })
      : execFileSync('sha256sum', { input, encoding: 'utf8' });
  return out.slice(0, 64);
}

test('sha256 of a whole file and of its prefixes matches sha256sum, across read boundaries', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'modelgate-hash-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const data = Buffer.alloc(3 * (1 << 20) + 17);
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
  const file = path.join(dir, 'weights.bin');
  await writeFile(file, data);
  assert.equal(await sha256File(file), sha256sum(file));
  for (const bytes of [0, 1, 1 << 20, (1 << 20) + 1, data.length])
    assert.equal(await sha256File(file, bytes), sha256sum(data.subarray(0, bytes)), `first ${bytes} bytes`);
});
