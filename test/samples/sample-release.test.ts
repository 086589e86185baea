/**
 * The committed sample release (samples/release, made by samples/generate.py) is what the
 * other tests and the demo deploy: it must stay complete, small, described by
 * samples/modelgate.yml, covered by golden.json, and its LightGBM files must have the
 * byte layout real LightGBM relies on. No Python here: only the files as committed.
 */
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { loadConfig } from '../../src/core/config/load.js';
import type { ArtifactKind } from '../../src/core/config/schema.js';
import { repoRoot } from '../support/shared.js';

const release = path.join(repoRoot, 'samples', 'release');

/** The seed's 21 files and their kinds. */
const EXPECTED: Record<string, ArtifactKind> = {
  'lstm_1h.pt': 'torch',
  'lstm_1h.onnx': 'onnx',
  'lstm_1h_meta.json': 'json',
  'tft_1h.pt': 'torch',
  'tft_1h.onnx': 'onnx',
  'tft_1h_meta.json': 'json',
  'stacking_meta.json': 'json',
  'stacking_meta.pkl': 'pickle',
  'stacking_meta_1h.json': 'json',
  'stacking_meta_1h.pkl': 'pickle',
  'stacking_lgb_1h.txt': 'lightgbm',
  'stacking_xgb_1h.json': 'xgboost',
  'stacking_lstm_1h.pt': 'torch',
  'stacking_tft_1h.pt': 'torch',
  'stacking_lgb_cross_1h.txt': 'lightgbm',
  'lgb_direction_model_1h.txt': 'lightgbm',
  'lgb_cross_asset_1h.txt': 'lightgbm',
  'vol_regime_model.txt': 'lightgbm',
  'trend_regime_model.txt': 'lightgbm',
  'metrics.json': 'json',
  'golden.json': 'json',
};
const LIGHTGBM = Object.keys(EXPECTED).filter((f) => EXPECTED[f] === 'lightgbm');

interface TensorEntry {
  dims: number[];
  data: number[];
}
interface Golden {
  schema: string;
  tolerance: { atol: number; rtol: number };
  models: Record<string, { inputs?: Record<string, TensorEntry>; outputs: unknown; rows?: (number | null)[][] }>;
  stacking: { base_outputs: number[][]; outputs: number[] };
  inference: { bull_prob: number; regime: string; direction: string };
}

async function readJson<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(path.join(release, name), 'utf8')) as T;
}

test('samples/release holds exactly the 21 files of the seed, under 5 MB in all', async () => {
  const entries = await readdir(release, { withFileTypes: true });
  assert.deepEqual(entries.filter((e) => !e.isFile()).map((e) => e.name), [], 'only regular files');
  assert.deepEqual(entries.map((e) => e.name).sort(), Object.keys(EXPECTED).sort());
  let total = 0;
  for (const e of entries) total += (await stat(path.join(release, e.name))).size;
  assert.ok(total < 5 * 1024 * 1024, `samples/release is ${total} bytes; keep it under 5 MB (the seed-sized one is --scale seed)`);
});

test('samples/modelgate.yml loads and lists every file once with its kind', async () => {
  const { config } = await loadConfig('samples/modelgate.yml', repoRoot);
  const listed = config.release.artifacts.map((a) => a.path);
  assert.equal(new Set(listed).size, listed.length, 'no file listed twice');
  assert.deepEqual(Object.fromEntries(config.release.artifacts.map((a) => [a.path, a.kind])), EXPECTED);
  assert.equal(config.release.name, 'macd_models_final');
  assert.equal(config.release.golden, 'golden.json');
  assert.deepEqual(config.release.stacking, {
    meta: 'stacking_meta_1h.json',
    learner: 'stacking_meta_1h.pkl',
    base: ['stacking_lgb_1h.txt', 'stacking_xgb_1h.json', 'stacking_lstm_1h.pt', 'stacking_tft_1h.pt', 'stacking_lgb_cross_1h.txt'],
  });
  assert.equal(config.deploy?.port, 22222);
});

test('golden.json is modelgate/golden@1 with an entry for every ONNX, LightGBM and XGBoost file', async () => {
  const golden = await readJson<Golden>('golden.json');
  assert.equal(golden.schema, 'modelgate/golden@1');
  assert.deepEqual(golden.tolerance, { atol: 1e-5, rtol: 1e-4 });
  const needed = Object.keys(EXPECTED).filter((f) => ['onnx', 'lightgbm', 'xgboost'].includes(EXPECTED[f] as string));
  assert.deepEqual(Object.keys(golden.models).sort(), needed.sort());
  for (const [name, entry] of Object.entries(golden.models)) {
    if (EXPECTED[name] === 'onnx') continue;
    const rows = entry.rows ?? [];
    const outputs = entry.outputs as number[][];
    assert.ok(rows.length >= 8 && rows.length <= 16, `${name}: 8-16 rows`);
    assert.equal(outputs.length, rows.length, `${name}: one output per row`);
    assert.ok(
      rows.some((r) => r.includes(null)),
      `${name}: some rows have missing values`,
    );
  }
  assert.ok(['bullish', 'bearish', 'neutral'].includes(golden.inference.direction));
  assert.ok(['down', 'ranging', 'up'].includes(golden.inference.regime));
});

