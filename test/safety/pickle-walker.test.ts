/**
 * The opcode walker on hand-assembled pickles: the opcodes real files rarely use (EXT, INST,
 * OBJ, NEWOBJ_EX, PERSID, protocol 5 buffers), operand hiding tricks beyond the reference
 * samples, hostile lengths, and windowed file reads that must see exactly what an
 * in-memory scan sees.
 */
import assert from 'node:assert/strict';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { scanPickle, scanPickleFd, type PickleScan } from '../../src/core/safety/pickle.js';
import { reference, repoRoot } from '../support/shared.js';

/** Bytes from a mix of strings (latin-1) and byte arrays. */
function p(...parts: (string | number[])[]): Uint8Array {
  return Buffer.concat(parts.map((x) => (typeof x === 'string' ? Buffer.from(x, 'latin1') : Buffer.from(x))));
}
const u32 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const names = (s: PickleScan): string[] => s.globals.map((g) => `${g.module}.${g.name}@${g.opcode}`);

test('INST, OBJ and GLOBAL+REDUCE are all reported, with the calls counted', () => {
  assert.deepEqual(names(scanPickle(p("(S'ls'\nios\nsystem\n."))), ['os.system@INST']);
  const obj = scanPickle(p("(cos\nsystem\nS'ls'\no."));
  assert.deepEqual(names(obj), ['os.system@GLOBAL']);
  assert.deepEqual(obj.calls, { 'os.system': 1 });
  assert.equal(obj.error, undefined);
});

test('EXT1/2/4 name the extension code as an unsafe global', () => {
  assert.deepEqual(names(scanPickle(p([0x80, 2, 0x82, 5], '.'))), ['copyreg.extension.5@EXT1']);
  assert.deepEqual(names(scanPickle(p([0x80, 2, 0x83, 0x34, 0x12], '.'))), ['copyreg.extension.4660@EXT2']);
  assert.deepEqual(names(scanPickle(p([0x80, 2, 0x84], u32(70000), '.'))), ['copyreg.extension.70000@EXT4']);
});

test('NEWOBJ_EX pops class, args and kwargs', () => {
  const s = scanPickle(p([0x80, 4, 0x8c, 8], 'builtins', [0x8c, 3], 'set', [0x93], ')}', [0x92], '.'));
  assert.equal(s.error, undefined);
  assert.deepEqual(s.calls, { 'builtins.set': 1 });
});

test('persistent ids are collected, with the globals inside them', () => {
  const pid = p(
    [0x80, 2],
    '(',
    'X',
    u32(7),
    'storage',
    'ctorch\nFloatStorage\n',
    'X',
    u32(1),
    '0',
    'X',
    u32(3),
    'cpu',
    'K',
    [12],
    'tQ.',
  );
  const s = scanPickle(pid);
  assert.equal(s.error, undefined);
  assert.deepEqual(s.persistentIds, [['storage', { module: 'torch', name: 'FloatStorage' }, '0', 'cpu', 12]]);
  assert.deepEqual(scanPickle(p('Pstorage0\n.')).persistentIds, [['storage0']]);
});

test('STACK_GLOBAL operands hidden behind escapes and 4-byte memo indexes are resolved', () => {
  // UNICODE is raw-unicode-escape: \u006f is "o".
  assert.deepEqual(names(scanPickle(p([0x80, 4], 'V\\u006fs\nVsystem\n', [0x93], '.'))), [
    'os.system@STACK_GLOBAL',
  ]);
  // STRING is escape-decoded: \x73 is "s", \164 (octal) is "t".
  assert.deepEqual(names(scanPickle(p("S'o\\x73'\nS'sys\\164em'\n", [0x93], '.'))), [
    'os.system@STACK_GLOBAL',
  ]);
  // LONG_BINPUT / LONG_BINGET with indexes past 255.
  const memo = p(
    [0x80, 4, 0x8c, 2],
    'os',
    'r',
    u32(256),
    '0',
    [0x8c, 6],
    'system',
    'r',
    u32(2),
    '0',
    'j',
    u32(256),
    'j',
    u32(2),
    [0x93],
    '.',
  );
  assert.deepEqual(names(scanPickle(memo)), ['os.system@STACK_GLOBAL']);
  // A non-string operand is named by what it is.
  assert.deepEqual(names(scanPickle(p([0x80, 4], ')', [0x8c, 1], 'x', [0x93], '.'))), [
    '<tuple>.x@STACK_GLOBAL',
  ]);
});

