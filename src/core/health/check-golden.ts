/**
 * `golden`: every entry of golden.json recomputed here and compared within tolerance: ONNX
 * through onnxruntime-node, LightGBM text and XGBoost JSON through the project's own
 * evaluators, the stacking meta-learner from its coefficients. This is what catches an ONNX
 * export that no longer matches its PyTorch model, or a tree edited by hand. Models without
 * an entry get a smoke run and are reported as `golden: none`.
 *
 * The entries' comparisons begin during `load` (`startGoldenEntries`), once its ONNX latency
 * is measured: the main thread would otherwise only wait there for the tree parses. So this
 * check's time is what was left of them, plus the stacking entry and the smoke runs.
 */
import { readFileSync } from 'node:fs';
import { errorMessage } from '../errors.js';
import {
  compareValues,
  DEFAULT_TOLERANCE,
  goldenFromValue,
  loadGolden,
  type Comparison,
  type Golden,
  type GoldenEntry,
  type OnnxGolden,
  type Tolerance,
  type TreeGolden,
} from '../golden.js';
import { feedsFrom, formatDims, nonFiniteOutputs, runOnnx, smokeFeeds } from '../models/onnx.js';
import type { Problem } from '../report/types.js';
import { isTreeFile, onnxModel, treeModelFor } from './models.js';
import { fileProblem, plural, type CheckOutcome, type HealthContext } from './context.js';
import { metaProbability, stackingMetaOf } from './stacking-meta.js';

export interface GoldenRow {
  model: string;
  kind: string;
  /** `entry`: compared with golden.json; `none`: no entry, smoke run only. */
  golden: 'entry' | 'none';
  /** `skip`: no entry, and the model does not load (a `load` failure, not repeated here). */
  status: 'pass' | 'fail' | 'skip';
  values: number;
  /** Largest |actual - expected| over every compared value (null for smoke runs). */
  maxAbsDiff: number | null;
  tolerance?: Tolerance;
  message: string;
}

const RECOMPUTED = new Set(['onnx', 'lightgbm', 'xgboost']);

/** golden.json as read, and its model entries compared: what `startGoldenEntries` settles to. */
export interface GoldenEntries {
  golden?: Golden;
  unavailable?: { status: 'warn' | 'fail'; message: string };
  /** One row per entry of golden.json's models, in its order. */
  rows: GoldenRow[];
}

/**
 * Reads golden.json (parsed by `load` when it listed it) and starts comparing its model
 * entries; once per healthcheck, so `load` can start it early and `golden` takes it over.
 */
export function startGoldenEntries(ctx: HealthContext): Promise<GoldenEntries> {
  // Never rejects: every failure becomes `unavailable` or a failing row.
  ctx.goldenEntries ??= compareGoldenEntries(ctx);
  return ctx.goldenEntries;
}

async function compareGoldenEntries(ctx: HealthContext): Promise<GoldenEntries> {
  const rel = ctx.config.release.golden;
  const file = ctx.byPath.get(rel);
  let golden: Golden | undefined;
  let unavailable: GoldenEntries['unavailable'];

  if (!file) {
    const listed = ctx.config.release.artifacts.some((a) => a.path === rel);
    unavailable = {
      status: listed ? 'fail' : 'warn',
      message: `${rel}: not in the bundle, so no output was compared with the training job's (smoke runs only); have the training job write it (design.md "Golden vectors")${listed ? '' : `, and list it in release.artifacts so that a bundle without it fails`}`,
    };
  } else {
    try {
      const parsed = ctx.json.get(rel);
      golden =
        parsed === undefined
          ? await loadGolden(file.absolute, rel)
          : goldenFromValue(parsed, rel, () => readFileSync(file.absolute, 'utf8'));
      ctx.golden = golden;
    } catch (error) {
      ctx.goldenError = errorMessage(error);
      unavailable = { status: 'fail', message: ctx.goldenError };
    }
  }
  const entries = golden?.models ?? {};
  const entryRow = async (name: string, entry: GoldenEntry): Promise<GoldenRow> => {
    const tolerance = entry.tolerance ?? golden!.tolerance;
    const kind = ctx.kinds.get(name) ?? 'missing';
    const row = (status: 'pass' | 'fail', message: string, cmp?: Comparison): GoldenRow => ({
      model: name,
      kind,
      golden: 'entry',
      status,
      values: cmp?.count ?? 0,
      maxAbsDiff: cmp ? cmp.maxAbsDiff : null,
      tolerance,
      message,
    });
    try {
      if (!ctx.byPath.has(name)) {
        return row(
          'fail',
          `${rel} models.${name}: no such file in the bundle; fix the name in ${rel} or add the file`,
        );
      } else if (entry.kind === 'onnx' && kind === 'onnx') {
        return await compareOnnx(ctx, name, entry, tolerance, rel, row);
      } else if (entry.kind === 'tree' && isTreeFile(ctx, name)) {
        return await compareTree(ctx, name, entry, tolerance, rel, row);
      } else if (!RECOMPUTED.has(kind)) {
        return row(
          'fail',
          `${rel} models.${name}: golden entries are recomputed for ONNX, LightGBM and XGBoost files, not ${kind}; give the entry to the model's ONNX export instead`,
        );
      } else {
        const wanted = kind === 'onnx' ? '"inputs" and "outputs" by name' : '"rows" and "outputs"';
        return row(
          'fail',
          `${rel} models.${name}: a ${kind} model needs ${wanted}; the entry has the other form`,
        );
      }
    } catch (error) {
      const message = errorMessage(error);
      return row(
        'fail',
        message.startsWith(name) || message.startsWith(rel) ? message : `${name}: ${message}`,
      );
    }
  };

  return {
    ...(golden ? { golden } : {}),
    ...(unavailable ? { unavailable } : {}),
    rows: await Promise.all(Object.entries(entries).map(([name, entry]) => entryRow(name, entry))),
  };
}

