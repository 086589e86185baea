/**
 * `load`: every artifact opens the way the service will open it. ONNX files get an
 * onnxruntime session (names, types, dims, a run on inputs of the declared shapes, warm p50
 * latency); LightGBM and XGBoost files parse into the evaluators `golden` runs; torch
 * archives hold every storage their pickle names; JSON files parse. Pickles are never
 * loaded: `safety` walks them.
 */
import { readFile } from 'node:fs/promises';
import { errorMessage, ModelgateError } from '../errors.js';
import {
  formatDims,
  measureLatency,
  nonFiniteOutputs,
  nonTensorOutputs,
  runOnnx,
  smokeFeeds,
  ZIPMAP_FIX,
  type OnnxValueInfo,
} from '../models/onnx.js';
import { inspectTorchArchive, type TorchArchiveInfo } from '../models/torch.js';
import type { TreeModelInfo } from '../models/tree-model.js';
import type { Problem } from '../report/types.js';
import { parseJsonText } from '../validation/json-text.js';
import { startGoldenEntries } from './check-golden.js';
import {
  fileProblem,
  formatMs,
  mapLimit,
  plural,
  worst,
  type CheckOutcome,
  type HealthContext,
} from './context.js';
import {
  isTreeFile,
  onnxModel,
  startModelLoads,
  startOnnxLoads,
  treeFileKind,
  treeModelFor,
} from './models.js';
import type { TreeHandle } from './tree-pool.js';

/**
 * The warm-latency sample: the smoke run above was the cold first run (it is the warm-up),
 * then timed runs for 5 ms (at least 5, at most 9): enough for a p50 shown to a tenth of a
 * millisecond, and the main thread is back for the rest of the healthcheck sooner.
 */
const LATENCY = { warmup: 0, runs: 9, budgetMs: 5 };

export interface OnnxLoadDetails {
  file: string;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  openMs: number;
  p50Ms?: number;
  runs?: number;
}

export interface LoadRow {
  file: string;
  kind: string;
  status: 'pass' | 'warn' | 'fail';
  message: string;
  line?: number;
}

