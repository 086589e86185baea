/**
 * Every scanner sample in ../shared/reference/pickle/ gets the verdict PROVENANCE.md gives:
 * the globals it lists are found, benign ones pass the allow-list, malicious ones are
 * flagged by name, and scan errors appear exactly where PROVENANCE says. The samples are
 * attack files: they are only read as bytes, never unpickled.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAllowedGlobal } from '../../src/core/safety/allowlist.js';
import {
  isFileSafe,
  safetyProblems,
  scanFileForPickles,
  type SafetyFormat,
} from '../../src/core/safety/scan.js';
import { reference } from '../support/shared.js';

interface Sample {
  path: string[];
  format: SafetyFormat;
  /** Every (module.name) the walk must find, over all pickles in the file. */
  globals: string[];
  /** The subset that must fail the allow-list; the rest must pass it. */
  unsafe: string[];
  /** A pickle walk must end in an error (truncated data, junk after the last STOP). */
  error?: boolean;
  /** The zip member the unsafe pickle is in. */
  member?: string;
  skipped?: string[];
}

const TORCH_STATE_DICT = ['collections.OrderedDict', 'torch._utils._rebuild_tensor_v2', 'torch.FloatStorage'];

const samples: Sample[] = [
  { path: ['picklescan', 'data', 'benign0_v0.pkl'], format: 'pickle', globals: [], unsafe: [] },
  { path: ['picklescan', 'data', 'benign0_v3.pkl'], format: 'pickle', globals: [], unsafe: [] },
  { path: ['picklescan', 'data', 'benign0_v4.pkl'], format: 'pickle', globals: [], unsafe: [] },
  {
    path: ['picklescan', 'data', 'new_pytorch_model.bin'],
    format: 'torch-zip',
    globals: TORCH_STATE_DICT,
    unsafe: [],
    member: 'archive/data.pkl',
    skipped: ['archive/data/0', 'archive/version'],
  },
  {
    path: ['picklescan', 'data', 'pytorch_model.bin'],
    format: 'torch-legacy',
    globals: TORCH_STATE_DICT,
    unsafe: [],
  },
  {
    path: ['picklescan', 'data', 'malicious0.pkl'],
    format: 'pickle',
    globals: [
      '__builtin__.globals',
      '__builtin__.compile',
      '__builtin__.eval',
      '__builtin__.getattr',
      '__builtin__.dict',
      '__builtin__.apply',
    ],
    unsafe: [
      '__builtin__.globals',
      '__builtin__.compile',
      '__builtin__.eval',
      '__builtin__.getattr',
      '__builtin__.dict',
      '__builtin__.apply',
    ],
  },
  {
    path: ['picklescan', 'data', 'malicious1_v0.pkl'],
    format: 'pickle',
    globals: ['__builtin__.eval'],
    unsafe: ['__builtin__.eval'],
  },
  {
    path: ['picklescan', 'data', 'malicious1_v4.pkl'],
    format: 'pickle',
    globals: ['builtins.eval'],
    unsafe: ['builtins.eval'],
  },
  {
    path: ['picklescan', 'data', 'malicious2_v0.pkl'],
    format: 'pickle',
    globals: ['posix.system'],
    unsafe: ['posix.system'],
  },
  {
    path: ['picklescan', 'data', 'malicious6.pkl'],
    format: 'pickle',
    globals: ['requests.api.get'],
    unsafe: ['requests.api.get'],
  },
  {
    path: ['picklescan', 'data', 'malicious10.pkl'],
    format: 'pickle',
    globals: ['__builtin__.exec'],
    unsafe: ['__builtin__.exec'],
  },
  {
    path: ['picklescan', 'data', 'malicious11.pkl'],
    format: 'pickle',
    globals: ['os.system'],
    unsafe: ['os.system'],
  },
  {
    path: ['picklescan', 'data', 'malicious-invalid-bytes.pkl'],
    format: 'pickle',
    globals: ['os.system'],
    unsafe: ['os.system'],
    error: true,
  },
  {
    path: ['picklescan', 'data', 'malicious13a.pkl'],
    format: 'pickle',
    globals: ['pickle.loads', '_codecs.encode'],
    unsafe: ['pickle.loads'],
  },
  {
    path: ['picklescan', 'data', 'broken_model.pkl'],
    format: 'pickle',
    globals: ['builtins.exec'],
    unsafe: ['builtins.exec'],
    error: true,
  },
  {
    path: ['picklescan', 'data', 'malicious1.zip'],
    format: 'zip',
    globals: ['builtins.eval'],
    unsafe: ['builtins.eval'],
    member: 'data.pkl',
  },
  {
    path: ['picklescan', 'data', 'pytorch_magic_bypass.pt'],
    format: 'pickle',
    globals: ['__builtin__.eval', 'posix.system'],
    unsafe: ['__builtin__.eval', 'posix.system'],
  },
  { path: ['picklescan', 'data', 'bad_pytorch.pt'], format: 'not-pickle', globals: [], unsafe: [] },
  { path: ['picklescan', 'data', 'not_a_pickle.bin'], format: 'not-pickle', globals: [], unsafe: [] },
  {
    path: ['picklescan', 'data2', 'malicious23.pkl'],
    format: 'pickle',
    globals: ['os.system'],
    unsafe: ['os.system'],
  },
  {
    path: ['picklescan', 'data2', 'keyerror-exploit.pkl'],
    format: 'pickle',
    globals: ['os.system', 'unknown.os'],
    unsafe: ['os.system', 'unknown.os'],
  },
  {
    path: ['picklescan', 'data2', 'type-confusion-exploit.pkl'],
    format: 'pickle',
    globals: ['os.system', '42.os'],
    unsafe: ['os.system', '42.os'],
  },
  {
    path: ['picklescan', 'data2', 'GHSA-84r2-jw7c-4r5q.pkl'],
    format: 'pickle',
    globals: ['pydoc.locate', 'operator.methodcaller'],
    unsafe: ['pydoc.locate', 'operator.methodcaller'],
  },
  {
    path: ['picklescan', 'data2', 'GHSA-955r-x9j8-7rhh.pkl'],
    format: 'pickle',
    globals: ['_operator.methodcaller', 'builtins.__import__'],
    unsafe: ['_operator.methodcaller', 'builtins.__import__'],
  },
  {
    path: ['picklescan', 'data2', 'dns_exfiltration.npy'],
    format: 'npy',
    globals: [
      'numpy._core.multiarray._reconstruct',
      'numpy.ndarray',
      'numpy.dtype',
      'ssl.get_server_certificate',
    ],
    unsafe: ['ssl.get_server_certificate'],
  },
  {
    path: ['modelscan', 'unsafe_zip_pytorch.pt'],
    format: 'torch-zip',
    // PROVENANCE lists the critical global; the pickle also builds an OrderedDict around it.
    globals: ['collections.OrderedDict', 'posix.system'],
    unsafe: ['posix.system'],
    member: 'unsafe_zip_pytorch/data.pkl',
    skipped: [
      'unsafe_zip_pytorch/byteorder',
      'unsafe_zip_pytorch/version',
      'unsafe_zip_pytorch/.data/serialization_id',
    ],
  },
];

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