export async function checkGolden(ctx: HealthContext): Promise<CheckOutcome> {
  const rel = ctx.config.release.golden;
  const file = ctx.byPath.get(rel);
  const rows: GoldenRow[] = [];
  const problems: Problem[] = [];
  const { golden, unavailable, rows: entryRows } = await startGoldenEntries(ctx);
  const entries = golden?.models ?? {};
  if (unavailable)
    problems.push(
      fileProblem(
        ctx,
        unavailable.status === 'fail' ? 'error' : 'warning',
        file ? rel : undefined,
        unavailable.message,
      ),
    );

  // Models the bundle holds that golden.json does not cover get a smoke run, reported as such.
  const smoked = ctx.files.filter((f) => RECOMPUTED.has(ctx.kinds.get(f.path)!) && !(f.path in entries));
  // All at once: the tree models answer on the worker thread while onnxruntime runs on this
  // one. The rows keep their order: entries, stacking, then smoke runs.
  const [stackingRow, smokeRows] = await Promise.all([
    golden?.stacking ? compareStacking(ctx, golden, rel) : undefined,
    Promise.all(smoked.map((f) => smokeRow(ctx, f.path, ctx.kinds.get(f.path)!))),
  ]);
  rows.push(...entryRows);
  if (stackingRow) rows.push(stackingRow);
  rows.push(...smokeRows);

  for (const r of rows)
    if (r.status === 'fail')
      problems.push(fileProblem(ctx, 'error', ctx.byPath.has(r.model) ? r.model : rel, r.message));
  const compared = rows.filter((r) => r.golden === 'entry');
  const failed = rows.filter((r) => r.status === 'fail');
  const noEntry = rows.filter((r) => r.golden === 'none' && r.status !== 'skip');
  const details = {
    golden: file ? rel : null,
    tolerance: golden?.tolerance ?? DEFAULT_TOLERANCE,
    models: rows,
  };
  if (unavailable) {
    const status = unavailable.status === 'fail' || failed.length ? 'fail' : 'warn';
    return { status, message: unavailable.message, details, problems };
  }
  if (failed.length) {
    const more = failed.length > 1 ? ` (and ${plural(failed.length - 1, 'more model')} failed)` : '';
    return { status: 'fail', message: `${failed[0]!.message}${more}`, details, problems };
  }
  const largest = compared.reduce<GoldenRow | undefined>(
    (a, r) => (!a || (r.maxAbsDiff ?? 0) > (a.maxAbsDiff ?? 0) ? r : a),
    undefined,
  );
  const summary = compared.length
    ? `${plural(compared.length, 'golden entry', 'golden entries')} reproduced (largest difference ${formatDiff(largest?.maxAbsDiff ?? 0)} in ${largest?.model})`
    : `${rel} has no model entries`;
  return {
    status: compared.length ? 'pass' : 'warn',
    message: noEntry.length
      ? `${summary}; ${plural(noEntry.length, 'model')} without an entry got a smoke run: ${noEntry.map((r) => r.model).join(', ')}`
      : summary,
    details,
    ...(problems.length ? { problems } : {}),
  };
}

