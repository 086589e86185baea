/**
 * Tarballs built by real tools (GNU tar, Python's tarfile) with every trick a hostile or
 * broken bundle can play. Each refusal must name the tarball and the entry, and leave
 * nothing behind: no file outside the destination, no destination, no half-written
 * temporary folder.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { extractTarball, listTarball, readTarballFile, type TarLimits } from '../../src/core/bundle/tar.js';
import { ModelgateError } from '../../src/core/errors.js';

const PYTHON = '/usr/bin/python3';

async function workdir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'modelgate-tar-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Builds `<dir>/<name>` with Python's tarfile. `entries` is Python source for a list of
 * (TarInfo, bytes-or-None) pairs; `ti(name, **attrs)` makes a TarInfo.
 */
function pythonTar(
  t: TestContext,
  dir: string,
  name: string,
  entries: string,
  format = 'PAX_FORMAT',
): string | undefined {
  if (!existsSync(PYTHON)) {
    t.skip(`${PYTHON} is needed to build hostile tarballs`);
    return undefined;
  }
  const out = path.join(dir, name);
  const script = `
import io, sys, tarfile
def ti(name, **attrs):
    info = tarfile.TarInfo(name)
    info.mtime = 1767225600
    for k, v in attrs.items():
        setattr(info, k, v)
    return info
entries = ${entries}
mode = 'w:gz' if sys.argv[1].endswith('.gz') else 'w'
with tarfile.open(sys.argv[1], mode, format=tarfile.${format}) as tf:
    for info, data in entries:
        if data is not None:
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        else:
            tf.addfile(info)
`;
  execFileSync(PYTHON, ['-c', script, out]);
  return out;
}

/** Every path under `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string, rel: string): Promise<void> {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      out.push(r);
      if (e.isDirectory()) await walk(path.join(d, e.name), r);
    }
  }
  await walk(dir, '');
  return out.sort();
}

/**
 * Extraction into `<dir>/out/release` must be refused with a message naming the tarball
 * and `entry`, and the work folder must look exactly as before.
 */
async function assertRefused(
  dir: string,
  tarball: string,
  entry: string,
  why: RegExp,
  limits?: Partial<TarLimits>,
): Promise<void> {
  const name = path.basename(tarball);
  const check = (e: unknown): true => {
    assert.ok(e instanceof ModelgateError, String(e));
    assert.equal(e.kind, 'check');
    assert.equal(e.file, name);
    assert.ok(e.message.startsWith(`${name}: `), e.message);
    assert.ok(e.message.includes(JSON.stringify(entry)), `${e.message} names ${entry}`);
    assert.match(e.message, why);
    return true;
  };
  await assert.rejects(listTarball(tarball, limits), check);
  await mkdir(path.join(dir, 'out'), { recursive: true });
  const before = await tree(dir);
  await assert.rejects(extractTarball(tarball, path.join(dir, 'out', 'release'), limits), check);
  assert.deepEqual(await tree(dir), before, 'extraction left files behind');
}

test('a "../evil" entry is refused and nothing lands next to the destination', async (t) => {
  const dir = await workdir(t);
  const tarball = pythonTar(
    t,
    dir,
    'climb.tar.gz',
    `[(ti('ok.txt'), b'fine'), (ti('../evil'), b'pwned'), (ti('sub/../../evil2'), b'pwned')]`,
  );
  if (!tarball) return;
  await assertRefused(dir, tarball, '../evil', /"\.\."/);
  assert.equal(existsSync(path.join(dir, 'evil')), false);
});

test('a ".." hidden after a normal folder is refused too', async (t) => {
  const dir = await workdir(t);
  const tarball = pythonTar(t, dir, 'climb2.tar.gz', `[(ti('models/./../../evil'), b'pwned')]`);
  if (!tarball) return;
  await assertRefused(dir, tarball, 'models/./../../evil', /"\.\."/);
});