for (const sample of samples) {
  const name = sample.path[sample.path.length - 1] as string;
  test(`${sample.path.join('/')}: ${sample.unsafe.length ? `flags ${sample.unsafe.join(', ')}` : 'clean'}`, async (t) => {
    const file = reference(t, 'pickle', ...sample.path);
    if (!file) return;
    const result = await scanFileForPickles(file, name);
    assert.equal(result.file, name);
    assert.equal(result.format, sample.format);
    const found = result.pickles.flatMap((p) => p.globals.map((g) => `${g.module}.${g.name}`));
    assert.deepEqual(sorted(found), sorted(sample.globals), 'globals found');
    assert.deepEqual(
      sorted(result.unsafe.map((u) => `${u.module}.${u.name}`)),
      sorted(sample.unsafe),
      'globals flagged',
    );
    for (const g of sample.globals) {
      const [module, global] = [g.slice(0, g.lastIndexOf('.')), g.slice(g.lastIndexOf('.') + 1)];
      assert.equal(
        isAllowedGlobal(module, global),
        !sample.unsafe.includes(g),
        `allow-list verdict for ${g}`,
      );
    }
    const errors = result.pickles.filter((p) => p.error !== undefined);
    assert.equal(
      errors.length > 0,
      sample.error === true,
      `scan error: ${errors.map((p) => p.error).join('; ')}`,
    );
    assert.equal(result.error, undefined);
    assert.equal(isFileSafe(result), sample.unsafe.length === 0 && !sample.error);
    if (sample.format === 'not-pickle') assert.deepEqual(result.pickles, []);
    if (sample.member) {
      assert.deepEqual(
        result.pickles.map((p) => p.member),
        [sample.member],
      );
      for (const u of result.unsafe) assert.equal(u.member, sample.member);
    }
    if (sample.skipped) assert.deepEqual(sorted(result.skipped), sorted(sample.skipped));
    const problems = safetyProblems(result);
    for (const g of sample.unsafe) {
      assert.ok(
        problems.some((p) => p.startsWith(name) && p.includes(g)),
        `a problem line names ${name} and ${g}: ${problems.join(' | ')}`,
      );
    }
  });
}

test('the legacy torch sample is walked for its five pickles only, not its raw storages', async (t) => {
  const file = reference(t, 'pickle', 'picklescan', 'data', 'pytorch_model.bin');
  if (!file) return;
  const result = await scanFileForPickles(file, 'pytorch_model.bin');
  assert.equal(result.format, 'torch-legacy');
  assert.equal(result.pickles.length, 1);
  assert.equal(result.pickles[0]?.error, undefined);
});

test('the junk tail and the truncated string are reported where they are', async (t) => {
  const junk = reference(t, 'pickle', 'picklescan', 'data', 'malicious-invalid-bytes.pkl');
  const broken = reference(t, 'pickle', 'picklescan', 'data', 'broken_model.pkl');
  if (!junk || !broken) return;
  const junkScan = await scanFileForPickles(junk, 'malicious-invalid-bytes.pkl');
  assert.match(junkScan.pickles[0]?.error ?? '', /after pickle 1.*offset 73/);
  const brokenScan = await scanFileForPickles(broken, 'broken_model.pkl');
  assert.match(brokenScan.pickles[0]?.error ?? '', /BINUNICODE.*offset 21/);
});