test('the stacking meta JSON coefficients reproduce the golden meta-learner outputs', async () => {
  const golden = await readJson<Golden>('golden.json');
  const meta = await readJson<{ base_models: string[]; meta_learner: { type: string; coef: number[]; intercept: number } }>(
    'stacking_meta_1h.json',
  );
  assert.deepEqual(await readJson('stacking_meta.json'), meta, 'stacking_meta.json is the alias of the 1h meta');
  assert.equal(meta.meta_learner.type, 'logistic');
  assert.equal(meta.base_models.length, meta.meta_learner.coef.length);
  golden.stacking.base_outputs.forEach((row, i) => {
    const z = row.reduce((acc, v, j) => acc + v * (meta.meta_learner.coef[j] as number), meta.meta_learner.intercept);
    const p = 1 / (1 + Math.exp(-z));
    assert.ok(Math.abs(p - (golden.stacking.outputs[i] as number)) < 1e-12, `row ${i}: ${p} vs ${golden.stacking.outputs[i]}`);
  });
  const last = golden.stacking.outputs.at(-1) as number;
  assert.equal(golden.inference.bull_prob, Math.round(last * 1000) / 1000);
});

test('metrics.json carries the seed release metrics the gates decide on', async () => {
  const metrics = await readJson<{ horizons: Record<string, { oof_auc: number; test_auc: number; n_oof: number }> }>('metrics.json');
  assert.deepEqual(Object.keys(metrics.horizons), ['1h', '4h', '24h']);
  assert.deepEqual(metrics.horizons['1h'], { oof_auc: 0.5879, test_auc: 0.548, val_auc: 0.8331, n_oof: 24492 });
});

/** Byte length of every `Tree=i` block, found by scanning the lines (independently of tree_sizes). */
function treeBlockSizes(file: Buffer): number[] {
  const starts: number[] = [];
  let end = -1;
  let pos = 0;
  while (pos < file.length) {
    const nl = file.indexOf(0x0a, pos);
    const lineEnd = nl === -1 ? file.length : nl;
    const line = file.toString('utf8', pos, lineEnd);
    if (/^Tree=\d+$/.test(line)) starts.push(pos);
    else if (line === 'end of trees') {
      end = pos;
      break;
    }
    pos = lineEnd + 1;
  }
  assert.ok(end > 0, 'the file has an "end of trees" line');
  return starts.map((start, i) => (starts[i + 1] ?? end) - start);
}

for (const name of LIGHTGBM) {
  test(`${name}: LightGBM v4 header, and tree_sizes equal the byte sizes of the Tree blocks`, async () => {
    const file = await readFile(path.join(release, name));
    const text = file.toString('utf8');
    const header = text.slice(0, text.indexOf('\nTree=0\n'));
    const keys = header.split('\n').map((l) => l.split('=')[0]);
    assert.deepEqual(keys, [
      'tree',
      'version',
      'num_class',
      'num_tree_per_iteration',
      'label_index',
      'max_feature_idx',
      'objective',
      'feature_names',
      'feature_infos',
      'tree_sizes',
      '',
    ]);
    assert.match(header, /^version=v4$/m);
    const objective = /^objective=(.*)$/m.exec(header)?.[1];
    const regime = name.includes('regime');
    assert.equal(objective, regime ? 'multiclass num_class:3' : 'binary sigmoid:1');
    const declared = (/^tree_sizes=(.*)$/m.exec(header)?.[1] ?? '').split(' ').map(Number);
    const actual = treeBlockSizes(file);
    assert.ok(actual.length > 0);
    assert.deepEqual(declared, actual);
    for (const [i, size] of actual.entries()) {
      const start = actual.slice(0, i).reduce((a, b) => a + b, file.indexOf('\nTree=0\n') + 1);
      assert.equal(file.toString('utf8', start, start + `Tree=${i}\n`.length), `Tree=${i}\n`, `block ${i} starts at its offset`);
      assert.ok(size > 0);
    }
    assert.ok(text.endsWith('end of parameters\n\npandas_categorical:null\n'));
  });
}

test('ONNX Runtime reproduces the PyTorch golden outputs of both ONNX exports', async () => {
  const golden = await readJson<Golden>('golden.json');
  const { atol, rtol } = golden.tolerance;
  for (const name of ['lstm_1h.onnx', 'tft_1h.onnx']) {
    const entry = golden.models[name];
    assert.ok(entry?.inputs, `${name}: golden inputs`);
    const session = await InferenceSession.create(path.join(release, name));
    try {
      const x = entry.inputs['x'] as TensorEntry;
      assert.deepEqual(x.dims.slice(1), [48, 16]);
      const result = await session.run({ x: new Tensor('float32', Float32Array.from(x.data), x.dims) });
      const expected = (entry.outputs as Record<string, TensorEntry>)['probs'] as TensorEntry;
      const probs = result['probs'];
      assert.ok(probs);
      assert.deepEqual([...probs.dims], expected.dims);
      const data = probs.data as Float32Array;
      expected.data.forEach((want, i) => {
        const got = data[i] as number;
        assert.ok(Math.abs(got - want) <= atol + rtol * Math.abs(want), `${name}[${i}]: ${got} vs ${want}`);
      });
    } finally {
      await session.release();
    }
  }
});