test('a global after a benign first pickle, or after a memo of an earlier pickle, is still found', () => {
  const s = scanPickle(
    p([0x80, 4, 0x8c, 2], 'os', [0x94], '.', [0x80, 4], 'h', [0], [0x8c, 6], 'system', [0x93], '.'),
  );
  assert.equal(s.pickles, 2);
  assert.deepEqual(names(s), ['os.system@STACK_GLOBAL']);
});

test('protocol 5 buffers parse without globals', () => {
  const s = scanPickle(p([0x80, 5, 0x96], [3, 0, 0, 0, 0, 0, 0, 0], 'abc', [0x97, 0x98, 0x86], '.'));
  assert.equal(s.error, undefined);
  assert.equal(s.pickles, 1);
  assert.deepEqual(s.globals, []);
});

test('hostile lengths and protocols end in an error, never a crash', () => {
  const cases: [Uint8Array, RegExp][] = [
    [p([0x80, 4, 0x95], [0xff, 0, 0, 0, 0, 0, 0, 0], 'N.'), /FRAME .* announces 255 bytes/],
    [p([0x80, 6], 'N.'), /unsupported pickle protocol 6/],
    [p([0x80, 4, 0x8e], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], '.'), /BINBYTES8 .* past 2\^53/],
    [p([0x80, 2, 0x8b], [0xff, 0xff, 0xff, 0xff], '.'), /LONG4 .* negative/],
    [p('X', u32(0xffffffff), 'abc'), /BINUNICODE needs 4294967295 bytes/],
    [p('R.'), /REDUCE .* empty stack/],
    [p('t.'), /TUPLE .* no MARK/],
    [p(']('), /opcode needs 1 bytes/],
    [new Uint8Array(0), /empty/],
  ];
  for (const [data, message] of cases) {
    const s = scanPickle(data);
    assert.match(s.error ?? '', message);
  }
  assert.equal(scanPickle(p(']](')).truncated, true);
});

test('deep nesting and huge names stay bounded', () => {
  const depth = 200_000;
  const nested = p([0x80, 2], ']'.repeat(depth), 'a'.repeat(depth - 1), '.');
  const s = scanPickle(nested);
  assert.equal(s.error, undefined);
  assert.equal(s.pickles, 1);
  const long = scanPickle(p('c', 'm'.repeat(100_000), '\nsystem\n.'));
  assert.deepEqual(names(long), ['<100000-byte name>.system@GLOBAL']);
});

test('maxPickles stops before whatever follows', () => {
  const s = scanPickle(p('N.N.', [0xde, 0xad]), { maxPickles: 2 });
  assert.equal(s.pickles, 2);
  assert.equal(s.error, undefined);
  assert.equal(s.end, 4);
  assert.match(scanPickle(p('N.N.', [0xde, 0xad])).error ?? '', /after pickle 2/);
});

/** Windowed scans of every file in `dir` must equal in-memory scans; returns how many were compared. */
function compareWindowed(dir: string): number {
  let compared = 0;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const data = readFileSync(file);
    const fd = openSync(file, 'r');
    try {
      for (const window of [64, 100, 4096]) {
        const windowed = scanPickleFd(fd, 0, data.length, { window, maxPickles: 5 });
        assert.deepEqual(
          windowed,
          scanPickle(data, { maxPickles: 5 }),
          `${name} with a ${window}-byte window`,
        );
      }
    } finally {
      closeSync(fd);
    }
    compared++;
  }
  return compared;
}

test('windowed file reads see exactly what an in-memory scan sees (fixtures)', () => {
  assert.ok(compareWindowed(path.join(repoRoot, 'test', 'fixtures', 'safety')) >= 8);
});

test('windowed file reads see exactly what an in-memory scan sees (reference samples)', (t) => {
  const data = reference(t, 'pickle', 'picklescan', 'data');
  const data2 = reference(t, 'pickle', 'picklescan', 'data2');
  if (!data || !data2) return;
  assert.ok(compareWindowed(data) + compareWindowed(data2) >= 20);
});

test('a file that shrinks under the walker fails the scan where it now ends, never reading stale bytes', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-pickle-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'two.pkl');
  const one = [0x80, 2, 0x4b, 1, 0x2e]; // PROTO 2, BININT1 1, STOP
  writeFileSync(file, Uint8Array.from([...one, ...one]));
  const fd = openSync(file, 'r');
  try {
    // Listed at 10 bytes, then cut to 5: the first pickle is whole, the second is gone.
    truncateSync(file, 5);
    for (const window of [64, 3]) {
      const scan = scanPickleFd(fd, 0, 10, { window });
      assert.equal(scan.pickles, 1);
      assert.equal(scan.error, 'cannot read past offset 5: the file is shorter than it was');
      assert.equal(scan.truncated, true);
    }
  } finally {
    closeSync(fd);
  }
});
