/**
 * The bundle's models, opened once and shared by the checks that use them: `load` reports
 * how they open, `golden` and `inference` run them. Tree models are parsed on the tree pool's
 * worker from the moment the files and their kinds are known; ONNX sessions open when `load`
 * reaches them, or when a later check asks first.
 */
import { openOnnxModel, type OnnxModel } from '../models/onnx.js';
import type { HealthContext } from './context.js';
import { TreePool, type TreeHandle } from './tree-pool.js';

/**
 * Starts parsing the tree models, on a second thread when there is one, as soon as the files
 * and their kinds are known: the parse then runs beside integrity, safety and onnxruntime.
 */
export function startModelLoads(ctx: HealthContext): void {
  for (const file of ctx.files) treeModelFor(ctx, file.path);
}

/** The tree kind of a bundle file, as config decided it; undefined for any other file. */
export function treeFileKind(ctx: HealthContext, rel: string): 'lightgbm' | 'xgboost' | undefined {
  const kind = ctx.kinds.get(rel);
  return kind === 'lightgbm' || kind === 'xgboost' ? kind : undefined;
}

export function isTreeFile(ctx: HealthContext, rel: string): boolean {
  return treeFileKind(ctx, rel) !== undefined;
}

function treeModel(ctx: HealthContext, rel: string, kind: 'lightgbm' | 'xgboost'): Promise<TreeHandle> {
  let loading = ctx.trees.get(rel);
  if (!loading) {
    ctx.treePool ??= new TreePool();
    const file = ctx.byPath.get(rel)!;
    loading = ctx.treePool.load(file.absolute, kind, rel, file.size);
    // Rejections are read by `load`; this keeps an early failure from being "unhandled".
    loading.catch(() => undefined);
    ctx.trees.set(rel, loading);
  }
  return loading;
}

/** The parsed tree model of a bundle file; undefined when the file is not a tree model. */
export function treeModelFor(ctx: HealthContext, rel: string): Promise<TreeHandle> | undefined {
  const kind = treeFileKind(ctx, rel);
  return kind ? treeModel(ctx, rel, kind) : undefined;
}

export function startOnnxLoads(ctx: HealthContext): void {
  for (const file of ctx.files) if (ctx.kinds.get(file.path) === 'onnx') onnxModel(ctx, file.path);
}

/** The ONNX session for a bundle file (created on first use when not started early). */
export function onnxModel(ctx: HealthContext, rel: string): Promise<OnnxModel> {
  let opening = ctx.onnx.get(rel);
  if (!opening) {
    opening = openOnnxModel(ctx.byPath.get(rel)!.absolute, rel);
    opening.catch(() => undefined);
    ctx.onnx.set(rel, opening);
  }
  return opening;
}