export function formatDiff(diff: number): string {
  if (!Number.isFinite(diff)) return String(diff);
  if (diff === 0) return '0';
  return diff.toExponential(1);
}

type RowMaker = (status: 'pass' | 'fail', message: string, cmp?: Comparison) => GoldenRow;

const REGENERATE = 'regenerate golden.json in the training run that produced this file';

/** A model that did not load is reported by `load`; here it is only not compared. */
async function loaded<T>(name: string, loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch {
    throw new Error(`${name}: not compared with golden.json because the model does not load (see load)`);
  }
}

async function compareOnnx(
  ctx: HealthContext,
  name: string,
  entry: OnnxGolden,
  tolerance: Tolerance,
  rel: string,
  row: RowMaker,
): Promise<GoldenRow> {
  const model = await loaded(name, onnxModel(ctx, name));
  const feeds = feedsFrom(model, entry.inputs, `${rel} models.${name}`);
  const outputs = await runOnnx(model, feeds);
  const byName = new Map(outputs.map((o) => [o.name, o]));
  let total: Comparison = { count: 0, maxAbsDiff: 0, mismatches: 0 };
  let firstFailure: string | undefined;
  for (const [outName, expected] of Object.entries(entry.outputs)) {
    const actual = byName.get(outName);
    if (!actual)
      return row(
        'fail',
        `${rel} models.${name}.outputs.${outName}: the model has no such output (it has ${outputs.map((o) => o.name).join(', ')}); ${REGENERATE}`,
      );
    if (actual.dims.join(',') !== expected.dims.join(','))
      return row(
        'fail',
        `${name}: output ${outName} has dims ${formatDims(actual.dims)} but ${rel} expects ${formatDims(expected.dims)}; ${REGENERATE}`,
      );
    const cmp = compareValues(actual.data, expected.data, tolerance);
    if (cmp.worst && !firstFailure)
      firstFailure = mismatchMessage(
        name,
        `output ${outName}[${unravel(cmp.worst.index, expected.dims).join(', ')}]`,
        cmp,
        tolerance,
        rel,
        'the ONNX export no longer matches the model that wrote golden.json: re-export it and regenerate golden.json together',
      );
    total = {
      count: total.count + cmp.count,
      maxAbsDiff: Math.max(total.maxAbsDiff, cmp.maxAbsDiff),
      mismatches: total.mismatches + cmp.mismatches,
    };
  }
  if (firstFailure) return row('fail', firstFailure, total);
  return row('pass', `${plural(total.count, 'value')} within tolerance`, total);
}

async function compareTree(
  ctx: HealthContext,
  name: string,
  entry: TreeGolden,
  tolerance: Tolerance,
  rel: string,
  row: RowMaker,
): Promise<GoldenRow> {
  const model = await loaded(name, treeModelFor(ctx, name)!);
  const predicted = await model.predict(entry.rows);
  const actual: number[] = [];
  const expected: number[] = [];
  const rowOf: number[] = [];
  predicted.forEach((out, i) => {
    const want = entry.outputs[i]!;
    if (out.length !== want.length)
      throw new Error(
        `${name}: predicts ${plural(out.length, 'value')} per row but ${rel} models.${name}.outputs[${i}] has ${want.length}; ${REGENERATE}`,
      );
    for (let j = 0; j < out.length; j++) {
      actual.push(out[j]!);
      expected.push(want[j]!);
      rowOf.push(i);
    }
  });
  const cmp = compareValues(actual, expected, tolerance);
  if (cmp.worst) {
    const at = `row ${rowOf[cmp.worst.index]}`;
    return row(
      'fail',
      mismatchMessage(
        name,
        at,
        cmp,
        tolerance,
        rel,
        'the model differs from the one that wrote golden.json (edited by hand, or from another training run): restore it from the training job',
      ),
      cmp,
    );
  }
  return row('pass', `${plural(entry.rows.length, 'row')} within tolerance`, cmp);
}

