import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputError, ModelgateError } from '../../src/core/errors.js';
import {
  dayInName,
  expandLogGlob,
  pullShadowLogs,
  resolveLogFiles,
  segmentMatcher,
} from '../../src/core/gate/log-source.js';
import { createLocalTransport } from '../../src/core/remote/local.js';

let root: string;
before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'modelgate-logsrc-'));
  // A service directory whose name needs quoting in a shell.
  const live = path.join(root, "srv it's", 'data', 'live');
  await mkdir(path.join(live, 'trades_20260299.jsonl.d'), { recursive: true });
  for (const day of ['20260218', '20260219', '20260220', '20260221'])
    await writeFile(path.join(live, `trades_${day}.jsonl`), `{"day":"${day}"}\n`);
  await writeFile(path.join(live, 'other.log'), 'x\n');
  await writeFile(path.join(live, '.trades_hidden.jsonl'), 'x\n');
  await mkdir(path.join(root, 'a', 'x1'), { recursive: true });
  await mkdir(path.join(root, 'a', 'x2'), { recursive: true });
  await writeFile(path.join(root, 'a', 'x1', 'trades_1.jsonl'), '');
  await writeFile(path.join(root, 'a', 'x2', 'trades_2.jsonl'), '');
});
after(() => rm(root, { recursive: true, force: true }));

describe('local log globs', () => {
  it('matches *, ? and [...] within a segment, files only, sorted', async () => {
    const base = path.join(root, "srv it's");
    const names = async (pattern: string) =>
      (await expandLogGlob(pattern, base)).map((f) => path.relative(base, f));
    assert.deepEqual(await names('data/live/trades_*.jsonl'), [
      'data/live/trades_20260218.jsonl',
      'data/live/trades_20260219.jsonl',
      'data/live/trades_20260220.jsonl',
      'data/live/trades_20260221.jsonl',
    ]);
    assert.deepEqual(await names('data/live/trades_2026022?.jsonl'), [
      'data/live/trades_20260220.jsonl',
      'data/live/trades_20260221.jsonl',
    ]);
    assert.deepEqual(await names('data/live/trades_202602[!2]*.jsonl'), [
      'data/live/trades_20260218.jsonl',
      'data/live/trades_20260219.jsonl',
    ]);
    assert.deepEqual(await names('data/*/trades_20260221.jsonl'), ['data/live/trades_20260221.jsonl']);
    assert.deepEqual(
      (await expandLogGlob('a/x*/trades_*.jsonl', root)).map((f) => path.relative(root, f)),
      ['a/x1/trades_1.jsonl', 'a/x2/trades_2.jsonl'],
    );
    assert.equal(segmentMatcher('trades_*.jsonl').test('trades_.jsonl.bak'), false);
  });

  it('refuses a pattern that matches nothing, a missing file and **', async () => {
    await assert.rejects(
      resolveLogFiles('nothing/trades_*.jsonl', root),
      (e: unknown) => e instanceof InputError && /matches no file under/.test(e.message),
    );
    await assert.rejects(
      resolveLogFiles('absent.jsonl', root),
      /absent\.jsonl does not exist or is not a file/,
    );
    await assert.rejects(resolveLogFiles('**/trades_*.jsonl', root), /"\*\*" is not supported/);
    const files = await resolveLogFiles(
      "srv it's/data/live/trades_20260221.jsonl\nsrv it's/data/live/trades_2026021*.jsonl\n",
      root,
    );
    assert.deepEqual(
      files.map((f) => path.basename(f)),
      ['trades_20260218.jsonl', 'trades_20260219.jsonl', 'trades_20260221.jsonl'],
    );
  });

  it('reads the day from daily file names', () => {
    assert.equal(dayInName('trades_20260220.jsonl')?.toISOString(), '2026-02-20T00:00:00.000Z');
    assert.equal(dayInName('trades-2026-02-21.log.gz')?.toISOString(), '2026-02-21T00:00:00.000Z');
    assert.equal(dayInName('trades.jsonl'), undefined);
  });
});

describe('pulling logs from a target', () => {
  const transport = createLocalTransport({ commandTimeoutMs: 10_000 });
  const base = () => path.join(root, "srv it's");

  it('lists the directory through a quoted path and copies the matching files', async () => {
    const local = path.join(root, 'pulled-all');
    const pulled = await pullShadowLogs(transport, 'data/live/trades_*.jsonl', base(), local);
    assert.deepEqual(
      pulled.files.map((f) => path.relative(local, f)),
      ['trades_20260218.jsonl', 'trades_20260219.jsonl', 'trades_20260220.jsonl', 'trades_20260221.jsonl'],
    );
    assert.equal(pulled.remote[0], path.join(base(), 'data/live/trades_20260218.jsonl'));
    assert.equal(await readFile(pulled.files[3] as string, 'utf8'), '{"day":"20260221"}\n');
    assert.deepEqual(pulled.skipped, []);
  });

  it('skips daily files that ended well before since', async () => {
    const pulled = await pullShadowLogs(
      transport,
      'data/live/trades_*.jsonl',
      base(),
      path.join(root, 'pulled-since'),
      new Date('2026-02-21T06:00:00Z'),
    );
    assert.deepEqual(
      pulled.files.map((f) => path.basename(f)),
      ['trades_20260220.jsonl', 'trades_20260221.jsonl'],
    );
    assert.deepEqual(
      pulled.skipped.map((f) => path.basename(f)),
      ['trades_20260218.jsonl', 'trades_20260219.jsonl'],
    );
  });

  it('explains a missing directory, a pattern that matches nothing and a wildcard directory', async () => {
    await assert.rejects(
      pullShadowLogs(transport, 'data/nowhere/trades_*.jsonl', base(), path.join(root, 'p1')),
      (e: unknown) =>
        e instanceof ModelgateError &&
        e.kind === 'remote' &&
        /local: cannot list .*data\/nowhere for gate\.shadow\.logs/.test(e.message),
    );
    await assert.rejects(
      pullShadowLogs(transport, 'data/live/fills_*.jsonl', base(), path.join(root, 'p2')),
      /no file in .* matches fills_\*\.jsonl/,
    );
    await assert.rejects(
      pullShadowLogs(transport, 'data/*/trades_*.jsonl', base(), path.join(root, 'p3')),
      /only the file name may contain wildcards/,
    );
  });
});
