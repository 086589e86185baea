import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ModelgateError } from '../../src/core/errors.js';
import { readLines } from '../../src/core/gate/lines.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'modelgate-lines-'));
});
after(() => rm(dir, { recursive: true, force: true }));

async function collect(file: string, options: { readSize?: number; maxLineBytes?: number } = {}) {
  const lines: [number, string][] = [];
  const tooLong: [number, number][] = [];
  const count = await readLines(
    file,
    { line: (text, n) => lines.push([n, text]), tooLong: (n, bytes) => tooLong.push([n, bytes]) },
    options,
  );
  return { lines, tooLong, count };
}

describe('line reader', () => {
  it('splits at every read size, keeping multi-byte characters whole', async () => {
    const content = ['{"a":"é€😀"}', '', 'plain', 'crlf\r', '{"b":"x"}', 'ümlaut at the end without newline'];
    const file = path.join(dir, 'utf8.jsonl');
    await writeFile(file, content.join('\n'));
    const expected = content.map((l, i) => [i + 1, l.replace(/\r$/, '')] as [number, string]);
    for (const readSize of [1, 2, 3, 5, 7, 64, 1 << 20]) {
      const { lines, count } = await collect(file, { readSize });
      assert.deepEqual(lines, expected, `readSize ${readSize}`);
      assert.equal(count, content.length);
    }
  });

  it('does not invent a line after a final newline, and strips a byte-order mark', async () => {
    const file = path.join(dir, 'bom.jsonl');
    await writeFile(file, '\uFEFF{"x":1}\n{"x":2}\n');
    const { lines } = await collect(file, { readSize: 4 });
    assert.deepEqual(lines, [
      [1, '{"x":1}'],
      [2, '{"x":2}'],
    ]);
  });

  it('skips a line longer than the limit without holding it, and goes on', async () => {
    const file = path.join(dir, 'long.jsonl');
    await writeFile(file, `short\n${'x'.repeat(5000)}\nafter\n${'y'.repeat(3000)}`);
    const { lines, tooLong, count } = await collect(file, { readSize: 256, maxLineBytes: 1000 });
    assert.deepEqual(lines, [
      [1, 'short'],
      [3, 'after'],
    ]);
    assert.deepEqual(tooLong, [
      [2, 5000],
      [4, 3000],
    ]);
    assert.equal(count, 4);
  });

  it('names a missing file in the error', async () => {
    await assert.rejects(
      readLines(path.join(dir, 'absent.jsonl'), { line: () => {} }),
      (e: unknown) => e instanceof ModelgateError && /absent\.jsonl: no such trade-log file/.test(e.message),
    );
  });
});
