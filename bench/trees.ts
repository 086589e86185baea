/**
 * Parse and predict time of the tree evaluators on large models: the kddcup99 reference
 * (LightGBM v2, 13 classes, 130 trees, 326 KB), the same trees repeated to a few-MB model, and
 * an XGBoost JSON model of the same order grown from a fixture's trees. For XGBoost, the same
 * model is also loaded and predicted by Python's xgboost when Debian's python has it (what a
 * person would do by hand). Times are wall clock, best of 5. No ratio target: the healthcheck
 * only needs tens of milliseconds per model.
 *
 *   node --import tsx bench/trees.ts        (or `npm run bench`)
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parseLightGbm } from '../src/core/models/lightgbm.js';
import type { TreeModel } from '../src/core/models/tree-model.js';
import { parseXgboost } from '../src/core/models/xgboost.js';
import { sharedDir } from '../test/support/shared.js';

const run = promisify(execFile);
const RUNS = 5;
const XGBOOST_TREES = 2000;
const here = path.dirname(fileURLToPath(import.meta.url));

function best<T>(fn: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    value = fn();
    ms = Math.min(ms, performance.now() - start);
  }
  return { ms, value: value as T };
}

function timePredict(model: TreeModel, rows: (number | null)[][]): number {
  return best(() => {
    let sum = 0;
    for (const row of rows) sum += model.predictRaw(row)[0] as number;
    return sum;
  }).ms;
}

/** The kddcup trees repeated `times` times (renumbered, without tree_sizes), a few-MB model. */
function repeatTrees(text: string, times: number): string {
  const start = text.indexOf('\nTree=0\n') + 1;
  const end = text.indexOf('end of trees');
  const header = text.slice(0, start).replace(/^tree_sizes=.*\n/m, '');
  const trees = text.slice(start, end);
  const count = (trees.match(/^Tree=/gm) ?? []).length;
  let body = '';
  for (let k = 0; k < times; k++)
    body += trees.replace(/^Tree=(\d+)$/gm, (_m, i: string) => `Tree=${k * count + Number(i)}`);
  return header + body + text.slice(end);
}

/** An XGBoost JSON model with the fixture's trees repeated to about `trees` trees. */
function growXgboost(text: string, trees: number): string {
  const doc = JSON.parse(text) as {
    learner: {
      gradient_booster: {
        model: { trees: { id: number }[]; tree_info: number[]; gbtree_model_param: { num_trees: string } };
      };
    };
  };
  const model = doc.learner.gradient_booster.model;
  const base = model.trees;
  const grown = Array.from({ length: trees }, (_v, i) => ({
    ...(base[i % base.length] as { id: number }),
    id: i,
  }));
  model.trees = grown;
  model.tree_info = grown.map(() => 0);
  model.gbtree_model_param.num_trees = String(trees);
  return JSON.stringify(doc);
}

/**
 * Python's xgboost on the same grown model: Python grows it from the fixture itself (json.dump
 * writes 1.0 where JSON.stringify writes 1, which XGBoost's parser refuses as an integer).
 */
async function pythonXgboost(fixture: string, trees: number, rows: number, dir: string): Promise<string> {
  if (!existsSync('/usr/bin/python3')) return 'skipped (no /usr/bin/python3)';
  const file = path.join(dir, 'grown-by-python.json');
  const script = [
    'import json, time, numpy as np, xgboost as xgb',
    `doc = json.load(open(${JSON.stringify(fixture)}))`,
    'm = doc["learner"]["gradient_booster"]["model"]',
    `base = m["trees"]; m["trees"] = [dict(base[i % len(base)], id=i) for i in range(${trees})]`,
    `m["tree_info"] = [0] * ${trees}; m["gbtree_model_param"]["num_trees"] = "${trees}"`,
    `json.dump(doc, open(${JSON.stringify(file)}, "w"))`,
    `t = time.perf_counter(); b = xgb.Booster(model_file=${JSON.stringify(file)}); load = time.perf_counter() - t`,
    `X = np.random.default_rng(0).normal(size=(${rows}, b.num_features())).astype(np.float32)`,
    'd = xgb.DMatrix(X); t = time.perf_counter(); b.predict(d, output_margin=True); pred = time.perf_counter() - t',
    'print("%.1f ms load, %.1f ms predict (one DMatrix of %d rows, xgboost %s)" % (load * 1e3, pred * 1e3, X.shape[0], xgb.__version__))',
  ].join('\n');
  try {
    const { stdout } = await run('/usr/bin/python3', ['-c', script], { timeout: 120_000 });
    return stdout.trim();
  } catch (error) {
    return `skipped (${((error as Error).message.split('\n').find((l) => l.includes('Error')) ?? 'python failed').trim()})`;
  }
}