async function compareStacking(ctx: HealthContext, golden: Golden, rel: string): Promise<GoldenRow> {
  const stacking = golden.stacking!;
  const tolerance = stacking.tolerance ?? golden.tolerance;
  const metaRel = ctx.config.release.stacking?.meta ?? '(release.stacking.meta)';
  const base: GoldenRow = {
    model: metaRel,
    kind: 'stacking',
    golden: 'entry',
    status: 'fail',
    values: 0,
    maxAbsDiff: null,
    tolerance,
    message: '',
  };
  try {
    if (!ctx.config.release.stacking)
      return {
        ...base,
        message: `${rel} has a stacking entry but ${ctx.configFile} has no release.stacking; add it (meta, learner, base)`,
      };
    const meta = await stackingMetaOf(ctx);
    const width = stacking.base_outputs[0]!.length;
    if (meta.meta_learner.coef.length !== width)
      return {
        ...base,
        message: `${metaRel}: meta_learner.coef has ${plural(meta.meta_learner.coef.length, 'coefficient')} but ${rel} stacking.base_outputs rows have ${plural(width, 'column')}; the meta JSON and golden.json come from different runs`,
      };
    const actual = stacking.base_outputs.map((r) => metaProbability(meta, r));
    const cmp = compareValues(actual, stacking.outputs, tolerance);
    if (cmp.worst)
      return {
        ...base,
        values: cmp.count,
        maxAbsDiff: cmp.maxAbsDiff,
        message: mismatchMessage(
          metaRel,
          `meta-learner probability for stacking row ${cmp.worst.index}`,
          cmp,
          tolerance,
          rel,
          'its meta_learner coefficients or intercept differ from the learner that wrote golden.json: restore the file from the training job',
        ),
      };
    return {
      ...base,
      status: 'pass',
      values: cmp.count,
      maxAbsDiff: cmp.maxAbsDiff,
      message: `${plural(cmp.count, 'probability', 'probabilities')} within tolerance`,
    };
  } catch (error) {
    return { ...base, message: errorMessage(error) };
  }
}

function mismatchMessage(
  name: string,
  what: string,
  cmp: Comparison,
  tol: Tolerance,
  rel: string,
  why: string,
): string {
  const w = cmp.worst!;
  const others = cmp.mismatches > 1 ? `; ${cmp.mismatches} of ${cmp.count} values are beyond tolerance` : '';
  return `${name}: ${what} is ${fmt(w.actual)} but ${rel} has ${fmt(w.expected)} (difference ${formatDiff(Math.abs(w.actual - w.expected))}, allowed ${formatDiff(w.allowed)} by ${formatTolerance(tol)})${others}: ${why}`;
}

/** Row-major flat index to a multi-index: 7 in [2, 5] is [1, 2]. */
function unravel(index: number, dims: readonly number[]): number[] {
  const out: number[] = [];
  let rest = index;
  for (let i = dims.length - 1; i >= 0; i--) {
    const d = dims[i]! || 1;
    out.unshift(rest % d);
    rest = Math.floor(rest / d);
  }
  return out.length ? out : [index];
}

/** Tolerances as people write them: 1e-5 rather than 0.00001. */
export function formatTolerance(tol: Tolerance): string {
  const f = (v: number): string =>
    v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential().replace(/\.?0*e/, 'e') : String(v);
  return `atol ${f(tol.atol)}, rtol ${f(tol.rtol)}`;
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(7))) : String(v);
}

async function smokeRow(ctx: HealthContext, rel: string, kind: string): Promise<GoldenRow> {
  const row = (status: GoldenRow['status'], message: string): GoldenRow => ({
    model: rel,
    kind,
    golden: 'none',
    status,
    values: 0,
    maxAbsDiff: null,
    message,
  });
  if (ctx.loadFailures.has(rel))
    return row('skip', 'no golden entry, and no smoke run: the model does not load (see load)');
  try {
    if (kind === 'onnx') {
      const model = await onnxModel(ctx, rel);
      const outputs = await runOnnx(model, smokeFeeds(model));
      const bad = nonFiniteOutputs(outputs);
      if (bad.length)
        return row(
          'fail',
          `${rel}: no golden entry, and its smoke run gives non-finite values in output ${bad[0]!.name}`,
        );
      return row('pass', 'no golden entry: smoke run on inputs of the declared shapes, outputs finite');
    }
    const model = await treeModelFor(ctx, rel)!;
    const [out = []] = await model.predict([new Array<number | null>(model.info.features).fill(0)]);
    if (out.some((v) => !Number.isFinite(v)))
      return row('fail', `${rel}: no golden entry, and a row of zeros predicts a non-finite value`);
    return row('pass', 'no golden entry: smoke run on a row of zeros, outputs finite');
  } catch (error) {
    const message = errorMessage(error);
    return row(
      'fail',
      `${message.startsWith(rel) ? '' : `${rel}: `}${message} (no golden entry; smoke run failed)`,
    );
  }
}