test('absolute paths are refused', async (t) => {
  const dir = await workdir(t);
  const etc = pythonTar(t, dir, 'etc.tar.gz', `[(ti('/etc/evil'), b'pwned')]`);
  if (!etc) return;
  await assertRefused(dir, etc, '/etc/evil', /absolute path/);
  // The same with a path this test can watch: nothing may appear there.
  const target = path.join(dir, 'abs-target');
  const abs = pythonTar(t, dir, 'abs.tar.gz', `[(ti(${JSON.stringify(target)}), b'pwned')]`) as string;
  await assertRefused(dir, abs, target, /absolute path/);
  assert.equal(existsSync(target), false);
});

test('a symlink, even followed by a file through it, is refused', async (t) => {
  const dir = await workdir(t);
  const outside = path.join(dir, 'outside');
  await mkdir(outside);
  const tarball = pythonTar(
    t,
    dir,
    'symlink.tar.gz',
    `[(ti('link', type=tarfile.SYMTYPE, linkname=${JSON.stringify(outside)}), None), (ti('link/pwned'), b'pwned')]`,
  );
  if (!tarball) return;
  await assertRefused(dir, tarball, 'link', /symbolic link/);
  assert.deepEqual(await readdir(outside), []);
});

test('a hard link is refused', async (t) => {
  const dir = await workdir(t);
  const tarball = pythonTar(
    t,
    dir,
    'hardlink.tar.gz',
    `[(ti('a.txt'), b'a'), (ti('passwd', type=tarfile.LNKTYPE, linkname='/etc/passwd'), None)]`,
  );
  if (!tarball) return;
  await assertRefused(dir, tarball, 'passwd', /hard link/);
});

test('character devices and FIFOs are refused', async (t) => {
  const dir = await workdir(t);
  const chr = pythonTar(
    t,
    dir,
    'chr.tar.gz',
    `[(ti('null', type=tarfile.CHRTYPE, devmajor=1, devminor=3), None)]`,
  );
  if (!chr) return;
  await assertRefused(dir, chr, 'null', /character device/);
  const fifo = pythonTar(t, dir, 'fifo.tar.gz', `[(ti('pipe', type=tarfile.FIFOTYPE), None)]`) as string;
  await assertRefused(dir, fifo, 'pipe', /FIFO/);
});

test('the entry-count limit stops the archive at the first entry past it', async (t) => {
  const dir = await workdir(t);
  const tarball = pythonTar(t, dir, 'many.tar.gz', `[(ti(f'f{i}.txt'), b'x') for i in range(6)]`);
  if (!tarball) return;
  await assertRefused(dir, tarball, 'f3.txt', /limit of 3 entries/, { maxEntries: 3 });
  // Within the limit it extracts.
  const { files } = await extractTarball(tarball, path.join(dir, 'ok'), { maxEntries: 6 });
  assert.equal(files.length, 6);
});

test('the byte limit refuses the file that would cross it, before writing it', async (t) => {
  const dir = await workdir(t);
  const tarball = pythonTar(t, dir, 'big.tar.gz', `[(ti(f'part{i}.bin'), bytes(1000)) for i in range(4)]`);
  if (!tarball) return;
  await assertRefused(dir, tarball, 'part2.bin', /limit of 2500 bytes/, { maxBytes: 2500 });
});

test('duplicate paths and names with control characters are refused', async (t) => {
  const dir = await workdir(t);
  const dup = pythonTar(t, dir, 'dup.tar.gz', `[(ti('model.pt'), b'one'), (ti('./model.pt'), b'two')]`);
  if (!dup) return;
  await assertRefused(dir, dup, './model.pt', /appears twice/);
  const ctrl = pythonTar(t, dir, 'ctrl.tar.gz', `[(ti('bad\\nname.txt'), b'x')]`) as string;
  await assertRefused(dir, ctrl, 'bad\nname.txt', /control character/);
  const under = pythonTar(t, dir, 'under.tar.gz', `[(ti('a'), b'file'), (ti('a/b'), b'x')]`) as string;
  await assertRefused(dir, under, 'a/b', /also holds as a file/);
});

