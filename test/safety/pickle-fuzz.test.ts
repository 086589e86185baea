/**
 * Random mutations of benign pickles and torch archives: the scanner must always come back
 * with a result (an error inside it when the bytes are broken), never throw, never hang.
 * The generator is seeded, so a failure names the iteration that reproduces it.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { ModelgateError } from '../../src/core/errors.js';
import { inspectTorchArchive } from '../../src/core/models/torch.js';
import { scanPickle } from '../../src/core/safety/pickle.js';
import { scanFileForPickles } from '../../src/core/safety/scan.js';
import { reference, repoRoot } from '../support/shared.js';
import { seededRandom } from '../support/random.js';

function mutate(input: Uint8Array, random: () => number): Uint8Array {
  const data = Array.from(input);
  const pick = (n: number): number => Math.floor(random() * n);
  const rounds = 1 + pick(4);
  for (let r = 0; r < rounds; r++) {
    const at = pick(data.length + 1);
    switch (pick(7)) {
      case 0: // flip a byte
        if (data.length) data[Math.min(at, data.length - 1)] = pick(256);
        break;
      case 1: // insert random bytes
        data.splice(at, 0, ...Array.from({ length: 1 + pick(8) }, () => pick(256)));
        break;
      case 2: // delete a range
        data.splice(at, 1 + pick(16));
        break;
      case 3: // truncate
        data.length = at;
        break;
      case 4: // duplicate a range (repeated opcodes, nested marks)
        data.splice(at, 0, ...data.slice(at, at + 1 + pick(32)));
        break;
      case 5: // a huge length field
        data.splice(at, 0, 0xff, 0xff, 0xff, 0x7f);
        break;
      default: // an interesting opcode
        data.splice(at, 0, [0x93, 0x94, 0x28, 0x2e, 0x68, 0x52, 0x95, 0x97, 0x51][pick(9)] as number);
    }
  }
  return Uint8Array.from(data);
}

/** The benign reference samples and the real-library fixtures; undefined after skipping `t`. */
async function seeds(t: TestContext): Promise<{ name: string; data: Uint8Array }[] | undefined> {
  const out: { name: string; data: Uint8Array }[] = [];
  for (const name of [
    'benign0_v0.pkl',
    'benign0_v3.pkl',
    'benign0_v4.pkl',
    'malicious0.pkl',
    'malicious11.pkl',
  ]) {
    const file = reference(t, 'pickle', 'picklescan', 'data', name);
    if (!file) return undefined;
    out.push({ name, data: await readFile(file) });
  }
  const fixtures = path.join(repoRoot, 'test', 'fixtures', 'safety');
  for (const name of ['logreg_p2.pkl', 'logreg_p4.pkl', 'state_dict_legacy.pt', 'os_system.pkl']) {
    out.push({ name, data: await readFile(path.join(fixtures, name)) });
  }
  return out;
}

test('mutated pickles always scan to a result', { timeout: 300_000 }, async (t) => {
  const inputs = await seeds(t);
  if (!inputs) return;
  const random = seededRandom(0x5eed);
  let errors = 0;
  for (let i = 0; i < 4000; i++) {
    const seed = inputs[i % inputs.length] as { name: string; data: Uint8Array };
    const data = mutate(seed.data, random);
    let scan;
    try {
      scan = scanPickle(data);
    } catch (e) {
      assert.fail(`iteration ${i} (${seed.name}, ${Buffer.from(data).toString('hex')}) threw: ${String(e)}`);
    }
    assert.ok(scan.end >= 0 && scan.end <= data.length, `iteration ${i}: end ${scan.end} outside the data`);
    for (const g of scan.globals) assert.ok(g.offset >= 0 && g.offset < data.length);
    assert.doesNotMatch(
      scan.error ?? '',
      /internal scanner error/,
      `iteration ${i} (${seed.name}, ${Buffer.from(data).toString('hex')})`,
    );
    if (scan.error) errors++;
  }
  // The mutations must actually break things, or this test proves nothing.
  assert.ok(errors > 1000, `${errors} of 4000 mutations produced a scan error`);
});

test('mutated torch archives and zips give a result or a ModelgateError', { timeout: 300_000 }, async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'modelgate-fuzz-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const fixtures = path.join(repoRoot, 'test', 'fixtures', 'safety');
  const inputs = await Promise.all(
    ['state_dict_zip.pt', 'state_dict_legacy.pt', 'deflated_payload.zip', 'missing_storage.pt'].map(
      async (name) => ({
        name,
        data: await readFile(path.join(fixtures, name)),
      }),
    ),
  );
  const random = seededRandom(0xf00d);
  for (let i = 0; i < 600; i++) {
    const seed = inputs[i % inputs.length] as { name: string; data: Uint8Array };
    const data = mutate(seed.data, random);
    const file = path.join(dir, seed.name);
    await writeFile(file, data);
    const where = `iteration ${i} (${seed.name}, ${data.length} bytes)`;
    try {
      const result = await scanFileForPickles(file, seed.name);
      for (const p of result.pickles) assert.doesNotMatch(p.error ?? '', /internal scanner error/, where);
    } catch (e) {
      assert.fail(`${where}: scanFileForPickles threw ${String(e)}`);
    }
    try {
      await inspectTorchArchive(file);
    } catch (e) {
      assert.ok(
        e instanceof ModelgateError,
        `${where}: inspectTorchArchive threw a non-ModelgateError: ${String(e)}`,
      );
      assert.equal(e.kind, 'check');
    }
  }
});
