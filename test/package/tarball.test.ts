import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { listBundle } from '../../src/core/bundle/files.js';
import { crc32, crc32Combine, crc32Portable } from '../../src/core/package/crc32.js';
import { ustarHeader, writeTarball, type TarFileEntry } from '../../src/core/package/tarball.js';
import { PYTHON, run, sha256sum, tempDir } from './fixtures.js';

/** float32 weights as a training job writes them: normal values, little LZ redundancy. */
function weights(count: number, seed: number): Buffer {
  const out = Buffer.alloc(count * 4);
  let s = seed;
  const uniform = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s + 1) / 2147483649;
  };
  for (let i = 0; i < count; i++) {
    const z = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    out.writeFloatLE(z * 0.05, i * 4);
  }
  return out;
}

async function bigBundle(
  t: import('node:test').TestContext,
): Promise<{ dir: string; files: TarFileEntry[] }> {
  const dir = path.join(await tempDir(t), 'bundle');
  const long = `${'deep_directory_name_'.repeat(4)}x/${'nested_'.repeat(6)}y`;
  await mkdir(path.join(dir, long), { recursive: true });
  await writeFile(path.join(dir, 'a_weights.onnx'), weights(900_000, 1)); // 3.6 MB: several blocks
  await writeFile(
    path.join(dir, 'b_model.txt'),
    Array.from({ length: 60_000 }, (_, i) => `leaf_value=${(i % 97) / 13}`).join('\n'),
  );
  await writeFile(path.join(dir, 'c_empty.json'), '');
  await writeFile(path.join(dir, 'd_random.bin'), randomBytes(1_100_000));
  await writeFile(path.join(dir, long, `${'file_with_a_long_name_'.repeat(4)}.json`), '{"ok": true}\n');
  const { files } = await listBundle(dir);
  return { dir, files };
}

function write(file: string, files: TarFileEntry[], concurrency?: number) {
  return writeTarball({
    file,
    mtime: 1771599469,
    first: { path: 'manifest.json', size: 3 },
    firstContent: () => Buffer.from('{}\n'),
    files,
    ...(concurrency ? { concurrency } : {}),
  });
}

test('a multi-block archive extracts to the same files with tar, gunzip and Python', async (t) => {
  const { files } = await bigBundle(t);
  const out = await tempDir(t);
  const tarball = path.join(out, 'x.tar.gz');
  const result = await write(tarball, files);
  assert.equal(result.sha256, await sha256sum(tarball));
  assert.equal(result.tarSize % 10240, 0, 'whole tar records, as GNU tar writes them');
  await run('gzip', ['-t', tarball]);
  // zlib checks the CRC-32 and length in the trailer too.
  const tar = zlib.gunzipSync(await readFile(tarball));
  assert.equal(tar.length, result.tarSize);

  const target = path.join(out, 'extracted');
  await mkdir(target);
  await run('tar', ['-xzf', tarball, '-C', target]);
  for (const f of files) {
    assert.deepEqual(await readFile(path.join(target, f.path)), await readFile(f.absolute), f.path);
    assert.equal(result.files.get(f.path), await sha256sum(f.absolute));
  }
  assert.equal(await readFile(path.join(target, 'manifest.json'), 'utf8'), '{}\n');

  const { stdout } = await run('tar', ['-tzvf', tarball]);
  const dirs = stdout.split('\n').filter((l) => l.startsWith('d'));
  assert.equal(dirs.length, 2);
  for (const line of dirs) assert.match(line, /^drwxr-xr-x 0\/0 /);

  const py = await run(PYTHON, [
    '-c',
    'import sys, tarfile, hashlib\nwith tarfile.open(sys.argv[1]) as t:\n  for m in t.getmembers():\n    if m.isfile(): print(m.name, hashlib.sha256(t.extractfile(m).read()).hexdigest())',
    tarball,
  ]);
  const fromPython = new Map(
    py.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(' ') as [string, string]),
  );
  for (const f of files) assert.equal(fromPython.get(f.path), result.files.get(f.path), f.path);
});

test('the bytes do not depend on how many blocks are compressed at once', async (t) => {
  const { files } = await bigBundle(t);
  const out = await tempDir(t);
  const one = await write(path.join(out, '1.tar.gz'), files, 2);
  const many = await write(path.join(out, '8.tar.gz'), files, 8);
  assert.equal(one.sha256, many.sha256);
});

test('the size stays close to gzip -6 of the same tar stream', async (t) => {
  const { files } = await bigBundle(t);
  const out = await tempDir(t);
  const tarball = path.join(out, 'x.tar.gz');
  const result = await write(tarball, files);
  const tar = zlib.gunzipSync(await readFile(tarball));
  const gzip6 = zlib.gzipSync(tar, { level: 6 }).length;
  assert.ok(result.size <= gzip6 * 1.02, `${result.size} vs gzip -6 ${gzip6}`);
});

test('ustar headers carry fixed owner, mode and mtime, and split long paths', () => {
  const h = ustarHeader('lstm_1h.onnx', 5452595, 1771599469, 'file');
  assert.equal(h.length, 512);
  assert.equal(h.subarray(100, 108).toString(), '0000644\0');
  assert.equal(h.subarray(108, 124).toString(), '0000000\u00000000000\0');
  assert.equal(h.subarray(124, 136).toString(), '00024631463\0');
  assert.equal(h.subarray(257, 265).toString(), 'ustar\u000000');
  assert.equal(h.subarray(265, 329).toString(), '\0'.repeat(64), 'owner names empty');
  const long = `${'d'.repeat(120)}/${'f'.repeat(90)}`;
  const split = ustarHeader(long, 1, 0, 'file');
  assert.equal(split.subarray(0, 90).toString(), 'f'.repeat(90));
  assert.equal(split.subarray(345, 465).toString(), 'd'.repeat(120));
  assert.throws(() => ustarHeader('n'.repeat(101), 1, 0, 'file'), /path too long for a portable tar archive/);
});

test('CRC-32: the portable table, zlib, and combining parts agree', () => {
  const a = randomBytes(70_001);
  const b = randomBytes(123_457);
  const whole = crc32(Buffer.concat([a, b]));
  assert.equal(crc32Portable(Buffer.concat([a, b])), whole);
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  assert.equal(crc32Combine(crc32(a), crc32(b), b.length), whole);
  assert.equal(crc32Combine(crc32(a), crc32(Buffer.alloc(0)), 0), crc32(a));
});