test('a pax path is checked like any name', async (t) => {
  const dir = await workdir(t);
  // The ustar name is harmless; the pax record that overrides it climbs out.
  const tarball = pythonTar(
    t,
    dir,
    'paxclimb.tar.gz',
    `[(ti('safe.txt', pax_headers={'path': '../../evil'}), b'pwned')]`,
  );
  if (!tarball) return;
  await assertRefused(dir, tarball, '../../evil', /"\.\."/);
});

test('truncated archives are refused with a clear message', async (t) => {
  const dir = await workdir(t);
  const tarball = pythonTar(t, dir, 'whole.tar', `[(ti('model.bin'), bytes(range(256)) * 40)]`, 'GNU_FORMAT');
  if (!tarball) return;
  const data = await readFile(tarball);
  // Cut inside the file's data, then gzip what is left: the gzip stream is complete, the tar is not.
  const cutTar = path.join(dir, 'cut.tar');
  await writeFile(cutTar, data.subarray(0, 512 + 5000));
  execFileSync('gzip', ['-k', cutTar]);
  await assertRefused(dir, `${cutTar}.gz`, 'model.bin', /truncated inside "model\.bin"/);
  // Cut the gzip stream itself.
  execFileSync('gzip', ['-k', tarball]);
  const gz = await readFile(`${tarball}.gz`);
  const cutGz = path.join(dir, 'cut2.tar.gz');
  await writeFile(cutGz, gz.subarray(0, Math.floor(gz.length / 2)));
  const name = 'cut2.tar.gz';
  await assert.rejects(listTarball(cutGz), (e: unknown) => {
    assert.ok(e instanceof ModelgateError);
    assert.match(e.message, new RegExp(`^${name.replace(/\./g, '\\.')}: .*(truncated|gzip)`));
    return true;
  });
  const before = await tree(dir);
  await assert.rejects(extractTarball(cutGz, path.join(dir, 'release')), ModelgateError);
  assert.deepEqual(await tree(dir), before);
});

test('one file is read from the front of a tarball without reading the rest', async (t) => {
  const dir = await workdir(t);
  const src = path.join(dir, 'src');
  await mkdir(src);
  const manifest = '{"schema": "modelgate/manifest@1"}\n';
  await writeFile(path.join(src, 'manifest.json'), manifest);
  await writeFile(path.join(src, 'weights.bin'), Buffer.alloc(200_000, 7));
  const whole = path.join(dir, 'whole.tar');
  execFileSync('tar', ['-cf', whole, '-C', src, 'manifest.json', 'weights.bin']);
  // Cut inside weights.bin: listing the archive fails, the manifest before the cut still reads.
  const cut = path.join(dir, 'cut.tar');
  await writeFile(cut, (await readFile(whole)).subarray(0, 4096));
  execFileSync('gzip', ['-k', cut]);
  await assert.rejects(listTarball(`${cut}.gz`), /truncated inside "weights\.bin"/);
  assert.equal((await readTarballFile(`${cut}.gz`, 'manifest.json'))?.toString('utf8'), manifest);

  assert.equal(await readTarballFile(whole, 'metrics.json'), undefined);
  await assert.rejects(readTarballFile(whole, 'weights.bin', 1000), (e: unknown) => {
    assert.ok(e instanceof ModelgateError);
    assert.equal(
      e.message,
      'whole.tar: weights.bin is 200000 bytes, more than the 1000 it may be; check the tarball',
    );
    return true;
  });
  // Entries before the wanted one are checked as listTarball checks them.
  const hostile = pythonTar(
    t,
    dir,
    'hostile.tar.gz',
    `[(ti('../evil'), b'x'), (ti('manifest.json'), b'{}')]`,
  );
  if (!hostile) return;
  await assert.rejects(
    readTarballFile(hostile, 'manifest.json'),
    /entry "\.\.\/evil" has a "\.\." component/,
  );
});

test('a corrupted header fails its checksum', async (t) => {
  const dir = await workdir(t);
  const tarball = pythonTar(t, dir, 'corrupt.tar', `[(ti('model.bin'), b'weights')]`, 'USTAR_FORMAT');
  if (!tarball) return;
  const data = await readFile(tarball);
  data[100] = 0x37; // the mode field, without fixing the checksum
  await writeFile(tarball, data);
  await assert.rejects(listTarball(tarball), /corrupt\.tar: has a corrupted header at byte 0 .*checksum/);
});