export async function benchTrees(): Promise<void> {
  const kddFile = path.join(
    sharedDir,
    'reference',
    'lightgbm',
    'leaves_kddcup99_multiclass_v2',
    'lg_kddcup99.model',
  );
  const rowsFile = path.join(
    sharedDir,
    'reference',
    'lightgbm',
    'leaves_kddcup99_multiclass_v2',
    'kddcup99_test.tsv',
  );
  if (existsSync(kddFile) && existsSync(rowsFile)) {
    const text = await readFile(kddFile, 'utf8');
    const rows = (await readFile(rowsFile, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number));
    const parsed = best(() => parseLightGbm(text, 'lg_kddcup99.model'));
    const predictMs = timePredict(parsed.value, rows);
    console.log(
      `LightGBM kddcup99 (${(text.length / 1e3).toFixed(0)} KB, ${parsed.value.info.trees} trees, 13 classes), best of ${RUNS}`,
    );
    console.log(`  parse           ${parsed.ms.toFixed(1)} ms`);
    console.log(
      `  predictRaw      ${predictMs.toFixed(1)} ms for ${rows.length} rows (${((predictMs * 1e3) / rows.length).toFixed(1)} us/row)`,
    );

    const big = repeatTrees(text, 10);
    const bigParsed = best(() => parseLightGbm(big, 'kddcup99x10.model'));
    const bigPredictMs = timePredict(bigParsed.value, rows);
    console.log(
      `LightGBM kddcup99 trees x10 (${(big.length / 1e6).toFixed(1)} MB, ${bigParsed.value.info.trees} trees)`,
    );
    console.log(`  parse           ${bigParsed.ms.toFixed(1)} ms`);
    console.log(
      `  predictRaw      ${bigPredictMs.toFixed(1)} ms for ${rows.length} rows (${((bigPredictMs * 1e3) / rows.length).toFixed(1)} us/row)`,
    );
  } else {
    console.log(`LightGBM kddcup99: skipped (${kddFile} is absent: ../shared/ is not part of a clone)`);
  }

  const fixtureFile = path.join(here, '..', 'test', 'models', 'fixtures', 'logitraw.json.txt');
  const grown = growXgboost(await readFile(fixtureFile, 'utf8'), XGBOOST_TREES);
  const xgb = best(() => parseXgboost(grown, 'grown.json'));
  const xgbRows = Array.from({ length: 1000 }, (_v, i) =>
    Array.from({ length: xgb.value.info.features }, (_w, j) => Math.sin(i * 7 + j)),
  );
  const xgbPredictMs = timePredict(xgb.value, xgbRows);
  console.log(`XGBoost JSON, ${xgb.value.info.trees} trees (${(grown.length / 1e6).toFixed(1)} MB)`);
  console.log(`  parse           ${xgb.ms.toFixed(1)} ms`);
  console.log(
    `  predictRaw      ${xgbPredictMs.toFixed(1)} ms for ${xgbRows.length} rows (${((xgbPredictMs * 1e3) / xgbRows.length).toFixed(1)} us/row)`,
  );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'modelgate-bench-trees-'));
  try {
    console.log(`  python xgboost  ${await pythonXgboost(fixtureFile, XGBOOST_TREES, xgbRows.length, dir)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await benchTrees();
}