export async function checkLoad(ctx: HealthContext): Promise<CheckOutcome> {
  startModelLoads(ctx);
  const rows: LoadRow[] = [];
  const onnxDetails: OnnxLoadDetails[] = [];
  const treeDetails: (TreeModelInfo & { file: string; thread: string })[] = [];
  const torchDetails: { file: string; format: string; storages: number; tensors: number; bytes: number }[] =
    [];
  const counts = { onnx: 0, tree: 0, torch: 0, json: 0, pickle: 0, other: 0 };

  // Small files first, concurrently; then ONNX, whose latency is measured with nothing else on this thread.
  const others = ctx.files.filter((f) => ctx.kinds.get(f.path) !== 'onnx' && !isTreeFile(ctx, f.path));
  const otherRows = await mapLimit(others, 4, async (file): Promise<LoadRow> => {
    const kind = ctx.kinds.get(file.path) ?? 'other';
    try {
      switch (kind) {
        case 'torch': {
          counts.torch++;
          const info = await inspectTorchArchive(file.absolute, file.path);
          const bytes = info.storages.reduce((n, s) => n + (s.bytes ?? 0), 0);
          torchDetails.push({
            file: file.path,
            format: info.format,
            storages: info.storages.length,
            tensors: info.tensors,
            bytes,
          });
          return { file: file.path, kind, status: 'pass', message: describeTorch(info) };
        }
        case 'json': {
          counts.json++;
          const { value, nonStandard } = parseJsonText(await readFile(file.absolute, 'utf8'), file.path);
          ctx.json.set(file.path, value);
          if (nonStandard.length) {
            const first = nonStandard[0]!;
            return {
              file: file.path,
              kind,
              status: 'warn',
              line: first.line,
              message: `${file.path}:${first.line} holds a bare ${first.token} (${plural(nonStandard.length, 'such token')}), which Python reads but strict JSON readers reject; write it with json.dump(..., allow_nan=False) after replacing non-finite values`,
            };
          }
          return { file: file.path, kind, status: 'pass', message: 'parses' };
        }
        case 'pickle':
          counts.pickle++;
          return {
            file: file.path,
            kind,
            status: 'pass',
            message: 'not loaded: pickles are never executed; safety walks them',
          };
        default:
          counts.other++;
          return { file: file.path, kind, status: 'pass', message: 'not a model kind the healthcheck opens' };
      }
    } catch (error) {
      return failRow(file.path, kind, error);
    }
  });
  rows.push(...otherRows);

  startOnnxLoads(ctx);
  for (const file of ctx.files.filter((f) => ctx.kinds.get(f.path) === 'onnx')) {
    counts.onnx++;
    try {
      const model = await onnxModel(ctx, file.path);
      const detail: OnnxLoadDetails = {
        file: file.path,
        inputs: model.inputs,
        outputs: model.outputs,
        openMs: round(model.openMs),
      };
      onnxDetails.push(detail);
      const nonTensor = nonTensorOutputs(model);
      if (nonTensor.length) {
        rows.push({
          file: file.path,
          kind: 'onnx',
          status: 'fail',
          message: `${file.path}: output ${nonTensor.join(', ')} is a map or sequence (a skl2onnx ZipMap), which the service cannot read as a tensor; ${ZIPMAP_FIX}`,
        });
        continue;
      }
      const feeds = smokeFeeds(model);
      const outputs = await runOnnx(model, feeds);
      const bad = nonFiniteOutputs(outputs);
      if (bad.length) {
        const b = bad[0]!;
        rows.push({
          file: file.path,
          kind: 'onnx',
          status: 'fail',
          message: `${file.path}: output ${b.name} holds ${plural(b.count, 'non-finite value')} (first ${b.value} at index ${b.first}) on inputs of the declared shapes ${model.inputs.map((i) => `${i.name}${formatDims(i.dims)}`).join(', ')}; check the exported weights and any division or log in the graph`,
        });
        continue;
      }
      const latency = await measureLatency(model, feeds, LATENCY);
      detail.p50Ms = round(latency.p50Ms, 3);
      detail.runs = latency.runs;
      rows.push({
        file: file.path,
        kind: 'onnx',
        status: 'pass',
        message: `${model.inputs.map((i) => `${i.name} ${i.type}${formatDims(i.dims)}`).join(', ')} -> ${model.outputs
          .map((o) => `${o.name} ${o.type}${formatDims(o.dims)}`)
          .join(', ')}; p50 ${formatMs(latency.p50Ms)} over ${latency.runs} warm runs`,
      });
    } catch (error) {
      rows.push(failRow(file.path, 'onnx', error));
    }
  }

  // Golden's comparisons start here, while this thread would otherwise wait for the tree
  // parses: its ONNX runs happen now (after the latency above was measured alone), and each
  // tree model's predictions are asked for as soon as the worker has parsed it.
  // Its promise never rejects (every failure becomes a row); the catch only keeps a future
  // bug from crashing the process here rather than failing the golden check.
  startGoldenEntries(ctx).catch(() => undefined);
  // Tree models: the worker thread has been parsing them since config; this thread helps with
  // what the worker has not started, when enough is left to be worth a cold parse here.
  await ctx.treePool?.parseQueuedHere();
  for (const file of ctx.files) {
    const kind = treeFileKind(ctx, file.path);
    if (!kind) continue;
    counts.tree++;
    try {
      const model = await treeModelFor(ctx, file.path)!;
      treeDetails.push({ file: file.path, ...model.info, thread: model.thread });
      const smoke = await treeSmoke(model, file.path);
      const { info } = model;
      rows.push({
        file: file.path,
        kind,
        status: smoke ? 'fail' : 'pass',
        message:
          smoke ??
          `${info.trees} trees, ${info.features} features, objective ${info.objective}${info.classes > 1 ? `, ${info.classes} classes` : ''}`,
      });
    } catch (error) {
      rows.push(failRow(file.path, kind, error));
    }
  }

  rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const r of rows) if (r.status === 'fail') ctx.loadFailures.set(r.file, r.message);
  const problems: Problem[] = rows
    .filter((r) => r.status !== 'pass')
    .map((r) => fileProblem(ctx, r.status === 'fail' ? 'error' : 'warning', r.file, r.message, r.line));
  const status = worst(rows.map((r) => r.status));
  const details = {
    files: rows,
    onnx: onnxDetails,
    trees: treeDetails,
    torch: torchDetails,
    treeWorker: ctx.treePool?.threaded ?? false,
  };
  const failing = rows.filter((r) => r.status === 'fail');
  if (failing.length) {
    const more = failing.length > 1 ? ` (and ${plural(failing.length - 1, 'more file')} failed to load)` : '';
    return { status, message: `${failing[0]!.message}${more}`, details, problems };
  }
  const parts = [
    counts.onnx
      ? `${counts.onnx} ONNX (p50 ${onnxDetails.map((d) => `${d.file} ${formatMs(d.p50Ms ?? 0)}`).join(', ')})`
      : '',
    counts.tree ? plural(counts.tree, 'tree model') : '',
    counts.torch ? plural(counts.torch, 'torch archive') : '',
    counts.json ? `${counts.json} JSON` : '',
  ].filter(Boolean);
  const warned = rows.filter((r) => r.status === 'warn');
  const message = `${plural(ctx.files.length, 'file')} checked: ${parts.join(', ') || 'no models'}`;
  return {
    status,
    message: warned.length ? `${message}; ${warned[0]!.message}` : message,
    details,
    ...(problems.length ? { problems } : {}),
  };
}

function failRow(file: string, kind: string, error: unknown): LoadRow {
  const message = errorMessage(error);
  const line = error instanceof ModelgateError ? error.line : undefined;
  return {
    file,
    kind,
    status: 'fail',
    message: message.startsWith(file) ? message : `${file}: ${message}`,
    ...(line ? { line } : {}),
  };
}

/** A row of zeros and a row of missing values must give finite outputs of the right width. */
async function treeSmoke(model: TreeHandle, file: string): Promise<string | undefined> {
  const width = model.info.features;
  const expected = model.info.classes > 2 ? model.info.classes : 1;
  const labels = ['zeros', 'all missing'];
  const outputs = await model.predict([
    new Array<number | null>(width).fill(0),
    new Array<number | null>(width).fill(null),
  ]);
  for (const [i, out] of outputs.entries()) {
    if (out.length !== expected && !(model.info.classes === 2 && out.length === 1))
      return `${file}: predicts ${out.length} values for a row of ${labels[i]}, expected ${expected}`;
    if (out.some((v) => !Number.isFinite(v)))
      return `${file}: predicts a non-finite value (${out.join(', ')}) for a row of ${labels[i]}`;
  }
  return undefined;
}

function describeTorch(info: TorchArchiveInfo): string {
  return `${info.format} format, ${plural(info.tensors, 'tensor')} in ${plural(info.storages.length, 'storage')}, every storage its pickle names is present`;
}

function round(ms: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(ms * f) / f;
}