test('GNU long names and pax paths that stay inside are extracted', async (t) => {
  const dir = await workdir(t);
  const long = 'models/' + 'x'.repeat(150) + '/lstm_1h.pt';
  const gnu = pythonTar(
    t,
    dir,
    'gnu.tar.gz',
    `[(ti(${JSON.stringify(long)}), b'gnu long name')]`,
    'GNU_FORMAT',
  );
  if (!gnu) return;
  const pax = pythonTar(
    t,
    dir,
    'pax.tar.gz',
    `[(ti('short', pax_headers={'path': 'models/ünïcode/' + 'y' * 120 + '.json'}), b'pax path')]`,
  ) as string;
  const gnuOut = await extractTarball(gnu, path.join(dir, 'gnu-out'));
  assert.deepEqual(gnuOut, { files: [long], bytes: 13 });
  assert.equal(await readFile(path.join(dir, 'gnu-out', long), 'utf8'), 'gnu long name');
  const paxName = 'models/ünïcode/' + 'y'.repeat(120) + '.json';
  assert.deepEqual(
    (await listTarball(pax)).map((e) => e.path),
    [paxName],
  );
  await extractTarball(pax, path.join(dir, 'pax-out'));
  assert.equal(await readFile(path.join(dir, 'pax-out', paxName), 'utf8'), 'pax path');
});

test('a bundle made with tar -czf extracts to identical bytes, with safe modes', async (t) => {
  const dir = await workdir(t);
  const src = path.join(dir, 'bundle');
  await mkdir(path.join(src, 'models', 'deep'), { recursive: true });
  const files: Record<string, Buffer> = {
    'modelgate.yml': Buffer.from('release:\n  name: macd_models_final\n'),
    'models/lstm_1h.pt': Buffer.from(Array.from({ length: 700_000 }, (_, i) => (i * 7919) % 251)),
    'models/deep/empty.json': Buffer.alloc(0),
    'run.sh': Buffer.from('#!/bin/sh\necho hi\n'),
  };
  for (const [rel, data] of Object.entries(files)) await writeFile(path.join(src, rel), data);
  await chmod(path.join(src, 'run.sh'), 0o4755); // setuid must not survive
  await chmod(path.join(src, 'modelgate.yml'), 0o600);
  const tarball = path.join(dir, 'macd_models_final_20260220_145749.tar.gz');
  execFileSync('tar', ['-czf', tarball, '-C', src, '.']);

  const listed = await listTarball(tarball);
  assert.deepEqual(
    listed
      .filter((e) => e.type === 'file')
      .map((e) => e.path)
      .sort(),
    Object.keys(files).sort(),
  );

  const dest = path.join(dir, 'releases', '20260220_145749');
  const result = await extractTarball(tarball, dest);
  assert.deepEqual([...result.files].sort(), Object.keys(files).sort());
  assert.equal(
    result.bytes,
    Object.values(files).reduce((n, b) => n + b.length, 0),
  );
  for (const [rel, data] of Object.entries(files))
    assert.deepEqual(await readFile(path.join(dest, rel)), data, rel);
  assert.equal((await stat(path.join(dest, 'run.sh'))).mode & 0o7777, 0o755);
  assert.equal((await stat(path.join(dest, 'modelgate.yml'))).mode & 0o7777, 0o644);
  assert.equal((await stat(path.join(dest, 'models', 'lstm_1h.pt'))).mode & 0o7777, 0o644);
  assert.equal((await stat(dest)).mode & 0o777, 0o755);
  assert.equal((await stat(path.join(dest, 'models', 'deep'))).mode & 0o777, 0o755);
  // Only the release folder was created next to it: the temporary folder was renamed away.
  assert.deepEqual(await readdir(path.join(dir, 'releases')), ['20260220_145749']);

  // A second extraction into the same place is refused and leaves it untouched.
  await assert.rejects(extractTarball(tarball, dest), /already exists/);
  assert.deepEqual(await readdir(path.join(dir, 'releases')), ['20260220_145749']);
});

test('a run of extended headers with no entry is refused', async (t) => {
  const dir = await workdir(t);
  const tarball = pythonTar(t, dir, 'ok.tar', `[(ti('a.txt', pax_headers={'comment': 'x'}), b'a')]`);
  if (!tarball) return;
  const data = await readFile(tarball);
  // Repeat the pax header block pair (header + one data block) many times before the entry.
  const pax = data.subarray(0, 1024);
  await writeFile(tarball, Buffer.concat([...Array.from({ length: 20 }, () => pax), data]));
  await assert.rejects(listTarball(tarball), /ok\.tar: has more than 8 extended headers in a row/);
});

/** Offsets of the header blocks of a well-formed tar. */
function headerOffsets(tar: Buffer): number[] {
  const out: number[] = [];
  for (let at = 0; at + 512 <= tar.length;) {
    const block = tar.subarray(at, at + 512);
    if (block.every((b) => b === 0)) break;
    out.push(at);
    const size = parseInt(block.subarray(124, 136).toString('latin1').replace(/\0.*$/s, '').trim() || '0', 8);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

test(
  'headers mutated behind a valid checksum extract or are refused, never leaving files behind',
  { timeout: 300_000 },
  async (t) => {
    const dir = await workdir(t);
    const src = path.join(dir, 'src');
    await mkdir(path.join(src, 'models', 'x'.repeat(120)), { recursive: true });
    await writeFile(path.join(src, 'models', 'x'.repeat(120), 'lstm.pt'), Buffer.alloc(3000, 7));
    await writeFile(path.join(src, 'models', 'meta.json'), '{"a": 1}');
    await writeFile(path.join(src, 'notes.txt'), 'notes');
    const tarball = path.join(dir, 'seed.tar');
    execFileSync('tar', ['-cf', tarball, '-C', src, '.']);
    const original = await readFile(tarball);
    const headers = headerOffsets(original);
    assert.ok(headers.length >= 5);
    await mkdir(path.join(dir, 'out'));
    let seed = 12345;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const fields = [0, 100, 124, 156, 157, 257, 345]; // name, mode, size, type, linkname, magic, prefix
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      const data = Buffer.from(original);
      const header = headers[random(headers.length)] as number;
      const field = fields[random(fields.length)] as number;
      for (let k = 0, n = 1 + random(4); k < n; k++) {
        data[header + field + random(field === 156 ? 1 : 12)] = [
          0x2f,
          0x2e,
          0x00,
          0x37,
          0x35,
          0x32,
          0x4c,
          0x78,
          random(256),
        ][random(9)] as number;
      }
      // Recompute the checksum so the mutation reaches the parser.
      data.fill(0x20, header + 148, header + 156);
      let sum = 0;
      for (let k = 0; k < 512; k++) sum += data[header + k] as number;
      data.write(sum.toString(8).padStart(6, '0') + '\0 ', header + 148, 'latin1');
      const file = path.join(dir, `m${i}.tar`);
      await writeFile(file, data);
      const dest = path.join(dir, 'out', 'release');
      const before = await tree(path.join(dir, 'out'));
      try {
        await extractTarball(file, dest, { maxEntries: 50, maxBytes: 1 << 20 });
        await rm(dest, { recursive: true });
      } catch (e) {
        assert.ok(e instanceof ModelgateError, `iteration ${i}: ${String(e)}`);
        refused++;
      }
      assert.deepEqual(await tree(path.join(dir, 'out')), before, `iteration ${i} left files behind`);
      assert.deepEqual(
        (await readdir(dir)).filter((n) => !/^(src|out|seed\.tar|m\d+\.tar)$/.test(n)),
        [],
        `iteration ${i} wrote outside out/`,
      );
      await rm(file);
    }
    assert.ok(refused > 30, `${refused} of 300 mutations were refused`);
  },
);
